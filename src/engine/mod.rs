//! The engine: pure Rust, no browser APIs. Decoding, import, the columnar
//! store, queries, aggregation, URL state and export all live here, and all
//! of it is tested natively.

pub mod actors;
pub mod date;
pub mod decode;
pub mod error;
pub mod export;
pub mod fold;
pub mod format;
pub mod group;
pub mod import;
pub mod layout;
pub mod present;
pub mod published;
pub mod query;
pub mod recipe;
pub mod store;
pub mod summary;
pub mod synthetic;
pub mod table;

pub use error::ImportError;
pub use import::{import_bytes, Dataset, ImportOptions, ImportReport, Importer};
pub use store::Store;
