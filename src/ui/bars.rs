//! Breakdown bars by actor, region (admin 1), event type and, for files
//! with several countries, country. Each bar is a button: clicking it (or
//! Enter) filters by its value; clicking it again removes that filter.

use super::state::Measure;
use super::use_ctx;
use crate::engine::format::thousands;
use crate::engine::present::{event_type_colour, toggle};
use crate::engine::query::{Bar, Filters, Views, NOT_STATED};
use leptos::prelude::*;

/// How many bars a list shows before "Show all".
const FIRST: usize = 8;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Actor,
    Admin1,
    EventType,
    Country,
}

impl Kind {
    fn title(self) -> &'static str {
        match self {
            Kind::Actor => "Actors",
            Kind::Admin1 => "Regions (admin 1)",
            Kind::EventType => "Event types",
            Kind::Country => "Countries",
        }
    }

    fn bars(self, v: &Views) -> &[Bar] {
        match self {
            Kind::Actor => &v.by_actor,
            Kind::Admin1 => &v.by_admin1,
            Kind::EventType => &v.by_event_type,
            Kind::Country => &v.by_country,
        }
    }

    fn is_chosen(self, f: &Filters, label: &str) -> bool {
        match self {
            Kind::Actor => f.actor.as_deref() == Some(label),
            Kind::Admin1 => f.admin1.iter().any(|v| v == label),
            Kind::EventType => f.event_types.iter().any(|v| v == label),
            Kind::Country => f.countries.iter().any(|v| v == label),
        }
    }

    fn pick(self, f: &mut Filters, label: &str) {
        match self {
            Kind::Actor => {
                if f.actor.as_deref() == Some(label) {
                    f.actor = None;
                } else {
                    f.actor = Some(label.to_string());
                }
            }
            Kind::Admin1 => toggle(&mut f.admin1, label),
            Kind::EventType => toggle(&mut f.event_types, label),
            Kind::Country => toggle(&mut f.countries, label),
        }
    }
}

#[component]
pub fn Breakdowns() -> impl IntoView {
    let ctx = use_ctx();
    let several_countries = move || ctx.snapshot.with(|s| s.views.by_country.len() > 1);
    view! {
        <section class="panel breakdowns" aria-labelledby="bars-title">
            <h2 id="bars-title">"Breakdown"</h2>
            <p class="muted small">"Click a bar to filter by it; click again to undo."</p>
            <div class="bar-groups">
                <BarList kind=Kind::Actor/>
                <BarList kind=Kind::Admin1/>
                <BarList kind=Kind::EventType/>
                <Show when=several_countries>
                    <BarList kind=Kind::Country/>
                </Show>
            </div>
        </section>
    }
}

#[component]
fn BarList(kind: Kind) -> impl IntoView {
    let ctx = use_ctx();
    let expanded = RwSignal::new(false);
    let measure = Memo::new(move |_| ctx.app.with(|a| a.measure));
    let bars = Memo::new(move |_| ctx.snapshot.with(|s| kind.bars(&s.views).to_vec()));
    let title_id = format!(
        "bars-{}",
        kind.title().to_lowercase().replace([' ', '(', ')'], "-")
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
                let chosen = ctx.filters.with(|f| kind.is_chosen(f, &label));
                let colour = match kind {
                    Kind::EventType => {
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
                            on:click=move |_| ctx.update_filters(|f| kind.pick(f, &pick))
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
        <div class="bar-group" data-testid=format!("bars-{}", match kind {
            Kind::Actor => "actor",
            Kind::Admin1 => "admin1",
            Kind::EventType => "event-type",
            Kind::Country => "country",
        })>
            <h3 id=title_id.clone()>{kind.title()}</h3>
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
