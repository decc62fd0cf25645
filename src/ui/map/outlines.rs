//! Loads the country outlines drawn under the map's points, and keeps
//! them as canvas paths in plane units, built once per outline data, so a
//! pan or zoom redraws them by changing the canvas transform only.

use crate::engine::present::map::MapView;
use crate::engine::present::map_layers::{box_meets, Outlines};
use crate::ui::dom::fetch_bytes;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;
use web_sys::Path2d;

thread_local! {
    /// The outlines once read, for drawing the map again for an export.
    static LOADED: RefCell<Option<Arc<Outlines>>> = const { RefCell::new(None) };
    /// The paths of the outlines last drawn, and which outlines they are.
    static PATHS: RefCell<Option<(usize, Rc<[OutlinePath]>)>> = const { RefCell::new(None) };
}

/// Plane units (radians of longitude, about 20 degrees) across the squares
/// that group rings into one path: a view of a region strokes a few
/// groups, the world view a few dozen.
const GROUP_TILE: f64 = 0.35;

/// A group of outline rings as one path in plane units, with its box.
pub struct OutlinePath {
    min: (f64, f64),
    max: (f64, f64),
    pub path: Path2d,
}

impl OutlinePath {
    /// Whether any of the path may show in `view`.
    pub fn meets(&self, view: &MapView) -> bool {
        box_meets(self.min, self.max, view)
    }
}

/// The paths of `outlines`, built at the first call for these outlines
/// and kept; `None` if the browser cannot make a path.
pub fn paths(outlines: &Arc<Outlines>) -> Option<Rc<[OutlinePath]>> {
    let key = Arc::as_ptr(outlines) as usize;
    let cached = PATHS.with(|p| {
        p.try_borrow().ok().and_then(|p| {
            p.as_ref()
                .filter(|(k, _)| *k == key)
                .map(|(_, v)| Rc::clone(v))
        })
    });
    if cached.is_some() {
        return cached;
    }
    let mut built = Vec::new();
    for group in outlines.ring_groups(GROUP_TILE) {
        let path = Path2d::new().ok()?;
        for (closed, ring) in &group.rings {
            for (i, &(x, y)) in ring.iter().enumerate() {
                if i == 0 {
                    path.move_to(x, y);
                } else {
                    path.line_to(x, y);
                }
            }
            // A piece of a ring cut at the antimeridian is filled (which
            // closes it along the map's edge) but its closing edge is not
            // stroked.
            if *closed {
                path.close_path();
            }
        }
        built.push(OutlinePath {
            min: group.min,
            max: group.max,
            path,
        });
    }
    let built: Rc<[OutlinePath]> = built.into();
    PATHS.with(|p| {
        if let Ok(mut p) = p.try_borrow_mut() {
            *p = Some((key, Rc::clone(&built)));
        }
    });
    Some(built)
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
