//! The published-figures panel: each figure of the bundled
//! `published-figures.csv` (who published it, when, its period, area,
//! actor and definition) beside what the dataset on show counts for the
//! same definition (`engine::query::published`), with the difference; a
//! button opens the view behind a figure by setting its filters. Works for
//! the bundled data and for a user's own file alike.

use super::state::Measure;
use super::{dom, use_ctx};
use crate::engine::data::date;
use crate::engine::present::chips::filters_in_words;
use crate::engine::present::format::thousands;
use crate::engine::present::published::{difference, period, published_value, sentence};
use crate::engine::query::published::{check_one, Counted, FigureCheck};
use crate::engine::read::published::{parse, PublishedFigure};
use leptos::prelude::*;
use leptos::task::spawn_local;

const FIGURES_URL: &str = "data/published-figures.csv";

#[component]
pub fn PublishedPanel() -> impl IntoView {
    let ctx = use_ctx();
    let figures = RwSignal::new(None::<Result<Vec<PublishedFigure>, String>>);
    spawn_local(async move {
        let read = dom::fetch_bytes(FIGURES_URL)
            .await
            .and_then(|bytes| parse(&bytes));
        figures.set(Some(read));
    });
    // Counted again only when the dataset changes, not with the filters:
    // after the new dataset's first frame is painted, one figure per task
    // on a copy of the page's filter state, so a large file's first views
    // are not held up (at a million events the figures take over 100 ms).
    let checks = RwSignal::new(None::<Vec<FigureCheck>>);
    Effect::new(move |_| {
        let version = ctx.data_version.get();
        let list = figures.with(|f| match f {
            Some(Ok(list)) => Some(list.clone()),
            _ => None,
        });
        checks.set(None);
        let Some(list) = list else {
            return;
        };
        let current = move || ctx.data_version.get_untracked() == version;
        spawn_local(async move {
            dom::after_next_paint().await;
            let copy = ctx
                .data
                .with_value(|d| d.as_ref().map(|l| l.state.counting_copy()));
            let Some(mut state) = copy else {
                return;
            };
            let mut done = Vec::with_capacity(list.len());
            for figure in &list {
                dom::yield_now().await;
                // A new dataset (or a fold of its names) starts over.
                if !current() {
                    return;
                }
                let checked = ctx
                    .data
                    .with_value(|d| d.as_ref().map(|l| check_one(&l.store, &mut state, figure)));
                let Some(checked) = checked else {
                    return;
                };
                done.push(checked);
            }
            if current() {
                checks.set(Some(done));
            }
        });
    });
    let state = move || match (figures.with(|f| f.is_some()), checks.with(Option::is_some)) {
        (true, true) => "ready",
        _ => "loading",
    };
    let body = move || {
        if let Some(Err(e)) = figures.get() {
            return view! { <p class="alert">{crate::t!("published-failed", reason = e.to_string())}</p> }
                .into_any();
        }
        let Some(checks) = checks.get() else {
            return view! { <p class="muted">{crate::t!("published-loading")}</p> }.into_any();
        };
        view! {
            <ol class="figures">
                {checks.into_iter().map(|c| view! { <FigureItem check=c/> }).collect_view()}
            </ol>
        }
        .into_any()
    };
    view! {
        <section
            class="panel published"
            aria-labelledby="published-title"
            data-testid="published-figures"
            data-state=state
        >
            <h2 id="published-title">{crate::t!("published-title")}</h2>
            <p class="muted small">
                {crate::t!("published-intro")}
                " "
                {crate::t!("published-intro-sample")}
            </p>
            {body}
        </section>
    }
}

/// One figure, its count in the data and the button that opens its view.
/// The id of a figure's claim (it describes the figure's button): the
/// figure's id with anything but letters and digits made a hyphen, as an
/// id reference list is split on spaces.
fn claim_id(figure: &str) -> String {
    let safe: String = figure
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!("figure-claim-{safe}")
}

#[component]
fn FigureItem(
    /// The figure set beside the data.
    check: FigureCheck,
) -> impl IntoView {
    let ctx = use_ctx();
    let f = check.figure.clone();
    let published_on = f
        .published
        .map(|d| format!(", {}", date::long_date(d)))
        .unwrap_or_default();
    let dash = |s: &str| {
        if s.trim().is_empty() {
            crate::t!("published-any")
        } else {
            s.to_string()
        }
    };
    let types = if f.event_types.is_empty() {
        crate::t!("published-any")
    } else {
        f.event_types.join(", ")
    };
    let outcome = match (&check.definition, check.data) {
        (Ok(_), Some(n)) => view! {
            <p class="figure-numbers">
                <span>{crate::t!("published-published")} <strong>{published_value(&f)}</strong></span>
                <span>{crate::t!("published-this-dataset")} <strong data-testid="figure-count">{thousands(n)}</strong></span>
                <span>{crate::t!("published-difference")} {difference(&check).unwrap_or_default()}</span>
            </p>
        }
        .into_any(),
        (Err(why), _) => view! {
            <p class="figure-numbers">
                <span>{crate::t!("published-published")} <strong>{published_value(&f)}</strong></span>
                <span class="muted">{crate::t!("published-not-counted")} {why.clone()}</span>
            </p>
        }
        .into_any(),
        _ => ().into_any(),
    };
    let reading = check.definition.as_ref().ok().map(|d| {
        let mut words = filters_in_words(&d.filters);
        for r in &d.readings {
            words.push_str(&crate::t!("published-read-as", reading = r.to_string()));
        }
        words
    });
    let open = check.definition.clone().ok().map(|d| {
        let id = f.id.clone();
        let claim_id = claim_id(&f.id);
        let measure = match d.counted {
            Counted::Events => Measure::Events,
            Counted::Fatalities | Counted::CivilianFatalities => Measure::Fatalities,
        };
        view! {
            <button
                class="small-button"
                data-testid=format!("figure-open-{id}")
                aria-describedby=claim_id
                on:click=move |_| {
                    ctx.app.update(|a| {
                        a.filters = d.filters.clone();
                        a.measure = measure;
                    })
                }
            >
                {crate::t!("published-show")}
            </button>
        }
    });
    let notes = (!f.notes.is_empty()).then(|| view! { <p>{f.notes.clone()}</p> });
    view! {
        <li
            class="figure"
            data-testid="figure"
            data-figure-id=f.id.clone()
            data-counted=check.data.map(|n| n.to_string())
            data-events=matches!(check.definition.as_ref().map(|d| d.counted), Ok(Counted::Events)).to_string()
            data-sentence=sentence(&check)
        >
            <p class="figure-claim" id=claim_id(&f.id)><strong>{f.claim.clone()}</strong></p>
            <p class="muted small">
                {format!("{}{published_on}", f.publication)}
                " \u{b7} " {crate::t!("published-period")} " " {period(&f)}
                " \u{b7} " {crate::t!("published-area")} " " {dash(&f.area)}
                " \u{b7} " {crate::t!("published-actor")} " " {dash(&f.actor)}
                " \u{b7} " {crate::t!("published-types")} " " {types}
            </p>
            {outcome}
            <details>
                <summary class="small">{crate::t!("published-definition")}</summary>
                <p>{f.definition.clone()}</p>
                {notes}
                {reading.map(|r| view! { <p class="muted small">{crate::t!("published-counted-with")} {r}</p> })}
            </details>
            {open}
        </li>
    }
}
