//! The fuzz campaign: SYNTHETIC hostile files (real-shaped ACLED and UCDP
//! rows, broken on purpose), link queries and date values, run through the
//! importer under several chunkings, the link parser and the date forms,
//! checking that nothing panics, nothing hangs, and the invariants of
//! [`check`] hold.
//!
//! A short campaign runs with the tests. A long one is one command:
//!
//! ```text
//! FUZZ_INPUTS=10000000 FUZZ_SEED=1 cargo test --release --test fuzz -- --ignored --nocapture
//! ```
//!
//! `FUZZ_FROM=N` starts at input `N` of the seed: a campaign can run in
//! parts (one process per core, or resumed after a stop).
//!
//! It prints inputs per second as it goes and each finding with the seed
//! and index that rebuild it; the input is written to `FUZZ_FINDINGS` (a
//! directory, by default the system's temporary one). Findings worth
//! keeping go in `tests/fixtures/fuzz/`, replayed by
//! [`every_kept_finding_now_passes`].

mod check;
mod generate;

use eventlens::engine::synthetic::Rng;
use generate::Templates;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Longest any one input may take before it counts as a hang.
const TIME_LIMIT: Duration = Duration::from_secs(20);

/// The seed of input `index` of a campaign.
fn input_seed(seed: u64, index: u64) -> u64 {
    Rng::new(seed ^ index.wrapping_mul(0x9E37_79B9_7F4A_7C15)).next_u64()
}

/// One campaign input: a file, a link query and a few date values.
struct Input {
    file: Vec<u8>,
    query: String,
    dates: Vec<String>,
    /// Chooses chunkings while checking.
    rng: Rng,
}

fn input(templates: &Templates, seed: u64) -> Input {
    let mut rng = Rng::new(seed);
    let file = generate::file(&mut rng, templates);
    let query = generate::query(&mut rng);
    let dates = (0..1 + rng.below(8))
        .map(|_| generate::date_value(&mut rng))
        .collect();
    Input {
        file,
        query,
        dates,
        rng,
    }
}

type Check<'a> = dyn FnMut() -> Result<(), String> + 'a;

/// Runs the checks on one input; a panic is caught and reported.
fn run_one(input: &mut Input) -> Vec<(&'static str, String)> {
    let mut found = Vec::new();
    let checks: [(&'static str, &mut Check); 3] = [
        ("import", &mut || {
            check::import_input(&input.file, &mut input.rng)
        }),
        ("link", &mut || check::query_input(&input.query)),
        ("dates", &mut || check::date_input(&input.dates)),
    ];
    for (kind, check) in checks {
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(check)) {
            Ok(Ok(())) => {}
            Ok(Err(why)) => found.push((kind, why)),
            Err(panic) => {
                let message = panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                found.push((kind, format!("panic: {message}")));
            }
        }
    }
    found
}

/// What a campaign did.
struct Summary {
    inputs: u64,
    seconds: f64,
    findings: Vec<String>,
}

fn findings_dir() -> PathBuf {
    std::env::var_os("FUZZ_FINDINGS")
        .map(PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join("eventlens-fuzz"))
}

/// Writes what an input held, for keeping as a fixture.
fn save(templates: &Templates, seed: u64, index: u64, kind: &str) -> PathBuf {
    let dir = findings_dir();
    let _ = std::fs::create_dir_all(&dir);
    let input = input(templates, input_seed(seed, index));
    let (name, bytes) = match kind {
        "link" => (format!("link-{seed}-{index}.txt"), input.query.into_bytes()),
        "dates" => (
            format!("dates-{seed}-{index}.txt"),
            input.dates.join("\n").into_bytes(),
        ),
        _ => (format!("{kind}-{seed}-{index}.csv"), input.file),
    };
    let path = dir.join(name);
    let _ = std::fs::write(&path, bytes);
    path
}

/// Runs inputs `from..from + inputs` of `seed`, printing progress when
/// `verbose`.
fn campaign(from: u64, inputs: u64, seed: u64, verbose: bool) -> Summary {
    let templates = Arc::new(Templates::load());
    let current = Arc::new(AtomicU64::new(u64::MAX));
    let done = Arc::new(AtomicU64::new(0));
    // The watchdog: an input still running past the limit is a hang; it is
    // saved and the run stops (a hang cannot be interrupted).
    {
        let (current, done, templates) = (current.clone(), done.clone(), templates.clone());
        std::thread::spawn(move || {
            let mut last = (u64::MAX, Instant::now());
            loop {
                std::thread::sleep(Duration::from_millis(500));
                if done.load(Ordering::Relaxed) == 1 {
                    return;
                }
                let now = current.load(Ordering::Relaxed);
                if now != last.0 {
                    last = (now, Instant::now());
                } else if now != u64::MAX && last.1.elapsed() > TIME_LIMIT {
                    let path = save(&templates, seed, now, "hang");
                    eprintln!(
                        "HANG: input {now} of seed {seed} ran over {TIME_LIMIT:?}; saved to {}",
                        path.display()
                    );
                    std::process::exit(2);
                }
            }
        });
    }
    let quiet = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let started = Instant::now();
    let mut findings = Vec::new();
    let mut bytes = 0u64;
    let mut report_at = Instant::now() + Duration::from_secs(10);
    for index in from..from + inputs {
        current.store(index, Ordering::Relaxed);
        let mut one = input(&templates, input_seed(seed, index));
        bytes += one.file.len() as u64;
        let took = Instant::now();
        let found = run_one(&mut one);
        let slow = took.elapsed();
        for (kind, why) in found {
            let path = save(&templates, seed, index, kind);
            let line = format!(
                "{kind} finding, seed {seed} input {index} ({}): {}",
                path.display(),
                why.chars().take(600).collect::<String>()
            );
            if verbose {
                eprintln!("{line}");
            }
            findings.push(line);
        }
        if slow > TIME_LIMIT / 4 {
            let path = save(&templates, seed, index, "slow");
            findings.push(format!(
                "slow input, seed {seed} input {index} ({}): {slow:?} for {} bytes",
                path.display(),
                one.file.len()
            ));
        }
        if verbose && Instant::now() > report_at {
            report_at = Instant::now() + Duration::from_secs(30);
            let secs = started.elapsed().as_secs_f64();
            let run = index + 1 - from;
            eprintln!(
                "{run} inputs (up to input {index}) in {secs:.0} s: {:.0} inputs/s, {:.1} MB/s of files, {} findings",
                run as f64 / secs,
                bytes as f64 / secs / 1e6,
                findings.len()
            );
        }
    }
    done.store(1, Ordering::Relaxed);
    std::panic::set_hook(quiet);
    Summary {
        inputs,
        seconds: started.elapsed().as_secs_f64(),
        findings,
    }
}

fn env_u64(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.replace('_', "").parse().ok())
        .unwrap_or(default)
}

/// The short campaign CI runs: a few thousand inputs, seconds.
#[test]
fn a_short_fuzz_campaign_finds_nothing() {
    let summary = campaign(0, env_u64("FUZZ_SHORT_INPUTS", 2_000), 20_240_501, false);
    assert!(
        summary.findings.is_empty(),
        "{} findings:\n{}",
        summary.findings.len(),
        summary.findings.join("\n")
    );
}

/// The long campaign: `FUZZ_INPUTS` inputs of `FUZZ_SEED`, from input
/// `FUZZ_FROM` (0 unless set), so one campaign can run in parts: in
/// several processes at once, or resumed where a run stopped.
#[test]
#[ignore = "long; run with --ignored (see the module notes)"]
fn fuzz_campaign() {
    let inputs = env_u64("FUZZ_INPUTS", 100_000);
    let seed = env_u64("FUZZ_SEED", 1);
    let from = env_u64("FUZZ_FROM", 0);
    let summary = campaign(from, inputs, seed, true);
    eprintln!(
        "{} inputs of seed {seed} (inputs {from} to {}) in {:.0} s ({:.0} inputs/s); {} findings",
        summary.inputs,
        from + summary.inputs - 1,
        summary.seconds,
        summary.inputs as f64 / summary.seconds,
        summary.findings.len()
    );
    for f in &summary.findings {
        eprintln!("{f}");
    }
    assert!(summary.findings.is_empty());
}

/// Every input a campaign found wrong, kept in tests/fixtures/fuzz/, now
/// passes the same checks.
#[test]
fn every_kept_finding_now_passes() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|entries| entries.filter_map(|e| Some(e.ok()?.path())).collect())
        .unwrap_or_default();
    files.sort();
    let mut failures = Vec::new();
    for path in &files {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with('.') || name.ends_with(".md") {
            continue;
        }
        let Ok(bytes) = std::fs::read(path) else {
            continue;
        };
        let result = if name.starts_with("link-") {
            check::query_input(&String::from_utf8_lossy(&bytes))
        } else if name.starts_with("dates-") {
            let values: Vec<String> = String::from_utf8_lossy(&bytes)
                .lines()
                .map(str::to_string)
                .collect();
            check::date_input(&values)
        } else {
            // Every chunking of a kept file, several times over.
            (0..8).try_for_each(|i| check::import_input(&bytes, &mut Rng::new(i)))
        };
        if let Err(why) = result {
            failures.push(format!("{name}: {why}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
