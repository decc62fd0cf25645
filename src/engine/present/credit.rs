//! What a dataset is called and how it is credited, on the page, in chart
//! footers and in embeds. Only the dataset the site ships is named and
//! credited by EventLens; any other file is named by where it came from
//! (its file name, or its full address for a link's `data=`), marked as
//! not verified, and credited as its source asks to be cited (ACLED, UCDP).

use crate::engine::data::date::{self, Day};
use crate::engine::data::source::Format;

/// Where a dataset came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// The dataset shipped with the site.
    Bundled,
    /// A file the user opened.
    File { name: String },
    /// A file fetched from the address in the link (`?data=`), resolved to
    /// a full address.
    Remote { url: String },
}

/// The bundled dataset's title and credit: the only names EventLens puts
/// its own authority behind.
/// (The English of the messages `credit-bundled-title`, `credit-bundled`
/// and `credit-remote-title`, which the tests read them against.)
#[cfg(test)]
pub(crate) const BUNDLED_TITLE: &str = "Wagner Group in Mali, events in public reporting";
#[cfg(test)]
pub(crate) const BUNDLED_CREDIT: &str = "Compiled by EventLens from CTC Sentinel, RUSI, Jamestown Foundation, Jeune Afrique / The Africa Report and a policy brief.";
/// What the bundled dataset is not: on the page beside its title and in
/// every footer of its charts, exports and embeds, so no figure from it is
/// read as a full count.
pub const SAMPLE_NOTE: &str =
    "A curated sample of reported events, not a complete count of what happened.";

/// [`SAMPLE_NOTE`] in the page's language.
pub fn sample_note() -> String {
    crate::t!("credit-sample-note")
}

/// The dataset's title.
pub fn title(origin: &Origin) -> String {
    match origin {
        Origin::Bundled => crate::t!("credit-bundled-title"),
        Origin::File { name } => name.clone(),
        Origin::Remote { url } => crate::t!("credit-remote-title", url = url),
    }
}

/// The title with the data's version, for footers: the bundled edition,
/// else the number of events and the last event date.
pub fn versioned_title(origin: &Origin, events: usize, last_day: Option<Day>) -> String {
    let to = last_day
        .map(|d| crate::t!("credit-events-to", day = date::format_iso(d)))
        .unwrap_or_default();
    match origin {
        Origin::Bundled => crate::t!(
            "credit-bundled-versioned",
            title = crate::t!("credit-bundled-title"),
            version = env!("CARGO_PKG_VERSION"),
            to = to,
            note = sample_note()
        ),
        other => crate::t!(
            "credit-versioned",
            title = title(other),
            count = events,
            to = to
        ),
    }
}

/// Who to credit, in one line: the citation each source asks for, and
/// where a linked file came from. A file holding `synthetic` events of the
/// project's test generator says so instead of citing a source.
pub fn credit(origin: &Origin, format: Format, synthetic: u64) -> String {
    let name = match origin {
        Origin::Bundled => return crate::t!("credit-bundled"),
        Origin::File { name } => name.as_str(),
        Origin::Remote { url } => url.as_str(),
    };
    let cite = if synthetic > 0 {
        crate::t!("credit-synthetic", count = synthetic)
    } else if format.is_ucdp() {
        let version = ucdp_version(name)
            .map(|v| crate::t!("credit-ucdp-version", version = v))
            .unwrap_or_default();
        crate::t!("credit-ucdp", version = version)
    } else if format.is_acled() {
        let exported = date_in_name(name)
            .map(|d| crate::t!("credit-acled-exported", day = date::format_iso(d)))
            .unwrap_or_default();
        crate::t!("credit-acled", exported = exported)
    } else {
        crate::t!("credit-own-file")
    };
    match origin {
        Origin::Remote { url } => crate::t!("credit-remote", cite = cite, url = url),
        _ => crate::t!("credit-cite", cite = cite),
    }
}

/// A UCDP GED version in a file name: `GEDEvent_v24_1.csv` -> `24.1`.
fn ucdp_version(name: &str) -> Option<String> {
    let lower = name.to_ascii_lowercase();
    let at = lower.find("_v").map(|i| i + 2)?;
    let digits: String = lower[at..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '_' || *c == '.')
        .collect();
    let version = digits.trim_matches(['_', '.']).replace('_', ".");
    version
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit())
        .then_some(version)
}

/// The first `YYYY-MM-DD` date in a file name (ACLED's export tool names
/// files by their export date).
fn date_in_name(name: &str) -> Option<Day> {
    let bytes = name.as_bytes();
    (0..bytes.len().saturating_sub(9)).find_map(|i| {
        let candidate = name.get(i..i + 10)?;
        let boundary = |j: usize| bytes.get(j).is_none_or(|b| !b.is_ascii_digit());
        (boundary(i + 10) && (i == 0 || boundary(i - 1)))
            .then(|| date::parse_iso(candidate))
            .flatten()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file the user opened, by its name.
    fn file_named(name: &str) -> Origin {
        Origin::File { name: name.into() }
    }

    #[test]
    fn only_the_bundled_dataset_carries_our_name() {
        assert_eq!(title(&Origin::Bundled), BUNDLED_TITLE);
        assert_eq!(
            credit(&Origin::Bundled, Format::AcledCurrent, 0),
            BUNDLED_CREDIT
        );
        let file = file_named("mali.csv");
        assert_eq!(title(&file), "mali.csv");
    }

    /// The bundled data's footer line (every chart, export and embed)
    /// says it is a sample; a user's file makes no such claim.
    #[test]
    fn the_bundled_footer_says_it_is_a_sample() {
        let bundled = versioned_title(&Origin::Bundled, 120, date::from_ymd(2024, 3, 1));
        assert!(
            bundled.ends_with(
                ", events to 2024-03-01). A curated sample of reported events, not a complete count of what happened."
            ),
            "{bundled}"
        );
        let file = file_named("mali.csv");
        assert!(!versioned_title(&file, 120, None).contains("sample"));
    }

    /// Hostile-input review, defect 4: a file at another address named
    /// like ours showed our title and edition over made-up figures, and
    /// was credited as an ACLED export because its columns matched.
    #[test]
    fn a_linked_file_is_named_by_its_full_address_and_not_verified() {
        let remote = Origin::Remote {
            url: "https://evil.example/x/wagner-mali-events.csv".into(),
        };
        let t = title(&remote);
        assert_eq!(
            t,
            "https://evil.example/x/wagner-mali-events.csv (not verified by EventLens)"
        );
        assert!(!t.contains(BUNDLED_TITLE));
        let v = versioned_title(&remote, 15_435, None);
        assert!(!v.contains("edition"), "{v}");
        let c = credit(&remote, Format::AcledCurrent, 0);
        assert!(c.ends_with(
            "loaded from https://evil.example/x/wagner-mali-events.csv, not verified by EventLens."
        ), "{c}");
    }

    #[test]
    fn sources_are_cited_as_they_ask() {
        let acled = file_named("2024-08-05-2024-08-05-Mali.csv");
        assert_eq!(
            credit(&acled, Format::AcledMonadic, 0),
            "Data: Armed Conflict Location & Event Data Project (ACLED), acleddata.com, exported 2024-08-05."
        );
        let ucdp = file_named("GEDEvent_v24_1.csv");
        assert_eq!(
            credit(&ucdp, Format::UcdpGed, 0),
            "Data: UCDP Georeferenced Event Dataset (GED) version 24.1, Uppsala Conflict Data Program, CC BY 4.0 (Sundberg and Melander 2013)."
        );
        let plain = file_named("ucdp.csv");
        assert!(credit(&plain, Format::UcdpGed, 0)
            .starts_with("Data: UCDP Georeferenced Event Dataset (GED), Uppsala"));
        assert_eq!(date_in_name("events-12024-08-051.csv"), None);
    }

    #[test]
    fn the_generators_synthetic_events_are_never_credited_to_a_source() {
        let file = file_named("2024-08-05-synthetic-1000000.synthetic.csv");
        assert_eq!(
            credit(&file, Format::AcledCurrent, 1_000_000),
            "Data: SYNTHETIC test events made by EventLens's generator (1,000,000 events), not real reports."
        );
        let one = credit(&file, Format::AcledCurrent, 1);
        assert!(one.contains("(1 event)"), "{one}");
        assert!(!one.contains("ACLED"), "{one}");
        let fr =
            crate::engine::i18n::with_lang(crate::engine::i18n::Lang::parse("fr").unwrap(), || {
                credit(&file, Format::AcledCurrent, 3)
            });
        assert_eq!(
            fr,
            "Donn\u{e9}es\u{a0}: \u{e9}v\u{e9}nements SYNTH\u{c9}TIQUES de test produits par le g\u{e9}n\u{e9}rateur d\u{2019}EventLens (3 \u{e9}v\u{e9}nements), pas des faits r\u{e9}els."
        );
    }
}
