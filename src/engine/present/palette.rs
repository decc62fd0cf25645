//! Colours: the event-type palette, fixed by name so a type keeps its
//! colour across files, charts and exports.

/// Okabe-Ito, the palette designed to stay distinct under the common forms
/// of colour blindness. Black is left out (it is the text colour); grey
/// stands in for it after the seven colours.
pub(crate) const OKABE_ITO: [&str; 8] = [
    "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999",
];

/// The colour of an event type: fixed for the ACLED and UCDP types, so a
/// type keeps its colour across files; others by position.
pub(crate) fn event_type_colour(name: &str, index: usize) -> &'static str {
    match name {
        "Battles" | "State-based conflict" => OKABE_ITO[5],
        "Explosions/Remote violence" | "Non-state conflict" => OKABE_ITO[0],
        "Violence against civilians" | "One-sided violence" => OKABE_ITO[6],
        "Protests" => OKABE_ITO[1],
        "Riots" => OKABE_ITO[4],
        "Strategic developments" => OKABE_ITO[2],
        _ => [OKABE_ITO[3], OKABE_ITO[7], OKABE_ITO[1], OKABE_ITO[2]][index % 4],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn palette_is_stable_for_known_types() {
        assert_eq!(
            event_type_colour("Battles", 3),
            event_type_colour("Battles", 0)
        );
        assert_ne!(
            event_type_colour("Battles", 0),
            event_type_colour("Protests", 0)
        );
    }
}
