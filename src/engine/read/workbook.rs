//! Excel workbooks (.xlsx): one worksheet, cell by cell, becomes CSV text
//! for the importer. The header is the sheet's first row with a value;
//! numbers are written as Excel shows them in a general cell (`3`, not
//! `3.0`), date cells as ISO dates (`2022-06-01`), text as it is.
//!
//! Old binary workbooks (.xls) and password-protected ones are refused
//! with a sentence saying what to do.

use crate::engine::i18n::join_list;
use crate::engine::read::container::{Container, ContainerError, Converted, CsvText};
use crate::t;
use calamine::{DataRef, ExcelDateTime, Reader, SheetType, SheetVisible, Xlsx, XlsxError};
use std::fmt::Write;
use std::io::Cursor;

/// The first bytes of an OLE compound file: an .xls workbook, or an .xlsx
/// that Office encrypted with a password.
pub(crate) const OLE_MAGIC: [u8; 4] = [0xD0, 0xCF, 0x11, 0xE0];

/// Reads `sheet` of the workbook in `bytes`, or, when `sheet` is `None`, its
/// first visible worksheet that has a value in some cell.
pub fn read_workbook(bytes: &[u8], sheet: Option<&str>) -> Result<Converted, ContainerError> {
    let mut book = Xlsx::new(Cursor::new(bytes)).map_err(|e| opening_error(e, bytes))?;
    let sheets: Vec<String> = book
        .sheets_metadata()
        .iter()
        .filter(|s| s.typ == SheetType::WorkSheet && s.visible == SheetVisible::Visible)
        .map(|s| s.name.clone())
        .collect();
    let candidates: Vec<String> = match sheet {
        Some(name) if sheets.iter().any(|s| s == name) => vec![name.to_string()],
        Some(name) => {
            return Err(ContainerError::SheetNotFound {
                sheet: name.to_string(),
                sheets,
            })
        }
        None => sheets.clone(),
    };
    let Some(first) = candidates.first().cloned() else {
        return Err(ContainerError::NoWorksheet);
    };
    for name in candidates {
        if let Some((text, warnings)) = sheet_text(&mut book, &name)? {
            return Ok(Converted {
                text,
                container: Container::Workbook {
                    sheet: name,
                    sheets,
                },
                warnings,
            });
        }
    }
    Err(ContainerError::EmptySheet { sheet: first })
}

fn opening_error(error: XlsxError, bytes: &[u8]) -> ContainerError {
    match error {
        XlsxError::Password => ContainerError::Encrypted,
        _ if bytes.starts_with(&OLE_MAGIC) => ContainerError::OldExcel,
        e => damaged(e),
    }
}

fn damaged(error: XlsxError) -> ContainerError {
    ContainerError::DamagedWorkbook {
        problem: error.to_string(),
    }
}

/// The sheet as CSV text and the report's warnings about it; `None` when
/// no cell of the sheet has a value.
fn sheet_text(
    book: &mut Xlsx<Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<(String, Vec<String>)>, ContainerError> {
    let mut cells = book.worksheet_cells_reader(name).map_err(damaged)?;
    let mut table = SheetTable::default();
    let mut row: Vec<(u32, String)> = Vec::new();
    let mut row_index = None;
    while let Some(cell) = cells.next_cell().map_err(damaged)? {
        let (r, c) = cell.get_position();
        if row_index != Some(r) {
            if let Some(done) = row_index {
                table.row(done, &mut row);
            }
            row_index = Some(r);
        }
        let mut text = String::new();
        cell_text(cell.get_value(), &mut text);
        if !text.is_empty() {
            row.push((c, text));
        }
    }
    if let Some(done) = row_index {
        table.row(done, &mut row);
    }
    Ok(table.finish())
}

/// Rows of a sheet on their way to CSV. The header row sets the columns:
/// cells left or right of it have no name and are left out (and counted).
#[derive(Default)]
struct SheetTable {
    csv: CsvText,
    /// First column and number of columns of the header.
    columns: Option<(u32, u32)>,
    header_row: u32,
    blank_rows: u64,
    last_row: u32,
    outside: u64,
    first_outside: Option<(u32, u32)>,
}

impl SheetTable {
    /// Takes one row's non-empty cells, in column order.
    fn row(&mut self, index: u32, cells: &mut Vec<(u32, String)>) {
        if cells.is_empty() {
            return;
        }
        match self.columns {
            None => {
                let start = cells[0].0;
                let end = cells[cells.len() - 1].0 + 1;
                self.columns = Some((start, end - start));
                self.header_row = index;
                self.write(start, end - start, cells);
            }
            Some((start, width)) => {
                self.blank_rows += u64::from(index.saturating_sub(self.last_row + 1));
                for &(c, _) in cells.iter() {
                    if c < start || c >= start + width {
                        self.outside += 1;
                        self.first_outside.get_or_insert((index, c));
                    }
                }
                self.write(start, width, cells);
            }
        }
        self.last_row = index;
        cells.clear();
    }

    fn write(&mut self, start: u32, width: u32, cells: &[(u32, String)]) {
        let mut next = cells
            .iter()
            .filter(|(c, _)| *c >= start && *c < start + width)
            .peekable();
        for column in start..start + width {
            match next.next_if(|(c, _)| *c == column) {
                Some((_, text)) => self.csv.field(text),
                None => self.csv.field(""),
            }
        }
        self.csv.end_row();
    }

    fn finish(self) -> Option<(String, Vec<String>)> {
        self.columns?;
        let mut warnings = Vec::new();
        if let Some((row, column)) = self.first_outside {
            warnings.push(t!(
                "sheet-outside-cells",
                count = self.outside,
                cell = cell_name(row, column)
            ));
        }
        let mut reasons = Vec::new();
        if self.header_row > 0 {
            // A row number as the sheet shows it, without separators.
            reasons.push(t!(
                "sheet-reason-header",
                row = (self.header_row + 1).to_string()
            ));
        }
        if self.blank_rows > 0 {
            reasons.push(t!("sheet-reason-blank", count = self.blank_rows));
        }
        if self.csv.has_multi_line_fields() {
            reasons.push(t!("sheet-reason-multi-line"));
        }
        if !reasons.is_empty() {
            warnings.push(t!("sheet-lines-differ", reasons = join_list(&reasons)));
        }
        Some((self.csv.into_string(), warnings))
    }
}

/// `C7` for row index 6, column index 2.
fn cell_name(row: u32, column: u32) -> String {
    let mut letters = Vec::new();
    let mut n = column + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect::<String>() + &(row + 1).to_string()
}

/// Appends the text of one cell to `out`, as the CSV export of the sheet
/// would hold it.
fn cell_text(value: &DataRef<'_>, out: &mut String) {
    match value {
        DataRef::Int(i) => {
            let _ = write!(out, "{i}");
        }
        DataRef::Float(f) => number_text(*f, out),
        DataRef::String(s) => out.push_str(s),
        DataRef::SharedString(s) => out.push_str(s),
        DataRef::Bool(b) => out.push_str(if *b { "TRUE" } else { "FALSE" }),
        DataRef::DateTime(d) => date_text(d, out),
        DataRef::DateTimeIso(s) => out.push_str(s.strip_suffix("T00:00:00").unwrap_or(s)),
        DataRef::DurationIso(s) => out.push_str(s),
        DataRef::Error(e) => {
            let _ = write!(out, "{e}");
        }
        DataRef::Empty => {}
    }
}

/// Whole numbers without a decimal point; others in the shortest form that
/// reads back as the same number (Excel stores every number as a double).
fn number_text(f: f64, out: &mut String) {
    if f.is_finite() && f.fract() == 0.0 && f.abs() < 1e15 {
        let _ = write!(out, "{}", f as i64);
    } else {
        let _ = write!(out, "{f}");
    }
}

/// A date cell as `2022-06-01` (with ` 13:45:00` when it has a time of
/// day), a time cell as `13:45:00`; a duration as its number of days.
fn date_text(d: &ExcelDateTime, out: &mut String) {
    let serial = d.as_f64();
    if !d.is_datetime() || !serial.is_finite() || serial < 0.0 {
        number_text(serial, out);
        return;
    }
    let (year, month, day, hour, minute, second, milli) = d.to_ymd_hms_milli();
    let has_time = (hour, minute, second, milli) != (0, 0, 0, 0);
    if serial >= 1.0 {
        let _ = write!(out, "{year:04}-{month:02}-{day:02}");
        if has_time {
            out.push(' ');
        }
    }
    if has_time || serial < 1.0 {
        let _ = write!(out, "{hour:02}:{minute:02}:{second:02}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::ExcelDateTimeType;

    fn text(value: DataRef<'_>) -> String {
        let mut out = String::new();
        cell_text(&value, &mut out);
        out
    }

    fn date(serial: f64) -> DataRef<'static> {
        DataRef::DateTime(ExcelDateTime::new(
            serial,
            ExcelDateTimeType::DateTime,
            false,
        ))
    }

    #[test]
    fn numbers_are_written_as_a_general_cell_shows_them() {
        assert_eq!(text(DataRef::Float(3.0)), "3");
        assert_eq!(text(DataRef::Float(-4.5)), "-4.5");
        assert_eq!(text(DataRef::Float(14.123_456_7)), "14.1234567");
        assert_eq!(text(DataRef::Float(1_200.0)), "1200");
        assert_eq!(text(DataRef::Int(2021)), "2021");
        assert_eq!(text(DataRef::Bool(true)), "TRUE");
        assert_eq!(text(DataRef::Empty), "");
        assert_eq!(text(DataRef::SharedString("Mopti")), "Mopti");
    }

    #[test]
    fn date_cells_become_iso_dates() {
        // Serial days counted by hand from 1899-12-30 (Excel's day 0, past
        // its 1900 leap-year slip): 2022-06-01 is 44713.
        assert_eq!(text(date(44_713.0)), "2022-06-01");
        // Excel shows day 1 as 1900-01-01.
        assert_eq!(text(date(1.0)), "1900-01-01");
        assert_eq!(text(date(61.0)), "1900-03-01");
        assert_eq!(text(date(44_713.5)), "2022-06-01 12:00:00");
        assert_eq!(text(date(0.75)), "18:00:00");
        assert_eq!(
            text(DataRef::DateTimeIso("2022-06-01T00:00:00".into())),
            "2022-06-01"
        );
    }

    #[test]
    fn cells_are_named_as_excel_names_them() {
        assert_eq!(cell_name(0, 0), "A1");
        assert_eq!(cell_name(6, 2), "C7");
        assert_eq!(cell_name(9, 25), "Z10");
        assert_eq!(cell_name(0, 26), "AA1");
        assert_eq!(cell_name(0, 701), "ZZ1");
        assert_eq!(cell_name(0, 702), "AAA1");
    }

    #[test]
    fn the_header_row_sets_the_columns() {
        let mut table = SheetTable::default();
        let row = |cells: &[(u32, &str)]| -> Vec<(u32, String)> {
            cells.iter().map(|&(c, t)| (c, t.to_string())).collect()
        };
        // A title line would make a one-column header; this sheet starts
        // at B2 with three columns.
        table.row(1, &mut row(&[(1, "a"), (2, "b"), (3, "c")]));
        table.row(2, &mut row(&[(1, "1"), (3, "3")]));
        table.row(4, &mut row(&[(0, "left"), (2, "2"), (5, "right")]));
        let (text, warnings) = table.finish().unwrap();
        assert_eq!(text, "a,b,c\n1,,3\n,2,\n");
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert!(warnings[0].starts_with("2 cells"), "{warnings:?}");
        assert!(warnings[0].contains("A5"), "{warnings:?}");
        assert_eq!(
            warnings[1],
            "Line numbers in this report are not the sheet's row numbers: line 1 is the header, on row 2; 1 empty row is left out."
        );
    }

    #[test]
    fn an_empty_sheet_gives_no_text() {
        assert!(SheetTable::default().finish().is_none());
    }
}
