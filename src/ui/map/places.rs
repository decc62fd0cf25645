//! The list of the events at the place clicked on the map.

use crate::engine::present::map_layers::PlaceListing;
use crate::ui::use_ctx;
use leptos::prelude::*;

/// Events listed at most; the caption says how many there are in all.
const SHOWN: usize = 50;

/// The events of the place clicked on the map (those passing the filters),
/// each a button opening its record; nothing while no place is selected.
#[component]
pub fn PlaceEvents() -> impl IntoView {
    let ctx = use_ctx();
    move || {
        let place = ctx.selected_place.get()?;
        let listing = ctx.snapshot.with(|s| {
            ctx.data.with_value(|d| {
                let store = &d.as_ref()?.store;
                Some(PlaceListing::new(store, &s.rows, place, SHOWN))
            })
        })?;
        let caption = listing.caption();
        Some(view! {
            <div class="place-events" data-testid="place-events">
                <div class="panel-head">
                    <h3>{listing.name}</h3>
                    <button class="close" on:click=move |_| ctx.selected_place.set(None)>
                        {crate::t!("dialog-close")}
                    </button>
                </div>
                <p class="muted">{caption}</p>
                <ul>
                    {listing
                        .items
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
