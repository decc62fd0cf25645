//! Sharing the view: "Copy link" (the address of the view on show),
//! "Embed" (an `<iframe>` snippet of one panel, described by its text
//! summary) and "Download events" (the filtered events as CSV). When the
//! browser cannot copy, the text stays on show in a field to copy by hand.

use super::exports::{self, Chart};
use super::link;
use super::state::{Origin, Panel};
use super::{dom, use_ctx, Ctx};
use crate::engine::output::embed_code;
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

/// A panel's name in a sentence.
fn panel_label(panel: Panel) -> &'static str {
    match panel {
        Panel::Timeline => "Timeline",
        Panel::Map => "Map",
        Panel::Compare => "Period comparison",
        Panel::Breakdown => "Breakdown",
        Panel::Table => "Events table",
        Panel::Counts => "Headline counts",
    }
}

/// A height for the frame that suits the panel.
fn frame_height(panel: Panel) -> u32 {
    match panel {
        Panel::Timeline => 420,
        Panel::Map => 560,
        Panel::Compare => 520,
        Panel::Breakdown => 480,
        Panel::Table => 600,
        Panel::Counts => 260,
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

/// The embed snippet of `panel` for the view on show, and its address.
fn embed_for(ctx: Ctx, panel: Panel) -> (String, String) {
    let url = link::absolute(&link::query(ctx, Some(panel)));
    let dataset = ctx
        .info
        .with(|i| i.as_ref().map(|i| i.title()).unwrap_or_default());
    let title = format!(
        "EventLens: {} \u{b7} {}",
        exports::chart_title(ctx, chart_of(panel)),
        dataset
    );
    let code = embed_code(
        &url,
        &title,
        &panel_summary(ctx, panel),
        frame_height(panel),
    );
    (code, url)
}

/// The share and download buttons under the header.
#[component]
pub fn ShareBar() -> impl IntoView {
    let ctx = use_ctx();
    let sheet = RwSignal::new(None::<Sheet>);
    // Whether the last copy reached the clipboard.
    let copied = RwSignal::new(None::<bool>);
    let link_field = NodeRef::<Input>::new();
    let code_field = NodeRef::<Textarea>::new();
    let embed_panel = RwSignal::new(match ctx.app.get_untracked().panel {
        Panel::Table => Panel::Timeline,
        p => p,
    });
    let link = move || link::absolute(&link::query(ctx, None));
    let embed = Memo::new(move |_| embed_for(ctx, embed_panel.get()));

    let copy = move |text: String, select: Box<dyn Fn()>| {
        copied.set(None);
        spawn_local(async move {
            let ok = dom::copy_text(&text).await;
            copied.set(Some(ok));
            if !ok {
                select();
            }
        });
    };
    let copy_link = move |_| {
        sheet.set(Some(Sheet::Link));
        copy(
            link(),
            Box::new(move || {
                if let Some(el) = link_field.get_untracked() {
                    let _ = el.focus();
                    el.select();
                }
            }),
        );
    };
    let copy_embed = move |_| {
        copy(
            embed.get_untracked().0,
            Box::new(move || {
                if let Some(el) = code_field.get_untracked() {
                    let _ = el.focus();
                    el.select();
                }
            }),
        );
    };
    let status = move || {
        copied.get().map(|ok| {
            if ok {
                "Copied to the clipboard."
            } else {
                "This browser did not let the page copy: select the text above and copy it (Ctrl+C or \u{2318}C)."
            }
        })
    };
    let local_file = move || {
        ctx.info.with(|i| {
            matches!(i.as_ref().map(|i| &i.origin), Some(Origin::File { .. })).then(|| {
                view! {
                    <p class="muted small" data-testid="share-file-note">
                        "Files you open stay on your computer, so this link opens the bundled dataset with the same filters. "
                        "To share a view of your own file, put the CSV on a web server that allows it and add "
                        <code>"?data=URL"</code>
                        " to the link."
                    </p>
                }
            })
        })
    };

    view! {
        <section class="share" aria-label="Share and download">
            <div class="share-buttons">
                <button data-testid="copy-link" on:click=copy_link>
                    "Copy link"
                </button>
                <button
                    data-testid="open-embed"
                    aria-expanded=move || (sheet.get() == Some(Sheet::Embed)).to_string()
                    on:click=move |_| {
                        copied.set(None);
                        sheet.update(|s| {
                            *s = if *s == Some(Sheet::Embed) { None } else { Some(Sheet::Embed) }
                        });
                    }
                >
                    "Embed"
                </button>
                <button
                    data-testid="export-events-csv"
                    disabled=move || ctx.busy.with(Option::is_some)
                    on:click=move |_| exports::download_events(ctx)
                >
                    "Download events (CSV)"
                </button>
                <span class="muted small" role="status" data-testid="export-status">
                    {move || ctx.busy.get()}
                </span>
            </div>
            {move || match sheet.get() {
                None => None,
                Some(Sheet::Link) => Some(
                    view! {
                        <div class="share-sheet" data-testid="link-sheet">
                            <label for="share-link">"Link to this view"</label>
                            <input
                                id="share-link"
                                data-testid="share-link"
                                type="text"
                                readonly
                                node_ref=link_field
                                prop:value=link
                            />
                            <p class="small" role="status">{status}</p>
                            {local_file}
                            <button class="link" on:click=move |_| sheet.set(None)>
                                "Close"
                            </button>
                        </div>
                    }
                    .into_any(),
                ),
                Some(Sheet::Embed) => Some(
                    view! {
                        <div class="share-sheet" data-testid="embed-sheet">
                            <div class="field inline">
                                <label for="embed-panel">"Panel to embed"</label>
                                <select
                                    id="embed-panel"
                                    data-testid="embed-panel"
                                    on:change=move |ev| {
                                        if let Some(p) = Panel::from_name(&event_target_value(&ev)) {
                                            embed_panel.set(p);
                                        }
                                    }
                                >
                                    {Panel::ALL
                                        .into_iter()
                                        .map(|p| {
                                            view! {
                                                <option value=p.name() prop:selected=move || embed_panel.get() == p>
                                                    {panel_label(p)}
                                                </option>
                                            }
                                        })
                                        .collect_view()}
                                </select>
                            </div>
                            <label for="embed-code">
                                "Embed code: a frame the width of the article, with the chart's summary as its caption"
                            </label>
                            <textarea
                                id="embed-code"
                                data-testid="embed-code"
                                readonly
                                rows="6"
                                node_ref=code_field
                                prop:value=move || embed.get().0
                            ></textarea>
                            <div class="share-buttons">
                                <button data-testid="copy-embed" on:click=copy_embed>
                                    "Copy embed code"
                                </button>
                                <a
                                    data-testid="embed-url"
                                    href=move || embed.get().1
                                    target="_blank"
                                    rel="noopener"
                                >
                                    "Preview the embed"
                                </a>
                            </div>
                            <p class="small" role="status">{status}</p>
                            {local_file}
                            <button class="link" on:click=move |_| sheet.set(None)>
                                "Close"
                            </button>
                        </div>
                    }
                    .into_any(),
                ),
            }}
        </section>
    }
}
