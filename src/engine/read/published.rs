//! Aggregate figures that publications state ("47 JNIM attacks on civilians
//! in central Mali in the 2022 rainy season"), kept beside the events so a
//! view can show "published figure" next to "what your data says".

use crate::engine::data::date::{self, Day};
use serde::Serialize;

/// One published figure, with where it comes from and what it counts.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PublishedFigure {
    pub id: String,
    pub publication: String,
    pub published: Option<Day>,
    pub claim: String,
    /// events, fatalities, civilian_fatalities or share.
    pub measure: String,
    pub value: f64,
    pub unit: String,
    pub period_start: Option<Day>,
    pub period_end: Option<Day>,
    /// Months-of-year window, e.g. (6, 9).
    pub months: Option<(u8, u8)>,
    pub area: String,
    pub actor: String,
    pub event_types: Vec<String>,
    pub definition: String,
    pub notes: String,
}

const COLUMNS: [&str; 15] = [
    "figure_id",
    "publication",
    "published",
    "claim",
    "measure",
    "value",
    "unit",
    "period_start",
    "period_end",
    "months",
    "area",
    "actor",
    "event_types",
    "definition",
    "notes",
];

/// Parses a published-figures CSV. Errors name the line and the column.
pub fn parse(bytes: &[u8]) -> Result<Vec<PublishedFigure>, String> {
    let mut reader = csv::ReaderBuilder::new().from_reader(bytes);
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| format!("The figures file has no readable header: {e}."))?
        .iter()
        .map(str::to_string)
        .collect();
    if header != COLUMNS {
        return Err(format!(
            "The figures file's header should be {}; it is {}.",
            COLUMNS.join(","),
            header.join(",")
        ));
    }
    let mut figures = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let line = i + 2;
        let r = record.map_err(|e| format!("Line {line} of the figures file: {e}."))?;
        let get = |c: usize| r.get(c).unwrap_or("").trim().to_string();
        let day = |c: usize| -> Result<Option<Day>, String> {
            let text = get(c);
            if text.is_empty() {
                return Ok(None);
            }
            date::parse_iso(&text).map(Some).ok_or_else(|| {
                format!(
                    "Line {line}, column {}: \"{text}\" is not a YYYY-MM-DD date.",
                    COLUMNS[c]
                )
            })
        };
        let value: f64 = get(5)
            .parse()
            .map_err(|_| format!("Line {line}, column value: \"{}\" is not a number.", get(5)))?;
        let months = match get(9) {
            m if m.is_empty() => None,
            m => {
                let parsed = m
                    .split_once('-')
                    .and_then(|(a, b)| Some((a.parse::<u8>().ok()?, b.parse::<u8>().ok()?)))
                    .filter(|&(a, b)| (1..=12).contains(&a) && (1..=12).contains(&b));
                Some(parsed.ok_or_else(|| {
                    format!("Line {line}, column months: \"{m}\" is not a window like 6-9.")
                })?)
            }
        };
        figures.push(PublishedFigure {
            id: get(0),
            publication: get(1),
            published: day(2)?,
            claim: get(3),
            measure: get(4),
            value,
            unit: get(6),
            period_start: day(7)?,
            period_end: day(8)?,
            months,
            area: get(10),
            actor: get(11),
            event_types: get(12)
                .split(';')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect(),
            definition: get(13),
            notes: get(14),
        });
    }
    Ok(figures)
}
