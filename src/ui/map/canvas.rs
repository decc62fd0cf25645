//! The map's canvas: keeps the view fitted to the canvas and redraws the
//! sea, the outlines and the points at most once per animation frame.

use super::pointer::Pointer;
use super::Hover;
use crate::engine::present::map::MapView;
use crate::engine::present::map_layers::{
    initial_view, point_colour, Outlines, PointLayer, NO_POINTS,
};
use crate::ui::dom::{css_colour, frame_scheduler, prepare_canvas, watch_size};
use crate::ui::{use_ctx, Ctx};
use leptos::html::Canvas;
use leptos::prelude::*;
use std::f64::consts::TAU;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// What the cached sea-and-outlines layer was drawn for: view, size, pixel
/// ratio and outline data.
type BaseKey = (MapView, u64, u64, u64, Option<usize>);

/// The cached sea-and-outlines layer and what it was drawn for.
type BaseCache = StoredValue<Option<(BaseKey, HtmlCanvasElement)>, LocalStorage>;

/// The map itself: a canvas that draws the filtered places over the
/// outlines, pans and zooms with the pointer, wheel and keys, reports the
/// place under the pointer and selects the place clicked.
#[component]
pub fn MapCanvas(
    /// Country outlines, once loaded.
    outlines: Signal<Option<Arc<Outlines>>>,
    /// Set to the place under the pointer.
    hover: RwSignal<Option<Hover>>,
) -> impl IntoView {
    let ctx = use_ctx();
    let canvas = NodeRef::<Canvas>::new();
    let size = watch_size(canvas);
    // The points as last drawn, for hit-testing.
    let layer = StoredValue::new(PointLayer::default());
    let base: BaseCache = StoredValue::new_local(None);
    let redraw = frame_scheduler(move || draw(ctx, canvas, size, outlines, layer, base));

    Effect::new(move |_| {
        // What the picture shows; the frame reads it again when it draws.
        ctx.selected_place.track();
        ctx.snapshot.track();
        outlines.track();
        let view_state = ctx.map_view.get();
        let Some((w, h)) = size.get() else {
            return;
        };
        let (w, h) = (w.max(1.0), h.max(1.0));
        let view = ctx.data.with_value(|d| match (view_state, d) {
            (Some(v), _) => v.resized(w, h),
            (None, Some(l)) => {
                let places = &l.store.places;
                initial_view(
                    places.lon.iter().copied().zip(places.lat.iter().copied()),
                    w,
                    h,
                )
            }
            (None, None) => initial_view(std::iter::empty(), w, h),
        });
        if view_state != Some(view) {
            ctx.map_view.set(Some(view));
            return; // the effect runs again with the stored view
        }
        redraw();
    });

    let pointer = Pointer {
        ctx,
        canvas,
        layer,
        hover,
        drag: StoredValue::new(Default::default()),
    };
    view! {
        <canvas
            node_ref=canvas
            class="map-canvas"
            data-testid="map"
            aria-describedby="map-summary"
            tabindex="0"
            role="img"
            aria-label="Map of the filtered events: each circle is a place, larger for more fatalities. Drag or use the arrow keys to move, the wheel or + and - to zoom; click a circle to list its events."
            on:pointerdown=move |ev| pointer.down(&ev)
            on:pointermove=move |ev| pointer.moved(&ev)
            on:pointerup=move |ev| pointer.up(&ev)
            on:pointerleave=move |_| hover.set(None)
            on:wheel=move |ev| pointer.wheel(&ev)
            on:keydown=move |ev| pointer.key(&ev)
        ></canvas>
    }
}

/// Draws the map as it is now: the cached base layer, then the points, the
/// selected place's ring, or a sentence when no point passes the filters.
fn draw(
    ctx: Ctx,
    canvas: NodeRef<Canvas>,
    size: ReadSignal<Option<(f64, f64)>>,
    outlines: Signal<Option<Arc<Outlines>>>,
    layer: StoredValue<PointLayer>,
    base: BaseCache,
) {
    let (Some(el), Some(size), Some(view)) = (
        canvas.get_untracked(),
        size.get_untracked(),
        ctx.map_view.get_untracked(),
    ) else {
        return;
    };
    let Some((c2d, w, h)) = prepare_canvas(&el, size) else {
        return;
    };
    let view = view.resized(w, h);
    let lines = outlines.get_untracked();
    // Sea and country outlines change only with the view, so they are
    // drawn once into an offscreen canvas and copied on each redraw.
    let ratio = window().device_pixel_ratio().max(1.0);
    let key = (
        view,
        w.to_bits(),
        h.to_bits(),
        ratio.to_bits(),
        lines.as_ref().map(|l| Arc::as_ptr(l) as usize),
    );
    let cached = base.with_value(|b| {
        b.as_ref()
            .filter(|(k, _)| *k == key)
            .map(|(_, c)| c.clone())
    });
    let sea = cached.or_else(|| {
        let drawn = base_layer(&view, ratio, lines.as_deref())?;
        base.set_value(Some((key, drawn.clone())));
        Some(drawn)
    });
    if let Some(sea) = sea {
        let _ = c2d.draw_image_with_html_canvas_element_and_dw_and_dh(&sea, 0.0, 0.0, w, h);
    }
    let selected = ctx.selected_place.get_untracked();
    ctx.snapshot.with_untracked(|s| {
        ctx.data.with_value(|d| {
            let Some(l) = d else {
                return;
            };
            let points = PointLayer::new(&s.views.map, &view);
            draw_points(&c2d, &points, |ty| point_colour(&l.store, ty));
            let fg = css_colour("--fg", "#1a1a1a");
            if let Some(p) = selected.and_then(|sel| points.point_of(sel)) {
                c2d.set_stroke_style_str(&fg);
                c2d.set_line_width(2.5);
                c2d.begin_path();
                let _ = c2d.arc(p.x, p.y, p.r + 3.0, 0.0, TAU);
                c2d.stroke();
            }
            if s.views.map.is_empty() {
                c2d.set_fill_style_str(&fg);
                c2d.set_font("13px system-ui, sans-serif");
                let _ = c2d.fill_text(NO_POINTS, 12.0, 22.0);
            }
            layer.set_value(points);
        })
    });
}

/// The map as it is on show, drawn afresh at `scale` device pixels per CSS
/// pixel for an export (sharp at any scale, where copying the canvas on
/// the page would blur it): sea, outlines and points, no selection ring.
pub fn render(ctx: Ctx, outlines: Option<&Outlines>, scale: f64) -> Option<HtmlCanvasElement> {
    let view = ctx.map_view.get_untracked()?;
    let layer = base_layer(&view, scale, outlines)?;
    let c2d: CanvasRenderingContext2d = layer.get_context("2d").ok()??.dyn_into().ok()?;
    let _ = c2d.set_transform(scale, 0.0, 0.0, scale, 0.0, 0.0);
    ctx.snapshot.with_untracked(|s| {
        ctx.data.with_value(|d| {
            let Some(l) = d else {
                return;
            };
            let points = PointLayer::new(&s.views.map, &view);
            draw_points(&c2d, &points, |ty| point_colour(&l.store, ty));
            if s.views.map.is_empty() {
                c2d.set_fill_style_str(&css_colour("--fg", "#1a1a1a"));
                c2d.set_font("13px system-ui, sans-serif");
                let _ = c2d.fill_text(NO_POINTS, 12.0, 22.0);
            }
        })
    });
    Some(layer)
}

/// Fills (and outlines, for larger ones) the circles of each batch.
fn draw_points(
    c2d: &CanvasRenderingContext2d,
    points: &PointLayer,
    colour: impl Fn(u16) -> &'static str,
) {
    c2d.set_line_width(1.0);
    c2d.set_stroke_style_str(&css_colour("--bg", "#fff"));
    c2d.set_global_alpha(0.85);
    for batch in &points.batches {
        c2d.set_fill_style_str(colour(batch.event_type));
        c2d.begin_path();
        for p in batch.points.iter().filter_map(|&i| points.points.get(i)) {
            c2d.move_to(p.x + p.r, p.y);
            let _ = c2d.arc(p.x, p.y, p.r, 0.0, TAU);
        }
        c2d.fill();
        if batch.outlined {
            c2d.stroke();
        }
    }
    c2d.set_global_alpha(1.0);
}

/// Draws the sea and the country outlines into a new offscreen canvas of
/// the map's pixel size.
fn base_layer(
    view: &MapView,
    ratio: f64,
    outlines: Option<&Outlines>,
) -> Option<HtmlCanvasElement> {
    let (w, h) = (view.width, view.height);
    let layer: HtmlCanvasElement = document().create_element("canvas").ok()?.dyn_into().ok()?;
    layer.set_width((w * ratio).round() as u32);
    layer.set_height((h * ratio).round() as u32);
    let c2d: CanvasRenderingContext2d = layer.get_context("2d").ok()??.dyn_into().ok()?;
    let _ = c2d.set_transform(ratio, 0.0, 0.0, ratio, 0.0, 0.0);
    c2d.set_fill_style_str(&css_colour("--map-sea", "#eef3f7"));
    c2d.fill_rect(0.0, 0.0, w, h);
    let Some(outlines) = outlines else {
        return Some(layer);
    };
    c2d.set_fill_style_str(&css_colour("--map-land", "#f7f5f0"));
    c2d.set_stroke_style_str(&css_colour("--map-border", "#b9b4a8"));
    c2d.set_line_width(0.8);
    // All visible rings in one path: one fill and one stroke.
    c2d.begin_path();
    for ring in outlines.paths(view) {
        for (i, (x, y)) in ring.enumerate() {
            if i == 0 {
                c2d.move_to(x, y);
            } else {
                c2d.line_to(x, y);
            }
        }
        c2d.close_path();
    }
    c2d.fill();
    c2d.stroke();
    Some(layer)
}
