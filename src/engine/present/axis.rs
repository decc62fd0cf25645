//! Chart axes: the value scale and the timeline's time axis and brush.

use crate::engine::data::date::{Bin, Day};

/// A round number at or above `v` (1, 2 or 5 times a power of ten), for
/// the top of a chart's scale.
pub(crate) fn nice_ceiling(v: u64) -> u64 {
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
    pub(crate) fn bin_width(&self) -> f64 {
        self.width / self.bins.max(1) as f64
    }

    /// Left edge of bin `b`.
    pub fn x_of(&self, b: usize) -> f64 {
        self.left + b as f64 * self.bin_width()
    }

    /// The bin under pixel `x`, clamped to the axis.
    pub(crate) fn bin_at(&self, x: f64) -> usize {
        if self.bins == 0 {
            return 0;
        }
        let b = ((x - self.left) / self.bin_width()).floor();
        (b.max(0.0) as usize).min(self.bins - 1)
    }

    /// First and last day of bin `b`.
    pub(crate) fn days_of(&self, b: usize) -> (Day, Day) {
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
    pub(crate) fn span_of(&self, from: Option<Day>, to: Option<Day>) -> Option<(f64, f64)> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::data::date::from_ymd;

    fn day(y: i32, m: u32, d: u32) -> Day {
        from_ymd(y, m, d).unwrap()
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
}
