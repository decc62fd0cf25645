//! Loading data: the bundled dataset at start, a CSV named in the link
//! (`?data=URL`) streamed from the network, and a user's file read in
//! chunks, each with progress and Cancel, through the streaming importer.
//! A failed import leaves the dataset already shown in place.

use super::dom;
use super::import_worker::{self, Outcome};
use super::state::{AppState, CompareSettings, DatasetInfo, Loaded, Origin};
use super::workbook::{self, WorkbookFailure};
use super::Ctx;
use crate::engine::data::date::Day;
use crate::engine::present::format::bytes;
use crate::engine::query::{Filters, QueryState};
use crate::engine::read::container::ContainerError;
use crate::engine::read::dates::FieldOrder;
use crate::engine::read::decode::SNIFF_LEN;
use crate::engine::read::import::sample_ranges;
use crate::engine::read::json::read_json;
use crate::engine::read::layout::ColumnMapping;
use crate::engine::read::limits::check_size;
use crate::engine::read::open::{converted_options, kind_of, FileKind, Opened};
use crate::engine::{import_bytes, Dataset, ImportError, ImportOptions, Importer, Store};
use js_sys::{Reflect, Uint8Array};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The bundled dataset, relative to the page (the site may live under a
/// sub-path).
pub const BUNDLED_URL: &str = "data/wagner-mali-events.csv";
/// Bytes read per step.
pub(super) const CHUNK: u64 = 4 * 1024 * 1024;
/// Files up to this size keep their text in memory (notes without
/// re-reading the file); larger ones are read back with `Blob.slice`.
const HOLD_TEXT_BELOW: u64 = 64 * 1024 * 1024;
/// What a browser tab can reasonably hold for the columns of a file this
/// large (about 32 bytes per event; a full ACLED export is about 1.3 GB).
pub(super) const SIZE_LIMIT: u64 = 3_000_000_000;
/// Most bytes a linked file (`?data=`) may send, counted as they arrive.
const REMOTE_LIMIT: u64 = 1_000_000_000;
/// Largest JSON document read: it is read whole, then turned into CSV text
/// held in memory beside it.
const JSON_LIMIT: u64 = 300_000_000;
/// Largest workbook read: the reader holds every cell of its sheet, several
/// times the file's (compressed) size, then the CSV text it becomes.
const WORKBOOK_LIMIT: u64 = 100_000_000;

/// Progress of a file being read.
#[derive(Clone, Debug, PartialEq)]
pub struct Progress {
    pub name: String,
    pub bytes: u64,
    pub total: u64,
    pub rows: u64,
    pub started_ms: f64,
    pub now_ms: f64,
}

impl Progress {
    /// Nothing read yet of `total` bytes of `name`, from now.
    pub(super) fn start(name: String, total: u64) -> Progress {
        let now = dom::now_ms();
        Progress {
            name,
            bytes: 0,
            total,
            rows: 0,
            started_ms: now,
            now_ms: now,
        }
    }

    pub fn fraction(&self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            (self.bytes as f64 / self.total as f64).clamp(0.0, 1.0)
        }
    }

    pub fn rows_per_second(&self) -> u64 {
        let seconds = (self.now_ms - self.started_ms) / 1000.0;
        if seconds <= 0.0 {
            0
        } else {
            (self.rows as f64 / seconds) as u64
        }
    }
}

/// A file whose dates read day first and month first alike, waiting for
/// the user to say which.
#[derive(Clone, Debug, PartialEq)]
pub struct DateQuestion {
    pub file_name: String,
    /// Dates with their day-first and month-first readings.
    pub examples: Vec<(String, Day, Day)>,
    /// The column mapping the file was being read with, if any.
    pub mapping: Option<ColumnMapping>,
}

/// What the loader is doing, shown on the page as `data-load-state` so
/// that browser tests wait for the state instead of for a time.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LoadState {
    /// Nothing is being read (a file waits for its column mapping).
    #[default]
    Idle,
    Loading,
    /// Cancel was pressed; the read has not yet stopped.
    Cancelling,
    /// The cancelled read has stopped: it can no longer change the page.
    Cancelled,
    Done,
    Failed,
}

impl LoadState {
    pub fn name(self) -> &'static str {
        match self {
            LoadState::Idle => "idle",
            LoadState::Loading => "loading",
            LoadState::Cancelling => "cancelling",
            LoadState::Cancelled => "cancelled",
            LoadState::Done => "done",
            LoadState::Failed => "failed",
        }
    }
}

/// A read that a newer load or Cancel made stale has stopped: after Cancel,
/// the page can say the cancelled read is over (a newer load keeps its own
/// state).
fn stale_read_stopped(ctx: Ctx) {
    if ctx.load_state.get_untracked() == LoadState::Cancelling {
        ctx.load_state.set(LoadState::Cancelled);
    }
}

/// A file waiting for the user to say which column is what.
#[derive(Clone, Debug, PartialEq)]
pub struct MappingRequest {
    pub file_name: String,
    pub headers: Vec<String>,
    pub mapping: ColumnMapping,
}

/// Fetches and imports the bundled dataset.
pub fn load_bundled(ctx: Ctx) {
    let generation = ctx.load_generation.get_value() + 1;
    ctx.load_generation.set_value(generation);
    ctx.load_state.set(LoadState::Loading);
    let current = move || ctx.load_generation.get_value() == generation;
    spawn_local(async move {
        let bytes = match dom::fetch_bytes(BUNDLED_URL).await {
            Ok(b) => b,
            Err(message) => {
                if current() {
                    ctx.load_state.set(LoadState::Failed);
                }
                ctx.error.set(Some(message));
                return;
            }
        };
        let options = ImportOptions {
            hold_text: true,
            keep_event_keys: true,
            ..ImportOptions::default()
        };
        match import_bytes(&bytes, options) {
            // A file opened meanwhile wins.
            Ok(_) if !current() => {}
            Ok(dataset) => {
                let prepared = Prepared::at_once(&dataset.store);
                install(ctx, dataset, prepared, Origin::Bundled, None, false, true);
            }
            Err(e) => {
                if current() {
                    ctx.load_state.set(LoadState::Failed);
                }
                ctx.error.set(Some(crate::t!(
                    "load-bundled-failed",
                    reason = e.to_string()
                )))
            }
        }
    });
}

/// Starts reading a user's file (cancelling any file still being read).
pub fn load_file(
    ctx: Ctx,
    file: web_sys::File,
    mapping: Option<ColumnMapping>,
    date_order: Option<FieldOrder>,
) {
    let generation = ctx.load_generation.get_value() + 1;
    ctx.load_generation.set_value(generation);
    ctx.error.set(None);
    ctx.mapping.set(None);
    ctx.date_question.set(None);
    ctx.load_state.set(LoadState::Loading);
    spawn_local(async move {
        let name = file.name();
        let reading = Reading {
            progress: ctx.progress,
            cancelled: &|| ctx.load_generation.get_value() != generation,
        };
        match read_file(&file, mapping.clone(), date_order, &reading).await {
            Ok(Some(dataset)) => {
                let prepared = prepare(ctx, &dataset.store).await;
                if ctx.load_generation.get_value() != generation {
                    return stale_read_stopped(ctx);
                }
                ctx.progress.set(None);
                let origin = Origin::File { name };
                install(ctx, dataset, prepared, origin, Some(file), true, false);
            }
            Ok(None) => stale_read_stopped(ctx),
            Err(Failure::Import(ImportError::AmbiguousDateOrder { examples })) => {
                ctx.progress.set(None);
                ctx.load_state.set(LoadState::Idle);
                ctx.pending_file.set_value(Some(file));
                ctx.date_question.set(Some(DateQuestion {
                    file_name: name,
                    examples,
                    mapping,
                }));
            }
            Err(Failure::Import(ImportError::UnknownLayout { headers })) => {
                ctx.progress.set(None);
                ctx.load_state.set(LoadState::Idle);
                let mapping = ColumnMapping::suggest(&headers);
                ctx.pending_file.set_value(Some(file));
                ctx.mapping.set(Some(MappingRequest {
                    file_name: name,
                    headers,
                    mapping,
                }));
            }
            Err(failure) => {
                if ctx.load_generation.get_value() == generation {
                    ctx.progress.set(None);
                    ctx.load_state.set(LoadState::Failed);
                    ctx.error.set(Some(crate::t!(
                        "load-file-failed",
                        name = name,
                        sentence = failure.sentence()
                    )));
                } else {
                    stale_read_stopped(ctx);
                }
            }
        }
    });
}

/// The full address of `url` as the browser resolves it against the page,
/// so a linked file is always named by its origin and path.
fn absolute_address(url: &str) -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .and_then(|base| web_sys::Url::new_with_base(url, &base).ok())
        .map_or_else(|| url.to_string(), |u| u.href())
}

/// Streams the CSV at `url` (relative to the page, or absolute on a host
/// that allows other sites to read it: CORS) into the importer, with the
/// progress and Cancel of a dropped file. The view the link describes
/// stays; on failure the dataset on show stays too (the bundled one, if
/// none was loaded yet).
pub fn load_remote(ctx: Ctx, url: String) {
    let generation = ctx.load_generation.get_value() + 1;
    ctx.load_generation.set_value(generation);
    ctx.error.set(None);
    ctx.mapping.set(None);
    ctx.load_state.set(LoadState::Loading);
    spawn_local(async move {
        let result = match fetch_remote(ctx, &url, generation).await {
            Ok(Some((dataset, file))) => {
                let prepared = prepare(ctx, &dataset.store).await;
                Ok(Some((dataset, prepared, file)))
            }
            Ok(None) => Ok(None),
            Err(message) => Err(message),
        };
        let current = ctx.load_generation.get_value() == generation;
        if current {
            ctx.progress.set(None);
        }
        match result {
            Ok(Some(_)) if !current => stale_read_stopped(ctx),
            Ok(Some((dataset, prepared, file))) => {
                let url = absolute_address(&url);
                install(
                    ctx,
                    dataset,
                    prepared,
                    Origin::Remote { url },
                    file,
                    false,
                    true,
                );
            }
            Ok(None) => stale_read_stopped(ctx),
            Err(message) => {
                if !current {
                    stale_read_stopped(ctx);
                } else {
                    ctx.load_state.set(LoadState::Failed);
                    let fallback = ctx.info.with_untracked(Option::is_none);
                    let tail = if fallback {
                        crate::t!("load-fallback-bundled")
                    } else {
                        crate::t!("load-fallback-stays")
                    };
                    ctx.error.set(Some(format!("{message}{tail}")));
                    if fallback {
                        load_bundled(ctx);
                    } else {
                        // The link's view waited for a dataset that never
                        // came: it must not apply to the next file, and the
                        // address bar goes back to the view on show (a
                        // link reached by Back or Forward).
                        ctx.recipe.set_value(None);
                        ctx.app.update(|_| {});
                    }
                }
            }
        }
    });
}

/// Downloads and imports `url`; `Ok(None)` when cancelled. Large files
/// (or files of unknown size) keep their text out of wasm memory: the
/// downloaded chunks become a `File` that records are read back from.
async fn fetch_remote(
    ctx: Ctx,
    url: &str,
    generation: u64,
) -> Result<Option<(Dataset, Option<web_sys::File>)>, String> {
    let cancelled = move || ctx.load_generation.get_value() != generation;
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|e| {
            crate::t!(
                "load-fetch-failed",
                url = url,
                reason = dom::js_error_text(&e)
            )
        })?;
    let response: web_sys::Response = response.dyn_into().map_err(|e| dom::js_error_text(&e))?;
    if !response.ok() {
        return Err(crate::t!(
            "load-http-status",
            url = url,
            status = format!("{} {}", response.status(), response.status_text())
        ));
    }
    if cancelled() {
        return Ok(None);
    }
    let total = response
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|v| v.trim().parse::<u64>().ok());
    // What the server says of the size is shown, never trusted: a
    // compressed answer can inflate far past its Content-Length. The text
    // is not held in the importer; records are read back from the bytes
    // received, kept as a Blob outside the wasm memory, and the import
    // stops once more bytes arrive than a linked file may have.
    let mut importer = Importer::new(ImportOptions {
        hold_text: false,
        size_limit: Some(REMOTE_LIMIT),
        keep_event_keys: true,
        ..ImportOptions::default()
    });
    let import_error = |e: ImportError| match e {
        ImportError::UnknownLayout { .. } => crate::t!("load-remote-unknown-layout", url = url),
        e => crate::t!("load-remote-unreadable", url = url, reason = e.to_string()),
    };
    let mut progress = Progress::start(url.to_string(), total.unwrap_or(0));
    ctx.progress.set(Some(progress.clone()));
    let parts = js_sys::Array::new();
    let name = url.rsplit('/').next().unwrap_or("data.csv");
    // The first bytes say whether this is CSV text, streamed into the
    // importer, or a JSON document or workbook, collected whole.
    let mut kind: Option<FileKind> = None;
    let mut whole: Vec<u8> = Vec::new();
    let failure_text = |failure: Failure| match failure {
        Failure::Import(e) => import_error(e),
        Failure::Read(sentence) => {
            crate::t!("load-remote-unreadable", url = url, reason = sentence)
        }
    };
    let settle_kind = |head: &mut Vec<u8>, importer: &mut Importer| {
        let kind = kind_of(&head[..head.len().min(SNIFF_LEN)], name);
        if kind == FileKind::Text {
            importer.push(head).map_err(import_error)?;
            *head = Vec::new();
        } else {
            check_whole_size(kind, head.len() as u64).map_err(failure_text)?;
        }
        Ok::<FileKind, String>(kind)
    };
    let mut received: u64 = 0;
    let mut since_yield: u64 = 0;
    let mut buffer = Vec::new();
    if let Some(body) = response.body() {
        let reader: web_sys::ReadableStreamDefaultReader = body
            .get_reader()
            .dyn_into()
            .map_err(|e| dom::js_error_text(&e))?;
        loop {
            let step = JsFuture::from(reader.read()).await.map_err(|e| {
                crate::t!(
                    "load-broke-off",
                    url = url,
                    received = bytes(received),
                    reason = dom::js_error_text(&e)
                )
            })?;
            if cancelled() {
                let _ = reader.cancel();
                return Ok(None);
            }
            let done = Reflect::get(&step, &JsValue::from_str("done"))
                .ok()
                .and_then(|v| v.as_bool())
                .unwrap_or(true);
            if done {
                break;
            }
            let Some(chunk) = Reflect::get(&step, &JsValue::from_str("value"))
                .ok()
                .and_then(|v| v.dyn_into::<Uint8Array>().ok())
            else {
                continue;
            };
            parts.push(&chunk);
            buffer.resize(chunk.length() as usize, 0);
            chunk.copy_to(&mut buffer);
            received += buffer.len() as u64;
            since_yield += buffer.len() as u64;
            match kind {
                Some(FileKind::Text) => importer.push(&buffer).map_err(import_error)?,
                Some(whole_kind) => {
                    whole.extend_from_slice(&buffer);
                    check_whole_size(whole_kind, received).map_err(failure_text)?;
                }
                None => {
                    whole.extend_from_slice(&buffer);
                    if whole.len() >= SNIFF_LEN {
                        kind = Some(settle_kind(&mut whole, &mut importer)?);
                    }
                }
            }
            if since_yield >= CHUNK / 4 {
                since_yield = 0;
                progress.bytes = received;
                progress.rows = importer.rows_read();
                progress.now_ms = dom::now_ms();
                ctx.progress.set(Some(progress.clone()));
                dom::yield_now().await;
                if cancelled() {
                    let _ = reader.cancel();
                    return Ok(None);
                }
            }
        }
    }
    let kind = match kind {
        Some(kind) => kind,
        None => settle_kind(&mut whole, &mut importer)?,
    };
    if kind != FileKind::Text {
        // Converted text is held in memory; records are read from it, not
        // from the bytes received.
        return match import_whole(&cancelled, kind, whole, None, None).await {
            Ok(dataset) => Ok(dataset.map(|d| (d, None))),
            Err(failure) => Err(failure_text(failure)),
        };
    }
    let dataset = importer.finish().map_err(import_error)?;
    if cancelled() {
        return Ok(None);
    }
    let file = web_sys::File::new_with_u8_array_sequence(&parts, name).ok();
    Ok(Some((dataset, file)))
}

/// Stops reading the current file; the dataset on show stays (the bundled
/// one, if a link's `?data=` was cancelled before anything was shown).
pub fn cancel(ctx: Ctx) {
    ctx.load_generation.update_value(|g| *g += 1);
    workbook::stop();
    import_worker::wake();
    ctx.progress.set(None);
    ctx.load_state.set(LoadState::Cancelling);
    if ctx.info.with_untracked(Option::is_none) {
        load_bundled(ctx);
    }
}

/// Why reading a file stopped.
pub(super) enum Failure {
    Import(ImportError),
    /// The browser could not read the file (moved, deleted, no permission).
    Read(String),
}

impl Failure {
    /// What went wrong, in a sentence (without the file's name).
    pub(super) fn sentence(self) -> String {
        match self {
            Failure::Import(e) => e.to_string(),
            Failure::Read(message) => message,
        }
    }
}

/// Where a file being read shows its progress, and how the read learns
/// it is no longer wanted (Cancel, a newer file).
pub(super) struct Reading<'a> {
    pub progress: RwSignal<Option<Progress>>,
    pub cancelled: &'a dyn Fn() -> bool,
}

impl From<ImportError> for Failure {
    fn from(e: ImportError) -> Self {
        Failure::Import(e)
    }
}

/// Reads `file` chunk by chunk into the importer, yielding to the browser
/// between chunks: the dataset on show and a second file alike (each
/// event's id is kept, so two versions can be matched). `Ok(None)` when
/// cancelled.
pub(super) async fn read_file(
    file: &web_sys::File,
    mapping: Option<ColumnMapping>,
    date_order: Option<FieldOrder>,
    reading: &Reading<'_>,
) -> Result<Option<Dataset>, Failure> {
    let cancelled = reading.cancelled;
    let total = file.size() as u64;
    // A file too large for the tab is refused before any of it is read.
    check_size(total, SIZE_LIMIT).map_err(Failure::Import)?;
    // A JSON document or a workbook is read whole and turned into rows
    // first.
    let head_len = total.min(SNIFF_LEN as u64);
    let head = dom::start_read(file, 0, head_len)
        .map_err(Failure::Read)?
        .await
        .map_err(Failure::Read)?;
    let kind = kind_of(&head, &file.name());
    if kind != FileKind::Text {
        check_whole_size(kind, total)?;
        let bytes = dom::start_read(file, 0, total)
            .map_err(Failure::Read)?
            .await
            .map_err(Failure::Read)?;
        if cancelled() {
            return Ok(None);
        }
        return import_whole(cancelled, kind, bytes, mapping, date_order).await;
    }
    // CSV text is read in a worker, leaving the page free; the page reads
    // it itself only if no worker can start.
    match import_worker::read_in_worker(file, mapping.clone(), date_order, reading).await {
        Outcome::Read(result) => return *result,
        Outcome::Unavailable => {}
    }
    // Slices from throughout the file, so its date form is chosen from
    // values spread through it.
    let mut date_sample = Vec::new();
    for range in sample_ranges(total) {
        let read = dom::start_read(file, range.start, range.end).map_err(Failure::Read)?;
        date_sample.push(read.await.map_err(Failure::Read)?);
    }
    let mut progress = Progress::start(file.name(), total);
    reading.progress.set(Some(progress.clone()));
    let mut importer = Importer::new(file_options(total, mapping, date_order, date_sample));
    let mut offset = 0;
    let mut next = (total > 0)
        .then(|| dom::start_read(file, 0, CHUNK.min(total)))
        .transpose()
        .map_err(Failure::Read)?;
    while let Some(pending) = next.take() {
        let chunk = pending.await.map_err(Failure::Read)?;
        if cancelled() {
            return Ok(None);
        }
        let end = (offset + chunk.len() as u64).min(total);
        if end < total {
            // Read the next slice while this one is parsed.
            next =
                Some(dom::start_read(file, end, (end + CHUNK).min(total)).map_err(Failure::Read)?);
        }
        importer.push(&chunk)?;
        offset = end;
        progress.bytes = importer.bytes_read();
        progress.rows = importer.rows_read();
        progress.now_ms = dom::now_ms();
        reading.progress.set(Some(progress.clone()));
        dom::yield_now().await;
        if cancelled() {
            return Ok(None);
        }
    }
    let dataset = importer.finish()?;
    // Let the page paint before the dataset is installed and first drawn.
    dom::yield_now().await;
    if cancelled() {
        return Ok(None);
    }
    Ok(Some(dataset))
}

/// How a user's CSV file of `total` bytes is imported, on the page or in
/// the import worker alike.
pub(super) fn file_options(
    total: u64,
    mapping: Option<ColumnMapping>,
    date_order: Option<FieldOrder>,
    date_sample: Vec<Vec<u8>>,
) -> ImportOptions {
    ImportOptions {
        mapping,
        hold_text: total < HOLD_TEXT_BELOW,
        size_limit: Some(SIZE_LIMIT),
        date_order,
        date_sample,
        keep_event_keys: true,
        ..ImportOptions::default()
    }
}

/// Refuses a JSON document or workbook too large to be read whole.
fn check_whole_size(kind: FileKind, bytes: u64) -> Result<(), Failure> {
    let (what, limit) = if kind == FileKind::Workbook {
        ("workbook", WORKBOOK_LIMIT)
    } else {
        ("JSON file", JSON_LIMIT)
    };
    if bytes > limit {
        return Err(Failure::Import(ImportError::Container(
            ContainerError::TooLargeToReadWhole {
                what: what.to_string(),
                bytes,
                limit_bytes: limit,
            },
        )));
    }
    Ok(())
}

/// Imports a JSON document or a workbook held whole in `bytes`: turned
/// into CSV text (a workbook by the Excel reader's worker), then imported
/// from memory. The report says what the events were read from (which
/// sheet) before the conversion's own warnings. `Ok(None)` when cancelled.
async fn import_whole(
    cancelled: &dyn Fn() -> bool,
    kind: FileKind,
    bytes: Vec<u8>,
    mapping: Option<ColumnMapping>,
    date_order: Option<FieldOrder>,
) -> Result<Option<Dataset>, Failure> {
    let file_bytes = bytes.len() as u64;
    let converted = match kind {
        FileKind::Workbook => match workbook::read_in_worker(&bytes).await {
            Ok(converted) => converted,
            Err(WorkbookFailure::Refused(sentence)) => return Err(Failure::Read(sentence)),
            Err(WorkbookFailure::Stopped(sentence)) => return Err(Failure::Read(sentence)),
            Err(WorkbookFailure::Cancelled) => return Ok(None),
        },
        FileKind::Json => read_json(&bytes).map_err(|e| Failure::Import(e.into()))?,
        FileKind::Text => {
            let options = ImportOptions {
                mapping,
                date_order,
                hold_text: true,
                keep_event_keys: true,
                ..ImportOptions::default()
            };
            return Ok(Some(import_bytes(&bytes, options)?));
        }
    };
    drop(bytes);
    if cancelled() {
        return Ok(None);
    }
    let options = converted_options(ImportOptions {
        mapping,
        date_order,
        keep_event_keys: true,
        ..ImportOptions::default()
    });
    let dataset = import_bytes(converted.text.as_bytes(), options)?;
    let mut warnings = vec![converted.container.describe()];
    warnings.retain(|w| !w.is_empty());
    warnings.extend(converted.warnings);
    let opened = Opened::from_converted(dataset, converted.container, warnings, file_bytes);
    Ok(Some(opened.dataset))
}

/// Events counted into the first views per task at the end of a load
/// (about 30 ms of wasm each).
const WARM_UP_ROWS: usize = 200_000;

/// What a dataset about to be shown needs worked out first: its filter
/// state, the default comparison and its last day.
struct Prepared {
    state: QueryState,
    default_compare: CompareSettings,
    last_day: Option<Day>,
}

impl Prepared {
    /// All in one go, for a small dataset.
    fn at_once(store: &Store) -> Prepared {
        Prepared::with_state(QueryState::new(store), store)
    }

    /// The rest, for `state`: a pass over every date (about 20 ms at a
    /// million events).
    fn with_state(state: QueryState, store: &Store) -> Prepared {
        Prepared {
            state,
            default_compare: CompareSettings::default_for(&store.date),
            last_day: store.date.iter().copied().max(),
        }
    }
}

/// [`Prepared`] for a user's dataset, with the sums of its first views
/// already counted, in tasks of their own: at a million events this takes
/// a good part of a second, and the task that shows the dataset is then
/// left with the drawing. (The sums are counted for the timeline's bin on
/// show with no filter, which is how a user's file opens; a link's view
/// that differs is counted when it applies.)
async fn prepare(ctx: Ctx, store: &Store) -> Prepared {
    let state = QueryState::new(store);
    dom::yield_now().await;
    let prepared = Prepared::with_state(state, store);
    let bin = ctx.app.with_untracked(|a| a.bin);
    let spec = super::view_spec(bin);
    loop {
        dom::yield_now().await;
        if prepared.state.warm_up(store, &spec, WARM_UP_ROWS) {
            break;
        }
    }
    // The dataset is installed (and first drawn) in a task of its own.
    dom::yield_now().await;
    prepared
}

/// Makes `dataset` the one on show (`prepared` holds its new filter state). A view waiting in `ctx.recipe` (from
/// the link) applies to it; otherwise a user's file starts with no
/// filters (it has other names), while a dataset the link asked for
/// (`keep_view`) keeps the filters on show. The other view settings stay.
fn install(
    ctx: Ctx,
    dataset: Dataset,
    prepared: Prepared,
    origin: Origin,
    file: Option<web_sys::File>,
    show_report: bool,
    keep_view: bool,
) {
    let Dataset { store, report } = dataset;
    super::recover::keep_file(
        file.as_ref()
            .filter(|_| matches!(origin, Origin::File { .. })),
    );
    let Prepared {
        state,
        default_compare,
        last_day,
    } = prepared;
    let old_default = ctx
        .info
        .with_untracked(|i| i.as_ref().map(|i| i.default_compare));
    let info = DatasetInfo {
        origin,
        format: store.format,
        events: store.len(),
        synthetic_events: report.synthetic_events,
        last_day,
        default_compare,
    };
    ctx.data.set_value(Some(Loaded {
        serial: Loaded::next_serial(),
        store,
        state,
        actors: std::cell::OnceCell::new(),
        report: report.clone(),
        file,
    }));
    ctx.details.set(None);
    ctx.selected_place.set(None);
    ctx.map_view.set(None);
    let recipe = ctx.recipe.try_update_value(Option::take).flatten();
    ctx.app.update(|app: &mut AppState| {
        if let Some(recipe) = &recipe {
            app.apply(recipe, &default_compare);
        } else if keep_view {
            if old_default.is_none_or(|d| d == app.compare) {
                app.compare = default_compare;
            }
        } else {
            app.filters = Filters::default();
            app.compare = default_compare.with_by(app.compare.by);
            app.sort = None;
        }
    });
    // The user's aliases apply to every dataset.
    let aliases = ctx.app.with_untracked(|a| a.aliases.clone());
    super::aliases::fold(ctx, &aliases);
    ctx.info.set(Some(info));
    ctx.report.set(Some(report));
    ctx.report_open.set(show_report);
    ctx.data_version.update(|v| *v += 1);
    ctx.link_ready.set(true);
    ctx.load_state.set(LoadState::Done);
}

/// The comparison with another dimension.
trait WithBy {
    fn with_by(self, by: crate::engine::data::dimension::GroupBy) -> Self;
}

impl WithBy for CompareSettings {
    fn with_by(mut self, by: crate::engine::data::dimension::GroupBy) -> Self {
        self.by = by;
        self
    }
}
