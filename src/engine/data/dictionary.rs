//! Interned strings: each distinct value of a text column gets a small
//! integer code, so a million events hold a few thousand names.

use rustc_hash::FxHashMap;

/// Code meaning "no value" in a code column.
pub const NONE: u32 = u32::MAX;

/// Interned strings: each distinct value gets a small integer code.
#[derive(Clone, Debug, Default)]
pub struct Dictionary {
    codes: FxHashMap<Box<[u8]>, u32>,
    names: Vec<String>,
    sealed: bool,
}

impl Dictionary {
    /// The code of `bytes` (trimmed of surrounding spaces), adding it if new.
    /// Invalid UTF-8 is kept with replacement characters.
    pub(crate) fn intern(&mut self, bytes: &[u8]) -> u32 {
        let bytes = trim_spaces(bytes);
        if let Some(&code) = self.codes.get(bytes) {
            return code;
        }
        if self.sealed {
            let name = String::from_utf8_lossy(bytes);
            if let Some(code) = self.code(&name) {
                return code;
            }
        }
        let code = self.names.len() as u32;
        self.names.push(String::from_utf8_lossy(bytes).into_owned());
        self.codes.insert(bytes.into(), code);
        code
    }

    pub fn name(&self, code: u32) -> &str {
        self.names.get(code as usize).map_or("", String::as_str)
    }

    pub fn code(&self, name: &str) -> Option<u32> {
        let name = name.trim();
        if self.sealed {
            return self.names.iter().position(|n| n == name).map(|i| i as u32);
        }
        self.codes.get(name.as_bytes()).copied()
    }

    /// Drops the lookup index (the importer's), keeping the names: large
    /// dictionaries (locations) are then searched by scanning, rarely.
    pub(crate) fn seal(&mut self) {
        self.codes = FxHashMap::default();
        self.sealed = true;
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// The names, the lookup index and whether it is sealed, to carry the
    /// dictionary elsewhere whole ([`Dictionary::from_parts`]).
    pub(crate) fn into_parts(self) -> (Vec<String>, FxHashMap<Box<[u8]>, u32>, bool) {
        (self.names, self.codes, self.sealed)
    }

    /// A dictionary from what [`Dictionary::into_parts`] gave; the caller
    /// has checked that every code in `codes` names one of `names`.
    pub(crate) fn from_parts(
        names: Vec<String>,
        codes: FxHashMap<Box<[u8]>, u32>,
        sealed: bool,
    ) -> Dictionary {
        Dictionary {
            codes,
            names,
            sealed,
        }
    }

    pub(crate) fn heap_bytes(&self) -> usize {
        let names = self.names.iter().map(|n| n.capacity() + 24).sum::<usize>();
        let index = self.codes.capacity() * (16 + 4 + 1)
            + self.codes.keys().map(|k| k.len()).sum::<usize>();
        names + index
    }
}

pub fn trim_spaces(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    let end = bytes
        .iter()
        .rposition(|b| !b.is_ascii_whitespace())
        .map_or(start, |e| e + 1);
    &bytes[start..end]
}
