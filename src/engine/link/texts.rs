//! The user's own words for each chart and embed: a title, a description,
//! notes and a source line, kept in the link as `title.timeline=...`,
//! `desc.map=...`, `notes.breakdown=...`, `source.compare=...`. They are
//! plain text: control characters (line breaks, bidirectional overrides)
//! are dropped, runs of spaces become one, and each field has a length cap;
//! markup stays as typed, for every front end to show as text.

use serde::Serialize;
use std::ops::{Index, IndexMut};

/// One of a chart's texts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TextField {
    Title,
    Description,
    Notes,
    Source,
}

impl TextField {
    pub const ALL: [TextField; 4] = [
        TextField::Title,
        TextField::Description,
        TextField::Notes,
        TextField::Source,
    ];

    /// The first part of its link parameter: `title` in `title.map`.
    pub fn key(self) -> &'static str {
        match self {
            TextField::Title => "title",
            TextField::Description => "desc",
            TextField::Notes => "notes",
            TextField::Source => "source",
        }
    }

    /// Most characters the field holds.
    pub fn cap(self) -> usize {
        match self {
            TextField::Title | TextField::Source => 200,
            TextField::Description | TextField::Notes => 500,
        }
    }

    /// The label of its box in the editor.
    pub fn label(self) -> String {
        crate::engine::i18n::tr(&format!("text-field-{}", self.key()), &[])
    }
}

/// A chart's texts; empty strings are unset.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Hash)]
pub struct ChartTexts {
    pub title: String,
    pub description: String,
    pub notes: String,
    pub source: String,
}

impl ChartTexts {
    pub fn is_empty(&self) -> bool {
        *self == ChartTexts::default()
    }
}

impl Index<TextField> for ChartTexts {
    type Output = String;
    fn index(&self, f: TextField) -> &String {
        match f {
            TextField::Title => &self.title,
            TextField::Description => &self.description,
            TextField::Notes => &self.notes,
            TextField::Source => &self.source,
        }
    }
}

impl IndexMut<TextField> for ChartTexts {
    fn index_mut(&mut self, f: TextField) -> &mut String {
        match f {
            TextField::Title => &mut self.title,
            TextField::Description => &mut self.description,
            TextField::Notes => &mut self.notes,
            TextField::Source => &mut self.source,
        }
    }
}

/// `text` as one line of plain text: control and bidirectional-override
/// characters become spaces (a line break, a tab, U+202E would otherwise
/// reorder or break the line a chart draws), runs of spaces become one,
/// and the ends are trimmed.
pub fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        let blank = c.is_control()
            || c.is_whitespace()
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}');
        if blank {
            space = !out.is_empty();
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    out
}
