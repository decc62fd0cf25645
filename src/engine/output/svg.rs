//! The SVG backend: writes a chart description (`present::chart`) as a
//! standalone SVG file, in the light theme's colours. Each part of the
//! chart is a `<g>` with the part's name as its class; every text from the
//! data is escaped.

use super::xml_escape;
use crate::engine::present::chart::{Anchor, Chart, Mark, Weight};
use std::fmt::Write;

/// The size text has when it sets none.
const BASE_FONT: f64 = 12.0;

/// A coordinate with at most two decimals and no trailing zeros.
fn num(v: f64) -> String {
    let s = format!("{v:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.to_string()
    }
}

/// The chart as an SVG document.
pub fn svg(chart: &Chart) -> String {
    let (w, h) = (num(chart.width), num(chart.height));
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"system-ui, sans-serif\" font-size=\"{}\" role=\"img\">\n",
        num(BASE_FONT)
    );
    if !chart.title.is_empty() {
        let _ = writeln!(out, "<title>{}</title>", xml_escape(&chart.title));
    }
    for layer in &chart.layers {
        let _ = writeln!(out, "<g class=\"{}\">", layer.part.name());
        for mark in &layer.marks {
            push_mark(&mut out, chart, mark);
        }
        out.push_str("</g>\n");
    }
    out.push_str("</svg>\n");
    out
}

fn push_mark(out: &mut String, chart: &Chart, mark: &Mark) {
    match mark {
        Mark::Rect(r) => {
            let _ = write!(
                out,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"",
                num(r.x),
                num(r.y),
                num(r.width),
                num(r.height),
                r.fill.light()
            );
            if r.opacity < 1.0 {
                let _ = write!(out, " fill-opacity=\"{}\"", num(r.opacity));
            }
            if let Some(entry) = r.series.and_then(|i| chart.legend.get(i)) {
                let _ = write!(out, " data-series=\"{}\"", xml_escape(&entry.label));
            }
            match &r.tip {
                Some(tip) => {
                    let _ = writeln!(out, "><title>{}</title></rect>", xml_escape(tip));
                }
                None => out.push_str("/>\n"),
            }
        }
        Mark::Line(l) => {
            let _ = writeln!(
                out,
                "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"{}\"/>",
                num(l.x1),
                num(l.y1),
                num(l.x2),
                num(l.y2),
                l.colour.light(),
                num(l.width)
            );
        }
        Mark::Text(t) => {
            let _ = write!(out, "<text x=\"{}\" y=\"{}\"", num(t.x), num(t.y));
            match t.anchor {
                Anchor::Start => {}
                Anchor::Middle => out.push_str(" text-anchor=\"middle\""),
                Anchor::End => out.push_str(" text-anchor=\"end\""),
            }
            if t.size != BASE_FONT {
                let _ = write!(out, " font-size=\"{}\"", num(t.size));
            }
            if t.weight == Weight::Bold {
                out.push_str(" font-weight=\"bold\"");
            }
            let _ = writeln!(
                out,
                " fill=\"{}\">{}</text>",
                t.colour.light(),
                xml_escape(&t.text)
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::data::date::{from_ymd, Bin};
    use crate::engine::present::chart::{timeline_chart, Frame, TimelineOptions};
    use crate::engine::present::palette::event_type_colour;
    use crate::engine::query::{Measure, Timeline};

    /// Two months, by hand: January 2 battles and 1 event of a type whose
    /// name needs escaping; February 1 battle.
    fn timeline() -> Timeline {
        Timeline {
            bin: Bin::Month,
            coarsened_from: None,
            first_bin: Bin::Month.index(from_ymd(2023, 1, 1).unwrap()),
            bins: 2,
            types: vec!["Battles".into(), "Riots & <\"looting\">".into()],
            events: vec![2, 1, 1, 0],
            fatalities: vec![0, 0, 0, 0],
        }
    }

    /// The values of attribute `name` on every element `tag` inside the
    /// `<g class="{class}">` groups.
    fn attributes(svg: &str, class: &str, tag: &str, name: &str) -> Vec<String> {
        let open = format!("<g class=\"{class}\">");
        let mut out = Vec::new();
        for group in svg.split(&open).skip(1) {
            let group = group.split("</g>").next().unwrap_or("");
            for element in group.split(&format!("<{tag} ")).skip(1) {
                let head = element.split('>').next().unwrap_or("");
                if let Some(v) = head.split(&format!(" {name}=\"")).nth(1) {
                    out.push(v.split('"').next().unwrap_or("").to_string());
                }
            }
        }
        out
    }

    /// The texts of the `<text>` elements in a `<g class="{class}">`.
    fn texts(svg: &str, class: &str) -> Vec<String> {
        let open = format!("<g class=\"{class}\">");
        let mut out = Vec::new();
        for group in svg.split(&open).skip(1) {
            let group = group.split("</g>").next().unwrap_or("");
            for element in group.split("<text ").skip(1) {
                let body = element.split_once('>').map_or("", |(_, b)| b);
                out.push(body.split("</text>").next().unwrap_or("").to_string());
            }
        }
        out
    }

    #[test]
    fn a_timeline_in_svg() {
        let footer = [
            "Synthetic test data v1".to_string(),
            "Filters: Country: <Mali>.".to_string(),
        ];
        let chart = timeline_chart(
            &timeline(),
            Measure::Events,
            Frame::Export {
                title: "Events per month & more",
                footer: &footer,
            },
            &TimelineOptions::default(),
        );
        let svg = svg(&chart);
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"960\""));
        assert!(svg.ends_with("</svg>\n"));
        assert!(svg.contains("<title>Events per month &amp; more</title>"));

        // The battles bars (January and February) in the battles colour.
        let series = attributes(&svg, "plot", "rect", "data-series");
        let fills = attributes(&svg, "plot", "rect", "fill");
        let battles: Vec<_> = series
            .iter()
            .zip(&fills)
            .filter(|(s, _)| *s == "Battles")
            .map(|(_, f)| f.as_str())
            .collect();
        assert_eq!(battles, ["#D55E00", "#D55E00"]);
        assert_eq!(battles[0], event_type_colour("Battles"));

        // The legend: the types, escaped, with their swatches.
        assert_eq!(
            texts(&svg, "legend"),
            ["Battles", "Riots &amp; &lt;&quot;looting&quot;&gt;"]
        );
        assert_eq!(
            attributes(&svg, "legend", "rect", "fill"),
            [
                event_type_colour("Battles"),
                event_type_colour("Riots & <\"looting\">")
            ]
        );
        assert!(!svg.contains("<\"looting\">"));

        // Footer lines, escaped.
        assert_eq!(
            texts(&svg, "footer"),
            ["Synthetic test data v1", "Filters: Country: &lt;Mali&gt;."]
        );
        // Tooltips name the month and type.
        assert!(svg.contains("<title>2023-01: 2 Battles</title>"));
    }

    #[test]
    fn numbers_are_short() {
        assert_eq!(num(10.0), "10");
        assert_eq!(num(10.5), "10.5");
        assert_eq!(num(1.0 / 3.0), "0.33");
        assert_eq!(num(-0.001), "0");
    }
}
