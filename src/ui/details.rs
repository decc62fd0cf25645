//! The details panel: every field of one event's record, read back from
//! memory or from the user's file (`Blob.slice`), notes and source
//! included. All values are shown as text.

use super::dom::read_slice;
use super::use_ctx;
use crate::engine::data::source::ColumnRole;
use crate::engine::data::store::parse_record;
use crate::engine::query::table::{cell_text, Column};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// What the panel shows for one event.
#[derive(Clone, Debug, PartialEq)]
enum Record {
    Loading,
    Fields(Fields),
    Failed(String),
}

/// A record read back: (column name, value) pairs in file order, and the
/// notes and source picked out for the top of the panel.
#[derive(Clone, Debug, PartialEq)]
struct Fields {
    all: Vec<(String, String)>,
    notes: Option<String>,
    source: Option<String>,
}

#[component]
pub fn DetailsPanel() -> impl IntoView {
    let ctx = use_ctx();
    let record = RwSignal::new(Record::Loading);
    let summary = RwSignal::new(Vec::<(String, String)>::new());

    Effect::new(move |_| {
        let Some(row) = ctx.details.get() else {
            return;
        };
        let r = row as usize;
        let found = ctx.data.with_value(|d| {
            let l = d.as_ref()?;
            if r >= l.store.len() {
                return None;
            }
            let short: Vec<(String, String)> = Column::ALL
                .iter()
                .map(|&c| (c.title().to_string(), cell_text(&l.store, r, c)))
                .collect();
            let header = l.store.header.clone();
            let columns = &l.store.columns;
            let (notes_at, source_at) = (
                columns.get(ColumnRole::Notes),
                columns.get(ColumnRole::Source),
            );
            let pair = move |fields: Vec<String>| -> Fields {
                let pick = |at: Option<usize>| {
                    at.and_then(|i| fields.get(i))
                        .filter(|v| !v.trim().is_empty())
                        .cloned()
                };
                let (notes, source) = (pick(notes_at), pick(source_at));
                let name = |i: usize| {
                    header
                        .get(i)
                        .cloned()
                        .unwrap_or_else(|| format!("column {}", i + 1))
                };
                let all = fields
                    .into_iter()
                    .enumerate()
                    .map(|(i, v)| (name(i), v))
                    .collect();
                Fields { all, notes, source }
            };
            let source = match l.store.record_in_memory(r) {
                Some(fields) => Ok(pair(fields)),
                None => {
                    let (start, end) = l.store.record_range(r);
                    Err((l.file.clone(), start, end, l.store.delimiter, pair))
                }
            };
            Some((short, source))
        });
        let Some((short, source)) = found else {
            ctx.details.set(None);
            return;
        };
        summary.set(short);
        match source {
            Ok(fields) => record.set(Record::Fields(fields)),
            Err((file, start, end, delimiter, pair)) => {
                record.set(Record::Loading);
                let Some(file) = file else {
                    record.set(Record::Failed("The record's text is not available.".into()));
                    return;
                };
                spawn_local(async move {
                    let result = read_slice(&file, start, end).await;
                    if ctx.details.get_untracked() != Some(row) {
                        return;
                    }
                    record.set(match result {
                        Ok(bytes) => Record::Fields(pair(parse_record(&bytes, delimiter))),
                        Err(message) => Record::Failed(message),
                    });
                });
            }
        }
    });

    let close_button = NodeRef::<leptos::html::Button>::new();
    // Move the focus into the panel when it opens (keyboard users).
    Effect::new(move |_| {
        if ctx.details.get().is_some() {
            if let Some(button) = close_button.get() {
                let _ = button.focus();
            }
        }
    });
    let close = move || ctx.details.set(None);
    move || {
        ctx.details.get()?;
        Some(view! {
            <aside
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
                    <h2 id="details-title">"Event record"</h2>
                    <button class="close" node_ref=close_button on:click=move |_| close()>
                        "Close"
                    </button>
                </div>
                <dl class="summary">
                    {move || {
                        summary
                            .get()
                            .into_iter()
                            .map(|(k, v)| view! { <dt>{k}</dt> <dd>{v}</dd> })
                            .collect_view()
                    }}
                </dl>
                {move || match record.get() {
                    Record::Loading => view! { <p class="muted">"Reading the record..."</p> }.into_any(),
                    Record::Failed(message) => view! { <p class="error">{message}</p> }.into_any(),
                    Record::Fields(Fields { all, notes, source }) => {
                        view! {
                            {notes
                                .map(|n| {
                                    view! {
                                        <h3>"Notes"</h3>
                                        <p class="prose" data-testid="details-notes">{n}</p>
                                    }
                                })}
                            {source
                                .map(|s| {
                                    view! {
                                        <h3>"Source"</h3>
                                        <p class="prose">{s}</p>
                                    }
                                })}
                            <h3>"All fields as in the file"</h3>
                            <dl class="fields" data-testid="details-fields">
                                {all
                                    .into_iter()
                                    .map(|(k, v)| {
                                        view! {
                                            <dt>{k}</dt>
                                            <dd>{v}</dd>
                                        }
                                    })
                                    .collect_view()}
                            </dl>
                        }
                            .into_any()
                    }
                }}
            </aside>
        })
    }
}
