//! What each chart shows, in words: which filters its figures apply and
//! which one it only highlights (its own dimension's, left out as
//! crossfilter does). The breakdown captions on the page and the filter
//! lines of every export and embed footer are built here, from the filters
//! themselves, so no chart claims a filter it does not apply.

use crate::engine::data::dimension::GroupBy;
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
                "every date is shown, those outside the range veiled".to_string()
            }
            ChartKind::Compare => "the comparison counts its own two periods".to_string(),
            ChartKind::Breakdown(by) => format!("{}, the bars it names highlighted", all_shown(by)),
            ChartKind::Counts | ChartKind::Map | ChartKind::Table => String::new(),
        };
        lines.push(format!(
            "Not applied to this chart: {}. Instead, {shown}.",
            labels.join("; ")
        ));
        lines
    }
}

/// "all regions (admin 1) are shown", "the busiest actors are shown".
fn all_shown(by: GroupBy) -> String {
    match by {
        GroupBy::Actor => "the busiest actors are shown".to_string(),
        other => format!("all {} are shown", other.plural_title().to_lowercase()),
    }
}

/// "Mopti", "Mopti and Gao", "Mopti, Gao and Ségou".
fn in_a_list(values: &[String]) -> String {
    match values {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The caption of a breakdown on the page: what it shows of its own
/// dimension, and what is selected. "All regions (admin 1) shown; Mopti
/// selected."
pub fn breakdown_caption(filters: &Filters, by: GroupBy) -> String {
    let shown = match by {
        GroupBy::Actor => "The busiest actors shown".to_string(),
        other => format!("All {} shown", other.plural_title().to_lowercase()),
    };
    let chosen = filters.chosen(by);
    if chosen.is_empty() {
        return format!("{shown}.");
    }
    let extra = match by {
        GroupBy::Actor if filters.alongside.is_some() => {
            " (the actor filter, with its \u{201c}alongside\u{201d}, applies to the other charts)"
        }
        GroupBy::Actor => " (the actor filter applies to the other charts)",
        _ => "",
    };
    format!("{shown}; {} selected{extra}.", in_a_list(&chosen))
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
