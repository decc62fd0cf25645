//! The linked views: one fused pass over the events computes the totals,
//! the timeline, every breakdown and the map, each view ignoring its own
//! filter (as crossfilter does).

use crate::engine::data::date::{Bin, Day};
use crate::engine::data::dictionary::NONE;
use crate::engine::data::dimension::{Category, CategoryMap, GroupBy};
use crate::engine::data::store::{mercator_y, Codes, Store};
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

    /// Adds one event, or takes it back (see [`Tallies::row`]).
    #[inline]
    fn step<const ADDING: bool>(&mut self, fatalities: u32, civilian: u32) {
        if ADDING {
            self.add(fatalities, civilian);
        } else {
            self.events = self.events.wrapping_sub(1);
            self.fatalities = self.fatalities.wrapping_sub(u64::from(fatalities));
            self.civilian_fatalities = self.civilian_fatalities.wrapping_sub(u64::from(civilian));
        }
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
    crate::engine::data::order::sort_by(&mut order, |&a, &b| {
        counts[b].cmp(&counts[a]).then(a.cmp(&b))
    });
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
    /// Web Mercator y of `lat` ([`mercator_y`]), worked out once per place.
    #[serde(skip)]
    pub plane_y: f64,
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
    /// Adds one event, or takes it back (see [`Tallies::row`]).
    #[inline]
    fn step<const ADDING: bool>(&mut self, fatalities: u32, civilian: u32) {
        step(&mut self.events, 1, ADDING);
        step(&mut self.fatalities, fatalities, ADDING);
        step(&mut self.civilian, civilian, ADDING);
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
#[derive(Clone)]
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

    /// Adds one event of the place, or takes it back.
    #[inline]
    fn step<const ADDING: bool>(
        &mut self,
        place: u32,
        fatalities: u32,
        civilian: u32,
        event_type: u16,
    ) {
        let slot = usize::from(event_type).min(self.slots - 1);
        let at = place as usize * self.stride;
        let Some(row) = self.cells.get_mut(at..at + self.stride) else {
            return;
        };
        step(&mut row[0], 1, ADDING);
        step(&mut row[1], fatalities, ADDING);
        step(&mut row[2], civilian, ADDING);
        if self.inline {
            step(&mut row[3 + slot], 1, ADDING);
        } else {
            step(
                self.overflow.entry((place, slot as u32)).or_default(),
                1,
                ADDING,
            );
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
    crate::engine::data::order::sort_by(&mut order, |&a, &b| {
        names[a].cmp(&names[b]).then(a.cmp(&b))
    });
    let mut rank = vec![names.len() as u32; names.len() + 1];
    for (i, &code) in order.iter().enumerate() {
        rank[code] = i as u32;
    }
    rank
}

/// Whether a row's contribution to the running sums is added or taken
/// back (see [`Tallies::row`]).
pub(crate) const ADD: bool = true;
pub(crate) const TAKE_BACK: bool = false;

/// What an event failing only the filter at one bit position adds to.
#[derive(Clone, Copy)]
enum OnlyFails {
    Nothing,
    EventColumn(usize),
    Place(Category),
}

/// The running sums behind every linked view. A row adds to the views its
/// failure mask lets it into (every view when it passes every filter; the
/// view of a dimension when it fails only that dimension's filter; none
/// when it fails two or more), so a filter change can take back the
/// contributions of the rows whose mask changed and add them again under
/// their new masks, as crossfilter does, instead of a pass over every
/// event. Place categories and actors are tallied per place and per side,
/// and summed into countries, regions and actors when the views are read.
///
/// Taking back is exact while no sum can overflow: [`Tallies::exact`]
/// says when a store allows it.
#[derive(Clone)]
pub(crate) struct Tallies {
    bin: Bin,
    wanted_bin: Bin,
    first_bin: i32,
    bins: usize,
    first_day: Day,
    band_of_type: Vec<usize>,
    bands: Vec<String>,
    /// Bin per day over the store's span, so a row does no date maths
    /// (unless the span is too long for a table).
    bin_of_day: Option<Vec<u32>>,
    timeline_events: Vec<u32>,
    timeline_fatalities: Vec<u64>,
    /// Events passing every filter, per place (map, place categories).
    places: PlaceCells,
    /// Per-event categories: the category and one slot per code plus one
    /// for "no value".
    event_columns: Vec<(Category, Vec<Measures>)>,
    /// Place categories: per place, the events that fail only that
    /// category's filter.
    place_only: CategoryMap<Vec<Tally>>,
    /// Events in each category's `place_only` (none while its filter is
    /// unset: the sums are then not read).
    place_only_events: CategoryMap<u64>,
    only_fails: [OnlyFails; 16],
    sides: Vec<Tally>,
    totals: Measures,
    low: u64,
    high: u64,
    /// Events passing every filter per day from `first_day`, when the span
    /// has a table: the first and last day shown then survive taking rows
    /// back. Without it, the days seen while adding.
    day_events: Option<Vec<u32>>,
    first_seen: Day,
    last_seen: Day,
    ucdp: bool,
}

impl Tallies {
    /// Empty sums for `store` (with at least one event, spanning
    /// `first_day..=last_day`) and `spec`.
    pub(crate) fn new(store: &Store, spec: &ViewSpec, first_day: Day, last_day: Day) -> Tallies {
        let (band_of_type, bands) = timeline_bands(store);
        let n_types = bands.len().max(1);
        let bin = timeline_bin(spec.bin, first_day, last_day);
        let first_bin = bin.index(first_day);
        let bins = (bin.index(last_day) - first_bin + 1).max(0) as usize;
        let day_table = (last_day - first_day) as usize <= DAY_TABLE_MAX;
        let bin_of_day = day_table.then(|| {
            (first_day..=last_day)
                .map(|d| (bin.index(d) - first_bin) as u32)
                .collect()
        });
        let day_events = day_table.then(|| vec![0u32; (last_day - first_day) as usize + 1]);
        let n_places = store.places.len();
        let type_names = store.names[Category::EventType].names();
        let mut event_columns: Vec<(Category, Vec<Measures>)> = Vec::new();
        let mut place_only: CategoryMap<Vec<Tally>> = CategoryMap::default();
        let mut only_fails = [OnlyFails::Nothing; 16];
        for c in Category::ALL {
            let position = Dim::Category(c).position() as usize;
            match store.codes(c) {
                Codes::PerEvent(_) => {
                    only_fails[position] = OnlyFails::EventColumn(event_columns.len());
                    event_columns.push((c, vec![Measures::default(); store.names[c].len() + 1]));
                }
                Codes::PerPlace(_) => {
                    only_fails[position] = OnlyFails::Place(c);
                    place_only[c] = vec![Tally::default(); n_places];
                }
            }
        }
        Tallies {
            bin,
            wanted_bin: spec.bin,
            first_bin,
            bins,
            first_day,
            band_of_type,
            bands,
            bin_of_day,
            timeline_events: vec![0; bins * n_types],
            timeline_fatalities: vec![0; bins * n_types],
            places: PlaceCells::new(n_places, type_names.len()),
            event_columns,
            place_only,
            place_only_events: CategoryMap::default(),
            only_fails,
            sides: vec![Tally::default(); store.sides.len()],
            totals: Measures::default(),
            low: 0,
            high: 0,
            day_events,
            first_seen: Day::MAX,
            last_seen: Day::MIN,
            ucdp: store.is_ucdp(),
        }
    }

    /// True when rows of `store` (spanning `span`) can be taken back
    /// exactly: the per-day table exists and no sum of fatalities can pass
    /// what a tally holds.
    pub(crate) fn exact(store: &Store, span: Option<(Day, Day)>) -> bool {
        let Some((first, last)) = span else {
            return false;
        };
        let limit = u64::from(u32::MAX);
        let sum = |column: &[u32]| column.iter().map(|&f| u64::from(f)).sum::<u64>();
        (last - first) as usize <= DAY_TABLE_MAX
            && sum(&store.fatalities) <= limit
            && sum(&store.civilian_deaths) <= limit
    }

    /// Adds (`ADD`) or takes back (`TAKE_BACK`) row `r` under failure
    /// mask `m`.
    #[inline]
    pub(crate) fn row<const ADDING: bool>(&mut self, store: &Store, r: usize, m: u16) {
        if m != 0 && m & (m - 1) != 0 {
            return; // fails two or more filters: in no view
        }
        let fatalities = store.fatalities[r];
        let civilian = if self.ucdp {
            store.civilian_deaths.get(r).copied().unwrap_or(0)
        } else {
            // All fatalities of an event targeting civilians.
            fatalities & 0u32.wrapping_sub(u32::from(store.is_civilian_targeting(r)))
        };
        let event_type = store.event_type[r];
        let all = m == 0;
        if all || m == Dim::Date.bit() {
            let day = store.date[r];
            let b = match &self.bin_of_day {
                Some(table) => table[(day - self.first_day) as usize] as usize,
                None => (self.bin.index(day) - self.first_bin) as usize,
            };
            let t = self
                .band_of_type
                .get(usize::from(event_type))
                .copied()
                .unwrap_or(0);
            let at = b * self.bands.len().max(1) + t;
            step(&mut self.timeline_events[at], 1, ADDING);
            step64(&mut self.timeline_fatalities[at], fatalities, ADDING);
        }
        if all || m == Dim::Actor.bit() {
            let s1 = store.side1[r];
            let s2 = store.side2[r];
            self.sides[s1 as usize].step::<ADDING>(fatalities, civilian);
            if s2 != s1 {
                self.sides[s2 as usize].step::<ADDING>(fatalities, civilian);
            }
        }
        let slot = |code: u16, len: usize| if code == u16::MAX { len } else { code as usize };
        if all {
            self.totals.step::<ADDING>(fatalities, civilian);
            let day = store.date[r];
            match &mut self.day_events {
                Some(days) => step(&mut days[(day - self.first_day) as usize], 1, ADDING),
                None => {
                    self.first_seen = self.first_seen.min(day);
                    self.last_seen = self.last_seen.max(day);
                }
            }
            if self.ucdp {
                step64(&mut self.low, store.fatalities_low[r], ADDING);
                step64(&mut self.high, store.fatalities_high[r], ADDING);
            }
            self.places
                .step::<ADDING>(store.place[r], fatalities, civilian, event_type);
            for (c, acc) in &mut self.event_columns {
                if let Codes::PerEvent(codes) = store.codes(*c) {
                    let len = acc.len() - 1;
                    acc[slot(codes[r], len)].step::<ADDING>(fatalities, civilian);
                }
            }
            return;
        }
        match self.only_fails[m.trailing_zeros() as usize] {
            OnlyFails::Nothing => {}
            OnlyFails::EventColumn(i) => {
                let (c, acc) = &mut self.event_columns[i];
                if let Codes::PerEvent(codes) = store.codes(*c) {
                    let len = acc.len() - 1;
                    acc[slot(codes[r], len)].step::<ADDING>(fatalities, civilian);
                }
            }
            OnlyFails::Place(c) => {
                self.place_only[c][store.place[r] as usize].step::<ADDING>(fatalities, civilian);
                let events = &mut self.place_only_events[c];
                *events = if ADDING {
                    *events + 1
                } else {
                    events.wrapping_sub(1)
                };
            }
        }
    }

    /// The views the sums hold. `fails` and `shared_actor_rows` are those
    /// of the filter state the sums were brought up to; `plane_y` is
    /// [`place_plane_y`] of `store`.
    pub(crate) fn views(
        &self,
        store: &Store,
        fails: &[u16],
        shared_actor_rows: &[(u32, Vec<u32>)],
        spec: &ViewSpec,
        plane_y: &[f64],
    ) -> Views {
        let zeros = |n: usize| vec![Measures::default(); n];
        let mut totals = Totals {
            measures: self.totals,
            ..Totals::default()
        };
        if totals.measures.events > 0 {
            let (first, last) = match &self.day_events {
                Some(days) => {
                    let first = days.iter().position(|&n| n > 0).unwrap_or(0);
                    let last = days.iter().rposition(|&n| n > 0).unwrap_or(0);
                    (self.first_day + first as Day, self.first_day + last as Day)
                }
                None => (self.first_seen, self.last_seen),
            };
            totals.first_day = Some(first);
            totals.last_day = Some(last);
        }
        if self.ucdp {
            totals.fatalities_low = Some(self.low);
            totals.fatalities_high = Some(self.high);
        }

        let mut by_category: CategoryMap<Vec<Bar>> = CategoryMap::default();
        for (c, acc) in &self.event_columns {
            by_category[*c] = bars(acc, store.names[*c].names(), true);
        }
        // Places -> countries, admin1, admin2, admin3, in one walk over
        // the places.
        let mut place_categories: Vec<(Category, &[u32], Vec<Measures>)> = Category::ALL
            .into_iter()
            .filter_map(|c| match store.codes(c) {
                Codes::PerPlace(codes) => Some((c, codes, zeros(store.names[c].len() + 1))),
                Codes::PerEvent(_) => None,
            })
            .collect();
        let slot = |code: u32, acc: &[Measures]| {
            if code == NONE {
                acc.len() - 1
            } else {
                code as usize
            }
        };
        for (p, t) in self.places.tallies().enumerate() {
            if t.events == 0 {
                continue;
            }
            for (_, codes, acc) in &mut place_categories {
                let s = slot(codes[p], acc);
                acc[s].add_tally(&t);
            }
        }
        for (c, codes, acc) in &mut place_categories {
            if self.place_only_events[*c] == 0 {
                continue;
            }
            for (p, t) in self.place_only[*c].iter().enumerate() {
                if t.events > 0 {
                    let s = slot(codes[p], acc);
                    acc[s].add_tally(t);
                }
            }
        }
        for (c, _, acc) in &place_categories {
            by_category[*c] = bars(acc, store.names[*c].names(), true);
        }

        // Sides -> canonical actors, then take back events that have the
        // same actor on both sides, so each event counts once per actor.
        let actor_bit = Dim::Actor.bit();
        let mut actor_acc = zeros(store.canonical.names.len());
        for (side, t) in self.sides.iter().enumerate().filter(|(_, t)| t.events > 0) {
            for &a in store.canonical.side(side as u32) {
                actor_acc[a as usize].add_tally(t);
            }
        }
        for (row, shared) in shared_actor_rows {
            let r = *row as usize;
            let m = fails[r];
            if m == 0 || m == actor_bit {
                for &a in shared {
                    let acc = &mut actor_acc[a as usize];
                    acc.events -= 1;
                    acc.fatalities -= u64::from(store.fatalities[r]);
                    acc.civilian_fatalities -= u64::from(store.civilian_fatalities(r));
                }
            }
        }
        let by_actor = top_bars(
            &actor_acc,
            store.canonical.names.as_slice(),
            spec.top_actors,
        );

        let type_names = store.names[Category::EventType].names();
        let colours = self.places.most_frequent_types(&type_ranks(type_names));
        let map = self
            .places
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
                plane_y: plane_y.get(p).copied().unwrap_or(0.0),
                events: t.events,
                fatalities: u64::from(t.fatalities),
                event_type,
            })
            .collect();
        let timeline = Timeline {
            bin: self.bin,
            coarsened_from: (self.bin != self.wanted_bin).then_some(self.wanted_bin),
            first_bin: self.first_bin,
            bins: self.bins,
            types: self.bands.clone(),
            events: self.timeline_events.clone(),
            fatalities: self.timeline_fatalities.clone(),
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

/// Adds `by` to a count, or takes it back (wrapping: exact while the
/// true sum fits, which [`Tallies::exact`] checks before anything is
/// taken back; adding saturates, so a hostile file's sums stop at the
/// top).
#[inline]
fn step(value: &mut u32, by: u32, adding: bool) {
    *value = if adding {
        value.saturating_add(by)
    } else {
        value.wrapping_sub(by)
    };
}

#[inline]
fn step64(value: &mut u64, by: u32, adding: bool) {
    *value = if adding {
        value.saturating_add(u64::from(by))
    } else {
        value.wrapping_sub(u64::from(by))
    };
}

/// Per place of `store`, the Web Mercator y of its latitude (NaN without
/// one): map points carry it, so the map never projects a latitude again.
pub(crate) fn place_plane_y(store: &Store) -> Vec<f64> {
    store
        .places
        .lat
        .iter()
        .map(|&lat| mercator_y(f64::from(lat)))
        .collect()
}

impl Views {
    /// Every view of `store` under the failure masks `fails`, in one pass
    /// over the events (the reference the running sums are kept equal to).
    pub(crate) fn compute(
        store: &Store,
        fails: &[u16],
        shared_actor_rows: &[(u32, Vec<u32>)],
        spec: &ViewSpec,
        span: Option<(Day, Day)>,
    ) -> Views {
        match Views::tallies(store, fails, spec, span) {
            Some(t) => t.views(store, fails, shared_actor_rows, spec, &place_plane_y(store)),
            None => Views::default(),
        }
    }

    /// The running sums of every view of `store` (spanning `span`) under
    /// `fails`, from one pass (`None` for an empty store).
    pub(crate) fn tallies(
        store: &Store,
        fails: &[u16],
        spec: &ViewSpec,
        span: Option<(Day, Day)>,
    ) -> Option<Tallies> {
        let (first_day, last_day) = span?;
        let mut tallies = Tallies::new(store, spec, first_day, last_day);
        for (r, &m) in fails.iter().enumerate() {
            tallies.row::<ADD>(store, r, m);
        }
        Some(tallies)
    }
}

/// The label of the "no value" slot of a breakdown.
pub const NOT_STATED: &str = "(not stated)";

/// Non-empty bars, most events first, then by label.
fn bars(acc: &[Measures], names: &[String], has_none_slot: bool) -> Vec<Bar> {
    let label = |i: usize| match names.get(i) {
        Some(name) => name.as_str(),
        None if has_none_slot => NOT_STATED,
        None => "",
    };
    // Sorting positions, not bars, moves 4 bytes per swap instead of a
    // bar and its label.
    let mut order: Vec<u32> = (0..acc.len() as u32)
        .filter(|&i| acc[i as usize].events > 0)
        .collect();
    crate::engine::data::order::sort_u32_by(&mut order, |a, b| {
        let (a, b) = (a as usize, b as usize);
        busiest_first((&acc[a], label(a)), (&acc[b], label(b)))
    });
    order
        .into_iter()
        .map(|i| Bar {
            label: label(i as usize).to_string(),
            measures: acc[i as usize],
        })
        .collect()
}

/// The `k` busiest non-empty bars, in the order of [`bars`], naming only
/// those (thousands of actors are tallied; the page shows a few).
fn top_bars(acc: &[Measures], names: &[String], k: usize) -> Vec<Bar> {
    let name = |i: usize| names.get(i).map_or("", String::as_str);
    let order = |a: &usize, b: &usize| busiest_first((&acc[*a], name(*a)), (&acc[*b], name(*b)));
    let mut top: Vec<usize> = (0..acc.len()).filter(|&i| acc[i].events > 0).collect();
    if top.len() > k {
        top.select_nth_unstable_by(k, order);
        top.truncate(k);
    }
    crate::engine::data::order::sort_by(&mut top, order);
    top.into_iter()
        .map(|i| Bar {
            label: name(i).to_string(),
            measures: acc[i],
        })
        .collect()
}

/// The order of breakdowns and groups: most events first, then by name.
pub(crate) fn busiest_first(a: (&Measures, &str), b: (&Measures, &str)) -> std::cmp::Ordering {
    b.0.events.cmp(&a.0.events).then_with(|| a.1.cmp(b.1))
}
