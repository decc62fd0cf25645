//! How events are held. Dates are day numbers; names are interned in
//! dictionaries; an event's place and sides are interned tuples; actors fold
//! into canonical actors through the alias table. Nothing here knows about
//! files, filters or the page.

pub mod actors;
pub mod date;
pub mod dictionary;
pub mod dimension;
pub mod encoding;
pub mod fold;
pub mod numbers;
pub mod order;
pub mod places;
pub mod sides;
pub mod source;
pub mod store;
