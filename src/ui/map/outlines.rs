//! Loads the country outlines drawn under the map's points.

use crate::engine::present::map_layers::Outlines;
use crate::ui::dom::fetch_bytes;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::RefCell;
use std::sync::Arc;

thread_local! {
    /// The outlines once read, for drawing the map again for an export.
    static LOADED: RefCell<Option<Arc<Outlines>>> = const { RefCell::new(None) };
}

/// The outlines, if they have been read.
pub fn loaded() -> Option<Arc<Outlines>> {
    LOADED.with(|l| l.try_borrow().ok().and_then(|l| l.clone()))
}

/// The outline file shipped with the site.
const OUTLINES_URL: &str = "data/countries.json";

/// Starts fetching the outlines; the signal holds them once they are in.
/// The map goes without them if they cannot be fetched or read.
pub fn load() -> Signal<Option<Arc<Outlines>>> {
    let outlines = RwSignal::new(None);
    spawn_local(async move {
        if let Ok(bytes) = fetch_bytes(OUTLINES_URL).await {
            if let Some(parsed) = Outlines::parse(&bytes) {
                let parsed = Arc::new(parsed);
                LOADED.with(|l| {
                    if let Ok(mut l) = l.try_borrow_mut() {
                        *l = Some(Arc::clone(&parsed));
                    }
                });
                outlines.try_set(Some(parsed));
            }
        }
    });
    outlines.into()
}
