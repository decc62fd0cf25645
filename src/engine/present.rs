//! Presentation helpers for any front end (the web page, a chart export):
//! sizes and date spans (numbers are in [`crate::engine::format`]), the active filters as removable "chips",
//! the event-type palette, and the geometry of the charts (the timeline's
//! time axis and brush, the map's projection, pan and zoom). Pure functions
//! with no browser in sight, so they are tested natively.

use crate::engine::date::{self, Bin, Day};
use crate::engine::query::{Filters, Role};

// ---------------------------------------------------------------- numbers

/// A file size: `"812 bytes"`, `"14.2 MB"`, `"1.3 GB"` (decimal units).
pub fn bytes(n: u64) -> String {
    match n {
        0..=999 => format!("{n} bytes"),
        1_000..=999_999 => format!("{:.1} kB", n as f64 / 1e3),
        1_000_000..=999_999_999 => format!("{:.1} MB", n as f64 / 1e6),
        _ => format!("{:.2} GB", n as f64 / 1e9),
    }
}

pub const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Short name of month 1-12.
pub fn month_name(month: u8) -> &'static str {
    MONTHS
        .get(usize::from(month.clamp(1, 12)) - 1)
        .copied()
        .unwrap_or("")
}

/// The first and last day of the filtered events: `"2021-01-03 to
/// 2023-08-14"`, one date when they are the same day, `"no events"`.
pub fn date_span(first: Option<Day>, last: Option<Day>) -> String {
    match (first, last) {
        (Some(a), Some(b)) if a == b => date::format_iso(a),
        (Some(a), Some(b)) => format!("{} to {}", date::format_iso(a), date::format_iso(b)),
        _ => "no events".into(),
    }
}

/// The year `y` for which months `first..=last` of `y` and of `y + 1` both
/// hold the most events (the smaller of the two counts is maximised; later
/// years win ties): the default of a "same months in consecutive years"
/// comparison. `None` if the dates span less than two years.
pub fn busiest_consecutive_years(dates: &[Day], first: u8, last: u8) -> Option<i32> {
    let in_window = |m: u8| {
        if first <= last {
            (first..=last).contains(&m)
        } else {
            m >= first || m <= last
        }
    };
    let mut per_year: std::collections::BTreeMap<i32, u64> = std::collections::BTreeMap::new();
    for &d in dates {
        if in_window(date::month_of(d)) {
            // A window over the new year belongs to the year it starts in.
            let year = date::year_of(d) - i32::from(first > last && date::month_of(d) <= last);
            *per_year.entry(year).or_default() += 1;
        }
    }
    let (&lo, _) = per_year.first_key_value()?;
    let (&hi, _) = per_year.last_key_value()?;
    (lo..hi)
        .map(|y| {
            let a = per_year.get(&y).copied().unwrap_or(0);
            let b = per_year.get(&(y + 1)).copied().unwrap_or(0);
            (a.min(b), y)
        })
        .max()
        .map(|(_, y)| y)
}

// ---------------------------------------------------------------- filters

/// What a chip removes.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ChipTarget {
    DateRange,
    Months,
    Country(String),
    Admin1(String),
    Admin2(String),
    EventType(String),
    SubEventType(String),
    DisorderType(String),
    /// The actor, its role and the "alongside" actor.
    Actor,
    Alongside,
    Fatalities,
    Civilian,
    Text,
}

/// One active filter, as shown to the user.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Chip {
    pub label: String,
    pub target: ChipTarget,
}

/// How a role reads in a sentence.
pub fn role_label(role: Role) -> &'static str {
    match role {
        Role::Any => "any role",
        Role::Actor1 => "actor 1",
        Role::Actor2 => "actor 2",
        Role::Assoc1 => "associated with actor 1",
        Role::Assoc2 => "associated with actor 2",
        Role::Side1 => "side 1 (actor 1 or associated)",
        Role::Side2 => "side 2 (actor 2 or associated)",
    }
}

fn non_empty(text: &Option<String>) -> Option<&str> {
    text.as_deref().map(str::trim).filter(|t| !t.is_empty())
}

/// The active filters, in the order the filter panel shows them.
pub fn chips(f: &Filters) -> Vec<Chip> {
    let mut out = Vec::new();
    let mut push = |label: String, target: ChipTarget| out.push(Chip { label, target });
    match (f.from, f.to) {
        (Some(a), Some(b)) => push(
            format!("{} to {}", date::format_iso(a), date::format_iso(b)),
            ChipTarget::DateRange,
        ),
        (Some(a), None) => push(
            format!("From {}", date::format_iso(a)),
            ChipTarget::DateRange,
        ),
        (None, Some(b)) => push(
            format!("Until {}", date::format_iso(b)),
            ChipTarget::DateRange,
        ),
        (None, None) => {}
    }
    if let Some((a, b)) = f.months {
        let label = if a == b {
            format!("Months: {}", month_name(a))
        } else {
            format!("Months: {}-{}", month_name(a), month_name(b))
        };
        push(label, ChipTarget::Months);
    }
    type ListChip<'a> = (&'a [String], &'static str, fn(String) -> ChipTarget);
    let lists: [ListChip; 6] = [
        (&f.countries, "Country", ChipTarget::Country),
        (&f.admin1, "Admin 1", ChipTarget::Admin1),
        (&f.admin2, "Admin 2", ChipTarget::Admin2),
        (&f.event_types, "Type", ChipTarget::EventType),
        (&f.sub_event_types, "Sub-type", ChipTarget::SubEventType),
        (&f.disorder_types, "Disorder", ChipTarget::DisorderType),
    ];
    for (values, name, target) in lists {
        for v in values {
            push(format!("{name}: {v}"), target(v.clone()));
        }
    }
    if let Some(actor) = non_empty(&f.actor) {
        let label = match f.role {
            Role::Any => format!("Actor: {actor}"),
            role => format!("Actor: {actor} ({})", role_label(role)),
        };
        push(label, ChipTarget::Actor);
    }
    if let Some(other) = non_empty(&f.alongside) {
        push(format!("Alongside: {other}"), ChipTarget::Alongside);
    }
    match (f.fatalities_min, f.fatalities_max) {
        (Some(a), Some(b)) if a == b => push(format!("Fatalities: {a}"), ChipTarget::Fatalities),
        (Some(a), Some(b)) => push(format!("Fatalities: {a}-{b}"), ChipTarget::Fatalities),
        (Some(a), None) => push(format!("Fatalities: at least {a}"), ChipTarget::Fatalities),
        (None, Some(b)) => push(format!("Fatalities: at most {b}"), ChipTarget::Fatalities),
        (None, None) => {}
    }
    match f.civilian_targeting {
        Some(true) => push("Civilian targeting only".into(), ChipTarget::Civilian),
        Some(false) => push("No civilian targeting".into(), ChipTarget::Civilian),
        None => {}
    }
    if let Some(text) = non_empty(&f.text) {
        push(format!("Text: \u{201c}{text}\u{201d}"), ChipTarget::Text);
    }
    out
}

/// The active filters in words, for a chart's footer or an embed:
/// `"Filters: Country: Mali; Type: Battles"`, or `"No filters: all
/// events."`.
pub fn filters_in_words(f: &Filters) -> String {
    let labels: Vec<String> = chips(f).into_iter().map(|c| c.label).collect();
    if labels.is_empty() {
        "No filters: all events.".into()
    } else {
        format!("Filters: {}.", labels.join("; "))
    }
}

/// Removes the filter a chip stands for.
pub fn remove_chip(f: &mut Filters, target: &ChipTarget) {
    let drop = |list: &mut Vec<String>, v: &str| list.retain(|x| x != v);
    match target {
        ChipTarget::DateRange => {
            f.from = None;
            f.to = None;
        }
        ChipTarget::Months => f.months = None,
        ChipTarget::Country(v) => drop(&mut f.countries, v),
        ChipTarget::Admin1(v) => drop(&mut f.admin1, v),
        ChipTarget::Admin2(v) => drop(&mut f.admin2, v),
        ChipTarget::EventType(v) => drop(&mut f.event_types, v),
        ChipTarget::SubEventType(v) => drop(&mut f.sub_event_types, v),
        ChipTarget::DisorderType(v) => drop(&mut f.disorder_types, v),
        ChipTarget::Actor => {
            // Without its actor, "alongside" would silently become the actor.
            f.actor = None;
            f.role = Role::Any;
            f.alongside = None;
        }
        ChipTarget::Alongside => f.alongside = None,
        ChipTarget::Fatalities => {
            f.fatalities_min = None;
            f.fatalities_max = None;
        }
        ChipTarget::Civilian => f.civilian_targeting = None,
        ChipTarget::Text => f.text = None,
    }
}

/// Adds `value` to a list filter, or removes it if it is there (clicking a
/// bar twice undoes the first click).
pub fn toggle(list: &mut Vec<String>, value: &str) {
    if let Some(i) = list.iter().position(|v| v == value) {
        list.remove(i);
    } else {
        list.push(value.to_string());
    }
}

// ---------------------------------------------------------------- palette

/// Okabe-Ito, the palette designed to stay distinct under the common forms
/// of colour blindness. Black is left out (it is the text colour); grey
/// stands in for it after the seven colours.
pub const OKABE_ITO: [&str; 8] = [
    "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999",
];

/// The colour of an event type: fixed for the ACLED and UCDP types, so a
/// type keeps its colour across files; others by position.
pub fn event_type_colour(name: &str, index: usize) -> &'static str {
    match name {
        "Battles" | "State-based conflict" => OKABE_ITO[5],
        "Explosions/Remote violence" | "Non-state conflict" => OKABE_ITO[0],
        "Violence against civilians" | "One-sided violence" => OKABE_ITO[6],
        "Protests" => OKABE_ITO[1],
        "Riots" => OKABE_ITO[4],
        "Strategic developments" => OKABE_ITO[2],
        _ => [OKABE_ITO[3], OKABE_ITO[7], OKABE_ITO[1], OKABE_ITO[2]][index % 4],
    }
}

// ---------------------------------------------------------------- charts

/// A round number at or above `v` (1, 2 or 5 times a power of ten), for
/// the top of a chart's scale.
pub fn nice_ceiling(v: u64) -> u64 {
    if v <= 1 {
        return 1;
    }
    let mut step = 1u64;
    loop {
        for m in [1, 2, 5] {
            if let Some(candidate) = step.checked_mul(m) {
                if candidate >= v {
                    return candidate;
                }
            }
        }
        match step.checked_mul(10) {
            Some(s) => step = s,
            None => return u64::MAX,
        }
    }
}

/// The horizontal axis of the timeline: `bins` bins of width `bin` from
/// bin number `first_bin`, drawn from pixel `left` over `width` pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TimeAxis {
    pub bin: Bin,
    pub first_bin: i32,
    pub bins: usize,
    pub left: f64,
    pub width: f64,
}

impl TimeAxis {
    pub fn bin_width(&self) -> f64 {
        self.width / self.bins.max(1) as f64
    }

    /// Left edge of bin `b`.
    pub fn x_of(&self, b: usize) -> f64 {
        self.left + b as f64 * self.bin_width()
    }

    /// The bin under pixel `x`, clamped to the axis.
    pub fn bin_at(&self, x: f64) -> usize {
        if self.bins == 0 {
            return 0;
        }
        let b = ((x - self.left) / self.bin_width()).floor();
        (b.max(0.0) as usize).min(self.bins - 1)
    }

    /// First and last day of bin `b`.
    pub fn days_of(&self, b: usize) -> (Day, Day) {
        let index = self.first_bin + b as i32;
        (self.bin.start(index), self.bin.start(index + 1) - 1)
    }

    /// The date range a brush from pixel `x0` to `x1` selects: whole bins,
    /// from the first day of the leftmost to the last day of the rightmost.
    pub fn brush_days(&self, x0: f64, x1: f64) -> (Day, Day) {
        let (a, b) = (self.bin_at(x0.min(x1)), self.bin_at(x0.max(x1)));
        (self.days_of(a).0, self.days_of(b).1)
    }

    /// The pixel span to shade for a date range (open ends reach the edge
    /// of the axis); `None` when the range misses the axis.
    pub fn span_of(&self, from: Option<Day>, to: Option<Day>) -> Option<(f64, f64)> {
        if self.bins == 0 {
            return None;
        }
        let last = self.first_bin + self.bins as i32 - 1;
        let a = from
            .map_or(self.first_bin, |d| self.bin.index(d))
            .max(self.first_bin);
        let b = to.map_or(last, |d| self.bin.index(d)).min(last);
        if a > b {
            return None;
        }
        let x0 = self.x_of((a - self.first_bin) as usize);
        let x1 = self.x_of((b - self.first_bin) as usize + 1);
        Some((x0, x1))
    }
}

/// Web Mercator: longitude and latitude (degrees) to plane units (radians
/// of longitude). Latitudes are clamped to +-85 degrees.
pub fn mercator(lon: f64, lat: f64) -> (f64, f64) {
    let lat = lat.clamp(-85.0, 85.0).to_radians();
    (
        lon.to_radians(),
        (std::f64::consts::FRAC_PI_4 + lat / 2.0).tan().ln(),
    )
}

/// The inverse of [`mercator`].
pub fn inverse_mercator(x: f64, y: f64) -> (f64, f64) {
    (
        x.to_degrees(),
        (2.0 * y.exp().atan() - std::f64::consts::FRAC_PI_2).to_degrees(),
    )
}

/// Longitude/latitude bounds `(west, south, east, north)` of points,
/// ignoring NaN; `None` if there is no point.
pub fn bounds(points: impl IntoIterator<Item = (f64, f64)>) -> Option<(f64, f64, f64, f64)> {
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
    /// Closest zoom: about 0.05 degree across a 500-pixel map.
    pub const MAX_SCALE: f64 = 600_000.0;
    /// Widest zoom: the whole world in a small map.
    pub const MIN_SCALE: f64 = 20.0;

    /// A view showing `bounds` (west, south, east, north) with `padding`
    /// pixels around; a span narrower than `min_span_deg` degrees is widened.
    pub fn fit(
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

    /// Canvas pixel of a longitude/latitude.
    pub fn to_screen(&self, lon: f64, lat: f64) -> (f64, f64) {
        let (x, y) = mercator(lon, lat);
        self.plane_to_screen(x, y)
    }

    pub fn plane_to_screen(&self, x: f64, y: f64) -> (f64, f64) {
        (
            (x - self.center_x) * self.scale + self.width / 2.0,
            self.height / 2.0 - (y - self.center_y) * self.scale,
        )
    }

    /// Longitude/latitude under a canvas pixel.
    pub fn to_lon_lat(&self, px: f64, py: f64) -> (f64, f64) {
        let x = (px - self.width / 2.0) / self.scale + self.center_x;
        let y = (self.height / 2.0 - py) / self.scale + self.center_y;
        inverse_mercator(x, y)
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

/// Radius in pixels of a map point: area grows with fatalities (relative
/// to the largest shown), with a floor so events without deaths show.
pub fn point_radius(fatalities: u64, max_fatalities: u64) -> f64 {
    let share = if max_fatalities == 0 {
        0.0
    } else {
        fatalities as f64 / max_fatalities as f64
    };
    3.0 + 15.0 * share.clamp(0.0, 1.0).sqrt()
}

/// The index of the circle `(x, y, r)` nearest to `(px, py)` that the
/// pixel falls in (with `slack` pixels to spare); `None` if none.
pub fn hit_test(circles: &[(f64, f64, f64)], px: f64, py: f64, slack: f64) -> Option<usize> {
    circles
        .iter()
        .enumerate()
        .filter_map(|(i, &(x, y, r))| {
            let d = ((x - px).powi(2) + (y - py).powi(2)).sqrt();
            (d <= r + slack).then_some((i, d))
        })
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i)
}

/// The rows a virtualised table renders, and the spacer heights around
/// them, for a scroll position.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TableWindow {
    pub first: usize,
    pub count: usize,
    pub before_px: f64,
    pub after_px: f64,
}

/// Tallest scroll content the table makes. Browsers cap element heights
/// (Firefox near 17.9 million pixels, Chromium near 33.5 million), which a
/// full ACLED export at 30 px a row would pass; past this height the
/// scrollbar maps its position onto the rows instead of one pixel to one
/// pixel.
pub const MAX_SCROLL_PX: f64 = 8_000_000.0;

/// Which of `total` rows of `row_px` to render in a viewport `view_px`
/// tall scrolled to `scroll_top`, with `overscan` extra rows each side.
pub fn table_window(
    scroll_top: f64,
    total: usize,
    row_px: f64,
    view_px: f64,
    overscan: usize,
) -> TableWindow {
    let full = total as f64 * row_px;
    let height = full.min(MAX_SCROLL_PX);
    let scrollable = (height - view_px).max(0.0);
    let fraction = if scrollable > 0.0 {
        (scroll_top / scrollable).clamp(0.0, 1.0)
    } else {
        0.0
    };
    // The top of the viewport in unscaled row pixels.
    let virtual_top = fraction * (full - view_px).max(0.0);
    let first_visible = ((virtual_top / row_px).floor() as usize).min(total);
    let first = first_visible.saturating_sub(overscan);
    let visible = (view_px / row_px).ceil() as usize + 2 * overscan;
    let count = visible.min(total - first);
    // Place the first visible row where the viewport top cuts it.
    let top_of_first_visible =
        scroll_top.clamp(0.0, scrollable) - (virtual_top - first_visible as f64 * row_px);
    let before_px = (top_of_first_visible - (first_visible - first) as f64 * row_px).max(0.0);
    let after_px = (height - before_px - count as f64 * row_px).max(0.0);
    TableWindow {
        first,
        count,
        before_px,
        after_px,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_window_is_exact_for_small_tables_and_scaled_for_huge_ones() {
        // 1,000 rows of 30 px: one pixel of scroll is one pixel of rows.
        let w = table_window(3_000.0, 1_000, 30.0, 420.0, 8);
        assert_eq!((w.first, w.count), (92, 30));
        assert_eq!(w.before_px, 92.0 * 30.0);
        assert_eq!(w.before_px + w.count as f64 * 30.0 + w.after_px, 30_000.0);
        assert_eq!(table_window(0.0, 0, 30.0, 420.0, 8).count, 0);
        let five = table_window(0.0, 5, 30.0, 420.0, 8);
        assert_eq!(
            (five.first, five.count, five.before_px, five.after_px),
            (0, 5, 0.0, 0.0)
        );
        let past_end = table_window(1e9, 50, 30.0, 420.0, 8);
        assert!(past_end.first + past_end.count <= 50);
        // 3 million rows: the content is capped, and the ends still reach
        // the first and the last row.
        let top = table_window(0.0, 3_000_000, 30.0, 420.0, 8);
        assert_eq!((top.first, top.before_px), (0, 0.0));
        assert_eq!(
            top.before_px + top.count as f64 * 30.0 + top.after_px,
            MAX_SCROLL_PX
        );
        let bottom = table_window(MAX_SCROLL_PX - 420.0, 3_000_000, 30.0, 420.0, 8);
        assert_eq!(bottom.first + bottom.count, 3_000_000);
        assert!(bottom.before_px + bottom.count as f64 * 30.0 <= MAX_SCROLL_PX + 0.5);
        let middle = table_window((MAX_SCROLL_PX - 420.0) / 2.0, 3_000_000, 30.0, 420.0, 8);
        assert!(
            (middle.first as i64 - 1_500_000).abs() < 20,
            "{}",
            middle.first
        );
    }
    use crate::engine::date::from_ymd;

    fn day(y: i32, m: u32, d: u32) -> Day {
        from_ymd(y, m, d).unwrap()
    }

    #[test]
    fn sizes() {
        assert_eq!(bytes(812), "812 bytes");
        assert_eq!(bytes(14_200_000), "14.2 MB");
        assert_eq!(bytes(1_300_000_000), "1.30 GB");
    }

    #[test]
    fn spans() {
        assert_eq!(
            date_span(Some(day(2021, 1, 3)), Some(day(2023, 8, 14))),
            "2021-01-03 to 2023-08-14"
        );
        assert_eq!(
            date_span(Some(day(2021, 1, 3)), Some(day(2021, 1, 3))),
            "2021-01-03"
        );
        assert_eq!(date_span(None, None), "no events");
    }

    #[test]
    fn busiest_pair_of_years() {
        let dates = [
            day(2021, 6, 3),
            day(2021, 7, 1),
            day(2022, 8, 9),
            day(2022, 9, 30),
            day(2022, 10, 1), // outside June-September
            day(2023, 6, 1),
            day(2024, 1, 1),
        ];
        // 2021: 2, 2022: 2, 2023: 1 -> 2021 vs 2022.
        assert_eq!(busiest_consecutive_years(&dates, 6, 9), Some(2021));
        assert_eq!(busiest_consecutive_years(&dates[..2], 6, 9), None);
        // November-February belongs to the year it starts in.
        let winter = [day(2021, 12, 1), day(2022, 1, 5), day(2022, 11, 20)];
        assert_eq!(busiest_consecutive_years(&winter, 11, 2), Some(2021));
    }

    #[test]
    fn every_chip_removes_what_it_shows() {
        let f = Filters {
            from: Some(day(2021, 6, 1)),
            to: Some(day(2021, 9, 30)),
            months: Some((6, 9)),
            countries: vec!["Mali".into(), "Niger".into()],
            admin1: vec!["Mopti".into()],
            admin2: vec!["Djenne".into()],
            event_types: vec!["Battles".into()],
            sub_event_types: vec!["Attack".into()],
            disorder_types: vec!["Political violence".into()],
            actor: Some("Wagner Group".into()),
            role: Role::Side1,
            alongside: Some("Military Forces of Mali".into()),
            fatalities_min: Some(5),
            fatalities_max: None,
            civilian_targeting: Some(true),
            text: Some(" Moura ".into()),
        };
        let shown = chips(&f);
        let labels: Vec<&str> = shown.iter().map(|c| c.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "2021-06-01 to 2021-09-30",
                "Months: Jun-Sep",
                "Country: Mali",
                "Country: Niger",
                "Admin 1: Mopti",
                "Admin 2: Djenne",
                "Type: Battles",
                "Sub-type: Attack",
                "Disorder: Political violence",
                "Actor: Wagner Group (side 1 (actor 1 or associated))",
                "Alongside: Military Forces of Mali",
                "Fatalities: at least 5",
                "Civilian targeting only",
                "Text: \u{201c}Moura\u{201d}",
            ]
        );
        // Removing chips one by one ends with no filter at all.
        let mut g = f.clone();
        for chip in &shown {
            remove_chip(&mut g, &chip.target);
        }
        assert!(g.is_empty(), "{g:?}");
        // Removing one country keeps the other.
        let mut h = f.clone();
        remove_chip(&mut h, &ChipTarget::Country("Mali".into()));
        assert_eq!(h.countries, vec!["Niger".to_string()]);
        assert!(chips(&Filters::default()).is_empty());
    }

    #[test]
    fn removing_the_actor_also_removes_alongside() {
        let mut f = Filters {
            actor: Some("A".into()),
            alongside: Some("B".into()),
            role: Role::Actor1,
            ..Filters::default()
        };
        remove_chip(&mut f, &ChipTarget::Actor);
        assert!(f.is_empty());
    }

    #[test]
    fn toggling() {
        let mut list = vec![];
        toggle(&mut list, "Mopti");
        toggle(&mut list, "Gao");
        toggle(&mut list, "Mopti");
        assert_eq!(list, vec!["Gao".to_string()]);
    }

    #[test]
    fn palette_is_stable_for_known_types() {
        assert_eq!(
            event_type_colour("Battles", 3),
            event_type_colour("Battles", 0)
        );
        assert_ne!(
            event_type_colour("Battles", 0),
            event_type_colour("Protests", 0)
        );
    }

    #[test]
    fn nice_ceilings() {
        let cases = [
            (0, 1),
            (1, 1),
            (3, 5),
            (7, 10),
            (11, 20),
            (200, 200),
            (201, 500),
            (999_999, 1_000_000),
        ];
        for (v, want) in cases {
            assert_eq!(nice_ceiling(v), want, "{v}");
        }
        assert_eq!(nice_ceiling(u64::MAX), u64::MAX);
    }

    fn months_axis() -> TimeAxis {
        // 12 monthly bins of 2021 over 240 pixels from x = 40.
        TimeAxis {
            bin: Bin::Month,
            first_bin: Bin::Month.index(day(2021, 1, 1)),
            bins: 12,
            left: 40.0,
            width: 240.0,
        }
    }

    #[test]
    fn brushing_selects_whole_bins() {
        let axis = months_axis();
        assert_eq!(axis.bin_at(40.0), 0);
        assert_eq!(axis.bin_at(59.9), 0);
        assert_eq!(axis.bin_at(60.0), 1);
        assert_eq!(axis.bin_at(-100.0), 0);
        assert_eq!(axis.bin_at(1000.0), 11);
        // From inside June to inside September, dragged right to left.
        let (from, to) = axis.brush_days(40.0 + 8.5 * 20.0, 40.0 + 5.2 * 20.0);
        assert_eq!((from, to), (day(2021, 6, 1), day(2021, 9, 30)));
        assert_eq!(axis.days_of(1), (day(2021, 2, 1), day(2021, 2, 28)));
    }

    #[test]
    fn shaded_span_of_a_date_range() {
        let axis = months_axis();
        assert_eq!(
            axis.span_of(Some(day(2021, 6, 1)), Some(day(2021, 9, 30))),
            Some((140.0, 220.0))
        );
        assert_eq!(
            axis.span_of(None, Some(day(2021, 1, 15))),
            Some((40.0, 60.0))
        );
        assert_eq!(
            axis.span_of(Some(day(2020, 1, 1)), None),
            Some((40.0, 280.0))
        );
        assert_eq!(axis.span_of(Some(day(2023, 1, 1)), None), None);
    }

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

    #[test]
    fn points_and_hits() {
        assert_eq!(point_radius(0, 0), 3.0);
        assert_eq!(point_radius(100, 100), 18.0);
        assert!(point_radius(25, 100) < point_radius(50, 100));
        let circles = [(10.0, 10.0, 5.0), (14.0, 10.0, 5.0), (100.0, 100.0, 3.0)];
        assert_eq!(hit_test(&circles, 13.0, 10.0, 0.0), Some(1));
        assert_eq!(hit_test(&circles, 50.0, 50.0, 2.0), None);
        assert_eq!(hit_test(&circles, 104.0, 100.0, 2.0), Some(2));
        assert_eq!(
            bounds([(1.0, 2.0), (f64::NAN, 0.0), (-1.0, 5.0)]),
            Some((-1.0, 2.0, 1.0, 5.0))
        );
        assert_eq!(bounds(std::iter::empty()), None);
    }

    #[test]
    fn filters_read_as_words() {
        assert_eq!(
            filters_in_words(&Filters::default()),
            "No filters: all events."
        );
        let f = Filters {
            countries: vec!["Mali".into()],
            event_types: vec!["Battles".into()],
            months: Some((6, 9)),
            ..Filters::default()
        };
        assert_eq!(
            filters_in_words(&f),
            "Filters: Months: Jun-Sep; Country: Mali; Type: Battles."
        );
    }
}
