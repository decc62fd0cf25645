//! Suggestions for the actor search box, from counts computed once per
//! store.

use crate::engine::data::fold::fold;
use crate::engine::data::store::Store;
use serde::Serialize;

/// A suggestion for the actor search box.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ActorSuggestion {
    pub name: String,
    /// True for a canonical actor (which may stand for several raw names).
    pub canonical: bool,
    /// True for an uncertain attribution ("X or Y (uncertain)").
    pub uncertain: bool,
    pub events: u64,
}

/// A raw actor name as the file writes it, for choosing names to fold.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RawActor {
    pub name: String,
    pub events: u64,
    /// The canonical actor it folds into now.
    pub canonical: String,
}

/// What the actor search box needs, computed once per store: events per
/// raw and canonical actor (each event once per actor, whatever its roles)
/// and folded names, so each keystroke is only substring checks.
#[derive(Clone, Debug, Default)]
pub struct ActorIndex {
    raw_events: Vec<u64>,
    canonical_events: Vec<u64>,
    /// Whether a canonical name stands for something other than one raw
    /// name of the same spelling (an alias group, a stripped period suffix).
    canonical_is_group: Vec<bool>,
    raw_folded: Vec<String>,
    canonical_folded: Vec<String>,
    /// Per canonical actor, the folded aliases the table knows it by
    /// ("fama"), so typing one suggests it.
    canonical_aliases: Vec<Vec<String>>,
}

impl ActorIndex {
    pub fn new(store: &Store) -> ActorIndex {
        let mut side_counts = vec![0u64; store.sides.len()];
        for (&a, &b) in store.side1.iter().zip(&store.side2) {
            side_counts[a as usize] += 1;
            if b != a {
                side_counts[b as usize] += 1;
            }
        }
        let mut raw_events = vec![0u64; store.actors.len()];
        let mut canonical_events = vec![0u64; store.canonical.names.len()];
        for (side, &n) in side_counts.iter().enumerate() {
            for a in store.sides.members(side as u32) {
                raw_events[a as usize] += n;
            }
            for &c in store.canonical.side(side as u32) {
                canonical_events[c as usize] += n;
            }
        }
        // An actor on both sides of one event was counted twice above.
        for (&a, &b) in store.side1.iter().zip(&store.side2) {
            if a == b {
                continue;
            }
            for m in store.sides.members(a) {
                if store.sides.members(b).any(|x| x == m) {
                    raw_events[m as usize] -= 1;
                }
            }
            let other = store.canonical.side(b);
            for c in store.canonical.side(a) {
                if other.contains(c) {
                    canonical_events[*c as usize] -= 1;
                }
            }
        }
        let mut raw_per_canonical = vec![0u32; store.canonical.names.len()];
        for &c in &store.canonical.of_actor {
            raw_per_canonical[c as usize] += 1;
        }
        let canonical_is_group = store
            .canonical
            .names
            .iter()
            .enumerate()
            .map(|(c, name)| {
                // An actor known only as one side of an uncertain
                // attribution has no events of its own to suggest.
                raw_per_canonical[c] > 1
                    || (raw_per_canonical[c] == 1 && store.actors.code(name).is_none())
            })
            .collect();
        let mut canonical_aliases = vec![Vec::new(); store.canonical.names.len()];
        for (alias, c) in store.canonical.search_aliases() {
            canonical_aliases[c as usize].push(alias.to_string());
        }
        ActorIndex {
            raw_events,
            canonical_events,
            canonical_is_group,
            raw_folded: store.actors.names().iter().map(|n| fold(n)).collect(),
            canonical_folded: store.canonical.names.iter().map(|n| fold(n)).collect(),
            canonical_aliases,
        }
    }

    /// Actors whose name (or, for a canonical actor, an alias the table
    /// knows it by) contains `query`: canonical groups first, then
    /// uncertain attributions, then raw names, most events first.
    pub fn suggest(&self, store: &Store, query: &str, limit: usize) -> Vec<ActorSuggestion> {
        let folded = fold(query.trim());
        let mut out: Vec<ActorSuggestion> = Vec::new();
        for (c, name) in self.canonical_folded.iter().enumerate() {
            let named = name.contains(&folded)
                || self.canonical_aliases[c]
                    .iter()
                    .any(|a| a.contains(&folded));
            if self.canonical_is_group[c] && named {
                out.push(ActorSuggestion {
                    name: store.canonical.names[c].clone(),
                    canonical: true,
                    uncertain: store.canonical.is_uncertain(c as u32),
                    events: self.canonical_events[c],
                });
            }
        }
        for (a, name) in self.raw_folded.iter().enumerate() {
            if name.contains(&folded) {
                out.push(ActorSuggestion {
                    name: store.actors.name(a as u32).to_string(),
                    canonical: false,
                    uncertain: false,
                    events: self.raw_events[a],
                });
            }
        }
        crate::engine::data::order::sort_by(&mut out, |x, y| {
            y.canonical
                .cmp(&x.canonical)
                .then(x.uncertain.cmp(&y.uncertain))
                .then(y.events.cmp(&x.events))
                .then(x.name.cmp(&y.name))
        });
        out.truncate(limit);
        out
    }

    /// Raw actor names containing `query`, most events first, with the
    /// canonical actor each folds into now.
    pub fn raw_actors(&self, store: &Store, query: &str, limit: usize) -> Vec<RawActor> {
        let folded = fold(query.trim());
        let mut out: Vec<RawActor> = self
            .raw_folded
            .iter()
            .enumerate()
            .filter(|(_, name)| name.contains(&folded))
            .map(|(a, _)| RawActor {
                name: store.actors.name(a as u32).to_string(),
                events: self.raw_events[a],
                canonical: store
                    .canonical
                    .name(store.canonical.of_actor[a])
                    .to_string(),
            })
            .collect();
        crate::engine::data::order::sort_by(&mut out, |x, y| {
            y.events.cmp(&x.events).then(x.name.cmp(&y.name))
        });
        out.truncate(limit);
        out
    }
}

/// Actors whose name contains `query`, canonical ones first, most events
/// first. Builds an [`ActorIndex`]; keep one per store to search often.
pub fn suggest_actors(store: &Store, query: &str, limit: usize) -> Vec<ActorSuggestion> {
    ActorIndex::new(store).suggest(store, query, limit)
}
