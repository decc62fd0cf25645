//! Files as spreadsheets re-save them load with the figures a hand count
//! gives: every date form, chosen from the values; the same events in every
//! form give identical stores; an Excel re-save of a 2024 monadic export
//! and a 2019 export with day-first two-digit years and an extra column.

mod common;

use common::{fixture, import, total_fatalities};
use eventlens::engine::data::date::{format_iso, from_ymd, Day};
use eventlens::engine::read::dates::{DateForm, FieldOrder};
use eventlens::engine::read::import::{import_bytes, ImportOptions};
use eventlens::engine::{ImportError, Store};

fn day(y: i32, m: u32, d: u32) -> Day {
    from_ymd(y, m, d).unwrap()
}

/// `acled_current.csv` with its dates rewritten by `form`, as a
/// spreadsheet writes them; `delimiter`, a byte-order mark and CRLF as a
/// European Excel saves.
fn rewritten(form: impl Fn(Day) -> String, delimiter: u8, excel: bool) -> Vec<u8> {
    let source = fixture("acled_current.csv");
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(&source[..]);
    let mut out = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .terminator(if excel {
            csv::Terminator::CRLF
        } else {
            csv::Terminator::Any(b'\n')
        })
        .from_writer(Vec::new());
    for (i, record) in reader.records().enumerate() {
        let mut record: Vec<String> = record.unwrap().iter().map(str::to_string).collect();
        if i > 0 {
            let iso = eventlens::engine::data::date::parse_iso(&record[1]).unwrap();
            record[1] = form(iso);
        }
        out.write_record(&record).unwrap();
    }
    let mut bytes = if excel {
        b"\xEF\xBB\xBF".to_vec()
    } else {
        Vec::new()
    };
    bytes.extend(out.into_inner().unwrap());
    bytes
}

fn ymd(d: Day) -> (i32, u32, u32) {
    let iso = format_iso(d);
    (
        iso[0..4].parse().unwrap(),
        iso[5..7].parse().unwrap(),
        iso[8..10].parse().unwrap(),
    )
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const LONG: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn same_events(a: &Store, b: &Store, what: &str) {
    assert_eq!(a.date, b.date, "{what}: dates");
    assert_eq!(a.fatalities, b.fatalities, "{what}: fatalities");
    assert_eq!(a.event_type, b.event_type, "{what}: types");
    assert_eq!(a.place, b.place, "{what}: places");
    assert_eq!(a.side1, b.side1, "{what}: sides");
}

#[test]
fn every_date_form_gives_the_same_store() {
    let base = import(&fixture("acled_current.csv")).unwrap();
    assert_eq!(
        base.store.date,
        [
            day(2021, 6, 15),
            day(2021, 7, 2),
            day(2022, 6, 20),
            day(2022, 8, 30),
            day(2022, 10, 5),
            day(2023, 1, 10)
        ]
    );
    type Form = (&'static str, fn(Day) -> String, DateForm);
    let forms: &[Form] = &[
        (
            "iso with a time",
            |d| format!("{} 00:00:00", format_iso(d)),
            DateForm::Iso,
        ),
        (
            "22 February 2019",
            |d| {
                let (y, m, dd) = ymd(d);
                format!("{dd} {} {y}", LONG[m as usize - 1])
            },
            DateForm::MonthName,
        ),
        (
            "22-February-2019",
            |d| {
                let (y, m, dd) = ymd(d);
                format!("{dd:02}-{}-{y}", LONG[m as usize - 1])
            },
            DateForm::MonthName,
        ),
        (
            "5-Aug-24",
            |d| {
                let (y, m, dd) = ymd(d);
                format!("{dd}-{}-{:02}", MONTHS[m as usize - 1], y % 100)
            },
            DateForm::MonthName,
        ),
        (
            "05-Aug-2024",
            |d| {
                let (y, m, dd) = ymd(d);
                format!("{dd:02}-{}-{y}", MONTHS[m as usize - 1])
            },
            DateForm::MonthName,
        ),
        (
            "5 Aug 2024",
            |d| {
                let (y, m, dd) = ymd(d);
                format!("{dd} {} {y}", MONTHS[m as usize - 1])
            },
            DateForm::MonthName,
        ),
        (
            "d/m/yyyy",
            |d| {
                let (y, m, dd) = ymd(d);
                format!("{dd}/{m}/{y}")
            },
            DateForm::Numeric(FieldOrder::DayFirst),
        ),
        (
            "m/d/yyyy",
            |d| {
                let (y, m, dd) = ymd(d);
                format!("{m}/{dd}/{y}")
            },
            DateForm::Numeric(FieldOrder::MonthFirst),
        ),
        (
            "dd-mm-yy",
            |d| {
                let (y, m, dd) = ymd(d);
                format!("{dd:02}-{m:02}-{:02}", y % 100)
            },
            DateForm::Numeric(FieldOrder::DayFirst),
        ),
        (
            "dd.mm.yyyy",
            |d| {
                let (y, m, dd) = ymd(d);
                format!("{dd:02}.{m:02}.{y}")
            },
            DateForm::Numeric(FieldOrder::DayFirst),
        ),
        (
            "yyyy/mm/dd",
            |d| {
                let (y, m, dd) = ymd(d);
                format!("{y}/{m:02}/{dd:02}")
            },
            DateForm::YearFirst,
        ),
        // Excel counts days from 1899-12-30.
        (
            "Excel serial",
            |d| (d - day(1899, 12, 30)).to_string(),
            DateForm::ExcelSerial,
        ),
    ];
    for (name, form, want) in forms {
        for (delimiter, excel) in [(b',', false), (b';', true)] {
            let bytes = rewritten(form, delimiter, excel);
            let d = import(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
            same_events(&base.store, &d.store, name);
            assert_eq!(total_fatalities(&d), total_fatalities(&base), "{name}");
            let dates = d
                .report
                .dates
                .as_ref()
                .expect("the report says how dates were read");
            assert_eq!(dates.form, *want, "{name}");
            // Two examples, each with its reading.
            assert_eq!(dates.examples.len(), 2, "{name}");
            assert_eq!(dates.examples[0].1, day(2021, 6, 15), "{name}");
            assert_eq!(d.report.year_mismatches, 0, "{name}");
            assert_eq!(d.report.rows_skipped, 0, "{name}");
        }
    }
}

#[test]
fn a_2024_monadic_export_resaved_by_excel_loads() {
    // Hand count: three events, each on two rows (one per actor); text in
    // inter1 and interaction; dates like 5-Aug-24; BOM and CRLF.
    let d = import(&fixture("resaved/acled_monadic_2024_excel.csv")).unwrap();
    assert_eq!(d.report.rows_read, 6);
    assert_eq!(d.report.rows_merged, 3);
    assert_eq!(d.store.len(), 3);
    assert_eq!(total_fatalities(&d), 12);
    assert_eq!(
        d.store.date,
        [day(2024, 8, 5), day(2024, 10, 17), day(2024, 12, 1)]
    );
    assert_eq!(
        d.report.dates.as_ref().map(|c| c.form),
        Some(DateForm::MonthName)
    );
}

#[test]
fn a_2019_export_with_day_first_two_digit_years_and_an_extra_column_loads() {
    let d = import(&fixture("resaved/acled_export_tool_2019_dmy.csv")).unwrap();
    assert_eq!(d.store.len(), 3);
    assert_eq!(total_fatalities(&d), 14 + 3 + 21);
    assert_eq!(
        d.store.date,
        [day(2019, 12, 31), day(2020, 1, 3), day(2020, 2, 15)]
    );
    let dates = d.report.dates.as_ref().unwrap();
    assert_eq!(dates.form, DateForm::Numeric(FieldOrder::DayFirst));
    assert!(!dates.used_pivot, "the year column settles the century");
    assert!(d.report.columns_ignored.contains(&"countycode".to_string()));
}

#[test]
fn dates_that_read_both_ways_ask_rather_than_guess() {
    let bytes = rewritten(
        |d| {
            // Only the days and months 1-12 of each date: every value
            // reads both ways.
            let (y, m, _) = ymd(d);
            format!("{:02}/{m:02}/{y}", (m % 12) + 1)
        },
        b',',
        false,
    );
    match import(&bytes) {
        Err(ImportError::AmbiguousDateOrder { examples }) => {
            let (value, day_first, month_first) = &examples[0];
            assert_eq!(value, "07/06/2021");
            assert_eq!(*day_first, day(2021, 6, 7));
            assert_eq!(*month_first, day(2021, 7, 6));
            let message = ImportError::AmbiguousDateOrder { examples }.to_string();
            assert!(
                message.contains("day first") && message.contains("2021-07-06"),
                "{message}"
            );
        }
        other => panic!(
            "wanted the question, got {:?}",
            other.map(|d| d.store.len())
        ),
    }
    // With the user's answer the file loads.
    for (order, first) in [
        (FieldOrder::DayFirst, day(2021, 6, 7)),
        (FieldOrder::MonthFirst, day(2021, 7, 6)),
    ] {
        let d = import_bytes(
            &bytes,
            ImportOptions {
                date_order: Some(order),
                ..ImportOptions::default()
            },
        )
        .unwrap();
        assert_eq!(d.store.date[0], first);
        assert_eq!(d.store.len(), 6);
    }
}

#[test]
fn the_date_form_is_chosen_from_values_throughout_the_file() {
    // 20,000 synthetic rows whose dates all read both ways but one, far
    // past the first rows: only a sample spread through the file sees it.
    let header = std::str::from_utf8(&fixture("acled_current.csv"))
        .unwrap()
        .lines()
        .next()
        .unwrap()
        .to_string();
    let mut csv = format!("{header}\n");
    let n = 20_000;
    for i in 0..n {
        let date = if i == n - 5 {
            "25/03/2022"
        } else {
            "03/04/2022"
        };
        csv.push_str(&format!(
            "SYN{i},{date},2022,1,Political violence,Battles,Armed clash,Synthetic A,,1,Synthetic B,,1,11,,466,Western Africa,Mali,Mopti,Djenne,,Place,14.0,-4.0,1,Synthetic,Local,Synthetic fixture row with some padding text to make the file longer,1,,0\n"
        ));
    }
    let d = import_bytes(csv.as_bytes(), ImportOptions::default()).unwrap();
    assert_eq!(d.store.len(), n);
    assert_eq!(d.store.date[0], day(2022, 4, 3));
    assert_eq!(
        d.report.dates.as_ref().map(|c| c.form),
        Some(DateForm::Numeric(FieldOrder::DayFirst))
    );
    // The same file written month first: every row read so far turns
    // around once the one telling date is met.
    let month_first = csv.replace("25/03/2022", "03/25/2022");
    let d = import_bytes(month_first.as_bytes(), ImportOptions::default()).unwrap();
    assert_eq!(d.store.len(), n);
    assert!(d.store.date[..n - 5].iter().all(|&x| x == day(2022, 3, 4)));
    assert_eq!(d.store.date[n - 5], day(2022, 3, 25));
    assert_eq!(
        d.report.dates.as_ref().map(|c| c.form),
        Some(DateForm::Numeric(FieldOrder::MonthFirst))
    );
}

#[test]
fn rows_whose_year_column_disagrees_are_counted() {
    let mut text = String::from_utf8(fixture("acled_current.csv")).unwrap();
    // FIX2's year column says 2020 while its date is 2021-07-02.
    text = text.replacen("FIX2,2021-07-02,2021,", "FIX2,2021-07-02,2020,", 1);
    let d = import(text.as_bytes()).unwrap();
    assert_eq!(d.report.year_mismatches, 1);
    assert_eq!(d.store.len(), 6);
}
