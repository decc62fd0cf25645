//! Text search in the notes of files too large to hold in memory: the
//! file is read back in slices of whole records and matched without
//! allocating per record. [`NoteScan`] runs such a search: it says which
//! bytes to read next and takes them, so a front end only reads slices.

use crate::engine::data::encoding;
use crate::engine::data::fold::{contains_folded, fold};
use crate::engine::data::source::ColumnRole;
use crate::engine::data::store::{field_text, read_fields, record_text, CsvReader, Store};
use std::ops::Range;

/// A search of the notes of a file whose text is not held in memory, run
/// slice by slice: ask [`NoteScan::next_range`] for the bytes to read,
/// hand them to [`NoteScan::feed`], and repeat until it returns `None`;
/// then [`NoteScan::finish`] gives the matches for
/// `QueryState::set_note_matches`.
#[derive(Clone, Debug)]
pub struct NoteScan {
    /// The text filter as the user typed it (to tell whether it changed).
    text: String,
    /// `text` trimmed and folded, as [`match_records`] wants it.
    needle: String,
    batches: Vec<(Range<usize>, u64, u64)>,
    /// The batch whose bytes [`NoteScan::feed`] takes next.
    next: usize,
    matches: Vec<bool>,
    done: u64,
    total: u64,
}

impl NoteScan {
    /// A scan for `text` over every event of `store`, reading at most
    /// `slice_bytes` at a time (more for a single longer record).
    pub fn new(store: &Store, text: &str, slice_bytes: u64) -> NoteScan {
        let batches = record_batches(store, slice_bytes);
        let total = batches.iter().map(|b| b.2 - b.1).sum();
        NoteScan {
            text: text.to_string(),
            needle: fold(text.trim()),
            batches,
            next: 0,
            matches: vec![false; store.len()],
            done: 0,
            total,
        }
    }

    /// The text filter this scan searches for, as typed.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The byte range of the file to read next, `None` once all is read.
    pub fn next_range(&self) -> Option<(u64, u64)> {
        self.batches.get(self.next).map(|b| (b.1, b.2))
    }

    /// Takes the bytes of [`NoteScan::next_range`] and matches the records
    /// in them. Records the bytes do not cover (a short read) stay
    /// unmatched.
    pub fn feed(&mut self, store: &Store, bytes: &[u8]) {
        let Some((rows, start, end)) = self.batches.get(self.next).cloned() else {
            return;
        };
        match_records(store, &self.needle, bytes, start, rows, &mut self.matches);
        self.done += end - start;
        self.next += 1;
    }

    /// Bytes searched so far and in all.
    pub fn progress(&self) -> (u64, u64) {
        (self.done, self.total)
    }

    #[cfg(test)]
    /// Whether every slice has been fed.
    pub(crate) fn is_done(&self) -> bool {
        self.next >= self.batches.len()
    }

    /// The events whose notes or location matched.
    pub fn finish(self) -> Vec<bool> {
        self.matches
    }
}

/// Contiguous runs of events whose records lie within `max_bytes` of the
/// file: `(rows, byte start, byte end)` in the file's own offsets, for
/// reading the file in slices when scanning notes.
pub fn record_batches(store: &Store, max_bytes: u64) -> Vec<(std::ops::Range<usize>, u64, u64)> {
    let mut batches = Vec::new();
    let mut first = 0;
    while first < store.len() {
        let (start, _) = store.record_range(first);
        let mut last = first;
        while last + 1 < store.len() && store.record_range(last + 1).1 - start <= max_bytes {
            last += 1;
        }
        let (_, end) = store.record_range(last);
        batches.push((first..last + 1, start, end));
        first = last + 1;
    }
    batches
}

/// Marks in `out` the events of `rows` whose location or notes contain
/// `needle` (folded). `bytes` holds the text from offset `base` (in the same
/// offsets as [`Store::record_range`]). Fields are read with csv-core
/// straight from the bytes; nothing is allocated per record.
pub fn match_records(
    store: &Store,
    needle: &str,
    bytes: &[u8],
    base: u64,
    rows: std::ops::Range<usize>,
    out: &mut [bool],
) {
    let mut wanted: Vec<usize> = [ColumnRole::Notes, ColumnRole::Location]
        .map(|role| store.columns.get(role))
        .into_iter()
        .flatten()
        .collect();
    crate::engine::data::order::sort(&mut wanted);
    let Some(&last_wanted) = wanted.last() else {
        return;
    };
    let needle_bytes = needle.as_bytes();
    let windows1252 = store.reads_back_windows1252();
    let ascii = needle.is_ascii();
    let mut pooled = CsvReader::new(store.delimiter);
    let reader = pooled.get();
    let mut field = vec![0u8; 4096];
    for r in rows {
        let (start, end) = store.record_range(r);
        let (Some(s), Some(e)) = (start.checked_sub(base), end.checked_sub(base)) else {
            continue;
        };
        let Some(record) = bytes.get(s as usize..e as usize) else {
            continue;
        };
        let input = record_text(record);
        // Cheap pre-check on the raw bytes: an ASCII needle cannot match an
        // ASCII record that lacks it. (Accented text can match by folding.)
        if ascii && input.is_ascii() && !contains_ascii_ci(input, needle_bytes) {
            continue;
        }
        read_fields(reader, input, &mut field, |index, text| {
            if wanted.contains(&index) {
                let hit = if ascii && text.is_ascii() {
                    contains_ascii_ci(text, needle_bytes)
                } else if windows1252 {
                    contains_folded(&encoding::windows1252(text), needle)
                } else {
                    contains_folded(&field_text(text), needle)
                };
                if hit {
                    out[r] = true;
                    return false;
                }
            }
            index < last_wanted
        });
    }
}

/// ASCII case-insensitive substring test on bytes.
fn contains_ascii_ci(haystack: &[u8], needle: &[u8]) -> bool {
    if needle.is_empty() {
        return true;
    }
    let first = needle[0].to_ascii_lowercase();
    let upper = needle[0].to_ascii_uppercase();
    let n = needle.len();
    if haystack.len() < n {
        return false;
    }
    (0..=haystack.len() - n).any(|i| {
        let b = haystack[i];
        (b == first || b == upper) && haystack[i..i + n].eq_ignore_ascii_case(needle)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::query::state::QueryState;
    use crate::engine::query::Filters;
    use crate::engine::{import_bytes, ImportOptions};

    /// A synthetic file with CRLF line ends and a note spanning two lines.
    /// "river" is in the notes of S1 and S3 (in capitals, inside quotes)
    /// and in the location of S2; S4 and S5 lack it.
    const SYNTHETIC: &str =
        "event_id_cnty,event_date,actor1,actor2,disorder_type,location,notes,fatalities\r\n\
S1,2022-01-01,A,B,Political violence,Town A,\"Clashes near the river, synthetic\",1\r\n\
S2,2022-01-02,A,B,Political violence,Riverside,Quiet day,0\r\n\
S3,2022-01-03,A,B,Political violence,Town C,\"Stalls by the \"\"RIVER\"\" market\r\nburned\",0\r\n\
S4,2022-01-04,A,B,Political violence,Town D,Nothing here,2\r\n\
S5,2022-01-05,A,B,Political violence,Town E,Rivet factory closed,0\r\n";
    const EXPECTED: [bool; 5] = [true, true, true, false, false];

    /// The store without its text (as for a large file), and the file.
    fn external(bom: bool) -> (Store, Vec<u8>) {
        let mut file = Vec::new();
        if bom {
            file.extend_from_slice("\u{feff}".as_bytes());
        }
        file.extend_from_slice(SYNTHETIC.as_bytes());
        let store = import_bytes(&file, ImportOptions::default())
            .map(|d| d.store)
            .unwrap_or_else(|e| panic!("synthetic file did not import: {e}"));
        assert!(matches!(
            store.source,
            crate::engine::data::store::SourceText::External { .. }
        ));
        (store, file)
    }

    /// Runs a scan to the end over `file`, checking progress on the way.
    fn run(store: &Store, file: &[u8], text: &str, slice: u64) -> (Vec<bool>, usize) {
        let mut scan = NoteScan::new(store, text, slice);
        let (mut last_done, total) = scan.progress();
        assert_eq!(last_done, 0);
        let mut slices = 0;
        while let Some((start, end)) = scan.next_range() {
            assert!(start < end && end <= file.len() as u64, "{start}..{end}");
            scan.feed(store, &file[start as usize..end as usize]);
            slices += 1;
            let (done, t) = scan.progress();
            assert_eq!(t, total, "the total does not change");
            assert!(
                done > last_done && done <= total,
                "{last_done} -> {done} of {total}"
            );
            last_done = done;
        }
        assert!(scan.is_done());
        assert_eq!(last_done, total, "a finished scan has read everything");
        (scan.finish(), slices)
    }

    #[test]
    fn a_scan_fed_slice_by_slice_finds_what_one_pass_finds() {
        for bom in [false, true] {
            let (store, file) = external(bom);
            let mut whole = vec![false; store.len()];
            match_records(&store, "river", &file, 0, 0..store.len(), &mut whole);
            assert_eq!(whole, EXPECTED, "bom: {bom}");
            // One record per slice, a few per slice, and all in one slice.
            for (slice, slices) in [(1, 5), (u64::MAX, 1)] {
                assert_eq!(
                    run(&store, &file, "  River ", slice),
                    (EXPECTED.to_vec(), slices),
                    "bom: {bom}, slice: {slice}"
                );
            }
            let (matches, slices) = run(&store, &file, "river", 150);
            assert_eq!(matches, EXPECTED);
            assert!((2..5).contains(&slices), "{slices} slices of 150 bytes");
        }
    }

    #[test]
    fn a_short_read_leaves_its_records_unmatched() {
        let (store, _) = external(false);
        let mut scan = NoteScan::new(&store, "river", 1);
        while scan.next_range().is_some() {
            scan.feed(&store, b"");
        }
        assert_eq!(scan.finish(), vec![false; 5]);
    }

    #[test]
    fn a_scan_is_needed_only_for_a_text_filter_on_text_not_held() {
        let (store, _) = external(false);
        let mut state = QueryState::new(&store);
        assert!(state.note_scan(&store, 1024).is_none());
        let filters = Filters {
            text: Some("river".into()),
            ..Filters::default()
        };
        state.apply(&store, &filters);
        let scan = state.note_scan(&store, 1024);
        assert_eq!(scan.as_ref().map(NoteScan::text), Some("river"));
        state.set_note_matches(&store, scan.map(NoteScan::finish));
        assert!(state.note_scan(&store, 1024).is_none());

        let held = import_bytes(
            SYNTHETIC.as_bytes(),
            ImportOptions {
                hold_text: true,
                ..ImportOptions::default()
            },
        )
        .map(|d| d.store)
        .unwrap_or_else(|e| panic!("{e}"));
        let mut state = QueryState::new(&held);
        state.apply(&held, &filters);
        assert!(state.note_scan(&held, 1024).is_none());
        assert_eq!(state.rows(), vec![0, 1, 2]);
    }
}
