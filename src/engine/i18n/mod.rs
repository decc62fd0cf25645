//! The interface's languages: every sentence the engine and the page show is
//! a Fluent message in `src/locales/<code>.ftl`, rendered from typed
//! arguments ([`tr`], [`t!`](crate::t)). Numbers inside messages, and the
//! engine's own number and date writers, use the language's separators
//! and month names, also read from its file, so a new language is one
//! `.ftl` file and no code.
//!
//! The language is ambient, per thread (the page has one thread): the
//! engine's many sentence builders read [`current`] rather than take a
//! language argument each. Tests and threads start in English.

use fluent_bundle::types::FluentNumber;
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use std::borrow::Cow;
use std::cell::Cell;

mod sources {
    include!(concat!(env!("OUT_DIR"), "/locales.rs"));
}

/// One of the languages in `src/locales/` (English is index 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Lang(usize);

impl serde::Serialize for Lang {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl Lang {
    /// The fallback for any message a language lacks.
    pub const EN: Lang = Lang(0);

    /// Every language the page offers, English first.
    pub fn all() -> impl Iterator<Item = Lang> {
        (0..sources::SOURCES.len()).map(Lang)
    }

    /// The language's code, as in `lang=fr` and `<html lang>`.
    pub fn code(self) -> &'static str {
        sources::SOURCES.get(self.0).map_or("en", |s| s.0)
    }

    /// `fr`, `FR`, `fr-CA` or `fr_FR` -> French, if the page has it.
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?;
        sources::SOURCES
            .iter()
            .position(|(code, _)| code.eq_ignore_ascii_case(primary))
            .map(Lang)
    }

    /// The first of the browser's preferred languages the page has, else
    /// English.
    pub fn negotiate<S: AsRef<str>>(preferred: &[S]) -> Lang {
        preferred
            .iter()
            .find_map(|tag| Lang::parse(tag.as_ref()))
            .unwrap_or(Lang::EN)
    }
}

thread_local! {
    static CURRENT: Cell<Lang> = const { Cell::new(Lang::EN) };
    static LOCALES: Vec<Locale> = sources::SOURCES.iter().map(|(code, text)| Locale::new(code, text)).collect();
}

/// The language sentences are written in on this thread.
pub fn current() -> Lang {
    CURRENT.with(Cell::get)
}

/// Writes this thread's sentences in `lang` from now on.
pub fn set(lang: Lang) {
    CURRENT.with(|c| c.set(lang));
}

/// Runs `f` with sentences in `lang`, then restores the language before.
pub fn with_lang<R>(lang: Lang, f: impl FnOnce() -> R) -> R {
    struct Restore(Lang);
    impl Drop for Restore {
        fn drop(&mut self) {
            set(self.0);
        }
    }
    let _restore = Restore(current());
    set(lang);
    f()
}

/// A typed value given to a message.
#[derive(Debug, Clone)]
pub enum Arg<'a> {
    /// Text shown as given (a name from the data, a formatted date).
    Text(Cow<'a, str>),
    /// A number: written with the language's separators, and choosing the
    /// plural form.
    Number(f64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Text(Cow::Borrowed(s))
    }
}
impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Self {
        Arg::Text(Cow::Borrowed(s))
    }
}
impl From<String> for Arg<'_> {
    fn from(s: String) -> Self {
        Arg::Text(Cow::Owned(s))
    }
}
macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg<'_> {
            fn from(n: $t) -> Self {
                Arg::Number(n as f64)
            }
        }
    )*};
}
number_args!(u8, u16, u32, u64, usize, i32, i64, f64);

/// The message `key` in the current language, with its arguments; English
/// when the language lacks it, the key itself when English does too (a
/// test keeps every language complete).
pub fn tr(key: &str, args: &[(&str, Arg)]) -> String {
    let lang = current();
    LOCALES.with(|locales| {
        let fluent_args = (!args.is_empty()).then(|| {
            let mut a = FluentArgs::with_capacity(args.len());
            for (name, value) in args {
                match value {
                    Arg::Text(s) => a.set(*name, FluentValue::String(s.clone())),
                    Arg::Number(n) => a.set(*name, FluentValue::from(*n)),
                }
            }
            a
        });
        [lang.0, 0]
            .iter()
            .filter_map(|&i| locales.get(i))
            .find_map(|l| l.format(key, fluent_args.as_ref()))
            .unwrap_or_else(|| key.to_string())
    })
}

/// A message of the current language: `t!("events-count", count = n)`.
#[macro_export]
macro_rules! t {
    ($key:expr) => {
        $crate::engine::i18n::tr($key, &[])
    };
    ($key:expr, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::engine::i18n::tr(
            $key,
            &[$((stringify!($name), $crate::engine::i18n::Arg::from($value))),+],
        )
    };
}

/// The current language's name for a category value ACLED and UCDP write
/// in English (an event type, sub-type or disorder type), when the
/// language has one (message `term-` and the name's slug); the data keeps
/// the original, which the page shows on hover.
pub fn term(name: &str) -> Option<String> {
    let lang = current();
    if lang == Lang::EN {
        return None;
    }
    let key = format!("term-{}", slug(name));
    LOCALES.with(|locales| locales.get(lang.0)?.format(&key, None))
}

/// `"Explosions/Remote violence"` -> `"explosions-remote-violence"`.
fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// [`term`], else the name as the data writes it.
pub fn term_or(name: &str) -> String {
    term(name).unwrap_or_else(|| name.to_string())
}

/// Items of a list on one line, each apart from the next as the language
/// writes it: `"a; b"`, `"a ; b"` in French (a narrow no-break space
/// before the semicolon).
pub fn join_list<S: AsRef<str>>(items: &[S]) -> String {
    let separator = tr("list-separator", &[]);
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(&separator);
        }
        out.push_str(item.as_ref());
    }
    out
}

/// `text` in the language's quotation marks: `“text”`, `« text »`.
pub fn quote(text: &str) -> String {
    tr("quoted", &[("text", Arg::from(text))])
}

/// `1234567` -> `"1,234,567"` in English, `"1 234 567"` (narrow no-break
/// spaces) in French.
pub fn group_digits(n: u64) -> String {
    with_locale(|l| group(&n.to_string(), &l.group))
}

/// A decimal number already written with a `.` (`"14.2"`), in the
/// language's way (`"14,2"`), its integer part grouped.
pub fn localize_decimal(text: &str) -> String {
    with_locale(|l| localize(text, &l.group, &l.decimal))
}

/// Month 1-12's full name (`"August"`, `"août"`).
pub fn month_long(month: u32) -> String {
    with_locale(|l| month_of(&l.months, month))
}

/// Month 1-12's short name (`"Aug"`, `"août"`).
pub fn month_short(month: u32) -> String {
    with_locale(|l| month_of(&l.months_short, month))
}

fn month_of(names: &[String], month: u32) -> String {
    let i = month.clamp(1, 12) as usize - 1;
    names.get(i).cloned().unwrap_or_default()
}

fn with_locale<R>(f: impl FnOnce(&Locale) -> R) -> R {
    let lang = current();
    LOCALES.with(|locales| match locales.get(lang.0).or(locales.first()) {
        Some(l) => f(l),
        None => f(&Locale::new("en", "")),
    })
}

fn group(digits: &str, sep: &str) -> String {
    let (sign, digits) = match digits.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", digits),
    };
    let mut out = String::with_capacity(digits.len() * 2);
    out.push_str(sign);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

fn localize(text: &str, group_sep: &str, decimal: &str) -> String {
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text, None),
    };
    let mut out = if int
        .trim_start_matches('-')
        .chars()
        .all(|c| c.is_ascii_digit())
    {
        group(int, group_sep)
    } else {
        int.to_string()
    };
    if let Some(f) = frac {
        out.push_str(decimal);
        out.push_str(f);
    }
    out
}

/// Numbers in messages get the current language's separators.
fn format_number<M>(value: &FluentValue, _: &M) -> Option<String> {
    match value {
        FluentValue::Number(n) => Some(localize_decimal(&number_text(n))),
        _ => None,
    }
}

fn number_text(n: &FluentNumber) -> String {
    match n.options.maximum_fraction_digits {
        Some(max) => format!("{:.max$}", n.value),
        None => n.as_string().into_owned(),
    }
}

/// One language's messages and the pieces the number and date writers use.
struct Locale {
    bundle: FluentBundle<FluentResource>,
    group: String,
    decimal: String,
    months: Vec<String>,
    months_short: Vec<String>,
}

impl Locale {
    fn new(code: &str, text: &str) -> Locale {
        // A file with a syntax error still yields its good messages; the
        // tests reject such a file.
        let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(r, _)| r);
        let id = code.parse().unwrap_or_default();
        let mut bundle = FluentBundle::new(vec![id]);
        // Isolation marks would land in file names, CSV and SVG text.
        bundle.set_use_isolating(false);
        bundle.set_formatter(Some(format_number));
        // Duplicate keys are rejected by the tests; keep the first.
        let _ = bundle.add_resource(resource);
        let mut locale = Locale {
            bundle,
            group: ",".into(),
            decimal: ".".into(),
            months: Vec::new(),
            months_short: Vec::new(),
        };
        let plain = |l: &Locale, key: &str| l.format(key, None);
        if let Some(g) = plain(&locale, "number-group") {
            locale.group = g;
        }
        if let Some(d) = plain(&locale, "number-decimal") {
            locale.decimal = d;
        }
        locale.months = (1..=12)
            .map(|m| plain(&locale, &format!("month-{m}")).unwrap_or_default())
            .collect();
        locale.months_short = (1..=12)
            .map(|m| plain(&locale, &format!("month-short-{m}")).unwrap_or_default())
            .collect();
        locale
    }

    fn format(&self, key: &str, args: Option<&FluentArgs>) -> Option<String> {
        let (id, attribute) = match key.split_once('.') {
            Some((id, attr)) => (id, Some(attr)),
            None => (key, None),
        };
        let message = self.bundle.get_message(id)?;
        let pattern = match attribute {
            Some(a) => message.get_attribute(a)?.value(),
            None => message.value()?,
        };
        let mut errors = Vec::new();
        let text = self.bundle.format_pattern(pattern, args, &mut errors);
        Some(text.into_owned())
    }
}

/// The raw sources, for the completeness tests.
pub fn sources() -> &'static [(&'static str, &'static str)] {
    sources::SOURCES
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fr() -> Lang {
        Lang::parse("fr").unwrap()
    }

    #[test]
    fn languages_are_found_by_their_primary_tag() {
        assert_eq!(Lang::parse("en-GB"), Some(Lang::EN));
        assert_eq!(Lang::parse("FR_ca").map(Lang::code), Some("fr"));
        assert_eq!(Lang::parse("zz"), None);
        assert_eq!(Lang::negotiate(&["de-DE", "fr-FR", "en"]).code(), "fr");
        assert_eq!(Lang::negotiate(&["de"]), Lang::EN);
        assert_eq!(Lang::negotiate::<&str>(&[]), Lang::EN);
    }

    #[test]
    fn digits_are_grouped_per_language() {
        assert_eq!(group_digits(1_234_567), "1,234,567");
        assert_eq!(group_digits(999), "999");
        with_lang(fr(), || {
            assert_eq!(group_digits(1_234_567), "1\u{202f}234\u{202f}567");
            assert_eq!(localize_decimal("1234.5"), "1\u{202f}234,5");
            assert_eq!(localize_decimal("-12.25"), "-12,25");
        });
        // The language is restored afterwards.
        assert_eq!(current(), Lang::EN);
    }

    #[test]
    fn month_names_per_language() {
        assert_eq!(month_long(8), "August");
        assert_eq!(month_short(8), "Aug");
        with_lang(fr(), || {
            assert_eq!(month_long(8), "août");
            assert_eq!(month_long(2), "février");
            assert_eq!(month_short(7), "juil.");
        });
    }

    #[test]
    fn acled_terms_are_translated_and_other_values_kept() {
        assert_eq!(
            slug("Explosions/Remote violence"),
            "explosions-remote-violence"
        );
        assert_eq!(term("Battles"), None);
        with_lang(fr(), || {
            assert_eq!(term("Battles").as_deref(), Some("Batailles"));
            assert_eq!(
                term("Violence against civilians").as_deref(),
                Some("Violences contre des civils")
            );
            assert_eq!(term("Mopti"), None);
            assert_eq!(term_or("Mopti"), "Mopti");
        });
    }

    #[test]
    fn lists_and_quotes_follow_french_typography() {
        assert_eq!(join_list(&["a", "b", "c"]), "a; b; c");
        assert_eq!(join_list::<&str>(&[]), "");
        assert_eq!(quote("Mopti"), "\u{201c}Mopti\u{201d}");
        with_lang(fr(), || {
            assert_eq!(join_list(&["a", "b"]), "a\u{202f}; b");
            assert_eq!(quote("Mopti"), "\u{ab}\u{a0}Mopti\u{a0}\u{bb}");
        });
    }

    #[test]
    fn a_missing_key_falls_back_to_the_key() {
        assert_eq!(tr("no-such-message", &[]), "no-such-message");
    }
}
