//! The user's words on an exported chart: their title in place of the
//! chart's, their description under it, their notes and source line above
//! the footer, each wrapped to the chart's width. They are added to the
//! chart description (`present::chart`), so the SVG file and the PNG made
//! from it draw them alike; every backend writes them as text.

use crate::engine::present::chart::{
    Anchor, Chart, Colour, Layer, Mark, Part, Text, Weight, CHAR_WIDTH, FOOTER_LINE,
};

/// What the user wrote for a chart; empty strings are left out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ChartWords<'a> {
    pub title: &'a str,
    pub description: &'a str,
    pub notes: &'a str,
    pub source: &'a str,
}

impl ChartWords<'_> {
    pub fn is_empty(&self) -> bool {
        [self.title, self.description, self.notes, self.source]
            .iter()
            .all(|s| s.trim().is_empty())
    }

    /// The source line as shown: "Source: ...".
    pub fn source_line(&self) -> Option<String> {
        let s = self.source.trim();
        (!s.is_empty()).then(|| crate::t!("chart-source", source = s))
    }
}

const MARGIN: f64 = 10.0;
const TITLE_SIZE: f64 = 16.0;
const TITLE_LINE: f64 = 20.0;
const TITLE_BASELINE: f64 = 24.0;
const DESCRIPTION_SIZE: f64 = 13.0;
const DESCRIPTION_LINE: f64 = 18.0;
const NOTES_SIZE: f64 = 12.0;
const NOTES_LINE: f64 = 16.0;

pub use crate::engine::present::format::wrap;

/// Characters of `size`-pixel text that fit across a chart `width` wide.
fn per_line(width: f64, size: f64) -> usize {
    ((width - 2.0 * MARGIN) / (CHAR_WIDTH * size))
        .floor()
        .max(1.0) as usize
}

fn text_mark(y: f64, text: String, size: f64, weight: Weight, colour: Colour) -> Mark {
    Mark::Text(Text {
        x: MARGIN,
        y,
        text,
        size,
        anchor: Anchor::Start,
        weight,
        colour,
    })
}

fn shift(mark: &mut Mark, dy: f64) {
    match mark {
        Mark::Rect(r) => r.y += dy,
        Mark::Line(l) => {
            l.y1 += dy;
            l.y2 += dy;
        }
        Mark::Text(t) => t.y += dy,
    }
}

/// Adds `words` to a chart made for a file (a `Frame::Export` chart): the
/// title replaces the chart's own, the description goes under it and the
/// notes and source line above the footer; the marks between move down
/// and the chart grows to hold them.
pub fn add_words(chart: &mut Chart, words: &ChartWords) {
    if words.is_empty() {
        return;
    }
    let width = chart.width;
    // Above: the title (wrapped) and the description.
    let title = words.title.trim();
    let mut above = 0.0;
    if !title.is_empty() {
        chart.title = title.to_string();
        let lines = wrap(title, per_line(width, TITLE_SIZE));
        above += (lines.len().saturating_sub(1)) as f64 * TITLE_LINE;
        if chart.layers.iter().all(|l| l.part != Part::Title) {
            // A chart without a title gets room for one.
            above += TITLE_BASELINE;
        }
        let marks = lines
            .into_iter()
            .enumerate()
            .map(|(i, l)| {
                text_mark(
                    TITLE_BASELINE + i as f64 * TITLE_LINE,
                    l,
                    TITLE_SIZE,
                    Weight::Bold,
                    Colour::Text,
                )
            })
            .collect();
        chart.layers.retain(|l| l.part != Part::Title);
        let at = chart
            .layers
            .iter()
            .position(|l| l.part != Part::Background)
            .unwrap_or(chart.layers.len());
        chart.layers.insert(
            at,
            Layer {
                part: Part::Title,
                marks,
            },
        );
    }
    let description = wrap(words.description, per_line(width, DESCRIPTION_SIZE));
    let description_top = TITLE_BASELINE + above;
    above += description.len() as f64 * DESCRIPTION_LINE;
    for layer in &mut chart.layers {
        if !matches!(layer.part, Part::Background | Part::Title) {
            layer.marks.iter_mut().for_each(|m| shift(m, above));
        }
    }
    if !description.is_empty() {
        let marks = description
            .into_iter()
            .enumerate()
            .map(|(i, l)| {
                text_mark(
                    description_top + (i + 1) as f64 * DESCRIPTION_LINE,
                    l,
                    DESCRIPTION_SIZE,
                    Weight::Normal,
                    Colour::Text,
                )
            })
            .collect();
        let at = chart
            .layers
            .iter()
            .position(|l| !matches!(l.part, Part::Background | Part::Title))
            .unwrap_or(chart.layers.len());
        chart.layers.insert(
            at,
            Layer {
                part: Part::Description,
                marks,
            },
        );
    }
    chart.height += above;

    // Below: notes and the source line, where the footer began; the footer
    // moves down.
    let footer_top = chart
        .texts(Part::Footer)
        .map(|t| t.y - FOOTER_LINE)
        .fold(None, |m: Option<f64>, y| Some(m.map_or(y, |m| m.min(y))))
        .unwrap_or(chart.height - MARGIN);
    let mut lines = wrap(words.notes, per_line(width, NOTES_SIZE));
    let notes = lines.len();
    if let Some(source) = words.source_line() {
        lines.extend(wrap(&source, per_line(width, NOTES_SIZE)));
    }
    let below = lines.len() as f64 * NOTES_LINE;
    if below > 0.0 {
        for layer in &mut chart.layers {
            if layer.part == Part::Footer {
                layer.marks.iter_mut().for_each(|m| shift(m, below));
            }
        }
        let marks = lines
            .into_iter()
            .enumerate()
            .map(|(i, l)| {
                let colour = if i < notes {
                    Colour::Text
                } else {
                    Colour::Muted
                };
                text_mark(
                    footer_top + (i + 1) as f64 * NOTES_LINE,
                    l,
                    NOTES_SIZE,
                    Weight::Normal,
                    colour,
                )
            })
            .collect();
        let at = chart
            .layers
            .iter()
            .position(|l| l.part == Part::Footer)
            .unwrap_or(chart.layers.len());
        chart.layers.insert(
            at,
            Layer {
                part: Part::Notes,
                marks,
            },
        );
        chart.height += below;
    }
    chart.fit_background();
}

/// The words as lines above and below a picture that is not a chart
/// description (the map's PNG): title and description; notes and source.
pub fn words_lines(words: &ChartWords) -> (Vec<String>, Vec<String>) {
    let keep = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_string());
    let above = [keep(words.title), keep(words.description)]
        .into_iter()
        .flatten()
        .collect();
    let below = [keep(words.notes), words.source_line()]
        .into_iter()
        .flatten()
        .collect();
    (above, below)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::present::chart::{bars_chart, BarColours};
    use crate::engine::query::{Bar, Measure, Measures};

    #[test]
    fn wrapping_at_spaces_and_cutting_long_words() {
        assert_eq!(wrap("a bb ccc dddd", 6), ["a bb", "ccc", "dddd"]);
        assert_eq!(wrap("  ", 6), Vec::<String>::new());
        assert_eq!(wrap("abcdefghij k", 4), ["abcd", "efgh", "ij k"]);
        assert_eq!(wrap("x abcdefgh", 4), ["x", "abcd", "efgh"]);
        assert_eq!(wrap("éééé éé", 4), ["éééé", "éé"]);
    }

    fn chart() -> Chart {
        let bars = [Bar {
            label: "Battles".into(),
            measures: Measures {
                events: 4,
                fatalities: 0,
                civilian_fatalities: 0,
            },
        }];
        bars_chart(
            &bars,
            Measure::Events,
            BarColours::Plain,
            &[],
            "Events by event type",
            &[
                "Synthetic data v1".to_string(),
                "No filters: all events.".to_string(),
            ],
        )
    }

    #[test]
    fn words_go_above_and_below_and_the_rest_moves_down() {
        let plain = chart();
        let mut with = plain.clone();
        // 960 px wide: (960 - 20) / (0.6 * 13) = 120 characters a line of
        // the description, 130 of the notes.
        let description = format!("{} {}", "d".repeat(100), "e".repeat(50));
        let notes = "<b>Not bold</b> & more";
        add_words(
            &mut with,
            &ChartWords {
                title: "My title",
                description: &description,
                notes,
                source: "ACLED",
            },
        );
        assert_eq!(with.title, "My title");
        let titles: Vec<_> = with.texts(Part::Title).map(|t| t.text.as_str()).collect();
        assert_eq!(titles, ["My title"]);
        let desc: Vec<_> = with
            .texts(Part::Description)
            .map(|t| (t.text.clone(), t.y))
            .collect();
        assert_eq!(
            desc,
            [
                ("d".repeat(100), 24.0 + 18.0),
                ("e".repeat(50), 24.0 + 36.0)
            ]
        );
        // Two description lines: everything under the title is 36 px
        // lower, and the notes (2 lines, 32 px) push the footer down too.
        let first_label = |c: &Chart| c.texts(Part::Axis).next().map(|t| t.y).unwrap();
        assert_eq!(first_label(&with), first_label(&plain) + 36.0);
        let footer_y = |c: &Chart| c.texts(Part::Footer).map(|t| t.y).collect::<Vec<_>>();
        let moved: Vec<f64> = footer_y(&plain).iter().map(|y| y + 36.0 + 32.0).collect();
        assert_eq!(footer_y(&with), moved);
        assert_eq!(with.height, plain.height + 36.0 + 32.0);
        let notes_lines: Vec<_> = with.texts(Part::Notes).map(|t| t.text.as_str()).collect();
        assert_eq!(notes_lines, [notes, "Source: ACLED"]);
        // The notes start where the footer did.
        let notes_y = with.texts(Part::Notes).next().unwrap().y;
        assert_eq!(notes_y, footer_y(&plain)[0] + 36.0);
        // The background covers the taller chart.
        let bg = with.rects(Part::Background).next().unwrap();
        assert_eq!(bg.height, with.height);
        // No words, no change.
        let mut same = plain.clone();
        add_words(&mut same, &ChartWords::default());
        assert_eq!(same, plain);
    }

    #[test]
    fn a_long_title_wraps_and_the_svg_escapes_every_word() {
        let mut c = chart();
        let title = format!("<script>{}</script>", "t ".repeat(90));
        add_words(
            &mut c,
            &ChartWords {
                title: &title,
                ..ChartWords::default()
            },
        );
        // (960 - 20) / (0.6 * 16) = 97 characters a line; the title is
        // 8 + 180 + 9 = 197 characters with its spaces: three lines.
        let lines: Vec<_> = c.texts(Part::Title).map(|t| t.text.len()).collect();
        assert_eq!(lines.len(), 3);
        assert!(lines.iter().all(|&n| n <= 97), "{lines:?}");
        let svg = crate::engine::output::svg(&c);
        assert!(!svg.contains("<script>"));
        assert!(svg.contains("&lt;script&gt;"));
        assert!(svg.contains("<g class=\"title\">"));
    }

    #[test]
    fn map_lines() {
        let (above, below) = words_lines(&ChartWords {
            title: "T",
            description: " ",
            notes: "N",
            source: "S",
        });
        assert_eq!(above, ["T"]);
        assert_eq!(below, ["N", "Source: S"]);
    }
}
