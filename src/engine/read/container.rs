//! What an export is wrapped in when it is not CSV text - an Excel
//! workbook or a JSON answer of the ACLED or UCDP API - and the CSV text
//! such a file becomes before the importer reads it: the [`Container`] the
//! events came out of, the [`ContainerError`]s of reading one, and
//! [`CsvText`], which writes rows of cells as CSV.

use crate::engine::i18n::quote;
use crate::t;
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

    /// A sentence for the import report, in the page's language: "Read
    /// from sheet “Events” of the workbook; its other sheets: “Notes”."
    /// (empty for plain text).
    pub fn describe(&self) -> String {
        match self {
            Container::Text => String::new(),
            Container::Workbook { sheet, .. } => {
                let others = self.other_sheets();
                if others.is_empty() {
                    t!("container-read-sheet-only", sheet = sheet)
                } else {
                    t!(
                        "container-read-sheet-others",
                        sheet = sheet,
                        others = quoted_list(&others)
                    )
                }
            }
            Container::Json { shape } => t!("container-read-json", shape = shape.describe()),
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
    /// "an ACLED API answer (its "data" array)", in the page's language.
    pub fn describe(self) -> String {
        match self {
            JsonShape::AcledApi => t!("json-shape-acled", array = "data"),
            JsonShape::UcdpApi => t!("json-shape-ucdp", array = "Result"),
            JsonShape::Array => t!("json-shape-array"),
        }
    }
}

/// What a JSON document that holds no events is instead.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum JsonFound {
    /// An object with no event array: its first keys, and whether it has
    /// more than those.
    Object { keys: Vec<String>, more: bool },
    /// A lone `true` or `false`.
    Bool,
    /// A lone number.
    Number,
    /// A lone string.
    Text,
    /// A lone `null`.
    Null,
    /// Nothing but white space.
    Empty,
    /// An event array of values that are not objects.
    NotObjects(JsonShape),
    /// An event array whose objects have no keys.
    EmptyObjects(JsonShape),
}

impl JsonFound {
    /// "an object with the keys "a", "b"", in the page's language.
    pub fn describe(&self) -> String {
        match self {
            JsonFound::Object { keys, .. } if keys.is_empty() => t!("json-found-object"),
            JsonFound::Object { keys, more } => {
                let shown: Vec<String> = keys.iter().map(|k| format!("\"{k}\"")).collect();
                let more = if *more { ", ..." } else { "" };
                t!(
                    "json-found-object-keys",
                    keys = format!("{}{more}", shown.join(", "))
                )
            }
            JsonFound::Bool => t!("json-found-bool"),
            JsonFound::Number => t!("json-found-number"),
            JsonFound::Text => t!("json-found-string"),
            JsonFound::Null => t!("json-found-null"),
            JsonFound::Empty => t!("json-found-empty"),
            JsonFound::NotObjects(shape) => t!("json-found-not-objects", shape = shape.describe()),
            JsonFound::EmptyObjects(shape) => {
                t!("json-found-empty-objects", shape = shape.describe())
            }
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
    JsonShape { found: JsonFound },
    /// The ACLED API answered with an error instead of events.
    ApiError { message: String },
    /// The array of events is empty.
    NoObjects { shape: JsonShape },
    /// The file must be read whole, and it is larger than the page reads
    /// whole. `what`: "workbook", or anything else for a JSON file (it
    /// chooses the sentence, never shown as it is).
    TooLargeToReadWhole {
        what: String,
        bytes: u64,
        limit_bytes: u64,
    },
}

impl fmt::Display for ContainerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Each sentence is a message of the page's language (`container-*`)
        // filled with the error's values.
        let text = match self {
            ContainerError::OldExcel => t!("container-old-excel"),
            ContainerError::Encrypted => t!("container-encrypted"),
            ContainerError::DamagedWorkbook { problem } => {
                t!("container-damaged", problem = problem)
            }
            ContainerError::NoWorksheet => t!("container-no-worksheet"),
            ContainerError::SheetNotFound { sheet, sheets } => t!(
                "container-sheet-not-found",
                sheet = sheet,
                sheets = quoted_list(&sheets.iter().map(String::as_str).collect::<Vec<_>>())
            ),
            ContainerError::EmptySheet { sheet } => t!("container-empty-sheet", sheet = sheet),
            ContainerError::JsonSyntax {
                line,
                column,
                problem,
            } => t!(
                "container-json-syntax",
                line = line.to_string(),
                column = column.to_string(),
                problem = problem
            ),
            // The shapes read, written as JSON (the same in every language).
            ContainerError::JsonShape { found } => t!(
                "container-json-shape",
                found = found.describe(),
                acled = r#"{"success": true, "data": [...]}"#,
                ucdp = r#"{"TotalCount": ..., "Result": [...]}"#,
                array = r#"[{"event_date": ...}, ...]"#
            ),
            ContainerError::ApiError { message } => t!("container-api-error", message = message),
            ContainerError::NoObjects { shape } => {
                t!("container-no-objects", shape = shape.describe())
            }
            ContainerError::TooLargeToReadWhole {
                what,
                bytes,
                limit_bytes,
            } => t!(
                "container-too-large",
                kind = what,
                size = bytes / 1_000_000,
                limit = limit_bytes / 1_000_000
            ),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for ContainerError {}

/// “A”, “B” and “C” (« A », « B » et « C » in French).
fn quoted_list(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| quote(n)).collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => t!("list-and", first = rest.join(", "), last = last),
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
    use crate::engine::i18n::{with_lang, Lang};

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
                found: JsonFound::Number,
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
            let fr = crate::engine::i18n::with_lang(french(), || e.to_string());
            assert!(fr.ends_with('.') && fr != s, "{fr}");
        }
    }

    fn french() -> Lang {
        Lang::parse("fr").unwrap()
    }

    #[test]
    fn errors_read_in_french_from_their_values() {
        let in_french = |e: ContainerError| with_lang(french(), || e.to_string());
        assert_eq!(
            in_french(ContainerError::SheetNotFound {
                sheet: "Feuil2".into(),
                sheets: vec!["Données".into(), "Notes".into(), "Carte".into()],
            }),
            "Le classeur n\u{2019}a pas de feuille \u{ab}\u{a0}Feuil2\u{a0}\u{bb}\u{202f}; \
             ses feuilles sont \u{ab}\u{a0}Données\u{a0}\u{bb}, \u{ab}\u{a0}Notes\u{a0}\u{bb} \
             et \u{ab}\u{a0}Carte\u{a0}\u{bb}. Choisissez l\u{2019}une d\u{2019}elles."
        );
        assert_eq!(
            in_french(ContainerError::TooLargeToReadWhole {
                what: "workbook".into(),
                bytes: 312_000_000,
                limit_bytes: 200_000_000,
            }),
            "Ce classeur pèse 312 Mo. Un classeur doit être lu en entier, et cette page lit \
             ainsi jusqu\u{2019}à 200 Mo. Enregistrez les données en CSV, qui est lu morceau par \
             morceau, ou exportez une sélection plus petite."
        );
        assert_eq!(
            in_french(ContainerError::NoObjects {
                shape: JsonShape::UcdpApi
            }),
            "Ce fichier est une réponse de l\u{2019}API UCDP (son tableau \u{ab}\u{a0}Result\u{a0}\u{bb}) \
             sans aucun événement. Vérifiez que les filtres de la requête (dates, pays) \
             correspondaient à des événements, puis relancez-la."
        );
        assert_eq!(
            in_french(ContainerError::JsonShape {
                found: JsonFound::Object {
                    keys: vec!["event_date".into()],
                    more: true
                }
            }),
            "Ce fichier JSON est un objet avec les clés \"event_date\", ..., où EventLens ne \
             trouve aucun événement. Il lit une réponse de l\u{2019}API ACLED \
             ({\"success\": true, \"data\": [...]}), une réponse de l\u{2019}API UCDP \
             ({\"TotalCount\": ..., \"Result\": [...]}) ou un tableau d\u{2019}objets \
             événements ([{\"event_date\": ...}, ...])."
        );
        // The English sentence of the same error.
        assert_eq!(
            ContainerError::TooLargeToReadWhole {
                what: "JSON file".into(),
                bytes: 312_000_000,
                limit_bytes: 200_000_000,
            }
            .to_string(),
            "This JSON file is 312 MB. A JSON file has to be read whole, and this page reads up \
             to 200 MB that way. Save the data as CSV, which is read piece by piece, or export a \
             smaller selection."
        );
    }

    #[test]
    fn the_report_sentence_is_french_too() {
        let three = Container::Workbook {
            sheet: "B".into(),
            sheets: vec!["A".into(), "B".into(), "C".into()],
        };
        assert_eq!(
            with_lang(french(), || three.describe()),
            "Lu dans la feuille \u{ab}\u{a0}B\u{a0}\u{bb} du classeur\u{202f}; ses autres \
             feuilles\u{a0}: \u{ab}\u{a0}A\u{a0}\u{bb} et \u{ab}\u{a0}C\u{a0}\u{bb}."
        );
        assert_eq!(
            with_lang(french(), || Container::Json {
                shape: JsonShape::Array
            }
            .describe()),
            "Lu dans un tableau JSON d\u{2019}objets."
        );
    }
}
