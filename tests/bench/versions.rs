//! Benchmark of comparing two versions of a dataset, on SYNTHETIC
//! ACLED-shaped data (made by `engine::synthetic`, never real events):
//! an earlier file of N events and a later one with every 1,000th event
//! deleted, the fatalities of every 500th revised and N/100 events added.
//! Prints figures; asserts nothing about speed, so it cannot flake.
//!
//! `cargo bench --bench versions` (1,000,000 + 1,000,000 events), or
//! `EVENTLENS_BENCH_EVENTS=200000 cargo bench --bench versions`.

use eventlens::engine::import_bytes;
use eventlens::engine::query::versions::{diff_versions, VersionMatcher};
use eventlens::engine::query::{Filters, QueryState};
use eventlens::engine::read::import::ImportOptions;
use eventlens::engine::synthetic;
use std::time::Instant;

/// The later version of `earlier` (CSV text whose records are one line
/// each, as the generator writes them).
fn later_version(earlier: &[u8], added: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(earlier);
    let mut out = String::with_capacity(text.len() + added.len());
    for (i, line) in text.lines().enumerate() {
        if i > 0 && i % 1000 == 0 {
            continue;
        }
        if i > 0 && i % 500 == 0 {
            // ...,<fatalities>,<tags>,<timestamp>: one more fatality.
            let mut fields: Vec<&str> = line.rsplitn(4, ',').collect();
            let revised = fields[2].parse::<u32>().map_or(1, |f| f + 1).to_string();
            fields[2] = &revised;
            fields.reverse();
            out.push_str(&fields.join(","));
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    let added_text = String::from_utf8_lossy(added);
    for line in added_text.lines().skip(1) {
        out.push_str("NEW");
        out.push_str(line.strip_prefix("SYN").unwrap_or(line));
        out.push('\n');
    }
    out.into_bytes()
}

fn main() {
    if !std::env::args().any(|a| a == "--bench") {
        println!("versions benchmark: skipped (run it with `cargo bench --bench versions`)");
        return;
    }
    let events: usize = std::env::var("EVENTLENS_BENCH_EVENTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    println!("EventLens versions benchmark, SYNTHETIC data, {events} + about {events} events, one thread");
    let earlier_text = synthetic::acled_csv(events, 1);
    let later_text = later_version(&earlier_text, &synthetic::acled_csv(events / 100, 2));
    let options = || ImportOptions {
        keep_event_keys: true,
        ..ImportOptions::default()
    };
    let t = Instant::now();
    let earlier = import_bytes(&earlier_text, options())
        .expect("synthetic CSV imports")
        .store;
    let later = import_bytes(&later_text, options())
        .expect("synthetic CSV imports")
        .store;
    println!(
        "imported both ({} and {} events) in {:.2} s",
        earlier.len(),
        later.len(),
        t.elapsed().as_secs_f64()
    );
    let memory = earlier.memory_use();
    println!(
        "event keys: 8 bytes per event ({:.1} bytes per event in columns with them)",
        memory.column_bytes as f64 / memory.events.max(1) as f64
    );
    let mut states = [QueryState::new(&earlier), QueryState::new(&later)];
    let filters = Filters::default();
    states[0].apply(&earlier, &filters);
    states[1].apply(&later, &filters);
    let mut times = Vec::new();
    let mut last = None;
    for _ in 0..5 {
        let t = Instant::now();
        let diff =
            diff_versions(&earlier, &later, |v, r| states[v].passes(r)).expect("both have ids");
        times.push(t.elapsed().as_secs_f64() * 1e3);
        last = Some(diff);
    }
    times.sort_by(f64::total_cmp);
    if let Some(diff) = last {
        println!(
            "diff: {} added, {} deleted, {} revised, {} unchanged",
            diff.added.len(),
            diff.deleted.len(),
            diff.revised.len(),
            diff.unchanged
        );
    }
    println!(
        "diff of the two versions: median {:.1} ms, slowest {:.1} ms (5 runs)",
        times[2], times[4]
    );
    // The parts of the matching a page runs in slices, each whole, and the
    // pass over the matches that follows every change of filters.
    let parts = [
        "hashing the earlier ids",
        "translating names",
        "indexing the later places",
        "finding the earlier places",
        "numbering the later sides",
        "finding the earlier sides",
        "matching the later ids",
        "listing the deleted",
    ];
    let mut matcher = VersionMatcher::new(&earlier, &later).expect("both have ids");
    loop {
        let part = matcher.part();
        let t = Instant::now();
        let done = matcher.step(&earlier, &later, usize::MAX);
        println!(
            "  {}: {:.1} ms",
            parts.get(part).unwrap_or(&"?"),
            t.elapsed().as_secs_f64() * 1e3
        );
        if done {
            break;
        }
    }
    let pairs = matcher.finish();
    let t = Instant::now();
    let diff = pairs.view(|v, r| states[v].passes(r));
    println!(
        "the diff of a view from the matches: {:.1} ms ({} revised)",
        t.elapsed().as_secs_f64() * 1e3,
        diff.revised.len()
    );
}
