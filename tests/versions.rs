//! Two versions of one export (`tests/fixtures/versions/`, synthetic rows
//! written by hand): the events added, deleted and revised, counted by hand
//! from the two files, with and without filters, for a dyadic and a
//! monadic pair; the CSV of changes; files that cannot be compared.
//!
//! What the later dyadic file changes (see the files): SYN3 deleted; SYN2
//! fatalities 12 -> 15; SYN4 recoded from Battles/Armed clash against JNIM
//! to Violence against civilians/Attack against civilians; SYN6's actor
//! named (Unidentified Armed Group -> JNIM); SYN8 moved from Gao, Mali to
//! Tillaberi, Niger; SYN9 and SYN10 added; SYN7's notes edited (not a
//! compared field); SYN1 and SYN5 untouched.

mod common;

use common::fixture;
use eventlens::engine::data::dimension::Category;
use eventlens::engine::data::store::Store;
use eventlens::engine::import_bytes;
use eventlens::engine::output::versions::version_changes_csv;
use eventlens::engine::present::versions::{versions_summary, VersionTotals};
use eventlens::engine::query::versions::{
    diff_versions, event_id_text, Field, VersionDiff, VersionMatcher, VersionsError,
};
use eventlens::engine::query::{Filters, QueryState};
use eventlens::engine::read::import::ImportOptions;

fn open(name: &str) -> Store {
    let options = ImportOptions {
        keep_event_keys: true,
        hold_text: true,
        ..ImportOptions::default()
    };
    import_bytes(&fixture(name), options)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .store
}

fn diff_with(
    earlier: &Store,
    later: &Store,
    filters: &Filters,
) -> (VersionDiff, [VersionTotals; 2]) {
    let mut states = [QueryState::new(earlier), QueryState::new(later)];
    states[0].apply(earlier, filters);
    states[1].apply(later, filters);
    let diff = diff_versions(earlier, later, |v, r| states[v].passes(r)).unwrap();
    let totals = [
        VersionTotals::of(earlier, |r| states[0].passes(r)),
        VersionTotals::of(later, |r| states[1].passes(r)),
    ];
    (diff, totals)
}

fn ids(store: &Store, rows: &[u32]) -> Vec<String> {
    rows.iter()
        .map(|&r| event_id_text(store, r as usize).unwrap())
        .collect()
}

/// Revised events as (id, fields), in the later file's order.
fn revisions(later: &Store, diff: &VersionDiff) -> Vec<(String, Vec<Field>)> {
    diff.revised
        .iter()
        .map(|r| {
            (
                event_id_text(later, r.later_row as usize).unwrap(),
                r.fields.list(),
            )
        })
        .collect()
}

#[test]
fn a_dyadic_pair_diffs_as_counted_by_hand() {
    let (earlier, later) = (open("versions/earlier.csv"), open("versions/later.csv"));
    let (diff, totals) = diff_with(&earlier, &later, &Filters::default());
    assert_eq!(ids(&later, &diff.added), ["SYN9", "SYN10"]);
    assert_eq!(ids(&earlier, &diff.deleted), ["SYN3"]);
    assert_eq!(
        revisions(&later, &diff),
        [
            ("SYN2".to_string(), vec![Field::Fatalities]),
            (
                "SYN4".to_string(),
                vec![Field::EventType, Field::SubEventType, Field::Actors]
            ),
            ("SYN6".to_string(), vec![Field::Actors]),
            ("SYN8".to_string(), vec![Field::Location]),
        ]
    );
    assert_eq!(diff.unchanged, 3, "SYN1, SYN5 and SYN7 (notes only)");
    assert_eq!(diff.without_id, [0, 0]);
    // 5+12+3+20+0+4+7+9 and 5+15+20+0+4+7+9+11+6.
    assert_eq!((totals[0].events, totals[0].fatalities), (8, 60));
    assert_eq!((totals[1].events, totals[1].fatalities), (9, 77));
    assert_eq!(
        versions_summary("in this view", totals[0], totals[1], &diff),
        "Events in this view: 8 in the earlier file, 9 in the later one; fatalities: 60 and 77. 2 events added, 1 deleted, 4 revised."
    );
}

#[test]
fn the_same_filters_apply_to_both_versions() {
    let (earlier, later) = (open("versions/earlier.csv"), open("versions/later.csv"));
    // Mopti: SYN1, SYN2, SYN6 earlier (5+12+4); SYN1, SYN2, SYN6, SYN9,
    // SYN10 later (5+15+4+11+6).
    let mut mopti = Filters::default();
    mopti.categories[Category::Admin1] = vec!["Mopti".into()];
    let (diff, totals) = diff_with(&earlier, &later, &mopti);
    assert_eq!(ids(&later, &diff.added), ["SYN9", "SYN10"]);
    assert!(diff.deleted.is_empty());
    let revised: Vec<String> = revisions(&later, &diff).into_iter().map(|r| r.0).collect();
    assert_eq!(revised, ["SYN2", "SYN6"]);
    assert_eq!(diff.unchanged, 1);
    assert_eq!((totals[0].events, totals[0].fatalities), (3, 21));
    assert_eq!((totals[1].events, totals[1].fatalities), (5, 41));

    // Mali: SYN8 moved to Niger, so it leaves the view: revised, counted
    // in the earlier total only.
    let mut mali = Filters::default();
    mali.categories[Category::Country] = vec!["Mali".into()];
    let (diff, totals) = diff_with(&earlier, &later, &mali);
    let left: Vec<String> = diff
        .revised
        .iter()
        .filter(|r| r.in_earlier_view && !r.in_later_view)
        .map(|r| event_id_text(&later, r.later_row as usize).unwrap())
        .collect();
    assert_eq!(left, ["SYN8"]);
    assert_eq!((totals[0].events, totals[0].fatalities), (8, 60));
    assert_eq!((totals[1].events, totals[1].fatalities), (8, 68));
    assert!(versions_summary("in Mali", totals[0], totals[1], &diff)
        .ends_with("2 events added, 1 deleted, 4 revised (1 now out of it)."));

    // Violence against civilians: SYN4 was recoded into the view.
    let mut vac = Filters::default();
    vac.categories[Category::EventType] = vec!["Violence against civilians".into()];
    let (diff, _) = diff_with(&earlier, &later, &vac);
    let entered: Vec<String> = diff
        .revised
        .iter()
        .filter(|r| !r.in_earlier_view && r.in_later_view)
        .map(|r| event_id_text(&later, r.later_row as usize).unwrap())
        .collect();
    assert_eq!(entered, ["SYN4"]);
}

#[test]
fn a_monadic_pair_is_matched_by_event_not_by_row() {
    let earlier = open("versions/earlier_monadic.csv");
    let later = open("versions/later_monadic.csv");
    assert_eq!((earlier.len(), later.len()), (3, 3), "two rows per event");
    let (diff, totals) = diff_with(&earlier, &later, &Filters::default());
    assert_eq!(ids(&later, &diff.added), ["SYM4"]);
    assert_eq!(ids(&earlier, &diff.deleted), ["SYM3"]);
    assert_eq!(
        revisions(&later, &diff),
        [("SYM1".to_string(), vec![Field::Actors])]
    );
    assert_eq!(diff.unchanged, 1);
    assert_eq!((totals[0].fatalities, totals[1].fatalities), (18, 17));
}

#[test]
fn the_changes_export_lists_old_and_new_values() {
    let (earlier, later) = (open("versions/earlier.csv"), open("versions/later.csv"));
    let (diff, _) = diff_with(&earlier, &later, &Filters::default());
    let csv = version_changes_csv(&earlier, &later, &diff);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 1 + 4 + 2, "deleted, revised, added");
    let by_id = |id: &str| rows.iter().find(|r| &r[col("event_id")] == id).unwrap();
    let syn2 = by_id("SYN2");
    assert_eq!(&syn2[col("change")], "revised");
    assert_eq!(&syn2[col("fields_changed")], "fatalities");
    assert_eq!(
        (
            &syn2[col("earlier_fatalities")],
            &syn2[col("later_fatalities")]
        ),
        ("12", "15")
    );
    let syn8 = by_id("SYN8");
    assert!(syn8[col("earlier_location")].contains("Gao, Mali"));
    assert!(syn8[col("later_location")].contains("Tillaberi, Niger"));
    let syn3 = by_id("SYN3");
    assert_eq!(&syn3[col("change")], "deleted");
    assert_eq!(&syn3[col("later_date")], "");
    assert_eq!(&by_id("SYN10")[col("later_date")], "2022-06-20");
}

#[test]
fn files_that_are_not_versions_of_each_other_are_refused_with_a_reason() {
    let acled = open("versions/earlier.csv");
    let ucdp = open("ucdp_ged.csv");
    let err = diff_versions(&acled, &ucdp, |_, _| true).unwrap_err();
    assert_eq!(err, VersionsError::DifferentSources);
    assert!(err.to_string().contains("side by side"));
    // Imported without keeping the ids.
    let keyless = import_bytes(&fixture("versions/later.csv"), ImportOptions::default())
        .unwrap()
        .store;
    let err = diff_versions(&acled, &keyless, |_, _| true).unwrap_err();
    assert_eq!(err, VersionsError::NoIds { later: true });
    assert!(err
        .to_string()
        .starts_with("The later file has no event id column"));
}

#[test]
fn keeping_event_keys_changes_nothing_else() {
    let bytes = fixture("versions/later.csv");
    let plain = import_bytes(&bytes, ImportOptions::default())
        .unwrap()
        .store;
    let keyed = open("versions/later.csv");
    assert!(plain.event_key.is_empty());
    assert_eq!(keyed.event_key.len(), keyed.len());
    assert_eq!(plain.date, keyed.date);
    assert_eq!(plain.fatalities, keyed.fatalities);
    assert_eq!(plain.side1, keyed.side1);
}

#[test]
fn fields_compared_by_code_agree_with_a_name_by_name_comparison() {
    use eventlens::engine::query::versions::changed_fields;
    use eventlens::engine::synthetic;
    // SYNTHETIC files with the same ids and other contents (another seed):
    // most events differ in several fields, some in none. Enough events
    // for a file to hold two sides with the same actors.
    const EVENTS: usize = 40_000;
    let options = || ImportOptions {
        keep_event_keys: true,
        hold_text: true,
        ..ImportOptions::default()
    };
    let earlier = import_bytes(&synthetic::acled_csv(EVENTS, 1), options())
        .unwrap()
        .store;
    let later = import_bytes(&synthetic::acled_csv(EVENTS, 2), options())
        .unwrap()
        .store;
    let mut lists = std::collections::HashSet::new();
    let repeated = (0..later.sides.len() as u32)
        .filter(|&s| !lists.insert(later.sides.members(s).collect::<Vec<_>>()))
        .count();
    assert!(
        repeated > 0,
        "the file should hold sides with the same actors"
    );
    let diff = diff_versions(&earlier, &later, |_, _| true).unwrap();
    assert!(diff.added.is_empty() && diff.deleted.is_empty());
    let mut compared = 0;
    for r in &diff.revised {
        let reference = changed_fields(
            &earlier,
            r.earlier_row as usize,
            &later,
            r.later_row as usize,
        );
        assert_eq!(
            r.fields, reference,
            "rows {} / {}",
            r.earlier_row, r.later_row
        );
        compared += 1;
    }
    assert_eq!(compared as u64 + diff.unchanged, EVENTS as u64);
    // And each file against itself: nothing changed.
    let same = diff_versions(&earlier, &earlier, |_, _| true).unwrap();
    assert_eq!((same.revised.len(), same.unchanged), (0, EVENTS as u64));
}

/// The page matches the versions a slice at a time, once, then filters the
/// matches per view: every view must read as the hand counts above.
#[test]
fn matching_in_slices_then_filtering_gives_the_hand_counts() {
    let (earlier, later) = (open("versions/earlier.csv"), open("versions/later.csv"));
    let mut matcher = VersionMatcher::new(&earlier, &later).unwrap();
    let mut steps = 0;
    let mut last_fraction = 0.0;
    while !matcher.step(&earlier, &later, 1) {
        steps += 1;
        let fraction = matcher.fraction(&earlier, &later);
        assert!(fraction >= last_fraction && fraction <= 1.0);
        last_fraction = fraction;
    }
    // A row per step: 8 earlier, the translation of names, each place and
    // side of each file, 9 later, 8 earlier again (the last step
    // finishes).
    let places = earlier.places.len() + later.places.len();
    let sides = earlier.sides.len() + later.sides.len();
    assert_eq!(steps + 1, 8 + 1 + places + sides + 9 + 8);
    let pairs = matcher.finish();
    // Matched: SYN1, 2, 4, 5, 6, 7, 8.
    assert_eq!(pairs.matched(), 7);

    let all = pairs.view(|_, _| true);
    assert_eq!(ids(&later, &all.added), ["SYN9", "SYN10"]);
    assert_eq!(ids(&earlier, &all.deleted), ["SYN3"]);
    let revised: Vec<String> = revisions(&later, &all).into_iter().map(|r| r.0).collect();
    assert_eq!(revised, ["SYN2", "SYN4", "SYN6", "SYN8"]);
    // SYN1, SYN5 and SYN7 (notes only).
    assert_eq!(all.unchanged, 3);

    let mut mopti = Filters::default();
    mopti.categories[Category::Admin1] = vec!["Mopti".into()];
    let mut states = [QueryState::new(&earlier), QueryState::new(&later)];
    states[0].apply(&earlier, &mopti);
    states[1].apply(&later, &mopti);
    let view = pairs.view(|v, r| states[v].passes(r));
    assert_eq!(ids(&later, &view.added), ["SYN9", "SYN10"]);
    assert!(view.deleted.is_empty());
    let revised: Vec<String> = revisions(&later, &view).into_iter().map(|r| r.0).collect();
    assert_eq!(revised, ["SYN2", "SYN6"]);
    assert_eq!(view.unchanged, 1);
}

/// The page lists the first events of each kind with what changed.
#[test]
fn the_listed_changes_give_old_and_new_values() {
    use eventlens::engine::present::versions::change_lines;
    let (earlier, later) = (open("versions/earlier.csv"), open("versions/later.csv"));
    let (diff, _) = diff_with(&earlier, &later, &Filters::default());
    let [added, deleted, revised] = change_lines(&earlier, &later, &diff, 1);
    assert_eq!(added.len(), 1);
    assert_eq!(added[0].id, "SYN9");
    assert_eq!(added[0].date, "2022-09-28");
    assert_eq!(deleted[0].id, "SYN3");
    assert_eq!(deleted[0].date, "2022-07-01");
    assert_eq!(revised.len(), 1);
    assert_eq!(revised[0].id, "SYN2");
    assert_eq!(
        revised[0].changes,
        [(Field::Fatalities, "12".to_string(), "15".to_string())]
    );
    assert_eq!(revised[0].moved, None);
}
