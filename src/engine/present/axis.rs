//! Chart axes: the value scale and the timeline's time axis and brush.

use crate::engine::data::date::{month_of, year_of, Bin, Day};
use crate::engine::data::numbers::thousands;
use crate::engine::present::format::month_name;

/// Most intervals a value scale is split into: with the zero line, at
/// most six labelled lines, enough to read a bar's value off the scale.
const MAX_INTERVALS: u64 = 5;

/// The labelled lines of a value scale for values up to `max`: from zero
/// in equal steps of 1, 2 or 5 times a power of ten, the smallest step
/// that needs at most [`MAX_INTERVALS`] intervals, up to the first step at
/// or above `max`. Steps are whole numbers, as counts of events and
/// fatalities are: a tallest bar of 1 gets the lines 0 and 1, never 0.5.
pub(crate) fn value_ticks(max: u64) -> Vec<u64> {
    let max = max.max(1);
    let mut power = 1u64;
    let step = 'search: loop {
        for m in [1, 2, 5] {
            let Some(step) = power.checked_mul(m) else {
                break 'search u64::MAX;
            };
            if max.div_ceil(step) <= MAX_INTERVALS {
                break 'search step;
            }
        }
        match power.checked_mul(10) {
            Some(p) => power = p,
            None => break u64::MAX,
        }
    };
    let intervals = max.div_ceil(step);
    (0..=intervals).map(|k| k.saturating_mul(step)).collect()
}

/// A value scale's label: short enough for the timeline's left margin
/// (`200k`, `1.5M`), with separators below ten thousand (`2,500`).
pub(crate) fn value_label(v: u64) -> String {
    let short = |v: u64, unit: u64, suffix: &str| {
        let whole = v / unit;
        let tenths = (v % unit) * 10 / unit;
        if tenths == 0 {
            format!("{whole}{suffix}")
        } else {
            format!("{whole}.{tenths}{suffix}")
        }
    };
    if v >= 1_000_000 {
        short(v, 1_000_000, "M")
    } else if v >= 10_000 {
        short(v, 1_000, "k")
    } else {
        thousands(v)
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

/// A labelled date under the timeline.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct TimeTick {
    /// Where the tick mark is: the start of the labelled period, or the
    /// middle of its bar when every bar is labelled.
    pub x: f64,
    /// The middle of the label: the tick, moved inwards as far as needed
    /// for the label to fit inside the chart.
    pub label_x: f64,
    pub label: String,
}

/// Room kept between two date labels, in pixels.
const LABEL_GAP: f64 = 12.0;

impl TimeAxis {
    /// Strides (in bins) a date label may be repeated at, finest first:
    /// calendar steps for months and quarters, so labels fall on the same
    /// months each year.
    fn strides(&self) -> &'static [i32] {
        match self.bin {
            Bin::Month => &[1, 2, 3, 6, 12, 24, 60, 120, 240, 600],
            Bin::Quarter => &[1, 2, 4, 8, 20, 40, 80, 200],
            Bin::Week => &[1, 2, 4, 13, 26, 52, 104, 260, 520],
            Bin::Day => &[1, 2, 7, 14, 28, 91, 182, 364, 728, 1820],
            _ => &[1, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
        }
    }

    /// The label of bin number `index` when labels are `stride` bins
    /// apart: the year alone once labels are a year or more apart.
    fn tick_label(&self, index: i32, stride: i32) -> String {
        let start = self.bin.start(index);
        match self.bin {
            Bin::Month if stride % 12 == 0 => year_of(start).to_string(),
            Bin::Month => format!("{} {}", month_name(month_of(start)), year_of(start)),
            Bin::Quarter if stride % 4 == 0 => year_of(start).to_string(),
            _ => self.bin.label(index),
        }
    }

    /// The date labels of an axis in a chart `chart_width` pixels wide,
    /// with text about `char_px` pixels per character: as many as fit
    /// without touching, on calendar steps, and none reaching past either
    /// edge of the chart.
    pub(crate) fn ticks(&self, chart_width: f64, char_px: f64) -> Vec<TimeTick> {
        if self.bins == 0 {
            return Vec::new();
        }
        let bw = self.bin_width();
        let last = self.first_bin + self.bins as i32 - 1;
        let width_of = |s: &str| s.chars().count() as f64 * char_px;
        let strides = self.strides();
        // The widest label a stride gives: the last bin's (years only grow).
        let stride = strides
            .iter()
            .copied()
            .find(|&k| k as f64 * bw >= width_of(&self.tick_label(last, k)) + LABEL_GAP)
            .unwrap_or_else(|| {
                // Past the last calendar step: whole multiples of it.
                let k = strides[strides.len() - 1];
                let need = (width_of(&self.tick_label(last, k)) + LABEL_GAP) / bw;
                k * ((need / k as f64).ceil() as i32).max(1)
            });
        let mut indices: Vec<i32> = (self.first_bin..=last)
            .filter(|i| i.rem_euclid(stride) == 0)
            .collect();
        if indices.is_empty() {
            indices.push(self.first_bin);
        }
        let mut ticks: Vec<TimeTick> = Vec::new();
        let mut right_of_last = f64::NEG_INFINITY;
        for index in indices {
            let b = (index - self.first_bin) as usize;
            let x = if stride == 1 {
                self.x_of(b) + bw / 2.0
            } else {
                self.x_of(b)
            };
            let label = self.tick_label(index, stride);
            let half = width_of(&label) / 2.0;
            let label_x = x.min(chart_width - half).max(half);
            if label_x - half < right_of_last + LABEL_GAP / 2.0 {
                continue;
            }
            right_of_last = label_x + half;
            ticks.push(TimeTick { x, label_x, label });
        }
        ticks
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::data::date::from_ymd;

    fn day(y: i32, m: u32, d: u32) -> Day {
        from_ymd(y, m, d).unwrap()
    }

    /// Expected lines written by hand: the step is the smallest of 1, 2, 5,
    /// 10, 20, 50, ... that covers the tallest bar in at most 5 steps.
    #[test]
    fn value_ticks_step_in_ones_twos_and_fives() {
        let cases: &[(u64, &[u64])] = &[
            // Nothing yet, or one event: whole numbers only, never 0/0/1.
            (0, &[0, 1]),
            (1, &[0, 1]),
            (2, &[0, 1, 2]),
            // A tallest bar of 5: one line per event, no line at 2.5.
            (5, &[0, 1, 2, 3, 4, 5]),
            (6, &[0, 2, 4, 6]),
            (7, &[0, 2, 4, 6, 8]),
            (11, &[0, 5, 10, 15]),
            (47, &[0, 10, 20, 30, 40, 50]),
            (
                1_000_000,
                &[0, 200_000, 400_000, 600_000, 800_000, 1_000_000],
            ),
            (1_000_001, &[0, 500_000, 1_000_000, 1_500_000]),
        ];
        for &(max, want) in cases {
            assert_eq!(value_ticks(max), want, "tallest bar {max}");
        }
        // The top line is at or above the tallest bar even at the limit.
        let top = *value_ticks(u64::MAX).last().unwrap();
        assert_eq!(top, u64::MAX);
    }

    #[test]
    fn value_labels_fit_the_margin() {
        let cases = [
            (0, "0"),
            (5, "5"),
            (2_500, "2,500"),
            (10_000, "10k"),
            (200_000, "200k"),
            (1_000_000, "1M"),
            (1_500_000, "1.5M"),
        ];
        for (v, want) in cases {
            assert_eq!(value_label(v), want);
        }
    }

    #[test]
    fn date_labels_on_calendar_steps() {
        // 12 months at 20 px: "Jan 2021" is about 8 x 7.2 = 58 px, so a
        // label every 6 months (120 px) is the first calendar step wide
        // enough.
        let axis = months_axis();
        let ticks = axis.ticks(290.0, 7.2);
        let labels: Vec<_> = ticks.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels, ["Jan 2021", "Jul 2021"]);
        assert_eq!(ticks[1].x, 40.0 + 6.0 * 20.0);
        // Ten years of months at 10 px each: one label per year, as years.
        let decade = TimeAxis {
            bins: 120,
            width: 1200.0,
            ..axis
        };
        let labels: Vec<_> = decade
            .ticks(1250.0, 7.2)
            .into_iter()
            .map(|t| t.label)
            .collect();
        let years: Vec<String> = (2021..2031).map(|y| y.to_string()).collect();
        assert_eq!(labels, years);
    }

    /// Every label lies wholly inside the chart, none overlaps the next,
    /// and there is at least one, whatever the bin, span and width.
    #[test]
    fn date_labels_are_never_clipped() {
        let char_px = 7.2;
        for bin in Bin::ALL {
            for bins in [1usize, 2, 3, 7, 13, 40, 365, 3000] {
                for chart_width in [120.0, 320.0, 390.0, 960.0] {
                    let axis = TimeAxis {
                        bin,
                        first_bin: bin.index(day(2019, 11, 20)),
                        bins,
                        left: 48.0,
                        width: chart_width - 58.0,
                    };
                    let ticks = axis.ticks(chart_width, char_px);
                    assert!(!ticks.is_empty(), "{bin:?} {bins} {chart_width}");
                    let mut right = f64::NEG_INFINITY;
                    for t in &ticks {
                        let half = t.label.chars().count() as f64 * char_px / 2.0;
                        let (l, r) = (t.label_x - half, t.label_x + half);
                        let case = format!("{bin:?} {bins} bins {chart_width} px: {}", t.label);
                        assert!(l >= 0.0 && r <= chart_width, "{case} spans {l}..{r}");
                        assert!(l > right, "{case} overlaps the previous label");
                        right = r;
                    }
                }
            }
        }
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
