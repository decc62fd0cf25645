//! The map's canvas: keeps the view fitted to the canvas and redraws the
//! sea, the outlines and the points at most once per animation frame; the
//! list of the busiest places in sight that Tab moves through.

use super::pointer::Pointer;
use super::Hover;
use crate::engine::data::dimension::Category;
use crate::engine::data::store::Store;
use crate::engine::present::format::thousands;
use crate::engine::present::map::{bounds, fit_to_data, MapView};
use crate::engine::present::map_layers::{
    initial_view, point_colour, tooltip_text, Outlines, PointLayer, DEFAULT_BOUNDS,
};
use crate::engine::present::map_marks::{
    legend_corner, place_labels, size_label_heights, MapLegend, Rect,
};
use crate::engine::present::map_modes::{
    places_in_view, region_key, region_name, region_points, region_tooltip, regions, DensityGrid,
    MapLayer,
};
use crate::engine::present::map_play::top_in_view;
use crate::engine::query::MapPoint;
use crate::ui::dom::{css_colour, frame_scheduler, prepare_canvas, watch_size};
use crate::ui::{use_ctx, Ctx};
use leptos::html::Canvas;
use leptos::prelude::*;
use std::f64::consts::TAU;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// A place (or region) Tab reaches on the map: its code, what a screen
/// reader says of it (name and counts), and whether Enter lists its
/// events (a region stands for many places and lists none).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct MapStop {
    pub place: u32,
    pub text: String,
    pub opens: bool,
}

/// The places Tab reaches, each with where it is on the canvas.
type StopsAt = Vec<(MapStop, (f64, f64))>;

/// Where a redraw leaves what it drew, for the pointer, the keyboard and
/// the layer buttons.
#[derive(Clone, Copy)]
struct Results {
    /// The points as drawn, for hit-testing.
    layer: StoredValue<PointLayer>,
    /// The layer drawn.
    drawn: RwSignal<MapLayer>,
    /// The busiest places in sight, changed only when they change.
    stops: RwSignal<Vec<MapStop>>,
    /// Where each of them is on the canvas.
    stops_at: StoredValue<Vec<(u32, (f64, f64))>>,
}

/// Places Tab moves through: as many as the map names at most.
const TAB_STOPS: usize = MAX_PLACE_LABELS;

/// Screen width a country needs before its name is written in it.
const COUNTRY_NAME_MIN_PX: f64 = 70.0;

/// The map itself: a canvas that draws the filtered places over the
/// outlines, pans and zooms with the pointer, wheel and keys, reports the
/// place under the pointer and selects the place clicked.
#[component]
pub fn MapCanvas(
    /// Country outlines, once loaded.
    outlines: Signal<Option<Arc<Outlines>>>,
    /// Set to the place under the pointer.
    hover: RwSignal<Option<Hover>>,
    /// Set to the layer drawn (the user's choice, or the automatic one).
    drawn: RwSignal<MapLayer>,
    /// The map keeps its view (a play through time is under way).
    frozen: Signal<bool>,
) -> impl IntoView {
    let ctx = use_ctx();
    let canvas = NodeRef::<Canvas>::new();
    let size = watch_size(canvas);
    // The points as last drawn, for hit-testing.
    let layer = StoredValue::new(PointLayer::default());
    // The busiest places in sight, set by each redraw when they change.
    let stops = RwSignal::new(Vec::<MapStop>::new());
    // Where each of them is on the canvas, as last drawn.
    let stops_at = StoredValue::new(Vec::<(u32, (f64, f64))>::new());
    let frames = StoredValue::new(0u64);
    // Whether the view is the fit to the data (the page's data-follows-data).
    let follows = RwSignal::new(true);
    let redraw = frame_scheduler(move || {
        let results = Results {
            layer,
            drawn,
            stops,
            stops_at,
        };
        draw(ctx, canvas, size, outlines, results);
        // Counts the frames drawn, for tools and benchmarks that wait for
        // the map to be painted.
        frames.update_value(|n| *n += 1);
        if let Some(el) = canvas.get_untracked() {
            let _ = el.set_attribute("data-frames", &frames.get_value().to_string());
        }
    });
    let chosen = Memo::new(move |_| ctx.app.with(|a| a.map_layer));

    // The map follows the data (fits the filtered places whenever they or
    // the canvas change) until the user pans or zooms; the effect returns
    // the view it last fitted, and a stored view that differs from it was
    // moved by the user. Reset and a new dataset clear the view, which
    // makes it follow again.
    Effect::new(move |last_fit: Option<Option<MapView>>| {
        let last_fit = last_fit.flatten();
        ctx.selected_place.track();
        outlines.track();
        chosen.track();
        let view_state = ctx.map_view.get();
        let Some((w, h)) = size.get() else {
            return last_fit;
        };
        let (w, h) = (w.max(1.0), h.max(1.0));
        let follow = view_state.is_none() || (view_state == last_fit && !frozen.get());
        if follows.get_untracked() != follow {
            follows.set(follow);
        }
        let (view, fitted) = if follow {
            let fitted = ctx.snapshot.with(|s| {
                ctx.data.with_value(|d| {
                    let all = d.as_ref().and_then(|l| {
                        let places = &l.store.places;
                        bounds(
                            places
                                .lon
                                .iter()
                                .zip(&places.lat)
                                .map(|(&lon, &lat)| (f64::from(lon), f64::from(lat))),
                        )
                    });
                    fit_to_data(&s.views.map, all.unwrap_or(DEFAULT_BOUNDS), w, h)
                })
            });
            (fitted, Some(fitted))
        } else {
            ctx.snapshot.track();
            let v = view_state.map(|v| v.resized(w, h));
            (
                v.unwrap_or_else(|| initial_view(std::iter::empty(), w, h)),
                last_fit,
            )
        };
        if view_state != Some(view) {
            ctx.map_view.set(Some(view));
            return fitted; // the effect runs again with the stored view
        }
        redraw();
        fitted
    });

    let pointer = Pointer {
        ctx,
        canvas,
        layer,
        hover,
        drag: StoredValue::new(Default::default()),
        drawn,
    };
    view! {
        <canvas
            node_ref=canvas
            class="map-canvas"
            data-testid="map"
            aria-describedby="map-summary"
            tabindex="0"
            data-west=move || extent(ctx, 0)
            data-south=move || extent(ctx, 1)
            data-east=move || extent(ctx, 2)
            data-north=move || extent(ctx, 3)
            data-follows-data=move || follows.get().to_string()
            data-outlines=move || outlines.with(Option::is_some).to_string()
            data-map-layer=move || drawn.get().name()
            role="img"
            aria-label=crate::t!("map-label")
            on:pointerdown=move |ev| pointer.down(&ev)
            on:pointermove=move |ev| pointer.moved(&ev)
            on:pointerup=move |ev| pointer.up(&ev)
            on:pointerleave=move |_| hover.set(None)
            on:wheel=move |ev| pointer.wheel(&ev)
            on:keydown=move |ev| pointer.key(&ev)
        ></canvas>
        <MapStops stops=stops at=stops_at hover=hover/>
    }
}

/// The busiest places in sight as a list for the keyboard and screen
/// readers (visually hidden): each a button named with its counts, which
/// shows the place's tooltip on the map while focused and lists its events
/// when pressed, as a click on its circle does.
#[component]
fn MapStops(
    /// The places, busiest first.
    stops: RwSignal<Vec<MapStop>>,
    /// Where each place is on the canvas, as last drawn.
    at: StoredValue<Vec<(u32, (f64, f64))>>,
    /// The place whose tooltip shows.
    hover: RwSignal<Option<Hover>>,
) -> impl IntoView {
    let ctx = use_ctx();
    let focus = move |place: u32| {
        let spot = at.with_value(|a| a.iter().find(|s| s.0 == place).map(|s| s.1));
        if let Some((x, y)) = spot {
            hover.set(Some(Hover { place, x, y }));
        }
    };
    view! {
        <ul class="visually-hidden map-stops" aria-label=crate::t!("map-stops-label") data-testid="map-stops">
            <For each=move || stops.get() key=|stop| stop.clone() let:stop>
                {
                    let place = stop.place;
                    let text = stop.text.clone();
                    if stop.opens {
                        view! {
                            <li>
                                <button
                                    data-place=place
                                    on:focus=move |_| focus(place)
                                    on:blur=move |_| hover.set(None)
                                    on:click=move |_| ctx.selected_place.set(Some(place))
                                >
                                    {text}
                                </button>
                            </li>
                        }
                            .into_any()
                    } else {
                        view! {
                            <li
                                tabindex="0"
                                data-place=place
                                on:focus=move |_| focus(place)
                                on:blur=move |_| hover.set(None)
                            >
                                {text}
                            </li>
                        }
                            .into_any()
                    }
                }
            </For>
        </ul>
    }
}

/// One side of the visible box (0 west, 1 south, 2 east, 3 north) in
/// degrees, for tests and tools reading the page; empty before the map has
/// a view.
fn extent(ctx: Ctx, side: usize) -> String {
    ctx.map_view
        .get()
        .map(|v| {
            let (w, s, e, n) = v.visible_bounds();
            format!("{:.4}", [w, s, e, n][side])
        })
        .unwrap_or_default()
}

/// Draws the map as it is now: the cached base layer, then the points, the
/// selected place's ring, or a sentence when no point passes the filters.
fn draw(
    ctx: Ctx,
    canvas: NodeRef<Canvas>,
    size: ReadSignal<Option<(f64, f64)>>,
    outlines: Signal<Option<Arc<Outlines>>>,
    results: Results,
) {
    let Results {
        layer,
        drawn,
        stops,
        stops_at,
    } = results;
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
    let ratio = window().device_pixel_ratio().max(1.0);
    draw_base(&c2d, &view, ratio, outlines.get_untracked().as_ref());
    let selected = ctx.selected_place.get_untracked();
    if let Some((points, mode, now)) = draw_marks(ctx, &c2d, &view, selected) {
        if drawn.get_untracked() != mode {
            drawn.set(mode);
        }
        layer.set_value(points);
        let (now, at): (Vec<MapStop>, Vec<(f64, f64)>) = now.into_iter().unzip();
        stops_at.set_value(now.iter().map(|s| s.place).zip(at).collect());
        // The list changes as places come into sight, not with every
        // pixel of a pan (which would rebuild it and lose the focus).
        if stops.with_untracked(|s| *s != now) {
            stops.set(now);
        }
    }
}

/// Draws the events over the base layer: the layer chosen (points, regions
/// or density) with the busiest places' names and the legend, the ring of
/// the `selected` place, or a sentence when no event passes the filters.
/// The same for the page and the export. Returns the points drawn (for
/// hit-testing), the layer drawn and the places Tab moves through.
fn draw_marks(
    ctx: Ctx,
    c2d: &CanvasRenderingContext2d,
    view: &MapView,
    selected: Option<u32>,
) -> Option<(PointLayer, MapLayer, StopsAt)> {
    let (w, h) = (view.width, view.height);
    let chosen = ctx.app.with_untracked(|a| a.map_layer);
    ctx.snapshot.with_untracked(|s| {
        ctx.data.with_value(|d| {
            let l = d.as_ref()?;
            let map = &s.views.map;
            // Counting the places in sight projects every place: only the
            // automatic choice needs it.
            let in_view = if chosen == MapLayer::Auto {
                places_in_view(map, view)
            } else {
                0
            };
            let mode = chosen.resolve(in_view);
            let fg = css_colour("--fg", "#1a1a1a");
            // The busiest places in sight, named with their counts as the
            // tooltip names them.
            let place_stops = || {
                top_in_view(map, view, TAB_STOPS)
                    .into_iter()
                    .filter_map(|p| {
                        let text = tooltip_text(std::slice::from_ref(p), p.place, |p| {
                            l.store.place_label(p)
                        })?;
                        Some(stop(p, view, text, true))
                    })
                    .collect::<Vec<_>>()
            };
            // The legend's box is placed before the names, which keep out
            // of it.
            let (points, legend, placed, stops) = match mode {
                MapLayer::Regions => {
                    let all = regions(map, |p| region_key(&l.store, p));
                    let regions = region_points(&all);
                    let points = PointLayer::new(&regions, view);
                    draw_points(c2d, &points, |_| REGION_COLOUR);
                    let legend = MapLegend::for_regions(&regions);
                    let placed = legend_box(c2d, &legend, centres(&points), (w, h));
                    draw_labels(c2d, &regions, view, placed, |p| region_name(&l.store, p));
                    let stops = top_in_view(&regions, view, TAB_STOPS)
                        .into_iter()
                        .filter_map(|p| {
                            let text =
                                region_tooltip(&all, p.place, region_name(&l.store, p.place))?;
                            Some(stop(p, view, text, false))
                        })
                        .collect();
                    (points, legend, placed, stops)
                }
                MapLayer::Density => {
                    let grid = DensityGrid::new(map, view, DENSITY_CELL);
                    draw_density(c2d, &grid);
                    let legend = MapLegend::for_density(grid.cell, grid.max_events);
                    // The legend keeps off the busiest cells.
                    let half = grid.cell / 2.0;
                    let cells = grid.cells.iter().map(|c| (c.x + half, c.y + half));
                    let placed = legend_box(c2d, &legend, cells, (w, h));
                    // The busiest places named over the shading, as on
                    // points; no circles are drawn for names to keep off.
                    let named: Vec<MapPoint> = top_in_view(map, view, MAX_PLACE_LABELS * 50)
                        .into_iter()
                        .map(|p| MapPoint {
                            fatalities: 0,
                            ..p.clone()
                        })
                        .collect();
                    draw_labels(c2d, &named, view, placed, |p| {
                        l.store
                            .locations
                            .name(l.store.places.location[p as usize])
                            .to_string()
                    });
                    (PointLayer::default(), legend, placed, place_stops())
                }
                MapLayer::Points | MapLayer::Auto => {
                    let points = PointLayer::new(map, view);
                    draw_points(c2d, &points, |ty| point_colour(&l.store, ty));
                    if let Some(p) = selected.and_then(|sel| points.point_of(sel)) {
                        c2d.set_stroke_style_str(&fg);
                        c2d.set_line_width(2.5);
                        c2d.begin_path();
                        let _ = c2d.arc(p.x, p.y, p.r + 3.0, 0.0, TAU);
                        c2d.stroke();
                    }
                    let legend = map_legend(&l.store, map);
                    let placed = legend_box(c2d, &legend, centres(&points), (w, h));
                    draw_labels(c2d, map, view, placed, |p| {
                        l.store
                            .locations
                            .name(l.store.places.location[p as usize])
                            .to_string()
                    });
                    (points, legend, placed, place_stops())
                }
            };
            if let Some(placed) = placed {
                draw_legend(c2d, &legend, placed);
            }
            if map.is_empty() {
                c2d.set_fill_style_str(&fg);
                c2d.set_font("13px system-ui, sans-serif");
                let _ = c2d.fill_text(&crate::t!("map-no-points"), 12.0, 22.0);
            }
            Some((points, mode, stops))
        })
    })
}

/// The centres of the circles drawn.
fn centres(points: &PointLayer) -> impl Iterator<Item = (f64, f64)> + '_ {
    points.points.iter().map(|p| (p.x, p.y))
}

/// A place Tab reaches and where it is on the canvas.
fn stop(p: &MapPoint, view: &MapView, text: String, opens: bool) -> (MapStop, (f64, f64)) {
    let at = view.point_to_screen(p);
    (
        MapStop {
            place: p.place,
            text,
            opens,
        },
        at,
    )
}

/// The legend of the points: the store's event types in the palette.
pub fn map_legend(store: &Store, map: &[MapPoint]) -> MapLegend {
    MapLegend::new(
        map,
        |t| {
            store.names[Category::EventType]
                .name(u32::from(t))
                .to_string()
        },
        |t| point_colour(store, t),
    )
}

/// The colour of region symbols (one colour: they have no event type).
const REGION_COLOUR: &str = "#0072B2";

/// Pixels across a cell of the density grid.
const DENSITY_CELL: f64 = 12.0;

/// Shades each cell of the density grid by its events.
fn draw_density(c2d: &CanvasRenderingContext2d, grid: &DensityGrid) {
    c2d.set_fill_style_str(REGION_COLOUR);
    for cell in &grid.cells {
        c2d.set_global_alpha(grid.shade(cell.events));
        c2d.fill_rect(cell.x, cell.y, grid.cell, grid.cell);
    }
    c2d.set_global_alpha(1.0);
}

/// Places named at most at any zoom.
const MAX_PLACE_LABELS: usize = 12;

/// The font of place names and the legend.
const LABEL_FONT: &str = "11px system-ui, sans-serif";

/// Names the busiest places in sight where their names fit, each on a halo
/// of the background colour so it reads over circles and borders.
fn draw_labels(
    c2d: &CanvasRenderingContext2d,
    points: &[MapPoint],
    view: &MapView,
    legend: Option<Rect>,
    name: impl Fn(u32) -> String,
) {
    c2d.set_font(LABEL_FONT);
    let width = |t: &str| c2d.measure_text(t).map(|m| m.width()).unwrap_or(0.0) + 2.0;
    let avoid: Vec<Rect> = legend.into_iter().collect();
    let labels = place_labels(points, view, MAX_PLACE_LABELS, name, width, &avoid);
    c2d.set_text_baseline("middle");
    c2d.set_line_join("round");
    c2d.set_line_width(3.0);
    c2d.set_stroke_style_str(&css_colour("--bg", "#fff"));
    c2d.set_fill_style_str(&css_colour("--fg", "#1a1a1a"));
    for l in &labels {
        let y = l.y + l.height / 2.0;
        let _ = c2d.stroke_text(&l.text, l.x + 1.0, y);
        let _ = c2d.fill_text(&l.text, l.x + 1.0, y);
    }
    c2d.set_text_baseline("alphabetic");
}

/// Space around the legend's contents, and the height of one of its lines.
const PAD: f64 = 8.0;
const LINE: f64 = 16.0;

/// The legend's box `(x, y, width, height)`: sized to its contents, in the
/// corner covering the fewest points (lower left on a tie); `None` for an
/// empty legend.
fn legend_box(
    c2d: &CanvasRenderingContext2d,
    legend: &MapLegend,
    marks: impl IntoIterator<Item = (f64, f64)>,
    canvas: (f64, f64),
) -> Option<Rect> {
    if legend.types.is_empty()
        && legend.sizes.is_empty()
        && legend.note.is_none()
        && legend.shades.is_empty()
    {
        return None;
    }
    c2d.set_font(LABEL_FONT);
    let text_w = |t: &str| c2d.measure_text(t).map(|m| m.width()).unwrap_or(0.0);
    let biggest = legend.sizes.first().map_or(0.0, |s| s.1);
    let size_texts: Vec<String> = legend.sizes.iter().map(|(n, _)| thousands(*n)).collect();
    let types_w = legend
        .types
        .iter()
        .map(|(n, _)| 16.0 + text_w(n))
        .fold(0.0, f64::max);
    let sizes_w = 2.0 * biggest + 8.0 + size_texts.iter().map(|t| text_w(t)).fold(0.0, f64::max);
    let sizes_h = if legend.sizes.is_empty() {
        0.0
    } else {
        LINE + 2.0 * biggest + 4.0
    };
    let note = legend.note.as_deref().unwrap_or("");
    let note_h = if note.is_empty() { 0.0 } else { LINE };
    let box_w = types_w
        .max(sizes_w)
        .max(text_w(&legend.size_title))
        .max(text_w(note))
        + 2.0 * PAD;
    let (_, shades_w) = shade_row(legend, text_w);
    let shades_h = if legend.shades.is_empty() {
        0.0
    } else {
        2.0 * LINE
    };
    let box_w = box_w.max(shades_w + 2.0 * PAD);
    let box_h = legend.types.len() as f64 * LINE + sizes_h + note_h + shades_h + 2.0 * PAD;
    let (x0, y0) = legend_corner(marks, (box_w, box_h), canvas);
    Some((x0, y0, box_w, box_h))
}

/// The density swatches' spacing and the row's width: each as wide as
/// the widest of their counts.
fn shade_row(legend: &MapLegend, text_w: impl Fn(&str) -> f64) -> (f64, f64) {
    let step = legend
        .shades
        .iter()
        .map(|(n, _)| text_w(&thousands(*n)) + 8.0)
        .fold(SWATCH + 8.0, f64::max);
    (step, step * legend.shades.len() as f64)
}

/// Draws the legend in its box: a swatch per event type, then the
/// reference circles of the size scale nested on one base line, each with
/// its count, or the note on shading.
fn draw_legend(c2d: &CanvasRenderingContext2d, legend: &MapLegend, placed: Rect) {
    let (x0, y0, box_w, box_h) = placed;
    c2d.set_font(LABEL_FONT);
    let biggest = legend.sizes.first().map_or(0.0, |s| s.1);
    let size_texts: Vec<String> = legend.sizes.iter().map(|(n, _)| thousands(*n)).collect();
    let note = legend.note.as_deref().unwrap_or("");
    c2d.set_global_alpha(0.88);
    c2d.set_fill_style_str(&css_colour("--bg", "#fff"));
    c2d.fill_rect(x0, y0, box_w, box_h);
    c2d.set_global_alpha(1.0);
    let fg = css_colour("--fg", "#1a1a1a");
    c2d.set_text_baseline("middle");
    let mut y = y0 + PAD + LINE / 2.0;
    for (name, colour) in &legend.types {
        c2d.set_fill_style_str(colour);
        c2d.begin_path();
        let _ = c2d.arc(x0 + PAD + 5.0, y, 5.0, 0.0, TAU);
        c2d.fill();
        c2d.set_fill_style_str(&fg);
        let _ = c2d.fill_text(name, x0 + PAD + 16.0, y);
        y += LINE;
    }
    if !legend.sizes.is_empty() {
        c2d.set_fill_style_str(&fg);
        let _ = c2d.fill_text(&legend.size_title, x0 + PAD, y);
        let base = y + LINE / 2.0 + 2.0 * biggest;
        let cx = x0 + PAD + biggest;
        c2d.set_stroke_style_str(&fg);
        c2d.set_line_width(1.0);
        let radii: Vec<f64> = legend.sizes.iter().map(|s| s.1).collect();
        let heights = size_label_heights(&radii, 11.0);
        for ((r, text), up) in radii.iter().zip(&size_texts).zip(&heights) {
            c2d.begin_path();
            let _ = c2d.arc(cx, base - r, *r, 0.0, TAU);
            c2d.stroke();
            let _ = c2d.fill_text(text, cx + biggest + 8.0, base - up + 5.0);
        }
    }
    if !note.is_empty() {
        c2d.set_fill_style_str(&fg);
        let _ = c2d.fill_text(note, x0 + PAD, y);
        y += LINE;
    }
    // The density ramp: a swatch per count, shaded as cells of that count.
    let text_w = |t: &str| c2d.measure_text(t).map(|m| m.width()).unwrap_or(0.0);
    let (step, _) = shade_row(legend, text_w);
    for (i, (n, alpha)) in legend.shades.iter().enumerate() {
        let x = x0 + PAD + i as f64 * step;
        c2d.set_fill_style_str(REGION_COLOUR);
        c2d.set_global_alpha(*alpha);
        c2d.fill_rect(x, y - SWATCH / 2.0, SWATCH, SWATCH);
        c2d.set_global_alpha(1.0);
        c2d.set_fill_style_str(&fg);
        let _ = c2d.fill_text(&thousands(*n), x, y + LINE);
    }
    c2d.set_text_baseline("alphabetic");
}

/// Pixels across a swatch of the density ramp.
const SWATCH: f64 = 12.0;

/// The map as it is on show, drawn afresh at `scale` device pixels per CSS
/// pixel for an export (sharp at any scale, where copying the canvas on
/// the page would blur it): sea, outlines, the layer on show with its
/// names and legend, no selection ring.
pub fn render(ctx: Ctx, outlines: Option<&Arc<Outlines>>, scale: f64) -> Option<HtmlCanvasElement> {
    let view = ctx.map_view.get_untracked()?;
    let out: HtmlCanvasElement = document().create_element("canvas").ok()?.dyn_into().ok()?;
    out.set_width((view.width * scale).round() as u32);
    out.set_height((view.height * scale).round() as u32);
    let c2d: CanvasRenderingContext2d = out.get_context("2d").ok()??.dyn_into().ok()?;
    let _ = c2d.set_transform(scale, 0.0, 0.0, scale, 0.0, 0.0);
    draw_base(&c2d, &view, scale, outlines);
    draw_marks(ctx, &c2d, &view, None);
    Some(out)
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

/// Draws the sea, the country outlines and their names on `c2d` (at
/// `ratio` device pixels per CSS pixel). The outlines are paths in plane
/// units built once per outline data: a new view only changes the canvas
/// transform, with lines as thin on screen at any zoom.
fn draw_base(
    c2d: &CanvasRenderingContext2d,
    view: &MapView,
    ratio: f64,
    outlines: Option<&Arc<Outlines>>,
) {
    let (w, h) = (view.width, view.height);
    c2d.set_fill_style_str(&css_colour("--map-sea", "#eef3f7"));
    c2d.fill_rect(0.0, 0.0, w, h);
    let Some(outlines) = outlines else {
        return;
    };
    if let Some(paths) = super::outlines::paths(outlines) {
        let [a, b, c, d, e, f] = view.plane_transform(ratio);
        let _ = c2d.set_transform(a, b, c, d, e, f);
        c2d.set_fill_style_str(&css_colour("--map-land", "#f7f5f0"));
        c2d.set_stroke_style_str(&css_colour("--map-border", "#b9b4a8"));
        c2d.set_line_width(0.8 / view.scale);
        let in_sight: Vec<_> = paths.iter().filter(|p| p.meets(view)).collect();
        // Every fill before any stroke: a neighbour's land in another
        // group must not cover a shared border.
        for p in &in_sight {
            c2d.fill_with_path_2d(&p.path);
        }
        for p in &in_sight {
            c2d.stroke_with_path(&p.path);
        }
        let _ = c2d.set_transform(ratio, 0.0, 0.0, ratio, 0.0, 0.0);
    }
    // Country names, where the country is wide enough on screen to hold one.
    c2d.set_fill_style_str(&css_colour("--map-name", "#8a8478"));
    c2d.set_font("italic 11px system-ui, sans-serif");
    c2d.set_text_align("center");
    c2d.set_text_baseline("middle");
    for (name, x, y) in outlines.names_in_view(view, COUNTRY_NAME_MIN_PX) {
        let _ = c2d.fill_text(name, x, y);
    }
    c2d.set_text_align("start");
    c2d.set_text_baseline("alphabetic");
}
