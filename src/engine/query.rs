//! Filters and the linked views.
//!
//! Each filter dimension owns one bit of a per-event `u16` failure mask.
//! Changing one filter recomputes only that dimension's bit (one pass over
//! one column). Then a single fused pass computes every view at once: the
//! headline totals and the map use events that fail nothing; a breakdown or
//! the timeline also takes events that fail only its own dimension, so each
//! view shows what the other filters leave (as crossfilter does). The UI
//! crosses into the engine once per interaction.

use crate::engine::date::{self, Bin, Day};
use crate::engine::fold::{contains_folded, fold};
use crate::engine::store::{Dictionary, SourceText, Store, NONE};
use serde::{Deserialize, Serialize};

/// Which role(s) an actor filter looks at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default, Hash)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Any role: actor1, assoc_actor_1, actor2, assoc_actor_2.
    #[default]
    Any,
    Actor1,
    Actor2,
    /// Associated with actor 1 (`assoc_actor_1`).
    Assoc1,
    Assoc2,
    /// actor1 or assoc_actor_1.
    Side1,
    /// actor2 or assoc_actor_2.
    Side2,
}

impl Role {
    pub const ALL: [Role; 7] = [
        Role::Any,
        Role::Actor1,
        Role::Actor2,
        Role::Assoc1,
        Role::Assoc2,
        Role::Side1,
        Role::Side2,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Role::Any => "any",
            Role::Actor1 => "actor1",
            Role::Actor2 => "actor2",
            Role::Assoc1 => "assoc1",
            Role::Assoc2 => "assoc2",
            Role::Side1 => "side1",
            Role::Side2 => "side2",
        }
    }

    pub fn from_name(name: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.name() == name)
    }
}

/// Every filter, by name (so it can live in a URL and be applied to any
/// file). Empty lists and `None` mean "no filter".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, Hash)]
pub struct Filters {
    /// Inclusive date range.
    pub from: Option<Day>,
    pub to: Option<Day>,
    /// Months of the year, inclusive, 1-12; `(11, 2)` wraps over the new year.
    pub months: Option<(u8, u8)>,
    pub countries: Vec<String>,
    pub admin1: Vec<String>,
    pub admin2: Vec<String>,
    pub event_types: Vec<String>,
    pub sub_event_types: Vec<String>,
    pub disorder_types: Vec<String>,
    /// A canonical actor, a raw actor name, or a fragment of a name
    /// (case- and accent-insensitive).
    pub actor: Option<String>,
    pub role: Role,
    /// With `actor`: only events where this actor is on the same side.
    pub alongside: Option<String>,
    pub fatalities_min: Option<u32>,
    pub fatalities_max: Option<u32>,
    pub civilian_targeting: Option<bool>,
    /// Words to find in the location names or the notes.
    pub text: Option<String>,
}

/// The filter dimensions, one bit each.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Dim {
    Date = 0,
    Months,
    Country,
    Admin1,
    Admin2,
    EventType,
    SubEventType,
    Disorder,
    Actor,
    Fatalities,
    Civilian,
    Text,
}

impl Dim {
    pub const ALL: [Dim; 12] = [
        Dim::Date,
        Dim::Months,
        Dim::Country,
        Dim::Admin1,
        Dim::Admin2,
        Dim::EventType,
        Dim::SubEventType,
        Dim::Disorder,
        Dim::Actor,
        Dim::Fatalities,
        Dim::Civilian,
        Dim::Text,
    ];

    pub fn bit(self) -> u16 {
        1 << self as u8
    }

    /// True when this dimension's part of `a` and `b` is the same.
    fn same(self, a: &Filters, b: &Filters) -> bool {
        match self {
            Dim::Date => a.from == b.from && a.to == b.to,
            Dim::Months => a.months == b.months,
            Dim::Country => a.countries == b.countries,
            Dim::Admin1 => a.admin1 == b.admin1,
            Dim::Admin2 => a.admin2 == b.admin2,
            Dim::EventType => a.event_types == b.event_types,
            Dim::SubEventType => a.sub_event_types == b.sub_event_types,
            Dim::Disorder => a.disorder_types == b.disorder_types,
            Dim::Actor => a.actor == b.actor && a.role == b.role && a.alongside == b.alongside,
            Dim::Fatalities => {
                a.fatalities_min == b.fatalities_min && a.fatalities_max == b.fatalities_max
            }
            Dim::Civilian => a.civilian_targeting == b.civilian_targeting,
            Dim::Text => a.text == b.text,
        }
    }
}

/// Filter state over one store: the filters applied and each event's
/// failure mask. Create one per store; call [`QueryState::apply`] on every
/// change.
#[derive(Clone, Debug)]
pub struct QueryState {
    filters: Filters,
    fails: Vec<u16>,
    /// Month of year per day, from the store's first day.
    first_day: Day,
    month_of_day: Vec<u8>,
    /// Events whose notes match `filters.text`, when the caller scanned
    /// the file for them (large files whose text is not held in memory).
    note_matches: Option<Vec<bool>>,
    /// Events with the same canonical actor on both sides (intra-group
    /// clashes), and those actors: the actor breakdown counts them once.
    shared_actor_rows: Vec<(u32, Vec<u32>)>,
    /// The views with no filter set, for the last spec asked for.
    unfiltered: std::cell::RefCell<Option<(ViewSpec, Views)>>,
}

impl QueryState {
    pub fn new(store: &Store) -> QueryState {
        let first_day = store.date.iter().copied().min().unwrap_or(0);
        let last_day = store.date.iter().copied().max().unwrap_or(0);
        let month_of_day = (first_day..=last_day).map(date::month_of).collect();
        let mut shared_actor_rows = Vec::new();
        for r in 0..store.len() {
            let (s1, s2) = (store.side1[r], store.side2[r]);
            if s1 == s2 {
                continue;
            }
            let other = store.canonical.side(s2);
            let shared: Vec<u32> = store
                .canonical
                .side(s1)
                .iter()
                .copied()
                .filter(|a| other.contains(a))
                .collect();
            if !shared.is_empty() {
                shared_actor_rows.push((r as u32, shared));
            }
        }
        QueryState {
            filters: Filters::default(),
            fails: vec![0; store.len()],
            first_day,
            month_of_day,
            note_matches: None,
            shared_actor_rows,
            unfiltered: std::cell::RefCell::new(None),
        }
    }

    /// True when some event may fail the filter of `dim`.
    fn filters_set(&self, dim: Dim) -> bool {
        !dim.same(&self.filters, &Filters::default())
    }

    pub fn filters(&self) -> &Filters {
        &self.filters
    }

    /// Applies `filters`, recomputing only the dimensions that changed.
    pub fn apply(&mut self, store: &Store, filters: &Filters) {
        for dim in Dim::ALL {
            if !dim.same(&self.filters, filters)
                || (dim == Dim::Text && self.filters.fails_text_pending())
            {
                self.recompute(store, dim, filters);
            }
        }
        self.filters = filters.clone();
    }

    /// Supplies the events whose notes match the current text filter, found
    /// by scanning the file (see [`record_batches`] and [`match_records`]).
    pub fn set_note_matches(&mut self, store: &Store, matches: Option<Vec<bool>>) {
        self.note_matches = matches;
        let filters = self.filters.clone();
        self.recompute(store, Dim::Text, &filters);
    }

    /// True when the text filter needs a scan of the file's notes that the
    /// caller has not supplied yet.
    pub fn needs_note_scan(&self, store: &Store) -> bool {
        self.filters
            .text
            .as_deref()
            .is_some_and(|t| !t.trim().is_empty())
            && matches!(store.source, SourceText::External { .. })
            && self.note_matches.is_none()
    }

    fn recompute(&mut self, store: &Store, dim: Dim, f: &Filters) {
        if dim == Dim::Text && f.text != self.filters.text {
            self.note_matches = None;
        }
        let test = Test::build(store, dim, f, self);
        let bit = dim.bit();
        match test {
            None => self.fails.iter_mut().for_each(|m| *m &= !bit),
            Some(test) => {
                for (r, m) in self.fails.iter_mut().enumerate() {
                    let fail = !test.passes(store, r);
                    *m = (*m & !bit) | if fail { bit } else { 0 };
                }
            }
        }
    }

    /// Does event `row` pass every filter?
    pub fn passes(&self, row: usize) -> bool {
        self.fails.get(row) == Some(&0)
    }

    /// Events passing every filter, in file order.
    pub fn rows(&self) -> Vec<u32> {
        self.rows_ignoring(&[])
    }

    /// Events passing every filter except those of `ignored` dimensions.
    pub fn rows_ignoring(&self, ignored: &[Dim]) -> Vec<u32> {
        let keep = !ignored.iter().fold(0u16, |m, d| m | d.bit());
        self.fails
            .iter()
            .enumerate()
            .filter(|(_, &m)| m & keep == 0)
            .map(|(r, _)| r as u32)
            .collect()
    }

    /// Computes every linked view in one pass.
    pub fn views(&self, store: &Store, spec: &ViewSpec) -> Views {
        // With no filter every event is in every view: the slowest pass,
        // and a common one ("Clear all"), so it is kept per spec.
        if !self.filters.is_empty() {
            return Views::compute(store, self, spec);
        }
        let mut cache = self.unfiltered.borrow_mut();
        if let Some((cached_spec, views)) = cache.as_ref() {
            if cached_spec == spec {
                return views.clone();
            }
        }
        let views = Views::compute(store, self, spec);
        *cache = Some((spec.clone(), views.clone()));
        views
    }
}

impl Filters {
    fn fails_text_pending(&self) -> bool {
        false
    }

    /// True when no filter is set.
    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }
}

/// A resolved test for one dimension.
enum Test {
    DateRange(Day, Day),
    /// Allowed per day, from the store's first day.
    Months {
        first_day: Day,
        allowed: Vec<bool>,
    },
    /// Allowed place codes.
    Places(Vec<bool>),
    Codes(CodeColumn, Vec<bool>),
    /// Per side: bit 0 the primary actor matches, bit 1 an associated actor
    /// matches, bit 2 the side also holds the "alongside" actor.
    Actor {
        role: Role,
        side_flags: Vec<u8>,
        alongside: bool,
    },
    Fatalities(u32, u32),
    Civilian(bool),
    Text {
        places: Vec<bool>,
        notes: Option<Vec<bool>>,
    },
}

#[derive(Clone, Copy)]
enum CodeColumn {
    EventType,
    SubEventType,
    Disorder,
}

impl Test {
    fn build(store: &Store, dim: Dim, f: &Filters, state: &QueryState) -> Option<Test> {
        match dim {
            Dim::Date => {
                if f.from.is_none() && f.to.is_none() {
                    return None;
                }
                Some(Test::DateRange(
                    f.from.unwrap_or(Day::MIN),
                    f.to.unwrap_or(Day::MAX),
                ))
            }
            Dim::Months => {
                let (a, b) = f.months?;
                let in_window = |m: u8| {
                    if a <= b {
                        a <= m && m <= b
                    } else {
                        m >= a || m <= b
                    }
                };
                Some(Test::Months {
                    first_day: state.first_day,
                    allowed: state.month_of_day.iter().map(|&m| in_window(m)).collect(),
                })
            }
            Dim::Country => {
                place_test(store, &f.countries, &store.countries, &store.places.country)
            }
            Dim::Admin1 => place_test(store, &f.admin1, &store.admin1s, &store.places.admin1),
            Dim::Admin2 => place_test(store, &f.admin2, &store.admin2s, &store.places.admin2),
            Dim::EventType => code_test(&f.event_types, &store.event_types, CodeColumn::EventType),
            Dim::SubEventType => code_test(
                &f.sub_event_types,
                &store.sub_event_types,
                CodeColumn::SubEventType,
            ),
            Dim::Disorder => code_test(
                &f.disorder_types,
                &store.disorder_types,
                CodeColumn::Disorder,
            ),
            Dim::Actor => {
                let actor = f.actor.as_deref().filter(|a| !a.trim().is_empty());
                let alongside = f.alongside.as_deref().filter(|a| !a.trim().is_empty());
                let (main, other) = match (actor, alongside) {
                    (None, None) => return None,
                    (Some(a), b) => (a, b),
                    (None, Some(b)) => (b, None),
                };
                let main = match_actors(store, main);
                let other = other.map(|o| match_actors(store, o));
                let side_flags = (0..store.sides.len() as u32)
                    .map(|side| {
                        let primary = store.sides.primary[side as usize];
                        let primary_hit = primary != NONE && main[primary as usize];
                        let assoc_hit = store
                            .sides
                            .associated(side)
                            .iter()
                            .any(|&a| main[a as usize]);
                        let with_other = other
                            .as_ref()
                            .is_some_and(|o| store.sides.members(side).any(|a| o[a as usize]));
                        u8::from(primary_hit) | u8::from(assoc_hit) << 1 | u8::from(with_other) << 2
                    })
                    .collect();
                Some(Test::Actor {
                    role: f.role,
                    side_flags,
                    alongside: other.is_some(),
                })
            }
            Dim::Fatalities => {
                if f.fatalities_min.is_none() && f.fatalities_max.is_none() {
                    return None;
                }
                Some(Test::Fatalities(
                    f.fatalities_min.unwrap_or(0),
                    f.fatalities_max.unwrap_or(u32::MAX),
                ))
            }
            Dim::Civilian => f.civilian_targeting.map(Test::Civilian),
            Dim::Text => {
                let text = f.text.as_deref().map(str::trim).filter(|t| !t.is_empty())?;
                let needle = fold(text);
                let name_hit = |dict: &Dictionary| -> Vec<bool> {
                    dict.names()
                        .iter()
                        .map(|n| contains_folded(n, &needle))
                        .collect()
                };
                let locations = name_hit(&store.locations);
                let admin2 = name_hit(&store.admin2s);
                let admin1 = name_hit(&store.admin1s);
                let hit = |v: &Vec<bool>, code: u32| code != NONE && v[code as usize];
                let places = (0..store.places.len())
                    .map(|p| {
                        hit(&locations, store.places.location[p])
                            || hit(&admin2, store.places.admin2[p])
                            || hit(&admin1, store.places.admin1[p])
                    })
                    .collect();
                let notes = match &store.source {
                    SourceText::InMemory(text) => {
                        let mut out = vec![false; store.len()];
                        match_records(store, &needle, text, 0, 0..store.len(), &mut out);
                        Some(out)
                    }
                    SourceText::External { .. } => state.note_matches.clone(),
                };
                Some(Test::Text { places, notes })
            }
        }
    }

    #[inline]
    fn passes(&self, store: &Store, r: usize) -> bool {
        match self {
            Test::DateRange(from, to) => (*from..=*to).contains(&store.date[r]),
            Test::Months { first_day, allowed } => allowed[(store.date[r] - first_day) as usize],
            Test::Places(allowed) => allowed[store.place[r] as usize],
            Test::Codes(column, allowed) => {
                let code = match column {
                    CodeColumn::EventType => store.event_type[r],
                    CodeColumn::SubEventType => store.sub_event_type[r],
                    CodeColumn::Disorder => store.disorder_type[r],
                };
                allowed.get(code as usize).copied().unwrap_or(false)
            }
            Test::Actor {
                role,
                side_flags,
                alongside,
            } => {
                let s1 = side_flags[store.side1[r] as usize];
                let s2 = side_flags[store.side2[r] as usize];
                if *alongside {
                    // Both actors on one side; the role narrows which side.
                    let together = |s: u8| s & 3 != 0 && s & 4 != 0;
                    return match role {
                        Role::Actor1 | Role::Assoc1 | Role::Side1 => together(s1),
                        Role::Actor2 | Role::Assoc2 | Role::Side2 => together(s2),
                        Role::Any => together(s1) || together(s2),
                    };
                }
                match role {
                    Role::Any => (s1 | s2) & 3 != 0,
                    Role::Actor1 => s1 & 1 != 0,
                    Role::Actor2 => s2 & 1 != 0,
                    Role::Assoc1 => s1 & 2 != 0,
                    Role::Assoc2 => s2 & 2 != 0,
                    Role::Side1 => s1 & 3 != 0,
                    Role::Side2 => s2 & 3 != 0,
                }
            }
            Test::Fatalities(min, max) => (*min..=*max).contains(&store.fatalities[r]),
            Test::Civilian(want) => store.is_civilian_targeting(r) == *want,
            Test::Text { places, notes } => {
                places[store.place[r] as usize] || notes.as_ref().is_some_and(|n| n[r])
            }
        }
    }
}

fn place_test(
    store: &Store,
    names: &[String],
    dict: &Dictionary,
    place_codes: &[u32],
) -> Option<Test> {
    if names.is_empty() {
        return None;
    }
    let wanted = wanted_codes(names, dict);
    Some(Test::Places(
        (0..store.places.len())
            .map(|p| {
                let code = place_codes[p];
                code != NONE && wanted[code as usize]
            })
            .collect(),
    ))
}

fn code_test(names: &[String], dict: &Dictionary, column: CodeColumn) -> Option<Test> {
    if names.is_empty() {
        return None;
    }
    Some(Test::Codes(column, wanted_codes(names, dict)))
}

/// Which codes of `dict` are named in `names` (exact, or equal after
/// folding case and accents).
fn wanted_codes(names: &[String], dict: &Dictionary) -> Vec<bool> {
    let folded: Vec<String> = names.iter().map(|n| fold(n.trim())).collect();
    dict.names()
        .iter()
        .map(|n| names.iter().any(|w| w == n) || folded.contains(&fold(n)))
        .collect()
}

/// Which raw actors `query` means: a canonical actor by name, else a raw
/// actor by name, else every actor whose name or canonical name contains
/// the query (case- and accent-insensitive).
pub fn match_actors(store: &Store, query: &str) -> Vec<bool> {
    let query = query.trim();
    let canonical = &store.canonical;
    let folded = fold(query);
    if let Some(code) = canonical.code(query).or_else(|| {
        canonical
            .names
            .iter()
            .position(|n| fold(n) == folded)
            .map(|i| i as u32)
    }) {
        return canonical.of_actor.iter().map(|&c| c == code).collect();
    }
    if let Some(code) = store.actors.code(query) {
        return (0..store.actors.len() as u32).map(|a| a == code).collect();
    }
    store
        .actors
        .names()
        .iter()
        .zip(&canonical.of_actor)
        .map(|(raw, &c)| {
            contains_folded(raw, &folded) || contains_folded(canonical.name(c), &folded)
        })
        .collect()
}

/// A suggestion for the actor search box.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ActorSuggestion {
    pub name: String,
    /// True for a canonical actor (which may stand for several raw names).
    pub canonical: bool,
    pub events: u64,
}

/// What the actor search box needs, computed once per store: events per
/// raw and canonical actor (each event once per actor, whatever its roles)
/// and folded names, so each keystroke is only substring checks.
#[derive(Clone, Debug, Default)]
pub struct ActorIndex {
    raw_events: Vec<u64>,
    canonical_events: Vec<u64>,
    /// Whether a canonical name stands for something other than one raw
    /// name of the same spelling (an alias group, a stripped period suffix).
    canonical_is_group: Vec<bool>,
    raw_folded: Vec<String>,
    canonical_folded: Vec<String>,
}

impl ActorIndex {
    pub fn new(store: &Store) -> ActorIndex {
        let mut side_counts = vec![0u64; store.sides.len()];
        for (&a, &b) in store.side1.iter().zip(&store.side2) {
            side_counts[a as usize] += 1;
            if b != a {
                side_counts[b as usize] += 1;
            }
        }
        let mut raw_events = vec![0u64; store.actors.len()];
        let mut canonical_events = vec![0u64; store.canonical.names.len()];
        for (side, &n) in side_counts.iter().enumerate() {
            for a in store.sides.members(side as u32) {
                raw_events[a as usize] += n;
            }
            for &c in store.canonical.side(side as u32) {
                canonical_events[c as usize] += n;
            }
        }
        // An actor on both sides of one event was counted twice above.
        for (&a, &b) in store.side1.iter().zip(&store.side2) {
            if a == b {
                continue;
            }
            for m in store.sides.members(a) {
                if store.sides.members(b).any(|x| x == m) {
                    raw_events[m as usize] -= 1;
                }
            }
            let other = store.canonical.side(b);
            for c in store.canonical.side(a) {
                if other.contains(c) {
                    canonical_events[*c as usize] -= 1;
                }
            }
        }
        let mut raw_per_canonical = vec![0u32; store.canonical.names.len()];
        for &c in &store.canonical.of_actor {
            raw_per_canonical[c as usize] += 1;
        }
        let canonical_is_group = store
            .canonical
            .names
            .iter()
            .enumerate()
            .map(|(c, name)| raw_per_canonical[c] > 1 || store.actors.code(name).is_none())
            .collect();
        ActorIndex {
            raw_events,
            canonical_events,
            canonical_is_group,
            raw_folded: store.actors.names().iter().map(|n| fold(n)).collect(),
            canonical_folded: store.canonical.names.iter().map(|n| fold(n)).collect(),
        }
    }

    /// Actors whose name contains `query`: canonical groups first, then raw
    /// names, most events first.
    pub fn suggest(&self, store: &Store, query: &str, limit: usize) -> Vec<ActorSuggestion> {
        let folded = fold(query.trim());
        let mut out: Vec<ActorSuggestion> = Vec::new();
        for (c, name) in self.canonical_folded.iter().enumerate() {
            if self.canonical_is_group[c] && name.contains(&folded) {
                out.push(ActorSuggestion {
                    name: store.canonical.names[c].clone(),
                    canonical: true,
                    events: self.canonical_events[c],
                });
            }
        }
        for (a, name) in self.raw_folded.iter().enumerate() {
            if name.contains(&folded) {
                out.push(ActorSuggestion {
                    name: store.actors.name(a as u32).to_string(),
                    canonical: false,
                    events: self.raw_events[a],
                });
            }
        }
        out.sort_by(|x, y| {
            y.canonical
                .cmp(&x.canonical)
                .then(y.events.cmp(&x.events))
                .then(x.name.cmp(&y.name))
        });
        out.truncate(limit);
        out
    }
}

/// Actors whose name contains `query`, canonical ones first, most events
/// first. Builds an [`ActorIndex`]; keep one per store to search often.
pub fn suggest_actors(store: &Store, query: &str, limit: usize) -> Vec<ActorSuggestion> {
    ActorIndex::new(store).suggest(store, query, limit)
}

/// Contiguous runs of events whose records lie within `max_bytes` of the
/// file: `(rows, byte start, byte end)` in the file's own offsets, for
/// reading the file in slices when scanning notes.
pub fn record_batches(store: &Store, max_bytes: u64) -> Vec<(std::ops::Range<usize>, u64, u64)> {
    let mut batches = Vec::new();
    let mut first = 0;
    while first < store.len() {
        let (start, _) = store.record_range(first);
        let mut last = first;
        while last + 1 < store.len() && store.record_range(last + 1).1 - start <= max_bytes {
            last += 1;
        }
        let (_, end) = store.record_range(last);
        batches.push((first..last + 1, start, end));
        first = last + 1;
    }
    batches
}

/// Marks in `out` the events of `rows` whose location or notes contain
/// `needle` (folded). `bytes` holds the text from offset `base` (in the same
/// offsets as [`Store::record_range`]). Fields are read with csv-core
/// straight from the bytes; nothing is allocated per record.
pub fn match_records(
    store: &Store,
    needle: &str,
    bytes: &[u8],
    base: u64,
    rows: std::ops::Range<usize>,
    out: &mut [bool],
) {
    let mut wanted: Vec<usize> = [store.columns.notes, store.columns.location]
        .into_iter()
        .flatten()
        .collect();
    wanted.sort_unstable();
    let Some(&last_wanted) = wanted.last() else {
        return;
    };
    let needle_bytes = needle.as_bytes();
    let ascii = needle.is_ascii();
    let mut reader = csv_core::ReaderBuilder::new()
        .delimiter(store.delimiter)
        .build();
    let mut field = vec![0u8; 4096];
    for r in rows {
        let (start, end) = store.record_range(r);
        let (Some(s), Some(e)) = (start.checked_sub(base), end.checked_sub(base)) else {
            continue;
        };
        let Some(record) = bytes.get(s as usize..e as usize) else {
            continue;
        };
        // A record may start with the \n of the previous record's CRLF.
        let skip = record
            .iter()
            .take_while(|&&b| b == b'\n' || b == b'\r')
            .count();
        let mut input = &record[skip..];
        // Cheap pre-check on the raw bytes: an ASCII needle cannot match an
        // ASCII record that lacks it. (Accented text can match by folding.)
        if ascii && input.is_ascii() && !contains_ascii_ci(input, needle_bytes) {
            continue;
        }
        reader.reset();
        let mut index = 0;
        let mut len = 0;
        loop {
            // An empty input tells csv-core the record's text ended.
            let (result, n_in, n_out) = reader.read_field(input, &mut field[len..]);
            input = &input[n_in..];
            len += n_out;
            match result {
                csv_core::ReadFieldResult::OutputFull => {
                    let grown = field.len() * 2;
                    field.resize(grown, 0);
                }
                csv_core::ReadFieldResult::InputEmpty => {}
                csv_core::ReadFieldResult::End => break,
                csv_core::ReadFieldResult::Field { record_end } => {
                    if wanted.contains(&index) {
                        let text = &field[..len];
                        let hit = if ascii && text.is_ascii() {
                            contains_ascii_ci(text, needle_bytes)
                        } else {
                            contains_folded(&String::from_utf8_lossy(text), needle)
                        };
                        if hit {
                            out[r] = true;
                            break;
                        }
                    }
                    index += 1;
                    len = 0;
                    if record_end || index > last_wanted {
                        break;
                    }
                }
            }
        }
    }
}

/// ASCII case-insensitive substring test on bytes.
fn contains_ascii_ci(haystack: &[u8], needle: &[u8]) -> bool {
    if needle.is_empty() {
        return true;
    }
    let first = needle[0].to_ascii_lowercase();
    let upper = needle[0].to_ascii_uppercase();
    let n = needle.len();
    if haystack.len() < n {
        return false;
    }
    (0..=haystack.len() - n).any(|i| {
        let b = haystack[i];
        (b == first || b == upper) && haystack[i..i + n].eq_ignore_ascii_case(needle)
    })
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
    pub fn bars(&self, by: crate::engine::group::GroupBy) -> Option<&[Bar]> {
        use crate::engine::group::GroupBy as G;
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
    fn compute(store: &Store, state: &QueryState, spec: &ViewSpec) -> Views {
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
