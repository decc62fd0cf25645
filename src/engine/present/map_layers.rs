//! What the map panel shows, as plain data for any front end to draw: the
//! first view of a dataset, country outlines (projected to screen paths, or
//! grouped in plane units for paths drawn through a transform), the
//! points in drawing order (overlapping ones thinned per screen cell), the
//! point under the pointer, the tooltip, the list of a place's events, and
//! what a pointer, wheel or key gesture does to the view.

use crate::engine::data::date::format_iso;
use crate::engine::data::dimension::Category;
use crate::engine::data::store::Store;
use crate::engine::present::chart::LegendEntry;
use crate::engine::present::map::{bounds, mercator, point_radius, MapView};
use crate::engine::present::map_index::HitGrid;
use crate::engine::present::palette::event_type_colour;
use crate::engine::query::{MapPoint, NOT_STATED};
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};
use std::sync::OnceLock;

/// What the map shows before the data is in: West Africa and the Sahel.
pub(crate) const DEFAULT_BOUNDS: (f64, f64, f64, f64) = (-18.0, 0.0, 25.0, 30.0);

/// The first view of a dataset: every place `(lon, lat)` in sight, or
/// [`DEFAULT_BOUNDS`] when there is none.
pub fn initial_view(
    places: impl IntoIterator<Item = (f32, f32)>,
    width: f64,
    height: f64,
) -> MapView {
    let all = bounds(
        places
            .into_iter()
            .map(|(lon, lat)| (f64::from(lon), f64::from(lat))),
    );
    MapView::fit(all.unwrap_or(DEFAULT_BOUNDS), width, height, 24.0, 2.0)
}

/// A ring of a country outline in plane (Mercator) units, with its box.
/// A ring cut at the antimeridian is kept as open pieces.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Ring {
    points: Vec<(f64, f64)>,
    min: (f64, f64),
    max: (f64, f64),
    /// The last point joins the first (false for a piece of a cut ring).
    closed: bool,
}

impl Ring {
    fn new(points: Vec<(f64, f64)>, closed: bool) -> Ring {
        let (mut min, mut max) = (points[0], points[0]);
        for &(x, y) in &points {
            min = (min.0.min(x), min.1.min(y));
            max = (max.0.max(x), max.1.max(y));
        }
        Ring {
            points,
            min,
            max,
            closed,
        }
    }
}

/// A country's name and where it goes: the centre of the box of its
/// largest ring, in plane units, with that box's width.
#[derive(Clone, Debug, PartialEq)]
pub struct CountryName {
    pub name: String,
    pub x: f64,
    pub y: f64,
    pub span: f64,
}

/// Country outlines, projected once when read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Outlines {
    rings: Vec<Ring>,
    pub names: Vec<CountryName>,
}

#[derive(Deserialize)]
struct OutlineFile {
    countries: Vec<OutlineCountry>,
}

#[derive(Deserialize)]
struct OutlineCountry {
    #[serde(default)]
    name: String,
    /// Flat `[lon, lat, lon, lat, ...]` per ring.
    rings: Vec<Vec<f32>>,
}

/// Splits a ring `(lon, lat)` where consecutive vertices are more than 180
/// degrees of longitude apart: such an edge crosses the antimeridian and,
/// drawn straight, runs across the whole world. `(pieces, closed)`: an
/// uncut ring is one closed piece; the pieces of a cut ring are open, the
/// piece running through the ring's start joined across it.
pub(crate) fn split_at_antimeridian(ring: &[(f64, f64)]) -> (Vec<Vec<(f64, f64)>>, bool) {
    let jumps = |a: (f64, f64), b: (f64, f64)| (a.0 - b.0).abs() > 180.0;
    let mut pieces: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut current: Vec<(f64, f64)> = Vec::new();
    for &p in ring {
        if let Some(&last) = current.last() {
            if jumps(last, p) {
                pieces.push(std::mem::take(&mut current));
            }
        }
        current.push(p);
    }
    let closing_jumps = match (ring.last(), ring.first()) {
        (Some(&last), Some(&first)) => jumps(last, first),
        _ => false,
    };
    if pieces.is_empty() {
        // Only the closing edge may cross: then the ring is one open path.
        return (vec![current], !closing_jumps);
    }
    // Unless the closing edge (last point to first) crosses too, the last
    // piece continues into the first.
    if closing_jumps {
        pieces.push(current);
    } else {
        current.append(&mut pieces[0]);
        pieces[0] = current;
    }
    pieces.retain(|p| p.len() >= 2);
    (pieces, false)
}

impl Outlines {
    /// Reads an outline file (`{"countries": [{"name": "...", "rings":
    /// [[lon, lat, ...]]}]}`); rings of fewer than three points are left
    /// out, rings crossing the antimeridian are cut there. `None` if the
    /// file is not such JSON.
    pub fn parse(bytes: &[u8]) -> Option<Outlines> {
        let file: OutlineFile = serde_json::from_slice(bytes).ok()?;
        let mut rings = Vec::new();
        let mut names = Vec::new();
        for country in file.countries {
            // The box area and index of the country's largest ring.
            let mut largest: Option<(f64, usize)> = None;
            for flat in country.rings {
                let lon_lat: Vec<(f64, f64)> = flat
                    .chunks_exact(2)
                    .map(|p| (f64::from(p[0]), f64::from(p[1])))
                    .collect();
                if lon_lat.len() < 3 {
                    continue;
                }
                let (pieces, closed) = split_at_antimeridian(&lon_lat);
                for piece in pieces {
                    let ring = Ring::new(
                        piece.into_iter().map(|(x, y)| mercator(x, y)).collect(),
                        closed,
                    );
                    let area = (ring.max.0 - ring.min.0) * (ring.max.1 - ring.min.1);
                    if largest.is_none_or(|(a, _)| area > a) {
                        largest = Some((area, rings.len()));
                    }
                    rings.push(ring);
                }
            }
            let largest = largest.and_then(|(_, i)| rings.get(i));
            if let Some(Ring { min, max, .. }) = largest.filter(|_| !country.name.is_empty()) {
                names.push(CountryName {
                    name: country.name,
                    x: (min.0 + max.0) / 2.0,
                    y: (min.1 + max.1) / 2.0,
                    span: max.0 - min.0,
                });
            }
        }
        Some(Outlines { rings, names })
    }

    /// The rings whose box meets the view, each as the screen pixels of its
    /// points (a closed path: the last point joins the first).
    pub fn paths<'a>(
        &'a self,
        view: &'a MapView,
    ) -> impl Iterator<Item = impl Iterator<Item = (f64, f64)> + 'a> + 'a {
        self.rings_in_view(view).map(|(_, points)| points)
    }

    /// As [`Outlines::paths`], each with whether its last point joins its
    /// first (a piece of a ring cut at the antimeridian does not).
    pub fn rings_in_view<'a>(
        &'a self,
        view: &'a MapView,
    ) -> impl Iterator<Item = (bool, impl Iterator<Item = (f64, f64)> + 'a)> + 'a {
        self.rings
            .iter()
            .filter(move |r| box_meets(r.min, r.max, view))
            .map(move |r| {
                (
                    r.closed,
                    r.points
                        .iter()
                        .map(move |&(x, y)| view.plane_to_screen(x, y)),
                )
            })
    }

    /// The rings in groups of nearby ones, for a front end that keeps
    /// each group as one path in plane units (built once) and draws the
    /// groups that [`RingGroup::meets`] the view: rings go by the
    /// `tile`-wide square (plane units) holding their box's centre. Every
    /// ring is in one group, in the order read.
    pub fn ring_groups(&self, tile: f64) -> Vec<RingGroup<'_>> {
        let tile = if tile > 0.0 { tile } else { 1.0 };
        let mut groups: BTreeMap<(i64, i64), RingGroup<'_>> = BTreeMap::new();
        for r in &self.rings {
            let key = (
                ((r.min.0 + r.max.0) / 2.0 / tile).floor() as i64,
                ((r.min.1 + r.max.1) / 2.0 / tile).floor() as i64,
            );
            let g = groups.entry(key).or_insert(RingGroup {
                min: r.min,
                max: r.max,
                rings: Vec::new(),
            });
            g.min = (g.min.0.min(r.min.0), g.min.1.min(r.min.1));
            g.max = (g.max.0.max(r.max.0), g.max.1.max(r.max.1));
            g.rings.push((r.closed, &r.points));
        }
        groups.into_values().collect()
    }

    /// The country names to write in `view`: those whose country is at
    /// least `min_px` pixels wide on screen, as `(name, x, y)` pixels.
    pub fn names_in_view<'a>(
        &'a self,
        view: &'a MapView,
        min_px: f64,
    ) -> impl Iterator<Item = (&'a str, f64, f64)> + 'a {
        self.names
            .iter()
            .filter(move |n| n.span * view.scale >= min_px)
            .map(move |n| {
                let (x, y) = view.plane_to_screen(n.x, n.y);
                (n.name.as_str(), x, y)
            })
            .filter(move |&(_, x, y)| x >= 0.0 && y >= 0.0 && x <= view.width && y <= view.height)
    }
}

/// Whether a plane box `min`..`max` meets the view's.
pub fn box_meets(min: (f64, f64), max: (f64, f64), view: &MapView) -> bool {
    let (x0, y0, x1, y1) = view.plane_box();
    !(max.0 < x0 || min.0 > x1 || max.1 < y0 || min.1 > y1)
}

/// Outline rings near one another, with their box (plane units): see
/// [`Outlines::ring_groups`].
#[derive(Clone, Debug, PartialEq)]
pub struct RingGroup<'a> {
    pub min: (f64, f64),
    pub max: (f64, f64),
    /// Each ring's points in plane units, and whether the last joins the
    /// first (a piece of a ring cut at the antimeridian does not).
    pub rings: Vec<(bool, &'a [(f64, f64)])>,
}

impl RingGroup<'_> {
    /// Whether any of the group may show in `view`.
    pub fn meets(&self, view: &MapView) -> bool {
        box_meets(self.min, self.max, view)
    }
}

/// A point as drawn: pixel centre and radius, place and its event type.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DrawnPoint {
    pub x: f64,
    pub y: f64,
    pub r: f64,
    pub place: u32,
    /// Code in the store's event types; `u16::MAX` for none.
    pub event_type: u16,
}

/// Radius up to which a point is drawn without an outline: the smallest
/// circles (places without reported deaths) are most of the points, and
/// rasterising tens of thousands of stroked arcs was most of a redraw.
pub(crate) const SMALL_POINT: f64 = 3.5;

/// Pixels beyond the canvas edge within which points are still drawn (a
/// circle centred just outside shows in part).
const EDGE: f64 = 20.0;

/// Pixels around a circle that still count as a hit.
const HIT_SLACK: f64 = 2.0;

/// Circles are drawn in size classes 3 pixels of radius wide.
fn size_class(r: f64) -> i64 {
    (r / 3.0).floor() as i64
}

/// One fill (and, for larger circles, one stroke) of circles of one
/// colour and size class.
#[derive(Clone, Debug, PartialEq)]
pub struct Batch {
    pub event_type: u16,
    /// Stroke the circles' outlines too (not for [`SMALL_POINT`]s).
    pub outlined: bool,
    /// The circles to draw, as indices into [`PointLayer::points`].
    pub points: Vec<usize>,
}

/// The map's points for one view: every point near the canvas in drawing
/// order (for hit-testing and the selection), and the batches to draw.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PointLayer {
    pub points: Vec<DrawnPoint>,
    pub batches: Vec<Batch>,
    /// The grid index of `points`, built at the first hit-test: a pan
    /// lays out the points on every frame but hit-tests none of them.
    hits: OnceLock<HitGrid>,
}

impl PointLayer {
    /// Lays out `points` in `view`. Bigger circles come first, so small ones
    /// stay visible on top; within a size class, circles of one colour make
    /// one batch (a fill per circle is slow with tens of thousands of
    /// places). A batch skips a circle whose screen cell (about a circle's
    /// width across) already holds one: drawn over an equal or larger circle
    /// of the same colour it adds nothing to see but costs raster time.
    pub fn new(points: &[MapPoint], view: &MapView) -> PointLayer {
        let max = points.iter().map(|p| p.fatalities).max().unwrap_or(0);
        let mut shown: Vec<DrawnPoint> = points
            .iter()
            .map(|p| {
                let (x, y) = view.point_to_screen(p);
                DrawnPoint {
                    x,
                    y,
                    r: point_radius(p.fatalities, max),
                    place: p.place,
                    event_type: p.event_type,
                }
            })
            .filter(|d| {
                d.x > -EDGE && d.y > -EDGE && d.x < view.width + EDGE && d.y < view.height + EDGE
            })
            .collect();
        crate::engine::data::order::sort_by(&mut shown, |a, b| {
            size_class(b.r)
                .cmp(&size_class(a.r))
                .then(a.event_type.cmp(&b.event_type))
                .then(b.r.total_cmp(&a.r))
        });
        let mut batches = Vec::new();
        let mut start = 0;
        while start < shown.len() {
            let first = shown[start];
            let same = |p: &DrawnPoint| {
                size_class(p.r) == size_class(first.r) && p.event_type == first.event_type
            };
            let end = start + shown[start..].iter().take_while(|p| same(p)).count();
            let cell = (first.r * 1.5).max(4.0);
            let mut covered = HashSet::new();
            let drawn = (start..end)
                .filter(|&i| {
                    covered.insert(((shown[i].x / cell) as i32, (shown[i].y / cell) as i32))
                })
                .collect();
            batches.push(Batch {
                event_type: first.event_type,
                outlined: first.r > SMALL_POINT,
                points: drawn,
            });
            start = end;
        }
        PointLayer {
            points: shown,
            batches,
            hits: OnceLock::new(),
        }
    }

    /// The place of the circle under pixel `(x, y)` (the nearest whose
    /// centre is within its radius and 2 pixels), thinned circles included.
    pub fn place_at(&self, x: f64, y: f64) -> Option<u32> {
        self.hits
            .get_or_init(|| HitGrid::new(self.points.iter().map(|p| (p.x, p.y, p.r)), HIT_SLACK))
            .hit(x, y)
            .and_then(|i| self.points.get(i))
            .map(|p| p.place)
    }

    /// The drawn circle of `place`, if it is near the canvas.
    pub fn point_of(&self, place: u32) -> Option<&DrawnPoint> {
        self.points.iter().find(|p| p.place == place)
    }
}

/// The fill colour of points of an event type (code in the store).
pub fn point_colour(store: &Store, event_type: u16) -> &'static str {
    let name = if event_type == u16::MAX {
        ""
    } else {
        store.names[Category::EventType].name(u32::from(event_type))
    };
    event_type_colour(name)
}

/// The map's legend: the event types that colour at least one point (a
/// place takes its most frequent type's colour), in the store's order of
/// types, each with its colour.
pub fn map_legend(store: &Store, points: &[MapPoint]) -> Vec<LegendEntry> {
    let mut types: Vec<u16> = points.iter().map(|p| p.event_type).collect();
    crate::engine::data::order::sort(&mut types);
    types.dedup();
    types
        .into_iter()
        .map(|ty| LegendEntry {
            label: if ty == u16::MAX {
                NOT_STATED.to_string()
            } else {
                store.names[Category::EventType]
                    .name(u32::from(ty))
                    .to_string()
            },
            colour: point_colour(store, ty),
        })
        .collect()
}

/// What the map says when no point passes the filters.
pub const NO_POINTS: &str = "No event with coordinates matches the filters.";

/// The tooltip of a place: "Gao, Mali: 12 events, 1 fatality"; `None` if the
/// place is not on the map.
pub fn tooltip_text(
    points: &[MapPoint],
    place: u32,
    name_of: impl FnOnce(u32) -> String,
) -> Option<String> {
    let point = points.iter().find(|p| p.place == place)?;
    Some(crate::t!(
        "map-tooltip",
        place = name_of(place),
        events = crate::t!("n-events", count = point.events),
        fatalities = crate::t!("n-fatalities", count = point.fatalities)
    ))
}

/// The events at one place that pass the filters, for the list under the
/// map.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceListing {
    /// The place in words ("Moura, Djenné, Mopti, Mali").
    pub name: String,
    /// The first events: row and a line about it.
    pub items: Vec<(u32, String)>,
    /// Events at the place in all.
    pub total: usize,
    /// How many were asked for at most.
    pub limit: usize,
}

impl PlaceListing {
    /// The events of `rows` (file order) at `place`, the first `limit`
    /// described.
    pub fn new(store: &Store, rows: &[u32], place: u32, limit: usize) -> PlaceListing {
        let at_place = rows
            .iter()
            .copied()
            .filter(|&r| store.place.get(r as usize) == Some(&place));
        let mut items = Vec::new();
        let mut total = 0;
        for r in at_place {
            if items.len() < limit {
                items.push((r, event_line(store, r as usize)));
            }
            total += 1;
        }
        PlaceListing {
            name: store.place_label(place),
            items,
            total,
            limit,
        }
    }

    /// "3 events match the filters here", and when not all are listed,
    /// "; the first 50 are listed".
    pub fn caption(&self) -> String {
        let mut text = crate::t!("map-place-caption", count = self.total);
        if self.total > self.limit {
            text.push_str(&crate::t!("map-place-first", count = self.limit));
        }
        text
    }
}

/// One event in a line: "2022-01-05 · Battles · 3 fatalities".
pub(crate) fn event_line(store: &Store, row: usize) -> String {
    let ty = store.event_type[row];
    let ty = if ty == u16::MAX {
        ""
    } else {
        store.names[Category::EventType].name(u32::from(ty))
    };
    crate::t!(
        "map-event-line",
        date = format_iso(store.date[row]),
        event_type = crate::engine::i18n::term_or(ty),
        fatalities = store.fatalities[row].to_string()
    )
}

/// Pixels the pointer must travel (across plus down) before a press
/// becomes a drag rather than a click.
const DRAG_START: f64 = 3.0;

/// What a pointer move does.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Motion {
    /// No button held: show what is under the pointer.
    Hover,
    /// Held, but not yet moved far enough to drag.
    Held,
    /// Dragging: move the map by these pixels.
    Pan(f64, f64),
}

/// A press, drag or click on the map, followed from pointer events.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Drag {
    /// Where the pointer was last seen while held, and whether it has
    /// started dragging.
    held: Option<(f64, f64, bool)>,
}

impl Drag {
    /// The main button went down at `(x, y)`.
    pub fn press(&mut self, x: f64, y: f64) {
        self.held = Some((x, y, false));
    }

    /// The pointer moved to `(x, y)`.
    pub fn motion(&mut self, x: f64, y: f64) -> Motion {
        let Some((x0, y0, dragging)) = self.held else {
            return Motion::Hover;
        };
        if !dragging && (x - x0).abs() + (y - y0).abs() <= DRAG_START {
            return Motion::Held;
        }
        self.held = Some((x, y, true));
        Motion::Pan(x - x0, y - y0)
    }

    /// The button went up: `true` if this was a click (pressed and released
    /// without dragging), which selects what is under the pointer.
    pub fn release(&mut self) -> bool {
        matches!(self.held.take(), Some((_, _, false)))
    }
}

/// The zoom factor for one wheel event's vertical delta (pixels; negative
/// is up, which zooms in), at most doubling or halving.
pub fn wheel_zoom(delta_y: f64) -> f64 {
    (-delta_y * 0.0015).exp().clamp(0.5, 2.0)
}

/// The zoom factor of one step of the zoom buttons and keys.
pub const ZOOM_STEP: f64 = 1.5;

/// What a key does to the map.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum KeyMove {
    /// Move the map by these pixels (the arrow shows the way the view
    /// goes, so the map moves the other way).
    Pan(f64, f64),
    /// Zoom about the centre by this factor.
    Zoom(f64),
}

/// The map's keys: arrows pan by 60 pixels, `+`/`=` and `-` zoom.
pub fn key_move(key: &str) -> Option<KeyMove> {
    Some(match key {
        "ArrowLeft" => KeyMove::Pan(60.0, 0.0),
        "ArrowRight" => KeyMove::Pan(-60.0, 0.0),
        "ArrowUp" => KeyMove::Pan(0.0, 60.0),
        "ArrowDown" => KeyMove::Pan(0.0, -60.0),
        "+" | "=" => KeyMove::Zoom(ZOOM_STEP),
        "-" => KeyMove::Zoom(1.0 / ZOOM_STEP),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{import_bytes, ImportOptions};

    /// A view one pixel per degree of longitude wide at the equator (scale
    /// in pixels per radian), centred on 0,0 in a 200 x 100 canvas: a point
    /// at longitude `lon` on the equator is at pixel `(100 + lon, 50)`.
    fn degree_view(pixels_per_degree: f64) -> MapView {
        MapView {
            center_x: 0.0,
            center_y: 0.0,
            scale: pixels_per_degree * 180.0 / std::f64::consts::PI,
            width: 200.0,
            height: 100.0,
        }
    }

    fn point(place: u32, lon: f32, fatalities: u64, event_type: u16) -> MapPoint {
        MapPoint {
            place,
            lat: 0.0,
            lon,
            plane_y: 0.0,
            events: 1,
            fatalities,
            event_type,
        }
    }

    fn close(a: (f64, f64), b: (f64, f64)) -> bool {
        (a.0 - b.0).abs() < 1e-9 && (a.1 - b.1).abs() < 1e-9
    }

    #[test]
    fn outlines_become_paths_of_the_rings_in_sight() {
        let json = br#"{"source": "synthetic", "countries": [
            {"name": "A", "rings": [[0, 0, 10, 0, 10, 10]]},
            {"name": "B", "rings": [[150, 0, 151, 0, 151, 1], [1, 1, 2, 2]]},
            {"name": "C", "rings": [[-99, -1, -98, -1, -98, 0, -99, 0]]}
        ]}"#;
        let outlines = Outlines::parse(json).unwrap_or_else(|| panic!("outlines did not parse"));
        // 1 px per degree on a 200 px canvas shows longitudes -100..100.
        let view = degree_view(1.0);
        let paths: Vec<Vec<(f64, f64)>> = outlines.paths(&view).map(|p| p.collect()).collect();
        // Ring B (east of 100) is out of sight; its two-point ring was
        // dropped. The y of latitude 10 is ln(tan(50 degrees)) radians,
        // 10.0512 degrees, above the equator's y = 50.
        assert_eq!(paths.len(), 2, "{paths:?}");
        let expected_a = [
            (100.0, 50.0),
            (110.0, 50.0),
            (110.0, 50.0 - 10.051159656630123),
        ];
        assert!(
            paths[0].iter().zip(&expected_a).all(|(&a, &b)| close(a, b)),
            "{:?}",
            paths[0]
        );
        assert_eq!(paths[0].len(), 3);
        assert_eq!(paths[1].len(), 4);
        // Ring C's first point, (-99, -1): latitude -1 is 1.0000508 degrees
        // of plane below the equator.
        assert!(
            close(paths[1][0], (1.0, 50.0 + 1.0000507734366282)),
            "{:?}",
            paths[1]
        );
        assert!(Outlines::parse(b"not json").is_none());
    }

    #[test]
    fn rings_are_cut_where_they_cross_the_antimeridian() {
        // A square from 170E to 170W (190 in plane terms) written with the
        // longitudes wrapped: two edges jump 340 degrees.
        let ring = [(170.0, 0.0), (-170.0, 0.0), (-170.0, 10.0), (170.0, 10.0)];
        let (pieces, closed) = split_at_antimeridian(&ring);
        assert!(!closed);
        // 170,0 -> -170,0 jumps; -170,0 -> -170,10 does not; -170,10 ->
        // 170,10 jumps; the closing edge 170,10 -> 170,0 does not, so the
        // last piece runs on into the first.
        assert_eq!(
            pieces,
            vec![
                vec![(170.0, 10.0), (170.0, 0.0)],
                vec![(-170.0, 0.0), (-170.0, 10.0)],
            ]
        );
        // No piece has an edge longer than 180 degrees.
        for piece in &pieces {
            for w in piece.windows(2) {
                assert!((w[0].0 - w[1].0).abs() <= 180.0);
            }
        }
        // A ring that does not cross stays whole and closed.
        let square = [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0)];
        assert_eq!(
            split_at_antimeridian(&square),
            (vec![square.to_vec()], true)
        );
        // A ring around the globe (as Antarctica's) crosses only on its
        // closing edge, -179 back to 179: one open path.
        let around = [
            (179.0, -80.0),
            (90.0, -80.0),
            (0.0, -80.0),
            (-90.0, -80.0),
            (-179.0, -80.0),
        ];
        assert_eq!(
            split_at_antimeridian(&around),
            (vec![around.to_vec()], false)
        );
        // Through the outline reader: Fiji-like ring cut into two open paths.
        let json = br#"{"countries": [{"name": "F", "rings": [[179, -17, -179, -17, -179, -16, 179, -16]]}]}"#;
        let outlines = Outlines::parse(json).unwrap_or_else(|| panic!("outlines did not parse"));
        let view = MapView::fit((-180.0, -60.0, 180.0, 60.0), 360.0, 200.0, 0.0, 1.0);
        let rings: Vec<(bool, usize)> = outlines
            .rings_in_view(&view)
            .map(|(closed, p)| (closed, p.count()))
            .collect();
        assert_eq!(rings, vec![(false, 2), (false, 2)]);
    }

    #[test]
    fn ring_groups_hold_every_ring_once_and_every_ring_in_sight() {
        // Rings spread over the world, one of them cut at the antimeridian.
        let json = br#"{"countries": [
            {"name": "A", "rings": [[0, 0, 10, 0, 10, 10], [40, 40, 41, 40, 41, 41]]},
            {"name": "B", "rings": [[150, 0, 151, 0, 151, 1], [1, 1, 2, 1, 2, 2]]},
            {"name": "C", "rings": [[-99, -1, -98, -1, -98, 0, -99, 0]]},
            {"name": "F", "rings": [[179, -17, -179, -17, -179, -16, 179, -16]]}
        ]}"#;
        let outlines = Outlines::parse(json).unwrap_or_else(|| panic!("outlines did not parse"));
        let all: Vec<(bool, Vec<(f64, f64)>)> = outlines
            .rings
            .iter()
            .map(|r| (r.closed, r.points.clone()))
            .collect();
        // 4 + 2 pieces of F.
        assert_eq!(all.len(), 7);
        for tile in [0.1, 0.5, 10.0] {
            let groups = outlines.ring_groups(tile);
            let mut grouped: Vec<(bool, Vec<(f64, f64)>)> = Vec::new();
            for g in &groups {
                for &(closed, points) in &g.rings {
                    // Each ring inside its group's box.
                    assert!(points.iter().all(|&(x, y)| x >= g.min.0
                        && x <= g.max.0
                        && y >= g.min.1
                        && y <= g.max.1));
                    grouped.push((closed, points.to_vec()));
                }
            }
            let sorted = |mut v: Vec<(bool, Vec<(f64, f64)>)>| {
                v.sort_by(|a, b| {
                    a.1[0]
                        .0
                        .total_cmp(&b.1[0].0)
                        .then(a.1[0].1.total_cmp(&b.1[0].1))
                });
                v
            };
            assert_eq!(sorted(grouped), sorted(all.clone()), "tile {tile}");
            // The pieces cut at the antimeridian stay open.
            assert_eq!(
                groups
                    .iter()
                    .flat_map(|g| &g.rings)
                    .filter(|r| !r.0)
                    .count(),
                2
            );
            // Whatever the view, a ring in sight is in a group in sight.
            for view in [
                degree_view(1.0),
                degree_view(20.0),
                MapView::fit((170.0, -20.0, 180.0, -10.0), 300.0, 200.0, 0.0, 1.0),
            ] {
                let in_sight = outlines.rings_in_view(&view).count();
                let in_groups: usize = groups
                    .iter()
                    .filter(|g| g.meets(&view))
                    .map(|g| g.rings.len())
                    .sum();
                assert!(
                    in_groups >= in_sight,
                    "tile {tile}: {in_groups} < {in_sight}"
                );
            }
        }
        // With tiles of 0.5 radians (about 29 degrees): A's first ring and
        // B's second share a tile near 0,0; A's second (40N) is alone.
        let groups = outlines.ring_groups(0.5);
        assert!(groups.iter().any(|g| g.rings.len() == 2));
        // 1 px per degree around 0,0 shows -100..100 by -50..50: the group
        // at 150E and the antimeridian pieces are skipped.
        let view = degree_view(1.0);
        let drawn: usize = groups
            .iter()
            .filter(|g| g.meets(&view))
            .map(|g| g.rings.len())
            .sum();
        assert_eq!(drawn, 4);
    }

    #[test]
    fn country_names_sit_in_their_largest_ring_when_wide_enough() {
        let json = br#"{"countries": [
            {"name": "Big", "rings": [[0, 0, 1, 0, 1, 1], [-20, -10, 20, -10, 20, 10, -20, 10]]},
            {"name": "", "rings": [[30, 0, 31, 0, 31, 1]]}
        ]}"#;
        let outlines = Outlines::parse(json).unwrap_or_else(|| panic!("outlines did not parse"));
        // One name: the unnamed country has none. Its box centre is 0,0,
        // 40 degrees (0.698 radians) wide.
        assert_eq!(outlines.names.len(), 1);
        let n = &outlines.names[0];
        assert!(n.x.abs() < 1e-12 && n.y.abs() < 1e-12);
        assert!((n.span - 40f64.to_radians()).abs() < 1e-12);
        // At 1 px per degree it is 40 px wide: named with a 30 px floor,
        // not with a 50 px one.
        let view = degree_view(1.0);
        let named: Vec<_> = outlines.names_in_view(&view, 30.0).collect();
        assert_eq!(named.len(), 1);
        assert_eq!(named[0].0, "Big");
        assert!(close((named[0].1, named[0].2), (100.0, 50.0)));
        assert_eq!(outlines.names_in_view(&view, 50.0).count(), 0);
    }

    #[test]
    fn points_are_drawn_big_first_by_colour_and_thinned_per_cell() {
        // Radii: 0 fatalities -> 3, 25 of 100 -> 3 + 15 * 0.5 = 10.5, 100 -> 18.
        let points = [
            point(1, 0.0, 0, 0),    // (100, 50) r 3
            point(2, 0.1, 0, 0),    // (100.1, 50): same 4.5 px cell as place 1
            point(3, 1.0, 0, 1),    // (101, 50), another colour
            point(4, -2.0, 100, 0), // (98, 50) r 18
            point(5, -3.0, 25, 1),  // (97, 50) r 10.5
            point(6, 121.0, 0, 0),  // x 221: beyond the 20 px margin
            point(7, 115.0, 0, 0),  // x 215: outside, but within the margin
            point(8, 0.5, 0, 0),    // (100.5, 50): cell 22 like place 1 ...
        ];
        let layer = PointLayer::new(&points, &degree_view(1.0));
        let order: Vec<u32> = layer.points.iter().map(|p| p.place).collect();
        // Size class (r / 3) 6, then 3, then 1; in class 1 type 0 before 1,
        // ties in the order given.
        assert_eq!(order, [4, 5, 1, 2, 7, 8, 3]);
        let radii: Vec<f64> = layer.points.iter().map(|p| p.r).collect();
        assert_eq!(radii, [18.0, 10.5, 3.0, 3.0, 3.0, 3.0, 3.0]);
        // Cells of 4.5 px: places 1, 2 and 8 at x 100, 100.1 and 100.5 all
        // fall in cell 22, so only place 1 is drawn; place 7 is in cell 47.
        let batches: Vec<(u16, bool, Vec<u32>)> = layer
            .batches
            .iter()
            .map(|b| {
                let places = b.points.iter().map(|&i| layer.points[i].place).collect();
                (b.event_type, b.outlined, places)
            })
            .collect();
        assert_eq!(
            batches,
            [
                (0, true, vec![4]),
                (1, true, vec![5]),
                (0, false, vec![1, 7]),
                (1, false, vec![3]),
            ]
        );
        assert_eq!(layer.point_of(7).map(|p| p.x), Some(215.0));
        assert_eq!(layer.point_of(6), None);
    }

    #[test]
    fn the_nearest_circle_under_the_pointer_is_hit_thinned_or_not() {
        let points = [
            point(1, 0.0, 0, 0),   // (100, 50) r 3
            point(2, 1.0, 0, 0),   // (101, 50) r 3, thinned in drawing
            point(3, -20.0, 4, 0), // (80, 50) r 3 + 15 * 0.5 = 10.5
            point(4, 30.0, 16, 1), // (130, 50) r 18
        ];
        let layer = PointLayer::new(&points, &degree_view(1.0));
        assert_eq!(layer.place_at(101.0, 50.0), Some(2));
        assert_eq!(layer.place_at(99.0, 50.0), Some(1));
        // 12 px from place 3's centre: within 10.5 + 2.
        assert_eq!(layer.place_at(80.0, 62.0), Some(3));
        assert_eq!(layer.place_at(80.0, 63.0), None);
        // Between places 2 and 4: 19 px from 4 (r 18 + 2), 10 from 2 (r 3 + 2).
        assert_eq!(layer.place_at(111.0, 50.0), Some(4));
        assert_eq!(layer.place_at(100.0, 90.0), None);
    }

    #[test]
    fn the_first_view_fits_the_places_or_the_sahel() {
        let empty = initial_view(std::iter::empty(), 400.0, 300.0);
        assert_eq!(empty, MapView::fit(DEFAULT_BOUNDS, 400.0, 300.0, 24.0, 2.0));
        let view = initial_view([(-4.0, 12.0), (2.0, 16.0)], 400.0, 300.0);
        for (lon, lat) in [(-4.0, 12.0), (2.0, 16.0)] {
            let (x, y) = view.to_screen(lon, lat);
            assert!(
                (23.9..=376.1).contains(&x) && (23.9..=276.1).contains(&y),
                "{x},{y}"
            );
        }
    }

    #[test]
    fn the_tooltip_names_the_place_and_its_counts() {
        let points = [
            MapPoint {
                events: 1,
                fatalities: 2130,
                ..point(9, 0.0, 0, 0)
            },
            MapPoint {
                events: 12,
                fatalities: 1,
                ..point(4, 0.0, 0, 0)
            },
        ];
        let name = |p: u32| format!("Place {p}");
        assert_eq!(
            tooltip_text(&points, 9, name).as_deref(),
            Some("Place 9: 1 event, 2,130 fatalities")
        );
        assert_eq!(
            tooltip_text(&points, 4, name).as_deref(),
            Some("Place 4: 12 events, 1 fatality")
        );
        assert_eq!(tooltip_text(&points, 5, name), None);
    }

    /// Two places: Town A (rows 0, 2, 3) and Town B (row 1). Synthetic.
    fn store() -> Store {
        let csv = "event_id_cnty,event_date,disorder_type,event_type,sub_event_type,actor1,actor2,country,admin1,location,latitude,longitude,fatalities\n\
S1,2022-01-05,Political violence,Battles,Armed clash,A,B,Mali,Mopti,Town A,14.5,-4.2,3\n\
S2,2022-01-06,Political violence,Riots,Mob violence,A,B,Mali,Mopti,Town B,14.0,-4.0,0\n\
S3,2022-01-07,Political violence,Riots,Mob violence,A,B,Mali,Mopti,Town A,14.5,-4.2,1\n\
S4,2022-01-08,Political violence,Battles,Armed clash,A,B,Mali,Mopti,Town A,14.5,-4.2,0\n";
        import_bytes(csv.as_bytes(), ImportOptions::default())
            .map(|d| d.store)
            .unwrap_or_else(|e| panic!("synthetic file did not import: {e}"))
    }

    #[test]
    fn the_legend_lists_the_types_that_colour_a_point() {
        let store = store();
        let (battles, riots) = (store.event_type[0], store.event_type[1]);
        let point = |event_type| MapPoint {
            place: 0,
            lat: 0.0,
            lon: 0.0,
            plane_y: 0.0,
            events: 1,
            fatalities: 0,
            event_type,
        };
        let legend = map_legend(&store, &[point(riots), point(battles), point(riots)]);
        let got: Vec<_> = legend
            .iter()
            .map(|e| (e.label.as_str(), e.colour))
            .collect();
        // Battles is the store's first type (first in the file).
        assert_eq!(got, [("Battles", "#D55E00"), ("Riots", "#0072B2")]);
        assert!(map_legend(&store, &[]).is_empty());
    }

    #[test]
    fn a_place_lists_its_events_in_file_order() {
        let store = store();
        let town_a = store.place[0];
        assert_eq!(store.place[2], town_a);
        let events = PlaceListing::new(&store, &[0, 1, 2, 3], town_a, 2);
        assert_eq!(events.name, "Town A, Mopti, Mali");
        assert_eq!(
            events.items,
            [
                (
                    0,
                    "2022-01-05 \u{b7} Battles \u{b7} 3 fatalities".to_string()
                ),
                (2, "2022-01-07 \u{b7} Riots \u{b7} 1 fatalities".to_string()),
            ]
        );
        assert_eq!(events.total, 3);
        assert_eq!(
            events.caption(),
            "3 events match the filters here; the first 2 are listed"
        );
        // Only the rows passing the filters count.
        let one = PlaceListing::new(&store, &[1, 3], town_a, 50);
        assert_eq!(one.caption(), "1 event matches the filters here");
        assert_eq!(one.items.len(), 1);
    }

    #[test]
    fn points_are_coloured_by_event_type_name() {
        let store = store();
        let battles = store.event_type[0];
        assert_eq!(point_colour(&store, battles), event_type_colour("Battles"));
        assert_eq!(point_colour(&store, u16::MAX), event_type_colour(""));
    }

    #[test]
    fn a_press_is_a_click_until_the_pointer_travels_more_than_3_pixels() {
        let mut drag = Drag::default();
        assert_eq!(drag.motion(5.0, 5.0), Motion::Hover);
        drag.press(10.0, 10.0);
        assert_eq!(drag.motion(11.0, 12.0), Motion::Held);
        assert!(drag.release(), "released within 3 px: a click");
        assert_eq!(drag.motion(30.0, 30.0), Motion::Hover);

        drag.press(10.0, 10.0);
        assert_eq!(drag.motion(12.0, 12.0), Motion::Pan(2.0, 2.0));
        // Once dragging, every move pans from the last position.
        assert_eq!(drag.motion(13.0, 12.0), Motion::Pan(1.0, 0.0));
        assert!(!drag.release(), "a drag is not a click");
        assert!(!drag.release(), "nothing held");
    }

    #[test]
    fn wheel_and_keys() {
        assert!((wheel_zoom(-100.0) - 1.161834242728283).abs() < 1e-12);
        assert_eq!(wheel_zoom(0.0), 1.0);
        assert_eq!(wheel_zoom(1000.0), 0.5);
        assert_eq!(wheel_zoom(-1000.0), 2.0);
        assert_eq!(key_move("ArrowLeft"), Some(KeyMove::Pan(60.0, 0.0)));
        assert_eq!(key_move("ArrowDown"), Some(KeyMove::Pan(0.0, -60.0)));
        assert_eq!(key_move("="), Some(KeyMove::Zoom(1.5)));
        assert_eq!(key_move("-"), Some(KeyMove::Zoom(1.0 / 1.5)));
        assert_eq!(key_move("a"), None);
    }
}
