//! The notes search of files too large to hold in memory (over 64 MB in the
//! browser): the store keeps only each record's byte span, the file is read
//! back in batches of whole records ([`record_batches`]) and each batch is
//! matched with [`match_records`]; the matches go to the filter state with
//! [`QueryState::set_note_matches`]. Here the "file" is a small synthetic
//! fixture written out below, in four shapes (LF or CRLF line ends, with or
//! without a UTF-8 byte-order mark, which shifts every offset by 3), and the
//! expected rows are counted by hand from it.

mod common;

use common::import_chunked;
use eventlens::engine::data::fold::fold;
use eventlens::engine::data::store::SourceText;
use eventlens::engine::query::{match_records, record_batches, Filters, QueryState, ViewSpec};
use eventlens::engine::read::import::{import_bytes, ImportOptions};
use eventlens::engine::Store;

/// Synthetic events (invented places, actors and notes). The location and
/// notes columns are the ones searched; row 7's needle is in the actor
/// column only, and row 11's notes are longer than the matcher's first
/// field buffer (4 KiB).
fn fixture_lf() -> String {
    let filler = "synthetic filler ".repeat(300);
    let mut text = String::from(
        "event_id_cnty,event_date,disorder_type,event_type,actor1,actor2,country,admin1,location,notes,fatalities\n\
SYN-N01,2022-01-01,Political violence,Battles,Army,Rebels,Mali,Ségou,Ségou,Quiet market day,1\n\
SYN-N02,2022-01-02,Political violence,Battles,Army,Rebels,Mali,Mopti,Town B,\"Clashes near Ségou, reportedly\",2\n\
SYN-N03,2022-01-03,Political violence,Battles,Army,Rebels,Mali,Mopti,Town C,\"He said \"\"Ségou\"\", then left,\nand that was all\",3\n\
SYN-N04,2022-01-04,Political violence,Riots,Army,Rebels,Mali,Mopti,Town D,SEGOU IN CAPITALS,4\n\
SYN-N05,2022-01-05,Political violence,Riots,Army,Rebels,Mali,Gao,Segoukoro,Market,5\n\
SYN-N06,2022-01-06,Political violence,Riots,Army,Rebels,Mali,Mopti,Mopti,No mention here,6\n\
SYN-N07,2022-01-07,Political violence,Riots,Segou militia,Rebels,Mali,Gao,Town G,Nothing to see,7\n\
SYN-N08,2022-01-08,Political violence,Protests,Army,,Mali,Gao,Town H,\"first line\nsecond line mentions sÉgou\",8\n\
SYN-N09,2022-01-09,Political violence,Protests,Army,,Mali,Gao,Town I,\"a, b, ségou\",9\n\
SYN-N10,2022-01-10,Political violence,Protests,Army,,Mali,,,,10\n",
    );
    text.push_str(&format!(
        "SYN-N11,2022-01-11,Political violence,Protests,Army,,Mali,Gao,Town K,\"{filler}and ségou at the end\",11\n"
    ));
    text
}

/// Needles (as a user types them) and the rows, counted by hand, whose
/// location or notes hold them.
const SEARCHES: &[(&str, &[usize])] = &[
    // Accents and case folded, in the location (rows 1 and 5) and in the
    // notes, quoted with a comma, with doubled quotes and a line break,
    // upper case, and after 5 KB of filler; not in the actor column (7).
    ("segou", &[0, 1, 2, 3, 4, 7, 8, 10]),
    ("Ségou", &[0, 1, 2, 3, 4, 7, 8, 10]),
    ("SÉGOU", &[0, 1, 2, 3, 4, 7, 8, 10]),
    // The field's text, not the raw CSV: the doubled quotes are one quote.
    ("\"segou\"", &[2]),
    // After the line break inside a quoted field.
    ("and that was all", &[2]),
    ("second line", &[7]),
    ("reportedly", &[1]),
    // A location.
    ("mopti", &[5]),
    ("filler", &[10]),
    // Only in another column.
    ("militia", &[]),
    ("nowhere at all", &[]),
];

/// The fixture with CRLF line ends (also inside quoted notes, as a file
/// saved on Windows has them) and/or a UTF-8 byte-order mark.
fn variants() -> Vec<(&'static str, Vec<u8>)> {
    let lf = fixture_lf();
    let crlf = lf.replace('\n', "\r\n");
    let bom = |s: &str| [b"\xEF\xBB\xBF".as_slice(), s.as_bytes()].concat();
    vec![
        ("LF", lf.clone().into_bytes()),
        ("CRLF", crlf.clone().into_bytes()),
        ("BOM + LF", bom(&lf)),
        ("BOM + CRLF", bom(&crlf)),
    ]
}

/// Imports as the browser does for a large file: text not held, the file
/// pushed in chunks.
fn import_external(file: &[u8], chunk: usize) -> Store {
    let options = ImportOptions {
        hold_text: false,
        ..ImportOptions::default()
    };
    import_chunked(file, chunk, options).unwrap().store
}

/// What the browser does: batches of records, each read back as a slice of
/// the file and matched.
fn scan(store: &Store, file: &[u8], query: &str, max_bytes: u64) -> Vec<bool> {
    let needle = fold(query.trim());
    let mut out = vec![false; store.len()];
    for (rows, start, end) in record_batches(store, max_bytes) {
        let slice = &file[start as usize..end as usize];
        match_records(store, &needle, slice, start, rows, &mut out);
    }
    out
}

fn true_rows(matches: &[bool]) -> Vec<usize> {
    (0..matches.len()).filter(|&r| matches[r]).collect()
}

#[test]
fn the_store_keeps_offsets_into_the_file_shifted_past_the_bom() {
    for (name, file) in variants() {
        let store = import_external(&file, 1 << 20);
        assert_eq!(store.len(), 11, "{name}");
        let bom = if name.starts_with("BOM") { 3 } else { 0 };
        assert!(
            matches!(store.source, SourceText::External { offset } if offset == bom),
            "{name}: {:?}",
            store.source
        );
        // Each record's span, read from the file itself, is that record.
        for r in 0..store.len() {
            let (start, end) = store.record_range(r);
            let record = std::str::from_utf8(&file[start as usize..end as usize]).unwrap();
            let record = record.trim_start_matches(['\r', '\n']);
            let id = format!("SYN-N{:02},", r + 1);
            assert!(record.starts_with(&id), "{name}: row {r} reads {record:?}");
        }
    }
}

#[test]
fn batches_cover_every_record_once_within_the_size_asked() {
    for (name, file) in variants() {
        let store = import_external(&file, 1 << 20);
        for max_bytes in [1, 64, 200, 400, 10_000, u64::MAX] {
            let batches = record_batches(&store, max_bytes);
            let mut next_row = 0;
            for (rows, start, end) in &batches {
                assert_eq!(
                    rows.start, next_row,
                    "{name}, {max_bytes}: batches in order"
                );
                assert!(!rows.is_empty());
                next_row = rows.end;
                assert_eq!(*start, store.record_range(rows.start).0);
                assert_eq!(*end, store.record_range(rows.end - 1).1);
                assert!(*end as usize <= file.len());
                // Over the limit only when one record alone is larger.
                assert!(
                    end - start <= max_bytes || rows.len() == 1,
                    "{name}, {max_bytes}"
                );
            }
            assert_eq!(next_row, store.len(), "{name}, {max_bytes}: every row");
            if max_bytes == 1 {
                assert_eq!(batches.len(), store.len(), "one record per batch");
            }
            if max_bytes == u64::MAX {
                assert_eq!(batches.len(), 1);
            }
        }
        // Row 11 alone is over 5,000 bytes: it is a batch of its own.
        let batches = record_batches(&store, 400);
        assert!(batches.len() >= 3, "{name}: several batches");
        assert_eq!(batches.last().unwrap().0, 10..11, "{name}");
    }
}

#[test]
fn scanning_the_file_in_batches_finds_the_rows_counted_by_hand() {
    for (name, file) in variants() {
        // Chunks of 7 bytes split the BOM, CRLFs and UTF-8 sequences.
        for chunk in [7, 1 << 20] {
            let store = import_external(&file, chunk);
            for max_bytes in [1, 150, 400, 1 << 20] {
                for (query, want) in SEARCHES {
                    let got = true_rows(&scan(&store, &file, query, max_bytes));
                    assert_eq!(
                        got, *want,
                        "{name}, chunks of {chunk}, batches of {max_bytes} bytes: {query:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn matching_skips_rows_outside_the_slice_it_is_given() {
    let file = variants().remove(3).1;
    let store = import_external(&file, 1 << 20);
    let needle = fold("segou");
    // Rows 1-3 asked for, with the bytes of rows 1-2 only: row 3 cannot be
    // read and is left unmarked rather than read from the wrong bytes.
    let (start, _) = store.record_range(1);
    let (_, end) = store.record_range(2);
    let mut out = vec![false; store.len()];
    match_records(
        &store,
        &needle,
        &file[start as usize..end as usize],
        start,
        1..4,
        &mut out,
    );
    assert_eq!(true_rows(&out), vec![1, 2]);
}

fn text_filter(text: &str) -> Filters {
    Filters {
        text: Some(text.into()),
        ..Filters::default()
    }
}

#[test]
fn a_text_filter_on_external_text_waits_for_a_scan() {
    let file = variants().remove(2).1;
    let store = import_external(&file, 1 << 20);
    let mut state = QueryState::new(&store);
    assert!(!state.needs_note_scan(&store), "no filter");
    state.apply(&store, &text_filter("   "));
    assert!(!state.needs_note_scan(&store), "a blank text is no filter");
    state.apply(
        &store,
        &Filters {
            months: Some((1, 1)),
            ..Filters::default()
        },
    );
    assert!(!state.needs_note_scan(&store), "no text filter");

    state.apply(&store, &text_filter("segou"));
    assert!(state.needs_note_scan(&store));
    // Until the scan, only place names match: location "Ségou" (row 1, also
    // its admin1) and "Segoukoro" (row 5).
    assert_eq!(state.rows(), vec![0, 4]);

    let matches = scan(&store, &file, "segou", 300);
    state.set_note_matches(&store, Some(matches));
    assert!(!state.needs_note_scan(&store), "matches supplied");
    assert_eq!(state.rows(), vec![0, 1, 2, 3, 4, 7, 8, 10]);
    let views = state.views(&store, &ViewSpec::default());
    assert_eq!(views.totals.measures.events, 8);
    // Fatalities are the row numbers: 1+2+3+4+5+8+9+11.
    assert_eq!(views.totals.measures.fatalities, 43);

    // Another filter leaves the supplied matches in place.
    let mut with_months = text_filter("segou");
    with_months.months = Some((1, 1));
    state.apply(&store, &with_months);
    assert!(!state.needs_note_scan(&store));
    assert_eq!(state.rows(), vec![0, 1, 2, 3, 4, 7, 8, 10]);

    // Other words need another scan; until then their place hits count:
    // admin1 "Mopti" (rows 2, 3, 4, 6) and location "Mopti" (row 6).
    state.apply(&store, &text_filter("mopti"));
    assert!(state.needs_note_scan(&store), "new words, new scan");
    assert_eq!(state.rows(), vec![1, 2, 3, 5]);
    state.set_note_matches(&store, None);
    assert!(state.needs_note_scan(&store), "still none supplied");
}

#[test]
fn the_views_count_the_matches_supplied() {
    let file = variants().remove(1).1;
    let store = import_external(&file, 1 << 20);
    let mut state = QueryState::new(&store);
    state.apply(&store, &text_filter("reportedly"));
    // Not a place name: nothing passes before the scan.
    assert!(state.rows().is_empty());
    assert_eq!(
        state
            .views(&store, &ViewSpec::default())
            .totals
            .measures
            .events,
        0
    );
    // Whatever the caller says matched is what counts (rows 3, 10, 11).
    let mut matches = vec![false; store.len()];
    for r in [2, 9, 10] {
        matches[r] = true;
    }
    state.set_note_matches(&store, Some(matches));
    assert_eq!(state.rows(), vec![2, 9, 10]);
    let views = state.views(&store, &ViewSpec::default());
    assert_eq!(views.totals.measures.events, 3);
    assert_eq!(views.totals.measures.fatalities, 3 + 10 + 11);
    let types: Vec<(&str, u64)> = views.by_category
        [eventlens::engine::data::dimension::Category::EventType]
        .iter()
        .map(|b| (b.label.as_str(), b.measures.events))
        .collect();
    assert_eq!(types, vec![("Protests", 2), ("Battles", 1)]);
}

#[test]
fn held_text_is_searched_without_a_scan_and_agrees_with_it() {
    for (name, file) in variants() {
        let held = import_bytes(
            &file,
            ImportOptions {
                hold_text: true,
                ..ImportOptions::default()
            },
        )
        .unwrap()
        .store;
        assert!(matches!(held.source, SourceText::InMemory(_)), "{name}");
        let external = import_external(&file, 1 << 20);
        for (query, _) in SEARCHES {
            let mut state = QueryState::new(&held);
            state.apply(&held, &text_filter(query));
            assert!(!state.needs_note_scan(&held), "{name}: text in memory");
            let mut scanned = QueryState::new(&external);
            scanned.apply(&external, &text_filter(query));
            scanned.set_note_matches(&external, Some(scan(&external, &file, query, 256)));
            assert_eq!(scanned.rows(), state.rows(), "{name}: {query:?}");
        }
    }
}
