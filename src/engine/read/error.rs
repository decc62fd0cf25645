//! The one error type of the importer. Every message is a sentence a user can
//! act on: what is wrong, where (line, column), and what to do about it.

use crate::engine::data::date::{self, Day};
use crate::engine::data::source::ColumnRole;
use crate::engine::read::container::ContainerError;
use crate::engine::read::problem::{Example, RowProblem};
use std::fmt;

/// Why a file could not be imported. The dataset already loaded is never
/// touched by a failed import; the caller simply keeps it.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportError {
    EmptyFile,
    HeaderOnly,
    ExcelWorkbook,
    ZipArchive,
    Html,
    Binary {
        offset: u64,
    },
    UnclosedQuote {
        line: u64,
    },
    RecordTooLong {
        line: u64,
        limit_mb: usize,
    },
    DuplicateColumn {
        name: String,
        first: usize,
        second: usize,
    },
    UnknownLayout {
        headers: Vec<String>,
    },
    MappingColumnMissing {
        role: ColumnRole,
        name: String,
    },
    /// Every row was skipped; the first one's problem and where it was.
    NoUsableRows {
        problem: RowProblem,
        example: Example,
    },
    TooLarge {
        bytes: u64,
        limit_bytes: u64,
    },
    /// The dates read both day-first and month-first and nothing in the
    /// file tells which: each example with both readings.
    AmbiguousDateOrder {
        examples: Vec<(String, Day, Day)>,
    },
    /// A workbook or JSON document that gave no CSV text.
    Container(ContainerError),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::EmptyFile => write!(
                f,
                "The file is empty (0 bytes). Choose the CSV export itself; if you downloaded it, the download may not have finished."
            ),
            ImportError::HeaderOnly => write!(
                f,
                "The file has a header row but no events under it. Check that the export's filters (dates, countries) matched some events, then export again."
            ),
            ImportError::ExcelWorkbook => write!(
                f,
                "This is an Excel workbook (.xlsx/.xls), not a CSV file. Open it in Excel or LibreOffice and use File > Save As > \"CSV UTF-8 (comma delimited)\", then drop the .csv here."
            ),
            ImportError::ZipArchive => write!(
                f,
                "This is a ZIP archive, not a CSV file. Unzip it first and drop the .csv file that is inside."
            ),
            ImportError::Html => write!(
                f,
                "This file is a web page (HTML), not CSV data; it was probably saved from a browser tab or an error page. Download the CSV export again and drop that file."
            ),
            ImportError::Binary { offset } => write!(
                f,
                "This is not a text file: it has binary data at byte {offset}. Drop a CSV export (text with comma, semicolon or tab separated columns)."
            ),
            ImportError::UnclosedQuote { line } => write!(
                f,
                "Line {line}: a quoted field opens with \" but is never closed, so the rest of the file would be read as one value. Check that line for a stray double quote, or re-export the file."
            ),
            ImportError::RecordTooLong { line, limit_mb } => write!(
                f,
                "Line {line}: one row is longer than {limit_mb} MB, which usually means a double quote that is never closed. Check that line for a stray quote, or re-export the file."
            ),
            ImportError::DuplicateColumn { name, first, second } => write!(
                f,
                "The header names the column \"{name}\" twice (columns {first} and {second}), so it is unclear which to use. Rename or delete one of them and try again."
            ),
            ImportError::UnknownLayout { headers } => {
                let shown: Vec<&str> = headers.iter().take(8).map(String::as_str).collect();
                write!(
                    f,
                    "The columns ({}{}) do not match an ACLED or UCDP GED export. Choose which column holds the date, place, actors, event type and fatalities to read it anyway.",
                    shown.join(", "),
                    if headers.len() > 8 { ", ..." } else { "" }
                )
            }
            ImportError::MappingColumnMissing { role, name } if name.is_empty() => write!(
                f,
                "The column mapping does not say which column holds the {}. Pick one of the file's columns.",
                role.label().to_lowercase()
            ),
            ImportError::MappingColumnMissing { role, name } => write!(
                f,
                "The column mapping uses \"{name}\" as the {} column, but the file has no column of that name. Pick one of the file's columns.",
                role.label().to_lowercase()
            ),
            ImportError::NoUsableRows { problem, example } => {
                write!(
                    f,
                    "No row of the file could be read as an event. The first problem: {}: {problem}",
                    example.place()
                )?;
                if example.column.is_some() {
                    write!(f, " (\"{}\")", example.value)?;
                }
                match problem.kind().hint() {
                    Some(hint) => write!(f, ". {hint}"),
                    None => write!(f, "."),
                }
            }
            ImportError::TooLarge { bytes, limit_bytes } => write!(
                f,
                "The file is {} MB, more than the {} MB this browser tab can hold. Export a smaller selection (fewer years or countries) and load that.",
                bytes / 1_000_000,
                limit_bytes / 1_000_000
            ),
            ImportError::AmbiguousDateOrder { examples } => {
                write!(
                    f,
                    "The dates can be read day first or month first, and no date in the file has a day over 12 to tell which"
                )?;
                if let Some((value, day_first, month_first)) = examples.first() {
                    write!(
                        f,
                        " (\"{value}\" is {} day first, {} month first)",
                        date::format_iso(*day_first),
                        date::format_iso(*month_first)
                    )?;
                }
                write!(f, ". Choose the order the file uses, then load it again.")
            }
            ImportError::Container(e) => e.fmt(f),
        }
    }
}

impl From<ContainerError> for ImportError {
    fn from(e: ContainerError) -> Self {
        ImportError::Container(e)
    }
}

impl std::error::Error for ImportError {}
