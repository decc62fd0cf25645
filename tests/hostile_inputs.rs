//! Regression tests for the adversarial review of files and links: each
//! test is named after the defect it pins, and asserts what the review
//! found wrong is now right.

mod common;

use common::import;
use eventlens::engine::data::date::Bin;
use eventlens::engine::data::dimension::GroupBy;
use eventlens::engine::query::group::aggregate;
use eventlens::engine::query::views::{MAX_TIMELINE_BINS, MAX_TIMELINE_TYPES, OTHER_TYPES};
use eventlens::engine::query::{Filters, QueryState, ViewSpec};

const HEADER: &str = "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp";

/// A synthetic ACLED-shaped row (not real data).
fn row(id: usize, date: &str, event_type: &str) -> String {
    format!("SYN{id},{date},2000,1,Political violence,{event_type},Attack,Synthetic actor,,1,,,0,10,,466,Western Africa,Mali,Mopti,Djenne,,Place,14.0,-4.0,1,Synthetic,Local,Synthetic note,1,,0")
}

/// Defect 1: events spanning years 1000-9999 with thousands of event types
/// made the timeline allocate bins x types over the whole span and killed
/// the page; `aggregate --by day` on such a file took 16 s and 3.8 GB.
#[test]
fn a_file_spanning_millennia_with_thousands_of_types_costs_what_its_events_cost() {
    let mut csv = format!("{HEADER}\n");
    let types = 3_000;
    for i in 0..types {
        let date = if i % 2 == 0 {
            "1000-01-01"
        } else {
            "9999-12-31"
        };
        csv.push_str(&row(i, date, &format!("Synthetic type {i}")));
        csv.push('\n');
    }
    let d = import(csv.as_bytes()).unwrap();
    assert_eq!(d.store.len(), types);
    let state = QueryState::new(&d.store);
    for bin in Bin::ALL {
        let views = state.views(
            &d.store,
            &ViewSpec {
                bin,
                ..ViewSpec::default()
            },
        );
        let t = &views.timeline;
        // 1000 to 9999 is 9,000 years: only the year bin fits, and the
        // bin asked for is said to be replaced.
        assert_eq!(t.bin, Bin::Year, "{bin:?}");
        assert_eq!(t.bins, 9_000);
        assert_eq!(t.coarsened_from, (bin != Bin::Year).then_some(bin));
        assert!(t.bins <= MAX_TIMELINE_BINS || t.bin == Bin::Year);
        assert_eq!(t.types.len(), MAX_TIMELINE_TYPES);
        assert_eq!(t.types.last().map(String::as_str), Some(OTHER_TYPES));
        assert_eq!(t.events.len(), t.bins * t.types.len());
        // Every event is still counted, in the first and the last year.
        assert_eq!(t.bin_events(0), 1_500);
        assert_eq!(t.bin_events(t.bins - 1), 1_500);
        assert_eq!(views.totals.measures.events, types as u64);
    }
    // The months filter over such a span reads each event's month.
    for (months, want) in [
        ((1, 1), 1_500),
        ((12, 12), 1_500),
        ((6, 9), 0),
        ((12, 1), 3_000),
    ] {
        let mut months_state = QueryState::new(&d.store);
        let filters = Filters {
            months: Some(months),
            ..Filters::default()
        };
        months_state.apply(&d.store, &filters);
        assert_eq!(months_state.rows().len(), want, "{months:?}");
    }
    // By day, 3.3 million days apart: only the two days with events.
    let groups = aggregate(&d.store, &state.rows(), GroupBy::Time(Bin::Day));
    let listed: Vec<(&str, u64)> = groups
        .iter()
        .map(|g| (g.key.as_str(), g.measures.events))
        .collect();
    assert_eq!(listed, [("1000-01-01", 1_500), ("9999-12-31", 1_500)]);
    // A span within the limit still lists its empty bins between.
    let mut near = format!("{HEADER}\n");
    near.push_str(&row(1, "2022-01-01", "Battles"));
    near.push('\n');
    near.push_str(&row(2, "2022-01-04", "Battles"));
    near.push('\n');
    let d = import(near.as_bytes()).unwrap();
    let rows = QueryState::new(&d.store).rows();
    let days = aggregate(&d.store, &rows, GroupBy::Time(Bin::Day));
    assert_eq!(days.len(), 4);
    assert_eq!(days[1].measures.events, 0);
}
