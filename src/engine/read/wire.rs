//! A finished import taken apart to cross from a worker to the page, and
//! put together again there: the small things (format, header, dictionary
//! flags, the alias table, the import report) as one JSON text, and every
//! large vector as its own typed array, moved out of the store as it is
//! (no per-element conversion), so each crosses as one transferable typed
//! array and is copied into wasm memory with one memcpy on arrival.
//!
//! [`put_together`] trusts nothing it receives: the number and kinds of
//! the arrays, the lengths of the per-event columns, string offsets, and
//! every code against the table it indexes are checked (one pass over each
//! array), and a [`WireError`] says what was wrong instead of a panic
//! later in a query.
//!
//! The importer's lookup indices are dropped when it finishes (places,
//! sides, the large dictionaries), so what remains is carried as data or
//! rebuilt: a dictionary's index when it holds exactly one key per name,
//! in code order (one insert per name of the country, admin1, type and
//! actor dictionaries, a few thousand at a million events), the places'
//! index if it was kept, and the canonical actors' name index and alias
//! search (see [`Canonical::from_parts`]). Each is rebuilt by inserting in
//! the order the importer did, so it is the same map.

use crate::engine::data::actors::{AliasTable, Canonical, CanonicalParts, UserAlias};
use crate::engine::data::date::Day;
use crate::engine::data::dictionary::{Dictionary, NONE};
use crate::engine::data::dimension::{Category, CategoryMap};
use crate::engine::data::sides::Sides;
use crate::engine::data::source::{ColumnRole, Columns, Delimiter, Format, TextEncoding};
use crate::engine::data::store::{Places, SourceText, Store};
use crate::engine::read::dates::{DateChoice, DateForm, FieldOrder};
use crate::engine::read::import::{Dataset, ImportReport, ImportWarning, UsedColumn};
use crate::engine::read::problem::{Example, Problem, RowProblem};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A dataset taken apart to cross from a worker to the page: a small
/// description as JSON text, and every large array as its own typed array
/// (each becomes one transferable JS typed array, copied into wasm memory
/// with one memcpy on arrival).
pub struct Parts {
    pub meta: String,
    pub arrays: Vec<Array>,
}

/// One large vector of a dataset, of its own element type.
#[derive(Clone, Debug, PartialEq)]
pub enum Array {
    U8(Vec<u8>),
    U16(Vec<u16>),
    U32(Vec<u32>),
    I32(Vec<i32>),
    U64(Vec<u64>),
    F32(Vec<f32>),
}

impl Array {
    fn kind(&self) -> &'static str {
        match self {
            Array::U8(_) => "u8",
            Array::U16(_) => "u16",
            Array::U32(_) => "u32",
            Array::I32(_) => "i32",
            Array::U64(_) => "u64",
            Array::F32(_) => "f32",
        }
    }

    pub fn len(&self) -> usize {
        match self {
            Array::U8(v) => v.len(),
            Array::U16(v) => v.len(),
            Array::U32(v) => v.len(),
            Array::I32(v) => v.len(),
            Array::U64(v) => v.len(),
            Array::F32(v) => v.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Why parts could not be put together into a dataset: a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WireError(String);

impl fmt::Display for WireError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "The dataset sent from the worker is damaged: {}.",
            self.0
        )
    }
}

impl std::error::Error for WireError {}

fn error(what: impl Into<String>) -> WireError {
    WireError(what.into())
}

/// Changes whenever the order or meaning of the arrays or the meta does:
/// a page and a worker from two builds refuse each other's parts.
const VERSION: u32 = 1;

/// The arrays, in order; [`ARRAY_COUNT`] of them.
///
/// Per event: date (i32), event type, sub-event type, disorder type (u16),
/// flags (u8), place, fatalities, side 1, side 2 (u32), date end (i32),
/// fatalities low, high, civilian deaths (u32), event key (u64), record
/// start (u64), record length (u32); held text (u8); per place: country,
/// admin1, admin2, admin3, location (u32), lat, lon (f32), geo precision
/// (u8); per side: primary (u32), offsets (u32), associated (u32); nine
/// dictionaries (the categories in [`Category::ALL`] order, locations,
/// actors) each as text (u8) and offsets (u32); canonical actors: names
/// (u8, u32), of actor, alternatives offsets, alternatives, side offsets,
/// side members (u32).
const ARRAY_COUNT: usize = 16 + 1 + 8 + 3 + 2 * DICTIONARIES + 7;

/// The categories' dictionaries, then locations, then actors.
const DICTIONARIES: usize = Category::ALL.len() + 2;

#[derive(Serialize, Deserialize)]
struct Meta {
    version: u32,
    format: Format,
    encoding: TextEncoding,
    delimiter: u8,
    header: Vec<String>,
    /// (role name, column) for every role the file has.
    columns: Vec<(String, usize)>,
    /// The byte-order mark's length when the text is read from the file;
    /// `None` when it is held (in its array).
    external_offset: Option<u64>,
    dictionaries: Vec<DictionaryMeta>,
    places_indexed: bool,
    /// The sides' lookup index, (primary, associated list, side): empty
    /// once the importer is done.
    sides_index: Vec<(u32, u32, u32)>,
    aliases: AliasTable,
    user_aliases: Vec<UserAlias>,
    report: ReportMeta,
}

#[derive(Serialize, Deserialize)]
struct DictionaryMeta {
    sealed: bool,
    index: IndexMeta,
}

/// A dictionary's lookup index.
#[derive(Serialize, Deserialize)]
enum IndexMeta {
    /// Each name is its own key, in code order: rebuilt from the names.
    Names,
    /// Anything else (a sealed dictionary's, empty; keys of text that was
    /// not UTF-8): the entries as they are.
    Entries(Vec<(Vec<u8>, u32)>),
}

/// [`ImportReport`], field by field (its own serialisation is the report
/// JSON, written for people, which does not read back).
#[derive(Serialize, Deserialize)]
struct ReportMeta {
    format: Format,
    encoding: TextEncoding,
    delimiter: u8,
    bytes: u64,
    rows_read: u64,
    rows_skipped: u64,
    events: u64,
    rows_merged: u64,
    skipped: Vec<ProblemMeta>,
    unparsed: Vec<ProblemMeta>,
    columns_used: Vec<(String, String)>,
    columns_ignored: Vec<String>,
    date_min: Option<Day>,
    date_max: Option<Day>,
    dates: Option<DateChoiceMeta>,
    year_mismatches: u64,
    synthetic_events: u64,
    warnings: Vec<WarningMeta>,
}

#[derive(Serialize, Deserialize)]
struct ProblemMeta {
    problem: RowProblemMeta,
    count: u64,
    examples: Vec<(u64, Option<usize>, Option<String>, String)>,
}

#[derive(Serialize, Deserialize)]
enum RowProblemMeta {
    TooFewFields { expected: usize, found: usize },
    TooManyFields { expected: usize, found: usize },
    EmptyDate,
    UnreadableDate,
    UnreadableCoordinate { role: String },
    EmptyCount { role: String },
    UnreadableCount { role: String },
}

#[derive(Serialize, Deserialize)]
struct DateChoiceMeta {
    form: DateFormMeta,
    examples: Vec<(String, Day)>,
    used_pivot: bool,
}

#[derive(Serialize, Deserialize)]
enum DateFormMeta {
    Iso,
    YearFirst,
    MonthName,
    DayFirst,
    MonthFirst,
    ExcelSerial,
}

#[derive(Serialize, Deserialize)]
enum WarningMeta {
    RowsMerged { rows: u64 },
    NoCoordinates,
    YearMismatch { rows: u64 },
    UncertainAttributions { events: u64 },
    Converted(String),
    ReadAsWindows1252 { line: u64 },
    NotUtf8 { line: u64, replaced: u64 },
}

/// Takes a dataset apart, moving its large vectors into arrays as they are.
pub fn take_apart(dataset: Dataset) -> Parts {
    let Dataset { store, report } = dataset;
    let Store {
        format,
        encoding,
        delimiter,
        header,
        columns,
        date,
        event_type,
        sub_event_type,
        disorder_type,
        flags,
        place,
        fatalities,
        side1,
        side2,
        date_end,
        fatalities_low,
        fatalities_high,
        civilian_deaths,
        event_key,
        record_start,
        record_len,
        source,
        names,
        locations,
        actors,
        places,
        sides,
        canonical,
    } = store;
    let (held, external_offset) = match source {
        SourceText::InMemory(text) => (text, None),
        SourceText::External { offset } => (Vec::new(), Some(offset)),
    };
    let mut arrays = vec![
        Array::I32(date),
        Array::U16(event_type),
        Array::U16(sub_event_type),
        Array::U16(disorder_type),
        Array::U8(flags),
        Array::U32(place),
        Array::U32(fatalities),
        Array::U32(side1),
        Array::U32(side2),
        Array::I32(date_end),
        Array::U32(fatalities_low),
        Array::U32(fatalities_high),
        Array::U32(civilian_deaths),
        Array::U64(event_key),
        Array::U64(record_start),
        Array::U32(record_len),
        Array::U8(held),
    ];
    let places_indexed = places.is_indexed();
    let Places {
        country,
        admin1,
        admin2,
        admin3,
        location,
        lat,
        lon,
        geo_precision,
        ..
    } = places;
    arrays.extend([
        Array::U32(country),
        Array::U32(admin1),
        Array::U32(admin2),
        Array::U32(admin3),
        Array::U32(location),
        Array::F32(lat),
        Array::F32(lon),
        Array::U8(geo_precision),
    ]);
    let (primary, offsets, associated, sides_index) = sides.into_parts();
    arrays.extend([
        Array::U32(primary),
        Array::U32(offsets),
        Array::U32(associated),
    ]);
    let mut sides_index: Vec<(u32, u32, u32)> = sides_index
        .into_iter()
        .map(|((p, l), s)| (p, l, s))
        .collect();
    sides_index.sort_unstable_by_key(|&(_, _, s)| s);

    let mut names = names;
    let [n0, n1, n2, n3, n4, n5, n6] = Category::ALL.map(|c| std::mem::take(&mut names[c]));
    let mut dictionaries = Vec::with_capacity(DICTIONARIES);
    for dictionary in [n0, n1, n2, n3, n4, n5, n6, locations, actors] {
        let (names, codes, sealed) = dictionary.into_parts();
        let derived = codes.len() == names.len()
            && names
                .iter()
                .enumerate()
                .all(|(i, n)| codes.get(n.as_bytes()) == Some(&(i as u32)));
        let index = if derived {
            IndexMeta::Names
        } else {
            let mut entries: Vec<(Vec<u8>, u32)> =
                codes.into_iter().map(|(k, c)| (k.into_vec(), c)).collect();
            entries.sort_unstable_by_key(|&(_, c)| c);
            IndexMeta::Entries(entries)
        };
        dictionaries.push(DictionaryMeta { sealed, index });
        let (text, offsets) = strings_to_arrays(&names);
        arrays.extend([Array::U8(text), Array::U32(offsets)]);
    }

    let parts = canonical.into_parts();
    let (text, offsets) = strings_to_arrays(&parts.names);
    let (alt_offsets, alt_flat) = lists_to_arrays(&parts.alternatives);
    arrays.extend([
        Array::U8(text),
        Array::U32(offsets),
        Array::U32(parts.of_actor),
        Array::U32(alt_offsets),
        Array::U32(alt_flat),
        Array::U32(parts.side_offsets),
        Array::U32(parts.side_members),
    ]);
    debug_assert_eq!(arrays.len(), ARRAY_COUNT);

    let meta = Meta {
        version: VERSION,
        format,
        encoding,
        delimiter,
        header,
        columns: columns
            .used()
            .into_iter()
            .map(|(role, c)| (role.name().to_string(), c))
            .collect(),
        external_offset,
        dictionaries,
        places_indexed,
        sides_index,
        aliases: parts.base,
        user_aliases: parts.user,
        report: report_meta(report),
    };
    // Plain data with string keys: serialising it cannot fail.
    let meta = serde_json::to_string(&meta).unwrap_or_default();
    Parts { meta, arrays }
}

/// All strings as one UTF-8 text and `len + 1` offsets into it.
fn strings_to_arrays(strings: &[String]) -> (Vec<u8>, Vec<u32>) {
    let total: usize = strings.iter().map(String::len).sum();
    let mut text = Vec::with_capacity(total);
    let mut offsets = Vec::with_capacity(strings.len() + 1);
    offsets.push(0);
    for s in strings {
        text.extend_from_slice(s.as_bytes());
        // Dictionaries hold far less than 4 GB of names (the store's
        // memory limit is lower).
        offsets.push(text.len() as u32);
    }
    (text, offsets)
}

/// Lists of codes as `len + 1` offsets and the codes one after another.
fn lists_to_arrays(lists: &[Vec<u32>]) -> (Vec<u32>, Vec<u32>) {
    let mut offsets = Vec::with_capacity(lists.len() + 1);
    let mut flat = Vec::new();
    offsets.push(0);
    for list in lists {
        flat.extend_from_slice(list);
        offsets.push(flat.len() as u32);
    }
    (offsets, flat)
}

fn report_meta(r: ImportReport) -> ReportMeta {
    ReportMeta {
        format: r.format,
        encoding: r.encoding,
        delimiter: r.delimiter.byte(),
        bytes: r.bytes,
        rows_read: r.rows_read,
        rows_skipped: r.rows_skipped,
        events: r.events,
        rows_merged: r.rows_merged,
        skipped: r.skipped.into_iter().map(problem_meta).collect(),
        unparsed: r.unparsed.into_iter().map(problem_meta).collect(),
        columns_used: r
            .columns_used
            .into_iter()
            .map(|u| (u.role.name().to_string(), u.name))
            .collect(),
        columns_ignored: r.columns_ignored,
        date_min: r.date_min,
        date_max: r.date_max,
        dates: r.dates.map(|d| DateChoiceMeta {
            form: match d.form {
                DateForm::Iso => DateFormMeta::Iso,
                DateForm::YearFirst => DateFormMeta::YearFirst,
                DateForm::MonthName => DateFormMeta::MonthName,
                DateForm::Numeric(FieldOrder::DayFirst) => DateFormMeta::DayFirst,
                DateForm::Numeric(FieldOrder::MonthFirst) => DateFormMeta::MonthFirst,
                DateForm::ExcelSerial => DateFormMeta::ExcelSerial,
            },
            examples: d.examples,
            used_pivot: d.used_pivot,
        }),
        year_mismatches: r.year_mismatches,
        synthetic_events: r.synthetic_events,
        warnings: r
            .warnings
            .into_iter()
            .map(|w| match w {
                ImportWarning::RowsMerged { rows } => WarningMeta::RowsMerged { rows },
                ImportWarning::NoCoordinates => WarningMeta::NoCoordinates,
                ImportWarning::YearMismatch { rows } => WarningMeta::YearMismatch { rows },
                ImportWarning::UncertainAttributions { events } => {
                    WarningMeta::UncertainAttributions { events }
                }
                ImportWarning::Converted(s) => WarningMeta::Converted(s),
                ImportWarning::ReadAsWindows1252 { line } => {
                    WarningMeta::ReadAsWindows1252 { line }
                }
                ImportWarning::NotUtf8 { line, replaced } => {
                    WarningMeta::NotUtf8 { line, replaced }
                }
            })
            .collect(),
    }
}

fn problem_meta(p: Problem) -> ProblemMeta {
    let role = |r: ColumnRole| r.name().to_string();
    ProblemMeta {
        problem: match p.problem {
            RowProblem::TooFewFields { expected, found } => {
                RowProblemMeta::TooFewFields { expected, found }
            }
            RowProblem::TooManyFields { expected, found } => {
                RowProblemMeta::TooManyFields { expected, found }
            }
            RowProblem::EmptyDate => RowProblemMeta::EmptyDate,
            RowProblem::UnreadableDate => RowProblemMeta::UnreadableDate,
            RowProblem::UnreadableCoordinate { role: r } => {
                RowProblemMeta::UnreadableCoordinate { role: role(r) }
            }
            RowProblem::EmptyCount { role: r } => RowProblemMeta::EmptyCount { role: role(r) },
            RowProblem::UnreadableCount { role: r } => {
                RowProblemMeta::UnreadableCount { role: role(r) }
            }
        },
        count: p.count,
        examples: p
            .examples
            .into_iter()
            .map(|e| (e.line, e.column, e.column_name, e.value))
            .collect(),
    }
}

/// The arrays in order, each taken with the kind it must have.
struct Taker {
    arrays: std::vec::IntoIter<Array>,
    at: usize,
}

macro_rules! take_kind {
    ($name:ident, $variant:ident, $t:ty) => {
        fn $name(&mut self, what: &str) -> Result<Vec<$t>, WireError> {
            let at = self.at;
            self.at += 1;
            match self.arrays.next() {
                Some(Array::$variant(v)) => Ok(v),
                Some(other) => Err(error(format!(
                    "array {at} ({what}) holds {} values where {} were expected",
                    other.kind(),
                    stringify!($t)
                ))),
                None => Err(error(format!("array {at} ({what}) is missing"))),
            }
        }
    };
}

impl Taker {
    take_kind!(u8s, U8, u8);
    take_kind!(u16s, U16, u16);
    take_kind!(u32s, U32, u32);
    take_kind!(i32s, I32, i32);
    take_kind!(u64s, U64, u64);
    take_kind!(f32s, F32, f32);
}

/// Checks that a per-event (or per-place, per-side) column has `n` values,
/// or none where `optional`.
fn check_len<T>(v: &[T], n: usize, what: &str, optional: bool) -> Result<(), WireError> {
    if v.len() == n || (optional && v.is_empty()) {
        Ok(())
    } else {
        Err(error(format!(
            "the {what} column has {} values where {n} were expected",
            v.len()
        )))
    }
}

/// Checks every code is below `len` or, where `none` is given, is it.
fn check_codes(codes: &[u32], len: usize, none: Option<u32>, what: &str) -> Result<(), WireError> {
    // Two comparisons per value and no early exit: the loop vectorises.
    let none = none.unwrap_or(u32::MAX);
    let len = len as u64;
    let bad = codes
        .iter()
        .fold(false, |bad, &c| bad | (c != none && u64::from(c) >= len));
    if bad {
        let c = codes
            .iter()
            .find(|&&c| c != none && u64::from(c) >= len)
            .copied()
            .unwrap_or_default();
        return Err(error(format!(
            "a {what} code ({c}) is outside its table of {len}"
        )));
    }
    Ok(())
}

/// `len + 1` offsets from 0, never decreasing, ending at `total`.
fn check_offsets(offsets: &[u32], items: usize, total: usize, what: &str) -> Result<(), WireError> {
    let ok = offsets.len() == items + 1
        && offsets.first() == Some(&0)
        && offsets.last().map(|&l| l as usize) == Some(total)
        && offsets.windows(2).all(|w| w[0] <= w[1]);
    if ok {
        Ok(())
    } else {
        Err(error(format!(
            "the offsets of the {what} are out of order or bounds"
        )))
    }
}

/// Strings from one UTF-8 text and its offsets.
fn strings_from(text: Vec<u8>, offsets: &[u32], what: &str) -> Result<Vec<String>, WireError> {
    let items = offsets.len().saturating_sub(1);
    check_offsets(offsets, items, text.len(), what)?;
    let text = String::from_utf8(text).map_err(|_| error(format!("the {what} are not UTF-8")))?;
    offsets
        .windows(2)
        .map(|w| {
            text.get(w[0] as usize..w[1] as usize)
                .map(str::to_string)
                .ok_or_else(|| error(format!("an offset of the {what} splits a character")))
        })
        .collect()
}

fn role_named(name: &str) -> Result<ColumnRole, WireError> {
    ColumnRole::from_name(name).ok_or_else(|| error(format!("no column role is named {name:?}")))
}

/// Puts a dataset together from its parts, checking them.
pub fn put_together(parts: Parts) -> Result<Dataset, WireError> {
    let meta: Meta = serde_json::from_str(&parts.meta)
        .map_err(|e| error(format!("its description does not read ({e})")))?;
    if meta.version != VERSION {
        return Err(error(format!(
            "it was written by another version (format {}, this page reads {VERSION})",
            meta.version
        )));
    }
    if parts.arrays.len() != ARRAY_COUNT {
        return Err(error(format!(
            "it has {} arrays where {ARRAY_COUNT} were expected",
            parts.arrays.len()
        )));
    }
    if meta.dictionaries.len() != DICTIONARIES {
        return Err(error(format!(
            "it describes {} dictionaries where {DICTIONARIES} were expected",
            meta.dictionaries.len()
        )));
    }
    let mut t = Taker {
        arrays: parts.arrays.into_iter(),
        at: 0,
    };
    let date = t.i32s("date")?;
    let event_type = t.u16s("event type")?;
    let sub_event_type = t.u16s("sub-event type")?;
    let disorder_type = t.u16s("disorder type")?;
    let flags = t.u8s("flags")?;
    let place = t.u32s("place")?;
    let fatalities = t.u32s("fatalities")?;
    let side1 = t.u32s("side 1")?;
    let side2 = t.u32s("side 2")?;
    let date_end = t.i32s("date end")?;
    let fatalities_low = t.u32s("fatalities low")?;
    let fatalities_high = t.u32s("fatalities high")?;
    let civilian_deaths = t.u32s("civilian deaths")?;
    let event_key = t.u64s("event key")?;
    let record_start = t.u64s("record start")?;
    let record_len = t.u32s("record length")?;
    let held = t.u8s("held text")?;

    let n = date.len();
    check_len(&event_type, n, "event type", false)?;
    check_len(&sub_event_type, n, "sub-event type", false)?;
    check_len(&disorder_type, n, "disorder type", false)?;
    check_len(&flags, n, "flags", false)?;
    check_len(&place, n, "place", false)?;
    check_len(&fatalities, n, "fatalities", false)?;
    check_len(&side1, n, "side 1", false)?;
    check_len(&side2, n, "side 2", false)?;
    check_len(&date_end, n, "date end", true)?;
    check_len(&fatalities_low, n, "fatalities low", true)?;
    check_len(&fatalities_high, n, "fatalities high", true)?;
    check_len(&civilian_deaths, n, "civilian deaths", true)?;
    check_len(&event_key, n, "event key", true)?;
    check_len(&record_start, n, "record start", false)?;
    check_len(&record_len, n, "record length", false)?;
    let source = match meta.external_offset {
        Some(offset) if held.is_empty() => SourceText::External { offset },
        Some(_) => return Err(error("it holds text for a file read from disk")),
        None => SourceText::InMemory(held),
    };
    // Spans end inside the held text, or (read from the file) where adding
    // the byte-order mark cannot overflow.
    let end = match &source {
        SourceText::InMemory(text) => text.len() as u64,
        SourceText::External { offset } => u64::MAX / 2 - offset.min(&(u64::MAX / 2)),
    };
    let beyond = record_start
        .iter()
        .zip(&record_len)
        .fold(false, |bad, (&s, &l)| {
            bad | (s > end || u64::from(l) > end - s.min(end))
        });
    if beyond {
        return Err(error("a record's span reaches past the end of its text"));
    }

    let mut places = Places::default();
    places.country = t.u32s("place country")?;
    places.admin1 = t.u32s("place admin1")?;
    places.admin2 = t.u32s("place admin2")?;
    places.admin3 = t.u32s("place admin3")?;
    places.location = t.u32s("place location")?;
    places.lat = t.f32s("place latitude")?;
    places.lon = t.f32s("place longitude")?;
    places.geo_precision = t.u8s("place geo precision")?;
    let p = places.country.len();
    check_len(&places.admin1, p, "place admin1", false)?;
    check_len(&places.admin2, p, "place admin2", false)?;
    check_len(&places.admin3, p, "place admin3", false)?;
    check_len(&places.location, p, "place location", false)?;
    check_len(&places.lat, p, "place latitude", false)?;
    check_len(&places.lon, p, "place longitude", false)?;
    check_len(&places.geo_precision, p, "place geo precision", false)?;

    let primary = t.u32s("side primary actor")?;
    let side_offsets = t.u32s("side offsets")?;
    let associated = t.u32s("associated actors")?;
    let s = primary.len();
    // A store with no sides has no offsets either.
    if !(s == 0 && side_offsets.is_empty()) {
        check_offsets(&side_offsets, s, associated.len(), "sides")?;
    }

    let mut dictionaries = Vec::with_capacity(DICTIONARIES);
    for (i, d) in meta.dictionaries.into_iter().enumerate() {
        let what = format!("names of dictionary {i}");
        let text = t.u8s(&what)?;
        let offsets = t.u32s(&what)?;
        let names = strings_from(text, &offsets, &what)?;
        let mut codes: FxHashMap<Box<[u8]>, u32> = FxHashMap::default();
        match d.index {
            IndexMeta::Names => {
                for (c, name) in names.iter().enumerate() {
                    codes.insert(name.as_bytes().into(), c as u32);
                }
            }
            IndexMeta::Entries(entries) => {
                for (key, c) in entries {
                    if c as usize >= names.len() {
                        return Err(error(format!("an index entry of {what} is out of range")));
                    }
                    codes.insert(key.into_boxed_slice(), c);
                }
            }
        }
        dictionaries.push(Dictionary::from_parts(names, codes, d.sealed));
    }
    let mut dictionaries = dictionaries.into_iter();
    let mut next = || dictionaries.next().unwrap_or_default();
    let names: CategoryMap<Dictionary> = CategoryMap::from_fn(|_| next());
    let locations = next();
    let actors = next();

    let canonical_text = t.u8s("canonical names")?;
    let canonical_offsets = t.u32s("canonical names")?;
    let canonical_names = strings_from(canonical_text, &canonical_offsets, "canonical names")?;
    let of_actor = t.u32s("canonical actor of each actor")?;
    let alt_offsets = t.u32s("uncertain attributions")?;
    let alt_flat = t.u32s("uncertain attributions")?;
    let canonical_side_offsets = t.u32s("canonical sides")?;
    let canonical_side_members = t.u32s("canonical sides")?;

    // Codes against their tables.
    let code16 = |v: &[u16], c: Category, what: &str| -> Result<(), WireError> {
        let len = names[c].len();
        let bad = v.iter().fold(false, |bad, &x| {
            bad | (x != u16::MAX && usize::from(x) >= len)
        });
        if bad {
            return Err(error(format!(
                "an {what} code is outside its table of {len}"
            )));
        }
        Ok(())
    };
    code16(&event_type, Category::EventType, "event type")?;
    code16(&sub_event_type, Category::SubEventType, "sub-event type")?;
    code16(&disorder_type, Category::DisorderType, "disorder type")?;
    check_codes(&place, p, None, "place")?;
    check_codes(&side1, s, None, "side")?;
    check_codes(&side2, s, None, "side")?;
    check_codes(
        &places.country,
        names[Category::Country].len(),
        Some(NONE),
        "country",
    )?;
    check_codes(
        &places.admin1,
        names[Category::Admin1].len(),
        Some(NONE),
        "admin1",
    )?;
    check_codes(
        &places.admin2,
        names[Category::Admin2].len(),
        Some(NONE),
        "admin2",
    )?;
    check_codes(
        &places.admin3,
        names[Category::Admin3].len(),
        Some(NONE),
        "admin3",
    )?;
    check_codes(&places.location, locations.len(), Some(NONE), "location")?;
    check_codes(&primary, actors.len(), Some(NONE), "actor")?;
    check_codes(&associated, actors.len(), Some(NONE), "associated actor")?;
    if meta.places_indexed {
        places.reindex();
    }
    let mut sides_index = FxHashMap::default();
    for (primary, list, side) in meta.sides_index {
        if side as usize >= s {
            return Err(error("an entry of the sides' index is out of range"));
        }
        sides_index.insert((primary, list), side);
    }
    let sides = Sides::from_parts(primary, side_offsets, associated, sides_index);

    let c = canonical_names.len();
    // Before the actors are folded (a store just made) there is nothing.
    let built = !(c == 0 && of_actor.is_empty() && canonical_side_offsets.is_empty());
    if built {
        check_len(&of_actor, actors.len(), "canonical actor", false)?;
        check_codes(&of_actor, c, None, "canonical actor")?;
        check_offsets(
            &canonical_side_offsets,
            s,
            canonical_side_members.len(),
            "canonical sides",
        )?;
        check_codes(&canonical_side_members, c, None, "canonical actor")?;
    }
    if !(c == 0 && alt_offsets.is_empty()) {
        check_offsets(&alt_offsets, c, alt_flat.len(), "uncertain attributions")?;
    }
    check_codes(&alt_flat, c, None, "canonical actor")?;
    let alternatives: Vec<Vec<u32>> = alt_offsets
        .windows(2)
        .map(|w| alt_flat[w[0] as usize..w[1] as usize].to_vec())
        .collect();
    let canonical = Canonical::from_parts(CanonicalParts {
        names: canonical_names,
        of_actor,
        alternatives,
        side_offsets: canonical_side_offsets,
        side_members: canonical_side_members,
        base: meta.aliases,
        user: meta.user_aliases,
    });

    let mut columns = Columns::default();
    for (role, column) in &meta.columns {
        columns.set(role_named(role)?, *column);
    }
    let store = Store {
        format: meta.format,
        encoding: meta.encoding,
        delimiter: meta.delimiter,
        header: meta.header,
        columns,
        date,
        event_type,
        sub_event_type,
        disorder_type,
        flags,
        place,
        fatalities,
        side1,
        side2,
        date_end,
        fatalities_low,
        fatalities_high,
        civilian_deaths,
        event_key,
        record_start,
        record_len,
        source,
        names,
        locations,
        actors,
        places,
        sides,
        canonical,
    };
    let report = report_from(meta.report)?;
    Ok(Dataset { store, report })
}

fn report_from(r: ReportMeta) -> Result<ImportReport, WireError> {
    let delimiter = Delimiter::ALL
        .into_iter()
        .find(|d| d.byte() == r.delimiter)
        .ok_or_else(|| error("the report names an unknown separator"))?;
    let problems = |list: Vec<ProblemMeta>| -> Result<Vec<Problem>, WireError> {
        list.into_iter().map(problem_from).collect()
    };
    Ok(ImportReport {
        format: r.format,
        encoding: r.encoding,
        delimiter,
        bytes: r.bytes,
        rows_read: r.rows_read,
        rows_skipped: r.rows_skipped,
        events: r.events,
        rows_merged: r.rows_merged,
        skipped: problems(r.skipped)?,
        unparsed: problems(r.unparsed)?,
        columns_used: r
            .columns_used
            .into_iter()
            .map(|(role, name)| {
                Ok(UsedColumn {
                    role: role_named(&role)?,
                    name,
                })
            })
            .collect::<Result<_, WireError>>()?,
        columns_ignored: r.columns_ignored,
        date_min: r.date_min,
        date_max: r.date_max,
        dates: r.dates.map(|d| DateChoice {
            form: match d.form {
                DateFormMeta::Iso => DateForm::Iso,
                DateFormMeta::YearFirst => DateForm::YearFirst,
                DateFormMeta::MonthName => DateForm::MonthName,
                DateFormMeta::DayFirst => DateForm::Numeric(FieldOrder::DayFirst),
                DateFormMeta::MonthFirst => DateForm::Numeric(FieldOrder::MonthFirst),
                DateFormMeta::ExcelSerial => DateForm::ExcelSerial,
            },
            examples: d.examples,
            used_pivot: d.used_pivot,
        }),
        year_mismatches: r.year_mismatches,
        synthetic_events: r.synthetic_events,
        warnings: r
            .warnings
            .into_iter()
            .map(|w| match w {
                WarningMeta::RowsMerged { rows } => ImportWarning::RowsMerged { rows },
                WarningMeta::NoCoordinates => ImportWarning::NoCoordinates,
                WarningMeta::YearMismatch { rows } => ImportWarning::YearMismatch { rows },
                WarningMeta::UncertainAttributions { events } => {
                    ImportWarning::UncertainAttributions { events }
                }
                WarningMeta::Converted(s) => ImportWarning::Converted(s),
                WarningMeta::ReadAsWindows1252 { line } => {
                    ImportWarning::ReadAsWindows1252 { line }
                }
                WarningMeta::NotUtf8 { line, replaced } => {
                    ImportWarning::NotUtf8 { line, replaced }
                }
            })
            .collect(),
    })
}

fn problem_from(p: ProblemMeta) -> Result<Problem, WireError> {
    Ok(Problem {
        problem: match p.problem {
            RowProblemMeta::TooFewFields { expected, found } => {
                RowProblem::TooFewFields { expected, found }
            }
            RowProblemMeta::TooManyFields { expected, found } => {
                RowProblem::TooManyFields { expected, found }
            }
            RowProblemMeta::EmptyDate => RowProblem::EmptyDate,
            RowProblemMeta::UnreadableDate => RowProblem::UnreadableDate,
            RowProblemMeta::UnreadableCoordinate { role } => RowProblem::UnreadableCoordinate {
                role: role_named(&role)?,
            },
            RowProblemMeta::EmptyCount { role } => RowProblem::EmptyCount {
                role: role_named(&role)?,
            },
            RowProblemMeta::UnreadableCount { role } => RowProblem::UnreadableCount {
                role: role_named(&role)?,
            },
        },
        count: p.count,
        examples: p
            .examples
            .into_iter()
            .map(|(line, column, column_name, value)| Example {
                line,
                column,
                column_name,
                value,
            })
            .collect(),
    })
}
