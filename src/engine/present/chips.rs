//! The active filters as removable "chips", and the same filters in words
//! for a chart's footer or an embed.

use crate::engine::data::date;
use crate::engine::data::dimension::{Category, GroupBy};
use crate::engine::i18n::join_list;
use crate::engine::present::format::month_name;
use crate::engine::query::{Filters, Role};

/// What a chip removes.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ChipTarget {
    DateRange,
    Months,
    /// One value of a categorical filter.
    Category(Category, String),
    /// The actor, its role and the "alongside" actor.
    Actor,
    Alongside,
    /// Counting uncertain attributions under each of their actors.
    Uncertain,
    Fatalities,
    Civilian,
    Text,
}

/// One active filter, as shown to the user.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Chip {
    pub label: String,
    pub target: ChipTarget,
}

/// How a role reads in a sentence.
pub fn role_label(role: Role) -> String {
    crate::engine::i18n::tr(&format!("role-{}", role.name()), &[])
}

fn non_empty(text: &Option<String>) -> Option<&str> {
    text.as_deref().map(str::trim).filter(|t| !t.is_empty())
}

/// The active filters, in the order the filter panel shows them.
pub fn chips(f: &Filters) -> Vec<Chip> {
    let mut out = Vec::new();
    let mut push = |label: String, target: ChipTarget| out.push(Chip { label, target });
    match (f.from, f.to) {
        (Some(a), Some(b)) => push(
            crate::t!(
                "chip-dates",
                first = date::format_iso(a),
                last = date::format_iso(b)
            ),
            ChipTarget::DateRange,
        ),
        (Some(a), None) => push(
            crate::t!("chip-from", first = date::format_iso(a)),
            ChipTarget::DateRange,
        ),
        (None, Some(b)) => push(
            crate::t!("chip-until", last = date::format_iso(b)),
            ChipTarget::DateRange,
        ),
        (None, None) => {}
    }
    if let Some((a, b)) = f.months {
        let label = if a == b {
            crate::t!("chip-month", month = month_name(a))
        } else {
            crate::t!("chip-months", first = month_name(a), last = month_name(b))
        };
        push(label, ChipTarget::Months);
    }
    for (c, values) in f.categories.iter() {
        for v in values {
            push(
                crate::t!(
                    "chip-category",
                    category = c.chip_label(),
                    value = if GroupBy::Category(c).is_term() {
                        crate::engine::i18n::term_or(v)
                    } else {
                        v.clone()
                    }
                ),
                ChipTarget::Category(c, v.clone()),
            );
        }
    }
    if let Some(actor) = non_empty(&f.actor) {
        let label = match f.role {
            Role::Any => crate::t!("chip-actor", actor = actor),
            role => crate::t!("chip-actor-role", actor = actor, role = role_label(role)),
        };
        push(label, ChipTarget::Actor);
    }
    if let Some(other) = non_empty(&f.alongside) {
        push(
            crate::t!("chip-alongside", actor = other),
            ChipTarget::Alongside,
        );
    }
    if f.uncertain {
        push(crate::t!("chip-uncertain"), ChipTarget::Uncertain);
    }
    match (f.fatalities_min, f.fatalities_max) {
        (Some(a), Some(b)) if a == b => push(
            crate::t!("chip-fatalities", count = a.to_string()),
            ChipTarget::Fatalities,
        ),
        (Some(a), Some(b)) => push(
            crate::t!(
                "chip-fatalities-range",
                low = a.to_string(),
                high = b.to_string()
            ),
            ChipTarget::Fatalities,
        ),
        (Some(a), None) => push(
            crate::t!("chip-fatalities-min", low = a.to_string()),
            ChipTarget::Fatalities,
        ),
        (None, Some(b)) => push(
            crate::t!("chip-fatalities-max", high = b.to_string()),
            ChipTarget::Fatalities,
        ),
        (None, None) => {}
    }
    match f.civilian_targeting {
        Some(true) => push(crate::t!("chip-civilian-only"), ChipTarget::Civilian),
        Some(false) => push(crate::t!("chip-civilian-none"), ChipTarget::Civilian),
        None => {}
    }
    if let Some(text) = non_empty(&f.text) {
        push(crate::t!("chip-text", text = text), ChipTarget::Text);
    }
    out
}

/// The active filters in words, for a chart's footer or an embed:
/// `"Filters: Country: Mali; Type: Battles"`, or `"No filters: all
/// events."`.
pub fn filters_in_words(f: &Filters) -> String {
    let labels: Vec<String> = chips(f).into_iter().map(|c| c.label).collect();
    if labels.is_empty() {
        crate::t!("filters-in-words-none")
    } else {
        crate::t!("filters-in-words", filters = join_list(&labels))
    }
}

/// Removes the filter a chip stands for.
pub fn remove_chip(f: &mut Filters, target: &ChipTarget) {
    match target {
        ChipTarget::DateRange => {
            f.from = None;
            f.to = None;
        }
        ChipTarget::Months => f.months = None,
        ChipTarget::Category(c, v) => f.categories[*c].retain(|x| x != v),
        ChipTarget::Actor => {
            // Without its actor, "alongside" would silently become the actor.
            f.actor = None;
            f.role = Role::Any;
            f.alongside = None;
            f.uncertain = false;
        }
        ChipTarget::Alongside => f.alongside = None,
        ChipTarget::Uncertain => f.uncertain = false,
        ChipTarget::Fatalities => {
            f.fatalities_min = None;
            f.fatalities_max = None;
        }
        ChipTarget::Civilian => f.civilian_targeting = None,
        ChipTarget::Text => f.text = None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::data::date::{from_ymd, Day};
    use crate::engine::data::dimension::{Category, CategoryMap};

    fn day(y: i32, m: u32, d: u32) -> Day {
        from_ymd(y, m, d).unwrap()
    }

    #[test]
    fn every_chip_removes_what_it_shows() {
        let f = Filters {
            from: Some(day(2021, 6, 1)),
            to: Some(day(2021, 9, 30)),
            months: Some((6, 9)),
            categories: CategoryMap::default()
                .with(Category::Country, vec!["Mali".into(), "Niger".into()])
                .with(Category::Admin1, vec!["Mopti".into()])
                .with(Category::Admin2, vec!["Djenne".into()])
                .with(Category::EventType, vec!["Battles".into()])
                .with(Category::SubEventType, vec!["Attack".into()])
                .with(Category::DisorderType, vec!["Political violence".into()]),
            actor: Some("Wagner Group".into()),
            role: Role::Side1,
            alongside: Some("Military Forces of Mali".into()),
            uncertain: true,
            fatalities_min: Some(5),
            fatalities_max: None,
            civilian_targeting: Some(true),
            text: Some(" Moura ".into()),
        };
        let shown = chips(&f);
        let labels: Vec<&str> = shown.iter().map(|c| c.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "2021-06-01 to 2021-09-30",
                "Months: Jun-Sep",
                "Country: Mali",
                "Country: Niger",
                "Admin 1: Mopti",
                "Admin 2: Djenne",
                "Type: Battles",
                "Sub-type: Attack",
                "Disorder: Political violence",
                "Actor: Wagner Group (side 1 (actor 1 or associated))",
                "Alongside: Military Forces of Mali",
                "Including uncertain attributions (\u{201c}X and/or Y\u{201d})",
                "Fatalities: at least 5",
                "Civilian targeting only",
                "Text: \u{201c}Moura\u{201d}",
            ]
        );
        // Removing chips one by one ends with no filter at all.
        let mut g = f.clone();
        for chip in &shown {
            remove_chip(&mut g, &chip.target);
        }
        assert!(g.is_empty(), "{g:?}");
        // Removing one country keeps the other.
        let mut h = f.clone();
        remove_chip(
            &mut h,
            &ChipTarget::Category(Category::Country, "Mali".into()),
        );
        assert_eq!(h.categories[Category::Country], vec!["Niger".to_string()]);
        assert!(chips(&Filters::default()).is_empty());
    }

    #[test]
    fn removing_the_actor_also_removes_alongside() {
        let mut f = Filters {
            actor: Some("A".into()),
            alongside: Some("B".into()),
            role: Role::Actor1,
            uncertain: true,
            ..Filters::default()
        };
        remove_chip(&mut f, &ChipTarget::Actor);
        assert!(f.is_empty());
    }

    #[test]
    fn filters_read_as_words() {
        assert_eq!(
            filters_in_words(&Filters::default()),
            "No filters: all events."
        );
        let f = Filters {
            categories: CategoryMap::default()
                .with(Category::Country, vec!["Mali".into()])
                .with(Category::EventType, vec!["Battles".into()]),
            months: Some((6, 9)),
            ..Filters::default()
        };
        assert_eq!(
            filters_in_words(&f),
            "Filters: Months: Jun-Sep; Country: Mali; Type: Battles."
        );
    }

    /// French puts a narrow no-break space before each semicolon between
    /// chips, as before its other semicolons.
    #[test]
    fn filters_read_as_french_words() {
        let f = Filters {
            categories: CategoryMap::default()
                .with(Category::Country, vec!["Mali".into(), "Niger".into()])
                .with(Category::EventType, vec!["Battles".into()]),
            months: Some((6, 9)),
            ..Filters::default()
        };
        let fr = crate::engine::i18n::Lang::parse("fr").unwrap();
        assert_eq!(
            crate::engine::i18n::with_lang(fr, || filters_in_words(&f)),
            "Filtres\u{a0}: Mois\u{a0}: juin-sept.\u{202f}; Pays\u{a0}: Mali\u{202f}; \
             Pays\u{a0}: Niger\u{202f}; Type\u{a0}: Batailles."
        );
    }
}
