//! Calendar dates as day numbers (`i32` days since 1970-01-01), the date
//! formats seen in ACLED and UCDP files, and the time bins of the timeline.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// Days since 1970-01-01.
pub type Day = i32;

const EPOCH_CE_DAYS: i32 = 719_163; // NaiveDate(1970-01-01).num_days_from_ce()

/// Which order the numbers of a date come in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum DateOrder {
    /// Try ISO `2022-05-05` (optionally with a time), then `22 February 2019`,
    /// then day-first `05/05/2022`.
    #[default]
    Auto,
    /// `05/05/2022` is the 5th of May: day first (ACLED legacy files).
    DayFirst,
    /// `05/13/2022`: month first (US spreadsheets).
    MonthFirst,
}

pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Day> {
    NaiveDate::from_ymd_opt(year, month, day).map(|d| d.num_days_from_ce() - EPOCH_CE_DAYS)
}

pub(crate) fn to_naive(day: Day) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(day + EPOCH_CE_DAYS).unwrap_or(NaiveDate::MIN)
}

/// `YYYY-MM-DD`.
pub fn format_iso(day: Day) -> String {
    let d = to_naive(day);
    format!("{}-{:02}-{:02}", year_text(d.year()), d.month(), d.day())
}

/// A year as ISO 8601 writes it: four digits, with a sign outside
/// 0000-9999 (what chrono's `%Y` writes, without its formatting engine in
/// the web app).
fn year_text(year: i32) -> String {
    match year {
        0..=9999 => format!("{year:04}"),
        10_000.. => format!("+{year}"),
        _ => format!("-{:04}", year.unsigned_abs()),
    }
}

/// A date in words: "3 April 2022".
pub fn long_date(d: Day) -> String {
    let iso = format_iso(d);
    let month = iso
        .get(5..7)
        .and_then(|m| m.parse::<u32>().ok())
        .map(crate::engine::i18n::month_long)
        .unwrap_or_default();
    let day = iso
        .get(8..10)
        .and_then(|x| x.parse::<u32>().ok())
        .unwrap_or(0);
    crate::t!(
        "date-long",
        day = day.to_string(),
        month = month,
        year = year_of(d).to_string()
    )
}

/// Parses `YYYY-MM-DD` only (URL and command-line arguments).
pub fn parse_iso(text: &str) -> Option<Day> {
    parse(text.trim().as_bytes(), DateOrder::Auto).filter(|_| text.trim().len() == 10)
}

/// Parses one date field. Returns `None` for anything that is not a real
/// calendar date in one of the supported forms.
pub fn parse(field: &[u8], order: DateOrder) -> Option<Day> {
    let s = trim(field);
    if s.len() >= 10 && s[4] == b'-' && s[7] == b'-' {
        // ISO, possibly followed by a time ("2022-05-05 00:00:00.000").
        if s.len() > 10 && s[10] != b' ' && s[10] != b'T' {
            return None;
        }
        return from_ymd(num(&s[0..4])? as i32, num(&s[5..7])?, num(&s[8..10])?);
    }
    if let Some(day) = parse_day_month_name(s) {
        return Some(day);
    }
    parse_numeric(s, order)
}

fn trim(s: &[u8]) -> &[u8] {
    let start = s
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(s.len());
    let end = s
        .iter()
        .rposition(|b| !b.is_ascii_whitespace())
        .map_or(start, |e| e + 1);
    &s[start..end]
}

fn num(digits: &[u8]) -> Option<u32> {
    if digits.is_empty() || digits.len() > 4 || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(digits.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
}

/// `22 February 2019`, `22-February-2019`, `22 Feb 2019`.
fn parse_day_month_name(s: &[u8]) -> Option<Day> {
    let mut parts = s
        .split(|&b| b == b' ' || b == b'-')
        .filter(|p| !p.is_empty());
    let day = num(parts.next()?)?;
    let month = month_from_name(parts.next()?)?;
    let year = num(parts.next()?)?;
    if parts.next().is_some() || year < 1000 {
        return None;
    }
    from_ymd(year as i32, month, day)
}

/// English month names, as ACLED writes them ("22 February 2019") and as
/// the page prints them.
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Month 1-12 from its name or an abbreviation of at least three letters,
/// in any case: "Feb", "february", "SEPT".
pub(crate) fn month_from_name(name: &[u8]) -> Option<u32> {
    if name.len() < 3 {
        return None;
    }
    MONTH_NAMES
        .iter()
        .position(|m| {
            m.len() >= name.len() && m.as_bytes()[..name.len()].eq_ignore_ascii_case(name)
        })
        .map(|i| i as u32 + 1)
}

/// `05/05/2022` or `5.5.2022`, day-first unless told otherwise.
fn parse_numeric(s: &[u8], order: DateOrder) -> Option<Day> {
    let mut parts = s.split(|&b| b == b'/' || b == b'.' || b == b'-');
    let a = num(parts.next()?)?;
    let b = num(parts.next()?)?;
    let year_part = parts.next()?;
    if parts.next().is_some() || year_part.len() != 4 {
        return None;
    }
    let year = num(year_part)? as i32;
    let (day, month) = match order {
        DateOrder::MonthFirst => (b, a),
        DateOrder::DayFirst | DateOrder::Auto => (a, b),
    };
    from_ymd(year, month, day)
}

/// Width of a timeline bin.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default, Hash)]
#[serde(rename_all = "snake_case")]
pub enum Bin {
    Day,
    Week,
    #[default]
    Month,
    Quarter,
    Year,
    /// A season: months `first..=last` (1-12) of each year, the months
    /// window of the filters; `last < first` runs over the new year
    /// (November-February). A season is numbered by the year it starts
    /// in, and its bin runs to the day before the next season starts.
    Season {
        first: u8,
        last: u8,
    },
}

impl Bin {
    /// The calendar bins.
    pub const ALL: [Bin; 5] = [Bin::Day, Bin::Week, Bin::Month, Bin::Quarter, Bin::Year];
    /// Seasons before their months are known (the filters' months window
    /// sets them, see [`Bin::in_window`]): the whole year.
    pub const SEASON: Bin = Bin::Season { first: 1, last: 12 };
    /// Every bin one can ask for: the calendar bins and seasons.
    pub const CHOICES: [Bin; 6] = [
        Bin::Day,
        Bin::Week,
        Bin::Month,
        Bin::Quarter,
        Bin::Year,
        Bin::SEASON,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Bin::Day => "day",
            Bin::Week => "week",
            Bin::Month => "month",
            Bin::Quarter => "quarter",
            Bin::Year => "year",
            Bin::Season { .. } => "season",
        }
    }

    /// The bin called `name`; `season` is [`Bin::SEASON`].
    pub fn from_name(name: &str) -> Option<Bin> {
        Bin::CHOICES.into_iter().find(|b| b.name() == name)
    }

    /// Seasons take their months from `window` (the filters' months
    /// window; none is the whole year); other bins are unchanged.
    pub fn in_window(self, window: Option<(u8, u8)>) -> Bin {
        match self {
            Bin::Season { .. } => {
                let (first, last) = window
                    .filter(|&(a, b)| (1..=12).contains(&a) && (1..=12).contains(&b))
                    .unwrap_or((1, 12));
                Bin::Season { first, last }
            }
            other => other,
        }
    }

    /// A running number of the bin holding `day`; consecutive bins have
    /// consecutive numbers.
    pub fn index(self, day: Day) -> i32 {
        match self {
            Bin::Day => day,
            // 1970-01-01 was a Thursday; weeks start on Monday.
            Bin::Week => (day + 3).div_euclid(7),
            Bin::Month | Bin::Quarter | Bin::Year => {
                let d = to_naive(day);
                let month = d.year() * 12 + d.month0() as i32;
                match self {
                    Bin::Month => month,
                    Bin::Quarter => month.div_euclid(3),
                    _ => d.year(),
                }
            }
            Bin::Season { first, .. } => {
                let d = to_naive(day);
                d.year() - i32::from(d.month() < u32::from(first))
            }
        }
    }

    /// The first day of bin number `index`.
    pub fn start(self, index: i32) -> Day {
        match self {
            Bin::Day => index,
            Bin::Week => index * 7 - 3,
            Bin::Month => month_start(index),
            Bin::Quarter => month_start(index * 3),
            Bin::Year => from_ymd(index, 1, 1).unwrap_or(0),
            Bin::Season { first, .. } => from_ymd(index, u32::from(first), 1).unwrap_or(0),
        }
    }

    /// A short label: `2022-05-05`, `2022-05-02` (week of), `2022-05`,
    /// `2022-Q2`, `2022`; a season by its year, `2019/20` when it runs
    /// over the new year.
    pub fn label(self, index: i32) -> String {
        let start = to_naive(self.start(index));
        match self {
            Bin::Day | Bin::Week => format_iso(self.start(index)),
            Bin::Month => format!("{}-{:02}", year_text(start.year()), start.month()),
            Bin::Quarter => format!("{}-Q{}", start.year(), start.month0() / 3 + 1),
            Bin::Year => start.year().to_string(),
            Bin::Season { first, last } if last < first => {
                format!("{index}/{:02}", (index + 1).rem_euclid(100))
            }
            Bin::Season { .. } => index.to_string(),
        }
    }
}

fn month_start(month_index: i32) -> Day {
    from_ymd(
        month_index.div_euclid(12),
        month_index.rem_euclid(12) as u32 + 1,
        1,
    )
    .unwrap_or(0)
}

/// Month of year, 1-12.
pub(crate) fn month_of(day: Day) -> u8 {
    to_naive(day).month() as u8
}

pub fn year_of(day: Day) -> i32 {
    to_naive(day).year()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_formats_in_the_wild() {
        let may5 = from_ymd(2022, 5, 5).unwrap();
        let cases: &[(&str, DateOrder, Option<Day>)] = &[
            ("2022-05-05", DateOrder::Auto, Some(may5)),
            (" 2022-05-05 ", DateOrder::Auto, Some(may5)),
            ("2022-05-05 00:00:00.000", DateOrder::Auto, Some(may5)),
            ("2022-05-05T10:00:00", DateOrder::Auto, Some(may5)),
            ("5 May 2022", DateOrder::Auto, Some(may5)),
            ("05-May-2022", DateOrder::Auto, Some(may5)),
            ("22 February 2019", DateOrder::Auto, from_ymd(2019, 2, 22)),
            ("05/05/2022", DateOrder::DayFirst, Some(may5)),
            ("13/05/2022", DateOrder::Auto, from_ymd(2022, 5, 13)),
            ("05/13/2022", DateOrder::MonthFirst, from_ymd(2022, 5, 13)),
            ("05/13/2022", DateOrder::DayFirst, None),
            ("2022-02-30", DateOrder::Auto, None),
            ("31 Febtember 2022", DateOrder::Auto, None),
            ("", DateOrder::Auto, None),
            ("yesterday", DateOrder::Auto, None),
            ("2022-5-5x", DateOrder::Auto, None),
        ];
        for (text, order, want) in cases {
            assert_eq!(parse(text.as_bytes(), *order), *want, "{text:?}");
        }
    }

    #[test]
    fn epoch_and_round_trip() {
        assert_eq!(from_ymd(1970, 1, 1), Some(0));
        assert_eq!(from_ymd(1970, 1, 2), Some(1));
        assert_eq!(from_ymd(1969, 12, 31), Some(-1));
        assert_eq!(format_iso(from_ymd(2024, 7, 27).unwrap()), "2024-07-27");
        assert_eq!(parse_iso("2024-07-27"), from_ymd(2024, 7, 27));
        assert_eq!(parse_iso("27 July 2024"), None);
    }

    #[test]
    fn bins_start_and_label() {
        // 2022-03-27 was a Sunday; its week starts Monday 2022-03-21.
        let d = from_ymd(2022, 3, 27).unwrap();
        assert_eq!(
            format_iso(Bin::Week.start(Bin::Week.index(d))),
            "2022-03-21"
        );
        assert_eq!(Bin::Month.label(Bin::Month.index(d)), "2022-03");
        assert_eq!(Bin::Quarter.label(Bin::Quarter.index(d)), "2022-Q1");
        assert_eq!(Bin::Year.label(Bin::Year.index(d)), "2022");
        assert_eq!(
            Bin::Month.index(from_ymd(2022, 4, 1).unwrap()),
            Bin::Month.index(d) + 1
        );
        assert_eq!(month_of(d), 3);
    }

    #[test]
    fn seasons_are_numbered_by_the_year_they_start_in() {
        let day = |y, m, d| from_ymd(y, m, d).unwrap();
        let rainy = Bin::SEASON.in_window(Some((6, 9)));
        assert_eq!(rainy, Bin::Season { first: 6, last: 9 });
        assert_eq!(rainy.index(day(2021, 6, 1)), 2021);
        assert_eq!(rainy.index(day(2021, 9, 30)), 2021);
        assert_eq!(rainy.label(2021), "2021");
        assert_eq!(format_iso(rainy.start(2022)), "2022-06-01");
        // November-February: December 2019 and January 2020 are one
        // season, "2019/20"; November 2020 starts the next.
        let winter = Bin::SEASON.in_window(Some((11, 2)));
        assert_eq!(winter.index(day(2019, 11, 1)), 2019);
        assert_eq!(winter.index(day(2020, 2, 29)), 2019);
        assert_eq!(winter.index(day(2020, 11, 1)), 2020);
        assert_eq!(winter.label(2019), "2019/20");
        assert_eq!(winter.label(1999), "1999/00");
        assert_eq!(format_iso(winter.start(2019)), "2019-11-01");
        // No window: the calendar year. Other bins ignore the window.
        assert_eq!(Bin::SEASON.in_window(None).index(day(2020, 1, 1)), 2020);
        assert_eq!(Bin::SEASON.in_window(Some((0, 13))), Bin::SEASON);
        assert_eq!(Bin::Month.in_window(Some((6, 9))), Bin::Month);
        assert_eq!(Bin::from_name("season"), Some(Bin::SEASON));
        assert_eq!(Bin::SEASON.name(), "season");
    }

    #[test]
    fn iso_dates_and_month_labels_read_as_chrono_writes_them() {
        let days = (-800_000..-799_000)
            .chain(-720_000..-718_000)
            .chain(-1_000..20_000)
            .chain(2_900_000..2_960_000);
        for day in days.step_by(7) {
            let d = to_naive(day);
            assert_eq!(format_iso(day), d.format("%Y-%m-%d").to_string(), "{day}");
            let month = Bin::Month.index(day);
            let start = to_naive(Bin::Month.start(month));
            assert_eq!(Bin::Month.label(month), start.format("%Y-%m").to_string());
        }
    }
}
