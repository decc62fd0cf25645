//! Sharing the view: "Copy link" (the address of the view on show),
//! "Embed" (an `<iframe>` snippet of one panel, described by its text
//! summary) and "Download events" (the filtered events as CSV). When the
//! browser cannot copy, the text stays on show in a field to copy by hand.
//! The texts (addresses, snippet, labels) come from
//! `engine::output::share`.

use super::exports::{self, Chart};
use super::link;
use super::state::{Origin, Panel};
use super::{dom, use_ctx, Ctx};
use crate::engine::output::share::{copy_status, first_embed_panel, panel_label, Embed};
use crate::engine::present::summary;
use crate::engine::query::group::compare;
use leptos::html::{Input, Textarea};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Which sheet is open under the buttons.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Sheet {
    Link,
    Embed,
}

/// The chart whose summary describes an embedded panel.
fn chart_of(panel: Panel) -> Chart {
    match panel {
        Panel::Timeline => Chart::Timeline,
        Panel::Map => Chart::Map,
        Panel::Compare => Chart::Compare,
        Panel::Breakdown => Chart::Breakdown,
        Panel::Table | Panel::Counts => Chart::Counts,
    }
}

/// The text summary of a panel, computing the comparison if it is not on
/// show.
fn panel_summary(ctx: Ctx, panel: Panel) -> String {
    if panel == Panel::Compare && ctx.comparison.with(Option::is_none) {
        let (settings, measure) = ctx.app.with(|a| (a.compare, a.measure));
        ctx.snapshot.track();
        return ctx.data.with_value(|d| {
            d.as_ref().map_or_else(String::new, |l| {
                let c = compare(&l.store, &l.state, settings.a, settings.b, settings.by);
                summary::comparison(&c, measure)
            })
        });
    }
    exports::summary_text(ctx, chart_of(panel))
}

/// The embed of `panel` for the view on show.
fn embed_for(ctx: Ctx, panel: Panel) -> Embed {
    let url = link::absolute(&link::query(ctx, Some(panel)));
    let dataset = ctx
        .info
        .with(|i| i.as_ref().map(|i| i.title()).unwrap_or_default());
    Embed::new(
        url,
        panel,
        &exports::chart_title(ctx, chart_of(panel)),
        &dataset,
        &panel_summary(ctx, panel),
    )
}

/// Copies `text` and records in `copied` whether it reached the clipboard;
/// when it did not, `select` puts the text in a field ready to copy by hand.
fn copy(copied: RwSignal<Option<bool>>, text: String, select: impl Fn() + 'static) {
    copied.set(None);
    spawn_local(async move {
        let ok = dom::copy_text(&text).await;
        copied.set(Some(ok));
        if !ok {
            select();
        }
    });
}

/// The share and download buttons under the header, and the sheet of the
/// link or the embed when one is open.
#[component]
pub fn ShareBar() -> impl IntoView {
    let ctx = use_ctx();
    let sheet = RwSignal::new(None::<Sheet>);
    // Whether the last copy reached the clipboard.
    let copied = RwSignal::new(None::<bool>);
    let link_field = NodeRef::<Input>::new();
    // The panel to embed: kept while the sheet is closed and opened again.
    let embed_panel = RwSignal::new(first_embed_panel(ctx.app.get_untracked().panel));
    let copy_link = move |_| {
        // The address bar shows the link copied.
        link::flush(ctx);
        sheet.set(Some(Sheet::Link));
        copy(copied, link::absolute(&link::query(ctx, None)), move || {
            if let Some(el) = link_field.get_untracked() {
                let _ = el.focus();
                el.select();
            }
        });
    };
    let toggle_embed = move |_| {
        copied.set(None);
        sheet.update(|s| {
            *s = if *s == Some(Sheet::Embed) {
                None
            } else {
                Some(Sheet::Embed)
            }
        });
    };
    let close = Callback::new(move |()| sheet.set(None));

    view! {
        <section class="share" aria-label=crate::t!("share-label")>
            <div class="share-buttons">
                <button data-testid="copy-link" on:click=copy_link>
                    {crate::t!("share-copy-link")}
                </button>
                <button
                    data-testid="open-embed"
                    aria-expanded=move || (sheet.get() == Some(Sheet::Embed)).to_string()
                    on:click=toggle_embed
                >
                    {crate::t!("share-embed")}
                </button>
                <DownloadEvents/>
            </div>
            {move || match sheet.get() {
                None => None,
                Some(Sheet::Link) => Some(
                    view! { <LinkSheet field=link_field copied=copied.read_only() on_close=close/> }
                        .into_any(),
                ),
                Some(Sheet::Embed) => Some(view! { <EmbedSheet panel=embed_panel copied=copied on_close=close/> }.into_any()),
            }}
        </section>
    }
}

/// "Download events (CSV)" and what a long export is doing.
#[component]
fn DownloadEvents() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <button
            data-testid="export-events-csv"
            disabled=move || ctx.busy.with(Option::is_some)
            on:click=move |_| exports::download_events(ctx)
        >
            {crate::t!("share-download-events")}
        </button>
        <span class="muted small" role="status" data-testid="export-status">
            {move || ctx.busy.get()}
        </span>
    }
}

/// The address of the view on show, in a field to copy from.
#[component]
fn LinkSheet(
    /// The field holding the address (selected when copying failed).
    field: NodeRef<Input>,
    /// Whether the last copy reached the clipboard.
    copied: ReadSignal<Option<bool>>,
    /// Closes the sheet.
    on_close: Callback<()>,
) -> impl IntoView {
    let ctx = use_ctx();
    let link = move || link::absolute(&link::query(ctx, None));
    view! {
        <div class="share-sheet" data-testid="link-sheet">
            <label for="share-link">{crate::t!("share-link-label")}</label>
            <input
                id="share-link"
                data-testid="share-link"
                type="text"
                readonly
                node_ref=field
                prop:value=link
            />
            <CopyStatus copied=copied/>
            <LocalFileNote/>
            <button class="link" on:click=move |_| on_close.run(())>
                {crate::t!("dialog-close")}
            </button>
        </div>
    }
}

/// The embed of one panel: which panel, its snippet to copy, a preview
/// link.
#[component]
fn EmbedSheet(
    /// The panel to embed.
    panel: RwSignal<Panel>,
    /// Whether the last copy reached the clipboard (written by the copy
    /// button).
    copied: RwSignal<Option<bool>>,
    /// Closes the sheet.
    on_close: Callback<()>,
) -> impl IntoView {
    let ctx = use_ctx();
    let embed = Memo::new(move |_| embed_for(ctx, panel.get()));
    let code_field = NodeRef::<Textarea>::new();
    let copy_embed = move |_| {
        copy(copied, embed.get_untracked().code, move || {
            if let Some(el) = code_field.get_untracked() {
                let _ = el.focus();
                el.select();
            }
        });
    };
    view! {
        <div class="share-sheet" data-testid="embed-sheet">
            <EmbedPanelSelect panel=panel/>
            <label for="embed-code">
                {crate::t!("share-embed-code-label")}
            </label>
            <textarea
                id="embed-code"
                data-testid="embed-code"
                readonly
                rows="10"
                node_ref=code_field
                prop:value=move || embed.with(|e| e.code.clone())
            ></textarea>
            <div class="share-buttons">
                <button data-testid="copy-embed" on:click=copy_embed>
                    {crate::t!("share-copy-embed")}
                </button>
                <a
                    data-testid="embed-url"
                    href=move || embed.with(|e| e.url.clone())
                    target="_blank"
                    rel="noopener"
                >
                    {crate::t!("share-preview-embed")}
                </a>
            </div>
            <CopyStatus copied=copied.read_only()/>
            <LocalFileNote/>
            <button class="link" on:click=move |_| on_close.run(())>
                {crate::t!("dialog-close")}
            </button>
        </div>
    }
}

/// The list of panels one can embed.
#[component]
fn EmbedPanelSelect(
    /// The panel chosen.
    panel: RwSignal<Panel>,
) -> impl IntoView {
    view! {
        <div class="field inline">
            <label for="embed-panel">{crate::t!("share-embed-panel")}</label>
            <select
                id="embed-panel"
                data-testid="embed-panel"
                on:change=move |ev| {
                    if let Some(p) = Panel::from_name(&event_target_value(&ev)) {
                        panel.set(p);
                    }
                }
            >
                {Panel::ALL
                    .into_iter()
                    .map(|p| {
                        view! {
                            <option value=p.name() prop:selected=move || panel.get() == p>
                                {panel_label(p)}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// Whether the last copy worked, or how to copy by hand.
#[component]
fn CopyStatus(
    /// Whether the last copy reached the clipboard; `None` before any.
    copied: ReadSignal<Option<bool>>,
) -> impl IntoView {
    view! { <p class="small" role="status">{move || copied.get().map(copy_status)}</p> }
}

/// For a file the user opened: the link opens the bundled dataset, and how
/// to share a view of one's own file.
#[component]
fn LocalFileNote() -> impl IntoView {
    let ctx = use_ctx();
    move || {
        ctx.info.with(|i| {
            matches!(i.as_ref().map(|i| &i.origin), Some(Origin::File { .. })).then(|| {
                view! {
                    <p class="muted small" data-testid="share-file-note">
                        {crate::t!("share-file-note")}
                        " "
                        {crate::t!("share-file-note-how")}
                        " "
                        <code>"?data=URL"</code>
                        {crate::t!("share-file-note-end")}
                    </p>
                }
            })
        })
    }
}
