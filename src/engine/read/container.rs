//! What an export is wrapped in when it is not CSV text - an Excel
//! workbook or a JSON answer of the ACLED or UCDP API - and the CSV text
//! such a file becomes before the importer reads it: the [`Container`] the
//! events came out of, the [`ContainerError`]s of reading one, and
//! [`CsvText`], which writes rows of cells as CSV.

use serde::Serialize;
use std::fmt;

/// Where the events of a file were found.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Container {
    /// CSV (or TSV) text, read as it is.
    Text,
    /// One sheet of an Excel workbook (.xlsx).
    Workbook {
        /// The sheet that was read.
        sheet: String,
        /// Every worksheet of the workbook, in workbook order (the one read
        /// among them), for the user to pick another.
        sheets: Vec<String>,
    },
    /// The array of objects of a JSON document.
    Json { shape: JsonShape },
}

impl Container {
    /// The worksheets other than the one read (none for other containers).
    pub(crate) fn other_sheets(&self) -> Vec<&str> {
        match self {
            Container::Workbook { sheet, sheets } => sheets
                .iter()
                .filter(|s| *s != sheet)
                .map(String::as_str)
                .collect(),
            _ => Vec::new(),
        }
    }

    /// A sentence for the import report: "Read from sheet “Events” of the
    /// workbook; its other sheets: “Notes”." (empty for plain text).
    pub fn describe(&self) -> String {
        match self {
            Container::Text => String::new(),
            Container::Workbook { sheet, .. } => {
                let others = self.other_sheets();
                if others.is_empty() {
                    format!(
                        "Read from sheet \u{201c}{sheet}\u{201d} of the workbook, its only sheet."
                    )
                } else {
                    format!(
                        "Read from sheet \u{201c}{sheet}\u{201d} of the workbook; its other sheets: {}.",
                        quoted_list(&others)
                    )
                }
            }
            Container::Json { shape } => format!("Read from {}.", shape.describe()),
        }
    }
}

/// A workbook or JSON document turned into CSV text for the importer.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Converted {
    pub text: String,
    pub container: Container,
    /// What the user should know about the conversion, for the report.
    pub warnings: Vec<String>,
}

/// The JSON documents that are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum JsonShape {
    /// `{"success": true, "count": N, "data": [{...}, ...]}`
    AcledApi,
    /// `{"TotalCount": N, "Result": [{...}, ...]}`
    UcdpApi,
    /// `[{...}, ...]`
    Array,
}

impl JsonShape {
    pub fn describe(self) -> &'static str {
        match self {
            JsonShape::AcledApi => "an ACLED API answer (its \"data\" array)",
            JsonShape::UcdpApi => "a UCDP API answer (its \"Result\" array)",
            JsonShape::Array => "a JSON array of objects",
        }
    }
}

/// Why a workbook or a JSON document gave no CSV text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum ContainerError {
    /// An Excel 97-2003 binary workbook (.xls).
    OldExcel,
    /// A workbook saved with a password (Office encrypts the whole file).
    Encrypted,
    /// The workbook's parts could not be read.
    DamagedWorkbook { problem: String },
    /// The workbook holds no worksheet (only charts, or all hidden).
    NoWorksheet,
    /// The sheet asked for is not in the workbook.
    SheetNotFound { sheet: String, sheets: Vec<String> },
    /// No worksheet of the workbook has a non-empty cell (or the one asked
    /// for has none).
    EmptySheet { sheet: String },
    /// Not valid JSON.
    JsonSyntax {
        line: usize,
        column: usize,
        problem: String,
    },
    /// Valid JSON, but not a shape that holds events.
    JsonShape { found: String },
    /// The ACLED API answered with an error instead of events.
    ApiError { message: String },
    /// The array of events is empty.
    NoObjects { shape: JsonShape },
    /// The file must be read whole, and it is larger than the page reads
    /// whole. `what`: "workbook" or "JSON file".
    TooLargeToReadWhole {
        what: String,
        bytes: u64,
        limit_bytes: u64,
    },
}

impl fmt::Display for ContainerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ContainerError::OldExcel => write!(
                f,
                "This is an Excel 97-2003 workbook (.xls), an older format EventLens does not read. Open it in Excel or LibreOffice and save it as an Excel workbook (.xlsx) or as \"CSV UTF-8 (comma delimited)\", then drop that file."
            ),
            ContainerError::Encrypted => write!(
                f,
                "This Excel workbook is protected with a password, so its cells cannot be read. Open it in Excel, remove the password (File > Info > Protect Workbook) or save a copy as CSV, then drop that file."
            ),
            ContainerError::DamagedWorkbook { problem } => write!(
                f,
                "This Excel workbook could not be read ({problem}); it may be damaged or not fully downloaded. Download it again, or open it in Excel or LibreOffice and save it as CSV."
            ),
            ContainerError::NoWorksheet => write!(
                f,
                "This Excel workbook has no visible worksheet with cells (only charts, or hidden sheets). Unhide the sheet with the events, or save it as CSV, then drop that file."
            ),
            ContainerError::SheetNotFound { sheet, sheets } => write!(
                f,
                "The workbook has no sheet \u{201c}{sheet}\u{201d}; its sheets are {}. Choose one of those.",
                quoted_list(&sheets.iter().map(String::as_str).collect::<Vec<_>>())
            ),
            ContainerError::EmptySheet { sheet } => write!(
                f,
                "Sheet \u{201c}{sheet}\u{201d} of the workbook has no cells with values. Choose the sheet that holds the events, with their column names in its first row."
            ),
            ContainerError::JsonSyntax {
                line,
                column,
                problem,
            } => write!(
                f,
                "Line {line}, column {column}: this JSON file is not valid JSON ({problem}); it may not have finished downloading. Download it again."
            ),
            ContainerError::JsonShape { found } => write!(
                f,
                "This JSON file is {found}, which holds no events EventLens can find. It reads an ACLED API answer ({{\"success\": true, \"data\": [...]}}), a UCDP API answer ({{\"TotalCount\": ..., \"Result\": [...]}}) or an array of event objects ([{{\"event_date\": ...}}, ...])."
            ),
            ContainerError::ApiError { message } => write!(
                f,
                "This is an ACLED API answer that reports an error instead of events: {message}. Check the query (key, e-mail address, filters) and ask again."
            ),
            ContainerError::NoObjects { shape } => write!(
                f,
                "This file is {} with no events in it. Check that the query's filters (dates, countries) matched some events, then ask again.",
                shape.describe()
            ),
            ContainerError::TooLargeToReadWhole {
                what,
                bytes,
                limit_bytes,
            } => write!(
                f,
                "This {what} is {} MB. A {what} has to be read whole, and this page reads up to {} MB that way. Save the data as CSV, which is read piece by piece, or export a smaller selection.",
                bytes / 1_000_000,
                limit_bytes / 1_000_000
            ),
        }
    }
}

impl std::error::Error for ContainerError {}

/// “A”, “B” and “C”.
fn quoted_list(names: &[&str]) -> String {
    let quoted: Vec<String> = names
        .iter()
        .map(|n| format!("\u{201c}{n}\u{201d}"))
        .collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

/// CSV text written row by row: fields separated by commas, rows ended by
/// `\n`, a field quoted when it holds a comma, quote or line break - or a
/// semicolon or tab, so the importer's delimiter guess, which counts
/// separators outside quotes in the header, can only find the comma.
#[derive(Debug, Default)]
pub(crate) struct CsvText {
    text: String,
    rows: u64,
    field_in_row: bool,
    /// A field of some row holds a line break, so lines of the text and
    /// rows of the source no longer match.
    multi_line: bool,
}

impl CsvText {
    pub fn new() -> CsvText {
        CsvText::default()
    }

    /// Appends one field to the current row.
    pub fn field(&mut self, value: &str) {
        if self.field_in_row {
            self.text.push(',');
        }
        self.field_in_row = true;
        if value.contains([',', '"', '\n', '\r', ';', '\t']) {
            self.multi_line |= value.contains(['\n', '\r']);
            self.text.push('"');
            for c in value.chars() {
                if c == '"' {
                    self.text.push('"');
                }
                self.text.push(c);
            }
            self.text.push('"');
        } else {
            self.text.push_str(value);
        }
    }

    /// Ends the current row.
    pub(crate) fn end_row(&mut self) {
        self.text.push('\n');
        self.rows += 1;
        self.field_in_row = false;
    }

    #[cfg(test)]
    /// Rows ended so far, the header included.
    pub fn rows(&self) -> u64 {
        self.rows
    }

    /// Whether some field holds a line break.
    pub(crate) fn has_multi_line_fields(&self) -> bool {
        self.multi_line
    }

    pub(crate) fn into_string(self) -> String {
        self.text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_they_must_be() {
        let mut csv = CsvText::new();
        for f in [
            "plain",
            "a,b",
            "say \"hi\"",
            "two\nlines",
            "x;y",
            "t\tab",
            "",
        ] {
            csv.field(f);
        }
        csv.end_row();
        csv.field("next");
        csv.end_row();
        assert_eq!(csv.rows(), 2);
        assert!(csv.has_multi_line_fields());
        assert_eq!(
            csv.into_string(),
            "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"x;y\",\"t\tab\",\nnext\n"
        );
    }

    #[test]
    fn the_report_sentence_names_the_sheet_and_the_others() {
        let one = Container::Workbook {
            sheet: "Data".into(),
            sheets: vec!["Data".into()],
        };
        assert_eq!(
            one.describe(),
            "Read from sheet \u{201c}Data\u{201d} of the workbook, its only sheet."
        );
        let three = Container::Workbook {
            sheet: "B".into(),
            sheets: vec!["A".into(), "B".into(), "C".into()],
        };
        assert_eq!(three.other_sheets(), vec!["A", "C"]);
        assert_eq!(
            three.describe(),
            "Read from sheet \u{201c}B\u{201d} of the workbook; its other sheets: \u{201c}A\u{201d} and \u{201c}C\u{201d}."
        );
        assert_eq!(
            quoted_list(&["A", "B", "C"]),
            "\u{201c}A\u{201d}, \u{201c}B\u{201d} and \u{201c}C\u{201d}"
        );
    }

    #[test]
    fn every_error_is_a_sentence() {
        let errors = [
            ContainerError::OldExcel,
            ContainerError::Encrypted,
            ContainerError::DamagedWorkbook {
                problem: "bad zip".into(),
            },
            ContainerError::NoWorksheet,
            ContainerError::SheetNotFound {
                sheet: "X".into(),
                sheets: vec!["A".into()],
            },
            ContainerError::EmptySheet { sheet: "A".into() },
            ContainerError::JsonSyntax {
                line: 1,
                column: 2,
                problem: "EOF".into(),
            },
            ContainerError::JsonShape {
                found: "a number".into(),
            },
            ContainerError::ApiError {
                message: "bad key".into(),
            },
            ContainerError::NoObjects {
                shape: JsonShape::Array,
            },
            ContainerError::TooLargeToReadWhole {
                what: "workbook".into(),
                bytes: 300_000_000,
                limit_bytes: 200_000_000,
            },
        ];
        for e in errors {
            let s = e.to_string();
            assert!(s.ends_with('.'), "{s}");
            assert!(s.chars().next().is_some_and(char::is_uppercase), "{s}");
        }
    }
}
