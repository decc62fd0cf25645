//! Excel workbooks in the page. The workbook reader (calamine, through
//! `engine::read::workbook`) is a second, small WebAssembly module that runs
//! in a Web Worker, fetched only when an .xlsx arrives: the page's own
//! download does not carry it, and a workbook that breaks the reader stops
//! the worker, never the page or the dataset on show.
//!
//! The conversation: the worker says `"ready"` once it listens; the page
//! then hands over `{lang, bytes}`: the page's language code, which the
//! worker writes its sentences in, and the workbook's bytes (transferred,
//! not copied); the worker answers with a [`Reply`] (through
//! `serde-wasm-bindgen`), and the page ends the worker. The page reads the reply's few fields itself: a
//! general deserialiser would add more to its download than the reader
//! saves.

use crate::engine::i18n::{self, Lang};
use crate::engine::read::container::{Container, Converted};
use crate::engine::read::workbook::read_workbook;
use js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
use serde::Serialize;
use std::cell::RefCell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{DedicatedWorkerGlobalScope, ErrorEvent, Event, MessageEvent, Worker};

/// The worker's script, as Trunk names it beside the page (a worker's files
/// carry no content hash: the page names them at run time).
const WORKER_SCRIPT: &str = "./eventlens-workbook_loader.js";
/// The worker's first message: it is listening.
const READY: &str = "ready";
/// The fields of the page's message: the language's code and the bytes.
const LANG: &str = "lang";
const BYTES: &str = "bytes";

/// What the worker answers for a workbook.
#[derive(Serialize)]
#[serde(rename_all = "snake_case")]
enum Reply<'a> {
    /// The sheet read, as CSV text.
    Converted {
        text: &'a str,
        sheet: &'a str,
        sheets: &'a [String],
        warnings: &'a [String],
    },
    /// Why the workbook gave no text: the sentence to show.
    Refused { sentence: String },
}

/// Why a workbook gave no CSV text in the page.
pub enum WorkbookFailure {
    /// The reader read it and said why not (old .xls, password, no sheet...).
    Refused(String),
    /// The reader could not start, or stopped on this workbook; a sentence.
    Stopped(String),
    /// The user cancelled, or opened another file.
    Cancelled,
}

thread_local! {
    /// The worker reading a workbook now, and how to settle its answer early.
    static RUNNING: RefCell<Option<(Worker, Function)>> = const { RefCell::new(None) };
}

/// Worker side: answers every message (a workbook's bytes and the page's
/// language) with its first sheet that has values, as CSV text, or the
/// reason it has none, in the page's language.
pub fn serve() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let message = event.data();
        let field = |name: &str| Reflect::get(&message, &JsValue::from_str(name)).ok();
        let bytes = match field(BYTES).and_then(|b| b.dyn_into::<Uint8Array>().ok()) {
            Some(array) => array.to_vec(),
            None => return,
        };
        let lang = field(LANG)
            .and_then(|l| l.as_string())
            .and_then(|code| Lang::parse(&code))
            .unwrap_or(Lang::EN);
        i18n::set(lang);
        let answer = read_workbook(&bytes, None);
        drop(bytes);
        let reply = match &answer {
            Ok(Converted {
                text,
                container: Container::Workbook { sheet, sheets },
                warnings,
            }) => Reply::Converted {
                text,
                sheet,
                sheets,
                warnings,
            },
            Ok(_) => Reply::Refused {
                sentence: crate::t!("workbook-not-a-workbook"),
            },
            Err(e) => Reply::Refused {
                sentence: e.to_string(),
            },
        };
        match serde_wasm_bindgen::to_value(&reply) {
            Ok(value) => {
                let _ = reply_to.post_message(&value);
            }
            // The page hears of it as the worker's error event.
            Err(e) => wasm_bindgen::throw_str(&e.to_string()),
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str(READY));
}

/// Page side: reads the workbook in `bytes` in a fresh worker. Only one
/// workbook is read at a time; starting another stops the first.
pub async fn read_in_worker(bytes: &[u8]) -> Result<Converted, WorkbookFailure> {
    stop();
    let worker = Worker::new(WORKER_SCRIPT).map_err(|e| {
        WorkbookFailure::Stopped(crate::t!(
            "workbook-not-started",
            reason = super::dom::js_error_text(&e)
        ))
    })?;
    let data = Uint8Array::from(bytes);
    let request = Object::new();
    for (name, value) in [
        (LANG, JsValue::from_str(i18n::current().code())),
        (BYTES, data.clone().into()),
    ] {
        let _ = Reflect::set(&request, &JsValue::from_str(name), &value);
    }
    let mut handlers = None;
    let mut settle_early = None;
    let answer = Promise::new(&mut |resolve, reject| {
        let to = worker.clone();
        let data = data.clone();
        let request = request.clone();
        let refuse = reject.clone();
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let message = event.data();
            if message.as_string().as_deref() == Some(READY) {
                let transfer = Array::of1(&data.buffer());
                if let Err(e) = to.post_message_with_transfer(&request, &transfer) {
                    let _ = refuse.call1(&JsValue::NULL, &e);
                }
            } else {
                let _ = resolve.call1(&JsValue::NULL, &message);
            }
        });
        let refuse = reject.clone();
        let on_error = Closure::<dyn FnMut(Event)>::new(move |event: Event| {
            event.prevent_default();
            // A script that fails to load gives a plain event; a reader
            // that stops gives its message.
            let reason = match event.dyn_ref::<ErrorEvent>() {
                Some(e) if !e.message().is_empty() => {
                    crate::t!("workbook-stopped", reason = e.message())
                }
                _ => crate::t!("workbook-not-loaded"),
            };
            let _ = refuse.call1(&JsValue::NULL, &JsValue::from_str(&reason));
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        handlers = Some((on_message, on_error));
        settle_early = Some(reject);
    });
    if let Some(reject) = settle_early {
        RUNNING.with(|running| *running.borrow_mut() = Some((worker.clone(), reject)));
    }
    let settled = JsFuture::from(answer).await;
    worker.terminate();
    RUNNING.with(|running| running.borrow_mut().take());
    drop(handlers);
    let value = settled.map_err(|reason| {
        if reason.is_undefined() {
            WorkbookFailure::Cancelled
        } else {
            WorkbookFailure::Stopped(super::dom::js_error_text(&reason))
        }
    })?;
    read_reply(&value).ok_or_else(|| WorkbookFailure::Stopped(crate::t!("workbook-bad-answer")))?
}

/// The [`Reply`] in `value`, as the page uses it; `None` when it is not one.
fn read_reply(value: &JsValue) -> Option<Result<Converted, WorkbookFailure>> {
    let field = |object: &JsValue, name: &str| Reflect::get(object, &JsValue::from_str(name)).ok();
    let strings = |list: Option<JsValue>| -> Option<Vec<String>> {
        let list: Array = list?.dyn_into().ok()?;
        list.iter().map(|s| s.as_string()).collect()
    };
    if let Some(refused) = field(value, "refused").filter(JsValue::is_object) {
        let sentence = field(&refused, "sentence")?.as_string()?;
        return Some(Err(WorkbookFailure::Refused(sentence)));
    }
    let converted = field(value, "converted").filter(JsValue::is_object)?;
    Some(Ok(Converted {
        text: field(&converted, "text")?.as_string()?,
        container: Container::Workbook {
            sheet: field(&converted, "sheet")?.as_string()?,
            sheets: strings(field(&converted, "sheets"))?,
        },
        warnings: strings(field(&converted, "warnings"))?,
    }))
}

/// Stops the workbook being read, if any (Cancel, or another file opened).
pub fn stop() {
    if let Some((worker, reject)) = RUNNING.with(|running| running.borrow_mut().take()) {
        worker.terminate();
        // `undefined` marks a cancel, not a failure.
        let _ = reject.call1(&JsValue::NULL, &JsValue::UNDEFINED);
    }
}
