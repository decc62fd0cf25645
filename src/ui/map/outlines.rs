//! Loads the country outlines drawn under the map's points.

use crate::engine::present::map_layers::Outlines;
use crate::ui::dom::fetch_bytes;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

/// The outline file shipped with the site.
const OUTLINES_URL: &str = "data/countries.json";

/// Starts fetching the outlines; the signal holds them once they are in.
/// The map goes without them if they cannot be fetched or read.
pub fn load() -> Signal<Option<Arc<Outlines>>> {
    let outlines = RwSignal::new(None);
    spawn_local(async move {
        if let Ok(bytes) = fetch_bytes(OUTLINES_URL).await {
            if let Some(parsed) = Outlines::parse(&bytes) {
                outlines.try_set(Some(Arc::new(parsed)));
            }
        }
    });
    outlines.into()
}
