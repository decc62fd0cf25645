//! Two versions of a dataset in words: what the view counted in each and
//! why the figure moved ("Fatalities in this view: 60 in the earlier file,
//! 77 in the later one. 2 events added, 1 deleted, 4 revised.").

use crate::engine::data::store::Store;
use crate::engine::present::format::{plural, thousands};
use crate::engine::query::versions::VersionDiff;
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
    let mut sentence = format!(
        "Events {scope}: {} in the earlier file, {} in the later one; fatalities: {} and {}. {} added, {} deleted, {} revised",
        thousands(earlier.events),
        thousands(later.events),
        thousands(earlier.fatalities),
        thousands(later.fatalities),
        plural(diff.added.len() as u64, "event", "events"),
        thousands(diff.deleted.len() as u64),
        thousands(diff.revised.len() as u64),
    );
    let mut moves = Vec::new();
    if moved_in > 0 {
        moves.push(format!("{} now in the view", thousands(moved_in)));
    }
    if moved_out > 0 {
        moves.push(format!("{} now out of it", thousands(moved_out)));
    }
    if !moves.is_empty() {
        sentence.push_str(&format!(" ({})", moves.join(", ")));
    }
    sentence.push('.');
    let unmatched = diff.without_id[0] + diff.without_id[1];
    if unmatched > 0 {
        sentence.push_str(&format!(
            " {} without an id could not be matched.",
            plural(unmatched, "event", "events")
        ));
    }
    sentence
}
