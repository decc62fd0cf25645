//! What a dataset is, as read from its file: the format recognised, the text
//! encoding, and which column holds each role. The store keeps these so the
//! report, exports and the record reader can use them.

use serde::{Deserialize, Serialize};

/// The kinds of file the importer knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// ACLED API / export tool, about 2022 on: 31 columns, ISO dates.
    AcledCurrent,
    /// ACLED export tool, about 2019-2021: `data_id`, `iso3`, `22 February 2019`.
    AcledExportTool,
    /// ACLED monadic export: one row per actor, no `actor2`.
    AcledMonadic,
    /// Legacy all-Africa file (about 2016): upper-case headers, `DD/MM/YYYY`.
    AcledLegacyAfrica,
    /// UCDP Georeferenced Event Dataset.
    UcdpGed,
    /// Any other CSV, read through a user's column mapping.
    Mapped,
}

impl Format {
    pub fn label(self) -> &'static str {
        match self {
            Format::AcledCurrent => "ACLED export (current layout)",
            Format::AcledExportTool => "ACLED export tool (2019-2021 layout)",
            Format::AcledMonadic => "ACLED monadic export (one row per actor)",
            Format::AcledLegacyAfrica => "ACLED legacy all-Africa file",
            Format::UcdpGed => "UCDP Georeferenced Event Dataset (GED)",
            Format::Mapped => "CSV read through a column mapping",
        }
    }

    pub fn is_ucdp(self) -> bool {
        self == Format::UcdpGed
    }

    /// One of ACLED's own layouts.
    pub fn is_acled(self) -> bool {
        !matches!(self, Format::UcdpGed | Format::Mapped)
    }
}

/// Column index of each role; `None` where the file has no such column.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Columns {
    pub event_id: Option<usize>,
    pub date: usize,
    pub date_end: Option<usize>,
    pub time_precision: Option<usize>,
    pub disorder_type: Option<usize>,
    pub event_type: Option<usize>,
    pub sub_event_type: Option<usize>,
    pub actor1: Option<usize>,
    pub assoc_actor_1: Option<usize>,
    pub actor2: Option<usize>,
    pub assoc_actor_2: Option<usize>,
    pub civilian_targeting: Option<usize>,
    pub country: Option<usize>,
    pub admin1: Option<usize>,
    pub admin2: Option<usize>,
    pub admin3: Option<usize>,
    pub location: Option<usize>,
    pub latitude: Option<usize>,
    pub longitude: Option<usize>,
    pub geo_precision: Option<usize>,
    pub source: Option<usize>,
    pub notes: Option<usize>,
    pub fatalities: Option<usize>,
    pub fatalities_low: Option<usize>,
    pub fatalities_high: Option<usize>,
    pub civilian_deaths: Option<usize>,
}

impl Columns {
    /// (role name, column) for every role that is present, for the report.
    pub fn used(&self) -> Vec<(&'static str, usize)> {
        let roles = [
            ("event_id", self.event_id),
            ("date", Some(self.date)),
            ("date_end", self.date_end),
            ("time_precision", self.time_precision),
            ("disorder_type", self.disorder_type),
            ("event_type", self.event_type),
            ("sub_event_type", self.sub_event_type),
            ("actor1", self.actor1),
            ("assoc_actor_1", self.assoc_actor_1),
            ("actor2", self.actor2),
            ("assoc_actor_2", self.assoc_actor_2),
            ("civilian_targeting", self.civilian_targeting),
            ("country", self.country),
            ("admin1", self.admin1),
            ("admin2", self.admin2),
            ("admin3", self.admin3),
            ("location", self.location),
            ("latitude", self.latitude),
            ("longitude", self.longitude),
            ("geo_precision", self.geo_precision),
            ("source", self.source),
            ("notes", self.notes),
            ("fatalities", self.fatalities),
            ("fatalities_low", self.fatalities_low),
            ("fatalities_high", self.fatalities_high),
            ("civilian_deaths", self.civilian_deaths),
        ];
        roles
            .into_iter()
            .filter_map(|(name, col)| col.map(|c| (name, c)))
            .collect()
    }

    /// The highest column index any role reads.
    pub fn max_index(&self) -> usize {
        self.used().iter().map(|&(_, c)| c).max().unwrap_or(0)
    }
}

/// The text encoding a file was found to use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub enum TextEncoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    Windows1252,
}

impl TextEncoding {
    /// The name shown in the import report.
    pub fn label(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf8Bom => "UTF-8 with byte-order mark",
            TextEncoding::Utf16Le => "UTF-16 little-endian",
            TextEncoding::Utf16Be => "UTF-16 big-endian",
            TextEncoding::Windows1252 => "Windows-1252",
        }
    }

    /// Bytes of byte-order mark at the start of the file.
    pub fn bom_len(self) -> usize {
        match self {
            TextEncoding::Utf8Bom => 3,
            TextEncoding::Utf16Le | TextEncoding::Utf16Be => 2,
            _ => 0,
        }
    }

    /// True when the parser sees the file's own bytes (after the BOM), so
    /// byte offsets in the parsed text are offsets in the file.
    pub fn is_passthrough(self) -> bool {
        matches!(self, TextEncoding::Utf8 | TextEncoding::Utf8Bom)
    }
}
