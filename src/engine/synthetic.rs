//! SYNTHETIC ACLED-shaped data for tests and benchmarks. Every row says it
//! is synthetic (event ids `SYN...`, source "EventLens synthetic
//! generator", notes starting "SYNTHETIC"), and none of it is shown to users
//! as real. Widths follow real exports: 31 columns, ~200-character notes.

use std::io::{self, Write};

/// A small deterministic generator (SplitMix64), so the same seed always
/// gives the same file.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_add(0x9E37_79B9_7F4A_7C15))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    /// Skewed towards small values: a few actors and places dominate, as in
    /// real data.
    pub(crate) fn skewed(&mut self, n: u64) -> u64 {
        let a = self.below(n);
        let b = self.below(n);
        a.min(b)
    }
}

pub const HEADER: &str = "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp";

const TYPES: [(&str, &str, &[&str]); 6] = [
    (
        "Battles",
        "Political violence",
        &[
            "Armed clash",
            "Government regains territory",
            "Non-state actor overtakes territory",
        ],
    ),
    (
        "Violence against civilians",
        "Political violence",
        &[
            "Attack",
            "Abduction/forced disappearance",
            "Sexual violence",
        ],
    ),
    (
        "Explosions/Remote violence",
        "Political violence",
        &[
            "Air/drone strike",
            "Remote explosive/landmine/IED",
            "Shelling/artillery/missile attack",
            "Suicide bomb",
        ],
    ),
    (
        "Riots",
        "Demonstrations",
        &["Violent demonstration", "Mob violence"],
    ),
    (
        "Protests",
        "Demonstrations",
        &["Peaceful protest", "Protest with intervention"],
    ),
    (
        "Strategic developments",
        "Strategic developments",
        &[
            "Looting/property destruction",
            "Arrests",
            "Agreement",
            "Headquarters or base established",
            "Other",
        ],
    ),
];

const WORDS: [&str; 24] = [
    "reportedly",
    "near",
    "the",
    "village",
    "of",
    "armed",
    "men",
    "attacked",
    "a",
    "patrol",
    "convoy",
    "market",
    "several",
    "killed",
    "wounded",
    "sources",
    "said",
    "local",
    "authorities",
    "fighting",
    "continued",
    "until",
    "evening",
    "displaced",
];

/// Writes `events` synthetic events as an ACLED current-layout CSV.
/// Returns the bytes written.
pub fn write_acled_csv(out: &mut impl Write, events: usize, seed: u64) -> io::Result<u64> {
    let mut rng = Rng::new(seed);
    let mut writer = csv::WriterBuilder::new().from_writer(CountingWriter {
        inner: out,
        bytes: 0,
    });
    writer.write_record(HEADER.split(','))?;
    // A fixed gazetteer (about one place per ten events) and fixed lists of
    // allies, as in real exports where places and coalitions recur.
    let places = (events / 10).max(50) as u64;
    let ally_lists = 500u64;
    let start_day = crate::engine::data::date::from_ymd(1997, 1, 1).unwrap_or(0);
    let end_day = crate::engine::data::date::from_ymd(2024, 12, 31).unwrap_or(10_000);
    let span = (end_day - start_day) as u64;
    let mut notes = String::with_capacity(256);
    for i in 0..events {
        let day = start_day + (span * i as u64 / events.max(1) as u64) as i32;
        let date = crate::engine::data::date::format_iso(day);
        let (event_type, disorder, subs) = TYPES[rng.skewed(6) as usize];
        let sub = subs[rng.below(subs.len() as u64) as usize];
        let place = rng.skewed(places);
        let mut place_rng = Rng::new(place);
        let country = place_rng.skewed(40);
        let admin1 = place_rng.skewed(12);
        let admin2 = place_rng.skewed(8);
        let location = place;
        let actor1 = rng.skewed(3000);
        let actor2 = rng.skewed(3000);
        let fatalities = if rng.below(3) == 0 { rng.skewed(60) } else { 0 };
        let lat =
            -30.0 + country as f64 * 1.3 + admin1 as f64 * 0.11 + (location % 997) as f64 * 0.0007;
        let lon =
            -15.0 + country as f64 * 1.1 + admin2 as f64 * 0.09 + (location % 991) as f64 * 0.0011;
        notes.clear();
        notes.push_str("SYNTHETIC test event, not a real report: ");
        while notes.len() < 190 {
            notes.push_str(WORDS[rng.below(WORDS.len() as u64) as usize]);
            notes.push(' ');
        }
        if i % 97 == 0 {
            notes.push_str("\"quoted\", with comma");
        }
        let actor1_name = format!("Synthetic Armed Group {actor1} (2015-)");
        let actor2_name = if rng.below(4) == 0 {
            String::new()
        } else {
            format!("Synthetic Militia {actor2}")
        };
        let assoc = if rng.below(5) == 0 {
            let list = rng.skewed(ally_lists);
            format!(
                "Synthetic Ally {}; Synthetic Ally {}",
                list % 200,
                (list * 7 + 3) % 200
            )
        } else {
            String::new()
        };
        let civilian = if event_type == "Violence against civilians" {
            "Civilian targeting"
        } else {
            ""
        };
        writer.write_record([
            format!("SYN{i}").as_str(),
            &date,
            &date[..4],
            "1",
            disorder,
            event_type,
            sub,
            &actor1_name,
            &assoc,
            "2",
            &actor2_name,
            "",
            "3",
            "23",
            civilian,
            &(100 + country).to_string(),
            "Synthetic Region",
            &format!("Synthetic Country {country}"),
            &format!("Province {country}-{admin1}"),
            &format!("District {country}-{admin1}-{admin2}"),
            "",
            &format!("Synthetic Town {location}"),
            &format!("{lat:.4}"),
            &format!("{lon:.4}"),
            "1",
            crate::engine::data::source::SYNTHETIC_SOURCE,
            "Other",
            &notes,
            &fatalities.to_string(),
            "",
            "1700000000",
        ])?;
    }
    writer.flush()?;
    let bytes = writer.get_ref().bytes;
    Ok(bytes)
}

/// The same, in memory.
pub fn acled_csv(events: usize, seed: u64) -> Vec<u8> {
    let mut out = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = write_acled_csv(&mut out, events, seed);
    out
}

struct CountingWriter<W> {
    inner: W,
    bytes: u64,
}

impl<W: Write> Write for CountingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.bytes += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}
