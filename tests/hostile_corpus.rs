//! The hostile-input corpus: SYNTHETIC files in tests/fixtures/hostile/,
//! each with what it must give (the error and words of its sentence, or
//! what the report and the store hold), worked out by hand from the file.
//! Every file is read in several chunkings, with and without its text held,
//! and must give the same answer each time. Shapes too large to keep as
//! files are generated at the end.
//!
//! Entries marked `browser` are the ones worth replaying in the page (a
//! sentence or a value a user sees); the list is printed by
//! `cargo test --test hostile_corpus -- --nocapture browser_replay_list`.

mod common;

use common::{fixture, import_chunked};
use eventlens::engine::data::date;
use eventlens::engine::data::dimension::Category;
use eventlens::engine::data::source::{ColumnRole, Delimiter, Format, TextEncoding};
use eventlens::engine::data::store::SourceText;
use eventlens::engine::output;
use eventlens::engine::read::import::{Dataset, ImportOptions, ImportWarning};
use eventlens::engine::read::problem::{Example, ProblemKind, RowProblem};
use eventlens::engine::ImportError;

const HEADER: &str = "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp";

/// 0-based columns of [`HEADER`].
const NOTES: usize = 27;

/// What a file must give.
enum Want {
    /// This error, whose sentence holds these words.
    Error(ImportError, &'static [&'static str]),
    /// An error of this shape (its data too long to spell out), with these
    /// words.
    ErrorLike(fn(&ImportError) -> bool, &'static [&'static str]),
    /// A dataset passing this check; `bytes` is the file.
    Loaded(fn(&Dataset, &[u8])),
}

struct Entry {
    file: &'static str,
    want: Want,
    /// Worth replaying in the browser: the page shows its sentence or
    /// values.
    browser: bool,
}

fn entry(file: &'static str, browser: bool, want: Want) -> Entry {
    Entry {
        file,
        want,
        browser,
    }
}

/// The fields of event `row`, from the held text or read back from the
/// file as the page would.
fn fields(d: &Dataset, bytes: &[u8], row: usize) -> Vec<String> {
    match d.store.source {
        SourceText::InMemory(_) => d.store.record_in_memory(row).unwrap_or_default(),
        SourceText::External { .. } => {
            let (start, end) = d.store.record_range(row);
            d.store
                .parse_source_record(&bytes[start as usize..end as usize])
        }
    }
}

fn locations(d: &Dataset) -> Vec<&str> {
    (0..d.store.len()).map(|r| d.store.location_of(r)).collect()
}

/// The one problem of `kind` in the report, as (count, lines, values).
fn problem(d: &Dataset, kind: ProblemKind) -> (u64, Vec<u64>, Vec<String>) {
    let found: Vec<_> = d
        .report
        .skipped
        .iter()
        .chain(&d.report.unparsed)
        .filter(|p| p.kind() == kind)
        .collect();
    assert!(found.len() <= 2, "{found:?}");
    let count = found.iter().map(|p| p.count).sum();
    let examples: Vec<&Example> = found.iter().flat_map(|p| &p.examples).collect();
    (
        count,
        examples.iter().map(|e| e.line).collect(),
        examples.iter().map(|e| e.value.clone()).collect(),
    )
}

fn accents(d: &Dataset, encoding: TextEncoding) {
    assert_eq!(d.report.encoding, encoding);
    assert_eq!(locations(d), ["Ménaka", "Ségou"]);
    assert_eq!(d.store.name_of(Category::Admin1, 1), "Ségou");
    assert_eq!(d.store.header[0], "event_id_cnty");
    assert!(d.report.warnings.is_empty(), "{:?}", d.report.warnings);
}

/// Rows 1, 2 and 4 of a five-line file whose row 3 (line 4) has the date
/// 2022-13-45.
fn bad_date_on_line_4(d: &Dataset) {
    assert_eq!(d.report.rows_read, 4);
    assert_eq!(d.report.events, 3);
    assert_eq!(
        problem(d, ProblemKind::UnreadableDate),
        (1, vec![4], vec!["2022-13-45".to_string()])
    );
    assert_eq!(
        locations(d),
        ["Synthetic town 1", "Synthetic town 2", "Synthetic town 4"]
    );
}

fn corpus() -> Vec<Entry> {
    use Want::*;
    vec![
        // What the file is, before it is CSV.
        entry(
            "empty.csv",
            true,
            Error(ImportError::EmptyFile, &["empty (0 bytes)"]),
        ),
        entry(
            "bom_only.csv",
            true,
            Error(
                ImportError::OnlyByteOrderMark { bytes: 3 },
                &["only a byte-order mark (3 bytes)"],
            ),
        ),
        entry(
            "utf16_bom_only.csv",
            false,
            Error(
                ImportError::OnlyByteOrderMark { bytes: 2 },
                &["byte-order mark (2 bytes)"],
            ),
        ),
        entry(
            "newlines_only.csv",
            true,
            Error(
                ImportError::OnlyBlankLines { bytes: 5_000 },
                &["only blank lines (5 kB"],
            ),
        ),
        entry(
            "spaces_and_separators_only.csv",
            false,
            Error(
                ImportError::OnlyBlankLines { bytes: 15 },
                &["only blank lines (15 bytes"],
            ),
        ),
        entry(
            "only_delimiters.csv",
            false,
            Error(ImportError::OnlyBlankLines { bytes: 16 }, &["separators"]),
        ),
        entry(
            "header_only.csv",
            false,
            Error(ImportError::HeaderOnly, &["no events"]),
        ),
        entry(
            "header_then_blank_lines.csv",
            false,
            Error(ImportError::HeaderOnly, &["no events"]),
        ),
        entry(
            "saved_page.csv",
            true,
            Error(ImportError::Html, &["web page", "Download"]),
        ),
        entry(
            "xml_document.csv",
            false,
            Error(ImportError::Xml, &["XML document"]),
        ),
        entry(
            "workbook_bytes.xlsx",
            true,
            Error(ImportError::ExcelWorkbook, &["Excel", "Save As"]),
        ),
        entry(
            "legacy_workbook_bytes.xls",
            false,
            Error(ImportError::ExcelWorkbook, &["Excel"]),
        ),
        entry(
            "archive_bytes.zip",
            false,
            Error(ImportError::ZipArchive, &["ZIP", "Unzip"]),
        ),
        entry(
            "document_bytes.pdf",
            true,
            Error(ImportError::Pdf, &["PDF", "CSV"]),
        ),
        entry(
            "gzip_bytes.csv.gz",
            false,
            Error(ImportError::Gzip, &["compressed", "Decompress"]),
        ),
        // The NUL is 40 bytes into the first row, after the header and its
        // line end.
        entry(
            "nul_mid_file.csv",
            false,
            ErrorLike(
                |e| {
                    *e == ImportError::Binary {
                        offset: HEADER.len() as u64 + 1 + 40,
                    }
                },
                &["binary data at byte 346"],
            ),
        ),
        entry(
            "random_binary.csv",
            false,
            Error(ImportError::Binary { offset: 4 }, &["byte 4"]),
        ),
        // Encodings.
        entry(
            "utf16le_bom.csv",
            true,
            Loaded(|d, _| accents(d, TextEncoding::Utf16Le)),
        ),
        entry(
            "utf16be_bom.csv",
            false,
            Loaded(|d, _| accents(d, TextEncoding::Utf16Be)),
        ),
        entry(
            "utf16le_no_bom.csv",
            false,
            Loaded(|d, _| accents(d, TextEncoding::Utf16Le)),
        ),
        entry(
            "utf16be_no_bom.csv",
            false,
            Loaded(|d, _| accents(d, TextEncoding::Utf16Be)),
        ),
        entry(
            "utf8_bom_then_utf16le.csv",
            false,
            Loaded(|d, _| accents(d, TextEncoding::Utf16Le)),
        ),
        entry(
            "utf8_bom.csv",
            false,
            Loaded(|d, _| accents(d, TextEncoding::Utf8Bom)),
        ),
        entry(
            "two_utf8_boms.csv",
            false,
            Loaded(|d, _| accents(d, TextEncoding::Utf8Bom)),
        ),
        entry(
            "windows1252.csv",
            true,
            Loaded(|d, _| accents(d, TextEncoding::Windows1252)),
        ),
        // "Ménaka" (UTF-8) on line 2, then one byte of Windows-1252 on
        // line 4: the file stays UTF-8 and the byte is counted.
        entry(
            "utf8_then_windows1252_byte.csv",
            true,
            Loaded(|d, _| {
                assert_eq!(d.report.encoding, TextEncoding::Utf8);
                assert_eq!(locations(d), ["Ménaka", "Synthetic town 2", "S\u{fffd}gou"]);
                assert_eq!(
                    d.report.warnings,
                    [ImportWarning::NotUtf8 {
                        line: 4,
                        replaced: 1
                    }]
                );
                let text = d.report.warnings[0].to_string();
                assert!(text.contains("From line 4"), "{text}");
                assert!(text.contains("1 byte sequence that is not UTF-8"), "{text}");
            }),
        ),
        // Line ends: the row with the bad date is on line 4 each time.
        entry(
            "crlf_line_ends.csv",
            false,
            Loaded(|d, _| bad_date_on_line_4(d)),
        ),
        entry(
            "lone_cr_line_ends.csv",
            true,
            Loaded(|d, _| bad_date_on_line_4(d)),
        ),
        entry(
            "mixed_line_ends.csv",
            false,
            Loaded(|d, _| bad_date_on_line_4(d)),
        ),
        // Lines: 1 header, 2 blank, 3 row 1, 4-5 blank, 6 row 2, 7 the bad
        // row, 8 blank, 9 row 4.
        entry(
            "blank_lines_between_rows.csv",
            false,
            Loaded(|d, _| {
                assert_eq!(d.report.events, 3);
                assert_eq!(
                    problem(d, ProblemKind::UnreadableDate),
                    (1, vec![7], vec!["2022-13-45".to_string()])
                );
            }),
        ),
        entry(
            "blank_lines_before_header.csv",
            false,
            Loaded(|d, _| {
                assert_eq!(d.report.format, Format::AcledCurrent);
                assert_eq!(d.report.events, 2);
            }),
        ),
        entry(
            "no_final_line_end.csv",
            false,
            Loaded(|d, _| {
                assert_eq!(d.report.events, 5);
                assert_eq!(d.store.fatalities, [1, 2, 3, 4, 5]);
            }),
        ),
        // Quotes.
        entry(
            "stray_quote_in_header.csv",
            true,
            ErrorLike(
                |e| {
                    matches!(e, ImportError::QuoteInHeader { line: 1, column: 3, value }
                    if value.starts_with("year,time_precision,"))
                },
                &["column 3 of the header", "Remove the stray quote"],
            ),
        ),
        entry(
            "stray_quote_middle_column.csv",
            false,
            Error(
                ImportError::UnclosedQuote { line: 4 },
                &["Line 4", "never closed"],
            ),
        ),
        entry(
            "stray_quote_last_column.csv",
            true,
            Error(
                ImportError::UnclosedQuote { line: 3 },
                &["Line 3", "stray double quote"],
            ),
        ),
        // Row 2 (line 3) opens a quote in its last column; row 6 (line 7)
        // closes it with its quoted notes: lines 4 to 6 are rows taken in.
        entry(
            "stray_quote_closed_rows_later.csv",
            true,
            Error(
                ImportError::StrayQuote {
                    line: 3,
                    column: 31,
                    until_line: 7,
                    rows: 3,
                },
                &["Line 3, column 31", "to line 7", "3 lines"],
            ),
        ),
        entry(
            "nested_quotes.csv",
            false,
            Loaded(|d, bytes| {
                let notes: Vec<String> =
                    (0..4).map(|r| fields(d, bytes, r)[NOTES].clone()).collect();
                assert_eq!(
                    notes,
                    ["\"\"\"\"", "a \"quoted\" word", "\"\"\"x\"\"\"", "\""]
                );
            }),
        ),
        entry(
            "quoted_multiline_notes.csv",
            false,
            Loaded(|d, bytes| {
                assert_eq!(d.report.events, 3);
                assert_eq!(fields(d, bytes, 0)[NOTES], "First line,\nsecond line");
                assert_eq!(fields(d, bytes, 1)[NOTES], "One\r\nTwo\rThree");
                assert_eq!(fields(d, bytes, 2)[0], "SYN3");
            }),
        ),
        entry(
            "quote_inside_unquoted_value.csv",
            false,
            Loaded(|d, _| {
                assert_eq!(d.report.events, 3);
                assert_eq!(d.store.location_of(0), "Synthetic 5\" town");
            }),
        ),
        // Columns.
        entry(
            "duplicate_header.csv",
            false,
            Error(
                ImportError::DuplicateColumn {
                    name: "event_date".into(),
                    first: 2,
                    second: 28,
                },
                &["columns 2 and 28"],
            ),
        ),
        entry(
            "unknown_layout.csv",
            false,
            Error(
                ImportError::UnknownLayout {
                    headers: ["When", "Where", "Who", "Killed"]
                        .map(String::from)
                        .to_vec(),
                },
                &["(When, Where, Who, Killed)", "Choose which column"],
            ),
        ),
        entry(
            "trailing_delimiter.csv",
            false,
            Loaded(|d, _| {
                assert_eq!(d.report.events, 3);
                assert_eq!(d.report.rows_skipped, 0);
            }),
        ),
        entry(
            "tab_separated.csv",
            false,
            Loaded(|d, _| {
                assert_eq!(d.report.delimiter, Delimiter::Tab);
                assert_eq!(d.report.events, 3);
            }),
        ),
        entry(
            "semicolons_decimal_commas.csv",
            false,
            Loaded(|d, _| {
                assert_eq!(d.report.delimiter, Delimiter::Semicolon);
                assert_eq!(d.store.lat_lon(0), (14.35, -4.2));
                assert_eq!(d.store.lat_lon(1), (15.5, -3.75));
            }),
        ),
        entry(
            "header_names_in_other_case.csv",
            false,
            Loaded(|d, _| {
                assert_eq!(d.report.format, Format::AcledCurrent);
                assert_eq!(d.report.events, 2);
            }),
        ),
        // Line 3 has two fields too many, line 5 only ten.
        entry(
            "rows_with_other_field_counts.csv",
            false,
            Loaded(|d, _| {
                assert_eq!(d.report.rows_read, 4);
                assert_eq!(d.report.events, 2);
                assert_eq!(
                    problem(d, ProblemKind::TooManyFields),
                    (1, vec![3], vec!["33 fields".to_string()])
                );
                assert_eq!(
                    problem(d, ProblemKind::TooFewFields),
                    (1, vec![5], vec!["10 fields".to_string()])
                );
            }),
        ),
        // Values.
        entry(
            "every_date_unreadable.csv",
            true,
            Error(
                ImportError::NoUsableRows {
                    problem: RowProblem::UnreadableDate,
                    example: Example {
                        line: 2,
                        column: Some(2),
                        column_name: Some("event_date".into()),
                        value: "yesterday".into(),
                    },
                },
                &["line 2", "\"yesterday\"", "2022-05-05"],
            ),
        ),
        entry(
            "ambiguous_day_month.csv",
            true,
            ErrorLike(
                |e| matches!(e, ImportError::AmbiguousDateOrder { examples } if examples.len() == 2),
                &["\"01/02/2022\" is 2022-02-01 day first, 2022-01-02 month first"],
            ),
        ),
        entry(
            "dates_year_0_and_10000.csv",
            false,
            Loaded(|d, _| {
                assert_eq!(d.report.events, 2);
                assert_eq!(
                    problem(d, ProblemKind::UnreadableDate),
                    (
                        2,
                        vec![3, 4],
                        vec!["0000-05-05".to_string(), "10000-05-05".to_string()]
                    )
                );
            }),
        ),
        entry(
            "counts_negative_and_huge.csv",
            false,
            Loaded(|d, _| {
                assert_eq!(d.store.fatalities, [0, 0, u32::MAX, 0, 5]);
                assert_eq!(
                    problem(d, ProblemKind::UnreadableCount),
                    (
                        3,
                        vec![2, 3, 5],
                        ["-3", "99999999999", "1e3"].map(String::from).to_vec()
                    )
                );
            }),
        ),
        entry(
            "coordinates_nan_and_inf.csv",
            false,
            Loaded(|d, _| {
                for r in 0..2 {
                    let (lat, lon) = d.store.lat_lon(r);
                    assert!(lat.is_nan() && lon.is_nan(), "row {r}");
                }
                assert_eq!(d.store.lat_lon(2), (14.1, -4.2));
                let (count, lines, _) = problem(d, ProblemKind::UnreadableCoordinate);
                assert_eq!((count, lines), (4, vec![2, 3, 2, 3]));
            }),
        ),
        entry(
            "coordinates_out_of_range.csv",
            false,
            Loaded(|d, _| {
                let (lat, lon) = d.store.lat_lon(0);
                assert!(lat.is_nan() && lon == -4.0);
                let (lat, lon) = d.store.lat_lon(1);
                assert!(lat == 14.0 && lon.is_nan());
                assert_eq!(d.store.lat_lon(2), (-90.0, 180.0));
                let (count, _, values) = problem(d, ProblemKind::UnreadableCoordinate);
                assert_eq!(
                    (count, values),
                    (2, vec!["91".to_string(), "180.5".to_string()])
                );
            }),
        ),
        // Markup stays the text it is, in every column.
        entry(
            "markup_in_every_field.csv",
            true,
            Loaded(|d, bytes| {
                let xss = "<script>alert(1)</script>";
                let s = &d.store;
                assert_eq!(s.name_of(Category::EventType, 0), xss);
                assert_eq!(s.name_of(Category::Country, 0), xss);
                assert_eq!(s.location_of(0), xss);
                // Actor and associated actor are both the payload.
                let side = s.side_label(s.side1[0]);
                assert!(side.split("; ").all(|a| a == xss), "{side}");
                assert_eq!(fields(d, bytes, 0)[NOTES], xss);
                assert_eq!(s.side_label(s.side1[1]), "<img src=x onerror=alert(1)>");
                assert_eq!(s.location_of(1), "\"><svg onload=alert(1)>");
                assert_eq!(s.name_of(Category::Country, 1), "</td><td>");
            }),
        ),
        // Formulas are kept as text, and neutralised in exports.
        entry(
            "formula_payloads.csv",
            true,
            Loaded(|d, _| {
                let s = &d.store;
                let link = "=HYPERLINK(\"http://example.invalid\",\"click\")";
                assert_eq!(s.side_label(s.side1[0]), link);
                assert_eq!(s.location_of(0), "+1+2");
                assert_eq!(s.name_of(Category::Admin1, 0), "-1+2");
                let csv = String::from_utf8(output::events_csv(s, &[0, 1])).unwrap();
                assert!(
                    csv.contains("\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"click\"\")\""),
                    "{csv}"
                );
                assert!(csv.contains(",'+1+2,"), "{csv}");
                assert!(csv.contains(",'=1+2,"), "{csv}");
                assert!(!csv.contains(",=1+2,"), "{csv}");
            }),
        ),
        entry(
            "control_and_invisible_characters.csv",
            true,
            Loaded(|d, _| {
                let s = &d.store;
                assert_eq!(s.side_label(s.side1[0]), "Synthetic\u{202e}group");
                assert_eq!(s.location_of(0), "Zero\u{200b}width");
            }),
        ),
        // type_of_violence 9 is no UCDP type; the end date before the start
        // is read as the start.
        entry(
            "ucdp_unknown_violence_type.csv",
            false,
            Loaded(|d, _| {
                assert_eq!(d.report.format, Format::UcdpGed);
                assert_eq!(
                    d.store.name_of(Category::EventType, 0),
                    "Unknown type of violence"
                );
                let start = date::from_ymd(2022, 5, 5).unwrap();
                assert_eq!((d.store.date[0], d.store.date_end[0]), (start, start));
            }),
        ),
    ]
}

/// Imports `bytes` every way the page might: in one piece, in small and
/// odd chunks, with and without the text held. All must agree.
fn import_every_way(name: &str, bytes: &[u8]) -> Vec<Result<Dataset, ImportError>> {
    let mut results = Vec::new();
    for hold_text in [true, false] {
        for chunk in [1, 7, 4096, 1 << 20] {
            if chunk < 4096 && bytes.len() > 100_000 {
                // Large shapes: the small chunkings are covered by the files.
                continue;
            }
            let options = ImportOptions {
                hold_text,
                ..ImportOptions::default()
            };
            let result = import_chunked(bytes, chunk, options);
            if let (Some(Ok(first)), Ok(d)) = (results.first(), &result) {
                let first: &Dataset = first;
                assert_eq!(
                    first.report, d.report,
                    "{name}: chunk {chunk}, held {hold_text}"
                );
                assert_eq!(first.store.date, d.store.date, "{name}");
            }
            if let (Some(Err(first)), Err(e)) = (results.first(), &result) {
                assert_eq!(first, e, "{name}: chunk {chunk}, held {hold_text}");
            }
            results.push(result);
        }
    }
    results
}

fn check(name: &str, bytes: &[u8], want: &Want) {
    for result in import_every_way(name, bytes) {
        match (want, result) {
            (Want::Error(error, words), Err(e)) => {
                assert_eq!(&e, error, "{name}");
                sentence(name, &e, words);
            }
            (Want::ErrorLike(matches, words), Err(e)) => {
                assert!(matches(&e), "{name}: {e:?}");
                sentence(name, &e, words);
            }
            (Want::Loaded(check), Ok(d)) => check(&d, bytes),
            (_, Err(e)) => panic!("{name}: {e}"),
            (_, Ok(d)) => panic!("{name} loaded {} events", d.store.len()),
        }
    }
}

fn sentence(name: &str, e: &ImportError, words: &[&str]) {
    let message = e.to_string();
    for w in words {
        assert!(message.contains(w), "{name}: {message:?} lacks {w:?}");
    }
    assert!(message.ends_with('.'), "{name}: {message:?}");
}

#[test]
fn every_hostile_file_gives_its_answer() {
    let corpus = corpus();
    assert!(corpus.len() >= 40, "{} files", corpus.len());
    for e in &corpus {
        check(e.file, &fixture(&format!("hostile/{}", e.file)), &e.want);
    }
    // Every file in the folder is in the table.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile");
    for f in std::fs::read_dir(dir).unwrap() {
        let name = f.unwrap().file_name().into_string().unwrap();
        assert!(
            name.ends_with(".md") || corpus.iter().any(|e| e.file == name),
            "{name} has no entry"
        );
    }
}

#[test]
fn browser_replay_list() {
    for e in corpus().iter().filter(|e| e.browser) {
        println!("tests/fixtures/hostile/{}", e.file);
    }
}

/// A row under [`HEADER`] (synthetic).
fn row(i: usize, event_type: &str, notes: &str) -> String {
    format!("SYN{i},2022-05-05,2022,1,Political violence,{event_type},Armed clash,Synthetic group A,,2,,,0,20,,466,Western Africa,Mali,Mopti,Djenne,,Synthetic town,14.1,-4.2,1,Synthetic source,National,{notes},1,,1700000000\n")
}

/// Shapes too large to keep as files.
#[test]
fn large_hostile_shapes_give_their_answers() {
    // 70,000 event types: the 65,536th, on line 65,537, is refused.
    let mut csv = format!("{HEADER}\n");
    for i in 0..70_000 {
        csv.push_str(&row(i, &format!("Synthetic type {i}"), "Synthetic"));
    }
    check(
        "70k event types",
        csv.as_bytes(),
        &Want::Error(
            ImportError::TooManyValues {
                role: ColumnRole::EventType,
                column: "event_type".into(),
                limit: 65_535,
                line: 65_537,
            },
            &["\"event_type\"", "65,535 different values"],
        ),
    );

    // A 5 MB notes field is read, not refused.
    let long = "synthetic ".repeat(500_000);
    let csv = format!(
        "{HEADER}\n{}{}",
        row(1, "Battles", &long),
        row(2, "Battles", "short")
    );
    let d = eventlens::engine::import_bytes(
        csv.as_bytes(),
        ImportOptions {
            hold_text: true,
            ..ImportOptions::default()
        },
    )
    .unwrap();
    assert_eq!(d.store.len(), 2);
    assert_eq!(
        d.store.record_in_memory(0).unwrap()[NOTES].len(),
        long.len()
    );

    // 3,000 extra columns, listed as ignored.
    let extra: Vec<String> = (0..3_000).map(|i| format!("extra_{i}")).collect();
    let mut csv = format!("{HEADER},{}\n", extra.join(","));
    for i in 0..3 {
        csv.push_str(row(i, "Battles", "Synthetic").trim_end());
        csv.push_str(&",".repeat(3_000));
        csv.push('\n');
    }
    let d = common::import(csv.as_bytes()).unwrap();
    assert_eq!(d.store.len(), 3);
    let plain = format!("{HEADER}\n{}", row(0, "Battles", "Synthetic"));
    let plain = common::import(plain.as_bytes()).unwrap();
    assert_eq!(
        d.report.columns_ignored.len(),
        plain.report.columns_ignored.len() + 3_000
    );
    assert!(d.report.columns_ignored.contains(&"extra_2999".to_string()));

    // Windows-1252 whose first accent comes after the 64 KB sniffed: read
    // as Windows-1252 from there, and said so. Rows 0 to 399 are ASCII
    // (lines 2 to 401), row 400 on line 402 is the first accented one.
    let mut csv = format!("{HEADER}\n").into_bytes();
    for i in 0..400 {
        csv.extend_from_slice(row(i, "Battles", "Synthetic").as_bytes());
    }
    assert!(csv.len() > 64 * 1024);
    csv.extend_from_slice(
        &row(400, "Battles", "S\u{e9}gou")
            .replace('\u{e9}', "\u{1}")
            .into_bytes(),
    );
    let at = csv.iter().rposition(|&b| b == 1).unwrap();
    csv[at] = 0xE9;
    check(
        "Windows-1252 after 64 kB",
        &csv,
        &Want::Loaded(|d, bytes| {
            assert_eq!(d.report.encoding, TextEncoding::Windows1252);
            assert_eq!(
                d.report.warnings,
                [ImportWarning::ReadAsWindows1252 { line: 402 }]
            );
            assert_eq!(fields(d, bytes, 400)[NOTES], "Ségou");
        }),
    );

    // 20 MB of line ends.
    let blank = vec![b'\n'; 20_000_000];
    let err = import_chunked(&blank, 1 << 20, ImportOptions::default()).err();
    assert_eq!(err, Some(ImportError::OnlyBlankLines { bytes: 20_000_000 }));

    // A first line of 5 MB with no line end: refused, not held.
    let mut one_line = HEADER.as_bytes().to_vec();
    one_line.resize(5_000_000, b'x');
    let err = import_chunked(&one_line, 1 << 16, ImportOptions::default()).err();
    assert_eq!(
        err,
        Some(ImportError::RecordTooLong {
            line: 1,
            limit_mb: 4
        })
    );

    // More events than the cap, with the line the import stopped at.
    let mut csv = format!("{HEADER}\n");
    for i in 0..3_001 {
        csv.push_str(&row(i, "Battles", "Synthetic"));
    }
    let options = ImportOptions {
        max_events: Some(3_000),
        ..ImportOptions::default()
    };
    let err = import_chunked(csv.as_bytes(), 4096, options).err();
    assert_eq!(
        err,
        Some(ImportError::TooManyEvents {
            limit: 3_000,
            line: 3_002
        })
    );
}
