//! What the page says about loading: the alert region for errors, the
//! progress bar with Cancel, the import report, the column-mapping dialog
//! for files of an unknown layout, and drag-and-drop of files.

use super::load::{self, MappingRequest};
use super::{use_ctx, Ctx};
use crate::engine::data::date::DateOrder;
use crate::engine::present::format::thousands;
use crate::engine::present::format::{bytes, long_date};
use crate::engine::read::dates::FieldOrder;
use crate::engine::read::layout::ColumnRole;
use crate::engine::read::problem::Problem;
use leptos::prelude::*;

/// Error alert, progress and import report, under the header.
#[component]
pub fn Notices() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <div class="notices">
            // Always in the DOM so screen readers announce new content.
            <div class="alert-region" role="alert" data-testid="error">
                {move || {
                    ctx.error
                        .get()
                        .map(|message| {
                            view! {
                                <div class="alert">
                                    <p>{message}</p>
                                    <button class="close" on:click=move |_| ctx.error.set(None)>
                                        {crate::t!("notice-dismiss")}
                                    </button>
                                </div>
                            }
                        })
                }}
            </div>
            <LinkNotices/>
            <ProgressBar/>
            <Show when=move || ctx.report_open.get()>
                <ReportPanel/>
            </Show>
        </div>
    }
}

/// The parts of the page's link that were ignored, until dismissed.
#[component]
fn LinkNotices() -> impl IntoView {
    let ctx = use_ctx();
    move || {
        let notices = ctx.link_notices.get();
        (!notices.is_empty()).then(|| {
            view! {
                <div class="link-notices" role="status" data-testid="link-notices">
                    <div>
                        <p>{crate::t!("notice-link-ignored")}</p>
                        <ul>{notices.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                    </div>
                    <button class="close" on:click=move |_| ctx.link_notices.set(Vec::new())>
                        {crate::t!("notice-dismiss")}
                    </button>
                </div>
            }
        })
    }
}

#[component]
fn ProgressBar() -> impl IntoView {
    let ctx = use_ctx();
    move || {
        ctx.progress.get().map(|p| {
            let percent = (p.fraction() * 100.0).round();
            view! {
                <div class="progress panel" data-testid="progress">
                    <p>
                        {crate::t!("progress-reading")} <strong>{p.name.clone()}</strong> {crate::t!("progress-colon")}
                        {bytes(p.bytes)}
                        {(p.total > 0).then(|| crate::t!("progress-of", total = bytes(p.total)))}
                        {crate::t!("progress-rows", rows = p.rows, speed = p.rows_per_second())}
                    </p>
                    <progress max="100" value=percent aria-label=crate::t!("progress-label")>
                        {crate::t!("progress-percent", percent = percent)}
                    </progress>
                    <button on:click=move |_| load::cancel(ctx)>{crate::t!("dialog-cancel")}</button>
                </div>
            }
        })
    }
}

/// One kind of problem with its examples ("line 12, column 2 (date): ...").
fn problem_list(problems: Vec<Problem>) -> impl IntoView {
    view! {
        <ul class="problems">
            {problems
                .into_iter()
                .map(|p| {
                    let heading = p.to_string();
                    let hint = p.kind().hint();
                    view! {
                        <li>
                            <strong>{thousands(p.count)}</strong>
                            " \u{d7} "
                            {heading}
                            {hint.map(|h| view! { <p class="hint">{h}</p> })}
                            <ul class="examples">
                                {p
                                    .examples
                                    .into_iter()
                                    .map(|e| {
                                        view! {
                                            <li>
                                                {e.place()} ": " <code>{e.value}</code>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

#[component]
fn ReportPanel() -> impl IntoView {
    let ctx = use_ctx();
    move || {
        ctx.report.get().map(|r| {
            let skipped = r.skipped.clone();
            let unparsed = r.unparsed.clone();
            let warnings = r.warnings.clone();
            let dates = match (r.date_min, r.date_max) {
                (Some(a), Some(b)) => {
                    crate::engine::present::format::date_span(Some(a), Some(b))
                }
                _ => crate::t!("report-none"),
            };
            view! {
                <section class="panel report" data-testid="import-report" aria-labelledby="report-title">
                    <div class="panel-head">
                        <h2 id="report-title">{crate::t!("header-import-report")}</h2>
                        <button class="close" on:click=move |_| ctx.report_open.set(false)>
                            {crate::t!("report-close")}
                        </button>
                    </div>
                    <dl class="facts">
                        <div>
                            <dt>{crate::t!("report-format")}</dt>
                            <dd data-testid="report-format">{r.format.label()}</dd>
                        </div>
                        <div>
                            <dt>{crate::t!("report-encoding")}</dt>
                            <dd>{r.encoding.label()}</dd>
                        </div>
                        <div>
                            <dt>{crate::t!("report-separator")}</dt>
                            <dd>{r.delimiter.label()}</dd>
                        </div>
                        <div>
                            <dt>{crate::t!("report-size")}</dt>
                            <dd>{bytes(r.bytes)}</dd>
                        </div>
                        <div>
                            <dt>{crate::t!("report-rows-read")}</dt>
                            <dd data-testid="report-rows">{thousands(r.rows_read)}</dd>
                        </div>
                        <div>
                            <dt>{crate::t!("report-rows-skipped")}</dt>
                            <dd data-testid="report-skipped">{thousands(r.rows_skipped)}</dd>
                        </div>
                        <div>
                            <dt>{crate::t!("report-events")}</dt>
                            <dd data-testid="report-events">{thousands(r.events)}</dd>
                        </div>
                        <div>
                            <dt>{crate::t!("report-dates")}</dt>
                            <dd>{dates}</dd>
                        </div>
                    </dl>
                    {r.dates.as_ref().map(|choice| {
                        view! { <p class="date-form" data-testid="report-date-form">{choice.explain()}</p> }
                    })}
                    {(!skipped.is_empty())
                        .then(|| {
                            view! {
                                <h3>{crate::t!("report-skipped-why")}</h3>
                                {problem_list(skipped)}
                            }
                        })}
                    {(!unparsed.is_empty())
                        .then(|| {
                            view! {
                                <h3>{crate::t!("report-unreadable")}</h3>
                                {problem_list(unparsed)}
                            }
                        })}
                    {(!warnings.is_empty())
                        .then(|| {
                            view! {
                                <h3>{crate::t!("report-warnings")}</h3>
                                <ul>
                                    {warnings
                                        .into_iter()
                                        .map(|w| view! { <li>{w.to_string()}</li> })
                                        .collect_view()}
                                </ul>
                            }
                        })}
                    <details>
                        <summary>{crate::t!("report-columns")}</summary>
                        <p>
                            {crate::t!("report-columns-used")}
                            {r
                                .columns_used
                                .iter()
                                .map(ToString::to_string)
                                .collect::<Vec<_>>()
                                .join(", ")}
                        </p>
                        <p>{crate::t!("report-columns-ignored")} {r.columns_ignored.join(", ")}</p>
                    </details>
                </section>
            }
        })
    }
}

/// The question for a file whose dates read day first and month first
/// alike: a few of its dates with both readings, and a button for each.
#[component]
pub fn DateOrderDialog() -> impl IntoView {
    let ctx = use_ctx();
    move || {
        ctx.date_question
            .get()
            .map(|question| view! { <DateOrderForm question=question/> })
    }
}

#[component]
fn DateOrderForm(question: load::DateQuestion) -> impl IntoView {
    let ctx = use_ctx();
    let mapping = question.mapping.clone();
    let answer = move |order: FieldOrder| {
        let mapping = mapping.clone();
        move |_| {
            ctx.date_question.set(None);
            if let Some(file) = ctx.pending_file.get_value() {
                ctx.pending_file.set_value(None);
                load::load_file(ctx, file, mapping.clone(), Some(order));
            }
        }
    };
    let cancel = move |_| {
        ctx.date_question.set(None);
        ctx.pending_file.set_value(None);
    };
    let rows = question
        .examples
        .iter()
        .map(|(value, day_first, month_first)| {
            view! {
                <tr>
                    <td>{value.clone()}</td>
                    <td>{long_date(*day_first)}</td>
                    <td>{long_date(*month_first)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="modal-backdrop">
            <div
                class="modal panel"
                role="dialog"
                aria-modal="true"
                aria-labelledby="date-order-title"
                data-testid="date-order-dialog"
            >
                <h2 id="date-order-title">{crate::t!("date-order-title")}</h2>
                <p>
                    {crate::t!("date-order-question", file = question.file_name.clone())}
                </p>
                <table class="date-readings">
                    <thead>
                        <tr>
                            <th scope="col">{crate::t!("date-order-in-file")}</th>
                            <th scope="col">{crate::t!("date-order-day-first")}</th>
                            <th scope="col">{crate::t!("date-order-month-first")}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
                <div class="actions">
                    <button
                        class="primary"
                        data-testid="date-order-day-first"
                        on:click=answer(FieldOrder::DayFirst)
                    >
                        {crate::t!("date-order-day-first")}
                    </button>
                    <button data-testid="date-order-month-first" on:click=answer(FieldOrder::MonthFirst)>
                        {crate::t!("date-order-month-first")}
                    </button>
                    <button class="link" on:click=cancel>
                        {crate::t!("dialog-cancel")}
                    </button>
                </div>
            </div>
        </div>
    }
}

/// The dialog for a file whose columns match no known export.
#[component]
pub fn MappingDialog() -> impl IntoView {
    let ctx = use_ctx();
    move || {
        ctx.mapping
            .get()
            .map(|request| view! { <MappingForm request=request/> })
    }
}

/// One select per role, prefilled with the engine's suggestion.
#[component]
fn MappingForm(request: MappingRequest) -> impl IntoView {
    let ctx = use_ctx();
    let mapping = RwSignal::new(request.mapping.clone());
    let headers = request.headers.clone();
    let cancel = move |_| {
        ctx.mapping.set(None);
        ctx.pending_file.set_value(None);
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen = mapping.get_untracked();
        if chosen.get(ColumnRole::Date).is_none() {
            return;
        }
        if let Some(file) = ctx.pending_file.get_value() {
            ctx.pending_file.set_value(None);
            load::load_file(ctx, file, Some(chosen), None);
        }
    };
    let rows = ColumnRole::MAPPABLE
        .into_iter()
        .map(|role| {
            let id = format!("map-{}", role.name());
            let options = headers.clone();
            let current = move || mapping.with(|m| m.get(role).unwrap_or("").to_string());
            view! {
                <div class="field">
                    <label for=id.clone()>
                        {role.label()} {(role == ColumnRole::Date).then(|| crate::t!("mapping-required"))}
                    </label>
                    <select
                        id=id
                        data-role=role.name()
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            mapping.update(|m| m.set(role, (!v.is_empty()).then_some(v)));
                        }
                    >
                        <option value="" prop:selected=move || current().is_empty()>
                            {crate::t!("mapping-none")}
                        </option>
                        {options
                            .into_iter()
                            .map(|h| {
                                let value = h.clone();
                                let attr = h.clone();
                                let selected = move || current() == value;
                                view! {
                                    <option value=attr prop:selected=selected>
                                        {h}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
            }
        })
        .collect_view();
    view! {
        <div class="modal-backdrop">
            <form
                class="modal panel"
                role="dialog"
                aria-modal="true"
                aria-labelledby="mapping-title"
                data-testid="mapping-dialog"
                on:submit=submit
            >
                <h2 id="mapping-title">{crate::t!("mapping-title")}</h2>
                <p>
                    {crate::t!("mapping-intro", file = request.file_name.clone())}
                </p>
                <div class="mapping-grid">{rows}</div>
                <div class="field">
                    <label for="map-date-order">{crate::t!("mapping-date-order")}</label>
                    <select
                        id="map-date-order"
                        on:change=move |ev| {
                            let order = match event_target_value(&ev).as_str() {
                                "day_first" => DateOrder::DayFirst,
                                "month_first" => DateOrder::MonthFirst,
                                _ => DateOrder::Auto,
                            };
                            mapping.update(|m| m.date_order = order);
                        }
                    >
                        <option value="auto">{crate::t!("mapping-date-auto")}</option>
                        <option value="day_first">{crate::t!("mapping-date-day-first")}</option>
                        <option value="month_first">{crate::t!("mapping-date-month-first")}</option>
                    </select>
                </div>
                <div class="actions">
                    <button type="submit" class="primary" disabled=move || mapping.with(|m| m.get(ColumnRole::Date).is_none())>
                        {crate::t!("mapping-read")}
                    </button>
                    <button type="button" on:click=cancel>
                        {crate::t!("dialog-cancel")}
                    </button>
                </div>
            </form>
        </div>
    }
}

/// The overlay shown while a file is dragged over the page.
#[component]
pub fn DropOverlay() -> impl IntoView {
    let ctx = use_ctx();
    let dragging = ctx.dragging;
    view! {
        <div class="drop-overlay" class:visible=move || dragging.get() data-testid="drop-overlay" aria-hidden="true">
            <p>{crate::t!("drop-overlay")}</p>
        </div>
    }
}

fn carries_files(ev: &web_sys::DragEvent) -> bool {
    ev.data_transfer().is_some_and(|dt| {
        let types = dt.types();
        (0..types.length()).any(|i| types.get(i).as_string().as_deref() == Some("Files"))
    })
}

/// Listens on the window for files dragged onto the page.
pub fn listen_for_drops(ctx: Ctx) -> Vec<WindowListenerHandle> {
    let dragging = ctx.dragging;
    // dragenter/dragleave fire for every child element crossed; count them.
    let depth = StoredValue::new(0i32);
    vec![
        window_event_listener(leptos::ev::dragenter, move |ev| {
            if carries_files(&ev) {
                ev.prevent_default();
                depth.update_value(|d| *d += 1);
                dragging.set(true);
            }
        }),
        window_event_listener(leptos::ev::dragover, move |ev| {
            if carries_files(&ev) {
                ev.prevent_default();
                if let Some(dt) = ev.data_transfer() {
                    dt.set_drop_effect("copy");
                }
                dragging.set(true);
            }
        }),
        window_event_listener(leptos::ev::dragleave, move |_| {
            depth.update_value(|d| *d -= 1);
            if depth.get_value() <= 0 {
                depth.set_value(0);
                dragging.set(false);
            }
        }),
        window_event_listener(leptos::ev::drop, move |ev| {
            ev.prevent_default();
            depth.set_value(0);
            dragging.set(false);
            if let Some(file) = super::dom::dropped_file(&ev) {
                load::load_file(ctx, file, None, None);
            }
        }),
    ]
}
