//! EventLens: explore political-violence event data in the browser.
//!
//! The crate has two halves. [`engine`] is pure Rust (no `web_sys`, no
//! `leptos`): decoding, CSV import, the columnar event store, queries,
//! aggregation, URL state and export writers. It is compiled and tested
//! natively. `ui` is a thin Leptos layer that exists only on `wasm32`.

pub mod engine;

#[cfg(target_arch = "wasm32")]
pub mod ui;
