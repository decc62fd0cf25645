//! Breakdown bars by actor, region (admin 1), event type and, for files
//! with several countries, country. Each bar is a button: clicking it (or
//! Enter) filters by its value; clicking it again removes that filter.
//! A breakdown shows every value of its own dimension (its own filter
//! applies to the other charts): the selected bars are highlighted, the
//! rest dimmed, and its caption says so.

use super::canvas::css;
use super::exports::{Chart, ChartTools};
use super::state::Measure;
use super::use_ctx;
use crate::engine::data::dimension::{Category, GroupBy};
use crate::engine::present::chart::{bar_rows, BarColours, Emphasis};
use crate::engine::present::format::thousands;
use crate::engine::present::scope::breakdown_caption;
use crate::engine::query::NOT_STATED;
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
            <h2 id="bars-title">{crate::t!("bars-title")}</h2>
            <super::texts::ChartHeading chart=Chart::Breakdown/>
            <p class="muted small">{crate::t!("bars-hint")}</p>
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
            <super::texts::ChartHeading chart=Chart::Breakdown/>
            {move || view! { <BarList by=by.get() expand=true top=true/> }}
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
    /// The list is the panel's top section (an embed's one breakdown): its
    /// heading is a level higher.
    #[prop(optional)]
    top: bool,
) -> impl IntoView {
    let ctx = use_ctx();
    let expanded = RwSignal::new(expand);
    let measure = Memo::new(move |_| ctx.app.with(|a| a.measure));
    let title_id = format!(
        "bars-{}",
        by.plural_title()
            .to_lowercase()
            .replace([' ', '(', ')'], "-")
    );
    // In the order, lengths and colours the exported chart has.
    let selected = Memo::new(move |_| ctx.filters.with(|f| f.chosen(by)));
    let rows = Memo::new(move |_| {
        let selected = selected.get();
        ctx.snapshot.with(|s| {
            let colours = BarColours::of(by, &s.views.timeline.types);
            bar_rows(
                s.views.bars(by).unwrap_or(&[]),
                measure.get(),
                colours,
                &selected,
            )
        })
    });
    let caption = move || ctx.filters.with(|f| breakdown_caption(f, by));
    let list = move || {
        let limit = if expanded.get() { usize::MAX } else { FIRST };
        let noun = match measure.get() {
            Measure::Events => "n-events",
            Measure::Fatalities => "n-fatalities",
        };
        rows.get()
            .into_iter()
            .take(limit)
            .map(|row| {
                let width = format!("{:.1}%", row.share * 100.0);
                let label = row.label;
                let chosen = row.emphasis == Emphasis::Selected;
                let clickable = label != NOT_STATED;
                let pick = label.clone();
                // ACLED's type names in the page's language, the original
                // on hover; other values as the data writes them.
                let term = (by.is_term() || label == NOT_STATED)
                    .then(|| crate::engine::i18n::term(&label))
                    .flatten();
                let original = (term.is_some() && label != NOT_STATED).then(|| label.clone());
                let shown = term.unwrap_or_else(|| label.clone());
                // The unit after the count, in the page's language, for
                // screen readers: the bar's name is its visible text and
                // the unit ("Mopti 8 events").
                let counted = crate::engine::i18n::tr(noun, &[("count", row.value.into())]);
                let unit = counted
                    .rsplit_once(' ')
                    .map_or_else(String::new, |(_, word)| word.to_string());
                let class = match row.emphasis {
                    Emphasis::Dimmed => "bar dimmed",
                    _ => "bar",
                };
                view! {
                    <li>
                        <button
                            class=class
                            aria-pressed=chosen.to_string()
                            disabled=!clickable
                            title=original
                            on:click=move |_| ctx.update_filters(|f| f.pick(by, &pick))
                        >
                            <span class="bar-label">{shown}</span>
                            " "
                            <span class="bar-value">
                                {thousands(row.value)}
                                <span class="visually-hidden">{format!(" {unit}")}</span>
                            </span>
                            <span class="bar-track" aria-hidden="true">
                                <span class="bar-fill" style:width=width style:background-color=css(row.colour)></span>
                            </span>
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <div class="bar-group" data-testid=format!("bars-{}", by.slug())>
            {if top {
                view! { <h2 id=title_id.clone()>{by.plural_title()}</h2> }.into_any()
            } else {
                view! { <h3 id=title_id.clone()>{by.plural_title()}</h3> }.into_any()
            }}
            <p class="bar-caption muted small" id=format!("{title_id}-caption") data-testid=format!("caption-{}", by.slug())>
                {caption}
            </p>
            <ul class="bars" aria-labelledby=title_id.clone() aria-describedby=format!("{title_id}-caption")>{list}</ul>
            <Show when=move || rows.with(|r| r.len() > FIRST)>
                <button class="link" on:click=move |_| expanded.update(|e| *e = !*e)>
                    {move || {
                        if expanded.get() {
                            crate::t!("bars-show-fewer")
                        } else {
                            crate::t!("bars-show-all", count = rows.with(Vec::len))
                        }
                    }}
                </button>
            </Show>
        </div>
    }
}
