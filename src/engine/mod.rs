//! The engine: pure Rust, no browser APIs, tested natively. Each folder
//! answers one question, and each depends only on those listed before it:
//!
//! - [`data`]: how events are held - dates, the dimensions of an event, the
//!   columnar store, interned names and sides, canonical actors.
//! - [`read`]: how a file becomes a store - text decoding, recognising the
//!   layout, the streaming CSV importer and its report and errors.
//! - [`query`]: what the user asks - filters, the linked views, group-by
//!   and period comparison, table order, notes search, actor suggestions.
//! - [`present`]: how answers are shown - numbers and dates in words, chips,
//!   palette, axes, map geometry, chart descriptions and text summaries.
//! - [`output`]: what leaves the page - CSV, SVG, file names, embed code.
//! - [`link`]: the view as a URL, read and written.
//!
//! [`i18n`], under all of them, holds the languages every sentence is
//! written in.
//!
//! [`synthetic`] writes labelled synthetic files for tests and benchmarks.

pub mod data;
pub mod i18n;
pub mod link;
pub mod output;
pub mod present;
pub mod query;
pub mod read;
pub mod synthetic;

pub use data::store::Store;
pub use read::error::ImportError;
pub use read::import::{import_bytes, Dataset, ImportOptions, ImportReport, Importer};
pub use read::open::{import_any, Opened};
