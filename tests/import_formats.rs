//! Each known layout, read from fixtures the project wrote (synthetic rows),
//! against figures worked out by hand from those files.

mod common;

use common::{fixture, import, import_chunked, total_fatalities};
use eventlens::engine::data::date;
use eventlens::engine::data::dimension::Category;
use eventlens::engine::data::source::{ColumnRole, Delimiter, TextEncoding};
use eventlens::engine::query::{Filters, QueryState};
use eventlens::engine::read::import::ImportOptions;
use eventlens::engine::read::layout::{ColumnMapping, Format};
use eventlens::engine::read::problem::RowProblem;
use eventlens::engine::synthetic;

struct Expect {
    file: &'static str,
    format: Format,
    rows_read: u64,
    rows_skipped: u64,
    events: u64,
    fatalities: u64,
    civilian_fatalities: u64,
    date_min: &'static str,
    date_max: &'static str,
}

#[test]
fn each_layout_reads_with_hand_computed_totals() {
    let table = [
        // 6 rows; fatalities 5+12+3+1,200+(empty)+20; civilian targeting on FIX2 and FIX6.
        Expect {
            file: "acled_current.csv",
            format: Format::AcledCurrent,
            rows_read: 6,
            rows_skipped: 0,
            events: 6,
            fatalities: 1240,
            civilian_fatalities: 32,
            date_min: "2021-06-15",
            date_max: "2023-01-10",
        },
        // Old event types; civilian fatalities from "Violence against civilians" (FIXA3: 9).
        Expect {
            file: "acled_export_tool_2019.csv",
            format: Format::AcledExportTool,
            rows_read: 3,
            rows_skipped: 0,
            events: 3,
            fatalities: 20,
            civilian_fatalities: 9,
            date_min: "2019-02-22",
            date_max: "2020-04-15",
        },
        // 5 rows, 3 events: FIXM1 (10) and FIXM2 (6) appear twice, fatalities once.
        Expect {
            file: "acled_monadic.csv",
            format: Format::AcledMonadic,
            rows_read: 5,
            rows_skipped: 0,
            events: 3,
            fatalities: 16,
            civilian_fatalities: 6,
            date_min: "2022-05-01",
            date_max: "2022-05-04",
        },
        // Windows-1252, CRLF, DD/MM/YYYY; FIXL3's date 13/13/2015 is skipped.
        Expect {
            file: "acled_legacy_africa_cp1252.csv",
            format: Format::AcledLegacyAfrica,
            rows_read: 3,
            rows_skipped: 1,
            events: 2,
            fatalities: 5,
            civilian_fatalities: 2,
            date_min: "2015-02-05",
            date_max: "2015-03-28",
        },
        // best 8+30+8; deaths_civilians 30.
        Expect {
            file: "ucdp_ged.csv",
            format: Format::UcdpGed,
            rows_read: 3,
            rows_skipped: 0,
            events: 3,
            fatalities: 46,
            civilian_fatalities: 30,
            date_min: "2022-03-23",
            date_max: "2023-02-01",
        },
    ];
    for e in table {
        let d = import(&fixture(e.file)).unwrap_or_else(|err| panic!("{}: {err}", e.file));
        assert_eq!(d.report.format, e.format, "{}", e.file);
        assert_eq!(d.report.rows_read, e.rows_read, "{} rows_read", e.file);
        assert_eq!(
            d.report.rows_skipped, e.rows_skipped,
            "{} rows_skipped",
            e.file
        );
        assert_eq!(d.report.events, e.events, "{} events", e.file);
        assert_eq!(total_fatalities(&d), e.fatalities, "{} fatalities", e.file);
        let civilian: u64 = (0..d.store.len())
            .map(|r| u64::from(d.store.civilian_fatalities(r)))
            .sum();
        assert_eq!(
            civilian, e.civilian_fatalities,
            "{} civilian fatalities",
            e.file
        );
        assert_eq!(
            d.report.date_min.map(date::format_iso).as_deref(),
            Some(e.date_min),
            "{}",
            e.file
        );
        assert_eq!(
            d.report.date_max.map(date::format_iso).as_deref(),
            Some(e.date_max),
            "{}",
            e.file
        );
    }
}

#[test]
fn current_layout_details() {
    let d = import(&fixture("acled_current.csv")).unwrap();
    let s = &d.store;
    // FIX3's notes hold a line break inside quotes; its record spans two lines.
    let fields = s.record_in_memory(2).unwrap();
    assert_eq!(
        fields[s.columns.get(ColumnRole::Notes).unwrap()],
        "Synthetic fixture\nwith a line break"
    );
    let fields = s.record_in_memory(1).unwrap();
    assert_eq!(
        fields[s.columns.get(ColumnRole::Notes).unwrap()],
        "Synthetic fixture: \"quoted\" words"
    );
    assert_eq!(s.location_of(3), "Ménaka");
    assert_eq!(s.lat_lon(3), (15.9, 2.4));
    assert_eq!(s.time_precision(2), 2);
    assert_eq!(s.geo_precision(4), 3);
    assert!(s.is_civilian_targeting(1));
    assert!(!s.is_civilian_targeting(0));
    // FIX5 has two associated actors on side 1.
    assert_eq!(
        s.side_label(s.side1[4]),
        "Military Forces of Mali (2021-); Dozo Communal Militia (Mali); Wagner Group"
            .split("; ")
            .collect::<Vec<_>>()
            .join("; ")
            .replace(
                "Dozo Communal Militia (Mali); Wagner Group",
                &sorted_assoc(s, s.side1[4]),
            )
    );
    // The empty fatalities of FIX5 (line 7) are reported, read as 0.
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
    assert_eq!(empty.count, 1);
    assert_eq!(empty.examples[0].line, 7);
    assert!(d
        .report
        .columns_ignored
        .contains(&"interaction".to_string()));
}

fn sorted_assoc(s: &eventlens::engine::Store, side: u32) -> String {
    s.sides
        .associated(side)
        .iter()
        .map(|&a| s.actors.name(a))
        .collect::<Vec<_>>()
        .join("; ")
}

#[test]
fn monadic_rows_merge_into_two_sided_events() {
    let d = import(&fixture("acled_monadic.csv")).unwrap();
    let s = &d.store;
    assert_eq!(d.report.rows_merged, 2);
    // FIXM1: Malian army + Wagner on one side, JNIM on the other.
    assert_eq!(
        s.side_label(s.side2[0]),
        "JNIM: Group for Support of Islam and Muslims"
    );
    assert_eq!(
        s.side_label(s.side1[0]),
        "Military Forces of Mali (2021-); Wagner Group"
    );
    let mut state = QueryState::new(s);
    state.apply(
        s,
        &Filters {
            actor: Some("JNIM".into()),
            ..Filters::default()
        },
    );
    assert_eq!(state.rows(), vec![0]);
}

#[test]
fn legacy_file_decodes_windows_1252_and_day_first_dates() {
    let d = import(&fixture("acled_legacy_africa_cp1252.csv")).unwrap();
    assert_eq!(d.store.encoding, TextEncoding::Windows1252);
    assert_eq!(d.store.name_of(Category::Admin1, 0), "Ménaka");
    assert_eq!(d.store.name_of(Category::Admin1, 1), "Ségou");
    assert_eq!(d.store.date[0], date::from_ymd(2015, 2, 5).unwrap());
    let skipped = &d.report.skipped[0];
    assert_eq!(skipped.problem, RowProblem::UnreadableDate);
    assert_eq!(skipped.examples[0].line, 4);
    assert_eq!(skipped.examples[0].value, "13/13/2015");
    // MNLA folds into the CMA/CSP canonical actor.
    let mut state = QueryState::new(&d.store);
    state.apply(
        &d.store,
        &Filters {
            actor: Some("CMA/CSP".into()),
            ..Filters::default()
        },
    );
    assert_eq!(state.rows(), vec![0]);
}

#[test]
fn ucdp_estimates_intervals_and_types() {
    let d = import(&fixture("ucdp_ged.csv")).unwrap();
    let s = &d.store;
    assert_eq!(s.fatalities_low.iter().sum::<u32>(), 39);
    assert_eq!(s.fatalities_high.iter().sum::<u32>(), 62);
    assert_eq!(
        s.names[Category::EventType].name(u32::from(s.event_type[0])),
        "State-based conflict"
    );
    assert_eq!(
        s.names[Category::EventType].name(u32::from(s.event_type[1])),
        "One-sided violence"
    );
    assert_eq!(
        s.names[Category::EventType].name(u32::from(s.event_type[2])),
        "Non-state conflict"
    );
    assert_eq!(date::format_iso(s.date_end[0]), "2022-03-27");
    assert_eq!(s.time_precision(2), 3); // date_prec 4 (month) is coarse
    assert_eq!(s.name_of(Category::Admin1, 0), "Mopti region");
    // "Government of Mali" folds with ACLED's names to Malian state forces.
    let mut state = QueryState::new(s);
    state.apply(
        s,
        &Filters {
            actor: Some("Malian state forces".into()),
            ..Filters::default()
        },
    );
    assert_eq!(state.rows(), vec![0]);
}

/// The current-layout fixture rewritten with another delimiter or encoding
/// must give the same events.
#[test]
fn delimiters_and_encodings_give_the_same_events() {
    let original = fixture("acled_current.csv");
    let text = String::from_utf8(original.clone()).unwrap();
    let rewrite = |delimiter: u8| -> Vec<u8> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(original.as_slice());
        let mut writer = csv::WriterBuilder::new()
            .delimiter(delimiter)
            .from_writer(Vec::new());
        for record in reader.records() {
            writer.write_record(&record.unwrap()).unwrap();
        }
        writer.into_inner().unwrap()
    };
    let mut utf16le = vec![0xFF, 0xFE];
    utf16le.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
    let mut utf16be = vec![0xFE, 0xFF];
    utf16be.extend(text.encode_utf16().flat_map(|u| u.to_be_bytes()));
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(&original);
    let crlf = text.replace('\n', "\r\n").into_bytes();
    let variants: Vec<(&str, Vec<u8>, Delimiter)> = vec![
        ("semicolon", rewrite(b';'), Delimiter::Semicolon),
        ("tab", rewrite(b'\t'), Delimiter::Tab),
        ("utf-16le", utf16le, Delimiter::Comma),
        ("utf-16be", utf16be, Delimiter::Comma),
        ("utf-8 bom", bom, Delimiter::Comma),
        ("crlf", crlf, Delimiter::Comma),
    ];
    let base = import(&original).unwrap();
    for (name, bytes, delimiter) in variants {
        let d = import(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(d.report.delimiter, delimiter, "{name}");
        assert_eq!(d.store.date, base.store.date, "{name}");
        assert_eq!(d.store.fatalities, base.store.fatalities, "{name}");
        assert_eq!(d.store.location_of(3), "Ménaka", "{name}");
        for r in 0..base.store.len() {
            assert_eq!(
                d.store.side_label(d.store.side1[r]),
                base.store.side_label(base.store.side1[r]),
                "{name}"
            );
            let notes = d.store.columns.get(ColumnRole::Notes).unwrap();
            let got = d.store.record_in_memory(r).unwrap();
            let want = base.store.record_in_memory(r).unwrap();
            assert_eq!(
                got[notes].replace("\r\n", "\n"),
                want[notes],
                "{name} row {r}"
            );
        }
    }
}

/// Chunk boundaries can fall anywhere: inside a quoted field, between \r
/// and \n, inside a multi-byte character. The result must not change.
#[test]
fn chunk_size_does_not_change_the_result() {
    let bytes = synthetic::acled_csv(600, 7);
    assert!(bytes.len() > 128 * 1024, "bigger than the sniff window");
    let options = || ImportOptions {
        hold_text: true,
        ..ImportOptions::default()
    };
    let whole = import_chunked(&bytes, bytes.len(), options()).unwrap();
    for chunk in [1, 3, 7, 64, 4093, 65_536] {
        let d = import_chunked(&bytes, chunk, options()).unwrap();
        assert_eq!(d.store.len(), 600, "chunk {chunk}");
        assert_eq!(d.store.date, whole.store.date, "chunk {chunk}");
        assert_eq!(d.store.fatalities, whole.store.fatalities, "chunk {chunk}");
        assert_eq!(
            d.store.record_start, whole.store.record_start,
            "chunk {chunk}"
        );
        assert_eq!(d.store.record_len, whole.store.record_len, "chunk {chunk}");
        assert_eq!(d.store.place, whole.store.place, "chunk {chunk}");
    }
}

/// External sources: record spans are byte offsets into the file itself
/// (after the BOM), so a browser can read a record back with Blob.slice.
#[test]
fn record_ranges_point_into_the_file() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(&fixture("acled_current.csv"));
    let d = import_chunked(&bytes, 5, ImportOptions::default()).unwrap();
    let s = &d.store;
    for r in 0..s.len() {
        let (start, end) = s.record_range(r);
        let fields = eventlens::engine::data::store::parse_record(
            &bytes[start as usize..end as usize],
            s.delimiter,
        );
        assert_eq!(fields[0], format!("FIX{}", r + 1));
    }
}

#[test]
fn mapped_layout_reads_an_unknown_csv() {
    let bytes = fixture("invalid/unknown_layout.csv");
    let headers: Vec<String> = ["When", "Lat", "Lng", "Killed", "Place", "Perpetrator"]
        .map(String::from)
        .to_vec();
    let mapping = ColumnMapping::suggest(&headers);
    let d = import_chunked(
        &bytes,
        1 << 20,
        ImportOptions {
            mapping: Some(mapping),
            ..ImportOptions::default()
        },
    )
    .unwrap();
    assert_eq!(d.report.format, Format::Mapped);
    assert_eq!(d.store.len(), 2);
    assert_eq!(total_fatalities(&d), 1003); // 3 + "1,000"
    assert_eq!(d.store.location_of(1), "Town Y");
}

#[test]
fn a_ten_megabyte_field_is_read_not_refused() {
    let mut bytes = fixture("acled_current.csv");
    let notes = "x".repeat(10 * 1024 * 1024);
    let row = format!("BIG1,2022-01-01,2022,1,Political violence,Battles,Armed clash,A,,2,B,,1,12,,466,Western Africa,Mali,Mopti,Djenne,,Town A,14.0,-4.5,1,Fixture,Other,\"{notes}\",1,,1700000000\n");
    bytes.extend_from_slice(row.as_bytes());
    let d = import_chunked(&bytes, 1 << 20, ImportOptions::default()).unwrap();
    assert_eq!(d.store.len(), 7);
    assert_eq!(d.store.record_len[6] as usize, row.len());
}

/// Every event of a SYNTHETIC file (places and sides recur, so most rows
/// reuse codes seen before) keeps its own place names, coordinates and
/// actors: read back from the store, they equal the record's fields.
#[test]
fn recurring_places_and_sides_keep_each_rows_fields() {
    let bytes = synthetic::acled_csv(30_000, 11);
    let store = import(&bytes).unwrap().store;
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    let header = reader.headers().unwrap().clone();
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let mut rows = 0;
    for (r, rec) in reader.records().enumerate() {
        let rec = rec.unwrap();
        rows += 1;
        for (c, name) in [
            (Category::Country, "country"),
            (Category::Admin1, "admin1"),
            (Category::Admin2, "admin2"),
        ] {
            assert_eq!(store.name_of(c, r), &rec[column(name)], "row {r} {name}");
        }
        assert_eq!(store.location_of(r), &rec[column("location")], "row {r}");
        let (lat, lon) = store.lat_lon(r);
        assert_eq!(
            lat,
            rec[column("latitude")].parse::<f32>().unwrap(),
            "row {r}"
        );
        assert_eq!(
            lon,
            rec[column("longitude")].parse::<f32>().unwrap(),
            "row {r}"
        );
        for (side, actor, assoc) in [
            (store.side1[r], "actor1", "assoc_actor_1"),
            (store.side2[r], "actor2", "assoc_actor_2"),
        ] {
            let primary = store.sides.primary[side as usize];
            let name = if primary == u32::MAX {
                ""
            } else {
                store.actors.name(primary)
            };
            assert_eq!(name, &rec[column(actor)], "row {r} {actor}");
            let mut got: Vec<&str> = store
                .sides
                .associated(side)
                .iter()
                .map(|&a| store.actors.name(a))
                .collect();
            let mut want: Vec<&str> = rec[column(assoc)]
                .split("; ")
                .filter(|a| !a.is_empty() && *a != name)
                .collect();
            got.sort_unstable();
            want.sort_unstable();
            want.dedup();
            assert_eq!(got, want, "row {r} {assoc}");
        }
    }
    assert_eq!(rows, store.len());
}

/// The generator's rows name it as their source: every one is counted, so
/// the credits can call the data synthetic; a real export counts none.
#[test]
fn synthetic_events_are_counted_as_such() {
    let bytes = synthetic::acled_csv(250, 3);
    let d = import_chunked(&bytes, bytes.len(), ImportOptions::default()).unwrap();
    assert_eq!(d.report.synthetic_events, 250);
    let fixture = fixture("acled_current.csv");
    let d = import_chunked(&fixture, fixture.len(), ImportOptions::default()).unwrap();
    assert!(!d.store.is_empty());
    assert_eq!(
        d.report.synthetic_events, 0,
        "a file whose source column names someone else"
    );
}
