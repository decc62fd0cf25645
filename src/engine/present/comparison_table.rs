//! What the comparison panel says: the dimensions it offers, the table's
//! caption, each row's cells with the direction of its change, and the
//! preset's button.

use crate::engine::data::date::Bin;
use crate::engine::data::dimension::GroupBy;
use crate::engine::present::format::thousands;
use crate::engine::query::group::{Comparison, ComparisonRow};

/// The dimensions a comparison is offered by: every breakdown, months, and
/// seasons (the months window's, one row per season: for periods of
/// several years). Other time bins compare poorly across two periods.
pub fn compare_dimensions() -> impl Iterator<Item = GroupBy> {
    GroupBy::breakdowns().chain([GroupBy::Time(Bin::Month), GroupBy::Time(Bin::SEASON)])
}

/// "Events and fatalities by event type: A = 2021-06-01 to 2021-09-30,
/// B = 2022-06-01 to 2022-09-30".
pub fn caption(comparison: &Comparison) -> String {
    crate::t!(
        "compare-caption",
        by = comparison.by.label(),
        a = comparison.a.label(),
        b = comparison.b.label()
    )
}

/// The headings after the first (which names the dimension), in the
/// page's language.
pub fn headings() -> [String; 5] {
    [
        "compare-heading-events-a",
        "compare-heading-events-b",
        "compare-heading-change",
        "compare-heading-fatalities-a",
        "compare-heading-fatalities-b",
    ]
    .map(|key| crate::engine::i18n::tr(key, &[]))
}

/// The headings in English (the CSV's columns).
pub const HEADINGS: [&str; 5] = [
    "Events A",
    "Events B",
    "Change",
    "Fatalities A",
    "Fatalities B",
];

/// Which way the events went from A to B.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trend {
    /// More events, or events where A had none.
    Up,
    Down,
    /// The same, or nothing to compare.
    Flat,
}

impl Trend {
    pub fn of(row: &ComparisonRow) -> Trend {
        if row.is_new || row.change_pct.is_some_and(|p| p > 0.0) {
            Trend::Up
        } else if row.change_pct.is_some_and(|p| p < 0.0) {
            Trend::Down
        } else {
            Trend::Flat
        }
    }

    /// The change cell's classes.
    pub fn class(self) -> &'static str {
        match self {
            Trend::Up => "num up",
            Trend::Down => "num down",
            Trend::Flat => "num",
        }
    }
}

/// One row of the comparison table as text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowCells {
    /// The group's name.
    pub key: String,
    /// Events A, events B, change, fatalities A, fatalities B.
    pub values: [String; 5],
    pub trend: Trend,
}

impl RowCells {
    pub fn new(row: &ComparisonRow) -> RowCells {
        RowCells {
            key: row.key.clone(),
            values: [
                thousands(row.a.events),
                thousands(row.b.events),
                row.change_label(),
                thousands(row.a.fatalities),
                thousands(row.b.fatalities),
            ],
            trend: Trend::of(row),
        }
    }
}

/// The preset's button: "Compare with 2023" for a first year of 2022.
pub fn preset_button(first_year: i32) -> String {
    crate::t!("compare-preset-button", year = (first_year + 1).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::data::dimension::Category;
    use crate::engine::query::group::Period;
    use crate::engine::query::Measures;

    fn measures(events: u64, fatalities: u64) -> Measures {
        Measures {
            events,
            fatalities,
            civilian_fatalities: 0,
        }
    }

    fn row(key: &str, a: (u64, u64), b: (u64, u64)) -> ComparisonRow {
        let change_pct = (a.0 > 0).then(|| (b.0 as f64 - a.0 as f64) * 100.0 / a.0 as f64);
        ComparisonRow {
            key: key.into(),
            a: measures(a.0, a.1),
            b: measures(b.0, b.1),
            change_pct,
            is_new: a.0 == 0 && b.0 > 0,
        }
    }

    #[test]
    fn months_follow_the_breakdowns() {
        let dims: Vec<GroupBy> = compare_dimensions().collect();
        // Months, then seasons, after the breakdowns.
        assert_eq!(
            dims[dims.len() - 2..],
            [GroupBy::Time(Bin::Month), GroupBy::Time(Bin::SEASON)]
        );
        assert!(dims.contains(&GroupBy::Category(Category::EventType)));
        assert!(dims.contains(&GroupBy::Actor));
        assert_eq!(
            dims.iter()
                .filter(|g| matches!(g, GroupBy::Time(_)))
                .count(),
            2
        );
    }

    #[test]
    fn rows_read_as_text_with_their_trend() {
        let up = RowCells::new(&row("Battles", (40, 10), (100, 1200)));
        assert_eq!(up.key, "Battles");
        assert_eq!(
            up.values,
            ["40", "100", "+150%", "10", "1,200"].map(String::from)
        );
        assert_eq!(up.trend.class(), "num up");
        let down = RowCells::new(&row("Riots", (50, 0), (40, 0)));
        assert_eq!(down.values[2], "-20%");
        assert_eq!(down.trend, Trend::Down);
        // Under 10 events in A, the change is a count, not a percentage.
        let small = RowCells::new(&row("Looting", (1, 0), (10, 0)));
        assert_eq!((small.values[2].as_str(), small.trend), ("+9", Trend::Up));
        let small_down = RowCells::new(&row("Looting", (9, 0), (4, 0)));
        assert_eq!(
            (small_down.values[2].as_str(), small_down.trend),
            ("-5", Trend::Down)
        );
        let ten = RowCells::new(&row("Looting", (10, 0), (11, 0)));
        assert_eq!(ten.values[2], "+10%");
        let new = RowCells::new(&row("Protests", (0, 0), (2, 0)));
        assert_eq!((new.values[2].as_str(), new.trend), ("new", Trend::Up));
        let flat = RowCells::new(&row("Other", (3, 0), (3, 0)));
        assert_eq!(
            (flat.values[2].as_str(), flat.trend.class()),
            ("no change", "num")
        );
        let none = RowCells::new(&row("None", (0, 0), (0, 0)));
        assert_eq!(none.trend, Trend::Flat);
    }

    #[test]
    fn the_caption_names_the_dimension_and_both_periods() {
        let (a, b) = match (Period::months(2021, 6, 9), Period::months(2022, 6, 9)) {
            (Some(a), Some(b)) => (a, b),
            _ => panic!("valid months"),
        };
        let comparison = Comparison {
            by: GroupBy::Category(Category::EventType),
            a,
            b,
            rows: Vec::new(),
            total: row("Total", (0, 0), (0, 0)),
        };
        assert_eq!(
            caption(&comparison),
            "Events and fatalities by event type: A = 2021-06-01 to 2021-09-30, B = 2022-06-01 to 2022-09-30"
        );
        assert_eq!(preset_button(2022), "Compare with 2023");
    }
}
