//! Embed mode (`?embed=1&panel=...`): one panel, no header or filter
//! controls, filling its frame, with a small footer naming the dataset and
//! its version, the credit, the filters in words and a link to the same
//! view in the full app. The embed is as tall as its content and tells the
//! page around it that height (`{eventlens: "height", value: N}`, on load
//! and whenever it changes), which the host script of the embed code
//! (`engine::output::embed_code`) gives the frame. It sends nothing else
//! and listens to no messages.

use super::exports::{Chart, ChartTools};
use super::state::Panel;
use super::{bars, compare, details, header, link, map, notices, table, timeline, use_ctx};
use crate::engine::present::scope::Scope;
use crate::engine::query::ChartKind;
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::ResizeObserver;

/// Posts the height of `root` to the parent page whenever it changes,
/// when the page is in a frame.
fn report_height(root: NodeRef<Div>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let parent = match window.parent() {
        Ok(Some(p)) if !js_sys::Object::is(&p, &window) => p,
        _ => return,
    };
    type Observer = (ResizeObserver, Closure<dyn Fn(js_sys::Array)>);
    let observer: StoredValue<Option<Observer>, LocalStorage> = StoredValue::new_local(None);
    let sent = StoredValue::new(0u32);
    Effect::new(move |_| {
        let Some(el) = root.get() else {
            return;
        };
        if observer.with_value(Option::is_some) {
            return;
        }
        let measured = el.clone();
        let parent = parent.clone();
        let window = window.clone();
        let callback = Closure::<dyn Fn(js_sys::Array)>::new(move |_: js_sys::Array| {
            // The border box, margins included: the frame's height that
            // shows all of it without a scroll bar.
            let scrolled = window.scroll_y().unwrap_or(0.0);
            let height = measured.get_bounding_client_rect().bottom() + scrolled;
            let height = height.ceil().max(0.0) as u32;
            if height == 0 || height == sent.get_value() {
                return;
            }
            sent.set_value(height);
            let message = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&message, &"eventlens".into(), &"height".into());
            let _ = js_sys::Reflect::set(&message, &"value".into(), &JsValue::from(height));
            // Only a height leaves the page, so any origin may read it.
            let _ = parent.post_message(&message, "*");
        });
        if let Ok(o) = ResizeObserver::new(callback.as_ref().unchecked_ref()) {
            o.observe(&el);
            observer.set_value(Some((o, callback)));
        }
    });
    on_cleanup(move || {
        observer.update_value(|o| {
            if let Some((o, _)) = o.take() {
                o.disconnect();
            }
        })
    });
}

#[component]
pub fn EmbedView() -> impl IntoView {
    let ctx = use_ctx();
    let root = NodeRef::<Div>::new();
    report_height(root);
    let panel = Memo::new(move |_| ctx.app.with(|a| a.panel));
    let full_view = move || link::absolute(&link::query(ctx, None));
    // The filters the panel's figures apply, and the one it shows all
    // values of instead (a breakdown's own, the timeline's dates).
    let filters_words = move || {
        let kind = ctx.app.with(|a| match a.panel {
            Panel::Timeline => ChartKind::Timeline,
            Panel::Map => ChartKind::Map,
            Panel::Compare => ChartKind::Compare,
            Panel::Breakdown => ChartKind::Breakdown(a.breakdown),
            Panel::Table => ChartKind::Table,
            Panel::Counts => ChartKind::Counts,
        });
        ctx.filters.with(|f| Scope::of(f, kind).footer().join(" "))
    };
    let dataset = move || {
        ctx.info.with(|i| {
            i.as_ref().map_or_else(
                || (crate::t!("loading-data"), String::new()),
                |i| (i.versioned_title(), i.credit()),
            )
        })
    };
    view! {
        <div class="embed-root" data-testid="embed" node_ref=root>
            // A frame is a page of its own to a screen reader: it gets a
            // title and its panel is the main landmark.
            <notices::Notices/>
            <main class="embed-panel" data-panel=move || panel.get().name()>
                <h1 class="visually-hidden">{move || dataset().0}</h1>
                {move || match panel.get() {
                    Panel::Timeline => view! { <timeline::Timeline/> }.into_any(),
                    Panel::Map => view! { <map::MapPanel/> }.into_any(),
                    Panel::Compare => {
                        view! {
                            <section class="panel compare-embed" aria-label=crate::t!("panel-compare")>
                                <compare::ComparisonView/>
                            </section>
                        }
                            .into_any()
                    }
                    Panel::Breakdown => view! { <bars::BreakdownChart/> }.into_any(),
                    Panel::Table => view! { <section class="panel"><table::EventTable/></section> }.into_any(),
                    Panel::Counts => {
                        view! {
                            <section class="panel counts-embed" aria-label=crate::t!("panel-counts") aria-describedby="counts-summary">
                                <super::texts::ChartHeading chart=Chart::Counts/>
                                <header::Counts/>
                                <ChartTools chart=Chart::Counts/>
                            </section>
                        }
                            .into_any()
                    }
                }}
            </main>
            <footer class="embed-footer" data-testid="embed-footer">
                <p>
                    <strong data-testid="embed-dataset">{move || dataset().0}</strong>
                    " \u{b7} "
                    <span>{move || dataset().1}</span>
                </p>
                <p>
                    <span data-testid="embed-filters">{filters_words}</span>
                    " \u{b7} "
                    <a href=full_view target="_blank" rel="noopener" data-testid="open-full">
                        {crate::t!("embed-open-full")}
                    </a>
                </p>
            </footer>
            <details::DetailsPanel/>
        </div>
    }
}
