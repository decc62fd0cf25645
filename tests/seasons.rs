//! Seasons: the timeline and the comparison by season, the season set by
//! the months window, on a small synthetic fixture whose counts per
//! season are worked out by hand in the comments below.

mod common;

use common::import;
use eventlens::engine::data::date::{from_ymd, Bin};
use eventlens::engine::data::dimension::GroupBy;
use eventlens::engine::present::chart::{comparison_chart, Frame};
use eventlens::engine::query::group::{compare, Period};
use eventlens::engine::query::{Filters, Measure, QueryState, ViewSpec};

/// Synthetic events: (date, event type, fatalities). The three marked
/// "outside" fall outside November-February and carry 100 fatalities
/// each, so any leak shows in the sums.
const EVENTS: &[(&str, &str, u32)] = &[
    ("2019-10-31", "Battles", 100),  // outside
    ("2019-11-01", "Battles", 1),    // 2019/20
    ("2019-12-15", "Riots", 0),      // 2019/20
    ("2020-01-10", "Battles", 2),    // 2019/20
    ("2020-02-29", "Riots", 0),      // 2019/20
    ("2020-03-01", "Battles", 100),  // outside
    ("2020-11-20", "Battles", 3),    // 2020/21
    ("2021-02-01", "Battles", 0),    // 2020/21
    ("2021-06-15", "Protests", 100), // outside; June-September 2021
    ("2021-12-31", "Riots", 4),      // 2021/22
];

fn csv() -> String {
    let mut csv = String::from(
        "event_id_cnty,event_date,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,actor2,assoc_actor_2,country,admin1,admin2,fatalities,notes\n",
    );
    for (i, (date, event_type, fatalities)) in EVENTS.iter().enumerate() {
        csv.push_str(&format!(
            "SYN{i},{date},Political violence,{event_type},,Synthetic Militia A,,,,Mali,Mopti,,{fatalities},SYNTHETIC\n"
        ));
    }
    csv
}

fn state_with(months: Option<(u8, u8)>) -> (eventlens::engine::Store, QueryState) {
    let store = import(csv().as_bytes()).unwrap().store;
    let mut state = QueryState::new(&store);
    state.apply(
        &store,
        &Filters {
            months,
            ..Filters::default()
        },
    );
    (store, state)
}

/// (label, events, fatalities) per timeline bar.
fn bars(months: Option<(u8, u8)>) -> Vec<(String, u64, u64)> {
    let (store, state) = state_with(months);
    let spec = ViewSpec {
        bin: Bin::SEASON,
        ..ViewSpec::default()
    };
    let t = state.views(&store, &spec).timeline;
    (0..t.bins)
        .map(|b| {
            let fatalities: u64 = t.fatalities[b * t.types.len()..(b + 1) * t.types.len()]
                .iter()
                .sum();
            (t.label(b), t.bin_events(b), fatalities)
        })
        .collect()
}

fn owned(rows: &[(&str, u64, u64)]) -> Vec<(String, u64, u64)> {
    rows.iter()
        .map(|&(l, e, f)| (l.to_string(), e, f))
        .collect()
}

#[test]
fn a_timeline_by_season_over_the_new_year() {
    // The file runs from 2019-10-31 (in the season that started in
    // November 2018) to 2021-12-31 (in 2021/22).
    assert_eq!(
        bars(Some((11, 2))),
        owned(&[
            ("2018/19", 0, 0),
            ("2019/20", 4, 3),
            ("2020/21", 2, 3),
            ("2021/22", 1, 4),
        ])
    );
}

#[test]
fn a_timeline_by_season_within_a_year() {
    // June-September: only the Protests event of June 2021.
    assert_eq!(
        bars(Some((6, 9))),
        owned(&[("2019", 0, 0), ("2020", 0, 0), ("2021", 1, 100)])
    );
    // No months window: seasons are calendar years, every event counts.
    assert_eq!(
        bars(None),
        owned(&[("2019", 3, 101), ("2020", 4, 105), ("2021", 3, 104)])
    );
}

#[test]
fn the_comparison_by_season_and_as_a_chart() {
    let (store, state) = state_with(Some((11, 2)));
    // Periods of several seasons each: A from November 2019 to February
    // 2021, B from March 2021 to February 2022.
    let a = Period {
        from: from_ymd(2019, 11, 1).unwrap(),
        to: from_ymd(2021, 2, 28).unwrap(),
    };
    let b = Period {
        from: from_ymd(2021, 3, 1).unwrap(),
        to: from_ymd(2022, 2, 28).unwrap(),
    };
    let c = compare(&store, &state, a, b, GroupBy::Time(Bin::SEASON));
    let rows: Vec<_> = c
        .rows
        .iter()
        .map(|r| (r.key.as_str(), r.a.events, r.b.events, r.change_label()))
        .collect();
    assert_eq!(
        rows,
        [
            ("2019/20", 4, 0, "-4".to_string()),
            ("2020/21", 2, 0, "-2".to_string()),
            ("2021/22", 0, 1, "new".to_string()),
        ]
    );
    assert_eq!((c.total.a.events, c.total.b.events), (6, 1));

    // Without a months window the season is period A's months.
    let (store, state) = state_with(None);
    let winter = |y| Period::months(y, 11, 2).unwrap();
    let c = compare(
        &store,
        &state,
        winter(2019),
        winter(2020),
        GroupBy::Time(Bin::SEASON),
    );
    let rows: Vec<_> = c
        .rows
        .iter()
        .map(|r| (r.key.as_str(), r.a.events, r.b.events))
        .collect();
    assert_eq!(rows, [("2019/20", 4, 0), ("2020/21", 0, 2)]);

    // The same comparison as paired bars: A and B per season, with the
    // periods in the legend and the values on the bars.
    let footer = ["Synthetic data".to_string()];
    let chart = comparison_chart(
        &c,
        Measure::Events,
        Frame::Export {
            title: "Winters",
            footer: &footer,
        },
    );
    let svg = eventlens::engine::output::svg(&chart);
    assert!(svg.contains(">2019/20</text>") && svg.contains(">2020/21</text>"));
    assert!(svg.contains("<title>2019/20, A: 4</title>"), "{svg}");
    assert!(svg.contains("<title>2020/21, B: 2</title>"), "{svg}");
    assert!(svg.contains(">Synthetic data</text>"));
}
