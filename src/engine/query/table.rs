//! The event table: its columns, the text of each cell, and sorting.
//!
//! Sorting works on ranks, not strings: each dictionary (event types,
//! countries, sides...) is ranked once, so sorting a million rows compares
//! integers. Text sorts case- and accent-insensitively ("Ménaka" next to
//! "Menaka"), then by the exact text; equal keys keep file order in both
//! directions, so a sort is reproducible.

use crate::engine::data::date;
use crate::engine::data::dictionary::NONE;
use crate::engine::data::dimension::Category;
use crate::engine::data::fold::fold;
use crate::engine::data::store::Store;
use std::cmp::Ordering;

/// A column of the event table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    Date,
    /// A categorical dimension's value.
    Category(Category),
    /// Actor 1 with its associated actors.
    Side1,
    /// Actor 2 with its associated actors.
    Side2,
    Location,
    Fatalities,
}

impl Column {
    /// The table's columns, left to right.
    pub const ALL: [Column; 9] = [
        Column::Date,
        Column::Category(Category::EventType),
        Column::Category(Category::SubEventType),
        Column::Side1,
        Column::Side2,
        Column::Category(Category::Country),
        Column::Category(Category::Admin1),
        Column::Location,
        Column::Fatalities,
    ];

    /// The column heading.
    pub fn title(self) -> String {
        match self {
            Column::Date => crate::t!("column-date"),
            Column::Category(Category::EventType) => crate::t!("column-event-type"),
            Column::Category(c) => c.chip_label(),
            Column::Side1 => crate::t!("column-side1"),
            Column::Side2 => crate::t!("column-side2"),
            Column::Location => crate::t!("column-location"),
            Column::Fatalities => crate::t!("measure-fatalities"),
        }
    }

    /// A short stable name (for URLs).
    pub fn name(self) -> &'static str {
        match self {
            Column::Date => "date",
            Column::Category(c) => c.name(),
            Column::Side1 => "side1",
            Column::Side2 => "side2",
            Column::Location => "location",
            Column::Fatalities => "fatalities",
        }
    }

    pub fn from_name(name: &str) -> Option<Column> {
        Column::ALL.into_iter().find(|c| c.name() == name)
    }

    /// Numbers and dates are right-aligned and first sorted largest first.
    pub fn is_numeric(self) -> bool {
        matches!(self, Column::Fatalities)
    }
}

/// How the table is sorted. No key means file order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct SortKey {
    pub column: Column,
    pub descending: bool,
}

impl SortKey {
    /// The sort after clicking the heading of `column`: a new column sorts
    /// ascending (fatalities: descending); the same column flips direction.
    pub fn after_click(current: Option<SortKey>, column: Column) -> SortKey {
        match current {
            Some(key) if key.column == column => SortKey {
                column,
                descending: !key.descending,
            },
            _ => SortKey {
                column,
                descending: column.is_numeric(),
            },
        }
    }
}

/// The text shown in one cell.
pub(crate) fn cell_text(store: &Store, row: usize, column: Column) -> String {
    match column {
        Column::Date => date::format_iso(store.date[row]),
        Column::Category(c) => store.name_of(c, row).to_string(),
        Column::Side1 => store.side_label(store.side1[row]),
        Column::Side2 => store.side_label(store.side2[row]),
        Column::Location => store.location_of(row).to_string(),
        Column::Fatalities => store.fatalities[row].to_string(),
    }
}

/// How two texts compare in the table: folded (case and accents ignored)
/// first, then exactly.
pub fn compare_text(a: &str, b: &str) -> Ordering {
    fold(a).cmp(&fold(b)).then_with(|| a.cmp(b))
}

/// Ranks of the names of a list: equal names get equal ranks. The extra
/// last slot is "no value" (empty text).
fn ranks(names: &[String]) -> Vec<u32> {
    let folded: Vec<String> = names.iter().map(|n| fold(n)).collect();
    let mut order: Vec<usize> = (0..=names.len()).collect();
    let key = |i: usize| -> (&str, &str) {
        match names.get(i) {
            Some(n) => (folded[i].as_str(), n.as_str()),
            None => ("", ""),
        }
    };
    crate::engine::data::order::sort_by(&mut order, |&a, &b| key(a).cmp(&key(b)));
    let mut rank = vec![0u32; names.len() + 1];
    let mut current = 0u32;
    for (i, &slot) in order.iter().enumerate() {
        if i > 0 && key(order[i - 1]) != key(slot) {
            current += 1;
        }
        rank[slot] = current;
    }
    rank
}

/// Sorts `rows` (event indices) by `key`; rows with equal keys keep their
/// relative order (file order for rows from `QueryState::rows`).
pub fn sort_rows(store: &Store, rows: &mut [u32], key: SortKey) {
    let sort_key: Box<dyn Fn(u32) -> u64> = match key.column {
        Column::Date => {
            // Shift so that negative days (before 1970) order correctly.
            Box::new(|r| (i64::from(store.date[r as usize]) - i64::from(i32::MIN)) as u64)
        }
        Column::Fatalities => Box::new(|r| u64::from(store.fatalities[r as usize])),
        Column::Category(c) => {
            let dict = &store.names[c];
            let rank = ranks(dict.names());
            let none = dict.len();
            Box::new(move |r| {
                let slot = store
                    .code_of(c, r as usize)
                    .map_or(none, |code| (code as usize).min(none));
                u64::from(rank[slot])
            })
        }
        Column::Location => {
            let rank = ranks(store.locations.names());
            let none = store.locations.len();
            Box::new(move |r| {
                let code = store.places.location[store.place[r as usize] as usize];
                let slot = if code == NONE {
                    none
                } else {
                    (code as usize).min(none)
                };
                u64::from(rank[slot])
            })
        }
        Column::Side1 | Column::Side2 => {
            let labels: Vec<String> = (0..store.sides.len() as u32)
                .map(|s| store.side_label(s))
                .collect();
            let rank = ranks(&labels);
            let sides = if key.column == Column::Side1 {
                &store.side1
            } else {
                &store.side2
            };
            Box::new(move |r| u64::from(rank[sides[r as usize] as usize]))
        }
    };
    if key.descending {
        crate::engine::data::order::sort_u32_by(rows, |a, b| sort_key(b).cmp(&sort_key(a)));
    } else {
        crate::engine::data::order::sort_u32_by(rows, |a, b| sort_key(a).cmp(&sort_key(b)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::data::dimension::Category;
    use crate::engine::read::import::{import_bytes, ImportOptions};

    const HEADER: &str = "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp";

    /// A synthetic file: dates out of order, accents, case differences,
    /// empty values and ties, so every comparison path is used.
    fn store() -> Store {
        let rows = [
            (
                "2022-03-01",
                "Battles",
                "Armed clash",
                "Zeta",
                "",
                "Civilians",
                "Mali",
                "Mopti",
                "Ménaka",
                5,
            ),
            (
                "2021-01-05",
                "riots",
                "",
                "alpha",
                "Beta",
                "",
                "Niger",
                "Tillabéri",
                "menaka",
                0,
            ),
            (
                "2022-03-01",
                "Battles",
                "Attack",
                "Zeta",
                "Beta",
                "Zeta",
                "Mali",
                "",
                "Gao",
                12,
            ),
            (
                "1969-12-30",
                "Violence against civilians",
                "Attack",
                "Émir",
                "",
                "Civilians",
                "",
                "Ségou",
                "Ségou",
                3,
            ),
            (
                "2023-07-19",
                "Protests",
                "Peaceful protest",
                "",
                "",
                "",
                "Burkina Faso",
                "Sahel",
                "Djibo",
                0,
            ),
            (
                "2021-01-05",
                "Battles",
                "Armed clash",
                "Alpha",
                "",
                "zeta",
                "Mali",
                "mopti",
                "Sévaré",
                12,
            ),
        ];
        let mut csv = String::from(HEADER);
        csv.push('\n');
        for (i, (date, et, sub, a1, assoc1, a2, country, admin1, loc, fat)) in
            rows.iter().enumerate()
        {
            csv.push_str(&format!(
                "SYN{i},{date},2022,1,Political violence,{et},{sub},{a1},{assoc1},1,{a2},,1,11,,466,Western Africa,{country},{admin1},,,{loc},14.1,-3.2,1,synthetic,Other,synthetic row,{fat},,0\n"
            ));
        }
        import_bytes(
            csv.as_bytes(),
            ImportOptions {
                hold_text: true,
                ..ImportOptions::default()
            },
        )
        .expect("synthetic file imports")
        .store
    }

    /// The reference: sort by the shown text (numbers by value), stable.
    fn reference(store: &Store, key: SortKey) -> Vec<u32> {
        let mut rows: Vec<u32> = (0..store.len() as u32).collect();
        let cmp = |a: &u32, b: &u32| -> Ordering {
            let (a, b) = (*a as usize, *b as usize);
            match key.column {
                Column::Fatalities => store.fatalities[a].cmp(&store.fatalities[b]),
                Column::Date => store.date[a].cmp(&store.date[b]),
                c => compare_text(&cell_text(store, a, c), &cell_text(store, b, c)),
            }
        };
        if key.descending {
            rows.sort_by(|a, b| cmp(b, a));
        } else {
            rows.sort_by(cmp);
        }
        rows
    }

    #[test]
    fn every_column_sorts_like_the_reference_in_both_directions() {
        let store = store();
        for column in Column::ALL {
            for descending in [false, true] {
                let key = SortKey { column, descending };
                let mut rows: Vec<u32> = (0..store.len() as u32).collect();
                sort_rows(&store, &mut rows, key);
                assert_eq!(rows, reference(&store, key), "{key:?}");
            }
        }
    }

    #[test]
    fn sorting_a_subset_keeps_only_those_rows() {
        let store = store();
        let mut rows = vec![5, 0, 2];
        sort_rows(
            &store,
            &mut rows,
            SortKey {
                column: Column::Fatalities,
                descending: true,
            },
        );
        // 12, 12 (ties keep the input order: 5 before 2), then 5.
        assert_eq!(rows, vec![5, 2, 0]);
    }

    #[test]
    fn text_ignores_case_and_accents_first() {
        assert_eq!(compare_text("ménaka", "Menaka"), Ordering::Greater);
        assert_eq!(compare_text("Menaka", "Mopti"), Ordering::Less);
        assert_eq!(compare_text("Ségou", "Sevare"), Ordering::Less);
        assert_eq!(compare_text("", "a"), Ordering::Less);
    }

    #[test]
    fn cells_show_sides_and_dates() {
        let store = store();
        assert_eq!(cell_text(&store, 1, Column::Side1), "alpha; Beta");
        assert_eq!(cell_text(&store, 3, Column::Date), "1969-12-30");
        assert_eq!(cell_text(&store, 4, Column::Side1), "");
        assert_eq!(
            cell_text(&store, 1, Column::Category(Category::SubEventType)),
            ""
        );
    }

    #[test]
    fn clicking_a_heading_sorts_then_flips() {
        let first = SortKey::after_click(None, Column::Category(Category::Country));
        assert_eq!(
            first,
            SortKey {
                column: Column::Category(Category::Country),
                descending: false
            }
        );
        let second = SortKey::after_click(Some(first), Column::Category(Category::Country));
        assert!(second.descending);
        let other = SortKey::after_click(Some(second), Column::Fatalities);
        assert_eq!(
            other,
            SortKey {
                column: Column::Fatalities,
                descending: true
            }
        );
        for c in Column::ALL {
            assert_eq!(Column::from_name(c.name()), Some(c));
        }
    }
}
