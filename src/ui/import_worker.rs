//! Importing a user's CSV file in a Web Worker, so the page stays free
//! while a large export is read: the importer (the same
//! `engine::read::import` the page and the command line use) runs in a
//! second WebAssembly module, `eventlens-import`, started for each file and
//! ended when it is read or cancelled.
//!
//! The conversation: the worker says `"ready"` once it listens; the page
//! sends the `File` (browsers hand a file to a worker without reading it)
//! and what the user said about it (column mapping, date order) as JSON;
//! the worker reads the file in slices with `FileReaderSync`, posts
//! progress after each, and ends with the dataset taken apart by
//! `engine::read::wire`: a JSON description and one typed array per large
//! column, transferred, not copied. The page copies each array into its
//! own memory and puts the dataset together.
//!
//! Cancel ends the worker at once. If the worker cannot start (its files
//! failed to load), the page reads the file itself, as it always can.

use super::load::{file_options, Failure, Progress, Reading, CHUNK, SIZE_LIMIT};
use crate::engine::data::date::Day;
use crate::engine::i18n::{self, Lang};
use crate::engine::read::dates::FieldOrder;
use crate::engine::read::import::sample_ranges;
use crate::engine::read::layout::ColumnMapping;
use crate::engine::read::limits::check_size;
use crate::engine::read::wire::{self, Array as WireArray, Parts};
use crate::engine::{Dataset, ImportError, Importer};
use js_sys::{Array, Function, Promise, Reflect};
use leptos::prelude::Set;
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{DedicatedWorkerGlobalScope, ErrorEvent, Event, File, MessageEvent, Worker};

/// The worker's script, as Trunk names it beside the page (a worker's
/// files carry no content hash: the page names them at run time).
const WORKER_SCRIPT: &str = "./eventlens-import_loader.js";
/// The worker's first message: it is listening.
const READY: &str = "ready";

/// What the page asks of the worker, besides the file.
#[derive(Serialize, Deserialize)]
struct Request {
    mapping: Option<ColumnMapping>,
    date_order: Option<FieldOrder>,
    /// The interface's language, for the sentences the importer writes.
    lang: String,
}

/// Why the worker read no dataset, as the page needs it: the two
/// questions the page asks the user, or a sentence.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Stopped {
    UnknownLayout { headers: Vec<String> },
    AmbiguousDateOrder { examples: Vec<(String, Day, Day)> },
    Sentence { sentence: String },
}

impl From<ImportError> for Stopped {
    fn from(e: ImportError) -> Self {
        match e {
            ImportError::UnknownLayout { headers } => Stopped::UnknownLayout { headers },
            ImportError::AmbiguousDateOrder { examples } => {
                Stopped::AmbiguousDateOrder { examples }
            }
            e => Stopped::Sentence {
                sentence: e.to_string(),
            },
        }
    }
}

fn set(object: &JsValue, name: &str, value: &JsValue) {
    let _ = Reflect::set(object, &JsValue::from_str(name), value);
}

fn get(object: &JsValue, name: &str) -> JsValue {
    Reflect::get(object, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

/// A message with its `kind`.
fn message(kind: &str) -> js_sys::Object {
    let object = js_sys::Object::new();
    set(&object, "kind", &JsValue::from_str(kind));
    object
}

// ---------------------------------------------------------------- worker

/// Worker side: imports the file of each message and answers with
/// progress, then the dataset or why there is none.
pub fn serve() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let data = event.data();
        let Ok(file) = get(&data, "file").dyn_into::<File>() else {
            return;
        };
        let request: Option<Request> = get(&data, "request")
            .as_string()
            .and_then(|text| serde_json::from_str(&text).ok());
        let Some(request) = request else {
            return;
        };
        if let Some(lang) = Lang::parse(&request.lang) {
            i18n::set(lang);
        }
        let post = |value: &JsValue, transfer: Option<&Array>| {
            let posted = match transfer {
                Some(t) => reply_to.post_message_with_transfer(value, t),
                None => reply_to.post_message(value),
            };
            if let Err(e) = posted {
                // The page hears of it as the worker's error event.
                wasm_bindgen::throw_val(e);
            }
        };
        let progress = |bytes: u64, rows: u64| {
            let m = message("progress");
            set(&m, "bytes", &JsValue::from_f64(bytes as f64));
            set(&m, "rows", &JsValue::from_f64(rows as f64));
            post(&m, None);
        };
        match import(&file, request, &progress) {
            Ok(dataset) => {
                let parts = wire::take_apart(dataset);
                let m = message("done");
                set(&m, "meta", &JsValue::from_str(&parts.meta));
                let arrays = Array::new();
                let transfer = Array::new();
                for array in parts.arrays {
                    let typed = to_typed_array(&array);
                    drop(array);
                    transfer.push(&get(&typed, "buffer"));
                    arrays.push(&typed);
                }
                set(&m, "arrays", &arrays);
                post(&m, Some(&transfer));
            }
            Err(stopped) => {
                let m = message("stopped");
                let text = serde_json::to_string(&stopped).unwrap_or_default();
                set(&m, "why", &JsValue::from_str(&text));
                post(&m, None);
            }
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str(READY));
}

/// Reads `file` as the page would (`load::read_file`), synchronously: a
/// worker may wait on the disk without holding up anyone.
fn import(file: &File, request: Request, progress: &dyn Fn(u64, u64)) -> Result<Dataset, Stopped> {
    let reader = web_sys::FileReaderSync::new().map_err(unreadable)?;
    let read = |start: u64, end: u64| -> Result<Vec<u8>, Stopped> {
        let slice = file
            .slice_with_f64_and_f64(start as f64, end as f64)
            .map_err(unreadable)?;
        let buffer = reader.read_as_array_buffer(&slice).map_err(unreadable)?;
        Ok(js_sys::Uint8Array::new(&buffer).to_vec())
    };
    let total = file.size() as u64;
    check_size(total, SIZE_LIMIT)?;
    let mut date_sample = Vec::new();
    for range in sample_ranges(total) {
        date_sample.push(read(range.start, range.end)?);
    }
    let mut importer = Importer::new(file_options(
        total,
        request.mapping,
        request.date_order,
        date_sample,
    ));
    let mut offset = 0;
    while offset < total {
        let end = (offset + CHUNK).min(total);
        let chunk = read(offset, end)?;
        importer.push(&chunk)?;
        offset = end;
        progress(importer.bytes_read(), importer.rows_read());
    }
    Ok(importer.finish()?)
}

fn unreadable(e: JsValue) -> Stopped {
    Stopped::Sentence {
        sentence: crate::t!(
            "dom-file-unreadable",
            reason = super::dom::js_error_text(&e)
        ),
    }
}

/// A new JS typed array holding a copy of `array` (its buffer can then be
/// transferred).
fn to_typed_array(array: &WireArray) -> JsValue {
    match array {
        WireArray::U8(v) => js_sys::Uint8Array::from(&v[..]).into(),
        WireArray::U16(v) => js_sys::Uint16Array::from(&v[..]).into(),
        WireArray::U32(v) => js_sys::Uint32Array::from(&v[..]).into(),
        WireArray::I32(v) => js_sys::Int32Array::from(&v[..]).into(),
        WireArray::U64(v) => js_sys::BigUint64Array::from(&v[..]).into(),
        WireArray::F32(v) => js_sys::Float32Array::from(&v[..]).into(),
    }
}

/// The typed array in `value` copied into the page's memory.
fn from_typed_array(value: &JsValue) -> Option<WireArray> {
    macro_rules! copy {
        ($js:ty, $variant:ident, $zero:expr) => {
            if let Some(typed) = value.dyn_ref::<$js>() {
                let mut v = vec![$zero; typed.length() as usize];
                typed.copy_to(&mut v);
                return Some(WireArray::$variant(v));
            }
        };
    }
    copy!(js_sys::Uint8Array, U8, 0u8);
    copy!(js_sys::Uint16Array, U16, 0u16);
    copy!(js_sys::Uint32Array, U32, 0u32);
    copy!(js_sys::Int32Array, I32, 0i32);
    copy!(js_sys::BigUint64Array, U64, 0u64);
    copy!(js_sys::Float32Array, F32, 0f32);
    None
}

// ------------------------------------------------------------------ page

/// What the worker has said, oldest first.
type Inbox = Rc<RefCell<VecDeque<Heard>>>;

enum Heard {
    Ready,
    Message(JsValue),
    /// The worker's error event: its script did not load (`None`), or it
    /// stopped with this message.
    Error(Option<String>),
}

thread_local! {
    /// Reads waiting for a worker to speak, or for Cancel: every message
    /// and every cancel wakes them all, and each looks at its own inbox
    /// and its own `cancelled()`.
    static WAITING: RefCell<Vec<Function>> = const { RefCell::new(Vec::new()) };
}

fn wake_all() {
    let waiting = WAITING.with(|w| std::mem::take(&mut *w.borrow_mut()));
    for resolve in waiting {
        let _ = resolve.call0(&JsValue::NULL);
    }
}

/// Makes reads that were cancelled notice it now, instead of at their
/// worker's next message.
pub fn wake() {
    wake_all();
}

/// What became of a read in a worker.
pub(super) enum Outcome {
    /// Boxed: a dataset's fields are many.
    Read(Box<Result<Option<Dataset>, Failure>>),
    /// No worker could start: the page should read the file itself.
    Unavailable,
}

/// Page side: reads `file` (a CSV text file) in a new worker, with the
/// progress and Cancel of `reading`.
pub(super) async fn read_in_worker(
    file: &File,
    mapping: Option<ColumnMapping>,
    date_order: Option<FieldOrder>,
    reading: &Reading<'_>,
) -> Outcome {
    let Ok(worker) = Worker::new(WORKER_SCRIPT) else {
        return Outcome::Unavailable;
    };
    let inbox: Inbox = Rc::default();
    let heard = Rc::clone(&inbox);
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let data = event.data();
        heard
            .borrow_mut()
            .push_back(if data.as_string().as_deref() == Some(READY) {
                Heard::Ready
            } else {
                Heard::Message(data)
            });
        wake_all();
    });
    let heard = Rc::clone(&inbox);
    let on_error = Closure::<dyn FnMut(Event)>::new(move |event: Event| {
        event.prevent_default();
        let reason = event
            .dyn_ref::<ErrorEvent>()
            .map(ErrorEvent::message)
            .filter(|m| !m.is_empty());
        heard.borrow_mut().push_back(Heard::Error(reason));
        wake_all();
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let outcome = converse(&worker, &inbox, file, mapping, date_order, reading).await;
    worker.terminate();
    drop((on_message, on_error));
    outcome
}

async fn next(inbox: &Inbox, cancelled: &dyn Fn() -> bool) -> Option<Heard> {
    loop {
        if cancelled() {
            return None;
        }
        if let Some(heard) = inbox.borrow_mut().pop_front() {
            return Some(heard);
        }
        let woken = Promise::new(&mut |resolve, _| WAITING.with(|w| w.borrow_mut().push(resolve)));
        let _ = JsFuture::from(woken).await;
    }
}

async fn converse(
    worker: &Worker,
    inbox: &Inbox,
    file: &File,
    mapping: Option<ColumnMapping>,
    date_order: Option<FieldOrder>,
    reading: &Reading<'_>,
) -> Outcome {
    let cancelled = reading.cancelled;
    let stopped = |reason: Option<String>| {
        let sentence = match reason {
            Some(reason) => crate::t!("import-worker-stopped", reason = reason),
            None => crate::t!("import-worker-stopped-unknown"),
        };
        Outcome::Read(Box::new(Err(Failure::Read(sentence))))
    };
    match next(inbox, cancelled).await {
        None => return Outcome::Read(Box::new(Ok(None))),
        Some(Heard::Ready) => {}
        // The script did not load, or failed before it listened.
        Some(_) => return Outcome::Unavailable,
    }
    let request = Request {
        mapping,
        date_order,
        lang: i18n::current().code().to_string(),
    };
    let Ok(request) = serde_json::to_string(&request) else {
        return Outcome::Unavailable;
    };
    let ask = js_sys::Object::new();
    set(&ask, "file", file);
    set(&ask, "request", &JsValue::from_str(&request));
    if worker.post_message(&ask).is_err() {
        return Outcome::Unavailable;
    }
    let mut progress = Progress::start(file.name(), file.size() as u64);
    reading.progress.set(Some(progress.clone()));
    loop {
        let message = match next(inbox, cancelled).await {
            None => return Outcome::Read(Box::new(Ok(None))),
            Some(Heard::Ready) => continue,
            Some(Heard::Error(reason)) => return stopped(reason),
            Some(Heard::Message(m)) => m,
        };
        match get(&message, "kind").as_string().as_deref() {
            Some("progress") => {
                progress.bytes = get(&message, "bytes").as_f64().unwrap_or(0.0) as u64;
                progress.rows = get(&message, "rows").as_f64().unwrap_or(0.0) as u64;
                progress.now_ms = super::dom::now_ms();
                reading.progress.set(Some(progress.clone()));
            }
            Some("stopped") => {
                let why: Option<Stopped> = get(&message, "why")
                    .as_string()
                    .and_then(|text| serde_json::from_str(&text).ok());
                let failure = match why {
                    Some(Stopped::UnknownLayout { headers }) => {
                        Failure::Import(ImportError::UnknownLayout { headers })
                    }
                    Some(Stopped::AmbiguousDateOrder { examples }) => {
                        Failure::Import(ImportError::AmbiguousDateOrder { examples })
                    }
                    Some(Stopped::Sentence { sentence }) => Failure::Read(sentence),
                    None => return stopped(None),
                };
                return Outcome::Read(Box::new(Err(failure)));
            }
            Some("done") => {
                // Let the page paint the full progress bar first.
                super::dom::yield_now().await;
                let Some(parts) = received_parts(&message, cancelled).await else {
                    return if cancelled() {
                        Outcome::Read(Box::new(Ok(None)))
                    } else {
                        stopped(None)
                    };
                };
                return match wire::put_together(parts) {
                    Ok(dataset) => {
                        // Installing it is a task of its own.
                        super::dom::yield_now().await;
                        if cancelled() {
                            return Outcome::Read(Box::new(Ok(None)));
                        }
                        Outcome::Read(Box::new(Ok(Some(dataset))))
                    }
                    Err(e) => stopped(Some(e.to_string())),
                };
            }
            _ => return stopped(None),
        }
    }
}

/// The parts of a `done` message, each array copied into the page's
/// memory in a task of its own (a column of a million events is a few
/// megabytes).
async fn received_parts(message: &JsValue, cancelled: &dyn Fn() -> bool) -> Option<Parts> {
    let meta = get(message, "meta").as_string()?;
    let list: Array = get(message, "arrays").dyn_into().ok()?;
    let mut arrays = Vec::with_capacity(list.length() as usize);
    for (i, value) in list.iter().enumerate() {
        arrays.push(from_typed_array(&value)?);
        // Release the worker's copy as soon as it is ours.
        list.set(i as u32, JsValue::UNDEFINED);
        super::dom::yield_now().await;
        if cancelled() {
            return None;
        }
    }
    Some(Parts { meta, arrays })
}
