//! The frame of an exported picture drawn by the page (the map): its title
//! above it and its footer (dataset, credit, filters) below it, each wrapped
//! to the picture's width so that no line runs off the edge, and the frame
//! as an SVG document around the picture. The PNG export draws the same
//! frame on a canvas, so both files hold the same lines in the same places.

use super::xml_escape;
use std::fmt::Write;

/// Space around the frame's contents, in CSS pixels.
pub const PAD: f64 = 10.0;
/// Size and line height of the title.
pub const TITLE_SIZE: f64 = 15.0;
const TITLE_LINE: f64 = 20.0;
/// Size and line height of the footer.
pub const FOOTER_SIZE: f64 = 11.0;
const FOOTER_LINE: f64 = 15.0;
/// Space between the text and the picture.
const GAP: f64 = 8.0;

/// One line of text of a frame: its baseline starts at (`x`, `y`).
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub text: String,
    pub x: f64,
    pub y: f64,
    pub size: f64,
    pub bold: bool,
}

/// A picture of `picture_size` framed: the whole size, where the picture
/// goes (`picture_at`, top left) and every line of text.
#[derive(Clone, Debug, PartialEq)]
pub struct Framed {
    pub width: f64,
    pub height: f64,
    pub picture_at: (f64, f64),
    pub picture_size: (f64, f64),
    pub lines: Vec<Line>,
}

/// Splits `text` into lines no wider than `max` by `width_of`, between
/// words; a word wider than `max` on its own is split between characters.
pub fn wrap(text: &str, max: f64, width_of: impl Fn(&str) -> f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let joined = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if width_of(&joined) <= max {
            line = joined;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        // The word alone, split where it must be.
        for c in word.chars() {
            let mut longer = line.clone();
            longer.push(c);
            if !line.is_empty() && width_of(&longer) > max {
                lines.push(std::mem::take(&mut line));
                line.push(c);
            } else {
                line = longer;
            }
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Frames a picture of `picture_size` CSS pixels with `title` above it and
/// `footer` lines below it, wrapped to the picture's width;
/// `width_of(text, size)` measures a text at a font size.
pub fn frame_picture(
    title: &str,
    footer: &[String],
    picture_size: (f64, f64),
    width_of: impl Fn(&str, f64) -> f64,
) -> Framed {
    let (w, h) = picture_size;
    let width = w + 2.0 * PAD;
    let mut lines = Vec::new();
    let mut y = PAD;
    for text in wrap(title, w, |t| width_of(t, TITLE_SIZE)) {
        y += TITLE_LINE;
        lines.push(Line {
            text,
            x: PAD,
            y: y - (TITLE_LINE - TITLE_SIZE),
            size: TITLE_SIZE,
            bold: true,
        });
    }
    if !lines.is_empty() {
        y += GAP;
    }
    let picture_at = (PAD, y);
    y += h + GAP;
    for text in footer
        .iter()
        .flat_map(|l| wrap(l, w, |t| width_of(t, FOOTER_SIZE)))
    {
        y += FOOTER_LINE;
        lines.push(Line {
            text,
            x: PAD,
            y: y - (FOOTER_LINE - FOOTER_SIZE),
            size: FOOTER_SIZE,
            bold: false,
        });
    }
    Framed {
        width,
        height: y + PAD,
        picture_at,
        picture_size,
        lines,
    }
}

/// The frame as an SVG document, with the picture from `href` (a `data:`
/// URL of the picture, drawn at any resolution, shown at its size).
pub fn framed_svg(framed: &Framed, href: &str, background: &str, ink: &str) -> String {
    let num = |v: f64| format!("{}", (v * 100.0).round() / 100.0);
    let (w, h) = (num(framed.width), num(framed.height));
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"system-ui, sans-serif\" role=\"img\">\n"
    );
    if let Some(title) = framed.lines.iter().find(|l| l.bold) {
        let _ = writeln!(out, "<title>{}</title>", xml_escape(&title.text));
    }
    let _ = writeln!(
        out,
        "<rect width=\"{w}\" height=\"{h}\" fill=\"{}\"/>",
        xml_escape(background)
    );
    let (x, y) = framed.picture_at;
    let (pw, ph) = framed.picture_size;
    let _ = writeln!(
        out,
        "<image x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" href=\"{}\"/>",
        num(x),
        num(y),
        num(pw),
        num(ph),
        xml_escape(href)
    );
    for line in &framed.lines {
        let _ = writeln!(
            out,
            "<text class=\"{}\" x=\"{}\" y=\"{}\" font-size=\"{}\"{} fill=\"{}\">{}</text>",
            if line.bold { "title" } else { "footer" },
            num(line.x),
            num(line.y),
            num(line.size),
            if line.bold {
                " font-weight=\"bold\""
            } else {
                ""
            },
            xml_escape(ink),
            xml_escape(&line.text)
        );
    }
    out.push_str("</svg>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character 1 unit wide at size 1, as a monospace font would be.
    fn mono(text: &str, size: f64) -> f64 {
        text.chars().count() as f64 * size * 0.5
    }

    #[test]
    fn lines_wrap_between_words_and_split_only_a_word_too_long() {
        let width = |t: &str| t.chars().count() as f64;
        assert_eq!(
            wrap("Filters: Type: Battles; Region: Mopti.", 16.0, width),
            ["Filters: Type:", "Battles; Region:", "Mopti."]
        );
        assert_eq!(
            wrap("abcdefghij xy", 4.0, width),
            ["abcd", "efgh", "ij", "xy"]
        );
        assert_eq!(wrap("  ", 4.0, width), Vec::<String>::new());
        assert_eq!(wrap("fits", 4.0, width), ["fits"]);
    }

    #[test]
    fn a_framed_picture_has_one_title_and_its_whole_footer_inside() {
        let footer = vec![
            "Synthetic data v1".to_string(),
            "Source: a long credit line that cannot fit on one line of a narrow map".to_string(),
            "Filters: Country: Mali.".to_string(),
        ];
        // 200 px wide: 36 footer characters (5.5 px each) or 26 title
        // characters (7.5 px each) a line.
        let framed = frame_picture(
            "Map of the events \u{b7} Synthetic",
            &footer,
            (200.0, 100.0),
            mono,
        );
        let texts: Vec<&str> = framed.lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Map of the events \u{b7}",
                "Synthetic",
                "Synthetic data v1",
                "Source: a long credit line that",
                "cannot fit on one line of a narrow",
                "map",
                "Filters: Country: Mali.",
            ]
        );
        assert_eq!(framed.lines.iter().filter(|l| l.bold).count(), 2);
        // Title 2 x 20, gap 8, picture 100, gap 8, footer 5 x 15, pads 10.
        assert_eq!(framed.picture_at, (10.0, 58.0));
        assert_eq!(framed.width, 220.0);
        assert_eq!(framed.height, 10.0 + 40.0 + 8.0 + 100.0 + 8.0 + 75.0 + 10.0);
        for line in &framed.lines {
            assert!(mono(&line.text, line.size) <= 200.0, "{line:?}");
            assert!(line.y <= framed.height - PAD, "{line:?}");
        }
        let last = framed.lines.last().unwrap();
        assert_eq!(last.y, framed.height - PAD - (15.0 - 11.0));
    }

    #[test]
    fn the_svg_frame_writes_each_line_once_and_escapes() {
        let framed = frame_picture(
            "Map <of> events",
            &["A & B".to_string()],
            (300.0, 50.0),
            mono,
        );
        let svg = framed_svg(&framed, "data:image/png;base64,AAAA", "#fff", "#333");
        assert_eq!(svg.matches("class=\"title\"").count(), 1);
        assert_eq!(svg.matches("class=\"footer\"").count(), 1);
        assert!(svg.contains(">Map &lt;of&gt; events</text>"));
        assert!(svg.contains("<title>Map &lt;of&gt; events</title>"));
        assert!(svg.contains(">A &amp; B</text>"));
        assert!(svg.contains(
            "<image x=\"10\" y=\"38\" width=\"300\" height=\"50\" href=\"data:image/png;base64,AAAA\"/>"
        ));
        assert!(
            svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"320\" height=\"")
        );
    }
}
