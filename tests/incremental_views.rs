//! The linked views are kept between filter changes as running sums: a
//! change takes back the rows whose filter mask changed and adds them again
//! (crossfilter's way). These tests drive random sequences of changes of
//! every kind over SYNTHETIC stores (rows in date order, out of order, and
//! a UCDP file) and hold the views after every step equal to the views of
//! a fresh filter state computed in one pass over every event.

mod common;

use common::{fixture, import};
use eventlens::engine::data::date::Bin;
use eventlens::engine::data::dimension::Category;
use eventlens::engine::data::store::Store;
use eventlens::engine::query::{Filters, QueryState, ViewSpec};
use eventlens::engine::synthetic::{self, Rng};

/// Adds `name` to the values of `c` the filter keeps, or takes it out.
fn toggle(f: &mut Filters, c: Category, name: &str) {
    let values = &mut f.categories[c];
    match values.iter().position(|v| v == name) {
        Some(i) => {
            values.remove(i);
        }
        None => values.push(name.to_string()),
    }
}

fn pick<'a>(rng: &mut Rng, names: &'a [String]) -> Option<&'a str> {
    (!names.is_empty()).then(|| names[rng.below(names.len() as u64) as usize].as_str())
}

/// One random change of the filters or of the timeline's bin, of the
/// kinds the page makes.
fn change(rng: &mut Rng, store: &Store, f: &mut Filters, spec: &mut ViewSpec) {
    let first = store.date.iter().copied().min().unwrap_or(0);
    let last = store.date.iter().copied().max().unwrap_or(0);
    let day = |rng: &mut Rng| first + rng.below(u64::from((last - first) as u32) + 1) as i32;
    match rng.below(14) {
        0 | 1 => {
            if let Some(name) = pick(rng, store.names[Category::EventType].names()) {
                toggle(f, Category::EventType, name);
            }
        }
        2 => {
            if let Some(name) = pick(rng, store.names[Category::Country].names()) {
                toggle(f, Category::Country, name);
            }
        }
        3 => {
            if let Some(name) = pick(rng, store.names[Category::Admin1].names()) {
                toggle(f, Category::Admin1, name);
            }
        }
        4 => {
            if let Some(name) = pick(rng, store.names[Category::SubEventType].names()) {
                toggle(f, Category::SubEventType, name);
            }
        }
        5 | 6 => {
            // A brush: a range, or a step of the range already set.
            match (f.from, f.to, rng.below(3)) {
                (Some(a), Some(b), 0 | 1) => {
                    let shift = rng.below(60) as i32 - 30;
                    f.from = Some(a + shift);
                    f.to = Some(b + shift);
                }
                _ => {
                    let (a, b) = (day(rng), day(rng));
                    f.from = Some(a.min(b));
                    f.to = Some(a.max(b));
                }
            }
        }
        7 => {
            f.from = None;
            f.to = None;
        }
        8 => {
            f.months = match rng.below(3) {
                0 => None,
                _ => Some((1 + rng.below(12) as u8, 1 + rng.below(12) as u8)),
            }
        }
        9 => {
            f.actor = match rng.below(3) {
                0 => None,
                _ => pick(rng, &store.canonical.names).map(str::to_string),
            }
        }
        10 => {
            f.fatalities_min = [None, Some(1), Some(3)][rng.below(3) as usize];
        }
        11 => {
            f.civilian_targeting = [None, Some(true), Some(false)][rng.below(3) as usize];
        }
        12 => {
            spec.bin = [Bin::Month, Bin::Year, Bin::Week, Bin::Quarter][rng.below(4) as usize];
        }
        _ => *f = Filters::default(),
    }
}

/// Walks `steps` random changes over `store`, checking the views after
/// each against a fresh state's one-pass views. Returns how many steps
/// changed the headline count (so a walk that never filters anything
/// fails rather than passes).
fn walk(store: &Store, seed: u64, steps: usize) -> usize {
    let mut rng = Rng::new(seed);
    let mut state = QueryState::new(store);
    let mut filters = Filters::default();
    let mut spec = ViewSpec::default();
    let mut last_events = None;
    let mut changed = 0;
    for step in 0..steps {
        change(&mut rng, store, &mut filters, &mut spec);
        state.apply(store, &filters);
        let kept = state.views(store, &spec);
        let mut fresh = QueryState::new(store);
        fresh.apply(store, &filters);
        let reference = fresh.views_from_scratch(store, &spec);
        assert_eq!(
            kept, reference,
            "step {step} of seed {seed}: {filters:?} by {:?}",
            spec.bin
        );
        // The full pass of this state agrees too (its masks are right).
        assert_eq!(state.views_from_scratch(store, &spec), reference);
        let events = kept.totals.measures.events;
        if last_events.is_some_and(|e| e != events) {
            changed += 1;
        }
        last_events = Some(events);
    }
    changed
}

fn synthetic_store(events: usize, seed: u64) -> Store {
    let bytes = synthetic::acled_csv(events, seed);
    import(&bytes).expect("synthetic data imports").store
}

#[test]
fn running_sums_equal_one_pass_with_rows_in_date_order() {
    let store = synthetic_store(6_000, 3);
    assert!(
        store.date.windows(2).all(|w| w[0] <= w[1]) || store.date.windows(2).all(|w| w[0] >= w[1]),
        "the synthetic file is in date order"
    );
    for seed in 1..=4 {
        assert!(walk(&store, seed, 120) > 20, "seed {seed} filtered");
    }
}

#[test]
fn running_sums_equal_one_pass_with_rows_out_of_order() {
    // The same synthetic rows, shuffled: a date filter is then a test per
    // row, not a range.
    let bytes = synthetic::acled_csv(6_000, 5);
    let text = String::from_utf8(bytes).expect("synthetic data is UTF-8");
    let mut lines: Vec<&str> = text.lines().collect();
    let header = lines.remove(0);
    let mut rng = Rng::new(9);
    for i in (1..lines.len()).rev() {
        let j = rng.below(i as u64 + 1) as usize;
        lines.swap(i, j);
    }
    let shuffled = format!("{header}\n{}\n", lines.join("\n"));
    let store = import(shuffled.as_bytes())
        .expect("shuffled rows import")
        .store;
    assert!(!store.date.windows(2).all(|w| w[0] <= w[1]));
    for seed in 11..=13 {
        assert!(walk(&store, seed, 120) > 20, "seed {seed} filtered");
    }
}

#[test]
fn running_sums_equal_one_pass_for_ucdp_estimates() {
    let store = import(&fixture("ucdp_ged.csv"))
        .expect("UCDP fixture")
        .store;
    assert!(store.is_ucdp());
    let changed = (21..=25).map(|seed| walk(&store, seed, 80)).sum::<usize>();
    assert!(changed > 10, "the walks filtered the UCDP file");
}

/// The first views counted in steps (as the page does at the end of a load)
/// equal one pass; a filter change before the count ends, or a spec other
/// than the one counted, still gives the views of one pass.
#[test]
fn views_counted_in_steps_equal_one_pass() {
    let store = synthetic_store(5_000, 9);
    let spec = ViewSpec {
        bin: Bin::Month,
        top_actors: 15,
    };
    let state = QueryState::new(&store);
    let mut steps = 0;
    while !state.warm_up(&store, &spec, 1_234) {
        steps += 1;
    }
    assert_eq!(steps, 4, "5,000 events in steps of 1,234");
    assert_eq!(
        state.views(&store, &spec),
        state.views_from_scratch(&store, &spec)
    );

    // Stopped halfway: the views finish the count.
    let state = QueryState::new(&store);
    assert!(!state.warm_up(&store, &spec, 2_000));
    assert_eq!(
        state.views(&store, &spec),
        state.views_from_scratch(&store, &spec)
    );

    // A filter applied halfway: the rows counted saw other masks.
    let mut state = QueryState::new(&store);
    assert!(!state.warm_up(&store, &spec, 2_000));
    let mut f = Filters::default();
    f.categories[Category::EventType] = vec!["Battles".into()];
    state.apply(&store, &f);
    assert!(
        state.warm_up(&store, &spec, 2_000),
        "no count starts over stale masks"
    );
    let views = state.views(&store, &spec);
    assert_eq!(views, state.views_from_scratch(&store, &spec));
    assert!(views.totals.measures.events > 0 && views.totals.measures.events < 5_000);

    // Another spec than the one counted.
    let state = QueryState::new(&store);
    assert!(!state.warm_up(&store, &spec, 2_000));
    let weekly = ViewSpec {
        bin: Bin::Week,
        ..spec.clone()
    };
    assert_eq!(
        state.views(&store, &weekly),
        state.views_from_scratch(&store, &weekly)
    );
}
