//! What a dataset is, as read from its file: the format recognised, the text
//! encoding, the delimiter, and which column holds each role. The store keeps these so the
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
    pub fn label(self) -> String {
        let key = match self {
            Format::AcledCurrent => "format-acled-current",
            Format::AcledExportTool => "format-acled-export-tool",
            Format::AcledMonadic => "format-acled-monadic",
            Format::AcledLegacyAfrica => "format-acled-legacy",
            Format::UcdpGed => "format-ucdp-ged",
            Format::Mapped => "format-mapped",
        };
        crate::engine::i18n::tr(key, &[])
    }

    pub fn is_ucdp(self) -> bool {
        self == Format::UcdpGed
    }

    /// One of ACLED's own layouts.
    pub(crate) fn is_acled(self) -> bool {
        !matches!(self, Format::UcdpGed | Format::Mapped)
    }
}

/// The source every row of the project's SYNTHETIC test data names
/// (`engine::synthetic`): the importer counts the rows that carry it, and
/// credits then call the data synthetic.
pub const SYNTHETIC_SOURCE: &str = "EventLens synthetic generator";

/// A role a column can play in an event file. The `name` is the stable
/// identifier (report JSON, the mapping dialog's `data-role`); the `label`
/// is what a person reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ColumnRole {
    EventId,
    Date,
    DateEnd,
    TimePrecision,
    DisorderType,
    EventType,
    SubEventType,
    Actor1,
    AssocActor1,
    Actor2,
    AssocActor2,
    CivilianTargeting,
    Country,
    Admin1,
    Admin2,
    Admin3,
    Location,
    Latitude,
    Longitude,
    GeoPrecision,
    Source,
    Notes,
    Fatalities,
    FatalitiesLow,
    FatalitiesHigh,
    CivilianDeaths,
    /// The event's year, which ACLED and UCDP files carry beside the date:
    /// it settles two-digit years and checks the dates read.
    Year,
}

impl ColumnRole {
    /// How many roles there are: the size of a role-indexed array.
    pub(crate) const COUNT: usize = 27;

    /// Every role, in the order the report lists the columns used.
    pub const ALL: [ColumnRole; ColumnRole::COUNT] = [
        ColumnRole::EventId,
        ColumnRole::Date,
        ColumnRole::DateEnd,
        ColumnRole::TimePrecision,
        ColumnRole::DisorderType,
        ColumnRole::EventType,
        ColumnRole::SubEventType,
        ColumnRole::Actor1,
        ColumnRole::AssocActor1,
        ColumnRole::Actor2,
        ColumnRole::AssocActor2,
        ColumnRole::CivilianTargeting,
        ColumnRole::Country,
        ColumnRole::Admin1,
        ColumnRole::Admin2,
        ColumnRole::Admin3,
        ColumnRole::Location,
        ColumnRole::Latitude,
        ColumnRole::Longitude,
        ColumnRole::GeoPrecision,
        ColumnRole::Source,
        ColumnRole::Notes,
        ColumnRole::Fatalities,
        ColumnRole::FatalitiesLow,
        ColumnRole::FatalitiesHigh,
        ColumnRole::CivilianDeaths,
        ColumnRole::Year,
    ];

    /// The roles a user can assign in a column mapping, in the order the
    /// dialog shows them. Only the date is required.
    pub const MAPPABLE: [ColumnRole; 15] = [
        ColumnRole::Date,
        ColumnRole::EventId,
        ColumnRole::EventType,
        ColumnRole::SubEventType,
        ColumnRole::Actor1,
        ColumnRole::Actor2,
        ColumnRole::Country,
        ColumnRole::Admin1,
        ColumnRole::Admin2,
        ColumnRole::Location,
        ColumnRole::Latitude,
        ColumnRole::Longitude,
        ColumnRole::Fatalities,
        ColumnRole::Notes,
        ColumnRole::Source,
    ];

    /// The stable snake_case identifier.
    pub fn name(self) -> &'static str {
        match self {
            ColumnRole::EventId => "event_id",
            ColumnRole::Date => "date",
            ColumnRole::DateEnd => "date_end",
            ColumnRole::TimePrecision => "time_precision",
            ColumnRole::DisorderType => "disorder_type",
            ColumnRole::EventType => "event_type",
            ColumnRole::SubEventType => "sub_event_type",
            ColumnRole::Actor1 => "actor1",
            ColumnRole::AssocActor1 => "assoc_actor_1",
            ColumnRole::Actor2 => "actor2",
            ColumnRole::AssocActor2 => "assoc_actor_2",
            ColumnRole::CivilianTargeting => "civilian_targeting",
            ColumnRole::Country => "country",
            ColumnRole::Admin1 => "admin1",
            ColumnRole::Admin2 => "admin2",
            ColumnRole::Admin3 => "admin3",
            ColumnRole::Location => "location",
            ColumnRole::Latitude => "latitude",
            ColumnRole::Longitude => "longitude",
            ColumnRole::GeoPrecision => "geo_precision",
            ColumnRole::Source => "source",
            ColumnRole::Notes => "notes",
            ColumnRole::Fatalities => "fatalities",
            ColumnRole::FatalitiesLow => "fatalities_low",
            ColumnRole::FatalitiesHigh => "fatalities_high",
            ColumnRole::CivilianDeaths => "civilian_deaths",
            ColumnRole::Year => "year",
        }
    }

    /// The role whose [`name`](Self::name) is `name`.
    pub fn from_name(name: &str) -> Option<ColumnRole> {
        ColumnRole::ALL.into_iter().find(|r| r.name() == name)
    }

    /// The name a person reads (the mapping dialog's labels).
    pub fn label(self) -> String {
        let key = match self {
            ColumnRole::EventId => "column-role-event-id",
            ColumnRole::Date => "column-role-date",
            ColumnRole::DateEnd => "column-role-date-end",
            ColumnRole::TimePrecision => "column-role-time-precision",
            ColumnRole::DisorderType => "column-role-disorder-type",
            ColumnRole::EventType => "column-role-event-type",
            ColumnRole::SubEventType => "column-role-sub-event-type",
            ColumnRole::Actor1 => "column-role-actor-1",
            ColumnRole::AssocActor1 => "column-role-assoc-actor-1",
            ColumnRole::Actor2 => "column-role-actor-2",
            ColumnRole::AssocActor2 => "column-role-assoc-actor-2",
            ColumnRole::CivilianTargeting => "column-role-civilian-targeting",
            ColumnRole::Country => "column-role-country",
            ColumnRole::Admin1 => "column-role-admin-1",
            ColumnRole::Admin2 => "column-role-admin-2",
            ColumnRole::Admin3 => "column-role-admin-3",
            ColumnRole::Location => "column-role-location",
            ColumnRole::Latitude => "column-role-latitude",
            ColumnRole::Longitude => "column-role-longitude",
            ColumnRole::GeoPrecision => "column-role-geo-precision",
            ColumnRole::Source => "column-role-source",
            ColumnRole::Notes => "column-role-notes",
            ColumnRole::Fatalities => "column-role-fatalities",
            ColumnRole::FatalitiesLow => "column-role-fatalities-low",
            ColumnRole::FatalitiesHigh => "column-role-fatalities-high",
            ColumnRole::CivilianDeaths => "column-role-civilian-deaths",
            ColumnRole::Year => "column-role-year",
        };
        crate::engine::i18n::tr(key, &[])
    }

    /// Whether a column mapping can assign this role.
    pub(crate) fn is_mappable(self) -> bool {
        ColumnRole::MAPPABLE.contains(&self)
    }
}

/// Column index of each role; `None` where the file has no such column.
/// Every layout has a date column, so [`Columns::date`] is always there.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Columns {
    date: usize,
    /// By `ColumnRole as usize`; the date's slot is unused.
    others: [Option<usize>; ColumnRole::COUNT],
}

impl Columns {
    /// Columns with the date in `date` and no other role.
    pub fn new(date: usize) -> Columns {
        Columns {
            date,
            ..Columns::default()
        }
    }

    /// The column holding `role`, if the file has one.
    #[inline]
    pub fn get(&self, role: ColumnRole) -> Option<usize> {
        match role {
            ColumnRole::Date => Some(self.date),
            _ => self.others[role as usize],
        }
    }

    /// The date column.
    #[inline]
    pub fn date(&self) -> usize {
        self.date
    }

    /// Reads `role` from `column`.
    pub fn set(&mut self, role: ColumnRole, column: usize) {
        match role {
            ColumnRole::Date => self.date = column,
            _ => self.others[role as usize] = Some(column),
        }
    }

    /// (role, column) for every role that is present, for the report.
    pub fn used(&self) -> Vec<(ColumnRole, usize)> {
        ColumnRole::ALL
            .into_iter()
            .filter_map(|role| self.get(role).map(|c| (role, c)))
            .collect()
    }

    #[cfg(test)]
    /// The highest column index any role reads.
    pub(crate) fn max_index(&self) -> usize {
        self.used().iter().map(|&(_, c)| c).max().unwrap_or(0)
    }
}

/// The character between fields, detected from the header line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Delimiter {
    #[default]
    Comma,
    Semicolon,
    Tab,
}

impl Delimiter {
    pub const ALL: [Delimiter; 3] = [Delimiter::Comma, Delimiter::Semicolon, Delimiter::Tab];

    pub fn byte(self) -> u8 {
        match self {
            Delimiter::Comma => b',',
            Delimiter::Semicolon => b';',
            Delimiter::Tab => b'\t',
        }
    }

    /// The stable short name (report JSON): the character, or `tab`.
    pub fn name(self) -> &'static str {
        match self {
            Delimiter::Comma => ",",
            Delimiter::Semicolon => ";",
            Delimiter::Tab => "tab",
        }
    }

    /// The name shown in the import report.
    pub fn label(self) -> String {
        let key = match self {
            Delimiter::Comma => "separator-comma",
            Delimiter::Semicolon => "separator-semicolon",
            Delimiter::Tab => "separator-tab",
        };
        crate::engine::i18n::tr(key, &[])
    }
}

/// The text encoding a file was found to use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum TextEncoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    Windows1252,
}

impl TextEncoding {
    /// The name shown in the import report.
    pub fn label(self) -> String {
        let key = match self {
            TextEncoding::Utf8 => "encoding-utf8",
            TextEncoding::Utf8Bom => "encoding-utf8-bom",
            TextEncoding::Utf16Le => "encoding-utf16le",
            TextEncoding::Utf16Be => "encoding-utf16be",
            TextEncoding::Windows1252 => "encoding-windows1252",
        };
        crate::engine::i18n::tr(key, &[])
    }

    /// True when the parser sees the file's own bytes (after the BOM), so
    /// byte offsets in the parsed text are offsets in the file.
    pub(crate) fn is_passthrough(self) -> bool {
        matches!(self, TextEncoding::Utf8 | TextEncoding::Utf8Bom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_names_round_trip_and_index_the_arrays() {
        for (i, role) in ColumnRole::ALL.into_iter().enumerate() {
            assert_eq!(role as usize, i, "{role:?} is its own index");
            assert_eq!(ColumnRole::from_name(role.name()), Some(role));
        }
        assert_eq!(ColumnRole::from_name("planet"), None);
        assert_eq!(ColumnRole::from_name("Date"), None);
    }

    #[test]
    fn mappable_roles_are_distinct_and_start_with_the_date() {
        let m = ColumnRole::MAPPABLE;
        assert_eq!(m[0], ColumnRole::Date);
        for (i, a) in m.iter().enumerate() {
            assert!(!m[i + 1..].contains(a), "{a:?} twice");
        }
        assert!(!ColumnRole::AssocActor1.is_mappable());
        assert!(ColumnRole::Notes.is_mappable());
    }

    #[test]
    fn columns_hold_each_role_once() {
        let mut c = Columns::new(4);
        c.set(ColumnRole::Notes, 9);
        c.set(ColumnRole::EventId, 0);
        assert_eq!(c.date(), 4);
        assert_eq!(c.get(ColumnRole::Date), Some(4));
        assert_eq!(c.get(ColumnRole::Notes), Some(9));
        assert_eq!(c.get(ColumnRole::Source), None);
        assert_eq!(
            c.used(),
            vec![
                (ColumnRole::EventId, 0),
                (ColumnRole::Date, 4),
                (ColumnRole::Notes, 9)
            ]
        );
        assert_eq!(c.max_index(), 9);
    }
}
