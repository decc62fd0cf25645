//! The map: one point per place, sized by fatalities and coloured by the
//! place's most frequent event type, over country outlines (Natural Earth,
//! public domain, via world-atlas). Drag to pan, wheel or buttons to zoom,
//! arrow keys to pan; hovering a point names the place, clicking lists its
//! events. What is drawn where is worked out in
//! `engine::present::map_layers`; the parts here only draw and listen.

mod canvas;
mod outlines;
mod places;
mod pointer;
mod tooltip;

use super::exports::{Chart, ChartTools};
use super::{use_ctx, Ctx};
use crate::engine::present::map::MapView;
use crate::engine::present::map_layers::ZOOM_STEP;
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
    canvas::render(ctx, outlines::loaded().as_deref(), scale)
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
    view! {
        <section class="panel map" aria-labelledby="map-title">
            <div class="panel-head">
                <h2 id="map-title">"Where"</h2>
                <ZoomButtons/>
            </div>
            <div class="map-wrap">
                <canvas::MapCanvas outlines=outlines hover=hover/>
                <tooltip::MapTooltip hover=hover.read_only()/>
            </div>
            <ChartTools chart=Chart::Map/>
            <places::PlaceEvents/>
            <p class="muted small">"Country outlines: Natural Earth (public domain), via world-atlas."</p>
        </section>
    }
}

/// Zoom in, zoom out, and back to the view of the whole dataset.
#[component]
fn ZoomButtons() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <div class="controls" role="group" aria-label="Map zoom">
            <button aria-label="Zoom in" on:click=move |_| zoom_centre(ctx, ZOOM_STEP)>
                "+"
            </button>
            <button aria-label="Zoom out" on:click=move |_| zoom_centre(ctx, 1.0 / ZOOM_STEP)>
                "\u{2212}"
            </button>
            <button on:click=move |_| ctx.map_view.set(None)>"Reset"</button>
        </div>
    }
}
