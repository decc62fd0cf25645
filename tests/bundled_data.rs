//! The bundled dataset ("Wagner Group in Mali, events in public reporting")
//! and its published figures load through the engine, and spot checks agree
//! with the article text.

mod common;

use eventlens::engine::data::date::{self, format_iso};
use eventlens::engine::data::dimension::Category;
use eventlens::engine::read::import::{import_bytes, ImportOptions};
use eventlens::engine::read::layout::{ColumnRole, Format};
use eventlens::engine::read::published;
use eventlens::engine::Store;
use std::collections::HashSet;
use std::path::PathBuf;

fn data(name: &str) -> Vec<u8> {
    std::fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("public/data")
            .join(name),
    )
    .unwrap()
}

fn bundled() -> (Store, eventlens::engine::ImportReport) {
    let d = import_bytes(
        &data("wagner-mali-events.csv"),
        ImportOptions {
            hold_text: true,
            ..ImportOptions::default()
        },
    )
    .unwrap();
    (d.store, d.report)
}

fn row_by_id(store: &Store, id: &str) -> (usize, Vec<String>) {
    (0..store.len())
        .map(|r| (r, store.record_in_memory(r).unwrap()))
        .find(|(_, f)| f[0] == id)
        .unwrap_or_else(|| panic!("no row {id}"))
}

#[test]
fn every_row_is_complete_and_plausible() {
    let (store, report) = bundled();
    assert_eq!(report.format, Format::AcledCurrent);
    assert_eq!(report.rows_skipped, 0, "{:?}", report.skipped);
    assert!(report.unparsed.is_empty(), "{:?}", report.unparsed);
    let raw_rows = csv::Reader::from_reader(data("wagner-mali-events.csv").as_slice())
        .records()
        .count();
    assert_eq!(store.len(), raw_rows);
    assert!(
        store.len() >= 25,
        "several dozen rows expected, got {}",
        store.len()
    );

    let known_types = [
        "Battles",
        "Violence against civilians",
        "Explosions/Remote violence",
        "Riots",
        "Protests",
        "Strategic developments",
    ];
    let first = date::from_ymd(2012, 1, 1).unwrap();
    let last = date::from_ymd(2025, 12, 31).unwrap();
    let mut ids = HashSet::new();
    let c = store.columns.clone();
    for r in 0..store.len() {
        let f = store.record_in_memory(r).unwrap();
        let id = f[0].clone();
        assert!(ids.insert(id.clone()), "duplicate id {id}");
        assert!(id.starts_with("EL"), "{id}");
        assert!(
            !Store::field(&f, c.get(ColumnRole::Source))
                .trim()
                .is_empty(),
            "{id} has no source"
        );
        assert!(
            Store::field(&f, c.get(ColumnRole::Notes)).len() > 40,
            "{id} notes too short"
        );
        assert!(
            (first..=last).contains(&store.date[r]),
            "{id} date {}",
            format_iso(store.date[r])
        );
        let event_type = store.names[Category::EventType].name(u32::from(store.event_type[r]));
        assert!(known_types.contains(&event_type), "{id}: {event_type}");
        assert!(
            (1..=3).contains(&store.time_precision(r)),
            "{id} time precision"
        );
        assert!(
            (1..=3).contains(&store.geo_precision(r)),
            "{id} geo precision"
        );
        let (lat, lon) = store.lat_lon(r);
        if lat.is_nan() || lon.is_nan() {
            // Only rows whose source names no place may lack coordinates,
            // and they say so.
            assert_eq!(store.geo_precision(r), 3, "{id}");
            assert!(
                Store::field(&f, c.get(ColumnRole::Notes)).contains("no coordinates"),
                "{id}"
            );
        } else {
            // The Sahel and West Africa.
            assert!(
                (4.0..=28.0).contains(&lat) && (-18.0..=16.0).contains(&lon),
                "{id} at {lat},{lon}"
            );
        }
    }
}

#[test]
fn spot_checks_against_the_articles() {
    let (store, _) = bundled();
    // CTC Sentinel: the army claimed over 200 militants killed at Moura
    // between March 23 and April 1, 2022; others say about 300 or more.
    let (r, f) = row_by_id(&store, "ELMLI0009");
    assert_eq!(store.location_of(r), "Moura");
    assert_eq!(format_iso(store.date[r]), "2022-03-23");
    assert_eq!(store.time_precision(r), 2);
    assert_eq!(store.fatalities[r], 200);
    assert!(f[store.columns.get(ColumnRole::Notes).unwrap()].contains("300"));
    assert!(store.side_label(store.side1[r]).contains("Wagner Group"));
    // CTC Sentinel: at least 132 civilians killed at Dialassagou on June 18, 2022.
    let (r, _) = row_by_id(&store, "ELMLI0018");
    assert_eq!(store.location_of(r), "Diallassagou");
    assert_eq!(format_iso(store.date[r]), "2022-06-18");
    assert_eq!(store.fatalities[r], 132);
    assert!(store.is_civilian_targeting(r));
    // Bounti, January 2021: the French air strike.
    let (r, _) = row_by_id(&store, "ELMLI0001");
    assert_eq!(format_iso(store.date[r]), "2021-01-03");
    assert_eq!(
        store.names[Category::SubEventType].name(u32::from(store.sub_event_type[r])),
        "Air/drone strike"
    );
    // Jamestown: Wagner/Africa Corps fighters killed in northern Mali on July 28, 2024.
    let (r, _) = row_by_id(&store, "ELMLI0029");
    assert_eq!(format_iso(store.date[r]), "2024-07-28");
    assert!(store.lat_lon(r).0.is_nan());
}

#[test]
fn published_figures_parse_and_cite() {
    let figures = published::parse(&data("published-figures.csv")).unwrap();
    assert!(figures.len() >= 10);
    let ids: HashSet<&str> = figures.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids.len(), figures.len(), "unique ids");
    for f in &figures {
        assert!(
            !f.publication.is_empty() && !f.definition.is_empty(),
            "{}",
            f.id
        );
        assert!(
            ["events", "fatalities", "civilian_fatalities", "share"].contains(&f.measure.as_str()),
            "{}",
            f.id
        );
    }
    // Jeune Afrique, citing the UN: 860 civilians killed in Mali in the
    // first half of 2022, 344 of them in army operations.
    let values: Vec<f64> = figures.iter().map(|f| f.value).collect();
    assert!(values.contains(&860.0) && values.contains(&344.0));
    // CTC Sentinel: 47 JNIM attacks on civilians in central Mali, June-September 2022.
    let pf = figures.iter().find(|f| f.id == "PF004").unwrap();
    assert_eq!((pf.value, pf.months), (47.0, Some((6, 9))));
}
