//! A grid index over the circles drawn on the map: finding the circle under
//! the pointer looks at the circles of the nine cells around it instead of
//! every circle, with the same answer as the scan in
//! [`super::map::hit_test`] (the nearest hit, the first of equals).

/// Circles `(x, y, r)` in pixels, bucketed by square cells at least as wide
/// as the farthest a circle can reach (its radius plus the slack), so a
/// circle that can contain a pixel has its centre in the pixel's cell or
/// one of its eight neighbours.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HitGrid {
    cell: f64,
    /// The top-left corner of cell (0, 0).
    origin: (f64, f64),
    cols: usize,
    rows: usize,
    slack: f64,
    /// Where each cell's circles start in `items` (one more than cells).
    starts: Vec<u32>,
    /// The circles, cell by cell, each with its index in the input; within
    /// a cell in input order.
    items: Vec<(f64, f64, f64, u32)>,
}

/// Cells the grid holds at most per circle (and at least in all): a few
/// far-flung circles must not make a huge sparse grid.
const CELLS_PER_CIRCLE: usize = 4;
const MIN_CELLS: usize = 4096;

impl HitGrid {
    /// Indexes `circles`; a pixel within `slack` of a circle's edge hits
    /// it. Circles with a coordinate that is not finite are left out (they
    /// are nowhere on the canvas).
    pub fn new(circles: impl IntoIterator<Item = (f64, f64, f64)>, slack: f64) -> HitGrid {
        let circles: Vec<(f64, f64, f64, u32)> = circles
            .into_iter()
            .enumerate()
            .filter(|(_, (x, y, r))| x.is_finite() && y.is_finite() && r.is_finite())
            .map(|(i, (x, y, r))| (x, y, r, u32::try_from(i).unwrap_or(u32::MAX)))
            .collect();
        if circles.is_empty() {
            return HitGrid::default();
        }
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        let mut reach: f64 = 1.0;
        for &(x, y, r, _) in &circles {
            (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
            reach = reach.max(r + slack);
        }
        let max_cells = (circles.len() * CELLS_PER_CIRCLE).max(MIN_CELLS);
        let mut cell = reach;
        let span = |cell: f64, a: f64, b: f64| ((b - a) / cell).floor() as usize + 1;
        while span(cell, x0, x1).saturating_mul(span(cell, y0, y1)) > max_cells {
            cell *= 2.0;
        }
        let (cols, rows) = (span(cell, x0, x1), span(cell, y0, y1));
        let cell_of = |x: f64, y: f64| {
            let c = (((x - x0) / cell) as usize).min(cols - 1);
            let r = (((y - y0) / cell) as usize).min(rows - 1);
            r * cols + c
        };
        // A counting sort by cell, stable so each cell keeps input order.
        let mut starts = vec![0u32; cols * rows + 1];
        for &(x, y, _, _) in &circles {
            starts[cell_of(x, y) + 1] += 1;
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        let mut next = starts.clone();
        let mut items = vec![(0.0, 0.0, 0.0, 0); circles.len()];
        for c in circles {
            let slot = &mut next[cell_of(c.0, c.1)];
            items[*slot as usize] = c;
            *slot += 1;
        }
        HitGrid {
            cell,
            origin: (x0, y0),
            cols,
            rows,
            slack,
            starts,
            items,
        }
    }

    /// The index (in the input) of the circle nearest to `(px, py)` that
    /// the pixel falls in, with the slack; the lowest index among equally
    /// near ones; `None` if none.
    pub fn hit(&self, px: f64, py: f64) -> Option<usize> {
        if self.items.is_empty() || !px.is_finite() || !py.is_finite() {
            return None;
        }
        let col = ((px - self.origin.0) / self.cell).floor();
        let row = ((py - self.origin.1) / self.cell).floor();
        let mut best: Option<(f64, u32)> = None;
        for r in (row - 1.0) as i64..=(row + 1.0) as i64 {
            for c in (col - 1.0) as i64..=(col + 1.0) as i64 {
                let (Ok(r), Ok(c)) = (usize::try_from(r), usize::try_from(c)) else {
                    continue;
                };
                if r >= self.rows || c >= self.cols {
                    continue;
                }
                let i = r * self.cols + c;
                let (start, end) = (self.starts[i] as usize, self.starts[i + 1] as usize);
                for &(x, y, radius, index) in &self.items[start..end] {
                    // The same arithmetic as the scan, so both agree to the bit.
                    let d = ((x - px).powi(2) + (y - py).powi(2)).sqrt();
                    if d > radius + self.slack {
                        continue;
                    }
                    if best.is_none_or(|(bd, bi)| d < bd || (d == bd && index < bi)) {
                        best = Some((d, index));
                    }
                }
            }
        }
        best.map(|(_, i)| i as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::present::map::hit_test;

    /// A small linear congruential generator: the same numbers on every run.
    struct Lcg(u64);

    impl Lcg {
        fn next(&mut self) -> f64 {
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (self.0 >> 11) as f64 / (1u64 << 53) as f64
        }
    }

    #[test]
    fn the_grid_finds_what_the_scan_finds() {
        let mut rng = Lcg(7);
        for (n, width, height, max_r) in [
            (0, 100.0, 100.0, 3.0),
            (1, 10.0, 10.0, 3.0),
            (50, 200.0, 100.0, 18.0),
            (3_000, 1280.0, 420.0, 18.0),
            (3_000, 1280.0, 420.0, 3.0),
            // Far-flung circles make the cells grow, never the answers change.
            (200, 1e6, 1e6, 5.0),
        ] {
            let mut circles: Vec<(f64, f64, f64)> = (0..n)
                .map(|_| {
                    let x = rng.next() * width - 20.0;
                    let y = rng.next() * height - 20.0;
                    (x, y, 3.0 + rng.next() * (max_r - 3.0))
                })
                .collect();
            // Equal circles at one spot: the first is the answer.
            if n > 10 {
                circles[9] = circles[3];
            }
            let grid = HitGrid::new(circles.iter().copied(), 2.0);
            for _ in 0..2_000 {
                let (px, py) = (
                    rng.next() * (width + 40.0) - 40.0,
                    rng.next() * (height + 40.0) - 40.0,
                );
                assert_eq!(
                    grid.hit(px, py),
                    hit_test(circles.iter().copied(), px, py, 2.0),
                    "{n} circles, pixel {px},{py}"
                );
            }
            for &(x, y, _) in &circles {
                assert_eq!(grid.hit(x, y), hit_test(circles.iter().copied(), x, y, 2.0));
            }
        }
    }

    #[test]
    fn ties_go_to_the_first_circle_and_edges_count() {
        // Two circles at 10,10 (r 5) and one at 30,10: at 10,10 the first.
        let circles = [(10.0, 10.0, 5.0), (10.0, 10.0, 5.0), (30.0, 10.0, 5.0)];
        let grid = HitGrid::new(circles, 2.0);
        assert_eq!(grid.hit(10.0, 10.0), Some(0));
        // 7 below the first centre: on the edge of 5 + 2; 8 is out.
        assert_eq!(grid.hit(10.0, 17.0), Some(0));
        assert_eq!(grid.hit(10.0, 18.0), None);
        // Midway (20,10) is 10 from both: out of reach of either.
        assert_eq!(grid.hit(20.0, 10.0), None);
        assert_eq!(grid.hit(24.0, 10.0), Some(2));
        assert_eq!(grid.hit(f64::NAN, 0.0), None);
        // Circles that are nowhere are left out.
        let grid = HitGrid::new([(f64::NAN, 0.0, 3.0), (1.0, 1.0, 3.0)], 0.0);
        assert_eq!(grid.hit(1.0, 1.0), Some(1));
        assert_eq!(HitGrid::new([], 2.0).hit(0.0, 0.0), None);
    }
}
