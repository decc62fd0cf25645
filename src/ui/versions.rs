//! A second file beside the dataset on show: another version of the same
//! data (events matched by id: added, deleted, revised) or another source
//! side by side ([`super::sources`]). The second file is read like the
//! first ([`load::read_file`]: slices, progress, the same formats), held
//! columnar beside it, and never replaces it; a failure is said in the
//! panel and the dataset on show stays. Two versions are matched once,
//! in slices between which the page handles its events
//! ([`VersionMatcher`]); a change of filters then costs one pass over the
//! matches ([`VersionPairs::view`]).

use super::dom;
use super::load::{self, Progress, Reading};
use super::use_ctx;
use super::Ctx;
use crate::engine::data::date::{format_iso, Day};
use crate::engine::data::store::Store;
use crate::engine::output::versions::version_changes_csv;
use crate::engine::present::format::{bytes, thousands};
use crate::engine::present::versions::{change_lines, versions_summary, ChangeLine, VersionTotals};
use crate::engine::query::versions::{Field, VersionDiff, VersionMatcher, VersionPairs};
use crate::engine::query::QueryState;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Events of each kind listed in the panel.
const LISTED: usize = 20;
/// Rows matched per slice at first; the slices then size themselves to
/// about [`SLICE_MS`].
const FIRST_SLICE_ROWS: usize = 20_000;
const SLICE_MS: f64 = 25.0;
const MAX_SLICE_ROWS: usize = 250_000;

/// What the second file is to the first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// Another version of the same dataset.
    Version,
    /// Another source for the same place and time.
    Source,
}

/// What the second file is doing (the page's `data-second-state`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SecondState {
    #[default]
    Idle,
    Loading,
    /// Matching two versions' events.
    Matching,
    Ready,
    Failed,
}

impl SecondState {
    fn name(self) -> &'static str {
        match self {
            SecondState::Idle => "idle",
            SecondState::Loading => "loading",
            SecondState::Matching => "matching",
            SecondState::Ready => "ready",
            SecondState::Failed => "failed",
        }
    }
}

/// The second file and its filter state.
pub struct SecondData {
    pub store: Store,
    pub state: QueryState,
    pub name: String,
    /// Events of the project's synthetic test data in the file.
    pub synthetic_events: u64,
    /// Two versions' events matched (once the matching is done), with
    /// which file was the earlier then, and the serial of the dataset on
    /// show they were matched with (`Loaded::serial`).
    pub pairs: Option<(VersionPairs, bool, u64)>,
}

/// The second file's signals, passed by context.
#[derive(Clone, Copy)]
pub struct Second {
    pub data: StoredValue<Option<SecondData>, LocalStorage>,
    /// Changes whenever `data` does.
    pub version: RwSignal<u64>,
    pub progress: RwSignal<Option<Progress>>,
    pub state: RwSignal<SecondState>,
    pub error: RwSignal<Option<String>>,
    pub role: RwSignal<Role>,
    /// The second file is the later version.
    pub is_later: RwSignal<bool>,
    /// How far the matching of two versions is, 0 to 1.
    pub matching: RwSignal<f64>,
    /// The longest slice of the matching, in milliseconds (the page's
    /// `data-longest-slice-ms`, read by the benchmark).
    pub longest_slice_ms: RwSignal<f64>,
    /// Which part of the matching that slice was in
    /// ([`VersionMatcher::part`]).
    pub longest_slice_part: RwSignal<usize>,
    /// The whole matching, in milliseconds.
    pub matching_ms: RwSignal<f64>,
    generation: StoredValue<u64>,
}

impl Second {
    fn new() -> Second {
        Second {
            data: StoredValue::new_local(None),
            version: RwSignal::new(0),
            progress: RwSignal::new(None),
            state: RwSignal::new(SecondState::Idle),
            error: RwSignal::new(None),
            role: RwSignal::new(Role::Version),
            is_later: RwSignal::new(true),
            matching: RwSignal::new(0.0),
            longest_slice_ms: RwSignal::new(0.0),
            longest_slice_part: RwSignal::new(0),
            matching_ms: RwSignal::new(0.0),
            generation: StoredValue::new(0),
        }
    }

    /// Stops whatever the second file was doing; returns the new
    /// generation.
    fn restart(self) -> u64 {
        self.generation.update_value(|g| *g += 1);
        // A second file still being read in a worker stops now.
        super::import_worker::wake();
        self.generation.get_value()
    }

    fn current(self, generation: u64) -> bool {
        self.generation.try_get_value() == Some(generation)
    }

    /// Drops the second file.
    fn close(self) {
        self.restart();
        self.data.set_value(None);
        self.progress.set(None);
        self.error.set(None);
        self.state.set(SecondState::Idle);
        self.version.update(|v| *v += 1);
    }
}

/// "ACLED", "UCDP GED": what a store's source is called in sentences.
pub fn source_name(store: &Store) -> String {
    if store.is_ucdp() {
        "UCDP GED".into()
    } else if store.format.is_acled() {
        "ACLED".into()
    } else {
        crate::t!("second-the-file")
    }
}

/// The last event date of a store.
fn last_day(store: &Store) -> Option<Day> {
    store.date.iter().copied().max()
}

/// Reads `file` as the second file; the dataset on show stays whatever
/// happens.
fn open_second(ctx: Ctx, second: Second, file: web_sys::File) {
    let generation = second.restart();
    second.error.set(None);
    second.state.set(SecondState::Loading);
    spawn_local(async move {
        let name = file.name();
        let cancelled = move || !second.current(generation);
        let reading = Reading {
            progress: second.progress,
            cancelled: &cancelled,
        };
        let result = load::read_file(&file, None, None, &reading).await;
        if !second.current(generation) {
            return;
        }
        second.progress.set(None);
        let dataset = match result {
            Ok(Some(dataset)) => dataset,
            Ok(None) => return,
            Err(failure) => {
                second.state.set(SecondState::Failed);
                second.error.set(Some(crate::t!(
                    "second-failed",
                    name = &name,
                    reason = failure.sentence(),
                )));
                return;
            }
        };
        let synthetic_events = dataset.report.synthetic_events;
        let store = dataset.store;
        let main_last = ctx
            .data
            .with_value(|d| d.as_ref().and_then(|l| last_day(&l.store)));
        // The file whose events run later is the later version, until the
        // user says otherwise.
        second.is_later.set(last_day(&store) >= main_last);
        let state = QueryState::new(&store);
        second.data.set_value(Some(SecondData {
            store,
            state,
            name,
            synthetic_events,
            pairs: None,
        }));
        second.version.update(|v| *v += 1);
        if second.role.get_untracked() == Role::Version {
            start_matching(ctx, second);
        } else {
            second.state.set(SecondState::Ready);
        }
    });
}

/// Matches the events of the two versions, a slice at a time.
fn start_matching(ctx: Ctx, second: Second) {
    let generation = second.restart();
    let is_later = second.is_later.get_untracked();
    second.state.set(SecondState::Matching);
    second.matching.set(0.0);
    second.longest_slice_ms.set(0.0);
    second.error.set(None);
    let Some(serial) = ctx.data.with_value(|d| d.as_ref().map(|l| l.serial)) else {
        return;
    };
    // Runs `f` with the earlier and the later store, while the dataset on
    // show is the one the matching started with (its rows are the ones
    // being matched).
    let with_both = move |f: &mut dyn FnMut(&Store, &Store)| {
        ctx.data.with_value(|d| {
            second.data.with_value(|s| {
                if let (Some(main), Some(other)) = (d.as_ref().filter(|m| m.serial == serial), s) {
                    if is_later {
                        f(&main.store, &other.store);
                    } else {
                        f(&other.store, &main.store);
                    }
                }
            })
        })
    };
    let mut matcher = None;
    with_both(&mut |earlier, later| matcher = Some(VersionMatcher::new(earlier, later)));
    let mut matcher = match matcher {
        Some(Ok(m)) => m,
        Some(Err(e)) => {
            second.state.set(SecondState::Failed);
            second.error.set(Some(e.to_string()));
            return;
        }
        None => return,
    };
    spawn_local(async move {
        let started = dom::now_ms();
        let mut rows = FIRST_SLICE_ROWS;
        loop {
            // Let the page paint and handle input between slices.
            dom::yield_now().await;
            let same_dataset = ctx
                .data
                .with_value(|d| d.as_ref().is_some_and(|l| l.serial == serial));
            if !second.current(generation) || !same_dataset {
                return;
            }
            let t = dom::now_ms();
            let part = matcher.part();
            let mut done = false;
            let mut fraction = 0.0;
            with_both(&mut |earlier, later| {
                done = matcher.step(earlier, later, rows);
                fraction = matcher.fraction(earlier, later);
            });
            let took = dom::now_ms() - t;
            if took > second.longest_slice_ms.get_untracked() {
                second.longest_slice_ms.set(took);
                second.longest_slice_part.set(part);
            }
            second.matching.set(fraction);
            if done {
                break;
            }
            if matcher.part() != part {
                // A row of the next part costs differently.
                rows = FIRST_SLICE_ROWS;
            } else {
                // Slices of about SLICE_MS, whatever the machine; at most
                // twice as many rows as the last (a slice timed at nearly
                // nothing says little about the next).
                let scaled = rows as f64 * SLICE_MS / took.max(1.0);
                rows = (scaled as usize)
                    .clamp(rows / 2, rows * 2)
                    .clamp(1_000, MAX_SLICE_ROWS);
            }
        }
        second.matching_ms.set(dom::now_ms() - started);
        let pairs = matcher.finish();
        second.data.update_value(|s| {
            if let Some(s) = s {
                s.pairs = Some((pairs, is_later, serial));
            }
        });
        second.state.set(SecondState::Ready);
        second.version.update(|v| *v += 1);
    });
}

/// What the versions panel shows for the current filters.
#[derive(Clone, Debug, PartialEq)]
struct VersionsView {
    summary: String,
    counts: [u64; 3],
    lines: [Vec<ChangeLine>; 3],
    totals: [VersionTotals; 2],
}

/// Runs `f` with the earlier and later stores, their filter states
/// (applied to the current filters) and the matches, if the versions
/// are matched.
fn with_versions<T>(
    ctx: Ctx,
    second: Second,
    f: impl FnOnce([&Store; 2], [&QueryState; 2], &VersionPairs) -> T,
) -> Option<T> {
    let filters = ctx.filters.get_untracked();
    ctx.data.with_value(|d| {
        let main = d.as_ref()?;
        second
            .data
            .try_update_value(|s| {
                let s = s.as_mut()?;
                s.state.apply(&s.store, &filters);
                let (pairs, is_later, serial) = s.pairs.as_ref()?;
                // Matched with another dataset than the one on show.
                if *serial != main.serial {
                    return None;
                }
                let (stores, states) = if *is_later {
                    ([&main.store, &s.store], [&main.state, &s.state])
                } else {
                    ([&s.store, &main.store], [&s.state, &main.state])
                };
                Some(f(stores, states, pairs))
            })
            .flatten()
    })
}

fn diff_of(states: [&QueryState; 2], pairs: &VersionPairs) -> VersionDiff {
    pairs.view(|v, r| states[v].passes(r))
}

/// The second-file control and, once a file is in, its panel.
#[component]
pub fn SecondFile() -> impl IntoView {
    let ctx = use_ctx();
    let second = Second::new();
    provide_context(second);
    // Another dataset on show: the second file was compared with the old
    // one, so it goes.
    Effect::new(move |previous: Option<()>| {
        ctx.info.with(|_| {});
        if previous.is_some() {
            second.close();
        }
    });
    let has_file = move || {
        second.version.track();
        second.data.with_value(Option::is_some)
    };
    view! {
        <section
            class="panel second-file"
            aria-label=crate::t!("second-aria")
            data-testid="second-file"
            data-second-state=move || second.state.get().name()
            data-longest-slice-ms=move || format!("{:.1}", second.longest_slice_ms.get())
            data-longest-slice-part=move || second.longest_slice_part.get()
            data-matching-ms=move || format!("{:.1}", second.matching_ms.get())
        >
            <SecondFileControl/>
            {move || second.progress.get().map(|p| view! {
                <p class="second-progress" data-testid="second-progress">
                    <progress max="1" value=p.fraction()></progress>
                    {crate::t!(
                        "second-reading",
                        name = &p.name,
                        read = bytes(p.bytes),
                        total = bytes(p.total),
                        events = p.rows,
                    )}
                </p>
            })}
            {move || (second.state.get() == SecondState::Matching).then(|| view! {
                <p class="second-progress" data-testid="matching-progress">
                    <progress max="1" value=move || second.matching.get()></progress>
                    {move || crate::t!(
                        "second-matching",
                        percent = format!("{:.0}", second.matching.get() * 100.0),
                    )}
                </p>
            })}
            {move || second.error.get().map(|e| view! {
                <p class="second-error" role="alert" data-testid="second-error">{e}</p>
            })}
            <Show when=has_file>
                {move || match second.role.get() {
                    Role::Version => view! { <VersionsPanel/> }.into_any(),
                    Role::Source => view! { <super::sources::SourcesPanel/> }.into_any(),
                }}
                <p class="muted small" data-testid="second-link-note">
                    {crate::t!("second-link-note")}
                </p>
            </Show>
        </section>
    }
}

/// "Compare with another version of this data", the role of the second
/// file, and a drop zone for it.
#[component]
fn SecondFileControl() -> impl IntoView {
    let ctx = use_ctx();
    let second = expect_context::<Second>();
    let over = RwSignal::new(false);
    let take = move |file: web_sys::File| open_second(ctx, second, file);
    let on_file = move |ev: leptos::ev::Event| {
        if let Some(file) = super::dom::chosen_file(&ev) {
            take(file);
        }
    };
    let on_drop = move |ev: web_sys::DragEvent| {
        // The page's own drop handler would open the file in place of
        // the dataset on show.
        ev.prevent_default();
        ev.stop_propagation();
        over.set(false);
        ctx.dragging.set(false);
        if let Some(file) = super::dom::dropped_file(&ev) {
            take(file);
        }
    };
    let set_role = move |role: Role| {
        if second.role.get_untracked() == role {
            return;
        }
        second.role.set(role);
        let has_file = second.data.with_value(Option::is_some);
        let matched = second
            .data
            .with_value(|s| s.as_ref().is_some_and(|s| s.pairs.is_some()));
        if role == Role::Version && has_file && !matched {
            start_matching(ctx, second);
        } else if role == Role::Source && has_file {
            // Matching is not needed to set sources side by side.
            second.restart();
            second.error.set(None);
            second.state.set(SecondState::Ready);
        }
    };
    view! {
        <div
            class="second-control"
            class:drag-over=move || over.get()
            data-testid="second-drop"
            on:dragover=move |ev: web_sys::DragEvent| {
                ev.prevent_default();
                over.set(true);
            }
            on:dragleave=move |_| over.set(false)
            on:drop=on_drop
        >
            <fieldset class="second-role">
                <legend>{crate::t!("second-open-as")}</legend>
                <label>
                    <input
                        type="radio"
                        name="second-role"
                        data-testid="second-as-version"
                        prop:checked=move || second.role.get() == Role::Version
                        on:change=move |_| set_role(Role::Version)
                    />
                    {crate::t!("second-as-version")}
                </label>
                <label>
                    <input
                        type="radio"
                        name="second-role"
                        data-testid="second-as-source"
                        prop:checked=move || second.role.get() == Role::Source
                        on:change=move |_| set_role(Role::Source)
                    />
                    {crate::t!("second-as-source")}
                </label>
            </fieldset>
            <label class="button file-button">
                {move || match second.role.get() {
                    Role::Version => crate::t!("second-button-version"),
                    Role::Source => crate::t!("second-button-source"),
                }}
                <input
                    type="file"
                    accept=".csv,.tsv,.txt,.json,.xlsx,text/csv"
                    data-testid="second-file-input"
                    on:change=on_file
                />
            </label>
            <span class="hint">{crate::t!("second-drop-hint")}</span>
            <Show when=move || { second.version.track(); second.data.with_value(Option::is_some) }>
                <button class="link" data-testid="second-close" on:click=move |_| second.close()>
                    {crate::t!("second-close")}
                </button>
            </Show>
        </div>
    }
}

/// Two versions: what was added, deleted and revised in the view, and
/// how the view's figures moved.
#[component]
fn VersionsPanel() -> impl IntoView {
    let ctx = use_ctx();
    let second = expect_context::<Second>();
    let view_of = Memo::new(move |_| {
        // The dataset's own filter state is applied by the snapshot.
        ctx.snapshot.track();
        ctx.filters.track();
        second.version.track();
        with_versions(ctx, second, |stores, states, pairs| {
            let diff = diff_of(states, pairs);
            let totals = [0, 1].map(|v| VersionTotals::of(stores[v], |r| states[v].passes(r)));
            VersionsView {
                summary: versions_summary(
                    &crate::t!("versions-in-this-view"),
                    totals[0],
                    totals[1],
                    &diff,
                ),
                counts: [
                    diff.added.len() as u64,
                    diff.deleted.len() as u64,
                    diff.revised.len() as u64,
                ],
                lines: change_lines(stores[0], stores[1], &diff, LISTED),
                totals,
            }
        })
    });
    let names = move || {
        second.version.track();
        let other = second
            .data
            .with_value(|s| s.as_ref().map(|s| s.name.clone()))
            .unwrap_or_default();
        let main = ctx
            .info
            .with(|i| i.as_ref().map(|i| i.title()))
            .unwrap_or_default();
        let dates = |d: Option<Day>| {
            d.map(|d| crate::t!("versions-events-to", date = format_iso(d)))
                .unwrap_or_default()
        };
        let main_last = ctx.info.with(|i| i.as_ref().and_then(|i| i.last_day));
        let other_last = second
            .data
            .with_value(|s| s.as_ref().and_then(|s| last_day(&s.store)));
        let (main, other) = (
            format!("{main}{}", dates(main_last)),
            format!("{other}{}", dates(other_last)),
        );
        if second.is_later.get() {
            (main, other)
        } else {
            (other, main)
        }
    };
    let swap = move |_| {
        second.is_later.update(|l| *l = !*l);
        start_matching(ctx, second);
    };
    let export = move |_| {
        let csv = with_versions(ctx, second, |stores, states, pairs| {
            version_changes_csv(stores[0], stores[1], &diff_of(states, pairs))
        });
        if let Some(csv) = csv {
            if let Err(e) = dom::download_bytes(csv.as_bytes(), "text/csv", "eventlens-changes.csv")
            {
                ctx.error.set(Some(e));
            }
        }
    };
    let kinds = [
        ("added", crate::t!("versions-added"), "versions-added"),
        ("deleted", crate::t!("versions-deleted"), "versions-deleted"),
        ("revised", crate::t!("versions-revised"), "versions-revised"),
    ];
    view! {
        <div class="versions-panel" data-testid="versions-panel">
            <h2>{crate::t!("versions-title")}</h2>
            <p class="versions-files">
                {crate::t!("versions-earlier")} <strong data-testid="versions-earlier">{move || names().0}</strong>
                {crate::t!("versions-later")} <strong data-testid="versions-later">{move || names().1}</strong>". "
                <button class="link" data-testid="versions-swap" on:click=swap>{crate::t!("versions-swap")}</button>
            </p>
            {move || view_of.get().map(|v| {
                let VersionsView { summary, counts, lines, totals } = v;
                view! {
                    <p class="versions-summary" aria-live="polite" data-testid="versions-summary"
                        data-earlier-events=totals[0].events
                        data-later-events=totals[1].events
                        data-earlier-fatalities=totals[0].fatalities
                        data-later-fatalities=totals[1].fatalities
                    >{summary}</p>
                    <div class="versions-lists">
                        {kinds.clone().into_iter().zip(counts).zip(lines).map(|(((kind, label, id), count), lines)| view! {
                            <div class="versions-list">
                                <h3>
                                    {label}
                                    <span data-testid=id data-count=count>{thousands(count)}</span>
                                </h3>
                                <ul data-testid=format!("{id}-list")>
                                    {lines.into_iter().map(|l| view! { <ChangeItem line=l kind=kind/> }).collect_view()}
                                </ul>
                                {(count > LISTED as u64).then(|| view! {
                                    <p class="muted small">{crate::t!("versions-first-listed", listed = LISTED, count = count)}</p>
                                })}
                            </div>
                        }).collect_view()}
                    </div>
                    <button data-testid="versions-export" on:click=export>{crate::t!("versions-export")}</button>
                }
            })}
        </div>
    }
}

/// One event added, deleted or revised, with what changed.
#[component]
fn ChangeItem(
    /// The event's texts.
    line: ChangeLine,
    /// "added", "deleted" or "revised".
    kind: &'static str,
) -> impl IntoView {
    let ChangeLine {
        id,
        date,
        place,
        changes,
        moved,
    } = line;
    let label = if id.is_empty() {
        crate::t!("versions-no-id")
    } else {
        id.clone()
    };
    view! {
        <li data-kind=kind data-id=id>
            <strong>{label}</strong>
            {format!(", {date}, {place}")}
            {moved.map(|m| format!(" ({m})"))}
            {(!changes.is_empty()).then(|| view! {
                <ul class="changes">
                    {changes.into_iter().map(|(field, old, new)| view! {
                        <li data-field=field.name()>{change_text(field, &old, &new)}</li>
                    }).collect_view()}
                </ul>
            })}
        </li>
    }
}

/// "event type: Battles → Violence against civilians", ACLED's types in
/// the page's language.
fn change_text(field: Field, old: &str, new: &str) -> String {
    let shown = |v: &str| {
        if matches!(field, Field::EventType | Field::SubEventType) {
            crate::engine::i18n::term_or(v)
        } else {
            v.to_string()
        }
    };
    crate::t!(
        "versions-change",
        field = field.label(),
        old = shown(old),
        new = shown(new),
    )
}
