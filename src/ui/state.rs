//! The state of the page as plain data: what the user chose ([`AppState`],
//! one value for the whole view, written to the page's link), the
//! loaded dataset ([`Loaded`]) and what is known about it ([`DatasetInfo`]).

use crate::engine::present::credit;
use crate::engine::query::{ActorIndex, QueryState};
use crate::engine::read::layout::Format;
use crate::engine::{ImportReport, Store};

/// Period A against period B, grouped by a dimension.
pub use crate::engine::link::CompareSpec as CompareSettings;
/// What the user has chosen about the view: the engine's page state, so
/// the link of a view (`engine::link`) is read and written in one place
/// and tested natively.
pub use crate::engine::link::PageState as AppState;
pub use crate::engine::link::Panel;
pub use crate::engine::query::Measure;

pub use crate::engine::present::credit::Origin;

/// What the header says about the loaded dataset.
#[derive(Clone, Debug, PartialEq)]
pub struct DatasetInfo {
    pub origin: Origin,
    pub format: Format,
    pub events: usize,
    /// Events of the project's synthetic test data in the file.
    pub synthetic_events: u64,
    /// The last event date, as a version of the data ("events to ...").
    pub last_day: Option<crate::engine::data::date::Day>,
    /// The comparison shown until the user or a link chooses another.
    pub default_compare: CompareSettings,
}

impl DatasetInfo {
    pub fn title(&self) -> String {
        credit::title(&self.origin)
    }

    /// The `?data=` address of the dataset, if a link can load it.
    pub fn data_url(&self) -> Option<&str> {
        match &self.origin {
            Origin::Remote { url } => Some(url),
            _ => None,
        }
    }

    /// The dataset and its version, for footers.
    pub fn versioned_title(&self) -> String {
        credit::versioned_title(&self.origin, self.events, self.last_day)
    }

    /// Who to credit, in one line.
    pub fn credit(&self) -> String {
        credit::credit(&self.origin, self.format, self.synthetic_events)
    }
}

/// The loaded dataset and its filter state. Lives in a non-reactive
/// store; a version counter tells the views when it changed.
pub struct Loaded {
    /// Which dataset this is: a new one for every file installed, so work
    /// done for one dataset (a second file's matching) is never applied to
    /// another that happens to be on show when it finishes.
    pub serial: u64,
    pub store: Store,
    pub state: QueryState,
    /// Event counts and folded names for the actor search box, built the
    /// first time the box is used (it takes a pass over every event, which
    /// need not lengthen the end of a load).
    pub actors: std::cell::OnceCell<ActorIndex>,
    pub report: ImportReport,
    /// The user's file, to read records back (`Blob.slice`) when their
    /// text is not held in memory.
    pub file: Option<web_sys::File>,
}

impl Loaded {
    /// A serial no dataset had before.
    pub fn next_serial() -> u64 {
        use std::sync::atomic::{AtomicU64, Ordering};
        static SERIAL: AtomicU64 = AtomicU64::new(1);
        SERIAL.fetch_add(1, Ordering::Relaxed)
    }
}
