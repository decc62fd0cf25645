//! Engine benchmark on SYNTHETIC ACLED-shaped data (made by
//! `engine::synthetic`, never real events). Prints figures; asserts nothing
//! about speed, so it cannot flake.
//!
//! `cargo bench --bench engine` (1,000,000 events), or
//! `EVENTLENS_BENCH_EVENTS=200000 cargo bench --bench engine`.

use eventlens::engine::data::actors::UserAlias;
use eventlens::engine::data::date::{from_ymd, Bin};
use eventlens::engine::data::dimension::Category;
use eventlens::engine::query::{Filters, QueryState, ViewSpec};
use eventlens::engine::read::import::{ImportOptions, Importer};
use eventlens::engine::synthetic;
use std::hint::black_box;
use std::time::Instant;

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn main() {
    // `cargo bench` passes --bench; `cargo test --all-targets` does not, and
    // a million-event run does not belong in the test suite.
    if !std::env::args().any(|a| a == "--bench") {
        println!("engine benchmark: skipped (run it with `cargo bench --bench engine`)");
        return;
    }
    let events: usize = std::env::var("EVENTLENS_BENCH_EVENTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    println!("EventLens engine benchmark, SYNTHETIC data, {events} events, one thread");
    let t = Instant::now();
    let bytes = synthetic::acled_csv(events, 1);
    println!(
        "generated {:.1} MB of synthetic CSV in {:.2} s",
        bytes.len() as f64 / 1e6,
        t.elapsed().as_secs_f64()
    );

    // Import, in 4 MB chunks as the browser reads a File.
    let mut best = f64::MAX;
    let mut dataset = None;
    for _ in 0..3 {
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
    let mut store = dataset.store;
    println!(
        "import: {:.0} MB/s ({:.3} s for {:.1} MB, {:.2} M rows/s, best of 3)",
        bytes.len() as f64 / 1e6 / best,
        best,
        bytes.len() as f64 / 1e6,
        events as f64 / best / 1e6
    );
    let memory = store.memory_use();
    println!(
        "store: {:.1} bytes/event in columns and tables (excluding notes); +{:.0} bytes/event of record spans that stand in for the notes; {} places, {} sides, {} actors",
        memory.bytes_per_event_excluding_text(),
        memory.record_span_bytes as f64 / events as f64,
        store.places.len(),
        store.sides.len(),
        store.actors.len()
    );

    // Interactions: change one filter, then recompute every linked view
    // (timeline by month x event type, top actors, admin1 bars, map, ...).
    let spec = ViewSpec {
        bin: Bin::Month,
        top_actors: 15,
    };
    let mut state = QueryState::new(&store);
    state.apply(&store, &Filters::default());
    let steps: Vec<Filters> = {
        let mut steps = Vec::new();
        let mut f = Filters::default();
        for round in 0..6 {
            f.categories[Category::EventType] = vec!["Battles".into()];
            steps.push(f.clone());
            f.from = from_ymd(2010 + round, 1, 1);
            f.to = from_ymd(2020 + round, 12, 31);
            steps.push(f.clone());
            f.months = Some((6, 9));
            steps.push(f.clone());
            f.actor = Some(format!("Synthetic Armed Group {}", round * 3));
            steps.push(f.clone());
            f.categories[Category::Admin1] =
                vec![format!("Province 0-{round}"), "Province 1-1".into()];
            steps.push(f.clone());
            f.categories[Category::EventType].clear();
            steps.push(f.clone());
            f = Filters::default();
            steps.push(f.clone());
        }
        steps
    };
    let mut times = Vec::new();
    let mut apply_times = Vec::new();
    for filters in &steps {
        let t = Instant::now();
        state.apply(&store, filters);
        let applied = t.elapsed().as_secs_f64();
        let views = state.views(&store, &spec);
        times.push(t.elapsed().as_secs_f64() * 1e3);
        apply_times.push(applied * 1e3);
        if std::env::var_os("EVENTLENS_BENCH_VERBOSE").is_some() {
            println!(
                "  {:>7.2} ms (apply {:>6.2} ms) {:?}",
                t.elapsed().as_secs_f64() * 1e3,
                applied * 1e3,
                filters
            );
        }
        black_box(views);
    }
    times.sort_by(f64::total_cmp);
    apply_times.sort_by(f64::total_cmp);
    println!(
        "interaction (apply one filter change + all linked views) at {events} events: p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms over {} changes (filter update alone p50 {:.2} ms)",
        percentile(&times, 0.5),
        percentile(&times, 0.95),
        times[times.len() - 1],
        times.len(),
        percentile(&apply_times, 0.5)
    );
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
        t.elapsed().as_secs_f64() * 1e3,
        views.totals.measures.events
    );
    black_box(views);

    let t = Instant::now();
    let rows = state.rows();
    println!(
        "matching rows list ({} rows): {:.2} ms",
        rows.len(),
        t.elapsed().as_secs_f64() * 1e3
    );
}
