//! The columnar event store: one `Vec` per column, strings dictionary-encoded.
//!
//! Per event the store keeps 27 bytes: the date (`i32` day), event type,
//! sub-event type and disorder type (`u16` codes), a flags byte (civilian
//! targeting, time and geo precision), a place code, fatalities, and one
//! code per side of the event. What repeats across events is interned once:
//! a *place* is the tuple (country, admin1-3, location, lat, lon, precision)
//! and a *side* is (actor, associated actors), so a million events share a
//! few hundred thousand places and a few thousand sides.
//!
//! Free text (notes, sources) is not kept per event. Each event remembers the
//! byte span of its CSV record in the parsed text; the record is read again
//! on demand (in the browser with `Blob.slice`, or from [`SourceText::InMemory`]
//! for small and re-encoded files) and parsed with [`parse_record`].

use crate::engine::data::actors::{ActorCountries, AliasTable, Canonical, UserAlias};
use crate::engine::data::date::Day;
pub use crate::engine::data::dictionary::{trim_spaces, Dictionary, NONE};
use crate::engine::data::dimension::{Category, CategoryMap};
pub use crate::engine::data::sides::Sides;
use crate::engine::data::source::{Columns, Format, TextEncoding};
use rustc_hash::FxHashMap;

/// Key of an interned place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct PlaceKey {
    pub country: u32,
    pub admin1: u32,
    pub admin2: u32,
    pub admin3: u32,
    pub location: u32,
    pub lat_bits: u32,
    pub lon_bits: u32,
    pub geo_precision: u8,
}

/// Web Mercator's y (plane units: radians of longitude) of a latitude in
/// degrees, clamped to +-85 degrees. The map keeps it per place, so a
/// redraw does not project again.
pub fn mercator_y(lat: f64) -> f64 {
    let lat = lat.clamp(-85.0, 85.0).to_radians();
    (std::f64::consts::FRAC_PI_4 + lat / 2.0).tan().ln()
}

/// Distinct places, column-wise. Codes index into the store's dictionaries.
#[derive(Clone, Debug, Default)]
pub struct Places {
    pub country: Vec<u32>,
    pub admin1: Vec<u32>,
    pub admin2: Vec<u32>,
    pub admin3: Vec<u32>,
    pub location: Vec<u32>,
    /// NaN where the file gave no usable coordinate.
    pub lat: Vec<f32>,
    pub lon: Vec<f32>,
    /// 1 (exact) to 3 (coarse); 0 unknown.
    pub geo_precision: Vec<u8>,
    index: FxHashMap<PlaceKey, u32>,
}

impl Places {
    pub(crate) fn intern(&mut self, key: PlaceKey) -> u32 {
        if let Some(&code) = self.index.get(&key) {
            return code;
        }
        let code = self.country.len() as u32;
        self.country.push(key.country);
        self.admin1.push(key.admin1);
        self.admin2.push(key.admin2);
        self.admin3.push(key.admin3);
        self.location.push(key.location);
        self.lat.push(f32::from_bits(key.lat_bits));
        self.lon.push(f32::from_bits(key.lon_bits));
        self.geo_precision.push(key.geo_precision);
        self.index.insert(key, code);
        code
    }

    pub fn len(&self) -> usize {
        self.country.len()
    }

    pub fn is_empty(&self) -> bool {
        self.country.is_empty()
    }

    /// Drops the lookup index, which only the importer needs.
    pub(crate) fn seal(&mut self) {
        self.index = FxHashMap::default();
    }

    /// Whether the lookup index is kept (not yet sealed).
    pub(crate) fn is_indexed(&self) -> bool {
        !self.index.is_empty()
    }

    /// Builds the lookup index again from the columns, inserting in code
    /// order as [`Places::intern`] did, so it is the same map.
    pub(crate) fn reindex(&mut self) {
        let mut index = FxHashMap::default();
        for p in 0..self.len() {
            let key = PlaceKey {
                country: self.country[p],
                admin1: self.admin1[p],
                admin2: self.admin2[p],
                admin3: self.admin3[p],
                location: self.location[p],
                lat_bits: self.lat[p].to_bits(),
                lon_bits: self.lon[p].to_bits(),
                geo_precision: self.geo_precision[p],
            };
            index.insert(key, p as u32);
        }
        self.index = index;
    }

    fn heap_bytes(&self) -> usize {
        self.len() * (5 * 4 + 8 + 1) + self.index.capacity() * 40
    }
}

/// Where the text of each event's CSV record can be read back from.
#[derive(Clone, Debug)]
pub enum SourceText {
    /// The parsed UTF-8 text is held in memory (small files, and files that
    /// were re-encoded, whose spans do not match the bytes on disk).
    InMemory(Vec<u8>),
    /// Spans are byte offsets into the user's file, shifted by `offset` (the
    /// byte-order mark); the caller reads them from the file.
    External { offset: u64 },
}

/// The codes of one category, see [`Store::codes`].
#[derive(Clone, Copy, Debug)]
pub(crate) enum Codes<'a> {
    /// One `u16` code per event; `u16::MAX` is "no value".
    PerEvent(&'a [u16]),
    /// One `u32` code per place ([`Store::place`]); [`NONE`] is "no value".
    PerPlace(&'a [u32]),
}

/// A per-event `u16` code as a dictionary code ([`NONE`] for "no value").
#[inline]
pub(crate) fn widen16(code: u16) -> u32 {
    if code == u16::MAX {
        NONE
    } else {
        u32::from(code)
    }
}

/// Bit layout of [`Store::flags`].
pub mod flag {
    pub(crate) const CIVILIAN_TARGETING: u8 = 1;
    pub(crate) const TIME_PRECISION_SHIFT: u8 = 1; // two bits, 0 = unknown
    pub(crate) const GEO_PRECISION_SHIFT: u8 = 3; // two bits, 0 = unknown
}

/// All events of one file.
#[derive(Clone, Debug)]
pub struct Store {
    pub format: Format,
    pub encoding: TextEncoding,
    pub delimiter: u8,
    /// The header row as written, and which column holds which role.
    pub header: Vec<String>,
    pub columns: Columns,

    pub date: Vec<Day>,
    pub event_type: Vec<u16>,
    pub sub_event_type: Vec<u16>,
    pub disorder_type: Vec<u16>,
    pub flags: Vec<u8>,
    pub place: Vec<u32>,
    pub fatalities: Vec<u32>,
    pub side1: Vec<u32>,
    pub side2: Vec<u32>,
    /// UCDP only (empty otherwise): last day of the event's date interval,
    /// low and high fatality estimates, civilian deaths.
    pub date_end: Vec<Day>,
    pub fatalities_low: Vec<u32>,
    pub fatalities_high: Vec<u32>,
    pub civilian_deaths: Vec<u32>,

    /// A key of each event's id, to match two versions of one dataset
    /// ([`event_key`]); empty unless the import was asked to keep them
    /// (`ImportOptions::keep_event_keys`). 0: the event has no id.
    pub event_key: Vec<u64>,

    /// Byte span of each event's record in the parsed text.
    pub record_start: Vec<u64>,
    pub record_len: Vec<u32>,
    pub source: SourceText,

    /// The names of each categorical dimension's values.
    pub names: CategoryMap<Dictionary>,
    pub locations: Dictionary,
    pub actors: Dictionary,
    pub places: Places,
    pub sides: Sides,
    pub canonical: Canonical,
}

impl Store {
    pub(crate) fn new(format: Format, encoding: TextEncoding, delimiter: u8) -> Store {
        Store {
            format,
            encoding,
            delimiter,
            header: Vec::new(),
            columns: Columns::default(),
            date: Vec::new(),
            event_type: Vec::new(),
            sub_event_type: Vec::new(),
            disorder_type: Vec::new(),
            flags: Vec::new(),
            place: Vec::new(),
            fatalities: Vec::new(),
            side1: Vec::new(),
            side2: Vec::new(),
            date_end: Vec::new(),
            fatalities_low: Vec::new(),
            fatalities_high: Vec::new(),
            civilian_deaths: Vec::new(),
            event_key: Vec::new(),
            record_start: Vec::new(),
            record_len: Vec::new(),
            source: SourceText::External { offset: 0 },
            names: CategoryMap::default(),
            locations: Dictionary::default(),
            actors: Dictionary::default(),
            places: Places::default(),
            sides: Sides::default(),
            canonical: Canonical::default(),
        }
    }

    pub fn len(&self) -> usize {
        self.date.len()
    }

    pub fn is_empty(&self) -> bool {
        self.date.is_empty()
    }

    pub fn is_ucdp(&self) -> bool {
        self.format.is_ucdp()
    }

    pub fn is_civilian_targeting(&self, row: usize) -> bool {
        self.flags[row] & flag::CIVILIAN_TARGETING != 0
    }

    pub fn time_precision(&self, row: usize) -> u8 {
        (self.flags[row] >> flag::TIME_PRECISION_SHIFT) & 3
    }

    pub fn geo_precision(&self, row: usize) -> u8 {
        (self.flags[row] >> flag::GEO_PRECISION_SHIFT) & 3
    }

    /// Civilian fatalities of one event: UCDP's `deaths_civilians`, or for
    /// ACLED all fatalities of a civilian-targeting event.
    pub fn civilian_fatalities(&self, row: usize) -> u32 {
        if self.is_ucdp() {
            self.civilian_deaths.get(row).copied().unwrap_or(0)
        } else if self.is_civilian_targeting(row) {
            self.fatalities[row]
        } else {
            0
        }
    }

    /// Where the codes of category `c` are kept: per event for the types,
    /// per place for the administrative areas.
    pub(crate) fn codes(&self, c: Category) -> Codes<'_> {
        match c {
            Category::Country => Codes::PerPlace(&self.places.country),
            Category::Admin1 => Codes::PerPlace(&self.places.admin1),
            Category::Admin2 => Codes::PerPlace(&self.places.admin2),
            Category::Admin3 => Codes::PerPlace(&self.places.admin3),
            Category::EventType => Codes::PerEvent(&self.event_type),
            Category::SubEventType => Codes::PerEvent(&self.sub_event_type),
            Category::DisorderType => Codes::PerEvent(&self.disorder_type),
        }
    }

    /// The code of event `row` in category `c`; `None` where the file gave
    /// no value.
    pub(crate) fn code_of(&self, c: Category, row: usize) -> Option<u32> {
        let code = match self.codes(c) {
            Codes::PerPlace(codes) => codes[self.place[row] as usize],
            Codes::PerEvent(codes) => widen16(codes[row]),
        };
        (code != NONE).then_some(code)
    }

    /// The value of event `row` in category `c`, as the file wrote it
    /// (empty where there is none).
    pub fn name_of(&self, c: Category, row: usize) -> &str {
        self.code_of(c, row)
            .map_or("", |code| self.names[c].name(code))
    }

    pub fn location_of(&self, row: usize) -> &str {
        self.locations
            .name(self.places.location[self.place[row] as usize])
    }

    pub fn lat_lon(&self, row: usize) -> (f32, f32) {
        let p = self.place[row] as usize;
        (self.places.lat[p], self.places.lon[p])
    }

    /// Folds the actors into canonical actors with `base` and the user's
    /// aliases on top. Rows of the table limited to some countries (UCDP's
    /// "IS" is the Sahel province only in Mali and Burkina Faso) apply to
    /// an actor when all its events are in them.
    pub(crate) fn fold_actors(&mut self, base: AliasTable, user: Vec<UserAlias>) {
        let limited = base.with_user(&user).limited_actors(&self.actors);
        let countries = self.countries_of(&limited);
        self.canonical = Canonical::build_with(&self.actors, &self.sides, base, user, &countries);
    }

    /// Folds the actors again with the user's aliases on top of the table
    /// the store was folded with. Returns false when they were already.
    pub fn set_user_aliases(&mut self, user: &[UserAlias]) -> bool {
        if self.canonical.user_aliases() == user {
            return false;
        }
        let base = self.canonical.base().clone();
        self.fold_actors(base, user.to_vec());
        true
    }

    /// The countries each of `actors` acted in (in one pass over the
    /// events, only when some actor needs it).
    fn countries_of(&self, actors: &[u32]) -> ActorCountries {
        if actors.is_empty() {
            return ActorCountries::default();
        }
        let mut wanted = vec![false; self.actors.len()];
        for &a in actors {
            wanted[a as usize] = true;
        }
        let side_wanted: Vec<bool> = (0..self.sides.len() as u32)
            .map(|s| self.sides.members(s).any(|a| wanted[a as usize]))
            .collect();
        let mut codes: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
        for (r, (&s1, &s2)) in self.side1.iter().zip(&self.side2).enumerate() {
            let country = self.places.country[self.place[r] as usize];
            for side in [s1, s2] {
                if !side_wanted[side as usize] {
                    continue;
                }
                for a in self.sides.members(side).filter(|&a| wanted[a as usize]) {
                    let list = codes.entry(a).or_default();
                    if !list.contains(&country) {
                        list.push(country);
                    }
                }
            }
        }
        let names = &self.names[Category::Country];
        codes
            .into_iter()
            .map(|(a, list)| {
                // An event with no country is in none of a row's countries.
                let list = list.iter().map(|&c| names.name(c).to_string()).collect();
                (a, list)
            })
            .collect()
    }

    /// Events with an uncertain attribution ("X and/or Y") on either side.
    pub fn uncertain_events(&self) -> u64 {
        let c = &self.canonical;
        let uncertain_side: Vec<bool> = (0..self.sides.len() as u32)
            .map(|s| c.side(s).iter().any(|&a| c.is_uncertain(a)))
            .collect();
        let hit = |s: u32| uncertain_side.get(s as usize).copied().unwrap_or(false);
        self.side1
            .iter()
            .zip(&self.side2)
            .filter(|&(&a, &b)| hit(a) || hit(b))
            .count() as u64
    }

    /// "Actor; Associated; ..." of one side, as written in the file.
    pub fn side_label(&self, side: u32) -> String {
        let names: Vec<&str> = self
            .sides
            .members(side)
            .map(|a| self.actors.name(a))
            .collect();
        names.join("; ")
    }

    /// The byte range of event `row`'s record: in the file for
    /// [`SourceText::External`], in the held text otherwise.
    pub fn record_range(&self, row: usize) -> (u64, u64) {
        let start = self.record_start[row];
        let end = start + u64::from(self.record_len[row]);
        match self.source {
            SourceText::External { offset } => (start + offset, end + offset),
            SourceText::InMemory(_) => (start, end),
        }
    }

    /// A place in words, most precise first, without repeats:
    /// "Moura, Djenné, Mopti, Mali"; "Unnamed place" (in the interface's
    /// language) when nothing is known.
    pub fn place_label(&self, place: u32) -> String {
        let p = place as usize;
        let parts = [
            self.locations.name(self.places.location[p]),
            self.names[Category::Admin2].name(self.places.admin2[p]),
            self.names[Category::Admin1].name(self.places.admin1[p]),
            self.names[Category::Country].name(self.places.country[p]),
        ];
        let mut out: Vec<&str> = Vec::new();
        for part in parts {
            if !part.is_empty() && !out.contains(&part) {
                out.push(part);
            }
        }
        if out.is_empty() {
            crate::t!("place-unnamed")
        } else {
            out.join(", ")
        }
    }

    /// The record's fields, when the text is held in memory.
    pub fn record_in_memory(&self, row: usize) -> Option<Vec<String>> {
        let SourceText::InMemory(text) = &self.source else {
            return None;
        };
        let (start, end) = self.record_range(row);
        let bytes = text.get(start as usize..end as usize)?;
        Some(parse_record(bytes, self.delimiter))
    }

    /// The fields of a record read back from the source (the bytes
    /// [`Store::record_range`] points at), decoded as the import read
    /// them: a file found to be Windows-1252 part way through is read from
    /// disk as it is, and all of it reads as Windows-1252 (its start was
    /// ASCII, which reads the same).
    pub fn parse_source_record(&self, bytes: &[u8]) -> Vec<String> {
        if self.reads_back_windows1252() {
            let text = crate::engine::data::encoding::windows1252(bytes);
            return parse_record(text.as_bytes(), self.delimiter);
        }
        parse_record(bytes, self.delimiter)
    }

    /// True when records read back from the file are Windows-1252 bytes.
    pub fn reads_back_windows1252(&self) -> bool {
        matches!(self.source, SourceText::External { .. })
            && self.encoding == TextEncoding::Windows1252
    }

    /// One field of a record read back from the source, by role column.
    pub fn field(fields: &[String], column: Option<usize>) -> &str {
        column
            .and_then(|c| fields.get(c))
            .map_or("", |s| s.as_str())
    }

    /// Bytes the store holds per event in its columns (excluding record
    /// spans and interned tables), and in total including everything.
    pub fn memory_use(&self) -> MemoryUse {
        let n = self.len();
        let per_event_columns = 4 + 2 * 3 + 1 + 4 + 4 + 4 + 4;
        let ucdp = self.date_end.len() * 4
            + self.fatalities_low.len() * 4
            + self.fatalities_high.len() * 4
            + self.civilian_deaths.len() * 4;
        let columns = n * per_event_columns + ucdp + self.event_key.len() * 8;
        let spans = n * 12;
        let tables = [&self.locations, &self.actors]
            .into_iter()
            .chain(self.names.values())
            .map(|d| d.heap_bytes())
            .sum::<usize>()
            + self.places.heap_bytes()
            + self.sides.heap_bytes();
        let held_text = match &self.source {
            SourceText::InMemory(t) => t.len(),
            SourceText::External { .. } => 0,
        };
        MemoryUse {
            events: n,
            column_bytes: columns,
            record_span_bytes: spans,
            table_bytes: tables,
            held_text_bytes: held_text,
        }
    }
}

/// The key of an event id (`SYN12`, `MLI4567`): 64 bits of FNV-1a over
/// its bytes, never 0 (which marks "no id"). Two ids share a key with a
/// chance of about one in 10^7 for two files of a million events each; the
/// ids of events reported as changed are read back from their records.
pub fn event_key(id: &[u8]) -> u64 {
    if id.is_empty() {
        return 0;
    }
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in id {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash.max(1)
}

/// See [`Store::memory_use`].
#[derive(Clone, Copy, Debug, serde::Serialize)]
pub struct MemoryUse {
    pub events: usize,
    pub column_bytes: usize,
    pub record_span_bytes: usize,
    pub table_bytes: usize,
    pub held_text_bytes: usize,
}

impl MemoryUse {
    /// Columns plus interned tables, per event: what the 32-byte budget counts.
    pub fn bytes_per_event_excluding_text(&self) -> f64 {
        (self.column_bytes + self.table_bytes) as f64 / self.events.max(1) as f64
    }
}

/// Splits one CSV record (as read back from the source) into fields.
pub fn parse_record(bytes: &[u8], delimiter: u8) -> Vec<String> {
    let bytes = record_text(bytes);
    // As a CSV reader does at the start of its input.
    let input = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    with_reader(delimiter, |reader| {
        let mut fields = Vec::new();
        read_fields(reader, input, &mut Vec::new(), |_, field| {
            fields.push(field_text(field).into_owned());
            true
        });
        fields
    })
}

/// A record's span without the `\n` of the previous record's CRLF (or
/// any line ends) it may start with.
pub(crate) fn record_text(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|&b| b != b'\n' && b != b'\r')
        .unwrap_or(bytes.len());
    &bytes[start..]
}

/// Reads the fields of the one record in `input` with `reader` (reset
/// first), calling `each(index, field)` for each field until it returns
/// `false` or the record ends. `field` is a scratch buffer, grown to the
/// longest field and kept by the caller between records.
pub(crate) fn read_fields(
    reader: &mut csv_core::Reader,
    mut input: &[u8],
    field: &mut Vec<u8>,
    mut each: impl FnMut(usize, &[u8]) -> bool,
) {
    reader.reset();
    if field.is_empty() {
        field.resize(256, 0);
    }
    let mut index = 0;
    let mut len = 0;
    loop {
        // An empty input tells csv-core the record's text ended.
        let (result, n_in, n_out) = reader.read_field(input, &mut field[len..]);
        input = &input[n_in..];
        len += n_out;
        match result {
            csv_core::ReadFieldResult::InputEmpty => {}
            csv_core::ReadFieldResult::OutputFull => {
                let grown = field.len() * 2;
                field.resize(grown, 0);
            }
            csv_core::ReadFieldResult::Field { record_end } => {
                if !each(index, &field[..len]) || record_end {
                    return;
                }
                index += 1;
                len = 0;
            }
            csv_core::ReadFieldResult::End => return,
        }
    }
}

/// Runs `f` with a reset CSV reader for `delimiter` (records are read
/// back one at a time: details, exports of held text).
fn with_reader<T>(delimiter: u8, f: impl FnOnce(&mut csv_core::Reader) -> T) -> T {
    let mut reader = CsvReader::new(delimiter);
    f(reader.get())
}

/// A CSV reader for one delimiter, taken from a pool kept per thread and
/// put back when dropped. Building a reader builds its state machine, which
/// costs more than reading a short record, and a reader cannot be copied
/// instead (csv-core's `Clone` for it leaves out part of that machine).
pub(crate) struct CsvReader {
    delimiter: u8,
    reader: Option<csv_core::Reader>,
}

thread_local! {
    static READERS: std::cell::RefCell<Vec<(u8, csv_core::Reader)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// Readers kept for reuse, at most.
const POOLED_READERS: usize = 8;

impl CsvReader {
    pub(crate) fn new(delimiter: u8) -> CsvReader {
        let pooled = READERS.with(|pool| {
            let mut pool = pool.try_borrow_mut().ok()?;
            let at = pool.iter().position(|(d, _)| *d == delimiter)?;
            Some(pool.swap_remove(at).1)
        });
        let reader = match pooled {
            Some(mut reader) => {
                reader.reset();
                reader
            }
            None => csv_core::ReaderBuilder::new().delimiter(delimiter).build(),
        };
        CsvReader {
            delimiter,
            reader: Some(reader),
        }
    }

    pub(crate) fn get(&mut self) -> &mut csv_core::Reader {
        self.reader.get_or_insert_with(|| {
            csv_core::ReaderBuilder::new()
                .delimiter(self.delimiter)
                .build()
        })
    }
}

impl Drop for CsvReader {
    fn drop(&mut self) {
        let Some(reader) = self.reader.take() else {
            return;
        };
        READERS.with(|pool| {
            if let Ok(mut pool) = pool.try_borrow_mut() {
                if pool.len() < POOLED_READERS {
                    pool.push((self.delimiter, reader));
                }
            }
        });
    }
}

/// A field read back from the source as text: UTF-8, or else Windows-1252.
///
/// Held text is always UTF-8. A file read back from disk is UTF-8 too,
/// except one found to be Windows-1252 part way through (its first bytes
/// were ASCII, so it is read from the file as it is; see
/// [`Store::parse_source_record`], which reads all of it so); its fields
/// with accents are not UTF-8, and Windows-1252 reads every byte, where
/// U+FFFD would lose them.
pub fn field_text(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    match std::str::from_utf8(bytes) {
        Ok(text) => std::borrow::Cow::Borrowed(text),
        Err(_) => crate::engine::data::encoding::windows1252(bytes),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fields as the csv crate reads the first record of `bytes`.
    fn reference(bytes: &[u8], delimiter: u8) -> Vec<String> {
        let start = bytes
            .iter()
            .position(|&b| b != b'\n' && b != b'\r')
            .unwrap_or(bytes.len());
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .delimiter(delimiter)
            .flexible(true)
            .from_reader(&bytes[start..]);
        let mut record = csv::ByteRecord::new();
        match reader.read_byte_record(&mut record) {
            Ok(true) => record
                .iter()
                .map(|f| String::from_utf8_lossy(f).into_owned())
                .collect(),
            _ => Vec::new(),
        }
    }

    #[test]
    fn records_read_back_as_a_csv_reader_reads_them() {
        let long = format!("a,\"{}\",b\n", "x\"\"".repeat(500));
        let cases: Vec<(&[u8], u8)> = vec![
            (b"a,b,c\n", b','),
            (b"\na,b,c\r\n", b','),
            (b"\r\n\"a,1\",\"b\"\"c\",\n", b','),
            (b"a;b;\"c;d\"\nnext;row", b';'),
            (b"a\tb\t\tc", b'\t'),
            (b"", b','),
            (b"\n\r\n", b','),
            (b"\xEF\xBB\xBFa,b\n", b','),
            (b"\"never closed,a\nb", b','),
            (b"x\"y,z\n", b','),
            (long.as_bytes(), b','),
        ];
        for _ in 0..2 {
            for (bytes, delimiter) in &cases {
                assert_eq!(
                    parse_record(bytes, *delimiter),
                    reference(bytes, *delimiter),
                    "{:?}",
                    String::from_utf8_lossy(bytes)
                );
            }
        }
    }

    #[test]
    fn fields_that_are_not_utf8_read_as_windows_1252() {
        assert_eq!(
            parse_record(b"S\xE9gou,M\xC3\xA9naka\n", b','),
            ["Ségou", "Ménaka"]
        );
    }
}
