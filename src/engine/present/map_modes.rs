//! The map's three ways of showing the filtered events: a point per place,
//! a proportional symbol per region (admin1), and a density grid for data
//! too dense for points; which one the link asks for, and which one fits
//! when the user has not chosen ([`MapLayer`], kept in the link).

use crate::engine::data::dimension::Category;
use crate::engine::data::store::Store;
use crate::engine::present::map::{point_radius, MapView};
pub use crate::engine::query::map_layer::{MapLayer, DENSITY_THRESHOLD};
use crate::engine::query::MapPoint;
use std::collections::HashMap;

/// The places of `points` whose circle centre is on the canvas.
pub fn places_in_view(points: &[MapPoint], view: &MapView) -> usize {
    points
        .iter()
        .filter(|p| {
            let (x, y) = view.point_to_screen(p);
            x >= 0.0 && y >= 0.0 && x <= view.width && y <= view.height
        })
        .count()
}

/// One region's symbol: placed at the mean of its events' coordinates
/// (each place weighted by its events), sized by its events.
#[derive(Clone, Debug, PartialEq)]
pub struct RegionSymbol {
    /// The region's key (from `region_of`).
    pub region: u64,
    /// One of its places, to name the region by.
    pub place: u32,
    pub lon: f64,
    pub lat: f64,
    pub events: u64,
    pub fatalities: u64,
}

/// Adds up the filtered places per region: `region_of` gives a place's
/// region key (country and admin1 codes, say). Largest regions first,
/// then by key.
pub fn regions(points: &[MapPoint], region_of: impl Fn(u32) -> u64) -> Vec<RegionSymbol> {
    let mut by_key: HashMap<u64, RegionSymbol> = HashMap::new();
    for p in points {
        let key = region_of(p.place);
        let events = u64::from(p.events);
        let r = by_key.entry(key).or_insert(RegionSymbol {
            region: key,
            place: p.place,
            lon: 0.0,
            lat: 0.0,
            events: 0,
            fatalities: 0,
        });
        // Sums for now; divided by the events below.
        r.lon += f64::from(p.lon) * events as f64;
        r.lat += f64::from(p.lat) * events as f64;
        r.events += events;
        r.fatalities += p.fatalities;
    }
    let mut out: Vec<RegionSymbol> = by_key
        .into_values()
        .filter(|r| r.events > 0)
        .map(|mut r| {
            r.lon /= r.events as f64;
            r.lat /= r.events as f64;
            r
        })
        .collect();
    crate::engine::data::order::sort_by(&mut out, |a, b| {
        b.events.cmp(&a.events).then(a.region.cmp(&b.region))
    });
    out
}

/// The radius of a region's symbol: area proportional to its events,
/// relative to the largest region.
pub fn region_radius(events: u64, max_events: u64) -> f64 {
    // The same scale as places' circles, a little larger: regions are few.
    point_radius(events, max_events) * 1.4
}

/// A region's key: the place's country and admin1 codes (admin1 names
/// repeat across countries).
pub fn region_key(store: &Store, place: u32) -> u64 {
    let p = place as usize;
    let country = store.places.country.get(p).copied().unwrap_or(u32::MAX);
    let admin1 = store.places.admin1.get(p).copied().unwrap_or(u32::MAX);
    (u64::from(country) << 32) | u64::from(admin1)
}

/// A region named by one of its places: "Mopti, Mali"; the country alone
/// for places without an admin1; "Unnamed region" without either.
pub fn region_name(store: &Store, place: u32) -> String {
    let p = place as usize;
    let name = |c: Category, codes: &[u32]| {
        codes
            .get(p)
            .map(|&code| store.names[c].name(code).to_string())
            .unwrap_or_default()
    };
    let admin1 = name(Category::Admin1, &store.places.admin1);
    let country = name(Category::Country, &store.places.country);
    match (admin1.is_empty(), country.is_empty()) {
        (false, false) if admin1 != country => format!("{admin1}, {country}"),
        (false, _) => admin1,
        (true, false) => country,
        (true, true) => crate::t!("map-unnamed-region"),
    }
}

/// The regions as points to lay out and hit-test like places: each at its
/// mean position under its representative place, sized by its events
/// (carried in `fatalities`, which sets a point's size), without a type.
pub fn region_points(regions: &[RegionSymbol]) -> Vec<MapPoint> {
    regions
        .iter()
        .map(|r| MapPoint {
            place: r.place,
            lat: r.lat as f32,
            lon: r.lon as f32,
            plane_y: crate::engine::data::store::mercator_y(f64::from(r.lat as f32)),
            events: u32::try_from(r.events).unwrap_or(u32::MAX),
            fatalities: r.events,
            event_type: u16::MAX,
        })
        .collect()
}

/// The tooltip of the region represented by `place`: "Mopti, Mali: 12
/// events, 3 fatalities".
pub fn region_tooltip(regions: &[RegionSymbol], place: u32, name: String) -> Option<String> {
    let r = regions.iter().find(|r| r.place == place)?;
    Some(crate::t!(
        "map-tooltip",
        place = name,
        events = crate::t!("n-events", count = r.events),
        fatalities = crate::t!("n-fatalities", count = r.fatalities)
    ))
}

/// One cell of the density grid: its top-left pixel and its totals.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DensityCell {
    pub x: f64,
    pub y: f64,
    pub events: u64,
    pub fatalities: u64,
}

/// The density grid: square cells of `cell` pixels over the canvas, each
/// with the events of the places whose centre falls in it (empty cells
/// left out), in row order; and the largest cell count.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DensityGrid {
    pub cell: f64,
    pub cells: Vec<DensityCell>,
    pub max_events: u64,
}

impl DensityGrid {
    pub fn new(points: &[MapPoint], view: &MapView, cell: f64) -> DensityGrid {
        let cell = cell.max(1.0);
        let cols = (view.width / cell).ceil().max(1.0) as usize;
        let rows = (view.height / cell).ceil().max(1.0) as usize;
        let mut totals = vec![(0u64, 0u64); cols * rows];
        for p in points {
            let (x, y) = view.point_to_screen(p);
            if !(x >= 0.0 && y >= 0.0 && x < view.width && y < view.height) {
                continue;
            }
            let (c, r) = ((x / cell) as usize, (y / cell) as usize);
            if let Some(t) = totals.get_mut(r * cols + c.min(cols - 1)) {
                t.0 += u64::from(p.events);
                t.1 += p.fatalities;
            }
        }
        let cells: Vec<DensityCell> = totals
            .iter()
            .enumerate()
            .filter(|(_, t)| t.0 > 0)
            .map(|(i, &(events, fatalities))| DensityCell {
                x: (i % cols) as f64 * cell,
                y: (i / cols) as f64 * cell,
                events,
                fatalities,
            })
            .collect();
        let max_events = cells.iter().map(|c| c.events).max().unwrap_or(0);
        DensityGrid {
            cell,
            cells,
            max_events,
        }
    }

    /// How dark a cell is drawn, 0.15 to 1: by the logarithm of its events
    /// relative to the busiest cell, so sparse areas still show.
    pub fn shade(&self, events: u64) -> f64 {
        crate::engine::present::map_marks::density_shade(events, self.max_events)
    }

    /// The cell under pixel `(x, y)`, if it holds events.
    pub fn cell_at(&self, x: f64, y: f64) -> Option<&DensityCell> {
        self.cells
            .iter()
            .find(|c| x >= c.x && x < c.x + self.cell && y >= c.y && y < c.y + self.cell)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(place: u32, lon: f32, lat: f32, events: u32, fatalities: u64) -> MapPoint {
        MapPoint {
            place,
            lat,
            lon,
            plane_y: crate::engine::data::store::mercator_y(f64::from(lat)),
            events,
            fatalities,
            event_type: 0,
        }
    }

    /// 1 px per degree of longitude, centred on 0,0 in a 200 x 100 canvas.
    fn view() -> MapView {
        MapView::degree_per_pixel()
    }

    #[test]
    fn layer_names_round_trip_and_auto_picks_density_when_crowded() {
        for l in [
            MapLayer::Auto,
            MapLayer::Points,
            MapLayer::Regions,
            MapLayer::Density,
        ] {
            assert_eq!(MapLayer::from_name(l.name()), Some(l));
        }
        assert_eq!(MapLayer::from_name("heat"), None);
        assert_eq!(MapLayer::Auto.resolve(20_000), MapLayer::Points);
        assert_eq!(MapLayer::Auto.resolve(20_001), MapLayer::Density);
        assert_eq!(MapLayer::Points.resolve(1_000_000), MapLayer::Points);
        assert_eq!(MapLayer::Regions.resolve(0), MapLayer::Regions);
        let points = [point(0, 0.0, 0.0, 1, 0), point(1, 150.0, 0.0, 1, 0)];
        assert_eq!(places_in_view(&points, &view()), 1);
    }

    #[test]
    fn regions_add_up_their_places_at_the_mean_of_their_events() {
        // Region 1: 3 events at lon 0 and 1 at lon 4 -> mean lon 1; lat
        // (3 * 10 + 1 * 14) / 4 = 11. Region 2: one place.
        let points = [
            point(0, 0.0, 10.0, 3, 5),
            point(1, 4.0, 14.0, 1, 2),
            point(2, -5.0, 0.0, 2, 0),
        ];
        let region = [1u64, 1, 2];
        let out = regions(&points, |p| region[p as usize]);
        assert_eq!(out.len(), 2);
        assert_eq!((out[0].region, out[0].events, out[0].fatalities), (1, 4, 7));
        assert!((out[0].lon - 1.0).abs() < 1e-9 && (out[0].lat - 11.0).abs() < 1e-9);
        assert_eq!((out[1].region, out[1].place, out[1].events), (2, 2, 2));
        assert_eq!((out[1].lon, out[1].lat), (-5.0, 0.0));
        assert!(regions(&[], |_| 0).is_empty());
        // As points: sized by events, no type.
        let pts = region_points(&out);
        assert_eq!((pts[0].place, pts[0].events, pts[0].fatalities), (0, 4, 4));
        assert_eq!(pts[0].event_type, u16::MAX);
        assert_eq!(
            region_tooltip(&out, 0, "North".into()).as_deref(),
            Some("North: 4 events, 7 fatalities")
        );
        assert_eq!(region_tooltip(&out, 1, "X".into()), None);
        assert_eq!(region_radius(4, 4), 18.0 * 1.4);
    }

    #[test]
    fn the_density_grid_counts_events_per_cell() {
        // Cells of 10 px: lon 1 and 3 (x 101, 103) share the cell at x 100;
        // lon -1 (x 99) is in the cell at x 90; lon 150 is off the canvas.
        let points = [
            point(0, 1.0, 0.0, 2, 1),
            point(1, 3.0, 0.0, 5, 0),
            point(2, -1.0, 0.0, 1, 4),
            point(3, 150.0, 0.0, 9, 0),
        ];
        let grid = DensityGrid::new(&points, &view(), 10.0);
        let cells: Vec<(f64, f64, u64, u64)> = grid
            .cells
            .iter()
            .map(|c| (c.x, c.y, c.events, c.fatalities))
            .collect();
        // The equator is at y 50: row 5 (50..60).
        assert_eq!(cells, vec![(90.0, 50.0, 1, 4), (100.0, 50.0, 7, 1)]);
        assert_eq!(grid.max_events, 7);
        assert_eq!(grid.shade(7), 1.0);
        assert_eq!(grid.shade(1), 0.15);
        assert_eq!(grid.cell_at(105.0, 55.0).map(|c| c.events), Some(7));
        assert_eq!(grid.cell_at(5.0, 5.0), None);
    }
}
