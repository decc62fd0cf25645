//! The state of the page as plain data: what the user chose ([`AppState`],
//! one value for the whole view so it can be written to a URL later), the
//! loaded dataset ([`Loaded`]) and what is known about it ([`DatasetInfo`]).

use crate::engine::date::{self, Bin, Day};
use crate::engine::group::{GroupBy, Period};
use crate::engine::layout::Format;
use crate::engine::present::busiest_consecutive_years;
use crate::engine::query::{ActorIndex, Filters, QueryState};
use crate::engine::table::SortKey;
use crate::engine::{ImportReport, Store};

/// What the charts measure.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Measure {
    #[default]
    Events,
    Fatalities,
}

impl Measure {
    pub fn label(self) -> &'static str {
        match self {
            Measure::Events => "Events",
            Measure::Fatalities => "Fatalities",
        }
    }
}

/// The lower panel on show.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Panel {
    #[default]
    Table,
    Compare,
}

/// Period A against period B, grouped by a dimension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CompareSettings {
    pub a: Period,
    pub b: Period,
    pub by: GroupBy,
}

impl CompareSettings {
    /// "Same months in consecutive years": months `first..=last` of `year`
    /// against the same months a year later.
    pub fn consecutive_years(year: i32, first: u32, last: u32, by: GroupBy) -> Option<Self> {
        Some(CompareSettings {
            a: Period::months(year, first, last)?,
            b: Period::months(year + 1, first, last)?,
            by,
        })
    }

    /// The rainy season (June to September) of the two consecutive years
    /// with most events in it (else the last two years), by event type.
    pub fn default_for(dates: &[Day]) -> Self {
        let last = dates.iter().copied().max();
        let year = busiest_consecutive_years(dates, 6, 9)
            .unwrap_or_else(|| last.map_or(2021, |d| date::year_of(d) - 1));
        Self::consecutive_years(year, 6, 9, GroupBy::EventType).unwrap_or(CompareSettings {
            a: Period { from: 0, to: 0 },
            b: Period { from: 0, to: 0 },
            by: GroupBy::EventType,
        })
    }
}

/// Everything the user has chosen about the view.
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub filters: Filters,
    pub bin: Bin,
    pub measure: Measure,
    pub compare: CompareSettings,
    pub panel: Panel,
    /// `None`: file order.
    pub sort: Option<SortKey>,
}

impl Default for AppState {
    fn default() -> Self {
        AppState {
            filters: Filters::default(),
            bin: Bin::Month,
            measure: Measure::Events,
            compare: CompareSettings::default_for(&[]),
            panel: Panel::Table,
            sort: None,
        }
    }
}

/// Where a dataset came from, for the header and its credit line.
#[derive(Clone, Debug, PartialEq)]
pub enum Origin {
    /// The dataset shipped with the site.
    Bundled,
    /// A file the user opened.
    File { name: String },
}

/// What the header says about the loaded dataset.
#[derive(Clone, Debug, PartialEq)]
pub struct DatasetInfo {
    pub origin: Origin,
    pub format: Format,
    pub format_label: String,
    pub events: usize,
}

impl DatasetInfo {
    pub const BUNDLED_TITLE: &'static str = "Wagner Group in Mali, events in public reporting";

    pub fn title(&self) -> String {
        match &self.origin {
            Origin::Bundled => Self::BUNDLED_TITLE.to_string(),
            Origin::File { name } => name.clone(),
        }
    }
}

/// The loaded dataset and its filter state. Lives in a non-reactive
/// store; a version counter tells the views when it changed.
pub struct Loaded {
    pub store: Store,
    pub state: QueryState,
    /// Event counts and folded names for the actor search box.
    pub actors: ActorIndex,
    pub report: ImportReport,
    /// The user's file, to read records back (`Blob.slice`) when their
    /// text is not held in memory.
    pub file: Option<web_sys::File>,
}
