//! What a user asks for: the filters, by name (so they can live in a link
//! and apply to any file), and the dimensions they are checked on.

use crate::engine::data::date::Day;
use crate::engine::data::dimension::{Category, CategoryMap, GroupBy};
use serde::Serialize;

/// Which role(s) an actor filter looks at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Default, Hash)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Any role: actor1, assoc_actor_1, actor2, assoc_actor_2.
    #[default]
    Any,
    Actor1,
    Actor2,
    /// Associated with actor 1 (`assoc_actor_1`).
    Assoc1,
    Assoc2,
    /// actor1 or assoc_actor_1.
    Side1,
    /// actor2 or assoc_actor_2.
    Side2,
}

impl Role {
    pub const ALL: [Role; 7] = [
        Role::Any,
        Role::Actor1,
        Role::Actor2,
        Role::Assoc1,
        Role::Assoc2,
        Role::Side1,
        Role::Side2,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Role::Any => "any",
            Role::Actor1 => "actor1",
            Role::Actor2 => "actor2",
            Role::Assoc1 => "assoc1",
            Role::Assoc2 => "assoc2",
            Role::Side1 => "side1",
            Role::Side2 => "side2",
        }
    }

    pub fn from_name(name: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.name() == name)
    }
}

/// Every filter, by name (so it can live in a URL and be applied to any
/// file). Empty lists and `None` mean "no filter".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Hash)]
pub struct Filters {
    /// Inclusive date range.
    pub from: Option<Day>,
    pub to: Option<Day>,
    /// Months of the year, inclusive, 1-12; `(11, 2)` wraps over the new year.
    pub months: Option<(u8, u8)>,
    /// Values wanted per categorical dimension; an event passes when its
    /// value is one of them (or the list is empty).
    #[serde(flatten)]
    pub categories: CategoryMap<Vec<String>>,
    /// A canonical actor, a raw actor name, or a fragment of a name
    /// (case- and accent-insensitive).
    pub actor: Option<String>,
    pub role: Role,
    /// With `actor`: only events where this actor is on the same side.
    pub alongside: Option<String>,
    /// Count an uncertain attribution ("X and/or Y": the source could not
    /// tell which acted) under each of X and Y when the actor filters name
    /// X or Y. Off, it counts under neither.
    pub uncertain: bool,
    pub fatalities_min: Option<u32>,
    pub fatalities_max: Option<u32>,
    pub civilian_targeting: Option<bool>,
    /// Words to find in the location names or the notes.
    pub text: Option<String>,
}

/// The filter dimensions, one bit each of an event's failure mask.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Dim {
    Date,
    Months,
    Category(Category),
    Actor,
    Fatalities,
    Civilian,
    Text,
}

/// Number of filter dimensions (bits of the failure mask).
pub(crate) const DIMS: usize = 6 + crate::engine::data::dimension::CATEGORIES;
// The failure mask is a u16: one bit per dimension.
const _: () = assert!(DIMS <= 16);

impl Dim {
    /// Every dimension, in bit order.
    pub fn all() -> impl Iterator<Item = Dim> {
        [Dim::Date, Dim::Months]
            .into_iter()
            .chain(Category::ALL.into_iter().map(Dim::Category))
            .chain([Dim::Actor, Dim::Fatalities, Dim::Civilian, Dim::Text])
    }

    /// Position of this dimension's bit.
    pub fn position(self) -> u32 {
        let categories = Category::ALL.len() as u32;
        match self {
            Dim::Date => 0,
            Dim::Months => 1,
            Dim::Category(c) => 2 + c.index() as u32,
            Dim::Actor => 2 + categories,
            Dim::Fatalities => 3 + categories,
            Dim::Civilian => 4 + categories,
            Dim::Text => 5 + categories,
        }
    }

    pub(crate) fn bit(self) -> u16 {
        1 << self.position()
    }

    /// Removes this dimension's filter from `f`.
    pub fn clear(self, f: &mut Filters) {
        let none = Filters::default();
        match self {
            Dim::Date => (f.from, f.to) = (None, None),
            Dim::Months => f.months = None,
            Dim::Category(c) => f.categories[c].clear(),
            Dim::Actor => {
                f.actor = None;
                f.role = none.role;
                f.alongside = None;
                f.uncertain = none.uncertain;
            }
            Dim::Fatalities => (f.fatalities_min, f.fatalities_max) = (None, None),
            Dim::Civilian => f.civilian_targeting = None,
            Dim::Text => f.text = None,
        }
    }

    /// True when this dimension's part of `a` and `b` is the same.
    pub(crate) fn same(self, a: &Filters, b: &Filters) -> bool {
        match self {
            Dim::Date => a.from == b.from && a.to == b.to,
            Dim::Months => a.months == b.months,
            Dim::Category(c) => a.categories[c] == b.categories[c],
            Dim::Actor => {
                a.actor == b.actor
                    && a.role == b.role
                    && a.alongside == b.alongside
                    && a.uncertain == b.uncertain
            }
            Dim::Fatalities => {
                a.fatalities_min == b.fatalities_min && a.fatalities_max == b.fatalities_max
            }
            Dim::Civilian => a.civilian_targeting == b.civilian_targeting,
            Dim::Text => a.text == b.text,
        }
    }
}

/// A chart of the filtered events, as far as which filters its figures
/// apply. The linked views leave out their own dimension's filter (as
/// crossfilter does), so one still sees, and can pick, the other values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChartKind {
    /// Headline counts: every filter.
    Counts,
    /// The map: every filter.
    Map,
    /// The events table: every filter.
    Table,
    /// Every date, the chosen range veiled apart.
    Timeline,
    /// Every value of its dimension, the chosen ones highlighted.
    Breakdown(GroupBy),
    /// Its own two periods in place of the date range.
    Compare,
}

impl ChartKind {
    /// The dimension whose filter the chart does not apply, if any.
    pub fn shows_all_of(self) -> Option<Dim> {
        match self {
            ChartKind::Counts | ChartKind::Map | ChartKind::Table => None,
            ChartKind::Timeline | ChartKind::Compare => Some(Dim::Date),
            ChartKind::Breakdown(GroupBy::Category(c)) => Some(Dim::Category(c)),
            ChartKind::Breakdown(GroupBy::Actor) => Some(Dim::Actor),
            // A grouping by time bins is the timeline's.
            ChartKind::Breakdown(GroupBy::Time(_)) => Some(Dim::Date),
        }
    }
}

impl Filters {
    /// True when no filter is set.
    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }

    /// Whether the bar `label` of the breakdown by `by` is one the filters
    /// ask for.
    pub fn is_chosen(&self, by: GroupBy, label: &str) -> bool {
        match by {
            GroupBy::Category(c) => self.categories[c].iter().any(|v| v == label),
            GroupBy::Actor => self.actor.as_deref() == Some(label),
            GroupBy::Time(_) => false,
        }
    }

    /// The values of the breakdown by `by` the filters ask for: its bars
    /// that [`Filters::is_chosen`] holds.
    pub fn chosen(&self, by: GroupBy) -> Vec<String> {
        match by {
            GroupBy::Category(c) => self.categories[c].clone(),
            GroupBy::Actor => self.actor.iter().cloned().collect(),
            GroupBy::Time(_) => Vec::new(),
        }
    }

    /// The filters a chart of `kind` applies to its figures: all but the
    /// one of its own dimension (see [`ChartKind::shows_all_of`]).
    pub fn applied_to(&self, kind: ChartKind) -> Filters {
        let mut out = self.clone();
        if let Some(dim) = kind.shows_all_of() {
            dim.clear(&mut out);
        }
        out
    }

    /// Clicking the bar `label` of the breakdown by `by`: adds its value to
    /// the filter, or removes it when it is there (a second click undoes
    /// the first). An actor replaces the actor filter.
    pub fn pick(&mut self, by: GroupBy, label: &str) {
        match by {
            GroupBy::Category(c) => toggle(&mut self.categories[c], label),
            GroupBy::Actor => {
                self.actor = if self.actor.as_deref() == Some(label) {
                    None
                } else {
                    Some(label.to_string())
                }
            }
            GroupBy::Time(_) => {}
        }
    }
}

/// Adds `value` to a list filter, or removes it if it is there.
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

    #[test]
    fn every_dimension_has_its_own_bit_of_the_mask() {
        let bits: Vec<u16> = Dim::all().map(Dim::bit).collect();
        assert_eq!(bits.len(), DIMS);
        let all = bits.iter().fold(0u16, |m, b| {
            assert_eq!(m & b, 0, "bit {b:#b} used twice");
            m | b
        });
        assert_eq!(all.count_ones() as usize, DIMS);
    }

    #[test]
    fn clearing_a_dimension_leaves_the_others() {
        let f = Filters {
            from: Some(1),
            to: Some(9),
            months: Some((6, 9)),
            categories: CategoryMap::from_fn(|c| vec![c.name().to_string()])
                .with(Category::Admin1, vec!["Mopti".into()])
                .with(Category::EventType, vec!["Battles".into()]),
            actor: Some("JNIM".into()),
            role: Role::Side1,
            alongside: Some("X".into()),
            uncertain: true,
            fatalities_min: Some(1),
            fatalities_max: Some(3),
            civilian_targeting: Some(true),
            text: Some("t".into()),
        };
        for dim in Dim::all() {
            let mut cleared = f.clone();
            dim.clear(&mut cleared);
            for other in Dim::all() {
                let unset = other.same(&cleared, &Filters::default());
                assert_eq!(unset, other == dim, "{dim:?} cleared, {other:?}");
            }
        }
        let kind = ChartKind::Breakdown(GroupBy::Category(Category::Admin1));
        let applied = f.applied_to(kind);
        assert!(applied.categories[Category::Admin1].is_empty());
        assert_eq!(applied.categories[Category::EventType], vec!["Battles"]);
        assert_eq!(f.applied_to(ChartKind::Map), f);
        assert_eq!(f.chosen(GroupBy::Actor), vec!["JNIM"]);
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
    fn picking_a_bar_twice_undoes_it() {
        let mut f = Filters::default();
        let region = GroupBy::Category(Category::Admin1);
        f.pick(region, "Mopti");
        assert!(f.is_chosen(region, "Mopti"));
        assert_eq!(f.categories[Category::Admin1], vec!["Mopti".to_string()]);
        f.pick(region, "Mopti");
        assert!(f.is_empty());
        f.pick(GroupBy::Actor, "JNIM");
        assert_eq!(f.actor.as_deref(), Some("JNIM"));
        f.pick(GroupBy::Actor, "Wagner Group");
        assert_eq!(f.actor.as_deref(), Some("Wagner Group"));
        f.pick(GroupBy::Actor, "Wagner Group");
        assert!(f.is_empty());
    }
}
