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
use crate::engine::data::source::TextEncoding;
use crate::engine::data::store::{flag, PlaceKey, SourceText, Store};
use crate::engine::read::decode::{sniff, ChunkDecoder, SNIFF_LEN};
use crate::engine::read::error::ImportError;
use crate::engine::read::layout::{recognise, ColumnMapping, Columns, Format, Layout};
use csv_core::{ReadRecordResult, Reader, ReaderBuilder};
use rustc_hash::FxHashMap;
use serde::Serialize;

/// A record longer than this is taken as a runaway quote.
pub const MAX_RECORD_BYTES: usize = 64 * 1024 * 1024;
/// How many example lines the report keeps for each kind of problem.
const EXAMPLES: usize = 5;

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
}

/// What an import found, for the user to check before trusting the data.
#[derive(Clone, Debug, Default, Serialize)]
pub struct ImportReport {
    pub format: String,
    pub format_id: Option<Format>,
    pub encoding: String,
    pub delimiter: String,
    pub bytes: u64,
    /// Data records in the file (excluding the header).
    pub rows_read: u64,
    pub rows_skipped: u64,
    /// Distinct events kept (monadic files: rows merged per event id).
    pub events: u64,
    /// Monadic files: rows that repeated an event already read.
    pub rows_merged: u64,
    pub skipped: Vec<Problem>,
    pub unparsed: Vec<Problem>,
    pub columns_used: Vec<String>,
    pub columns_ignored: Vec<String>,
    pub date_min: Option<String>,
    pub date_max: Option<String>,
    pub warnings: Vec<String>,
}

/// One kind of problem, how often it happened and where first.
#[derive(Clone, Debug, Default, Serialize, PartialEq)]
pub struct Problem {
    pub what: String,
    pub count: u64,
    pub examples: Vec<Example>,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Example {
    pub line: u64,
    pub value: String,
}

impl ImportReport {
    fn note(list: &mut Vec<Problem>, what: &str, line: u64, value: &[u8]) {
        let problem = match list.iter_mut().position(|p| p.what == what) {
            Some(i) => &mut list[i],
            None => {
                list.push(Problem {
                    what: what.to_string(),
                    ..Problem::default()
                });
                let last = list.len() - 1;
                &mut list[last]
            }
        };
        problem.count += 1;
        if problem.examples.len() < EXAMPLES {
            let mut value = String::from_utf8_lossy(&value[..value.len().min(80)]).into_owned();
            if value.len() < 80 && value.is_empty() {
                value = "(empty)".into();
            }
            problem.examples.push(Example { line, value });
        }
    }
}

/// A finished import.
pub struct Dataset {
    pub store: Store,
    pub report: ImportReport,
}

/// Imports a whole in-memory file (tests, the command line, small fetches).
pub fn import_bytes(bytes: &[u8], options: ImportOptions) -> Result<Dataset, ImportError> {
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
        parser.finish(self.bytes_in, &self.options)
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
        let text = decoder.decode(chunk, last);
        let parser = self.parser.get_or_insert_with(|| {
            Parser::new(
                encoding,
                self.options.hold_text || !encoding.is_passthrough(),
            )
        });
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
    categories: CategoryMap<LastValue>,
    admin3: LastValue,
    location: LastValue,
    actor1: LastValue,
    actor2: LastValue,
    assoc1: LastValue,
    assoc2: LastValue,
    lat: LastValue,
    lon: LastValue,
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
}

/// The CSV side of the importer: delimiter detection and record assembly.
struct Parser {
    hold: bool,
    held: Vec<u8>,
    /// Text buffered until the header line is complete.
    pending: Vec<u8>,
    reader: Option<Reader>,
    rec: RecordBuf,
    /// Byte position in the parsed text, and the line it is on.
    pos: u64,
    line: u64,
    record_start: u64,
    record_line: u64,
    last_byte: u8,
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
    empty_side: u32,
}

impl Parser {
    fn new(encoding: TextEncoding, hold: bool) -> Parser {
        let report = ImportReport {
            encoding: encoding.label().to_string(),
            ..ImportReport::default()
        };
        Parser {
            hold,
            held: Vec::new(),
            pending: Vec::new(),
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
            last_byte: 0,
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
                empty_side: NONE,
            },
        }
    }

    fn feed(
        &mut self,
        text: &[u8],
        last: bool,
        options: &ImportOptions,
    ) -> Result<(), ImportError> {
        if self.hold {
            self.held.extend_from_slice(text);
        }
        if self.reader.is_none() {
            self.pending.extend_from_slice(text);
            let Some(delimiter) = detect_delimiter(&self.pending, last) else {
                if self.pending.len() > 4 * 1024 * 1024 {
                    return Err(ImportError::RecordTooLong {
                        line: 1,
                        limit_mb: 4,
                    });
                }
                return Ok(());
            };
            self.rows.store.delimiter = delimiter;
            self.rows.report.delimiter = match delimiter {
                b'\t' => "tab".into(),
                d => (d as char).to_string(),
            };
            self.reader = Some(ReaderBuilder::new().delimiter(delimiter).build());
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
            self.line += consumed.iter().filter(|&&b| b == b'\n').count() as u64;
            if let Some(&b) = consumed.last() {
                self.last_byte = b;
            }
            self.pos += n_in as u64;
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
                    let span = Span {
                        start: self.record_start,
                        end: self.pos,
                        line: self.record_line,
                        unterminated_at_end: flushing && self.last_byte != b'"',
                    };
                    self.rows.record(&self.rec, span, options)?;
                    self.rec.out_len = 0;
                    self.rec.ends_len = 0;
                    self.record_start = self.pos;
                    // csv-core ends a CRLF record at the \r; its \n is read
                    // with the next record but belongs to this line.
                    self.record_line = self.line + u64::from(self.last_byte == b'\r');
                }
                ReadRecordResult::End => return Ok(()),
            }
        }
    }

    fn finish(self, bytes: u64, options: &ImportOptions) -> Result<Dataset, ImportError> {
        let held = self.hold.then_some(self.held);
        self.rows.finish(bytes, held, options)
    }
}

/// Where a record lies in the parsed text.
#[derive(Clone, Copy)]
struct Span {
    start: u64,
    end: u64,
    line: u64,
    /// The file ended inside this record without a closing quote or newline.
    unterminated_at_end: bool,
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
            return self.header(rec, options);
        }
        self.report.rows_read += 1;
        let line = span.line;
        let n = rec.len();
        if n != self.header_len {
            let spans_lines = (0..n).any(|i| rec.field(i).contains(&b'\n'));
            if span.unterminated_at_end && spans_lines {
                return Err(ImportError::UnclosedQuote { line });
            }
            let extra_are_empty =
                (self.header_len..n).all(|i| rec.field(i).iter().all(u8::is_ascii_whitespace));
            let enough = n > self.last_named_column;
            if !(enough && extra_are_empty) {
                let what = if n < self.header_len {
                    format!("too few fields (expected {})", self.header_len)
                } else {
                    format!("too many fields (expected {})", self.header_len)
                };
                let shown = format!("{n} fields");
                ImportReport::note(&mut self.report.skipped, &what, line, shown.as_bytes());
                self.report.rows_skipped += 1;
                return Ok(());
            }
        }
        self.event(rec, span);
        Ok(())
    }

    fn header(&mut self, rec: &RecordBuf, options: &ImportOptions) -> Result<(), ImportError> {
        let header: Vec<String> = (0..rec.len())
            .map(|i| String::from_utf8_lossy(rec.field(i)).into_owned())
            .collect();
        let layout = recognise(&header, options.mapping.as_ref())?;
        self.header_len = header.len();
        self.last_named_column = header
            .iter()
            .rposition(|h| !h.trim().is_empty())
            .unwrap_or(0);
        let used = layout.columns.used();
        self.report.format = layout.format.label().to_string();
        self.report.format_id = Some(layout.format);
        self.report.columns_used = used
            .iter()
            .map(|&(role, c)| {
                let name = &layout.header[c];
                if name.eq_ignore_ascii_case(role) {
                    name.clone()
                } else {
                    format!("{name} (as {role})")
                }
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
        Ok(())
    }

    fn event(&mut self, rec: &RecordBuf, span: Span) {
        let Some(layout) = self.layout.as_ref() else {
            return;
        };
        let format = layout.format;
        let date_order = layout.date_order;
        let ucdp = format == Format::UcdpGed;
        let line = span.line;
        let c = &self.columns;

        let date_field = rec.field(c.date);
        let day = if self.caches.date.valid && self.caches.date.bytes == date_field {
            self.caches.date.code as Day
        } else {
            match date::parse(date_field, date_order) {
                Some(d) => {
                    let cache = &mut self.caches.date;
                    cache.bytes.clear();
                    cache.bytes.extend_from_slice(date_field);
                    cache.code = d as u32;
                    cache.valid = true;
                    d
                }
                None => {
                    let what = if date_field.iter().all(u8::is_ascii_whitespace) {
                        "the date is empty"
                    } else {
                        "the date did not parse"
                    };
                    ImportReport::note(&mut self.report.skipped, what, line, date_field);
                    self.report.rows_skipped += 1;
                    return;
                }
            }
        };

        // Monadic exports repeat an event once per actor: the second row
        // supplies the other side; fatalities are counted once.
        if format == Format::AcledMonadic {
            if let Some(id_col) = c.event_id {
                let id = rec.field(id_col);
                if !id.is_empty() {
                    if let Some(&row) = self.event_ids.get(id) {
                        let side = self.side(rec, c.actor1, c.assoc_actor_1, true);
                        let row = row as usize;
                        if self.store.side2[row] == self.empty_side && self.store.side1[row] != side
                        {
                            self.store.side2[row] = side;
                        }
                        self.report.rows_merged += 1;
                        return;
                    }
                    self.event_ids
                        .insert(id.into(), self.store.date.len() as u32);
                }
            }
        }
        let c = self.columns.clone();

        let type_field: &[u8] = match (ucdp, c.event_type) {
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
        let sub_event_type =
            self.intern(rec, c.sub_event_type, Col::Category(Category::SubEventType));
        let disorder_type =
            self.intern(rec, c.disorder_type, Col::Category(Category::DisorderType));

        let type_name = self.store.names[Category::EventType].name(event_type);
        let civilian = match c.civilian_targeting {
            Some(col) => !trim(rec.field(col)).is_empty(),
            None => type_name == "Violence against civilians" || type_name == "One-sided violence",
        };
        let time_precision = c
            .time_precision
            .map_or(0, |col| precision(rec.field(col), ucdp, 5));
        let geo_precision = c
            .geo_precision
            .map_or(0, |col| precision(rec.field(col), ucdp, 7));
        let flags = (u8::from(civilian) * flag::CIVILIAN_TARGETING)
            | (time_precision << flag::TIME_PRECISION_SHIFT)
            | (geo_precision << flag::GEO_PRECISION_SHIFT);

        let place = self.place(rec, &c, geo_precision, line);
        let fatalities = self.count(rec, c.fatalities, "fatalities", line);
        let side1 = self.side(rec, c.actor1, c.assoc_actor_1, true);
        let side2 = self.side(rec, c.actor2, c.assoc_actor_2, false);

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
            let end_field = c.date_end.map_or(&b""[..], |col| rec.field(col));
            let end = date::parse(end_field, DateOrder::Auto)
                .unwrap_or(day)
                .max(day);
            self.store.date_end.push(end);
            let low = self.count(rec, c.fatalities_low, "low", line);
            let high = self.count(rec, c.fatalities_high, "high", line);
            let civilians = self.count(rec, c.civilian_deaths, "deaths_civilians", line);
            self.store.fatalities_low.push(low);
            self.store.fatalities_high.push(high);
            self.store.civilian_deaths.push(civilians);
        }
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
            Col::Admin3 => (&mut self.caches.admin3, &mut self.store.admin3s),
            Col::Location => (&mut self.caches.location, &mut self.store.locations),
        };
        cache.intern(bytes, dict)
    }

    fn place(&mut self, rec: &RecordBuf, c: &Columns, geo_precision: u8, line: u64) -> u32 {
        let country = self.intern(rec, c.country, Col::Category(Category::Country));
        let admin1 = self.intern(rec, c.admin1, Col::Category(Category::Admin1));
        let admin2 = self.intern(rec, c.admin2, Col::Category(Category::Admin2));
        let admin3 = self.intern(rec, c.admin3, Col::Admin3);
        let location = self.intern(rec, c.location, Col::Location);
        let lat = self.coordinate(rec, c.latitude, true, line);
        let lon = self.coordinate(rec, c.longitude, false, line);
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

    fn coordinate(
        &mut self,
        rec: &RecordBuf,
        column: Option<usize>,
        is_lat: bool,
        line: u64,
    ) -> f32 {
        let Some(col) = column else {
            return f32::NAN;
        };
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
                let name = if is_lat {
                    "latitude (not a coordinate, left empty)"
                } else {
                    "longitude (not a coordinate, left empty)"
                };
                ImportReport::note(&mut self.report.unparsed, name, line, field);
                f32::NAN
            }
        };
        cache.bytes.clear();
        cache.bytes.extend_from_slice(field);
        cache.code = value.to_bits();
        cache.valid = true;
        value
    }

    fn count(&mut self, rec: &RecordBuf, column: Option<usize>, name: &str, line: u64) -> u32 {
        let Some(col) = column else {
            return 0;
        };
        let field = rec.field(col);
        match parse_count(field) {
            Ok(Some(n)) => n,
            Ok(None) => {
                ImportReport::note(
                    &mut self.report.unparsed,
                    &format!("{name} (empty, read as 0)"),
                    line,
                    b"",
                );
                0
            }
            Err(NotACount) => {
                ImportReport::note(
                    &mut self.report.unparsed,
                    &format!("{name} (not a whole number, read as 0)"),
                    line,
                    field,
                );
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
        store.sides.intern(primary, list, || {
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
        })
    }

    fn finish(
        mut self,
        bytes: u64,
        held: Option<Vec<u8>>,
        options: &ImportOptions,
    ) -> Result<Dataset, ImportError> {
        if self.layout.is_none() {
            return Err(ImportError::EmptyFile);
        }
        if self.report.rows_read == 0 {
            return Err(ImportError::HeaderOnly);
        }
        if self.store.is_empty() {
            let first_problem = self
                .report
                .skipped
                .first()
                .map(|p| match p.examples.first() {
                    Some(e) => format!(
                        "line {}: {} (\"{}\"). {}",
                        e.line,
                        p.what,
                        e.value,
                        hint(&p.what)
                    ),
                    None => p.what.clone(),
                })
                .unwrap_or_else(|| "no rows".into());
            return Err(ImportError::NoUsableRows { first_problem });
        }
        self.store.places.seal();
        self.store.sides.seal();
        self.store.locations.seal();
        self.store.admin3s.seal();
        self.store.names[Category::Admin2].seal();
        let aliases = options.aliases.clone().unwrap_or_default();
        self.store.fold_actors(aliases, Vec::new());
        self.store.source = match held {
            Some(text) => SourceText::InMemory(text),
            None => SourceText::External {
                offset: self.store.encoding.bom_len() as u64,
            },
        };
        let report = &mut self.report;
        report.bytes = bytes;
        report.events = self.store.len() as u64;
        report.date_min = self.store.date.iter().min().map(|&d| date::format_iso(d));
        report.date_max = self.store.date.iter().max().map(|&d| date::format_iso(d));
        if report.rows_merged > 0 {
            report.warnings.push(format!(
                "{} rows repeated an event already read (one row per actor); each event is counted once, with its fatalities once.",
                report.rows_merged
            ));
        }
        if self.store.places.lat.iter().all(|v| v.is_nan()) {
            report
                .warnings
                .push("No row has coordinates, so the map stays empty.".into());
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
    Admin3,
    Location,
}

fn hint(what: &str) -> &'static str {
    if what.contains("date") {
        "Dates must look like 2022-05-05, 22 February 2019 or 05/05/2022; if this file uses another form, load it through the column mapping and choose the date order."
    } else if what.contains("fields") {
        "The rows do not have as many columns as the header; the file may use a different separator or have been cut off."
    } else {
        ""
    }
}

/// Codes above `u16::MAX` cannot happen for type columns in real files
/// (ACLED has a few dozen types); saturate rather than wrap if one does.
fn code16(code: u32) -> u16 {
    if code == NONE {
        u16::MAX
    } else {
        code.min(u32::from(u16::MAX - 1)) as u16
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
pub struct NotACount;

/// A count such as `12`, `1,200`, `1 200` or `12.0`; `Ok(None)` when empty.
pub fn parse_count(field: &[u8]) -> Result<Option<u32>, NotACount> {
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

/// Picks the delimiter from the first line: the one of `,` `;` tab that
/// occurs most often outside quotes. `None` until a full line is buffered.
fn detect_delimiter(text: &[u8], last: bool) -> Option<u8> {
    let mut in_quotes = false;
    let mut counts = [0usize; 3];
    let mut complete = last;
    for &b in text {
        match b {
            b'"' => in_quotes = !in_quotes,
            b'\n' if !in_quotes => {
                complete = true;
                break;
            }
            b',' if !in_quotes => counts[0] += 1,
            b';' if !in_quotes => counts[1] += 1,
            b'\t' if !in_quotes => counts[2] += 1,
            _ => {}
        }
    }
    if !complete {
        return None;
    }
    let delimiters = [b',', b';', b'\t'];
    let best = (0..3)
        .max_by_key(|&i| (counts[i], usize::from(i == 0)))
        .unwrap_or(0);
    Some(delimiters[best])
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
        assert_eq!(detect_delimiter(b"a,b,c\n", false), Some(b','));
        assert_eq!(detect_delimiter(b"a;b;c\n1,5;2;3", false), Some(b';'));
        assert_eq!(detect_delimiter(b"a\tb\tc\n", false), Some(b'\t'));
        assert_eq!(detect_delimiter(b"\"a,x\";b;c\n", false), Some(b';'));
        assert_eq!(detect_delimiter(b"a,b,c", false), None);
        assert_eq!(detect_delimiter(b"a,b,c", true), Some(b','));
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
