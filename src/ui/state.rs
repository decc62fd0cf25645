//! The state of the page as plain data: what the user chose ([`AppState`],
//! one value for the whole view, written to the page's link), the
//! loaded dataset ([`Loaded`]) and what is known about it ([`DatasetInfo`]).

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

/// Where a dataset came from, for the header and its credit line.
#[derive(Clone, Debug, PartialEq)]
pub enum Origin {
    /// The dataset shipped with the site.
    Bundled,
    /// A file the user opened.
    File { name: String },
    /// A CSV fetched from the address in the link (`?data=`).
    Remote { url: String },
}

/// What the header says about the loaded dataset.
#[derive(Clone, Debug, PartialEq)]
pub struct DatasetInfo {
    pub origin: Origin,
    pub format: Format,
    pub events: usize,
    /// The last event date, as a version of the data ("events to ...").
    pub last_day: Option<crate::engine::data::date::Day>,
    /// The comparison shown until the user or a link chooses another.
    pub default_compare: CompareSettings,
}

impl DatasetInfo {
    pub const BUNDLED_TITLE: &'static str = "Wagner Group in Mali, events in public reporting";
    pub const BUNDLED_CREDIT: &'static str = "Compiled by EventLens from CTC Sentinel, RUSI, Jamestown Foundation, Jeune Afrique / The Africa Report and a policy brief.";

    pub fn title(&self) -> String {
        match &self.origin {
            Origin::Bundled => Self::BUNDLED_TITLE.to_string(),
            Origin::File { name } => name.clone(),
            Origin::Remote { url } => url_file_name(url),
        }
    }

    /// The `?data=` address of the dataset, if a link can load it.
    pub fn data_url(&self) -> Option<&str> {
        match &self.origin {
            Origin::Remote { url } => Some(url),
            _ => None,
        }
    }

    /// The dataset and its version, for footers: "Wagner Group in Mali,
    /// events in public reporting (EventLens 0.1.0 edition, events to
    /// 2024-07-27)".
    pub fn versioned_title(&self) -> String {
        let to = self
            .last_day
            .map(|d| format!(", events to {}", crate::engine::data::date::format_iso(d)))
            .unwrap_or_default();
        match self.origin {
            Origin::Bundled => format!(
                "{} (EventLens {} edition{to})",
                self.title(),
                env!("CARGO_PKG_VERSION")
            ),
            _ => format!(
                "{} ({} events{to})",
                self.title(),
                crate::engine::present::format::thousands(self.events as u64)
            ),
        }
    }

    /// Who to credit, in one line.
    pub fn credit(&self) -> String {
        match &self.origin {
            Origin::Bundled => Self::BUNDLED_CREDIT.to_string(),
            Origin::Remote { url } if self.format.is_ucdp() => {
                format!("Data: UCDP GED, CC BY 4.0, from {url}")
            }
            Origin::Remote { url } => format!("Data: {}, from {url}", self.format.label()),
            Origin::File { .. } if self.format.is_ucdp() => "Data: UCDP GED, CC BY 4.0".into(),
            Origin::File { .. } => format!("Data: {}", self.format.label()),
        }
    }
}

/// The loaded dataset and its filter state. Lives in a non-reactive
/// store; a version counter tells the views when it changed.
pub struct Loaded {
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

/// The last path segment of an address, for a title ("events.csv").
fn url_file_name(url: &str) -> String {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    path.rsplit('/')
        .find(|s| !s.is_empty())
        .unwrap_or(url)
        .to_string()
}
