//! Breakdown bars by actor, region (admin 1), event type and, for files
//! with several countries, country. Each bar is a button: clicking it (or
//! Enter) filters by its value; clicking it again removes that filter.

use super::canvas::css;
use super::exports::{Chart, ChartTools};
use super::state::Measure;
use super::use_ctx;
use crate::engine::present::chart::{bar_rows, BarColours};
use crate::engine::present::chips::toggle;
use crate::engine::present::format::{plural, thousands};
use crate::engine::query::group::GroupBy;
use crate::engine::query::{Filters, NOT_STATED};
use leptos::prelude::*;

/// How many bars a list shows before "Show all".
const FIRST: usize = 8;

/// A breakdown dimension as the bar lists use it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Kind(pub GroupBy);

impl Kind {
    fn title(self) -> &'static str {
        match self.0 {
            GroupBy::Actor => "Actors",
            GroupBy::Admin1 => "Regions (admin 1)",
            GroupBy::Admin2 => "Districts (admin 2)",
            GroupBy::EventType => "Event types",
            GroupBy::SubEventType => "Sub-event types",
            GroupBy::DisorderType => "Disorder types",
            GroupBy::Country => "Countries",
            _ => "Breakdown",
        }
    }

    fn list(self, f: &mut Filters) -> Option<&mut Vec<String>> {
        match self.0 {
            GroupBy::Admin1 => Some(&mut f.admin1),
            GroupBy::Admin2 => Some(&mut f.admin2),
            GroupBy::EventType => Some(&mut f.event_types),
            GroupBy::SubEventType => Some(&mut f.sub_event_types),
            GroupBy::DisorderType => Some(&mut f.disorder_types),
            GroupBy::Country => Some(&mut f.countries),
            _ => None,
        }
    }

    fn is_chosen(self, f: &Filters, label: &str) -> bool {
        let list = match self.0 {
            GroupBy::Actor => return f.actor.as_deref() == Some(label),
            GroupBy::Admin1 => &f.admin1,
            GroupBy::Admin2 => &f.admin2,
            GroupBy::EventType => &f.event_types,
            GroupBy::SubEventType => &f.sub_event_types,
            GroupBy::DisorderType => &f.disorder_types,
            GroupBy::Country => &f.countries,
            _ => return false,
        };
        list.iter().any(|v| v == label)
    }

    fn pick(self, f: &mut Filters, label: &str) {
        if self.0 == GroupBy::Actor {
            if f.actor.as_deref() == Some(label) {
                f.actor = None;
            } else {
                f.actor = Some(label.to_string());
            }
        } else if let Some(list) = self.list(f) {
            toggle(list, label);
        }
    }

    fn test_id(self) -> String {
        format!(
            "bars-{}",
            match self.0 {
                GroupBy::EventType => "event-type",
                GroupBy::SubEventType => "sub-event-type",
                GroupBy::DisorderType => "disorder-type",
                other => other.name(),
            }
        )
    }
}

#[component]
pub fn Breakdowns() -> impl IntoView {
    let ctx = use_ctx();
    let several_countries = move || ctx.snapshot.with(|s| s.views.by_country.len() > 1);
    view! {
        <section class="panel breakdowns" aria-labelledby="bars-title" aria-describedby="breakdown-summary">
            <h2 id="bars-title">"Breakdown"</h2>
            <p class="muted small">"Click a bar to filter by it; click again to undo."</p>
            <div class="bar-groups">
                <BarList kind=Kind(GroupBy::Actor)/>
                <BarList kind=Kind(GroupBy::Admin1)/>
                <BarList kind=Kind(GroupBy::EventType)/>
                <Show when=several_countries>
                    <BarList kind=Kind(GroupBy::Country)/>
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
            {move || view! { <BarList kind=Kind(by.get()) expand=true/> }}
            <ChartTools chart=Chart::Breakdown/>
        </section>
    }
}

/// The bars of one dimension, largest first.
#[component]
fn BarList(
    kind: Kind,
    /// Show every bar from the start.
    #[prop(optional)]
    expand: bool,
) -> impl IntoView {
    let ctx = use_ctx();
    let expanded = RwSignal::new(expand);
    let measure = Memo::new(move |_| ctx.app.with(|a| a.measure));
    let title_id = format!(
        "bars-{}",
        kind.title().to_lowercase().replace([' ', '(', ')'], "-")
    );
    // In the order, lengths and colours the exported chart has.
    let rows = Memo::new(move |_| {
        ctx.snapshot.with(|s| {
            let colours = BarColours::of(kind.0, &s.views.timeline.types);
            bar_rows(s.views.bars(kind.0).unwrap_or(&[]), measure.get(), colours)
        })
    });
    let list = move || {
        let limit = if expanded.get() { usize::MAX } else { FIRST };
        let (one, many) = match measure.get() {
            Measure::Events => ("event", "events"),
            Measure::Fatalities => ("fatality", "fatalities"),
        };
        rows.get()
            .into_iter()
            .take(limit)
            .map(|row| {
                let width = format!("{:.1}%", row.share * 100.0);
                let label = row.label;
                let chosen = ctx.filters.with(|f| kind.is_chosen(f, &label));
                let clickable = label != NOT_STATED;
                let pick = label.clone();
                view! {
                    <li>
                        <button
                            class="bar"
                            aria-pressed=chosen.to_string()
                            disabled=!clickable
                            aria-label=format!("{label}: {}", plural(row.value, one, many))
                            on:click=move |_| ctx.update_filters(|f| kind.pick(f, &pick))
                        >
                            <span class="bar-label">{label.clone()}</span>
                            <span class="bar-value">{thousands(row.value)}</span>
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
        <div class="bar-group" data-testid=kind.test_id()>
            <h3 id=title_id.clone()>{kind.title()}</h3>
            <ul class="bars" aria-labelledby=title_id>{list}</ul>
            <Show when=move || rows.with(|r| r.len() > FIRST)>
                <button class="link" on:click=move |_| expanded.update(|e| *e = !*e)>
                    {move || {
                        if expanded.get() {
                            "Show fewer".to_string()
                        } else {
                            format!("Show all {}", rows.with(Vec::len))
                        }
                    }}
                </button>
            </Show>
        </div>
    }
}
