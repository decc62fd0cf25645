//! A dataset taken apart for the trip from the worker to the page and put
//! together again is the same dataset: every field (compared through the
//! store's full debug form, private indices included), the report, and
//! what queries, labels and record read-back give. Damaged parts are
//! refused with a sentence, never a panic.

mod common;

use common::{fixture, import_chunked};
use eventlens::engine::data::actors::UserAlias;
use eventlens::engine::data::date::Bin;
use eventlens::engine::data::dimension::{Category, CategoryMap};
use eventlens::engine::data::store::SourceText;
use eventlens::engine::import_any;
use eventlens::engine::query::{Filters, QueryState, ViewSpec};
use eventlens::engine::read::import::{Dataset, ImportOptions};
use eventlens::engine::read::layout::ColumnMapping;
use eventlens::engine::read::wire::{put_together, take_apart, Array, Parts};
use eventlens::engine::synthetic;
use eventlens::engine::Store;

/// Every layout fixture the import tests read, as (name, bytes).
fn fixtures() -> Vec<(&'static str, Vec<u8>)> {
    [
        "acled_current.csv",
        "acled_export_tool_2019.csv",
        "acled_monadic.csv",
        "acled_legacy_africa_cp1252.csv",
        "ucdp_ged.csv",
        "acled_sahel_names.csv",
        "acled_extra_columns.csv",
        "invalid/mixed_bad_rows.csv",
    ]
    .into_iter()
    .map(|name| (name, fixture(name)))
    .collect()
}

fn options(hold_text: bool, keep_event_keys: bool) -> ImportOptions {
    ImportOptions {
        hold_text,
        keep_event_keys,
        ..ImportOptions::default()
    }
}

fn import(bytes: &[u8], options: ImportOptions) -> Dataset {
    import_chunked(bytes, 1 << 16, options).expect("fixture imports")
}

fn round_trip(d: Dataset) -> Dataset {
    match put_together(take_apart(d)) {
        Ok(d) => d,
        Err(e) => panic!("put together: {e}"),
    }
}

/// Asserts two debug forms are equal, showing where they first differ
/// (a store's is long).
fn assert_same_debug(a: &str, b: &str, what: &str) {
    if a == b {
        return;
    }
    let at = a
        .bytes()
        .zip(b.bytes())
        .position(|(x, y)| x != y)
        .unwrap_or(a.len().min(b.len()));
    let start = at.saturating_sub(200);
    let end = |s: &str| (at + 200).min(s.len());
    panic!(
        "{what}: differs at byte {at}:\n  before: ...{}\n  after:  ...{}",
        String::from_utf8_lossy(&a.as_bytes()[start..end(a)]),
        String::from_utf8_lossy(&b.as_bytes()[start..end(b)]),
    );
}

/// The filters a page applies, built from the store's own values.
fn filters_for(store: &Store) -> Vec<Filters> {
    let mut out = vec![Filters::default()];
    if let (Some(&min), Some(&max)) = (store.date.iter().min(), store.date.iter().max()) {
        out.push(Filters {
            from: Some(min + (max - min) / 3),
            to: Some(max - (max - min) / 3),
            ..Filters::default()
        });
    }
    out.push(Filters {
        months: Some((11, 2)),
        ..Filters::default()
    });
    for c in [Category::Country, Category::Admin1, Category::EventType] {
        if let Some(name) = store.names[c].names().first() {
            out.push(Filters {
                categories: CategoryMap::default().with(c, vec![name.clone()]),
                ..Filters::default()
            });
        }
    }
    if let Some(actor) = store.canonical.names.first() {
        out.push(Filters {
            actor: Some(actor.clone()),
            uncertain: true,
            ..Filters::default()
        });
    }
    if let Some(location) = store.locations.names().iter().find(|n| !n.is_empty()) {
        out.push(Filters {
            text: Some(location.clone()),
            ..Filters::default()
        });
    }
    out.push(Filters {
        fatalities_min: Some(1),
        civilian_targeting: Some(true),
        ..Filters::default()
    });
    out
}

/// `after` is `before` in every field and in everything read from it.
/// `file` is the file's bytes, for records read back from it.
fn assert_same(before: &Dataset, after: &Dataset, file: &[u8], what: &str) {
    let (a, b) = (&before.store, &after.store);
    // Cheap, readable checks first; then every field, private ones too.
    assert_eq!(a.len(), b.len(), "{what}: events");
    assert_eq!(a.date, b.date, "{what}: dates");
    assert_eq!(a.place, b.place, "{what}: places");
    assert_eq!(a.side1, b.side1, "{what}: sides");
    assert_eq!(a.event_key, b.event_key, "{what}: event keys");
    assert_eq!(a.actors.names(), b.actors.names(), "{what}: actors");
    assert_eq!(a.canonical.names, b.canonical.names, "{what}: canonical");
    assert_eq!(a.columns, b.columns, "{what}: columns");
    assert_same_debug(&format!("{a:?}"), &format!("{b:?}"), what);
    assert_eq!(before.report, after.report, "{what}: report");
    assert_same_debug(
        &format!("{:?}", a.memory_use()),
        &format!("{:?}", b.memory_use()),
        what,
    );

    // Lookups that go through the indices rebuilt on arrival.
    for c in Category::ALL {
        for name in a.names[c].names() {
            assert_eq!(
                a.names[c].code(name),
                b.names[c].code(name),
                "{what}: {name}"
            );
        }
    }
    for name in a.actors.names().iter().chain(a.locations.names()) {
        assert_eq!(a.actors.code(name), b.actors.code(name), "{what}: {name}");
        assert_eq!(a.locations.code(name), b.locations.code(name));
    }
    for name in &a.canonical.names {
        assert_eq!(a.canonical.code(name), b.canonical.code(name), "{what}");
    }

    // What the page and the command line read per event.
    for row in 0..a.len() {
        assert_eq!(a.record_range(row), b.record_range(row), "{what}: span");
        for c in Category::ALL {
            assert_eq!(a.name_of(c, row), b.name_of(c, row), "{what}: row {row}");
        }
        assert_eq!(a.place_label(a.place[row]), b.place_label(b.place[row]));
        assert_eq!(a.side_label(a.side1[row]), b.side_label(b.side1[row]));
        assert_eq!(a.civilian_fatalities(row), b.civilian_fatalities(row));
        let read_back = |s: &Store| match &s.source {
            SourceText::InMemory(_) => s.record_in_memory(row),
            SourceText::External { .. } => {
                let (start, end) = s.record_range(row);
                file.get(start as usize..end as usize)
                    .map(|bytes| s.parse_source_record(bytes))
            }
        };
        let fields = read_back(a);
        assert!(fields.is_some(), "{what}: row {row} reads back");
        assert_eq!(fields, read_back(b), "{what}: record of row {row}");
    }
    assert_eq!(a.uncertain_events(), b.uncertain_events());

    // The same views for the same filters.
    let spec = ViewSpec {
        bin: Bin::Month,
        top_actors: 10,
    };
    let (mut qa, mut qb) = (QueryState::new(a), QueryState::new(b));
    for filters in filters_for(a) {
        qa.apply(a, &filters);
        qb.apply(b, &filters);
        assert_eq!(qa.rows(), qb.rows(), "{what}: rows for {filters:?}");
        assert_eq!(
            qa.views(a, &spec),
            qb.views(b, &spec),
            "{what}: {filters:?}"
        );
    }
}

#[test]
fn every_layout_fixture_round_trips_held_or_not_with_or_without_keys() {
    for (name, bytes) in fixtures() {
        for hold in [true, false] {
            for keys in [false, true] {
                let what = format!("{name} hold_text={hold} keep_event_keys={keys}");
                let before = import(&bytes, options(hold, keys));
                let after = round_trip(import(&bytes, options(hold, keys)));
                assert_same(&before, &after, &bytes, &what);
            }
        }
    }
}

#[test]
fn the_fixtures_keep_what_the_import_tests_count() {
    // Six events in the current-layout fixture, ids FIX1..FIX6, the
    // monadic one's rows merged (see tests/import_formats.rs).
    let d = round_trip(import(&fixture("acled_current.csv"), options(true, true)));
    assert_eq!(d.store.len(), 6);
    assert_eq!(d.store.event_key.len(), 6);
    assert_eq!(
        d.store.event_key[0],
        eventlens::engine::data::store::event_key(b"FIX1")
    );
    let fields = d.store.record_in_memory(0).expect("held");
    assert_eq!(fields[0], "FIX1");
    let d = round_trip(import(&fixture("ucdp_ged.csv"), options(false, false)));
    assert!(d.store.is_ucdp());
    assert_eq!(d.store.date_end.len(), d.store.len());
    assert!(matches!(d.store.source, SourceText::External { .. }));
}

#[test]
fn a_mapped_layout_round_trips() {
    let bytes = fixture("invalid/unknown_layout.csv");
    let headers: Vec<String> = ["When", "Lat", "Lng", "Killed", "Place", "Perpetrator"]
        .map(String::from)
        .to_vec();
    let mapped = |hold_text| ImportOptions {
        mapping: Some(ColumnMapping::suggest(&headers)),
        hold_text,
        ..ImportOptions::default()
    };
    for hold in [true, false] {
        let before = import(&bytes, mapped(hold));
        let after = round_trip(import(&bytes, mapped(hold)));
        assert_same(&before, &after, &bytes, "mapped");
    }
}

#[test]
fn converted_files_round_trip_with_their_warnings() {
    for name in ["acled_api.json", "acled_current.xlsx"] {
        let bytes = fixture(name);
        let open = || {
            import_any(&bytes, name, None, ImportOptions::default())
                .expect("fixture opens")
                .dataset
        };
        let (before, after) = (open(), round_trip(open()));
        // Converted text is held: records read from it, not the file.
        assert_same(&before, &after, &[], name);
    }
}

#[test]
fn user_aliases_round_trip_and_refold_the_same() {
    let bytes = fixture("acled_sahel_names.csv");
    let aliases = vec![UserAlias::new("Dozo Communal Militia (Mali)", "Dozo").expect("alias")];
    let with_aliases = || {
        let mut d = import(&bytes, options(true, false));
        d.store.set_user_aliases(&aliases);
        d
    };
    let (mut before, mut after) = (with_aliases(), round_trip(with_aliases()));
    assert_same(&before, &after, &bytes, "user aliases");
    // Folding again starts from the table carried across.
    before.store.set_user_aliases(&[]);
    after.store.set_user_aliases(&[]);
    assert_same(&before, &after, &bytes, "user aliases removed");
}

#[test]
fn a_synthetic_file_round_trips() {
    let bytes = synthetic::acled_csv(3_000, 7);
    for (hold, keys) in [(false, false), (true, true)] {
        let before = import(&bytes, options(hold, keys));
        let after = round_trip(import(&bytes, options(hold, keys)));
        assert_same(&before, &after, &bytes, &format!("synthetic hold={hold}"));
    }
}

fn parts() -> Parts {
    take_apart(import(&fixture("acled_current.csv"), options(true, true)))
}

fn refused(parts: Parts) -> String {
    match put_together(parts) {
        Ok(_) => panic!("damaged parts were accepted"),
        Err(e) => e.to_string(),
    }
}

// Array positions, as `read::wire` lists them.
const DATE: usize = 0;
const EVENT_TYPE: usize = 1;
const PLACE: usize = 5;
const SIDE1: usize = 7;
const DATE_END: usize = 9;
const PLACE_COUNTRY: usize = 17;
const FIRST_DICTIONARY_TEXT: usize = 28;

#[test]
fn damaged_parts_are_refused_with_a_sentence() {
    let mut p = parts();
    p.arrays.pop();
    assert!(refused(p).contains("arrays where"));

    let mut p = parts();
    p.arrays.push(Array::U8(Vec::new()));
    assert!(refused(p).contains("arrays where"));

    let mut p = parts();
    p.arrays[DATE] = Array::U32(vec![0; 6]);
    assert!(refused(p).contains("array 0 (date) holds u32 values"));

    let mut p = parts();
    if let Array::U16(v) = &mut p.arrays[EVENT_TYPE] {
        v.pop();
    }
    assert!(refused(p).contains("event type column has 5 values where 6"));

    // UCDP's columns are all there or none.
    let mut p = parts();
    p.arrays[DATE_END] = Array::I32(vec![0; 3]);
    assert!(refused(p).contains("date end"));

    let places = {
        let d = import(&fixture("acled_current.csv"), options(true, true));
        (d.store.places.len() as u32, d.store.sides.len() as u32)
    };
    let mut p = parts();
    if let Array::U32(v) = &mut p.arrays[PLACE] {
        v[2] = places.0;
    }
    assert!(refused(p).contains("place code"));

    let mut p = parts();
    if let Array::U32(v) = &mut p.arrays[SIDE1] {
        v[0] = places.1;
    }
    assert!(refused(p).contains("side code"));

    // A type code past the dictionary, but not u16::MAX ("no value").
    let mut p = parts();
    if let Array::U16(v) = &mut p.arrays[EVENT_TYPE] {
        v[0] = 60_000;
    }
    assert!(refused(p).contains("event type code"));

    let mut p = parts();
    if let Array::U32(v) = &mut p.arrays[PLACE_COUNTRY] {
        v[0] = 1_000;
    }
    assert!(refused(p).contains("country code"));

    // Offsets past the end of the text, and text that is not UTF-8.
    let mut p = parts();
    if let Array::U32(v) = &mut p.arrays[FIRST_DICTIONARY_TEXT + 1] {
        if let Some(last) = v.last_mut() {
            *last += 1;
        }
    }
    assert!(refused(p).contains("offsets"));
    let mut p = parts();
    if let Array::U8(v) = &mut p.arrays[FIRST_DICTIONARY_TEXT] {
        v[0] = 0xFF;
    }
    assert!(refused(p).contains("not UTF-8"));

    let mut p = parts();
    p.meta = "{".into();
    assert!(refused(p).contains("description does not read"));
    let mut p = parts();
    p.meta = p.meta.replacen("\"version\":1", "\"version\":99", 1);
    assert!(refused(p).contains("another version"));
    let mut p = parts();
    p.meta = p.meta.replacen("\"date\"", "\"planet\"", 1);
    assert!(refused(p).contains("planet"));
}

#[test]
fn any_one_array_cut_short_is_refused_and_large_codes_are_refused_or_safe() {
    let count = parts().arrays.len();
    for i in 0..count {
        let mut p = parts();
        let long = p.arrays[i].len() >= 2;
        match &mut p.arrays[i] {
            Array::U8(v) => v.truncate(v.len() / 2),
            Array::U16(v) => v.truncate(v.len() / 2),
            Array::U32(v) => v.truncate(v.len() / 2),
            Array::I32(v) => v.truncate(v.len() / 2),
            Array::U64(v) => v.truncate(v.len() / 2),
            Array::F32(v) => v.truncate(v.len() / 2),
        }
        let result = put_together(p);
        assert!(!long || result.is_err(), "array {i} cut short was accepted");
        let mut p = parts();
        match &mut p.arrays[i] {
            Array::U16(v) => v.iter_mut().for_each(|x| *x = u16::MAX - 1),
            Array::U32(v) => v.iter_mut().for_each(|x| *x = u32::MAX - 1),
            Array::U64(v) => v.iter_mut().for_each(|x| *x = u64::MAX - 1),
            _ => {}
        }
        // Whatever is accepted can be queried.
        if let Ok(d) = put_together(p) {
            let mut q = QueryState::new(&d.store);
            q.apply(&d.store, &Filters::default());
            let spec = ViewSpec {
                bin: Bin::Month,
                top_actors: 10,
            };
            let _ = q.views(&d.store, &spec);
            for row in 0..d.store.len() {
                let _ = d.store.record_in_memory(row);
                let _ = d.store.place_label(d.store.place[row]);
            }
        }
    }
}
