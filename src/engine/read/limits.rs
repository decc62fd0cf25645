//! How much a browser tab can import, and the checks that turn "too much"
//! into a sentence instead of a dead tab: the file's size before any of it
//! is read, and the number of events and of held text while it is read.
//!
//! The budget: the page runs as 32-bit WebAssembly, whose memory cannot
//! grow past 4 GB (and browsers may refuse well before). The store keeps
//! about 40 bytes per event (27 in its columns, 12 for the record's span,
//! a little for interned places and sides), and each column is a `Vec`
//! that doubles as it grows. 30 million events stay under 2^25 slots, so
//! no column ever grows past 2^25 entries: at most 2^25 x 40 bytes =
//! 1.3 GB for the store, leaving room for the page, the views and one
//! column's copy while it grows. Real exports are far from it (all of
//! ACLED is under 3 million events).
//!
//! A file's size alone does not bound its events (a file of short rows has
//! more per byte), so both are checked: the size before parsing, so a file
//! that cannot fit is refused at once, and the events while parsing, so a
//! dense file stops with a sentence, not an out-of-memory crash.

use crate::engine::read::error::ImportError;

/// The largest file a tab is asked to read. Files over 64 MB are not held
/// in memory (records are read back from the file), so this bounds the
/// time spent parsing more than memory: 3 GB is about 5 million rows of a
/// real ACLED export, a minute or so of parsing.
pub const MAX_FILE_BYTES: u64 = 3_000_000_000;

/// The most events an import keeps; see the module notes.
pub const MAX_EVENTS: u64 = 30_000_000;

/// The most memory the store may take while importing: its columns,
/// record spans and interned tables (places, sides, names). Events alone
/// stay under [`MAX_EVENTS`], but a file whose every row names a new place
/// or actor grows the tables faster than the columns; past this the
/// import stops with a sentence. 1.5 GB leaves room in 4 GB for a column's
/// copy while its `Vec` doubles, the views, and the page.
pub const MAX_STORE_BYTES: u64 = 1_500_000_000;

/// The most text an import holds in memory. Files that are re-encoded
/// (UTF-16, Windows-1252) are held whole, as UTF-8, so their records can be
/// read back; past this the held text and its `Vec`'s growth would crowd
/// out the store.
pub const MAX_HELD_BYTES: u64 = 1_000_000_000;

/// Checks a file's size before any of it is read (the browser knows it
/// from `File.size`): a file over `limit` bytes is refused at once.
pub fn check_size(bytes: u64, limit: u64) -> Result<(), ImportError> {
    if bytes > limit {
        return Err(ImportError::TooLarge {
            bytes,
            limit_bytes: limit,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_over_the_limit_is_refused_before_reading() {
        assert_eq!(check_size(MAX_FILE_BYTES, MAX_FILE_BYTES), Ok(()));
        assert_eq!(check_size(0, MAX_FILE_BYTES), Ok(()));
        let err = check_size(3_100_000_000, MAX_FILE_BYTES).unwrap_err();
        assert_eq!(
            err,
            ImportError::TooLarge {
                bytes: 3_100_000_000,
                limit_bytes: 3_000_000_000
            }
        );
        let message = err.to_string();
        assert!(message.contains("3.1 GB"), "{message}");
        assert!(message.contains("3 GB"), "{message}");
        assert!(!message.contains("MB"), "{message}");
    }
}
