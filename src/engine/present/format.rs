//! Numbers, sizes, months and date spans in words, shared by the page,
//! the summaries and exports.

use crate::engine::data::date::{self, Day};

pub use crate::engine::data::numbers::thousands;

/// A count and its noun: `"1 event"`, `"2,130 events"`.
pub fn plural(n: u64, one: &str, many: &str) -> String {
    format!("{} {}", thousands(n), if n == 1 { one } else { many })
}

/// A file size: `"812 bytes"`, `"14.2 MB"`, `"1.3 GB"` (decimal units).
pub fn bytes(n: u64) -> String {
    let (value, unit) = match n {
        0..=999 => return crate::t!("size-bytes", count = n),
        1_000..=999_999 => (format!("{:.1}", n as f64 / 1e3), "size-kb"),
        1_000_000..=999_999_999 => (format!("{:.1}", n as f64 / 1e6), "size-mb"),
        _ => (format!("{:.2}", n as f64 / 1e9), "size-gb"),
    };
    crate::engine::i18n::tr(
        unit,
        &[(
            "value",
            crate::engine::i18n::localize_decimal(&value).into(),
        )],
    )
}

pub use crate::engine::data::date::long_date;

/// Short name of month 1-12.
pub fn month_name(month: u8) -> String {
    crate::engine::i18n::month_short(u32::from(month))
}

/// The first and last day of the filtered events: `"2021-01-03 to
/// 2023-08-14"`, one date when they are the same day, `"no events"`.
pub fn date_span(first: Option<Day>, last: Option<Day>) -> String {
    match (first, last) {
        (Some(a), Some(b)) if a == b => date::format_iso(a),
        (Some(a), Some(b)) => crate::t!(
            "date-span",
            first = date::format_iso(a),
            last = date::format_iso(b)
        ),
        _ => crate::t!("date-span-none"),
    }
}

/// Splits `text` into lines of at most `max` characters, at spaces where it
/// can; a word longer than a line is cut.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut len = 0;
    for word in text.split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        // Cut a word that no line can hold.
        while word.len() > max {
            if len > 0 {
                lines.push(std::mem::take(&mut line));
                len = 0;
            }
            lines.push(word[..max].iter().collect());
            word.drain(..max);
        }
        if word.is_empty() {
            continue;
        }
        if len > 0 && len + 1 + word.len() > max {
            lines.push(std::mem::take(&mut line));
            len = 0;
        }
        if len > 0 {
            line.push(' ');
            len += 1;
        }
        line.extend(word.iter());
        len += word.len();
    }
    if len > 0 {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::data::date::from_ymd;

    fn day(y: i32, m: u32, d: u32) -> Day {
        from_ymd(y, m, d).unwrap()
    }

    #[test]
    fn counts_with_their_noun() {
        assert_eq!(plural(1, "event", "events"), "1 event");
        assert_eq!(plural(0, "event", "events"), "0 events");
        assert_eq!(plural(2130, "fatality", "fatalities"), "2,130 fatalities");
    }

    #[test]
    fn sizes() {
        assert_eq!(bytes(812), "812 bytes");
        assert_eq!(bytes(14_200_000), "14.2 MB");
        assert_eq!(bytes(1_300_000_000), "1.30 GB");
    }

    #[test]
    fn spans() {
        assert_eq!(
            date_span(Some(day(2021, 1, 3)), Some(day(2023, 8, 14))),
            "2021-01-03 to 2023-08-14"
        );
        assert_eq!(
            date_span(Some(day(2021, 1, 3)), Some(day(2021, 1, 3))),
            "2021-01-03"
        );
        assert_eq!(date_span(None, None), "no events");
    }

    #[test]
    fn plurals() {
        assert_eq!(plural(1, "event", "events"), "1 event");
        assert_eq!(plural(0, "event", "events"), "0 events");
        assert_eq!(plural(2130, "fatality", "fatalities"), "2,130 fatalities");
    }

    #[test]
    fn thousands_separators() {
        for (n, want) in [
            (0, "0"),
            (999, "999"),
            (1000, "1,000"),
            (1234567, "1,234,567"),
        ] {
            assert_eq!(super::thousands(n), want);
        }
    }

    #[test]
    fn dates_in_words() {
        assert_eq!(long_date(day(2022, 4, 3)), "3 April 2022");
        assert_eq!(long_date(day(2019, 12, 31)), "31 December 2019");
    }
}
