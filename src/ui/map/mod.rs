//! The map: one point per place, sized by fatalities and coloured by the
//! place's most frequent event type, over country outlines (Natural Earth,
//! public domain, via world-atlas). Drag to pan, wheel or buttons to zoom,
//! arrow keys to pan; hovering a point names the place, clicking lists its
//! events; Tab reaches the busiest places in sight and Enter lists one's
//! events. What is drawn where is worked out in
//! `engine::present::map_layers`; the parts here only draw and listen.

mod canvas;
mod outlines;
mod places;
mod play;
mod pointer;
mod tooltip;

use super::exports::{Chart, ChartTools};
use super::{use_ctx, Ctx};
use crate::engine::present::map::MapView;
use crate::engine::present::map_layers::{map_legend, ZOOM_STEP};
use crate::engine::present::map_marks::MapLegend;
use crate::engine::present::map_modes::{region_key, region_points, regions, MapLayer};
use leptos::prelude::*;

/// The place under the pointer and the pointer's position on the canvas.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Hover {
    pub place: u32,
    pub x: f64,
    pub y: f64,
}

/// The map on show drawn at `scale` for an export, with the outlines if
/// they are in; `None` before the map has a view.
pub fn export_canvas(ctx: Ctx, scale: f64) -> Option<web_sys::HtmlCanvasElement> {
    canvas::render(ctx, outlines::loaded().as_ref(), scale)
}

/// Changes the map's view, once it has one.
fn change_view(ctx: Ctx, change: impl FnOnce(&mut MapView)) {
    ctx.map_view.update(|v| {
        if let Some(v) = v {
            change(v);
        }
    })
}

/// Zooms about the middle of the map.
fn zoom_centre(ctx: Ctx, factor: f64) {
    change_view(ctx, |v| v.zoom_at(v.width / 2.0, v.height / 2.0, factor));
}

/// The map panel: title, zoom buttons, the map with its tooltip, export
/// tools, the events of the place clicked and the outlines' credit.
#[component]
pub fn MapPanel() -> impl IntoView {
    let outlines = outlines::load();
    let hover = RwSignal::new(None::<Hover>);
    let drawn = RwSignal::new(MapLayer::Points);
    let play = RwSignal::new(play::PlayState::default());
    let frozen = Signal::derive(move || play.get().step.is_some());
    view! {
        <section class="panel map" aria-labelledby="map-title">
            <div class="panel-head">
                <h2 id="map-title">{crate::t!("filters-where")}</h2>
                <LayerButtons drawn=drawn.read_only()/>
                <play::PlayControl state=play/>
                <ZoomButtons/>
            </div>
            <super::texts::ChartHeading chart=Chart::Map/>
            <div class="map-wrap">
                <canvas::MapCanvas outlines=outlines hover=hover drawn=drawn frozen=frozen/>
                <tooltip::MapTooltip hover=hover.read_only() drawn=drawn.read_only()/>
            </div>
            <MapColours drawn=drawn.read_only()/>
            <MapLegendText drawn=drawn.read_only()/>
            <ChartTools chart=Chart::Map/>
            <places::PlaceEvents/>
            <p class="muted small">{crate::t!("footer-outlines")}</p>
        </section>
    }
}

/// What the points' colours mean: the event types on the map, each entry
/// with its colour in `data-colour`; nothing while regions or density are
/// drawn (they are one colour).
#[component]
fn MapColours(
    /// The layer on the map.
    drawn: ReadSignal<MapLayer>,
) -> impl IntoView {
    let ctx = use_ctx();
    let entries = move || {
        if !matches!(drawn.get(), MapLayer::Points | MapLayer::Auto) {
            return Vec::new();
        }
        ctx.snapshot.with(|s| {
            ctx.data.with_value(|d| match d {
                Some(l) => map_legend(&l.store, &s.views.map),
                None => Vec::new(),
            })
        })
    };
    view! {
        <ul class="legend" aria-label=crate::t!("map-colours-label") data-testid="map-colours">
            {move || {
                entries()
                    .into_iter()
                    .map(|entry| {
                        view! {
                            <li
                                class="legend-item"
                                data-testid="map-legend-entry"
                                data-colour=entry.colour
                                title=crate::engine::i18n::term(&entry.label).map(|_| entry.label.clone())
                            >
                                <span class="swatch" style:background-color=entry.colour></span>
                                {crate::engine::i18n::term_or(&entry.label)}
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ul>
    }
}

/// The legend drawn on the map, as a sentence (for screen readers and for
/// reading it without the picture).
#[component]
fn MapLegendText(
    /// The layer on the map.
    drawn: ReadSignal<MapLayer>,
) -> impl IntoView {
    let ctx = use_ctx();
    move || {
        let mode = drawn.get();
        let text = ctx.snapshot.with(|s| {
            ctx.data.with_value(|d| {
                let l = d.as_ref()?;
                let map = &s.views.map;
                let legend = match mode {
                    MapLayer::Regions => {
                        MapLegend::for_regions(&region_points(&regions(map, |p| {
                            region_key(&l.store, p)
                        })))
                    }
                    // The grid's cells depend on the view; the sentence
                    // names the measure only.
                    MapLayer::Density => MapLegend {
                        note: Some(crate::t!("map-density-note")),
                        ..MapLegend::default()
                    },
                    MapLayer::Points | MapLayer::Auto => canvas::map_legend(&l.store, map),
                };
                Some(legend.text())
            })
        })?;
        Some(view! { <p class="muted small" data-testid="map-legend">{text}</p> })
    }
}

/// Points, regions or density: the layer the map draws, kept in the link.
#[component]
fn LayerButtons(
    /// The layer on the map (pressed).
    drawn: ReadSignal<MapLayer>,
) -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <div class="controls" role="group" aria-label=crate::t!("map-layer-label")>
            {MapLayer::CHOICES
                .into_iter()
                .map(|layer| {
                    view! {
                        <button
                            aria-pressed=move || (drawn.get() == layer).to_string()
                            data-layer=layer.name()
                            on:click=move |_| ctx.app.update(|a| a.map_layer = layer)
                        >
                            {layer.label()}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// Zoom in, zoom out, and back to the view that fits the filtered events.
#[component]
fn ZoomButtons() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <div class="controls" role="group" aria-label=crate::t!("map-zoom-label")>
            <button aria-label=crate::t!("map-zoom-in") on:click=move |_| zoom_centre(ctx, ZOOM_STEP)>
                "+"
            </button>
            <button aria-label=crate::t!("map-zoom-out") on:click=move |_| zoom_centre(ctx, 1.0 / ZOOM_STEP)>
                "\u{2212}"
            </button>
            <button on:click=move |_| ctx.map_view.set(None)>{crate::t!("map-reset")}</button>
        </div>
    }
}
