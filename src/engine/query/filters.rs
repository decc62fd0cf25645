//! What a user asks for: the filters, by name (so they can live in a link
//! and apply to any file), and the dimensions they are checked on.

use crate::engine::data::date::Day;
use serde::{Deserialize, Serialize};

/// Which role(s) an actor filter looks at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default, Hash)]
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
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, Hash)]
pub struct Filters {
    /// Inclusive date range.
    pub from: Option<Day>,
    pub to: Option<Day>,
    /// Months of the year, inclusive, 1-12; `(11, 2)` wraps over the new year.
    pub months: Option<(u8, u8)>,
    pub countries: Vec<String>,
    pub admin1: Vec<String>,
    pub admin2: Vec<String>,
    pub event_types: Vec<String>,
    pub sub_event_types: Vec<String>,
    pub disorder_types: Vec<String>,
    /// A canonical actor, a raw actor name, or a fragment of a name
    /// (case- and accent-insensitive).
    pub actor: Option<String>,
    pub role: Role,
    /// With `actor`: only events where this actor is on the same side.
    pub alongside: Option<String>,
    pub fatalities_min: Option<u32>,
    pub fatalities_max: Option<u32>,
    pub civilian_targeting: Option<bool>,
    /// Words to find in the location names or the notes.
    pub text: Option<String>,
}

/// The filter dimensions, one bit each.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Dim {
    Date = 0,
    Months,
    Country,
    Admin1,
    Admin2,
    EventType,
    SubEventType,
    Disorder,
    Actor,
    Fatalities,
    Civilian,
    Text,
}

impl Dim {
    pub const ALL: [Dim; 12] = [
        Dim::Date,
        Dim::Months,
        Dim::Country,
        Dim::Admin1,
        Dim::Admin2,
        Dim::EventType,
        Dim::SubEventType,
        Dim::Disorder,
        Dim::Actor,
        Dim::Fatalities,
        Dim::Civilian,
        Dim::Text,
    ];

    pub fn bit(self) -> u16 {
        1 << self as u8
    }

    /// True when this dimension's part of `a` and `b` is the same.
    pub(crate) fn same(self, a: &Filters, b: &Filters) -> bool {
        match self {
            Dim::Date => a.from == b.from && a.to == b.to,
            Dim::Months => a.months == b.months,
            Dim::Country => a.countries == b.countries,
            Dim::Admin1 => a.admin1 == b.admin1,
            Dim::Admin2 => a.admin2 == b.admin2,
            Dim::EventType => a.event_types == b.event_types,
            Dim::SubEventType => a.sub_event_types == b.sub_event_types,
            Dim::Disorder => a.disorder_types == b.disorder_types,
            Dim::Actor => a.actor == b.actor && a.role == b.role && a.alongside == b.alongside,
            Dim::Fatalities => {
                a.fatalities_min == b.fatalities_min && a.fatalities_max == b.fatalities_max
            }
            Dim::Civilian => a.civilian_targeting == b.civilian_targeting,
            Dim::Text => a.text == b.text,
        }
    }
}

impl Filters {
    pub(crate) fn fails_text_pending(&self) -> bool {
        false
    }

    /// True when no filter is set.
    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }
}
