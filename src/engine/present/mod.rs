//! How answers are shown, for any front end (the page's canvas, an SVG
//! export, the command line): numbers, sizes and dates in words, the active
//! filters as chips, the palette, chart axes, each chart as a list of
//! marks for any backend to draw, map geometry and what the map draws, the
//! table's text and scroll window, an event's record, the comparison table
//! and each chart's text summary. Pure functions, tested natively.

pub mod axis;
pub mod chart;
pub mod chart_words;
pub mod chips;
pub mod comparison_table;
pub mod credit;
pub mod format;
pub mod map;
pub mod map_index;
pub mod map_layers;
pub mod map_marks;
pub mod map_modes;
pub mod map_play;
pub mod markdown;
pub mod palette;
pub mod published;
pub mod record;
pub mod scope;
pub mod summary;
pub mod table_text;
pub mod table_window;
pub mod versions;
