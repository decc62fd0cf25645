//! Filters, linked views, group-by and comparison on the current-layout
//! fixture, against answers worked out by hand from the file.

mod common;

use common::{fixture, import};
use eventlens::engine::data::date::{from_ymd, Bin};
use eventlens::engine::data::dimension::{Category, CategoryMap, GroupBy};
use eventlens::engine::query::group::{aggregate, compare, Period};
use eventlens::engine::query::{suggest_actors, Filters, QueryState, Role, ViewSpec};
use std::collections::BTreeMap;

fn fixture_state() -> (eventlens::engine::Store, QueryState) {
    let store = import(&fixture("acled_current.csv")).unwrap().store;
    let state = QueryState::new(&store);
    (store, state)
}

fn ids(store: &eventlens::engine::Store, rows: &[u32]) -> Vec<String> {
    rows.iter()
        .map(|&r| store.record_in_memory(r as usize).unwrap()[0].clone())
        .collect()
}

#[test]
fn single_filters() {
    let (store, mut state) = fixture_state();
    let cases: Vec<(Filters, &[&str])> = vec![
        (
            Filters::default(),
            &["FIX1", "FIX2", "FIX3", "FIX4", "FIX5", "FIX6"],
        ),
        (
            Filters {
                from: from_ymd(2022, 1, 1),
                to: from_ymd(2022, 12, 31),
                ..Filters::default()
            },
            &["FIX3", "FIX4", "FIX5"],
        ),
        (
            Filters {
                months: Some((6, 9)),
                ..Filters::default()
            },
            &["FIX1", "FIX2", "FIX3", "FIX4"],
        ),
        (
            Filters {
                months: Some((10, 1)),
                ..Filters::default()
            },
            &["FIX5", "FIX6"],
        ),
        (
            Filters {
                categories: CategoryMap::default().with(Category::Admin1, vec!["Mopti".into()]),
                ..Filters::default()
            },
            &["FIX1", "FIX3"],
        ),
        (
            Filters {
                categories: CategoryMap::default().with(Category::Admin1, vec!["menaka".into()]),
                ..Filters::default()
            },
            &["FIX4", "FIX6"],
        ),
        (
            Filters {
                categories: CategoryMap::default().with(
                    Category::EventType,
                    vec!["Battles".into(), "Violence against civilians".into()],
                ),
                ..Filters::default()
            },
            &["FIX1", "FIX2", "FIX4", "FIX6"],
        ),
        (
            Filters {
                categories: CategoryMap::default()
                    .with(Category::SubEventType, vec!["Attack".into()]),
                ..Filters::default()
            },
            &["FIX2", "FIX6"],
        ),
        (
            Filters {
                categories: CategoryMap::default().with(
                    Category::DisorderType,
                    vec!["Strategic developments".into()],
                ),
                ..Filters::default()
            },
            &["FIX5"],
        ),
        (
            Filters {
                actor: Some("JNIM".into()),
                ..Filters::default()
            },
            &["FIX1", "FIX3", "FIX4"],
        ),
        (
            Filters {
                actor: Some("Wagner Group".into()),
                ..Filters::default()
            },
            &["FIX1", "FIX2", "FIX5"],
        ),
        (
            Filters {
                actor: Some("Malian state forces".into()),
                role: Role::Actor1,
                ..Filters::default()
            },
            &["FIX2", "FIX5"],
        ),
        (
            Filters {
                actor: Some("Wagner".into()),
                role: Role::Assoc2,
                ..Filters::default()
            },
            &["FIX1"],
        ),
        (
            Filters {
                actor: Some("Wagner Group / Africa Corps".into()),
                alongside: Some("Malian state forces".into()),
                ..Filters::default()
            },
            &["FIX1", "FIX2", "FIX5"],
        ),
        (
            Filters {
                actor: Some("JNIM".into()),
                alongside: Some("Malian state forces".into()),
                ..Filters::default()
            },
            &[],
        ),
        (
            Filters {
                actor: Some("dozo".into()),
                ..Filters::default()
            },
            &["FIX5"],
        ),
        (
            Filters {
                fatalities_min: Some(10),
                ..Filters::default()
            },
            &["FIX2", "FIX4", "FIX6"],
        ),
        (
            Filters {
                fatalities_min: Some(1),
                fatalities_max: Some(12),
                ..Filters::default()
            },
            &["FIX1", "FIX2", "FIX3"],
        ),
        (
            Filters {
                civilian_targeting: Some(true),
                ..Filters::default()
            },
            &["FIX2", "FIX6"],
        ),
        (
            Filters {
                text: Some("MENAKA".into()),
                ..Filters::default()
            },
            &["FIX4", "FIX6"],
        ),
        (
            Filters {
                text: Some("line break".into()),
                ..Filters::default()
            },
            &["FIX3"],
        ),
    ];
    for (filters, want) in cases {
        state.apply(&store, &filters);
        assert_eq!(ids(&store, &state.rows()), want, "{filters:?}");
    }
}

#[test]
fn combined_filters_and_incremental_updates_agree_with_a_fresh_state() {
    let (store, mut state) = fixture_state();
    let steps = [
        Filters {
            actor: Some("JNIM".into()),
            ..Filters::default()
        },
        Filters {
            actor: Some("JNIM".into()),
            months: Some((6, 9)),
            ..Filters::default()
        },
        Filters {
            actor: Some("JNIM".into()),
            months: Some((6, 9)),
            from: from_ymd(2022, 1, 1),
            ..Filters::default()
        },
        Filters {
            months: Some((6, 9)),
            from: from_ymd(2022, 1, 1),
            ..Filters::default()
        },
        Filters::default(),
    ];
    let want: [&[&str]; 5] = [
        &["FIX1", "FIX3", "FIX4"],
        &["FIX1", "FIX3", "FIX4"],
        &["FIX3", "FIX4"],
        &["FIX3", "FIX4"],
        &["FIX1", "FIX2", "FIX3", "FIX4", "FIX5", "FIX6"],
    ];
    for (filters, want) in steps.iter().zip(want) {
        state.apply(&store, filters);
        let mut fresh = QueryState::new(&store);
        fresh.apply(&store, filters);
        assert_eq!(state.rows(), fresh.rows());
        assert_eq!(ids(&store, &state.rows()), want);
    }
}

#[test]
fn linked_views_ignore_their_own_filter() {
    let (store, mut state) = fixture_state();
    // Mopti only, Battles only.
    state.apply(
        &store,
        &Filters {
            categories: CategoryMap::default()
                .with(Category::Admin1, vec!["Mopti".into()])
                .with(Category::EventType, vec!["Battles".into()]),
            ..Filters::default()
        },
    );
    let v = state.views(
        &store,
        &ViewSpec {
            bin: Bin::Year,
            top_actors: 10,
        },
    );
    // Totals: FIX1 only.
    assert_eq!(v.totals.measures.events, 1);
    assert_eq!(v.totals.measures.fatalities, 5);
    // Admin1 bars ignore the admin1 filter: Battles everywhere = FIX1 (Mopti), FIX4 (Menaka).
    let admin1: Vec<(&str, u64)> = v.by_category[Category::Admin1]
        .iter()
        .map(|b| (b.label.as_str(), b.measures.events))
        .collect();
    assert_eq!(admin1, vec![("Menaka", 1), ("Mopti", 1)]);
    // Event-type bars ignore the type filter: all of Mopti = FIX1 (Battles), FIX3 (Explosions).
    let types: Vec<(&str, u64)> = v.by_category[Category::EventType]
        .iter()
        .map(|b| (b.label.as_str(), b.measures.events))
        .collect();
    assert_eq!(
        types,
        vec![("Battles", 1), ("Explosions/Remote violence", 1)]
    );
    // Timeline by year (date filter unset): FIX1 in 2021.
    assert_eq!(v.timeline.bins, 3);
    assert_eq!(
        (0..3).map(|b| v.timeline.bin_events(b)).collect::<Vec<_>>(),
        vec![1, 0, 0]
    );
    assert_eq!(v.timeline.label(0), "2021");
    // Actors of FIX1: JNIM, Malian state forces, Wagner.
    let actors: Vec<&str> = v.by_actor.iter().map(|b| b.label.as_str()).collect();
    assert_eq!(
        actors,
        vec!["JNIM", "Malian state forces", "Wagner Group / Africa Corps"]
    );
    assert_eq!(v.map.len(), 1);
    assert_eq!((v.map[0].lat, v.map[0].lon), (14.0, -4.5));
}

#[test]
fn actor_breakdown_counts_each_event_once_per_actor() {
    let (store, state) = fixture_state();
    let v = state.views(&store, &ViewSpec::default());
    let actors: Vec<(&str, u64)> = v
        .by_actor
        .iter()
        .map(|b| (b.label.as_str(), b.measures.events))
        .collect();
    assert_eq!(
        actors,
        vec![
            ("Malian state forces", 4),
            ("JNIM", 3),
            ("Wagner Group / Africa Corps", 3),
            ("Civilians (Mali)", 2),
            ("Islamic State Sahel", 2),
            ("Dozo militias", 1),
        ]
    );
    assert_eq!(v.totals.measures.civilian_fatalities, 32);
}

#[test]
fn group_by_month_year_and_actor() {
    let (store, state) = fixture_state();
    let rows = state.rows();
    let years: Vec<(String, u64, u64)> = aggregate(&store, &rows, GroupBy::Time(Bin::Year))
        .into_iter()
        .map(|g| (g.key, g.measures.events, g.measures.fatalities))
        .collect();
    assert_eq!(
        years,
        vec![
            ("2021".into(), 2, 17),
            ("2022".into(), 3, 1203),
            ("2023".into(), 1, 20)
        ]
    );
    let months = aggregate(&store, &rows, GroupBy::Time(Bin::Month));
    assert_eq!(months.len(), 20); // 2021-06 .. 2023-01, empty months included
    assert_eq!(months[0].key, "2021-06");
    assert_eq!(months[19].key, "2023-01");
    assert_eq!(months.iter().map(|g| g.measures.events).sum::<u64>(), 6);
    let wagner = aggregate(&store, &rows, GroupBy::Actor)
        .into_iter()
        .find(|g| g.key == "Wagner Group / Africa Corps")
        .unwrap();
    assert_eq!(
        (wagner.measures.events, wagner.measures.fatalities),
        (3, 17)
    );
}

#[test]
fn rainy_season_2021_vs_2022_by_event_type() {
    let (store, mut state) = fixture_state();
    // The date filter is replaced by the two periods; other filters apply.
    state.apply(
        &store,
        &Filters {
            from: from_ymd(2023, 1, 1),
            ..Filters::default()
        },
    );
    let a = Period::months(2021, 6, 9).unwrap();
    let b = Period::months(2022, 6, 9).unwrap();
    assert_eq!(a.label(), "2021-06-01 to 2021-09-30");
    let c = compare(&store, &state, a, b, GroupBy::Category(Category::EventType));
    assert_eq!((c.total.a.events, c.total.b.events), (2, 2));
    let row = |k: &str| c.rows.iter().find(|r| r.key == k).unwrap();
    assert_eq!(row("Battles").change_label(), "no change");
    assert_eq!(row("Violence against civilians").change_pct, Some(-100.0));
    // One event to none: under 10 events the change is a count, not "-100%".
    assert_eq!(row("Violence against civilians").change_label(), "-1");
    assert!(row("Explosions/Remote violence").is_new);
    assert_eq!(row("Explosions/Remote violence").change_label(), "new");
    // Periods across the new year.
    let winter = Period::months(2022, 11, 2).unwrap();
    assert_eq!(winter.label(), "2022-11-01 to 2023-02-28");
}

#[test]
fn actor_suggestions_put_canonical_actors_first() {
    let (store, _) = fixture_state();
    let s = suggest_actors(&store, "mali", 10);
    assert_eq!(s[0].name, "Malian state forces");
    assert!(s[0].canonical);
    assert_eq!(s[0].events, 4);
    assert!(s
        .iter()
        .any(|x| x.name == "Military Forces of Mali (2021-)" && !x.canonical));
    assert!(s.iter().any(|x| x.name == "Civilians (Mali)"));
}

/// Regression: the raw-bytes pre-check of the notes search skipped records
/// where an ASCII query matches accented text ("segou" in "Ségou").
#[test]
fn notes_search_folds_accents_in_notes() {
    let csv = "event_id_cnty,event_date,actor1,actor2,disorder_type,location,notes,fatalities\n\
X1,2022-01-01,A,B,Political violence,Town A,\"Fighting near Ségou, reportedly\",1\n\
X2,2022-01-02,A,B,Political violence,Town B,Quiet day,0\n";
    let store = import(csv.as_bytes()).unwrap().store;
    let mut state = QueryState::new(&store);
    state.apply(
        &store,
        &Filters {
            text: Some("SEGOU".into()),
            ..Filters::default()
        },
    );
    assert_eq!(state.rows(), vec![0]);
}

#[test]
fn actor_index_counts_each_event_once_per_actor() {
    // FIX-style event with the same canonical actor on both sides.
    let csv = "event_id_cnty,event_date,actor1,assoc_actor_1,actor2,assoc_actor_2,disorder_type,fatalities\n\
X1,2022-01-01,Military Forces of Mali (2021-),,Military Forces of Mali (2013-2020),,Political violence,1\n\
X2,2022-01-02,Military Forces of Mali (2021-),Wagner Group,JNIM: Group for Support of Islam and Muslims,,Political violence,0\n";
    let store = import(csv.as_bytes()).unwrap().store;
    let s = suggest_actors(&store, "mali", 10);
    let malian = s.iter().find(|x| x.name == "Malian state forces").unwrap();
    assert_eq!(malian.events, 2);
    let raw = s
        .iter()
        .find(|x| x.name == "Military Forces of Mali (2021-)")
        .unwrap();
    assert_eq!(raw.events, 2);
}

#[test]
fn unfiltered_views_from_the_cache_equal_a_fresh_pass() {
    let (store, mut state) = fixture_state();
    let spec = ViewSpec {
        bin: Bin::Month,
        top_actors: 10,
    };
    let first = state.views(&store, &spec);
    state.apply(
        &store,
        &Filters {
            actor: Some("JNIM".into()),
            ..Filters::default()
        },
    );
    assert_ne!(state.views(&store, &spec).totals, first.totals);
    state.apply(&store, &Filters::default());
    assert_eq!(state.views(&store, &spec), first);
    assert_eq!(
        state.views(&store, &spec),
        QueryState::new(&store).views(&store, &spec)
    );
    // Another spec is computed, not served from the cache.
    let yearly = state.views(
        &store,
        &ViewSpec {
            bin: Bin::Year,
            top_actors: 10,
        },
    );
    assert_eq!(yearly.timeline.bins, 3);
}

/// A minimal SYNTHETIC ACLED-shaped file: `(date, event type, location,
/// fatalities)` per event, each location at its own coordinates.
fn map_csv(events: &[(String, &str, usize, u32)]) -> String {
    let mut csv = String::from(
        "event_id_cnty,event_date,event_type,actor1,country,admin1,location,latitude,longitude,fatalities,notes\n",
    );
    for (i, (date, event_type, place, fatalities)) in events.iter().enumerate() {
        csv.push_str(&format!(
            "SYN{i},{date},{event_type},Synthetic Group,Synthetic Country,Province,Synthetic Town {place},{},{},{fatalities},SYNTHETIC\n",
            10 + place,
            20 + place
        ));
    }
    csv
}

/// The map colours a place by its most frequent event type; a majority
/// vote picked "Strategic developments" here.
#[test]
fn map_colour_is_the_most_frequent_type_not_a_majority_vote() {
    let types = [
        "Battles",
        "Battles",
        "Riots",
        "Protests",
        "Strategic developments",
    ];
    let events: Vec<(String, &str, usize, u32)> = types
        .iter()
        .map(|t| ("2021-05-01".to_string(), *t, 0, 0))
        .collect();
    let store = import(map_csv(&events).as_bytes()).unwrap().store;
    let state = QueryState::new(&store);
    let views = state.views(&store, &ViewSpec::default());
    assert_eq!(views.map.len(), 1);
    let name = |code: u16| store.names[Category::EventType].name(u32::from(code));
    assert_eq!(name(views.map[0].event_type), "Battles");

    // A tie goes to the type whose name sorts first, in either row order.
    for pair in [["Riots", "Protests"], ["Protests", "Riots"]] {
        let events: Vec<(String, &str, usize, u32)> = pair
            .iter()
            .map(|t| ("2021-05-01".to_string(), *t, 0, 0))
            .collect();
        let store = import(map_csv(&events).as_bytes()).unwrap().store;
        let views = QueryState::new(&store).views(&store, &ViewSpec::default());
        let name = |code: u16| store.names[Category::EventType].name(u32::from(code));
        assert_eq!(name(views.map[0].event_type), "Protests", "{pair:?}");
    }
}

/// The map's colours on pseudo-random SYNTHETIC events (few places and
/// types, so ties are common) under several filters, against a count per
/// place and type worked out from the generated rows.
#[test]
fn map_colours_match_a_count_per_place_on_random_events() {
    const TYPES: [&str; 5] = [
        "Battles",
        "Riots",
        "Protests",
        "Violence against civilians",
        "Strategic developments",
    ];
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut next = |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    };
    let events: Vec<(String, &str, usize, u32)> = (0..4000)
        .map(|_| {
            let date = format!("202{}-{:02}-{:02}", next(3), next(12) + 1, next(28) + 1);
            let event_type = TYPES[next(4) as usize + usize::from(next(3) == 0)];
            (date, event_type, next(60) as usize, next(5) as u32)
        })
        .collect();
    let store = import(map_csv(&events).as_bytes()).unwrap().store;
    let mut state = QueryState::new(&store);
    type Event = (String, &'static str, usize, u32);
    type Reference = Box<dyn Fn(&Event) -> bool>;
    let cases: Vec<(Filters, Reference)> = vec![
        (Filters::default(), Box::new(|_| true)),
        (
            Filters {
                from: from_ymd(2021, 3, 1),
                to: from_ymd(2021, 4, 30),
                ..Filters::default()
            },
            Box::new(|e| ("2021-03-01"..="2021-04-30").contains(&e.0.as_str())),
        ),
        (
            Filters {
                fatalities_min: Some(3),
                months: Some((11, 1)),
                ..Filters::default()
            },
            Box::new(|e| e.3 >= 3 && ["11", "12", "01"].contains(&&e.0[5..7])),
        ),
        (
            Filters {
                categories: CategoryMap::default()
                    .with(Category::EventType, vec!["Riots".into(), "Protests".into()]),
                ..Filters::default()
            },
            Box::new(|e| e.1 == "Riots" || e.1 == "Protests"),
        ),
    ];
    for (f, passes) in &cases {
        state.apply(&store, f);
        let mut counts: BTreeMap<String, BTreeMap<&str, u32>> = BTreeMap::new();
        for e in events.iter().filter(|e| passes(e)) {
            *counts
                .entry(format!("Synthetic Town {}", e.2))
                .or_default()
                .entry(e.1)
                .or_default() += 1;
        }
        // Most events first; of equals, the name that sorts first (the
        // map iterates names in order, so the first maximum wins).
        let want: BTreeMap<String, &str> = counts
            .into_iter()
            .map(|(place, per_type)| {
                let most = per_type.values().copied().max().unwrap();
                let first = per_type.iter().find(|(_, &n)| n == most).unwrap().0;
                (place, *first)
            })
            .collect();
        let views = state.views(&store, &ViewSpec::default());
        let got: BTreeMap<String, &str> = views
            .map
            .iter()
            .map(|p| {
                let place = store
                    .locations
                    .name(store.places.location[p.place as usize]);
                let t = store.names[Category::EventType].name(u32::from(p.event_type));
                (place.to_string(), t)
            })
            .collect();
        assert_eq!(got, want, "{f:?}");
    }
}

/// Brush steps, other filters between them, on SYNTHETIC files whose rows
/// are in ascending, descending and no date order: the views and rows of a
/// state updated step by step (date masks flipped only where rows enter or
/// leave the range, the timeline kept while only the dates change) equal
/// those of a fresh state.
#[test]
fn brush_steps_agree_with_a_fresh_state_in_any_row_order() {
    let csv = eventlens::engine::synthetic::acled_csv(6000, 3);
    let text = String::from_utf8(csv).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    let header = lines.remove(0);
    let build = |rows: &[&str]| format!("{header}\n{}\n", rows.join("\n"));
    let ascending = build(&lines);
    lines.reverse();
    let descending = build(&lines);
    // Every third row moved to the front: no order.
    let third = |k: usize| lines.iter().skip(k).step_by(3).copied();
    let shuffled: Vec<&str> = third(0).chain(third(1)).chain(third(2)).collect();
    let unordered = build(&shuffled);
    let spec = ViewSpec::default();
    for file in [ascending, descending, unordered] {
        let store = import(file.as_bytes()).unwrap().store;
        let mut state = QueryState::new(&store);
        let mut f = Filters::default();
        for step in 0..30i32 {
            match step % 10 {
                3 => f.categories[Category::EventType] = vec!["Battles".into()],
                6 => f.actor = Some("Synthetic Armed Group 1".into()),
                8 => f.categories[Category::EventType].clear(),
                9 => f = Filters::default(),
                _ => {
                    let from = from_ymd(2000, 1, 1).unwrap() + 40 * step;
                    f.from = Some(from);
                    f.to = Some(from + 900 - 13 * step);
                }
            }
            state.apply(&store, &f);
            let mut fresh = QueryState::new(&store);
            fresh.apply(&store, &f);
            assert_eq!(state.rows(), fresh.rows(), "step {step}");
            assert_eq!(
                state.views(&store, &spec),
                fresh.views(&store, &spec),
                "step {step}"
            );
        }
    }
}

/// Each map point carries the Web Mercator y of its own latitude, worked
/// out once per place: checked against the other form of the projection,
/// y = asinh(tan(latitude)), before and after a filter change.
#[test]
fn map_points_carry_their_own_mercator_y() {
    let (store, mut state) = fixture_state();
    let check = |views: &eventlens::engine::query::Views| {
        assert!(!views.map.is_empty());
        for p in &views.map {
            let expected = f64::from(p.lat).to_radians().tan().asinh();
            assert!(
                (p.plane_y - expected).abs() < 1e-9,
                "place {} at latitude {}: {} against {}",
                p.place,
                p.lat,
                p.plane_y,
                expected
            );
        }
    };
    check(&state.views(&store, &ViewSpec::default()));
    let mut filters = Filters {
        from: from_ymd(2022, 1, 1),
        ..Filters::default()
    };
    state.apply(&store, &filters);
    check(&state.views(&store, &ViewSpec::default()));
    filters.from = None;
    state.apply(&store, &filters);
    check(&state.views(&store, &ViewSpec::default()));
}
