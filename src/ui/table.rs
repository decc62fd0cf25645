//! The event table, virtualised: a scroll container of fixed height with
//! rows of fixed height, and only the rows in sight (plus a margin) in the
//! DOM. Column headings sort (see `engine::query::table`); a row opens the
//! details panel.

use super::use_ctx;
use crate::engine::present::format::plural;
use crate::engine::present::table_window::table_window;
use crate::engine::query::table::{cell_text, Column, SortKey};
use leptos::prelude::*;

/// Height of a row in CSS pixels (kept in step with `.event-table tr`).
pub const ROW_HEIGHT: f64 = 30.0;
/// Height of the scroll container.
const VIEW_HEIGHT: f64 = 420.0;
/// Rows rendered beyond the visible ones, above and below.
const OVERSCAN: usize = 8;

#[component]
pub fn EventTable() -> impl IntoView {
    let ctx = use_ctx();
    let scroll_top = RwSignal::new(0.0f64);
    let sort = Memo::new(move |_| ctx.app.with(|a| a.sort));
    let total = move || ctx.table_rows.with(|r| r.len());

    let rows = move || {
        let win = table_window(scroll_top.get(), total(), ROW_HEIGHT, VIEW_HEIGHT, OVERSCAN);
        let (first, count) = (win.first, win.count);
        let slice: Vec<u32> = ctx.table_rows.with(|r| r[first..first + count].to_vec());
        let cells: Vec<(u32, Vec<String>)> = ctx.data.with_value(|d| {
            let Some(l) = d else {
                return Vec::new();
            };
            slice
                .iter()
                .map(|&r| {
                    (
                        r,
                        Column::ALL
                            .iter()
                            .map(|&c| cell_text(&l.store, r as usize, c))
                            .collect(),
                    )
                })
                .collect()
        });
        let (before, after) = (win.before_px, win.after_px);
        view! {
            <tr class="spacer" aria-hidden="true" style:height=format!("{before}px")></tr>
            {cells
                .into_iter()
                .enumerate()
                .map(|(i, (row, texts))| {
                    let open = move || ctx.details.set(Some(row));
                    let selected = move || ctx.details.get() == Some(row);
                    view! {
                        <tr
                            tabindex="0"
                            aria-rowindex=first + i + 2
                            class:selected=selected
                            data-row=row
                            on:click=move |_| open()
                            on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                                if ev.key() == "Enter" || ev.key() == " " {
                                    ev.prevent_default();
                                    open();
                                }
                            }
                        >
                            {texts
                                .into_iter()
                                .zip(Column::ALL)
                                .map(|(text, c)| {
                                    let title = text.clone();
                                    view! {
                                        <td class:num=c.is_numeric() title=title>
                                            {text}
                                        </td>
                                    }
                                })
                                .collect_view()}
                        </tr>
                    }
                })
                .collect_view()}
            <tr class="spacer" aria-hidden="true" style:height=format!("{after}px")></tr>
        }
    };

    let headings = Column::ALL
        .into_iter()
        .map(|c| {
            let state = move || match sort.get() {
                Some(SortKey { column, descending }) if column == c => {
                    if descending {
                        "descending"
                    } else {
                        "ascending"
                    }
                }
                _ => "none",
            };
            let arrow = move || match state() {
                "ascending" => " \u{25b2}",
                "descending" => " \u{25bc}",
                _ => "",
            };
            view! {
                <th scope="col" aria-sort=state class:num=c.is_numeric()>
                    <button
                        class="sort"
                        data-column=c.name()
                        on:click=move |_| {
                            ctx.app.update(|a| a.sort = Some(SortKey::after_click(a.sort, c)))
                        }
                    >
                        {c.title()}
                        <span aria-hidden="true">{arrow}</span>
                    </button>
                </th>
            }
        })
        .collect_view();

    view! {
        <div class="table-panel" role="tabpanel" id="panel-lower" aria-labelledby="tab-table">
            <p class="muted small" data-testid="table-count">
                {move || {
                    let n = total() as u64;
                    format!("{}; select a row to read its full record.", plural(n, "event", "events"))
                }}
                {move || {
                    sort.get()
                        .is_some()
                        .then(|| {
                            view! {
                                " "
                                <button class="link" on:click=move |_| ctx.app.update(|a| a.sort = None)>
                                    "File order"
                                </button>
                            }
                        })
                }}
            </p>
            <div
                class="table-scroll"
                data-testid="event-table"
                style:max-height=format!("{VIEW_HEIGHT}px")
                on:scroll=move |ev| {
                    let el: web_sys::Element = event_target(&ev);
                    scroll_top.set(f64::from(el.scroll_top()));
                }
            >
                <table class="event-table" aria-rowcount=move || total() + 1>
                    <thead>
                        <tr aria-rowindex="1">{headings}</tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </div>
    }
}
