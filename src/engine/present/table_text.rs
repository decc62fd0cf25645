//! What the event table says: the cells of a row, the count above it, and
//! how each heading shows the sort.

use crate::engine::data::store::Store;
use crate::engine::query::table::{cell_text, Column, SortKey};

/// The cell texts of event `row`, in [`Column::ALL`] order.
pub fn row_cells(store: &Store, row: usize) -> Vec<String> {
    Column::ALL
        .iter()
        .map(|&c| cell_text(store, row, c))
        .collect()
}

/// The line above the table: "1,204 events; select a row to read its full
/// record."
pub fn count_line(events: usize) -> String {
    crate::t!(
        "table-count-line",
        events = crate::t!("n-events", count = events)
    )
}

/// How a column heading shows the table's sort.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortMark {
    None,
    Ascending,
    Descending,
}

impl SortMark {
    /// The mark of `column` when the table is sorted by `sort`.
    pub fn of(sort: Option<SortKey>, column: Column) -> SortMark {
        match sort {
            Some(SortKey {
                column: c,
                descending,
            }) if c == column => {
                if descending {
                    SortMark::Descending
                } else {
                    SortMark::Ascending
                }
            }
            _ => SortMark::None,
        }
    }

    /// The heading's `aria-sort` value.
    pub fn aria(self) -> &'static str {
        match self {
            SortMark::None => "none",
            SortMark::Ascending => "ascending",
            SortMark::Descending => "descending",
        }
    }

    /// The arrow after the heading's title (with its space).
    pub fn arrow(self) -> &'static str {
        match self {
            SortMark::None => "",
            SortMark::Ascending => " \u{25b2}",
            SortMark::Descending => " \u{25bc}",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{import_bytes, ImportOptions};

    #[test]
    fn a_row_has_one_cell_per_column() {
        let csv = "event_id_cnty,event_date,disorder_type,event_type,sub_event_type,actor1,actor2,country,admin1,location,fatalities\n\
S1,2022-01-05,Political violence,Battles,Armed clash,Group A,Group B,Mali,Mopti,Town A,3\n";
        let store = import_bytes(csv.as_bytes(), ImportOptions::default())
            .map(|d| d.store)
            .unwrap_or_else(|e| panic!("synthetic file did not import: {e}"));
        assert_eq!(
            row_cells(&store, 0),
            [
                "2022-01-05",
                "Battles",
                "Armed clash",
                "Group A",
                "Group B",
                "Mali",
                "Mopti",
                "Town A",
                "3"
            ]
        );
    }

    #[test]
    fn the_count_line_pluralises_and_groups_digits() {
        assert_eq!(
            count_line(1),
            "1 event; select a row to read its full record."
        );
        assert_eq!(
            count_line(1204),
            "1,204 events; select a row to read its full record."
        );
    }

    #[test]
    fn only_the_sorted_column_shows_its_direction() {
        let by_date = Some(SortKey {
            column: Column::Date,
            descending: false,
        });
        let mark = SortMark::of(by_date, Column::Date);
        assert_eq!((mark.aria(), mark.arrow()), ("ascending", " \u{25b2}"));
        let mark = SortMark::of(by_date, Column::Fatalities);
        assert_eq!((mark.aria(), mark.arrow()), ("none", ""));
        let down = Some(SortKey {
            column: Column::Fatalities,
            descending: true,
        });
        let mark = SortMark::of(down, Column::Fatalities);
        assert_eq!((mark.aria(), mark.arrow()), ("descending", " \u{25bc}"));
        assert_eq!(SortMark::of(None, Column::Date), SortMark::None);
    }
}
