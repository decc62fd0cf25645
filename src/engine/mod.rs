//! The engine: pure Rust, no browser APIs. Decoding, import, the columnar
//! store, queries, aggregation, URL state and export all live here.
