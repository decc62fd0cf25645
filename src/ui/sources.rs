//! Two sources side by side: the dataset on show and a second file of
//! another source (ACLED and UCDP GED for one country), summed per month,
//! year or admin 1 for the same filters, translated into each
//! (`engine::query::sources`), as paired bars drawn from the chart
//! description the comparison of periods also uses, with a table of the
//! figures, both credits and what each source could not filter by. No
//! event of one source is matched with an event of the other.

use super::canvas;
use super::dom::watch_size;
use super::state::Origin;
use super::use_ctx;
use super::versions::{source_name, Second};
use crate::engine::present::chart::{paired_bars_chart, Frame, PairedBars};
use crate::engine::present::credit;
use crate::engine::present::format::thousands;
use crate::engine::query::group::ComparisonRow;
use crate::engine::query::sources::{filters_for, paired_sums, SourceGrouping};
use crate::engine::query::{Measure, NOT_STATED};
use leptos::html::Canvas;
use leptos::prelude::*;

/// What the panel shows for the current filters.
#[derive(Clone, Debug, PartialEq)]
struct SourcesView {
    rows: Vec<ComparisonRow>,
    total: ComparisonRow,
    left_out: Vec<String>,
    /// Short names of the two sources ("ACLED", "UCDP GED").
    names: [String; 2],
    /// Legend entries: each file's title.
    titles: [String; 2],
    credits: [String; 2],
}

/// The paired sums and their chart.
#[component]
pub fn SourcesPanel() -> impl IntoView {
    let ctx = use_ctx();
    let second = expect_context::<Second>();
    let grouping = RwSignal::new(SourceGrouping::Month);
    let measure = RwSignal::new(Measure::Events);
    let view_of = Memo::new(move |_| {
        // The dataset's own filter state is applied by the snapshot.
        ctx.snapshot.track();
        second.version.track();
        let filters = ctx.filters.get();
        let by = grouping.get();
        let info = ctx.info.get()?;
        ctx.data.with_value(|d| {
            let main = d.as_ref()?;
            second
                .data
                .try_update_value(|s| {
                    let s = s.as_mut()?;
                    let mut names = [source_name(&main.store), source_name(&s.store)];
                    if names[0] == names[1] {
                        names = [
                            crate::t!("second-first-file"),
                            crate::t!("second-second-file"),
                        ];
                    }
                    let translated = filters_for(&s.store, &filters, &names[1]);
                    s.state.apply(&s.store, &translated.filters);
                    let states = [&main.state, &s.state];
                    let (rows, total) =
                        paired_sums([&main.store, &s.store], |v, r| states[v].passes(r), by);
                    let origin = Origin::File {
                        name: s.name.clone(),
                    };
                    Some(SourcesView {
                        rows,
                        total,
                        left_out: translated.left_out,
                        titles: [info.title(), s.name.clone()],
                        credits: [
                            info.credit(),
                            credit::credit(&origin, s.store.format, s.synthetic_events),
                        ],
                        names,
                    })
                })
                .flatten()
        })
    });
    view! {
        <div class="sources-panel" data-testid="sources-panel">
            <h2>{crate::t!("sources-title")}</h2>
            <div class="sources-controls">
                <div class="field">
                    <label for="sources-by">{crate::t!("sources-per")}</label>
                    <select id="sources-by" data-testid="sources-by" on:change=move |ev| {
                        if let Some(g) = SourceGrouping::from_name(&event_target_value(&ev)) {
                            grouping.set(g);
                        }
                    }>
                        {SourceGrouping::ALL.map(|g| view! {
                            <option value=g.name() prop:selected=move || grouping.get() == g>{g.label()}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="sources-measure">{crate::t!("sources-bars-show")}</label>
                    <select id="sources-measure" on:change=move |ev| {
                        measure.set(if event_target_value(&ev) == "fatalities" {
                            Measure::Fatalities
                        } else {
                            Measure::Events
                        });
                    }>
                        <option value="events">{crate::t!("sources-events")}</option>
                        <option value="fatalities">{crate::t!("sources-fatalities")}</option>
                    </select>
                </div>
            </div>
            {move || view_of.get().map(|v| {
                let SourcesView { rows, total, left_out, names, titles, credits } = v;
                view! {
                    {left_out.into_iter().map(|sentence| view! {
                        <p class="sources-left-out" data-testid="sources-left-out">{sentence}</p>
                    }).collect_view()}
                    <SourcesBars rows=rows.clone() names=names.clone() titles=titles measure=measure/>
                    <table class="compare-table" data-testid="sources-table">
                        <thead>
                            <tr>
                                <th scope="col">{move || grouping.get().heading()}</th>
                                <th scope="col" class="num">{crate::t!("sources-col-events", source = &names[0])}</th>
                                <th scope="col" class="num">{crate::t!("sources-col-events", source = &names[1])}</th>
                                <th scope="col" class="num">{crate::t!("sources-col-fatalities", source = &names[0])}</th>
                                <th scope="col" class="num">{crate::t!("sources-col-fatalities", source = &names[1])}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {rows.into_iter().map(|r| view! { <SourcesLine row=r total=false/> }).collect_view()}
                        </tbody>
                        <tfoot>
                            <SourcesLine row=total total=true/>
                        </tfoot>
                    </table>
                    <footer class="sources-footer muted small" data-testid="sources-footer">
                        <p>{credits[0].clone()}</p>
                        <p>{credits[1].clone()}</p>
                        <p>{crate::t!("sources-footer-note")}</p>
                    </footer>
                }
            })}
        </div>
    }
}

/// One line of the table, its figures also in data attributes.
#[component]
fn SourcesLine(
    /// The figures.
    row: ComparisonRow,
    /// The line of totals.
    total: bool,
) -> impl IntoView {
    let ComparisonRow { key, a, b, .. } = row;
    // The row keys are the engine's ("Total", the not-stated value);
    // their labels are the page's language.
    let label = if total {
        crate::t!("sources-total")
    } else if key == NOT_STATED {
        crate::engine::i18n::term_or(&key)
    } else {
        key.clone()
    };
    view! {
        <tr
            class:total=total
            data-key=key
            data-a-events=a.events
            data-b-events=b.events
            data-a-fatalities=a.fatalities
            data-b-fatalities=b.fatalities
        >
            <th scope="row">{label}</th>
            <td class="num">{thousands(a.events)}</td>
            <td class="num">{thousands(b.events)}</td>
            <td class="num">{thousands(a.fatalities)}</td>
            <td class="num">{thousands(b.fatalities)}</td>
        </tr>
    }
}

/// The paired bars, the first source over the second per row.
#[component]
fn SourcesBars(
    /// The rows to draw.
    rows: Vec<ComparisonRow>,
    /// Short names of the sources, for the bars' tips.
    names: [String; 2],
    /// The files' titles, for the legend.
    titles: [String; 2],
    /// Events or fatalities.
    measure: RwSignal<Measure>,
) -> impl IntoView {
    let canvas = NodeRef::<Canvas>::new();
    let size = watch_size(canvas);
    let empty = crate::t!("sources-no-events");
    let chart = Memo::new(move |_| {
        let (width, _) = size.get()?;
        let series = PairedBars {
            legend: titles.clone(),
            names: [&names[0], &names[1]],
            empty: &empty,
        };
        Some(paired_bars_chart(
            &rows,
            series,
            measure.get(),
            Frame::Screen { width, height: 0.0 },
        ))
    });
    let height = move || chart.with(|c| c.as_ref().map_or(60.0, |c| c.height));
    canvas::keep_drawn(canvas, chart);
    let legend = canvas::legend_items(chart, "sources-legend-entry");
    view! {
        <ul class="legend" aria-label=crate::t!("sources-legend-label")>{legend}</ul>
        <canvas
            node_ref=canvas
            class="compare-canvas"
            data-testid="sources-chart"
            role="img"
            aria-label=crate::t!("sources-chart-label")
            style:height=move || format!("{}px", height())
        ></canvas>
    }
}
