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
