//! Breakdown bars by actor, region (admin 1), event type and, for files
//! with several countries, country. Each bar is a button: clicking it (or
//! Enter) filters by its value; clicking it again removes that filter.

use super::exports::{Chart, ChartTools};
use super::state::Measure;
use super::use_ctx;
use crate::engine::data::dimension::{Category, GroupBy};
use crate::engine::present::format::thousands;
use crate::engine::present::palette::event_type_colour;
use crate::engine::query::{Bar, NOT_STATED};
use leptos::prelude::*;

/// How many bars a list shows before "Show all".
const FIRST: usize = 8;

#[component]
pub fn Breakdowns() -> impl IntoView {
    let ctx = use_ctx();
    let several_countries = move || {
        ctx.snapshot
            .with(|s| s.views.by_category[Category::Country].len() > 1)
    };
    view! {
        <section class="panel breakdowns" aria-labelledby="bars-title" aria-describedby="breakdown-summary">
            <h2 id="bars-title">"Breakdown"</h2>
            <p class="muted small">"Click a bar to filter by it; click again to undo."</p>
            <div class="bar-groups">
                <BarList by=GroupBy::Actor/>
                <BarList by=GroupBy::Category(Category::Admin1)/>
                <BarList by=GroupBy::Category(Category::EventType)/>
                <Show when=several_countries>
                    <BarList by=GroupBy::Category(Category::Country)/>
                </Show>
            </div>
            <ChartTools chart=Chart::Breakdown/>
        </section>
    }
}

/// One breakdown, by the dimension the view names (for an embed).
#[component]
pub fn BreakdownChart() -> impl IntoView {
    let ctx = use_ctx();
    let by = Memo::new(move |_| ctx.app.with(|a| a.breakdown));
    view! {
        <section class="panel breakdowns single" aria-describedby="breakdown-summary">
            {move || view! { <BarList by=by.get() expand=true/> }}
            <ChartTools chart=Chart::Breakdown/>
        </section>
    }
}

/// The bars of one dimension, largest first.
#[component]
fn BarList(
    /// The breakdown's dimension.
    by: GroupBy,
    /// Show every bar from the start.
    #[prop(optional)]
    expand: bool,
) -> impl IntoView {
    let ctx = use_ctx();
    let expanded = RwSignal::new(expand);
    let measure = Memo::new(move |_| ctx.app.with(|a| a.measure));
    let bars = Memo::new(move |_| {
        ctx.snapshot
            .with(|s| s.views.bars(by).unwrap_or(&[]).to_vec())
    });
    let title_id = format!(
        "bars-{}",
        by.plural_title()
            .to_lowercase()
            .replace([' ', '(', ')'], "-")
    );
    let value_of = move |b: &Bar| match measure.get() {
        Measure::Events => b.measures.events,
        Measure::Fatalities => b.measures.fatalities,
    };
    let list = move || {
        let all = bars.get();
        let mut sorted = all.clone();
        sorted.sort_by(|a, b| {
            value_of(b)
                .cmp(&value_of(a))
                .then_with(|| a.label.cmp(&b.label))
        });
        let max = sorted.first().map(value_of).unwrap_or(0).max(1);
        let limit = if expanded.get() { sorted.len() } else { FIRST };
        let type_names = ctx.snapshot.with(|s| s.views.timeline.types.clone());
        sorted
            .into_iter()
            .take(limit)
            .map(|bar| {
                let v = value_of(&bar);
                let width = format!("{:.1}%", v as f64 * 100.0 / max as f64);
                let label = bar.label.clone();
                let chosen = ctx.filters.with(|f| f.is_chosen(by, &label));
                let colour = match by {
                    GroupBy::Category(Category::EventType) => {
                        let i = type_names.iter().position(|t| *t == label).unwrap_or(0);
                        event_type_colour(&label, i)
                    }
                    _ => "var(--bar)",
                };
                let clickable = label != NOT_STATED;
                let pick = label.clone();
                let unit = match measure.get() {
                    Measure::Events => "events",
                    Measure::Fatalities => "fatalities",
                };
                view! {
                    <li>
                        <button
                            class="bar"
                            aria-pressed=chosen.to_string()
                            disabled=!clickable
                            aria-label=format!("{label}: {} {unit}", thousands(v))
                            on:click=move |_| ctx.update_filters(|f| f.pick(by, &pick))
                        >
                            <span class="bar-label">{bar.label}</span>
                            <span class="bar-value">{thousands(v)}</span>
                            <span class="bar-track" aria-hidden="true">
                                <span class="bar-fill" style:width=width style:background-color=colour></span>
                            </span>
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <div class="bar-group" data-testid=format!("bars-{}", by.slug())>
            <h3 id=title_id.clone()>{by.plural_title()}</h3>
            <ul class="bars" aria-labelledby=title_id>{list}</ul>
            <Show when=move || bars.with(|b| b.len() > FIRST)>
                <button class="link" on:click=move |_| expanded.update(|e| *e = !*e)>
                    {move || {
                        if expanded.get() {
                            "Show fewer".to_string()
                        } else {
                            format!("Show all {}", bars.with(Vec::len))
                        }
                    }}
                </button>
            </Show>
        </div>
    }
}
