//! Inputs that must fail well: each gives a typed error whose message says
//! what is wrong, where, and what to do. Fixtures live in
//! tests/fixtures/invalid/.

mod common;

use common::{fixture, import, import_chunked};
use eventlens::engine::read::import::ImportOptions;
use eventlens::engine::read::layout::ColumnRole;
use eventlens::engine::read::problem::{ProblemKind, RowProblem};
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
    let by_kind = |kind: ProblemKind| {
        d.report
            .skipped
            .iter()
            .find(|p| p.kind() == kind)
            .unwrap_or_else(|| panic!("no {kind:?} in {:?}", d.report.skipped))
    };
    assert_eq!(by_kind(ProblemKind::TooFewFields).examples[0].line, 3);
    assert_eq!(by_kind(ProblemKind::TooManyFields).examples[0].line, 4);
    let dates = by_kind(ProblemKind::UnreadableDate);
    assert_eq!(dates.examples[0].line, 5);
    assert_eq!(dates.examples[0].value, "01 Smarch 2022");
    // G5's fatalities are empty: read as 0 and reported.
    let empty = d
        .report
        .unparsed
        .iter()
        .find(|p| {
            p.problem
                == RowProblem::EmptyCount {
                    role: ColumnRole::Fatalities,
                }
        })
        .unwrap();
    assert_eq!(empty.examples[0].line, 6);
}

/// (problem, line, 1-based column, header name, value shown).
type Seen<'a> = (RowProblem, u64, Option<usize>, Option<&'a str>, &'a str);

/// One row per kind of problem, each worked out by hand from the file:
/// (problem, line, 1-based column, header name, value shown). Line 2's
/// quoted notes run onto line 3, so the rows after it start a line later.
#[test]
fn every_row_problem_is_reported_with_its_line_and_column() {
    use RowProblem::*;
    let lat = ColumnRole::Latitude;
    let lon = ColumnRole::Longitude;
    let fat = ColumnRole::Fatalities;
    let want: Vec<Seen> = vec![
        (
            TooFewFields {
                expected: 8,
                found: 4,
            },
            4,
            None,
            None,
            "4 fields",
        ),
        (
            TooManyFields {
                expected: 8,
                found: 9,
            },
            5,
            None,
            None,
            "9 fields",
        ),
        (EmptyDate, 6, Some(2), Some("event_date"), "(empty)"),
        (UnreadableDate, 7, Some(2), Some("event_date"), "next week"),
        (
            UnreadableCoordinate { role: lat },
            8,
            Some(5),
            Some("latitude"),
            "north",
        ),
        (
            UnreadableCoordinate { role: lon },
            9,
            Some(6),
            Some("longitude"),
            "200",
        ),
        (
            EmptyCount { role: fat },
            10,
            Some(8),
            Some("fatalities"),
            "(empty)",
        ),
        (
            UnreadableCount { role: fat },
            11,
            Some(8),
            Some("fatalities"),
            "about 10",
        ),
    ];
    let bytes = fixture("invalid/every_row_problem.csv");
    for chunk in [1, 7, 1 << 20] {
        let d = import_chunked(&bytes, chunk, ImportOptions::default()).unwrap();
        assert_eq!(d.report.rows_read, 9, "chunk {chunk}");
        assert_eq!(d.report.rows_skipped, 4, "chunk {chunk}");
        assert_eq!(d.report.events, 5, "chunk {chunk}");
        let got: Vec<_> = d
            .report
            .skipped
            .iter()
            .chain(&d.report.unparsed)
            .map(|p| {
                assert_eq!(p.count, 1, "{p}");
                let e = &p.examples[0];
                (
                    p.problem,
                    e.line,
                    e.column,
                    e.column_name.as_deref(),
                    e.value.as_str(),
                )
            })
            .collect();
        assert_eq!(got, want, "chunk {chunk}");
        let skipped: Vec<bool> = d
            .report
            .skipped
            .iter()
            .map(|p| p.kind().skips_row())
            .collect();
        assert_eq!(skipped, [true; 4]);
    }
}

#[test]
fn rows_that_all_lack_fields_explain_the_first_one() {
    let csv = "event_id_cnty,event_date,actor1,actor2,fatalities\nX1,2022-05-01,A\nX2,2022-05-02\n";
    let err = import(csv.as_bytes()).err().unwrap();
    assert_eq!(
        err,
        ImportError::NoUsableRows {
            problem: RowProblem::TooFewFields {
                expected: 5,
                found: 3
            },
            example: eventlens::engine::read::problem::Example {
                line: 2,
                column: None,
                column_name: None,
                value: "3 fields".into(),
            },
        }
    );
    let message = err.to_string();
    assert!(message.contains("line 2: too few fields"), "{message}");
    assert!(message.contains("separator"), "hint: {message}");
    assert!(message.ends_with('.'), "{message}");
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
