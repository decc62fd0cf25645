//! Map geometry: Web Mercator, fitting a view to bounds, pan and zoom,
//! point sizes and hit-testing. What the map draws from these is in
//! [`super::map_layers`].

/// Web Mercator: longitude and latitude (degrees) to plane units (radians
/// of longitude). Latitudes are clamped to +-85 degrees.
pub(crate) fn mercator(lon: f64, lat: f64) -> (f64, f64) {
    (
        lon.to_radians(),
        crate::engine::data::store::mercator_y(lat),
    )
}

/// The inverse of [`mercator`].
pub(crate) fn inverse_mercator(x: f64, y: f64) -> (f64, f64) {
    (
        x.to_degrees(),
        (2.0 * y.exp().atan() - std::f64::consts::FRAC_PI_2).to_degrees(),
    )
}

/// Longitude/latitude bounds `(west, south, east, north)` of points,
/// ignoring NaN; `None` if there is no point.
pub(crate) fn bounds(points: impl IntoIterator<Item = (f64, f64)>) -> Option<(f64, f64, f64, f64)> {
    let mut b: Option<(f64, f64, f64, f64)> = None;
    for (lon, lat) in points {
        if lon.is_nan() || lat.is_nan() {
            continue;
        }
        b = Some(match b {
            None => (lon, lat, lon, lat),
            Some((w, s, e, n)) => (w.min(lon), s.min(lat), e.max(lon), n.max(lat)),
        });
    }
    b
}

/// What part of the world the map shows: the plane point at the centre of
/// the canvas and the scale (pixels per plane unit).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MapView {
    pub center_x: f64,
    pub center_y: f64,
    pub scale: f64,
    pub width: f64,
    pub height: f64,
}

impl MapView {
    /// 1 px per degree of longitude at the equator, centred on 0,0 in a
    /// 200 x 100 canvas: the view the map tests reason in.
    #[cfg(test)]
    pub(crate) fn degree_per_pixel() -> MapView {
        MapView {
            center_x: 0.0,
            center_y: 0.0,
            scale: 180.0 / std::f64::consts::PI,
            width: 200.0,
            height: 100.0,
        }
    }

    /// Closest zoom: about 0.05 degree across a 500-pixel map.
    pub(crate) const MAX_SCALE: f64 = 600_000.0;
    /// Widest zoom: the whole world in a small map.
    pub(crate) const MIN_SCALE: f64 = 20.0;

    /// A view showing `bounds` (west, south, east, north) with `padding`
    /// pixels around; a span narrower than `min_span_deg` degrees is widened.
    pub(crate) fn fit(
        bounds: (f64, f64, f64, f64),
        width: f64,
        height: f64,
        padding: f64,
        min_span_deg: f64,
    ) -> MapView {
        let (w, s, e, n) = bounds;
        let (cx, cy) = ((w + e) / 2.0, (s + n) / 2.0);
        let half = min_span_deg / 2.0;
        let (w, e) = (w.min(cx - half), e.max(cx + half));
        let (s, n) = (s.min(cy - half), n.max(cy + half));
        let (x0, y0) = mercator(w, s);
        let (x1, y1) = mercator(e, n);
        let usable_w = (width - 2.0 * padding).max(10.0);
        let usable_h = (height - 2.0 * padding).max(10.0);
        let scale = (usable_w / (x1 - x0)).min(usable_h / (y1 - y0));
        MapView {
            center_x: (x0 + x1) / 2.0,
            center_y: (y0 + y1) / 2.0,
            scale: scale.clamp(Self::MIN_SCALE, Self::MAX_SCALE),
            width,
            height,
        }
    }

    /// Canvas pixel of a longitude/latitude (the page projects map points
    /// with [`MapView::point_to_screen`]; the tests reason in degrees).
    #[cfg(test)]
    pub(crate) fn to_screen(self, lon: f64, lat: f64) -> (f64, f64) {
        let (x, y) = mercator(lon, lat);
        self.plane_to_screen(x, y)
    }

    /// Canvas pixel of a map point, from its plane position kept with it.
    pub(crate) fn point_to_screen(&self, p: &crate::engine::query::MapPoint) -> (f64, f64) {
        self.plane_to_screen(f64::from(p.lon).to_radians(), p.plane_y)
    }

    pub(crate) fn plane_to_screen(&self, x: f64, y: f64) -> (f64, f64) {
        (
            (x - self.center_x) * self.scale + self.width / 2.0,
            self.height / 2.0 - (y - self.center_y) * self.scale,
        )
    }

    /// The canvas transform `[a, b, c, d, e, f]` (as `setTransform` takes
    /// it) that draws plane units where [`MapView::plane_to_screen`] puts
    /// them, `ratio` device pixels per CSS pixel: paths kept in plane
    /// units are then drawn at any pan and zoom without projecting again.
    /// One plane unit is `scale` pixels, so a line `1 / scale` wide is one
    /// pixel.
    pub fn plane_transform(&self, ratio: f64) -> [f64; 6] {
        [
            ratio * self.scale,
            0.0,
            0.0,
            -ratio * self.scale,
            ratio * (self.width / 2.0 - self.center_x * self.scale),
            ratio * (self.height / 2.0 + self.center_y * self.scale),
        ]
    }

    /// The plane box on the canvas `(x0, y0, x1, y1)`, south-west corner
    /// first.
    pub fn plane_box(&self) -> (f64, f64, f64, f64) {
        let half_w = self.width / 2.0 / self.scale;
        let half_h = self.height / 2.0 / self.scale;
        (
            self.center_x - half_w,
            self.center_y - half_h,
            self.center_x + half_w,
            self.center_y + half_h,
        )
    }

    /// Longitude/latitude under a canvas pixel.
    pub(crate) fn to_lon_lat(self, px: f64, py: f64) -> (f64, f64) {
        let x = (px - self.width / 2.0) / self.scale + self.center_x;
        let y = (self.height / 2.0 - py) / self.scale + self.center_y;
        inverse_mercator(x, y)
    }

    /// The longitude/latitude box on the canvas `(west, south, east,
    /// north)`.
    pub fn visible_bounds(self) -> (f64, f64, f64, f64) {
        let (w, n) = self.to_lon_lat(0.0, 0.0);
        let (e, s) = self.to_lon_lat(self.width, self.height);
        (w, s, e, n)
    }

    /// Moves the map with the pointer by `(dx, dy)` pixels.
    pub fn pan(&mut self, dx: f64, dy: f64) {
        self.center_x -= dx / self.scale;
        self.center_y += dy / self.scale;
    }

    /// Zooms by `factor` keeping the point under pixel `(px, py)` in place.
    pub fn zoom_at(&mut self, px: f64, py: f64, factor: f64) {
        let new_scale = (self.scale * factor).clamp(Self::MIN_SCALE, Self::MAX_SCALE);
        let x = (px - self.width / 2.0) / self.scale + self.center_x;
        let y = (self.height / 2.0 - py) / self.scale + self.center_y;
        self.scale = new_scale;
        self.center_x = x - (px - self.width / 2.0) / new_scale;
        self.center_y = y - (self.height / 2.0 - py) / new_scale;
    }

    /// The same view on a canvas of another size (same centre and scale).
    pub fn resized(self, width: f64, height: f64) -> MapView {
        MapView {
            width,
            height,
            ..self
        }
    }
}

/// Pixels kept free around the data when the map fits it.
pub(crate) const FIT_MARGIN: f64 = 24.0;

/// Degrees a fitted view spans at least, so a single place is shown with
/// its surroundings rather than at the closest zoom.
pub(crate) const FIT_MIN_SPAN: f64 = 2.0;

/// The box `(west, south, east, north)` of the filtered places; `None`
/// when no place passes the filters.
pub fn data_extent(points: &[crate::engine::query::MapPoint]) -> Option<(f64, f64, f64, f64)> {
    bounds(points.iter().map(|p| (f64::from(p.lon), f64::from(p.lat))))
}

/// The view that fits the filtered places with [`FIT_MARGIN`] pixels to
/// spare; with none, the view of `fallback` (the whole dataset's box, or
/// any default).
pub fn fit_to_data(
    points: &[crate::engine::query::MapPoint],
    fallback: (f64, f64, f64, f64),
    width: f64,
    height: f64,
) -> MapView {
    let extent = data_extent(points).unwrap_or(fallback);
    MapView::fit(extent, width, height, FIT_MARGIN, FIT_MIN_SPAN)
}

/// Radius in pixels of a map point: area grows with fatalities (relative
/// to the largest shown), with a floor so events without deaths show.
pub(crate) fn point_radius(fatalities: u64, max_fatalities: u64) -> f64 {
    let share = if max_fatalities == 0 {
        0.0
    } else {
        fatalities as f64 / max_fatalities as f64
    };
    3.0 + 15.0 * share.clamp(0.0, 1.0).sqrt()
}

/// The index of the circle `(x, y, r)` nearest to `(px, py)` that the
/// pixel falls in (with `slack` pixels to spare); `None` if none. The
/// reference scan that [`super::map_index::HitGrid`] is tested against.
#[cfg(test)]
pub(crate) fn hit_test(
    circles: impl IntoIterator<Item = (f64, f64, f64)>,
    px: f64,
    py: f64,
    slack: f64,
) -> Option<usize> {
    circles
        .into_iter()
        .enumerate()
        .filter_map(|(i, (x, y, r))| {
            let d = ((x - px).powi(2) + (y - py).powi(2)).sqrt();
            (d <= r + slack).then_some((i, d))
        })
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn projection_round_trips_and_fits() {
        for (lon, lat) in [(0.0, 0.0), (-3.2, 14.5), (100.0, -40.0), (179.0, 80.0)] {
            let (x, y) = mercator(lon, lat);
            let (lon2, lat2) = inverse_mercator(x, y);
            assert!(
                (lon - lon2).abs() < 1e-9 && (lat - lat2).abs() < 1e-9,
                "{lon},{lat}"
            );
        }
        // Mali's rough bounds fit inside a 600x400 canvas with 20 px padding.
        let view = MapView::fit((-12.0, 10.0, 4.3, 25.0), 600.0, 400.0, 20.0, 1.0);
        for (lon, lat) in [(-12.0, 10.0), (4.3, 25.0), (-12.0, 25.0), (4.3, 10.0)] {
            let (px, py) = view.to_screen(lon, lat);
            assert!(
                (19.9..=580.1).contains(&px) && (19.9..=380.1).contains(&py),
                "{px},{py}"
            );
        }
        let (lon, lat) = view.to_lon_lat(300.0, 200.0);
        let (px, py) = view.to_screen(lon, lat);
        assert!((px - 300.0).abs() < 1e-6 && (py - 200.0).abs() < 1e-6);
        // North is up.
        assert!(view.to_screen(0.0, 20.0).1 < view.to_screen(0.0, 10.0).1);
    }

    #[test]
    fn the_plane_transform_puts_plane_points_where_the_view_does() {
        let mut view = MapView::fit((-12.0, 10.0, 4.3, 25.0), 600.0, 400.0, 20.0, 1.0);
        view.zoom_at(100.0, 50.0, 3.0);
        view.pan(-40.0, 25.0);
        for ratio in [1.0, 2.0] {
            let [a, b, c, d, e, f] = view.plane_transform(ratio);
            for (lon, lat) in [(-3.0, 14.0), (0.0, 0.0), (170.0, -60.0)] {
                let (x, y) = mercator(lon, lat);
                let (sx, sy) = view.to_screen(lon, lat);
                // Device pixels are CSS pixels times the ratio.
                let (dx, dy) = (a * x + c * y + e, b * x + d * y + f);
                assert!(
                    (dx - ratio * sx).abs() < 1e-6 && (dy - ratio * sy).abs() < 1e-6,
                    "{lon},{lat}: {dx},{dy} vs {sx},{sy}"
                );
            }
        }
        // The plane box is the canvas's corners, unprojected.
        let (x0, y0, x1, y1) = view.plane_box();
        let (w, s, e, n) = view.visible_bounds();
        let (mw, ms) = mercator(w, s);
        let (me, mn) = mercator(e, n);
        for (a, b) in [(x0, mw), (y0, ms), (x1, me), (y1, mn)] {
            assert!((a - b).abs() < 1e-9, "{a} {b}");
        }
    }

    #[test]
    fn a_single_point_gets_a_minimum_span() {
        let view = MapView::fit((-3.0, 14.0, -3.0, 14.0), 500.0, 500.0, 0.0, 2.0);
        assert!(view.scale.is_finite() && view.scale < MapView::MAX_SCALE);
        let (px, py) = view.to_screen(-3.0, 14.0);
        assert!(
            (px - 250.0).abs() < 1e-6 && (py - 250.0).abs() < 1.0,
            "{px},{py}"
        );
    }

    #[test]
    fn panning_and_zooming_keep_the_point_under_the_pointer() {
        let mut view = MapView::fit((-12.0, 10.0, 4.3, 25.0), 600.0, 400.0, 20.0, 1.0);
        let target = view.to_lon_lat(123.0, 77.0);
        view.zoom_at(123.0, 77.0, 2.5);
        let (px, py) = view.to_screen(target.0, target.1);
        assert!((px - 123.0).abs() < 1e-6 && (py - 77.0).abs() < 1e-6);
        let before = view.to_screen(-3.0, 14.0);
        view.pan(30.0, -10.0);
        let after = view.to_screen(-3.0, 14.0);
        assert!(
            (after.0 - before.0 - 30.0).abs() < 1e-6 && (after.1 - before.1 + 10.0).abs() < 1e-6
        );
        view.zoom_at(0.0, 0.0, 1e12);
        assert_eq!(view.scale, MapView::MAX_SCALE);
    }

    fn map_point(lon: f32, lat: f32) -> crate::engine::query::MapPoint {
        crate::engine::query::MapPoint {
            place: 0,
            lat,
            lon,
            plane_y: crate::engine::data::store::mercator_y(f64::from(lat)),
            events: 1,
            fatalities: 0,
            event_type: 0,
        }
    }

    #[test]
    fn the_view_fits_the_filtered_places() {
        // Three places near Bamako, Gao and Kidal (rounded to values f32
        // holds exactly).
        let points = [
            map_point(-8.0, 12.5),
            map_point(0.0, 16.25),
            map_point(1.5, 18.5),
        ];
        assert_eq!(data_extent(&points), Some((-8.0, 12.5, 1.5, 18.5)));
        let view = fit_to_data(&points, (-180.0, -85.0, 180.0, 85.0), 600.0, 400.0);
        let (w, s, e, n) = view.visible_bounds();
        // The extent is inside with the margin: 24 px of 600 is 4% of the
        // width, so the view is wider than 9.5 degrees but well under 40.
        assert!(
            w < -8.0 && e > 1.5 && s < 12.5 && n > 18.5,
            "{w} {s} {e} {n}"
        );
        assert!(e - w < 40.0, "{w} {e}");
        for p in &points {
            let (x, y) = view.point_to_screen(p);
            assert!(
                (23.9..=576.1).contains(&x) && (23.9..=376.1).contains(&y),
                "{x},{y}"
            );
        }
    }

    #[test]
    fn a_single_place_is_fitted_with_two_degrees_around_it() {
        let points = [map_point(-3.0, 14.0)];
        assert_eq!(data_extent(&points), Some((-3.0, 14.0, -3.0, 14.0)));
        let view = fit_to_data(&points, (-180.0, -85.0, 180.0, 85.0), 500.0, 500.0);
        let (w, s, e, n) = view.visible_bounds();
        // At least the 2-degree box (-4..-2, 13..15) is in sight, centred.
        assert!(
            w <= -4.0 && e >= -2.0 && s <= 13.0 && n >= 15.0,
            "{w} {s} {e} {n}"
        );
        assert!(e - w < 3.0, "{w} {e}");
        let (x, _) = view.to_screen(-3.0, 14.0);
        assert!((x - 250.0).abs() < 1e-6);
    }

    #[test]
    fn an_empty_selection_shows_the_fallback() {
        assert_eq!(data_extent(&[]), None);
        let view = fit_to_data(&[], (-18.0, 0.0, 25.0, 30.0), 600.0, 400.0);
        let (w, s, e, n) = view.visible_bounds();
        assert!(
            w <= -18.0 && e >= 25.0 && s <= 0.0 && n >= 30.0,
            "{w} {s} {e} {n}"
        );
    }

    #[test]
    fn points_and_hits() {
        assert_eq!(point_radius(0, 0), 3.0);
        assert_eq!(point_radius(100, 100), 18.0);
        assert!(point_radius(25, 100) < point_radius(50, 100));
        let circles = [(10.0, 10.0, 5.0), (14.0, 10.0, 5.0), (100.0, 100.0, 3.0)];
        assert_eq!(hit_test(circles, 13.0, 10.0, 0.0), Some(1));
        assert_eq!(hit_test(circles, 50.0, 50.0, 2.0), None);
        assert_eq!(hit_test(circles, 104.0, 100.0, 2.0), Some(2));
        assert_eq!(
            bounds([(1.0, 2.0), (f64::NAN, 0.0), (-1.0, 5.0)]),
            Some((-1.0, 2.0, 1.0, 5.0))
        );
        assert_eq!(bounds(std::iter::empty()), None);
    }
}
