//! Export writers: the filtered events and the table behind any chart as
//! CSV (safe to open in a spreadsheet), and charts as SVG ([`svg`]).

mod svg;

pub use svg::svg;

use crate::engine::data::date;
use crate::engine::data::dimension::Category;
use crate::engine::data::source::ColumnRole;
use crate::engine::data::store::Store;
use crate::engine::present::scope::Scope;
use crate::engine::query::group::Comparison;
use crate::engine::query::Measure;
use crate::engine::query::{Bar, ChartKind, Filters, Timeline};
use crate::engine::read::layout::normalise;
use std::borrow::Cow;
use std::ops::Range;

pub mod picture;
pub mod share;
pub mod versions;

/// Neutralises a text cell a spreadsheet would run as a formula (OWASP CSV
/// injection guidance): a cell whose first visible character is `=`, `+`,
/// `-` or `@` - or a full-width or small look-alike of one, which some
/// spreadsheets also read as a formula - gets a `'` in front, as does a cell
/// starting with a tab or carriage return. Leading spaces, no-break spaces,
/// zero-width characters and byte-order marks do not hide a formula start.
/// Numbers the exporter formats itself are written as they are.
pub(crate) fn neutralise(cell: &str) -> Cow<'_, str> {
    let starts_with_control = cell.starts_with(['\t', '\r']);
    let first_visible = cell
        .chars()
        .find(|&c| !(c.is_whitespace() || is_invisible(c)));
    if starts_with_control || first_visible.is_some_and(is_formula_start) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// `=`, `+`, `-`, `@` and their full-width and small forms.
fn is_formula_start(c: char) -> bool {
    matches!(
        c,
        '=' | '+'
            | '-'
            | '@'
            | '\u{FF1D}' // full-width =
            | '\u{FF0B}' // full-width +
            | '\u{FF0D}' // full-width -
            | '\u{FF20}' // full-width @
            | '\u{FE66}' // small =
            | '\u{FE62}' // small +
            | '\u{FE63}' // small -
            | '\u{FE6B}' // small @
            | '\u{2212}' // minus sign
    )
}

/// Characters with no width that a cell may start with unseen.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
    )
}

/// The columns EventLens adds to an events export: its reading of each
/// event (ISO date, both sides' actors, the place, the type), after the
/// source's own columns. A column the source already has by name is not
/// written twice.
pub(crate) const EVENT_COLUMNS: [&str; 18] = [
    "event_id",
    "event_date",
    "time_precision",
    "event_type",
    "sub_event_type",
    "disorder_type",
    "side_1_actors",
    "side_2_actors",
    "civilian_targeting",
    "country",
    "admin1",
    "admin2",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "fatalities",
    "notes",
];

/// The role of the source column holding each of [`EVENT_COLUMNS`], where
/// the two hold the same value (a side's actors join several columns).
const READ_FROM: [Option<ColumnRole>; EVENT_COLUMNS.len()] = [
    Some(ColumnRole::EventId),
    Some(ColumnRole::Date),
    Some(ColumnRole::TimePrecision),
    Some(ColumnRole::EventType),
    Some(ColumnRole::SubEventType),
    Some(ColumnRole::DisorderType),
    None,
    None,
    Some(ColumnRole::CivilianTargeting),
    Some(ColumnRole::Country),
    Some(ColumnRole::Admin1),
    Some(ColumnRole::Admin2),
    Some(ColumnRole::Location),
    Some(ColumnRole::Latitude),
    Some(ColumnRole::Longitude),
    Some(ColumnRole::GeoPrecision),
    Some(ColumnRole::Fatalities),
    Some(ColumnRole::Notes),
];

/// A source field as an export writes it: a plain decimal number
/// ("-2.87", "12") as it is - no spreadsheet reads one as a formula, and a
/// quote would turn a longitude into text - anything else through
/// [`neutralise`].
fn source_cell(cell: &str) -> Cow<'_, str> {
    let digits = cell.strip_prefix('-').unwrap_or(cell);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
    let number = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if number(whole) && number(fraction) {
        Cow::Borrowed(cell)
    } else {
        neutralise(cell)
    }
}

/// Writes filtered events as CSV, row by row, so a large export can be
/// fed from records read back in slices. Each row holds every field of the
/// event's record in the source file, under the source's header, then the
/// [`EVENT_COLUMNS`] the source does not name; text cells are neutralised.
pub struct EventsCsv {
    writer: csv::Writer<Vec<u8>>,
    rows: u64,
    /// Columns of the source header.
    source_columns: usize,
    /// Which of [`EVENT_COLUMNS`] follow the source's columns.
    added: [bool; EVENT_COLUMNS.len()],
    /// For each source column, the one of [`EVENT_COLUMNS`] holding the
    /// value EventLens read from it: what is written there when the record
    /// cannot be read back.
    read_as: Vec<Option<usize>>,
}

impl EventsCsv {
    /// An export of events of `store`, with its header written.
    pub fn new(store: &Store) -> EventsCsv {
        let named: Vec<String> = store.header.iter().map(|h| normalise(h)).collect();
        let added = EVENT_COLUMNS.map(|c| !named.iter().any(|n| n == c));
        let mut writer = csv::WriterBuilder::new().from_writer(Vec::new());
        let header = store.header.iter().map(|h| neutralise(h)).chain(
            EVENT_COLUMNS
                .iter()
                .zip(added)
                .filter(|&(_, add)| add)
                .map(|(&c, _)| Cow::Borrowed(c)),
        );
        // Writing into a Vec cannot fail.
        let _ = writer.write_record(header.map(|c| c.into_owned()));
        let mut read_as = vec![None; store.header.len()];
        for (i, role) in READ_FROM.iter().enumerate() {
            if let Some(slot) = role
                .and_then(|r| store.columns.get(r))
                .and_then(|c| read_as.get_mut(c))
            {
                *slot = Some(i);
            }
        }
        EventsCsv {
            writer,
            rows: 0,
            source_columns: store.header.len(),
            added,
            read_as,
        }
    }

    /// Adds event `row`; `record` is its CSV record read back from the
    /// source, when available (else the source columns EventLens read hold
    /// its reading, and the others are left empty).
    pub fn push(&mut self, store: &Store, row: usize, record: Option<&[String]>) {
        let field = |c: Option<usize>| record.map_or("", |f| Store::field(f, c));
        let (lat, lon) = store.lat_lon(row);
        let number = |v: f32| {
            if v.is_nan() {
                String::new()
            } else {
                format!("{v}")
            }
        };
        let text = |s: &str| neutralise(s).into_owned();
        let category = |c: Category| text(store.name_of(c, row));
        let reading = [
            text(field(store.columns.get(ColumnRole::EventId))),
            date::format_iso(store.date[row]),
            store.time_precision(row).to_string(),
            category(Category::EventType),
            category(Category::SubEventType),
            category(Category::DisorderType),
            text(&store.side_label(store.side1[row])),
            text(&store.side_label(store.side2[row])),
            if store.is_civilian_targeting(row) {
                "Civilian targeting".into()
            } else {
                String::new()
            },
            category(Category::Country),
            category(Category::Admin1),
            category(Category::Admin2),
            text(store.location_of(row)),
            number(lat),
            number(lon),
            store.geo_precision(row).to_string(),
            store.fatalities[row].to_string(),
            text(field(store.columns.get(ColumnRole::Notes))),
        ];
        // Fields past the header are blank (the import refuses others).
        let source = (0..self.source_columns).map(|c| match (record, self.read_as[c]) {
            (None, Some(i)) => reading[i].clone(),
            _ => source_cell(field(Some(c))).into_owned(),
        });
        let source: Vec<String> = source.collect();
        let added = reading
            .into_iter()
            .zip(self.added)
            .filter(|&(_, add)| add)
            .map(|(cell, _)| cell);
        let cells: Vec<String> = source.into_iter().chain(added).collect();
        let _ = self.writer.write_record(&cells);
        self.rows += 1;
    }

    /// Adds event `row`, reading its record from `bytes`, which hold the
    /// source from offset `base` (offsets as in [`Store::record_range`]);
    /// see [`row_slices`]. A record outside `bytes` is written with
    /// EventLens's reading only.
    pub fn push_from_slice(&mut self, store: &Store, row: usize, bytes: &[u8], base: u64) {
        let (start, end) = store.record_range(row);
        let record = start
            .checked_sub(base)
            .zip(end.checked_sub(base))
            .and_then(|(s, e)| bytes.get(s as usize..e as usize))
            .map(|b| store.parse_source_record(b));
        self.push(store, row, record.as_deref());
    }

    pub fn rows(&self) -> u64 {
        self.rows
    }

    pub fn finish(self) -> Vec<u8> {
        self.writer.into_inner().unwrap_or_default()
    }
}

/// Exports the given rows of a store whose text is in memory, or with
/// EventLens's reading only when it is not.
pub fn events_csv(store: &Store, rows: &[u32]) -> Vec<u8> {
    let mut out = EventsCsv::new(store);
    for &r in rows {
        let record = store.record_in_memory(r as usize);
        out.push(store, r as usize, record.as_deref());
    }
    out.finish()
}

/// Groups `rows` (in file order) into slices of the source to read back
/// for an export: `(range of rows, start, end)`, where `start..end` covers
/// the records of `rows[range]` and spans at most `max_bytes` (or one
/// record, if a record is longer). Only the parts of the file holding
/// chosen events are read.
pub fn row_slices(store: &Store, rows: &[u32], max_bytes: u64) -> Vec<(Range<usize>, u64, u64)> {
    let mut slices = Vec::new();
    let mut first = 0;
    while first < rows.len() {
        let (start, mut end) = store.record_range(rows[first] as usize);
        let mut last = first + 1;
        while last < rows.len() {
            let (_, e) = store.record_range(rows[last] as usize);
            if e.saturating_sub(start) > max_bytes {
                break;
            }
            end = end.max(e);
            last += 1;
        }
        slices.push((first..last, start, end));
        first = last;
    }
    slices
}

fn table_csv(header: &[&str], rows: impl Iterator<Item = Vec<String>>) -> Vec<u8> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let _ = writer.write_record(header);
    for row in rows {
        let cells: Vec<Cow<str>> = row
            .iter()
            .enumerate()
            .map(|(i, c)| {
                if i == 0 {
                    neutralise(c)
                } else {
                    Cow::Borrowed(c.as_str())
                }
            })
            .collect();
        let _ = writer.write_record(cells.iter().map(|c| c.as_ref()));
    }
    writer.into_inner().unwrap_or_default()
}

/// The table behind a breakdown chart. While its own filter selects some
/// values (`selected`, shown highlighted), a `selected` column says which:
/// the rows are every value, not only those.
pub fn bars_csv(key: &str, bars: &[Bar], selected: &[String]) -> Vec<u8> {
    let mut header = vec![key, "events", "fatalities", "civilian_fatalities"];
    if !selected.is_empty() {
        header.push("selected");
    }
    table_csv(
        &header,
        bars.iter().map(|b| {
            let mut row = vec![
                b.label.clone(),
                b.measures.events.to_string(),
                b.measures.fatalities.to_string(),
                b.measures.civilian_fatalities.to_string(),
            ];
            if !selected.is_empty() {
                let yes = selected.contains(&b.label);
                row.push(if yes { "yes" } else { "no" }.to_string());
            }
            row
        }),
    )
}

/// The table behind the timeline: one row per bin, a column per event type.
pub fn timeline_csv(t: &Timeline, measure: Measure) -> Vec<u8> {
    let mut header: Vec<&str> = vec!["period"];
    header.extend(t.types.iter().map(String::as_str));
    header.push("total");
    let n = t.types.len();
    table_csv(
        &header,
        (0..t.bins).map(|b| {
            let mut row = vec![t.label(b)];
            let mut total = 0u64;
            for ty in 0..n {
                let v = match measure {
                    Measure::Events => u64::from(t.events[b * n + ty]),
                    Measure::Fatalities => t.fatalities[b * n + ty],
                };
                total += v;
                row.push(v.to_string());
            }
            row.push(total.to_string());
            row
        }),
    )
}

/// The table behind a comparison.
pub fn comparison_csv(c: &Comparison) -> Vec<u8> {
    let a = c.a.label();
    let b = c.b.label();
    let header = [
        c.by.name(),
        "events_a",
        "events_b",
        "change",
        "fatalities_a",
        "fatalities_b",
    ];
    let mut rows: Vec<&crate::engine::query::group::ComparisonRow> = c.rows.iter().collect();
    rows.push(&c.total);
    let mut out = format!("# A: {a}; B: {b}\n").into_bytes();
    out.extend(table_csv(
        &header,
        rows.into_iter().map(|r| {
            vec![
                r.key.clone(),
                r.a.events.to_string(),
                r.b.events.to_string(),
                r.change_label(),
                r.a.fatalities.to_string(),
                r.b.fatalities.to_string(),
            ]
        }),
    ));
    out
}

/// The footer of an exported chart or an embed: the dataset (with its
/// version), its credit, and in words the filters its figures apply (and
/// the one of its own dimension it shows all values of instead, see
/// [`Scope`]).
pub fn chart_footer(
    dataset: &str,
    credit: &str,
    filters: &Filters,
    kind: ChartKind,
) -> Vec<String> {
    [dataset.to_string(), credit.to_string()]
        .into_iter()
        .chain(Scope::of(filters, kind).footer())
        .filter(|l| !l.trim().is_empty())
        .collect()
}

/// A file name for an export: `eventlens-<dataset>-<what>.<ext>`, in
/// lower-case ASCII letters, digits and dashes.
pub fn file_name(dataset: &str, what: &str, ext: &str) -> String {
    let mut slug = String::new();
    for c in crate::engine::data::fold::fold(dataset).chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    // At most 40 characters, cut between words.
    if slug.len() > 40 {
        let cut = slug[..=40].rfind('-').unwrap_or(40);
        slug.truncate(cut);
    }
    let slug = slug.trim_end_matches('-');
    let slug = slug.strip_suffix("-csv").unwrap_or(slug);
    if slug.is_empty() {
        format!("eventlens-{what}.{ext}")
    } else {
        format!("eventlens-{slug}-{what}.{ext}")
    }
}

/// The HTML an article pastes to embed a view: a responsive `<iframe>`
/// (full width, `height` pixels until the embed reports its own) with a
/// `title`, inside a `<figure>` whose `<figcaption>` holds the chart's text
/// summary and describes the frame (`aria-describedby`), then the few lines
/// of script that size the frame to the height the embed posts
/// (`{eventlens: "height", value: N}`), taking it only from that frame and
/// from the embed's origin. Every value is escaped; an address whose origin
/// cannot be written safely gets no script (the frame keeps its height).
pub(crate) fn embed_code(src: &str, title: &str, summary: &str, height: u32) -> String {
    // A stable id from the address, so two embeds on a page differ.
    let mut hash: u32 = 0x811c_9dc5;
    for b in src.bytes() {
        hash = (hash ^ u32::from(b)).wrapping_mul(0x0100_0193);
    }
    let id = format!("eventlens-{hash:08x}");
    let mut code = format!(
        "<figure style=\"margin:0\">\n  <iframe id=\"{id}-frame\" src=\"{}\" title=\"{}\" aria-describedby=\"{id}\" loading=\"lazy\" style=\"display:block;width:100%;height:{height}px;border:0\"></iframe>\n  <figcaption id=\"{id}\">{}</figcaption>\n</figure>\n",
        xml_escape(src),
        xml_escape(title),
        xml_escape(summary)
    );
    if let Some(origin) = origin_of(src) {
        code.push_str(&format!(
            concat!(
                "<script>\n",
                "(function () {{\n",
                "  var frame = document.getElementById(\"{id}-frame\");\n",
                "  window.addEventListener(\"message\", function (event) {{\n",
                "    var data = event.data;\n",
                "    if (event.origin !== \"{origin}\" || event.source !== frame.contentWindow) return;\n",
                "    if (!data || data.eventlens !== \"height\" || typeof data.value !== \"number\") return;\n",
                "    frame.style.height = Math.max(50, Math.min(Math.ceil(data.value), 10000)) + \"px\";\n",
                "  }});\n",
                "}})();\n",
                "</script>\n"
            ),
            id = id,
            origin = origin
        ));
    }
    code
}

/// The origin of an absolute `http(s)` address, as a browser writes it in
/// `event.origin` ("https://example.org", "http://127.0.0.1:8080"), or
/// `None` for any other address or one with characters an origin does not
/// hold (so it can go into a script as it is).
pub(crate) fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    let default_port = match scheme.as_str() {
        "https" => ":443",
        "http" => ":80",
        _ => return None,
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = host.strip_suffix(default_port).unwrap_or(host);
    let allowed = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']');
    if host.is_empty() || !host.chars().all(allowed) {
        return None;
    }
    Some(format!("{scheme}://{}", host.to_ascii_lowercase()))
}

/// Escapes text for SVG/XML.
pub(crate) fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if (c as u32) < 0x20 && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::data::dimension::{Category, CategoryMap};
    use crate::engine::present::chart::{bars_chart, BarColours};

    #[test]
    fn neutralises_formula_cells() {
        let cases = [
            ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"),
            ("+1", "'+1"),
            ("-2", "'-2"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("Mopti", "Mopti"),
            ("", ""),
        ];
        for (cell, want) in cases {
            assert_eq!(neutralise(cell), want);
        }
    }

    /// Hostile-input review, defect 11: look-alike formula starts passed
    /// the export unchanged.
    #[test]
    fn look_alike_formula_starts_are_neutralised() {
        let hostile = [
            "\u{FF1D}HYPERLINK(\"x\")",
            "\u{FF0B}1",
            "\u{FF0D}1",
            "\u{FF20}SUM(A1)",
            "\u{FE66}1+1",
            "  =1+1",
            "\u{00A0}=1+1",
            "\u{200B}=1+1",
            "\u{FEFF}=1+1",
            " \u{200B} \u{FF1D}1",
        ];
        for cell in hostile {
            assert_eq!(neutralise(cell), format!("'{cell}"), "{cell:?}");
        }
        // Text that merely contains these characters later is left alone.
        for cell in ["Mopti = centre", " Gao", "Ségou\u{FF1D}", "\u{200B}Kidal"] {
            assert_eq!(neutralise(cell), cell, "{cell:?}");
        }
    }

    #[test]
    fn source_numbers_stay_numbers_and_other_cells_are_neutralised() {
        let cases = [
            ("-4.25", "-4.25"),
            ("-7", "-7"),
            ("14.1", "14.1"),
            ("0042", "0042"),
            ("-1+2", "'-1+2"),
            ("-7x", "'-7x"),
            ("-", "'-"),
            ("-.5", "'-.5"),
            ("-5.", "'-5."),
            ("=2+3", "'=2+3"),
            ("Mopti", "Mopti"),
        ];
        for (cell, want) in cases {
            assert_eq!(source_cell(cell), want, "{cell:?}");
        }
    }

    #[test]
    fn svg_text_is_escaped() {
        assert_eq!(
            xml_escape("<img src=x onerror=\"a\">&'"),
            "&lt;img src=x onerror=&quot;a&quot;&gt;&amp;&#39;"
        );
        let bar = Bar {
            label: "<script>".into(),
            measures: Default::default(),
        };
        let chart = bars_chart(
            &[bar],
            Measure::Events,
            BarColours::Plain,
            &[],
            "T & <b>",
            &["Source: <x>".into()],
        );
        let svg = svg(&chart);
        assert!(!svg.contains("<script>") && svg.contains("&lt;script&gt;"));
        assert!(svg.contains("Source: &lt;x&gt;"));
    }

    use crate::engine::{import_bytes, synthetic, ImportOptions};

    fn dataset(hold_text: bool) -> (Vec<u8>, Store) {
        let bytes = synthetic::acled_csv(300, 7);
        let options = ImportOptions {
            hold_text,
            ..ImportOptions::default()
        };
        let store = import_bytes(&bytes, options).unwrap().store;
        (bytes, store)
    }

    #[test]
    fn events_read_back_in_slices_match_those_held_in_memory() {
        let (bytes, external) = dataset(false);
        let (_, in_memory) = dataset(true);
        assert!(in_memory.record_in_memory(0).is_some());
        assert!(external.record_in_memory(0).is_none());
        let rows: Vec<u32> = (0..external.len() as u32).filter(|r| r % 3 != 1).collect();
        let want = events_csv(&in_memory, &rows);
        for max in [1, 500, 4096, u64::MAX] {
            let slices = row_slices(&external, &rows, max);
            assert_eq!(slices.first().map(|s| s.0.start), Some(0));
            assert_eq!(slices.last().map(|s| s.0.end), Some(rows.len()));
            let mut out = EventsCsv::new(&external);
            for (range, start, end) in slices {
                assert!(end - start <= max || range.len() == 1, "{max}");
                let slice = &bytes[start as usize..end as usize];
                for &r in &rows[range] {
                    out.push_from_slice(&external, r as usize, slice, start);
                }
            }
            assert_eq!(out.rows(), rows.len() as u64);
            assert_eq!(
                String::from_utf8(out.finish()).unwrap(),
                String::from_utf8(want.clone()).unwrap()
            );
        }
    }

    #[test]
    fn a_record_outside_the_slice_loses_only_its_text() {
        let (_, store) = dataset(false);
        let mut out = EventsCsv::new(&store);
        out.push_from_slice(&store, 5, b"", 0);
        let text = String::from_utf8(out.finish()).unwrap();
        assert_eq!(text.lines().count(), 2);
    }

    #[test]
    fn embed_code_escapes_and_describes_the_frame() {
        let code = embed_code(
            "https://example.org/eventlens/?embed=1&panel=compare&type=A\"B",
            "EventLens: <Compare>",
            "Up 5% & more",
            420,
        );
        assert!(code.contains(
            "src=\"https://example.org/eventlens/?embed=1&amp;panel=compare&amp;type=A&quot;B\""
        ));
        assert!(code.contains("title=\"EventLens: &lt;Compare&gt;\""));
        assert!(code.contains(">Up 5% &amp; more</figcaption>"));
        let id = code
            .split("aria-describedby=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        assert!(code.contains(&format!("<figcaption id=\"{id}\">")));
        assert!(code.contains("height:420px"));
    }

    #[test]
    fn the_embed_code_sizes_its_frame_from_the_embeds_origin_only() {
        let code = embed_code(
            "https://Example.org:443/eventlens/?embed=1&panel=map",
            "T",
            "S",
            560,
        );
        let id = code
            .split("<iframe id=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .unwrap();
        assert!(
            id.starts_with("eventlens-") && id.ends_with("-frame"),
            "{id}"
        );
        let script = code.split("<script>").nth(1).unwrap();
        assert!(script.contains(&format!("document.getElementById(\"{id}\")")));
        assert!(script.contains("event.origin !== \"https://example.org\""));
        assert!(script.contains("event.source !== frame.contentWindow"));
        assert!(script.contains("data.eventlens !== \"height\""));
        assert!(script.ends_with("</script>\n"));
        // Until the embed reports, the frame has the panel's height.
        assert!(code.contains("height:560px"));
    }

    #[test]
    fn origins_of_addresses() {
        let cases = [
            (
                "https://example.org/eventlens/?embed=1",
                Some("https://example.org"),
            ),
            ("http://127.0.0.1:8080/x", Some("http://127.0.0.1:8080")),
            ("http://example.org:80/", Some("http://example.org")),
            ("HTTPS://News.Example/a#b", Some("https://news.example")),
            ("https://user:pw@example.org/", Some("https://example.org")),
            ("http://[::1]:3000/", Some("http://[::1]:3000")),
            ("file:///tmp/x.html", None),
            ("https://exa\"mple.org/", None),
            ("https:///path", None),
            ("example.org/x", None),
        ];
        for (url, want) in cases {
            assert_eq!(origin_of(url).as_deref(), want, "{url}");
        }
        // No script for an address without a usable origin.
        assert!(!embed_code("file:///x", "T", "S", 100).contains("<script>"));
    }

    #[test]
    fn file_names_are_plain() {
        assert_eq!(
            file_name(
                "Wagner Group in Mali, events in public reporting",
                "timeline",
                "csv"
            ),
            "eventlens-wagner-group-in-mali-events-in-public-timeline.csv"
        );
        assert_eq!(
            file_name("Ségou <x>.csv", "events", "csv"),
            "eventlens-segou-x-events.csv"
        );
        assert_eq!(file_name("", "map", "png"), "eventlens-map.png");
    }

    #[test]
    fn a_breakdown_table_says_which_rows_are_selected() {
        let bar = |label: &str, events| Bar {
            label: label.into(),
            measures: crate::engine::query::Measures {
                events,
                ..Default::default()
            },
        };
        let bars = [bar("Mopti", 2), bar("Menaka", 1)];
        let text = |b: Vec<u8>| String::from_utf8(b).unwrap();
        assert_eq!(
            text(bars_csv("admin1", &bars, &["Mopti".into()])),
            "admin1,events,fatalities,civilian_fatalities,selected\nMopti,2,0,0,yes\nMenaka,1,0,0,no\n"
        );
        assert_eq!(
            text(bars_csv("admin1", &bars, &[])),
            "admin1,events,fatalities,civilian_fatalities\nMopti,2,0,0\nMenaka,1,0,0\n"
        );
    }

    #[test]
    fn footer_names_the_filters() {
        let f = Filters {
            categories: CategoryMap::default().with(Category::Country, vec!["Mali".into()]),
            ..Filters::default()
        };
        assert_eq!(
            chart_footer("Data v1", "Source: X", &f, ChartKind::Map),
            vec!["Data v1", "Source: X", "Filters: Country: Mali."]
        );
    }

    #[test]
    fn place_labels_skip_repeats() {
        let (_, store) = dataset(true);
        let label = store.place_label(store.place[0]);
        assert!(!label.is_empty());
        assert!(!label.contains(", ,"));
    }
}
