//! Regression tests for the adversarial review of files and links: each
//! test is named after the defect it pins, and asserts what the review
//! found wrong is now right.

mod common;

use common::{import, import_chunked};
use eventlens::engine::data::date::Bin;
use eventlens::engine::data::dimension::Category;
use eventlens::engine::data::dimension::GroupBy;
use eventlens::engine::data::source::{ColumnRole, TextEncoding};
use eventlens::engine::query::group::aggregate;
use eventlens::engine::query::views::{MAX_TIMELINE_BINS, MAX_TIMELINE_TYPES, OTHER_TYPES};
use eventlens::engine::query::{Filters, QueryState, ViewSpec};
use eventlens::engine::read::import::{Dataset, ImportOptions, ImportWarning};
use eventlens::engine::read::limits;
use eventlens::engine::ImportError;

const HEADER: &str = "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp";

/// A synthetic ACLED-shaped row (not real data).
fn row(id: usize, date: &str, event_type: &str) -> String {
    format!("SYN{id},{date},2000,1,Political violence,{event_type},Attack,Synthetic actor,,1,,,0,10,,466,Western Africa,Mali,Mopti,Djenne,,Place,14.0,-4.0,1,Synthetic,Local,Synthetic note,1,,0")
}

/// Defect 1: events spanning years 1000-9999 with thousands of event types
/// made the timeline allocate bins x types over the whole span and killed
/// the page; `aggregate --by day` on such a file took 16 s and 3.8 GB.
#[test]
fn a_file_spanning_millennia_with_thousands_of_types_costs_what_its_events_cost() {
    let mut csv = format!("{HEADER}\n");
    let types = 3_000;
    for i in 0..types {
        let date = if i % 2 == 0 {
            "1000-01-01"
        } else {
            "9999-12-31"
        };
        csv.push_str(&row(i, date, &format!("Synthetic type {i}")));
        csv.push('\n');
    }
    let d = import(csv.as_bytes()).unwrap();
    assert_eq!(d.store.len(), types);
    let state = QueryState::new(&d.store);
    for bin in Bin::ALL {
        let views = state.views(
            &d.store,
            &ViewSpec {
                bin,
                ..ViewSpec::default()
            },
        );
        let t = &views.timeline;
        // 1000 to 9999 is 9,000 years: only the year bin fits, and the
        // bin asked for is said to be replaced.
        assert_eq!(t.bin, Bin::Year, "{bin:?}");
        assert_eq!(t.bins, 9_000);
        assert_eq!(t.coarsened_from, (bin != Bin::Year).then_some(bin));
        assert!(t.bins <= MAX_TIMELINE_BINS || t.bin == Bin::Year);
        assert_eq!(t.types.len(), MAX_TIMELINE_TYPES);
        assert_eq!(t.types.last().map(String::as_str), Some(OTHER_TYPES));
        assert_eq!(t.events.len(), t.bins * t.types.len());
        // Every event is still counted, in the first and the last year.
        assert_eq!(t.bin_events(0), 1_500);
        assert_eq!(t.bin_events(t.bins - 1), 1_500);
        assert_eq!(views.totals.measures.events, types as u64);
    }
    // The months filter over such a span reads each event's month.
    for (months, want) in [
        ((1, 1), 1_500),
        ((12, 12), 1_500),
        ((6, 9), 0),
        ((12, 1), 3_000),
    ] {
        let mut months_state = QueryState::new(&d.store);
        let filters = Filters {
            months: Some(months),
            ..Filters::default()
        };
        months_state.apply(&d.store, &filters);
        assert_eq!(months_state.rows().len(), want, "{months:?}");
    }
    // By day, 3.3 million days apart: only the two days with events.
    let groups = aggregate(&d.store, &state.rows(), GroupBy::Time(Bin::Day));
    let listed: Vec<(&str, u64)> = groups
        .iter()
        .map(|g| (g.key.as_str(), g.measures.events))
        .collect();
    assert_eq!(listed, [("1000-01-01", 1_500), ("9999-12-31", 1_500)]);
    // A span within the limit still lists its empty bins between.
    let mut near = format!("{HEADER}\n");
    near.push_str(&row(1, "2022-01-01", "Battles"));
    near.push('\n');
    near.push_str(&row(2, "2022-01-04", "Battles"));
    near.push('\n');
    let d = import(near.as_bytes()).unwrap();
    let rows = QueryState::new(&d.store).rows();
    let days = aggregate(&d.store, &rows, GroupBy::Time(Bin::Day));
    assert_eq!(days.len(), 4);
    assert_eq!(days[1].measures.events, 0);
}

/// `rows` synthetic rows under the ACLED header, one a line.
fn acled_file(rows: usize) -> String {
    let mut csv = format!("{HEADER}\n");
    for i in 0..rows {
        csv.push_str(&row(i, "2000-05-05", "Battles"));
        csv.push('\n');
    }
    csv
}

/// The lines of `csv`, for editing one of them (line 1 is the header).
fn with_line(csv: &str, line: usize, edit: impl Fn(&str) -> String) -> String {
    let mut out = String::new();
    for (i, l) in csv.lines().enumerate() {
        if i + 1 == line {
            out.push_str(&edit(l));
        } else {
            out.push_str(l);
        }
        out.push('\n');
    }
    out
}

fn import_each_chunking(bytes: &[u8]) -> Vec<Result<Dataset, ImportError>> {
    [1, 7, 4096, 1 << 20]
        .into_iter()
        .map(|chunk| {
            import_chunked(
                bytes,
                chunk,
                ImportOptions {
                    hold_text: true,
                    ..ImportOptions::default()
                },
            )
        })
        .collect()
}

/// Hostile-input review, defect 2: an unclosed quote opening in the last
/// field of row 10 of 1,000 swallowed the rest of the file into one value:
/// 10 events were imported and nothing was said.
#[test]
fn a_stray_quote_in_the_last_column_does_not_drop_the_rest_of_the_file_silently() {
    // Row 10 is line 11; its last field (timestamp) opens a quote that
    // nothing closes.
    let csv = with_line(&acled_file(1_000), 11, |l| {
        format!("{}\"0", l.strip_suffix('0').unwrap())
    });
    for result in import_each_chunking(csv.as_bytes()) {
        let err = result.err().expect("refused");
        assert_eq!(err, ImportError::UnclosedQuote { line: 11 });
        let message = err.to_string();
        assert!(message.contains("Line 11"), "{message}");
        assert!(message.contains("stray double quote"), "{message}");
    }

    // The same quote closed four lines later, by the quoted notes of row
    // 14 (line 15): lines 12 to 14 are whole rows taken into the value.
    let csv = with_line(&csv, 15, |l| {
        l.replace("Synthetic note", "\"Synthetic, note\"")
    });
    for result in import_each_chunking(csv.as_bytes()) {
        let err = result.err().expect("refused");
        assert_eq!(
            err,
            ImportError::StrayQuote {
                line: 11,
                column: 31,
                until_line: 15,
                rows: 3
            }
        );
        let message = err.to_string();
        assert!(message.contains("Line 11, column 31"), "{message}");
        assert!(message.contains("to line 15"), "{message}");
        assert!(message.contains("3 lines"), "{message}");
        assert!(message.contains("stray double quote"), "{message}");
    }

    // Notes that really run over two lines are not a stray quote.
    let csv = with_line(&acled_file(20), 5, |l| {
        l.replace("Synthetic note", "\"Synthetic note,\nsecond line\"")
    });
    for result in import_each_chunking(csv.as_bytes()) {
        let d = result.expect("imported");
        assert_eq!(d.report.events, 20);
        assert_eq!(d.report.rows_skipped, 0);
    }
}

/// An ASCII file longer than the 64 KB the encoding is sniffed from, then
/// rows holding `late` as a location.
fn late_accent_file(late: &[u8], early: &str) -> (Vec<u8>, usize) {
    let mut csv = acled_file(0).into_bytes();
    let mut rows = 0;
    while csv.len() < 100_000 {
        let place = if rows == 0 { early } else { "Place" };
        csv.extend_from_slice(
            row(rows, "2000-05-05", "Battles")
                .replace(",Place,", &format!(",{place},"))
                .as_bytes(),
        );
        csv.push(b'\n');
        rows += 1;
    }
    for _ in 0..3 {
        let line = row(rows, "2000-05-06", "Battles").into_bytes();
        let at = line.windows(7).position(|w| w == b",Place,").unwrap() + 1;
        csv.extend_from_slice(&line[..at]);
        csv.extend_from_slice(late);
        csv.extend_from_slice(&line[at + 5..]);
        csv.push(b'\n');
        rows += 1;
    }
    (csv, rows)
}

/// Hostile-input review, defect 5: a Windows-1252 file whose first
/// accented byte came after the 64 KB the encoding is sniffed from was read
/// as UTF-8, and "Ségou" became "S\u{fffd}gou" with no warning.
#[test]
fn a_windows_1252_accent_past_the_sniffed_bytes_is_read_as_windows_1252() {
    let (bytes, rows) = late_accent_file(b"S\xE9gou", "Place");
    assert!(bytes.len() > 64 * 1024);
    // Header is line 1; the first accented row is the third from the end.
    let first_accent_line = rows as u64 - 1;
    for hold_text in [true, false] {
        for chunk in [1, 7, 4096, 1 << 20] {
            let options = ImportOptions {
                hold_text,
                ..ImportOptions::default()
            };
            let d = import_chunked(&bytes, chunk, options).unwrap();
            let places: Vec<&str> = (0..d.store.len()).map(|r| d.store.location_of(r)).collect();
            assert_eq!(places.len(), rows);
            assert_eq!(places[rows - 1], "Ségou", "chunk {chunk}");
            assert!(!places.iter().any(|p| p.contains('\u{fffd}')));
            assert_eq!(d.report.encoding, TextEncoding::Windows1252);
            assert_eq!(
                d.report.warnings,
                [ImportWarning::ReadAsWindows1252 {
                    line: first_accent_line
                }],
                "chunk {chunk}"
            );
            let message = d.report.warnings[0].to_string();
            assert!(
                message.contains(&format!("Line {first_accent_line}")),
                "{message}"
            );
            assert!(message.contains("Windows-1252"), "{message}");
            // Each record still reads back from where its span says, in
            // the held text or in the file itself.
            let last = d.store.len() - 1;
            let fields = match hold_text {
                true => d.store.record_in_memory(last).unwrap(),
                false => {
                    let (start, end) = d.store.record_range(last);
                    let (text, _, _) =
                        encoding_rs::WINDOWS_1252.decode(&bytes[start as usize..end as usize]);
                    eventlens::engine::data::store::parse_record(text.as_bytes(), b',')
                }
            };
            assert_eq!(fields[0], format!("SYN{last}"));
            assert_eq!(fields[21], "Ségou");
        }
    }

    // After real UTF-8 ("Ménaka" on line 2) the file cannot be read again
    // another way: the bad bytes are replaced, counted and reported.
    let (bytes, rows) = late_accent_file(b"S\xE9gou", "Ménaka");
    for chunk in [1, 7, 4096, 1 << 20] {
        let d = import_chunked(&bytes, chunk, ImportOptions::default()).unwrap();
        assert_eq!(d.store.location_of(0), "Ménaka");
        assert_eq!(d.store.location_of(rows - 1), "S\u{fffd}gou");
        assert_eq!(d.report.encoding, TextEncoding::Utf8);
        assert_eq!(
            d.report.warnings,
            [ImportWarning::NotUtf8 {
                line: first_accent_line,
                replaced: 3
            }],
            "chunk {chunk}"
        );
        let message = d.report.warnings[0].to_string();
        assert!(
            message.contains(&format!("line {first_accent_line}")),
            "{message}"
        );
        assert!(message.contains("3 byte sequences"), "{message}");
    }
}

/// Hostile-input review, defect 6: a 3.1 GB file was refused only after
/// 37 s of parsing, saying "3003 MB"; a file of short rows ran the tab out
/// of memory with no sentence.
#[test]
fn files_too_large_for_a_tab_are_refused_with_a_sentence() {
    // The size is known before reading: refused at once, in decimal units.
    let err = limits::check_size(3_100_000_000, limits::MAX_FILE_BYTES).unwrap_err();
    let message = err.to_string();
    assert!(message.contains("The file is 3.1 GB"), "{message}");
    assert!(message.contains("the 3 GB"), "{message}");
    assert!(limits::check_size(1_450_000_000, limits::MAX_FILE_BYTES).is_ok());
    // The same sentence when the importer meets the limit itself.
    let csv = acled_file(50);
    let err = import_chunked(
        csv.as_bytes(),
        1000,
        ImportOptions {
            size_limit: Some(2_500),
            ..ImportOptions::default()
        },
    )
    .err()
    .unwrap();
    let message = err.to_string();
    assert!(message.contains("more than the 2.5 kB"), "{message}");

    // Events are capped while importing, with the line it stopped at.
    let csv = acled_file(1_500);
    for chunk in [7, 1 << 20] {
        let err = import_chunked(
            csv.as_bytes(),
            chunk,
            ImportOptions {
                max_events: Some(1_000),
                ..ImportOptions::default()
            },
        )
        .err()
        .unwrap();
        // Event 1,001 is on line 1,002.
        assert_eq!(
            err,
            ImportError::TooManyEvents {
                limit: 1_000,
                line: 1_002
            }
        );
        let message = err.to_string();
        assert!(message.contains("more than 1,000 events"), "{message}");
        assert!(message.contains("smaller selection"), "{message}");
    }
    // Rows that each name a new place grow the store's tables faster than
    // its columns: its memory is capped too. It is measured at event 4,096
    // (the 4,097th, on line 4,098), when 4,096 x 39 bytes of columns and
    // spans alone pass 100 kB.
    let mut places = format!("{HEADER}\n");
    for i in 0..5_000 {
        places
            .push_str(&row(i, "2000-05-05", "Battles").replace(",Place,", &format!(",Place {i},")));
        places.push('\n');
    }
    let options = ImportOptions {
        max_memory: Some(100_000),
        ..ImportOptions::default()
    };
    let err = import_chunked(places.as_bytes(), 1 << 16, options)
        .err()
        .unwrap();
    assert_eq!(
        err,
        ImportError::TooMuchMemory {
            line: 4_098,
            limit_bytes: 100_000
        }
    );
    let message = err.to_string();
    assert!(message.contains("more than 100 kB of memory"), "{message}");
    assert_eq!(limits::MAX_STORE_BYTES, 1_500_000_000);

    let ok = ImportOptions {
        max_events: Some(1_500),
        ..ImportOptions::default()
    };
    assert_eq!(
        import_chunked(csv.as_bytes(), 4096, ok)
            .unwrap()
            .report
            .events,
        1_500
    );
    assert_eq!(ImportOptions::default().max_events, None);
    assert_eq!(limits::MAX_EVENTS, 30_000_000);
}

/// Hostile-input review, defect 8: past 65,534 distinct values, a coded
/// column (event type) merged every further value into the last code.
#[test]
fn a_type_column_with_too_many_values_is_refused_not_merged() {
    let limit = 65_535;
    let mut csv = format!("{HEADER}\n");
    for i in 0..limit {
        csv.push_str(&row(i, "2000-05-05", &format!("Type {i}")));
        csv.push('\n');
    }
    // At the limit every value keeps its own name.
    let d = import(csv.as_bytes()).unwrap();
    assert_eq!(d.store.len(), limit);
    for r in [0, 1, limit - 2, limit - 1] {
        assert_eq!(d.store.name_of(Category::EventType, r), format!("Type {r}"));
    }
    // One more value is refused with the column's name and the line.
    csv.push_str(&row(limit, "2000-05-05", &format!("Type {limit}")));
    csv.push('\n');
    let err = import(csv.as_bytes()).err().unwrap();
    assert_eq!(
        err,
        ImportError::TooManyValues {
            role: ColumnRole::EventType,
            column: "event_type".into(),
            limit,
            line: limit as u64 + 2,
        }
    );
    let message = err.to_string();
    assert!(message.contains("\"event_type\""), "{message}");
    assert!(message.contains("65,535 different values"), "{message}");
}

/// Hostile-input review, defect 12: a file of only a byte-order mark and
/// one of only line breaks both said "The file is empty (0 bytes)"; a
/// stray quote in the header listed the mangled columns.
#[test]
fn messages_say_what_the_file_holds() {
    let err = import(b"\xEF\xBB\xBF").err().unwrap();
    assert_eq!(err, ImportError::OnlyByteOrderMark { bytes: 3 });
    let message = err.to_string();
    assert!(
        message.contains("only a byte-order mark (3 bytes)"),
        "{message}"
    );

    let newlines = vec![b'\n'; 10_000_000];
    for chunk in [4096, 1 << 20] {
        let err = import_chunked(&newlines, chunk, ImportOptions::default())
            .err()
            .unwrap();
        assert_eq!(err, ImportError::OnlyBlankLines { bytes: 10_000_000 });
        let message = err.to_string();
        assert!(message.contains("only blank lines (10 MB"), "{message}");
    }

    // The quote before "year" is never closed on the header line.
    let csv = acled_file(5).replacen(",year,", ",\"year,", 1);
    for result in import_each_chunking(csv.as_bytes()) {
        let err = result.err().unwrap();
        assert!(
            matches!(
                err,
                ImportError::QuoteInHeader {
                    line: 1,
                    column: 3,
                    ..
                }
            ),
            "{err:?}"
        );
        let message = err.to_string();
        assert!(message.contains("column 3 of the header"), "{message}");
        assert!(message.contains("Remove the stray quote"), "{message}");
        assert!(!message.contains("do not match"), "{message}");
    }
}
