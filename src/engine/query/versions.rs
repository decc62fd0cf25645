//! Two versions of one dataset - an export downloaded again weeks later -
//! compared event by event: events are matched by their id
//! (`event_id_cnty` for ACLED, `id` for UCDP GED) and each is added,
//! deleted, revised (with the fields that changed) or unchanged, within the
//! view the user's filters describe, applied to both versions alike.
//!
//! Both stores must have been imported with `keep_event_keys`.

use crate::engine::data::dictionary::{Dictionary, NONE};
use crate::engine::data::dimension::Category;
use crate::engine::data::source::ColumnRole;
use crate::engine::data::store::Store;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;
use std::fmt;

/// What can change in an event between two versions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Date,
    Fatalities,
    EventType,
    SubEventType,
    /// Either side's actor or associated actors.
    Actors,
    /// Location name, admin areas, country or coordinates.
    Location,
}

impl Field {
    pub const ALL: [Field; 6] = [
        Field::Date,
        Field::Fatalities,
        Field::EventType,
        Field::SubEventType,
        Field::Actors,
        Field::Location,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Field::Date => "date",
            Field::Fatalities => "fatalities",
            Field::EventType => "event type",
            Field::SubEventType => "sub-event type",
            Field::Actors => "actors",
            Field::Location => "location",
        }
    }

    /// The field's name in the page's language ([`Field::name`] stays
    /// English: the CSV and the page's data attributes use it).
    pub fn label(self) -> String {
        crate::t!(match self {
            Field::Date => "versions-field-date",
            Field::Fatalities => "versions-field-fatalities",
            Field::EventType => "versions-field-event-type",
            Field::SubEventType => "versions-field-sub-event-type",
            Field::Actors => "versions-field-actors",
            Field::Location => "versions-field-location",
        })
    }

    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// The fields that changed in one event, as a set.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Fields(u8);

impl Fields {
    pub fn contains(self, f: Field) -> bool {
        self.0 & f.bit() != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn list(self) -> Vec<Field> {
        Field::ALL
            .into_iter()
            .filter(|&f| self.contains(f))
            .collect()
    }

    fn insert(&mut self, f: Field) {
        self.0 |= f.bit();
    }
}

/// An event in both versions whose compared fields differ.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Revision {
    pub earlier_row: u32,
    pub later_row: u32,
    pub fields: Fields,
    /// Whether the event is in the view in each version (a recoded event
    /// can enter or leave it).
    pub in_earlier_view: bool,
    pub in_later_view: bool,
}

/// How the view's events moved from the earlier version to the later.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct VersionDiff {
    /// Rows of the later version whose id the earlier lacks.
    pub added: Vec<u32>,
    /// Rows of the earlier version whose id the later lacks.
    pub deleted: Vec<u32>,
    pub revised: Vec<Revision>,
    /// Events in the view in both versions, with the same compared fields.
    pub unchanged: u64,
    /// Events in the view without an id, which cannot be matched:
    /// `[earlier, later]`.
    pub without_id: [u64; 2],
    /// Events in the view whose id an earlier row of the same file already
    /// had (counted once, by that row): `[earlier, later]`.
    pub repeated_ids: [u64; 2],
}

/// Why two files cannot be compared as versions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VersionsError {
    /// A file has no id column (or was imported without its keys).
    NoIds { later: bool },
    /// An ACLED file and a UCDP GED file: two sources, not two versions.
    DifferentSources,
}

impl fmt::Display for VersionsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            VersionsError::NoIds { later } => f.write_str(&crate::t!(
                "versions-no-ids",
                which = if *later { "later" } else { "earlier" }
            )),
            VersionsError::DifferentSources => {
                f.write_str(&crate::t!("versions-different-sources"))
            }
        }
    }
}

impl std::error::Error for VersionsError {}

/// Compares `earlier` with `later`. `in_view(version, row)` says whether an
/// event passes the view's filters in that version (0: earlier, 1: later).
pub fn diff_versions(
    earlier: &Store,
    later: &Store,
    in_view: impl Fn(usize, usize) -> bool,
) -> Result<VersionDiff, VersionsError> {
    let mut matcher = VersionMatcher::new(earlier, later)?;
    while !matcher.step(earlier, later, usize::MAX) {}
    Ok(matcher.finish().view(in_view))
}

/// Every event of two versions, matched by id once and for all views: the
/// slow part of a comparison (hashing every id), after which the diff of
/// any view is one cheap pass ([`VersionPairs::view`]).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct VersionPairs {
    /// Events in both versions, in the later file's order, with the
    /// compared fields that differ (none for an unchanged event).
    pairs: Vec<Pair>,
    /// Rows of the later version whose id the earlier lacks.
    added: Vec<u32>,
    /// Rows of the earlier version whose id the later lacks, in order.
    deleted: Vec<u32>,
    /// Rows without an id: `[earlier, later]`.
    without_id: [Vec<u32>; 2],
    /// Rows whose id an earlier row of the same file already had.
    repeated_ids: [Vec<u32>; 2],
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Pair {
    earlier_row: u32,
    later_row: u32,
    fields: Fields,
}

impl VersionPairs {
    /// How the events `in_view(version, row)` keeps moved: what
    /// [`diff_versions`] returns for the same view.
    pub fn view(&self, in_view: impl Fn(usize, usize) -> bool) -> VersionDiff {
        let count = |version: usize, rows: &[u32]| {
            rows.iter()
                .filter(|&&r| in_view(version, r as usize))
                .count() as u64
        };
        let kept = |version: usize, rows: &[u32]| -> Vec<u32> {
            rows.iter()
                .copied()
                .filter(|&r| in_view(version, r as usize))
                .collect()
        };
        let mut diff = VersionDiff {
            added: kept(1, &self.added),
            deleted: kept(0, &self.deleted),
            without_id: [0, 1].map(|v| count(v, &self.without_id[v])),
            repeated_ids: [0, 1].map(|v| count(v, &self.repeated_ids[v])),
            ..VersionDiff::default()
        };
        for p in &self.pairs {
            let was_shown = in_view(0, p.earlier_row as usize);
            let shown = in_view(1, p.later_row as usize);
            if !was_shown && !shown {
                continue;
            }
            if p.fields.is_empty() && was_shown && shown {
                diff.unchanged += 1;
            } else {
                diff.revised.push(Revision {
                    earlier_row: p.earlier_row,
                    later_row: p.later_row,
                    fields: p.fields,
                    in_earlier_view: was_shown,
                    in_later_view: shown,
                });
            }
        }
        diff
    }

    /// Events in both versions.
    pub fn matched(&self) -> usize {
        self.pairs.len()
    }
}

/// What an earlier row is to the matching.
#[derive(Clone, Copy, PartialEq, Eq)]
enum EarlierRow {
    /// No id, or an id a previous row already had.
    Unmatchable,
    /// The first row of its id, not (yet) found in the later file.
    Unmatched,
    Matched,
}

/// Where a [`VersionMatcher`] is.
enum Stage {
    /// Hashing the earlier file's ids, from this row on.
    Earlier(usize),
    /// Building the code translation of names.
    Translate,
    /// Indexing the later file's places, from this place on.
    LaterPlaces(usize),
    /// Finding the earlier file's places among them, from this place on.
    EarlierPlaces(usize),
    /// Numbering the later file's sides, from this side on.
    LaterSides(usize),
    /// Finding the earlier file's sides among them, from this side on.
    EarlierSides(usize),
    /// Looking up the later file's ids, from this row on.
    Later(usize),
    /// Collecting the deleted events, from this earlier row on.
    Deleted(usize),
    Done,
}

/// Matches two versions step by step, so a page can spread the work over
/// several turns of its event loop and show progress between them.
pub struct VersionMatcher {
    stage: Stage,
    earlier_rows: FxHashMap<u64, u32>,
    earlier_state: Vec<EarlierRow>,
    later_seen: FxHashSet<u64>,
    translation: Option<Translation>,
    places: Option<PlaceIndex>,
    out: VersionPairs,
}

impl VersionMatcher {
    /// Refuses two files that cannot be compared as versions.
    pub fn new(earlier: &Store, later: &Store) -> Result<VersionMatcher, VersionsError> {
        if earlier.is_ucdp() != later.is_ucdp() {
            return Err(VersionsError::DifferentSources);
        }
        for (version, store) in [earlier, later].into_iter().enumerate() {
            let has_ids = store.columns.get(ColumnRole::EventId).is_some()
                && store.event_key.len() == store.len();
            if !has_ids {
                return Err(VersionsError::NoIds {
                    later: version == 1,
                });
            }
        }
        let mut earlier_rows = FxHashMap::default();
        earlier_rows.reserve(earlier.len());
        let mut later_seen = FxHashSet::default();
        later_seen.reserve(later.len());
        Ok(VersionMatcher {
            stage: Stage::Earlier(0),
            earlier_rows,
            earlier_state: vec![EarlierRow::Unmatchable; earlier.len()],
            later_seen,
            translation: None,
            places: None,
            out: VersionPairs::default(),
        })
    }

    /// How far the matching is, from 0 to 1 (a place or side counted as a
    /// row, the translation of names as one row).
    pub fn fraction(&self, earlier: &Store, later: &Store) -> f64 {
        let (e, l) = (earlier.len(), later.len());
        let (ep, lp) = (earlier.places.len(), later.places.len());
        let (es, ls) = (earlier.sides.len(), later.sides.len());
        let t = 1 + lp + ep + ls + es;
        let total = (2 * e + l + t) as f64;
        let done = match self.stage {
            Stage::Earlier(r) => r,
            Stage::Translate => e,
            Stage::LaterPlaces(p) => e + 1 + p,
            Stage::EarlierPlaces(p) => e + 1 + lp + p,
            Stage::LaterSides(x) => e + 1 + lp + ep + x,
            Stage::EarlierSides(x) => e + 1 + lp + ep + ls + x,
            Stage::Later(r) => e + t + r,
            Stage::Deleted(r) => e + t + l + r,
            Stage::Done => return 1.0,
        };
        done as f64 / total
    }

    /// Which part of the work is under way: 0 hashing the earlier ids, 1
    /// translating names, 2 indexing the later places, 3 finding the
    /// earlier places, 4 numbering the later sides, 5 finding the earlier
    /// sides, 6 the later ids, 7 the deleted events, 8 done. A
    /// row of one part costs more than a row of another, so a caller that
    /// sizes its slices by time starts again at a new part.
    pub fn part(&self) -> usize {
        match self.stage {
            Stage::Earlier(_) => 0,
            Stage::Translate => 1,
            Stage::LaterPlaces(_) => 2,
            Stage::EarlierPlaces(_) => 3,
            Stage::LaterSides(_) => 4,
            Stage::EarlierSides(_) => 5,
            Stage::Later(_) => 6,
            Stage::Deleted(_) => 7,
            Stage::Done => 8,
        }
    }

    /// Goes through at most `rows` rows (the translation is one step of
    /// its own); true when the matching is complete. The stores must be
    /// the ones given to [`VersionMatcher::new`].
    pub fn step(&mut self, earlier: &Store, later: &Store, rows: usize) -> bool {
        match self.stage {
            Stage::Earlier(from) => {
                let to = from.saturating_add(rows).min(earlier.len());
                for row in from..to {
                    let key = earlier.event_key[row];
                    if key == 0 {
                        self.out.without_id[0].push(row as u32);
                    } else if let std::collections::hash_map::Entry::Vacant(first) =
                        self.earlier_rows.entry(key)
                    {
                        first.insert(row as u32);
                        self.earlier_state[row] = EarlierRow::Unmatched;
                    } else {
                        self.out.repeated_ids[0].push(row as u32);
                    }
                }
                self.stage = if to == earlier.len() {
                    Stage::Translate
                } else {
                    Stage::Earlier(to)
                };
            }
            Stage::Translate => {
                let (translation, places) = Translation::begin(earlier, later);
                self.translation = Some(translation);
                self.places = Some(places);
                self.stage = Stage::LaterPlaces(0);
            }
            Stage::LaterPlaces(from) => {
                let to = from.saturating_add(rows).min(later.places.len());
                if let Some(index) = &mut self.places {
                    Translation::index_later_places(index, later, from, to);
                }
                self.stage = if to == later.places.len() {
                    Stage::EarlierPlaces(0)
                } else {
                    Stage::LaterPlaces(to)
                };
            }
            Stage::EarlierPlaces(from) => {
                let to = from.saturating_add(rows).min(earlier.places.len());
                if let (Some(t), Some(index)) = (&mut self.translation, &self.places) {
                    t.map_earlier_places(index, earlier, from, to);
                }
                self.stage = if to == earlier.places.len() {
                    Stage::LaterSides(0)
                } else {
                    Stage::EarlierPlaces(to)
                };
            }
            Stage::LaterSides(from) => {
                let to = from.saturating_add(rows).min(later.sides.len());
                if let (Some(t), Some(index)) = (&mut self.translation, &mut self.places) {
                    t.index_later_sides(index, later, from, to);
                }
                self.stage = if to == later.sides.len() {
                    Stage::EarlierSides(0)
                } else {
                    Stage::LaterSides(to)
                };
            }
            Stage::EarlierSides(from) => {
                let to = from.saturating_add(rows).min(earlier.sides.len());
                if let (Some(t), Some(index)) = (&mut self.translation, &mut self.places) {
                    t.map_earlier_sides(index, earlier, from, to);
                }
                self.stage = if to == earlier.sides.len() {
                    // The index is no longer needed.
                    self.places = None;
                    Stage::Later(0)
                } else {
                    Stage::EarlierSides(to)
                };
            }
            Stage::Later(from) => {
                let Some(same) = &self.translation else {
                    self.stage = Stage::Translate;
                    return false;
                };
                let to = from.saturating_add(rows).min(later.len());
                for row in from..to {
                    let key = later.event_key[row];
                    if key == 0 {
                        self.out.without_id[1].push(row as u32);
                        continue;
                    }
                    if !self.later_seen.insert(key) {
                        self.out.repeated_ids[1].push(row as u32);
                        continue;
                    }
                    match self.earlier_rows.get(&key) {
                        None => self.out.added.push(row as u32),
                        Some(&old) => {
                            self.earlier_state[old as usize] = EarlierRow::Matched;
                            self.out.pairs.push(Pair {
                                earlier_row: old,
                                later_row: row as u32,
                                fields: same.changed_fields(earlier, old as usize, later, row),
                            });
                        }
                    }
                }
                self.stage = if to == later.len() {
                    Stage::Deleted(0)
                } else {
                    Stage::Later(to)
                };
            }
            Stage::Deleted(from) => {
                let to = from.saturating_add(rows).min(earlier.len());
                self.out.deleted.extend(
                    (from..to)
                        .filter(|&r| self.earlier_state[r] == EarlierRow::Unmatched)
                        .map(|r| r as u32),
                );
                self.stage = if to == earlier.len() {
                    Stage::Done
                } else {
                    Stage::Deleted(to)
                };
            }
            Stage::Done => {}
        }
        matches!(self.stage, Stage::Done)
    }

    /// The matched events (complete once [`VersionMatcher::step`] said so).
    pub fn finish(self) -> VersionPairs {
        self.out
    }
}

/// The earlier file's codes as the later file's (each file numbers its
/// names itself), so events compare by integers; `NONE` where the later
/// file has no such name, place or side.
struct Translation {
    categories: [Vec<u32>; 2],
    place: Vec<u32>,
    /// Earlier side -> the number of its member list among the later's.
    side: Vec<u32>,
    /// Later side -> the number of its member list.
    later_side_list: Vec<u32>,
    /// The number of the empty member list.
    empty_list: u32,
}

/// The categories compared by code for every event (places carry the rest).
const PER_EVENT: [Category; 2] = [Category::EventType, Category::SubEventType];

/// A place's area and location codes (in the later file's numbering) and
/// coordinate bits: what two places are the same by.
type PlaceKey = ([u32; 5], u32, u32);

/// The earlier file's area, location and actor codes as the later file's,
/// and the later file's places and sides by key: what the parts of a
/// [`Translation`] built a slice at a time need (a file can have nearly
/// as many places and sides as events).
struct PlaceIndex {
    areas: [Vec<u32>; 4],
    locations: Vec<u32>,
    actors: Vec<u32>,
    later_places: FxHashMap<PlaceKey, u32>,
    /// The later file's member lists of sides, numbered.
    lists: FxHashMap<Vec<u32>, u32>,
}

/// `NONE` stays `NONE`; other codes go through `map`.
fn translate(map: &[u32], c: u32) -> u32 {
    if c == NONE {
        NONE
    } else {
        map.get(c as usize).copied().unwrap_or(NONE)
    }
}

fn place_key(p: &crate::engine::data::store::Places, i: usize, codes: [u32; 5]) -> PlaceKey {
    (codes, p.lat[i].to_bits(), p.lon[i].to_bits())
}

impl Translation {
    /// The names: the places and sides are filled in a slice at a time.
    fn begin(earlier: &Store, later: &Store) -> (Translation, PlaceIndex) {
        // Its own index of the later names: a large dictionary (locations)
        // keeps none after the import.
        let names = |a: &Dictionary, b: &Dictionary| -> Vec<u32> {
            let index: FxHashMap<&str, u32> = b
                .names()
                .iter()
                .enumerate()
                .map(|(code, n)| (n.as_str(), code as u32))
                .collect();
            a.names()
                .iter()
                .map(|n| index.get(n.as_str()).copied().unwrap_or(NONE))
                .collect()
        };
        let categories = PER_EVENT.map(|c| names(&earlier.names[c], &later.names[c]));
        let areas = [
            Category::Country,
            Category::Admin1,
            Category::Admin2,
            Category::Admin3,
        ]
        .map(|c| names(&earlier.names[c], &later.names[c]));
        let locations = names(&earlier.locations, &later.locations);
        let actors = names(&earlier.actors, &later.actors);
        let mut later_places = FxHashMap::default();
        later_places.reserve(later.places.len());
        let translation = Translation {
            categories,
            place: Vec::with_capacity(earlier.places.len()),
            side: Vec::with_capacity(earlier.sides.len()),
            later_side_list: Vec::with_capacity(later.sides.len()),
            empty_list: NONE,
        };
        (
            translation,
            PlaceIndex {
                areas,
                locations,
                actors,
                later_places,
                lists: FxHashMap::default(),
            },
        )
    }

    /// Numbers the member lists of the later file's sides `from..to`.
    /// Sides compare by their members: a file may hold two sides with the
    /// same actors (an associated list written two ways), so each later
    /// side gets the number of its member list.
    fn index_later_sides(&mut self, index: &mut PlaceIndex, later: &Store, from: usize, to: usize) {
        for s in from..to {
            let next = index.lists.len() as u32;
            let list = *index
                .lists
                .entry(later.sides.members(s as u32).collect())
                .or_insert(next);
            self.later_side_list.push(list);
        }
    }

    /// Finds the member lists of the earlier file's sides `from..to` among
    /// the later's (after every later side is numbered).
    fn map_earlier_sides(
        &mut self,
        index: &mut PlaceIndex,
        earlier: &Store,
        from: usize,
        to: usize,
    ) {
        if self.empty_list == NONE {
            let next = index.lists.len() as u32;
            self.empty_list = *index.lists.entry(Vec::new()).or_insert(next);
        }
        for s in from..to {
            let members: Vec<u32> = earlier
                .sides
                .members(s as u32)
                .map(|a| translate(&index.actors, a))
                .collect();
            self.side
                .push(index.lists.get(&members).copied().unwrap_or(NONE));
        }
    }

    /// Indexes the later file's places `from..to`.
    fn index_later_places(index: &mut PlaceIndex, later: &Store, from: usize, to: usize) {
        let lp = &later.places;
        for i in from..to {
            let codes = [
                lp.country[i],
                lp.admin1[i],
                lp.admin2[i],
                lp.admin3[i],
                lp.location[i],
            ];
            index.later_places.insert(place_key(lp, i, codes), i as u32);
        }
    }

    /// Finds the earlier file's places `from..to` among the later's.
    fn map_earlier_places(&mut self, index: &PlaceIndex, earlier: &Store, from: usize, to: usize) {
        let ep = &earlier.places;
        let a = &index.areas;
        self.place.extend((from..to).map(|i| {
            let codes = [
                translate(&a[0], ep.country[i]),
                translate(&a[1], ep.admin1[i]),
                translate(&a[2], ep.admin2[i]),
                translate(&a[3], ep.admin3[i]),
                translate(&index.locations, ep.location[i]),
            ];
            index
                .later_places
                .get(&place_key(ep, i, codes))
                .copied()
                .unwrap_or(NONE)
        }));
    }

    fn changed_fields(&self, earlier: &Store, a: usize, later: &Store, b: usize) -> Fields {
        let mut fields = Fields::default();
        if earlier.date[a] != later.date[b] {
            fields.insert(Field::Date);
        }
        if earlier.fatalities[a] != later.fatalities[b] {
            fields.insert(Field::Fatalities);
        }
        for (i, (c, field)) in PER_EVENT
            .into_iter()
            .zip([Field::EventType, Field::SubEventType])
            .enumerate()
        {
            let translated = earlier.code_of(c, a).map(|code| {
                self.categories[i]
                    .get(code as usize)
                    .copied()
                    .unwrap_or(NONE)
            });
            if translated != later.code_of(c, b) {
                fields.insert(field);
            }
        }
        // No side at all reads as the empty list.
        let list = |map: &[u32], s: u32| {
            if s == NONE {
                self.empty_list
            } else {
                map.get(s as usize).copied().unwrap_or(NONE)
            }
        };
        let same_side = |s: u32, t: u32| {
            let earlier_list = list(&self.side, s);
            earlier_list != NONE && earlier_list == list(&self.later_side_list, t)
        };
        if !same_side(earlier.side1[a], later.side1[b])
            || !same_side(earlier.side2[a], later.side2[b])
        {
            fields.insert(Field::Actors);
        }
        let place = self
            .place
            .get(earlier.place[a] as usize)
            .copied()
            .unwrap_or(NONE);
        if place != later.place[b] {
            fields.insert(Field::Location);
        }
        fields
    }
}

/// The compared fields that differ between two events, by what the files
/// say, name by name: the plain statement of what [`diff_versions`]
/// computes by code (and the reference its tests compare it with).
pub fn changed_fields(earlier: &Store, a: usize, later: &Store, b: usize) -> Fields {
    let mut fields = Fields::default();
    if earlier.date[a] != later.date[b] {
        fields.insert(Field::Date);
    }
    if earlier.fatalities[a] != later.fatalities[b] {
        fields.insert(Field::Fatalities);
    }
    if earlier.name_of(Category::EventType, a) != later.name_of(Category::EventType, b) {
        fields.insert(Field::EventType);
    }
    if earlier.name_of(Category::SubEventType, a) != later.name_of(Category::SubEventType, b) {
        fields.insert(Field::SubEventType);
    }
    let same_side = |s: u32, t: u32| {
        earlier
            .sides
            .members(s)
            .map(|x| earlier.actors.name(x))
            .eq(later.sides.members(t).map(|x| later.actors.name(x)))
    };
    if !same_side(earlier.side1[a], later.side1[b]) || !same_side(earlier.side2[a], later.side2[b])
    {
        fields.insert(Field::Actors);
    }
    let bits = |(lat, lon): (f32, f32)| (lat.to_bits(), lon.to_bits());
    // By bits, so two missing (NaN) coordinates are the same.
    let same_place = earlier.location_of(a) == later.location_of(b)
        && bits(earlier.lat_lon(a)) == bits(later.lat_lon(b))
        && [
            Category::Country,
            Category::Admin1,
            Category::Admin2,
            Category::Admin3,
        ]
        .into_iter()
        .all(|c| earlier.name_of(c, a) == later.name_of(c, b));
    if !same_place {
        fields.insert(Field::Location);
    }
    fields
}

/// The id of event `row` as its file wrote it, read back from its record
/// (held in memory); `None` when the text is not held.
pub fn event_id_text(store: &Store, row: usize) -> Option<String> {
    let fields = store.record_in_memory(row)?;
    let id = Store::field(&fields, store.columns.get(ColumnRole::EventId));
    Some(id.trim().to_string())
}
