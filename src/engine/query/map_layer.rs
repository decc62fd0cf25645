//! How the map aggregates the filtered events: a point per place, a symbol
//! per region, or a density grid; the user's choice and the link's
//! `maplayer=` parameter.

use serde::Serialize;

/// How the map shows the events.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MapLayer {
    /// One circle per place (or a density grid when they are too many:
    /// see [`MapLayer::resolve`]).
    #[default]
    Auto,
    Points,
    Regions,
    Density,
}

/// Places in sight above which points would overlap so much that the
/// automatic choice is the density grid.
pub const DENSITY_THRESHOLD: usize = 20_000;

impl MapLayer {
    /// Every choice the user has, in the control's order.
    pub const CHOICES: [MapLayer; 3] = [MapLayer::Points, MapLayer::Regions, MapLayer::Density];

    /// The name in the link (`maplayer=`).
    pub fn name(self) -> &'static str {
        match self {
            MapLayer::Auto => "auto",
            MapLayer::Points => "points",
            MapLayer::Regions => "regions",
            MapLayer::Density => "density",
        }
    }

    /// The label on the control.
    pub fn label(self) -> String {
        crate::engine::i18n::tr(&format!("map-layer-{}", self.name()), &[])
    }

    pub fn from_name(name: &str) -> Option<MapLayer> {
        [
            MapLayer::Auto,
            MapLayer::Points,
            MapLayer::Regions,
            MapLayer::Density,
        ]
        .into_iter()
        .find(|l| l.name() == name)
    }

    /// What to draw: the user's choice, or for [`MapLayer::Auto`] points
    /// unless more than [`DENSITY_THRESHOLD`] places are in sight.
    pub fn resolve(self, places_in_view: usize) -> MapLayer {
        match self {
            MapLayer::Auto if places_in_view > DENSITY_THRESHOLD => MapLayer::Density,
            MapLayer::Auto => MapLayer::Points,
            chosen => chosen,
        }
    }
}
