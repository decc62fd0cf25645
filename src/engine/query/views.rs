//! The linked views: one fused pass over the events computes the totals,
//! the timeline, every breakdown and the map, each view ignoring its own
//! filter (as crossfilter does).

use crate::engine::data::date::{Bin, Day};
use crate::engine::data::dictionary::NONE;
use crate::engine::data::dimension::{Category, CategoryMap, GroupBy};
use crate::engine::data::store::{Codes, Store};
use crate::engine::query::filters::Dim;

use serde::Serialize;

/// What the charts count.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Hash)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    #[default]
    Events,
    Fatalities,
}

impl Measure {
    pub fn name(self) -> &'static str {
        match self {
            Measure::Events => "events",
            Measure::Fatalities => "fatalities",
        }
    }

    /// "Events", "Fatalities": a button or column heading.
    pub fn label(self) -> String {
        crate::engine::i18n::tr(&format!("measure-{}", self.name()), &[])
    }
}

/// What the views should show.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ViewSpec {
    pub bin: Bin,
    /// How many actors the actor breakdown keeps.
    pub top_actors: usize,
}

impl Default for ViewSpec {
    fn default() -> Self {
        ViewSpec {
            bin: Bin::Month,
            top_actors: 15,
        }
    }
}

/// Events, fatalities and civilian fatalities of a set of events.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Measures {
    pub events: u64,
    pub fatalities: u64,
    pub civilian_fatalities: u64,
}

impl Measures {
    #[inline]
    pub(crate) fn add(&mut self, fatalities: u32, civilian: u32) {
        self.events += 1;
        self.fatalities += u64::from(fatalities);
        self.civilian_fatalities += u64::from(civilian);
    }

    pub(crate) fn add_measures(&mut self, m: &Measures) {
        self.events += m.events;
        self.fatalities += m.fatalities;
        self.civilian_fatalities += m.civilian_fatalities;
    }

    fn add_tally(&mut self, t: &Tally) {
        self.events += u64::from(t.events);
        self.fatalities += u64::from(t.fatalities);
        self.civilian_fatalities += u64::from(t.civilian);
    }
}

/// Headline figures of the filtered events.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Totals {
    #[serde(flatten)]
    pub measures: Measures,
    /// UCDP only: sums of the low and high estimates.
    pub fatalities_low: Option<u64>,
    pub fatalities_high: Option<u64>,
    pub first_day: Option<Day>,
    pub last_day: Option<Day>,
}

/// One bar of a breakdown.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Bar {
    pub label: String,
    #[serde(flatten)]
    pub measures: Measures,
}

/// Events per time bin and event type.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Timeline {
    /// The bin the bars are drawn in: the one asked for, or a coarser one
    /// when the asked-for bin would need more than [`MAX_TIMELINE_BINS`].
    pub bin: Bin,
    /// The bin asked for, when it was replaced by a coarser one.
    pub coarsened_from: Option<Bin>,
    /// Bin number of the first bin (see [`Bin::index`]).
    pub first_bin: i32,
    pub bins: usize,
    /// Event type names; `events[b * types.len() + t]`.
    pub types: Vec<String>,
    pub events: Vec<u32>,
    pub fatalities: Vec<u64>,
}

impl Timeline {
    pub fn label(&self, b: usize) -> String {
        self.bin.label(self.first_bin + b as i32)
    }

    pub fn bin_events(&self, b: usize) -> u64 {
        let n = self.types.len();
        self.events[b * n..(b + 1) * n]
            .iter()
            .map(|&e| u64::from(e))
            .sum()
    }

    pub(crate) fn bin_fatalities(&self, b: usize) -> u64 {
        let n = self.types.len();
        self.fatalities[b * n..(b + 1) * n].iter().sum()
    }
}

/// What the fused pass needs of the filter state (see `QueryState`).
pub(crate) struct Membership<'a> {
    /// Each event's failure mask: one bit per filter dimension it fails.
    pub fails: &'a [u16],
    /// The bits of the dimensions with a filter set.
    pub set: u16,
    /// Events with the same canonical actor on both sides, and those actors.
    pub shared_actor_rows: &'a [(u32, Vec<u32>)],
    /// The store's first and last day (`None` when it is empty).
    pub span: Option<(Day, Day)>,
    /// The timeline of the last views, when only the date filter has
    /// changed since (the timeline ignores it, so it is the same). The pass
    /// then skips every event outside the date range.
    pub timeline: Option<&'a Timeline>,
    /// The events that may pass the date filter: all of them, or a range
    /// when the store's rows are in date order. Only narrower than the
    /// store with `timeline` (the timeline counts events outside it).
    pub rows: std::ops::Range<usize>,
}

/// Longest span, in days, for which tables per day are built (about 550
/// years); longer spans compute the month or bin of each event instead, so
/// a file's calendar never costs more than its events.
pub(crate) const DAY_TABLE_MAX: usize = 200_000;

/// Most bars the timeline draws: past this, a coarser bin is used (a
/// span of centuries by day would otherwise cost millions of bars).
pub const MAX_TIMELINE_BINS: usize = 3_000;
/// Most event types the timeline stacks; the rarer ones share one
/// "Other types" band.
pub const MAX_TIMELINE_TYPES: usize = 12;
/// The name of that band.
pub const OTHER_TYPES: &str = "Other types";

/// The bin to draw a span in: `wanted`, or the first coarser bin that
/// needs at most [`MAX_TIMELINE_BINS`] bars (years always do for dates
/// the importer reads).
fn timeline_bin(wanted: Bin, first_day: Day, last_day: Day) -> Bin {
    if let Bin::Season { .. } = wanted {
        return wanted; // one bar a year: always few enough
    }
    let bins = |b: Bin| (b.index(last_day) - b.index(first_day)) as usize + 1;
    Bin::ALL
        .into_iter()
        .skip_while(|&b| b != wanted)
        .find(|&b| b == Bin::Year || bins(b) <= MAX_TIMELINE_BINS)
        .unwrap_or(Bin::Year)
}

/// The timeline's bands: each event type's band (the busiest
/// [`MAX_TIMELINE_TYPES`] - 1 types keep their own when there are more
/// types than that, the rest share [`OTHER_TYPES`]) and the band names.
fn timeline_bands(store: &Store) -> (Vec<usize>, Vec<String>) {
    let names = store.names[Category::EventType].names();
    if names.len() <= MAX_TIMELINE_TYPES {
        return ((0..names.len().max(1)).collect(), names.to_vec());
    }
    let mut counts = vec![0u64; names.len()];
    for &t in &store.event_type {
        if let Some(c) = counts.get_mut(usize::from(t)) {
            *c += 1;
        }
    }
    let mut order: Vec<usize> = (0..names.len()).collect();
    order.sort_by(|&a, &b| counts[b].cmp(&counts[a]).then(a.cmp(&b)));
    let kept = MAX_TIMELINE_TYPES - 1;
    let mut band = vec![kept; names.len()];
    let mut bands: Vec<String> = Vec::with_capacity(MAX_TIMELINE_TYPES);
    for (i, &t) in order.iter().take(kept).enumerate() {
        band[t] = i;
        bands.push(names[t].clone());
    }
    bands.push(OTHER_TYPES.to_string());
    (band, bands)
}

/// One map point: a place with its filtered events.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MapPoint {
    pub place: u32,
    pub lat: f32,
    pub lon: f32,
    pub events: u32,
    pub fatalities: u64,
    /// The place's most frequent event type (code into `event_types`;
    /// `u16::MAX` for "no type"); of types as frequent, the one whose name
    /// sorts first.
    pub event_type: u16,
}

/// Every linked view, computed together.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Views {
    pub totals: Totals,
    pub timeline: Timeline,
    /// One breakdown per categorical dimension.
    pub by_category: CategoryMap<Vec<Bar>>,
    pub by_actor: Vec<Bar>,
    pub map: Vec<MapPoint>,
}

impl Views {
    /// The breakdown by `by`, if the views hold one (time bins are in the
    /// timeline instead).
    pub fn bars(&self, by: GroupBy) -> Option<&[Bar]> {
        match by {
            GroupBy::Category(c) => Some(&self.by_category[c]),
            GroupBy::Actor => Some(&self.by_actor),
            GroupBy::Time(_) => None,
        }
    }
}

/// Events, fatalities and civilian fatalities tallied per place or side
/// during the pass (summed into [`Measures`] after it).
#[derive(Clone, Copy, Default)]
struct Tally {
    events: u32,
    fatalities: u32,
    civilian: u32,
}

impl Tally {
    #[inline]
    pub(crate) fn add(&mut self, fatalities: u32, civilian: u32) {
        self.events += 1;
        self.fatalities = self.fatalities.saturating_add(fatalities);
        self.civilian = self.civilian.saturating_add(civilian);
    }
}

/// Most event types whose counts [`PlaceCells`] keep in each place's row;
/// a file with more types (unusual) counts them in a map instead.
const MAX_INLINE_TYPES: usize = 29;

/// Per-place sums of the events passing every filter, with each event
/// type's count for the place's colour on the map. Each place has one row
/// of `u32`s, `[events, fatalities, civilian, count of type 0, ..., count of
/// "no type"]`, so an event touches one cache line and no branch depends
/// on the data.
struct PlaceCells {
    stride: usize,
    /// Type slots: one per event type plus "no type".
    slots: usize,
    inline: bool,
    cells: Vec<u32>,
    /// `(place, slot) -> count` when the types do not fit in the rows.
    overflow: rustc_hash::FxHashMap<(u32, u32), u32>,
}

impl PlaceCells {
    fn new(places: usize, types: usize) -> PlaceCells {
        let slots = types + 1;
        let inline = slots <= MAX_INLINE_TYPES;
        let stride = 3 + if inline { slots } else { 0 };
        PlaceCells {
            stride,
            slots,
            inline,
            cells: vec![0; places * stride],
            overflow: Default::default(),
        }
    }

    #[inline]
    fn add(&mut self, place: u32, fatalities: u32, civilian: u32, event_type: u16) {
        let slot = usize::from(event_type).min(self.slots - 1);
        let at = place as usize * self.stride;
        let Some(row) = self.cells.get_mut(at..at + self.stride) else {
            return;
        };
        row[0] += 1;
        row[1] = row[1].saturating_add(fatalities);
        row[2] = row[2].saturating_add(civilian);
        if self.inline {
            row[3 + slot] += 1;
        } else {
            *self.overflow.entry((place, slot as u32)).or_default() += 1;
        }
    }

    fn tally(&self, place: usize) -> Tally {
        let row = &self.cells[place * self.stride..];
        Tally {
            events: row[0],
            fatalities: row[1],
            civilian: row[2],
        }
    }

    fn tallies(&self) -> impl Iterator<Item = Tally> + '_ {
        (0..self.cells.len() / self.stride).map(|p| self.tally(p))
    }

    /// Each place's most frequent event type (a code; `u16::MAX` for "no
    /// type"). Ties go to the type whose name sorts first (`rank` is each
    /// slot's place in name order), so a place's colour does not depend on
    /// the order of the file's rows.
    fn most_frequent_types(&self, rank: &[u32]) -> Vec<u16> {
        let code = |slot: usize| {
            if slot + 1 == self.slots {
                u16::MAX
            } else {
                slot as u16
            }
        };
        let better = |count: u32, slot: usize, best: (u32, usize)| {
            count > best.0 || (count == best.0 && count > 0 && rank[slot] < rank[best.1])
        };
        let places = self.cells.len() / self.stride;
        if self.inline {
            return (0..places)
                .map(|p| {
                    let counts = &self.cells[p * self.stride + 3..(p + 1) * self.stride];
                    let mut best = (0u32, 0usize);
                    for (slot, &count) in counts.iter().enumerate() {
                        if better(count, slot, best) {
                            best = (count, slot);
                        }
                    }
                    code(best.1)
                })
                .collect();
        }
        let mut best = vec![(0u32, 0usize); places];
        for (&(place, slot), &count) in &self.overflow {
            let b = &mut best[place as usize];
            if better(count, slot as usize, *b) {
                *b = (count, slot as usize);
            }
        }
        best.into_iter().map(|(_, slot)| code(slot)).collect()
    }
}

/// Each type slot's place in name order ("no type" last): the tie rule of
/// a place's colour.
fn type_ranks(names: &[String]) -> Vec<u32> {
    let mut order: Vec<usize> = (0..names.len()).collect();
    order.sort_by(|&a, &b| names[a].cmp(&names[b]).then(a.cmp(&b)));
    let mut rank = vec![names.len() as u32; names.len() + 1];
    for (i, &code) in order.iter().enumerate() {
        rank[code] = i as u32;
    }
    rank
}

impl Views {
    /// One pass over the events. To keep the pass to sequential reads plus
    /// a few writes per event, place categories and actors are tallied per
    /// place and per side, and summed into countries, regions and actors
    /// after the pass; per-event categories are tallied per code.
    pub(crate) fn compute(store: &Store, state: &Membership<'_>, spec: &ViewSpec) -> Views {
        let Some((first_day, last_day)) = state.span else {
            return Views::default();
        };
        // Without a timeline to reuse, the pass tallies one; else the
        // events failing the date filter are in no other view.
        let reuse = state.timeline.is_some();
        let (band_of_type, bands) = if reuse {
            (Vec::new(), Vec::new())
        } else {
            timeline_bands(store)
        };
        let n_types = bands.len().max(1);
        let bin = timeline_bin(spec.bin, first_day, last_day);
        let first_bin = bin.index(first_day);
        let bins = if reuse {
            0
        } else {
            (bin.index(last_day) - first_bin + 1).max(0) as usize
        };
        // Bin per day over the store's span, so the pass does no date maths
        // (unless the span is too long for a table).
        let bin_of_day: Option<Vec<u32>> =
            (!reuse && (last_day - first_day) as usize <= DAY_TABLE_MAX).then(|| {
                (first_day..=last_day)
                    .map(|d| (bin.index(d) - first_bin) as u32)
                    .collect()
            });
        let zeros = |n: usize| vec![Measures::default(); n];
        let mut timeline_events = vec![0u32; bins * n_types];
        let mut timeline_fatalities = vec![0u64; bins * n_types];
        let n_places = store.places.len();
        // Events passing every filter, per place (map, place categories).
        let type_names = store.names[Category::EventType].names();
        let mut places = PlaceCells::new(n_places, type_names.len());
        // Per-event categories: the code column and one slot per code plus
        // one for "no value". Place categories: per place, the events that
        // fail only that category's filter (there are such events only
        // while the filter is set).
        let mut event_columns: Vec<(Category, &[u16], Vec<Measures>)> = Vec::new();
        let mut place_only: CategoryMap<Vec<Tally>> = CategoryMap::default();
        for c in Category::ALL {
            match store.codes(c) {
                Codes::PerEvent(codes) => {
                    event_columns.push((c, codes, zeros(store.names[c].len() + 1)))
                }
                Codes::PerPlace(_) if state.set & Dim::Category(c).bit() != 0 => {
                    place_only[c] = vec![Tally::default(); n_places]
                }
                Codes::PerPlace(_) => {}
            }
        }
        // What an event failing only the filter at bit position `b` adds to.
        #[derive(Clone, Copy)]
        enum OnlyFails {
            Nothing,
            EventColumn(usize),
            Place(Category),
        }
        let mut only_fails = [OnlyFails::Nothing; 16];
        for (i, (c, _, _)) in event_columns.iter().enumerate() {
            only_fails[Dim::Category(*c).position() as usize] = OnlyFails::EventColumn(i);
        }
        for c in Category::ALL
            .into_iter()
            .filter(|c| !place_only[*c].is_empty())
        {
            only_fails[Dim::Category(c).position() as usize] = OnlyFails::Place(c);
        }
        let mut sides = vec![Tally::default(); store.sides.len()];
        let mut totals = Totals::default();
        let mut low = 0u64;
        let mut high = 0u64;
        let ucdp = store.is_ucdp();
        let mut first_seen = Day::MAX;
        let mut last_seen = Day::MIN;
        let slot16 = |code: u16, len: usize| if code == u16::MAX { len } else { code as usize };
        let actor_bit = Dim::Actor.bit();
        let date_bit = Dim::Date.bit();
        let skip = if reuse { date_bit } else { 0 };
        let rows = if reuse {
            state.rows.start.min(store.len())..state.rows.end.min(store.len())
        } else {
            0..store.len()
        };

        for r in rows {
            let m = state.fails[r];
            if (m != 0 && m & (m - 1) != 0) || m & skip != 0 {
                continue; // fails two or more filters: in no view
            }
            let fatalities = store.fatalities[r];
            let civilian = if ucdp {
                store.civilian_deaths.get(r).copied().unwrap_or(0)
            } else {
                // All fatalities of an event targeting civilians.
                fatalities & 0u32.wrapping_sub(u32::from(store.is_civilian_targeting(r)))
            };
            let event_type = store.event_type[r];
            let all = m == 0;
            if !reuse && (all || m == date_bit) {
                let day = store.date[r];
                let b = match &bin_of_day {
                    Some(table) => table[(day - first_day) as usize] as usize,
                    None => (bin.index(day) - first_bin) as usize,
                };
                let t = band_of_type
                    .get(usize::from(event_type))
                    .copied()
                    .unwrap_or(0);
                timeline_events[b * n_types + t] += 1;
                timeline_fatalities[b * n_types + t] += u64::from(fatalities);
            }
            if all || m == actor_bit {
                let s1 = store.side1[r];
                let s2 = store.side2[r];
                sides[s1 as usize].add(fatalities, civilian);
                if s2 != s1 {
                    sides[s2 as usize].add(fatalities, civilian);
                }
            }
            if all {
                totals.measures.add(fatalities, civilian);
                let day = store.date[r];
                first_seen = first_seen.min(day);
                last_seen = last_seen.max(day);
                if ucdp {
                    low += u64::from(store.fatalities_low[r]);
                    high += u64::from(store.fatalities_high[r]);
                }
                places.add(store.place[r], fatalities, civilian, event_type);
                for (_, codes, acc) in &mut event_columns {
                    let len = acc.len() - 1;
                    acc[slot16(codes[r], len)].add(fatalities, civilian);
                }
                continue;
            }
            match only_fails[m.trailing_zeros() as usize] {
                OnlyFails::Nothing => {}
                OnlyFails::EventColumn(i) => {
                    let (_, codes, acc) = &mut event_columns[i];
                    let len = acc.len() - 1;
                    acc[slot16(codes[r], len)].add(fatalities, civilian);
                }
                OnlyFails::Place(c) => {
                    place_only[c][store.place[r] as usize].add(fatalities, civilian)
                }
            }
        }

        if totals.measures.events > 0 {
            totals.first_day = Some(first_seen);
            totals.last_day = Some(last_seen);
        }
        if ucdp {
            totals.fatalities_low = Some(low);
            totals.fatalities_high = Some(high);
        }

        let mut by_category: CategoryMap<Vec<Bar>> = CategoryMap::default();
        for (c, _, acc) in &event_columns {
            by_category[*c] = bars(acc, store.names[*c].names(), true);
        }
        // Places -> countries, admin1, admin2.
        for c in Category::ALL {
            let Codes::PerPlace(codes) = store.codes(c) else {
                continue;
            };
            let dict_len = store.names[c].len();
            let mut acc = zeros(dict_len + 1);
            let passing = places.tallies().zip(codes);
            let only = place_only[c].iter().copied().zip(codes);
            for (t, &code) in passing.chain(only) {
                if t.events > 0 {
                    let slot = if code == NONE {
                        dict_len
                    } else {
                        code as usize
                    };
                    acc[slot].add_tally(&t);
                }
            }
            by_category[c] = bars(&acc, store.names[c].names(), true);
        }

        // Sides -> canonical actors, then take back events that have the
        // same actor on both sides, so each event counts once per actor.
        let mut actor_acc = zeros(store.canonical.names.len());
        for (side, t) in sides.iter().enumerate().filter(|(_, t)| t.events > 0) {
            for &a in store.canonical.side(side as u32) {
                actor_acc[a as usize].add_tally(t);
            }
        }
        for (row, shared) in state.shared_actor_rows {
            let r = *row as usize;
            let m = state.fails[r];
            if m == 0 || m == actor_bit {
                for &a in shared {
                    let acc = &mut actor_acc[a as usize];
                    acc.events -= 1;
                    acc.fatalities -= u64::from(store.fatalities[r]);
                    acc.civilian_fatalities -= u64::from(store.civilian_fatalities(r));
                }
            }
        }
        let mut by_actor = bars(&actor_acc, store.canonical.names.as_slice(), false);
        by_actor.truncate(spec.top_actors);

        let colours = places.most_frequent_types(&type_ranks(type_names));
        let map = places
            .tallies()
            .zip(colours)
            .enumerate()
            .filter(|&(p, (t, _))| {
                t.events > 0 && !store.places.lat[p].is_nan() && !store.places.lon[p].is_nan()
            })
            .map(|(p, (t, event_type))| MapPoint {
                place: p as u32,
                lat: store.places.lat[p],
                lon: store.places.lon[p],
                events: t.events,
                fatalities: u64::from(t.fatalities),
                event_type,
            })
            .collect();
        let timeline = match state.timeline {
            Some(t) => t.clone(),
            None => Timeline {
                bin,
                coarsened_from: (bin != spec.bin).then_some(spec.bin),
                first_bin,
                bins,
                types: bands,
                events: timeline_events,
                fatalities: timeline_fatalities,
            },
        };
        Views {
            totals,
            timeline,
            by_category,
            by_actor,
            map,
        }
    }
}

/// The label of the "no value" slot of a breakdown.
pub const NOT_STATED: &str = "(not stated)";

/// Non-empty bars, most events first, then by label.
fn bars(acc: &[Measures], names: &[String], has_none_slot: bool) -> Vec<Bar> {
    let mut out: Vec<Bar> = acc
        .iter()
        .enumerate()
        .filter(|(_, m)| m.events > 0)
        .map(|(i, m)| Bar {
            label: match names.get(i) {
                Some(name) => name.clone(),
                None if has_none_slot => NOT_STATED.to_string(),
                None => String::new(),
            },
            measures: *m,
        })
        .collect();
    out.sort_by(|a, b| busiest_first((&a.measures, &a.label), (&b.measures, &b.label)));
    out
}

/// The order of breakdowns and groups: most events first, then by name.
pub(crate) fn busiest_first(a: (&Measures, &str), b: (&Measures, &str)) -> std::cmp::Ordering {
    b.0.events.cmp(&a.0.events).then_with(|| a.1.cmp(b.1))
}
