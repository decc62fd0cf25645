//! The map's tooltip: the place under the pointer and its counts.

use super::Hover;
use crate::engine::present::map_layers::tooltip_text;
use crate::engine::present::map_modes::{
    region_key, region_name, region_tooltip, regions, MapLayer,
};
use crate::ui::use_ctx;
use leptos::prelude::*;

/// Pixels between the pointer and the tooltip's corner.
const OFFSET: f64 = 12.0;

/// Names the place under the pointer with its events and fatalities, next
/// to the pointer; nothing while no place is under it.
#[component]
pub fn MapTooltip(
    /// The place under the pointer and where the pointer is.
    hover: ReadSignal<Option<Hover>>,
    /// The layer on the map: in regions mode a symbol is a region.
    drawn: ReadSignal<MapLayer>,
) -> impl IntoView {
    let ctx = use_ctx();
    move || {
        let Hover { place, x, y } = hover.get()?;
        let text = ctx.snapshot.with(|s| {
            ctx.data.with_value(|d| {
                let l = d.as_ref()?;
                if drawn.get() == MapLayer::Regions {
                    let all = regions(&s.views.map, |p| region_key(&l.store, p));
                    return region_tooltip(&all, place, region_name(&l.store, place));
                }
                tooltip_text(&s.views.map, place, |p| l.store.place_label(p))
            })
        })?;
        Some(view! {
            <div class="map-tooltip" style:left=format!("{}px", x + OFFSET) style:top=format!("{}px", y + OFFSET)>
                {text}
            </div>
        })
    }
}
