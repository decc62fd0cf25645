//! The changes between two versions of a dataset as CSV: one row per event
//! added, deleted or revised, with its earlier and later values side by
//! side (cells neutralised as in every export).

use super::neutralise;
use crate::engine::data::store::Store;
use crate::engine::present::versions::field_values;
use crate::engine::query::versions::{event_id_text, VersionDiff};

const COLUMNS: [&str; 15] = [
    "change",
    "event_id",
    "fields_changed",
    "earlier_date",
    "later_date",
    "earlier_fatalities",
    "later_fatalities",
    "earlier_event_type",
    "later_event_type",
    "earlier_sub_event_type",
    "later_sub_event_type",
    "earlier_actors",
    "later_actors",
    "earlier_location",
    "later_location",
];

/// The values of one event for the columns above, or empty cells for the
/// version it is not in.
fn values(store: &Store, row: Option<u32>) -> [String; 6] {
    row.map(|r| field_values(store, r)).unwrap_or_default()
}

/// The changes of `diff` as CSV text: deleted, then revised, then added,
/// each in file order.
pub fn version_changes_csv(earlier: &Store, later: &Store, diff: &VersionDiff) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    // Writing into a Vec cannot fail.
    let _ = writer.write_record(COLUMNS);
    let mut write = |change: &str, id: String, fields: String, a: Option<u32>, b: Option<u32>| {
        let (a, b) = (values(earlier, a), values(later, b));
        let mut cells = vec![change.to_string(), id, fields];
        for (x, y) in a.into_iter().zip(b) {
            cells.push(x);
            cells.push(y);
        }
        let _ = writer.write_record(cells.iter().map(|c| neutralise(c).into_owned()));
    };
    let id = |store: &Store, row: u32| event_id_text(store, row as usize).unwrap_or_default();
    for &row in &diff.deleted {
        write("deleted", id(earlier, row), String::new(), Some(row), None);
    }
    for r in &diff.revised {
        let mut change = "revised";
        if !r.in_earlier_view {
            change = "revised, now in the view";
        } else if !r.in_later_view {
            change = "revised, now out of the view";
        }
        let fields: Vec<&str> = r.fields.list().into_iter().map(|f| f.name()).collect();
        write(
            change,
            id(later, r.later_row),
            fields.join("; "),
            Some(r.earlier_row),
            Some(r.later_row),
        );
    }
    for &row in &diff.added {
        write("added", id(later, row), String::new(), None, Some(row));
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}
