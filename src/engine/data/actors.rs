//! Canonical actors. ACLED renames state forces with each government
//! ("Military Forces of Mali (2013-2020)", "(2021-)"), UCDP says
//! "Government of Mali", and armed groups change names: ACLED's Islamic
//! State in the Sahel was "Islamic State (Greater Sahara)", then "Islamic
//! State (West Africa) - Greater Sahara Faction", then "Islamic State
//! (Sahel)". An [`AliasTable`] folds such names to one canonical actor so a
//! query says "Islamic State Sahel" once. The built-in table is the data
//! file `aliases.csv` (raw name, canonical actor, the countries a row is
//! limited to, and where the name comes from); users add their own entries
//! ([`UserAlias`]).
//!
//! ACLED writes "X and/or Y" when it could not tell which of two actors
//! acted. Such a name is an *uncertain attribution*: it folds to neither X
//! nor Y but to a canonical actor of its own, "X or Y (uncertain)", which
//! remembers both ([`Canonical::alternatives`]).

use crate::engine::data::dictionary::{Dictionary, NONE};
use crate::engine::data::fold::fold;
use crate::engine::data::sides::Sides;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::cell::Cell;
use std::sync::LazyLock;

/// One row of the built-in table, as the data file writes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct AliasRow {
    pub raw: String,
    pub canonical: String,
    /// The row folds a raw actor only when every event naming it is in one
    /// of these countries; empty: anywhere.
    pub only_in: Vec<String>,
    /// Where the name comes from.
    pub why: String,
}

const ALIASES_CSV: &str = include_str!("aliases.csv");

static BUILTIN_ROWS: LazyLock<Vec<AliasRow>> = LazyLock::new(|| parse_rows(ALIASES_CSV));

/// The rows of the built-in table (`aliases.csv`), parsed once.
pub(crate) fn builtin_rows() -> &'static [AliasRow] {
    &BUILTIN_ROWS
}

fn parse_rows(text: &str) -> Vec<AliasRow> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    reader
        .records()
        .filter_map(Result::ok)
        .filter_map(|record| {
            let field = |i: usize| record.get(i).map_or("", str::trim);
            let (raw, canonical) = (field(0), field(1));
            if raw.is_empty() || canonical.is_empty() {
                return None;
            }
            Some(AliasRow {
                raw: raw.to_string(),
                canonical: canonical.to_string(),
                only_in: field(2)
                    .split(';')
                    .map(str::trim)
                    .filter(|c| !c.is_empty())
                    .map(str::to_string)
                    .collect(),
                why: field(3).to_string(),
            })
        })
        .collect()
}

/// A name that means a canonical actor.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alias {
    pub name: String,
    /// See [`AliasRow::only_in`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub only_in: Vec<String>,
}

/// One canonical actor and the names that mean it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AliasEntry {
    pub canonical: String,
    pub aliases: Vec<Alias>,
}

/// Names that fold to a canonical actor. A raw name matches an alias when,
/// after dropping a period suffix like "(2021-)" and folding case and
/// accents, it equals the alias; failing that, when the part before a
/// period in the middle ("Police Forces of Mali (2021-) Gendarmerie") or
/// before ":" (ACLED writes "JNIM: Group for Support of Islam and Muslims")
/// does.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AliasTable {
    pub entries: Vec<AliasEntry>,
}

impl Default for AliasTable {
    fn default() -> Self {
        AliasTable::builtin()
    }
}

/// A name the user folds into a canonical actor of their choosing (the
/// command line's `--alias`, the link's `alias=`, the page's dialog).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct UserAlias {
    pub raw: String,
    pub canonical: String,
}

impl UserAlias {
    /// Both names trimmed; `None` when either is empty.
    pub fn new(raw: &str, canonical: &str) -> Option<UserAlias> {
        let (raw, canonical) = (raw.trim(), canonical.trim());
        (!raw.is_empty() && !canonical.is_empty()).then(|| UserAlias {
            raw: raw.to_string(),
            canonical: canonical.to_string(),
        })
    }
}

impl AliasTable {
    pub fn empty() -> Self {
        AliasTable {
            entries: Vec::new(),
        }
    }

    /// The built-in table for the central Sahel, from `aliases.csv`.
    pub fn builtin() -> Self {
        static TABLE: LazyLock<AliasTable> = LazyLock::new(|| {
            let mut table = AliasTable::empty();
            for row in builtin_rows() {
                table.entry(&row.canonical).aliases.push(Alias {
                    name: row.raw.clone(),
                    only_in: row.only_in.clone(),
                });
            }
            table
        });
        TABLE.clone()
    }

    fn entry(&mut self, canonical: &str) -> &mut AliasEntry {
        let i = match self.entries.iter().position(|e| e.canonical == canonical) {
            Some(i) => i,
            None => {
                self.entries.push(AliasEntry {
                    canonical: canonical.to_string(),
                    aliases: Vec::new(),
                });
                self.entries.len() - 1
            }
        };
        &mut self.entries[i]
    }

    /// Folds `alias` into `canonical`, creating the canonical actor if new.
    /// The alias leaves any other canonical actor it was in: the user's
    /// word wins over the table's.
    pub fn add(&mut self, alias: &str, canonical: &str) {
        let Some(user) = UserAlias::new(alias, canonical) else {
            return;
        };
        let key = key(&user.raw);
        for entry in &mut self.entries {
            entry.aliases.retain(|a| self::key(&a.name) != key);
        }
        self.entry(&user.canonical).aliases.push(Alias {
            name: user.raw,
            only_in: Vec::new(),
        });
    }

    /// This table with the user's aliases added.
    pub(crate) fn with_user(&self, user: &[UserAlias]) -> AliasTable {
        let mut table = self.clone();
        for alias in user {
            table.add(&alias.raw, &alias.canonical);
        }
        table
    }

    #[cfg(test)]
    /// The canonical name of a raw actor name, where rows limited to some
    /// countries do not apply.
    pub(crate) fn canonical_name(&self, raw: &str) -> String {
        Matcher::new(self).resolve(raw, &|_| false).name()
    }

    /// The canonical name of a raw actor name whose events are all in
    /// `countries`.
    #[cfg(test)]
    pub(crate) fn canonical_name_in(&self, raw: &str, countries: &[&str]) -> String {
        let countries: Vec<String> = countries.iter().map(|c| c.to_string()).collect();
        Matcher::new(self)
            .resolve(raw, &|only_in| within(&countries, only_in))
            .name()
    }

    /// Raw actors whose canonical name depends on where they acted (a row
    /// limited to some countries applies to them): the store supplies their
    /// countries to [`Canonical::build_with`].
    pub(crate) fn limited_actors(&self, actors: &Dictionary) -> Vec<u32> {
        let matcher = Matcher::new(self);
        if !self
            .entries
            .iter()
            .any(|e| e.aliases.iter().any(|a| !a.only_in.is_empty()))
        {
            return Vec::new();
        }
        let asked = Cell::new(false);
        let record = |_: &[String]| {
            asked.set(true);
            false
        };
        (0..actors.len() as u32)
            .filter(|&a| {
                asked.set(false);
                matcher.resolve(actors.name(a), &record);
                asked.get()
            })
            .collect()
    }
}

/// True when there are `countries` and each is one of `only_in` (case- and
/// accent-insensitive).
fn within(countries: &[String], only_in: &[String]) -> bool {
    !countries.is_empty()
        && countries
            .iter()
            .all(|c| only_in.iter().any(|o| fold(o.trim()) == fold(c.trim())))
}

/// The folded form names are compared in.
fn key(name: &str) -> String {
    fold(strip_period_suffix(name))
}

/// What a raw actor name folds to.
#[derive(Clone, Debug, PartialEq)]
enum Resolved {
    Certain(String),
    /// "X and/or Y": the canonical actors it may be, as written, distinct.
    Uncertain(Vec<String>),
}

impl Resolved {
    #[cfg(test)]
    fn name(&self) -> String {
        match self {
            Resolved::Certain(name) => name.clone(),
            Resolved::Uncertain(names) => uncertain_name(names),
        }
    }
}

/// "JNIM or Islamic State Sahel (uncertain)".
fn uncertain_name(names: &[String]) -> String {
    format!("{} (uncertain)", names.join(" or "))
}

/// A table's names by folded key.
struct Matcher<'t> {
    table: &'t AliasTable,
    /// Folded name -> (entry, alias; `None` for the canonical name itself).
    keys: FxHashMap<String, (usize, Option<usize>)>,
}

impl<'t> Matcher<'t> {
    fn new(table: &'t AliasTable) -> Self {
        let mut keys = FxHashMap::default();
        // Canonical names first, so an alias (the user's above all) that
        // spells another actor's canonical name takes it over.
        for (e, entry) in table.entries.iter().enumerate() {
            keys.insert(key(&entry.canonical), (e, None));
        }
        for (e, entry) in table.entries.iter().enumerate() {
            for (a, alias) in entry.aliases.iter().enumerate() {
                keys.insert(key(&alias.name), (e, Some(a)));
            }
        }
        Matcher { table, keys }
    }

    /// The canonical name `key` means; `allowed` says whether a row limited
    /// to some countries applies.
    fn lookup(&self, key: &str, allowed: &dyn Fn(&[String]) -> bool) -> Option<&'t str> {
        let &(e, alias) = self.keys.get(key)?;
        let entry = &self.table.entries[e];
        if let Some(a) = alias {
            let only_in = &entry.aliases[a].only_in;
            if !only_in.is_empty() && !allowed(only_in) {
                return None;
            }
        }
        Some(entry.canonical.as_str())
    }

    /// The canonical name of one actor's name (no "and/or").
    fn single(&self, name: &str, allowed: &dyn Fn(&[String]) -> bool) -> String {
        let stripped = strip_period_suffix(name);
        let key = fold(stripped);
        let hit = self
            .lookup(&key, allowed)
            .or_else(|| unit_head(stripped).and_then(|head| self.lookup(&fold(head), allowed)))
            .or_else(|| {
                key.split_once(':')
                    .and_then(|(head, _)| self.lookup(head.trim(), allowed))
            });
        hit.map_or_else(|| stripped.to_string(), str::to_string)
    }

    fn resolve(&self, raw: &str, allowed: &dyn Fn(&[String]) -> bool) -> Resolved {
        // A name the table (or the user) folds as a whole wins over reading
        // it as an uncertain attribution.
        if let Some(name) = self.lookup(&key(raw), allowed) {
            return Resolved::Certain(name.to_string());
        }
        let parts = split_and_or(raw);
        if parts.len() < 2 {
            return Resolved::Certain(self.single(raw, allowed));
        }
        let mut names: Vec<String> = Vec::new();
        for part in parts {
            let name = self.single(part, allowed);
            if !names.contains(&name) {
                names.push(name);
            }
        }
        match names.len() {
            // "Katiba Macina and/or JNIM" is JNIM either way.
            1 => Resolved::Certain(names.remove(0)),
            _ => Resolved::Uncertain(names),
        }
    }
}

/// The actors of an "X and/or Y" name; one part for other names.
fn split_and_or(name: &str) -> Vec<&str> {
    const SEPARATOR: &[u8] = b" and/or ";
    let bytes = name.as_bytes();
    let mut parts = Vec::new();
    let (mut start, mut i) = (0, 0);
    while i + SEPARATOR.len() <= bytes.len() {
        // The separator is ASCII, so `i` and the end of a match are
        // character boundaries.
        if bytes[i..i + SEPARATOR.len()].eq_ignore_ascii_case(SEPARATOR) {
            parts.push(name[start..i].trim());
            i += SEPARATOR.len();
            start = i;
        } else {
            i += 1;
        }
    }
    parts.push(name[start..].trim());
    parts.retain(|p| !p.is_empty());
    parts
}

/// "2013-2020" or "2021-".
fn is_period(inner: &str) -> bool {
    let digits = |s: &str| s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit());
    match inner.split_once('-') {
        Some((from, to)) => digits(from) && (to.is_empty() || digits(to)),
        None => false,
    }
}

/// Drops a trailing period suffix: "Military Forces of Mali (2021-)" ->
/// "Military Forces of Mali". Other parentheses ("Civilians (Mali)") stay.
pub(crate) fn strip_period_suffix(name: &str) -> &str {
    let name = name.trim();
    let Some(open) = name.rfind(" (") else {
        return name;
    };
    match name[open + 2..].strip_suffix(')') {
        Some(inner) if is_period(inner) => name[..open].trim_end(),
        _ => name,
    }
}

/// The name before a period followed by more words, as ACLED names units
/// of a force: "Police Forces of Mali (2021-) Gendarmerie" -> "Police
/// Forces of Mali".
fn unit_head(name: &str) -> Option<&str> {
    name.match_indices(" (").find_map(|(open, _)| {
        let rest = &name[open + 2..];
        let close = rest.find(')')?;
        (is_period(&rest[..close]) && !rest[close + 1..].trim().is_empty())
            .then(|| name[..open].trim_end())
    })
}

/// Countries each raw actor acted in, for the actors
/// [`AliasTable::limited_actors`] lists.
pub(crate) type ActorCountries = FxHashMap<u32, Vec<String>>;

/// A [`Canonical`] taken apart ([`Canonical::into_parts`]).
pub(crate) struct CanonicalParts {
    pub names: Vec<String>,
    pub of_actor: Vec<u32>,
    pub alternatives: Vec<Vec<u32>>,
    pub side_offsets: Vec<u32>,
    pub side_members: Vec<u32>,
    pub base: AliasTable,
    pub user: Vec<UserAlias>,
}

/// The canonical view of a store's actors: a canonical code per raw actor,
/// and per side the distinct canonical actors on it.
#[derive(Clone, Debug, Default)]
pub struct Canonical {
    pub names: Vec<String>,
    /// Raw actor code -> canonical code.
    pub of_actor: Vec<u32>,
    /// Per canonical code: the canonical actors an uncertain attribution
    /// may be; empty for the others.
    alternatives: Vec<Vec<u32>>,
    side_offsets: Vec<u32>,
    side_members: Vec<u32>,
    codes: FxHashMap<String, u32>,
    /// Folded alias -> canonical code, for queries typed as an alias
    /// ("FAMa"); only actors of this store, only rows not limited to some
    /// countries.
    search: FxHashMap<String, u32>,
    /// The table the store was folded with, and the user's aliases on top.
    base: AliasTable,
    user: Vec<UserAlias>,
}

impl Canonical {
    /// Folds `actors` with `table`. Rows limited to some countries do not
    /// apply: no places are known here (see [`Canonical::build_with`]).
    pub fn build(actors: &Dictionary, sides: &Sides, table: &AliasTable) -> Canonical {
        Canonical::build_with(
            actors,
            sides,
            table.clone(),
            Vec::new(),
            &ActorCountries::default(),
        )
    }

    /// Folds `actors` with `base` and the user's aliases on top;
    /// `countries` holds where each of [`AliasTable::limited_actors`] acted.
    pub(crate) fn build_with(
        actors: &Dictionary,
        sides: &Sides,
        base: AliasTable,
        user: Vec<UserAlias>,
        countries: &ActorCountries,
    ) -> Canonical {
        let table = base.with_user(&user);
        let matcher = Matcher::new(&table);
        let mut canonical = Canonical {
            base,
            user,
            ..Canonical::default()
        };
        let mut uncertain: FxHashMap<Vec<u32>, u32> = FxHashMap::default();
        for (a, raw) in actors.names().iter().enumerate() {
            let where_ = countries.get(&(a as u32));
            let allowed = |only_in: &[String]| where_.is_some_and(|c| within(c, only_in));
            let code = match matcher.resolve(raw, &allowed) {
                Resolved::Certain(name) => canonical.intern(name),
                Resolved::Uncertain(names) => {
                    let parts: Vec<u32> =
                        names.iter().map(|n| canonical.intern(n.clone())).collect();
                    let mut set = parts.clone();
                    crate::engine::data::order::sort_u32_by(&mut set, |a, b| a.cmp(&b));
                    // "Y and/or X" is the same doubt as "X and/or Y".
                    match uncertain.get(&set) {
                        Some(&code) => code,
                        None => {
                            let code = canonical.intern(uncertain_name(&names));
                            canonical.alternatives[code as usize] = parts;
                            uncertain.insert(set, code);
                            code
                        }
                    }
                }
            };
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
            crate::engine::data::order::sort_u32_by(&mut members, |a, b| a.cmp(&b));
            members.dedup();
            canonical.side_members.extend_from_slice(&members);
            canonical
                .side_offsets
                .push(canonical.side_members.len() as u32);
        }
        canonical.index_search(&table);
        canonical
    }

    /// Fills [`Canonical::search`] from `table` (the base table with the
    /// user's aliases on top).
    fn index_search(&mut self, table: &AliasTable) {
        for entry in &table.entries {
            let Some(code) = self.code(&entry.canonical) else {
                continue;
            };
            let names = entry.aliases.iter().filter(|a| a.only_in.is_empty());
            for name in std::iter::once(&entry.canonical).chain(names.map(|a| &a.name)) {
                self.search.insert(key(name), code);
            }
        }
    }

    /// Everything but the lookup maps, which [`Canonical::from_parts`]
    /// builds again from it.
    pub(crate) fn into_parts(self) -> CanonicalParts {
        CanonicalParts {
            names: self.names,
            of_actor: self.of_actor,
            alternatives: self.alternatives,
            side_offsets: self.side_offsets,
            side_members: self.side_members,
            base: self.base,
            user: self.user,
        }
    }

    /// The canonical view from [`Canonical::into_parts`]; the caller has
    /// checked the codes and offsets. The name index and the alias search
    /// are built again, inserting in the order [`Canonical::build_with`]
    /// did, so they are the same maps: one insert per canonical actor, and
    /// one fold per name of the alias table (about a hundred rows, plus
    /// the user's).
    pub(crate) fn from_parts(parts: CanonicalParts) -> Canonical {
        let mut codes = FxHashMap::default();
        for (i, name) in parts.names.iter().enumerate() {
            codes.entry(name.clone()).or_insert(i as u32);
        }
        let mut canonical = Canonical {
            names: parts.names,
            of_actor: parts.of_actor,
            alternatives: parts.alternatives,
            side_offsets: parts.side_offsets,
            side_members: parts.side_members,
            codes,
            search: FxHashMap::default(),
            base: parts.base,
            user: parts.user,
        };
        let table = canonical.base.with_user(&canonical.user);
        canonical.index_search(&table);
        canonical
    }

    fn intern(&mut self, name: String) -> u32 {
        let next = self.names.len() as u32;
        let code = *self.codes.entry(name.clone()).or_insert(next);
        if code == next {
            self.names.push(name);
            self.alternatives.push(Vec::new());
        }
        code
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

    /// For an uncertain attribution, the canonical actors it may be (as
    /// written); empty for any other actor.
    pub fn alternatives(&self, code: u32) -> &[u32] {
        self.alternatives
            .get(code as usize)
            .map_or(&[], Vec::as_slice)
    }

    pub fn is_uncertain(&self, code: u32) -> bool {
        !self.alternatives(code).is_empty()
    }

    /// The canonical actor of this store that `name` is an alias of
    /// ("FAMa" -> Malian state forces).
    pub(crate) fn alias_code(&self, name: &str) -> Option<u32> {
        self.search.get(&key(name)).copied()
    }

    /// Every folded alias of an actor of this store, with its canonical
    /// code.
    pub(crate) fn search_aliases(&self) -> impl Iterator<Item = (&str, u32)> {
        self.search.iter().map(|(k, &c)| (k.as_str(), c))
    }

    /// The table the store was folded with, before the user's aliases.
    pub fn base(&self) -> &AliasTable {
        &self.base
    }

    /// The user's aliases the store was folded with.
    pub(crate) fn user_aliases(&self) -> &[UserAlias] {
        &self.user
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
        let t = AliasTable::builtin();
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
            // The table now folds Burkinabe forces too (it used to keep
            // the raw name without its period).
            ("Military Forces of Burkina Faso (2022-)", "Burkinabe state forces"),
            ("Civilians (Mali)", "Civilians (Mali)"),
        ];
        for (raw, want) in cases {
            assert_eq!(t.canonical_name(raw), want, "{raw}");
        }
    }

    #[test]
    fn every_line_of_the_data_file_is_a_row_with_a_source() {
        let lines = ALIASES_CSV.lines().filter(|l| !l.trim().is_empty()).count();
        assert_eq!(builtin_rows().len(), lines - 1, "a row did not parse");
        for row in builtin_rows() {
            assert!(!row.why.is_empty(), "{} has no why", row.raw);
        }
    }

    #[test]
    fn every_name_in_the_data_file_maps_as_the_file_says() {
        let t = AliasTable::builtin();
        for row in builtin_rows() {
            let countries: Vec<&str> = row.only_in.iter().map(String::as_str).collect();
            assert_eq!(
                t.canonical_name_in(&row.raw, &countries),
                row.canonical,
                "{}",
                row.raw
            );
        }
        // No name is claimed by two canonical actors.
        let mut seen: FxHashMap<String, &str> = FxHashMap::default();
        for row in builtin_rows() {
            if let Some(other) = seen.insert(key(&row.raw), &row.canonical) {
                assert_eq!(other, row.canonical, "{}", row.raw);
            }
        }
    }

    #[test]
    fn rows_limited_to_some_countries_fold_only_there() {
        let t = AliasTable::builtin();
        assert_eq!(t.canonical_name_in("IS", &["Mali"]), "Islamic State Sahel");
        assert_eq!(
            t.canonical_name_in("IS", &["Mali", "Burkina Faso"]),
            "Islamic State Sahel"
        );
        assert_eq!(t.canonical_name_in("IS", &["Mali", "Niger"]), "IS");
        assert_eq!(t.canonical_name_in("IS", &["Iraq"]), "IS");
        assert_eq!(t.canonical_name_in("IS", &[]), "IS");
        assert_eq!(t.canonical_name("IS"), "IS");
    }

    #[test]
    fn malian_forces_fold_in_every_period_and_unit() {
        let t = AliasTable::builtin();
        for raw in [
            "Military Forces of Mali (2002-2012)",
            "Military Forces of Mali (2012-2013)",
            "Military Forces of Mali (2013-2020)",
            "Military Forces of Mali (2020-2021)",
            "Military Forces of Mali (2021-)",
            "Police Forces of Mali (2021-)",
            "Police Forces of Mali (2021-) Gendarmerie",
            "Military Forces of Mali (2021-) National Guard",
            "Government of Mali",
            "FAMa",
        ] {
            assert_eq!(t.canonical_name(raw), "Malian state forces", "{raw}");
        }
        // A mutiny fights the state; it is not the state.
        assert_eq!(
            t.canonical_name("Mutiny of Military Forces of Mali (2002-2012)"),
            "Mutiny of Military Forces of Mali"
        );
    }

    #[test]
    fn islamic_state_sahel_and_iswap_stay_apart() {
        let t = AliasTable::builtin();
        for raw in [
            "Islamic State (Greater Sahara)",
            "Islamic State (West Africa) - Greater Sahara Faction",
            "Islamic State (Sahel)",
            "Islamic State Sahel Province",
            "EIGS",
            "Etat islamique au Grand Sahara",
        ] {
            assert_eq!(t.canonical_name(raw), "Islamic State Sahel", "{raw}");
        }
        for raw in [
            "Islamic State (West Africa)",
            "Islamic State (West Africa) - Lake Chad Faction",
        ] {
            assert_eq!(t.canonical_name(raw), raw);
            assert_eq!(t.canonical_name_in(raw, &["Mali"]), raw);
        }
    }

    #[test]
    fn french_names_fold() {
        let t = AliasTable::builtin();
        let cases = [
            ("GSIM", "JNIM"),
            ("Barkhane", "French forces"),
            ("Opération Barkhane", "French forces"),
            ("EIGS", "Islamic State Sahel"),
            ("fama", "Malian state forces"),
        ];
        for (raw, want) in cases {
            assert_eq!(t.canonical_name(raw), want, "{raw}");
        }
    }

    #[test]
    fn and_or_names_are_uncertain_attributions() {
        let t = AliasTable::builtin();
        let cases = [
            (
                "JNIM: Group for Support of Islam and Muslims and/or Islamic State (West Africa) - Greater Sahara Faction",
                "JNIM or Islamic State Sahel (uncertain)",
            ),
            (
                "Islamic State (Greater Sahara) AND/OR JNIM: Group for Support of Islam and Muslims",
                "Islamic State Sahel or JNIM (uncertain)",
            ),
            // Both halves are JNIM: no doubt about the canonical actor.
            ("Katiba Macina and/or JNIM: Group for Support of Islam and Muslims", "JNIM"),
            (
                "Unidentified Armed Group (Mali) and/or Dozo Communal Militia (Mali)",
                "Unidentified Armed Group (Mali) or Dozo militias (uncertain)",
            ),
            ("Islamic State and/or JNIM", "Islamic State or JNIM (uncertain)"),
            ("and/or", "and/or"),
        ];
        for (raw, want) in cases {
            assert_eq!(t.canonical_name(raw), want, "{raw}");
        }
        assert_eq!(
            t.canonical_name_in("Islamic State and/or JNIM", &["Burkina Faso"]),
            "Islamic State Sahel or JNIM (uncertain)"
        );
    }

    #[test]
    fn one_doubt_is_one_canonical_actor_whatever_the_order() {
        let mut actors = Dictionary::default();
        for name in [
            "JNIM: Group for Support of Islam and Muslims and/or Islamic State (Sahel)",
            "Islamic State (Greater Sahara) and/or JNIM",
            "JNIM",
        ] {
            actors.intern(name.as_bytes());
        }
        let c = Canonical::build(&actors, &Sides::default(), &AliasTable::builtin());
        assert_eq!(c.of_actor[0], c.of_actor[1]);
        let doubt = c.of_actor[0];
        assert_eq!(c.name(doubt), "JNIM or Islamic State Sahel (uncertain)");
        assert!(c.is_uncertain(doubt));
        let names: Vec<&str> = c.alternatives(doubt).iter().map(|&a| c.name(a)).collect();
        assert_eq!(names, ["JNIM", "Islamic State Sahel"]);
        assert_eq!(c.of_actor[2], c.code("JNIM").unwrap());
        assert!(!c.is_uncertain(c.of_actor[2]));
        assert_eq!(c.alias_code("gsim"), c.code("JNIM"));
        // IS Sahel, here only one half of the doubt, is found by its aliases.
        assert_eq!(c.alias_code("EIGS"), c.code("Islamic State Sahel"));
    }

    #[test]
    fn the_user_word_wins_over_the_table() {
        let mut t = AliasTable::builtin();
        t.add("Katiba Macina", "Katiba Macina");
        assert_eq!(t.canonical_name("Katiba Macina"), "Katiba Macina");
        assert_eq!(t.canonical_name("Katiba Serma"), "JNIM");
        // A user alias spelling another actor's canonical name takes it.
        t.add("JNIM", "Jihadist groups");
        assert_eq!(t.canonical_name("JNIM"), "Jihadist groups");
        let u = UserAlias::new("  ", "x");
        assert_eq!(u, None);
    }

    #[test]
    fn user_entries_extend_the_table() {
        let mut t = AliasTable::builtin();
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
