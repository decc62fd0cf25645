//! The comparison panel: period A against period B by a chosen dimension,
//! with events, fatalities and the change in events ("new" where A had
//! none). Every filter applies except the date range, which the periods
//! replace. A preset fills in "the same months in consecutive years" (the
//! months window's, when one is set). The comparison shows as paired bars
//! (`engine::present::chart::comparison_chart`, the description its SVG
//! export also draws) over the table, whose texts come from
//! `engine::present::comparison_table`.

use super::canvas;
use super::dom::watch_size;
use super::exports::{Chart, ChartTools};
use super::state::CompareSettings;
use super::use_ctx;
use crate::engine::data::date::{format_iso, parse_iso, year_of};
use crate::engine::data::dimension::GroupBy;
use crate::engine::present::chart::{comparison_chart, Frame};
use crate::engine::present::comparison_table::{
    caption, compare_dimensions, headings, preset_button, RowCells,
};
use crate::engine::present::format::month_name;
use leptos::html::Canvas;
use leptos::prelude::*;

/// The comparison's controls (the preset, both periods, the dimension),
/// its table and a note on the filters.
#[component]
pub fn ComparePanel() -> impl IntoView {
    view! {
        <div class="compare-panel" role="tabpanel" id="panel-lower" aria-labelledby="tab-compare">
            <ConsecutiveYears/>
            <div class="periods">
                <fieldset>
                    <legend>{crate::t!("compare-period-a")}</legend>
                    <DateField label=crate::t!("filters-from") id="c-a-from" get=|s| s.a.from put=|s, d| s.a.from = d/>
                    <DateField label=crate::t!("filters-to") id="c-a-to" get=|s| s.a.to put=|s, d| s.a.to = d/>
                </fieldset>
                <fieldset>
                    <legend>{crate::t!("compare-period-b")}</legend>
                    <DateField label=crate::t!("filters-from") id="c-b-from" get=|s| s.b.from put=|s, d| s.b.from = d/>
                    <DateField label=crate::t!("filters-to") id="c-b-to" get=|s| s.b.to put=|s, d| s.b.to = d/>
                </fieldset>
                <DimensionSelect/>
            </div>
            <ComparisonView/>
            <p class="muted small">
                {crate::t!("compare-note")}
            </p>
        </div>
    }
}

/// The preset: months of one year against the same months of the next.
/// Its inputs are its own until submitted.
#[component]
fn ConsecutiveYears() -> impl IntoView {
    let ctx = use_ctx();
    // The months window, when one is set, is the season to compare.
    let (from_month, to_month) = ctx.filters.with_untracked(|f| f.months).unwrap_or((6, 9));
    let first = RwSignal::new(u32::from(from_month));
    let last = RwSignal::new(u32::from(to_month));
    let year = RwSignal::new(ctx.app.with_untracked(|a| year_of(a.compare.a.from)));
    let apply = move || {
        let by = ctx.app.with_untracked(|a| a.compare.by);
        if let Some(s) = CompareSettings::consecutive_years(
            year.get_untracked(),
            first.get_untracked(),
            last.get_untracked(),
            by,
        ) {
            ctx.app.update(|a| a.compare = s);
        }
    };
    view! {
        <form class="preset" on:submit=move |ev| {
            ev.prevent_default();
            apply();
        }>
            <p class="small-title">{crate::t!("compare-preset-title")}</p>
            <MonthSelect id="c-first" label=crate::t!("filters-from") value=first/>
            <MonthSelect id="c-last" label=crate::t!("filters-months-to") value=last/>
            <div class="field">
                <label for="c-year">{crate::t!("compare-of-year")}</label>
                <input
                    id="c-year"
                    type="number"
                    min="1900"
                    max="2100"
                    prop:value=move || year.get().to_string()
                    on:change=move |ev| {
                        if let Ok(y) = event_target_value(&ev).parse() {
                            year.set(y);
                        }
                    }
                />
            </div>
            <button type="submit">{move || preset_button(year.get())}</button>
        </form>
    }
}

/// A month of the year to choose.
#[component]
fn MonthSelect(
    /// The element id, for the label.
    id: &'static str,
    /// The label's text.
    #[prop(into)]
    label: String,
    /// The month chosen, 1-12.
    value: RwSignal<u32>,
) -> impl IntoView {
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
}

/// A date of the comparison's settings (a period's first or last day).
#[component]
fn DateField(
    /// The label's text.
    #[prop(into)]
    label: String,
    /// The element id, for the label.
    id: &'static str,
    /// Reads the date from the settings.
    get: fn(&CompareSettings) -> i32,
    /// Writes the date into the settings.
    put: fn(&mut CompareSettings, i32),
) -> impl IntoView {
    let ctx = use_ctx();
    let day = Memo::new(move |_| ctx.app.with(|a| get(&a.compare)));
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input
                id=id
                type="date"
                prop:value=move || format_iso(day.get())
                on:change=move |ev| {
                    if let Some(day) = parse_iso(&event_target_value(&ev)) {
                        ctx.app.update(|a| put(&mut a.compare, day));
                    }
                }
            />
        </div>
    }
}

/// The dimension the periods are compared by.
#[component]
fn DimensionSelect() -> impl IntoView {
    let ctx = use_ctx();
    let by = Memo::new(move |_| ctx.app.with(|a| a.compare.by));
    view! {
        <div class="field">
            <label for="c-by">{crate::t!("compare-by")}</label>
            <select
                id="c-by"
                on:change=move |ev| {
                    if let Some(g) = GroupBy::from_name(&event_target_value(&ev)) {
                        ctx.app.update(|a| a.compare.by = g);
                    }
                }
            >
                {compare_dimensions()
                    .map(|g| {
                        view! {
                            <option value=g.name() prop:selected=move || by.get() == g>
                                {g.label()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
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
        let by = comparison.by.label();
        Some(view! {
            <table class="compare-table" data-testid="comparison" aria-describedby="compare-summary">
                <caption>{caption(&comparison)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{by.to_string()}</th>
                        {headings().map(|h| view! { <th scope="col" class="num">{h}</th> })}
                    </tr>
                </thead>
                <tbody>
                    {comparison
                        .rows
                        .iter()
                        .map(|r| view! { <ComparisonLine cells=RowCells::new(r) total=false/> })
                        .collect_view()}
                </tbody>
                <tfoot>
                    <ComparisonLine cells=RowCells::new(&comparison.total) total=true/>
                </tfoot>
            </table>
        })
    };

    view! {
        <super::texts::ChartHeading chart=Chart::Compare/>
        <ComparisonBars/>
        {table}
        <ChartTools chart=Chart::Compare/>
    }
}

/// The comparison as paired bars, period A over period B per row, with
/// its legend as text (each entry's colour in `data-colour`).
#[component]
fn ComparisonBars() -> impl IntoView {
    let ctx = use_ctx();
    let canvas = NodeRef::<Canvas>::new();
    let size = watch_size(canvas);
    let width = Memo::new(move |_| size.get().map(|(w, _)| w));
    let chart = Memo::new(move |_| {
        let width = width.get()?;
        let measure = ctx.app.with(|a| a.measure);
        let frame = Frame::Screen { width, height: 0.0 };
        ctx.comparison
            .with(|c| c.as_ref().map(|c| comparison_chart(c, measure, frame)))
    });
    let height = move || chart.with(|c| c.as_ref().map_or(60.0, |c| c.height));
    canvas::keep_drawn(canvas, chart);
    let legend = canvas::legend_items(chart, "compare-legend-entry");
    view! {
        <canvas
            node_ref=canvas
            class="compare-canvas"
            data-testid="compare-chart"
            role="img"
            aria-label=crate::t!("compare-chart-label")
            aria-describedby="compare-summary"
            style:height=move || format!("{}px", height())
        ></canvas>
        <ul class="legend" aria-label=crate::t!("compare-legend-label") data-testid="compare-legend">{legend}</ul>
    }
}

/// One line of the comparison table: the group, its events and
/// fatalities in A and B, and the change, marked up or down.
#[component]
fn ComparisonLine(
    /// The line's texts.
    cells: RowCells,
    /// The line of totals.
    total: bool,
) -> impl IntoView {
    let RowCells { key, values, trend } = cells;
    // ACLED's type names in the page's language (the original on hover).
    let original = crate::engine::i18n::term(&key).map(|_| key.clone());
    let key = crate::engine::i18n::term_or(&key);
    let [events_a, events_b, change, fatalities_a, fatalities_b] = values;
    view! {
        <tr class:total=total>
            <th scope="row" title=original>{key}</th>
            <td class="num">{events_a}</td>
            <td class="num">{events_b}</td>
            <td class=trend.class()>{change}</td>
            <td class="num">{fatalities_a}</td>
            <td class="num">{fatalities_b}</td>
        </tr>
    }
}
