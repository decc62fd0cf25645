//! Inputs that must fail well: each gives a typed error whose message says
//! what is wrong, where, and what to do. Fixtures live in
//! tests/fixtures/invalid/.

mod common;

use common::{fixture, import, import_chunked};
use eventlens::engine::read::import::ImportOptions;
use eventlens::engine::ImportError;

#[test]
fn each_bad_file_gives_its_error_and_a_useful_sentence() {
    // (file, expected error, words the message must contain)
    let table: Vec<(&str, ImportError, &[&str])> = vec![
        ("empty.csv", ImportError::EmptyFile, &["empty", "export"]),
        (
            "header_only.csv",
            ImportError::HeaderOnly,
            &["header", "no events"],
        ),
        (
            "workbook.xlsx",
            ImportError::ExcelWorkbook,
            &["Excel", "Save As", "CSV"],
        ),
        ("archive.zip", ImportError::ZipArchive, &["ZIP", "Unzip"]),
        (
            "saved_page.csv",
            ImportError::Html,
            &["web page", "Download"],
        ),
        (
            "binary.csv",
            ImportError::Binary { offset: 25 },
            &["byte 25"],
        ),
        (
            "unclosed_quote.csv",
            ImportError::UnclosedQuote { line: 2 },
            &["Line 2", "never closed"],
        ),
        (
            "duplicate_header.csv",
            ImportError::DuplicateColumn {
                name: "event_date".into(),
                first: 2,
                second: 6,
            },
            &["\"event_date\"", "columns 2 and 6", "Rename"],
        ),
        (
            "unknown_layout.csv",
            ImportError::UnknownLayout {
                headers: ["When", "Lat", "Lng", "Killed", "Place", "Perpetrator"]
                    .map(String::from)
                    .to_vec(),
            },
            &["When", "Choose which column"],
        ),
    ];
    for (file, want, words) in table {
        let bytes = fixture(&format!("invalid/{file}"));
        for chunk in [1, 7, 1 << 20] {
            let err = match import_chunked(&bytes, chunk, ImportOptions::default()) {
                Ok(_) => panic!("{file} imported"),
                Err(e) => e,
            };
            assert_eq!(err, want, "{file} (chunk {chunk})");
            let message = err.to_string();
            for w in words {
                assert!(message.contains(w), "{file}: {message:?} lacks {w:?}");
            }
            assert!(message.ends_with('.'), "{file}: a sentence: {message:?}");
        }
    }
}

#[test]
fn unreadable_dates_everywhere_explain_the_first_problem() {
    let err = import(&fixture("invalid/dates_unreadable.csv"))
        .err()
        .unwrap();
    let message = err.to_string();
    assert!(matches!(err, ImportError::NoUsableRows { .. }));
    assert!(message.contains("line 2"), "{message}");
    assert!(message.contains("\"yesterday\""), "{message}");
    assert!(
        message.contains("2022-05-05"),
        "hint with accepted forms: {message}"
    );
}

#[test]
fn bad_rows_among_good_ones_are_skipped_and_reported_by_line() {
    let d = import(&fixture("invalid/mixed_bad_rows.csv")).unwrap();
    assert_eq!(d.report.rows_read, 5);
    assert_eq!(d.report.events, 2);
    assert_eq!(d.report.rows_skipped, 3);
    let by_what = |prefix: &str| {
        d.report
            .skipped
            .iter()
            .find(|p| p.what.starts_with(prefix))
            .unwrap_or_else(|| panic!("no {prefix:?} in {:?}", d.report.skipped))
    };
    assert_eq!(by_what("too few fields").examples[0].line, 3);
    assert_eq!(by_what("too many fields").examples[0].line, 4);
    let dates = by_what("the date did not parse");
    assert_eq!(dates.examples[0].line, 5);
    assert_eq!(dates.examples[0].value, "01 Smarch 2022");
    // G5's fatalities are empty: read as 0 and reported.
    let empty = d
        .report
        .unparsed
        .iter()
        .find(|p| p.what.starts_with("fatalities (empty"))
        .unwrap();
    assert_eq!(empty.examples[0].line, 6);
}

#[test]
fn size_limit_is_a_sentence_not_an_out_of_memory() {
    let bytes = fixture("acled_current.csv");
    let options = ImportOptions {
        size_limit: Some(1000),
        ..ImportOptions::default()
    };
    let err = import_chunked(&bytes, 512, options).err().unwrap();
    assert!(matches!(err, ImportError::TooLarge { .. }));
    assert!(err.to_string().contains("smaller selection"));
}

#[test]
fn the_importer_refuses_more_input_after_an_error() {
    let mut importer = eventlens::engine::Importer::new(ImportOptions::default());
    let mut html = b"<html>".to_vec();
    html.resize(70_000, b' ');
    assert_eq!(importer.push(&html), Err(ImportError::Html));
    assert_eq!(importer.push(b"more"), Err(ImportError::Html));
    assert_eq!(importer.finish().err(), Some(ImportError::Html));
}
