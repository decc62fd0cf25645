//! Canonical actors. ACLED renames state forces with each government
//! ("Military Forces of Mali (2013-2020)", "(2021-)"), UCDP says
//! "Government of Mali", and armed groups change names. An [`AliasTable`]
//! folds such names to one canonical actor so a query says
//! "Malian state forces" once. The built-in table covers the Sahel's main
//! actors; users add their own entries.

use crate::engine::data::dictionary::{Dictionary, NONE};
use crate::engine::data::fold::fold;
use crate::engine::data::sides::Sides;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

/// One canonical actor and the names that mean it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AliasEntry {
    pub canonical: String,
    pub aliases: Vec<String>,
}

/// Names that fold to a canonical actor. A raw name matches an alias when,
/// after dropping a period suffix like "(2021-)" and folding case and
/// accents, it equals the alias or starts with the alias followed by ":"
/// (ACLED writes "JNIM: Group for Support of Islam and Muslims").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AliasTable {
    pub entries: Vec<AliasEntry>,
}

impl Default for AliasTable {
    fn default() -> Self {
        AliasTable::sahel()
    }
}

impl AliasTable {
    pub fn empty() -> Self {
        AliasTable {
            entries: Vec::new(),
        }
    }

    /// The built-in table for the central Sahel.
    pub fn sahel() -> Self {
        let table: &[(&str, &[&str])] = &[
            (
                "Malian state forces",
                &[
                    "Military Forces of Mali",
                    "Police Forces of Mali",
                    "Government of Mali",
                    "Gendarmerie of Mali",
                    "National Guard of Mali",
                ],
            ),
            (
                "Wagner Group / Africa Corps",
                &[
                    "Wagner Group",
                    "Wagner",
                    "Africa Corps",
                    "Russian Africa Corps",
                    "Wagner Group (Russia)",
                ],
            ),
            (
                "JNIM",
                &[
                    "JNIM",
                    "Group for Support of Islam and Muslims",
                    "Jama'at Nusrat al-Islam wal-Muslimin",
                    "Jama'a Nusrat ul-Islam wa al-Muslimin",
                    "Katiba Macina",
                    "Katiba Serma",
                    "Katiba Gourma",
                    "Katiba Hanifa",
                    "Katiba Khalid Ibn Walid",
                    "Macina Liberation Front",
                    "FLM",
                    "Ansar Dine",
                    "Al Mourabitoune",
                ],
            ),
            (
                "Islamic State Sahel",
                &[
                    "Islamic State (Sahel)",
                    "Islamic State (Greater Sahara)",
                    "Islamic State Sahel Province",
                    "Islamic State in the Greater Sahara",
                    "Islamic State Greater Sahara",
                    "ISGS",
                    "IS Sahel",
                    "ISSP",
                ],
            ),
            (
                "MINUSMA",
                &[
                    "MINUSMA",
                    "United Nations Multidimensional Integrated Stabilization Mission in Mali",
                ],
            ),
            (
                "French forces",
                &[
                    "Military Forces of France",
                    "Government of France",
                    "Operation Barkhane",
                    "Operation Serval",
                ],
            ),
            (
                "Dozo militias",
                &[
                    "Dozo Communal Militia (Mali)",
                    "Dozo Communal Militia",
                    "Dozo Militia",
                    "Dan Na Ambassagou",
                ],
            ),
            (
                "CMA/CSP",
                &[
                    "CMA",
                    "Coordination of Azawad Movements",
                    "CSP-PSD",
                    "CSP-DPA",
                    "CSP",
                    "Permanent Strategic Framework for Peace, Security and Development",
                    "MNLA",
                    "HCUA",
                    "MAA",
                    "FLA",
                    "Azawad Liberation Front",
                ],
            ),
        ];
        AliasTable {
            entries: table
                .iter()
                .map(|(canonical, aliases)| AliasEntry {
                    canonical: canonical.to_string(),
                    aliases: aliases.iter().map(|a| a.to_string()).collect(),
                })
                .collect(),
        }
    }

    /// Adds `alias` to `canonical`, creating the canonical actor if new.
    pub fn add(&mut self, alias: &str, canonical: &str) {
        let alias = alias.trim().to_string();
        let canonical = canonical.trim();
        if alias.is_empty() || canonical.is_empty() {
            return;
        }
        match self.entries.iter_mut().find(|e| e.canonical == canonical) {
            Some(entry) => {
                if !entry.aliases.contains(&alias) {
                    entry.aliases.push(alias);
                }
            }
            None => self.entries.push(AliasEntry {
                canonical: canonical.to_string(),
                aliases: vec![alias],
            }),
        }
    }

    fn matcher(&self) -> FxHashMap<String, usize> {
        let mut keys = FxHashMap::default();
        for (i, entry) in self.entries.iter().enumerate() {
            keys.insert(fold(strip_period_suffix(&entry.canonical)), i);
            for alias in &entry.aliases {
                keys.insert(fold(strip_period_suffix(alias)), i);
            }
        }
        keys
    }

    /// The canonical name of a raw actor name.
    pub fn canonical_name(&self, raw: &str) -> String {
        canonical_with(&self.matcher(), self, raw)
    }
}

fn canonical_with(keys: &FxHashMap<String, usize>, table: &AliasTable, raw: &str) -> String {
    let stripped = strip_period_suffix(raw);
    let key = fold(stripped);
    let hit = keys.get(&key).or_else(|| {
        key.split_once(':')
            .and_then(|(head, _)| keys.get(head.trim()))
    });
    match hit {
        Some(&i) => table.entries[i].canonical.clone(),
        None => stripped.to_string(),
    }
}

/// Drops a trailing period suffix: "Military Forces of Mali (2021-)" ->
/// "Military Forces of Mali". Other parentheses ("Civilians (Mali)") stay.
pub fn strip_period_suffix(name: &str) -> &str {
    let name = name.trim();
    let Some(open) = name.rfind(" (") else {
        return name;
    };
    let Some(inner) = name[open + 2..].strip_suffix(')') else {
        return name;
    };
    let is_period = match inner.split_once('-') {
        Some((from, to)) => {
            from.len() == 4
                && from.bytes().all(|b| b.is_ascii_digit())
                && (to.is_empty() || (to.len() == 4 && to.bytes().all(|b| b.is_ascii_digit())))
        }
        None => false,
    };
    if is_period {
        name[..open].trim_end()
    } else {
        name
    }
}

/// The canonical view of a store's actors: a canonical code per raw actor,
/// and per side the distinct canonical actors on it.
#[derive(Clone, Debug, Default)]
pub struct Canonical {
    pub names: Vec<String>,
    /// Raw actor code -> canonical code.
    pub of_actor: Vec<u32>,
    side_offsets: Vec<u32>,
    side_members: Vec<u32>,
    codes: FxHashMap<String, u32>,
}

impl Canonical {
    pub fn build(actors: &Dictionary, sides: &Sides, table: &AliasTable) -> Canonical {
        let keys = table.matcher();
        let mut canonical = Canonical::default();
        for raw in actors.names() {
            let name = canonical_with(&keys, table, raw);
            let next = canonical.names.len() as u32;
            let code = *canonical.codes.entry(name.clone()).or_insert(next);
            if code == next {
                canonical.names.push(name);
            }
            canonical.of_actor.push(code);
        }
        canonical.side_offsets.push(0);
        let mut members = Vec::new();
        for side in 0..sides.len() as u32 {
            members.clear();
            members.extend(
                sides
                    .members(side)
                    .filter(|&a| a != NONE)
                    .map(|a| canonical.of_actor[a as usize]),
            );
            members.sort_unstable();
            members.dedup();
            canonical.side_members.extend_from_slice(&members);
            canonical
                .side_offsets
                .push(canonical.side_members.len() as u32);
        }
        canonical
    }

    /// Distinct canonical actors on a side.
    pub fn side(&self, side: u32) -> &[u32] {
        let i = side as usize;
        match (self.side_offsets.get(i), self.side_offsets.get(i + 1)) {
            (Some(&a), Some(&b)) => &self.side_members[a as usize..b as usize],
            _ => &[],
        }
    }

    pub fn code(&self, name: &str) -> Option<u32> {
        self.codes.get(name.trim()).copied()
    }

    pub fn name(&self, code: u32) -> &str {
        self.names.get(code as usize).map_or("", String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_only_period_suffixes() {
        let cases = [
            ("Military Forces of Mali (2021-)", "Military Forces of Mali"),
            (
                "Military Forces of Mali (2013-2020)",
                "Military Forces of Mali",
            ),
            ("Civilians (Mali)", "Civilians (Mali)"),
            (
                "Dozo Communal Militia (Mali)",
                "Dozo Communal Militia (Mali)",
            ),
            ("Wagner Group", "Wagner Group"),
            ("Odd (12-)", "Odd (12-)"),
        ];
        for (raw, want) in cases {
            assert_eq!(strip_period_suffix(raw), want, "{raw}");
        }
    }

    #[test]
    fn sahel_table_folds_acled_and_ucdp_names() {
        let t = AliasTable::sahel();
        let cases = [
            ("Military Forces of Mali (2021-)", "Malian state forces"),
            ("Military Forces of Mali (2013-2020)", "Malian state forces"),
            ("Government of Mali", "Malian state forces"),
            ("Wagner Group", "Wagner Group / Africa Corps"),
            ("Africa Corps", "Wagner Group / Africa Corps"),
            ("JNIM: Group for Support of Islam and Muslims", "JNIM"),
            ("Katiba Macina", "JNIM"),
            ("Islamic State (Greater Sahara)", "Islamic State Sahel"),
            ("Islamic State (Sahel)", "Islamic State Sahel"),
            (
                "MINUSMA: United Nations Multidimensional Integrated Stabilization Mission in Mali (2013-2023)",
                "MINUSMA",
            ),
            ("Military Forces of France (2017-)", "French forces"),
            ("CSP-PSD: Permanent Strategic Framework for Peace, Security and Development", "CMA/CSP"),
            ("Dozo Communal Militia (Mali)", "Dozo militias"),
            ("Military Forces of Burkina Faso (2022-)", "Military Forces of Burkina Faso"),
            ("Civilians (Mali)", "Civilians (Mali)"),
        ];
        for (raw, want) in cases {
            assert_eq!(t.canonical_name(raw), want, "{raw}");
        }
    }

    #[test]
    fn user_entries_extend_the_table() {
        let mut t = AliasTable::sahel();
        t.add("Communal Militia (Menaka)", "Ménaka self-defence groups");
        assert_eq!(
            t.canonical_name("Communal Militia (Ménaka)"),
            "Ménaka self-defence groups"
        );
        t.add("Africa Corps", "Wagner Group / Africa Corps");
        assert_eq!(
            t.entries
                .iter()
                .filter(|e| e.canonical == "Wagner Group / Africa Corps")
                .count(),
            1
        );
    }
}
