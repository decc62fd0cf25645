//! What the user asks of a store: filters and the linked views computed
//! from them, group-by and period comparison, the table's order, text search
//! in notes read back from the file, and actor suggestions.

pub mod actor_index;
pub mod filters;
pub mod group;
pub mod map_layer;
pub mod notes;
pub mod published;
pub mod sources;
pub mod state;
pub mod table;
pub mod versions;
pub mod views;

pub use actor_index::{suggest_actors, ActorIndex, ActorSuggestion, RawActor};
pub use filters::{ChartKind, Dim, Filters, Role};
pub use notes::{match_records, record_batches, NoteScan};
pub use state::{match_actors, QueryState};
pub use views::{Bar, MapPoint, Measure, Measures, Timeline, Totals, ViewSpec, Views, NOT_STATED};
