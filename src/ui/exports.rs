//! What each chart says in words and how it leaves the page: the text
//! summary under a chart (`engine::present::summary`, also the chart's accessible
//! description through `aria-describedby`), the table behind it as CSV,
//! the chart as SVG and PNG with a footer naming the dataset, its credit
//! and the filters, and the filtered events as CSV (read back from the
//! user's file in slices when its text is not in memory).

use super::dom;
use super::state::DatasetInfo;
use super::{use_ctx, Ctx};
use crate::engine::data::dimension::{Category, GroupBy};
use crate::engine::data::store::SourceText;
use crate::engine::output::{self, picture, EventsCsv};
use crate::engine::present::chart::{
    bars_chart, comparison_chart, sorted_bars, timeline_chart, BarColours, Frame, TimelineOptions,
};
use crate::engine::present::chart_words::{add_words, words_lines};
use crate::engine::present::summary;
use crate::engine::query::ChartKind;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Bytes of the user's file read per step of an events export.
const SLICE: u64 = 8 * 1024 * 1024;

/// Pixels per CSS pixel of an exported PNG: twice the screen's size, for
/// print.
const PRINT_SCALE: f64 = 2.0;

/// A chart of the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Chart {
    Timeline,
    Breakdown,
    Compare,
    Map,
    Counts,
}

impl Chart {
    pub fn name(self) -> &'static str {
        match self {
            Chart::Timeline => "timeline",
            Chart::Breakdown => "breakdown",
            Chart::Compare => "compare",
            Chart::Map => "map",
            Chart::Counts => "counts",
        }
    }

    /// The id of the element holding the chart's summary, for
    /// `aria-describedby`.
    pub fn summary_id(self) -> &'static str {
        match self {
            Chart::Timeline => "timeline-summary",
            Chart::Breakdown => "breakdown-summary",
            Chart::Compare => "compare-summary",
            Chart::Map => "map-summary",
            Chart::Counts => "counts-summary",
        }
    }
}

/// "Events per month", "Fatalities by region (admin 1)": a chart's title.
pub fn chart_title(ctx: Ctx, chart: Chart) -> String {
    ctx.app.with(|a| match chart {
        Chart::Timeline => crate::t!(
            "chart-title-timeline",
            measure = a.measure.label(),
            bin = crate::engine::i18n::tr(&format!("bin-{}", a.bin.name()), &[])
        ),
        Chart::Breakdown => crate::t!(
            "chart-title-breakdown",
            measure = a.measure.label(),
            by = a.breakdown.label()
        ),
        Chart::Compare => crate::t!(
            "chart-title-compare",
            measure = a.measure.label(),
            by = a.compare.by.label(),
            a = a.compare.a.label(),
            b = a.compare.b.label()
        ),
        Chart::Map => crate::t!("chart-title-map"),
        Chart::Counts => crate::t!("chart-title-counts"),
    })
}

/// The chart's text summary (reactive when called in a reactive scope).
pub fn summary_text(ctx: Ctx, chart: Chart) -> String {
    let measure = ctx.app.with(|a| a.measure);
    match chart {
        Chart::Timeline => ctx
            .snapshot
            .with(|s| summary::timeline(&s.views.timeline, measure)),
        Chart::Breakdown => {
            let by = ctx.app.with(|a| a.breakdown);
            ctx.snapshot.with(|s| {
                let bars = sorted_bars(s.views.bars(by).unwrap_or(&[]), measure);
                summary::breakdown(&bars, &by.label(), measure)
            })
        }
        Chart::Compare => ctx.comparison.with(|c| {
            c.as_ref().map_or_else(
                || crate::t!("compare-not-computed"),
                |c| summary::comparison(c, measure),
            )
        }),
        Chart::Map => ctx.snapshot.with(|s| {
            ctx.data.with_value(|d| match d {
                Some(l) => summary::map(&s.views.map, s.views.totals.measures.events, |p| {
                    l.store.place_label(p)
                }),
                None => crate::t!("loading-data"),
            })
        }),
        Chart::Counts => ctx.snapshot.with(|s| summary::totals(&s.views.totals)),
    }
}

/// Which filters a chart applies (see `ChartKind`).
pub fn chart_kind(ctx: Ctx, chart: Chart) -> ChartKind {
    match chart {
        Chart::Timeline => ChartKind::Timeline,
        Chart::Breakdown => ChartKind::Breakdown(ctx.app.with_untracked(|a| a.breakdown)),
        Chart::Compare => ChartKind::Compare,
        Chart::Map => ChartKind::Map,
        Chart::Counts => ChartKind::Counts,
    }
}

/// The footer of an exported chart: dataset and version, credit, and the
/// filters the chart applies.
pub fn footer_lines(ctx: Ctx, chart: Chart) -> Vec<String> {
    let kind = chart_kind(ctx, chart);
    let (title, credit) = ctx.info.with_untracked(|i| {
        i.as_ref().map_or_else(
            || (String::new(), String::new()),
            |i| (i.versioned_title(), i.credit()),
        )
    });
    ctx.filters
        .with_untracked(|f| output::chart_footer(&title, &credit, f, kind))
}

fn dataset_title(ctx: Ctx) -> String {
    ctx.info
        .with_untracked(|i| i.as_ref().map(DatasetInfo::title).unwrap_or_default())
}

fn report(ctx: Ctx, result: Result<(), String>) {
    if let Err(e) = result {
        ctx.error
            .set(Some(crate::t!("download-failed", reason = e)));
    }
}

/// The table behind a chart, as CSV bytes.
fn chart_csv(ctx: Ctx, chart: Chart) -> Option<Vec<u8>> {
    let (measure, by) = ctx.app.with_untracked(|a| (a.measure, a.breakdown));
    match chart {
        Chart::Timeline => Some(
            ctx.snapshot
                .with_untracked(|s| output::timeline_csv(&s.views.timeline, measure)),
        ),
        Chart::Breakdown => Some(ctx.snapshot.with_untracked(|s| {
            let bars = sorted_bars(s.views.bars(by).unwrap_or(&[]), measure);
            let selected = ctx.filters.with_untracked(|f| f.chosen(by));
            output::bars_csv(by.name(), &bars, &selected)
        })),
        Chart::Compare => ctx
            .comparison
            .with_untracked(|c| c.as_ref().map(output::comparison_csv)),
        Chart::Map | Chart::Counts => None,
    }
}

/// The title of an exported chart: the chart's and the dataset's.
fn export_title(ctx: Ctx, chart: Chart) -> String {
    format!("{} \u{b7} {}", chart_title(ctx, chart), dataset_title(ctx))
}

/// The map on show framed with its title and footer, each line wrapped to
/// the map's width, and the map drawn at print scale.
fn framed_map(ctx: Ctx) -> Option<(picture::Framed, web_sys::HtmlCanvasElement)> {
    let view = ctx.map_view.get_untracked()?;
    let canvas = super::map::export_canvas(ctx, PRINT_SCALE)?;
    // The user's title replaces the chart's; the description, notes and
    // source line go with the footer.
    let texts = super::texts::texts_now(Chart::Map);
    let words = super::texts::words(&texts);
    let (_, below) = words_lines(&words);
    let title = match words.title.trim() {
        "" => export_title(ctx, Chart::Map),
        own => own.to_string(),
    };
    let mut footer: Vec<String> = Some(words.description.trim())
        .filter(|d| !d.is_empty())
        .map(str::to_string)
        .into_iter()
        .collect();
    footer.extend(footer_lines(ctx, Chart::Map));
    footer.extend(below);
    let framed = picture::frame_picture(
        &title,
        &footer,
        (view.width, view.height),
        dom::frame_text_width(),
    );
    Some((framed, canvas))
}

/// The chart as SVG, with its title and footer.
fn chart_svg(ctx: Ctx, chart: Chart) -> Option<String> {
    let (measure, by) = ctx.app.with_untracked(|a| (a.measure, a.breakdown));
    let title = export_title(ctx, chart);
    let footer = footer_lines(ctx, chart);
    let texts = super::texts::texts_now(chart);
    let words = super::texts::words(&texts);
    let frame = Frame::Export {
        title: &title,
        footer: &footer,
    };
    match chart {
        Chart::Timeline => {
            // The chosen types stay in the legend, as on the page, and the
            // dates outside the chosen range are veiled (the footer says
            // the range is not applied to the bars).
            let (chosen, from, to) = ctx
                .filters
                .with_untracked(|f| (f.categories[Category::EventType].clone(), f.from, f.to));
            let options = TimelineOptions {
                event_types: &chosen,
                from,
                to,
                ..TimelineOptions::default()
            };
            Some(ctx.snapshot.with_untracked(|s| {
                let mut c = timeline_chart(&s.views.timeline, measure, frame, &options);
                add_words(&mut c, &words);
                output::svg(&c)
            }))
        }
        Chart::Breakdown => Some(ctx.snapshot.with_untracked(|s| {
            let bars = s.views.bars(by).unwrap_or(&[]);
            let colours = BarColours::of(by, &s.views.timeline.types);
            let selected = ctx.filters.with_untracked(|f| f.chosen(by));
            let mut c = bars_chart(bars, measure, colours, &selected, &title, &footer);
            add_words(&mut c, &words);
            output::svg(&c)
        })),
        Chart::Compare => ctx.comparison.with_untracked(|c| {
            c.as_ref()
                .map(|c| output::svg(&comparison_chart(c, measure, frame)))
        }),
        Chart::Map => {
            let (framed, canvas) = framed_map(ctx)?;
            let href = canvas.to_data_url().ok()?;
            let background = dom::css_colour("--panel", "#fff");
            let ink = dom::css_colour("--fg", "#333");
            Some(picture::framed_svg(&framed, &href, &background, &ink))
        }
        Chart::Counts => None,
    }
}

fn download_csv(ctx: Ctx, chart: Chart) {
    let Some(bytes) = chart_csv(ctx, chart) else {
        return;
    };
    let name = output::file_name(&dataset_title(ctx), chart.name(), "csv");
    report(
        ctx,
        dom::download_bytes(&bytes, "text/csv;charset=utf-8", &name),
    );
}

fn download_svg(ctx: Ctx, chart: Chart) {
    let Some(svg) = chart_svg(ctx, chart) else {
        return;
    };
    let name = output::file_name(&dataset_title(ctx), chart.name(), "svg");
    report(
        ctx,
        dom::download_bytes(svg.as_bytes(), "image/svg+xml", &name),
    );
}

/// Downloads a chart as a PNG at print scale, its size in pixels in the
/// file's name ("...-timeline-1440x900.png").
fn download_png(ctx: Ctx, chart: Chart) {
    let dataset = dataset_title(ctx);
    let name = move |w: u32, h: u32| {
        output::file_name(&dataset, &format!("{}-{w}x{h}", chart.name()), "png")
    };
    if chart == Chart::Map {
        let Some((framed, canvas)) = framed_map(ctx) else {
            return;
        };
        spawn_local(async move {
            let result = dom::framed_png(&framed, &canvas, PRINT_SCALE).await;
            report(
                ctx,
                result.and_then(|(blob, w, h)| dom::download_blob(&blob, &name(w, h))),
            );
        });
        return;
    }
    let Some(svg) = chart_svg(ctx, chart) else {
        return;
    };
    spawn_local(async move {
        let result = dom::svg_to_png(&svg, PRINT_SCALE).await;
        report(
            ctx,
            result.and_then(|(blob, w, h)| dom::download_blob(&blob, &name(w, h))),
        );
    });
}

/// Downloads the filtered events as CSV. Files whose text is not in memory
/// are read back in slices holding the chosen events, with progress.
pub fn download_events(ctx: Ctx) {
    if ctx.busy.get_untracked().is_some() {
        return;
    }
    let rows = ctx.snapshot.with_untracked(|s| s.rows.clone());
    let name = output::file_name(&dataset_title(ctx), "events", "csv");
    let version = ctx.data_version.get_untracked();
    let plan = ctx.data.with_value(|d| {
        let l = d.as_ref()?;
        match (&l.store.source, &l.file) {
            (SourceText::External { .. }, Some(file)) => Some(Err((
                output::row_slices(&l.store, &rows, SLICE),
                file.clone(),
                EventsCsv::new(&l.store),
            ))),
            _ => Some(Ok(output::events_csv(&l.store, &rows))),
        }
    });
    match plan {
        None => {}
        Some(Ok(bytes)) => report(
            ctx,
            dom::download_bytes(&bytes, "text/csv;charset=utf-8", &name),
        ),
        Some(Err((slices, file, mut out))) => {
            ctx.busy
                .set(Some(crate::t!("export-preparing", percent = 0)));
            spawn_local(async move {
                let total: u64 = slices.iter().map(|s| s.2 - s.1).sum::<u64>().max(1);
                let mut done = 0;
                for (range, start, end) in slices {
                    let bytes = match dom::read_slice(&file, start, end).await {
                        Ok(b) => b,
                        Err(_) => {
                            ctx.busy.set(None);
                            ctx.error.set(Some(crate::t!("export-reread-failed")));
                            return;
                        }
                    };
                    if ctx.data_version.get_untracked() != version {
                        ctx.busy.set(None);
                        return;
                    }
                    ctx.data.with_value(|d| {
                        if let Some(l) = d {
                            for &r in &rows[range] {
                                out.push_from_slice(&l.store, r as usize, &bytes, start);
                            }
                        }
                    });
                    done += end - start;
                    ctx.busy.set(Some(crate::t!(
                        "export-preparing",
                        percent = done * 100 / total
                    )));
                    dom::yield_now().await;
                }
                ctx.busy.set(None);
                let bytes = out.finish();
                report(
                    ctx,
                    dom::download_bytes(&bytes, "text/csv;charset=utf-8", &name),
                );
            });
        }
    }
}

/// A chart's summary, shown under it (its accessible description), and its
/// download buttons (not in an embed).
#[component]
pub fn ChartTools(
    /// The chart described.
    chart: Chart,
) -> impl IntoView {
    let ctx = use_ctx();
    let (csv, svg, png) = match chart {
        Chart::Timeline | Chart::Breakdown => (true, true, true),
        Chart::Compare => (true, true, true),
        Chart::Map => (false, true, true),
        Chart::Counts => (false, false, false),
    };
    let name = chart.name();
    let button = move |kind: &'static str, label: &'static str, run: fn(Ctx, Chart)| {
        view! {
            <button
                class="small-button"
                data-testid=format!("export-{name}-{kind}")
                aria-label=crate::t!("export-button-label", chart = crate::engine::i18n::tr(&format!("chart-name-{name}"), &[]), format = label)
                on:click=move |_| run(ctx, chart)
            >
                {label}
            </button>
        }
    };
    let dimension = (chart == Chart::Breakdown).then(|| {
        view! {
            <label for="breakdown-by" class="muted small">"by"</label>
            <select
                id="breakdown-by"
                data-testid="breakdown-by"
                on:change=move |ev| {
                    if let Some(by) = GroupBy::from_name(&event_target_value(&ev)) {
                        ctx.app.update(|a| a.breakdown = by);
                    }
                }
            >
                {GroupBy::breakdowns()
                    .map(|g| {
                        view! {
                            <option
                                value=g.name()
                                prop:selected=move || ctx.app.with(|a| a.breakdown == g)
                            >
                                {g.label()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        }
    });
    let tools = (!ctx.embed && (csv || png)).then(|| {
        view! {
            <div class="exports" role="group" aria-label=crate::t!("export-group-label", chart = crate::engine::i18n::tr(&format!("chart-name-{name}"), &[]))>
                <span class="muted small">{crate::t!("export-download")}</span>
                {dimension}
                {csv.then(|| button("csv", "CSV", download_csv))}
                {svg.then(|| button("svg", "SVG", download_svg))}
                {png.then(|| button("png", "PNG", download_png))}
            </div>
        }
    });
    view! {
        <div class="chart-tools">
            <super::texts::ChartNotes chart=chart/>
            <p class="chart-summary" id=chart.summary_id() data-testid=format!("{name}-summary")>
                {move || summary_text(ctx, chart)}
            </p>
            {tools}
        </div>
    }
}
