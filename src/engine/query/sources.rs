//! Two sources side by side (an ACLED export and a UCDP GED file for the
//! same country): the same filters, translated by name into each file
//! (actors through each file's canonical actors), and events and
//! fatalities summed per month, per year or per admin 1 area in each
//! (areas matched by name, "Mopti region" with "Mopti"). Sums only: no event of one source is matched with an event of the
//! other.

use crate::engine::data::date::Bin;
use crate::engine::data::dimension::Category;
use crate::engine::data::store::Store;
use crate::engine::query::group::ComparisonRow;
use crate::engine::query::{Filters, Measures, NOT_STATED};
use rustc_hash::FxHashMap;

/// What the paired sums are grouped by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SourceGrouping {
    Month,
    Year,
    Admin1,
}

impl SourceGrouping {
    pub const ALL: [SourceGrouping; 3] = [
        SourceGrouping::Month,
        SourceGrouping::Year,
        SourceGrouping::Admin1,
    ];

    /// Stable identifier (form values, test ids).
    pub fn name(self) -> &'static str {
        match self {
            SourceGrouping::Month => "month",
            SourceGrouping::Year => "year",
            SourceGrouping::Admin1 => "admin1",
        }
    }

    pub fn from_name(name: &str) -> Option<SourceGrouping> {
        SourceGrouping::ALL.into_iter().find(|g| g.name() == name)
    }

    /// A table's heading: "Month".
    pub fn heading(self) -> String {
        crate::engine::i18n::tr(&format!("sources-heading-{}", self.name()), &[])
    }

    /// In a sentence: "per month".
    pub fn label(self) -> String {
        crate::engine::i18n::tr(&format!("sources-label-{}", self.name()), &[])
    }
}

/// The filters as one source can apply them: the values and filters it
/// has no column or name for are left out, each named in `left_out`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceFilters {
    pub filters: Filters,
    /// Sentences naming what this source's figures do not filter by.
    pub left_out: Vec<String>,
}

/// `filters` for `store`, called `source` in the sentences ("UCDP GED").
/// Areas are found under the name the file gives them ("Mopti region"
/// for "Mopti"). A category this file has no column for, or a value it
/// never uses (an ACLED event type in a UCDP file), cannot be expressed: it is left out
/// of this source's figures and said so. The actor filter goes through
/// the file's canonical actors as it is; when it finds no actor there,
/// that is said too.
pub fn filters_for(store: &Store, filters: &Filters, source: &str) -> SourceFilters {
    let mut out = SourceFilters {
        filters: filters.clone(),
        left_out: Vec::new(),
    };
    for c in Category::ALL {
        let wanted = &filters.categories[c];
        if wanted.is_empty() {
            continue;
        }
        let has_column = store.columns.get(c.column_role()).is_some();
        let mut known = Vec::new();
        let mut unknown = Vec::new();
        for value in wanted {
            match has_column.then(|| own_name(store, c, value)).flatten() {
                Some(name) => known.push(name),
                None => unknown.push(value.clone()),
            }
        }
        // ACLED's types are shown in the page's language, as everywhere.
        let shown = |values: &[String]| -> Vec<String> {
            let is_term = matches!(
                c,
                Category::EventType | Category::SubEventType | Category::DisorderType
            );
            values
                .iter()
                .map(|v| {
                    if is_term {
                        crate::engine::i18n::term_or(v)
                    } else {
                        v.clone()
                    }
                })
                .collect()
        };
        if !has_column {
            out.left_out.push(crate::t!(
                "sources-no-column",
                source = source,
                category = c.label(),
                values = shown(&unknown).join(", "),
            ));
        } else if !unknown.is_empty() {
            let values = shown(&unknown).join(&crate::t!("sources-or"));
            out.left_out.push(if known.is_empty() {
                crate::t!(
                    "sources-no-value-none",
                    source = source,
                    category = c.label(),
                    values = values,
                )
            } else {
                crate::t!(
                    "sources-no-value-some",
                    source = source,
                    category = c.label(),
                    values = values,
                    known = shown(&known).join(", "),
                )
            });
        }
        out.filters.categories[c] = known;
    }
    if filters.civilian_targeting.is_some()
        && store
            .columns
            .get(crate::engine::data::source::ColumnRole::CivilianTargeting)
            .is_none()
    {
        out.filters.civilian_targeting = None;
        out.left_out
            .push(crate::t!("sources-no-civilian", source = source));
    }
    if let Some(actor) = filters.actor.as_deref().filter(|a| !a.trim().is_empty()) {
        let hits = crate::engine::query::state::match_actors(store, actor, filters.uncertain);
        if !hits.iter().any(|&h| h) {
            out.left_out.push(crate::t!(
                "sources-no-actor",
                source = source,
                actor = actor.trim(),
            ));
        }
    }
    out
}

/// The name `store` gives the value `value` of category `c`: the same,
/// or for an area the same name with its kind ("Mopti region" for
/// "Mopti").
fn own_name(store: &Store, c: Category, value: &str) -> Option<String> {
    let names = &store.names[c];
    if names.code(value).is_some() {
        return Some(value.to_string());
    }
    if !c.is_place() && c != Category::Admin3 {
        return None;
    }
    let key = area_key(value);
    names.names().iter().find(|n| area_key(n) == key).cloned()
}

/// Events and fatalities of the rows of each store that `in_view(source,
/// row)` keeps (0: the first store, 1: the second), grouped by `by`, as
/// the rows of a comparison (`a`: the first source, `b`: the second).
/// Months and years run from the first to the last with events in
/// either source, empty ones included; admin 1 areas are matched by name
/// and listed by events in both, most first.
pub fn paired_sums(
    stores: [&Store; 2],
    in_view: impl Fn(usize, usize) -> bool,
    by: SourceGrouping,
) -> (Vec<ComparisonRow>, ComparisonRow) {
    let mut sums: FxHashMap<Key, [Measures; 2]> = FxHashMap::default();
    // An area's name as the first source writes it (else the second).
    let mut area_names: FxHashMap<String, String> = FxHashMap::default();
    let mut total = [Measures::default(); 2];
    for (source, store) in stores.into_iter().enumerate() {
        for row in (0..store.len()).filter(|&r| in_view(source, r)) {
            let key = match by {
                SourceGrouping::Month => Key::Bin(Bin::Month.index(store.date[row])),
                SourceGrouping::Year => Key::Bin(Bin::Year.index(store.date[row])),
                SourceGrouping::Admin1 => {
                    let name = store.name_of(Category::Admin1, row);
                    let key = area_key(name);
                    if !area_names.contains_key(&key) {
                        area_names.insert(key.clone(), name.to_string());
                    }
                    Key::Name(key)
                }
            };
            let fatalities = store.fatalities[row];
            let civilian = store.civilian_fatalities(row);
            sums.entry(key).or_default()[source].add(fatalities, civilian);
            total[source].add(fatalities, civilian);
        }
    }
    let rows = match by {
        SourceGrouping::Month | SourceGrouping::Year => {
            let bin = if by == SourceGrouping::Month {
                Bin::Month
            } else {
                Bin::Year
            };
            let indices = sums.keys().filter_map(|k| match k {
                Key::Bin(i) => Some(*i),
                Key::Name(_) => None,
            });
            let (first, last) = (indices.clone().min(), indices.max());
            match (first, last) {
                (Some(first), Some(last)) => (first..=last)
                    .map(|i| {
                        let [a, b] = sums.get(&Key::Bin(i)).copied().unwrap_or_default();
                        ComparisonRow::new(bin.label(i), a, b)
                    })
                    .collect(),
                _ => Vec::new(),
            }
        }
        SourceGrouping::Admin1 => {
            let mut rows: Vec<ComparisonRow> = sums
                .into_iter()
                .map(|(k, [a, b])| {
                    let name = match k {
                        Key::Name(n) if !n.is_empty() => area_names.get(&n).cloned().unwrap_or(n),
                        _ => NOT_STATED.to_string(),
                    };
                    ComparisonRow::new(name, a, b)
                })
                .collect();
            crate::engine::data::order::sort_by(&mut rows, |x, y| {
                (y.a.events + y.b.events)
                    .cmp(&(x.a.events + x.b.events))
                    .then_with(|| x.key.cmp(&y.key))
            });
            rows
        }
    };
    (rows, ComparisonRow::new("Total".into(), total[0], total[1]))
}

/// An admin 1 area's name as both sources can share it: UCDP GED adds
/// the kind of area ("Mopti region") where ACLED writes the name alone
/// ("Mopti"); case and accents aside.
fn area_key(name: &str) -> String {
    let folded = crate::engine::data::fold::fold(name.trim());
    for suffix in [" region", " province"] {
        if let Some(stem) = folded.strip_suffix(suffix) {
            return stem.trim_end().to_string();
        }
    }
    folded
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Key {
    Bin(i32),
    Name(String),
}
