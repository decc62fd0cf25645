//! The details panel: every field of one event's record, read back from
//! memory or from the user's file (`Blob.slice`), notes and source
//! included. All values are shown as text. Which fields, under which
//! names, is worked out in `engine::present::record`.

use super::dom::read_slice;
use super::{use_ctx, Ctx};
use crate::engine::present::record::{
    record_source, summary_fields, RecordFields, RecordLayout, RecordSource,
};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

/// What the panel shows of one event's record.
#[derive(Clone, Debug, PartialEq)]
enum Record {
    Loading,
    Fields(RecordFields),
    Failed(String),
}

/// Follows the event the details panel is open on: its table fields at
/// once, and its record once read (from memory, or from the file).
/// Closes the panel if the event is not in the dataset.
fn watch_record(ctx: Ctx) -> (ReadSignal<Vec<(String, String)>>, ReadSignal<Record>) {
    let (summary, set_summary) = signal(Vec::new());
    let (record, set_record) = signal(Record::Loading);
    Effect::new(move |_| {
        let Some(row) = ctx.details.get() else {
            return;
        };
        let r = row as usize;
        let found = ctx.data.with_value(|d| {
            let l = d.as_ref()?;
            let source = record_source(&l.store, r)?;
            Some((
                summary_fields(&l.store, r),
                source,
                RecordLayout::of(&l.store),
                l.file.clone(),
            ))
        });
        let Some((short, source, layout, file)) = found else {
            ctx.details.set(None);
            return;
        };
        set_summary.set(short);
        match source {
            RecordSource::Held(fields) => set_record.set(Record::Fields(layout.fields(fields))),
            RecordSource::InFile { start, end } => {
                let Some(file) = file else {
                    set_record.set(Record::Failed(crate::t!("details-unavailable")));
                    return;
                };
                set_record.set(Record::Loading);
                spawn_local(async move {
                    let result = read_slice(&file, start, end).await;
                    if ctx.details.get_untracked() != Some(row) {
                        return;
                    }
                    set_record.set(match result {
                        Ok(bytes) => Record::Fields(layout.parse(&bytes)),
                        Err(message) => Record::Failed(message),
                    });
                });
            }
        }
    });
    (summary, record)
}

/// The record of the event chosen in the table or the map's place list,
/// as a dialog; Escape or "Close" closes it. Nothing while no event is
/// chosen.
#[component]
pub fn DetailsPanel() -> impl IntoView {
    let ctx = use_ctx();
    let (summary, record) = watch_record(ctx);
    let close_button = NodeRef::<leptos::html::Button>::new();
    // What had the focus when the panel opened (the row or the place's
    // event), for the focus to go back to when it closes.
    let opener: StoredValue<Option<web_sys::HtmlElement>, LocalStorage> =
        StoredValue::new_local(None);
    // Move the focus into the panel when it opens (keyboard users).
    Effect::new(move |_| {
        if ctx.details.get().is_some() {
            let active = document()
                .active_element()
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            let inside = close_button
                .get_untracked()
                .and_then(|b| b.closest(".details").ok().flatten());
            // Moving from one event to another inside the panel keeps the
            // first opener.
            let body = document().body();
            let outside = |a: &web_sys::HtmlElement| {
                body.as_ref() != Some(a) && inside.as_ref().is_none_or(|p| !p.contains(Some(a)))
            };
            if let Some(el) = active.filter(outside) {
                opener.set_value(Some(el));
            }
            if let Some(button) = close_button.get() {
                let _ = button.focus();
            }
        }
    });
    let close = move || {
        let row = ctx.details.get_untracked();
        ctx.details.set(None);
        return_focus(opener.get_value(), row);
        opener.set_value(None);
    };
    move || {
        ctx.details.get()?;
        Some(view! {
            <div
                class="details panel"
                role="dialog"
                aria-labelledby="details-title"
                data-testid="details"
                on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                    if ev.key() == "Escape" {
                        close();
                    }
                }
            >
                <div class="panel-head">
                    <h2 id="details-title">{crate::t!("details-title")}</h2>
                    <button class="close" node_ref=close_button on:click=move |_| close()>
                        {crate::t!("dialog-close")}
                    </button>
                </div>
                <dl class="summary">{move || view! { <Fields fields=summary.get()/> }}</dl>
                {move || view! { <RecordView record=record.get()/> }}
            </div>
        })
    }
}

/// Gives the focus back to what opened the details panel, or, if the table
/// has drawn that row anew since (it only keeps the rows in sight), to the
/// event's row as it is now.
fn return_focus(opener: Option<web_sys::HtmlElement>, row: Option<u32>) {
    if let Some(el) = opener.filter(|e| e.is_connected()) {
        let _ = el.focus();
        return;
    }
    let Some(row) = row else {
        return;
    };
    let selector = format!(".event-table tr[data-row=\"{row}\"]");
    if let Some(el) = document()
        .query_selector(&selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// A record as read: its notes and source, then every field under its
/// column name; or that it is being read, or why it could not be.
#[component]
fn RecordView(
    /// The record, or its state while it is read.
    record: Record,
) -> impl IntoView {
    match record {
        Record::Loading => view! { <p class="muted">{crate::t!("details-reading")}</p> }.into_any(),
        Record::Failed(message) => view! { <p class="error">{message}</p> }.into_any(),
        Record::Fields(RecordFields { all, notes, source }) => view! {
            {notes
                .map(|n| {
                    view! {
                        <h3>{crate::t!("details-notes")}</h3>
                        <p class="prose" data-testid="details-notes">{n}</p>
                    }
                })}
            {source
                .map(|s| {
                    view! {
                        <h3>{crate::t!("details-source")}</h3>
                        <p class="prose">{s}</p>
                    }
                })}
            <h3>{crate::t!("details-all-fields")}</h3>
            <dl class="fields" data-testid="details-fields">
                <Fields fields=all/>
            </dl>
        }
        .into_any(),
    }
}

/// Name and value pairs as the terms and details of a `<dl>`.
#[component]
fn Fields(
    /// (name, value) pairs, in order.
    fields: Vec<(String, String)>,
) -> impl IntoView {
    fields
        .into_iter()
        .map(|(k, v)| view! { <dt>{k}</dt> <dd>{v}</dd> })
        .collect_view()
}
