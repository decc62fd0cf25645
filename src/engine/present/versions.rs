//! Two versions of a dataset in words: what the view counted in each and
//! why the figure moved ("Fatalities in this view: 60 in the earlier file,
//! 77 in the later one. 2 events added, 1 deleted, 4 revised.").

use crate::engine::data::date;
use crate::engine::data::dimension::Category;
use crate::engine::data::store::Store;
use crate::engine::query::versions::{event_id_text, Field, VersionDiff};
use serde::Serialize;

/// Events and fatalities of the view in one version.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct VersionTotals {
    pub events: u64,
    pub fatalities: u64,
}

impl VersionTotals {
    /// The totals of the rows of `store` that `in_view` keeps.
    pub fn of(store: &Store, in_view: impl Fn(usize) -> bool) -> VersionTotals {
        let mut totals = VersionTotals::default();
        for row in (0..store.len()).filter(|&r| in_view(r)) {
            totals.events += 1;
            totals.fatalities += u64::from(store.fatalities[row]);
        }
        totals
    }
}

/// The summary of a comparison of versions; `scope` names the view
/// ("in this view", "in Mopti, June to September 2022").
pub fn versions_summary(
    scope: &str,
    earlier: VersionTotals,
    later: VersionTotals,
    diff: &VersionDiff,
) -> String {
    let moved_in = diff.revised.iter().filter(|r| !r.in_earlier_view).count() as u64;
    let moved_out = diff.revised.iter().filter(|r| !r.in_later_view).count() as u64;
    let mut sentence = crate::t!(
        "versions-summary",
        scope = scope,
        earlier = earlier.events,
        later = later.events,
        earlier_fatalities = earlier.fatalities,
        later_fatalities = later.fatalities,
        added = diff.added.len(),
        deleted = diff.deleted.len(),
        revised = diff.revised.len(),
    );
    let mut moves = Vec::new();
    if moved_in > 0 {
        moves.push(crate::t!("versions-moved-in", count = moved_in));
    }
    if moved_out > 0 {
        moves.push(crate::t!("versions-moved-out", count = moved_out));
    }
    if !moves.is_empty() {
        sentence.push_str(&format!(" ({})", moves.join(", ")));
    }
    sentence.push('.');
    let unmatched = diff.without_id[0] + diff.without_id[1];
    if unmatched > 0 {
        sentence.push(' ');
        sentence.push_str(&crate::t!("versions-unmatched", count = unmatched));
    }
    sentence
}

/// The compared fields of event `row` as text, in [`Field::ALL`]'s order.
pub fn field_values(store: &Store, row: u32) -> [String; 6] {
    let r = row as usize;
    let actors = format!(
        "{} | {}",
        store.side_label(store.side1[r]),
        store.side_label(store.side2[r])
    );
    let (lat, lon) = store.lat_lon(r);
    [
        date::format_iso(store.date[r]),
        store.fatalities[r].to_string(),
        store.name_of(Category::EventType, r).to_string(),
        store.name_of(Category::SubEventType, r).to_string(),
        actors,
        format!("{} ({lat}, {lon})", store.place_label(store.place[r])),
    ]
}

/// One event of a list of changes, as the page lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangeLine {
    /// The event id as the file writes it (empty when its text is not
    /// held in memory).
    pub id: String,
    pub date: String,
    pub place: String,
    /// For a revision: each changed field with its earlier and later
    /// values.
    pub changes: Vec<(Field, String, String)>,
    /// For a revision: "now in the view" or "now out of the view" (in
    /// the page's language), when it moved across the view's edge.
    pub moved: Option<String>,
}

/// The first `n` events added, deleted and revised, in that order.
pub fn change_lines(
    earlier: &Store,
    later: &Store,
    diff: &VersionDiff,
    n: usize,
) -> [Vec<ChangeLine>; 3] {
    let line = |store: &Store, row: u32| ChangeLine {
        id: event_id_text(store, row as usize).unwrap_or_default(),
        date: date::format_iso(store.date[row as usize]),
        place: store.place_label(store.place[row as usize]),
        changes: Vec::new(),
        moved: None,
    };
    let added = diff.added.iter().take(n).map(|&r| line(later, r)).collect();
    let deleted = diff
        .deleted
        .iter()
        .take(n)
        .map(|&r| line(earlier, r))
        .collect();
    let revised = diff
        .revised
        .iter()
        .take(n)
        .map(|r| {
            let (old, new) = (
                field_values(earlier, r.earlier_row),
                field_values(later, r.later_row),
            );
            let changes = Field::ALL
                .into_iter()
                .zip(old.into_iter().zip(new))
                .filter(|(f, _)| r.fields.contains(*f))
                .map(|(f, (a, b))| (f, a, b))
                .collect();
            let moved = if !r.in_earlier_view {
                Some(crate::t!("versions-now-in-view"))
            } else if !r.in_later_view {
                Some(crate::t!("versions-now-out-of-view"))
            } else {
                None
            };
            ChangeLine {
                changes,
                moved,
                ..line(later, r.later_row)
            }
        })
        .collect();
    [added, deleted, revised]
}
