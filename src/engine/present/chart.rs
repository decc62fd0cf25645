//! Charts as pictures, described once: the builders here turn a view (the
//! timeline, a breakdown) into a [`Chart`] of marks (rectangles, lines and
//! text at set positions) with its title, legend and footer. The page's
//! canvas and the SVG export each only draw that description, so the
//! screen and a downloaded file show the same bars, colours, ticks and
//! labels. All layout (margins, ticks, legend rows) is decided here.

use crate::engine::data::date::Day;
use crate::engine::data::dimension::{Category, GroupBy};
use crate::engine::present::axis::{value_label, value_ticks, TimeAxis};
use crate::engine::present::format::{thousands, wrap};
use crate::engine::present::palette::{event_type_colour, PERIOD_COLOURS};
use crate::engine::query::group::{Comparison, ComparisonRow};
use crate::engine::query::{Bar, Measure, Timeline};

/// A colour: fixed (an event type's), or a role the page's theme sets, so
/// the screen follows light or dark mode; an export uses the light theme.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Colour {
    Fixed(&'static str),
    Text,
    Muted,
    Grid,
    Background,
    Bar,
}

impl Colour {
    /// The colour in the light theme (as the stylesheet's `:root` sets it).
    pub fn light(self) -> &'static str {
        match self {
            Colour::Fixed(c) => c,
            Colour::Text => "#1b1b1b",
            Colour::Muted => "#5d5d5d",
            Colour::Grid => "#e4e4e4",
            Colour::Background => "#ffffff",
            Colour::Bar => "#0072b2",
        }
    }
}

/// Which end of a text its position is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weight {
    Normal,
    Bold,
}

/// A filled rectangle.
#[derive(Clone, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    pub fill: Colour,
    /// 1 is opaque.
    pub opacity: f64,
    /// The legend entry (index into [`Chart::legend`]) this rectangle
    /// stands for, if any.
    pub series: Option<usize>,
    /// What the rectangle shows, in words (a tooltip in a file).
    pub tip: Option<String>,
}

/// A straight line.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub x1: f64,
    pub y1: f64,
    pub x2: f64,
    pub y2: f64,
    pub colour: Colour,
    pub width: f64,
}

/// A line of text; `y` is its baseline (the alphabetic one: both backends
/// place text by it, so they agree).
#[derive(Clone, Debug, PartialEq)]
pub struct Text {
    pub x: f64,
    pub y: f64,
    pub text: String,
    /// In pixels.
    pub size: f64,
    pub anchor: Anchor,
    pub weight: Weight,
    pub colour: Colour,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Mark {
    Rect(Rect),
    Line(Line),
    Text(Text),
}

/// What a layer of marks is, so a backend can group them (an SVG `<g>`
/// with this class) and a reader find them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Background,
    Title,
    /// Value gridlines and their labels.
    Grid,
    /// The data: bars and their values.
    Plot,
    /// The veil over dates outside the chosen range.
    Selection,
    /// The span being dragged across.
    Brush,
    /// Category or time labels and the baseline.
    Axis,
    Legend,
    Footer,
    /// A message in place of the data ("No events to show.").
    Note,
    /// The user's description, under the title (see `chart_words`).
    Description,
    /// The user's notes and source line, above the footer.
    Notes,
}

impl Part {
    pub fn name(self) -> &'static str {
        match self {
            Part::Background => "background",
            Part::Title => "title",
            Part::Grid => "grid",
            Part::Plot => "plot",
            Part::Selection => "selection",
            Part::Brush => "brush",
            Part::Axis => "axis",
            Part::Legend => "legend",
            Part::Footer => "footer",
            Part::Note => "note",
            Part::Description => "description",
            Part::Notes => "notes",
        }
    }
}

/// Marks of one part, drawn in order.
#[derive(Clone, Debug, PartialEq)]
pub struct Layer {
    pub part: Part,
    pub marks: Vec<Mark>,
}

/// An entry of a chart's legend.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LegendEntry {
    pub label: String,
    /// A CSS colour (`#rrggbb`).
    pub colour: &'static str,
}

/// A chart, ready to draw: layers are drawn in order, later over earlier.
#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    pub width: f64,
    pub height: f64,
    /// Empty on the screen, where the page heading names the chart.
    pub title: String,
    /// Drawn as marks in a file; the page lists it beside the canvas.
    pub legend: Vec<LegendEntry>,
    pub footer: Vec<String>,
    pub layers: Vec<Layer>,
}

impl Chart {
    /// Stretches the background to the chart's height, after parts were
    /// added below.
    pub(crate) fn fit_background(&mut self) {
        let height = self.height;
        if let Some(Mark::Rect(r)) = self
            .layers
            .iter_mut()
            .find(|l| l.part == Part::Background)
            .and_then(|l| l.marks.first_mut())
        {
            r.height = height;
        }
    }

    /// The marks of one part, in drawing order.
    pub fn marks(&self, part: Part) -> impl Iterator<Item = &Mark> {
        self.layers
            .iter()
            .filter(move |l| l.part == part)
            .flat_map(|l| &l.marks)
    }

    /// The texts of one part, in drawing order.
    pub fn texts(&self, part: Part) -> impl Iterator<Item = &Text> {
        self.marks(part).filter_map(|m| match m {
            Mark::Text(t) => Some(t),
            _ => None,
        })
    }

    #[cfg(test)]
    /// The rectangles of one part, in drawing order.
    pub(crate) fn rects(&self, part: Part) -> impl Iterator<Item = &Rect> {
        self.marks(part).filter_map(|m| match m {
            Mark::Rect(r) => Some(r),
            _ => None,
        })
    }

    fn layer(&mut self, part: Part, marks: Vec<Mark>) {
        if !marks.is_empty() {
            self.layers.push(Layer { part, marks });
        }
    }
}

/// Where a chart goes.
#[derive(Clone, Copy, Debug)]
pub enum Frame<'a> {
    /// A canvas of `width` x `height` CSS pixels on the page, which shows
    /// the title, legend and summary around it: plot and axes only.
    Screen { width: f64, height: f64 },
    /// A file: a fixed-width chart with `title` above, and the legend and
    /// `footer` lines (dataset, credit, filters) below.
    Export {
        title: &'a str,
        footer: &'a [String],
    },
}

/// Width of an exported chart.
pub(crate) const EXPORT_WIDTH: f64 = 960.0;

/// Text sizes, in pixels.
const FONT: f64 = 12.0;
const TITLE_FONT: f64 = 16.0;
const FOOTER_FONT: f64 = 11.0;
/// Where a title and footer lines start in a file.
const MARGIN: f64 = 10.0;
const TITLE_BASELINE: f64 = 24.0;
const TITLE_LINE: f64 = 20.0;
pub(crate) const FOOTER_LINE: f64 = 16.0;
/// Baseline offsets (of a `FONT` text) that centre it on a line, or hang
/// it below one: the alphabetic baseline sits this far below.
const CENTRE_DROP: f64 = 4.0;
const HANG_DROP: f64 = 10.0;
/// Text width is estimated (the engine cannot measure fonts): this many
/// font sizes per character, generous for proportional sans-serif text.
pub(crate) const CHAR_WIDTH: f64 = 0.6;

fn text(x: f64, y: f64, s: String, anchor: Anchor, colour: Colour) -> Mark {
    Mark::Text(Text {
        x,
        y,
        text: s,
        size: FONT,
        anchor,
        weight: Weight::Normal,
        colour,
    })
}

fn rect(x: f64, y: f64, width: f64, height: f64, fill: Colour) -> Rect {
    Rect {
        x,
        y,
        width,
        height,
        fill,
        opacity: 1.0,
        series: None,
        tip: None,
    }
}

fn line(x1: f64, y1: f64, x2: f64, y2: f64, colour: Colour) -> Mark {
    Mark::Line(Line {
        x1,
        y1,
        x2,
        y2,
        colour,
        width: 1.0,
    })
}

/// A new chart for a file: white background and title.
fn export_chart(width: f64, title: &str, footer: &[String]) -> Chart {
    let mut chart = Chart {
        width,
        height: 0.0,
        title: title.to_string(),
        legend: Vec::new(),
        footer: footer.to_vec(),
        layers: Vec::new(),
    };
    // Sized when the height is known (see `finish_export`).
    chart.layer(
        Part::Background,
        vec![Mark::Rect(rect(0.0, 0.0, width, 0.0, Colour::Background))],
    );
    if !title.is_empty() {
        // Wrapped to the width: a long title is never cut off at the edge.
        let lines = wrap(title, chars_across(width, TITLE_FONT));
        let marks = lines
            .into_iter()
            .enumerate()
            .map(|(i, line)| {
                Mark::Text(Text {
                    x: MARGIN,
                    y: TITLE_BASELINE + i as f64 * TITLE_LINE,
                    text: line,
                    size: TITLE_FONT,
                    anchor: Anchor::Start,
                    weight: Weight::Bold,
                    colour: Colour::Text,
                })
            })
            .collect();
        chart.layer(Part::Title, marks);
    }
    chart
}

/// Characters of text at `size` that fit across `width` within the margins.
fn chars_across(width: f64, size: f64) -> usize {
    ((width - 2.0 * MARGIN) / (size * CHAR_WIDTH))
        .floor()
        .max(1.0) as usize
}

/// How far a title wrapped onto more than one line pushes the chart down.
fn title_drop(chart: &Chart) -> f64 {
    let lines = chart.texts(Part::Title).count();
    lines.saturating_sub(1) as f64 * TITLE_LINE
}

/// Adds the footer lines below `y` and sets the chart's height.
fn finish_export(chart: &mut Chart, y: f64) {
    let mut baseline = y;
    // Each line wrapped to the width, so none is cut off at the edge.
    let across = chars_across(chart.width, FOOTER_FONT);
    let lines: Vec<String> = chart.footer.iter().flat_map(|l| wrap(l, across)).collect();
    let marks = lines
        .into_iter()
        .map(|l| {
            baseline += FOOTER_LINE;
            Mark::Text(Text {
                x: MARGIN,
                y: baseline,
                text: l,
                size: FOOTER_FONT,
                anchor: Anchor::Start,
                weight: Weight::Normal,
                colour: Colour::Muted,
            })
        })
        .collect();
    chart.layer(Part::Footer, marks);
    chart.height = (baseline + MARGIN).ceil();
    chart.fit_background();
}

/// A bar's value under `measure`.
fn bar_value(b: &Bar, measure: Measure) -> u64 {
    match measure {
        Measure::Events => b.measures.events,
        Measure::Fatalities => b.measures.fatalities,
    }
}

/// Bars in the order a chart shows them: largest `measure` first, then by
/// name.
pub fn sorted_bars(bars: &[Bar], measure: Measure) -> Vec<Bar> {
    let mut out = bars.to_vec();
    crate::engine::data::order::sort_by(&mut out, |a, b| {
        bar_value(b, measure)
            .cmp(&bar_value(a, measure))
            .then_with(|| a.label.cmp(&b.label))
    });
    out
}

/// How a breakdown's bars are coloured.
#[derive(Clone, Copy, Debug)]
pub enum BarColours<'a> {
    /// All alike.
    Plain,
    /// Bars are event types, coloured by name as in the timeline (the
    /// slice, the timeline's list of types, no longer decides a colour).
    EventTypes(&'a [String]),
}

impl BarColours<'_> {
    /// The colours of a breakdown by `by`; `types` is the timeline's list
    /// of event types.
    pub fn of(by: GroupBy, types: &[String]) -> BarColours<'_> {
        if by == GroupBy::Category(Category::EventType) {
            BarColours::EventTypes(types)
        } else {
            BarColours::Plain
        }
    }
}

/// How a bar stands out: a breakdown shows every value of its dimension,
/// so when its own filter selects some, those are highlighted and the
/// others dimmed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Emphasis {
    /// Nothing selected.
    Normal,
    Selected,
    Dimmed,
}

/// Opacity of a dimmed bar.
pub const DIMMED: f64 = 0.35;

/// One bar of a breakdown as shown.
#[derive(Clone, Debug, PartialEq)]
pub struct BarRow {
    pub label: String,
    pub value: u64,
    /// Length as a share of the longest bar, 0 to 1.
    pub share: f64,
    pub colour: Colour,
    pub emphasis: Emphasis,
}

/// A breakdown's bars in the order shown (see [`sorted_bars`]), with their
/// lengths, colours and emphasis (`selected`: the values its own filter
/// selects, see `Filters::chosen`): the page's bar list and the exported
/// chart both show these.
pub fn bar_rows(
    bars: &[Bar],
    measure: Measure,
    colours: BarColours,
    selected: &[String],
) -> Vec<BarRow> {
    let sorted = sorted_bars(bars, measure);
    let max = sorted.first().map_or(0, |b| bar_value(b, measure)).max(1) as f64;
    sorted
        .into_iter()
        .map(|b| {
            let value = bar_value(&b, measure);
            let colour = match colours {
                BarColours::Plain => Colour::Bar,
                BarColours::EventTypes(_) => Colour::Fixed(event_type_colour(&b.label)),
            };
            let emphasis = if selected.is_empty() {
                Emphasis::Normal
            } else if selected.contains(&b.label) {
                Emphasis::Selected
            } else {
                Emphasis::Dimmed
            };
            BarRow {
                label: b.label,
                value,
                share: value as f64 / max,
                colour,
                emphasis,
            }
        })
        .collect()
}

/// How many bars an exported breakdown shows.
pub(crate) const EXPORT_BARS: usize = 20;

/// A breakdown as a horizontal bar chart for a file: the first
/// [`EXPORT_BARS`] bars in the order shown, labels on the left and values
/// at the end of each bar; the `selected` ones (see [`bar_rows`]) in bold,
/// the others dimmed.
pub fn bars_chart(
    bars: &[Bar],
    measure: Measure,
    colours: BarColours,
    selected: &[String],
    title: &str,
    footer: &[String],
) -> Chart {
    const LABELS: f64 = 320.0;
    const TOP: f64 = 40.0;
    const ROW: f64 = 22.0;
    const BAR: f64 = 16.0;
    // Room after the longest bar for its value.
    const VALUE_ROOM: f64 = 80.0;
    let width = EXPORT_WIDTH;
    let mut chart = export_chart(width, title, footer);
    let top = TOP + title_drop(&chart);
    let rows = bar_rows(bars, measure, colours, selected);
    let shown = &rows[..rows.len().min(EXPORT_BARS)];
    let mut labels = Vec::new();
    let mut plot = Vec::new();
    for (i, row) in shown.iter().enumerate() {
        let y = top + i as f64 * ROW;
        let baseline = y + ROW / 2.0 + CENTRE_DROP;
        // The bar's value stays as the data writes it (it picks the
        // filter); ACLED's type names are shown in the page's language.
        let shown_label = crate::engine::i18n::term_or(&row.label);
        let mut label = text(
            LABELS - 8.0,
            baseline,
            shown_label.clone(),
            Anchor::End,
            Colour::Text,
        );
        if let (Mark::Text(t), Emphasis::Selected) = (&mut label, row.emphasis) {
            t.weight = Weight::Bold;
        }
        labels.push(label);
        let length = (width - LABELS - VALUE_ROOM) * row.share;
        let tip = match row.emphasis {
            Emphasis::Selected => {
                crate::t!("chart-tip-selected", label = shown_label, value = row.value)
            }
            _ => format!("{shown_label}: {}", thousands(row.value)),
        };
        plot.push(Mark::Rect(Rect {
            tip: Some(tip),
            opacity: if row.emphasis == Emphasis::Dimmed {
                DIMMED
            } else {
                1.0
            },
            ..rect(LABELS, y + (ROW - BAR) / 2.0, length, BAR, row.colour)
        }));
        plot.push(text(
            LABELS + length + 6.0,
            baseline,
            thousands(row.value),
            Anchor::Start,
            Colour::Text,
        ));
    }
    chart.layer(Part::Axis, labels);
    chart.layer(Part::Plot, plot);
    // Coloured bars carry a legend, as every chart with colours does.
    if matches!(colours, BarColours::EventTypes(_)) {
        chart.legend = shown
            .iter()
            .filter_map(|row| match row.colour {
                Colour::Fixed(colour) => Some(LegendEntry {
                    label: row.label.clone(),
                    colour,
                }),
                _ => None,
            })
            .collect();
    }
    let y = legend_marks(&mut chart, top + shown.len() as f64 * ROW + 14.0);
    finish_export(&mut chart, y);
    chart
}

/// A comparison row's value of `measure` in period A and in B.
fn comparison_values(row: &ComparisonRow, measure: Measure) -> [u64; 2] {
    match measure {
        Measure::Events => [row.a.events, row.b.events],
        Measure::Fatalities => [row.a.fatalities, row.b.fatalities],
    }
}

/// A comparison as paired bars: per row (in the comparison's order, the
/// first [`EXPORT_BARS`]), a bar for period A over a bar for period B,
/// each with its value, on one scale; the legend names both periods. On
/// screen the chart is `width` wide and as tall as its rows need, and the
/// page lists the legend; in a file it has the title, legend and footer.
pub fn comparison_chart(c: &Comparison, measure: Measure, frame: Frame) -> Chart {
    let legend =
        [("A", c.a), ("B", c.b)].map(|(name, period)| format!("{name}: {}", period.label()));
    paired_bars_chart(
        &c.rows,
        PairedBars {
            legend,
            names: ["A", "B"],
            empty: "No events in either period.",
        },
        measure,
        frame,
    )
}

/// What paired bars call their two series.
#[derive(Clone, Debug)]
pub struct PairedBars<'a> {
    /// The legend's entries, first series then second.
    pub legend: [String; 2],
    /// Short names in each bar's tip ("A", "ACLED").
    pub names: [&'a str; 2],
    /// Said when there are no rows.
    pub empty: &'a str,
}

/// Rows of two series as paired bars (the comparison of periods, two
/// sources side by side): per row, in order, the first [`EXPORT_BARS`],
/// a bar of the first series over a bar of the second, each with its
/// value, on one scale.
pub fn paired_bars_chart(
    rows: &[ComparisonRow],
    series: PairedBars,
    measure: Measure,
    frame: Frame,
) -> Chart {
    const BAR: f64 = 12.0;
    // Two bars, the gap between them and the room to the next row.
    const ROW: f64 = 2.0 * BAR + 2.0 + 10.0;
    const VALUE_ROOM: f64 = 70.0;
    let shown = &rows[..rows.len().min(EXPORT_BARS)];
    let (mut chart, top, labels_w) = match frame {
        Frame::Screen { width, .. } => (
            Chart {
                width,
                height: 0.0,
                title: String::new(),
                legend: Vec::new(),
                footer: Vec::new(),
                layers: Vec::new(),
            },
            SCREEN_TOP,
            (width * 0.35).min(220.0),
        ),
        Frame::Export { title, footer } => {
            let chart = export_chart(EXPORT_WIDTH, title, footer);
            let top = 40.0 + title_drop(&chart);
            (chart, top, 320.0)
        }
    };
    chart.legend = series
        .legend
        .into_iter()
        .zip(PERIOD_COLOURS)
        .map(|(label, colour)| LegendEntry { label, colour })
        .collect();
    let max = shown
        .iter()
        .flat_map(|r| comparison_values(r, measure))
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let span = (chart.width - labels_w - VALUE_ROOM).max(1.0);
    let (mut labels, mut plot) = (Vec::new(), Vec::new());
    for (i, row) in shown.iter().enumerate() {
        let y = top + i as f64 * ROW;
        labels.push(text(
            labels_w - 8.0,
            y + BAR + 1.0 + CENTRE_DROP,
            row.key.clone(),
            Anchor::End,
            Colour::Text,
        ));
        for (side, value) in comparison_values(row, measure).into_iter().enumerate() {
            let bar_y = y + side as f64 * (BAR + 2.0);
            let length = span * value as f64 / max;
            let name = series.names[side];
            plot.push(Mark::Rect(Rect {
                series: Some(side),
                tip: Some(format!("{}, {name}: {}", row.key, thousands(value))),
                ..rect(
                    labels_w,
                    bar_y,
                    length.max(if value > 0 { 1.0 } else { 0.0 }),
                    BAR,
                    Colour::Fixed(PERIOD_COLOURS[side]),
                )
            }));
            plot.push(Mark::Text(Text {
                x: labels_w + length + 4.0,
                y: bar_y + BAR - 2.0,
                text: thousands(value),
                size: FOOTER_FONT,
                anchor: Anchor::Start,
                weight: Weight::Normal,
                colour: Colour::Muted,
            }));
        }
    }
    let mut bottom = top + shown.len() as f64 * ROW;
    if shown.is_empty() {
        chart.layer(
            Part::Note,
            vec![text(
                MARGIN,
                top + FONT,
                series.empty.into(),
                Anchor::Start,
                Colour::Muted,
            )],
        );
        bottom += 2.0 * FONT;
    } else if shown.len() < rows.len() {
        chart.layer(
            Part::Note,
            vec![text(
                MARGIN,
                bottom + FONT,
                format!(
                    "The first {} of {} rows.",
                    shown.len(),
                    thousands(rows.len() as u64)
                ),
                Anchor::Start,
                Colour::Muted,
            )],
        );
        bottom += 2.0 * FONT;
    }
    chart.layer(Part::Axis, labels);
    chart.layer(Part::Plot, plot);
    match frame {
        Frame::Screen { .. } => chart.height = bottom + 4.0,
        Frame::Export { .. } => {
            let y = legend_marks(&mut chart, bottom + 8.0);
            finish_export(&mut chart, y);
        }
    }
    chart
}

/// What the page adds to the timeline: the user's choices.
#[derive(Clone, Copy, Debug, Default)]
pub struct TimelineOptions<'a> {
    /// Event types listed in the legend even without events (the chosen
    /// ones, so they can be unchosen).
    pub event_types: &'a [String],
    /// The chosen date range: dates outside it are veiled.
    pub from: Option<Day>,
    pub to: Option<Day>,
    /// The span being dragged across, in pixels.
    pub brush: Option<(f64, f64)>,
}

/// Margins of the timeline's plot, in pixels.
const LEFT: f64 = 48.0;
const RIGHT: f64 = 10.0;
const SCREEN_TOP: f64 = 10.0;
const EXPORT_TOP: f64 = 40.0;
const EXPORT_PLOT: f64 = 280.0;
/// Room under the plot for the time labels.
const AXIS_BELOW: f64 = 24.0;
const SWATCH: f64 = 10.0;
const LEGEND_ROW: f64 = 18.0;

/// The horizontal axis of a timeline drawn `width` pixels wide (the page
/// maps pointer positions with it).
pub fn timeline_axis(t: &Timeline, width: f64) -> TimeAxis {
    TimeAxis {
        bin: t.bin,
        first_bin: t.first_bin,
        bins: t.bins,
        left: LEFT,
        width: (width - LEFT - RIGHT).max(1.0),
    }
}

/// The left edge of the timeline's plot: a drag that stays left of it
/// picks no dates.
pub const TIMELINE_LEFT: f64 = LEFT;

fn timeline_value(t: &Timeline, measure: Measure, b: usize, ty: usize) -> u64 {
    let i = b * t.types.len() + ty;
    match measure {
        Measure::Events => u64::from(t.events[i]),
        Measure::Fatalities => t.fatalities[i],
    }
}

/// The event types a timeline lists: those with events, and `listed`.
fn timeline_legend(t: &Timeline, listed: &[String]) -> (Vec<LegendEntry>, Vec<Option<usize>>) {
    let n = t.types.len();
    let mut entries = Vec::new();
    let mut index = vec![None; n];
    for (ty, name) in t.types.iter().enumerate() {
        let has_events = (0..t.bins).any(|b| t.events[b * n + ty] > 0);
        if has_events || listed.contains(name) {
            index[ty] = Some(entries.len());
            entries.push(LegendEntry {
                label: name.clone(),
                colour: event_type_colour(name),
            });
        }
    }
    (entries, index)
}

/// The timeline as a stacked bar chart: a bar per time bin, stacked by
/// event type in the order of `t.types`, under labelled gridlines in 1-2-5
/// steps (see [`value_ticks`]); date labels on calendar steps, as many as
/// fit, none past either edge (see [`TimeAxis::ticks`]).
pub fn timeline_chart(
    t: &Timeline,
    measure: Measure,
    frame: Frame,
    options: &TimelineOptions,
) -> Chart {
    let (legend, series) = timeline_legend(t, options.event_types);
    let (mut chart, top, plot_h) = match frame {
        Frame::Screen { width, height } => {
            let chart = Chart {
                width,
                height,
                title: String::new(),
                legend: Vec::new(),
                footer: Vec::new(),
                layers: Vec::new(),
            };
            (
                chart,
                SCREEN_TOP,
                (height - SCREEN_TOP - AXIS_BELOW).max(1.0),
            )
        }
        Frame::Export { title, footer } => {
            let chart = export_chart(EXPORT_WIDTH, title, footer);
            let top = EXPORT_TOP + title_drop(&chart);
            (chart, top, EXPORT_PLOT)
        }
    };
    chart.legend = legend;
    let export = matches!(frame, Frame::Export { .. });
    let bottom = top + plot_h;
    if t.bins == 0 || t.types.is_empty() {
        chart.layer(
            Part::Note,
            vec![text(
                LEFT,
                top + plot_h / 2.0,
                "No events to show.".into(),
                Anchor::Start,
                Colour::Muted,
            )],
        );
    } else {
        timeline_plot(
            &mut chart,
            t,
            measure,
            options,
            &series,
            (top, plot_h),
            export,
        );
    }
    if export {
        let y = legend_marks(&mut chart, bottom + AXIS_BELOW + 8.0);
        finish_export(&mut chart, y);
    }
    chart
}

/// What the timeline's bar `b` holds, for its tooltip: the period, the
/// total, and the count per event type in stacking order ("2022-01: 4
/// events (Battles 3, Protests 1)").
pub fn timeline_tip(t: &Timeline, measure: Measure, b: usize) -> String {
    if b >= t.bins {
        return String::new();
    }
    let per_type: Vec<String> = t
        .types
        .iter()
        .enumerate()
        .filter_map(|(ty, name)| {
            let v = timeline_value(t, measure, b, ty);
            (v > 0).then(|| format!("{} {}", crate::engine::i18n::term_or(name), thousands(v)))
        })
        .collect();
    let total: u64 = (0..t.types.len())
        .map(|ty| timeline_value(t, measure, b, ty))
        .sum();
    let total = match measure {
        Measure::Events => crate::t!("n-events", count = total),
        Measure::Fatalities => crate::t!("n-fatalities", count = total),
    };
    if per_type.is_empty() {
        format!("{}: {total}", t.label(b))
    } else {
        format!("{}: {total} ({})", t.label(b), per_type.join(", "))
    }
}

/// The timeline bar under pixel `x` of a chart `width` pixels wide, if
/// any: the page's tooltip names it.
pub fn timeline_bar_at(t: &Timeline, width: f64, x: f64) -> Option<usize> {
    let axis = timeline_axis(t, width);
    (t.bins > 0 && x >= axis.left && x < axis.left + axis.width).then(|| axis.bin_at(x))
}

/// Gridlines, stacked bars, the veil and brush, and the time axis.
fn timeline_plot(
    chart: &mut Chart,
    t: &Timeline,
    measure: Measure,
    options: &TimelineOptions,
    series: &[Option<usize>],
    (top, plot_h): (f64, f64),
    tips: bool,
) {
    let width = chart.width;
    let axis = timeline_axis(t, width);
    let n = t.types.len();
    let max = (0..t.bins)
        .map(|b| {
            (0..n)
                .map(|ty| timeline_value(t, measure, b, ty))
                .sum::<u64>()
        })
        .max()
        .unwrap_or(0);
    let ticks = value_ticks(max);
    let scale_top = ticks.last().copied().unwrap_or(1).max(1) as f64;
    let y_of = |v: f64| top + plot_h - v / scale_top * plot_h;

    let mut grid = Vec::new();
    for &v in &ticks {
        // On a half pixel, so a 1-pixel line is crisp.
        let y = y_of(v as f64).round() + 0.5;
        grid.push(line(LEFT, y, width - RIGHT, y, Colour::Grid));
        grid.push(text(
            LEFT - 6.0,
            y + CENTRE_DROP,
            value_label(v),
            Anchor::End,
            Colour::Muted,
        ));
    }
    chart.layer(Part::Grid, grid);

    let bw = axis.bin_width();
    let gap = if bw > 4.0 { 1.0 } else { 0.0 };
    let mut plot = Vec::new();
    for b in 0..t.bins {
        let x = axis.x_of(b);
        let mut acc = 0.0;
        for (ty, &entry) in series.iter().enumerate() {
            let v = timeline_value(t, measure, b, ty);
            if v == 0 {
                continue;
            }
            let (y0, y1) = (y_of(acc), y_of(acc + v as f64));
            let tip = tips.then(|| {
                format!(
                    "{}: {} {}",
                    t.label(b),
                    thousands(v),
                    crate::engine::i18n::term_or(&t.types[ty])
                )
            });
            plot.push(Mark::Rect(Rect {
                series: entry,
                tip,
                ..rect(
                    x,
                    y1,
                    (bw - gap).max(1.0),
                    (y0 - y1).max(0.5),
                    Colour::Fixed(event_type_colour(&t.types[ty])),
                )
            }));
            acc += v as f64;
        }
    }
    chart.layer(Part::Plot, plot);

    if options.from.is_some() || options.to.is_some() {
        let veil = |x0: f64, x1: f64| {
            Mark::Rect(Rect {
                opacity: 0.65,
                ..rect(x0, top, x1 - x0, plot_h, Colour::Background)
            })
        };
        let spans = match axis.span_of(options.from, options.to) {
            Some((x0, x1)) => vec![(LEFT, x0), (x1, width - RIGHT)],
            None => vec![(LEFT, width - RIGHT)],
        };
        let marks = spans
            .into_iter()
            .filter(|(x0, x1)| x1 > x0)
            .map(|(x0, x1)| veil(x0, x1))
            .collect();
        chart.layer(Part::Selection, marks);
    }
    if let Some((a, b)) = options.brush {
        let (x0, x1) = (a.min(b), a.max(b));
        chart.layer(
            Part::Brush,
            vec![Mark::Rect(Rect {
                opacity: 0.2,
                ..rect(x0, top, (x1 - x0).max(1.0), plot_h, Colour::Text)
            })],
        );
    }

    let mut labels = Vec::new();
    let below = top + plot_h;
    for tick in axis.ticks(width, CHAR_WIDTH * FONT) {
        labels.push(line(tick.x, below, tick.x, below + 4.0, Colour::Muted));
        labels.push(text(
            tick.label_x,
            below + 6.0 + HANG_DROP,
            tick.label,
            Anchor::Middle,
            Colour::Muted,
        ));
    }
    let y = top + plot_h + 0.5;
    labels.push(line(LEFT, y, width - RIGHT, y, Colour::Text));
    chart.layer(Part::Axis, labels);
}

/// Draws the legend in rows from `y` (wrapping before the right margin);
/// returns the bottom of the last row.
fn legend_marks(chart: &mut Chart, y: f64) -> f64 {
    if chart.legend.is_empty() {
        return y;
    }
    let right = chart.width - RIGHT;
    let (mut x, mut row_top) = (LEFT, y);
    let mut marks = Vec::new();
    for (i, entry) in chart.legend.iter().enumerate() {
        // An entry's value picks the filter; its text is in the page's
        // language.
        let shown = crate::engine::i18n::term_or(&entry.label);
        let label_w = CHAR_WIDTH * FONT * shown.chars().count() as f64;
        let entry_w = SWATCH + 4.0 + label_w;
        if x > LEFT && x + entry_w > right {
            x = LEFT;
            row_top += LEGEND_ROW;
        }
        marks.push(Mark::Rect(Rect {
            series: Some(i),
            ..rect(x, row_top, SWATCH, SWATCH, Colour::Fixed(entry.colour))
        }));
        marks.push(text(
            x + SWATCH + 4.0,
            row_top + SWATCH - 1.0,
            shown,
            Anchor::Start,
            Colour::Text,
        ));
        x += entry_w + 14.0;
    }
    chart.layer(Part::Legend, marks);
    row_top + LEGEND_ROW
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::data::date::{from_ymd, Bin};
    use crate::engine::query::Measures;

    /// Three months of 2022 and two types, by hand: January 3 battles and
    /// 1 protest (5 fatalities), February nothing, March 1 battle (2
    /// fatalities). "Riots" never happens.
    fn timeline() -> Timeline {
        let bin = Bin::Month;
        Timeline {
            bin,
            coarsened_from: None,
            first_bin: bin.index(from_ymd(2022, 1, 1).unwrap()),
            bins: 3,
            types: vec!["Battles".into(), "Riots".into(), "Protests".into()],
            events: vec![3, 0, 1, 0, 0, 0, 1, 0, 0],
            fatalities: vec![5, 0, 0, 0, 0, 0, 2, 0, 0],
        }
    }

    fn screen() -> Frame<'static> {
        // 10 px per bin: the plot spans 48..78, 10..186.
        Frame::Screen {
            width: 88.0,
            height: 210.0,
        }
    }

    #[test]
    fn stacked_bars_on_screen() {
        let chart = timeline_chart(
            &timeline(),
            Measure::Events,
            screen(),
            &TimelineOptions::default(),
        );
        assert_eq!((chart.width, chart.height), (88.0, 210.0));
        assert!(chart.title.is_empty() && chart.footer.is_empty());
        // The largest bin holds 4 events; the scale has a line per event
        // up to 4, so one event is 176 / 4 = 44 px.
        let bars: Vec<_> = chart
            .rects(Part::Plot)
            .map(|r| (r.x, r.y, r.width, r.height, r.fill, r.series))
            .collect();
        let battles = Colour::Fixed(event_type_colour("Battles"));
        let protests = Colour::Fixed(event_type_colour("Protests"));
        let close = |a: f64, b: f64| (a - b).abs() < 1e-9;
        assert_eq!(bars.len(), 3);
        let want = [
            (48.0, 186.0 - 3.0 * 44.0, 9.0, 3.0 * 44.0, battles, Some(0)),
            (48.0, 186.0 - 4.0 * 44.0, 9.0, 44.0, protests, Some(1)),
            (68.0, 186.0 - 44.0, 9.0, 44.0, battles, Some(0)),
        ];
        for (got, want) in bars.iter().zip(want) {
            assert!(close(got.0, want.0) && close(got.1, want.1), "{got:?}");
            assert!(close(got.2, want.2) && close(got.3, want.3), "{got:?}");
            assert_eq!((got.4, got.5), (want.4, want.5));
        }
        // Gridlines at 0, 1, 2, 3 and 4 events, 44 px apart.
        let ticks: Vec<_> = chart
            .texts(Part::Grid)
            .map(|t| (t.text.as_str(), t.y - CENTRE_DROP - 0.5))
            .collect();
        assert_eq!(
            ticks,
            [
                ("0", 186.0),
                ("1", 142.0),
                ("2", 98.0),
                ("3", 54.0),
                ("4", 10.0)
            ]
        );
        // Screens keep the legend off the canvas.
        assert_eq!(chart.marks(Part::Legend).count(), 0);
        assert_eq!(
            chart.legend,
            [
                LegendEntry {
                    label: "Battles".into(),
                    colour: event_type_colour("Battles")
                },
                LegendEntry {
                    label: "Protests".into(),
                    colour: event_type_colour("Protests")
                }
            ]
        );
    }

    /// One type, `counts[b]` events and twice as many fatalities in bin
    /// `b` (months from January 2022).
    fn one_type(counts: &[u32]) -> Timeline {
        Timeline {
            bin: Bin::Month,
            coarsened_from: None,
            first_bin: Bin::Month.index(from_ymd(2022, 1, 1).unwrap()),
            bins: counts.len(),
            types: vec!["Battles".into()],
            events: counts.to_vec(),
            fatalities: counts.iter().map(|&c| u64::from(c) * 2).collect(),
        }
    }

    fn grid_labels(chart: &Chart) -> Vec<(String, f64)> {
        chart
            .texts(Part::Grid)
            .map(|t| (t.text.clone(), t.y - CENTRE_DROP - 0.5))
            .collect()
    }

    /// Regression: with a tallest bar of 5 the scale read 0/2/5 with the
    /// "2" line at 2.5, and with a tallest bar of 1 it read 0/0/1.
    #[test]
    fn small_counts_get_whole_number_lines_where_they_say() {
        // Plot 10..186 (176 px) on screen.
        type Case<'a> = (&'a [u32], Measure, &'a [(&'a str, f64)]);
        let cases: &[Case] = &[
            (&[1], Measure::Events, &[("0", 186.0), ("1", 10.0)]),
            (
                &[5, 2],
                Measure::Events,
                &[
                    ("0", 186.0),
                    ("1", 151.0),
                    ("2", 116.0),
                    ("3", 80.0),
                    ("4", 45.0),
                    ("5", 10.0),
                ],
            ),
            // 7 events: steps of 2 up to 8, 44 px each.
            (
                &[7],
                Measure::Events,
                &[
                    ("0", 186.0),
                    ("2", 142.0),
                    ("4", 98.0),
                    ("6", 54.0),
                    ("8", 10.0),
                ],
            ),
            // 1,000,000 events: steps of 200,000, in thousands.
            (
                &[1_000_000, 3],
                Measure::Events,
                &[
                    ("0", 186.0),
                    ("200k", 151.0),
                    ("400k", 116.0),
                    ("600k", 80.0),
                    ("800k", 45.0),
                    ("1M", 10.0),
                ],
            ),
            // 1 event is 2 fatalities: 0, 1, 2.
            (
                &[1],
                Measure::Fatalities,
                &[("0", 186.0), ("1", 98.0), ("2", 10.0)],
            ),
            // 5 events are 10 fatalities: steps of 2 up to 10.
            (
                &[5],
                Measure::Fatalities,
                &[
                    ("0", 186.0),
                    ("2", 151.0),
                    ("4", 116.0),
                    ("6", 80.0),
                    ("8", 45.0),
                    ("10", 10.0),
                ],
            ),
            // 500,000 events are 1,000,000 fatalities.
            (
                &[500_000],
                Measure::Fatalities,
                &[
                    ("0", 186.0),
                    ("200k", 151.0),
                    ("400k", 116.0),
                    ("600k", 80.0),
                    ("800k", 45.0),
                    ("1M", 10.0),
                ],
            ),
        ];
        for &(counts, measure, want) in cases {
            let chart = timeline_chart(
                &one_type(counts),
                measure,
                screen(),
                &TimelineOptions::default(),
            );
            let want: Vec<(String, f64)> = want.iter().map(|&(l, y)| (l.into(), y)).collect();
            assert_eq!(grid_labels(&chart), want, "{counts:?} {measure:?}");
        }
    }

    /// The date labels of the description lie inside the chart's width, on
    /// screen (narrow and wide) and in a file.
    #[test]
    fn date_labels_lie_inside_the_chart() {
        let counts: Vec<u32> = (0..37).map(|i| i % 5).collect();
        let t = one_type(&counts);
        let footer = [String::new()];
        let frames = [
            Frame::Screen {
                width: 320.0,
                height: 200.0,
            },
            Frame::Screen {
                width: 1200.0,
                height: 200.0,
            },
            Frame::Export {
                title: "T",
                footer: &footer,
            },
        ];
        for frame in frames {
            let chart = timeline_chart(&t, Measure::Events, frame, &TimelineOptions::default());
            let labels: Vec<&Text> = chart.texts(Part::Axis).collect();
            assert!(labels.len() >= 2, "{frame:?}");
            for l in labels {
                assert_eq!(l.anchor, Anchor::Middle);
                let half = CHAR_WIDTH * l.size * l.text.chars().count() as f64 / 2.0;
                assert!(l.x - half >= 0.0, "{frame:?}: {} starts left of 0", l.text);
                assert!(
                    l.x + half <= chart.width,
                    "{frame:?}: {} ends past {}",
                    l.text,
                    chart.width
                );
            }
        }
    }

    #[test]
    fn a_bar_tooltip_names_the_period_and_each_type() {
        let t = timeline();
        assert_eq!(
            timeline_tip(&t, Measure::Events, 0),
            "2022-01: 4 events (Battles 3, Protests 1)"
        );
        assert_eq!(
            timeline_tip(&t, Measure::Fatalities, 2),
            "2022-03: 2 fatalities (Battles 2)"
        );
        assert_eq!(timeline_tip(&t, Measure::Events, 1), "2022-02: 0 events");
        // The plot spans 48..78 on the 88 px screen, 10 px per month.
        assert_eq!(timeline_bar_at(&t, 88.0, 47.0), None);
        assert_eq!(timeline_bar_at(&t, 88.0, 48.0), Some(0));
        assert_eq!(timeline_bar_at(&t, 88.0, 77.9), Some(2));
        assert_eq!(timeline_bar_at(&t, 88.0, 78.0), None);
    }

    #[test]
    fn chosen_types_stay_in_the_legend() {
        let chosen = ["Riots".to_string()];
        let options = TimelineOptions {
            event_types: &chosen,
            ..TimelineOptions::default()
        };
        let chart = timeline_chart(&timeline(), Measure::Events, screen(), &options);
        let labels: Vec<_> = chart.legend.iter().map(|e| e.label.as_str()).collect();
        assert_eq!(labels, ["Battles", "Riots", "Protests"]);
    }

    #[test]
    fn fatalities_scale_and_selection_veil() {
        let day = |m, d| from_ymd(2022, m, d).unwrap();
        let options = TimelineOptions {
            from: Some(day(2, 10)),
            to: Some(day(3, 31)),
            brush: Some((70.0, 60.0)),
            ..TimelineOptions::default()
        };
        let chart = timeline_chart(&timeline(), Measure::Fatalities, screen(), &options);
        // Only battles had fatalities: 5 in January (the top of the
        // scale), 2 in March.
        let heights: Vec<_> = chart.rects(Part::Plot).map(|r| r.height).collect();
        assert_eq!(heights.len(), 2);
        assert!((heights[0] - 176.0).abs() < 1e-9 && (heights[1] - 70.4).abs() < 1e-9);
        // February and March are chosen: January (48..58) is veiled.
        let veil: Vec<_> = chart
            .rects(Part::Selection)
            .map(|r| (r.x, r.width))
            .collect();
        assert_eq!(veil, [(48.0, 10.0)]);
        let brush: Vec<_> = chart.rects(Part::Brush).map(|r| (r.x, r.width)).collect();
        assert_eq!(brush, [(60.0, 10.0)]);
    }

    #[test]
    fn an_empty_timeline_says_so() {
        let t = Timeline {
            bin: Bin::Month,
            coarsened_from: None,
            first_bin: 0,
            bins: 0,
            types: Vec::new(),
            events: Vec::new(),
            fatalities: Vec::new(),
        };
        let footer = ["Data".to_string()];
        let chart = timeline_chart(
            &t,
            Measure::Events,
            Frame::Export {
                title: "T",
                footer: &footer,
            },
            &TimelineOptions::default(),
        );
        let note: Vec<_> = chart.texts(Part::Note).map(|t| t.text.as_str()).collect();
        assert_eq!(note, ["No events to show."]);
        assert_eq!(chart.marks(Part::Plot).count(), 0);
        assert!(chart.legend.is_empty());
    }

    #[test]
    fn long_titles_and_footer_lines_wrap_inside_the_width() {
        let bars = [Bar {
            label: "Battles".into(),
            measures: Measures {
                events: 3,
                fatalities: 0,
                civilian_fatalities: 0,
            },
        }];
        let title = "Events by event type: 2021-06-01 to 2021-09-30 vs 2022-06-01 to 2022-09-30 \u{b7} Wagner Group in Mali, events in public reporting";
        let footer = ["Wagner Group in Mali, events in public reporting (EventLens 0.1.0 edition, events to 2024-07-28). A curated sample of reported events, not a complete count of what happened.".to_string()];
        let chart = bars_chart(
            &bars,
            Measure::Events,
            BarColours::Plain,
            &[],
            title,
            &footer,
        );
        let fits = |t: &Text| {
            MARGIN + t.text.chars().count() as f64 * t.size * CHAR_WIDTH <= chart.width - MARGIN
        };
        let titles: Vec<&Text> = chart.texts(Part::Title).collect();
        let footers: Vec<&Text> = chart.texts(Part::Footer).collect();
        assert!(titles.len() >= 2 && footers.len() >= 2, "both wrap");
        assert!(titles.iter().chain(&footers).all(|t| fits(t)));
        // Every word is kept, in order.
        let joined = |ts: &[&Text]| {
            ts.iter()
                .map(|t| t.text.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert_eq!(joined(&titles), title);
        assert_eq!(joined(&footers), footer[0]);
        // The bars start below the title's last line.
        let last_title = titles.iter().map(|t| t.y).fold(0.0, f64::max);
        let first_bar = chart
            .layers
            .iter()
            .filter(|l| l.part == Part::Plot)
            .flat_map(|l| &l.marks)
            .filter_map(|m| match m {
                Mark::Rect(r) => Some(r.y),
                _ => None,
            })
            .fold(f64::MAX, f64::min);
        assert!(first_bar > last_title, "{first_bar} below {last_title}");
    }

    #[test]
    fn an_export_has_title_legend_and_footer_inside_its_height() {
        let footer = ["Synthetic data v1".to_string(), "No filters".to_string()];
        let chart = timeline_chart(
            &timeline(),
            Measure::Events,
            Frame::Export {
                title: "Events per month",
                footer: &footer,
            },
            &TimelineOptions::default(),
        );
        assert_eq!(chart.width, EXPORT_WIDTH);
        let title: Vec<_> = chart.texts(Part::Title).map(|t| t.text.as_str()).collect();
        assert_eq!(title, ["Events per month"]);
        let legend: Vec<_> = chart.texts(Part::Legend).map(|t| t.text.as_str()).collect();
        assert_eq!(legend, ["Battles", "Protests"]);
        let swatches: Vec<_> = chart.rects(Part::Legend).map(|r| r.fill).collect();
        assert_eq!(
            swatches,
            [
                Colour::Fixed(event_type_colour("Battles")),
                Colour::Fixed(event_type_colour("Protests"))
            ]
        );
        let lines: Vec<_> = chart.texts(Part::Footer).collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].text, "Synthetic data v1");
        assert!(lines[0].y < lines[1].y && lines[1].y < chart.height);
        let legend_bottom = chart.texts(Part::Legend).map(|t| t.y).fold(0.0, f64::max);
        assert!(legend_bottom < lines[0].y - FOOTER_FONT);
        let background: Vec<_> = chart.rects(Part::Background).collect();
        assert_eq!(background[0].height, chart.height);
        // Every bar has a tooltip naming its month, count and type.
        let tips: Vec<_> = chart
            .rects(Part::Plot)
            .map(|r| r.tip.as_deref().unwrap_or(""))
            .collect();
        assert_eq!(
            tips,
            [
                "2022-01: 3 Battles",
                "2022-01: 1 Protests",
                "2022-03: 1 Battles"
            ]
        );
    }

    #[test]
    fn long_legends_wrap() {
        let names: Vec<String> = (0..12)
            .map(|i| format!("A long event type name {i}"))
            .collect();
        let t = Timeline {
            bin: Bin::Year,
            coarsened_from: None,
            first_bin: 2020,
            bins: 1,
            events: vec![1; names.len()],
            fatalities: vec![0; names.len()],
            types: names,
        };
        let chart = timeline_chart(
            &t,
            Measure::Events,
            Frame::Export {
                title: "",
                footer: &[],
            },
            &TimelineOptions::default(),
        );
        let rows: std::collections::BTreeSet<u64> =
            chart.rects(Part::Legend).map(|r| r.y as u64).collect();
        assert!(rows.len() > 1);
        for t in chart.texts(Part::Legend) {
            let right = t.x + CHAR_WIDTH * FONT * t.text.chars().count() as f64;
            assert!(right <= chart.width - RIGHT, "{} ends at {right}", t.text);
        }
    }

    fn bar(label: &str, events: u64, fatalities: u64) -> Bar {
        Bar {
            label: label.into(),
            measures: Measures {
                events,
                fatalities,
                civilian_fatalities: 0,
            },
        }
    }

    #[test]
    fn bars_sort_by_the_measure() {
        let bars = [bar("b", 1, 9), bar("a", 5, 0), bar("c", 5, 1)];
        let names = |v: Vec<Bar>| v.into_iter().map(|b| b.label).collect::<Vec<_>>();
        assert_eq!(names(sorted_bars(&bars, Measure::Events)), ["a", "c", "b"]);
        assert_eq!(
            names(sorted_bars(&bars, Measure::Fatalities)),
            ["b", "c", "a"]
        );
    }

    #[test]
    fn bar_rows_in_order_with_lengths_and_colours() {
        let bars = [bar("Riots", 2, 0), bar("Battles", 8, 0), bar("Odd", 4, 0)];
        let types = ["Battles".to_string(), "Odd".into(), "Riots".into()];
        let rows = bar_rows(&bars, Measure::Events, BarColours::EventTypes(&types), &[]);
        let got: Vec<_> = rows
            .iter()
            .map(|r| (r.label.as_str(), r.value, r.share, r.colour))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "Battles",
                    8,
                    1.0,
                    Colour::Fixed(event_type_colour("Battles"))
                ),
                ("Odd", 4, 0.5, Colour::Fixed(event_type_colour("Odd"))),
                ("Riots", 2, 0.25, Colour::Fixed(event_type_colour("Riots"))),
            ]
        );
        let plain = bar_rows(&bars, Measure::Fatalities, BarColours::Plain, &[]);
        assert!(plain
            .iter()
            .all(|r| r.colour == Colour::Bar && r.share == 0.0));
    }

    /// Issue 12: a breakdown shows every value of its dimension, so the
    /// ones its filter selects stand out and the rest are dimmed.
    #[test]
    fn selected_bars_are_highlighted_and_the_rest_dimmed() {
        let bars = [bar("Gao", 2, 0), bar("Mopti", 6, 0), bar("Ségou", 2, 0)];
        let selected = ["Mopti".to_string()];
        let rows = bar_rows(&bars, Measure::Events, BarColours::Plain, &selected);
        let got: Vec<_> = rows
            .iter()
            .map(|r| (r.label.as_str(), r.emphasis))
            .collect();
        assert_eq!(
            got,
            [
                ("Mopti", Emphasis::Selected),
                ("Gao", Emphasis::Dimmed),
                ("Ségou", Emphasis::Dimmed)
            ]
        );
        let chart = bars_chart(
            &bars,
            Measure::Events,
            BarColours::Plain,
            &selected,
            "T",
            &[],
        );
        let opacities: Vec<f64> = chart.rects(Part::Plot).map(|r| r.opacity).collect();
        assert_eq!(opacities, [1.0, DIMMED, DIMMED]);
        let bold: Vec<&str> = chart
            .texts(Part::Axis)
            .filter(|t| t.weight == Weight::Bold)
            .map(|t| t.text.as_str())
            .collect();
        assert_eq!(bold, ["Mopti"]);
        // Nothing selected: nothing dimmed.
        let chart = bars_chart(&bars, Measure::Events, BarColours::Plain, &[], "T", &[]);
        assert!(chart.rects(Part::Plot).all(|r| r.opacity == 1.0));
    }

    #[test]
    fn a_comparison_as_paired_bars() {
        use crate::engine::query::group::Period;
        let m = |events| Measures {
            events,
            fatalities: 0,
            civilian_fatalities: 0,
        };
        let row = |key: &str, a, b| ComparisonRow {
            key: key.into(),
            a: m(a),
            b: m(b),
            change_pct: None,
            is_new: false,
        };
        let period = |y| Period {
            from: from_ymd(y, 6, 1).unwrap(),
            to: from_ymd(y, 9, 30).unwrap(),
        };
        let c = Comparison {
            by: GroupBy::Category(Category::EventType),
            a: period(2021),
            b: period(2022),
            rows: vec![row("Battles", 10, 40), row("Riots", 0, 20)],
            total: row("All events", 10, 60),
        };
        // 400 px wide: labels take 140 px, values 70, so bars span 190 px
        // and 40 events (the longest) fill it.
        let chart = comparison_chart(
            &c,
            Measure::Events,
            Frame::Screen {
                width: 400.0,
                height: 0.0,
            },
        );
        let bars: Vec<_> = chart
            .rects(Part::Plot)
            .map(|r| (r.x, r.y, r.width, r.fill, r.series))
            .collect();
        let (a, b) = (Colour::Fixed("#56B4E9"), Colour::Fixed("#0072B2"));
        assert_eq!(
            bars,
            [
                (140.0, 10.0, 47.5, a, Some(0)),
                (140.0, 24.0, 190.0, b, Some(1)),
                (140.0, 46.0, 0.0, a, Some(0)),
                (140.0, 60.0, 95.0, b, Some(1)),
            ]
        );
        let values: Vec<_> = chart.texts(Part::Plot).map(|t| t.text.as_str()).collect();
        assert_eq!(values, ["10", "40", "0", "20"]);
        let labels: Vec<_> = chart.texts(Part::Axis).map(|t| t.text.as_str()).collect();
        assert_eq!(labels, ["Battles", "Riots"]);
        // Two rows of 36 px from y = 10, and 4 px below.
        assert_eq!(chart.height, 10.0 + 72.0 + 4.0);
        let legend: Vec<_> = chart.legend.iter().map(|e| e.label.as_str()).collect();
        assert_eq!(
            legend,
            ["A: 2021-06-01 to 2021-09-30", "B: 2022-06-01 to 2022-09-30"]
        );
        assert_eq!(chart.marks(Part::Legend).count(), 0);
        // In a file the legend is drawn, above the footer.
        let footer = ["F".to_string()];
        let file = comparison_chart(
            &c,
            Measure::Events,
            Frame::Export {
                title: "T",
                footer: &footer,
            },
        );
        let drawn: Vec<_> = file.texts(Part::Legend).map(|t| t.text.as_str()).collect();
        assert_eq!(drawn, legend);
    }

    #[test]
    fn a_breakdown_by_event_type_has_a_legend_in_its_colours() {
        let bars = [bar("Riots", 2, 0), bar("Battles", 8, 0)];
        let chart = bars_chart(
            &bars,
            Measure::Events,
            BarColours::EventTypes(&[]),
            &[],
            "T",
            &["Footer".to_string()],
        );
        let legend: Vec<_> = chart.texts(Part::Legend).map(|t| t.text.as_str()).collect();
        assert_eq!(legend, ["Battles", "Riots"]);
        let swatches: Vec<_> = chart.rects(Part::Legend).map(|r| r.fill).collect();
        assert_eq!(
            swatches,
            [Colour::Fixed("#D55E00"), Colour::Fixed("#0072B2")]
        );
        let footer_y = chart.texts(Part::Footer).map(|t| t.y).fold(0.0, f64::max);
        let legend_y = chart.texts(Part::Legend).map(|t| t.y).fold(0.0, f64::max);
        assert!(legend_y < footer_y && footer_y < chart.height);
        // Plain bars have one colour and no legend.
        let plain = bars_chart(&bars, Measure::Events, BarColours::Plain, &[], "T", &[]);
        assert!(plain.legend.is_empty() && plain.marks(Part::Legend).count() == 0);
    }

    #[test]
    fn an_exported_breakdown_shows_twenty_bars_with_values() {
        let bars: Vec<Bar> = (0..25)
            .map(|i| bar(&format!("P{i:02}"), 1000 + i, 0))
            .collect();
        let chart = bars_chart(&bars, Measure::Events, BarColours::Plain, &[], "T", &[]);
        let labels: Vec<_> = chart.texts(Part::Axis).map(|t| t.text.clone()).collect();
        let want: Vec<String> = (5..25).rev().map(|i| format!("P{i:02}")).collect();
        assert_eq!(labels, want);
        let values: Vec<_> = chart
            .texts(Part::Plot)
            .map(|t| t.text.as_str())
            .take(2)
            .collect();
        assert_eq!(values, ["1,024", "1,023"]);
        let widths: Vec<_> = chart.rects(Part::Plot).map(|r| r.width).take(2).collect();
        assert_eq!(widths[0], EXPORT_WIDTH - 400.0);
        assert!((widths[1] - (EXPORT_WIDTH - 400.0) * 1023.0 / 1024.0).abs() < 1e-9);
        assert!(chart.height > 40.0 + 20.0 * 22.0);
    }
}
