//! Published figures set beside a dataset: each figure's definition read
//! as filters and counted on a small synthetic fixture
//! (`published_check.csv`, twelve rows), against counts worked out by hand
//! from the file.

mod common;

use common::{fixture, import};
use eventlens::engine::data::date::from_ymd;
use eventlens::engine::data::dimension::Category;
use eventlens::engine::query::published::{check, check_one, translate, Counted};
use eventlens::engine::query::QueryState;
use eventlens::engine::read::published::parse;

const HEADER: &str = "figure_id,publication,published,claim,measure,value,unit,period_start,period_end,months,area,actor,event_types,definition,notes";

/// Figures about the fixture; the values are what a "publication" said.
fn figures() -> String {
    let rows = [
        // JNIM attacks on civilians in central Mali, 2022 rainy season:
        // P01 (Mopti), P02 and P03 (Segou, 30 September included). Not
        // P04 (October), P05 (Gao), P06 (a battle), P07 (another actor).
        "F1,Test Gazette,,JNIM attacks on civilians,events,47,events,2022-06-01,2022-09-30,6-9,Central Mali,JNIM: Group for Support of Islam and Muslims,Violence against civilians,def,",
        // Civilian deaths in Mali, first half of 2022: the civilian-
        // targeting rows P01 5, P08 12, P10 8, P12 9 = 34.
        "F2,Test Gazette,2022-11-15,Civilians killed,civilian_fatalities,860,people,2022-01-01,2022-06-30,,Mali,,,def,",
        // ... by the army: P08 12 + P10 8 = 20 (P09 is a battle, P12 is
        // Wagner alone).
        "F3,Test Gazette,,Civilians killed by the army,civilian_fatalities,344,people,2022-01-01,2022-06-30,,Mali,Military Forces of Mali (2021-),,def,",
        // Wagner alongside the army, December 2021 to August 2022: P08.
        "F4,Test Gazette,,Joint operations,civilian_fatalities,500,people,2021-12-01,2022-08-30,,Mali,Wagner Group; Military Forces of Mali (2021-),,def,",
        // Fatalities in JNIM battles in 2022: P06 10 + P09 6 = 16.
        "F5,Test Gazette,,JNIM battles,fatalities,20,fatalities,2022-01-01,2022-12-31,,Mali,JNIM: Group for Support of Islam and Muslims,Battles,def,",
        "F6,Test Gazette,,A share,share,40,percent,2022-01-01,2022-06-30,,Mali,,,def,",
        "F7,Test Gazette,,Violations,events,320,documented rights violations,2022-01-01,2022-03-31,,Mali,,,def,",
        // JNIM events in July, 2021 and 2022: P11 and P02.
        "F8,Test Gazette,,JNIM in July,events,5,events,2021-01-01,2022-12-31,7-7,Mali,JNIM: Group for Support of Islam and Muslims,,def,",
        // Islamic State (Sahel), battles or violence against civilians in
        // 2022: P07.
        "F9,Test Gazette,,IS Sahel,events,1,events,2022-01-01,2022-12-31,,Mali,Islamic State (Sahel),Battles;Violence against civilians,def,",
    ];
    format!("{HEADER}\n{}\n", rows.join("\n"))
}

#[test]
fn figures_beside_counts_worked_out_by_hand() {
    let store = import(&fixture("published_check.csv")).unwrap().store;
    let figures = parse(figures().as_bytes()).unwrap();
    let checks = check(&store, &figures);
    let got: Vec<(&str, Option<u64>, Option<f64>)> = checks
        .iter()
        .map(|c| (c.figure.id.as_str(), c.data, c.difference()))
        .collect();
    assert_eq!(
        got,
        [
            ("F1", Some(3), Some(-44.0)),
            ("F2", Some(34), Some(34.0 - 860.0)),
            ("F3", Some(20), Some(20.0 - 344.0)),
            ("F4", Some(12), Some(12.0 - 500.0)),
            ("F5", Some(16), Some(-4.0)),
            ("F6", None, None),
            ("F7", None, None),
            ("F8", Some(2), Some(-3.0)),
            ("F9", Some(1), Some(0.0)),
        ]
    );
    // What cannot be counted says why in words.
    let why = |i: usize| checks[i].definition.clone().unwrap_err();
    assert!(why(5).contains("percentage"), "{}", why(5));
    assert!(
        why(6).contains("documented rights violations"),
        "{}",
        why(6)
    );
}

/// The page checks the figures one at a time, on a copy of its own filter
/// state (filters set, views counted): the same counts as by hand, and the
/// page's state keeps its filters, rows and views.
#[test]
fn figures_checked_one_at_a_time_on_a_copy_of_the_pages_state() {
    let store = import(&fixture("published_check.csv")).unwrap().store;
    let figures = parse(figures().as_bytes()).unwrap();
    let mut page = QueryState::new(&store);
    let filters = eventlens::engine::query::filters::Filters {
        from: from_ymd(2022, 7, 1),
        ..Default::default()
    };
    page.apply(&store, &filters);
    let spec = eventlens::engine::query::views::ViewSpec::default();
    let (rows, views) = (page.rows(), page.views(&store, &spec));

    let mut copy = page.counting_copy();
    let counted: Vec<Option<u64>> = figures
        .iter()
        .map(|f| check_one(&store, &mut copy, f).data)
        .collect();
    assert_eq!(
        counted,
        [
            Some(3),
            Some(34),
            Some(20),
            Some(12),
            Some(16),
            None,
            None,
            Some(2),
            Some(1)
        ]
    );
    assert_eq!(page.filters(), &filters);
    assert_eq!(page.rows(), rows);
    assert_eq!(page.views(&store, &spec), views);
}

/// The panel's click opens the view behind a figure: its filters, applied
/// to the page's state, select the same events the panel counted.
#[test]
fn a_figures_filters_select_the_counted_events() {
    let store = import(&fixture("published_check.csv")).unwrap().store;
    let figures = parse(figures().as_bytes()).unwrap();
    let d = translate(&figures[0]).unwrap();
    assert_eq!(d.counted, Counted::Events);
    assert_eq!(d.filters.from, from_ymd(2022, 6, 1));
    assert_eq!(d.filters.to, from_ymd(2022, 9, 30));
    // The months add nothing to a period within one rainy season.
    assert_eq!(d.filters.months, None);
    assert_eq!(
        d.filters.categories[Category::Admin1],
        ["Mopti".to_string(), "Segou".to_string()]
    );
    assert!(d.readings.iter().any(|r| r.contains("Mopti and Segou")));
    let mut state = QueryState::new(&store);
    state.apply(&store, &d.filters);
    let ids: Vec<String> = state
        .rows()
        .iter()
        .map(|&r| store.record_in_memory(r as usize).unwrap()[0].clone())
        .collect();
    assert_eq!(ids, ["P01", "P02", "P03"]);
    // A period over several years keeps its months window.
    let d = translate(&figures[7]).unwrap();
    assert_eq!(d.filters.months, Some((7, 7)));
    // Two actors: the first alongside the second.
    let d = translate(&figures[3]).unwrap();
    assert_eq!(d.filters.actor.as_deref(), Some("Wagner Group"));
    assert_eq!(
        d.filters.alongside.as_deref(),
        Some("Military Forces of Mali (2021-)")
    );
}

/// The bundled figures all read: each is counted or says why not.
#[test]
fn every_bundled_figure_is_counted_or_explained() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/public/data/published-figures.csv"
    );
    let figures = parse(&std::fs::read(path).unwrap()).unwrap();
    let events = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/public/data/wagner-mali-events.csv"
    );
    let store = import(&std::fs::read(events).unwrap()).unwrap().store;
    let checks = check(&store, &figures);
    assert_eq!(checks.len(), figures.len());
    for c in &checks {
        match &c.definition {
            Ok(_) => assert!(c.data.is_some(), "{}", c.figure.id),
            Err(why) => assert!(!why.is_empty() && c.data.is_none(), "{}", c.figure.id),
        }
    }
    // Shares and counts of rights violations are not events.
    let uncounted: Vec<&str> = checks
        .iter()
        .filter(|c| c.data.is_none())
        .map(|c| c.figure.id.as_str())
        .collect();
    assert_eq!(uncounted, ["PF011", "PF013", "PF014"]);
}
