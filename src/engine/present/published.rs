//! A published figure beside the data, in words: the figure with its unit,
//! its period, what the loaded data counts and the difference ("44 fewer"),
//! or why the filters cannot count it.

use crate::engine::data::date;
use crate::engine::present::format::thousands;
use crate::engine::query::published::FigureCheck;
use crate::engine::read::published::PublishedFigure;

/// A number as published: whole numbers with thousands separators, else
/// as written.
fn number(v: f64) -> String {
    if v.fract() == 0.0 && (0.0..1e15).contains(&v) {
        thousands(v as u64)
    } else {
        format!("{v}")
    }
}

/// The figure with its unit: "47 events", "40 percent".
pub fn published_value(f: &PublishedFigure) -> String {
    let unit = f.unit.trim();
    if unit.is_empty() {
        number(f.value)
    } else {
        format!("{} {unit}", number(f.value))
    }
}

/// The period: "2022-06-01 to 2022-09-30, June to September", "not stated".
pub fn period(f: &PublishedFigure) -> String {
    let dates = match (f.period_start, f.period_end) {
        (Some(a), Some(b)) => crate::t!(
            "published-dates",
            first = date::format_iso(a),
            last = date::format_iso(b)
        ),
        (Some(a), None) => crate::t!("published-dates-from", first = date::format_iso(a)),
        (None, Some(b)) => crate::t!("published-dates-to", last = date::format_iso(b)),
        (None, None) => crate::t!("published-not-stated"),
    };
    match f.months {
        Some((a, b)) => {
            let name = |m: u8| crate::engine::i18n::month_long(u32::from(m));
            crate::t!(
                "published-months",
                dates = dates,
                first = name(a),
                last = name(b)
            )
        }
        None => dates,
    }
}

/// The data's count less the published figure, in words: "44 fewer",
/// "3 more", "the same".
pub fn difference(check: &FigureCheck) -> Option<String> {
    let d = check.difference()?;
    Some(if d == 0.0 {
        crate::t!("published-same")
    } else if d < 0.0 {
        crate::t!("published-fewer", count = number(-d))
    } else {
        crate::t!("published-more", count = number(d))
    })
}

/// The whole check in a sentence: "CTC Sentinel reported 47 events; this
/// dataset counts 3 (44 fewer)."
pub fn sentence(check: &FigureCheck) -> String {
    let f = &check.figure;
    let reported = crate::t!(
        "published-reported",
        publication = &f.publication,
        value = published_value(f)
    );
    match (&check.definition, check.data, difference(check)) {
        (Ok(_), Some(n), Some(diff)) => crate::t!(
            "published-sentence",
            reported = reported,
            count = n,
            difference = diff
        ),
        (Err(why), _, _) => {
            crate::t!(
                "published-sentence-not-counted",
                reported = reported,
                why = why
            )
        }
        _ => crate::t!("published-sentence-plain", reported = reported),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::data::date::from_ymd;

    fn figure() -> PublishedFigure {
        PublishedFigure {
            id: "T1".into(),
            publication: "The Test Gazette".into(),
            published: None,
            claim: "Synthetic claim".into(),
            measure: "events".into(),
            value: 1200.0,
            unit: "events".into(),
            period_start: from_ymd(2022, 6, 1),
            period_end: from_ymd(2022, 9, 30),
            months: Some((6, 9)),
            area: "Mali".into(),
            actor: String::new(),
            event_types: vec![],
            definition: String::new(),
            notes: String::new(),
        }
    }

    #[test]
    fn figures_and_differences_in_words() {
        let f = figure();
        assert_eq!(published_value(&f), "1,200 events");
        assert_eq!(period(&f), "2022-06-01 to 2022-09-30, June to September");
        let mut check = FigureCheck {
            figure: f.clone(),
            definition: Err("It is a percentage.".into()),
            data: None,
        };
        assert_eq!(difference(&check), None);
        assert_eq!(
            sentence(&check),
            "The Test Gazette reported 1,200 events. Not counted here: It is a percentage."
        );
        check.definition = crate::engine::query::published::translate(&f);
        check.data = Some(1_203);
        assert_eq!(difference(&check).as_deref(), Some("3 more"));
        check.data = Some(0);
        assert_eq!(
            sentence(&check),
            "The Test Gazette reported 1,200 events; this dataset counts 0 (1,200 fewer)."
        );
        check.data = Some(1_200);
        assert_eq!(difference(&check).as_deref(), Some("the same"));
        let share = PublishedFigure {
            value: 40.5,
            unit: "percent".into(),
            ..f
        };
        assert_eq!(published_value(&share), "40.5 percent");
    }
}
