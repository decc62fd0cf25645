//! SYNTHETIC hostile inputs shaped like real exports: rows taken from the
//! ACLED and UCDP fixtures, then broken the ways files and links break
//! (fields swapped or replaced by hostile values, quotes and separators in
//! the wrong places, other encodings and byte-order marks, truncation,
//! huge fields, dates in every form). Everything is generated from a seed,
//! so any input is rebuilt from its seed alone.

use eventlens::engine::synthetic::Rng;
use std::path::PathBuf;

/// A fixture's header and rows, as text.
pub struct Template {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// The real-shaped files the inputs start from.
pub struct Templates(Vec<Template>);

const FIXTURES: [&str; 7] = [
    "acled_current.csv",
    "acled_export_tool_2019.csv",
    "acled_monadic.csv",
    "acled_legacy_africa_cp1252.csv",
    "ucdp_ged.csv",
    "resaved/acled_export_tool_2019_dmy.csv",
    "resaved/acled_monadic_2024_excel.csv",
];

impl Templates {
    pub fn load() -> Templates {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let files = FIXTURES
            .iter()
            .map(|name| {
                let bytes =
                    std::fs::read(dir.join(name)).unwrap_or_else(|e| panic!("fixture {name}: {e}"));
                let text = match std::str::from_utf8(&bytes) {
                    Ok(t) => t.to_string(),
                    Err(_) => encoding_rs::WINDOWS_1252.decode(&bytes).0.into_owned(),
                };
                let text = text.trim_start_matches('\u{feff}');
                let mut reader = csv::ReaderBuilder::new()
                    .has_headers(false)
                    .flexible(true)
                    .from_reader(text.as_bytes());
                let mut records = reader
                    .records()
                    .map_while(Result::ok)
                    .map(|r| r.iter().map(str::to_string).collect::<Vec<_>>());
                let header = records.next().unwrap_or_default();
                Template {
                    header,
                    rows: records.collect(),
                }
            })
            .collect();
        Templates(files)
    }
}

fn pick<'a, T>(rng: &mut Rng, items: &'a [T]) -> &'a T {
    &items[rng.below(items.len() as u64) as usize]
}

fn chance(rng: &mut Rng, one_in: u64) -> bool {
    rng.below(one_in) == 0
}

/// ACLED's month names, as the engine reads them.
use eventlens::engine::data::date::MONTH_NAMES as MONTHS;

/// A date value in one of the forms files use, sometimes out of range.
pub fn date_value(rng: &mut Rng) -> String {
    let year = *pick(
        rng,
        &[
            -5, 0, 1, 99, 999, 1000, 1969, 1997, 2000, 2012, 2019, 2022, 2024, 2025, 9999, 10000,
            99999,
        ],
    );
    let year = if chance(rng, 3) {
        1990 + rng.below(36) as i64
    } else {
        year
    };
    let month = if chance(rng, 8) {
        rng.below(14) as i64
    } else {
        1 + rng.below(12) as i64
    };
    let day = if chance(rng, 8) {
        rng.below(33) as i64
    } else {
        1 + rng.below(28) as i64
    };
    let name = MONTHS[(month.clamp(1, 12) - 1) as usize];
    let yy = year.rem_euclid(100);
    match rng.below(16) {
        0..=2 => format!("{year:04}-{month:02}-{day:02}"),
        3 => format!("{year:04}-{month:02}-{day:02} 00:00:00.000"),
        4 => format!("{day} {name} {year}"),
        5 => format!("{day}-{}-{yy:02}", &name[..3]),
        6 => format!("{day:02}/{month:02}/{year}"),
        7 => format!("{month}/{day}/{year}"),
        8 => format!("{day:02}-{month:02}-{yy:02}"),
        9 => format!("{day}.{month}.{year}"),
        10 => format!("{year}/{month:02}/{day:02}"),
        11 => (rng.below(3_000_000) as i64 - 1000).to_string(),
        12 => format!("{year:04}-{month:02}-{day:02}T10:00:00Z"),
        13 => format!("{month:02}/{day:02}/{yy:02}"),
        _ => pick(
            rng,
            &[
                "",
                " ",
                "yesterday",
                "2022-02-30",
                "31/02/2019",
                "\u{662}\u{660}\u{662}\u{662}-\u{660}\u{665}-\u{660}\u{665}",
                "\u{ff12}\u{ff10}\u{ff12}\u{ff12}-05-05",
                "+002022-05-05",
                "1e5",
                "-1",
                "NaN",
                "2022-05",
                "2022",
                "05 Smarch 2022",
                "2958466",
                "60",
                "0",
                "99999999999999999999",
            ],
        )
        .to_string(),
    }
}

/// Values that are hard to read, or that must stay text.
const HOSTILE: &[&str] = &[
    "",
    " ",
    "\"",
    "\"\"",
    "a\"b",
    "\"a",
    "a\"",
    "\"\"\"\"\"\"\"",
    "\"\"a\"\"b\"\"\"",
    ",",
    ";",
    "\t",
    "\n",
    "\r",
    "\r\n",
    "a,b",
    "a;b",
    "a\tb",
    "a\nb",
    "a\r\nb\rc",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "\"><svg onload=alert(1)>",
    "javascript:alert(1)",
    "=HYPERLINK(\"http://example.invalid\",\"y\")",
    "=1+2",
    "+1",
    "-1+2",
    "@SUM(A1)",
    "\t=cmd|' /C calc'!A0",
    "S\u{e9}gou",
    "M\u{e9}naka",
    "\u{62a}\u{645}\u{628}\u{643}\u{62a}\u{648}",
    "\u{1f600}",
    "\u{202e}RTL",
    "e\u{301}",
    "\u{feff}",
    "\u{0}",
    "a\u{85}b",
    "\u{2028}",
    "\u{fffd}",
    "0",
    "-3",
    "1,200",
    "1 200",
    "12.0",
    "12.5",
    "4294967295",
    "4294967296",
    "99999999999999999999",
    "1e3",
    "NaN",
    "nan",
    "inf",
    "-inf",
    "1e309",
    "-0",
    "14,35",
    "90.0001",
    "-180",
    "180.5",
    "0x10",
    "  15.2  ",
    "1e-50",
    "Battles",
    "Violence against civilians",
    "One-sided violence",
    "1",
    "2",
    "3",
    "7",
];

/// One field value to put in place of a real one.
fn hostile_value(rng: &mut Rng, row: &[String]) -> String {
    match rng.below(10) {
        0 | 1 => date_value(rng),
        2 => {
            // A value from another column of the same row.
            if row.is_empty() {
                String::new()
            } else {
                pick(rng, row).clone()
            }
        }
        3 => {
            let n = 1 + rng.below(300) as usize;
            let unit = pick(rng, &["x", "\u{e9}", "\"", ",", "ab ", "\u{1f600}"]);
            unit.repeat(n)
        }
        _ => pick(rng, HOSTILE).to_string(),
    }
}

/// How values are quoted when written.
#[derive(Clone, Copy)]
enum Quoting {
    /// As a CSV writer does: when a value needs it.
    Needed,
    Always,
    /// Not at all: separators and quotes in values break the row.
    Never,
}

fn write_record(out: &mut String, fields: &[String], delimiter: char, quoting: Quoting) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(delimiter);
        }
        let needs =
            f.contains(['"', '\n', '\r', delimiter]) || f.starts_with(' ') || f.ends_with(' ');
        match quoting {
            Quoting::Always => {
                out.push('"');
                out.push_str(&f.replace('"', "\"\""));
                out.push('"');
            }
            Quoting::Needed if needs => {
                out.push('"');
                out.push_str(&f.replace('"', "\"\""));
                out.push('"');
            }
            _ => out.push_str(f),
        }
    }
}

/// A file's text: a template's header (perhaps renamed, reordered,
/// duplicated or cut) and rows built from its rows with hostile values.
fn csv_text(rng: &mut Rng, templates: &Templates) -> String {
    let t = pick(rng, &templates.0);
    let mut header = t.header.clone();
    // Columns in another order, renamed, duplicated, dropped or added.
    let mut order: Vec<usize> = (0..header.len()).collect();
    if chance(rng, 8) {
        for i in (1..order.len()).rev() {
            let j = rng.below(i as u64 + 1) as usize;
            order.swap(i, j);
        }
    }
    if chance(rng, 12) && !order.is_empty() {
        let at = rng.below(order.len() as u64) as usize;
        order.remove(at);
    }
    if chance(rng, 16) && !order.is_empty() {
        let dup = *pick(rng, &order);
        order.push(dup);
    }
    let extra_columns = if chance(rng, 2000) {
        1 + rng.below(3000) as usize
    } else if chance(rng, 12) {
        1 + rng.below(3) as usize
    } else {
        0
    };
    for name in &mut header {
        match rng.below(24) {
            0 => *name = name.to_uppercase(),
            1 => *name = name.replace('_', " "),
            2 => *name = format!(" {name} "),
            3 => *name = name.replace('_', "-"),
            4 => *name = hostile_value(rng, &[]),
            _ => {}
        }
    }
    let mut head: Vec<String> = order.iter().map(|&i| header[i].clone()).collect();
    head.extend((0..extra_columns).map(|i| format!("extra_{i}")));

    let delimiter = match rng.below(10) {
        0 => ';',
        1 => '\t',
        _ => ',',
    };
    let quoting = match rng.below(10) {
        0 => Quoting::Always,
        1 => Quoting::Never,
        _ => Quoting::Needed,
    };
    let line_end = *pick(rng, &["\n", "\n", "\n", "\r\n", "\r\n", "\r"]);
    let mixed_ends = chance(rng, 10);

    // Mostly small files (many inputs a second); a few large ones.
    let rows = match rng.below(1000) {
        0..=9 => 0,
        10 | 11 => 500 + rng.below(3000) as usize,
        12..=200 => rng.below(3) as usize,
        _ => 1 + rng.below(40) as usize,
    };
    let field_mutation = *pick(rng, &[0u64, 2, 10, 40, 200]);
    let mut out = String::new();
    write_record(&mut out, &head, delimiter, quoting);
    out.push_str(line_end);
    for _ in 0..rows {
        let source = if t.rows.is_empty() {
            vec![String::new(); t.header.len()]
        } else {
            pick(rng, &t.rows).clone()
        };
        let mut row: Vec<String> = order
            .iter()
            .map(|&i| source.get(i).cloned().unwrap_or_default())
            .collect();
        row.extend((0..extra_columns).map(|_| String::new()));
        if field_mutation > 0 {
            for value in row.iter_mut() {
                if chance(rng, field_mutation) {
                    *value = hostile_value(rng, &source);
                }
            }
            if chance(rng, field_mutation) && row.len() > 1 {
                let a = rng.below(row.len() as u64) as usize;
                let b = rng.below(row.len() as u64) as usize;
                row.swap(a, b);
            }
            if chance(rng, field_mutation * 2) {
                match rng.below(3) {
                    0 => {
                        row.pop();
                    }
                    1 => row.push(hostile_value(rng, &source)),
                    _ => row.push(String::new()),
                }
            }
        }
        if chance(rng, 20_000) && !row.is_empty() {
            // A huge field.
            let at = rng.below(row.len() as u64) as usize;
            row[at] = "y".repeat(100_000 + rng.below(2_000_000) as usize);
        }
        write_record(&mut out, &row, delimiter, quoting);
        if chance(rng, 30) {
            out.push_str(line_end);
        }
        let end = if mixed_ends {
            ["\n", "\r\n", "\r"][rng.below(3) as usize]
        } else {
            line_end
        };
        out.push_str(end);
    }
    if chance(rng, 10) {
        // No line end after the last row.
        let trimmed = out.trim_end_matches(['\r', '\n']).len();
        out.truncate(trimmed);
    }
    out
}

/// Bytes written in a text encoding, as tools save files.
fn encode(rng: &mut Rng, text: &str) -> Vec<u8> {
    let utf16 = |big: bool| -> Vec<u8> {
        text.encode_utf16()
            .flat_map(|u| {
                if big {
                    u.to_be_bytes()
                } else {
                    u.to_le_bytes()
                }
            })
            .collect()
    };
    match rng.below(400) {
        0..=9 => [&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat(),
        10..=19 => [&[0xFF, 0xFE][..], &utf16(false)].concat(),
        20..=29 => [&[0xFE, 0xFF][..], &utf16(true)].concat(),
        30..=39 => utf16(false),
        40..=49 => utf16(true),
        50..=59 => [&[0xEF, 0xBB, 0xBF][..], &utf16(false)].concat(),
        60..=89 => encoding_rs::WINDOWS_1252.encode(text).0.into_owned(),
        90 => {
            // Windows-1252 after 64 KB of ASCII.
            let mut bytes = Vec::new();
            let cut = text.find('\n').map_or(text.len(), |i| i + 1);
            bytes.extend_from_slice(&text.as_bytes()[..cut]);
            let filler = text[cut..]
                .lines()
                .next()
                .unwrap_or("")
                .replace(|c: char| !c.is_ascii(), "");
            while bytes.len() < 70_000 && !filler.is_empty() {
                bytes.extend_from_slice(filler.as_bytes());
                bytes.push(b'\n');
            }
            bytes.extend_from_slice(&encoding_rs::WINDOWS_1252.encode(&text[cut..]).0);
            bytes
        }
        _ => text.as_bytes().to_vec(),
    }
}

/// Bytes that break a file below the level of fields.
fn mutate_bytes(rng: &mut Rng, bytes: &mut Vec<u8>) {
    const ALPHABET: &[u8] = b",;\t\"\r\n\x00\xff\xfe\xc3\xa9\xe9\x80 aZ9-/:.";
    const INVALID: &[&[u8]] = &[
        b"\xc3",
        b"\xe9",
        b"\xed\xa0\x80",
        b"\xf4\x90\x80\x80",
        b"\xc0\x80",
        b"\xef\xbb\xbf",
        b"\xff\xfe",
        b"\x00\x00",
    ];
    let n = match rng.below(4) {
        0 => 0,
        1 => 1,
        2 => 1 + rng.below(4),
        _ => 1 + rng.below(16),
    };
    for _ in 0..n {
        let len = bytes.len();
        let at = rng.below(len as u64 + 1) as usize;
        match rng.below(10) {
            0 => bytes.insert(at, b'"'),
            1 if at < len => {
                bytes.remove(at);
            }
            2 if at < len => bytes[at] = *pick(rng, ALPHABET),
            3 => bytes.insert(at, *pick(rng, ALPHABET)),
            4 => bytes.truncate(at),
            5 if len > 0 => {
                let from = rng.below(len as u64) as usize;
                let to = (from + rng.below(200) as usize).min(len);
                let slice = bytes[from..to].to_vec();
                bytes.splice(at..at, slice);
            }
            6 => {
                let seq = pick(rng, INVALID);
                bytes.splice(at..at, seq.iter().copied());
            }
            7 if at < len => {
                // Cut the middle out (a download that lost a block).
                let to = (at + rng.below(4096) as usize).min(len);
                bytes.drain(at..to);
            }
            _ => {}
        }
    }
}

/// A prefix that makes the file something else.
const OTHER_FILES: &[&[u8]] = &[
    b"PK\x03\x04\x14\x00\x06\x00[Content_Types].xml xl/workbook.xml",
    b"PK\x03\x04\x14\x00data.csv",
    b"PK\x05\x06",
    b"<!DOCTYPE html><html><body>",
    b"  \n<html>",
    b"<?xml version=\"1.0\"?>",
    b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
    b"{\"events\": [1, 2]}\n",
    b"\x1f\x8b\x08\x00",
    b"\x00\x00\x00\x00",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\n\n\n",
    b",,,,\n",
];

/// One input file.
pub fn file(rng: &mut Rng, templates: &Templates) -> Vec<u8> {
    match rng.below(1000) {
        0..=4 => {
            // Random bytes.
            let len = rng.below(5000) as usize;
            (0..len).map(|_| rng.next_u64() as u8).collect()
        }
        5 => {
            // Only line ends, spaces or separators.
            let unit = pick(rng, &["\n", "\r\n", " ", ",", ";;\n", "\t"]);
            unit.repeat(rng.below(100_000) as usize).into_bytes()
        }
        6..=15 => {
            let mut bytes = pick(rng, OTHER_FILES).to_vec();
            bytes.extend_from_slice(csv_text(rng, templates).as_bytes());
            bytes
        }
        _ => {
            let text = csv_text(rng, templates);
            let mut bytes = encode(rng, &text);
            mutate_bytes(rng, &mut bytes);
            bytes
        }
    }
}

/// Keys a link may carry, and values shaped like theirs.
const QUERY_KEYS: &[&str] = &[
    "data",
    "from",
    "to",
    "months",
    "country",
    "admin1",
    "admin2",
    "type",
    "sub",
    "disorder",
    "actor",
    "role",
    "with",
    "fmin",
    "fmax",
    "civ",
    "q",
    "bin",
    "measure",
    "by",
    "ca",
    "cb",
    "cby",
    "panel",
    "embed",
    "event_type",
    "zzz",
    "",
];

const QUERY_VALUES: &[&str] = &[
    "2022-05-05",
    "2022-13-45",
    "0000-01-01",
    "9999-12-31",
    "10000-01-01",
    "-5-01-01",
    "1-12",
    "12-1",
    "0-13",
    "Mali",
    "Battles",
    "Wagner Group",
    "JNIM",
    "any",
    "actor1",
    "both",
    "0",
    "1",
    "-1",
    "4294967296",
    "99999999999999999999999",
    "week",
    "month",
    "year",
    "day",
    "events",
    "fatalities",
    "country",
    "admin1",
    "actor",
    "event_type",
    "2021",
    "2021-2022",
    "2022-01-01..2022-12-31",
    "map",
    "timeline",
    "table",
    "https://example.invalid/data.csv",
    "javascript:alert(1)",
    "data:text/csv,a,b",
    "<script>alert(1)</script>",
    "%",
    "%zz",
    "%E9",
    "%C3%A9",
    "%00",
    "+",
    "&",
    "=",
    "\u{1f600}",
    "",
];

/// A link's query string.
pub fn query(rng: &mut Rng) -> String {
    let mut parts = Vec::new();
    for _ in 0..rng.below(12) {
        let key = *pick(rng, QUERY_KEYS);
        let value = if chance(rng, 6) {
            date_value(rng)
        } else {
            pick(rng, QUERY_VALUES).to_string()
        };
        let value = match rng.below(6) {
            0 => value.repeat(1 + rng.below(50) as usize),
            1 => form_urlencoded::byte_serialize(value.as_bytes()).collect(),
            _ => value,
        };
        parts.push(format!("{key}={value}"));
    }
    let mut q = parts.join(if chance(rng, 20) { ";" } else { "&" });
    if chance(rng, 5) {
        q.insert(0, '?');
    }
    if chance(rng, 200) {
        q = q.repeat(1000);
    }
    q
}
