//! The same events in an Excel workbook and in each JSON shape give the
//! store and the figures of the CSV they were written from. The workbooks
//! and JSON documents are written here from the synthetic CSV fixtures (the
//! events are read with the `csv` crate, not the importer), and the
//! expected figures are worked out from those rows.
//!
//! `cargo test --test workbook_and_json -- --ignored` writes the committed
//! workbook and JSON fixtures again (see `write_fixtures`).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::fixture;
use eventlens::engine::data::date;
use eventlens::engine::data::dimension::Category;
use eventlens::engine::data::store::Store;
use eventlens::engine::read::container::{Container, ContainerError, JsonShape};
use eventlens::engine::read::import::ImportOptions;
use eventlens::engine::read::layout::Format;
use eventlens::engine::{import_any, ImportError, Opened};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format as CellFormat, Workbook};
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// A CSV fixture as header and records, read with the `csv` crate.
struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    fn read(bytes: &[u8]) -> Table {
        let mut reader = csv::Reader::from_reader(bytes);
        let header = reader
            .headers()
            .unwrap()
            .iter()
            .map(str::to_string)
            .collect();
        let rows = reader
            .records()
            .map(|r| r.unwrap().iter().map(str::to_string).collect())
            .collect();
        Table { header, rows }
    }

    fn column(&self, name: &str) -> usize {
        self.header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name}"))
    }

    fn values(&self, name: &str) -> Vec<&str> {
        let c = self.column(name);
        self.rows.iter().map(|r| r[c].as_str()).collect()
    }
}

/// A number as a spreadsheet or JSON would type it ("1,200" is 1200);
/// `None` for text.
fn number(value: &str) -> Option<f64> {
    let plain: String = value.chars().filter(|&c| c != ',').collect();
    if plain.is_empty() || !plain.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    plain.parse().ok()
}

/// An ISO date (`2022-06-20`, optionally with a time) as its parts.
fn ymd(value: &str) -> Option<(u16, u8, u8)> {
    let d = value.get(..10)?;
    let mut parts = d.split('-');
    let y = parts.next()?.parse().ok()?;
    let m = parts.next()?.parse().ok()?;
    let day = parts.next()?.parse().ok()?;
    Some((y, m, day))
}

/// The events of `table` as a workbook: sheet "Events" first, with typed
/// date cells in `date_columns` and typed numbers, then a "Codebook" sheet.
/// `before` sheets come first (an empty one is skipped when reading).
fn workbook(table: &Table, date_columns: &[&str], before: &[&str]) -> Vec<u8> {
    let mut book = Workbook::new();
    // A fixed creation time, so the fixture bytes do not change per run.
    let created = ExcelDateTime::from_ymd(2024, 1, 1).unwrap();
    book.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let date_format = CellFormat::new().set_num_format("yyyy-mm-dd");
    for name in before {
        book.add_worksheet().set_name(*name).unwrap();
    }
    let sheet = book.add_worksheet();
    sheet.set_name("Events").unwrap();
    for (c, h) in table.header.iter().enumerate() {
        sheet.write_string(0, c as u16, h).unwrap();
    }
    let dates: Vec<usize> = date_columns.iter().map(|d| table.column(d)).collect();
    for (r, row) in table.rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, value) in row.iter().enumerate() {
            let col = c as u16;
            if value.is_empty() {
                continue;
            }
            match (dates.contains(&c), ymd(value), number(value)) {
                (true, Some((y, m, d)), _) => {
                    let day = ExcelDateTime::from_ymd(y, m, d).unwrap();
                    sheet
                        .write_datetime_with_format(r, col, &day, &date_format)
                        .unwrap();
                }
                (_, _, Some(n)) => {
                    sheet.write_number(r, col, n).unwrap();
                }
                _ => {
                    sheet.write_string(r, col, value).unwrap();
                }
            }
        }
    }
    let codebook = book.add_worksheet();
    codebook.set_name("Codebook").unwrap();
    codebook.write_string(0, 0, "Column").unwrap();
    codebook.write_string(0, 1, "Meaning").unwrap();
    codebook.write_string(1, 0, "event_date").unwrap();
    codebook
        .write_string(1, 1, "Day of the event (synthetic fixture)")
        .unwrap();
    book.save_to_buffer().unwrap()
}

/// One object per row. `typed`: numbers as JSON numbers and empty values
/// left out (so the keys' first-seen order differs from the header's);
/// otherwise every value a string, as the ACLED API sends them.
fn objects(table: &Table, typed: bool) -> Vec<Value> {
    table
        .rows
        .iter()
        .map(|row| {
            let mut object = Map::new();
            for (h, v) in table.header.iter().zip(row) {
                if !typed {
                    object.insert(h.clone(), json!(v));
                } else if v.is_empty() {
                    continue;
                } else if let Some(n) = number(v).filter(|_| !v.contains(',')) {
                    object.insert(h.clone(), json!(n));
                } else {
                    object.insert(h.clone(), json!(v));
                }
            }
            Value::Object(object)
        })
        .collect()
}

fn acled_api(table: &Table) -> Vec<u8> {
    let data = objects(table, false);
    serde_json::to_vec_pretty(&json!({
        "status": 200,
        "success": true,
        "last_update": 0,
        "count": data.len(),
        "messages": [],
        "data": data,
        "filename": "synthetic-fixture",
    }))
    .unwrap()
}

fn ucdp_api(table: &Table) -> Vec<u8> {
    let result = objects(table, true);
    serde_json::to_vec(&json!({
        "TotalCount": result.len(),
        "TotalPages": 1,
        "PreviousPageUrl": "",
        "NextPageUrl": "",
        "Result": result,
    }))
    .unwrap()
}

fn array(table: &Table) -> Vec<u8> {
    serde_json::to_vec(&objects(table, true)).unwrap()
}

fn open(bytes: &[u8], name: &str, sheet: Option<&str>) -> Opened {
    import_any(bytes, name, sheet, ImportOptions::default())
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// A CSV imported with its text held, so notes read back as for the others.
fn open_csv(bytes: &[u8]) -> Opened {
    let options = ImportOptions {
        hold_text: true,
        ..ImportOptions::default()
    };
    import_any(bytes, "events.csv", None, options).unwrap()
}

fn open_err(bytes: &[u8], name: &str, sheet: Option<&str>) -> ImportError {
    match import_any(bytes, name, sheet, ImportOptions::default()) {
        Ok(_) => panic!("{name} imported"),
        Err(e) => e,
    }
}

/// What a user sees of each event, read from the store (notes from the
/// record held in memory, as the details panel reads them).
#[derive(Debug, PartialEq)]
struct Event {
    date: String,
    date_end: Option<String>,
    event_type: String,
    side1: String,
    side2: String,
    fatalities: u32,
    low_high: Option<(u32, u32)>,
    admin1: String,
    location: String,
    lat_lon: (f32, f32),
    notes: String,
}

fn events(store: &Store, notes_column: &str) -> Vec<Event> {
    let notes_at = store.header.iter().position(|h| h == notes_column);
    (0..store.len())
        .map(|i| {
            let fields = store.record_in_memory(i).expect("text held in memory");
            Event {
                date: date::format_iso(store.date[i]),
                date_end: store.date_end.get(i).map(|&d| date::format_iso(d)),
                event_type: store.name_of(Category::EventType, i).to_string(),
                side1: store.side_label(store.side1[i]),
                side2: store.side_label(store.side2[i]),
                fatalities: store.fatalities[i],
                low_high: store
                    .is_ucdp()
                    .then(|| (store.fatalities_low[i], store.fatalities_high[i])),
                admin1: store.name_of(Category::Admin1, i).to_string(),
                location: store.location_of(i).to_string(),
                lat_lon: store.lat_lon(i),
                notes: Store::field(&fields, notes_at).to_string(),
            }
        })
        .collect()
}

fn per_type(store: &Store) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for i in 0..store.len() {
        *counts
            .entry(store.name_of(Category::EventType, i).to_string())
            .or_default() += 1;
    }
    counts
}

/// The ACLED events of `table` as the importer should read them, worked
/// out from the rows themselves.
fn expected_acled(table: &Table) -> Vec<Event> {
    let side = |actor: &str, assoc: &str| {
        let mut names = vec![actor.trim().to_string()];
        names.extend(
            assoc
                .split(';')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string),
        );
        names.retain(|n| !n.is_empty());
        names.join("; ")
    };
    let c = |n: &str| table.column(n);
    table
        .rows
        .iter()
        .map(|r| Event {
            date: r[c("event_date")].clone(),
            date_end: None,
            event_type: r[c("event_type")].clone(),
            side1: side(&r[c("actor1")], &r[c("assoc_actor_1")]),
            side2: side(&r[c("actor2")], &r[c("assoc_actor_2")]),
            fatalities: number(&r[c("fatalities")]).unwrap_or(0.0) as u32,
            low_high: None,
            admin1: r[c("admin1")].clone(),
            location: r[c("location")].clone(),
            lat_lon: (
                r[c("latitude")].parse().unwrap(),
                r[c("longitude")].parse().unwrap(),
            ),
            notes: r[c("notes")].clone(),
        })
        .collect()
}

fn acled_table() -> Table {
    Table::read(&fixture("acled_current.csv"))
}

#[test]
fn the_reference_figures_hold_for_the_csv_itself() {
    // The expected events are right for the CSV, so comparing the other
    // shapes with them compares them with the CSV.
    let table = acled_table();
    let csv = open_csv(&fixture("acled_current.csv"));
    assert_eq!(csv.container, Container::Text);
    assert_eq!(events(&csv.dataset.store, "notes"), expected_acled(&table));
}

#[test]
fn a_workbook_reads_as_the_csv_it_was_written_from() {
    let table = acled_table();
    let book = workbook(&table, &["event_date"], &[]);
    let opened = open(&book, "acled.xlsx", None);
    let store = &opened.dataset.store;
    let report = &opened.dataset.report;
    assert_eq!(store.format, Format::AcledCurrent);
    assert_eq!(
        opened.container,
        Container::Workbook {
            sheet: "Events".into(),
            sheets: vec!["Events".into(), "Codebook".into()],
        }
    );
    assert_eq!(
        opened.container.describe(),
        "Read from sheet \u{201c}Events\u{201d} of the workbook; its other sheets: \u{201c}Codebook\u{201d}."
    );
    assert_eq!(events(store, "notes"), expected_acled(&table));
    // By hand from acled_current.csv: 6 events, 5+12+3+1,200+0+20 deaths.
    assert_eq!(store.len(), 6);
    assert_eq!(
        store.fatalities.iter().map(|&f| u64::from(f)).sum::<u64>(),
        1240
    );
    assert_eq!(
        per_type(store),
        BTreeMap::from([
            ("Battles".to_string(), 2),
            ("Explosions/Remote violence".to_string(), 1),
            ("Strategic developments".to_string(), 1),
            ("Violence against civilians".to_string(), 2),
        ])
    );
    assert_eq!(report.rows_read, 6);
    assert_eq!(report.rows_skipped, 0);
    assert_eq!(report.bytes, book.len() as u64, "the workbook's size");
    assert_eq!(
        report.date_min.map(date::format_iso).as_deref(),
        Some("2021-06-15")
    );
    assert_eq!(
        report.date_max.map(date::format_iso).as_deref(),
        Some("2023-01-10")
    );
    // The notes cell with a line break makes line numbers differ from rows.
    assert_eq!(report.warnings.len(), 1, "{:?}", report.warnings);
    assert!(report.warnings[0]
        .to_string()
        .ends_with("a cell with line breaks takes a line for each."));
}

#[test]
fn the_first_sheet_with_values_is_read_unless_one_is_chosen() {
    let table = acled_table();
    let book = workbook(&table, &["event_date"], &["Cover"]);
    let opened = open(&book, "acled.xlsx", None);
    assert_eq!(
        opened.container,
        Container::Workbook {
            sheet: "Events".into(),
            sheets: vec!["Cover".into(), "Events".into(), "Codebook".into()],
        }
    );
    assert_eq!(opened.dataset.store.len(), 6);

    // The codebook's columns are no known export: the mapping dialog's error.
    match open_err(&book, "acled.xlsx", Some("Codebook")) {
        ImportError::UnknownLayout { headers } => assert_eq!(headers, ["Column", "Meaning"]),
        e => panic!("{e:?}"),
    }
    assert_eq!(
        open_err(&book, "acled.xlsx", Some("Cover")),
        ImportError::Container(ContainerError::EmptySheet {
            sheet: "Cover".into()
        })
    );
    let missing = open_err(&book, "acled.xlsx", Some("Sheet9"));
    assert_eq!(
        missing,
        ImportError::Container(ContainerError::SheetNotFound {
            sheet: "Sheet9".into(),
            sheets: vec!["Cover".into(), "Events".into(), "Codebook".into()],
        })
    );
    assert!(missing.to_string().contains("\u{201c}Events\u{201d}"));
}

#[test]
fn a_workbook_with_no_values_says_so() {
    let mut book = Workbook::new();
    book.add_worksheet().set_name("Blank").unwrap();
    let bytes = book.save_to_buffer().unwrap();
    let err = open_err(&bytes, "blank.xlsx", None);
    assert_eq!(
        err,
        ImportError::Container(ContainerError::EmptySheet {
            sheet: "Blank".into()
        })
    );
    assert!(err.to_string().contains("no cells with values"));
}

#[test]
fn a_table_lower_and_to_the_right_is_found() {
    // The header on row 3 from column B (rows 1-2 and column A empty), a
    // blank row among the events, dates shown as "4 Mar 2023".
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let header = [
        "event_id_cnty",
        "event_date",
        "event_type",
        "actor1",
        "country",
        "admin1",
        "fatalities",
    ];
    for (c, h) in header.iter().enumerate() {
        sheet.write_string(2, c as u16 + 1, *h).unwrap();
    }
    let date_format = CellFormat::new().set_num_format("d mmm yyyy");
    let rows = [
        (3, "S1", (2023, 3, 4), "Battles", 2.0),
        (5, "S2", (2023, 3, 9), "Riots", 0.0),
    ];
    for (r, id, (y, m, d), kind, deaths) in rows {
        sheet.write_string(r, 1, id).unwrap();
        let day = ExcelDateTime::from_ymd(y, m, d).unwrap();
        sheet
            .write_datetime_with_format(r, 2, &day, &date_format)
            .unwrap();
        sheet.write_string(r, 3, kind).unwrap();
        sheet.write_string(r, 4, "Group A (synthetic)").unwrap();
        sheet.write_string(r, 5, "Mali").unwrap();
        sheet.write_string(r, 6, "Gao").unwrap();
        sheet.write_number(r, 7, deaths).unwrap();
    }
    // A stray value right of the header's last column.
    sheet.write_string(5, 9, "checked").unwrap();
    let bytes = book.save_to_buffer().unwrap();
    let opened = open(&bytes, "table.xlsx", None);
    let store = &opened.dataset.store;
    assert_eq!(store.len(), 2);
    let dates: Vec<String> = store.date.iter().map(|&d| date::format_iso(d)).collect();
    assert_eq!(dates, ["2023-03-04", "2023-03-09"]);
    assert_eq!(store.fatalities, [2, 0]);
    let warnings = &opened.dataset.report.warnings;
    assert!(
        warnings
            .iter()
            .map(|w| w.to_string())
            .any(|w| w.starts_with("1 cell with values outside") && w.contains("J6")),
        "{warnings:?}"
    );
    assert!(
        warnings
            .iter()
            .map(|w| w.to_string())
            .any(|w| w.contains("header, on row 3; 1 empty row is left out")),
        "{warnings:?}"
    );
}

#[test]
fn each_json_shape_reads_as_the_csv_it_was_written_from() {
    let table = acled_table();
    let expected = expected_acled(&table);
    for (bytes, shape) in [
        (acled_api(&table), JsonShape::AcledApi),
        (array(&table), JsonShape::Array),
    ] {
        let opened = open(&bytes, "events.json", None);
        assert_eq!(opened.container, Container::Json { shape });
        let store = &opened.dataset.store;
        assert_eq!(store.format, Format::AcledCurrent, "{shape:?}");
        assert_eq!(events(store, "notes"), expected, "{shape:?}");
        assert_eq!(opened.dataset.report.rows_read, 6, "{shape:?}");
        assert!(opened.dataset.report.warnings.is_empty(), "{shape:?}");
        assert_eq!(opened.dataset.report.bytes, bytes.len() as u64);
    }
}

#[test]
fn the_ucdp_api_shape_reads_as_the_ged_csv() {
    let csv_bytes = fixture("ucdp_ged.csv");
    let table = Table::read(&csv_bytes);
    let from_csv = open_csv(&csv_bytes);
    let from_api = open(&ucdp_api(&table), "ged.json", None);
    assert_eq!(
        from_api.container,
        Container::Json {
            shape: JsonShape::UcdpApi
        }
    );
    let (a, b) = (&from_csv.dataset.store, &from_api.dataset.store);
    assert_eq!(b.format, a.format);
    assert!(b.is_ucdp());
    assert_eq!(events(b, "source_article"), events(a, "source_article"));
    // By hand from ucdp_ged.csv: best 8+30+8, low 6+25+8, high 12+40+10.
    let sum = |v: &[u32]| v.iter().map(|&x| u64::from(x)).sum::<u64>();
    assert_eq!(
        (
            sum(&b.fatalities),
            sum(&b.fatalities_low),
            sum(&b.fatalities_high)
        ),
        (46, 39, 62)
    );
    let starts: Vec<String> = b.date.iter().map(|&d| date::format_iso(d)).collect();
    assert_eq!(
        starts,
        table
            .values("date_start")
            .iter()
            .map(|d| &d[..10])
            .collect::<Vec<_>>()
    );
}

#[test]
fn json_of_another_shape_or_layout_says_what_is_read() {
    let err = open_err(
        br#"{"events": [{"event_date": "2022-01-01"}]}"#,
        "x.json",
        None,
    );
    let message = err.to_string();
    assert!(matches!(
        err,
        ImportError::Container(ContainerError::JsonShape { .. })
    ));
    assert!(message.contains("\"events\""), "{message}");
    assert!(message.contains("ACLED API answer"), "{message}");
    // An array of objects with other field names: the column mapping.
    match open_err(br#"[{"When": "2022-01-01", "Killed": 3}]"#, "x.json", None) {
        ImportError::UnknownLayout { headers } => assert_eq!(headers, ["When", "Killed"]),
        e => panic!("{e:?}"),
    }
}

#[test]
fn files_that_are_no_workbook_say_what_to_do() {
    // A workbook cut short: the importer alone refuses it as a workbook
    // (bad_inputs.rs); opened as one, it is damaged.
    let err = open_err(&fixture("invalid/workbook.xlsx"), "workbook.xlsx", None);
    assert!(
        matches!(
            err,
            ImportError::Container(ContainerError::DamagedWorkbook { .. })
        ),
        "{err:?}"
    );
    let message = err.to_string();
    assert!(
        message.contains("Excel workbook") && message.contains("damaged"),
        "{message}"
    );
    // A ZIP archive that holds no workbook stays refused as an archive.
    assert_eq!(
        open_err(&fixture("invalid/archive.zip"), "archive.zip", None),
        ImportError::ZipArchive
    );
    // An Excel 97-2003 file: a compound-file header and nothing more.
    let mut xls = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    xls.resize(1024, 0);
    let err = open_err(&xls, "old.xls", None);
    assert_eq!(err, ImportError::Container(ContainerError::OldExcel));
    assert!(err.to_string().contains(".xlsx"));
}

fn committed(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(name)
}

#[test]
fn the_committed_fixtures_read_as_their_csv() {
    let table = acled_table();
    let expected = expected_acled(&table);
    let book = std::fs::read(committed("tests/fixtures/acled_current.xlsx")).unwrap();
    assert_eq!(
        events(&open(&book, "x.xlsx", None).dataset.store, "notes"),
        expected
    );
    let json = std::fs::read(committed("tests/fixtures/acled_api.json")).unwrap();
    assert_eq!(
        events(&open(&json, "x.json", None).dataset.store, "notes"),
        expected
    );

    let e2e_csv = std::fs::read(committed("tests/e2e/fixtures/synthetic-acled.csv")).unwrap();
    let e2e_book = std::fs::read(committed("tests/e2e/fixtures/synthetic-acled.xlsx")).unwrap();
    let (a, b) = (open_csv(&e2e_csv), open(&e2e_book, "a.xlsx", None));
    assert_eq!(
        events(&b.dataset.store, "notes"),
        events(&a.dataset.store, "notes")
    );
    assert_eq!(b.dataset.report.rows_read, a.dataset.report.rows_read);
    assert_eq!(b.dataset.report.rows_skipped, a.dataset.report.rows_skipped);
}

/// Writes the committed fixtures from the CSV fixtures.
#[test]
#[ignore = "writes the committed fixtures; run by hand after changing them"]
fn write_fixtures() {
    let table = acled_table();
    let write = |name: &str, bytes: Vec<u8>| std::fs::write(committed(name), bytes).unwrap();
    write(
        "tests/fixtures/acled_current.xlsx",
        workbook(&table, &["event_date"], &[]),
    );
    write("tests/fixtures/acled_api.json", acled_api(&table));
    let e2e =
        Table::read(&std::fs::read(committed("tests/e2e/fixtures/synthetic-acled.csv")).unwrap());
    write(
        "tests/e2e/fixtures/synthetic-acled.xlsx",
        workbook(&e2e, &["event_date"], &[]),
    );
}
