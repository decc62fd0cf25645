//! One-paragraph text summaries of each view ("Between June and September
//! 2022 there were 115 events, up 1,050% on 2021"), shown under charts and
//! used as their accessible descriptions.

use crate::engine::data::date::{self, Day};
use crate::engine::present::format::{plural, thousands};
use crate::engine::query::group::{Comparison, Period, MIN_PERCENT_BASE};
use crate::engine::query::Measure;
use crate::engine::query::{Bar, MapPoint, Timeline, Totals};
use chrono::Datelike;

/// "between June and September 2022", "in March 2022", or ISO dates when
/// the period is not whole months.
pub(crate) fn period_words(p: &Period) -> String {
    let (a, b) = (date::to_naive(p.from), date::to_naive(p.to));
    let whole_months = a.day() == 1 && date::to_naive(p.to + 1).day() == 1;
    if !whole_months {
        return format!(
            "between {} and {}",
            date::format_iso(p.from),
            date::format_iso(p.to)
        );
    }
    let (ma, mb) = (
        date::MONTH_NAMES[a.month0() as usize],
        date::MONTH_NAMES[b.month0() as usize],
    );
    match (a.year() == b.year(), a.month() == b.month()) {
        (true, true) => format!("in {ma} {}", a.year()),
        (true, false) if a.month() == 1 && b.month() == 12 => format!("in {}", a.year()),
        (true, false) => format!("between {ma} and {mb} {}", a.year()),
        _ => format!("between {ma} {} and {mb} {}", a.year(), b.year()),
    }
}

fn change_words(a: u64, b: u64) -> String {
    if a == 0 && b == 0 {
        "none in either period".into()
    } else if a == 0 {
        "against none in the earlier period".to_string()
    } else if a == b {
        "the same number as".to_string() + " the earlier period"
    } else if a < MIN_PERCENT_BASE {
        // A percentage of a handful overstates: 1 to 10 is not "+900%".
        let dir = if b > a { "up" } else { "down" };
        format!("{dir} from {} in the earlier period", thousands(a))
    } else {
        let pct = (b as f64 - a as f64).abs() * 100.0 / a as f64;
        let dir = if b > a { "up" } else { "down" };
        format!(
            "{dir} {}% on the earlier period ({})",
            thousands(pct.round() as u64),
            thousands(a)
        )
    }
}

/// Summary of a comparison: the totals and the largest changes.
pub fn comparison(c: &Comparison, measure: Measure) -> String {
    let (a, b) = match measure {
        Measure::Events => (c.total.a.events, c.total.b.events),
        Measure::Fatalities => (c.total.a.fatalities, c.total.b.fatalities),
    };
    let what = |n| match measure {
        Measure::Events => plural(n, "event", "events"),
        Measure::Fatalities => plural(n, "reported fatality", "reported fatalities"),
    };
    let were = |n| if n == 1 { "was" } else { "were" };
    let mut text = format!(
        "{} there {} {}, {}; {} there {} {}.",
        capitalise(&period_words(&c.b)),
        were(b),
        what(b),
        change_words(a, b),
        period_words(&c.a),
        were(a),
        what(a)
    );
    let mut movers: Vec<&crate::engine::query::group::ComparisonRow> = c.rows.iter().collect();
    let value = |m: &crate::engine::query::Measures| match measure {
        Measure::Events => m.events,
        Measure::Fatalities => m.fatalities,
    };
    movers.sort_by_key(|r| std::cmp::Reverse(value(&r.b).abs_diff(value(&r.a))));
    let parts: Vec<String> = movers
        .iter()
        .take(3)
        .filter(|r| value(&r.a) != value(&r.b))
        .map(|r| {
            format!(
                "{} {} from {} to {}",
                r.key,
                if value(&r.b) > value(&r.a) {
                    "rose"
                } else {
                    "fell"
                },
                thousands(value(&r.a)),
                thousands(value(&r.b))
            )
        })
        .collect();
    if !parts.is_empty() {
        text.push_str(&format!(" By {}: {}.", c.by.label(), parts.join("; ")));
    }
    text
}

/// Summary of the headline counts.
pub fn totals(t: &Totals) -> String {
    let m = &t.measures;
    if m.events == 0 {
        return "No events match the current filters.".into();
    }
    let span = match (t.first_day, t.last_day) {
        (Some(a), Some(b)) if a == b => format!(" on {}", date::format_iso(a)),
        (Some(a), Some(b)) => format!(
            " between {} and {}",
            date::format_iso(a),
            date::format_iso(b)
        ),
        _ => String::new(),
    };
    let range = match (t.fatalities_low, t.fatalities_high) {
        (Some(lo), Some(hi)) => format!(" (estimates {}-{})", thousands(lo), thousands(hi)),
        _ => String::new(),
    };
    format!(
        "{} with {}{} ({} civilian){}.",
        capitalise(&plural(m.events, "event", "events")),
        plural(m.fatalities, "reported fatality", "reported fatalities"),
        range,
        thousands(m.civilian_fatalities),
        span
    )
}

/// Summary of the timeline: the total and the busiest bin.
pub fn timeline(t: &Timeline, measure: Measure) -> String {
    let value = |b: usize| match measure {
        Measure::Events => t.bin_events(b),
        Measure::Fatalities => t.bin_fatalities(b),
    };
    let total: u64 = (0..t.bins).map(value).sum();
    let Some(peak) = (0..t.bins).max_by_key(|&b| (value(b), std::cmp::Reverse(b))) else {
        return "The timeline is empty.".into();
    };
    if total == 0 {
        return "No events in the timeline for the current filters.".into();
    }
    let what = match measure {
        Measure::Events => "events",
        Measure::Fatalities => "reported fatalities",
    };
    let coarsened = t
        .coarsened_from
        .map(|wanted| {
            format!(
                " Shown by {} because by {} the span would need more than {} bars.",
                t.bin.name(),
                wanted.name(),
                thousands(crate::engine::query::views::MAX_TIMELINE_BINS as u64)
            )
        })
        .unwrap_or_default();
    format!(
        "{} {what} from {} to {}, by {}; the highest {} was {} with {}.{coarsened}",
        thousands(total),
        t.label(0),
        t.label(t.bins - 1),
        t.bin.name(),
        t.bin.name(),
        t.label(peak),
        thousands(value(peak))
    )
}

/// Summary of a breakdown: the leading entries and their share.
pub fn breakdown(bars: &[Bar], dimension: &str, measure: Measure) -> String {
    let value = |b: &Bar| match measure {
        Measure::Events => b.measures.events,
        Measure::Fatalities => b.measures.fatalities,
    };
    let total: u64 = bars.iter().map(value).sum();
    if total == 0 {
        return format!("No {} to show by {dimension}.", measure.name());
    }
    let top: Vec<String> = bars
        .iter()
        .take(3)
        .map(|b| {
            format!(
                "{} ({}, {}%)",
                b.label,
                thousands(value(b)),
                (value(b) as f64 * 100.0 / total as f64).round()
            )
        })
        .collect();
    format!(
        "By {dimension}, most {} were in or by: {}.",
        measure.name(),
        top.join(", ")
    )
}

/// Summary of the map: how many events it places, at how many places, and
/// the place with the most events (`name_of` names a place code).
pub fn map(points: &[MapPoint], events: u64, name_of: impl Fn(u32) -> String) -> String {
    let placed: u64 = points.iter().map(|p| u64::from(p.events)).sum();
    let Some(top) = points
        .iter()
        .max_by_key(|p| (p.events, p.fatalities, std::cmp::Reverse(p.place)))
    else {
        return "No events to show on the map.".into();
    };
    let mut text = if top.events > 1 {
        format!(
            "The map shows {} at {}; the most were at {} ({}, {}).",
            plural(placed, "event", "events"),
            plural(points.len() as u64, "place", "places"),
            name_of(top.place),
            plural(u64::from(top.events), "event", "events"),
            plural(top.fatalities, "reported fatality", "reported fatalities"),
        )
    } else {
        let mut text = format!(
            "The map shows {}, one at each place.",
            plural(placed, "event", "events")
        );
        if let Some(deadliest) = points
            .iter()
            .filter(|p| p.fatalities > 0)
            .max_by_key(|p| (p.fatalities, std::cmp::Reverse(p.place)))
        {
            text.push_str(&format!(
                " The deadliest was at {} ({}).",
                name_of(deadliest.place),
                plural(
                    deadliest.fatalities,
                    "reported fatality",
                    "reported fatalities"
                )
            ));
        }
        text
    };
    if events > placed {
        let n = events - placed;
        text.push_str(&format!(
            " {} no coordinates and {} not shown.",
            plural(n, "event has", "events have"),
            if n == 1 { "is" } else { "are" }
        ));
    }
    text
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// "2022-06-01" for a day; re-exported for callers formatting footers.
pub fn day(d: Day) -> String {
    date::format_iso(d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::data::dimension::{Category, GroupBy};
    use crate::engine::query::group::ComparisonRow;
    use crate::engine::query::Measures;

    fn m(events: u64) -> Measures {
        Measures {
            events,
            fatalities: events * 2,
            civilian_fatalities: 0,
        }
    }

    #[test]
    fn period_wording() {
        assert_eq!(
            period_words(&Period::months(2022, 6, 9).unwrap()),
            "between June and September 2022"
        );
        assert_eq!(
            period_words(&Period::months(2022, 3, 3).unwrap()),
            "in March 2022"
        );
        assert_eq!(
            period_words(&Period::months(2022, 1, 12).unwrap()),
            "in 2022"
        );
        assert_eq!(
            period_words(&Period::months(2022, 11, 2).unwrap()),
            "between November 2022 and February 2023"
        );
        let odd = Period {
            from: date::from_ymd(2022, 3, 23).unwrap(),
            to: date::from_ymd(2022, 4, 1).unwrap(),
        };
        assert_eq!(period_words(&odd), "between 2022-03-23 and 2022-04-01");
    }

    #[test]
    fn comparison_sentence() {
        let row = |k: &str, a, b| ComparisonRow {
            key: k.into(),
            a: m(a),
            b: m(b),
            change_pct: None,
            is_new: a == 0,
        };
        let c = Comparison {
            by: GroupBy::Category(Category::EventType),
            a: Period::months(2021, 6, 9).unwrap(),
            b: Period::months(2022, 6, 9).unwrap(),
            rows: vec![
                row("Violence against civilians", 3, 47),
                row("Battles", 3, 45),
                row("Riots", 4, 23),
            ],
            total: row("All events", 10, 115),
        };
        assert_eq!(
            comparison(&c, Measure::Events),
            "Between June and September 2022 there were 115 events, up 1,050% on the earlier period (10); between June and September 2021 there were 10 events. By event type: Violence against civilians rose from 3 to 47; Battles rose from 3 to 45; Riots rose from 4 to 23."
        );
        let one = Comparison {
            rows: vec![row("Battles", 1, 2)],
            total: row("All events", 1, 2),
            ..c.clone()
        };
        assert!(comparison(&one, Measure::Events).contains("2021 there was 1 event."));
        // Regression: 1 to 10 events read "up 900%", on a curated sample.
        let small = Comparison {
            rows: vec![row("Battles", 1, 10)],
            total: row("All events", 1, 10),
            ..c.clone()
        };
        let text = comparison(&small, Measure::Events);
        assert!(!text.contains('%'), "{text}");
        assert!(
            text.starts_with(
                "Between June and September 2022 there were 10 events, up from 1 in the earlier period;"
            ),
            "{text}"
        );
        assert!(text.ends_with("Battles rose from 1 to 10."), "{text}");
        let fewer = Comparison {
            rows: vec![row("Battles", 9, 4)],
            total: row("All events", 9, 4),
            ..c
        };
        let text = comparison(&fewer, Measure::Events);
        assert!(text.contains("there were 4 events, down from 9 in the earlier period;"));
        assert!(!text.contains('%'), "{text}");
    }

    #[test]
    fn map_sentence() {
        let point = |place, events, fatalities| MapPoint {
            place,
            lat: 0.0,
            lon: 0.0,
            events,
            fatalities,
            event_type: 0,
        };
        let points = [point(0, 2, 5), point(1, 7, 1), point(2, 1, 0)];
        assert_eq!(
            map(&points, 11, |p| format!("Place {p}")),
            "The map shows 10 events at 3 places; the most were at Place 1 (7 events, 1 reported fatality). 1 event has no coordinates and is not shown."
        );
        assert_eq!(
            map(&[], 3, |_| String::new()),
            "No events to show on the map."
        );
    }
}
