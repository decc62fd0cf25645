//! Text search in the notes of files too large to hold in memory: the
//! file is read back in slices of whole records and matched without
//! allocating per record.

use crate::engine::data::fold::contains_folded;
use crate::engine::data::source::ColumnRole;
use crate::engine::data::store::{field_text, CsvReader, Store};

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
    wanted.sort_unstable();
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
        // A record may start with the \n of the previous record's CRLF.
        let skip = record
            .iter()
            .take_while(|&&b| b == b'\n' || b == b'\r')
            .count();
        let mut input = &record[skip..];
        // Cheap pre-check on the raw bytes: an ASCII needle cannot match an
        // ASCII record that lacks it. (Accented text can match by folding.)
        if ascii && input.is_ascii() && !contains_ascii_ci(input, needle_bytes) {
            continue;
        }
        reader.reset();
        let mut index = 0;
        let mut len = 0;
        loop {
            // An empty input tells csv-core the record's text ended.
            let (result, n_in, n_out) = reader.read_field(input, &mut field[len..]);
            input = &input[n_in..];
            len += n_out;
            match result {
                csv_core::ReadFieldResult::OutputFull => {
                    let grown = field.len() * 2;
                    field.resize(grown, 0);
                }
                csv_core::ReadFieldResult::InputEmpty => {}
                csv_core::ReadFieldResult::End => break,
                csv_core::ReadFieldResult::Field { record_end } => {
                    if wanted.contains(&index) {
                        let text = &field[..len];
                        let hit = if ascii && text.is_ascii() {
                            contains_ascii_ci(text, needle_bytes)
                        } else if windows1252 {
                            let text = encoding_rs::WINDOWS_1252
                                .decode_without_bom_handling(text)
                                .0;
                            contains_folded(&text, needle)
                        } else {
                            contains_folded(&field_text(text), needle)
                        };
                        if hit {
                            out[r] = true;
                            break;
                        }
                    }
                    index += 1;
                    len = 0;
                    if record_end || index > last_wanted {
                        break;
                    }
                }
            }
        }
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
