//! How a file becomes a store: recognising and decoding its bytes, finding
//! its layout from the header, and parsing it chunk by chunk into the
//! columnar store, with a report of what was read and typed errors for what
//! could not be. Excel workbooks and JSON answers of the event APIs are
//! first turned into CSV text (`container`, `workbook`, `json`, `open`).

pub mod container;
pub mod dates;
pub mod decode;
pub mod error;
pub mod import;
pub mod json;
pub mod layout;
pub mod limits;
pub mod open;
pub mod problem;
pub mod published;
pub mod wire;
pub mod workbook;
