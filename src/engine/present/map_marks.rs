//! What the map writes over its points: the legend (event-type colours and
//! reference circles of the size scale) and the names of the busiest
//! places, placed greedily so no two labels overlap.

use crate::engine::present::map::{point_radius, MapView};
use crate::engine::query::MapPoint;

/// The map's legend: one swatch per event type on the map (most places
/// first) and reference circles of the size scale, largest first.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MapLegend {
    /// Event type name and its colour.
    pub types: Vec<(String, &'static str)>,
    /// What the circles' size stands for ("Fatalities", "Events").
    pub size_title: String,
    /// The count a circle stands for and its radius in pixels.
    pub sizes: Vec<(u64, f64)>,
    /// A line in place of the size scale (the density grid's shading).
    pub note: Option<String>,
    /// The density grid's shading as swatches: a count of events per cell
    /// and the opacity it is drawn with, lightest first.
    pub shades: Vec<(u64, f64)>,
}

/// How dark a density cell of `events` is drawn when the busiest has
/// `max_events`, 0.15 to 1: by the logarithm of its events relative to the
/// busiest cell's, so sparse areas still show.
pub fn density_shade(events: u64, max_events: u64) -> f64 {
    if max_events <= 1 {
        return 1.0;
    }
    let share = (events.max(1) as f64).ln() / (max_events as f64).ln();
    0.15 + 0.85 * share.clamp(0.0, 1.0)
}

/// Swatches the density legend shows at most.
const MAX_SHADES: usize = 5;

/// The largest "nice" number (1, 2 or 5 times a power of ten) not above
/// `n`; 0 for 0.
pub(crate) fn nice_floor(n: u64) -> u64 {
    if n == 0 {
        return 0;
    }
    let mut power = 1u64;
    while power <= n / 10 {
        power *= 10;
    }
    [5, 2, 1]
        .into_iter()
        .map(|m| m * power)
        .find(|&v| v <= n)
        .unwrap_or(power)
}

impl MapLegend {
    /// The legend of `points`: the types they are coloured by (`name` and
    /// `colour` of a type code; `u16::MAX` is no type and is left out),
    /// and up to three reference circles: the largest fatality count shown,
    /// and round numbers near a quarter and a twentieth of it. No size
    /// scale when no place has a fatality (every circle is the same size).
    pub fn new(
        points: &[MapPoint],
        name: impl Fn(u16) -> String,
        colour: impl Fn(u16) -> &'static str,
    ) -> MapLegend {
        // Places per type code, indexed by the code (a map has many places
        // and few types).
        let mut per_type: Vec<usize> = Vec::new();
        for p in points.iter().filter(|p| p.event_type != u16::MAX) {
            let t = usize::from(p.event_type);
            if t >= per_type.len() {
                per_type.resize(t + 1, 0);
            }
            per_type[t] += 1;
        }
        let mut counts: Vec<(u16, usize)> = (0..=u16::MAX)
            .zip(per_type)
            .filter(|&(_, n)| n > 0)
            .collect();
        crate::engine::data::order::sort_by(&mut counts, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let types = counts
            .into_iter()
            .map(|(t, _)| (crate::engine::i18n::term_or(&name(t)), colour(t)))
            .collect();
        MapLegend {
            types,
            size_title: crate::t!("measure-fatalities"),
            sizes: reference_sizes(points.iter().map(|p| p.fatalities).max().unwrap_or(0)),
            note: None,
            shades: Vec::new(),
        }
    }

    /// The legend of the regions mode: symbols sized by events (see
    /// [`super::map_modes::region_points`]), no colours.
    pub fn for_regions(region_points: &[MapPoint]) -> MapLegend {
        MapLegend {
            types: Vec::new(),
            size_title: crate::t!("map-legend-events-per-region"),
            sizes: reference_sizes(
                region_points
                    .iter()
                    .map(|p| p.fatalities)
                    .max()
                    .unwrap_or(0),
            ),
            note: None,
            shades: Vec::new(),
        }
    }

    /// The legend of the density grid: a sentence on its shading.
    pub fn for_density(cell: f64, max_events: u64) -> MapLegend {
        // 1, 10, 100 ... below the busiest cell, then the busiest; the
        // lightest and the largest kept when there are too many.
        let mut counts: Vec<u64> = std::iter::successors(Some(1u64), |n| n.checked_mul(10))
            .take_while(|&n| n < max_events)
            .collect();
        if counts.len() >= MAX_SHADES {
            counts.drain(1..counts.len() + 1 - (MAX_SHADES - 1));
        }
        if max_events > 0 {
            counts.push(max_events);
        }
        MapLegend {
            types: Vec::new(),
            size_title: String::new(),
            sizes: Vec::new(),
            shades: counts
                .into_iter()
                .map(|n| (n, density_shade(n, max_events)))
                .collect(),
            note: Some(crate::t!(
                "map-legend-density",
                cell = format!("{cell:.0}"),
                darkest = max_events
            )),
        }
    }

    /// The legend as sentences, for the text summary and tests.
    pub fn text(&self) -> String {
        let mut out = String::new();
        if !self.types.is_empty() {
            let names: Vec<&str> = self.types.iter().map(|(n, _)| n.as_str()).collect();
            out.push_str(&crate::t!("map-legend-colour", types = names.join(", ")));
        }
        if !self.sizes.is_empty() {
            let sizes: Vec<String> = self
                .sizes
                .iter()
                .map(|(n, _)| crate::engine::present::format::thousands(*n))
                .collect();
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&crate::t!(
                "map-legend-size",
                title = self.size_title.to_lowercase(),
                sizes = sizes.join(", ")
            ));
        }
        if let Some(note) = &self.note {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(note);
            out.push('.');
        }
        out
    }
}

/// Up to three reference circles for a size scale whose largest count is
/// `max`: `max` itself and round numbers near a quarter and a twentieth of
/// it; none when `max` is 0 (every circle is the same size).
fn reference_sizes(max: u64) -> Vec<(u64, f64)> {
    let mut sizes: Vec<(u64, f64)> = Vec::new();
    if max > 0 {
        for v in [max, nice_floor(max / 4), nice_floor(max / 20)] {
            if v > 0 && sizes.iter().all(|&(s, _)| s != v) {
                sizes.push((v, point_radius(v, max)));
            }
        }
    }
    sizes
}

/// Pixels between the legend and the canvas edge.
pub const LEGEND_INSET: f64 = 8.0;

/// Where to put a legend box of `size` on a `canvas` (both width, height):
/// the corner whose box covers the fewest of the `points` drawn (pixel
/// centres), lower left first on a tie (where readers look for it).
pub fn legend_corner(
    points: impl IntoIterator<Item = (f64, f64)>,
    size: (f64, f64),
    canvas: (f64, f64),
) -> (f64, f64) {
    let (w, h) = size;
    let (cw, ch) = canvas;
    let left = LEGEND_INSET;
    let right = (cw - w - LEGEND_INSET).max(LEGEND_INSET);
    let top = LEGEND_INSET;
    let bottom = (ch - h - LEGEND_INSET).max(LEGEND_INSET);
    let corners = [(left, bottom), (right, bottom), (left, top), (right, top)];
    let mut covered = [0usize; 4];
    for (x, y) in points {
        for (n, &(cx, cy)) in covered.iter_mut().zip(&corners) {
            if x >= cx && x <= cx + w && y >= cy && y <= cy + h {
                *n += 1;
            }
        }
    }
    // min_by_key keeps the first of equal minima.
    (0..4)
        .min_by_key(|&i| covered[i])
        .map_or(corners[0], |i| corners[i])
}

/// The heights (pixels above the base line) at which to write the counts
/// of nested reference circles of `radii` (largest first): each at its
/// circle's top, moved down no further than needed to stay `line` pixels
/// below the one above.
pub fn size_label_heights(radii: &[f64], line: f64) -> Vec<f64> {
    let mut out: Vec<f64> = Vec::with_capacity(radii.len());
    for &r in radii {
        let top = 2.0 * r;
        let h = match out.last() {
            Some(&above) => top.min(above - line),
            None => top,
        };
        out.push(h);
    }
    out
}

/// A place's name on the map: the text, its box's top-left corner and
/// size in pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceLabel {
    pub place: u32,
    pub text: String,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

impl PlaceLabel {
    fn overlaps(&self, other: &PlaceLabel) -> bool {
        self.x < other.x + other.width
            && other.x < self.x + self.width
            && self.y < other.y + other.height
            && other.y < self.y + self.height
    }
}

/// A box on the canvas: left, top, width, height in pixels.
pub type Rect = (f64, f64, f64, f64);

/// Whether a label's box and a rectangle overlap.
fn overlaps_rect(label: &PlaceLabel, r: &Rect) -> bool {
    label.x < r.0 + r.2
        && r.0 < label.x + label.width
        && label.y < r.1 + r.3
        && r.1 < label.y + label.height
}

/// Whether a label's box and a circle `(x, y, r)` overlap: the box's point
/// nearest the centre is inside the circle.
fn overlaps_circle(label: &PlaceLabel, (cx, cy, r): (f64, f64, f64)) -> bool {
    let nx = cx.clamp(label.x, label.x + label.width);
    let ny = cy.clamp(label.y, label.y + label.height);
    (nx - cx).powi(2) + (ny - cy).powi(2) < r * r
}

/// Circles at least this big (pixels of radius) keep other places' names
/// off them; smaller ones are dots a name may cross.
const LABEL_BLOCKING_RADIUS: f64 = 6.0;

/// Blocking circles considered at most (the largest): enough for those
/// near the few names placed, few enough to check quickly.
const MAX_BLOCKING: usize = 400;

/// Places considered for a name, per name wanted (the busiest first).
const CANDIDATES_PER_LABEL: usize = 50;

/// Height of a label box in pixels (one line of 11 px text).
pub const LABEL_HEIGHT: f64 = 14.0;

/// Pixels between a circle and its label.
const LABEL_GAP: f64 = 3.0;

/// Names up to `max` of the busiest places in `view` (most events first,
/// ties by place code) where their labels fit: each label goes right of
/// its circle, else left of it, kept inside the canvas, and is left out
/// when both would overlap its own circle (pushed inside the canvas), a
/// label already placed, a box in `avoid` (the legend) or another place's
/// large circle. With nothing in its way, the
/// busiest place in sight is always named. `name` gives a place's text
/// (empty: not named), `width` a text's width in pixels.
pub fn place_labels(
    points: &[MapPoint],
    view: &MapView,
    max: usize,
    name: impl Fn(u32) -> String,
    width: impl Fn(&str) -> f64,
    avoid: &[Rect],
) -> Vec<PlaceLabel> {
    let max_fatalities = points.iter().map(|p| p.fatalities).max().unwrap_or(0);
    let mut in_view: Vec<(&MapPoint, f64, f64)> = points
        .iter()
        .filter_map(|p| {
            let (x, y) = view.point_to_screen(p);
            let inside = x >= 0.0 && y >= 0.0 && x <= view.width && y <= view.height;
            inside.then_some((p, x, y))
        })
        .collect();
    let mut blocking: Vec<(u32, (f64, f64, f64))> = in_view
        .iter()
        .map(|&(p, x, y)| (p.place, (x, y, point_radius(p.fatalities, max_fatalities))))
        .filter(|(_, c)| c.2 >= LABEL_BLOCKING_RADIUS)
        .collect();
    crate::engine::data::order::sort_by(&mut blocking, |a, b| b.1 .2.total_cmp(&a.1 .2));
    blocking.truncate(MAX_BLOCKING);
    let order = |a: &(&MapPoint, f64, f64), b: &(&MapPoint, f64, f64)| {
        b.0.events.cmp(&a.0.events).then(a.0.place.cmp(&b.0.place))
    };
    // Only the busiest can be named: with a hundred thousand places in
    // sight, sorting them all would cost more than drawing them.
    let candidates = max.saturating_mul(CANDIDATES_PER_LABEL).max(1);
    if in_view.len() > candidates {
        in_view.select_nth_unstable_by(candidates - 1, order);
        in_view.truncate(candidates);
    }
    crate::engine::data::order::sort_by(&mut in_view, order);
    let mut placed: Vec<PlaceLabel> = Vec::new();
    for (p, x, y) in in_view {
        if placed.len() >= max {
            break;
        }
        let text = name(p.place);
        if text.is_empty() {
            continue;
        }
        let w = width(&text);
        let r = point_radius(p.fatalities, max_fatalities);
        let top = (y - LABEL_HEIGHT / 2.0).clamp(0.0, (view.height - LABEL_HEIGHT).max(0.0));
        let inside = |left: f64| left.clamp(0.0, (view.width - w).max(0.0));
        let candidates = [inside(x + r + LABEL_GAP), inside(x - r - LABEL_GAP - w)];
        let chosen = candidates.into_iter().find_map(|left| {
            let label = PlaceLabel {
                place: p.place,
                text: text.clone(),
                x: left,
                y: top,
                width: w,
                height: LABEL_HEIGHT,
            };
            // A label pushed back inside the canvas may slide over its own
            // circle: then the other side (or no label) is better.
            let free = !overlaps_circle(&label, (x, y, r))
                && placed.iter().all(|o| !o.overlaps(&label))
                && avoid.iter().all(|r| !overlaps_rect(&label, r))
                && blocking
                    .iter()
                    .all(|&(other, c)| other == p.place || !overlaps_circle(&label, c));
            free.then_some(label)
        });
        if let Some(label) = chosen {
            placed.push(label);
        }
    }
    placed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(place: u32, lon: f32, lat: f32, events: u32, fatalities: u64, ty: u16) -> MapPoint {
        MapPoint {
            place,
            lat,
            lon,
            plane_y: crate::engine::data::store::mercator_y(f64::from(lat)),
            events,
            fatalities,
            event_type: ty,
        }
    }

    /// 1 px per degree at the equator (near it, nearly so in latitude),
    /// centred on 0,0 in a 200 x 100 canvas.
    fn view() -> MapView {
        MapView::degree_per_pixel()
    }

    /// 6 px per character, as a fixed-width font would.
    fn width(text: &str) -> f64 {
        6.0 * text.chars().count() as f64
    }

    #[test]
    fn nice_numbers_round_down_to_one_two_or_five() {
        for (n, nice) in [
            (0, 0),
            (1, 1),
            (3, 2),
            (7, 5),
            (10, 10),
            (19, 10),
            (250, 200),
            (999, 500),
        ] {
            assert_eq!(nice_floor(n), nice, "{n}");
        }
    }

    #[test]
    fn the_legend_lists_types_by_places_and_three_circles() {
        let points = [
            point(0, 0.0, 0.0, 1, 400, 1),
            point(1, 0.0, 0.0, 1, 0, 0),
            point(2, 0.0, 0.0, 1, 3, 1),
            point(3, 0.0, 0.0, 1, 0, u16::MAX),
        ];
        let names = ["Protests", "Battles"];
        let legend = MapLegend::new(
            &points,
            |t| names[usize::from(t)].to_string(),
            |t| if t == 1 { "#D55E00" } else { "#56B4E9" },
        );
        // Battles on two places, Protests on one, the untyped place left out.
        assert_eq!(
            legend.types,
            vec![
                ("Battles".to_string(), "#D55E00"),
                ("Protests".to_string(), "#56B4E9")
            ]
        );
        // 400; 400 / 4 = 100 -> 100; 400 / 20 = 20 -> 20. Radii 3 + 15 *
        // sqrt(share): 18, 3 + 15 * 0.5 = 10.5, 3 + 15 * sqrt(0.05).
        let counts: Vec<u64> = legend.sizes.iter().map(|s| s.0).collect();
        assert_eq!(counts, vec![400, 100, 20]);
        assert_eq!(legend.sizes[0].1, 18.0);
        assert_eq!(legend.sizes[1].1, 10.5);
        assert!((legend.sizes[2].1 - (3.0 + 15.0 * 0.05f64.sqrt())).abs() < 1e-12);
        assert_eq!(
            legend.text(),
            "Colour: most frequent event type (Battles, Protests). Size: fatalities (400, 100, 20)."
        );
        // Small counts: 3 -> 3, 0, 0: one circle.
        let small = MapLegend::new(&[point(0, 0.0, 0.0, 1, 3, 0)], |_| "X".into(), |_| "#000");
        assert_eq!(small.sizes, vec![(3, 18.0)]);
        let regions = MapLegend::for_regions(&[point(0, 0.0, 0.0, 40, 40, u16::MAX)]);
        assert_eq!(regions.text(), "Size: events per region (40, 10, 2).");
        assert_eq!(
            MapLegend::for_density(12.0, 1500).text(),
            "Shade: events per 12-pixel square, darkest 1,500."
        );
        // Swatches: 1, 10, 100, 1000 below 1,500, then 1,500 itself; the
        // opacity 0.15 + 0.85 ln(n) / ln(1500).
        let shades = MapLegend::for_density(12.0, 1500).shades;
        let counts: Vec<u64> = shades.iter().map(|s| s.0).collect();
        assert_eq!(counts, [1, 10, 100, 1000, 1500]);
        assert_eq!(shades[0].1, 0.15);
        assert_eq!(shades[4].1, 1.0);
        let ten = 0.15 + 0.85 * 10f64.ln() / 1500f64.ln();
        assert!((shades[1].1 - ten).abs() < 1e-12);
        // Up to five: 1, then the largest powers below 49,220, then it.
        let counts: Vec<u64> = MapLegend::for_density(12.0, 49_220)
            .shades
            .iter()
            .map(|s| s.0)
            .collect();
        assert_eq!(counts, [1, 100, 1000, 10_000, 49_220]);
        let one: Vec<u64> = MapLegend::for_density(12.0, 1)
            .shades
            .iter()
            .map(|s| s.0)
            .collect();
        assert_eq!(one, [1]);
        assert!(MapLegend::for_density(12.0, 0).shades.is_empty());
        // Without fatalities there is no size scale.
        let none = MapLegend::new(&[point(0, 0.0, 0.0, 1, 0, 0)], |_| "X".into(), |_| "#000");
        assert!(none.sizes.is_empty());
    }

    #[test]
    fn the_legend_goes_to_the_emptiest_corner() {
        // A 50 x 40 box on a 200 x 100 canvas: corners at x 8 or 142, y 8
        // or 52.
        let canvas = (200.0, 100.0);
        assert_eq!(legend_corner([], (50.0, 40.0), canvas), (8.0, 52.0));
        // Points in the lower left: lower right.
        assert_eq!(
            legend_corner([(20.0, 80.0)], (50.0, 40.0), canvas),
            (142.0, 52.0)
        );
        // Lower left and lower right taken: upper left.
        assert_eq!(
            legend_corner([(20.0, 80.0), (150.0, 60.0)], (50.0, 40.0), canvas),
            (8.0, 8.0)
        );
    }

    #[test]
    fn size_labels_keep_a_line_apart() {
        // Radii 18, 10.5, 3.67: tops at 36, 21, 7.3; 21 is 15 below 36 (a
        // 11 px line fits), 7.3 is 13.7 below 21.
        let h = size_label_heights(&[18.0, 10.5, 3.65], 11.0);
        assert_eq!(h[..2], [36.0, 21.0]);
        assert!((h[2] - 7.3).abs() < 1e-9);
        // Close radii: pushed down a line at a time.
        assert_eq!(
            size_label_heights(&[18.0, 17.0, 16.0], 11.0),
            vec![36.0, 25.0, 14.0]
        );
    }

    #[test]
    fn the_busiest_place_alone_is_always_named() {
        // At the right edge: the label moves inside the canvas.
        for lon in [0.0, 99.0, -99.0] {
            let labels = place_labels(
                &[point(7, lon, 0.0, 5, 0, 0)],
                &view(),
                10,
                |_| "Timbuktu".into(),
                width,
                &[],
            );
            assert_eq!(labels.len(), 1, "{lon}");
            let l = &labels[0];
            assert_eq!((l.place, l.text.as_str(), l.width), (7, "Timbuktu", 48.0));
            assert!(l.x >= 0.0 && l.x + l.width <= 200.0, "{l:?}");
        }
        // Nothing in sight, nothing named.
        assert!(place_labels(
            &[point(7, 150.0, 0.0, 5, 0, 0)],
            &view(),
            10,
            |_| "X".into(),
            width,
            &[]
        )
        .is_empty());
    }

    #[test]
    fn labels_keep_off_the_legend_and_other_places_big_circles() {
        // Place 1 at (100, 50), 10 events, r 3; its label "Place 1" is 42
        // px wide: right of it at 106..148, left at 52..94, rows 43..57.
        let lone = [point(1, 0.0, 0.0, 10, 0, 0)];
        let name = |p: u32| format!("Place {p}");
        let at = |labels: &[PlaceLabel]| labels.iter().map(|l| (l.place, l.x)).collect::<Vec<_>>();
        assert_eq!(
            at(&place_labels(&lone, &view(), 10, name, width, &[])),
            [(1, 106.0)]
        );
        // A legend box over the right side: the label goes left.
        let legend = (120.0, 40.0, 60.0, 30.0);
        assert_eq!(
            at(&place_labels(&lone, &view(), 10, name, width, &[legend])),
            [(1, 52.0)]
        );
        // Boxes on both sides: not named at all.
        let left = (0.0, 0.0, 60.0, 100.0);
        assert!(place_labels(&lone, &view(), 10, name, width, &[legend, left]).is_empty());
        // A box that only touches the label's edge does not block it.
        let touching = (148.0, 0.0, 10.0, 100.0);
        assert_eq!(
            at(&place_labels(&lone, &view(), 10, name, width, &[touching])),
            [(1, 106.0)]
        );
        // Place 2 at lon 30 (x 130) with the most fatalities: r 18, so its
        // circle spans x 112..148 and covers place 1's right-hand label;
        // place 1's own circle never blocks its label. Place 2 is labelled
        // right of its circle: 130 + 18 + 3 = 151.
        let two = [point(1, 0.0, 0.0, 10, 0, 0), point(2, 30.0, 0.0, 1, 100, 0)];
        assert_eq!(
            at(&place_labels(&two, &view(), 10, name, width, &[])),
            [(1, 52.0), (2, 151.0)]
        );
        // At the right edge (x 199) the right-hand label would be pushed
        // back over the place's own circle: it goes left, 199 - 3 - 3 - 42.
        let edge = [point(1, 99.0, 0.0, 10, 0, 0)];
        assert_eq!(
            at(&place_labels(&edge, &view(), 10, name, width, &[])),
            [(1, 151.0)]
        );
        // With the left side taken by the legend, it is not named at all.
        let left_side = (140.0, 40.0, 20.0, 20.0);
        assert!(place_labels(&edge, &view(), 10, name, width, &[left_side]).is_empty());
        // A big circle far below (lat -40, y about 94, r 18 reaching y 76)
        // blocks nothing on row 43..57.
        let far = [
            point(1, 0.0, 0.0, 10, 0, 0),
            point(2, 10.0, -40.0, 1, 100, 0),
        ];
        assert_eq!(
            at(&place_labels(&far, &view(), 10, name, width, &[]))[0],
            (1, 106.0)
        );
    }

    #[test]
    fn only_the_busiest_places_are_considered_for_names() {
        // 2,000 places on a 40 x 50 grid of 5-px steps, with shuffled
        // counts: the labels are those of a plain sort of every place.
        let points: Vec<MapPoint> = (0..2_000u32)
            .map(|i| {
                let (col, row) = (i % 40, i / 40);
                let lon = -100.0 + 5.0 * col as f32;
                let lat = -40.0 + 1.6 * row as f32;
                point(i, lon, lat, (i * 7919) % 1_009, 0, 0)
            })
            .collect();
        let name = |p: u32| format!("P{p}");
        let got = place_labels(&points, &view(), 3, name, width, &[]);
        // Every place sorted by the test: the busiest is named first.
        let mut all: Vec<&MapPoint> = points.iter().collect();
        all.sort_by(|a, b| b.events.cmp(&a.events).then(a.place.cmp(&b.place)));
        assert_eq!(got.len(), 3);
        assert_eq!(got[0].place, all[0].place);
        // The greedy placing walks the places busiest first and stops at
        // the third label; each label here is among the first 150 (3 x
        // 50) places, so the walk ended before the cut and gives what a
        // walk over every place gives: the same as over those 150 alone.
        let rank = |place: u32| {
            all.iter()
                .position(|p| p.place == place)
                .unwrap_or(usize::MAX)
        };
        assert!(got.iter().all(|l| rank(l.place) < 150), "{got:?}");
        let top: Vec<MapPoint> = all[..150].iter().map(|p| (*p).clone()).collect();
        assert_eq!(place_labels(&top, &view(), 3, name, width, &[]), got);
    }

    #[test]
    fn labels_never_overlap_and_the_busiest_win() {
        // A cluster of places 2 px apart on the equator: their labels
        // cannot all fit, the busiest (place 3, then 1) are named first.
        let points: Vec<MapPoint> = (0..6)
            .map(|i| {
                point(
                    i,
                    -20.0 + 2.0 * i as f32,
                    0.0,
                    [4, 9, 1, 20, 2, 3][i as usize],
                    0,
                    0,
                )
            })
            .collect();
        let labels = place_labels(&points, &view(), 10, |p| format!("Place {p}"), width, &[]);
        assert_eq!(labels[0].place, 3);
        assert_eq!(labels[1].place, 1);
        // 3 is at x 86 (radius 3), labelled right: 86 + 3 + 3 = 92..134;
        // 1 at x 82 right (88..130) would overlap, so left: 82 - 3 - 3 -
        // 42 = 34..76. Place 0 (x 80) fits neither side.
        assert!((labels[0].x - 92.0).abs() < 1e-9 && (labels[1].x - 34.0).abs() < 1e-9);
        assert!(labels.iter().all(|l| l.place != 0));
        for (i, a) in labels.iter().enumerate() {
            for b in &labels[i + 1..] {
                assert!(!a.overlaps(b), "{a:?} {b:?}");
            }
        }
        // A grid of many places: still no overlap, and at most `max`.
        let grid: Vec<MapPoint> = (0..100)
            .map(|i| {
                point(
                    i,
                    -90.0 + 18.0 * (i % 10) as f32,
                    -40.0 + 8.0 * (i / 10) as f32,
                    i + 1,
                    0,
                    0,
                )
            })
            .collect();
        let labels = place_labels(&grid, &view(), 15, |p| format!("P{p}"), width, &[]);
        assert!(!labels.is_empty() && labels.len() <= 15);
        assert_eq!(labels[0].place, 99);
        for (i, a) in labels.iter().enumerate() {
            for b in &labels[i + 1..] {
                assert!(!a.overlaps(b), "{a:?} {b:?}");
            }
        }
        // Unnamed places are skipped.
        assert!(place_labels(&points, &view(), 10, |_| String::new(), width, &[]).is_empty());
    }
}
