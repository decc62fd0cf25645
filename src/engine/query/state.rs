//! Filter state over one store: one failure bit per filter dimension per
//! event, recomputed only for the dimensions that change.

use crate::engine::data::actors::UserAlias;
use crate::engine::data::date::{self, Bin, Day};
use crate::engine::data::dictionary::{Dictionary, NONE};
use crate::engine::data::dimension::Category;
use crate::engine::data::fold::{contains_folded, fold};
use crate::engine::data::places::same_place;
use crate::engine::data::store::{Codes, SourceText, Store};
use crate::engine::query::filters::{Dim, Filters, Role};
use crate::engine::query::notes::{match_records, NoteScan};
use crate::engine::query::views::{
    place_plane_y, Tallies, ViewSpec, Views, ADD, DAY_TABLE_MAX, TAKE_BACK,
};
use std::cell::RefCell;

/// Filter state over one store: the filters applied and each event's
/// failure mask. Create one per store; call [`QueryState::apply`] on every
/// change.
#[derive(Clone, Debug)]
pub struct QueryState {
    filters: Filters,
    pub(crate) fails: Vec<u16>,
    /// Month of year per day, from the store's first day.
    first_day: Day,
    /// Month of year per day from `first_day`, while the span is short
    /// enough for a table ([`DAY_TABLE_MAX`] days); else computed per event.
    month_of_day: Option<Vec<u8>>,
    /// Events whose notes match `filters.text`, when the caller scanned
    /// the file for them (large files whose text is not held in memory).
    note_matches: Option<Vec<bool>>,
    /// Events with the same canonical actor on both sides (intra-group
    /// clashes), and those actors: the actor breakdown counts them once.
    pub(crate) shared_actor_rows: Vec<(u32, Vec<u32>)>,
    /// The views with no filter set, for the last spec asked for.
    unfiltered: RefCell<Option<(ViewSpec, Views)>>,
    /// The store's first and last day.
    span: Option<(Day, Day)>,
    /// Whether the rows are in date order (as exports usually are), so a
    /// date range is a range of rows.
    date_order: DateOrder,
    /// The rows passing the date filter while `date_order` is known.
    date_rows: std::ops::Range<usize>,
    /// Whether the views' running sums can take rows back exactly
    /// ([`Tallies::exact`]); else every change is one pass.
    incremental: bool,
    /// The views' running sums, kept between changes.
    live: RefCell<Option<Live>>,
    /// Rows whose failure mask changed since the running sums caught up.
    touched: RefCell<Touched>,
    /// Per place, the Web Mercator y of its latitude, worked out once.
    plane_y: Vec<f64>,
}

/// The running sums of the views, the spec they are for and the failure
/// mask of each row as they counted it.
#[derive(Clone)]
struct Live {
    spec: ViewSpec,
    tallies: Tallies,
    seen: Vec<u16>,
    /// Rows added so far: every row, except while [`QueryState::warm_up`]
    /// is still counting them.
    counted: usize,
}

impl Live {
    /// Adds the rows from `counted` up to `end` under their masks in
    /// `fails`.
    fn count_to(&mut self, store: &Store, fails: &[u16], end: usize) {
        let start = self.counted.min(end);
        for (r, &m) in fails.iter().enumerate().take(end).skip(start) {
            self.tallies.row::<ADD>(store, r, m);
        }
        self.counted = self.counted.max(end);
    }
}

impl std::fmt::Debug for Live {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Live").field("spec", &self.spec).finish()
    }
}

/// The rows a filter change touched, or `all` once they are so many that
/// one pass over every event costs less than taking each back.
#[derive(Clone, Debug, Default)]
struct Touched {
    rows: Vec<u32>,
    all: bool,
}

impl Touched {
    /// No failure mask changed since the running sums caught up.
    fn is_clear(&self) -> bool {
        self.rows.is_empty() && !self.all
    }

    #[inline]
    fn note(&mut self, row: usize, limit: usize) {
        if self.all {
            return;
        }
        if self.rows.len() >= limit {
            self.all = true;
            self.rows = Vec::new();
        } else {
            self.rows.push(row as u32);
        }
    }
}

/// The order of a store's rows by date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum DateOrder {
    Ascending,
    Descending,
    Unordered,
}

impl DateOrder {
    fn of(dates: &[Day]) -> DateOrder {
        if dates.windows(2).all(|w| w[0] <= w[1]) {
            DateOrder::Ascending
        } else if dates.windows(2).all(|w| w[0] >= w[1]) {
            DateOrder::Descending
        } else {
            DateOrder::Unordered
        }
    }

    /// The rows whose date is within `from..=to`, if the rows are ordered.
    fn rows(self, dates: &[Day], from: Day, to: Day) -> Option<std::ops::Range<usize>> {
        let range = match self {
            DateOrder::Ascending => {
                dates.partition_point(|&d| d < from)..dates.partition_point(|&d| d <= to)
            }
            DateOrder::Descending => {
                dates.partition_point(|&d| d > to)..dates.partition_point(|&d| d >= from)
            }
            DateOrder::Unordered => return None,
        };
        Some(range.start..range.end.max(range.start))
    }
}

impl QueryState {
    pub fn new(store: &Store) -> QueryState {
        let first_day = store.date.iter().copied().min().unwrap_or(0);
        let last_day = store.date.iter().copied().max().unwrap_or(0);
        let month_of_day = ((last_day - first_day) as usize <= DAY_TABLE_MAX)
            .then(|| (first_day..=last_day).map(date::month_of).collect());
        let shared_actor_rows = shared_actor_rows(store);
        let span = (!store.is_empty()).then_some((first_day, last_day));
        QueryState {
            filters: Filters::default(),
            fails: vec![0; store.len()],
            first_day,
            month_of_day,
            note_matches: None,
            shared_actor_rows,
            unfiltered: RefCell::new(None),
            span,
            date_order: DateOrder::of(&store.date),
            date_rows: 0..store.len(),
            incremental: Tallies::exact(store, span),
            live: RefCell::new(None),
            touched: RefCell::new(Touched::default()),
            plane_y: place_plane_y(store),
        }
    }

    /// Folds the store's actors again with the user's aliases (see
    /// [`Store::set_user_aliases`]) and brings the actor filter and the
    /// actor breakdown up to date. Returns false when nothing changed.
    pub fn set_user_aliases(&mut self, store: &mut Store, aliases: &[UserAlias]) -> bool {
        if !store.set_user_aliases(aliases) {
            return false;
        }
        self.shared_actor_rows = shared_actor_rows(store);
        *self.unfiltered.get_mut() = None;
        *self.live.get_mut() = None;
        let filters = self.filters.clone();
        self.recompute(store, Dim::Actor, &filters);
        true
    }

    pub fn filters(&self) -> &Filters {
        &self.filters
    }

    /// The store's first and last day (none without events), found once
    /// when the state was made.
    pub fn span(&self) -> Option<(Day, Day)> {
        self.span
    }

    /// A copy for counting rows under other filters (a published
    /// figure's) without disturbing this state: the filters and failure
    /// masks come along, the views' running sums do not (views of the
    /// copy are worked out in one pass, should anyone ask). Cheaper than
    /// [`QueryState::new`], which finds the intra-group clashes again.
    pub fn counting_copy(&self) -> QueryState {
        QueryState {
            filters: self.filters.clone(),
            fails: self.fails.clone(),
            first_day: self.first_day,
            month_of_day: self.month_of_day.clone(),
            note_matches: self.note_matches.clone(),
            shared_actor_rows: self.shared_actor_rows.clone(),
            unfiltered: RefCell::new(None),
            span: self.span,
            date_order: self.date_order,
            date_rows: self.date_rows.clone(),
            incremental: false,
            live: RefCell::new(None),
            touched: RefCell::new(Touched::default()),
            plane_y: self.plane_y.clone(),
        }
    }

    /// Applies `filters`, recomputing only the dimensions that changed.
    pub fn apply(&mut self, store: &Store, filters: &Filters) {
        for dim in Dim::all() {
            if !dim.same(&self.filters, filters) {
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

    /// The scan of the file's notes the text filter needs, if it needs one
    /// (see [`QueryState::needs_note_scan`]).
    pub fn note_scan(&self, store: &Store, slice_bytes: u64) -> Option<NoteScan> {
        if !self.needs_note_scan(store) {
            return None;
        }
        let text = self.filters.text.as_deref()?;
        Some(NoteScan::new(store, text, slice_bytes))
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
        let bit = dim.bit();
        // Past a third of the events, one pass costs less than taking
        // each touched row back and adding it again.
        let limit = if self.incremental { store.len() / 3 } else { 0 };
        // Rows in date order: only the rows entering or leaving the date
        // range change (a brush step touches a few).
        let date_rows = match dim {
            Dim::Date => self.date_rows_of(store, f),
            _ => None,
        };
        let test = match date_rows {
            Some(_) => None,
            None => Test::build(store, dim, f, self),
        };
        let old_rows = if dim == Dim::Date {
            std::mem::replace(
                &mut self.date_rows,
                date_rows.clone().unwrap_or(0..store.len()),
            )
        } else {
            self.date_rows.clone()
        };
        let touched = self.touched.get_mut();
        let fails = &mut self.fails;
        let mut set = |r: usize, fail: bool| {
            let m = fails[r];
            let next = (m & !bit) | if fail { bit } else { 0 };
            if next != m {
                fails[r] = next;
                touched.note(r, limit);
            }
        };
        if let Some(rows) = date_rows {
            let old = old_rows;
            for r in old.start..old.end.min(rows.start) {
                set(r, true);
            }
            for r in rows.end.max(old.start)..old.end {
                set(r, true);
            }
            for r in rows.start..rows.end.min(old.start) {
                set(r, false);
            }
            for r in old.end.max(rows.start)..rows.end {
                set(r, false);
            }
            return;
        }
        match test {
            None => (0..store.len()).for_each(|r| set(r, false)),
            Some(test) => (0..store.len()).for_each(|r| set(r, !test.passes(store, r))),
        }
    }

    /// The rows passing the date range of `f` when the rows are in date
    /// order (every row without a range).
    fn date_rows_of(&self, store: &Store, f: &Filters) -> Option<std::ops::Range<usize>> {
        if f.from.is_none() && f.to.is_none() {
            return (self.date_order != DateOrder::Unordered).then_some(0..store.len());
        }
        let (from, to) = (f.from.unwrap_or(Day::MIN), f.to.unwrap_or(Day::MAX));
        self.date_order.rows(&store.date, from, to)
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
    pub(crate) fn rows_ignoring(&self, ignored: &[Dim]) -> Vec<u32> {
        let keep = !ignored.iter().fold(0u16, |m, d| m | d.bit());
        self.fails
            .iter()
            .enumerate()
            .filter(|(_, &m)| m & keep == 0)
            .map(|(r, _)| r as u32)
            .collect()
    }

    /// Computes every linked view in one pass. A timeline by season takes
    /// its months from the filters' months window.
    pub fn views(&self, store: &Store, spec: &ViewSpec) -> Views {
        let seasonal;
        let spec = match spec.bin {
            Bin::Season { .. } => {
                seasonal = ViewSpec {
                    bin: spec.bin.in_window(self.filters.months),
                    ..spec.clone()
                };
                &seasonal
            }
            _ => spec,
        };
        // With no filter every event is in every view: the slowest pass,
        // and a common one ("Clear all"), so it is kept per spec.
        let unfiltered = self.filters.is_empty();
        if unfiltered {
            if let Some((cached_spec, views)) = self.unfiltered.borrow().as_ref() {
                if cached_spec == spec {
                    return views.clone();
                }
            }
        }
        let views = self.live_views(store, spec);
        if unfiltered {
            *self.unfiltered.borrow_mut() = Some((spec.clone(), views.clone()));
        }
        views
    }

    /// The views from the running sums, brought up to the current filters
    /// by taking back and adding again the rows a change touched (one pass
    /// over every event when there are none yet, the spec changed, or
    /// the change touched too many rows).
    fn live_views(&self, store: &Store, spec: &ViewSpec) -> Views {
        let mut live = self.live.borrow_mut();
        let mut touched = self.touched.borrow_mut();
        // Sums still being counted by `warm_up` are finished here, unless a
        // filter changed meanwhile (the rows counted saw other masks).
        if let Some(l) = live.as_mut() {
            if l.spec == *spec && touched.is_clear() {
                l.count_to(store, &self.fails, store.len());
            }
        }
        let current = live.as_mut().filter(|l| {
            self.incremental && !touched.all && l.spec == *spec && l.counted == store.len()
        });
        match current {
            Some(l) => {
                for &r in &touched.rows {
                    let r = r as usize;
                    let (before, now) = (l.seen[r], self.fails[r]);
                    if before != now {
                        l.tallies.row::<TAKE_BACK>(store, r, before);
                        l.tallies.row::<ADD>(store, r, now);
                        l.seen[r] = now;
                    }
                }
            }
            None => {
                *live = Views::tallies(store, &self.fails, spec, self.span).map(|tallies| Live {
                    spec: spec.clone(),
                    tallies,
                    seen: if self.incremental {
                        self.fails.clone()
                    } else {
                        Vec::new()
                    },
                    counted: store.len(),
                });
            }
        }
        touched.rows.clear();
        touched.all = false;
        let views = live.as_ref().map_or_else(Views::default, |l| {
            l.tallies.views(
                store,
                &self.fails,
                &self.shared_actor_rows,
                spec,
                &self.plane_y,
            )
        });
        if !self.incremental {
            *live = None;
        }
        views
    }

    /// Counts the running sums behind the views of `spec` for at most
    /// `rows` more events, and returns true once every event is counted:
    /// a caller that must not block (the page, at the end of a load) calls
    /// it between tasks, and the next [`QueryState::views`] finds the sums
    /// ready. A filter change before the end makes the count start over
    /// when the views are asked for.
    pub fn warm_up(&self, store: &Store, spec: &ViewSpec, rows: usize) -> bool {
        if !self.incremental {
            return true;
        }
        let Some((first, last)) = self.span else {
            return true;
        };
        if !self.touched.borrow().is_clear() {
            // The masks changed since the sums began: the views count them
            // afresh.
            return true;
        }
        let mut live = self.live.borrow_mut();
        let l = match live.as_mut() {
            Some(l) if l.spec == *spec => l,
            _ => live.insert(Live {
                spec: spec.clone(),
                tallies: Tallies::new(store, spec, first, last),
                seen: self.fails.clone(),
                counted: 0,
            }),
        };
        let end = l.counted.saturating_add(rows.max(1)).min(store.len());
        l.count_to(store, &self.fails, end);
        end == store.len()
    }

    /// Every view computed in one pass over the events, without the
    /// running sums: the reference the tests hold them to.
    pub fn views_from_scratch(&self, store: &Store, spec: &ViewSpec) -> Views {
        Views::compute(store, &self.fails, &self.shared_actor_rows, spec, self.span)
    }
}

/// A resolved test for one dimension.
enum Test<'a> {
    DateRange(Day, Day),
    /// The months window, allowed per day from the store's first day.
    Days {
        first_day: Day,
        allowed: Vec<bool>,
    },
    /// The months window, allowed per month 1-12 (index 0 unused), for
    /// spans too long for a table per day.
    Months([bool; 13]),
    /// Allowed places.
    Places(Vec<bool>),
    /// Allowed codes of a per-event code column.
    Codes(&'a [u16], Vec<bool>),
    /// Per side: bit 0 the primary actor matches, bit 1 an associated actor
    /// matches, bit 2 the side holds the actor and, as another actor, the
    /// "alongside" one.
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

impl<'a> Test<'a> {
    fn build(store: &'a Store, dim: Dim, f: &Filters, state: &QueryState) -> Option<Test<'a>> {
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
                Some(match &state.month_of_day {
                    Some(months) => Test::Days {
                        first_day: state.first_day,
                        allowed: months.iter().map(|&m| in_window(m)).collect(),
                    },
                    None => Test::Months(std::array::from_fn(|m| in_window(m as u8))),
                })
            }
            Dim::Category(c) => {
                let names = &f.categories[c];
                if names.is_empty() {
                    return None;
                }
                let wanted = wanted_codes(names, &store.names[c]);
                let allowed = |code: u32| code != NONE && wanted[code as usize];
                Some(match store.codes(c) {
                    Codes::PerPlace(codes) => {
                        Test::Places(codes.iter().map(|&code| allowed(code)).collect())
                    }
                    Codes::PerEvent(codes) => Test::Codes(codes, wanted),
                })
            }
            Dim::Actor => {
                let actor = f.actor.as_deref().filter(|a| !a.trim().is_empty());
                let alongside = f.alongside.as_deref().filter(|a| !a.trim().is_empty());
                let (main, other) = match (actor, alongside) {
                    (None, None) => return None,
                    (Some(a), b) => (a, b),
                    (None, Some(b)) => (b, None),
                };
                let main = match_actors(store, main, f.uncertain);
                let other = other.map(|o| match_actors(store, o, f.uncertain));
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
                            .is_some_and(|o| distinct_pair(store.sides.members(side), &main, o));
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
                // "Tombouctou" finds places named "Timbuktu"; the notes are
                // searched as typed.
                let place_needles = same_place(text);
                let name_hit = |dict: &Dictionary| -> Vec<bool> {
                    dict.names()
                        .iter()
                        .map(|n| place_needles.iter().any(|p| contains_folded(n, p)))
                        .collect()
                };
                let locations = name_hit(&store.locations);
                let admin2 = name_hit(&store.names[Category::Admin2]);
                let admin1 = name_hit(&store.names[Category::Admin1]);
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
            Test::Days { first_day, allowed } => allowed[(store.date[r] - first_day) as usize],
            Test::Months(allowed) => allowed[usize::from(date::month_of(store.date[r]))],
            Test::Places(allowed) => allowed[store.place[r] as usize],
            Test::Codes(codes, allowed) => allowed.get(codes[r] as usize).copied().unwrap_or(false),
            Test::Actor {
                role,
                side_flags,
                alongside,
            } => {
                let s1 = side_flags[store.side1[r] as usize];
                let s2 = side_flags[store.side2[r] as usize];
                if *alongside {
                    // Both actors on one side; the role narrows which side.
                    let together = |s: u8| s & 4 != 0;
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

/// Events with the same canonical actor on both sides, and those actors.
fn shared_actor_rows(store: &Store) -> Vec<(u32, Vec<u32>)> {
    // Most sides are one actor: their actor, looked up in one dense table,
    // settles most rows without reading the sides' member lists.
    const NONE_ON_SIDE: u32 = u32::MAX;
    const SEVERAL: u32 = u32::MAX - 1;
    let only: Vec<u32> = (0..store.sides.len() as u32)
        .map(|s| match store.canonical.side(s) {
            [] => NONE_ON_SIDE,
            [a] => *a,
            _ => SEVERAL,
        })
        .collect();
    let only_of = |s: u32| only.get(s as usize).copied().unwrap_or(NONE_ON_SIDE);
    let mut rows = Vec::new();
    for (r, (&s1, &s2)) in store.side1.iter().zip(&store.side2).enumerate() {
        if s1 == s2 {
            continue;
        }
        let (a, b) = (only_of(s1), only_of(s2));
        if a == NONE_ON_SIDE || b == NONE_ON_SIDE {
            continue;
        }
        if a != SEVERAL && b != SEVERAL {
            if a == b {
                rows.push((r as u32, vec![a]));
            }
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
            rows.push((r as u32, shared));
        }
    }
    rows
}

/// True when one of `members` is a `main` actor and another one an
/// `other` actor: "X alongside Y" needs two actors, so one uncertain
/// attribution ("X and/or Y") alone never satisfies it.
fn distinct_pair(members: impl Iterator<Item = u32>, main: &[bool], other: &[bool]) -> bool {
    let mut main_hits = Vec::new();
    let mut other_hits = Vec::new();
    for a in members {
        if main[a as usize] {
            main_hits.push(a);
        }
        if other[a as usize] {
            other_hits.push(a);
        }
    }
    main_hits.iter().any(|m| other_hits.iter().any(|o| o != m))
}

/// Which codes of `dict` are named in `names` (exact, or equal after
/// folding case and accents, or another name of the same place:
/// "Tombouctou" is "Timbuktu").
fn wanted_codes(names: &[String], dict: &Dictionary) -> Vec<bool> {
    let folded: Vec<String> = names.iter().flat_map(|n| same_place(n)).collect();
    dict.names()
        .iter()
        .map(|n| names.iter().any(|w| w == n) || folded.contains(&fold(n)))
        .collect()
}

/// Which raw actors `query` means: a canonical actor by name or by an
/// alias the table knows ("FAMa"), else a raw actor by name, else every
/// actor whose name or canonical name contains the query (case- and
/// accent-insensitive).
///
/// An uncertain attribution ("X and/or Y") is its own canonical actor, "X
/// or Y (uncertain)", found by that name. With `uncertain` a query that
/// means X (or Y) finds it too; without, a query naming X or Y does not,
/// even as a fragment of its name.
pub fn match_actors(store: &Store, query: &str, uncertain: bool) -> Vec<bool> {
    let query = query.trim();
    let canonical = &store.canonical;
    let folded = fold(query);
    let means =
        |c: u32, code: u32| c == code || (uncertain && canonical.alternatives(c).contains(&code));
    let by_name = canonical.code(query).or_else(|| {
        canonical
            .names
            .iter()
            .position(|n| fold(n) == folded)
            .map(|i| i as u32)
    });
    if let Some(code) = by_name {
        return canonical.of_actor.iter().map(|&c| means(c, code)).collect();
    }
    if let Some(code) = store.actors.code(query) {
        return (0..store.actors.len() as u32).map(|a| a == code).collect();
    }
    if let Some(code) = canonical.alias_code(query) {
        return canonical.of_actor.iter().map(|&c| means(c, code)).collect();
    }
    let canonical_hit: Vec<bool> = canonical
        .names
        .iter()
        .map(|n| contains_folded(n, &folded))
        .collect();
    store
        .actors
        .names()
        .iter()
        .zip(&canonical.of_actor)
        .map(|(raw, &c)| {
            let alternatives = canonical.alternatives(c);
            if alternatives.is_empty() || uncertain {
                return contains_folded(raw, &folded) || canonical_hit[c as usize];
            }
            // "uncertain" or "JNIM or" name the doubt itself; "Sahel" names
            // one of its actors.
            canonical_hit[c as usize] && !alternatives.iter().any(|&x| canonical_hit[x as usize])
        })
        .collect()
}
