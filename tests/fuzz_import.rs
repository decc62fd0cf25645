//! Fuzz-style test: random bytes, truncated files and mutated files fed to
//! the importer in random chunk sizes never panic and never hang; they end
//! in a dataset or an error sentence.

mod common;

use common::fixture;
use eventlens::engine::query::{Filters, QueryState, ViewSpec};
use eventlens::engine::read::import::{ImportOptions, Importer};
use eventlens::engine::synthetic::Rng;

fn feed(bytes: &[u8], rng: &mut Rng) {
    let mut importer = Importer::new(ImportOptions {
        hold_text: rng.below(2) == 0,
        ..ImportOptions::default()
    });
    let mut rest = bytes;
    while !rest.is_empty() {
        let n = (1 + rng.below(4096) as usize).min(rest.len());
        if importer.push(&rest[..n]).is_err() {
            return;
        }
        rest = &rest[n..];
    }
    match importer.finish() {
        Ok(d) => {
            // Whatever was imported must be queryable.
            let mut state = QueryState::new(&d.store);
            state.apply(
                &d.store,
                &Filters {
                    text: Some("a".into()),
                    actor: Some("x".into()),
                    ..Filters::default()
                },
            );
            let _ = state.views(&d.store, &ViewSpec::default());
            for r in 0..d.store.len().min(20) {
                let _ = d.store.record_in_memory(r);
            }
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
}

#[test]
fn random_bytes_never_panic() {
    let mut rng = Rng::new(42);
    for _ in 0..300 {
        let len = rng.below(3000) as usize;
        let bytes: Vec<u8> = (0..len).map(|_| rng.next_u64() as u8).collect();
        feed(&bytes, &mut rng);
    }
}

#[test]
fn truncated_and_mutated_fixtures_never_panic() {
    let mut rng = Rng::new(7);
    let files = [
        "acled_current.csv",
        "acled_export_tool_2019.csv",
        "acled_monadic.csv",
        "acled_legacy_africa_cp1252.csv",
        "ucdp_ged.csv",
        "invalid/mixed_bad_rows.csv",
        "invalid/unclosed_quote.csv",
    ];
    let alphabet = b",;\t\"\r\n\x00\xff\xfe\xc3\xa9 aZ9-/:";
    for file in files {
        let original = fixture(file);
        for cut in 0..original.len() {
            feed(&original[..cut], &mut rng);
        }
        for _ in 0..300 {
            let mut bytes = original.clone();
            for _ in 0..1 + rng.below(8) {
                let at = rng.below(bytes.len() as u64) as usize;
                let b = alphabet[rng.below(alphabet.len() as u64) as usize];
                match rng.below(3) {
                    0 => bytes[at] = b,
                    1 => bytes.insert(at, b),
                    _ => {
                        bytes.remove(at);
                    }
                }
                if bytes.is_empty() {
                    break;
                }
            }
            feed(&bytes, &mut rng);
        }
    }
}
