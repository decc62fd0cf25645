//! Group-by and period comparison: events, fatalities and civilian
//! fatalities per time bin, place, type or actor, and two periods side by
//! side ("June-September 2021 vs 2022, by event type").

use crate::engine::data::date::{self, Bin, Day};
use crate::engine::data::dictionary::NONE;
use crate::engine::data::dimension::{Category, GroupBy};
use crate::engine::data::store::{Codes, Store};
use crate::engine::query::views::busiest_first;
use crate::engine::query::{Dim, Measures, QueryState, NOT_STATED};
use rustc_hash::FxHashMap;
use serde::Serialize;

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
    let finish = |slot: &Slot, key: String| Group {
        key,
        measures: slot.measures,
        fatalities_low: ucdp.then_some(slot.low),
        fatalities_high: ucdp.then_some(slot.high),
    };
    if let Some(bin) = by.bin() {
        return time_slots(store, rows, bin)
            .iter()
            .map(|(index, slot)| finish(slot, bin.label(*index)))
            .collect();
    }
    let (slots, names) = tally_codes(store, rows, by);
    let mut groups: Vec<Group> = slots
        .iter()
        .enumerate()
        .filter(|(_, s)| s.measures.events > 0)
        .map(|(i, slot)| {
            let key = names
                .get(i)
                .cloned()
                .unwrap_or_else(|| NOT_STATED.to_string());
            finish(slot, key)
        })
        .collect();
    crate::engine::data::order::sort_by(&mut groups, |a, b| {
        busiest_first((&a.measures, &a.key), (&b.measures, &b.key))
    });
    groups
}

/// Sums of one group while aggregating.
#[derive(Clone, Copy, Default)]
struct Slot {
    measures: Measures,
    /// UCDP only: low and high fatality estimates.
    low: u64,
    high: u64,
}

/// Tallies `rows` into slots; `slots_of(row, add)` calls `add(slot)` for
/// each slot the event counts in.
fn tally(
    store: &Store,
    rows: &[u32],
    mut slots_of: impl FnMut(usize, &mut dyn FnMut(usize)),
) -> Vec<Slot> {
    let ucdp = store.is_ucdp();
    let mut slots: Vec<Slot> = Vec::new();
    for &r in rows {
        let r = r as usize;
        slots_of(r, &mut |slot| {
            if slot >= slots.len() {
                slots.resize(slot + 1, Slot::default());
            }
            let s = &mut slots[slot];
            s.measures.events += 1;
            s.measures.fatalities += u64::from(store.fatalities[r]);
            s.measures.civilian_fatalities += u64::from(store.civilian_fatalities(r));
            if ucdp {
                s.low += u64::from(store.fatalities_low[r]);
                s.high += u64::from(store.fatalities_high[r]);
            }
        });
    }
    slots
}

/// Most time bins an aggregation lists with the empty ones between; a
/// wider span lists only the bins that hold events, so a file spanning
/// centuries costs what its events cost, not what its calendar does.
pub(crate) const MAX_FILLED_BINS: usize = 10_000;

/// Tallies `rows` per time bin: `(bin number, sums)` in calendar order,
/// every bin from the first to the last when they are at most
/// [`MAX_FILLED_BINS`] apart, else only the bins with events.
fn time_slots(store: &Store, rows: &[u32], bin: Bin) -> Vec<(i32, Slot)> {
    let bins = rows.iter().map(|&r| bin.index(store.date[r as usize]));
    let (Some(first), Some(last)) = (bins.clone().min(), bins.max()) else {
        return Vec::new();
    };
    if (last - first) as usize >= MAX_FILLED_BINS {
        let mut index_of: FxHashMap<i32, usize> = FxHashMap::default();
        let mut numbers: Vec<i32> = Vec::new();
        let slots = tally(store, rows, |r, add| {
            let number = bin.index(store.date[r]);
            let next = numbers.len();
            let i = *index_of.entry(number).or_insert(next);
            if i == next {
                numbers.push(number);
            }
            add(i)
        });
        let mut out: Vec<(i32, Slot)> = numbers.into_iter().zip(slots).collect();
        crate::engine::data::order::sort_by_key(&mut out, |(number, _)| *number);
        return out;
    }
    let slots = tally(store, rows, |r, add| {
        add((bin.index(store.date[r]) - first) as usize)
    });
    slots
        .into_iter()
        .enumerate()
        .map(|(i, slot)| (first + i as i32, slot))
        .collect()
}

/// Tallies `rows` by the codes of a category or by canonical actor: slot
/// `i` is code `i`, and the slot after the last name is "no value".
fn tally_codes(store: &Store, rows: &[u32], by: GroupBy) -> (Vec<Slot>, Vec<String>) {
    match by {
        GroupBy::Category(c) => {
            let names = store.names[c].names().to_vec();
            let none = names.len();
            let slots = tally(store, rows, |r, add| {
                add(store.code_of(c, r).map_or(none, |code| code as usize))
            });
            (slots, names)
        }
        _ => {
            let slots = tally(store, rows, |r, add| {
                for a in actors_of(store, r) {
                    add(a as usize);
                }
            });
            (slots, store.canonical.names.clone())
        }
    }
}

/// Distinct canonical actors of an event, over both sides.
pub(crate) fn actors_of(store: &Store, row: usize) -> Vec<u32> {
    let mut actors: Vec<u32> = store.canonical.side(store.side1[row]).to_vec();
    actors.extend_from_slice(store.canonical.side(store.side2[row]));
    crate::engine::data::order::sort_u32_by(&mut actors, |a, b| a.cmp(&b));
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

/// Fewest events a change is given in percent from: on a smaller base a
/// percentage overstates the change (1 to 10 events is "+900%"), so it is
/// told in counts instead.
pub const MIN_PERCENT_BASE: u64 = 10;

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
    pub(crate) fn new(key: String, a: Measures, b: Measures) -> ComparisonRow {
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

    /// "+1,050%", "-20%", "new", "no change"; from fewer than
    /// [`MIN_PERCENT_BASE`] events, the difference in events ("+9" for 1
    /// to 10, not "+900%").
    pub fn change_label(&self) -> String {
        match self.change_pct {
            _ if self.is_new => crate::t!("change-new"),
            None => "-".to_string(),
            Some(p) if p.abs() < 0.05 => crate::t!("change-none"),
            Some(_) if self.a.events < MIN_PERCENT_BASE => {
                let (a, b) = (self.a.events, self.b.events);
                let sign = if b > a { "+" } else { "-" };
                format!(
                    "{sign}{}",
                    crate::engine::data::numbers::thousands(a.abs_diff(b))
                )
            }
            Some(p) => {
                let sign = if p > 0.0 { "+" } else { "-" };
                crate::t!(
                    "change-percent",
                    sign = sign,
                    percent = p.abs().round() as u64
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

/// What rows of a comparison line up on: a category's code or a canonical
/// actor; for time groupings, the month or quarter of the year (June 2021
/// lines up with June 2022), or the bin itself for days, weeks and years.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum CompareKey {
    Code(usize),
    MonthOfYear(u32),
    QuarterOfYear(u32),
    Bin(i32),
}

impl CompareKey {
    fn label(self, by: GroupBy, names: &[String]) -> String {
        match self {
            CompareKey::Code(i) => names
                .get(i)
                .cloned()
                .unwrap_or_else(|| NOT_STATED.to_string()),
            CompareKey::MonthOfYear(m) => format!("{m:02}"),
            CompareKey::QuarterOfYear(q) => format!("Q{q}"),
            CompareKey::Bin(i) => by.bin().map_or_else(String::new, |b| b.label(i)),
        }
    }

    /// Place of a time key in calendar order, counted from the month
    /// `start` (1-12) that period A starts in, so a month only B has is
    /// not listed after A's last month.
    fn calendar_position(self, start: u32) -> i32 {
        match self {
            CompareKey::MonthOfYear(m) => (m + 12 - start) as i32 % 12,
            CompareKey::QuarterOfYear(q) => (q + 4 - (start - 1) / 3 - 1) as i32 % 4,
            CompareKey::Bin(i) => i,
            CompareKey::Code(_) => 0,
        }
    }
}

/// The keys of one period's time groups with their sums, in calendar
/// order.
fn keyed_times(store: &Store, rows: &[u32], bin: Bin) -> Vec<(CompareKey, Measures)> {
    time_slots(store, rows, bin)
        .iter()
        .map(|&(index, s)| {
            let key = match bin {
                Bin::Month => CompareKey::MonthOfYear(index.rem_euclid(12) as u32 + 1),
                Bin::Quarter => CompareKey::QuarterOfYear(index.rem_euclid(4) as u32 + 1),
                _ => CompareKey::Bin(index),
            };
            (key, s.measures)
        })
        .collect()
}

/// What one pass of [`code_sums`] tallies an event under before the sums
/// are folded into codes: its code, its place, or its two sides.
enum Unit<'a> {
    EventCode(&'a [u16]),
    Place(&'a [u32]),
    Sides,
}

/// Sums of both periods in one pass over the events that pass every filter
/// but the date: `(totals, per code)`, where code `i` of a category is slot
/// `i` and the slot after the last name is "no value", and code `i` of
/// actors is canonical actor `i`. Places and sides are tallied first and
/// folded into codes after the pass, so the pass does no lookups and the
/// cost is the events' plus the groups'.
fn code_sums(
    store: &Store,
    state: &QueryState,
    periods: [Period; 2],
    by: GroupBy,
) -> ([Measures; 2], [Vec<Measures>; 2]) {
    let (unit, units) = match by {
        GroupBy::Category(c) => match store.codes(c) {
            Codes::PerEvent(codes) => (Unit::EventCode(codes), store.names[c].len() + 1),
            Codes::PerPlace(codes) => (Unit::Place(codes), store.places.len()),
        },
        _ => (Unit::Sides, store.sides.len()),
    };
    let keep = !Dim::Date.bit();
    let [a, b] = periods;
    let mut totals = [Measures::default(); 2];
    let mut acc = [
        vec![Measures::default(); units],
        vec![Measures::default(); units],
    ];
    let none16 = units.saturating_sub(1);
    for (r, &fails) in state.fails.iter().enumerate() {
        if fails & keep != 0 {
            continue;
        }
        let day = store.date[r];
        let lanes = [a.contains(day), b.contains(day)];
        if lanes == [false, false] {
            continue;
        }
        let fatalities = store.fatalities[r];
        let civilian = store.civilian_fatalities(r);
        for lane in 0..2 {
            if !lanes[lane] {
                continue;
            }
            totals[lane].add(fatalities, civilian);
            let acc = &mut acc[lane];
            match unit {
                Unit::EventCode(codes) => {
                    let code = codes[r];
                    let slot = if code == u16::MAX {
                        none16
                    } else {
                        usize::from(code)
                    };
                    acc[slot].add(fatalities, civilian);
                }
                Unit::Place(_) => acc[store.place[r] as usize].add(fatalities, civilian),
                Unit::Sides => {
                    let (s1, s2) = (store.side1[r], store.side2[r]);
                    acc[s1 as usize].add(fatalities, civilian);
                    if s2 != s1 {
                        acc[s2 as usize].add(fatalities, civilian);
                    }
                }
            }
        }
    }
    let per_code = acc.map(|acc| match unit {
        Unit::EventCode(_) => acc,
        Unit::Place(codes) => {
            let len = store.names[by_category(by)].len();
            let mut out = vec![Measures::default(); len + 1];
            for (m, &code) in acc.iter().zip(codes).filter(|(m, _)| m.events > 0) {
                let slot = if code == NONE { len } else { code as usize };
                out[slot].add_measures(m);
            }
            out
        }
        Unit::Sides => {
            let mut out = vec![Measures::default(); store.canonical.names.len()];
            for (side, m) in acc.iter().enumerate().filter(|(_, m)| m.events > 0) {
                for &actor in store.canonical.side(side as u32) {
                    out[actor as usize].add_measures(m);
                }
            }
            out
        }
    });
    let mut per_code = per_code;
    if matches!(unit, Unit::Sides) {
        // An event with the same actor on both sides was counted under it
        // twice; count it once.
        for (row, shared) in &state.shared_actor_rows {
            let r = *row as usize;
            if state.fails[r] & keep != 0 {
                continue;
            }
            let day = store.date[r];
            for (lane, period) in periods.iter().enumerate() {
                if !period.contains(day) {
                    continue;
                }
                for &actor in shared {
                    let m = &mut per_code[lane][actor as usize];
                    m.events -= 1;
                    m.fatalities -= u64::from(store.fatalities[r]);
                    m.civilian_fatalities -= u64::from(store.civilian_fatalities(r));
                }
            }
        }
    }
    (totals, per_code)
}

/// The category of a category grouping (event type otherwise; only called
/// for category groupings).
fn by_category(by: GroupBy) -> Category {
    match by {
        GroupBy::Category(c) => c,
        _ => Category::EventType,
    }
}

/// Compares two periods by `by`, applying every filter of `state` except
/// its date range (the periods replace it). Categories and actors are
/// summed per code for both periods in one pass and merged by code, so the
/// cost is the events' plus the groups', whatever the dimension.
/// Seasons take their months from the filters' months window, else from
/// period A's first and last months.
pub fn compare(store: &Store, state: &QueryState, a: Period, b: Period, by: GroupBy) -> Comparison {
    let by = match by {
        GroupBy::Time(bin @ Bin::Season { .. }) => {
            let window = state
                .filters()
                .months
                .unwrap_or((date::month_of(a.from), date::month_of(a.to)));
            GroupBy::Time(bin.in_window(Some(window)))
        }
        other => other,
    };
    let Some(bin) = by.bin() else {
        let (totals, [sum_a, sum_b]) = code_sums(store, state, [a, b], by);
        let names: &[String] = match by {
            GroupBy::Category(c) => store.names[c].names(),
            _ => &store.canonical.names,
        };
        // Codes A has, then codes only B has, each in code order.
        let in_a = (0..sum_a.len()).filter(|&i| sum_a[i].events > 0);
        let only_b = (0..sum_b.len()).filter(|&i| sum_a[i].events == 0 && sum_b[i].events > 0);
        let mut rows: Vec<ComparisonRow> = in_a
            .chain(only_b)
            .map(|i| {
                let key = CompareKey::Code(i).label(by, names);
                ComparisonRow::new(key, sum_a[i], sum_b[i])
            })
            .collect();
        crate::engine::data::order::sort_by(&mut rows, |x, y| {
            (y.a.events + y.b.events)
                .cmp(&(x.a.events + x.b.events))
                .then_with(|| x.key.cmp(&y.key))
        });
        return Comparison {
            by,
            a,
            b,
            rows,
            total: ComparisonRow::new(crate::t!("compare-all-events"), totals[0], totals[1]),
        };
    };
    let rows = state.rows_ignoring(&[Dim::Date]);
    let in_period = |p: Period| -> Vec<u32> {
        rows.iter()
            .copied()
            .filter(|&r| p.contains(store.date[r as usize]))
            .collect()
    };
    let (in_a, in_b) = (in_period(a), in_period(b));
    let total = |rows: &[u32]| {
        let mut m = Measures::default();
        for &r in rows {
            let r = r as usize;
            m.add(store.fatalities[r], store.civilian_fatalities(r));
        }
        m
    };
    let total = ComparisonRow::new(crate::t!("compare-all-events"), total(&in_a), total(&in_b));
    // Keys in the order first seen in A, then B; both sides summed per key.
    let mut order: Vec<CompareKey> = Vec::new();
    let mut sums: FxHashMap<CompareKey, [Measures; 2]> = FxHashMap::default();
    for (side, rows) in [&in_a, &in_b].into_iter().enumerate() {
        for (key, m) in keyed_times(store, rows, bin) {
            let entry = sums.entry(key).or_insert_with(|| {
                order.push(key);
                Default::default()
            });
            entry[side].add_measures(&m);
        }
    }
    let start = u32::from(date::month_of(a.from));
    crate::engine::data::order::sort_by_key(&mut order, |key| key.calendar_position(start));
    let rows: Vec<ComparisonRow> = order
        .iter()
        .filter_map(|key| {
            let &[ma, mb] = sums.get(key)?;
            (ma.events > 0 || mb.events > 0).then(|| ComparisonRow::new(key.label(by, &[]), ma, mb))
        })
        .collect();
    Comparison {
        by,
        a,
        b,
        rows,
        total,
    }
}

/// The year `y` for which months `first..=last` of `y` and of `y + 1` both
/// hold the most events (the smaller of the two counts is maximised; later
/// years win ties): the default of a "same months in consecutive years"
/// comparison. `None` if the dates span less than two years.
pub(crate) fn busiest_consecutive_years(dates: &[Day], first: u8, last: u8) -> Option<i32> {
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
