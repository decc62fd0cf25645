//! The one error type of the importer. Every message is a sentence a user can
//! act on: what is wrong, where (line, column), and what to do about it.

use crate::engine::data::date::{self, Day};
use crate::engine::data::numbers::{file_size, file_sizes};
use crate::engine::data::source::{ColumnRole, TextEncoding};
use crate::engine::read::container::ContainerError;
use crate::engine::read::problem::{Example, RowProblem};
use crate::t;
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
        // Each sentence is a message of the page's language (`error-*`)
        // filled with the error's values.
        let text = match self {
            ImportError::EmptyFile => t!("error-empty-file"),
            ImportError::OnlyByteOrderMark { bytes } => {
                t!("error-only-bom", size = file_size(*bytes))
            }
            ImportError::OnlyBlankLines { bytes } => {
                t!("error-only-blank-lines", size = file_size(*bytes))
            }
            ImportError::HeaderOnly => t!("error-header-only"),
            ImportError::ExcelWorkbook => t!("error-excel"),
            ImportError::ZipArchive => t!("error-zip"),
            ImportError::Html => t!("error-html"),
            ImportError::Xml => t!("error-xml"),
            ImportError::Pdf => t!("error-pdf"),
            ImportError::Gzip => t!("error-gzip"),
            ImportError::Binary { offset } => t!("error-binary", offset = offset.to_string()),
            ImportError::UnclosedQuote { line } => {
                t!("error-unclosed-quote", line = line.to_string())
            }
            ImportError::StrayQuote {
                line,
                column,
                until_line,
                rows,
            } => t!(
                "error-stray-quote",
                line = line.to_string(),
                column = column.to_string(),
                until_line = until_line.to_string(),
                rows = *rows
            ),
            ImportError::QuoteInHeader {
                line,
                column,
                value,
            } => {
                let shown: String = value.chars().take(40).collect();
                let more = if shown.len() < value.len() { "..." } else { "" };
                t!(
                    "error-quote-in-header",
                    line = line.to_string(),
                    column = column.to_string(),
                    value = format!("{}{more}", shown.replace(['\n', '\r'], " "))
                )
            }
            ImportError::RecordTooLong { line, limit_mb } => t!(
                "error-record-too-long",
                line = line.to_string(),
                limit_mb = limit_mb.to_string()
            ),
            ImportError::DuplicateColumn {
                name,
                first,
                second,
            } => t!(
                "error-duplicate-column",
                name = name,
                first = first.to_string(),
                second = second.to_string()
            ),
            ImportError::UnknownLayout { headers } => {
                let shown: Vec<&str> = headers.iter().take(8).map(String::as_str).collect();
                t!(
                    "error-unknown-layout",
                    columns = format!(
                        "{}{}",
                        shown.join(", "),
                        if headers.len() > 8 { ", ..." } else { "" }
                    )
                )
            }
            ImportError::MappingColumnMissing { role, name } if name.is_empty() => {
                t!("error-mapping-unset", role = role.label().to_lowercase())
            }
            ImportError::MappingColumnMissing { role, name } => t!(
                "error-mapping-missing",
                name = name,
                role = role.label().to_lowercase()
            ),
            ImportError::NoUsableRows { problem, example } => {
                let value = if example.column.is_some() {
                    t!("error-no-rows-value", value = &example.value)
                } else {
                    String::new()
                };
                let hint = match problem.kind().hint() {
                    Some(hint) => format!(". {hint}"),
                    None => ".".to_string(),
                };
                t!(
                    "error-no-usable-rows",
                    place = example.place(),
                    problem = problem.to_string(),
                    value = value,
                    hint = hint
                )
            }
            ImportError::TooLarge { bytes, limit_bytes } => {
                let (size, limit) = file_sizes(*bytes, *limit_bytes);
                t!("error-too-large", size = size, limit = limit)
            }
            ImportError::TooManyEvents { limit, line } => t!(
                "error-too-many-events",
                line = line.to_string(),
                limit = *limit
            ),
            ImportError::TooMuchMemory { line, limit_bytes } => t!(
                "error-too-much-memory",
                line = line.to_string(),
                limit = file_size(*limit_bytes)
            ),
            ImportError::HeldTextTooLarge {
                encoding,
                line,
                limit_bytes,
            } => t!(
                "error-held-text-too-large",
                line = line.to_string(),
                encoding = encoding.label(),
                limit = file_size(*limit_bytes)
            ),
            ImportError::TooManyValues {
                role,
                column,
                limit,
                line,
            } => t!(
                "error-too-many-values",
                line = line.to_string(),
                column = column,
                role = role.label().to_lowercase(),
                limit = *limit
            ),
            ImportError::AmbiguousDateOrder { examples } => {
                let example = examples
                    .first()
                    .map(|(value, day_first, month_first)| {
                        t!(
                            "error-ambiguous-example",
                            value = value,
                            day_first = date::format_iso(*day_first),
                            month_first = date::format_iso(*month_first)
                        )
                    })
                    .unwrap_or_default();
                t!("error-ambiguous-dates", example = example)
            }
            ImportError::Container(e) => return e.fmt(f),
        };
        f.write_str(&text)
    }
}

impl From<ContainerError> for ImportError {
    fn from(e: ContainerError) -> Self {
        ImportError::Container(e)
    }
}

impl std::error::Error for ImportError {}
