//! The page header: which dataset is on show and its credit, the headline
//! counts for the current filters (and a polite live region saying them
//! once per change), and "Open your own file".

use super::load;
use super::state::Origin;
use super::use_ctx;
use crate::engine::present::credit;
use crate::engine::present::format::date_span;
use crate::engine::present::format::{plural, thousands};
use leptos::prelude::*;

#[component]
pub fn Header() -> impl IntoView {
    let ctx = use_ctx();
    let title = move || {
        ctx.info.with(|i| {
            i.as_ref()
                .map_or_else(|| crate::t!("header-loading"), |i| i.title())
        })
    };
    let credit = move || {
        ctx.info.with(|info| {
            let info = info.as_ref()?;
            Some(match &info.origin {
                Origin::Bundled => view! {
                    <p class="sample-note" data-testid="sample-note">{credit::sample_note()}</p>
                    <p class="credit">
                        {info.credit()}
                        " "
                        <super::about::AboutData/>
                    </p>
                }
                .into_any(),
                origin => {
                    let local = matches!(origin, Origin::File { .. });
                    view! {
                        <p class="credit">
                            <span data-testid="dataset-format">{info.format.label()}</span>
                            " \u{b7} "
                            {info.credit()}
                            {local.then(|| crate::t!("header-read-locally"))}
                        </p>
                    }
                    .into_any()
                }
            })
        })
    };
    let on_file = move |ev: leptos::ev::Event| {
        if let Some(file) = super::dom::chosen_file(&ev) {
            load::load_file(ctx, file, None, None);
        }
    };
    view! {
        <header class="top">
            <div class="brand">
                <p class="app-name">"EventLens"</p>
                <h1 data-testid="dataset-title">{title}</h1>
                {credit}
            </div>
            <Counts/>
            <CountsAnnouncer/>
            <div class="open">
                <super::lang::LangSwitch/>
                <label class="button primary file-button">
                    {crate::t!("header-open-file")}
                    <input
                        type="file"
                        accept=".csv,.tsv,.txt,text/csv"
                        data-testid="file-input"
                        on:change=on_file
                    />
                </label>
                <p class="hint">{crate::t!("header-open-hint")}</p>
                <Show when=move || ctx.report.with(|r| r.is_some())>
                    <button class="link" on:click=move |_| ctx.report_open.set(true)>
                        {crate::t!("header-import-report")}
                    </button>
                </Show>
            </div>
        </header>
    }
}

/// The headline counts in one sentence, in a polite live region: a
/// screen reader hears the new counts once per change of the filters. The
/// counts on show change in several text nodes, one by one, so they are
/// not a live region themselves.
#[component]
fn CountsAnnouncer() -> impl IntoView {
    let ctx = use_ctx();
    let sentence = Memo::new(move |_| {
        ctx.snapshot.with(|s| {
            let m = &s.views.totals.measures;
            [
                plural(m.events, "event", "events"),
                plural(m.fatalities, "fatality", "fatalities"),
                plural(
                    m.civilian_fatalities,
                    "civilian fatality",
                    "civilian fatalities",
                ),
            ]
            .join(", ")
        })
    });
    view! {
        <p class="visually-hidden" aria-live="polite" data-testid="counts-announcer">
            {move || sentence.get()}
        </p>
    }
}

/// The headline counts of the filtered events (also an embeddable panel).
#[component]
pub fn Counts() -> impl IntoView {
    let ctx = use_ctx();
    let totals = move || ctx.snapshot.with(|s| s.views.totals.clone());
    view! {
        <div class="counts">
            <p class="count">
                <span class="n" data-testid="events-count">
                    {move || thousands(totals().measures.events)}
                </span>
                <span class="what">
                    {move || crate::t!("counts-events-word", count = totals().measures.events)}
                </span>
            </p>
            <p class="count">
                <span class="n" data-testid="fatalities-count">
                    {move || thousands(totals().measures.fatalities)}
                </span>
                <span class="what">
                    {move || crate::t!("counts-fatalities-word", count = totals().measures.fatalities)}
                </span>
                {move || {
                    let t = totals();
                    match (t.fatalities_low, t.fatalities_high) {
                        (Some(lo), Some(hi)) => {
                            Some(crate::t!("counts-estimates", low = lo, high = hi))
                        }
                        _ => None,
                    }
                }}
            </p>
            <p class="count">
                <span class="n" data-testid="civilian-fatalities-count">
                    {move || thousands(totals().measures.civilian_fatalities)}
                </span>
                <span class="what">
                    {move || {
                        crate::t!(
                            "counts-civilian-word",
                            count = totals().measures.civilian_fatalities
                        )
                    }}
                </span>
            </p>
            {move || {
                ctx.note_scan
                    .get()
                    .map(|(done, total)| {
                        let pct = (done * 100).checked_div(total).unwrap_or(0);
                        view! {
                            <p class="count span scanning" data-testid="note-scan">
                                {crate::t!("counts-scanning-notes", percent = pct)}
                            </p>
                        }
                    })
            }}
            <p class="count span" data-testid="date-span">
                {move || {
                    let t = totals();
                    date_span(t.first_day, t.last_day)
                }}
            </p>
        </div>
    }
}
