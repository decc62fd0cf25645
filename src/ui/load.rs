//! Loading data: the bundled dataset at start, and a user's file read in
//! chunks (with progress and Cancel) through the streaming importer. A
//! failed import leaves the dataset already shown in place.

use super::dom;
use super::state::{AppState, CompareSettings, DatasetInfo, Loaded, Origin};
use super::Ctx;
use crate::engine::layout::ColumnMapping;
use crate::engine::query::{ActorIndex, Filters, QueryState};
use crate::engine::{import_bytes, Dataset, ImportError, ImportOptions, Importer};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The bundled dataset, relative to the page (the site may live under a
/// sub-path).
pub const BUNDLED_URL: &str = "data/wagner-mali-events.csv";
/// Bytes read per step.
const CHUNK: u64 = 4 * 1024 * 1024;
/// Files up to this size keep their text in memory (notes without
/// re-reading the file); larger ones are read back with `Blob.slice`.
const HOLD_TEXT_BELOW: u64 = 64 * 1024 * 1024;
/// What a browser tab can reasonably hold for the columns of a file this
/// large (about 32 bytes per event; a full ACLED export is about 1.3 GB).
const SIZE_LIMIT: u64 = 3_000_000_000;

/// Progress of a file being read.
#[derive(Clone, Debug, PartialEq)]
pub struct Progress {
    pub name: String,
    pub bytes: u64,
    pub total: u64,
    pub rows: u64,
    pub started_ms: f64,
    pub now_ms: f64,
}

impl Progress {
    pub fn fraction(&self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            (self.bytes as f64 / self.total as f64).clamp(0.0, 1.0)
        }
    }

    pub fn rows_per_second(&self) -> u64 {
        let seconds = (self.now_ms - self.started_ms) / 1000.0;
        if seconds <= 0.0 {
            0
        } else {
            (self.rows as f64 / seconds) as u64
        }
    }
}

/// A file waiting for the user to say which column is what.
#[derive(Clone, Debug, PartialEq)]
pub struct MappingRequest {
    pub file_name: String,
    pub headers: Vec<String>,
    pub mapping: ColumnMapping,
}

/// Fetches and imports the bundled dataset.
pub fn load_bundled(ctx: Ctx) {
    spawn_local(async move {
        let bytes = match dom::fetch_bytes(BUNDLED_URL).await {
            Ok(b) => b,
            Err(message) => {
                ctx.error.set(Some(message));
                return;
            }
        };
        let options = ImportOptions {
            hold_text: true,
            ..ImportOptions::default()
        };
        match import_bytes(&bytes, options) {
            Ok(dataset) => install(ctx, dataset, Origin::Bundled, None, false),
            Err(e) => ctx
                .error
                .set(Some(format!("The bundled dataset could not be read: {e}"))),
        }
    });
}

/// Starts reading a user's file (cancelling any file still being read).
pub fn load_file(ctx: Ctx, file: web_sys::File, mapping: Option<ColumnMapping>) {
    let generation = ctx.load_generation.get_value() + 1;
    ctx.load_generation.set_value(generation);
    ctx.error.set(None);
    ctx.mapping.set(None);
    spawn_local(async move {
        let name = file.name();
        match read_file(ctx, &file, mapping, generation).await {
            Ok(Some(dataset)) => {
                ctx.progress.set(None);
                install(ctx, dataset, Origin::File { name }, Some(file), true);
            }
            Ok(None) => {} // cancelled
            Err(Failure::Import(ImportError::UnknownLayout { headers })) => {
                ctx.progress.set(None);
                let mapping = ColumnMapping::suggest(&headers);
                ctx.pending_file.set_value(Some(file));
                ctx.mapping.set(Some(MappingRequest {
                    file_name: name,
                    headers,
                    mapping,
                }));
            }
            Err(failure) => {
                if ctx.load_generation.get_value() == generation {
                    ctx.progress.set(None);
                    let message = match failure {
                        Failure::Import(e) => e.to_string(),
                        Failure::Read(message) => message,
                    };
                    ctx.error.set(Some(format!("{name}: {message}")));
                }
            }
        }
    });
}

/// Stops reading the current file; the dataset on show stays.
pub fn cancel(ctx: Ctx) {
    ctx.load_generation.update_value(|g| *g += 1);
    ctx.progress.set(None);
}

/// Why reading a file stopped.
enum Failure {
    Import(ImportError),
    /// The browser could not read the file (moved, deleted, no permission).
    Read(String),
}

impl From<ImportError> for Failure {
    fn from(e: ImportError) -> Self {
        Failure::Import(e)
    }
}

/// Reads `file` chunk by chunk into the importer, yielding to the browser
/// between chunks. `Ok(None)` when cancelled.
async fn read_file(
    ctx: Ctx,
    file: &web_sys::File,
    mapping: Option<ColumnMapping>,
    generation: u64,
) -> Result<Option<Dataset>, Failure> {
    let total = file.size() as u64;
    let cancelled = move || ctx.load_generation.get_value() != generation;
    let started = dom::now_ms();
    let mut progress = Progress {
        name: file.name(),
        bytes: 0,
        total,
        rows: 0,
        started_ms: started,
        now_ms: started,
    };
    ctx.progress.set(Some(progress.clone()));
    let mut importer = Importer::new(ImportOptions {
        mapping,
        hold_text: total < HOLD_TEXT_BELOW,
        size_limit: Some(SIZE_LIMIT),
        aliases: None,
    });
    let mut offset = 0;
    let mut next = (total > 0)
        .then(|| dom::start_read(file, 0, CHUNK.min(total)))
        .transpose()
        .map_err(Failure::Read)?;
    while let Some(pending) = next.take() {
        let chunk = pending.await.map_err(Failure::Read)?;
        if cancelled() {
            return Ok(None);
        }
        let end = (offset + chunk.len() as u64).min(total);
        if end < total {
            // Read the next slice while this one is parsed.
            next =
                Some(dom::start_read(file, end, (end + CHUNK).min(total)).map_err(Failure::Read)?);
        }
        importer.push(&chunk)?;
        offset = end;
        progress.bytes = importer.bytes_read();
        progress.rows = importer.rows_read();
        progress.now_ms = dom::now_ms();
        ctx.progress.set(Some(progress.clone()));
        dom::yield_now().await;
        if cancelled() {
            return Ok(None);
        }
    }
    let dataset = importer.finish()?;
    // Let the page paint before the dataset is installed and first drawn.
    dom::yield_now().await;
    if cancelled() {
        return Ok(None);
    }
    Ok(Some(dataset))
}

/// Makes `dataset` the one on show: filters start afresh (a new file has
/// other names), the view settings stay.
fn install(
    ctx: Ctx,
    dataset: Dataset,
    origin: Origin,
    file: Option<web_sys::File>,
    show_report: bool,
) {
    let Dataset { store, report } = dataset;
    let state = QueryState::new(&store);
    let compare = CompareSettings::default_for(&store.date);
    let info = DatasetInfo {
        origin,
        format: store.format,
        format_label: if report.format.is_empty() {
            store.format.label().to_string()
        } else {
            report.format.clone()
        },
        events: store.len(),
    };
    let actors = ActorIndex::new(&store);
    ctx.data.set_value(Some(Loaded {
        store,
        state,
        actors,
        report: report.clone(),
        file,
    }));
    ctx.details.set(None);
    ctx.selected_place.set(None);
    ctx.map_view.set(None);
    ctx.app.update(|app: &mut AppState| {
        app.filters = Filters::default();
        app.compare = compare.with_by(app.compare.by);
        app.sort = None;
    });
    ctx.info.set(Some(info));
    ctx.report.set(Some(report));
    ctx.report_open.set(show_report);
    ctx.data_version.update(|v| *v += 1);
}

impl CompareSettings {
    fn with_by(mut self, by: crate::engine::group::GroupBy) -> Self {
        self.by = by;
        self
    }
}
