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
}

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
        let mut counts: Vec<(u16, usize)> = Vec::new();
        for p in points.iter().filter(|p| p.event_type != u16::MAX) {
            match counts.iter_mut().find(|(t, _)| *t == p.event_type) {
                Some((_, n)) => *n += 1,
                None => counts.push((p.event_type, 1)),
            }
        }
        counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let types = counts
            .into_iter()
            .map(|(t, _)| (crate::engine::i18n::term_or(&name(t)), colour(t)))
            .collect();
        MapLegend {
            types,
            size_title: crate::t!("measure-fatalities"),
            sizes: reference_sizes(points.iter().map(|p| p.fatalities).max().unwrap_or(0)),
            note: None,
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
        }
    }

    /// The legend of the density grid: a sentence on its shading.
    pub fn for_density(cell: f64, max_events: u64) -> MapLegend {
        MapLegend {
            types: Vec::new(),
            size_title: String::new(),
            sizes: Vec::new(),
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

/// Height of a label box in pixels (one line of 11 px text).
pub const LABEL_HEIGHT: f64 = 14.0;

/// Pixels between a circle and its label.
const LABEL_GAP: f64 = 3.0;

/// Names up to `max` of the busiest places in `view` (most events first,
/// ties by place code) where their labels fit: each label goes right of
/// its circle, else left of it, kept inside the canvas, and is left out
/// when both would overlap a label already placed. The busiest place in
/// sight is always named. `name` gives a place's text (empty: not named),
/// `width` a text's width in pixels.
pub fn place_labels(
    points: &[MapPoint],
    view: &MapView,
    max: usize,
    name: impl Fn(u32) -> String,
    width: impl Fn(&str) -> f64,
) -> Vec<PlaceLabel> {
    let max_fatalities = points.iter().map(|p| p.fatalities).max().unwrap_or(0);
    let mut in_view: Vec<(&MapPoint, f64, f64)> = points
        .iter()
        .filter_map(|p| {
            let (x, y) = view.to_screen(f64::from(p.lon), f64::from(p.lat));
            let inside = x >= 0.0 && y >= 0.0 && x <= view.width && y <= view.height;
            inside.then_some((p, x, y))
        })
        .collect();
    in_view.sort_by(|a, b| b.0.events.cmp(&a.0.events).then(a.0.place.cmp(&b.0.place)));
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
            placed.iter().all(|o| !o.overlaps(&label)).then_some(label)
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
            events,
            fatalities,
            event_type: ty,
        }
    }

    /// 1 px per degree at the equator (near it, nearly so in latitude),
    /// centred on 0,0 in a 200 x 100 canvas.
    fn view() -> MapView {
        MapView {
            center_x: 0.0,
            center_y: 0.0,
            scale: 180.0 / std::f64::consts::PI,
            width: 200.0,
            height: 100.0,
        }
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
            width
        )
        .is_empty());
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
        let labels = place_labels(&points, &view(), 10, |p| format!("Place {p}"), width);
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
        let labels = place_labels(&grid, &view(), 15, |p| format!("P{p}"), width);
        assert!(!labels.is_empty() && labels.len() <= 15);
        assert_eq!(labels[0].place, 99);
        for (i, a) in labels.iter().enumerate() {
            for b in &labels[i + 1..] {
                assert!(!a.overlaps(b), "{a:?} {b:?}");
            }
        }
        // Unnamed places are skipped.
        assert!(place_labels(&points, &view(), 10, |_| String::new(), width).is_empty());
    }
}
