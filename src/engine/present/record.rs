//! One event's record as the details panel shows it: the table's fields at
//! the top, then the notes and source picked out, then every field of the
//! file's record under its column name. Also where the record's text is to
//! be read from.

use crate::engine::data::source::ColumnRole;
use crate::engine::data::store::{parse_record, Store};
use crate::engine::query::table::{cell_text, Column};

/// The table's columns for one event: (heading, cell text).
pub fn summary_fields(store: &Store, row: usize) -> Vec<(String, String)> {
    Column::ALL
        .iter()
        .map(|&c| (c.title().to_string(), cell_text(store, row, c)))
        .collect()
}

/// Where an event's record is: its fields already at hand (text held in
/// memory), or a byte range of the user's file to read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecordSource {
    Held(Vec<String>),
    InFile { start: u64, end: u64 },
}

/// Where to read event `row`'s record; `None` if there is no such event.
pub fn record_source(store: &Store, row: usize) -> Option<RecordSource> {
    if row >= store.len() {
        return None;
    }
    Some(match store.record_in_memory(row) {
        Some(fields) => RecordSource::Held(fields),
        None => {
            let (start, end) = store.record_range(row);
            RecordSource::InFile { start, end }
        }
    })
}

/// How to read a record's fields: the header and the columns of the notes
/// and the source. Owned, so it can wait for a file read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordLayout {
    header: Vec<String>,
    notes: Option<usize>,
    source: Option<usize>,
    delimiter: u8,
}

/// A record read back: (column name, value) pairs in file order, and the
/// notes and source picked out (when not blank).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordFields {
    pub all: Vec<(String, String)>,
    pub notes: Option<String>,
    pub source: Option<String>,
}

impl RecordLayout {
    pub fn of(store: &Store) -> RecordLayout {
        RecordLayout {
            header: store.header.clone(),
            notes: store.columns.get(ColumnRole::Notes),
            source: store.columns.get(ColumnRole::Source),
            delimiter: store.delimiter,
        }
    }

    /// Names the fields of a record; a field beyond the header is named
    /// by its position ("column 12").
    pub fn fields(&self, fields: Vec<String>) -> RecordFields {
        let pick = |at: Option<usize>| {
            at.and_then(|i| fields.get(i))
                .filter(|v| !v.trim().is_empty())
                .cloned()
        };
        let (notes, source) = (pick(self.notes), pick(self.source));
        let all = fields
            .into_iter()
            .enumerate()
            .map(|(i, v)| {
                let name =
                    self.header.get(i).cloned().unwrap_or_else(|| {
                        crate::t!("record-column", number = (i + 1).to_string())
                    });
                (name, v)
            })
            .collect();
        RecordFields { all, notes, source }
    }

    /// The fields of a record's bytes as read from the file.
    pub fn parse(&self, bytes: &[u8]) -> RecordFields {
        self.fields(parse_record(bytes, self.delimiter))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{import_bytes, ImportOptions};

    const SYNTHETIC: &str = "event_id_cnty,event_date,disorder_type,event_type,actor1,actor2,location,source,notes,fatalities\n\
S1,2022-01-05,Political violence,Battles,Group A,Group B,Town A,Synthetic Wire,\"Clash, synthetic\",3\n\
S2,2022-01-06,Political violence,Riots,Group A,,Town B,  ,,0\n";

    fn store(hold_text: bool) -> Store {
        import_bytes(
            SYNTHETIC.as_bytes(),
            ImportOptions {
                hold_text,
                ..ImportOptions::default()
            },
        )
        .map(|d| d.store)
        .unwrap_or_else(|e| panic!("synthetic file did not import: {e}"))
    }

    #[test]
    fn the_summary_has_the_table_columns() {
        let store = store(true);
        let fields = summary_fields(&store, 0);
        assert_eq!(fields.len(), Column::ALL.len());
        assert_eq!(fields[0], ("Date".to_string(), "2022-01-05".to_string()));
        assert_eq!(fields[1], ("Event type".to_string(), "Battles".to_string()));
        assert_eq!(fields[8], ("Fatalities".to_string(), "3".to_string()));
    }

    #[test]
    fn a_record_is_named_by_the_header_with_notes_and_source_picked_out() {
        let store = store(true);
        let layout = RecordLayout::of(&store);
        let Some(RecordSource::Held(fields)) = record_source(&store, 0) else {
            panic!("the text is held in memory");
        };
        let record = layout.fields(fields);
        assert_eq!(record.notes.as_deref(), Some("Clash, synthetic"));
        assert_eq!(record.source.as_deref(), Some("Synthetic Wire"));
        assert_eq!(record.all.len(), 10);
        assert_eq!(record.all[0], ("event_id_cnty".into(), "S1".into()));
        assert_eq!(record.all[6], ("location".into(), "Town A".into()));
        // Blank notes and source are not picked out.
        let Some(RecordSource::Held(fields)) = record_source(&store, 1) else {
            panic!("the text is held in memory");
        };
        let record = layout.fields(fields);
        assert_eq!((record.notes, record.source), (None, None));
        // Fields beyond the header are named by position.
        let extra = layout.fields((0..11).map(|i| i.to_string()).collect());
        assert_eq!(extra.all[10], ("column 11".into(), "10".into()));
        assert_eq!(record_source(&store, 2), None);
    }

    #[test]
    fn a_record_not_held_is_read_from_its_byte_range() {
        let store = store(false);
        let Some(RecordSource::InFile { start, end }) = record_source(&store, 1) else {
            panic!("the text is not held");
        };
        let bytes = &SYNTHETIC.as_bytes()[start as usize..end as usize];
        let record = RecordLayout::of(&store).parse(bytes);
        assert_eq!(record.all[0], ("event_id_cnty".into(), "S2".into()));
        assert_eq!(record.all[3], ("event_type".into(), "Riots".into()));
        assert_eq!(record.notes, None);
    }
}
