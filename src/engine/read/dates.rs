//! Which way a file writes its dates, inferred from the values, the way
//! arrow-csv infers column types: every sampled value votes for the date
//! forms that can read it, and the one form that reads them all wins.
//!
//! Spreadsheets rewrite dates when a file is opened and saved: ACLED's
//! `2022-05-05` becomes `5-Aug-24`, `31-12-19`, `05/08/2024` or, inside
//! a workbook, a serial day number. Day-first and month-first are told apart
//! by a field over 12; two-digit years by the file's `year` column where it
//! has one, else by a stated pivot. When nothing in the file tells day-first
//! from month-first, the caller is told so, with both readings, rather than
//! given a guess.

use crate::engine::data::date::{self, long_date, month_from_name, Day};

/// Two-digit years up to this one are 20xx, later ones 19xx (as POSIX
/// `strptime` reads `%y`), when the file has no `year` column to say.
pub(crate) const TWO_DIGIT_PIVOT: u32 = 68;

/// Which of two numbers comes first in a numeric date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum FieldOrder {
    DayFirst,
    MonthFirst,
}

/// A way of writing dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DateForm {
    /// `2022-05-05`, optionally followed by a time.
    Iso,
    /// `2022/05/05` or `2022.05.05`.
    YearFirst,
    /// `22 February 2019`, `22-February-2019`, `5-Aug-24`, `05-Aug-2024`.
    MonthName,
    /// `31/12/2019`, `31-12-19`, `31.12.2019`, `12/31/2019`: numbers with
    /// the year last, in the given order.
    Numeric(FieldOrder),
    /// Excel's serial day numbers (`44713` is 2022-06-01).
    ExcelSerial,
}

impl DateForm {
    /// Every form, in the order ties are broken.
    pub const ALL: [DateForm; 6] = [
        DateForm::Iso,
        DateForm::MonthName,
        DateForm::YearFirst,
        DateForm::Numeric(FieldOrder::DayFirst),
        DateForm::Numeric(FieldOrder::MonthFirst),
        DateForm::ExcelSerial,
    ];

    /// How the import report names the form.
    pub fn describe(self) -> String {
        let key = match self {
            DateForm::Iso => "date-form-iso",
            DateForm::YearFirst => "date-form-year-first",
            DateForm::MonthName => "date-form-month-name",
            DateForm::Numeric(FieldOrder::DayFirst) => "date-form-day-first",
            DateForm::Numeric(FieldOrder::MonthFirst) => "date-form-month-first",
            DateForm::ExcelSerial => "date-form-excel",
        };
        crate::engine::i18n::tr(key, &[])
    }

    /// Reads one value. `year` is the row's `year` column, which settles
    /// the century of a two-digit year.
    pub fn parse(self, value: &[u8], year: Option<i32>) -> Option<Day> {
        let s = trim_time(trim(value));
        match self {
            DateForm::Iso => {
                let [y, m, d] = numbers(s, b'-')?;
                (y.1 == 4 && y.0 >= 1000).then_some(())?;
                date::from_ymd(y.0 as i32, m.0, d.0)
            }
            DateForm::YearFirst => {
                let [y, m, d] = numbers(s, b'/').or_else(|| numbers(s, b'.'))?;
                (y.1 == 4).then_some(())?;
                date::from_ymd(y.0 as i32, m.0, d.0)
            }
            DateForm::MonthName => {
                let mut parts = s
                    .split(|&b| b == b' ' || b == b'-' || b == b'/' || b == b',')
                    .filter(|p| !p.is_empty());
                let day = digits(parts.next()?)?;
                let month = month_from_name(parts.next()?)?;
                let y = digits(parts.next()?)?;
                if parts.next().is_some() || day.1 > 2 {
                    return None;
                }
                date::from_ymd(full_year(y, year)?, month, day.0)
            }
            DateForm::Numeric(order) => {
                let [a, b, y] = [b'/', b'-', b'.']
                    .into_iter()
                    .find_map(|sep| numbers(s, sep))?;
                if a.1 > 2 || b.1 > 2 {
                    return None;
                }
                let (day, month) = match order {
                    FieldOrder::DayFirst => (a.0, b.0),
                    FieldOrder::MonthFirst => (b.0, a.0),
                };
                date::from_ymd(full_year(y, year)?, month, day)
            }
            DateForm::ExcelSerial => {
                let whole = s.split(|&b| b == b'.').next()?;
                let (serial, len) = digits(whole)?;
                // 1950 to 2100: a bare year or a count in a date column is
                // not taken for a day number.
                if !(5..=6).contains(&len) || !(18_264..=73_051).contains(&serial) {
                    return None;
                }
                // Day 0 is 1899-12-30 for every serial after Excel's
                // fictitious 1900-02-29.
                Some(date::from_ymd(1899, 12, 30)? + serial as i32)
            }
        }
    }
}

/// The decision: the form that reads the sample, and what the report says
/// about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateChoice {
    pub form: DateForm,
    /// Up to two sampled values with the day each reads as.
    pub examples: Vec<(String, Day)>,
    /// Two-digit years were met and there was no `year` column: they were
    /// read with [`TWO_DIGIT_PIVOT`].
    pub used_pivot: bool,
}

impl DateChoice {
    /// The report's sentence: the form, how the examples read, and the
    /// rule used for two-digit years when it was needed.
    pub fn explain(&self) -> String {
        let readings: Vec<String> = self
            .examples
            .iter()
            .map(|(value, day)| crate::t!("date-reading", value = value, day = long_date(*day)))
            .collect();
        let mut out = if readings.is_empty() {
            crate::t!("date-read-as", form = self.form.describe())
        } else {
            crate::t!(
                "date-read-as-examples",
                form = self.form.describe(),
                examples = readings.join(", ")
            )
        };
        if self.used_pivot {
            out.push_str(&crate::t!(
                "date-pivot",
                pivot = TWO_DIGIT_PIVOT.to_string()
            ));
        }
        out
    }
}

/// Why no form could be chosen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateUndecided {
    /// Numbers that read as dates both day-first and month-first, and no
    /// value with a field over 12 to tell: each example with its day-first
    /// and its month-first reading.
    DayOrMonthFirst { examples: Vec<(String, Day, Day)> },
    /// No form reads even one sampled value.
    NoForm { examples: Vec<String> },
}

/// Evidence from sampled date values (and the `year` column beside them).
#[derive(Clone, Debug, Default)]
pub struct DateEvidence {
    values: usize,
    /// Per form of [`DateForm::ALL`]: values it reads.
    reads: [usize; 6],
    /// Per form: values whose reading disagrees with the `year` column.
    year_mismatch: [usize; 6],
    /// Some value has a two-digit year.
    two_digit_years: bool,
    has_year_column: bool,
    /// Values that read differently day-first and month-first.
    ambiguous: Vec<(String, Day, Day)>,
    /// The first values seen, for examples.
    first: Vec<(String, Option<i32>)>,
}

const EXAMPLES: usize = 3;

impl DateEvidence {
    /// Adds one value; `year` is the row's `year` column when the file has
    /// one and it holds a number.
    pub fn add(&mut self, value: &[u8], year: Option<i32>) {
        let value = trim(value);
        if value.is_empty() {
            return;
        }
        self.values += 1;
        self.has_year_column |= year.is_some();
        if self.first.len() < EXAMPLES {
            self.first
                .push((String::from_utf8_lossy(value).into_owned(), year));
        }
        for (i, form) in DateForm::ALL.into_iter().enumerate() {
            if let Some(day) = form.parse(value, year) {
                self.reads[i] += 1;
                if year.is_some_and(|y| y != date::year_of(day)) {
                    self.year_mismatch[i] += 1;
                }
            }
        }
        let numeric = |order| DateForm::Numeric(order).parse(value, year);
        if let (Some(d), Some(m)) = (
            numeric(FieldOrder::DayFirst),
            numeric(FieldOrder::MonthFirst),
        ) {
            if d != m && self.ambiguous.len() < EXAMPLES {
                self.ambiguous
                    .push((String::from_utf8_lossy(value).into_owned(), d, m));
            }
        }
        self.two_digit_years |= has_two_digit_year(value);
    }

    /// The form that reads every value (else the most values), agreeing
    /// best with the `year` column. `order` settles day-first against
    /// month-first when the caller knows it (a layout that is day-first by
    /// definition, or the user's answer).
    pub fn decide(&self, order: Option<FieldOrder>) -> Result<DateChoice, DateUndecided> {
        let best = DateForm::ALL
            .into_iter()
            .enumerate()
            .filter(|&(i, _)| self.reads[i] > 0)
            .filter(|&(_, f)| match (f, order) {
                (DateForm::Numeric(o), Some(want)) => o == want,
                _ => true,
            })
            // Most values read, then fewest disagreements with the year
            // column, then the order of `ALL`.
            .max_by_key(|&(i, _)| {
                (
                    self.reads[i],
                    std::cmp::Reverse(self.year_mismatch[i]),
                    std::cmp::Reverse(i),
                )
            });
        let Some((i, form)) = best else {
            return Err(DateUndecided::NoForm {
                examples: self.first.iter().map(|(v, _)| v.clone()).collect(),
            });
        };
        if let DateForm::Numeric(_) = form {
            let other = match form {
                DateForm::Numeric(FieldOrder::DayFirst) => 4,
                _ => 3,
            };
            let tie = self.reads[other] == self.reads[i]
                && self.year_mismatch[other] == self.year_mismatch[i];
            if order.is_none() && tie && !self.ambiguous.is_empty() {
                return Err(DateUndecided::DayOrMonthFirst {
                    examples: self.ambiguous.clone(),
                });
            }
        }
        let examples = self
            .first
            .iter()
            .filter_map(|(v, y)| Some((v.clone(), form.parse(v.as_bytes(), *y)?)))
            .take(2)
            .collect();
        Ok(DateChoice {
            form,
            examples,
            used_pivot: self.two_digit_years && !self.has_year_column,
        })
    }
}

/// The year of a two-digit (or four-digit) year field: the century that
/// matches the row's `year` column, else [`TWO_DIGIT_PIVOT`].
fn full_year((value, len): (u32, usize), year_column: Option<i32>) -> Option<i32> {
    match len {
        4 => Some(value as i32),
        2 => {
            if let Some(y) = year_column.filter(|y| y.rem_euclid(100) == value as i32) {
                return Some(y);
            }
            Some(if value <= TWO_DIGIT_PIVOT {
                2000 + value as i32
            } else {
                1900 + value as i32
            })
        }
        _ => None,
    }
}

fn has_two_digit_year(value: &[u8]) -> bool {
    let s = trim_time(value);
    let last = s.rsplit(|&b| matches!(b, b'/' | b'-' | b'.' | b' ')).next();
    last.is_some_and(|p| p.len() == 2 && p.iter().all(u8::is_ascii_digit))
        && s.iter().any(|&b| matches!(b, b'/' | b'-' | b'.' | b' '))
}

/// Three numbers separated by `sep`, each with its count of digits.
fn numbers(s: &[u8], sep: u8) -> Option<[(u32, usize); 3]> {
    let mut parts = s.split(|&b| b == sep);
    let a = digits(parts.next()?)?;
    let b = digits(parts.next()?)?;
    let c = digits(parts.next()?)?;
    parts.next().is_none().then_some([a, b, c])
}

/// A run of 1 to 6 ASCII digits and its length.
fn digits(s: &[u8]) -> Option<(u32, usize)> {
    if s.is_empty() || s.len() > 6 || !s.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let n = s.iter().fold(0u32, |n, &b| n * 10 + u32::from(b - b'0'));
    Some((n, s.len()))
}

fn trim(s: &[u8]) -> &[u8] {
    let start = s
        .iter()
        .position(|b| !b.is_ascii_whitespace() && *b != b'"')
        .unwrap_or(s.len());
    let end = s
        .iter()
        .rposition(|b| !b.is_ascii_whitespace() && *b != b'"')
        .map_or(start, |e| e + 1);
    &s[start..end]
}

/// Drops a time after the date: `2022-05-05T10:00`, `2022-05-05 00:00:00`,
/// `5/8/2024 14:30`.
fn trim_time(s: &[u8]) -> &[u8] {
    let cut = |at: usize| {
        let rest = &s[at + 1..];
        (rest.first().is_some_and(u8::is_ascii_digit) && rest.contains(&b':')).then_some(at)
    };
    if let Some(t) = s.iter().position(|&b| b == b'T').and_then(cut) {
        return &s[..t];
    }
    match s.iter().rposition(|&b| b == b' ').and_then(cut) {
        Some(at) => &s[..at],
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> Day {
        date::from_ymd(y, m, d).unwrap()
    }

    fn decide(values: &[&str], years: Option<&[i32]>) -> Result<DateChoice, DateUndecided> {
        let mut e = DateEvidence::default();
        for (i, v) in values.iter().enumerate() {
            e.add(v.as_bytes(), years.map(|y| y[i]));
        }
        e.decide(None)
    }

    #[test]
    fn each_form_is_recognised_and_read() {
        // (values as a spreadsheet writes them, the form, the first value's day)
        let cases: &[(&[&str], DateForm, Day)] = &[
            (
                &["2022-05-05", "2021-12-31"],
                DateForm::Iso,
                day(2022, 5, 5),
            ),
            (
                &["2022-05-05 00:00:00", "2022-05-06T13:45:00"],
                DateForm::Iso,
                day(2022, 5, 5),
            ),
            (
                &["22 February 2019", "1 March 2019"],
                DateForm::MonthName,
                day(2019, 2, 22),
            ),
            (
                &["22-February-2019", "01-January-2015"],
                DateForm::MonthName,
                day(2019, 2, 22),
            ),
            (
                &["5-Aug-24", "31-Dec-20"],
                DateForm::MonthName,
                day(2024, 8, 5),
            ),
            (
                &["05-Aug-2024", "12-Sep-2024"],
                DateForm::MonthName,
                day(2024, 8, 5),
            ),
            (
                &["5 Aug 2024", "17 Oct 2024"],
                DateForm::MonthName,
                day(2024, 8, 5),
            ),
            (
                &["5/8/2024", "25/12/2024"],
                DateForm::Numeric(FieldOrder::DayFirst),
                day(2024, 8, 5),
            ),
            (
                &["5/8/2024", "12/25/2024"],
                DateForm::Numeric(FieldOrder::MonthFirst),
                day(2024, 5, 8),
            ),
            (
                &["31-12-19", "01-02-19"],
                DateForm::Numeric(FieldOrder::DayFirst),
                day(2019, 12, 31),
            ),
            (
                &["31.12.2019", "01.02.2020"],
                DateForm::Numeric(FieldOrder::DayFirst),
                day(2019, 12, 31),
            ),
            (
                &["2019/12/31", "2020/01/02"],
                DateForm::YearFirst,
                day(2019, 12, 31),
            ),
            (
                &["44713", "44714.5"],
                DateForm::ExcelSerial,
                day(2022, 6, 1),
            ),
        ];
        for (values, form, first) in cases {
            let choice = decide(values, None).unwrap_or_else(|e| panic!("{values:?}: {e:?}"));
            assert_eq!(choice.form, *form, "{values:?}");
            assert_eq!(
                choice.examples[0],
                (values[0].to_string(), *first),
                "{values:?}"
            );
        }
    }

    #[test]
    fn a_field_over_12_decides_the_order_wherever_it_is_in_the_sample() {
        let mut values = vec!["01/02/2022"; 500];
        values.push("13/02/2022");
        let choice = decide(&values, None).unwrap();
        assert_eq!(choice.form, DateForm::Numeric(FieldOrder::DayFirst));
        assert_eq!(choice.examples[0].1, day(2022, 2, 1));
    }

    #[test]
    fn when_nothing_tells_the_order_both_readings_are_given() {
        let err = decide(&["01/02/2022", "03/04/2022", "05/05/2022"], None).unwrap_err();
        assert_eq!(
            err,
            DateUndecided::DayOrMonthFirst {
                examples: vec![
                    ("01/02/2022".into(), day(2022, 2, 1), day(2022, 1, 2)),
                    ("03/04/2022".into(), day(2022, 4, 3), day(2022, 3, 4)),
                ]
            }
        );
        // The caller's answer settles it.
        let mut e = DateEvidence::default();
        e.add(b"01/02/2022", None);
        let choice = e.decide(Some(FieldOrder::MonthFirst)).unwrap();
        assert_eq!(choice.examples[0].1, day(2022, 1, 2));
        // Days equal to months read the same either way: nothing to ask.
        assert!(decide(&["01/01/2022", "05/05/2022"], None).is_ok());
    }

    #[test]
    fn two_digit_years_follow_the_year_column_else_the_pivot() {
        // A 1968 event in a file with a year column stays in 1968.
        let choice = decide(&["31-12-68", "01-01-69"], Some(&[1968, 1969])).unwrap();
        assert_eq!(choice.examples[0].1, day(1968, 12, 31));
        assert_eq!(choice.examples[1].1, day(1969, 1, 1));
        assert!(!choice.used_pivot);
        // Without one: 68 is 2068, 69 is 1969, and the report says so.
        let choice = decide(&["31-12-68", "01-01-69"], None).unwrap();
        assert_eq!(choice.examples[0].1, day(2068, 12, 31));
        assert_eq!(choice.examples[1].1, day(1969, 1, 1));
        assert!(choice.used_pivot);
    }

    #[test]
    fn the_year_column_tells_apart_forms_that_both_read() {
        // "01-02-03" reads day-first and month-first; the year column says
        // which readings give its year (both do here: 2003), so the order
        // stays undecided; "13-02-03" then decides it.
        let err = decide(&["01-02-03"], Some(&[2003])).unwrap_err();
        assert!(matches!(err, DateUndecided::DayOrMonthFirst { .. }));
        let choice = decide(&["01-02-03", "13-02-03"], Some(&[2003, 2003])).unwrap();
        assert_eq!(choice.form, DateForm::Numeric(FieldOrder::DayFirst));
    }

    #[test]
    fn values_no_form_reads() {
        assert_eq!(
            decide(&["soon", "yesterday"], None).unwrap_err(),
            DateUndecided::NoForm {
                examples: vec!["soon".into(), "yesterday".into()]
            }
        );
        // A bare year or a small count is not an Excel day number.
        assert!(DateForm::ExcelSerial.parse(b"2019", None).is_none());
        assert!(DateForm::ExcelSerial.parse(b"12", None).is_none());
        // Impossible calendar dates are not read.
        assert!(DateForm::Iso.parse(b"2022-02-30", None).is_none());
        assert!(DateForm::MonthName.parse(b"31-Feb-22", None).is_none());
    }

    #[test]
    fn the_form_that_reads_most_values_wins_when_none_reads_all() {
        let choice = decide(&["2022-05-05", "2022-05-06", "5 May 2022"], None).unwrap();
        assert_eq!(choice.form, DateForm::Iso);
    }

    #[test]
    fn the_report_explains_the_reading() {
        let choice = decide(&["5-Aug-24", "31-Dec-20"], None).unwrap();
        assert_eq!(
            choice.explain(),
            "Read as day, month name, year (22 February 2019, 5-Aug-24): \u{201c}5-Aug-24\u{201d} is 5 August 2024, \u{201c}31-Dec-20\u{201d} is 31 December 2020. Two-digit years up to 68 were read as 20xx, later ones as 19xx (the file has no year column to say)."
        );
    }
}
