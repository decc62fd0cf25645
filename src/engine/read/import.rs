//! Streaming import: bytes in (in chunks, as a browser delivers a `File`),
//! a [`Store`] and an [`ImportReport`] out.
//!
//! The importer never holds the whole file: it keeps the parser state, the
//! current record and the growing store. Progress is readable between
//! chunks, and cancelling is simply dropping the importer. A failed import
//! returns an [`ImportError`] and leaves whatever the caller had untouched.

use crate::engine::data::actors::AliasTable;
use crate::engine::data::date::{self, DateOrder, Day};
use crate::engine::data::dictionary::{Dictionary, NONE};
use crate::engine::data::dimension::{Category, CategoryMap};
use crate::engine::data::source::{ColumnRole, Delimiter, TextEncoding};
use crate::engine::data::store::{event_key, flag, CsvReader, PlaceKey, SourceText, Store};
use crate::engine::read::dates::{DateChoice, DateEvidence, DateForm, DateUndecided, FieldOrder};
use crate::engine::read::decode::{sniff, ChunkDecoder, Notice, SNIFF_LEN};
use crate::engine::read::error::ImportError;
use crate::engine::read::layout::{recognise, ColumnMapping, Columns, Format, Layout};
use crate::engine::read::limits;
use crate::engine::read::problem::{Example, Problem, RowProblem};
use chrono::Datelike;
use csv_core::ReadRecordResult;
use rustc_hash::FxHashMap;
use serde::{Serialize, Serializer};
use std::fmt;

/// A record longer than this is taken as a runaway quote.
pub(crate) const MAX_RECORD_BYTES: usize = 64 * 1024 * 1024;

/// A header longer than this is taken as a runaway quote.
const MAX_HEADER_BYTES: usize = 1024 * 1024;

/// The largest code a per-event `u16` column holds (`u16::MAX` is "no
/// value"): a type column may have this many values plus one.
///
/// A type column with more values is refused rather than its codes widened
/// to `u32`: ACLED has 6 event types, 25 sub-event types and 4 disorder
/// types, so 65,535 distinct values means the column holds something else
/// (notes, ids) and the file is better read through another mapping; and
/// widening would cost every file 6 bytes per event (27 to 33) for a shape
/// no real export has.
const MAX_CODE16: u32 = u16::MAX as u32 - 1;

/// How to import.
#[derive(Clone, Debug, Default)]
pub struct ImportOptions {
    /// Read an unrecognised layout through this mapping.
    pub mapping: Option<ColumnMapping>,
    /// Keep the parsed text in memory so records (notes, sources) can be
    /// read back without the file. Always done for re-encoded files.
    pub hold_text: bool,
    /// Refuse files larger than this many bytes.
    pub size_limit: Option<u64>,
    /// Canonical actor names; the built-in Sahel table when `None`.
    pub aliases: Option<AliasTable>,
    /// Day-first or month-first, when the user has said (the file could
    /// not tell: [`ImportError::AmbiguousDateOrder`]).
    pub date_order: Option<FieldOrder>,
    /// Slices of the file from throughout it (see [`sample_ranges`]), read
    /// before the import so the date form is chosen from values spread
    /// through the file, not only its first rows. [`import_bytes`] takes
    /// them itself.
    pub date_sample: Vec<Vec<u8>>,
    /// Stop with [`ImportError::TooManyEvents`] past this many events;
    /// [`limits::MAX_EVENTS`] when `None`.
    pub max_events: Option<u64>,
    /// Stop with [`ImportError::TooMuchMemory`] when the store takes more
    /// bytes than this; [`limits::MAX_STORE_BYTES`] when `None`.
    pub max_memory: Option<u64>,
    /// Keep a key of each event's id (`event_id_cnty`, UCDP's `id`: see
    /// [`Store::event_key`]) so two versions of a file can be matched. Off
    /// by default: it costs 8 bytes per event.
    pub keep_event_keys: bool,
}

/// How many slices [`sample_ranges`] proposes, and how long each is.
pub(crate) const SAMPLE_SLICES: usize = 32;
pub(crate) const SAMPLE_SLICE_BYTES: u64 = 16 * 1024;

/// Byte ranges to read from a file of `len` bytes for
/// [`ImportOptions::date_sample`]: slices spread evenly through the file
/// (starting at even offsets, so UTF-16 stays aligned). Small files need
/// none: their first rows are the whole file.
pub fn sample_ranges(len: u64) -> Vec<std::ops::Range<u64>> {
    if len <= SAMPLE_SLICE_BYTES * SAMPLE_SLICES as u64 {
        return Vec::new();
    }
    let step = len / SAMPLE_SLICES as u64;
    (1..SAMPLE_SLICES as u64)
        .map(|i| {
            let start = (i * step) & !1;
            start..(start + SAMPLE_SLICE_BYTES).min(len)
        })
        .collect()
}

/// What an import found, for the user to check before trusting the data.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportReport {
    pub format: Format,
    pub encoding: TextEncoding,
    pub delimiter: Delimiter,
    pub bytes: u64,
    /// Data records in the file (excluding the header).
    pub rows_read: u64,
    pub rows_skipped: u64,
    /// Distinct events kept (monadic files: rows merged per event id).
    pub events: u64,
    /// Monadic files: rows that repeated an event already read.
    pub rows_merged: u64,
    /// Why rows were skipped.
    pub skipped: Vec<Problem>,
    /// Values that could not be read in rows that were kept.
    pub unparsed: Vec<Problem>,
    pub columns_used: Vec<UsedColumn>,
    pub columns_ignored: Vec<String>,
    pub date_min: Option<Day>,
    pub date_max: Option<Day>,
    /// How the dates were read: the form chosen from the values, with
    /// examples of its reading.
    pub dates: Option<DateChoice>,
    /// Rows whose `year` column disagrees with the date read.
    pub year_mismatches: u64,
    /// Events made by the project's own generator of SYNTHETIC test data
    /// (their source names it), so credits never present them as real.
    pub synthetic_events: u64,
    pub warnings: Vec<ImportWarning>,
}

impl ImportReport {
    fn new(encoding: TextEncoding) -> ImportReport {
        ImportReport {
            // Replaced when the header is read; a finished import has one.
            format: Format::Mapped,
            encoding,
            delimiter: Delimiter::default(),
            bytes: 0,
            rows_read: 0,
            rows_skipped: 0,
            events: 0,
            rows_merged: 0,
            skipped: Vec::new(),
            unparsed: Vec::new(),
            columns_used: Vec::new(),
            columns_ignored: Vec::new(),
            date_min: None,
            date_max: None,
            dates: None,
            year_mismatches: 0,
            synthetic_events: 0,
            warnings: Vec::new(),
        }
    }
}

/// A column the import read, and the role it was read as.
#[derive(Clone, Debug, PartialEq)]
pub struct UsedColumn {
    pub role: ColumnRole,
    /// Its name in the header.
    pub name: String,
}

/// "event_date (as date)"; just the name when it is the role's name.
impl fmt::Display for UsedColumn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.name.eq_ignore_ascii_case(self.role.name()) {
            write!(f, "{}", self.name)
        } else {
            write!(f, "{} (as {})", self.name, self.role.name())
        }
    }
}

impl Serialize for UsedColumn {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Something about the whole file a user should know before trusting it.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportWarning {
    /// Monadic files: rows that repeated an event already read.
    RowsMerged { rows: u64 },
    /// No row has coordinates.
    NoCoordinates,
    /// Rows whose `year` column names another year than their date.
    YearMismatch { rows: u64 },
    /// Events whose actor is ACLED's "X and/or Y": the source could not
    /// tell which of the two acted.
    UncertainAttributions { events: u64 },
    /// What converting a workbook or JSON document to rows noticed (its
    /// sentence is made in `read::container`).
    Converted(String),
    /// The file read as UTF-8 until `line`, where a byte is not UTF-8;
    /// everything before it was plain ASCII, so the whole file was read as
    /// Windows-1252 (which reads ASCII the same).
    ReadAsWindows1252 { line: u64 },
    /// UTF-8 text with bytes that are not UTF-8, from `line` on: each of
    /// the `replaced` sequences is read as U+FFFD.
    NotUtf8 { line: u64, replaced: u64 },
}

impl fmt::Display for ImportWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            ImportWarning::RowsMerged { rows } => {
                crate::t!("warning-rows-merged", rows = rows.to_string())
            }
            ImportWarning::NoCoordinates => crate::t!("warning-no-coordinates"),
            ImportWarning::UncertainAttributions { events } => {
                crate::t!("warning-uncertain", count = *events)
            }
            ImportWarning::Converted(sentence) => sentence.clone(),
            ImportWarning::YearMismatch { rows } => {
                crate::t!("warning-year-mismatch", count = *rows)
            }
            ImportWarning::ReadAsWindows1252 { line } => {
                crate::t!("warning-windows-1252", line = line.to_string())
            }
            ImportWarning::NotUtf8 { line, replaced } => crate::t!(
                "warning-not-utf8",
                line = line.to_string(),
                count = *replaced
            ),
        };
        f.write_str(&text)
    }
}

impl Serialize for ImportWarning {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// A finished import.
pub struct Dataset {
    pub store: Store,
    pub report: ImportReport,
}

/// Imports a whole in-memory file (tests, the command line, small fetches).
pub fn import_bytes(bytes: &[u8], mut options: ImportOptions) -> Result<Dataset, ImportError> {
    if options.date_sample.is_empty() {
        options.date_sample = sample_ranges(bytes.len() as u64)
            .into_iter()
            .map(|r| bytes[r.start as usize..r.end as usize].to_vec())
            .collect();
    }
    let mut importer = Importer::new(options);
    for chunk in bytes.chunks(1 << 20) {
        importer.push(chunk)?;
    }
    importer.finish()
}

/// The streaming importer. Call [`Importer::push`] with each chunk in order,
/// then [`Importer::finish`].
pub struct Importer {
    options: ImportOptions,
    bytes_in: u64,
    head: Vec<u8>,
    decoder: Option<ChunkDecoder>,
    parser: Option<Parser>,
    failed: Option<ImportError>,
}

impl Importer {
    pub fn new(options: ImportOptions) -> Importer {
        Importer {
            options,
            bytes_in: 0,
            head: Vec::new(),
            decoder: None,
            parser: None,
            failed: None,
        }
    }

    /// Bytes of the file received so far.
    pub fn bytes_read(&self) -> u64 {
        self.bytes_in
    }

    /// Data records parsed so far.
    pub fn rows_read(&self) -> u64 {
        self.parser.as_ref().map_or(0, |p| p.rows.report.rows_read)
    }

    /// Feeds the next chunk of the file.
    pub fn push(&mut self, chunk: &[u8]) -> Result<(), ImportError> {
        if let Some(e) = &self.failed {
            return Err(e.clone());
        }
        self.bytes_in += chunk.len() as u64;
        if let Some(limit) = self.options.size_limit {
            if self.bytes_in > limit {
                return self.fail(ImportError::TooLarge {
                    bytes: self.bytes_in,
                    limit_bytes: limit,
                });
            }
        }
        let result = if self.decoder.is_none() {
            self.head.extend_from_slice(chunk);
            if self.head.len() < SNIFF_LEN {
                return Ok(());
            }
            let head = std::mem::take(&mut self.head);
            self.start(&head, false)
        } else {
            self.feed(chunk, false)
        };
        match result {
            Ok(()) => Ok(()),
            Err(e) => self.fail(e),
        }
    }

    /// Ends the input and returns the dataset.
    pub fn finish(mut self) -> Result<Dataset, ImportError> {
        if let Some(e) = self.failed.take() {
            return Err(e);
        }
        if self.decoder.is_none() {
            let head = std::mem::take(&mut self.head);
            self.start(&head, true)?;
        } else {
            self.feed(&[], true)?;
        }
        let parser = self.parser.take().ok_or(ImportError::EmptyFile)?;
        let (mark, replaced) = self
            .decoder
            .as_ref()
            .map_or((0, 0), |d| (d.mark_len(), d.replaced()));
        parser.finish(self.bytes_in, mark as u64, replaced, &self.options)
    }

    fn fail(&mut self, error: ImportError) -> Result<(), ImportError> {
        self.failed = Some(error.clone());
        // Release the partial store now; the caller may keep us around.
        self.parser = None;
        Err(error)
    }

    fn start(&mut self, head: &[u8], last: bool) -> Result<(), ImportError> {
        let encoding = sniff(&head[..head.len().min(SNIFF_LEN)], last)?;
        self.decoder = Some(ChunkDecoder::new(encoding));
        self.feed(head, last)
    }

    fn feed(&mut self, chunk: &[u8], last: bool) -> Result<(), ImportError> {
        let Some(decoder) = self.decoder.as_mut() else {
            return Ok(());
        };
        let encoding = decoder.encoding();
        let options = &self.options;
        let parser = self.parser.get_or_insert_with(|| {
            let hold = options.hold_text || !encoding.is_passthrough();
            // Text held only because it is re-encoded is capped; text the
            // caller asked to hold is the caller's to size.
            let held_limit = (!options.hold_text).then_some(limits::MAX_HELD_BYTES);
            let limits = Limits {
                events: options.max_events.unwrap_or(limits::MAX_EVENTS),
                memory: options.max_memory.unwrap_or(limits::MAX_STORE_BYTES),
                held: held_limit,
            };
            let mut parser = Parser::new(encoding, hold, limits);
            parser.rows.keep_event_keys = options.keep_event_keys;
            parser
        });
        let (text, notice) = decoder.decode_noting(chunk, last);
        match notice {
            None => {}
            Some(Notice::SwitchedToWindows1252 { at }) => {
                let line = parser.line_at(text, at);
                parser.switch_to_windows1252(line);
            }
            Some(Notice::NotUtf8 { at }) => {
                let line = parser.line_at(text, at);
                parser.rows.not_utf8_from = Some(line);
            }
        }
        parser.feed(text, last, &self.options)
    }
}

/// One column's last value and its code: event files are mostly sorted, so
/// the same country or admin name often repeats row after row.
#[derive(Default)]
struct LastValue {
    bytes: Vec<u8>,
    code: u32,
    valid: bool,
}

impl LastValue {
    #[inline]
    fn intern(&mut self, bytes: &[u8], dict: &mut Dictionary) -> u32 {
        if self.valid && self.bytes == bytes {
            return self.code;
        }
        self.code = dict.intern(bytes);
        self.bytes.clear();
        self.bytes.extend_from_slice(bytes);
        self.valid = true;
        self.code
    }
}

#[derive(Default)]
struct Caches {
    date: LastValue,
    /// The `year` column beside the cached date (it can change a
    /// two-digit year's reading).
    date_year: Option<i32>,
    categories: CategoryMap<LastValue>,
    location: LastValue,
    actor1: LastValue,
    actor2: LastValue,
    assoc1: LastValue,
    assoc2: LastValue,
    lat: LastValue,
    lon: LastValue,
    /// A place's fields as written -> its code.
    places: RecentKeys,
    /// A side's actor and associated-actor fields as written -> its code.
    sides: RecentKeys,
}

/// Codes of recently seen combinations of raw fields (a place's names and
/// coordinates, a side's actors): one hash of the joined bytes instead of
/// one lookup per field and one for the combination. The code is a
/// function of the bytes alone, so the cache never changes a result.
///
/// It is emptied when its keys reach [`RecentKeys::MAX_BYTES`], bounding
/// the import's extra memory. The bound is in bytes, not entries, and high
/// enough to hold every place and side of a large export (a million
/// events name about 100,000 places and 170,000 sides): a cache emptied
/// every few thousand rows misses almost always, and a miss costs a
/// lookup here on top of the lookups it was meant to save (import at 1M
/// events ran 1.6 times slower with an entry cap of 65,536).
#[derive(Default)]
struct RecentKeys {
    codes: FxHashMap<Box<[u8]>, u32>,
    key: Vec<u8>,
    /// Bytes held by the keys in `codes`.
    held: usize,
}

impl RecentKeys {
    const MAX_BYTES: usize = 48 << 20;

    /// Starts a key from `fields`, each with its length so no two lists of
    /// fields join into the same bytes.
    fn start<'a>(&mut self, fields: impl IntoIterator<Item = &'a [u8]>) {
        self.key.clear();
        for f in fields {
            self.key.extend_from_slice(&(f.len() as u32).to_le_bytes());
            self.key.extend_from_slice(f);
        }
    }

    fn get(&self) -> Option<u32> {
        self.codes.get(self.key.as_slice()).copied()
    }

    fn insert(&mut self, code: u32) {
        // Each entry also holds a pointer, a length and a code.
        let cost = self.key.len() + 16;
        if self.held + cost > Self::MAX_BYTES {
            self.codes = FxHashMap::default();
            self.held = 0;
        }
        self.held += cost;
        self.codes.insert(self.key.as_slice().into(), code);
    }
}

/// The record being assembled by csv-core: unescaped field bytes and the
/// end offset of each field.
struct RecordBuf {
    out: Vec<u8>,
    out_len: usize,
    ends: Vec<usize>,
    ends_len: usize,
}

impl RecordBuf {
    #[inline]
    fn field(&self, i: usize) -> &[u8] {
        if i >= self.ends_len {
            return b"";
        }
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.out[start..self.ends[i]]
    }

    fn len(&self) -> usize {
        self.ends_len
    }

    fn is_blank(&self) -> bool {
        self.ends_len <= 1 && self.out_len == 0
    }

    /// A copy holding just this record.
    fn copy(&self) -> RecordBuf {
        RecordBuf {
            out: self.out[..self.out_len].to_vec(),
            out_len: self.out_len,
            ends: self.ends[..self.ends_len].to_vec(),
            ends_len: self.ends_len,
        }
    }
}

/// Numeric dates whose order the rows read so far do not settle: each row
/// is read day first where it can be, and the rows that read both ways are
/// noted, to be turned around if the file proves to be month first.
#[derive(Default)]
struct OpenOrder {
    examples: Vec<(String, Day, Day)>,
    /// Rows (store indices) whose date reads both ways, read day first.
    both_ways: Vec<u32>,
    /// Dates that read only day first, and only month first.
    only_day_first: u64,
    only_month_first: u64,
}

/// Rows read before the date form is chosen: the form is chosen from the
/// sample and these rows, then they become events in file order.
const PENDING_ROWS: usize = 2_000;

/// What an import may take (see [`limits`]).
struct Limits {
    events: u64,
    memory: u64,
    /// The most text held, when held only to re-encode it.
    held: Option<u64>,
}

/// The CSV side of the importer: delimiter detection and record assembly.
struct Parser {
    hold: bool,
    held: Vec<u8>,
    /// The most text held, when the text is held only to re-encode it.
    held_limit: Option<u64>,
    /// Text buffered until the header line is complete.
    pending: Vec<u8>,
    sniff: DelimiterSniff,
    reader: Option<CsvReader>,
    rec: RecordBuf,
    /// Position in the parsed text (see `count_chars`), and the line it is
    /// on: lines end at \n, \r\n or a lone \r, as csv-core reads them.
    pos: u64,
    line: u64,
    record_start: u64,
    record_line: u64,
    /// Some byte of the current record other than a line end has been
    /// read (csv-core skips blank lines before a record).
    record_started: bool,
    /// Double quotes in the current record's bytes: an odd count when the
    /// file ends means it ends inside a quoted value.
    record_quotes: u64,
    last_byte: u8,
    /// Record spans count characters, not bytes: the file turned out to
    /// be Windows-1252 and its text is not held, so spans must stay offsets
    /// in the file, where each character is one byte.
    count_chars: bool,
    rows: Rows,
}

/// Turns records into events: the store under construction and the report.
struct Rows {
    layout: Option<Layout>,
    columns: Columns,
    header_len: usize,
    /// Legacy files pad the header with empty names; rows may stop early.
    last_named_column: usize,
    store: Store,
    report: ImportReport,
    caches: Caches,
    assoc_lists: Dictionary,
    event_ids: FxHashMap<Box<[u8]>, u32>,
    /// Fill [`Store::event_key`].
    keep_event_keys: bool,
    empty_side: u32,
    /// The date form, once chosen; until then rows wait in `pending`.
    date_form: Option<DateForm>,
    /// Day-first against month-first, while no date has told which.
    open_order: Option<OpenOrder>,
    evidence: DateEvidence,
    pending: Vec<(RecordBuf, Span)>,
    max_events: u64,
    max_memory: u64,
    /// The line from which the file was read as Windows-1252.
    read_as_windows1252_from: Option<u64>,
    /// The first line with bytes that are not UTF-8 in UTF-8 text.
    not_utf8_from: Option<u64>,
}

impl Parser {
    fn new(encoding: TextEncoding, hold: bool, limits: Limits) -> Parser {
        let report = ImportReport::new(encoding);
        Parser {
            hold,
            held: Vec::new(),
            held_limit: limits.held.filter(|_| hold),
            pending: Vec::new(),
            sniff: DelimiterSniff::default(),
            reader: None,
            rec: RecordBuf {
                out: vec![0; 64 * 1024],
                out_len: 0,
                ends: vec![0; 64],
                ends_len: 0,
            },
            pos: 0,
            line: 1,
            record_start: 0,
            record_line: 1,
            record_started: false,
            record_quotes: 0,
            last_byte: 0,
            count_chars: false,
            rows: Rows {
                layout: None,
                columns: Columns::default(),
                header_len: 0,
                last_named_column: 0,
                store: Store::new(Format::Mapped, encoding, b','),
                report,
                caches: Caches::default(),
                assoc_lists: Dictionary::default(),
                event_ids: FxHashMap::default(),
                keep_event_keys: false,
                empty_side: NONE,
                date_form: None,
                open_order: None,
                evidence: DateEvidence::default(),
                pending: Vec::new(),
                max_events: limits.events,
                max_memory: limits.memory,
                read_as_windows1252_from: None,
                not_utf8_from: None,
            },
        }
    }

    /// The line of byte `at` of `text`, the text about to be fed.
    fn line_at(&self, text: &[u8], at: usize) -> u64 {
        // Text waiting for the header's end is not counted yet.
        let (waiting, prev) = if self.reader.is_none() {
            let prev = self.pending.last().copied().unwrap_or(self.last_byte);
            (line_breaks(&self.pending, self.last_byte), prev)
        } else {
            (0, self.last_byte)
        };
        self.line + waiting + line_breaks(&text[..at.min(text.len())], prev)
    }

    /// The file was not UTF-8 after all, and everything before `line` was
    /// ASCII: the rest is Windows-1252.
    ///
    /// Nothing read so far changes (ASCII reads the same in both). When
    /// the text is held, spans are offsets in it as before. When it is not,
    /// spans must stay offsets in the file, to read records back from it:
    /// from here each character of the text is one byte of the file, so
    /// spans count characters (the ASCII before counted the same). Records
    /// read back from the file are then Windows-1252, which
    /// [`Store::parse_source_record`] reads as such.
    /// Restarting the import instead would need the caller to read the file
    /// again; holding the text from here would leave spans in two places.
    fn switch_to_windows1252(&mut self, line: u64) {
        self.count_chars = !self.hold;
        self.rows.store.encoding = TextEncoding::Windows1252;
        self.rows.report.encoding = TextEncoding::Windows1252;
        self.rows.read_as_windows1252_from = Some(line);
    }

    /// Drops the blank lines before the header from the text waiting for
    /// it, as csv-core would skip them, so a file of blank lines is not
    /// held waiting for a header.
    fn skip_blank_prefix(&mut self) {
        let blank = std::mem::take(&mut self.sniff.blank_prefix).min(self.pending.len());
        if blank == 0 {
            return;
        }
        let skipped = &self.pending[..blank];
        self.line += line_breaks(skipped, self.last_byte);
        self.last_byte = skipped[blank - 1];
        // Blank lines are ASCII: one byte per character.
        self.pos += blank as u64;
        self.record_start = self.pos;
        self.record_line = self.line;
        self.pending.drain(..blank);
        self.sniff.scanned -= blank;
    }

    fn feed(
        &mut self,
        text: &[u8],
        last: bool,
        options: &ImportOptions,
    ) -> Result<(), ImportError> {
        if self.hold {
            if let Some(limit) = self.held_limit {
                if (self.held.len() + text.len()) as u64 > limit {
                    return Err(ImportError::HeldTextTooLarge {
                        encoding: self.rows.store.encoding,
                        line: self.line_at(text, text.len()),
                        limit_bytes: limit,
                    });
                }
            }
            self.held.extend_from_slice(text);
        }
        if self.reader.is_none() {
            self.pending.extend_from_slice(text);
            let Some(delimiter) = self.sniff.scan(&self.pending, last) else {
                self.skip_blank_prefix();
                if self.pending.len() > 4 * 1024 * 1024 {
                    return Err(ImportError::RecordTooLong {
                        line: self.line,
                        limit_mb: 4,
                    });
                }
                return Ok(());
            };
            // Lines of nothing before the header are dropped here, not
            // parsed: under the delimiter chosen, a line of other
            // separators would read as a header.
            self.skip_blank_prefix();
            self.rows.store.delimiter = delimiter.byte();
            self.rows.report.delimiter = delimiter;
            self.reader = Some(CsvReader::new(delimiter.byte()));
            let pending = std::mem::take(&mut self.pending);
            return self.parse(&pending, last, options);
        }
        self.parse(text, last, options)
    }

    fn parse(
        &mut self,
        mut input: &[u8],
        last: bool,
        options: &ImportOptions,
    ) -> Result<(), ImportError> {
        let Some(reader) = self.reader.as_mut() else {
            return Ok(());
        };
        let reader = reader.get();
        if input.is_empty() && !last {
            // csv-core reads an empty input as the end of the file; a
            // decoder may hand on nothing while it waits for a character.
            return Ok(());
        }
        loop {
            // With no input left at the end, this call tells csv-core the
            // file ended; a record it completes had no closing newline.
            let flushing = last && input.is_empty();
            let rec = &mut self.rec;
            let (result, n_in, n_out, n_ends) = reader.read_record(
                input,
                &mut rec.out[rec.out_len..],
                &mut rec.ends[rec.ends_len..],
            );
            let consumed = &input[..n_in];
            if !self.record_started {
                // Blank lines csv-core skipped before the record.
                let blank = consumed
                    .iter()
                    .take_while(|&&b| b == b'\n' || b == b'\r')
                    .count();
                self.record_line += line_breaks(&consumed[..blank], self.last_byte);
                self.record_started = blank < consumed.len();
            }
            let [lf, cr, quotes] = count_bytes(consumed);
            self.line += line_breaks_counted(consumed, self.last_byte, lf, cr);
            self.record_quotes += quotes as u64;
            if let Some(&b) = consumed.last() {
                self.last_byte = b;
            }
            self.pos += if self.count_chars {
                consumed.iter().filter(|&&b| b & 0xC0 != 0x80).count() as u64
            } else {
                n_in as u64
            };
            input = &input[n_in..];
            rec.out_len += n_out;
            rec.ends_len += n_ends;
            match result {
                ReadRecordResult::InputEmpty => {
                    if !last {
                        return Ok(());
                    }
                    // An empty input after the end tells csv-core the file ended.
                }
                ReadRecordResult::OutputFull => {
                    if self.rows.layout.is_none() && rec.out.len() >= MAX_HEADER_BYTES {
                        return Err(runaway_header(
                            rec,
                            self.record_line,
                            self.rows.store.delimiter,
                        ));
                    }
                    if rec.out.len() >= MAX_RECORD_BYTES {
                        return Err(ImportError::RecordTooLong {
                            line: self.record_line,
                            limit_mb: MAX_RECORD_BYTES >> 20,
                        });
                    }
                    let grown = (rec.out.len() * 2).min(MAX_RECORD_BYTES);
                    rec.out.resize(grown, 0);
                }
                ReadRecordResult::OutputEndsFull => {
                    let grown = rec.ends.len() * 2;
                    rec.ends.resize(grown, 0);
                }
                ReadRecordResult::Record => {
                    // A record read at the end of the file had no line end.
                    let own_end = u64::from(!flushing);
                    let span = Span {
                        start: self.record_start,
                        end: self.pos,
                        line: self.record_line,
                        breaks: (self.line - self.record_line).saturating_sub(own_end),
                        open_at_end: flushing && self.record_quotes % 2 == 1,
                    };
                    self.rows.record(&self.rec, span, options)?;
                    self.rec.out_len = 0;
                    self.rec.ends_len = 0;
                    self.record_start = self.pos;
                    self.record_line = self.line;
                    self.record_started = false;
                    self.record_quotes = 0;
                }
                ReadRecordResult::End => return Ok(()),
            }
        }
    }

    fn finish(
        self,
        bytes: u64,
        mark: u64,
        replaced: u64,
        options: &ImportOptions,
    ) -> Result<Dataset, ImportError> {
        let held = self.hold.then_some(self.held);
        self.rows.finish(bytes, mark, replaced, held, options)
    }
}

/// The error for a header that runs past [`MAX_HEADER_BYTES`]: a quote
/// that is never closed, when the name being read holds a separator or a
/// line break.
fn runaway_header(rec: &RecordBuf, line: u64, delimiter: u8) -> ImportError {
    let start = if rec.ends_len == 0 {
        0
    } else {
        rec.ends[rec.ends_len - 1]
    };
    let name = &rec.out[start..rec.out_len];
    if name
        .iter()
        .any(|&b| b == b'\n' || b == b'\r' || b == delimiter)
    {
        return ImportError::QuoteInHeader {
            line,
            column: rec.ends_len + 1,
            value: String::from_utf8_lossy(&name[..name.len().min(200)]).into_owned(),
        };
    }
    ImportError::RecordTooLong {
        line,
        limit_mb: MAX_HEADER_BYTES >> 20,
    }
}

/// Line ends in `bytes` as csv-core reads them: each \n, each \r, and a
/// \r\n once; `prev` is the byte before `bytes`.
fn line_breaks(bytes: &[u8], prev: u8) -> u64 {
    let [lf, cr, _] = count_bytes(bytes);
    line_breaks_counted(bytes, prev, lf, cr)
}

fn line_breaks_counted(bytes: &[u8], prev: u8, lf: usize, cr: usize) -> u64 {
    // The \n of a \r\n cut between two inputs was counted with its \r.
    let split_crlf = usize::from(prev == b'\r' && bytes.first() == Some(&b'\n'));
    if cr == 0 {
        return (lf - split_crlf) as u64;
    }
    let crlf = bytes.windows(2).filter(|w| w == b"\r\n").count() + split_crlf;
    (lf + cr - crlf) as u64
}

/// The \n, \r and double quotes in `bytes`, in one pass. A record has
/// few of them, so they are found by `memchr`'s word-at-a-time search
/// rather than by looking at every byte.
fn count_bytes(bytes: &[u8]) -> [usize; 3] {
    let mut counts = [0usize; 3];
    for i in memchr::memchr3_iter(b'\n', b'\r', b'"', bytes) {
        match bytes[i] {
            b'\n' => counts[0] += 1,
            b'\r' => counts[1] += 1,
            _ => counts[2] += 1,
        }
    }
    counts
}

/// Where a record lies in the parsed text.
#[derive(Clone, Copy)]
struct Span {
    start: u64,
    end: u64,
    line: u64,
    /// Line ends inside the record (in quoted values).
    breaks: u64,
    /// The file ended inside this record, in a quoted value.
    open_at_end: bool,
}

impl Rows {
    fn record(
        &mut self,
        rec: &RecordBuf,
        span: Span,
        options: &ImportOptions,
    ) -> Result<(), ImportError> {
        if rec.is_blank() {
            return Ok(());
        }
        if self.layout.is_none() {
            // Lines of spaces and separators before the header are blank.
            if (0..rec.len()).all(|i| trim(rec.field(i)).is_empty()) {
                return Ok(());
            }
            return self.header(rec, span.line, options);
        }
        self.report.rows_read += 1;
        let line = span.line;
        if span.breaks > 0 {
            self.check_quotes(rec, span)?;
        }
        let n = rec.len();
        if n != self.header_len {
            let extra_are_empty =
                (self.header_len..n).all(|i| rec.field(i).iter().all(u8::is_ascii_whitespace));
            let enough = n > self.last_named_column;
            if !(enough && extra_are_empty) {
                let (expected, found) = (self.header_len, n);
                let problem = if n < self.header_len {
                    RowProblem::TooFewFields { expected, found }
                } else {
                    RowProblem::TooManyFields { expected, found }
                };
                let shown = format!("{n} fields");
                self.note(problem, line, None, shown.as_bytes());
                return Ok(());
            }
        }
        if self.date_form.is_some() {
            return self.event(rec, span);
        }
        let year = self.year_of(rec);
        self.evidence.add(rec.field(self.columns.date()), year);
        self.pending.push((rec.copy(), span));
        if self.pending.len() >= PENDING_ROWS {
            self.choose_date_form(options)?;
        }
        Ok(())
    }

    /// A record whose quoted values run over line ends: a quote that is
    /// never closed (the file ends inside it), or one closed only after
    /// taking in lines shaped like the file's rows, is an error naming the
    /// line where it opened. Values that really hold line breaks (notes
    /// over two lines) pass.
    fn check_quotes(&self, rec: &RecordBuf, span: Span) -> Result<(), ImportError> {
        let mut line = span.line;
        for i in 0..rec.len() {
            let field = rec.field(i);
            let breaks = line_breaks(field, 0);
            if breaks == 0 {
                continue;
            }
            // A quote open at the end holds the rest of the file, so it
            // is the record's last value.
            if span.open_at_end && i + 1 == rec.len() {
                return Err(ImportError::UnclosedQuote { line });
            }
            let rows = self.record_shaped_lines(field);
            if rows > 0 {
                return Err(ImportError::StrayQuote {
                    line,
                    column: i + 1,
                    until_line: line + breaks,
                    rows,
                });
            }
            line += breaks;
        }
        Ok(())
    }

    /// Lines of `value` after its first that look like one of the file's
    /// rows: the number of separators of a row, and a date where the date
    /// column is. A value with such lines took in records.
    fn record_shaped_lines(&self, value: &[u8]) -> u64 {
        let delimiter = self.store.delimiter;
        let date_col = self.columns.date();
        value
            .split(|&b| b == b'\n' || b == b'\r')
            .skip(1)
            .filter(|line| {
                // As many fields as a row is allowed (legacy rows may stop
                // after the last named column).
                let fields = line.iter().filter(|&&b| b == delimiter).count() + 1;
                if fields > self.header_len || fields <= self.last_named_column {
                    return false;
                }
                let date = line.split(|&b| b == delimiter).nth(date_col).unwrap_or(b"");
                DateForm::ALL
                    .into_iter()
                    .any(|form| form.parse(trim(date), None).is_some())
            })
            .count() as u64
    }

    /// The row's `year` column, when the file has one holding a number.
    fn year_of(&self, rec: &RecordBuf) -> Option<i32> {
        let col = self.columns.get(ColumnRole::Year)?;
        std::str::from_utf8(trim(rec.field(col))).ok()?.parse().ok()
    }

    /// Chooses the date form from the evidence (the sample and the rows
    /// read so far), then turns the waiting rows into events.
    fn choose_date_form(&mut self, options: &ImportOptions) -> Result<(), ImportError> {
        let known = options
            .date_order
            .or(match self.layout.as_ref().map(|l| l.date_order) {
                Some(DateOrder::DayFirst) => Some(FieldOrder::DayFirst),
                Some(DateOrder::MonthFirst) => Some(FieldOrder::MonthFirst),
                _ => None,
            });
        let form = match self.evidence.decide(known) {
            Ok(choice) => {
                let form = choice.form;
                self.report.dates = Some(choice);
                form
            }
            Err(DateUndecided::DayOrMonthFirst { examples }) => {
                // Read on, day first for now, noting which rows read both
                // ways; a later date with a day over 12 settles it at the
                // end (see `OpenOrder`), or the user is asked.
                self.open_order = Some(OpenOrder {
                    examples,
                    ..OpenOrder::default()
                });
                DateForm::Numeric(FieldOrder::DayFirst)
            }
            // No form reads any value: every row is reported as an
            // unreadable date.
            Err(DateUndecided::NoForm { .. }) => DateForm::Iso,
        };
        self.date_form = Some(form);
        for (rec, span) in std::mem::take(&mut self.pending) {
            self.event(&rec, span)?;
        }
        Ok(())
    }

    /// Ends an open day/month order: the order the file's dates proved
    /// (the rows that read both ways are turned around when it is month
    /// first), or the question to the user when no date told.
    fn settle_order(&mut self) -> Result<(), ImportError> {
        let Some(open) = self.open_order.take() else {
            return Ok(());
        };
        let order = match (open.only_day_first, open.only_month_first) {
            (0, 0) => {
                return Err(ImportError::AmbiguousDateOrder {
                    examples: open.examples,
                })
            }
            (d, m) if m > d => FieldOrder::MonthFirst,
            _ => FieldOrder::DayFirst,
        };
        if order == FieldOrder::MonthFirst {
            for &row in &open.both_ways {
                let day = &mut self.store.date[row as usize];
                let read = date::to_naive(*day);
                if let Some(swapped) = date::from_ymd(read.year(), read.day(), read.month()) {
                    *day = swapped;
                }
            }
        }
        let form = DateForm::Numeric(order);
        let examples = open
            .examples
            .iter()
            .map(|(value, d, m)| {
                (
                    value.clone(),
                    if order == FieldOrder::DayFirst {
                        *d
                    } else {
                        *m
                    },
                )
            })
            .take(2)
            .collect();
        self.report.dates = Some(DateChoice {
            form,
            examples,
            used_pivot: false,
        });
        self.date_form = Some(form);
        Ok(())
    }

    /// Adds the date values of `slices` (raw bytes from throughout the
    /// file) to the evidence: each slice is decoded, cut to whole records
    /// after its first line break, and the records with the header's
    /// number of fields give their date and year.
    fn sample_dates(&mut self, slices: &[Vec<u8>], delimiter: u8) {
        let encoding = self.store.encoding;
        let date_col = self.columns.date();
        let year_col = self.columns.get(ColumnRole::Year);
        for slice in slices {
            let mut decoder = ChunkDecoder::continuing(encoding);
            let text = decoder.decode(slice, true);
            let Some(first_break) = text.iter().position(|&b| b == b'\n') else {
                continue;
            };
            let text = &text[first_break + 1..];
            // The last record may be cut by the slice's end.
            let Some(last_break) = text.iter().rposition(|&b| b == b'\n') else {
                continue;
            };
            let mut reader = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .delimiter(delimiter)
                .from_reader(&text[..last_break + 1]);
            let mut record = csv::ByteRecord::new();
            while let Ok(true) = reader.read_byte_record(&mut record) {
                if record.len() != self.header_len {
                    continue;
                }
                let year = year_col
                    .and_then(|c| record.get(c))
                    .and_then(|y| std::str::from_utf8(trim(y)).ok()?.parse().ok());
                self.evidence.add(record.get(date_col).unwrap_or(b""), year);
            }
        }
    }

    /// Reports `problem` at `line`, in 0-based `column` when one is at
    /// fault; a problem that loses the row counts it as skipped.
    fn note(&mut self, problem: RowProblem, line: u64, column: Option<usize>, value: &[u8]) {
        let list = if problem.kind().skips_row() {
            self.report.rows_skipped += 1;
            &mut self.report.skipped
        } else {
            &mut self.report.unparsed
        };
        let header = &self.store.header;
        Problem::note(list, problem, || Example::new(line, column, header, value));
    }

    fn header(
        &mut self,
        rec: &RecordBuf,
        line: u64,
        options: &ImportOptions,
    ) -> Result<(), ImportError> {
        let header: Vec<String> = (0..rec.len())
            .map(|i| String::from_utf8_lossy(rec.field(i)).into_owned())
            .collect();
        let quote_in = |column: usize| ImportError::QuoteInHeader {
            line,
            column: column + 1,
            value: header[column].chars().take(200).collect(),
        };
        // A column name over a line end is a quote in the header that is
        // never closed on its line.
        if let Some(i) = header.iter().position(|h| h.contains(['\n', '\r'])) {
            return Err(quote_in(i));
        }
        let layout = match recognise(&header, options.mapping.as_ref()) {
            Ok(layout) => layout,
            Err(e @ ImportError::UnknownLayout { .. }) => {
                // Names holding the separator that would be recognised
                // split apart: quotes in the header hid the separators.
                let delimiter = char::from(self.store.delimiter);
                let split: Vec<String> = header
                    .iter()
                    .flat_map(|h| h.split(delimiter))
                    .map(str::to_string)
                    .collect();
                let quoted = header.iter().position(|h| h.contains(delimiter));
                return Err(match quoted {
                    Some(i) if recognise(&split, options.mapping.as_ref()).is_ok() => quote_in(i),
                    _ => e,
                });
            }
            Err(e) => return Err(e),
        };
        self.header_len = header.len();
        self.last_named_column = header
            .iter()
            .rposition(|h| !h.trim().is_empty())
            .unwrap_or(0);
        let used = layout.columns.used();
        self.report.format = layout.format;
        self.report.columns_used = used
            .iter()
            .map(|&(role, c)| UsedColumn {
                role,
                name: layout.header.get(c).cloned().unwrap_or_default(),
            })
            .collect();
        self.report.columns_ignored = layout
            .header
            .iter()
            .enumerate()
            .filter(|(i, h)| !h.is_empty() && !used.iter().any(|&(_, c)| c == *i))
            .map(|(_, h)| h.clone())
            .collect();
        self.store.format = layout.format;
        self.store.header = layout.header.clone();
        self.store.columns = layout.columns.clone();
        self.columns = layout.columns.clone();
        self.empty_side = self.store.sides.intern(NONE, NONE, Vec::new);
        self.layout = Some(layout);
        let delimiter = self.store.delimiter;
        self.sample_dates(&options.date_sample, delimiter);
        Ok(())
    }

    fn event(&mut self, rec: &RecordBuf, span: Span) -> Result<(), ImportError> {
        let Some(layout) = self.layout.as_ref() else {
            return Ok(());
        };
        let format = layout.format;
        let form = self.date_form.unwrap_or(DateForm::Iso);
        let ucdp = format == Format::UcdpGed;
        let line = span.line;
        let year = self.year_of(rec);
        let c = &self.columns;

        let date_field = rec.field(c.date());
        let cached = &self.caches.date;
        let day = if let Some(open) = self.open_order.as_mut() {
            let day_first = DateForm::Numeric(FieldOrder::DayFirst).parse(date_field, year);
            let month_first = DateForm::Numeric(FieldOrder::MonthFirst).parse(date_field, year);
            match (day_first, month_first) {
                (Some(d), Some(m)) => {
                    if d != m {
                        open.both_ways.push(self.store.date.len() as u32);
                    }
                    d
                }
                (Some(d), None) => {
                    open.only_day_first += 1;
                    d
                }
                (None, Some(m)) => {
                    open.only_month_first += 1;
                    m
                }
                (None, None) => {
                    let column = c.date();
                    self.note(RowProblem::UnreadableDate, line, Some(column), date_field);
                    return Ok(());
                }
            }
        } else if cached.valid && cached.bytes == date_field && self.caches.date_year == year {
            cached.code as Day
        } else {
            match form.parse(date_field, year) {
                Some(d) => {
                    let cache = &mut self.caches.date;
                    cache.bytes.clear();
                    cache.bytes.extend_from_slice(date_field);
                    cache.code = d as u32;
                    cache.valid = true;
                    self.caches.date_year = year;
                    d
                }
                None => {
                    let problem = if date_field.iter().all(u8::is_ascii_whitespace) {
                        RowProblem::EmptyDate
                    } else {
                        RowProblem::UnreadableDate
                    };
                    let column = c.date();
                    self.note(problem, line, Some(column), date_field);
                    return Ok(());
                }
            }
        };
        if year.is_some_and(|y| y != date::year_of(day)) {
            self.report.year_mismatches += 1;
        }

        // Monadic exports repeat an event once per actor: the second row
        // supplies the other side; fatalities are counted once.
        if format == Format::AcledMonadic {
            if let Some(id_col) = c.get(ColumnRole::EventId) {
                let id = rec.field(id_col);
                if !id.is_empty() {
                    if let Some(&row) = self.event_ids.get(id) {
                        let side = self.side(
                            rec,
                            c.get(ColumnRole::Actor1),
                            c.get(ColumnRole::AssocActor1),
                            true,
                        );
                        let row = row as usize;
                        if self.store.side2[row] == self.empty_side && self.store.side1[row] != side
                        {
                            self.store.side2[row] = side;
                        }
                        self.report.rows_merged += 1;
                        return Ok(());
                    }
                    self.event_ids
                        .insert(id.into(), self.store.date.len() as u32);
                }
            }
        }
        let events = self.store.len() as u64;
        if events >= self.max_events {
            return Err(ImportError::TooManyEvents {
                limit: self.max_events,
                line,
            });
        }
        // Measuring walks the interned names, so it is done now and then:
        // at each power of two, and every million events.
        if events >= 1 << 12 && (events.is_power_of_two() || events % (1 << 20) == 0) {
            let used = self.store.memory_use();
            let bytes = used.column_bytes
                + used.record_span_bytes
                + used.table_bytes
                + self.event_ids.len() * 48;
            if bytes as u64 > self.max_memory {
                return Err(ImportError::TooMuchMemory {
                    line,
                    limit_bytes: self.max_memory,
                });
            }
        }
        let c = self.columns.clone();

        let type_field: &[u8] = match (ucdp, c.get(ColumnRole::EventType)) {
            (true, Some(col)) => match trim(rec.field(col)) {
                b"1" => b"State-based conflict",
                b"2" => b"Non-state conflict",
                b"3" => b"One-sided violence",
                _ => b"Unknown type of violence",
            },
            (false, Some(col)) if !trim(rec.field(col)).is_empty() => rec.field(col),
            _ => b"Unspecified",
        };
        let event_type = self.caches.categories[Category::EventType]
            .intern(type_field, &mut self.store.names[Category::EventType]);
        let sub_event_type = self.intern_category(rec, &c, Category::SubEventType);
        let disorder_type = self.intern_category(rec, &c, Category::DisorderType);

        for (code, role) in [
            (event_type, ColumnRole::EventType),
            (sub_event_type, ColumnRole::SubEventType),
            (disorder_type, ColumnRole::DisorderType),
        ] {
            if code != NONE && code > MAX_CODE16 {
                let column = c.get(role).and_then(|i| self.store.header.get(i));
                return Err(ImportError::TooManyValues {
                    role,
                    column: column.cloned().unwrap_or_default(),
                    limit: MAX_CODE16 as usize + 1,
                    line,
                });
            }
        }
        let type_name = self.store.names[Category::EventType].name(event_type);
        let civilian = match c.get(ColumnRole::CivilianTargeting) {
            Some(col) => !trim(rec.field(col)).is_empty(),
            None => type_name == "Violence against civilians" || type_name == "One-sided violence",
        };
        let time_precision = c
            .get(ColumnRole::TimePrecision)
            .map_or(0, |col| precision(rec.field(col), ucdp, 5));
        let geo_precision = c
            .get(ColumnRole::GeoPrecision)
            .map_or(0, |col| precision(rec.field(col), ucdp, 7));
        let flags = (u8::from(civilian) * flag::CIVILIAN_TARGETING)
            | (time_precision << flag::TIME_PRECISION_SHIFT)
            | (geo_precision << flag::GEO_PRECISION_SHIFT);

        let place = self.place(rec, &c, geo_precision, line);
        let fatalities = self.count(rec, &c, ColumnRole::Fatalities, line);
        let side1 = self.side(
            rec,
            c.get(ColumnRole::Actor1),
            c.get(ColumnRole::AssocActor1),
            true,
        );
        let side2 = self.side(
            rec,
            c.get(ColumnRole::Actor2),
            c.get(ColumnRole::AssocActor2),
            false,
        );

        if c.get(ColumnRole::Source).is_some_and(|col| {
            trim(rec.field(col)) == crate::engine::data::source::SYNTHETIC_SOURCE.as_bytes()
        }) {
            self.report.synthetic_events += 1;
        }
        if self.keep_event_keys {
            let key = c
                .get(ColumnRole::EventId)
                .map_or(0, |col| event_key(trim(rec.field(col))));
            self.store.event_key.push(key);
        }
        let store = &mut self.store;
        store.date.push(day);
        store.event_type.push(code16(event_type));
        store.sub_event_type.push(code16(sub_event_type));
        store.disorder_type.push(code16(disorder_type));
        store.flags.push(flags);
        store.place.push(place);
        store.fatalities.push(fatalities);
        store.side1.push(side1);
        store.side2.push(side2);
        store.record_start.push(span.start);
        store
            .record_len
            .push((span.end - span.start).min(u64::from(u32::MAX)) as u32);
        if ucdp {
            let end_field = c
                .get(ColumnRole::DateEnd)
                .map_or(&b""[..], |col| rec.field(col));
            let end = form
                .parse(end_field, None)
                .or_else(|| date::parse(end_field, DateOrder::Auto))
                .unwrap_or(day)
                .max(day);
            self.store.date_end.push(end);
            let low = self.count(rec, &c, ColumnRole::FatalitiesLow, line);
            let high = self.count(rec, &c, ColumnRole::FatalitiesHigh, line);
            let civilians = self.count(rec, &c, ColumnRole::CivilianDeaths, line);
            self.store.fatalities_low.push(low);
            self.store.fatalities_high.push(high);
            self.store.civilian_deaths.push(civilians);
        }
        Ok(())
    }

    fn intern(&mut self, rec: &RecordBuf, column: Option<usize>, which: Col) -> u32 {
        let Some(col) = column else {
            return NONE;
        };
        let bytes = rec.field(col);
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return NONE;
        }
        let (cache, dict) = match which {
            Col::Category(c) => (&mut self.caches.categories[c], &mut self.store.names[c]),
            Col::Location => (&mut self.caches.location, &mut self.store.locations),
        };
        cache.intern(bytes, dict)
    }

    /// The code of category `cat`'s value in `rec`, from its column.
    fn intern_category(&mut self, rec: &RecordBuf, c: &Columns, cat: Category) -> u32 {
        self.intern(rec, c.get(cat.column_role()), Col::Category(cat))
    }

    fn place(&mut self, rec: &RecordBuf, c: &Columns, geo_precision: u8, line: u64) -> u32 {
        let roles = [
            ColumnRole::Country,
            ColumnRole::Admin1,
            ColumnRole::Admin2,
            ColumnRole::Admin3,
            ColumnRole::Location,
            ColumnRole::Latitude,
            ColumnRole::Longitude,
        ];
        let field = |role| c.get(role).map_or(&b""[..], |col| rec.field(col));
        let cache = &mut self.caches.places;
        cache.start(roles.map(field).into_iter().chain([&[geo_precision][..]]));
        if let Some(code) = cache.get() {
            return code;
        }
        let code = self.place_of_fields(rec, c, geo_precision, line);
        // Only coordinates that read well: a row with an unreadable one
        // must be noted again.
        let (lat, lon) = (
            self.store.places.lat[code as usize],
            self.store.places.lon[code as usize],
        );
        if !lat.is_nan() && !lon.is_nan() {
            self.caches.places.insert(code);
        }
        code
    }

    fn place_of_fields(
        &mut self,
        rec: &RecordBuf,
        c: &Columns,
        geo_precision: u8,
        line: u64,
    ) -> u32 {
        let country = self.intern_category(rec, c, Category::Country);
        let admin1 = self.intern_category(rec, c, Category::Admin1);
        let admin2 = self.intern_category(rec, c, Category::Admin2);
        let admin3 = self.intern_category(rec, c, Category::Admin3);
        let location = self.intern(rec, c.get(ColumnRole::Location), Col::Location);
        let lat = self.coordinate(rec, c, ColumnRole::Latitude, line);
        let lon = self.coordinate(rec, c, ColumnRole::Longitude, line);
        self.store.places.intern(PlaceKey {
            country,
            admin1,
            admin2,
            admin3,
            location,
            lat_bits: lat.to_bits(),
            lon_bits: lon.to_bits(),
            geo_precision,
        })
    }

    fn coordinate(&mut self, rec: &RecordBuf, c: &Columns, role: ColumnRole, line: u64) -> f32 {
        let Some(col) = c.get(role) else {
            return f32::NAN;
        };
        let is_lat = role == ColumnRole::Latitude;
        let field = rec.field(col);
        let cache = if is_lat {
            &mut self.caches.lat
        } else {
            &mut self.caches.lon
        };
        if cache.valid && cache.bytes == field {
            return f32::from_bits(cache.code);
        }
        let limit = if is_lat { 90.0 } else { 180.0 };
        let value = match parse_float(field) {
            Some(v) if v.abs() <= limit => v,
            _ if trim(field).is_empty() => f32::NAN,
            _ => {
                self.note(
                    RowProblem::UnreadableCoordinate { role },
                    line,
                    Some(col),
                    field,
                );
                f32::NAN
            }
        };
        let cache = if is_lat {
            &mut self.caches.lat
        } else {
            &mut self.caches.lon
        };
        cache.bytes.clear();
        cache.bytes.extend_from_slice(field);
        cache.code = value.to_bits();
        cache.valid = true;
        value
    }

    fn count(&mut self, rec: &RecordBuf, c: &Columns, role: ColumnRole, line: u64) -> u32 {
        let Some(col) = c.get(role) else {
            return 0;
        };
        let field = rec.field(col);
        match parse_count(field) {
            Ok(Some(n)) => n,
            Ok(None) => {
                self.note(RowProblem::EmptyCount { role }, line, Some(col), b"");
                0
            }
            Err(NotACount) => {
                self.note(RowProblem::UnreadableCount { role }, line, Some(col), field);
                0
            }
        }
    }

    fn side(
        &mut self,
        rec: &RecordBuf,
        actor: Option<usize>,
        assoc: Option<usize>,
        first: bool,
    ) -> u32 {
        let actor_bytes = actor.map_or(&b""[..], |c| rec.field(c));
        let assoc_bytes = assoc.map_or(&b""[..], |c| rec.field(c));
        self.caches.sides.start([actor_bytes, assoc_bytes]);
        if let Some(code) = self.caches.sides.get() {
            return code;
        }
        let (actor_cache, assoc_cache) = if first {
            (&mut self.caches.actor1, &mut self.caches.assoc1)
        } else {
            (&mut self.caches.actor2, &mut self.caches.assoc2)
        };
        let store = &mut self.store;
        let primary = if trim(actor_bytes).is_empty() {
            NONE
        } else {
            actor_cache.intern(actor_bytes, &mut store.actors)
        };
        let list = if trim(assoc_bytes).is_empty() {
            NONE
        } else {
            assoc_cache.intern(assoc_bytes, &mut self.assoc_lists)
        };
        let actors = &mut store.actors;
        let lists = &self.assoc_lists;
        let code = store.sides.intern(primary, list, || {
            if list == NONE {
                return Vec::new();
            }
            lists
                .name(list)
                .split(';')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(|a| actors.intern(a.as_bytes()))
                .collect()
        });
        self.caches.sides.insert(code);
        code
    }

    fn finish(
        mut self,
        bytes: u64,
        mark: u64,
        replaced: u64,
        held: Option<Vec<u8>>,
        options: &ImportOptions,
    ) -> Result<Dataset, ImportError> {
        if self.layout.is_none() {
            // No line held anything but line ends, spaces and separators.
            return Err(match bytes {
                0 => ImportError::EmptyFile,
                b if b == mark => ImportError::OnlyByteOrderMark { bytes },
                _ => ImportError::OnlyBlankLines { bytes },
            });
        }
        if self.date_form.is_none() {
            self.choose_date_form(options)?;
        }
        self.settle_order()?;
        if self.report.rows_read == 0 {
            return Err(ImportError::HeaderOnly);
        }
        if self.store.is_empty() {
            // The first group began with the first row skipped.
            let first = self.report.skipped.first();
            return Err(match first.and_then(|p| Some((p, p.examples.first()?))) {
                Some((p, example)) => ImportError::NoUsableRows {
                    problem: p.problem,
                    example: example.clone(),
                },
                // Every row read is either kept or skipped, so this is a
                // file of blank lines under its header.
                None => ImportError::HeaderOnly,
            });
        }
        self.store.places.seal();
        self.store.sides.seal();
        self.store.locations.seal();
        self.store.names[Category::Admin3].seal();
        self.store.names[Category::Admin2].seal();
        let aliases = options.aliases.clone().unwrap_or_default();
        self.store.fold_actors(aliases, Vec::new());
        let uncertain = self.store.uncertain_events();
        if uncertain > 0 {
            self.report
                .warnings
                .push(ImportWarning::UncertainAttributions { events: uncertain });
        }
        self.store.source = match held {
            Some(text) => SourceText::InMemory(text),
            None => SourceText::External { offset: mark },
        };
        let report = &mut self.report;
        report.bytes = bytes;
        report.events = self.store.len() as u64;
        report.date_min = self.store.date.iter().min().copied();
        report.date_max = self.store.date.iter().max().copied();
        if let Some(line) = self.read_as_windows1252_from {
            report
                .warnings
                .push(ImportWarning::ReadAsWindows1252 { line });
        }
        if let Some(line) = self.not_utf8_from {
            report
                .warnings
                .push(ImportWarning::NotUtf8 { line, replaced });
        }
        if report.rows_merged > 0 {
            report.warnings.push(ImportWarning::RowsMerged {
                rows: report.rows_merged,
            });
        }
        if self.store.places.lat.iter().all(|v| v.is_nan()) {
            report.warnings.push(ImportWarning::NoCoordinates);
        }
        if report.year_mismatches > 0 {
            report.warnings.push(ImportWarning::YearMismatch {
                rows: report.year_mismatches,
            });
        }
        Ok(Dataset {
            store: self.store,
            report: self.report,
        })
    }
}

/// A column whose values are interned.
#[derive(Clone, Copy)]
enum Col {
    Category(Category),
    Location,
}

/// A type code as stored per event; codes past [`MAX_CODE16`] are refused
/// before they get here (`TooManyValues`).
fn code16(code: u32) -> u16 {
    if code == NONE {
        u16::MAX
    } else {
        code.min(MAX_CODE16) as u16
    }
}

/// ACLED precision is 1-3 already; UCDP's 1-5 (dates) or 1-7 (places) are
/// folded onto the same 1 exact / 2 near / 3 coarse scale.
fn precision(field: &[u8], ucdp: bool, ucdp_max: u8) -> u8 {
    let value = match trim(field) {
        [d] if d.is_ascii_digit() => d - b'0',
        _ => return 0,
    };
    if !ucdp {
        return value.min(3);
    }
    match value {
        0 => 0,
        1 => 1,
        v if v <= ucdp_max / 2 => 2,
        _ => 3,
    }
}

fn trim(bytes: &[u8]) -> &[u8] {
    crate::engine::data::store::trim_spaces(bytes)
}

/// A field that should hold a count but does not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct NotACount;

/// A count such as `12`, `1,200`, `1 200` or `12.0`; `Ok(None)` when empty.
pub(crate) fn parse_count(field: &[u8]) -> Result<Option<u32>, NotACount> {
    let field = trim(field);
    if field.is_empty() {
        return Ok(None);
    }
    let mut value: u64 = 0;
    let mut digits = 0;
    let mut fraction = false;
    for &b in field {
        match b {
            b'0'..=b'9' if !fraction => {
                value = value * 10 + u64::from(b - b'0');
                digits += 1;
                if value > u64::from(u32::MAX) {
                    return Err(NotACount);
                }
            }
            b'0' if fraction => {}
            b',' | b' ' | b'_' | b'\'' if !fraction && digits > 0 => {}
            b'.' if !fraction && digits > 0 => fraction = true,
            _ => return Err(NotACount),
        }
    }
    if digits == 0 {
        return Err(NotACount);
    }
    Ok(Some(value as u32))
}

fn parse_float(field: &[u8]) -> Option<f32> {
    let field = trim(field);
    let text = std::str::from_utf8(field).ok()?;
    if let Ok(v) = text.parse::<f32>() {
        return v.is_finite().then_some(v);
    }
    // European spreadsheets write "14,3500".
    if text.matches(',').count() == 1 && !text.contains('.') {
        return text
            .replace(',', ".")
            .parse::<f32>()
            .ok()
            .filter(|v| v.is_finite());
    }
    None
}

/// Picks the delimiter from the first line that holds anything: the one
/// of `,` `;` tab that occurs most often outside quotes. The text arrives
/// in pieces, so the scan goes on from where it stopped (a header line
/// with no end in sight must not be scanned again with each piece).
#[derive(Default)]
struct DelimiterSniff {
    scanned: usize,
    in_quotes: bool,
    counts: [usize; 3],
    /// The line has held something other than spaces.
    content: bool,
    /// The counts at the first line end inside quotes.
    first_line: Option<[usize; 3]>,
    /// Bytes at the start that are lines of nothing (line ends, spaces,
    /// separators): the caller may drop them.
    blank_prefix: usize,
}

impl DelimiterSniff {
    /// Scans on through `text` (all the text so far, of which the first
    /// `scanned` bytes were seen). `None` until a whole line is there.
    /// A quote on the first line that does not close within [`SNIFF_LEN`]
    /// bytes is taken as stray: the line then ends at its first line end,
    /// so the header can be read and the quote reported.
    fn scan(&mut self, text: &[u8], last: bool) -> Option<Delimiter> {
        let mut complete = false;
        // Decided from the file's bytes alone, wherever the chunks end: a
        // stray quote is taken as such at a fixed length of the line.
        let mut stray = false;
        for &b in &text[self.scanned.min(text.len())..] {
            self.scanned += 1;
            match b {
                b'"' => {
                    self.in_quotes = !self.in_quotes;
                    self.content = true;
                }
                b'\n' | b'\r' if !self.in_quotes => {
                    if self.content {
                        complete = true;
                        break;
                    }
                    // A line of nothing: the header is still to come.
                    self.counts = [0; 3];
                    self.first_line = None;
                    self.blank_prefix = self.scanned;
                }
                b'\n' | b'\r' => {
                    self.first_line.get_or_insert(self.counts);
                }
                b',' if !self.in_quotes => self.counts[0] += 1,
                b';' if !self.in_quotes => self.counts[1] += 1,
                b'\t' if !self.in_quotes => self.counts[2] += 1,
                b' ' => {}
                _ => self.content = true,
            }
            if self.first_line.is_some() && self.scanned - self.blank_prefix >= SNIFF_LEN {
                stray = true;
                break;
            }
        }
        if last && !complete && !self.content && !self.in_quotes {
            // The file ends in a line of nothing.
            self.blank_prefix = self.scanned;
        }
        let counts = match (complete, stray, self.first_line) {
            (_, true, Some(first)) => first,
            (true, _, _) => self.counts,
            _ if last => self.counts,
            _ => return None,
        };
        let delimiters = [Delimiter::Comma, Delimiter::Semicolon, Delimiter::Tab];
        let best = (0..3)
            .max_by_key(|&i| (counts[i], usize::from(i == 0)))
            .unwrap_or(0);
        Some(delimiters[best])
    }
}

#[cfg(test)]
fn detect_delimiter(text: &[u8], last: bool) -> Option<Delimiter> {
    DelimiterSniff::default().scan(text, last)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_parse_like_people_write_them() {
        let cases: &[(&str, Result<Option<u32>, NotACount>)] = &[
            ("12", Ok(Some(12))),
            (" 1,200 ", Ok(Some(1200))),
            ("1 200", Ok(Some(1200))),
            ("12.0", Ok(Some(12))),
            ("", Ok(None)),
            ("  ", Ok(None)),
            ("-3", Err(NotACount)),
            ("12.5", Err(NotACount)),
            ("about 10", Err(NotACount)),
            ("99999999999", Err(NotACount)),
            (",", Err(NotACount)),
        ];
        for (text, want) in cases {
            assert_eq!(parse_count(text.as_bytes()), *want, "{text:?}");
        }
    }

    #[test]
    fn delimiter_detection() {
        assert_eq!(detect_delimiter(b"a,b,c\n", false), Some(Delimiter::Comma));
        assert_eq!(
            detect_delimiter(b"a;b;c\n1,5;2;3", false),
            Some(Delimiter::Semicolon)
        );
        assert_eq!(detect_delimiter(b"a\tb\tc\n", false), Some(Delimiter::Tab));
        assert_eq!(
            detect_delimiter(b"\"a,x\";b;c\n", false),
            Some(Delimiter::Semicolon)
        );
        assert_eq!(detect_delimiter(b"a,b,c", false), None);
        assert_eq!(detect_delimiter(b"a,b,c", true), Some(Delimiter::Comma));
        // Lone CR line ends, and blank lines before the header.
        assert_eq!(
            detect_delimiter(b"a;b;c\r1,5;2", false),
            Some(Delimiter::Semicolon)
        );
        assert_eq!(
            detect_delimiter(b"\n \r\na\tb\n", false),
            Some(Delimiter::Tab)
        );
        // Scanned in pieces, as the text arrives.
        let mut sniff = DelimiterSniff::default();
        let text = b"a;b;\"c,d,e\";f\n";
        for end in 1..text.len() {
            assert_eq!(sniff.scan(&text[..end], false), None, "{end}");
        }
        assert_eq!(sniff.scan(text, false), Some(Delimiter::Semicolon));
    }

    /// A file re-encoded to UTF-8 is held in memory whole; past its limit
    /// the import stops with a sentence rather than running out of memory.
    #[test]
    fn re_encoded_text_held_past_its_limit_is_a_sentence() {
        let limits = Limits {
            events: 1_000,
            memory: u64::MAX,
            held: Some(100),
        };
        let mut parser = Parser::new(TextEncoding::Utf16Le, true, limits);
        // 20 bytes of header and 10 rows of 16: 180 bytes, ending on line 12.
        let text = format!("event_date,location\n{}", "2022-05-05,Town\n".repeat(10));
        let err = parser.feed(text.as_bytes(), false, &ImportOptions::default());
        let err = err.err().unwrap();
        assert_eq!(
            err,
            ImportError::HeldTextTooLarge {
                encoding: TextEncoding::Utf16Le,
                line: 12,
                limit_bytes: 100
            }
        );
        let message = err.to_string();
        assert!(message.contains("UTF-16 little-endian"), "{message}");
        assert!(message.contains("more than 100 bytes"), "{message}");
    }

    #[test]
    fn line_ends_are_counted_as_csv_core_reads_them() {
        assert_eq!(line_breaks(b"a\nb\r\nc\rd", 0), 3);
        assert_eq!(line_breaks(b"\n", b'\r'), 0);
        assert_eq!(line_breaks(b"\n\n", b'\r'), 1);
        assert_eq!(line_breaks(b"\r\r\n\n", 0), 3);
        let long = "x\"\r\n".repeat(1_000);
        assert_eq!(count_bytes(long.as_bytes()), [1_000, 1_000, 1_000]);
        // Against a count of every byte, over bytes of every value at
        // every alignment.
        let bytes: Vec<u8> = (0..5_000u32).map(|i| (i * 7 + i / 13) as u8).collect();
        for start in 0..17 {
            let slice = &bytes[start..];
            let by_byte = [b'\n', b'\r', b'"'].map(|c| slice.iter().filter(|&&b| b == c).count());
            assert_eq!(count_bytes(slice), by_byte);
        }
    }

    #[test]
    fn precision_scales() {
        assert_eq!(precision(b"1", false, 5), 1);
        assert_eq!(precision(b"3", false, 5), 3);
        assert_eq!(precision(b"2", true, 5), 2);
        assert_eq!(precision(b"4", true, 5), 3);
        assert_eq!(precision(b"3", true, 7), 2);
        assert_eq!(precision(b"6", true, 7), 3);
        assert_eq!(precision(b"", false, 5), 0);
    }
}
