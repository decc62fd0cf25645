//! The Leptos user interface (wasm32 only). Thin: it holds signals, calls the
//! engine and draws. All view state is one [`state::AppState`], mirrored in
//! the page's link ([`link`]); every change runs one `QueryState::apply` and
//! one `views` pass ([`Ctx::snapshot`]), and every panel reads that
//! snapshot. With `?embed=1` the page shows one panel ([`embed`]).

mod about;
mod aliases;
mod bars;
mod canvas;
mod compare;
mod details;
mod dom;
mod embed;
mod exports;
mod filters;
mod header;
mod import_worker;
mod lang;
mod link;
mod load;
mod map;
mod notices;
mod published;
mod recover;
mod share;
mod sources;
mod state;
mod table;
mod texts;
mod timeline;
mod versions;
mod workbook;

pub use import_worker::serve as serve_import_worker;
pub use workbook::serve as serve_workbook_reader;

use crate::engine::link::ViewState;
use crate::engine::present::map::MapView;
use crate::engine::query::group::{compare, Comparison};
use crate::engine::query::table::sort_rows;
use crate::engine::query::{Filters, ViewSpec, Views};
use crate::engine::ImportReport;
use leptos::prelude::*;
use leptos::task::spawn_local;
use load::{LoadState, MappingRequest, Progress};
use state::{AppState, DatasetInfo, Loaded, Panel};
use std::ops::Deref;
use std::sync::Arc;

/// Mounts the app on `<body>`.
pub fn mount() {
    recover::install();
    dom::register_offline_worker();
    leptos::mount::mount_to_body(App);
}

/// A shared value compared by identity, so a memo holding a large vector
/// does not compare it element by element.
#[derive(Debug, Default)]
pub struct Shared<T>(pub Arc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Arc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// The result of one pass over the filtered data.
#[derive(Debug, Default)]
pub struct Snapshot {
    pub views: Views,
    /// Events passing every filter, in file order (shared with the table
    /// while it is unsorted: a million rows are not copied per change).
    pub rows: Arc<Vec<u32>>,
}

/// What the page's views count: the timeline per `bin`, and the busiest
/// actors the breakdown shows.
pub fn view_spec(bin: crate::engine::data::date::Bin) -> ViewSpec {
    ViewSpec {
        bin,
        top_actors: 15,
    }
}

/// Every signal of the page, passed by context. All fields are handles
/// (`Copy`).
#[derive(Clone, Copy)]
pub struct Ctx {
    pub app: RwSignal<AppState>,
    /// The dataset on show; not reactive itself: [`Ctx::data_version`]
    /// changes whenever it does.
    pub data: StoredValue<Option<Loaded>, LocalStorage>,
    pub data_version: RwSignal<u64>,
    pub info: RwSignal<Option<DatasetInfo>>,
    pub report: RwSignal<Option<ImportReport>>,
    pub report_open: RwSignal<bool>,
    /// A sentence for the alert region.
    pub error: RwSignal<Option<String>>,
    pub progress: RwSignal<Option<Progress>>,
    pub load_generation: StoredValue<u64>,
    /// What the loader is doing (the page's `data-load-state`).
    pub load_state: RwSignal<LoadState>,
    pub mapping: RwSignal<Option<MappingRequest>>,
    /// A file whose dates read both ways, waiting for the user's answer.
    pub date_question: RwSignal<Option<load::DateQuestion>>,
    pub pending_file: StoredValue<Option<web_sys::File>, LocalStorage>,
    /// The event whose record the details panel shows.
    pub details: RwSignal<Option<u32>>,
    /// The map place whose events are listed.
    pub selected_place: RwSignal<Option<u32>>,
    pub map_view: RwSignal<Option<MapView>>,
    /// A file is being dragged over the page.
    pub dragging: RwSignal<bool>,
    /// Bytes of the file searched so far, and in all, while a text filter
    /// scans the notes of a large file.
    pub note_scan: RwSignal<Option<(u64, u64)>>,
    pub filters: Memo<Filters>,
    pub snapshot: Memo<Shared<Snapshot>>,
    /// [`Ctx::snapshot`] again once the frame that shows it has painted.
    /// Texts nobody reads at that instant (the counts in the filter lists,
    /// up to 250 options each) follow it, so the frame after a filter
    /// change carries the charts and not those rewrites.
    pub snapshot_after_paint: RwSignal<Shared<Snapshot>>,
    /// The filtered events in table order.
    pub table_rows: Memo<Shared<Vec<u32>>>,
    pub comparison: Memo<Option<Comparison>>,
    /// The page shows one panel in another site's frame (`?embed=1`).
    pub embed: bool,
    /// What the link asked for that could not apply, until dismissed.
    pub link_notices: RwSignal<Vec<String>>,
    /// A view from a link, applied when the dataset it needs is in.
    pub recipe: StoredValue<Option<ViewState>>,
    /// A dataset is on show, so the link can describe the view.
    pub link_ready: RwSignal<bool>,
    /// Changes still join the current history entry (a burst of changes
    /// is under way; the page's `data-link-burst`).
    pub link_burst: RwSignal<bool>,
    /// What a long export is doing ("Preparing the events: 40%").
    pub busy: RwSignal<Option<String>>,
    /// The interface's language; the page is drawn again when it changes.
    pub lang: RwSignal<crate::engine::i18n::Lang>,
}

impl Ctx {
    fn new(embed: bool) -> Ctx {
        let app = RwSignal::new(AppState::default());
        let data: StoredValue<Option<Loaded>, LocalStorage> = StoredValue::new_local(None);
        let data_version = RwSignal::new(0u64);
        let filters = Memo::new(move |_| app.with(|a| a.filters.clone()));
        let bin = Memo::new(move |_| app.with(|a| a.bin));
        let snapshot = Memo::new(move |_| {
            data_version.track();
            let spec = view_spec(bin.get());
            filters
                .with(|f| {
                    data.try_update_value(|d| {
                        d.as_mut().map(|l| {
                            l.state.apply(&l.store, f);
                            Snapshot {
                                views: l.state.views(&l.store, &spec),
                                rows: Arc::new(l.state.rows()),
                            }
                        })
                    })
                    .flatten()
                })
                .map(|s| Shared(Arc::new(s)))
                .unwrap_or_default()
        });
        let snapshot_after_paint = dom::after_paint(snapshot);
        let sort = Memo::new(move |_| app.with(|a| a.sort));
        let table_rows = Memo::new(move |_| {
            let Some(key) = sort.get() else {
                return Shared(snapshot.with(|s| Arc::clone(&s.rows)));
            };
            let mut rows = snapshot.with(|s| s.rows.to_vec());
            data.with_value(|d| {
                if let Some(l) = d {
                    sort_rows(&l.store, &mut rows, key);
                }
            });
            Shared(Arc::new(rows))
        });
        let settings = Memo::new(move |_| app.with(|a| (a.panel, a.compare)));
        let comparison = Memo::new(move |_| {
            let (panel, settings) = settings.get();
            if panel != Panel::Compare {
                return None;
            }
            snapshot.track();
            data.with_value(|d| {
                d.as_ref()
                    .map(|l| compare(&l.store, &l.state, settings.a, settings.b, settings.by))
            })
        });
        Ctx {
            app,
            data,
            data_version,
            info: RwSignal::new(None),
            report: RwSignal::new(None),
            report_open: RwSignal::new(false),
            error: RwSignal::new(None),
            progress: RwSignal::new(None),
            load_generation: StoredValue::new(0),
            load_state: RwSignal::new(LoadState::default()),
            mapping: RwSignal::new(None),
            date_question: RwSignal::new(None),
            pending_file: StoredValue::new_local(None),
            details: RwSignal::new(None),
            selected_place: RwSignal::new(None),
            map_view: RwSignal::new(None),
            dragging: RwSignal::new(false),
            note_scan: RwSignal::new(None),
            filters,
            snapshot,
            snapshot_after_paint,
            table_rows,
            comparison,
            embed,
            link_notices: RwSignal::new(Vec::new()),
            recipe: StoredValue::new(None),
            link_ready: RwSignal::new(false),
            link_burst: RwSignal::new(false),
            busy: RwSignal::new(None),
            lang: RwSignal::new(crate::engine::i18n::current()),
        }
    }

    /// Changes the filters (one apply and one views pass follow).
    pub fn update_filters(&self, change: impl FnOnce(&mut Filters)) {
        self.app.update(|a| change(&mut a.filters));
    }
}

/// Reads the page's context.
pub fn use_ctx() -> Ctx {
    expect_context::<Ctx>()
}

/// Bytes of the user's file read per step of a notes search.
const NOTE_SLICE: u64 = 8 * 1024 * 1024;

/// Large files keep their notes on disk: a text filter then needs a scan of
/// the file, in slices ((`NoteScan`)), after which the views are computed
/// again.
fn watch_note_scans(ctx: Ctx) {
    let scanning: StoredValue<Option<String>> = StoredValue::new(None);
    Effect::new(move |_| {
        ctx.snapshot.track();
        let job = ctx.data.with_value(|d| {
            let l = d.as_ref()?;
            let scan = l.state.note_scan(&l.store, NOTE_SLICE)?;
            Some((scan, l.file.clone()?))
        });
        let Some((mut scan, file)) = job else {
            return;
        };
        if scanning.get_value().as_deref() == Some(scan.text()) {
            return;
        }
        scanning.set_value(Some(scan.text().to_string()));
        let version = ctx.data_version.get_untracked();
        spawn_local(async move {
            let stop = |message: Option<&str>| {
                scanning.set_value(None);
                ctx.note_scan.set(None);
                if let Some(m) = message {
                    ctx.error.set(Some(m.to_string()));
                }
            };
            ctx.note_scan.set(Some(scan.progress()));
            while let Some((start, end)) = scan.next_range() {
                let Ok(bytes) = dom::read_slice(&file, start, end).await else {
                    return stop(Some(&crate::t!("error-notes-reread")));
                };
                let current = ctx.filters.with_untracked(|f| f.text.clone());
                if current.as_deref() != Some(scan.text())
                    || ctx.data_version.get_untracked() != version
                {
                    // Another search (or file) took over.
                    return stop(None);
                }
                ctx.data.with_value(|d| {
                    if let Some(l) = d {
                        scan.feed(&l.store, &bytes);
                    }
                });
                ctx.note_scan.set(Some(scan.progress()));
                dom::yield_now().await;
            }
            stop(None);
            let text = scan.text().to_string();
            let matches = scan.finish();
            ctx.data.update_value(|d| {
                if let Some(l) = d {
                    if l.state.filters().text.as_deref() == Some(text.as_str()) {
                        l.state.set_note_matches(&l.store, Some(matches));
                    }
                }
            });
            ctx.data_version.update(|v| *v += 1);
        });
    });
}

#[component]
fn App() -> impl IntoView {
    let (recipe, notices) = link::read();
    lang::apply(lang::choose(recipe.lang));
    let ctx = Ctx::new(recipe.embed);
    provide_context(ctx);
    let restart = recover::take_restart();
    link::start(
        ctx,
        recipe,
        notices,
        restart.as_ref().and_then(|r| r.file.clone()),
    );
    if let Some(restart) = &restart {
        ctx.error.set(Some(restart.sentence()));
    }
    recover::watch(ctx);
    let link_handles = link::keep_in_sync(ctx);
    watch_note_scans(ctx);
    aliases::keep_folded(ctx);
    if ctx.embed {
        if let Some(root) = document().document_element() {
            let _ = root.class_list().add_1("embed");
        }
        on_cleanup(move || {
            link_handles
                .into_iter()
                .for_each(WindowListenerHandle::remove)
        });
        return (move || {
            ctx.lang.track();
            view! { <embed::EmbedView/> }
        })
        .into_any();
    }
    let drop_handles = notices::listen_for_drops(ctx);
    on_cleanup(move || {
        drop_handles.into_iter().for_each(|h| h.remove());
        link_handles
            .into_iter()
            .for_each(WindowListenerHandle::remove);
    });

    let is_compare = Memo::new(move |_| ctx.app.with(|a| a.panel == Panel::Compare));
    let set_panel = move |p: Panel| ctx.app.update(|a| a.panel = p);
    (move || {
        ctx.lang.track();
        view! {
            // States for browser tests to wait on, rather than on a time.
            <div
                class="app"
                data-load-state=move || ctx.load_state.get().name()
                data-link-burst=move || if ctx.link_burst.get() { "open" } else { "closed" }
            >
                <header::Header/>
                <versions::SecondFile/>
                <share::ShareBar/>
                <notices::Notices/>
                <div class="layout">
                    <filters::FilterPanel/>
                    <main class="views" id="main">
                        <timeline::Timeline/>
                        <div class="row-2">
                            <map::MapPanel/>
                            <bars::Breakdowns/>
                        </div>
                        <section class="panel lower" aria-label=crate::t!("lower-label")>
                            <div class="tabs" role="tablist">
                                <button
                                    role="tab"
                                    id="tab-table"
                                    aria-controls="panel-lower"
                                    aria-selected=move || (!is_compare.get()).to_string()
                                    on:click=move |_| set_panel(Panel::Table)
                                >
                                    {crate::t!("tab-table")}
                                </button>
                                <button
                                    role="tab"
                                    id="tab-compare"
                                    aria-controls="panel-lower"
                                    aria-selected=move || is_compare.get().to_string()
                                    on:click=move |_| set_panel(Panel::Compare)
                                >
                                    {crate::t!("tab-compare")}
                                </button>
                            </div>
                            {move || {
                                if is_compare.get() {
                                    view! { <compare::ComparePanel/> }.into_any()
                                } else {
                                    view! { <table::EventTable/> }.into_any()
                                }
                            }}
                        </section>
                        <published::PublishedPanel/>
                    </main>
                </div>
                <details::DetailsPanel/>
                <notices::MappingDialog/>
                <notices::DateOrderDialog/>
                <notices::DropOverlay/>
                <footer class="footer">
                    <p>
                        {crate::t!("footer-privacy")}
                        " "
                        {crate::t!("footer-outlines")}
                    </p>
                </footer>
            </div>
        }
    })
    .into_any()
}
