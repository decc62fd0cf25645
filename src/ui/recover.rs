//! What the page does when its own code fails. A panic in the WebAssembly
//! ends in a trap that leaves the page's state half-changed (a signal
//! borrowed, a view half-drawn), so nothing after it can be trusted: the
//! page restarts itself instead, with the dataset that was on show and the
//! last view that was drawn, and says what happened.
//!
//! What survives the restart travels in the history entry's state (which
//! the browser keeps across a reload, `File` objects included): the error
//! and the user's file. The file is never written anywhere; a bundled or
//! linked dataset comes back through the link itself. A second failure
//! soon after a restart stops the page with a sentence instead, so a view
//! that fails on every start cannot reload forever.
//!
//! Browser tests make the page fail through a `eventlens-test-panic` event
//! on `window`, which panics inside a signal update the way a real defect
//! would.

use super::Ctx;
use js_sys::Reflect;
use leptos::prelude::*;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use wasm_bindgen::{JsCast, JsValue};

/// The query of the last view drawn without failing (a window property:
/// the panic hook must not borrow anything of the failing program).
const GOOD_QUERY: &str = "__eventlensGoodQuery";
/// The user's file on show (a window property, for the same reason).
const KEPT_FILE: &str = "__eventlensFile";
/// The history state's key for what crosses the restart.
const RESTART_KEY: &str = "eventlensRestart";
/// A failure this soon after a restart stops the page instead.
const AGAIN_WITHIN_MS: f64 = 60_000.0;

/// Set by the first failure: later panics (timers of the failed program
/// still firing) change nothing.
static FAILED: AtomicBool = AtomicBool::new(false);
/// When the page last restarted (milliseconds since the epoch, as f64 bits;
/// 0 when it did not).
static RESTARTED_AT: AtomicU64 = AtomicU64::new(0);

/// Logs panics to the console and restarts the page on the first one.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        if FAILED.swap(true, Ordering::SeqCst) {
            return;
        }
        let error = panic_message(info);
        let restarted_at = f64::from_bits(RESTARTED_AT.load(Ordering::SeqCst));
        if restarted_at > 0.0 && js_sys::Date::now() - restarted_at < AGAIN_WITHIN_MS {
            stop(&error);
        } else {
            restart(&error);
        }
    }));
}

/// What the panic said, without where in the code it happened.
fn panic_message(info: &std::panic::PanicHookInfo<'_>) -> String {
    let payload = info.payload();
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "an unexpected state".to_string())
}

/// Reloads the page on the last view that worked, handing the error and
/// the user's file to the next start through the history entry.
fn restart(error: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let record = js_sys::Object::new();
    let _ = Reflect::set(&record, &"error".into(), &error.into());
    let _ = Reflect::set(&record, &"at".into(), &js_sys::Date::now().into());
    if let Ok(file) = Reflect::get(&window, &KEPT_FILE.into()) {
        if file.is_instance_of::<web_sys::File>() {
            let _ = Reflect::set(&record, &"file".into(), &file);
        }
    }
    let state = js_sys::Object::new();
    let _ = Reflect::set(&state, &RESTART_KEY.into(), &record);
    let query = Reflect::get(&window, &GOOD_QUERY.into())
        .ok()
        .and_then(|q| q.as_string())
        .unwrap_or_default();
    let location = window.location();
    let url = if query.is_empty() {
        location.pathname().unwrap_or_default()
    } else {
        format!("?{query}")
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&state, "", Some(&url));
    }
    let _ = location.reload();
}

/// Replaces the page with a sentence: it failed again right after a
/// restart, so restarting once more would only fail again.
fn stop(error: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else {
        return;
    };
    body.set_text_content(None);
    let write = |tag: &str, text: &str| {
        if let Ok(element) = document.create_element(tag) {
            element.set_text_content(Some(text));
            let _ = body.append_child(&element);
        }
    };
    // The messages take only text, which formats without the number
    // formatter's memo: nothing the failed program may hold is borrowed.
    write("h1", &crate::t!("recover-stopped-title"));
    write("p", &crate::t!("recover-stopped", error = error));
    write("p", &crate::t!("recover-stopped-hint"));
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("data-stopped", "internal-error");
    }
}

/// What crossed a restart: the error, and the user's file if one was on
/// show.
pub struct Restart {
    pub error: String,
    pub file: Option<web_sys::File>,
}

impl Restart {
    /// The sentence the page shows after restarting.
    pub fn sentence(&self) -> String {
        if self.file.is_some() {
            crate::t!("recover-restarted-file", error = &self.error)
        } else {
            crate::t!("recover-restarted", error = &self.error)
        }
    }
}

/// Takes what a restart handed over, if this start is one, and clears it
/// from the history entry (a later reload is an ordinary start).
pub fn take_restart() -> Option<Restart> {
    let window = web_sys::window()?;
    let history = window.history().ok()?;
    let state = history.state().ok()?;
    if !state.is_object() {
        return None;
    }
    let record = Reflect::get(&state, &RESTART_KEY.into()).ok()?;
    if !record.is_object() {
        return None;
    }
    let _ = history.replace_state(&JsValue::NULL, "");
    let at = Reflect::get(&record, &"at".into())
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or_else(js_sys::Date::now);
    RESTARTED_AT.store(at.to_bits(), Ordering::SeqCst);
    let error = Reflect::get(&record, &"error".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    let file = Reflect::get(&record, &"file".into())
        .ok()
        .and_then(|f| f.dyn_into::<web_sys::File>().ok());
    Some(Restart { error, file })
}

/// Keeps the user's file where a restart can find it (`None` for a bundled
/// or linked dataset, which the link brings back).
pub fn keep_file(file: Option<&web_sys::File>) {
    if let Some(window) = web_sys::window() {
        let value = file.map_or(JsValue::UNDEFINED, |f| f.clone().into());
        let _ = Reflect::set(&window, &KEPT_FILE.into(), &value);
    }
}

/// Notes the link of each view once it is drawn, and listens for the
/// browser tests' request to fail.
pub fn watch(ctx: Ctx) {
    Effect::new(move |_| {
        ctx.snapshot.track();
        if !ctx.link_ready.get_untracked() {
            return;
        }
        let embed = ctx.embed.then(|| ctx.app.with_untracked(|a| a.panel));
        let query = untrack(|| super::link::query(ctx, embed));
        if let Some(window) = web_sys::window() {
            let _ = Reflect::set(&window, &GOOD_QUERY.into(), &query.into());
        }
    });
    let handle = window_event_listener_untyped("eventlens-test-panic", move |_| {
        ctx.app.update(|_| panic!("a test asked the page to fail"));
    });
    on_cleanup(move || handle.remove());
}
