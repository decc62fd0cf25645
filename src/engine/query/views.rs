//! The linked views: one fused pass over the events computes the totals,
//! the timeline, every breakdown and the map, each view ignoring its own
//! filter (as crossfilter does).

use crate::engine::data::date::{Bin, Day};
use crate::engine::data::dictionary::NONE;
use crate::engine::data::store::Store;
use crate::engine::query::filters::Dim;
use crate::engine::query::state::QueryState;
use serde::{Deserialize, Serialize};

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
    pub fn label(self) -> &'static str {
        match self {
            Measure::Events => "Events",
            Measure::Fatalities => "Fatalities",
        }
    }
}

/// What the views should show.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
    fn add(&mut self, fatalities: u32, civilian: u32) {
        self.events += 1;
        self.fatalities += u64::from(fatalities);
        self.civilian_fatalities += u64::from(civilian);
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
    pub bin: Bin,
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

    pub fn bin_fatalities(&self, b: usize) -> u64 {
        let n = self.types.len();
        self.fatalities[b * n..(b + 1) * n].iter().sum()
    }
}

/// One map point: a place with its filtered events.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MapPoint {
    pub place: u32,
    pub lat: f32,
    pub lon: f32,
    pub events: u32,
    pub fatalities: u64,
    /// The place's most frequent event type (code into `event_types`).
    pub event_type: u16,
}

/// Every linked view, computed together.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Views {
    pub totals: Totals,
    pub timeline: Timeline,
    pub by_country: Vec<Bar>,
    pub by_admin1: Vec<Bar>,
    pub by_admin2: Vec<Bar>,
    pub by_event_type: Vec<Bar>,
    pub by_sub_event_type: Vec<Bar>,
    pub by_disorder_type: Vec<Bar>,
    pub by_actor: Vec<Bar>,
    pub map: Vec<MapPoint>,
}

impl Views {
    /// The breakdown by `by`, if the views hold one (time bins are in the
    /// timeline instead).
    pub fn bars(&self, by: crate::engine::query::group::GroupBy) -> Option<&[Bar]> {
        use crate::engine::query::group::GroupBy as G;
        Some(match by {
            G::Country => &self.by_country,
            G::Admin1 => &self.by_admin1,
            G::Admin2 => &self.by_admin2,
            G::EventType => &self.by_event_type,
            G::SubEventType => &self.by_sub_event_type,
            G::DisorderType => &self.by_disorder_type,
            G::Actor => &self.by_actor,
            G::Day | G::Week | G::Month | G::Quarter | G::Year => return None,
        })
    }
}

/// Per-place totals of the events a view takes; `votes` and `event_type`
/// run a Boyer-Moore majority vote for the place's colour on the map.
#[derive(Clone, Copy, Default)]
struct PlaceTally {
    events: u32,
    fatalities: u32,
    civilian: u32,
    event_type: u16,
    votes: u16,
}

impl PlaceTally {
    #[inline]
    fn add(&mut self, fatalities: u32, civilian: u32, event_type: u16) {
        self.events += 1;
        self.fatalities = self.fatalities.saturating_add(fatalities);
        self.civilian = self.civilian.saturating_add(civilian);
        if self.votes == 0 {
            self.event_type = event_type;
            self.votes = 1;
        } else if self.event_type == event_type {
            self.votes = self.votes.saturating_add(1);
        } else {
            self.votes -= 1;
        }
    }
}

#[derive(Clone, Copy, Default)]
struct SideTally {
    events: u32,
    fatalities: u32,
    civilian: u32,
}

impl Views {
    /// One pass over the events. To keep the pass to sequential reads plus
    /// a few writes per event, places and sides are tallied per place and
    /// per side; countries, regions and actors are summed from those after
    /// the pass.
    pub(crate) fn compute(store: &Store, state: &QueryState, spec: &ViewSpec) -> Views {
        let n_types = store.event_types.len().max(1);
        let (first_day, last_day) = match (store.date.iter().min(), store.date.iter().max()) {
            (Some(&a), Some(&b)) => (a, b),
            _ => return Views::default(),
        };
        let first_bin = spec.bin.index(first_day);
        let bins = (spec.bin.index(last_day) - first_bin + 1).max(0) as usize;
        // Bin per day over the store's span, so the pass does no date maths.
        let bin_of_day: Vec<u32> = (first_day..=last_day)
            .map(|d| (spec.bin.index(d) - first_bin) as u32)
            .collect();
        let zeros = |n: usize| vec![Measures::default(); n];
        let mut event_type_acc = zeros(store.event_types.len() + 1);
        let mut sub_event_acc = zeros(store.sub_event_types.len() + 1);
        let mut disorder_acc = zeros(store.disorder_types.len() + 1);
        let mut timeline_events = vec![0u32; bins * n_types];
        let mut timeline_fatalities = vec![0u64; bins * n_types];
        let n_places = store.places.len();
        // Events passing every filter, per place (map, totals by place).
        let mut places = vec![PlaceTally::default(); n_places];
        // Events failing only the country / admin1 / admin2 filter; such
        // events exist only while that filter is set.
        let only_tally = |d: Dim| {
            if state.filters_set(d) {
                vec![PlaceTally::default(); n_places]
            } else {
                Vec::new()
            }
        };
        let mut places_country = only_tally(Dim::Country);
        let mut places_admin1 = only_tally(Dim::Admin1);
        let mut places_admin2 = only_tally(Dim::Admin2);
        let mut sides = vec![SideTally::default(); store.sides.len()];
        let mut totals = Totals::default();
        let mut low = 0u64;
        let mut high = 0u64;
        let ucdp = store.is_ucdp();
        let mut first_seen = Day::MAX;
        let mut last_seen = Day::MIN;
        let slot16 = |code: u16, len: usize| if code == u16::MAX { len } else { code as usize };
        let actor_bit = Dim::Actor.bit();

        for r in 0..store.len() {
            let m = state.fails[r];
            if m != 0 && m & (m - 1) != 0 {
                continue; // fails two or more filters: in no view
            }
            let fatalities = store.fatalities[r];
            let civilian = store.civilian_fatalities(r);
            let event_type = store.event_type[r];
            let all = m == 0;
            if all || m == Dim::Date.bit() {
                let day = store.date[r];
                let b = bin_of_day[(day - first_day) as usize] as usize;
                let t = event_type as usize % n_types;
                timeline_events[b * n_types + t] += 1;
                timeline_fatalities[b * n_types + t] += u64::from(fatalities);
            }
            if all || m == actor_bit {
                let s1 = store.side1[r];
                let s2 = store.side2[r];
                let t = &mut sides[s1 as usize];
                t.events += 1;
                t.fatalities = t.fatalities.saturating_add(fatalities);
                t.civilian = t.civilian.saturating_add(civilian);
                if s2 != s1 {
                    let t = &mut sides[s2 as usize];
                    t.events += 1;
                    t.fatalities = t.fatalities.saturating_add(fatalities);
                    t.civilian = t.civilian.saturating_add(civilian);
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
                places[store.place[r] as usize].add(fatalities, civilian, event_type);
                event_type_acc[slot16(event_type, store.event_types.len())]
                    .add(fatalities, civilian);
                sub_event_acc[slot16(store.sub_event_type[r], store.sub_event_types.len())]
                    .add(fatalities, civilian);
                disorder_acc[slot16(store.disorder_type[r], store.disorder_types.len())]
                    .add(fatalities, civilian);
                continue;
            }
            match m {
                _ if m == Dim::Country.bit() => {
                    places_country[store.place[r] as usize].add(fatalities, civilian, event_type)
                }
                _ if m == Dim::Admin1.bit() => {
                    places_admin1[store.place[r] as usize].add(fatalities, civilian, event_type)
                }
                _ if m == Dim::Admin2.bit() => {
                    places_admin2[store.place[r] as usize].add(fatalities, civilian, event_type)
                }
                _ if m == Dim::EventType.bit() => event_type_acc
                    [slot16(event_type, store.event_types.len())]
                .add(fatalities, civilian),
                _ if m == Dim::SubEventType.bit() => sub_event_acc
                    [slot16(store.sub_event_type[r], store.sub_event_types.len())]
                .add(fatalities, civilian),
                _ if m == Dim::Disorder.bit() => disorder_acc
                    [slot16(store.disorder_type[r], store.disorder_types.len())]
                .add(fatalities, civilian),
                _ => {}
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

        // Places -> countries, admin1, admin2.
        let by_place = |codes: &[u32], dict_len: usize, extra: &[PlaceTally]| -> Vec<Measures> {
            let mut acc = zeros(dict_len + 1);
            for tallies in [&places[..], extra] {
                for (p, t) in tallies.iter().enumerate().filter(|(_, t)| t.events > 0) {
                    let c = codes[p];
                    let slot = if c == NONE { dict_len } else { c as usize };
                    acc[slot].events += u64::from(t.events);
                    acc[slot].fatalities += u64::from(t.fatalities);
                    acc[slot].civilian_fatalities += u64::from(t.civilian);
                }
            }
            acc
        };
        let country_acc = by_place(
            &store.places.country,
            store.countries.len(),
            &places_country,
        );
        let admin1_acc = by_place(&store.places.admin1, store.admin1s.len(), &places_admin1);
        let admin2_acc = by_place(&store.places.admin2, store.admin2s.len(), &places_admin2);

        // Sides -> canonical actors, then take back events that have the
        // same actor on both sides, so each event counts once per actor.
        let mut actor_acc = zeros(store.canonical.names.len());
        for (side, t) in sides.iter().enumerate().filter(|(_, t)| t.events > 0) {
            for &a in store.canonical.side(side as u32) {
                let m = &mut actor_acc[a as usize];
                m.events += u64::from(t.events);
                m.fatalities += u64::from(t.fatalities);
                m.civilian_fatalities += u64::from(t.civilian);
            }
        }
        for (row, shared) in &state.shared_actor_rows {
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

        let map = places
            .iter()
            .enumerate()
            .filter(|&(p, t)| {
                t.events > 0 && !store.places.lat[p].is_nan() && !store.places.lon[p].is_nan()
            })
            .map(|(p, t)| MapPoint {
                place: p as u32,
                lat: store.places.lat[p],
                lon: store.places.lon[p],
                events: t.events,
                fatalities: u64::from(t.fatalities),
                event_type: t.event_type,
            })
            .collect();
        Views {
            totals,
            timeline: Timeline {
                bin: spec.bin,
                first_bin,
                bins,
                types: store.event_types.names().to_vec(),
                events: timeline_events,
                fatalities: timeline_fatalities,
            },
            by_country: bars(&country_acc, store.countries.names(), true),
            by_admin1: bars(&admin1_acc, store.admin1s.names(), true),
            by_admin2: bars(&admin2_acc, store.admin2s.names(), true),
            by_event_type: bars(&event_type_acc, store.event_types.names(), true),
            by_sub_event_type: bars(&sub_event_acc, store.sub_event_types.names(), true),
            by_disorder_type: bars(&disorder_acc, store.disorder_types.names(), true),
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
    out.sort_by(|a, b| {
        b.measures
            .events
            .cmp(&a.measures.events)
            .then_with(|| a.label.cmp(&b.label))
    });
    out
}
