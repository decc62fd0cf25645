//! Colours: the one palette every chart, legend, map and export takes its
//! colours from, with each event type's colour fixed by its name so a type
//! keeps its colour across files, charts and exports.

use crate::engine::query::views::OTHER_TYPES;

/// Okabe-Ito (Okabe and Ito, "Color Universal Design", 2008), the palette
/// designed to stay distinct under the common forms of colour blindness:
/// orange, sky blue, bluish green, yellow, blue, vermillion, reddish
/// purple and grey. Black is left out (it is the text colour); grey stands
/// in for it.
pub(crate) const OKABE_ITO: [&str; 8] = [
    "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999",
];

/// The two periods of a comparison: sky blue for the earlier, blue for
/// the later, told apart by lightness as well as hue.
pub(crate) const PERIOD_COLOURS: [&str; 2] = [OKABE_ITO[1], OKABE_ITO[4]];

/// The colour of an event type, by its name alone: fixed for the ACLED
/// and UCDP types, grey for the band of rarer types, and for any other
/// name one of the palette's colours picked by a hash of the name, so the
/// same name gets the same colour in every file.
pub(crate) fn event_type_colour(name: &str) -> &'static str {
    match name {
        "Battles" | "State-based conflict" => OKABE_ITO[5],
        "Explosions/Remote violence" | "Non-state conflict" => OKABE_ITO[0],
        "Violence against civilians" | "One-sided violence" => OKABE_ITO[6],
        "Protests" => OKABE_ITO[1],
        "Riots" => OKABE_ITO[4],
        "Strategic developments" => OKABE_ITO[2],
        OTHER_TYPES => OKABE_ITO[7],
        _ => {
            // FNV-1a: stable across runs and platforms, unlike std's hasher.
            let hash = name.bytes().fold(0x811c_9dc5u32, |h, b| {
                (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
            });
            OKABE_ITO[hash as usize % 7]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn palette_is_stable_for_known_types() {
        assert_eq!(event_type_colour("Battles"), "#D55E00");
        assert_eq!(event_type_colour("State-based conflict"), "#D55E00");
        assert_ne!(event_type_colour("Battles"), event_type_colour("Protests"));
        assert_eq!(event_type_colour(OTHER_TYPES), "#999999");
    }

    /// Regression: an exported timeline drew Battles in yellow while the
    /// screen drew it vermillion, because unknown types took colours by
    /// position. Every colour is now a function of the name alone.
    #[test]
    fn every_colour_comes_from_the_palette_and_the_name_alone() {
        for name in ["Battles", "Riots", "Looting", "Curfews", "", "É"] {
            let c = event_type_colour(name);
            assert!(OKABE_ITO.contains(&c), "{name}: {c}");
            // A name read from another file is another string: same colour.
            let copy = String::from(name);
            assert_eq!(c, event_type_colour(copy.as_str()));
        }
        // FNV-1a of "" is 0x811c9dc5 = 2166136261; 2166136261 % 7 = 2.
        assert_eq!(event_type_colour(""), OKABE_ITO[2]);
    }
}
