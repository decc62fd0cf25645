//! What each chart shows, in words: which filters its figures apply and
//! which one it only highlights (its own dimension's, left out as
//! crossfilter does). The breakdown captions on the page and the filter
//! lines of every export and embed footer are built here, from the filters
//! themselves, so no chart claims a filter it does not apply.

use crate::engine::data::dimension::GroupBy;
use crate::engine::i18n::join_list;
use crate::engine::present::chips::{chips, filters_in_words, Chip};
use crate::engine::query::{ChartKind, Filters};

/// The filters of one chart: those its figures apply, and those of its own
/// dimension that it shows all values of instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scope {
    pub kind: ChartKind,
    /// The filters its figures apply.
    pub applied: Filters,
    /// The filters of its own dimension, not applied (chips, as the filter
    /// bar shows them); empty when none is set.
    pub not_applied: Vec<Chip>,
}

impl Scope {
    pub fn of(filters: &Filters, kind: ChartKind) -> Scope {
        let applied = filters.applied_to(kind);
        let kept = chips(&applied);
        let not_applied = chips(filters)
            .into_iter()
            .filter(|c| !kept.contains(c))
            .collect();
        Scope {
            kind,
            applied,
            not_applied,
        }
    }

    /// The footer's lines about filters: the filters applied, in words,
    /// then (when its own filter is set) which filter is not applied and
    /// how the chart shows it instead.
    pub fn footer(&self) -> Vec<String> {
        let mut lines = vec![filters_in_words(&self.applied)];
        if self.not_applied.is_empty() {
            return lines;
        }
        let labels: Vec<&str> = self.not_applied.iter().map(|c| c.label.as_str()).collect();
        let shown = match self.kind {
            ChartKind::Timeline | ChartKind::Breakdown(GroupBy::Time(_)) => {
                crate::t!("scope-shown-dates")
            }
            ChartKind::Compare => crate::t!("scope-shown-compare"),
            ChartKind::Breakdown(by) => crate::t!("scope-shown-bars", shown = all_shown(by)),
            ChartKind::Counts | ChartKind::Map | ChartKind::Table => String::new(),
        };
        lines.push(crate::t!(
            "scope-not-applied",
            filters = join_list(&labels),
            shown = shown
        ));
        lines
    }
}

/// "all regions (admin 1) are shown", "the busiest actors are shown".
fn all_shown(by: GroupBy) -> String {
    match by {
        GroupBy::Actor => crate::t!("scope-all-shown-actors"),
        other => crate::t!(
            "scope-all-shown",
            values = other.plural_title().to_lowercase()
        ),
    }
}

/// "Mopti", "Mopti and Gao", "Mopti, Gao and Ségou".
fn in_a_list(values: &[String]) -> String {
    match values {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => crate::t!("list-and", first = rest.join(", "), last = last),
    }
}

/// The caption of a breakdown on the page: what it shows of its own
/// dimension, and what is selected. "All regions (admin 1) shown; Mopti
/// selected."
pub fn breakdown_caption(filters: &Filters, by: GroupBy) -> String {
    let shown = match by {
        GroupBy::Actor => crate::t!("caption-shown-actors"),
        other => crate::t!(
            "caption-shown",
            values = other.plural_title().to_lowercase()
        ),
    };
    let chosen = filters.chosen(by);
    if chosen.is_empty() {
        return crate::t!("caption-none-selected", shown = shown);
    }
    let extra = match by {
        GroupBy::Actor if filters.alongside.is_some() => crate::t!("caption-actor-alongside"),
        GroupBy::Actor => crate::t!("caption-actor"),
        _ => String::new(),
    };
    let chosen: Vec<String> = if by.is_term() {
        chosen
            .iter()
            .map(|v| crate::engine::i18n::term_or(v))
            .collect()
    } else {
        chosen
    };
    crate::t!(
        "caption-selected",
        shown = shown,
        selected = in_a_list(&chosen),
        extra = extra
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::data::dimension::{Category, CategoryMap};

    fn mopti_jnim() -> Filters {
        Filters {
            categories: CategoryMap::default().with(Category::Admin1, vec!["Mopti".into()]),
            actor: Some("JNIM".into()),
            ..Filters::default()
        }
    }

    #[test]
    fn captions_say_what_is_shown_and_selected() {
        let region = GroupBy::Category(Category::Admin1);
        assert_eq!(
            breakdown_caption(&mopti_jnim(), region),
            "All regions (admin 1) shown; Mopti selected."
        );
        assert_eq!(
            breakdown_caption(&Filters::default(), region),
            "All regions (admin 1) shown."
        );
        let mut f = mopti_jnim();
        f.categories[Category::Admin1].extend(["Gao".to_string(), "Ségou".to_string()]);
        assert_eq!(
            breakdown_caption(&f, region),
            "All regions (admin 1) shown; Mopti, Gao and Ségou selected."
        );
        assert_eq!(
            breakdown_caption(&f, GroupBy::Actor),
            "The busiest actors shown; JNIM selected (the actor filter applies to the other charts)."
        );
    }

    #[test]
    fn a_breakdown_footer_names_only_the_filters_it_applies() {
        let scope = Scope::of(
            &mopti_jnim(),
            ChartKind::Breakdown(GroupBy::Category(Category::Admin1)),
        );
        assert_eq!(
            scope.footer(),
            [
                "Filters: Actor: JNIM.",
                "Not applied to this chart: Admin 1: Mopti. Instead, all regions (admin 1) are shown, the bars it names highlighted."
            ]
        );
        // The export: "Filters: Actor: Wagner; Alongside: Malian"
        // under bars of every actor.
        let f = Filters {
            actor: Some("Wagner".into()),
            alongside: Some("Malian".into()),
            ..Filters::default()
        };
        let scope = Scope::of(&f, ChartKind::Breakdown(GroupBy::Actor));
        assert_eq!(
            scope.footer(),
            [
                "No filters: all events.",
                "Not applied to this chart: Actor: Wagner; Alongside: Malian. Instead, the busiest actors are shown, the bars it names highlighted."
            ]
        );
        let scope = Scope::of(&f, ChartKind::Map);
        assert_eq!(
            scope.footer(),
            ["Filters: Actor: Wagner; Alongside: Malian."]
        );
    }
}
