//! Small browser helpers: fetching, reading slices of a file, yielding to
//! the event loop, sizing a canvas for the screen's pixel ratio.

use js_sys::{Promise, Uint8Array};
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Blob, CanvasRenderingContext2d, HtmlCanvasElement, ResizeObserver, ResizeObserverEntry,
    Response,
};

fn window() -> web_sys::Window {
    web_sys::window().expect("a browser window")
}

/// A sentence from a JavaScript error value.
pub fn js_error_text(value: &JsValue) -> String {
    if let Some(e) = value.dyn_ref::<js_sys::Error>() {
        return String::from(e.message());
    }
    value.as_string().unwrap_or_else(|| format!("{value:?}"))
}

/// Fetches a URL (relative to the page) and returns its bytes.
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    let response = JsFuture::from(window().fetch_with_str(url))
        .await
        .map_err(|e| format!("Could not download {url}: {}", js_error_text(&e)))?;
    let response: Response = response.dyn_into().map_err(|e| js_error_text(&e))?;
    if !response.ok() {
        return Err(format!(
            "Could not download {url}: the server answered {} {}.",
            response.status(),
            response.status_text()
        ));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(|e| js_error_text(&e))?)
        .await
        .map_err(|e| format!("Could not read {url}: {}", js_error_text(&e)))?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// Reads bytes `start..end` of a file.
pub async fn read_slice(blob: &Blob, start: u64, end: u64) -> Result<Vec<u8>, String> {
    start_read(blob, start, end)?.await
}

/// Starts reading bytes `start..end` of `blob` now (the browser reads off
/// the main thread) and returns a future for them, so the next slice can
/// be on its way while this one is parsed.
pub fn start_read(
    blob: &Blob,
    start: u64,
    end: u64,
) -> Result<impl std::future::Future<Output = Result<Vec<u8>, String>>, String> {
    let slice = blob
        .slice_with_f64_and_f64(start as f64, end as f64)
        .map_err(|e| js_error_text(&e))?;
    let pending = JsFuture::from(slice.array_buffer());
    Ok(async move {
        let buffer = pending
            .await
            .map_err(|e| format!("The browser could not read the file: {}", js_error_text(&e)))?;
        Ok(Uint8Array::new(&buffer).to_vec())
    })
}

/// Lets the browser handle pending events and paint (a `setTimeout(0)`).
pub async fn yield_now() {
    let promise = Promise::new(&mut |resolve, _reject| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
    });
    let _ = JsFuture::from(promise).await;
}

/// Milliseconds since the page started.
pub fn now_ms() -> f64 {
    window().performance().map_or(0.0, |p| p.now())
}

/// Sizes `canvas` for its displayed size (`width` x `height` CSS pixels)
/// times the device pixel ratio and returns a context scaled so drawing
/// uses CSS pixels.
pub fn prepare_canvas(
    canvas: &HtmlCanvasElement,
    (width, height): (f64, f64),
) -> Option<(CanvasRenderingContext2d, f64, f64)> {
    let ratio = window().device_pixel_ratio().max(1.0);
    let (width, height) = (width.max(1.0), height.max(1.0));
    let (pw, ph) = (
        (width * ratio).round() as u32,
        (height * ratio).round() as u32,
    );
    if canvas.width() != pw {
        canvas.set_width(pw);
    }
    if canvas.height() != ph {
        canvas.set_height(ph);
    }
    let ctx: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    let _ = ctx.set_transform(ratio, 0.0, 0.0, ratio, 0.0, 0.0);
    ctx.clear_rect(0.0, 0.0, width, height);
    Some((ctx, width, height))
}

/// A colour from the page's CSS custom properties (so canvases follow the
/// light or dark theme), or `fallback`. Looked up once per name: reading a
/// computed style right after the DOM changed forces a style recalculation,
/// which cost milliseconds on every redraw.
pub fn css_colour(name: &str, fallback: &str) -> String {
    thread_local! {
        static COLOURS: std::cell::RefCell<std::collections::HashMap<String, String>> =
            std::cell::RefCell::new(std::collections::HashMap::new());
    }
    if let Some(hit) = COLOURS.with(|c| c.borrow().get(name).cloned()) {
        return hit;
    }
    let Some(body) = window().document().and_then(|d| d.body()) else {
        return fallback.to_string();
    };
    let value = window()
        .get_computed_style(&body)
        .ok()
        .flatten()
        .and_then(|style| style.get_property_value(name).ok())
        .unwrap_or_default();
    let value = value.trim();
    let colour = if value.is_empty() {
        fallback.to_string()
    } else {
        value.to_string()
    };
    COLOURS.with(|c| c.borrow_mut().insert(name.to_string(), colour.clone()));
    colour
}

/// A resize observer and the callback it calls (kept alive with it).
type Observer = (ResizeObserver, Closure<dyn Fn(js_sys::Array)>);

/// The displayed size of an element in CSS pixels, kept up to date by a
/// `ResizeObserver` (so drawing never forces a layout to measure). `None`
/// until the element is in the page.
pub fn watch_size(node: NodeRef<leptos::html::Canvas>) -> ReadSignal<Option<(f64, f64)>> {
    let (size, set_size) = signal(None::<(f64, f64)>);
    let observer: StoredValue<Option<Observer>, LocalStorage> = StoredValue::new_local(None);
    Effect::new(move |_| {
        let Some(canvas) = node.get() else {
            return;
        };
        if observer.with_value(Option::is_some) {
            return;
        }
        let callback = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
            if let Some(entry) = entries
                .iter()
                .last()
                .and_then(|e| e.dyn_into::<ResizeObserverEntry>().ok())
            {
                let rect = entry.content_rect();
                set_size.set(Some((rect.width(), rect.height())));
            }
        });
        if let Ok(o) = ResizeObserver::new(callback.as_ref().unchecked_ref()) {
            o.observe(&canvas);
            observer.set_value(Some((o, callback)));
        }
    });
    on_cleanup(move || {
        observer.update_value(|o| {
            if let Some((o, _)) = o.take() {
                o.disconnect();
            }
        })
    });
    size
}
