//! Any file a user holds, whatever it arrives in: CSV text goes to the
//! streaming importer as it is; an Excel workbook or a JSON document is read
//! whole, turned into CSV text ([`workbook`](super::workbook),
//! [`json`](super::json)) and imported from memory, so layouts, record
//! spans, notes and exports work the same for all of them.

use crate::engine::read::container::{Container, ContainerError, Converted};
use crate::engine::read::decode::SNIFF_LEN;
use crate::engine::read::error::ImportError;
use crate::engine::read::import::ImportWarning;
use crate::engine::read::import::{import_bytes, Dataset, ImportOptions};
use crate::engine::read::json::read_json;
use crate::engine::read::workbook::{read_workbook, OLE_MAGIC};

/// What a file is, from its first bytes and its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// CSV text (or something the importer will say is not), streamed.
    Text,
    /// An Excel workbook, read whole.
    Workbook,
    /// A JSON document, read whole.
    Json,
}

impl FileKind {}

/// Decides what the file is from its first bytes (`head`, up to
/// [`SNIFF_LEN`] of them) and, where the bytes leave it open, its name.
pub fn kind_of(head: &[u8], name: &str) -> FileKind {
    let name = name.to_ascii_lowercase();
    let zip = head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06");
    if zip
        && (name.ends_with(".xlsx")
            || name.ends_with(".xlsm")
            || contains(head, b"xl/")
            || contains(head, b"[Content_Types].xml"))
    {
        return FileKind::Workbook;
    }
    if head.starts_with(&OLE_MAGIC) {
        return FileKind::Workbook;
    }
    let text = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let mut bytes = text.iter().copied().filter(|b| !b.is_ascii_whitespace());
    match bytes.next() {
        Some(b'{') => FileKind::Json,
        // A CSV header could start with a bracket; an array of objects
        // goes on with one (or ends at once).
        Some(b'[') if name.ends_with(".json") || matches!(bytes.next(), Some(b'{' | b']')) => {
            FileKind::Json
        }
        _ => FileKind::Text,
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Turns a workbook (its `sheet`, or the first one with values) or a JSON
/// document into CSV text; `None` for text, which is imported as it is.
pub(crate) fn convert(
    bytes: &[u8],
    kind: FileKind,
    sheet: Option<&str>,
) -> Result<Option<Converted>, ContainerError> {
    match kind {
        FileKind::Text => Ok(None),
        FileKind::Workbook => read_workbook(bytes, sheet).map(Some),
        FileKind::Json => read_json(bytes).map(Some),
    }
}

/// How converted text is imported: held in memory, since the spans of
/// records point into it rather than into the user's file.
pub fn converted_options(options: ImportOptions) -> ImportOptions {
    ImportOptions {
        hold_text: true,
        ..options
    }
}

/// An imported file and what it was wrapped in.
pub struct Opened {
    pub dataset: Dataset,
    pub container: Container,
}

impl Opened {
    /// The import of converted text, reported as the file it came from:
    /// the file's size, and the conversion's warnings before the
    /// importer's.
    pub fn from_converted(
        mut dataset: Dataset,
        container: Container,
        warnings: Vec<String>,
        file_bytes: u64,
    ) -> Opened {
        let report = &mut dataset.report;
        report.bytes = file_bytes;
        let mut all: Vec<ImportWarning> =
            warnings.into_iter().map(ImportWarning::Converted).collect();
        all.append(&mut report.warnings);
        report.warnings = all;
        Opened { dataset, container }
    }
}

/// Imports a whole file in memory, whatever it is (CSV, .xlsx, JSON).
/// `sheet` picks a workbook's sheet; `name` only settles what the bytes
/// leave open (a `.json` file that starts with `[`).
pub fn import_any(
    bytes: &[u8],
    name: &str,
    sheet: Option<&str>,
    options: ImportOptions,
) -> Result<Opened, ImportError> {
    let kind = kind_of(&bytes[..bytes.len().min(SNIFF_LEN)], name);
    if kind != FileKind::Text {
        if let Some(limit) = options.size_limit {
            if bytes.len() as u64 > limit {
                return Err(ImportError::TooLarge {
                    bytes: bytes.len() as u64,
                    limit_bytes: limit,
                });
            }
        }
    }
    match convert(bytes, kind, sheet)? {
        None => Ok(Opened {
            dataset: import_bytes(bytes, options)?,
            container: Container::Text,
        }),
        Some(Converted {
            text,
            container,
            warnings,
        }) => {
            let dataset = import_bytes(text.as_bytes(), converted_options(options))?;
            Ok(Opened::from_converted(
                dataset,
                container,
                warnings,
                bytes.len() as u64,
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_kind_comes_from_the_bytes_and_the_name_settles_brackets() {
        let cases: [(&[u8], &str, FileKind); 12] = [
            (
                b"PK\x03\x04....[Content_Types].xml",
                "a.bin",
                FileKind::Workbook,
            ),
            (b"PK\x03\x04....xl/workbook.xml", "a", FileKind::Workbook),
            (
                b"PK\x03\x04....docProps/app.xml",
                "a.xlsx",
                FileKind::Workbook,
            ),
            // A zip that is no workbook is left to the importer's sentence.
            (b"PK\x03\x04....events.csv", "a.zip", FileKind::Text),
            (
                &[0xD0, 0xCF, 0x11, 0xE0, 0xA1],
                "old.xls",
                FileKind::Workbook,
            ),
            (b"  {\"data\": []}", "x.txt", FileKind::Json),
            (b"\xEF\xBB\xBF[\n {\"a\": 1}]", "x", FileKind::Json),
            (b"[]", "x", FileKind::Json),
            (b"[event_date],[fatalities]\n", "x.csv", FileKind::Text),
            (b"[ 1, 2 ]", "x.json", FileKind::Json),
            (b"event_date,fatalities\n", "x.json", FileKind::Text),
            (b"", "x.csv", FileKind::Text),
        ];
        for (head, name, want) in cases {
            assert_eq!(kind_of(head, name), want, "{name}: {head:?}");
        }
    }

    #[test]
    fn text_is_imported_as_it_is() {
        let csv = b"event_id_cnty,event_date,year,event_type,actor1,country,admin1,latitude,longitude,fatalities\nX1,2022-01-02,2022,Battles,A,Mali,Mopti,14,-4,3\n";
        let opened = import_any(csv, "x.csv", None, ImportOptions::default()).unwrap();
        assert_eq!(opened.container, Container::Text);
        assert_eq!(opened.dataset.store.len(), 1);
    }

    #[test]
    fn a_json_file_too_large_for_the_limit_is_refused_before_reading() {
        let json = br#"[{"event_date": "2022-01-02"}]"#;
        let options = ImportOptions {
            size_limit: Some(10),
            ..ImportOptions::default()
        };
        assert!(matches!(
            import_any(json, "x.json", None, options),
            Err(ImportError::TooLarge { .. })
        ));
    }
}
