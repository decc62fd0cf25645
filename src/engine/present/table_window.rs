//! Which rows of a virtualised table to render for a scroll position.

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
pub(crate) const MAX_SCROLL_PX: f64 = 8_000_000.0;

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
}
