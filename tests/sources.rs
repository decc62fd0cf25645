//! Two sources side by side (`tests/fixtures/sources/`, SYNTHETIC rows
//! written by hand, one ACLED-shaped and one UCDP GED-shaped file for
//! Mali): the paired sums per month, year and admin 1 equal the sums
//! counted by hand from the two files, with the same filters translated
//! into each, and a filter one source cannot express is named.
//!
//! ACLED file: SRC1 2021-12-05 Mopti 4 (JNIM v. Mali), SRC2 2021-12-20
//! Mopti 10 (Mali v. civilians), SRC3 2022-01-10 Menaka 7 (IS Sahel v.
//! JNIM), SRC4 2022-03-02 Segou 3 (JNIM v. Mali), SRC5 2022-03-15 Mopti 0
//! (JNIM v. Mali), SRC6 2022-03-28 Bamako 0 (protest).
//! UCDP file: 8001 2021-12-05 Mopti region 6, 8002 2022-01-11 Menaka
//! region 9, 8003 2022-02-14 Mopti region 12, 8004 2022-03-02 Segou region
//! 2, 8005 2023-01-05 Timbuktu region 5; JNIM is a side of every one.

mod common;

use common::fixture;
use eventlens::engine::data::dimension::Category;
use eventlens::engine::data::store::Store;
use eventlens::engine::import_bytes;
use eventlens::engine::query::group::ComparisonRow;
use eventlens::engine::query::sources::{filters_for, paired_sums, SourceGrouping};
use eventlens::engine::query::{Filters, QueryState};
use eventlens::engine::read::import::ImportOptions;

fn open(name: &str) -> Store {
    import_bytes(&fixture(name), ImportOptions::default())
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .store
}

fn both() -> [Store; 2] {
    [
        open("sources/acled_mali.csv"),
        open("sources/ucdp_mali.csv"),
    ]
}

/// The paired sums for `filters`, as (key, [events, fatalities] of each
/// source), the total, and the sentences of what was left out.
#[allow(clippy::type_complexity)]
fn sums(
    stores: &[Store; 2],
    filters: &Filters,
    by: SourceGrouping,
) -> (Vec<(String, [u64; 4])>, [u64; 4], Vec<String>) {
    let names = ["ACLED", "UCDP GED"];
    let translated = [0, 1].map(|i| filters_for(&stores[i], filters, names[i]));
    let mut states = [QueryState::new(&stores[0]), QueryState::new(&stores[1])];
    for i in 0..2 {
        states[i].apply(&stores[i], &translated[i].filters);
    }
    let (rows, total) = paired_sums([&stores[0], &stores[1]], |s, r| states[s].passes(r), by);
    let flat = |r: &ComparisonRow| [r.a.events, r.a.fatalities, r.b.events, r.b.fatalities];
    let left_out = translated.into_iter().flat_map(|t| t.left_out).collect();
    (
        rows.iter().map(|r| (r.key.clone(), flat(r))).collect(),
        flat(&total),
        left_out,
    )
}

fn rows(expected: &[(&str, [u64; 4])]) -> Vec<(String, [u64; 4])> {
    expected.iter().map(|(k, v)| (k.to_string(), *v)).collect()
}

#[test]
fn per_month_every_month_between_the_first_and_last_is_listed() {
    let stores = both();
    let (by_month, total, left_out) = sums(&stores, &Filters::default(), SourceGrouping::Month);
    let mut expected = rows(&[
        ("2021-12", [2, 14, 1, 6]),
        ("2022-01", [1, 7, 1, 9]),
        ("2022-02", [0, 0, 1, 12]),
        ("2022-03", [3, 3, 1, 2]),
    ]);
    for m in 4..=12 {
        expected.push((format!("2022-{m:02}"), [0, 0, 0, 0]));
    }
    expected.push(("2023-01".into(), [0, 0, 1, 5]));
    assert_eq!(by_month, expected);
    assert_eq!(total, [6, 24, 5, 34]);
    assert!(left_out.is_empty());
}

#[test]
fn per_year() {
    let stores = both();
    let (by_year, _, _) = sums(&stores, &Filters::default(), SourceGrouping::Year);
    assert_eq!(
        by_year,
        rows(&[
            ("2021", [2, 14, 1, 6]),
            ("2022", [4, 10, 3, 23]),
            ("2023", [0, 0, 1, 5]),
        ])
    );
}

#[test]
fn per_admin1_areas_pair_by_name_whatever_the_kind_of_area_added() {
    let stores = both();
    let (by_area, _, _) = sums(&stores, &Filters::default(), SourceGrouping::Admin1);
    // Most events in both first, then by name.
    assert_eq!(
        by_area,
        rows(&[
            ("Mopti", [3, 14, 2, 18]),
            ("Menaka", [1, 7, 1, 9]),
            ("Segou", [1, 3, 1, 2]),
            ("Bamako", [1, 0, 0, 0]),
            ("Timbuktu region", [0, 0, 1, 5]),
        ])
    );
}

#[test]
fn an_actor_filter_goes_through_each_files_canonical_actors() {
    let stores = both();
    let jnim = Filters {
        actor: Some("JNIM".into()),
        ..Filters::default()
    };
    // ACLED: SRC1, SRC3, SRC4, SRC5 (4 + 7 + 3 + 0); UCDP: all five.
    let (by_year, total, left_out) = sums(&stores, &jnim, SourceGrouping::Year);
    assert_eq!(total, [4, 14, 5, 34]);
    assert_eq!(
        by_year,
        rows(&[
            ("2021", [1, 4, 1, 6]),
            ("2022", [3, 10, 3, 23]),
            ("2023", [0, 0, 1, 5]),
        ])
    );
    assert!(left_out.is_empty());
}

#[test]
fn a_filter_one_source_cannot_express_is_named_and_left_out_of_its_figures() {
    let stores = both();
    let mut battles = Filters::default();
    battles.categories[Category::EventType] = vec!["Battles".into()];
    // ACLED: SRC1, SRC3, SRC5; UCDP has no event type "Battles": all five.
    let (_, total, left_out) = sums(&stores, &battles, SourceGrouping::Year);
    assert_eq!(total, [3, 11, 5, 34]);
    assert_eq!(left_out.len(), 1);
    assert!(left_out[0].starts_with("UCDP GED has no event type called Battles"));

    let civilians = Filters {
        civilian_targeting: Some(true),
        ..Filters::default()
    };
    // ACLED: SRC2 only; UCDP does not mark it: all five.
    let (_, total, left_out) = sums(&stores, &civilians, SourceGrouping::Year);
    assert_eq!(total, [1, 10, 5, 34]);
    assert_eq!(
        left_out,
        ["UCDP GED does not mark civilian targeting: its figures are not filtered by it."]
    );

    let mut commune = Filters::default();
    commune.categories[Category::Admin3] = vec!["Somewhere".into()];
    let (_, _, left_out) = sums(&stores, &commune, SourceGrouping::Year);
    // Neither file has an admin 3 value; UCDP has no such column at all.
    assert_eq!(left_out.len(), 2);
    assert!(left_out[1].starts_with("UCDP GED has no commune (admin 3) column"));
}

#[test]
fn an_area_filter_finds_the_area_under_the_other_sources_name() {
    let stores = both();
    // ACLED's Mopti is UCDP's Mopti region: SRC1, SRC2, SRC5 (4 + 10 + 0)
    // and 8001, 8003 (6 + 12); nothing left out.
    let mut mopti = Filters::default();
    mopti.categories[Category::Admin1] = vec!["Mopti".into()];
    let (_, total, left_out) = sums(&stores, &mopti, SourceGrouping::Year);
    assert_eq!(total, [3, 14, 2, 18]);
    assert!(left_out.is_empty(), "{left_out:?}");
}
