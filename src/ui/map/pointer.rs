//! The map's pointer, wheel and keys: drag to pan, click to select a
//! place, hover to name it, wheel and keys to zoom and pan. What each
//! gesture means is decided in `engine::present::map_layers`.

use super::{change_view, zoom_centre, Hover};
use crate::engine::present::map_layers::{key_move, wheel_zoom, Drag, KeyMove, Motion, PointLayer};
use crate::engine::present::map_modes::MapLayer;
use crate::engine::present::map_play::busiest_in_view;
use crate::ui::Ctx;
use leptos::html::Canvas;
use leptos::prelude::*;
use web_sys::{KeyboardEvent, PointerEvent, WheelEvent};

/// The handles the map's event handlers work with (all `Copy`).
#[derive(Clone, Copy)]
pub struct Pointer {
    pub ctx: Ctx,
    pub canvas: NodeRef<Canvas>,
    /// The points as last drawn.
    pub layer: StoredValue<PointLayer>,
    pub hover: RwSignal<Option<Hover>>,
    pub drag: StoredValue<Drag>,
    /// The layer drawn: only points are places to select.
    pub drawn: RwSignal<MapLayer>,
}

/// The pointer's position on the canvas in CSS pixels.
fn position(ev: &PointerEvent) -> (f64, f64) {
    (f64::from(ev.offset_x()), f64::from(ev.offset_y()))
}

impl Pointer {
    fn place_at(&self, x: f64, y: f64) -> Option<u32> {
        self.layer.with_value(|l| l.place_at(x, y))
    }

    /// A press of the main button starts a drag or a click.
    pub fn down(&self, ev: &PointerEvent) {
        if ev.button() != 0 {
            return;
        }
        // Keep receiving the moves while dragging outside the canvas.
        if let Some(el) = self.canvas.get_untracked() {
            let _ = el.set_pointer_capture(ev.pointer_id());
        }
        let (x, y) = position(ev);
        self.drag.update_value(|d| d.press(x, y));
    }

    /// A move pans while dragging, else names the place under the pointer.
    pub fn moved(&self, ev: &PointerEvent) {
        let (x, y) = position(ev);
        let mut drag = self.drag.get_value();
        let motion = drag.motion(x, y);
        self.drag.set_value(drag);
        match motion {
            Motion::Hover => {
                let hover = self.place_at(x, y).map(|place| Hover { place, x, y });
                self.hover.set(hover);
            }
            Motion::Held => {}
            Motion::Pan(dx, dy) => {
                change_view(self.ctx, |v| v.pan(dx, dy));
                self.hover.set(None);
            }
        }
    }

    /// A release without a drag selects the place under the pointer (or
    /// none).
    pub fn up(&self, ev: &PointerEvent) {
        let (x, y) = position(ev);
        let mut drag = self.drag.get_value();
        let click = drag.release();
        self.drag.set_value(drag);
        // A region's symbol stands for many places: a click on it selects
        // none of them.
        if click && self.drawn.get_untracked() == MapLayer::Points {
            self.ctx.selected_place.set(self.place_at(x, y));
        }
    }

    /// The wheel zooms about the pointer.
    pub fn wheel(&self, ev: &WheelEvent) {
        ev.prevent_default();
        let factor = wheel_zoom(ev.delta_y());
        let (x, y) = (f64::from(ev.offset_x()), f64::from(ev.offset_y()));
        change_view(self.ctx, |v| v.zoom_at(x, y, factor));
    }

    /// Enter lists the events of the selected place, or else of the
    /// busiest place in sight.
    fn open_place(&self) {
        let ctx = self.ctx;
        if ctx.selected_place.get_untracked().is_some() {
            return;
        }
        let Some(view) = ctx.map_view.get_untracked() else {
            return;
        };
        let busiest = ctx
            .snapshot
            .with_untracked(|s| busiest_in_view(&s.views.map, &view));
        if busiest.is_some() {
            ctx.selected_place.set(busiest);
        }
    }

    /// Arrow keys pan, `+`, `=` and `-` zoom about the centre.
    pub fn key(&self, ev: &KeyboardEvent) {
        match key_move(&ev.key()) {
            Some(KeyMove::Pan(dx, dy)) => {
                ev.prevent_default();
                change_view(self.ctx, |v| v.pan(dx, dy));
            }
            Some(KeyMove::Zoom(factor)) => zoom_centre(self.ctx, factor),
            None if ev.key() == "Enter" => {
                ev.prevent_default();
                self.open_place();
            }
            None => {}
        }
    }
}
