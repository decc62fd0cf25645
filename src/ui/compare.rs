//! The comparison panel: period A against period B by a chosen dimension,
//! with events, fatalities and the change in events ("new" where A had
//! none). Every filter applies except the date range, which the periods
//! replace. A preset fills in "the same months in consecutive years".

use super::exports::{Chart, ChartTools};
use super::state::CompareSettings;
use super::use_ctx;
use crate::engine::data::date::Bin;
use crate::engine::data::date::{format_iso, parse_iso, year_of};
use crate::engine::data::dimension::GroupBy;
use crate::engine::present::format::month_name;
use crate::engine::present::format::thousands;
use crate::engine::query::group::{ComparisonRow, Period};
use leptos::prelude::*;

/// The dimensions offered: every breakdown, and months (time bins other
/// than months compare poorly across two periods).
fn dimensions() -> impl Iterator<Item = GroupBy> {
    GroupBy::breakdowns().chain([GroupBy::Time(Bin::Month)])
}

#[component]
pub fn ComparePanel() -> impl IntoView {
    let ctx = use_ctx();
    let settings = Memo::new(move |_| ctx.app.with(|a| a.compare));
    let set = move |f: &dyn Fn(&mut CompareSettings)| ctx.app.update(|a| f(&mut a.compare));

    // The preset's own inputs: months and the first year.
    let preset_first = RwSignal::new(6u32);
    let preset_last = RwSignal::new(9u32);
    let preset_year = RwSignal::new(year_of(settings.get_untracked().a.from));
    let apply_preset = move || {
        if let Some(s) = CompareSettings::consecutive_years(
            preset_year.get_untracked(),
            preset_first.get_untracked(),
            preset_last.get_untracked(),
            settings.get_untracked().by,
        ) {
            ctx.app.update(|a| a.compare = s);
        }
    };
    let date_input = move |label: &'static str,
                           id: &'static str,
                           get: fn(&CompareSettings) -> i32,
                           put: fn(&mut CompareSettings, i32)| {
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <input
                    id=id
                    type="date"
                    prop:value=move || format_iso(get(&settings.get()))
                    on:change=move |ev| {
                        if let Some(day) = parse_iso(&event_target_value(&ev)) {
                            set(&|s| put(s, day));
                        }
                    }
                />
            </div>
        }
    };
    let month_select = move |id: &'static str, label: &'static str, value: RwSignal<u32>| {
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <select id=id on:change=move |ev| {
                    if let Ok(m) = event_target_value(&ev).parse() {
                        value.set(m);
                    }
                }>
                    {(1..=12u32)
                        .map(|m| {
                            view! {
                                <option value=m.to_string() prop:selected=move || value.get() == m>
                                    {month_name(m as u8)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
        }
    };

    view! {
        <div class="compare-panel" role="tabpanel" id="panel-lower" aria-labelledby="tab-compare">
            <form class="preset" on:submit=move |ev| {
                ev.prevent_default();
                apply_preset();
            }>
                <p class="small-title">"Same months in consecutive years"</p>
                {month_select("c-first", "From", preset_first)}
                {month_select("c-last", "to", preset_last)}
                <div class="field">
                    <label for="c-year">"of year"</label>
                    <input
                        id="c-year"
                        type="number"
                        min="1900"
                        max="2100"
                        prop:value=move || preset_year.get().to_string()
                        on:change=move |ev| {
                            if let Ok(y) = event_target_value(&ev).parse() {
                                preset_year.set(y);
                            }
                        }
                    />
                </div>
                <button type="submit">{move || format!("Compare with {}", preset_year.get() + 1)}</button>
            </form>
            <div class="periods">
                <fieldset>
                    <legend>"Period A"</legend>
                    {date_input("From", "c-a-from", |s| s.a.from, |s, d| s.a.from = d)}
                    {date_input("To", "c-a-to", |s| s.a.to, |s, d| s.a.to = d)}
                </fieldset>
                <fieldset>
                    <legend>"Period B"</legend>
                    {date_input("From", "c-b-from", |s| s.b.from, |s, d| s.b.from = d)}
                    {date_input("To", "c-b-to", |s| s.b.to, |s, d| s.b.to = d)}
                </fieldset>
                <div class="field">
                    <label for="c-by">"By"</label>
                    <select
                        id="c-by"
                        on:change=move |ev| {
                            if let Some(by) = GroupBy::from_name(&event_target_value(&ev)) {
                                set(&|s| s.by = by);
                            }
                        }
                    >
                        {dimensions()
                            .map(|g| {
                                view! {
                                    <option value=g.name() prop:selected=move || settings.get().by == g>
                                        {g.label()}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
            </div>
            <ComparisonView/>
            <p class="muted small">
                "All filters apply except the date range, which the two periods replace."
            </p>
        </div>
    }
}

/// The comparison table and its summary (the panel without its controls,
/// as an embed shows it).
#[component]
pub fn ComparisonView() -> impl IntoView {
    let ctx = use_ctx();
    let table = move || {
        let comparison = ctx.comparison.get()?;
        let label_a = period_label(comparison.a);
        let label_b = period_label(comparison.b);
        let row_view = |row: ComparisonRow, total: bool| {
            let change = row.change_label();
            let class = if row.is_new || row.change_pct.is_some_and(|p| p > 0.0) {
                "num up"
            } else if row.change_pct.is_some_and(|p| p < 0.0) {
                "num down"
            } else {
                "num"
            };
            view! {
                <tr class:total=total>
                    <th scope="row">{row.key}</th>
                    <td class="num">{thousands(row.a.events)}</td>
                    <td class="num">{thousands(row.b.events)}</td>
                    <td class=class>{change}</td>
                    <td class="num">{thousands(row.a.fatalities)}</td>
                    <td class="num">{thousands(row.b.fatalities)}</td>
                </tr>
            }
        };
        let by = comparison.by.label();
        Some(view! {
            <table class="compare-table" data-testid="comparison" aria-describedby="compare-summary">
                <caption>
                    {format!("Events and fatalities by {by}: A = {label_a}, B = {label_b}")}
                </caption>
                <thead>
                    <tr>
                        <th scope="col">{by.to_string()}</th>
                        <th scope="col" class="num">"Events A"</th>
                        <th scope="col" class="num">"Events B"</th>
                        <th scope="col" class="num">"Change"</th>
                        <th scope="col" class="num">"Fatalities A"</th>
                        <th scope="col" class="num">"Fatalities B"</th>
                    </tr>
                </thead>
                <tbody>
                    {comparison.rows.into_iter().map(|r| row_view(r, false)).collect_view()}
                </tbody>
                <tfoot>{row_view(comparison.total, true)}</tfoot>
            </table>
        })
    };

    view! {
        {table}
        <ChartTools chart=Chart::Compare/>
    }
}

fn period_label(p: Period) -> String {
    p.label()
}
