//! Small browser helpers: fetching, reading slices of a file, yielding to
//! the event loop, sizing a canvas for the screen's pixel ratio.

use crate::engine::output::picture;
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
        .map_err(|e| crate::t!("dom-download-failed", url = url, reason = js_error_text(&e)))?;
    let response: Response = response.dyn_into().map_err(|e| js_error_text(&e))?;
    if !response.ok() {
        return Err(crate::t!(
            "dom-download-status",
            url = url,
            status = format!("{} {}", response.status(), response.status_text())
        ));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(|e| js_error_text(&e))?)
        .await
        .map_err(|e| crate::t!("dom-read-failed", url = url, reason = js_error_text(&e)))?;
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
            .map_err(|e| crate::t!("dom-file-unreadable", reason = js_error_text(&e)))?;
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

/// Resolves once the next frame has been painted (a timer set inside an
/// animation frame fires after that frame's paint), for work nobody needs
/// in that frame.
pub async fn after_next_paint() {
    let promise = Promise::new(&mut |resolve, _reject| {
        request_animation_frame(move || {
            let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        });
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

/// `source` again once the frame that shows its latest change has painted,
/// for what nobody reads at that instant (the filter lists' counts, the
/// table below the fold): the frame after a filter change then carries the
/// charts alone. A timer set inside an animation frame fires after that
/// frame's paint, and timers keep their order, so the last value is the
/// one left.
pub fn after_paint<T>(source: Memo<T>) -> RwSignal<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let later = RwSignal::new(source.get_untracked());
    Effect::new(move |_| {
        let now = source.get();
        request_animation_frame(move || {
            set_timeout(move || later.set(now), std::time::Duration::ZERO);
        });
    });
    later
}

/// A function that asks for `draw` to run in the next animation frame:
/// however often it is called before then, `draw` runs once, and it runs
/// with whatever state is current at that frame. A frame still pending
/// when the calling component goes away is cancelled.
pub fn frame_scheduler(draw: impl Fn() + Copy + 'static) -> impl Fn() + Copy + 'static {
    let pending: StoredValue<Option<AnimationFrameRequestHandle>, LocalStorage> =
        StoredValue::new_local(None);
    on_cleanup(move || {
        if let Some(Some(handle)) = pending.try_update_value(Option::take) {
            handle.cancel();
        }
    });
    move || {
        if pending.try_with_value(Option::is_some) != Some(false) {
            return;
        }
        let handle = request_animation_frame_with_handle(move || {
            if pending.try_update_value(Option::take).is_some() {
                draw();
            }
        });
        pending.set_value(handle.ok());
    }
}

/// A resize observer and the callback it calls (kept alive with it).
type Observer = (ResizeObserver, Closure<dyn Fn(js_sys::Array)>);

/// The displayed size of an element in CSS pixels, kept up to date by a
/// `ResizeObserver` (so drawing never forces a layout to measure). `None`
/// until the element is in the page. A size with no area (the element
/// hidden, or the window shrunk to nothing for a moment, as a full-page
/// capture does) is passed over: what was drawn, and the keyboard stops
/// laid over it, stay as they were rather than being worked out for an
/// empty box and then again.
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
                if rect.width() >= 1.0 && rect.height() >= 1.0 {
                    set_size.set(Some((rect.width(), rect.height())));
                }
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

/// A Blob of `bytes` with a MIME type.
pub fn blob_of(bytes: &[u8], mime: &str) -> Result<Blob, String> {
    let parts = js_sys::Array::of1(&Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(|e| js_error_text(&e))
}

/// Saves a Blob as a download named `name` (an object URL and a temporary
/// `<a download>`).
pub fn download_blob(blob: &Blob, name: &str) -> Result<(), String> {
    let url = web_sys::Url::create_object_url_with_blob(blob).map_err(|e| js_error_text(&e))?;
    let document = window().document().ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|e| js_error_text(&e))?
        .dyn_into()
        .map_err(|_| "not an anchor")?;
    a.set_href(&url);
    a.set_download(name);
    a.set_rel("noopener");
    let _ = web_sys::HtmlElement::style(&a).set_property("display", "none");
    if let Some(body) = document.body() {
        let _ = body.append_child(&a);
        a.click();
        let _ = body.remove_child(&a);
    }
    // Revoke once the browser has started the download.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(30),
    );
    Ok(())
}

/// Saves `bytes` as a download.
pub fn download_bytes(bytes: &[u8], mime: &str, name: &str) -> Result<(), String> {
    download_blob(&blob_of(bytes, mime)?, name)
}

/// Copies text to the clipboard; `false` when the browser has no
/// clipboard here (an insecure page) or refused.
pub async fn copy_text(text: &str) -> bool {
    let navigator = window().navigator();
    let has_clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .map(|c| !c.is_undefined() && !c.is_null())
        .unwrap_or(false);
    if !has_clipboard {
        return false;
    }
    JsFuture::from(navigator.clipboard().write_text(text))
        .await
        .is_ok()
}

/// A `<canvas>` element not in the page.
fn new_canvas(
    width: u32,
    height: u32,
) -> Result<(HtmlCanvasElement, CanvasRenderingContext2d), String> {
    let canvas: HtmlCanvasElement = window()
        .document()
        .ok_or("no document")?
        .create_element("canvas")
        .map_err(|e| js_error_text(&e))?
        .dyn_into()
        .map_err(|_| "not a canvas")?;
    canvas.set_width(width.max(1));
    canvas.set_height(height.max(1));
    let context: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .map_err(|e| js_error_text(&e))?
        .ok_or("no 2d context")?
        .dyn_into()
        .map_err(|_| "not a 2d context")?;
    Ok((canvas, context))
}

/// The canvas as a PNG Blob.
async fn png_of(canvas: &HtmlCanvasElement) -> Result<Blob, String> {
    let canvas = canvas.clone();
    let promise = Promise::new(&mut |resolve, reject| {
        if let Err(e) = canvas.to_blob(&resolve) {
            let _ = reject.call1(&JsValue::NULL, &e);
        }
    });
    let value = JsFuture::from(promise)
        .await
        .map_err(|e| js_error_text(&e))?;
    value
        .dyn_into::<Blob>()
        .map_err(|_| crate::t!("dom-png-failed"))
}

/// Renders an SVG document to a PNG at `scale` times its size (drawn into
/// an `<img>`, then onto a canvas): the PNG and its size in pixels.
pub async fn svg_to_png(svg: &str, scale: f64) -> Result<(Blob, u32, u32), String> {
    let blob = blob_of(svg.as_bytes(), "image/svg+xml")?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| js_error_text(&e))?;
    let result = async {
        let img = web_sys::HtmlImageElement::new().map_err(|e| js_error_text(&e))?;
        img.set_src(&url);
        JsFuture::from(img.decode())
            .await
            .map_err(|e| crate::t!("dom-chart-failed", reason = js_error_text(&e)))?;
        let (w, h) = (
            f64::from(img.natural_width()),
            f64::from(img.natural_height()),
        );
        let (pw, ph) = ((w * scale).round() as u32, (h * scale).round() as u32);
        let (canvas, context) = new_canvas(pw, ph)?;
        let _ = context.scale(scale, scale);
        context
            .draw_image_with_html_image_element_and_dw_and_dh(&img, 0.0, 0.0, w, h)
            .map_err(|e| js_error_text(&e))?;
        Ok((png_of(&canvas).await?, pw, ph))
    }
    .await;
    let _ = web_sys::Url::revoke_object_url(&url);
    result
}

/// A font for a frame's line of text on a canvas.
fn frame_font(size: f64, bold: bool) -> String {
    format!(
        "{}{size}px system-ui, sans-serif",
        if bold { "bold " } else { "" }
    )
}

/// Measures texts as a canvas draws them in a frame's fonts (the title's
/// size is bold): `width_of(text, size)` for `engine::output::picture`.
pub fn frame_text_width() -> impl Fn(&str, f64) -> f64 {
    let context = new_canvas(1, 1).ok().map(|(_, c)| c);
    move |text: &str, size: f64| match &context {
        Some(c) => {
            c.set_font(&frame_font(size, size >= picture::TITLE_SIZE));
            c.measure_text(text).map(|m| m.width()).unwrap_or(0.0)
        }
        // Without a canvas, a generous guess per character.
        None => text.chars().count() as f64 * size * 0.6,
    }
}

/// A PNG of `framed` at `scale` pixels per CSS pixel, with `picture` (a
/// canvas drawn at that scale) in its place: the PNG and its size in
/// pixels.
pub async fn framed_png(
    framed: &picture::Framed,
    picture: &HtmlCanvasElement,
    scale: f64,
) -> Result<(Blob, u32, u32), String> {
    let (pw, ph) = (
        (framed.width * scale).round() as u32,
        (framed.height * scale).round() as u32,
    );
    let (canvas, context) = new_canvas(pw, ph)?;
    let _ = context.scale(scale, scale);
    context.set_fill_style_str(&css_colour("--panel", "#fff"));
    context.fill_rect(0.0, 0.0, framed.width, framed.height);
    let (x, y) = framed.picture_at;
    let (w, h) = framed.picture_size;
    context
        .draw_image_with_html_canvas_element_and_dw_and_dh(picture, x, y, w, h)
        .map_err(|e| js_error_text(&e))?;
    context.set_text_baseline("alphabetic");
    for line in &framed.lines {
        let colour = if line.bold { "--fg" } else { "--muted" };
        context.set_fill_style_str(&css_colour(colour, "#333"));
        context.set_font(&frame_font(line.size, line.bold));
        let _ = context.fill_text(&line.text, line.x, line.y);
    }
    Ok((png_of(&canvas).await?, pw, ph))
}

/// The page's address without its query string and fragment
/// (`https://example.org/eventlens/`).
pub fn page_base() -> String {
    let location = window().location();
    format!(
        "{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default()
    )
}

/// The page's query string without `?`.
pub fn page_query() -> String {
    let search = window().location().search().unwrap_or_default();
    search.strip_prefix('?').unwrap_or(&search).to_string()
}

/// Writes `query` into the address bar: a new history entry (`push`) or
/// the current one changed.
pub fn set_page_query(query: &str, push: bool) {
    let Ok(history) = window().history() else {
        return;
    };
    let hash = window().location().hash().unwrap_or_default();
    let url = if query.is_empty() {
        format!(
            "{}{hash}",
            window().location().pathname().unwrap_or_default()
        )
    } else {
        format!("?{query}{hash}")
    };
    let _ = if push {
        history.push_state_with_url(&JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
    };
}

/// Registers the offline service worker (`sw.js`, written beside the page
/// by the release build), so the site and its bundled data open with no
/// network after the first visit. Where there is none (a development
/// server) or the browser refuses (private mode, an old browser), the page
/// simply stays online-only.
pub fn register_offline_worker() {
    let navigator = window().navigator();
    if !js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false) {
        return;
    }
    let registering = navigator.service_worker().register("./sw.js");
    wasm_bindgen_futures::spawn_local(async move {
        let _ = JsFuture::from(registering).await;
    });
}

/// The file chosen in the file input that fired `ev`; the input is
/// cleared, so choosing the same file again fires `change` again.
pub fn chosen_file(ev: &leptos::ev::Event) -> Option<web_sys::File> {
    let input = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())?;
    let file = input.files().and_then(|files| files.get(0));
    input.set_value("");
    file
}

/// The first file a drop carries.
pub fn dropped_file(ev: &web_sys::DragEvent) -> Option<web_sys::File> {
    ev.data_transfer()
        .and_then(|dt| dt.files())
        .and_then(|files| files.get(0))
}
