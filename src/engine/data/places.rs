//! Places with more than one name: Timbuktu is Tombouctou in French, and
//! older ACLED exports write the French name. The table is the data file
//! `places.csv` (a name, the place it names, and why); category filters
//! and the text search find a place by any of its names. Accents need no
//! entry: names are compared folded ("Ségou" is "Segou").

use crate::engine::data::fold::fold;
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

const PLACES_CSV: &str = include_str!("places.csv");

/// Folded names of each place, and the place of each folded name.
struct PlaceNames {
    places: Vec<Vec<String>>,
    of_name: FxHashMap<String, usize>,
}

static PLACE_NAMES: LazyLock<PlaceNames> = LazyLock::new(|| parse(PLACES_CSV));

fn parse(text: &str) -> PlaceNames {
    let mut table = PlaceNames {
        places: Vec::new(),
        of_name: FxHashMap::default(),
    };
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    for record in reader.records().filter_map(Result::ok) {
        let (Some(name), Some(place)) = (record.get(0), record.get(1)) else {
            continue;
        };
        let (name, place) = (fold(name.trim()), fold(place.trim()));
        if name.is_empty() || place.is_empty() {
            continue;
        }
        let i = match table.of_name.get(&place) {
            Some(&i) => i,
            None => {
                table.places.push(vec![place.clone()]);
                table.of_name.insert(place, table.places.len() - 1);
                table.places.len() - 1
            }
        };
        if !table.places[i].contains(&name) {
            table.places[i].push(name.clone());
        }
        table.of_name.insert(name, i);
    }
    table
}

/// Every name of the place `name` names, folded, itself included:
/// "Tombouctou" -> ["timbuktu", "tombouctou"]; an unknown name is only
/// itself.
pub(crate) fn same_place(name: &str) -> Vec<String> {
    let folded = fold(name.trim());
    match PLACE_NAMES.of_name.get(&folded) {
        Some(&i) => PLACE_NAMES.places[i].clone(),
        None => vec![folded],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_and_english_names_are_one_place() {
        let mut names = same_place("Tombouctou");
        names.sort();
        assert_eq!(names, ["timbuktu", "tombouctou"]);
        assert_eq!(same_place("TIMBUKTU").len(), 2);
        assert_eq!(same_place("Taoudénit").len(), 3);
        assert_eq!(same_place(" Mopti "), ["mopti"]);
    }

    #[test]
    fn every_row_of_the_file_is_read() {
        let rows = PLACES_CSV.lines().skip(1).filter(|l| !l.trim().is_empty());
        for line in rows {
            let name = line.split(',').next().unwrap_or("");
            assert!(PLACE_NAMES.of_name.contains_key(&fold(name)), "{line}");
        }
    }
}
