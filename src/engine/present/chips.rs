//! The active filters as removable "chips", and the same filters in words
//! for a chart's footer or an embed.

use crate::engine::data::date;
use crate::engine::present::format::month_name;
use crate::engine::query::{Filters, Role};

/// What a chip removes.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ChipTarget {
    DateRange,
    Months,
    Country(String),
    Admin1(String),
    Admin2(String),
    EventType(String),
    SubEventType(String),
    DisorderType(String),
    /// The actor, its role and the "alongside" actor.
    Actor,
    Alongside,
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
pub fn role_label(role: Role) -> &'static str {
    match role {
        Role::Any => "any role",
        Role::Actor1 => "actor 1",
        Role::Actor2 => "actor 2",
        Role::Assoc1 => "associated with actor 1",
        Role::Assoc2 => "associated with actor 2",
        Role::Side1 => "side 1 (actor 1 or associated)",
        Role::Side2 => "side 2 (actor 2 or associated)",
    }
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
            format!("{} to {}", date::format_iso(a), date::format_iso(b)),
            ChipTarget::DateRange,
        ),
        (Some(a), None) => push(
            format!("From {}", date::format_iso(a)),
            ChipTarget::DateRange,
        ),
        (None, Some(b)) => push(
            format!("Until {}", date::format_iso(b)),
            ChipTarget::DateRange,
        ),
        (None, None) => {}
    }
    if let Some((a, b)) = f.months {
        let label = if a == b {
            format!("Months: {}", month_name(a))
        } else {
            format!("Months: {}-{}", month_name(a), month_name(b))
        };
        push(label, ChipTarget::Months);
    }
    type ListChip<'a> = (&'a [String], &'static str, fn(String) -> ChipTarget);
    let lists: [ListChip; 6] = [
        (&f.countries, "Country", ChipTarget::Country),
        (&f.admin1, "Admin 1", ChipTarget::Admin1),
        (&f.admin2, "Admin 2", ChipTarget::Admin2),
        (&f.event_types, "Type", ChipTarget::EventType),
        (&f.sub_event_types, "Sub-type", ChipTarget::SubEventType),
        (&f.disorder_types, "Disorder", ChipTarget::DisorderType),
    ];
    for (values, name, target) in lists {
        for v in values {
            push(format!("{name}: {v}"), target(v.clone()));
        }
    }
    if let Some(actor) = non_empty(&f.actor) {
        let label = match f.role {
            Role::Any => format!("Actor: {actor}"),
            role => format!("Actor: {actor} ({})", role_label(role)),
        };
        push(label, ChipTarget::Actor);
    }
    if let Some(other) = non_empty(&f.alongside) {
        push(format!("Alongside: {other}"), ChipTarget::Alongside);
    }
    match (f.fatalities_min, f.fatalities_max) {
        (Some(a), Some(b)) if a == b => push(format!("Fatalities: {a}"), ChipTarget::Fatalities),
        (Some(a), Some(b)) => push(format!("Fatalities: {a}-{b}"), ChipTarget::Fatalities),
        (Some(a), None) => push(format!("Fatalities: at least {a}"), ChipTarget::Fatalities),
        (None, Some(b)) => push(format!("Fatalities: at most {b}"), ChipTarget::Fatalities),
        (None, None) => {}
    }
    match f.civilian_targeting {
        Some(true) => push("Civilian targeting only".into(), ChipTarget::Civilian),
        Some(false) => push("No civilian targeting".into(), ChipTarget::Civilian),
        None => {}
    }
    if let Some(text) = non_empty(&f.text) {
        push(format!("Text: \u{201c}{text}\u{201d}"), ChipTarget::Text);
    }
    out
}

/// The active filters in words, for a chart's footer or an embed:
/// `"Filters: Country: Mali; Type: Battles"`, or `"No filters: all
/// events."`.
pub fn filters_in_words(f: &Filters) -> String {
    let labels: Vec<String> = chips(f).into_iter().map(|c| c.label).collect();
    if labels.is_empty() {
        "No filters: all events.".into()
    } else {
        format!("Filters: {}.", labels.join("; "))
    }
}

/// Removes the filter a chip stands for.
pub fn remove_chip(f: &mut Filters, target: &ChipTarget) {
    let drop = |list: &mut Vec<String>, v: &str| list.retain(|x| x != v);
    match target {
        ChipTarget::DateRange => {
            f.from = None;
            f.to = None;
        }
        ChipTarget::Months => f.months = None,
        ChipTarget::Country(v) => drop(&mut f.countries, v),
        ChipTarget::Admin1(v) => drop(&mut f.admin1, v),
        ChipTarget::Admin2(v) => drop(&mut f.admin2, v),
        ChipTarget::EventType(v) => drop(&mut f.event_types, v),
        ChipTarget::SubEventType(v) => drop(&mut f.sub_event_types, v),
        ChipTarget::DisorderType(v) => drop(&mut f.disorder_types, v),
        ChipTarget::Actor => {
            // Without its actor, "alongside" would silently become the actor.
            f.actor = None;
            f.role = Role::Any;
            f.alongside = None;
        }
        ChipTarget::Alongside => f.alongside = None,
        ChipTarget::Fatalities => {
            f.fatalities_min = None;
            f.fatalities_max = None;
        }
        ChipTarget::Civilian => f.civilian_targeting = None,
        ChipTarget::Text => f.text = None,
    }
}

/// Adds `value` to a list filter, or removes it if it is there (clicking a
/// bar twice undoes the first click).
pub fn toggle(list: &mut Vec<String>, value: &str) {
    if let Some(i) = list.iter().position(|v| v == value) {
        list.remove(i);
    } else {
        list.push(value.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::data::date::{from_ymd, Day};

    fn day(y: i32, m: u32, d: u32) -> Day {
        from_ymd(y, m, d).unwrap()
    }

    #[test]
    fn every_chip_removes_what_it_shows() {
        let f = Filters {
            from: Some(day(2021, 6, 1)),
            to: Some(day(2021, 9, 30)),
            months: Some((6, 9)),
            countries: vec!["Mali".into(), "Niger".into()],
            admin1: vec!["Mopti".into()],
            admin2: vec!["Djenne".into()],
            event_types: vec!["Battles".into()],
            sub_event_types: vec!["Attack".into()],
            disorder_types: vec!["Political violence".into()],
            actor: Some("Wagner Group".into()),
            role: Role::Side1,
            alongside: Some("Military Forces of Mali".into()),
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
        remove_chip(&mut h, &ChipTarget::Country("Mali".into()));
        assert_eq!(h.countries, vec!["Niger".to_string()]);
        assert!(chips(&Filters::default()).is_empty());
    }

    #[test]
    fn removing_the_actor_also_removes_alongside() {
        let mut f = Filters {
            actor: Some("A".into()),
            alongside: Some("B".into()),
            role: Role::Actor1,
            ..Filters::default()
        };
        remove_chip(&mut f, &ChipTarget::Actor);
        assert!(f.is_empty());
    }

    #[test]
    fn toggling() {
        let mut list = vec![];
        toggle(&mut list, "Mopti");
        toggle(&mut list, "Gao");
        toggle(&mut list, "Mopti");
        assert_eq!(list, vec!["Gao".to_string()]);
    }

    #[test]
    fn filters_read_as_words() {
        assert_eq!(
            filters_in_words(&Filters::default()),
            "No filters: all events."
        );
        let f = Filters {
            countries: vec!["Mali".into()],
            event_types: vec!["Battles".into()],
            months: Some((6, 9)),
            ..Filters::default()
        };
        assert_eq!(
            filters_in_words(&f),
            "Filters: Months: Jun-Sep; Country: Mali; Type: Battles."
        );
    }
}
