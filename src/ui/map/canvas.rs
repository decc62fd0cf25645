//! The map's canvas: keeps the view fitted to the canvas and redraws the
//! sea, the outlines and the points at most once per animation frame.

use super::pointer::Pointer;
use super::Hover;
use crate::engine::data::dimension::Category;
use crate::engine::data::store::Store;
use crate::engine::present::format::thousands;
use crate::engine::present::map::{bounds, fit_to_data, MapView};
use crate::engine::present::map_layers::{
    initial_view, point_colour, Outlines, PointLayer, DEFAULT_BOUNDS,
};
use crate::engine::present::map_marks::{
    legend_corner, place_labels, size_label_heights, MapLegend,
};
use crate::engine::present::map_modes::{
    places_in_view, region_key, region_name, region_points, regions, DensityGrid, MapLayer,
};
use crate::engine::query::MapPoint;
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
    let base: BaseCache = StoredValue::new_local(None);
    // Whether the view is the fit to the data (the page's data-follows-data).
    let follows = RwSignal::new(true);
    let redraw = frame_scheduler(move || draw(ctx, canvas, size, outlines, layer, base, drawn));
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
    layer: StoredValue<PointLayer>,
    base: BaseCache,
    drawn: RwSignal<MapLayer>,
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
    if let Some((points, mode)) = draw_marks(ctx, &c2d, &view, selected) {
        if drawn.get_untracked() != mode {
            drawn.set(mode);
        }
        layer.set_value(points);
    }
}

/// Draws the events over the base layer: the layer chosen (points, regions
/// or density) with the busiest places' names and the legend, the ring of
/// the `selected` place, or a sentence when no event passes the filters.
/// The same for the page and the export. Returns the points drawn (for
/// hit-testing) and the layer drawn.
fn draw_marks(
    ctx: Ctx,
    c2d: &CanvasRenderingContext2d,
    view: &MapView,
    selected: Option<u32>,
) -> Option<(PointLayer, MapLayer)> {
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
            let (points, legend) = match mode {
                MapLayer::Regions => {
                    let regions = region_points(&regions(map, |p| region_key(&l.store, p)));
                    let points = PointLayer::new(&regions, view);
                    draw_points(c2d, &points, |_| REGION_COLOUR);
                    draw_labels(c2d, &regions, view, |p| region_name(&l.store, p));
                    (points, MapLegend::for_regions(&regions))
                }
                MapLayer::Density => {
                    let grid = DensityGrid::new(map, view, DENSITY_CELL);
                    draw_density(c2d, &grid);
                    let legend = MapLegend::for_density(grid.cell, grid.max_events);
                    (PointLayer::default(), legend)
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
                    draw_labels(c2d, map, view, |p| {
                        l.store
                            .locations
                            .name(l.store.places.location[p as usize])
                            .to_string()
                    });
                    (points, map_legend(&l.store, map))
                }
            };
            draw_legend(c2d, &legend, &points, (w, h));
            if map.is_empty() {
                c2d.set_fill_style_str(&fg);
                c2d.set_font("13px system-ui, sans-serif");
                let _ = c2d.fill_text(&crate::t!("map-no-points"), 12.0, 22.0);
            }
            Some((points, mode))
        })
    })
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
    name: impl Fn(u32) -> String,
) {
    c2d.set_font(LABEL_FONT);
    let width = |t: &str| c2d.measure_text(t).map(|m| m.width()).unwrap_or(0.0) + 2.0;
    let labels = place_labels(points, view, MAX_PLACE_LABELS, name, width);
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

/// Draws the legend in the map's lower left corner: a swatch per event
/// type, then the reference circles of the size scale nested on one base
/// line, each with its count.
fn draw_legend(
    c2d: &CanvasRenderingContext2d,
    legend: &MapLegend,
    points: &PointLayer,
    canvas: (f64, f64),
) {
    if legend.types.is_empty() && legend.sizes.is_empty() && legend.note.is_none() {
        return;
    }
    const PAD: f64 = 8.0;
    const LINE: f64 = 16.0;
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
    let box_h = legend.types.len() as f64 * LINE + sizes_h + note_h + 2.0 * PAD;
    let (x0, y0) = legend_corner(
        points.points.iter().map(|p| (p.x, p.y)),
        (box_w, box_h),
        canvas,
    );
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
    }
    c2d.set_text_baseline("alphabetic");
}

/// The map as it is on show, drawn afresh at `scale` device pixels per CSS
/// pixel for an export (sharp at any scale, where copying the canvas on
/// the page would blur it): sea, outlines, the layer on show with its
/// names and legend, no selection ring.
pub fn render(ctx: Ctx, outlines: Option<&Outlines>, scale: f64) -> Option<HtmlCanvasElement> {
    let view = ctx.map_view.get_untracked()?;
    let layer = base_layer(&view, scale, outlines)?;
    let c2d: CanvasRenderingContext2d = layer.get_context("2d").ok()??.dyn_into().ok()?;
    let _ = c2d.set_transform(scale, 0.0, 0.0, scale, 0.0, 0.0);
    draw_marks(ctx, &c2d, &view, None);
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
    for (closed, ring) in outlines.rings_in_view(view) {
        for (i, (x, y)) in ring.enumerate() {
            if i == 0 {
                c2d.move_to(x, y);
            } else {
                c2d.line_to(x, y);
            }
        }
        // A piece of a ring cut at the antimeridian is filled (which
        // closes it along the map's edge) but its closing edge is not
        // stroked.
        if closed {
            c2d.close_path();
        }
    }
    c2d.fill();
    c2d.stroke();
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
    Some(layer)
}
