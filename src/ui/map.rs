//! The map: one point per place, sized by fatalities and coloured by the
//! place's most frequent event type, over country outlines (Natural Earth,
//! public domain, via world-atlas). Drag to pan, wheel or buttons to zoom,
//! arrow keys to pan; hovering a point names the place, clicking lists its
//! events.

use super::dom::{css_colour, fetch_bytes, prepare_canvas, watch_size};
use super::use_ctx;
use crate::engine::data::date::format_iso;
use crate::engine::data::dimension::Category;
use crate::engine::data::store::Store;
use crate::engine::present::format::plural;
use crate::engine::present::map::{bounds, hit_test, mercator, point_radius, MapView};
use crate::engine::present::palette::event_type_colour;
use leptos::html::Canvas;
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::Deserialize;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

const OUTLINES_URL: &str = "data/countries.json";

#[derive(Deserialize)]
struct OutlineFile {
    countries: Vec<OutlineCountry>,
}

#[derive(Deserialize)]
struct OutlineCountry {
    /// Flat `[lon, lat, lon, lat, ...]` per ring.
    rings: Vec<Vec<f32>>,
}

/// A ring of a country outline in plane (Mercator) units, with its box.
struct Ring {
    points: Vec<(f64, f64)>,
    min: (f64, f64),
    max: (f64, f64),
}

fn parse_outlines(bytes: &[u8]) -> Option<Vec<Ring>> {
    let file: OutlineFile = serde_json::from_slice(bytes).ok()?;
    let mut rings = Vec::new();
    for country in file.countries {
        for flat in country.rings {
            let points: Vec<(f64, f64)> = flat
                .chunks_exact(2)
                .map(|p| mercator(f64::from(p[0]), f64::from(p[1])))
                .collect();
            if points.len() < 3 {
                continue;
            }
            let (mut min, mut max) = (points[0], points[0]);
            for &(x, y) in &points {
                min = (min.0.min(x), min.1.min(y));
                max = (max.0.max(x), max.1.max(y));
            }
            rings.push(Ring { points, min, max });
        }
    }
    Some(rings)
}

/// A point as drawn: pixel position, radius, place code.
#[derive(Clone, Copy)]
struct Drawn {
    x: f64,
    y: f64,
    r: f64,
    place: u32,
    event_type: u16,
}

fn initial_view(store: &Store, width: f64, height: f64) -> MapView {
    let all = bounds(
        store
            .places
            .lon
            .iter()
            .zip(&store.places.lat)
            .map(|(&lon, &lat)| (f64::from(lon), f64::from(lat))),
    );
    MapView::fit(
        all.unwrap_or((-18.0, 0.0, 25.0, 30.0)),
        width,
        height,
        24.0,
        2.0,
    )
}

/// Radius up to which a point is drawn without an outline, one per pixel
/// cell (see the drawing loop).
const SMALL_POINT: f64 = 3.5;

/// What the cached sea-and-outlines layer was drawn for: view, size, pixel
/// ratio and outline data.
type BaseKey = (MapView, u64, u64, u64, Option<usize>);

/// Draws the sea and the country outlines into a new offscreen canvas of
/// the map's pixel size.
fn draw_base_layer(
    view: &MapView,
    w: f64,
    h: f64,
    ratio: f64,
    rings: Option<&Vec<Ring>>,
) -> Option<HtmlCanvasElement> {
    let layer: HtmlCanvasElement = window()
        .document()?
        .create_element("canvas")
        .ok()?
        .dyn_into()
        .ok()?;
    layer.set_width((w * ratio).round() as u32);
    layer.set_height((h * ratio).round() as u32);
    let c2d: CanvasRenderingContext2d = layer.get_context("2d").ok()??.dyn_into().ok()?;
    let _ = c2d.set_transform(ratio, 0.0, 0.0, ratio, 0.0, 0.0);
    c2d.set_fill_style_str(&css_colour("--map-sea", "#eef3f7"));
    c2d.fill_rect(0.0, 0.0, w, h);
    let Some(rings) = rings else {
        return Some(layer);
    };
    c2d.set_fill_style_str(&css_colour("--map-land", "#f7f5f0"));
    c2d.set_stroke_style_str(&css_colour("--map-border", "#b9b4a8"));
    c2d.set_line_width(0.8);
    let (x0, y1) = (
        view.center_x - w / 2.0 / view.scale,
        view.center_y + h / 2.0 / view.scale,
    );
    let (x1, y0) = (
        view.center_x + w / 2.0 / view.scale,
        view.center_y - h / 2.0 / view.scale,
    );
    // All visible rings in one path: one fill and one stroke.
    c2d.begin_path();
    for ring in rings.iter() {
        if ring.max.0 < x0 || ring.min.0 > x1 || ring.max.1 < y0 || ring.min.1 > y1 {
            continue;
        }
        for (i, &(x, y)) in ring.points.iter().enumerate() {
            let (px, py) = view.plane_to_screen(x, y);
            if i == 0 {
                c2d.move_to(px, py);
            } else {
                c2d.line_to(px, py);
            }
        }
        c2d.close_path();
    }
    c2d.fill();
    c2d.stroke();
    Some(layer)
}

#[component]
pub fn MapPanel() -> impl IntoView {
    let ctx = use_ctx();
    let canvas = NodeRef::<Canvas>::new();
    let outlines: RwSignal<Option<Arc<Vec<Ring>>>> = RwSignal::new(None);
    let drawn: StoredValue<Vec<Drawn>> = StoredValue::new(Vec::new());
    let base_layer: StoredValue<Option<(BaseKey, HtmlCanvasElement)>, LocalStorage> =
        StoredValue::new_local(None);
    let hover = RwSignal::new(None::<(u32, f64, f64)>);
    let drag = StoredValue::new(None::<(f64, f64, bool)>);
    let size = watch_size(canvas);

    spawn_local(async move {
        if let Ok(bytes) = fetch_bytes(OUTLINES_URL).await {
            if let Some(rings) = parse_outlines(&bytes) {
                outlines.set(Some(Arc::new(rings)));
            }
        }
    });

    Effect::new(move |_| {
        let selected = ctx.selected_place.get();
        let lines = outlines.get();
        let view_state = ctx.map_view.get();
        let (Some(el), Some(size)) = (canvas.get(), size.get()) else {
            return;
        };
        let Some((c2d, w, h)) = prepare_canvas(&el, size) else {
            return;
        };
        let view = ctx.data.with_value(|d| match (view_state, d) {
            (Some(v), _) => v.resized(w, h),
            (None, Some(l)) => initial_view(&l.store, w, h),
            (None, None) => MapView::fit((-18.0, 0.0, 25.0, 30.0), w, h, 24.0, 2.0),
        });
        if view_state != Some(view) {
            ctx.map_view.set(Some(view));
            return; // the effect runs again with the stored view
        }
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
        let cached = base_layer.with_value(|b| {
            b.as_ref()
                .filter(|(k, _)| *k == key)
                .map(|(_, c)| c.clone())
        });
        let base = cached.or_else(|| {
            let layer = draw_base_layer(&view, w, h, ratio, lines.as_deref())?;
            base_layer.set_value(Some((key, layer.clone())));
            Some(layer)
        });
        if let Some(base) = base {
            let _ = c2d.draw_image_with_html_canvas_element_and_dw_and_dh(&base, 0.0, 0.0, w, h);
        }
        let outline = css_colour("--bg", "#fff");
        let fg = css_colour("--fg", "#1a1a1a");
        ctx.snapshot.with(|s| {
            ctx.data.with_value(|d| {
                let Some(l) = d else {
                    return;
                };
                let points = &s.views.map;
                let max = points.iter().map(|p| p.fatalities).max().unwrap_or(0);
                let mut shown: Vec<Drawn> = points
                    .iter()
                    .map(|p| {
                        let (x, y) = view.to_screen(f64::from(p.lon), f64::from(p.lat));
                        Drawn {
                            x,
                            y,
                            r: point_radius(p.fatalities, max),
                            place: p.place,
                            event_type: p.event_type,
                        }
                    })
                    .filter(|d| d.x > -20.0 && d.y > -20.0 && d.x < w + 20.0 && d.y < h + 20.0)
                    .collect();
                // Bigger circles first, so small ones stay visible on top;
                // within a size class, one path per colour (a fill per
                // circle is slow with tens of thousands of places).
                let class = |r: f64| (r / 3.0).floor() as i64;
                shown.sort_by(|a, b| {
                    class(b.r)
                        .cmp(&class(a.r))
                        .then(a.event_type.cmp(&b.event_type))
                        .then(b.r.total_cmp(&a.r))
                });
                c2d.set_line_width(1.0);
                c2d.set_stroke_style_str(&outline);
                c2d.set_global_alpha(0.85);
                // The smallest circles (places without reported deaths) are
                // most of the points and go without an outline. Rasterising
                // tens of thousands of stroked arcs was most of a redraw.
                let mut covered = std::collections::HashSet::new();
                for batch in
                    shown.chunk_by(|a, b| class(a.r) == class(b.r) && a.event_type == b.event_type)
                {
                    let ty = batch[0].event_type;
                    let name = if ty == u16::MAX {
                        ""
                    } else {
                        l.store.names[Category::EventType].name(u32::from(ty))
                    };
                    let small = batch[0].r <= SMALL_POINT;
                    // One point per cell about a point's width across: what
                    // would be drawn on top of an equal or larger point of
                    // the same colour adds nothing to see, but costs raster
                    // time with hundreds of thousands of places.
                    let cell = (batch[0].r * 1.5).max(4.0);
                    c2d.set_fill_style_str(event_type_colour(name, usize::from(ty)));
                    c2d.begin_path();
                    for p in batch {
                        let key = (ty, class(p.r), (p.x / cell) as i32, (p.y / cell) as i32);
                        if !covered.insert(key) {
                            continue;
                        }
                        c2d.move_to(p.x + p.r, p.y);
                        let _ = c2d.arc(p.x, p.y, p.r, 0.0, std::f64::consts::TAU);
                    }
                    c2d.fill();
                    if !small {
                        c2d.stroke();
                    }
                }
                c2d.set_global_alpha(1.0);
                if let Some(sel) = selected.and_then(|sel| shown.iter().find(|p| p.place == sel)) {
                    c2d.set_stroke_style_str(&fg);
                    c2d.set_line_width(2.5);
                    c2d.begin_path();
                    let _ = c2d.arc(sel.x, sel.y, sel.r + 3.0, 0.0, std::f64::consts::TAU);
                    c2d.stroke();
                }
                if points.is_empty() {
                    c2d.set_fill_style_str(&fg);
                    c2d.set_font("13px system-ui, sans-serif");
                    let _ =
                        c2d.fill_text("No event with coordinates matches the filters.", 12.0, 22.0);
                }
                drawn.set_value(shown);
            });
        });
    });

    let pos = |ev: &web_sys::PointerEvent| (f64::from(ev.offset_x()), f64::from(ev.offset_y()));
    let hit = move |x: f64, y: f64| -> Option<u32> {
        drawn.with_value(|d| {
            let circles: Vec<(f64, f64, f64)> = d.iter().map(|p| (p.x, p.y, p.r)).collect();
            hit_test(&circles, x, y, 2.0).map(|i| d[i].place)
        })
    };
    let change_view = move |f: &dyn Fn(&mut MapView)| {
        ctx.map_view.update(|v| {
            if let Some(v) = v {
                f(v);
            }
        })
    };
    let on_down = move |ev: web_sys::PointerEvent| {
        if ev.button() != 0 {
            return;
        }
        if let Some(el) = canvas.get_untracked() {
            let _ = el.set_pointer_capture(ev.pointer_id());
        }
        let (x, y) = pos(&ev);
        drag.set_value(Some((x, y, false)));
    };
    let on_move = move |ev: web_sys::PointerEvent| {
        let (x, y) = pos(&ev);
        match drag.get_value() {
            Some((x0, y0, moved)) => {
                let moved = moved || (x - x0).abs() + (y - y0).abs() > 3.0;
                if moved {
                    change_view(&|v| v.pan(x - x0, y - y0));
                    drag.set_value(Some((x, y, true)));
                    hover.set(None);
                }
            }
            None => hover.set(hit(x, y).map(|p| (p, x, y))),
        }
    };
    let on_up = move |ev: web_sys::PointerEvent| {
        let (x, y) = pos(&ev);
        if let Some((_, _, false)) = drag.get_value() {
            ctx.selected_place.set(hit(x, y));
        }
        drag.set_value(None);
    };
    let on_wheel = move |ev: web_sys::WheelEvent| {
        ev.prevent_default();
        let factor = (-ev.delta_y() * 0.0015).exp().clamp(0.5, 2.0);
        let (x, y) = (f64::from(ev.offset_x()), f64::from(ev.offset_y()));
        change_view(&|v| v.zoom_at(x, y, factor));
    };
    let zoom_centre =
        move |factor: f64| change_view(&|v| v.zoom_at(v.width / 2.0, v.height / 2.0, factor));
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let (dx, dy) = match ev.key().as_str() {
            "ArrowLeft" => (60.0, 0.0),
            "ArrowRight" => (-60.0, 0.0),
            "ArrowUp" => (0.0, 60.0),
            "ArrowDown" => (0.0, -60.0),
            "+" | "=" => return zoom_centre(1.5),
            "-" => return zoom_centre(1.0 / 1.5),
            _ => return,
        };
        ev.prevent_default();
        change_view(&|v| v.pan(dx, dy));
    };

    let tooltip = move || {
        let (place, x, y) = hover.get()?;
        let text = ctx.snapshot.with(|s| {
            let point = s.views.map.iter().find(|p| p.place == place)?;
            let name = ctx
                .data
                .with_value(|d| d.as_ref().map(|l| l.store.place_label(place)))?;
            Some(format!(
                "{name}: {}, {}",
                plural(u64::from(point.events), "event", "events"),
                plural(point.fatalities, "fatality", "fatalities")
            ))
        })?;
        Some(view! {
            <div class="map-tooltip" style:left=format!("{}px", x + 12.0) style:top=format!("{}px", y + 12.0)>
                {text}
            </div>
        })
    };

    view! {
        <section class="panel map" aria-labelledby="map-title">
            <div class="panel-head">
                <h2 id="map-title">"Where"</h2>
                <div class="controls" role="group" aria-label="Map zoom">
                    <button aria-label="Zoom in" on:click=move |_| zoom_centre(1.5)>
                        "+"
                    </button>
                    <button aria-label="Zoom out" on:click=move |_| zoom_centre(1.0 / 1.5)>
                        "\u{2212}"
                    </button>
                    <button on:click=move |_| ctx.map_view.set(None)>"Reset"</button>
                </div>
            </div>
            <div class="map-wrap">
                <canvas
                    node_ref=canvas
                    class="map-canvas"
                    data-testid="map"
                    aria-describedby="map-summary"
                    tabindex="0"
                    role="img"
                    aria-label="Map of the filtered events: each circle is a place, larger for more fatalities. Drag or use the arrow keys to move, the wheel or + and - to zoom; click a circle to list its events."
                    on:pointerdown=on_down
                    on:pointermove=on_move
                    on:pointerup=on_up
                    on:pointerleave=move |_| hover.set(None)
                    on:wheel=on_wheel
                    on:keydown=on_key
                ></canvas>
                {tooltip}
            </div>
            <super::exports::ChartTools chart=super::exports::Chart::Map/>
            <PlaceEvents/>
            <p class="muted small">"Country outlines: Natural Earth (public domain), via world-atlas."</p>
        </section>
    }
}

/// The events of the place clicked on the map (those passing the filters).
#[component]
fn PlaceEvents() -> impl IntoView {
    let ctx = use_ctx();
    const SHOWN: usize = 50;
    move || {
        let place = ctx.selected_place.get()?;
        let (name, items, total) = ctx.snapshot.with(|s| {
            ctx.data.with_value(|d| {
                let store = &d.as_ref()?.store;
                let rows: Vec<u32> = s
                    .rows
                    .iter()
                    .copied()
                    .filter(|&r| store.place[r as usize] == place)
                    .collect();
                let items: Vec<(u32, String)> = rows
                    .iter()
                    .take(SHOWN)
                    .map(|&r| {
                        let i = r as usize;
                        let ty = store.event_type[i];
                        let ty = if ty == u16::MAX {
                            ""
                        } else {
                            store.names[Category::EventType].name(u32::from(ty))
                        };
                        (
                            r,
                            format!(
                                "{} \u{b7} {ty} \u{b7} {} fatalities",
                                format_iso(store.date[i]),
                                store.fatalities[i]
                            ),
                        )
                    })
                    .collect();
                Some((store.place_label(place), items, rows.len()))
            })
        })?;
        Some(view! {
            <div class="place-events" data-testid="place-events">
                <div class="panel-head">
                    <h3>{name}</h3>
                    <button class="close" on:click=move |_| ctx.selected_place.set(None)>
                        "Close"
                    </button>
                </div>
                <p class="muted">
                    {format!("{} the filters here", plural(total as u64, "event matches", "events match"))}
                    {(total > SHOWN).then(|| format!("; the first {SHOWN} are listed"))}
                </p>
                <ul>
                    {items
                        .into_iter()
                        .map(|(row, text)| {
                            view! {
                                <li>
                                    <button class="link" on:click=move |_| ctx.details.set(Some(row))>
                                        {text}
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </div>
        })
    }
}
