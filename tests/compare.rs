//! Period comparison by every breakdown and by month, on a small synthetic
//! fixture written out below, against sums worked out from the fixture's
//! rows by a plain loop (periods compared as ISO date strings, canonical
//! actors from a hand-written table), not by the engine's aggregation.

mod common;

use common::import;
use eventlens::engine::data::date::{from_ymd, Bin};
use eventlens::engine::data::dimension::{Category, GroupBy};
use eventlens::engine::query::group::{compare, Comparison, Period};
use eventlens::engine::query::{Filters, QueryState};
use std::collections::{BTreeMap, BTreeSet};

/// One synthetic event (invented actors and places, except the state-force
/// names the built-in actor table knows).
struct Event {
    date: &'static str,
    disorder: &'static str,
    event_type: &'static str,
    sub_type: &'static str,
    actor1: &'static str,
    assoc1: &'static str,
    actor2: &'static str,
    country: &'static str,
    admin1: &'static str,
    admin2: &'static str,
    fatalities: u32,
}

const fn ev(
    date: &'static str,
    [disorder, event_type, sub_type]: [&'static str; 3],
    [actor1, assoc1, actor2]: [&'static str; 3],
    [country, admin1, admin2]: [&'static str; 3],
    fatalities: u32,
) -> Event {
    Event {
        date,
        disorder,
        event_type,
        sub_type,
        actor1,
        assoc1,
        actor2,
        country,
        admin1,
        admin2,
        fatalities,
    }
}

const PV: &str = "Political violence";
const MAF21: &str = "Military Forces of Mali (2021-)";
const MAF13: &str = "Military Forces of Mali (2013-2020)";

/// June-September 2021 (A) has no June event; June-September 2022 (B)
/// has. Some events fall outside both, one on each period's edge, one has
/// the same canonical actor on both sides, and several lack a value.
const EVENTS: &[Event] = &[
    // A.
    ev(
        "2021-07-03",
        [PV, "Battles", "Armed clash"],
        [MAF21, "Wagner Group", "Synthetic Militia A"],
        ["Mali", "Mopti", "Djenne"],
        5,
    ),
    ev(
        "2021-07-20",
        [PV, "Violence against civilians", "Attack"],
        ["Synthetic Militia A", "", "Civilians (Mali)"],
        ["Mali", "Mopti", "Bandiagara"],
        3,
    ),
    ev(
        "2021-08-15",
        [PV, "Battles", ""],
        [MAF21, "", MAF13],
        ["Mali", "Segou", ""],
        2,
    ),
    ev(
        "2021-09-30",
        ["Demonstrations", "Protests", "Peaceful protest"],
        ["Protesters (Mali)", "", ""],
        ["Mali", "Bamako", ""],
        0,
    ),
    ev(
        "2021-09-02",
        ["", "", ""],
        ["Synthetic Militia B", "", ""],
        ["", "", ""],
        1,
    ),
    // Filtered out (over 10 fatalities), in A.
    ev(
        "2021-08-01",
        [PV, "Battles", "Armed clash"],
        ["Synthetic Militia B", "", MAF21],
        ["Mali", "Gao", "Ansongo"],
        20,
    ),
    // Outside both periods.
    ev(
        "2021-05-31",
        [PV, "Battles", "Armed clash"],
        [MAF21, "", "Synthetic Militia A"],
        ["Mali", "Mopti", "Djenne"],
        1,
    ),
    ev(
        "2021-10-01",
        [PV, "Riots", "Mob violence"],
        ["Rioters (Mali)", "", ""],
        ["Mali", "Gao", ""],
        1,
    ),
    ev(
        "2023-07-01",
        [PV, "Battles", "Armed clash"],
        [MAF21, "", "Synthetic Militia A"],
        ["Mali", "Mopti", "Djenne"],
        1,
    ),
    // B.
    ev(
        "2022-06-01",
        [PV, "Battles", "Armed clash"],
        ["Wagner Group", MAF21, "Synthetic Militia A"],
        ["Mali", "Mopti", "Djenne"],
        7,
    ),
    ev(
        "2022-06-11",
        [
            PV,
            "Explosions/Remote violence",
            "Remote explosive/landmine/IED",
        ],
        ["Synthetic Militia B", "", ""],
        ["Burkina Faso", "Sahel", ""],
        4,
    ),
    ev(
        "2022-07-04",
        [PV, "Violence against civilians", "Attack"],
        ["Africa Corps", "", "Civilians (Mali)"],
        ["Mali", "Mopti", "Bandiagara"],
        9,
    ),
    ev(
        "2022-08-02",
        [
            "Strategic developments",
            "Strategic developments",
            "Looting/property destruction",
        ],
        ["Synthetic Militia A", "", ""],
        ["Mali", "Gao", "Ansongo"],
        0,
    ),
    ev(
        "2022-09-30",
        ["", "Riots", "Mob violence"],
        ["Rioters (Mali)", "", "Civilians (Mali)"],
        ["", "", ""],
        1,
    ),
    // Filtered out, in B.
    ev(
        "2022-07-05",
        [PV, "Battles", "Armed clash"],
        [MAF13, "", "Synthetic Militia B"],
        ["Mali", "Mopti", "Djenne"],
        30,
    ),
];

/// Canonical actors of the raw names above (the built-in Sahel table, by
/// hand); other names are their own canonical actor.
fn canonical(raw: &str) -> &str {
    match raw {
        MAF21 | MAF13 => "Malian state forces",
        "Wagner Group" | "Africa Corps" => "Wagner Group / Africa Corps",
        other => other,
    }
}

fn fixture_csv() -> String {
    let mut csv = String::from(
        "event_id_cnty,event_date,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,actor2,assoc_actor_2,country,admin1,admin2,fatalities,notes\n",
    );
    for (i, e) in EVENTS.iter().enumerate() {
        csv.push_str(&format!(
            "SYN{i},{},{},{},{},{},{},{},,{},{},{},{},SYNTHETIC\n",
            e.date,
            e.disorder,
            e.event_type,
            e.sub_type,
            e.actor1,
            e.assoc1,
            e.actor2,
            e.country,
            e.admin1,
            e.admin2,
            e.fatalities
        ));
    }
    csv
}

/// The keys event `e` counts under when grouped by `by`.
fn keys(e: &Event, by: GroupBy) -> Vec<String> {
    let or_not_stated = |v: &str| {
        if v.is_empty() {
            "(not stated)".to_string()
        } else {
            v.to_string()
        }
    };
    match by {
        GroupBy::Category(c) => vec![match c {
            Category::Country => or_not_stated(e.country),
            Category::Admin1 => or_not_stated(e.admin1),
            Category::Admin2 => or_not_stated(e.admin2),
            // The fixture has no admin3 column.
            Category::Admin3 => or_not_stated(""),
            // The importer's word for an event without a type.
            Category::EventType if e.event_type.is_empty() => "Unspecified".to_string(),
            Category::EventType => e.event_type.to_string(),
            Category::SubEventType => or_not_stated(e.sub_type),
            Category::DisorderType => or_not_stated(e.disorder),
        }],
        GroupBy::Actor => {
            let actors: BTreeSet<&str> = [e.actor1, e.assoc1, e.actor2]
                .into_iter()
                .filter(|a| !a.is_empty())
                .map(canonical)
                .collect();
            actors.into_iter().map(str::to_string).collect()
        }
        GroupBy::Time(Bin::Month) => vec![e.date[5..7].to_string()],
        GroupBy::Time(Bin::Quarter) => {
            let month: u32 = e.date[5..7].parse().unwrap();
            vec![format!("Q{}", (month - 1) / 3 + 1)]
        }
        GroupBy::Time(_) => unreachable!("only months and quarters are compared here"),
    }
}

/// Events, fatalities and civilian fatalities (all fatalities of an event
/// targeting civilians) of A and of B.
type Side = (u64, u64, u64);

fn add(side: &mut Side, e: &Event) {
    side.0 += 1;
    side.1 += u64::from(e.fatalities);
    if e.event_type == "Violence against civilians" {
        side.2 += u64::from(e.fatalities);
    }
}

/// The reference: per key, the sums of A's and B's events that pass the
/// filter (at most 10 fatalities).
fn reference(by: GroupBy) -> (BTreeMap<String, (Side, Side)>, (Side, Side)) {
    let mut rows: BTreeMap<String, (Side, Side)> = BTreeMap::new();
    let mut total = (Side::default(), Side::default());
    for e in EVENTS.iter().filter(|e| e.fatalities <= 10) {
        let in_a = ("2021-06-01"..="2021-09-30").contains(&e.date);
        let in_b = ("2022-06-01"..="2022-09-30").contains(&e.date);
        for key in keys(e, by) {
            let row = rows.entry(key).or_default();
            if in_a {
                add(&mut row.0, e);
            }
            if in_b {
                add(&mut row.1, e);
            }
        }
        if in_a {
            add(&mut total.0, e);
        }
        if in_b {
            add(&mut total.1, e);
        }
    }
    rows.retain(|_, (a, b)| a.0 > 0 || b.0 > 0);
    (rows, total)
}

fn comparison(by: GroupBy) -> Comparison {
    let store = import(fixture_csv().as_bytes()).unwrap().store;
    assert_eq!(store.len(), EVENTS.len());
    let mut state = QueryState::new(&store);
    // The date range is replaced by the periods; the fatalities filter
    // applies.
    state.apply(
        &store,
        &Filters {
            from: from_ymd(2023, 1, 1),
            fatalities_max: Some(10),
            ..Filters::default()
        },
    );
    let a = Period::months(2021, 6, 9).unwrap();
    let b = Period::months(2022, 6, 9).unwrap();
    compare(&store, &state, a, b, by)
}

type Line = (String, Side, Side);

fn lines(c: &Comparison) -> Vec<Line> {
    let side =
        |m: &eventlens::engine::query::Measures| (m.events, m.fatalities, m.civilian_fatalities);
    c.rows
        .iter()
        .map(|r| (r.key.clone(), side(&r.a), side(&r.b)))
        .collect()
}

fn check_changes(c: &Comparison) {
    for r in c.rows.iter().chain([&c.total]) {
        let (a, b) = (r.a.events as f64, r.b.events as f64);
        let want = (a > 0.0).then(|| (b - a) * 100.0 / a);
        assert_eq!(r.change_pct, want, "{}", r.key);
        assert_eq!(r.is_new, a == 0.0 && b > 0.0, "{}", r.key);
    }
}

#[test]
fn compare_by_every_breakdown_counts_each_period_by_hand() {
    for by in GroupBy::breakdowns() {
        let c = comparison(by);
        let (want, total) = reference(by);
        let mut want: Vec<Line> = want.into_iter().map(|(k, (a, b))| (k, a, b)).collect();
        // Most events over both periods first, then by key.
        want.sort_by(|x, y| {
            (y.1 .0 + y.2 .0)
                .cmp(&(x.1 .0 + x.2 .0))
                .then_with(|| x.0.cmp(&y.0))
        });
        assert_eq!(lines(&c), want, "by {}", by.name());
        let side = |m: &eventlens::engine::query::Measures| {
            (m.events, m.fatalities, m.civilian_fatalities)
        };
        assert_eq!(
            (side(&c.total.a), side(&c.total.b)),
            total,
            "by {}",
            by.name()
        );
        check_changes(&c);
    }
}

#[test]
fn the_totals_of_the_fixture_by_hand() {
    // A: 07-03 (5), 07-20 (3), 08-15 (2), 09-30 (0), 09-02 (1); B: 06-01
    // (7), 06-11 (4), 07-04 (9), 08-02 (0), 09-30 (1). The 20 and 30
    // fatality events are filtered out, the others lie outside.
    let c = comparison(GroupBy::Category(Category::EventType));
    assert_eq!((c.total.a.events, c.total.a.fatalities), (5, 11));
    assert_eq!((c.total.b.events, c.total.b.fatalities), (5, 21));
    assert_eq!(
        (c.total.a.civilian_fatalities, c.total.b.civilian_fatalities),
        (3, 9)
    );
    // Malian state forces on both sides of 08-15 count once.
    let c = comparison(GroupBy::Actor);
    let state = c
        .rows
        .iter()
        .find(|r| r.key == "Malian state forces")
        .unwrap();
    assert_eq!((state.a.events, state.b.events), (2, 1));
}

/// Regression: months were listed in the order first seen in A, then B,
/// so a month only B had came after A's last month (07, 08, 09, 06).
/// Months and quarters now follow the calendar from A's first month.
#[test]
fn compare_by_month_lists_the_months_in_calendar_order() {
    let c = comparison(GroupBy::Time(Bin::Month));
    let (want, total) = reference(GroupBy::Time(Bin::Month));
    let want: Vec<Line> = ["06", "07", "08", "09"]
        .into_iter()
        .map(|m| {
            let (a, b) = want[m];
            (m.to_string(), a, b)
        })
        .collect();
    assert_eq!(lines(&c), want);
    let side =
        |m: &eventlens::engine::query::Measures| (m.events, m.fatalities, m.civilian_fatalities);
    assert_eq!((side(&c.total.a), side(&c.total.b)), total);
    check_changes(&c);

    // Quarters likewise: June is in Q2, which only B has.
    let c = comparison(GroupBy::Time(Bin::Quarter));
    let (want, _) = reference(GroupBy::Time(Bin::Quarter));
    let want: Vec<Line> = ["Q2", "Q3"]
        .into_iter()
        .map(|q| {
            let (a, b) = want[q];
            (q.to_string(), a, b)
        })
        .collect();
    assert_eq!(lines(&c), want);
}

/// A SYNTHETIC file of several thousand events compared by every breakdown
/// against a plain reference: each record read back with the csv crate,
/// its keys taken from its own fields (canonical actors from the store's
/// table of raw names), summed per key in a map and sorted.
#[test]
fn compare_on_a_synthetic_file_matches_a_plain_reference() {
    let bytes = eventlens::engine::synthetic::acled_csv(20_000, 7);
    let store = import(&bytes).unwrap().store;
    let mut state = QueryState::new(&store);
    state.apply(
        &store,
        &Filters {
            // Replaced by the periods.
            from: from_ymd(2023, 1, 1),
            fatalities_max: Some(20),
            categories: eventlens::engine::data::dimension::CategoryMap::default()
                .with(Category::DisorderType, vec!["Political violence".into()]),
            ..Filters::default()
        },
    );
    let a = Period::months(2015, 1, 12).unwrap();
    let b = Period::months(2016, 3, 8).unwrap();
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    let header = reader.headers().unwrap().clone();
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let canonical_of = |raw: &str| -> String {
        let code = store.actors.code(raw).unwrap();
        store.canonical.names[store.canonical.of_actor[code as usize] as usize].clone()
    };
    for by in GroupBy::breakdowns() {
        let c = compare(&store, &state, a, b, by);
        let mut want: BTreeMap<String, (Side, Side)> = BTreeMap::new();
        let mut total = (Side::default(), Side::default());
        for rec in &records {
            let fatalities: u32 = rec[column("fatalities")].parse().unwrap();
            if fatalities > 20 || &rec[column("disorder_type")] != "Political violence" {
                continue;
            }
            let civilian = if &rec[column("civilian_targeting")] == "Civilian targeting" {
                u64::from(fatalities)
            } else {
                0
            };
            let date = &rec[column("event_date")];
            let in_a = ("2015-01-01"..="2015-12-31").contains(&date);
            let in_b = ("2016-03-01"..="2016-08-31").contains(&date);
            let field = |name: &str| {
                let v = &rec[column(name)];
                if v.is_empty() {
                    "(not stated)".to_string()
                } else {
                    v.to_string()
                }
            };
            let keys: Vec<String> = match by {
                GroupBy::Category(c) => vec![field(match c {
                    Category::Country => "country",
                    Category::Admin1 => "admin1",
                    Category::Admin2 => "admin2",
                    Category::Admin3 => "admin3",
                    Category::EventType => "event_type",
                    Category::SubEventType => "sub_event_type",
                    Category::DisorderType => "disorder_type",
                })],
                _ => {
                    let raw = ["actor1", "assoc_actor_1", "actor2", "assoc_actor_2"]
                        .into_iter()
                        .flat_map(|col| rec[column(col)].split("; "))
                        .filter(|a| !a.is_empty());
                    let set: BTreeSet<String> = raw.map(canonical_of).collect();
                    set.into_iter().collect()
                }
            };
            let add = |side: &mut Side| {
                side.0 += 1;
                side.1 += u64::from(fatalities);
                side.2 += civilian;
            };
            for key in keys {
                let row = want.entry(key).or_default();
                if in_a {
                    add(&mut row.0);
                }
                if in_b {
                    add(&mut row.1);
                }
            }
            if in_a {
                add(&mut total.0);
            }
            if in_b {
                add(&mut total.1);
            }
        }
        let mut want: Vec<Line> = want
            .into_iter()
            .filter(|(_, (a, b))| a.0 > 0 || b.0 > 0)
            .map(|(k, (a, b))| (k, a, b))
            .collect();
        want.sort_by(|x, y| {
            (y.1 .0 + y.2 .0)
                .cmp(&(x.1 .0 + x.2 .0))
                .then_with(|| x.0.cmp(&y.0))
        });
        // The synthetic file has no admin3 values (one "(not stated)"
        // row) and the filter keeps one disorder type; the rest vary.
        let least = match by {
            GroupBy::Actor => 100,
            GroupBy::Category(Category::Country | Category::Admin1 | Category::Admin2) => 10,
            _ => 1,
        };
        assert!(
            want.len() >= least,
            "by {}: too few groups to test",
            by.name()
        );
        assert_eq!(lines(&c), want, "by {}", by.name());
        let side = |m: &eventlens::engine::query::Measures| {
            (m.events, m.fatalities, m.civilian_fatalities)
        };
        assert_eq!(
            (side(&c.total.a), side(&c.total.b)),
            total,
            "by {}",
            by.name()
        );
        check_changes(&c);
    }
}
