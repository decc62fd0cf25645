//! One-paragraph text summaries of each view ("Between June and September
//! 2022 there were 115 events, up 1,050% on 2021"), shown under charts and
//! used as their accessible descriptions. Each sentence is a message of
//! the page's language (`summary-*`) filled with typed values.

use crate::engine::data::date::{self, Day};
use crate::engine::i18n::{join_list, month_long, term_or, tr, Arg};
use crate::engine::query::group::{Comparison, Period, MIN_PERCENT_BASE};
use crate::engine::query::Measure;
use crate::engine::query::{Bar, MapPoint, Timeline, Totals};
use crate::t;
use chrono::Datelike;

/// "between June and September 2022", "in March 2022", or ISO dates when
/// the period is not whole months.
pub(crate) fn period_words(p: &Period) -> String {
    let (a, b) = (date::to_naive(p.from), date::to_naive(p.to));
    let whole_months = a.day() == 1 && date::to_naive(p.to + 1).day() == 1;
    if !whole_months {
        return t!(
            "summary-period-days",
            first = date::format_iso(p.from),
            last = date::format_iso(p.to)
        );
    }
    let (ma, mb) = (month_long(a.month()), month_long(b.month()));
    let (ya, yb) = (a.year().to_string(), b.year().to_string());
    match (a.year() == b.year(), a.month() == b.month()) {
        (true, true) => t!("summary-period-month", month = ma, year = ya),
        (true, false) if a.month() == 1 && b.month() == 12 => {
            t!("summary-period-year", year = ya)
        }
        (true, false) => t!("summary-period-months", first = ma, last = mb, year = ya),
        _ => t!(
            "summary-period-months-years",
            first = ma,
            first_year = ya,
            last = mb,
            last_year = yb
        ),
    }
}

fn change_words(a: u64, b: u64) -> String {
    let direction = if b > a { "up" } else { "down" };
    if a == 0 && b == 0 {
        t!("summary-change-none")
    } else if a == 0 {
        t!("summary-change-from-none")
    } else if a == b {
        t!("summary-change-same")
    } else if a < MIN_PERCENT_BASE {
        // A percentage of a handful overstates: 1 to 10 is not "+900%".
        t!("summary-change-small", direction = direction, before = a)
    } else {
        let pct = (b as f64 - a as f64).abs() * 100.0 / a as f64;
        t!(
            "summary-change-percent",
            direction = direction,
            percent = pct.round() as u64,
            before = a
        )
    }
}

/// "115 events", "3 reported fatalities".
fn measured(n: u64, measure: Measure) -> String {
    match measure {
        Measure::Events => t!("n-events", count = n),
        Measure::Fatalities => t!("n-reported-fatalities", count = n),
    }
}

/// Summary of a comparison: the totals and the largest changes.
pub fn comparison(c: &Comparison, measure: Measure) -> String {
    let (a, b) = match measure {
        Measure::Events => (c.total.a.events, c.total.b.events),
        Measure::Fatalities => (c.total.a.fatalities, c.total.b.fatalities),
    };
    let there_were = |n: u64| {
        tr(
            "summary-there-were",
            &[
                ("count", Arg::from(n)),
                ("what", Arg::from(measured(n, measure))),
            ],
        )
    };
    let mut text = t!(
        "summary-comparison",
        period = capitalise(&period_words(&c.b)),
        now = there_were(b),
        change = change_words(a, b),
        earlier = period_words(&c.a),
        before = there_were(a)
    );
    let mut movers: Vec<&crate::engine::query::group::ComparisonRow> = c.rows.iter().collect();
    let value = |m: &crate::engine::query::Measures| match measure {
        Measure::Events => m.events,
        Measure::Fatalities => m.fatalities,
    };
    crate::engine::data::order::sort_by_key(&mut movers, |r| {
        std::cmp::Reverse(value(&r.b).abs_diff(value(&r.a)))
    });
    let parts: Vec<String> = movers
        .iter()
        .take(3)
        .filter(|r| value(&r.a) != value(&r.b))
        .map(|r| {
            t!(
                "summary-mover",
                key = if c.by.is_term() {
                    term_or(&r.key)
                } else {
                    r.key.to_string()
                },
                direction = if value(&r.b) > value(&r.a) {
                    "up"
                } else {
                    "down"
                },
                from = value(&r.a),
                to = value(&r.b)
            )
        })
        .collect();
    if !parts.is_empty() {
        text.push_str(&t!(
            "summary-movers",
            by = c.by.label(),
            movers = join_list(&parts)
        ));
    }
    text
}

/// Summary of the headline counts.
pub fn totals(t: &Totals) -> String {
    let m = &t.measures;
    if m.events == 0 {
        return t!("summary-totals-none");
    }
    let span = match (t.first_day, t.last_day) {
        (Some(a), Some(b)) if a == b => t!("summary-totals-on", day = date::format_iso(a)),
        (Some(a), Some(b)) => t!(
            "summary-totals-between",
            first = date::format_iso(a),
            last = date::format_iso(b)
        ),
        _ => String::new(),
    };
    let range = match (t.fatalities_low, t.fatalities_high) {
        (Some(lo), Some(hi)) => t!("summary-totals-range", low = lo, high = hi),
        _ => String::new(),
    };
    t!(
        "summary-totals",
        events = capitalise(&t!("n-events", count = m.events)),
        fatalities = t!("n-reported-fatalities", count = m.fatalities),
        range = range,
        civilian = m.civilian_fatalities,
        span = span
    )
}

/// A time bin's name in words: "month", "week".
fn bin_word(name: &str) -> String {
    tr(&format!("bin-{name}"), &[])
}

/// Summary of the timeline: the total and the busiest bin.
pub fn timeline(t: &Timeline, measure: Measure) -> String {
    let value = |b: usize| match measure {
        Measure::Events => t.bin_events(b),
        Measure::Fatalities => t.bin_fatalities(b),
    };
    let total: u64 = (0..t.bins).map(value).sum();
    let Some(peak) = (0..t.bins).max_by_key(|&b| (value(b), std::cmp::Reverse(b))) else {
        return t!("summary-timeline-empty");
    };
    if total == 0 {
        return t!("summary-timeline-none");
    }
    let coarsened = t
        .coarsened_from
        .map(|wanted| {
            t!(
                "summary-timeline-coarsened",
                bin = bin_word(t.bin.name()),
                wanted = bin_word(wanted.name()),
                max = crate::engine::query::views::MAX_TIMELINE_BINS as u64
            )
        })
        .unwrap_or_default();
    t!(
        "summary-timeline",
        total = total,
        measure = measure.name(),
        first = t.label(0),
        last = t.label(t.bins - 1),
        bin = bin_word(t.bin.name()),
        peak = t.label(peak),
        value = value(peak),
        coarsened = coarsened
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
        return t!(
            "summary-breakdown-none",
            measure = measure.name(),
            dimension = dimension
        );
    }
    let top: Vec<String> = bars
        .iter()
        .take(3)
        .map(|b| {
            t!(
                "summary-breakdown-entry",
                label = term_or(&b.label),
                value = value(b),
                percent = (value(b) as f64 * 100.0 / total as f64).round()
            )
        })
        .collect();
    t!(
        "summary-breakdown",
        dimension = dimension,
        measure = measure.name(),
        top = top.join(", ")
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
        return t!("summary-map-none");
    };
    let mut text = if top.events > 1 {
        t!(
            "summary-map",
            events = t!("n-events", count = placed),
            places = t!("n-places", count = points.len()),
            place = name_of(top.place),
            place_events = t!("n-events", count = top.events),
            place_fatalities = t!("n-reported-fatalities", count = top.fatalities)
        )
    } else {
        let mut text = t!(
            "summary-map-single",
            events = t!("n-events", count = placed)
        );
        if let Some(deadliest) = points
            .iter()
            .filter(|p| p.fatalities > 0)
            .max_by_key(|p| (p.fatalities, std::cmp::Reverse(p.place)))
        {
            text.push_str(&t!(
                "summary-map-deadliest",
                place = name_of(deadliest.place),
                fatalities = t!("n-reported-fatalities", count = deadliest.fatalities)
            ));
        }
        text
    };
    if events > placed {
        text.push_str(&t!("summary-map-unplaced", count = events - placed));
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
            plane_y: 0.0,
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
