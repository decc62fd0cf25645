//! A published figure's definition as the app's filters and measure, and
//! what the loaded data says for it: the check a reader of an article makes
//! ("CTC Sentinel reported 47 JNIM attacks on civilians in central Mali in
//! the 2022 rainy season; this file counts ..."). What the filters cannot
//! say (a percentage, a count of something other than events) is given as
//! a sentence instead of a number.

use crate::engine::data::date::{self, Day};
use crate::engine::data::dimension::Category;
use crate::engine::data::store::Store;
use crate::engine::query::filters::{Filters, Role};
use crate::engine::query::state::QueryState;
use crate::engine::read::published::PublishedFigure;

/// What a figure counts, as the data can count it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Counted {
    Events,
    Fatalities,
    /// ACLED: all fatalities of events that target civilians; UCDP GED:
    /// `deaths_civilians`.
    CivilianFatalities,
}

/// A figure's definition in the app's terms.
#[derive(Clone, Debug, PartialEq)]
pub struct Definition {
    pub filters: Filters,
    pub counted: Counted,
    /// How the figure's words were read, where a reader could read them
    /// otherwise ("central Mali: the regions Mopti and Segou").
    pub readings: Vec<String>,
}

/// Areas that are not a country name, as regions (admin 1) of a country.
/// ACLED spells Mali's regions without accents; the filter also matches
/// accented spellings.
const AREAS: &[(&str, &str, &[&str])] = &[("central mali", "Mali", &["Mopti", "Segou"])];

/// Reads a figure's columns as filters. `Err` says, in a sentence, why the
/// filters cannot express it.
pub fn translate(figure: &PublishedFigure) -> Result<Definition, String> {
    let mut readings = Vec::new();
    let unit = figure.unit.trim().to_lowercase();
    let counted = match figure.measure.as_str() {
        "events" if unit == "events" || unit.is_empty() => Counted::Events,
        "events" => return Err(crate::t!("figure-not-events", unit = figure.unit.trim())),
        "fatalities" => Counted::Fatalities,
        "civilian_fatalities" => {
            readings.push(crate::t!("figure-civilian-deaths"));
            Counted::CivilianFatalities
        }
        "share" => return Err(crate::t!("figure-share")),
        other => return Err(crate::t!("figure-unknown-measure", measure = other)),
    };
    let mut filters = Filters {
        from: figure.period_start,
        to: figure.period_end,
        ..Filters::default()
    };
    if let Some(window) = figure.months {
        if !within_window(figure.period_start, figure.period_end, window) {
            filters.months = Some(window);
        }
    }
    let area = figure.area.trim();
    if !area.is_empty() {
        match AREAS
            .iter()
            .find(|(name, _, _)| *name == area.to_lowercase())
        {
            Some((_, country, regions)) => {
                filters.categories[Category::Country] = vec![country.to_string()];
                filters.categories[Category::Admin1] =
                    regions.iter().map(|r| r.to_string()).collect();
                readings.push(crate::t!(
                    "figure-area",
                    area = area,
                    regions = crate::t!(
                        "list-and",
                        first = regions[..regions.len().saturating_sub(1)].join(", "),
                        last = regions.last().copied().unwrap_or_default()
                    )
                ));
            }
            None => filters.categories[Category::Country] = vec![area.to_string()],
        }
    }
    let actors: Vec<&str> = figure
        .actor
        .split(';')
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .collect();
    match actors[..] {
        [] => {}
        [one] => filters.actor = Some(one.to_string()),
        [one, other] => {
            filters.actor = Some(one.to_string());
            filters.alongside = Some(other.to_string());
            readings.push(crate::t!("figure-same-side", one = one, other = other));
        }
        _ => return Err(crate::t!("figure-many-actors")),
    }
    filters.role = Role::Any;
    filters.categories[Category::EventType] = figure.event_types.clone();
    Ok(Definition {
        filters,
        counted,
        readings,
    })
}

/// True when the whole period lies within one stretch of the months
/// window, so the window adds nothing to the dates.
fn within_window(from: Option<Day>, to: Option<Day>, (a, b): (u8, u8)) -> bool {
    let (Some(from), Some(to)) = (from, to) else {
        return false;
    };
    a <= b
        && date::year_of(from) == date::year_of(to)
        && date::month_of(from) >= a
        && date::month_of(to) <= b
}

/// One figure set beside the data.
#[derive(Clone, Debug, PartialEq)]
pub struct FigureCheck {
    pub figure: PublishedFigure,
    pub definition: Result<Definition, String>,
    /// What the loaded data counts under the definition.
    pub data: Option<u64>,
}

impl FigureCheck {
    /// The data's count less the published figure, when both are counts.
    pub fn difference(&self) -> Option<f64> {
        self.data.map(|d| d as f64 - self.figure.value)
    }
}

/// Sets each figure beside what `store` counts for its definition.
pub fn check(store: &Store, figures: &[PublishedFigure]) -> Vec<FigureCheck> {
    let mut state = QueryState::new(store);
    figures
        .iter()
        .map(|figure| check_one(store, &mut state, figure))
        .collect()
}

/// What `store` counts for one figure. `state` is any filter state over
/// `store` (a [`QueryState::counting_copy`] of the page's, say): its
/// filters become the figure's, so checking figures one at a time, with
/// a pause between them, costs no more than [`check`].
pub fn check_one(store: &Store, state: &mut QueryState, figure: &PublishedFigure) -> FigureCheck {
    let definition = translate(figure);
    let data = definition.as_ref().ok().map(|d| {
        state.apply(store, &d.filters);
        count(store, state, d.counted)
    });
    FigureCheck {
        figure: figure.clone(),
        definition,
        data,
    }
}

fn count(store: &Store, state: &QueryState, counted: Counted) -> u64 {
    let rows = (0..store.len()).filter(|&r| state.passes(r));
    match counted {
        Counted::Events => rows.count() as u64,
        Counted::Fatalities => rows.map(|r| u64::from(store.fatalities[r])).sum(),
        Counted::CivilianFatalities => rows.map(|r| u64::from(store.civilian_fatalities(r))).sum(),
    }
}
