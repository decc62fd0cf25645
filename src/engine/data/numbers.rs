//! How counts are written in every sentence the engine makes: with
//! thousands separators. Kept at the bottom of the engine so reading,
//! querying and presenting can all use it.

/// `1234567` -> `"1,234,567"` (in French `"1 234 567"`, with narrow
/// no-break spaces: the current language's separator).
pub fn thousands(n: u64) -> String {
    crate::engine::i18n::group_digits(n)
}

/// A size in decimal units, as file managers and browsers show it:
/// `"850 bytes"`, `"12.4 kB"`, `"3.1 GB"` (one decimal, none when it is 0).
pub fn file_size(bytes: u64) -> String {
    file_size_with(bytes, 1)
}

/// Two sizes written so that they differ when the sizes differ: `"3.003
/// GB"` beside `"3 GB"` rather than `"3 GB"` twice.
pub fn file_sizes(a: u64, b: u64) -> (String, String) {
    for decimals in 1..=3 {
        let (x, y) = (file_size_with(a, decimals), file_size_with(b, decimals));
        if x != y || a == b || decimals == 3 {
            return (x, y);
        }
    }
    (file_size(a), file_size(b))
}

fn file_size_with(bytes: u64, decimals: usize) -> String {
    let (value, unit) = match bytes {
        0..=999 => return crate::t!("size-bytes", count = bytes),
        1_000..=999_999 => (bytes as f64 / 1e3, "size-kb"),
        1_000_000..=999_999_999 => (bytes as f64 / 1e6, "size-mb"),
        1_000_000_000..=999_999_999_999 => (bytes as f64 / 1e9, "size-gb"),
        _ => (bytes as f64 / 1e12, "size-tb"),
    };
    let text = format!("{value:.decimals$}");
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.')
    } else {
        &text
    };
    crate::engine::i18n::tr(
        unit,
        &[("value", crate::engine::i18n::localize_decimal(text).into())],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_written_in_decimal_units() {
        let cases = [
            (0, "0 bytes"),
            (1, "1 byte"),
            (999, "999 bytes"),
            (1_000, "1 kB"),
            (12_400, "12.4 kB"),
            (64 * 1024, "65.5 kB"),
            (3_000_000_000, "3 GB"),
            (3_100_000_000, "3.1 GB"),
            (2_000_000_000_000, "2 TB"),
        ];
        for (n, want) in cases {
            assert_eq!(file_size(n), want, "{n}");
        }
    }

    #[test]
    fn two_sizes_are_written_apart() {
        assert_eq!(
            file_sizes(3_003_000_000, 3_000_000_000),
            ("3.003 GB".to_string(), "3 GB".to_string())
        );
        assert_eq!(
            file_sizes(3_100_000_000, 3_000_000_000),
            ("3.1 GB".to_string(), "3 GB".to_string())
        );
        assert_eq!(
            file_sizes(500, 500),
            ("500 bytes".to_string(), "500 bytes".to_string())
        );
    }
}
