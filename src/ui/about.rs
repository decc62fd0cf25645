//! "About the data": the bundled `ABOUT.md` (or its translation,
//! `ABOUT.<lang>.md`, in the page's language), fetched when asked for and
//! shown inside the page as headings, paragraphs, lists and tables
//! (`engine::present::markdown`), every piece of it a text node.

use super::dom;
use crate::engine::i18n::{self, Lang};
use crate::engine::present::markdown::{parse, Block, Span};
use leptos::html::Button;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The English page, and the one shown when a language has none.
const ABOUT_URL: &str = "data/ABOUT.md";

/// The page in `lang`: `data/ABOUT.fr.md` for French.
fn about_url(lang: Lang) -> String {
    if lang == Lang::EN {
        ABOUT_URL.to_string()
    } else {
        format!("data/ABOUT.{}.md", lang.code())
    }
}

/// The page in `lang` and the address it came from; the English page when
/// `lang` has none.
async fn fetch_about(lang: Lang) -> Result<(String, Vec<Block>), String> {
    let url = about_url(lang);
    let (url, bytes) = match dom::fetch_bytes(&url).await {
        Ok(bytes) => (url, bytes),
        Err(_) if lang != Lang::EN => (ABOUT_URL.to_string(), dom::fetch_bytes(ABOUT_URL).await?),
        Err(e) => return Err(e),
    };
    let blocks = parse(&String::from_utf8_lossy(&bytes));
    Ok((url, blocks))
}

/// The link-styled button that opens the page, and the page when open.
#[component]
pub fn AboutData() -> impl IntoView {
    let open = RwSignal::new(false);
    let blocks = RwSignal::new(None::<Result<Vec<Block>, String>>);
    // The page is drawn again on a language switch, so the language is
    // read once.
    let lang = i18n::current();
    let source = RwSignal::new(about_url(lang));
    let close_button = NodeRef::<Button>::new();
    let show = move |_| {
        open.set(true);
        if blocks.with_untracked(Option::is_none) {
            spawn_local(async move {
                let read = fetch_about(lang).await.map(|(url, blocks)| {
                    source.set(url);
                    blocks
                });
                blocks.set(Some(read));
            });
        }
    };
    Effect::new(move |_| {
        if open.get() {
            if let Some(b) = close_button.get() {
                let _ = b.focus();
            }
        }
    });
    let body = move || match blocks.get() {
        None => view! { <p class="muted">{crate::t!("about-loading")}</p> }.into_any(),
        Some(Err(e)) => {
            view! { <p class="alert">{crate::t!("about-failed", reason = e)}</p> }.into_any()
        }
        Some(Ok(blocks)) => blocks.into_iter().map(block).collect_view().into_any(),
    };
    view! {
        <button class="link" data-testid="about-open" on:click=show>
            {crate::t!("about-open")}
        </button>
        <Show when=move || open.get()>
            <div
                class="modal-backdrop"
                on:click=move |ev| {
                    // A click on the backdrop itself, not the page.
                    if ev.target() == ev.current_target() {
                        open.set(false);
                    }
                }
            >
                <section
                    class="modal panel about"
                    role="dialog"
                    aria-modal="true"
                    aria-labelledby="about-title"
                    data-testid="about"
                    data-state=move || if blocks.with(Option::is_some) { "ready" } else { "loading" }
                    on:keydown=move |ev: web_sys::KeyboardEvent| {
                        if ev.key() == "Escape" {
                            open.set(false);
                        }
                    }
                >
                    <div class="panel-head">
                        <h2 id="about-title">{crate::t!("about-title")}</h2>
                        <button class="close" node_ref=close_button on:click=move |_| open.set(false)>
                            {crate::t!("dialog-close")}
                        </button>
                    </div>
                    <div class="prose">{body}</div>
                    <p class="muted small">
                        <a href=move || source.get()>{crate::t!("about-markdown")}</a>
                    </p>
                </section>
            </div>
        </Show>
    }
}

fn spans(spans: Vec<Span>) -> impl IntoView {
    spans
        .into_iter()
        .map(|s| match s {
            Span::Text(t) => t.into_any(),
            Span::Strong(t) => view! { <strong>{t}</strong> }.into_any(),
            Span::Code(t) => view! { <code>{t}</code> }.into_any(),
            Span::Link { text, href } => {
                view! { <a href=href rel="noopener noreferrer" target="_blank">{text}</a> }
                    .into_any()
            }
        })
        .collect_view()
}

fn block(b: Block) -> AnyView {
    match b {
        // The dialog's own title is the h2: the document's headings sit
        // under it.
        Block::Heading(level, s) if level <= 2 => view! { <h3>{spans(s)}</h3> }.into_any(),
        Block::Heading(_, s) => view! { <h4>{spans(s)}</h4> }.into_any(),
        Block::Paragraph(s) => view! { <p>{spans(s)}</p> }.into_any(),
        Block::List { ordered, items } => {
            let items = items
                .into_iter()
                .map(|i| view! { <li>{spans(i)}</li> })
                .collect_view();
            if ordered {
                view! { <ol>{items}</ol> }.into_any()
            } else {
                view! { <ul>{items}</ul> }.into_any()
            }
        }
        Block::Table { head, rows } => view! {
            <div class="table-scroll">
                <table>
                    <thead>
                        <tr>{head.into_iter().map(|c| view! { <th scope="col">{spans(c)}</th> }).collect_view()}</tr>
                    </thead>
                    <tbody>
                        {rows
                            .into_iter()
                            .map(|r| view! { <tr>{r.into_iter().map(|c| view! { <td>{spans(c)}</td> }).collect_view()}</tr> })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        }
        .into_any(),
    }
}
