//! The one error type of the importer. Every message is a sentence a user can
//! act on: what is wrong, where (line, column), and what to do about it.

use crate::engine::data::date::{self, Day};
use crate::engine::data::numbers::{file_size, file_sizes, thousands};
use crate::engine::data::source::{ColumnRole, TextEncoding};
use crate::engine::read::container::ContainerError;
use crate::engine::read::problem::{Example, RowProblem};
use std::fmt;

/// Why a file could not be imported. The dataset already loaded is never
/// touched by a failed import; the caller simply keeps it.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportError {
    EmptyFile,
    /// The file holds a byte-order mark and nothing else.
    OnlyByteOrderMark {
        bytes: u64,
    },
    /// The file holds only line breaks, spaces and separators.
    OnlyBlankLines {
        bytes: u64,
    },
    HeaderOnly,
    ExcelWorkbook,
    ZipArchive,
    Html,
    Xml,
    Pdf,
    /// A gzip-compressed file (`.csv.gz`).
    Gzip,
    Binary {
        offset: u64,
    },
    UnclosedQuote {
        line: u64,
    },
    /// A quoted value opened at `line` in (1-based) `column` ran on over
    /// line breaks to `until_line`, taking in `rows` lines shaped like the
    /// file's rows: a stray quote that swallowed records, closed later.
    StrayQuote {
        line: u64,
        column: usize,
        until_line: u64,
        rows: u64,
    },
    /// A header name holding a separator or a line break: a quote in the
    /// header that is never closed where it should be. `column` is 1-based.
    QuoteInHeader {
        line: u64,
        column: usize,
        value: String,
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
    /// More events than a tab can hold ([`crate::engine::read::limits`]);
    /// `line` is where the import stopped.
    TooManyEvents {
        limit: u64,
        line: u64,
    },
    /// The store (columns and interned tables) passed `limit_bytes` of
    /// memory at `line`.
    TooMuchMemory {
        line: u64,
        limit_bytes: u64,
    },
    /// A re-encoded file's text, held in memory, passed `limit_bytes` at
    /// `line`.
    HeldTextTooLarge {
        encoding: TextEncoding,
        line: u64,
        limit_bytes: u64,
    },
    /// A type column (event type, sub-event type, disorder type) with more
    /// distinct values than its per-event code can tell apart.
    TooManyValues {
        role: ColumnRole,
        column: String,
        limit: usize,
        line: u64,
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
            ImportError::OnlyByteOrderMark { bytes } => write!(
                f,
                "The file holds only a byte-order mark ({}) and no text. Choose the CSV export itself; if you downloaded it, the download may not have finished.",
                file_size(*bytes)
            ),
            ImportError::OnlyBlankLines { bytes } => write!(
                f,
                "The file holds only blank lines ({} of line breaks, spaces or separators), with no column names or events. Choose the CSV export itself; if you downloaded it, the download may not have finished.",
                file_size(*bytes)
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
            ImportError::Xml => write!(
                f,
                "This file is an XML document, not CSV data. Download the CSV export of the data and drop that file."
            ),
            ImportError::Pdf => write!(
                f,
                "This is a PDF document, not CSV data. Download the data as CSV (from the ACLED export tool or the UCDP download page) and drop that file."
            ),
            ImportError::Gzip => write!(
                f,
                "This file is compressed (gzip, often named .csv.gz). Decompress it first and drop the .csv file it holds."
            ),
            ImportError::Binary { offset } => write!(
                f,
                "This is not a text file: it has binary data at byte {offset}. Drop a CSV export (text with comma, semicolon or tab separated columns)."
            ),
            ImportError::UnclosedQuote { line } => write!(
                f,
                "Line {line}: a quoted field opens with \" but is never closed, so the rest of the file would be read as one value. Check that line for a stray double quote, or re-export the file."
            ),
            ImportError::StrayQuote {
                line,
                column,
                until_line,
                rows,
            } => write!(
                f,
                "Line {line}, column {column}: a quoted value opens with \" and runs on to line {until_line}, taking in {} {} that {} like {}, so {} would be lost. Check line {line} for a stray double quote (a quote inside a value is written twice, \"\"), or re-export the file.",
                thousands(*rows),
                if *rows == 1 { "line" } else { "lines" },
                if *rows == 1 { "looks" } else { "look" },
                if *rows == 1 { "an event row" } else { "event rows" },
                if *rows == 1 { "it" } else { "they" },
            ),
            ImportError::QuoteInHeader {
                line,
                column,
                value,
            } => {
                let shown: String = value.chars().take(40).collect();
                let more = if shown.len() < value.len() { "..." } else { "" };
                write!(
                    f,
                    "Line {line}, column {column} of the header: a double quote opens a column name that runs on over separators or line breaks (\"{}{more}\"), so the columns cannot be told apart. Remove the stray quote from the header line, or re-export the file.",
                    shown.replace(['\n', '\r'], " ")
                )
            }
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
            ImportError::TooLarge { bytes, limit_bytes } => {
                let (size, limit) = file_sizes(*bytes, *limit_bytes);
                write!(
                    f,
                    "The file is {size}, more than the {limit} this browser tab can read. Export a smaller selection (fewer years or countries) and load that."
                )
            }
            ImportError::TooManyEvents { limit, line } => write!(
                f,
                "Line {line}: the file has more than {} events, more than this browser tab can hold (each takes about 40 bytes of memory). Export a smaller selection (fewer years or countries) and load that.",
                thousands(*limit)
            ),
            ImportError::TooMuchMemory { line, limit_bytes } => write!(
                f,
                "Line {line}: the events read so far, with their places, actors and names, take more than {} of memory, more than this browser tab can hold. Export a smaller selection (fewer years or countries) and load that.",
                file_size(*limit_bytes)
            ),
            ImportError::HeldTextTooLarge {
                encoding,
                line,
                limit_bytes,
            } => write!(
                f,
                "Line {line}: this {} file is converted to UTF-8 and kept in memory, and by this line it would take more than {}. Save it as \"CSV UTF-8\" (which is read without a copy), or export a smaller selection, and load that.",
                encoding.label(),
                file_size(*limit_bytes)
            ),
            ImportError::TooManyValues {
                role,
                column,
                limit,
                line,
            } => write!(
                f,
                "Line {line}: the column \"{column}\", read as the {}, has more than {} different values, more than a type column can hold; it is probably not a column of types. Choose another column for the {} in the column mapping, or check the file.",
                role.label().to_lowercase(),
                thousands(*limit as u64),
                role.label().to_lowercase()
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
