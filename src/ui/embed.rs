//! Embed mode (`?embed=1&panel=...`): one panel, no header or filter
//! controls, filling its frame, with a small footer naming the dataset and
//! its version, the credit, the filters in words and a link to the same
//! view in the full app. The embed listens to no messages from the page
//! around it.

use super::exports::{Chart, ChartTools};
use super::state::Panel;
use super::{bars, compare, details, header, link, map, notices, table, timeline, use_ctx};
use crate::engine::present::scope::Scope;
use crate::engine::query::ChartKind;
use leptos::prelude::*;

#[component]
pub fn EmbedView() -> impl IntoView {
    let ctx = use_ctx();
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
                || ("Loading the data\u{2026}".to_string(), String::new()),
                |i| (i.versioned_title(), i.credit()),
            )
        })
    };
    view! {
        <div class="embed-root" data-testid="embed">
            <notices::Notices/>
            <div class="embed-panel" data-panel=move || panel.get().name()>
                {move || match panel.get() {
                    Panel::Timeline => view! { <timeline::Timeline/> }.into_any(),
                    Panel::Map => view! { <map::MapPanel/> }.into_any(),
                    Panel::Compare => {
                        view! {
                            <section class="panel compare-embed" aria-label="Period comparison">
                                <compare::ComparisonView/>
                            </section>
                        }
                            .into_any()
                    }
                    Panel::Breakdown => view! { <bars::BreakdownChart/> }.into_any(),
                    Panel::Table => view! { <section class="panel"><table::EventTable/></section> }.into_any(),
                    Panel::Counts => {
                        view! {
                            <section class="panel counts-embed" aria-label="Headline counts" aria-describedby="counts-summary">
                                <header::Counts/>
                                <ChartTools chart=Chart::Counts/>
                            </section>
                        }
                            .into_any()
                    }
                }}
            </div>
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
                        "Open in EventLens"
                    </a>
                </p>
            </footer>
            <details::DetailsPanel/>
        </div>
    }
}
