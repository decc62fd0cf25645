//! Property test: for random events and random filters, the engine's
//! counts equal a plain row-by-row reference implementation that works on
//! the generated rows, not on the store.
#![cfg(not(target_arch = "wasm32"))]

use eventlens::engine::data::date::{self, Bin};
use eventlens::engine::data::dimension::{Category, CategoryMap, GroupBy};
use eventlens::engine::query::group::aggregate;
use eventlens::engine::query::{Filters, QueryState, Role, ViewSpec};
use eventlens::engine::read::import::{import_bytes, ImportOptions};
use proptest::prelude::*;
use std::collections::BTreeMap;

const TYPES: [&str; 4] = ["Battles", "Riots", "Protests", "Violence against civilians"];
const ADMIN1: [&str; 4] = ["Mopti", "Segou", "Gao", "Kidal"];

#[derive(Clone, Debug)]
struct Row {
    day: i32,
    event_type: usize,
    admin1: usize,
    actor1: Option<usize>,
    assoc1: Vec<usize>,
    actor2: Option<usize>,
    assoc2: Vec<usize>,
    fatalities: u32,
}

fn actor_name(a: usize) -> String {
    format!("Synthetic Actor {a}")
}

fn row_strategy() -> impl Strategy<Value = Row> {
    let day = date::from_ymd(2019, 1, 1).unwrap()..date::from_ymd(2023, 12, 31).unwrap();
    (
        day,
        0..TYPES.len(),
        0..ADMIN1.len(),
        proptest::option::of(0..6usize),
        proptest::collection::vec(0..6usize, 0..3),
        proptest::option::of(0..6usize),
        proptest::collection::vec(0..6usize, 0..2),
        0..50u32,
    )
        .prop_map(
            |(day, event_type, admin1, actor1, assoc1, actor2, assoc2, fatalities)| Row {
                day,
                event_type,
                admin1,
                actor1,
                assoc1,
                actor2,
                assoc2,
                fatalities,
            },
        )
}

fn to_csv(rows: &[Row]) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "event_id_cnty",
        "event_date",
        "disorder_type",
        "event_type",
        "actor1",
        "assoc_actor_1",
        "actor2",
        "assoc_actor_2",
        "admin1",
        "fatalities",
        "notes",
    ])
    .unwrap();
    for (i, r) in rows.iter().enumerate() {
        let names = |v: &[usize]| {
            v.iter()
                .map(|&a| actor_name(a))
                .collect::<Vec<_>>()
                .join("; ")
        };
        w.write_record([
            format!("SYN{i}"),
            date::format_iso(r.day),
            "Political violence".into(),
            TYPES[r.event_type].into(),
            r.actor1.map(actor_name).unwrap_or_default(),
            names(&r.assoc1),
            r.actor2.map(actor_name).unwrap_or_default(),
            names(&r.assoc2),
            ADMIN1[r.admin1].into(),
            r.fatalities.to_string(),
            "SYNTHETIC".into(),
        ])
        .unwrap();
    }
    w.into_inner().unwrap()
}

#[derive(Clone, Debug)]
struct Query {
    from: Option<i32>,
    to: Option<i32>,
    months: Option<(u8, u8)>,
    types: Vec<usize>,
    admin1: Vec<usize>,
    actor: Option<usize>,
    role: Role,
    alongside: Option<usize>,
    fatalities_min: Option<u32>,
}

fn query_strategy() -> impl Strategy<Value = Query> {
    let day = date::from_ymd(2019, 1, 1).unwrap()..date::from_ymd(2023, 12, 31).unwrap();
    (
        proptest::option::of(day.clone()),
        proptest::option::of(day),
        proptest::option::of((1..=12u8, 1..=12u8)),
        proptest::collection::vec(0..TYPES.len(), 0..3),
        proptest::collection::vec(0..ADMIN1.len(), 0..3),
        proptest::option::of(0..6usize),
        proptest::sample::select(Role::ALL.to_vec()),
        proptest::option::of(0..6usize),
        proptest::option::of(0..40u32),
    )
        .prop_map(
            |(from, to, months, types, admin1, actor, role, alongside, fatalities_min)| Query {
                from,
                to,
                months,
                types,
                admin1,
                actor,
                role,
                alongside: if actor.is_some() { alongside } else { None },
                fatalities_min,
            },
        )
}

fn filters_of(q: &Query) -> Filters {
    Filters {
        from: q.from,
        to: q.to,
        months: q.months,
        categories: CategoryMap::default()
            .with(
                Category::EventType,
                q.types.iter().map(|&t| TYPES[t].to_string()).collect(),
            )
            .with(
                Category::Admin1,
                q.admin1.iter().map(|&a| ADMIN1[a].to_string()).collect(),
            ),
        actor: q.actor.map(actor_name),
        role: q.role,
        alongside: q.alongside.map(actor_name),
        fatalities_min: q.fatalities_min,
        ..Filters::default()
    }
}

/// The reference: each condition written out directly on a generated row.
fn reference_passes(r: &Row, q: &Query, ignore_admin1: bool) -> bool {
    if q.from.is_some_and(|f| r.day < f) || q.to.is_some_and(|t| r.day > t) {
        return false;
    }
    if let Some((a, b)) = q.months {
        let m = date::month_of(r.day);
        let inside = if a <= b {
            a <= m && m <= b
        } else {
            m >= a || m <= b
        };
        if !inside {
            return false;
        }
    }
    if !q.types.is_empty() && !q.types.contains(&r.event_type) {
        return false;
    }
    if !ignore_admin1 && !q.admin1.is_empty() && !q.admin1.contains(&r.admin1) {
        return false;
    }
    if q.fatalities_min.is_some_and(|m| r.fatalities < m) {
        return false;
    }
    if let Some(x) = q.actor {
        let is1 = r.actor1 == Some(x);
        let is2 = r.actor2 == Some(x);
        let in_assoc1 = r.assoc1.contains(&x) && r.actor1 != Some(x);
        let in_assoc2 = r.assoc2.contains(&x) && r.actor2 != Some(x);
        let on1 = is1 || r.assoc1.contains(&x);
        let on2 = is2 || r.assoc2.contains(&x);
        if let Some(y) = q.alongside {
            // "Alongside" needs two distinct actors on the side: an actor
            // is never alongside itself.
            let distinct = x != y;
            let with1 = distinct && on1 && (r.actor1 == Some(y) || r.assoc1.contains(&y));
            let with2 = distinct && on2 && (r.actor2 == Some(y) || r.assoc2.contains(&y));
            let ok = match q.role {
                Role::Actor1 | Role::Assoc1 | Role::Side1 => with1,
                Role::Actor2 | Role::Assoc2 | Role::Side2 => with2,
                Role::Any => with1 || with2,
            };
            return ok;
        }
        let ok = match q.role {
            Role::Any => on1 || on2,
            Role::Actor1 => is1,
            Role::Actor2 => is2,
            Role::Assoc1 => in_assoc1,
            Role::Assoc2 => in_assoc2,
            Role::Side1 => on1,
            Role::Side2 => on2,
        };
        if !ok {
            return false;
        }
    }
    true
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn engine_matches_row_by_row_reference(
        rows in proptest::collection::vec(row_strategy(), 1..80),
        queries in proptest::collection::vec(query_strategy(), 1..4),
    ) {
        let d = import_bytes(&to_csv(&rows), ImportOptions::default()).unwrap();
        let store = &d.store;
        prop_assert_eq!(store.len(), rows.len());
        let mut state = QueryState::new(store);
        for q in &queries {
            // Applied one after another: the incremental path is tested too.
            state.apply(store, &filters_of(q));
            let want: Vec<u32> = (0..rows.len() as u32).filter(|&i| reference_passes(&rows[i as usize], q, false)).collect();
            prop_assert_eq!(state.rows(), want.clone());

            // Grouped by year: events and fatalities per key.
            let mut by_year: BTreeMap<String, (u64, u64)> = BTreeMap::new();
            for &i in &want {
                let r = &rows[i as usize];
                let e = by_year.entry(date::year_of(r.day).to_string()).or_default();
                e.0 += 1;
                e.1 += u64::from(r.fatalities);
            }
            let got: BTreeMap<String, (u64, u64)> = aggregate(store, &state.rows(), GroupBy::Time(Bin::Year))
                .into_iter()
                .filter(|g| g.measures.events > 0)
                .map(|g| (g.key, (g.measures.events, g.measures.fatalities)))
                .collect();
            prop_assert_eq!(got, by_year);

            // The admin1 breakdown ignores the admin1 filter.
            let views = state.views(store, &ViewSpec { bin: Bin::Month, top_actors: 100 });
            let mut by_admin1: BTreeMap<String, u64> = BTreeMap::new();
            for r in rows.iter().filter(|r| reference_passes(r, q, true)) {
                *by_admin1.entry(ADMIN1[r.admin1].to_string()).or_default() += 1;
            }
            let got: BTreeMap<String, u64> = views.by_category[Category::Admin1].iter().map(|b| (b.label.clone(), b.measures.events)).collect();
            prop_assert_eq!(got, by_admin1);
            prop_assert_eq!(views.totals.measures.events, want.len() as u64);
        }
    }
}
