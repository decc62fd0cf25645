//! Group-by and period comparison: events, fatalities and civilian
//! fatalities per time bin, place, type or actor, and two periods side by
//! side ("June-September 2021 vs 2022, by event type").

use crate::engine::data::date::{self, Bin, Day};
use crate::engine::data::store::{Store, NONE};
use crate::engine::query::{Dim, Measures, QueryState, NOT_STATED};
use serde::Serialize;

/// What to group events by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupBy {
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Country,
    Admin1,
    Admin2,
    EventType,
    SubEventType,
    DisorderType,
    /// Canonical actor, in any role; an event counts once per actor.
    Actor,
}

impl GroupBy {
    pub const ALL: [GroupBy; 12] = [
        GroupBy::Day,
        GroupBy::Week,
        GroupBy::Month,
        GroupBy::Quarter,
        GroupBy::Year,
        GroupBy::Country,
        GroupBy::Admin1,
        GroupBy::Admin2,
        GroupBy::EventType,
        GroupBy::SubEventType,
        GroupBy::DisorderType,
        GroupBy::Actor,
    ];

    pub fn name(self) -> &'static str {
        match self {
            GroupBy::Day => "day",
            GroupBy::Week => "week",
            GroupBy::Month => "month",
            GroupBy::Quarter => "quarter",
            GroupBy::Year => "year",
            GroupBy::Country => "country",
            GroupBy::Admin1 => "admin1",
            GroupBy::Admin2 => "admin2",
            GroupBy::EventType => "event_type",
            GroupBy::SubEventType => "sub_event_type",
            GroupBy::DisorderType => "disorder_type",
            GroupBy::Actor => "actor",
        }
    }

    pub fn from_name(name: &str) -> Option<GroupBy> {
        GroupBy::ALL.into_iter().find(|g| g.name() == name)
    }

    /// A human label: "month", "event type".
    pub fn label(self) -> &'static str {
        match self {
            GroupBy::Admin1 => "region (admin 1)",
            GroupBy::Admin2 => "district (admin 2)",
            GroupBy::EventType => "event type",
            GroupBy::SubEventType => "sub-event type",
            GroupBy::DisorderType => "disorder type",
            other => other.name(),
        }
    }

    fn bin(self) -> Option<Bin> {
        match self {
            GroupBy::Day => Some(Bin::Day),
            GroupBy::Week => Some(Bin::Week),
            GroupBy::Month => Some(Bin::Month),
            GroupBy::Quarter => Some(Bin::Quarter),
            GroupBy::Year => Some(Bin::Year),
            _ => None,
        }
    }
}

/// One group of an aggregation.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Group {
    pub key: String,
    #[serde(flatten)]
    pub measures: Measures,
    /// UCDP only: sums of the low and high fatality estimates.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fatalities_low: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fatalities_high: Option<u64>,
}

/// Groups `rows` of `store`. Time groups come in calendar order with empty
/// bins between the first and last included; other groups by events,
/// most first, then by name.
pub fn aggregate(store: &Store, rows: &[u32], by: GroupBy) -> Vec<Group> {
    let ucdp = store.is_ucdp();
    let mut slots: Vec<(Measures, u64, u64)> = Vec::new();
    let mut add = |slot: usize, r: usize| {
        if slot >= slots.len() {
            slots.resize(slot + 1, (Measures::default(), 0, 0));
        }
        let s = &mut slots[slot];
        s.0.events += 1;
        s.0.fatalities += u64::from(store.fatalities[r]);
        s.0.civilian_fatalities += u64::from(store.civilian_fatalities(r));
        if ucdp {
            s.1 += u64::from(store.fatalities_low[r]);
            s.2 += u64::from(store.fatalities_high[r]);
        }
    };
    let finish = |m: Measures, low: u64, high: u64, key: String| Group {
        key,
        measures: m,
        fatalities_low: ucdp.then_some(low),
        fatalities_high: ucdp.then_some(high),
    };

    if let Some(bin) = by.bin() {
        let Some(first) = rows
            .iter()
            .map(|&r| bin.index(store.date[r as usize]))
            .min()
        else {
            return Vec::new();
        };
        for &r in rows {
            let r = r as usize;
            add((bin.index(store.date[r]) - first) as usize, r);
        }
        return slots
            .into_iter()
            .enumerate()
            .map(|(i, (m, lo, hi))| finish(m, lo, hi, bin.label(first + i as i32)))
            .collect();
    }

    let names: Vec<String> = match by {
        GroupBy::Country => store.countries.names().to_vec(),
        GroupBy::Admin1 => store.admin1s.names().to_vec(),
        GroupBy::Admin2 => store.admin2s.names().to_vec(),
        GroupBy::EventType => store.event_types.names().to_vec(),
        GroupBy::SubEventType => store.sub_event_types.names().to_vec(),
        GroupBy::DisorderType => store.disorder_types.names().to_vec(),
        _ => store.canonical.names.clone(),
    };
    let none = names.len();
    let code = |c: u32| if c == NONE { none } else { c as usize };
    let code16 = |c: u16| if c == u16::MAX { none } else { c as usize };
    for &r in rows {
        let r = r as usize;
        let place = store.place[r] as usize;
        match by {
            GroupBy::Country => add(code(store.places.country[place]), r),
            GroupBy::Admin1 => add(code(store.places.admin1[place]), r),
            GroupBy::Admin2 => add(code(store.places.admin2[place]), r),
            GroupBy::EventType => add(code16(store.event_type[r]), r),
            GroupBy::SubEventType => add(code16(store.sub_event_type[r]), r),
            GroupBy::DisorderType => add(code16(store.disorder_type[r]), r),
            _ => {
                for a in actors_of(store, r) {
                    add(a as usize, r);
                }
            }
        }
    }
    let mut groups: Vec<Group> = slots
        .into_iter()
        .enumerate()
        .filter(|(_, s)| s.0.events > 0)
        .map(|(i, (m, lo, hi))| {
            let key = names
                .get(i)
                .cloned()
                .unwrap_or_else(|| NOT_STATED.to_string());
            finish(m, lo, hi, key)
        })
        .collect();
    groups.sort_by(|a, b| {
        b.measures
            .events
            .cmp(&a.measures.events)
            .then_with(|| a.key.cmp(&b.key))
    });
    groups
}

/// Distinct canonical actors of an event, over both sides.
pub fn actors_of(store: &Store, row: usize) -> Vec<u32> {
    let mut actors: Vec<u32> = store.canonical.side(store.side1[row]).to_vec();
    actors.extend_from_slice(store.canonical.side(store.side2[row]));
    actors.sort_unstable();
    actors.dedup();
    actors
}

/// An inclusive range of days.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Period {
    pub from: Day,
    pub to: Day,
}

impl Period {
    /// Months `first..=last` of `year` ("June-September 2022" is
    /// `Period::months(2022, 6, 9)`); a window like 11-2 runs into the next
    /// year.
    pub fn months(year: i32, first_month: u32, last_month: u32) -> Option<Period> {
        let from = date::from_ymd(year, first_month, 1)?;
        let (end_year, end_month) = if last_month >= first_month {
            (year, last_month)
        } else {
            (year + 1, last_month)
        };
        let (next_year, next_month) = if end_month == 12 {
            (end_year + 1, 1)
        } else {
            (end_year, end_month + 1)
        };
        let to = date::from_ymd(next_year, next_month, 1)? - 1;
        Some(Period { from, to })
    }

    pub fn contains(&self, day: Day) -> bool {
        (self.from..=self.to).contains(&day)
    }

    /// "2021-06-01 to 2021-09-30".
    pub fn label(&self) -> String {
        format!(
            "{} to {}",
            date::format_iso(self.from),
            date::format_iso(self.to)
        )
    }
}

/// One line of a comparison.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ComparisonRow {
    pub key: String,
    pub a: Measures,
    pub b: Measures,
    /// Change in events from A to B in percent; `None` where A is zero.
    pub change_pct: Option<f64>,
    /// B has events where A had none.
    pub is_new: bool,
}

impl ComparisonRow {
    fn new(key: String, a: Measures, b: Measures) -> ComparisonRow {
        let change_pct =
            (a.events > 0).then(|| (b.events as f64 - a.events as f64) * 100.0 / a.events as f64);
        ComparisonRow {
            key,
            a,
            b,
            change_pct,
            is_new: a.events == 0 && b.events > 0,
        }
    }

    /// "+1,050%", "-20%", "new", "no change".
    pub fn change_label(&self) -> String {
        match self.change_pct {
            _ if self.is_new => "new".to_string(),
            None => "-".to_string(),
            Some(p) if p.abs() < 0.05 => "no change".to_string(),
            Some(p) => {
                let sign = if p > 0.0 { "+" } else { "-" };
                format!(
                    "{sign}{}%",
                    crate::engine::present::format::thousands(p.abs().round() as u64)
                )
            }
        }
    }
}

/// Period A against period B.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Comparison {
    pub by: GroupBy,
    pub a: Period,
    pub b: Period,
    pub rows: Vec<ComparisonRow>,
    pub total: ComparisonRow,
}

/// Compares two periods by `by`, applying every filter of `state` except
/// its date range (the periods replace it).
pub fn compare(store: &Store, state: &QueryState, a: Period, b: Period, by: GroupBy) -> Comparison {
    let rows = state.rows_ignoring(&[Dim::Date]);
    let in_a: Vec<u32> = rows
        .iter()
        .copied()
        .filter(|&r| a.contains(store.date[r as usize]))
        .collect();
    let in_b: Vec<u32> = rows
        .iter()
        .copied()
        .filter(|&r| b.contains(store.date[r as usize]))
        .collect();
    let total = |rows: &[u32]| {
        let mut m = Measures::default();
        for &r in rows {
            let r = r as usize;
            m.events += 1;
            m.fatalities += u64::from(store.fatalities[r]);
            m.civilian_fatalities += u64::from(store.civilian_fatalities(r));
        }
        m
    };
    let total = ComparisonRow::new("All events".to_string(), total(&in_a), total(&in_b));
    // Time bins of two different periods do not line up; compare those by
    // position in the period ("month 1, 2, ...") would mislead, so a time
    // grouping compares by the bin's label within the year instead.
    let key_of = |g: &Group| match by {
        GroupBy::Month => g.key.get(5..).map(str::to_string).unwrap_or_default(),
        GroupBy::Quarter => g.key.get(5..).map(str::to_string).unwrap_or_default(),
        _ => g.key.clone(),
    };
    let groups_a = aggregate(store, &in_a, by);
    let groups_b = aggregate(store, &in_b, by);
    let mut keys: Vec<String> = Vec::new();
    for g in groups_a.iter().chain(&groups_b) {
        let k = key_of(g);
        if !keys.contains(&k) {
            keys.push(k);
        }
    }
    let find = |groups: &[Group], k: &str| {
        groups
            .iter()
            .filter(|g| key_of(g) == k)
            .fold(Measures::default(), |mut m, g| {
                m.events += g.measures.events;
                m.fatalities += g.measures.fatalities;
                m.civilian_fatalities += g.measures.civilian_fatalities;
                m
            })
    };
    let mut rows: Vec<ComparisonRow> = keys
        .iter()
        .map(|k| ComparisonRow::new(k.clone(), find(&groups_a, k), find(&groups_b, k)))
        .filter(|r| r.a.events > 0 || r.b.events > 0)
        .collect();
    if by.bin().is_none() {
        rows.sort_by(|x, y| {
            (y.a.events + y.b.events)
                .cmp(&(x.a.events + x.b.events))
                .then_with(|| x.key.cmp(&y.key))
        });
    }
    Comparison {
        by,
        a,
        b,
        rows,
        total,
    }
}

/// years win ties): the default of a "same months in consecutive years"
/// comparison. `None` if the dates span less than two years.
pub fn busiest_consecutive_years(dates: &[Day], first: u8, last: u8) -> Option<i32> {
    let in_window = |m: u8| {
        if first <= last {
            (first..=last).contains(&m)
        } else {
            m >= first || m <= last
        }
    };
    let mut per_year: std::collections::BTreeMap<i32, u64> = std::collections::BTreeMap::new();
    for &d in dates {
        if in_window(date::month_of(d)) {
            // A window over the new year belongs to the year it starts in.
            let year = date::year_of(d) - i32::from(first > last && date::month_of(d) <= last);
            *per_year.entry(year).or_default() += 1;
        }
    }
    let (&lo, _) = per_year.first_key_value()?;
    let (&hi, _) = per_year.last_key_value()?;
    (lo..hi)
        .map(|y| {
            let a = per_year.get(&y).copied().unwrap_or(0);
            let b = per_year.get(&(y + 1)).copied().unwrap_or(0);
            (a.min(b), y)
        })
        .max()
        .map(|(_, y)| y)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::data::date::from_ymd;

    fn day(y: i32, m: u32, d: u32) -> Day {
        from_ymd(y, m, d).unwrap()
    }

    #[test]
    fn busiest_pair_of_years() {
        let dates = [
            day(2021, 6, 3),
            day(2021, 7, 1),
            day(2022, 8, 9),
            day(2022, 9, 30),
            day(2022, 10, 1), // outside June-September
            day(2023, 6, 1),
            day(2024, 1, 1),
        ];
        // 2021: 2, 2022: 2, 2023: 1 -> 2021 vs 2022.
        assert_eq!(busiest_consecutive_years(&dates, 6, 9), Some(2021));
        assert_eq!(busiest_consecutive_years(&dates[..2], 6, 9), None);
        // November-February belongs to the year it starts in.
        let winter = [day(2021, 12, 1), day(2022, 1, 5), day(2022, 11, 20)];
        assert_eq!(busiest_consecutive_years(&winter, 11, 2), Some(2021));
    }
}
