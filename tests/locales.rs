//! Every language is complete: each `src/locales/*.ftl` parses without
//! error, has exactly English's messages and attributes, and each message
//! takes the same variables in every language (a sentence that drops
//! `$count` would silently lose a number). Also renders a few engine
//! messages in French from typed values, against sentences written by hand.

use eventlens::engine::i18n::{self, Lang};
use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use std::collections::{BTreeMap, BTreeSet};

/// Message (or `message.attribute`) -> the variables it uses.
type Messages = BTreeMap<String, BTreeSet<String>>;

fn messages(code: &str, text: &str) -> Messages {
    let resource = fluent_syntax::parser::parse(text)
        .unwrap_or_else(|(_, errors)| panic!("{code}.ftl does not parse: {errors:?}"));
    let mut out = Messages::new();
    for entry in &resource.body {
        let Entry::Message(m) = entry else { continue };
        let id = m.id.name.to_string();
        let mut vars = BTreeSet::new();
        if let Some(p) = &m.value {
            variables(p, &mut vars);
        }
        assert!(
            out.insert(id.clone(), vars).is_none(),
            "{code}.ftl defines {id} twice"
        );
        for a in &m.attributes {
            let mut vars = BTreeSet::new();
            variables(&a.value, &mut vars);
            out.insert(format!("{id}.{}", a.id.name), vars);
        }
    }
    out
}

fn variables(p: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &p.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(e: &Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for v in variants {
                variables(&v.value, out);
            }
        }
        Expression::Inline(i) => inline_variables(i, out),
    }
}

fn inline_variables(i: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match i {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        InlineExpression::Placeable { expression } => expression_variables(expression, out),
        InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_variables(a, out);
            }
        }
        _ => {}
    }
}

#[test]
fn every_language_has_every_message_with_the_same_variables() {
    let sources = i18n::sources();
    assert_eq!(sources.first().map(|s| s.0), Some("en"));
    assert!(sources.len() >= 2, "English and French at least");
    let english = messages("en", sources[0].1);
    assert!(english.contains_key("number-group"));
    for (code, text) in &sources[1..] {
        let other = messages(code, text);
        let missing: Vec<_> = english.keys().filter(|k| !other.contains_key(*k)).collect();
        assert!(missing.is_empty(), "{code}.ftl lacks {missing:?}");
        let extra: Vec<_> = other.keys().filter(|k| !english.contains_key(*k)).collect();
        assert!(
            extra.is_empty(),
            "{code}.ftl has messages English lacks: {extra:?}"
        );
        for (key, vars) in &english {
            assert_eq!(
                &other[key], vars,
                "{code}.ftl's {key} takes other variables than English's"
            );
        }
    }
}

#[test]
fn every_locale_file_is_listed() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/locales");
    let mut on_disk: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| {
            let p = e.unwrap().path();
            (p.extension()? == "ftl").then(|| p.file_stem().unwrap().to_string_lossy().into())
        })
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = Lang::all().map(|l| l.code().to_string()).collect();
    listed.sort();
    assert_eq!(listed, on_disk);
}

mod common;

fn french() -> Lang {
    Lang::parse("fr").unwrap()
}

#[test]
fn french_numbers_dates_and_sizes_from_typed_values() {
    use eventlens::engine::data::date::{from_ymd, long_date};
    use eventlens::engine::data::numbers::file_size;
    use eventlens::engine::present::format::{date_span, thousands};
    let day = from_ymd(2024, 8, 5).unwrap();
    let later = from_ymd(2024, 9, 1).unwrap();
    i18n::with_lang(french(), || {
        assert_eq!(thousands(1234), "1\u{202f}234");
        assert_eq!(long_date(day), "5 août 2024");
        assert_eq!(file_size(14_200_000), "14,2 Mo");
        assert_eq!(file_size(1), "1 octet");
        assert_eq!(
            date_span(Some(day), Some(later)),
            "du 2024-08-05 au 2024-09-01"
        );
        assert_eq!(eventlens::t!("n-events", count = 0u64), "0 événement");
        assert_eq!(
            eventlens::t!("n-events", count = 2130u64),
            "2\u{202f}130 événements"
        );
    });
    assert_eq!(long_date(day), "5 August 2024");
    assert_eq!(eventlens::t!("n-events", count = 2130u64), "2,130 events");
}

#[test]
fn engine_sentences_in_french_from_typed_values() {
    use eventlens::engine::data::date::from_ymd;
    use eventlens::engine::data::dimension::{Category, CategoryMap};
    use eventlens::engine::present::chips::filters_in_words;
    use eventlens::engine::present::summary;
    use eventlens::engine::query::views::{Measures, Totals};
    use eventlens::engine::query::Filters;
    use eventlens::engine::ImportError;
    let totals = Totals {
        measures: Measures {
            events: 1234,
            fatalities: 1,
            civilian_fatalities: 0,
        },
        fatalities_low: None,
        fatalities_high: None,
        first_day: from_ymd(2024, 8, 5),
        last_day: from_ymd(2024, 9, 1),
    };
    let filters = Filters {
        categories: CategoryMap::default()
            .with(Category::Country, vec!["Mali".into()])
            .with(Category::EventType, vec!["Battles".into()]),
        fatalities_min: Some(5),
        ..Filters::default()
    };
    i18n::with_lang(french(), || {
        assert_eq!(
            summary::totals(&totals),
            "1\u{202f}234 événements avec 1 mort signalé (dont 0 civil) \
             entre le 2024-08-05 et le 2024-09-01."
        );
        // The event type is ACLED's English name; the page shows it in
        // French. A narrow no-break space precedes each semicolon.
        assert_eq!(
            filters_in_words(&filters),
            "Filtres\u{a0}: Pays\u{a0}: Mali\u{202f}; Type\u{a0}: Batailles\u{202f}; \
             Morts\u{a0}: au moins 5."
        );
        assert_eq!(
            ImportError::UnclosedQuote { line: 12 }.to_string(),
            "Ligne 12\u{a0}: un champ entre guillemets s’ouvre par \" mais n’est jamais fermé, \
             si bien que le reste du fichier serait lu comme une seule valeur. Cherchez un \
             guillemet égaré sur cette ligne, ou exportez de nouveau le fichier."
        );
        assert_eq!(
            ImportError::TooManyEvents {
                limit: 25_000_000,
                line: 7
            }
            .to_string()
            .split('\u{a0}')
            .next(),
            Some("Ligne 7")
        );
    });
    // The same values in English, unchanged by the French above.
    assert_eq!(
        summary::totals(&totals),
        "1,234 events with 1 reported fatality (0 civilian) between 2024-08-05 and 2024-09-01."
    );
    assert_eq!(
        filters_in_words(&filters),
        "Filters: Country: Mali; Type: Battles; Fatalities: at least 5."
    );
}

#[test]
fn second_file_sentences_in_french_from_typed_values() {
    use eventlens::engine::data::dimension::Category;
    use eventlens::engine::present::versions::{versions_summary, VersionTotals};
    use eventlens::engine::query::sources::filters_for;
    use eventlens::engine::query::versions::{Fields, Revision, VersionDiff};
    use eventlens::engine::query::Filters;
    use eventlens::engine::read::import::ImportOptions;
    let earlier = VersionTotals {
        events: 1234,
        fatalities: 60,
    };
    let later = VersionTotals {
        events: 1240,
        fatalities: 77,
    };
    // Two added, one deleted, one revised that left the view, and one
    // event without an id in the earlier file.
    let diff = VersionDiff {
        added: vec![7, 8],
        deleted: vec![3],
        revised: vec![Revision {
            earlier_row: 4,
            later_row: 4,
            fields: Fields::default(),
            in_earlier_view: true,
            in_later_view: false,
        }],
        without_id: [1, 0],
        ..VersionDiff::default()
    };
    let ucdp = eventlens::engine::import_bytes(
        &common::fixture("sources/ucdp_mali.csv"),
        ImportOptions::default(),
    )
    .unwrap()
    .store;
    let mut battles = Filters::default();
    battles.categories[Category::EventType] = vec!["Battles".into()];
    i18n::with_lang(french(), || {
        assert_eq!(
            versions_summary(
                &eventlens::t!("versions-in-this-view"),
                earlier,
                later,
                &diff
            ),
            "Événements dans cette vue\u{a0}: 1\u{202f}234 dans le fichier le plus ancien, \
             1\u{202f}240 dans le plus récent\u{a0}; morts\u{a0}: 60 et 77. \
             2 événements ajoutés, 1 supprimé, 1 révisé (1 désormais hors de la vue). \
             1 événement sans identifiant n’a pas pu être apparié."
        );
        // ACLED's event type is named in French, as in the filters.
        assert_eq!(
            filters_for(&ucdp, &battles, "UCDP GED").left_out,
            [
                "UCDP GED n’a pas de type d’événement nommé Batailles\u{a0}: \
              ses chiffres ne sont pas filtrés par type d’événement."
            ]
        );
    });
    assert_eq!(
        versions_summary("in this view", earlier, later, &diff),
        "Events in this view: 1,234 in the earlier file, 1,240 in the later one; \
         fatalities: 60 and 77. 2 events added, 1 deleted, 1 revised (1 now out of it). \
         1 event without an id could not be matched."
    );
    assert_eq!(
        filters_for(&ucdp, &battles, "UCDP GED").left_out,
        ["UCDP GED has no event type called Battles: its figures are not filtered by event type."]
    );
}
