//! The dimensions an event is described by. [`Category`] is every
//! categorical dimension (one named value per event: country, region, event
//! type...), with per-dimension data kept in a [`CategoryMap`]; filters,
//! views, group-by, chips, URL keys and the filter panel iterate over it, so
//! a new dimension is a new variant plus the places that truly differ (its
//! column in the importer and its words). [`GroupBy`] is what an aggregation
//! can group by: time bins, a category, or canonical actors.

use crate::engine::data::date::Bin;
use crate::engine::data::source::ColumnRole;
use serde::{Deserialize, Serialize};
use std::ops::{Index, IndexMut};

/// A categorical dimension: each event has at most one value, named in the
/// file and interned in the store's dictionary for this dimension.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Country,
    Admin1,
    Admin2,
    Admin3,
    EventType,
    SubEventType,
    DisorderType,
}

/// Number of [`Category`] variants.
pub(crate) const CATEGORIES: usize = 7;

impl Category {
    /// Every category, in the order the filter panel and chips show them.
    pub const ALL: [Category; CATEGORIES] = [
        Category::Country,
        Category::Admin1,
        Category::Admin2,
        Category::Admin3,
        Category::EventType,
        Category::SubEventType,
        Category::DisorderType,
    ];

    /// Position in [`Category::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The column an export keeps this dimension's values in.
    pub(crate) fn column_role(self) -> ColumnRole {
        match self {
            Category::Country => ColumnRole::Country,
            Category::Admin1 => ColumnRole::Admin1,
            Category::Admin2 => ColumnRole::Admin2,
            Category::Admin3 => ColumnRole::Admin3,
            Category::EventType => ColumnRole::EventType,
            Category::SubEventType => ColumnRole::SubEventType,
            Category::DisorderType => ColumnRole::DisorderType,
        }
    }

    /// Whether the value belongs to the event's place (interned with its
    /// coordinates) rather than to the event itself.
    pub fn is_place(self) -> bool {
        matches!(
            self,
            Category::Country | Category::Admin1 | Category::Admin2
        )
    }

    /// Stable identifier, as group-by names and JSON use it: `event_type`.
    pub fn name(self) -> &'static str {
        match self {
            Category::Country => "country",
            Category::Admin1 => "admin1",
            Category::Admin2 => "admin2",
            Category::Admin3 => "admin3",
            Category::EventType => "event_type",
            Category::SubEventType => "sub_event_type",
            Category::DisorderType => "disorder_type",
        }
    }

    pub fn from_name(name: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.name() == name)
    }

    /// The link's parameter for this filter: `type=Battles`.
    pub(crate) fn url_key(self) -> &'static str {
        match self {
            Category::EventType => "type",
            Category::SubEventType => "subtype",
            Category::DisorderType => "disorder",
            other => other.name(),
        }
    }

    pub(crate) fn from_url_key(key: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.url_key() == key)
    }

    /// In a sentence: "events by event type".
    pub fn label(self) -> String {
        crate::engine::i18n::tr(&format!("category-label-{}", self.slug()), &[])
    }

    /// A chip's prefix: "Type: Battles".
    pub(crate) fn chip_label(self) -> String {
        crate::engine::i18n::tr(&format!("category-chip-{}", self.slug()), &[])
    }

    /// The label of its control in the filter panel.
    pub fn control_label(self) -> String {
        crate::engine::i18n::tr(&format!("category-control-{}", self.slug()), &[])
    }

    /// A heading over its breakdown: "Regions (admin 1)".
    pub fn plural_title(self) -> String {
        crate::engine::i18n::tr(&format!("category-title-{}", self.slug()), &[])
    }

    /// A form for element ids, test ids and command-line options:
    /// `event-type`.
    pub fn slug(self) -> &'static str {
        match self {
            Category::EventType => "event-type",
            Category::SubEventType => "sub-event-type",
            Category::DisorderType => "disorder-type",
            other => other.name(),
        }
    }

    pub fn from_slug(slug: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.slug() == slug)
    }
}

/// One value per [`Category`], indexed by it. Serialised as a map from
/// each category's name.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct CategoryMap<T>([T; CATEGORIES]);

impl<T: Serialize> Serialize for CategoryMap<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(CATEGORIES))?;
        for (c, v) in self.iter() {
            map.serialize_entry(c.name(), v)?;
        }
        map.end()
    }
}

impl<T> CategoryMap<T> {
    /// A map with `f(category)` for every category.
    pub fn from_fn(mut f: impl FnMut(Category) -> T) -> CategoryMap<T> {
        CategoryMap(Category::ALL.map(&mut f))
    }

    /// `(category, value)` pairs in [`Category::ALL`] order.
    pub fn iter(&self) -> impl Iterator<Item = (Category, &T)> {
        Category::ALL.into_iter().zip(self.0.iter())
    }

    pub fn values(&self) -> impl Iterator<Item = &T> {
        self.0.iter()
    }

    /// This map with `value` for `c`: `CategoryMap::default().with(..)`.
    pub fn with(mut self, c: Category, value: T) -> CategoryMap<T> {
        self[c] = value;
        self
    }
}

impl<T> Index<Category> for CategoryMap<T> {
    type Output = T;
    fn index(&self, c: Category) -> &T {
        &self.0[c.index()]
    }
}

impl<T> IndexMut<Category> for CategoryMap<T> {
    fn index_mut(&mut self, c: Category) -> &mut T {
        &mut self.0[c.index()]
    }
}

/// What to group events by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GroupBy {
    /// Time bins: day, week, month, quarter, year or season.
    Time(Bin),
    Category(Category),
    /// Canonical actor, in any role; an event counts once per actor.
    Actor,
}

impl GroupBy {
    /// Every grouping: time bins, then categories, then actors.
    pub fn all() -> impl Iterator<Item = GroupBy> {
        Bin::ALL
            .into_iter()
            .map(GroupBy::Time)
            .chain(Category::ALL.into_iter().map(GroupBy::Category))
            .chain([GroupBy::Actor])
    }

    /// The breakdowns (time bins belong to the timeline): categories and
    /// actors.
    pub fn breakdowns() -> impl Iterator<Item = GroupBy> {
        GroupBy::all().filter(|g| g.bin().is_none())
    }

    /// Stable identifier, in links and on the command line: `month`,
    /// `event_type`, `actor`.
    pub fn name(self) -> &'static str {
        match self {
            GroupBy::Time(bin) => bin.name(),
            GroupBy::Category(c) => c.name(),
            GroupBy::Actor => "actor",
        }
    }

    /// The grouping called `name`; `season` is by [`Bin::SEASON`].
    pub fn from_name(name: &str) -> Option<GroupBy> {
        GroupBy::all()
            .chain([GroupBy::Time(Bin::SEASON)])
            .find(|g| g.name() == name)
    }

    /// In a sentence: "month", "event type", "actor".
    pub fn label(self) -> String {
        match self {
            GroupBy::Category(c) => c.label(),
            other => crate::engine::i18n::tr(&format!("groupby-label-{}", other.name()), &[]),
        }
    }

    /// Its values are the source's fixed English terms (event types,
    /// sub-types, disorder types), which the page shows in its language.
    pub fn is_term(self) -> bool {
        matches!(
            self,
            GroupBy::Category(
                Category::EventType | Category::SubEventType | Category::DisorderType
            )
        )
    }

    /// A heading over the breakdown: "Event types", "Actors".
    pub fn plural_title(self) -> String {
        match self {
            GroupBy::Category(c) => c.plural_title(),
            GroupBy::Actor => crate::t!("groupby-title-actor"),
            GroupBy::Time(_) => crate::t!("groupby-title-time"),
        }
    }

    /// A form for element ids and test ids: `event-type`, `actor`.
    pub fn slug(self) -> &'static str {
        match self {
            GroupBy::Category(c) => c.slug(),
            other => other.name(),
        }
    }

    /// The time bin, for a time grouping.
    pub fn bin(self) -> Option<Bin> {
        match self {
            GroupBy::Time(bin) => Some(bin),
            _ => None,
        }
    }
}

impl Serialize for GroupBy {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_keys_round_trip_and_are_distinct() {
        for c in Category::ALL {
            assert_eq!(Category::from_name(c.name()), Some(c));
            assert_eq!(Category::from_url_key(c.url_key()), Some(c));
            assert_eq!(Category::ALL[c.index()], c);
        }
        let groups: Vec<GroupBy> = GroupBy::all().collect();
        assert_eq!(groups.len(), 5 + CATEGORIES + 1);
        for g in &groups {
            assert_eq!(GroupBy::from_name(g.name()), Some(*g));
        }
        let mut names: Vec<&str> = groups.iter().map(|g| g.name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), groups.len());
        // The link keys written by earlier versions still read.
        let keys: Vec<&str> = Category::ALL.iter().map(|c| c.url_key()).collect();
        assert_eq!(
            keys,
            ["country", "admin1", "admin2", "admin3", "type", "subtype", "disorder"]
        );
    }

    #[test]
    fn a_map_holds_one_value_per_category() {
        let mut m = CategoryMap::from_fn(|c| c.index() * 10);
        m[Category::Admin2] += 1;
        assert_eq!(m[Category::Admin2], 21);
        assert_eq!(m[Category::DisorderType], 10 * (CATEGORIES - 1));
        let listed: Vec<Category> = m.iter().map(|(c, _)| c).collect();
        assert_eq!(listed, Category::ALL);
    }
}
