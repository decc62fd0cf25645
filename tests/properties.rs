//! Property test: for random events and random filters, the engine's
//! counts equal a plain row-by-row reference implementation that works on
//! the generated rows, not on the store. Every view is checked: the
//! matching rows and totals, each category's breakdown and the actor
//! breakdown (each ignoring its own filter, as crossfilter does), the
//! timeline (ignoring the date range) and the map; and group-by over the
//! matching rows. Dates are handled with chrono directly, canonical actors
//! with a hand-written table.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{Datelike, Duration, NaiveDate};
use eventlens::engine::data::date::{self, Bin};
use eventlens::engine::data::dimension::{Category, CategoryMap, GroupBy};
use eventlens::engine::query::group::aggregate;
use eventlens::engine::query::{Bar, Filters, QueryState, Role, ViewSpec, Views};
use eventlens::engine::read::import::{import_bytes, ImportOptions};
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

const TYPES: [&str; 4] = ["Battles", "Riots", "Protests", "Violence against civilians"];
/// What the importer calls an event whose type is empty.
const NO_TYPE: &str = "Unspecified";
const SUB_TYPES: [&str; 5] = [
    "Armed clash",
    "Attack",
    "Peaceful protest",
    "Mob violence",
    "Remote explosive/landmine/IED",
];
const DISORDERS: [&str; 3] = [
    "Political violence",
    "Demonstrations",
    "Strategic developments",
];
const COUNTRIES: [&str; 3] = ["Mali", "Burkina Faso", "Niger"];
const ADMIN1: [&str; 4] = ["Mopti", "Segou", "Gao", "Kidal"];
/// The same district name may appear under several regions and countries;
/// one is accented, for filters typed without the accent's case.
const ADMIN2: [&str; 5] = ["Djenne", "Bandiagara", "Ansongo", "Central", "Ségou"];
const ADMIN3: [&str; 3] = ["Commune A", "Commune B", "Commune C"];
const LOCATIONS: [&str; 3] = ["Town A", "Town B", "Town C"];
/// Raw actor names and the canonical actor each stands for in the built-in
/// Sahel table (written out here by hand).
const ACTORS: [(&str, &str); 6] = [
    ("Military Forces of Mali (2013-2020)", "Malian state forces"),
    ("Military Forces of Mali (2021-)", "Malian state forces"),
    ("Wagner Group", "Wagner Group / Africa Corps"),
    ("Africa Corps", "Wagner Group / Africa Corps"),
    ("Synthetic Militia A", "Synthetic Militia A"),
    ("Synthetic Militia B", "Synthetic Militia B"),
];
/// Names an actor filter may give, and the raw actors (indices into
/// [`ACTORS`]) each means: a raw name, a canonical name (all its raw
/// names), or a fragment of one raw name.
const ACTOR_QUERIES: [(&str, &[usize]); 6] = [
    ("Military Forces of Mali (2021-)", &[1]),
    ("Synthetic Militia A", &[4]),
    ("Synthetic Militia B", &[5]),
    ("Malian state forces", &[0, 1]),
    ("Wagner Group / Africa Corps", &[2, 3]),
    ("forces of mali (2013-2020)", &[0]),
];
const NOT_STATED: &str = "(not stated)";

fn first_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2019, 1, 1).unwrap()
}

/// Days 2019-01-01 to 2023-12-30.
fn day_strategy() -> impl Strategy<Value = NaiveDate> {
    (0..1825i64).prop_map(|d| first_day() + Duration::days(d))
}

fn to_day(d: NaiveDate) -> date::Day {
    date::from_ymd(d.year(), d.month(), d.day()).unwrap()
}

#[derive(Clone, Debug)]
struct Row {
    day: NaiveDate,
    event_type: Option<usize>,
    sub_type: Option<usize>,
    disorder: Option<usize>,
    country: Option<usize>,
    admin1: Option<usize>,
    admin2: Option<usize>,
    admin3: Option<usize>,
    location: usize,
    /// Has coordinates (else it is not on the map).
    located: bool,
    actor1: Option<usize>,
    assoc1: Vec<usize>,
    actor2: Option<usize>,
    assoc2: Vec<usize>,
    fatalities: u32,
    civilian: bool,
}

impl Row {
    /// The row's value in category `c`, as a breakdown labels it (`None`:
    /// no value).
    fn value(&self, c: Category) -> Option<&'static str> {
        match c {
            Category::Country => self.country.map(|i| COUNTRIES[i]),
            Category::Admin1 => self.admin1.map(|i| ADMIN1[i]),
            Category::Admin2 => self.admin2.map(|i| ADMIN2[i]),
            Category::Admin3 => self.admin3.map(|i| ADMIN3[i]),
            Category::EventType => Some(self.event_type.map_or(NO_TYPE, |i| TYPES[i])),
            Category::SubEventType => self.sub_type.map(|i| SUB_TYPES[i]),
            Category::DisorderType => self.disorder.map(|i| DISORDERS[i]),
        }
    }

    /// Distinct canonical actors over both sides.
    fn canonical_actors(&self) -> BTreeSet<&'static str> {
        self.actor1
            .iter()
            .chain(&self.assoc1)
            .chain(&self.actor2)
            .chain(&self.assoc2)
            .map(|&a| ACTORS[a].1)
            .collect()
    }

    /// Coordinates, distinct for each (country, admin1-3, location).
    fn coordinates(&self) -> Option<(i32, i32)> {
        let slot = |v: Option<usize>| v.map_or(0, |i| i + 1);
        let area = (slot(self.country) * 5 + slot(self.admin1)) * 6 + slot(self.admin2);
        let east = 10 + 10 * self.location + slot(self.admin3);
        self.located.then(|| (area as i32 - 60, east as i32))
    }

    fn civilian_fatalities(&self) -> u64 {
        if self.civilian {
            u64::from(self.fatalities)
        } else {
            0
        }
    }
}

fn row_strategy() -> impl Strategy<Value = Row> {
    let actor = proptest::option::weighted(0.85, 0..ACTORS.len());
    let place = (
        proptest::option::weighted(0.85, 0..COUNTRIES.len()),
        proptest::option::weighted(0.8, 0..ADMIN1.len()),
        proptest::option::weighted(0.7, 0..ADMIN2.len()),
        proptest::option::weighted(0.6, 0..ADMIN3.len()),
        0..LOCATIONS.len(),
        proptest::bool::weighted(0.85),
    );
    let kind = (
        proptest::option::weighted(0.9, 0..TYPES.len()),
        proptest::option::weighted(0.8, 0..SUB_TYPES.len()),
        proptest::option::weighted(0.8, 0..DISORDERS.len()),
    );
    let sides = (
        actor.clone(),
        proptest::collection::vec(0..ACTORS.len(), 0..3),
        actor,
        proptest::collection::vec(0..ACTORS.len(), 0..2),
        // Now and then the same side twice (an intra-group clash).
        proptest::bool::weighted(0.2),
    );
    (
        day_strategy(),
        kind,
        place,
        sides,
        0..50u32,
        proptest::bool::weighted(0.3),
    )
        .prop_map(
            |(
                day,
                (event_type, sub_type, disorder),
                (country, admin1, admin2, admin3, location, located),
                (actor1, assoc1, actor2, assoc2, mirror),
                fatalities,
                civilian,
            )| {
                let (actor2, assoc2) = if mirror {
                    (actor1, assoc1.clone())
                } else {
                    (actor2, assoc2)
                };
                Row {
                    day,
                    event_type,
                    sub_type,
                    disorder,
                    country,
                    admin1,
                    admin2,
                    admin3,
                    location,
                    located,
                    actor1,
                    assoc1,
                    actor2,
                    assoc2,
                    fatalities,
                    civilian,
                }
            },
        )
}

fn to_csv(rows: &[Row]) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "event_id_cnty",
        "event_date",
        "disorder_type",
        "event_type",
        "sub_event_type",
        "actor1",
        "assoc_actor_1",
        "actor2",
        "assoc_actor_2",
        "civilian_targeting",
        "country",
        "admin1",
        "admin2",
        "admin3",
        "location",
        "latitude",
        "longitude",
        "fatalities",
        "notes",
    ])
    .unwrap();
    for (i, r) in rows.iter().enumerate() {
        let actor = |a: Option<usize>| a.map_or("", |a| ACTORS[a].0).to_string();
        let names = |v: &[usize]| {
            v.iter()
                .map(|&a| ACTORS[a].0)
                .collect::<Vec<_>>()
                .join("; ")
        };
        let text = |v: Option<&str>| v.unwrap_or("").to_string();
        let (lat, lon) = r
            .coordinates()
            .map_or((String::new(), String::new()), |(lat, lon)| {
                (lat.to_string(), lon.to_string())
            });
        w.write_record([
            format!("SYN{i}"),
            r.day.format("%Y-%m-%d").to_string(),
            text(r.value(Category::DisorderType)),
            r.event_type.map_or("", |t| TYPES[t]).to_string(),
            text(r.value(Category::SubEventType)),
            actor(r.actor1),
            names(&r.assoc1),
            actor(r.actor2),
            names(&r.assoc2),
            if r.civilian {
                "Civilian targeting".into()
            } else {
                String::new()
            },
            text(r.value(Category::Country)),
            text(r.value(Category::Admin1)),
            text(r.value(Category::Admin2)),
            text(r.value(Category::Admin3)),
            LOCATIONS[r.location].into(),
            lat,
            lon,
            r.fatalities.to_string(),
            "SYNTHETIC".into(),
        ])
        .unwrap();
    }
    w.into_inner().unwrap()
}

/// The names a filter on category `c` may ask for.
fn names_of(c: Category) -> Vec<&'static str> {
    match c {
        Category::Country => COUNTRIES.to_vec(),
        Category::Admin1 => ADMIN1.to_vec(),
        Category::Admin2 => ADMIN2.to_vec(),
        Category::Admin3 => ADMIN3.to_vec(),
        Category::EventType => TYPES.iter().copied().chain([NO_TYPE]).collect(),
        Category::SubEventType => SUB_TYPES.to_vec(),
        Category::DisorderType => DISORDERS.to_vec(),
    }
}

#[derive(Clone, Debug)]
struct Query {
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    months: Option<(u8, u8)>,
    /// Per category, the names asked for (as written, or lower-cased).
    categories: CategoryMap<Vec<String>>,
    /// Indices into [`ACTOR_QUERIES`].
    actor: Option<usize>,
    role: Role,
    alongside: Option<usize>,
    fatalities_min: Option<u32>,
    fatalities_max: Option<u32>,
    civilian: Option<bool>,
    bin: Bin,
    top_actors: usize,
}

/// Mostly no filter on a category, else one to three of its names.
fn category_filter(c: Category) -> impl Strategy<Value = Vec<String>> {
    let names = names_of(c);
    let one = (0..names.len(), any::<bool>()).prop_map(move |(i, lower)| {
        if lower {
            names[i].to_lowercase()
        } else {
            names[i].to_string()
        }
    });
    prop_oneof![
        2 => Just(Vec::new()),
        1 => proptest::collection::vec(one, 1..4),
    ]
}

fn query_strategy() -> impl Strategy<Value = Query> {
    let categories = (
        category_filter(Category::Country),
        category_filter(Category::Admin1),
        category_filter(Category::Admin2),
        category_filter(Category::EventType),
        category_filter(Category::SubEventType),
        category_filter(Category::DisorderType),
    )
        .prop_map(|(a, b, c, d, e, f)| {
            let mut lists = [a, b, c, d, e, f].into_iter();
            CategoryMap::from_fn(|_| lists.next().unwrap_or_default())
        });
    let dates = (
        proptest::option::of(day_strategy()),
        proptest::option::of(day_strategy()),
        proptest::option::of((1..=12u8, 1..=12u8)),
    );
    let actors = (
        proptest::option::of(0..ACTOR_QUERIES.len()),
        proptest::sample::select(Role::ALL.to_vec()),
        proptest::option::of(0..ACTOR_QUERIES.len()),
    );
    let measures = (
        proptest::option::weighted(0.3, 0..40u32),
        proptest::option::weighted(0.2, 0..50u32),
        proptest::option::weighted(0.2, any::<bool>()),
    );
    let spec = (proptest::sample::select(Bin::CHOICES.to_vec()), 1..8usize);
    (dates, categories, actors, measures, spec).prop_map(
        |(
            (from, to, months),
            categories,
            (actor, role, alongside),
            (fatalities_min, fatalities_max, civilian),
            (bin, top_actors),
        )| Query {
            from,
            to,
            months,
            categories,
            actor,
            role,
            alongside: if actor.is_some() { alongside } else { None },
            fatalities_min,
            fatalities_max,
            civilian,
            bin,
            top_actors,
        },
    )
}

fn filters_of(q: &Query) -> Filters {
    Filters {
        from: q.from.map(to_day),
        to: q.to.map(to_day),
        months: q.months,
        categories: q.categories.clone(),
        actor: q.actor.map(|a| ACTOR_QUERIES[a].0.to_string()),
        role: q.role,
        alongside: q.alongside.map(|a| ACTOR_QUERIES[a].0.to_string()),
        fatalities_min: q.fatalities_min,
        fatalities_max: q.fatalities_max,
        civilian_targeting: q.civilian,
        ..Filters::default()
    }
}

/// Which filter a view leaves out.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Ignoring {
    Nothing,
    Date,
    Category(Category),
    Actor,
}

/// The reference: each condition written out directly on a generated row.
/// The raw actors (indices into [`ACTORS`]) actor query `x` means in
/// `file`: those [`ACTOR_QUERIES`] lists; but a raw name the file does not
/// hold is read through the alias table, as any other name of its canonical
/// actor (a link made on another file still finds that actor).
fn actor_set(x: usize, file: &[Row]) -> Vec<usize> {
    let (name, raw) = ACTOR_QUERIES[x];
    let Some(i) = ACTORS.iter().position(|(a, _)| *a == name) else {
        return raw.to_vec();
    };
    let held = file.iter().any(|r| {
        [r.actor1, r.actor2].contains(&Some(i)) || r.assoc1.contains(&i) || r.assoc2.contains(&i)
    });
    if held {
        return raw.to_vec();
    }
    (0..ACTORS.len())
        .filter(|&j| ACTORS[j].1 == ACTORS[i].1)
        .collect()
}

fn reference_passes(r: &Row, q: &Query, ignoring: Ignoring, file: &[Row]) -> bool {
    if ignoring != Ignoring::Date
        && (q.from.is_some_and(|f| r.day < f) || q.to.is_some_and(|t| r.day > t))
    {
        return false;
    }
    if let Some((a, b)) = q.months {
        let m = r.day.month() as u8;
        let inside = if a <= b {
            a <= m && m <= b
        } else {
            m >= a || m <= b
        };
        if !inside {
            return false;
        }
    }
    for (c, wanted) in q.categories.iter() {
        if ignoring == Ignoring::Category(c) || wanted.is_empty() {
            continue;
        }
        let Some(value) = r.value(c) else {
            return false;
        };
        if !wanted
            .iter()
            .any(|w| w == value || w.to_lowercase() == value.to_lowercase())
        {
            return false;
        }
    }
    if q.fatalities_min.is_some_and(|m| r.fatalities < m)
        || q.fatalities_max.is_some_and(|m| r.fatalities > m)
    {
        return false;
    }
    if q.civilian.is_some_and(|c| c != r.civilian) {
        return false;
    }
    if ignoring == Ignoring::Actor {
        return true;
    }
    if let Some(x) = q.actor {
        let x = &actor_set(x, file)[..];
        let is = |a: Option<usize>| a.is_some_and(|a| x.contains(&a));
        // Associated actors other than the side's own primary actor.
        let in_assoc = |assoc: &[usize], primary: Option<usize>| {
            assoc.iter().any(|&a| Some(a) != primary && x.contains(&a))
        };
        let is1 = is(r.actor1);
        let is2 = is(r.actor2);
        let in_assoc1 = in_assoc(&r.assoc1, r.actor1);
        let in_assoc2 = in_assoc(&r.assoc2, r.actor2);
        let on1 = is1 || in_assoc1;
        let on2 = is2 || in_assoc2;
        if let Some(y) = q.alongside {
            let y = &actor_set(y, file)[..];
            // "Alongside" needs two distinct actors on the side, one the
            // actor asked for and one the actor beside it: an actor is
            // never alongside itself.
            let pair = |primary: Option<usize>, assoc: &[usize]| {
                let members: BTreeSet<usize> =
                    primary.into_iter().chain(assoc.iter().copied()).collect();
                members
                    .iter()
                    .any(|a| x.contains(a) && members.iter().any(|b| b != a && y.contains(b)))
            };
            let with1 = pair(r.actor1, &r.assoc1);
            let with2 = pair(r.actor2, &r.assoc2);
            return match q.role {
                Role::Actor1 | Role::Assoc1 | Role::Side1 => with1,
                Role::Actor2 | Role::Assoc2 | Role::Side2 => with2,
                Role::Any => with1 || with2,
            };
        }
        let ok = match q.role {
            Role::Any => on1 || on2,
            Role::Actor1 => is1,
            Role::Actor2 => is2,
            Role::Assoc1 => in_assoc1,
            Role::Assoc2 => in_assoc2,
            Role::Side1 => on1,
            Role::Side2 => on2,
        };
        if !ok {
            return false;
        }
    }
    true
}

/// Events, fatalities and civilian fatalities.
type Sums = (u64, u64, u64);

fn add(s: &mut Sums, r: &Row) {
    s.0 += 1;
    s.1 += u64::from(r.fatalities);
    s.2 += r.civilian_fatalities();
}

/// Sums per label, as bars: most events first, then by label.
fn sorted_bars(sums: BTreeMap<String, Sums>) -> Vec<(String, Sums)> {
    let mut bars: Vec<(String, Sums)> = sums.into_iter().collect();
    bars.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then_with(|| a.0.cmp(&b.0)));
    bars
}

fn engine_bars(bars: &[Bar]) -> Vec<(String, Sums)> {
    bars.iter()
        .map(|b| {
            let m = &b.measures;
            (
                b.label.clone(),
                (m.events, m.fatalities, m.civilian_fatalities),
            )
        })
        .collect()
}

/// The breakdown by category `c` of `rows`.
fn category_bars<'a>(rows: impl Iterator<Item = &'a Row>, c: Category) -> Vec<(String, Sums)> {
    let mut sums: BTreeMap<String, Sums> = BTreeMap::new();
    for r in rows {
        add(
            sums.entry(r.value(c).unwrap_or(NOT_STATED).to_string())
                .or_default(),
            r,
        );
    }
    sorted_bars(sums)
}

/// The breakdown by canonical actor of `rows`: an event counts once per
/// actor, even with that actor on both sides.
fn actor_bars<'a>(rows: impl Iterator<Item = &'a Row>) -> Vec<(String, Sums)> {
    let mut sums: BTreeMap<String, Sums> = BTreeMap::new();
    for r in rows {
        for a in r.canonical_actors() {
            add(sums.entry(a.to_string()).or_default(), r);
        }
    }
    sorted_bars(sums)
}

/// The label of the time bin holding `d`.
fn bin_label(bin: Bin, d: NaiveDate) -> String {
    match bin {
        Bin::Day => d.format("%Y-%m-%d").to_string(),
        Bin::Week => {
            let monday = d - Duration::days(i64::from(d.weekday().num_days_from_monday()));
            monday.format("%Y-%m-%d").to_string()
        }
        Bin::Month => d.format("%Y-%m").to_string(),
        Bin::Quarter => format!("{}-Q{}", d.year(), (d.month() - 1) / 3 + 1),
        Bin::Year => d.year().to_string(),
        // Numbered by the year the season starts in; over the new year
        // as "2019/20".
        Bin::Season { first, last } => {
            let year = if d.month() < u32::from(first) {
                d.year() - 1
            } else {
                d.year()
            };
            if last < first {
                format!("{year}/{:02}", (year + 1) % 100)
            } else {
                year.to_string()
            }
        }
    }
}

/// The bin the timeline is drawn in: seasons take the months window's
/// months (the whole year without one).
fn drawn_bin(q: &Query) -> Bin {
    match q.bin {
        Bin::Season { .. } => {
            let (first, last) = q.months.unwrap_or((1, 12));
            Bin::Season { first, last }
        }
        other => other,
    }
}

/// Checks every view against the reference.
fn check_views(views: &Views, rows: &[Row], q: &Query) -> Result<(), TestCaseError> {
    let passing = |ignoring: Ignoring| {
        rows.iter()
            .filter(move |r| reference_passes(r, q, ignoring, rows))
    };

    // Totals.
    let mut totals = Sums::default();
    passing(Ignoring::Nothing).for_each(|r| add(&mut totals, r));
    let m = &views.totals.measures;
    prop_assert_eq!((m.events, m.fatalities, m.civilian_fatalities), totals);
    let first = passing(Ignoring::Nothing).map(|r| r.day).min();
    let last = passing(Ignoring::Nothing).map(|r| r.day).max();
    prop_assert_eq!(views.totals.first_day, first.map(to_day));
    prop_assert_eq!(views.totals.last_day, last.map(to_day));

    // Each category's breakdown ignores its own filter.
    for c in Category::ALL {
        let want = category_bars(passing(Ignoring::Category(c)), c);
        prop_assert_eq!(engine_bars(&views.by_category[c]), want, "by {:?}", c);
    }

    // Actors ignore the actor filter; the top few are kept.
    let mut want = actor_bars(passing(Ignoring::Actor));
    want.truncate(q.top_actors);
    prop_assert_eq!(engine_bars(&views.by_actor), want, "by actor");

    // The timeline spans the whole file's dates, and ignores the date
    // range (not the months).
    let t = &views.timeline;
    let (Some(start), Some(end)) = (
        rows.iter().map(|r| r.day).min(),
        rows.iter().map(|r| r.day).max(),
    ) else {
        return Ok(());
    };
    let bin = drawn_bin(q);
    let mut labels: Vec<String> = Vec::new();
    let mut d = start;
    while d <= end {
        let label = bin_label(bin, d);
        if labels.last() != Some(&label) {
            labels.push(label);
        }
        d += Duration::days(1);
    }
    prop_assert_eq!(t.bin, bin);
    prop_assert_eq!((0..t.bins).map(|b| t.label(b)).collect::<Vec<_>>(), labels);
    let mut want: BTreeMap<(String, String), (u64, u64)> = BTreeMap::new();
    for r in passing(Ignoring::Date) {
        let type_name = r.value(Category::EventType).unwrap_or(NO_TYPE).to_string();
        let cell = want.entry((bin_label(bin, r.day), type_name)).or_default();
        cell.0 += 1;
        cell.1 += u64::from(r.fatalities);
    }
    let n = t.types.len();
    let mut got: BTreeMap<(String, String), (u64, u64)> = BTreeMap::new();
    for b in 0..t.bins {
        for (i, type_name) in t.types.iter().enumerate() {
            let events = u64::from(t.events[b * n + i]);
            if events > 0 {
                got.insert(
                    (t.label(b), type_name.clone()),
                    (events, t.fatalities[b * n + i]),
                );
            }
        }
    }
    prop_assert_eq!(got, want, "timeline");

    // The map: events passing every filter, per place with coordinates.
    let mut want: BTreeMap<(i32, i32), (u32, u64)> = BTreeMap::new();
    for r in passing(Ignoring::Nothing) {
        if let Some(at) = r.coordinates() {
            let e = want.entry(at).or_default();
            e.0 += 1;
            e.1 += u64::from(r.fatalities);
        }
    }
    let mut got: BTreeMap<(i32, i32), (u32, u64)> = BTreeMap::new();
    for p in &views.map {
        let at = (p.lat as i32, p.lon as i32);
        prop_assert_eq!((at.0 as f32, at.1 as f32), (p.lat, p.lon));
        prop_assert!(
            got.insert(at, (p.events, p.fatalities)).is_none(),
            "one point per place"
        );
    }
    prop_assert_eq!(got, want, "map");
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn engine_matches_row_by_row_reference(
        rows in proptest::collection::vec(row_strategy(), 1..80),
        queries in proptest::collection::vec(query_strategy(), 1..4),
    ) {
        let d = import_bytes(&to_csv(&rows), ImportOptions::default()).unwrap();
        let store = &d.store;
        prop_assert_eq!(store.len(), rows.len());
        let mut state = QueryState::new(store);
        for q in &queries {
            // Applied one after another: the incremental path is tested too.
            state.apply(store, &filters_of(q));
            let want: Vec<u32> = (0..rows.len() as u32)
                .filter(|&i| reference_passes(&rows[i as usize], q, Ignoring::Nothing, &rows))
                .collect();
            prop_assert_eq!(state.rows(), want.clone());

            // Grouped by year: events and fatalities per key.
            let mut by_year: BTreeMap<String, (u64, u64)> = BTreeMap::new();
            for &i in &want {
                let r = &rows[i as usize];
                let e = by_year.entry(r.day.year().to_string()).or_default();
                e.0 += 1;
                e.1 += u64::from(r.fatalities);
            }
            let got: BTreeMap<String, (u64, u64)> = aggregate(store, &state.rows(), GroupBy::Time(Bin::Year))
                .into_iter()
                .filter(|g| g.measures.events > 0)
                .map(|g| (g.key, (g.measures.events, g.measures.fatalities)))
                .collect();
            prop_assert_eq!(got, by_year);

            // Grouped by each breakdown, over the matching rows.
            let matching = || want.iter().map(|&i| &rows[i as usize]);
            for by in GroupBy::breakdowns() {
                let expected = match by {
                    GroupBy::Category(c) => category_bars(matching(), c),
                    _ => actor_bars(matching()),
                };
                let got: Vec<(String, Sums)> = aggregate(store, &state.rows(), by)
                    .into_iter()
                    .map(|g| {
                        let m = g.measures;
                        (g.key, (m.events, m.fatalities, m.civilian_fatalities))
                    })
                    .collect();
                prop_assert_eq!(got, expected, "grouped by {:?}", by);
            }

            // The admin1 breakdown ignores the admin1 filter.
            let views = state.views(store, &ViewSpec { bin: q.bin, top_actors: q.top_actors });
            let mut by_admin1: BTreeMap<String, u64> = BTreeMap::new();
            for r in rows.iter().filter(|r| reference_passes(r, q, Ignoring::Category(Category::Admin1), &rows)) {
                *by_admin1.entry(r.value(Category::Admin1).unwrap_or(NOT_STATED).to_string()).or_default() += 1;
            }
            let got: BTreeMap<String, u64> = views.by_category[Category::Admin1].iter().map(|b| (b.label.clone(), b.measures.events)).collect();
            prop_assert_eq!(got, by_admin1);
            prop_assert_eq!(views.totals.measures.events, want.len() as u64);

            check_views(&views, &rows, q)?;
        }
    }
}
