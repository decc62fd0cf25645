//! Engine benchmark on SYNTHETIC ACLED-shaped data (made by
//! `engine::synthetic`, never real events). Prints figures; asserts nothing
//! about speed, so it cannot flake.
//!
//! `cargo bench --bench engine` runs 250,000, 1,000,000 and 2,500,000
//! events; `EVENTLENS_BENCH_EVENTS=200000,1000000 cargo bench --bench engine`
//! picks the sizes.
//!
//! Per size: import speed, memory per event, a filter change followed by
//! every linked view (p50/p95 per kind of change: date brush step, category
//! toggle, actor, months window, text with its notes scan, and a mixed
//! sequence), and a period comparison by actor and by other dimensions.

use eventlens::engine::data::actors::UserAlias;
use eventlens::engine::data::date::{from_ymd, Bin};
use eventlens::engine::data::dimension::{Category, GroupBy};
use eventlens::engine::data::store::Store;
use eventlens::engine::query::group::{compare, Period};
use eventlens::engine::query::{Filters, QueryState, ViewSpec};
use eventlens::engine::read::import::{Dataset, ImportOptions, Importer};
use eventlens::engine::read::wire::{self, Array};
use eventlens::engine::synthetic;
use std::hint::black_box;
use std::time::Instant;

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1e3
}

fn main() {
    // `cargo bench` passes --bench; `cargo test --all-targets` does not, and
    // a million-event run does not belong in the test suite.
    if !std::env::args().any(|a| a == "--bench") {
        println!("engine benchmark: skipped (run it with `cargo bench --bench engine`)");
        return;
    }
    let sizes: Vec<usize> = std::env::var("EVENTLENS_BENCH_EVENTS")
        .ok()
        .map(|v| v.split(',').filter_map(|s| s.trim().parse().ok()).collect())
        .filter(|v: &Vec<usize>| !v.is_empty())
        .unwrap_or_else(|| vec![250_000, 1_000_000, 2_500_000]);
    for events in sizes {
        run(events);
        println!();
    }
}

fn run(events: usize) {
    println!("EventLens engine benchmark, SYNTHETIC data, {events} events, one thread");
    let t = Instant::now();
    let bytes = synthetic::acled_csv(events, 1);
    println!(
        "generated {:.1} MB of synthetic CSV in {:.2} s",
        bytes.len() as f64 / 1e6,
        t.elapsed().as_secs_f64()
    );

    // Import, in 4 MB chunks as the browser reads a File.
    // EVENTLENS_BENCH_QUICK: one import and no notes scan, while iterating.
    let quick = std::env::var_os("EVENTLENS_BENCH_QUICK").is_some();
    let repetitions = if events > 1_000_000 || quick { 1 } else { 3 };
    let mut best = f64::MAX;
    let mut dataset = None;
    for _ in 0..repetitions {
        let t = Instant::now();
        let mut importer = Importer::new(ImportOptions::default());
        for chunk in bytes.chunks(4 << 20) {
            importer.push(chunk).expect("synthetic data imports");
        }
        let d = importer.finish().expect("synthetic data imports");
        best = best.min(t.elapsed().as_secs_f64());
        dataset = Some(d);
    }
    let Some(dataset) = dataset else { return };
    println!(
        "import: {:.0} MB/s ({:.3} s for {:.1} MB, {:.2} M rows/s, best of {repetitions})",
        bytes.len() as f64 / 1e6 / best,
        best,
        bytes.len() as f64 / 1e6,
        events as f64 / best / 1e6
    );
    let dataset = worker_to_page(dataset);
    let mut store = dataset.store;
    let memory = store.memory_use();
    println!(
        "memory: {:.1} bytes/event in columns and tables (excluding notes); +{:.0} bytes/event of record spans that stand in for the notes; +2 bytes/event of filter state; {} places, {} sides, {} actors",
        memory.bytes_per_event_excluding_text(),
        memory.record_span_bytes as f64 / events as f64,
        store.places.len(),
        store.sides.len(),
        store.actors.len()
    );

    let spec = ViewSpec {
        bin: Bin::Month,
        top_actors: 15,
    };
    // The filter state a new dataset starts with: one task at the end of
    // a load in the page.
    let mut new_times = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        black_box(QueryState::new(&store));
        new_times.push(ms(t));
    }
    new_times.sort_by(f64::total_cmp);
    println!(
        "filter state for a new dataset (QueryState::new): {:.1} ms (median of 5)",
        new_times[2]
    );
    let mut state = QueryState::new(&store);
    state.apply(&store, &Filters::default());
    black_box(state.views(&store, &spec));

    // Interactions: change one filter, then recompute every linked view
    // (timeline by month x event type, top actors, admin1 bars, map, ...).
    for (kind, steps) in interactions(&store) {
        if quick && kind.starts_with("text") {
            continue;
        }
        let mut times = Vec::new();
        let mut apply_times = Vec::new();
        let mut pass_times = Vec::new();
        let mut read_times = Vec::new();
        for filters in &steps {
            let t = Instant::now();
            state.apply(&store, filters);
            apply_times.push(ms(t));
            if let Some(mut scan) = state.note_scan(&store, 4 << 20) {
                // The page reads these slices from the file; here they
                // are in memory already.
                while let Some((from, to)) = scan.next_range() {
                    scan.feed(&store, &bytes[from as usize..to as usize]);
                }
                state.set_note_matches(&store, Some(scan.finish()));
            }
            let views = state.views(&store, &spec);
            times.push(ms(t));
            if std::env::var_os("EVENTLENS_BENCH_VERBOSE").is_some() {
                println!("  {:>7.2} ms {:?}", ms(t), filters);
            }
            black_box(views);
            // The same views drawn from the running sums with nothing
            // to catch up (the cost of reading them out), and in one pass
            // over every event instead (what the running sums save).
            let t = Instant::now();
            black_box(state.views(&store, &spec));
            read_times.push(ms(t));
            let t = Instant::now();
            black_box(state.views_from_scratch(&store, &spec));
            pass_times.push(ms(t));
        }
        for t in [
            &mut times,
            &mut apply_times,
            &mut pass_times,
            &mut read_times,
        ] {
            t.sort_by(f64::total_cmp);
        }
        println!(
            "filter change + all linked views, {kind:<22} p50 {:>7.2} ms, p95 {:>7.2} ms, max {:>7.2} ms over {} changes (filter update alone p50 {:.2} ms; reading the views out p50 {:.2} ms; one pass over every event instead p50 {:.2} ms)",
            percentile(&times, 0.5),
            percentile(&times, 0.95),
            times[times.len() - 1],
            times.len(),
            percentile(&apply_times, 0.5),
            percentile(&read_times, 0.5),
            percentile(&pass_times, 0.5),
        );
    }

    // Period comparisons with no other filter: June-September of two
    // consecutive years, as the Compare tab opens.
    state.apply(&store, &Filters::default());
    let (Some(a), Some(b)) = (Period::months(2021, 6, 9), Period::months(2022, 6, 9)) else {
        return;
    };
    let wide = (Period::months(1997, 1, 12), Period::months(2020, 1, 12));
    for (label, by) in [
        ("actor", GroupBy::Actor),
        ("event type", GroupBy::Category(Category::EventType)),
        ("admin1", GroupBy::Category(Category::Admin1)),
        ("month", GroupBy::Time(Bin::Month)),
    ] {
        let mut times = Vec::new();
        for _ in 0..5 {
            let t = Instant::now();
            black_box(compare(&store, &state, a, b, by));
            times.push(ms(t));
        }
        times.sort_by(f64::total_cmp);
        let line = format!("compare by {label:<10} {:>8.2} ms", percentile(&times, 0.5));
        if let (GroupBy::Actor, (Some(wa), Some(wb))) = (by, wide) {
            let t = Instant::now();
            black_box(compare(&store, &state, wa, wb, by));
            println!("{line} (1997 vs 2020, whole years: {:.2} ms)", ms(t));
        } else {
            println!("{line}");
        }
    }

    // Folding actor names again with the user's aliases (the page's fold
    // dialog): the canonical actors, the actor filter on show, the breakdown.
    state.apply(
        &store,
        &Filters {
            actor: Some("Synthetic coalition".into()),
            ..Filters::default()
        },
    );
    let folds: Vec<UserAlias> = (0..3)
        .filter_map(|i| {
            UserAlias::new(&format!("Synthetic Armed Group {i}"), "Synthetic coalition")
        })
        .collect();
    let t = Instant::now();
    state.set_user_aliases(&mut store, &folds);
    let views = state.views(&store, &spec);
    println!(
        "fold {} names into one actor and recompute the views: {:.2} ms ({} events now match)",
        folds.len(),
        ms(t),
        views.totals.measures.events
    );
    black_box(views);

    let t = Instant::now();
    let rows = state.rows();
    println!("matching rows list ({} rows): {:.2} ms", rows.len(), ms(t));
}

/// Sequences of filter changes, one per kind of interaction.
/// The dataset taken apart in the worker and put together on the page
/// (`read::wire`), timed; natively, with one copy of every array standing
/// in for the copy into wasm memory on arrival.
fn worker_to_page(dataset: Dataset) -> Dataset {
    let t = Instant::now();
    let parts = wire::take_apart(dataset);
    let apart = ms(t);
    let bytes: usize = parts
        .arrays
        .iter()
        .map(|a| {
            a.len()
                * match a {
                    Array::U8(_) => 1,
                    Array::U16(_) => 2,
                    Array::U32(_) | Array::I32(_) | Array::F32(_) => 4,
                    Array::U64(_) => 8,
                }
        })
        .sum();
    let t = Instant::now();
    let copied = black_box(parts.arrays.clone());
    let copy = ms(t);
    drop(copied);
    let meta = parts.meta.len();
    let t = Instant::now();
    let dataset = wire::put_together(parts).expect("parts taken apart here put together");
    let together = ms(t);
    println!(
        "worker to page: take apart {apart:.1} ms, put together (checks, indices) {together:.1} ms; {:.1} MB in typed arrays (one copy: {copy:.1} ms), {:.1} KB of description",
        bytes as f64 / 1e6,
        meta as f64 / 1e3
    );
    dataset
}

fn interactions(store: &Store) -> Vec<(&'static str, Vec<Filters>)> {
    let types: Vec<String> = store.names[Category::EventType].names().to_vec();
    // A three-year brush dragged a week at a time.
    let brush = (0..40)
        .map(|i| Filters {
            from: from_ymd(2010, 1, 1).map(|d| d + 7 * i),
            to: from_ymd(2012, 12, 31).map(|d| d + 7 * i),
            ..Filters::default()
        })
        .collect();
    // Event types ticked on one after another, then off again, with a
    // date range set (so the views are not the cached unfiltered ones).
    let ranged = Filters {
        from: from_ymd(2005, 1, 1),
        to: from_ymd(2020, 12, 31),
        ..Filters::default()
    };
    let mut toggles = Vec::new();
    let mut f = ranged.clone();
    for t in types.iter().chain(types.iter()) {
        eventlens::engine::query::filters::toggle(&mut f.categories[Category::EventType], t);
        toggles.push(f.clone());
    }
    let actors = (0..20)
        .map(|i| Filters {
            actor: Some(format!("Synthetic Armed Group {}", i * 7)),
            ..ranged.clone()
        })
        .collect();
    let months = (0..24)
        .map(|i| Filters {
            months: Some((i % 12 + 1, (i + 3) % 12 + 1)),
            ..ranged.clone()
        })
        .collect();
    let text = ["Town 12", "market", "convoy", "Town 4", "patrol", "quoted"]
        .into_iter()
        .map(|t| Filters {
            text: Some(t.to_string()),
            ..ranged.clone()
        })
        .collect();
    let mut mixed = Vec::new();
    let mut f = Filters::default();
    for round in 0..6 {
        f.categories[Category::EventType] = vec!["Battles".into()];
        mixed.push(f.clone());
        f.from = from_ymd(2010 + round, 1, 1);
        f.to = from_ymd(2020 + round, 12, 31);
        mixed.push(f.clone());
        f.months = Some((6, 9));
        mixed.push(f.clone());
        f.actor = Some(format!("Synthetic Armed Group {}", round * 3));
        mixed.push(f.clone());
        f.categories[Category::Admin1] = vec![format!("Province 0-{round}"), "Province 1-1".into()];
        mixed.push(f.clone());
        f.categories[Category::EventType].clear();
        mixed.push(f.clone());
        f = Filters::default();
        mixed.push(f.clone());
    }
    vec![
        ("date brush step", brush),
        ("category toggle", toggles),
        ("actor", actors),
        ("months window", months),
        ("text (+ notes scan)", text),
        ("mixed sequence", mixed),
    ]
}
