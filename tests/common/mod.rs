//! Shared helpers for the engine's integration tests.
#![allow(dead_code)]

use eventlens::engine::read::import::{Dataset, ImportOptions, Importer};
use eventlens::engine::ImportError;
use std::path::PathBuf;

pub fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("fixture {}: {e}", path.display()))
}

/// Imports `bytes` pushed in chunks of `chunk` bytes.
pub fn import_chunked(
    bytes: &[u8],
    chunk: usize,
    options: ImportOptions,
) -> Result<Dataset, ImportError> {
    let mut importer = Importer::new(options);
    for piece in bytes.chunks(chunk.max(1)) {
        importer.push(piece)?;
    }
    importer.finish()
}

pub fn import(bytes: &[u8]) -> Result<Dataset, ImportError> {
    import_chunked(
        bytes,
        1 << 20,
        ImportOptions {
            hold_text: true,
            ..ImportOptions::default()
        },
    )
}

pub fn total_fatalities(d: &Dataset) -> u64 {
    d.store.fatalities.iter().map(|&f| u64::from(f)).sum()
}
