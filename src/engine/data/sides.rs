//! Sides of events: a primary actor plus associated actors, interned so
//! events that share a side share its code.

use crate::engine::data::dictionary::NONE;
use rustc_hash::FxHashMap;

/// Distinct sides of events: a primary actor (or [`NONE`]) plus associated
/// actors, as raw actor codes.
#[derive(Clone, Debug, Default)]
pub struct Sides {
    pub primary: Vec<u32>,
    offsets: Vec<u32>,
    associated: Vec<u32>,
    index: FxHashMap<(u32, u32), u32>,
}

impl Sides {
    /// Interns the side (actor, associated list code); `split` produces the
    /// associated actors' codes the first time a list is seen.
    pub(crate) fn intern(
        &mut self,
        primary: u32,
        assoc_list: u32,
        split: impl FnOnce() -> Vec<u32>,
    ) -> u32 {
        if let Some(&code) = self.index.get(&(primary, assoc_list)) {
            return code;
        }
        if self.offsets.is_empty() {
            self.offsets.push(0);
        }
        let code = self.primary.len() as u32;
        self.primary.push(primary);
        let mut members = split();
        members.retain(|&m| m != primary);
        crate::engine::data::order::sort_u32_by(&mut members, |a, b| a.cmp(&b));
        members.dedup();
        self.associated.extend_from_slice(&members);
        self.offsets.push(self.associated.len() as u32);
        self.index.insert((primary, assoc_list), code);
        code
    }

    pub fn associated(&self, side: u32) -> &[u32] {
        let i = side as usize;
        match (self.offsets.get(i), self.offsets.get(i + 1)) {
            (Some(&a), Some(&b)) => &self.associated[a as usize..b as usize],
            _ => &[],
        }
    }

    /// Primary actor first, then associated ones.
    pub fn members(&self, side: u32) -> impl Iterator<Item = u32> + '_ {
        let primary = self.primary.get(side as usize).copied().unwrap_or(NONE);
        std::iter::once(primary)
            .filter(|&p| p != NONE)
            .chain(self.associated(side).iter().copied())
    }

    pub fn len(&self) -> usize {
        self.primary.len()
    }

    pub fn is_empty(&self) -> bool {
        self.primary.is_empty()
    }

    /// Drops the lookup index, which only the importer needs.
    pub(crate) fn seal(&mut self) {
        self.index = FxHashMap::default();
    }

    /// Primary actors, associated-list offsets, associated actors and the
    /// lookup index (empty once sealed), to carry the sides elsewhere.
    #[allow(clippy::type_complexity)]
    pub(crate) fn into_parts(self) -> (Vec<u32>, Vec<u32>, Vec<u32>, FxHashMap<(u32, u32), u32>) {
        (self.primary, self.offsets, self.associated, self.index)
    }

    /// Sides from what [`Sides::into_parts`] gave; the caller has checked
    /// the offsets and codes.
    pub(crate) fn from_parts(
        primary: Vec<u32>,
        offsets: Vec<u32>,
        associated: Vec<u32>,
        index: FxHashMap<(u32, u32), u32>,
    ) -> Sides {
        Sides {
            primary,
            offsets,
            associated,
            index,
        }
    }

    pub(crate) fn heap_bytes(&self) -> usize {
        self.len() * 8 + self.associated.len() * 4 + self.index.capacity() * 16
    }
}
