//! The event table, virtualised: a scroll container of fixed height with
//! rows of fixed height, and only the rows in sight (plus a margin) in the
//! DOM, keyed so that scrolling keeps the rows still in sight (Tab walks
//! every row). Column headings sort (see `engine::query::table`); a row opens the
//! details panel. Cell texts, the count line and the sort marks come from
//! `engine::present::table_text`.

use super::use_ctx;
use crate::engine::present::table_text::{count_line, row_cells, SortMark};
use crate::engine::present::table_window::table_window;
use crate::engine::query::table::{Column, SortKey};
use leptos::prelude::*;

/// Height of a row in CSS pixels (kept in step with `.event-table tr`).
pub const ROW_HEIGHT: f64 = 30.0;
/// Height of the scroll container.
const VIEW_HEIGHT: f64 = 420.0;
/// Rows rendered beyond the visible ones, above and below.
const OVERSCAN: usize = 8;

/// The filtered events as a sortable table, with their count above it.
#[component]
pub fn EventTable() -> impl IntoView {
    let ctx = use_ctx();
    let scroll_top = RwSignal::new(0.0f64);
    // The table sits below the fold: its rows follow a filter change once
    // the charts are on screen. They are kept with the dataset they index.
    let rows_of_dataset = Memo::new(move |_| (ctx.data_version.get(), ctx.table_rows.get()));
    let later = super::dom::after_paint(rows_of_dataset);
    // Rows of a dataset no longer on show index nothing: none are shown
    // until the new ones follow.
    let table_rows = Memo::new(move |_| {
        later.with(|(version, rows)| (*version == ctx.data_version.get()).then(|| rows.clone()))
    });
    let total = Signal::derive(move || table_rows.with(|r| r.as_ref().map_or(0, |r| r.len())));

    let window = Memo::new(move |_| {
        table_window(
            scroll_top.get(),
            total.get(),
            ROW_HEIGHT,
            VIEW_HEIGHT,
            OVERSCAN,
        )
    });
    // Keyed by dataset, position and event: scrolling keeps the rows still
    // in the window (and the focus in one of them) rather than drawing them
    // anew, which sent a keyboard user's focus back to the page.
    let shown = move || {
        let win = window.get();
        let version = ctx.data_version.get();
        table_rows.with(|r| {
            r.iter()
                .flat_map(|r| r.iter())
                .skip(win.first)
                .take(win.count)
                .enumerate()
                .map(|(i, &row)| (version, win.first + i, row))
                .collect::<Vec<_>>()
        })
    };
    let row_view = move |(_, index, row): (u64, usize, u32)| {
        let texts = ctx.data.with_value(|d| {
            d.as_ref()
                .map(|l| row_cells(&l.store, row as usize))
                .unwrap_or_default()
        });
        view! { <EventRow row=row index=index texts=texts/> }
    };
    let rows = move || {
        view! {
            <tr class="spacer" aria-hidden="true" style:height=move || format!("{}px", window.get().before_px)></tr>
            <For each=shown key=|&key| key children=row_view/>
            <tr class="spacer" aria-hidden="true" style:height=move || format!("{}px", window.get().after_px)></tr>
        }
    };

    view! {
        <div class="table-panel" role="tabpanel" id="panel-lower" aria-labelledby="tab-table">
            <TableCount total=total/>
            <div
                class="table-scroll"
                data-testid="event-table"
                style:max-height=format!("{VIEW_HEIGHT}px")
                on:scroll=move |ev| {
                    let el: web_sys::Element = event_target(&ev);
                    scroll_top.set(f64::from(el.scroll_top()));
                }
            >
                <table class="event-table" aria-rowcount=move || total.get() + 1>
                    <thead>
                        <tr aria-rowindex="1">
                            {Column::ALL.into_iter().map(|c| view! { <SortHeading column=c/> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </div>
    }
}

/// How many events the table holds, and a way back to file order when
/// it is sorted.
#[component]
fn TableCount(
    /// Events in the table.
    total: Signal<usize>,
) -> impl IntoView {
    let ctx = use_ctx();
    let sorted = Memo::new(move |_| ctx.app.with(|a| a.sort.is_some()));
    view! {
        <p class="muted small" data-testid="table-count">
            {move || count_line(total.get())}
            {move || {
                sorted
                    .get()
                    .then(|| {
                        view! {
                            " "
                            <button class="link" on:click=move |_| ctx.app.update(|a| a.sort = None)>
                                {crate::t!("table-file-order")}
                            </button>
                        }
                    })
            }}
        </p>
    }
}

/// A column heading: a button that sorts by the column, marked with the
/// direction when the table is sorted by it.
#[component]
fn SortHeading(
    /// The column headed.
    column: Column,
) -> impl IntoView {
    let ctx = use_ctx();
    let mark = Memo::new(move |_| ctx.app.with(|a| SortMark::of(a.sort, column)));
    view! {
        <th
            scope="col"
            aria-sort=move || mark.get().aria()
            class:num=column.is_numeric()
            data-col=column.name()
        >
            <button
                class="sort"
                data-column=column.name()
                on:click=move |_| {
                    ctx.app.update(|a| a.sort = Some(SortKey::after_click(a.sort, column)))
                }
            >
                {column.title()}
                <span aria-hidden="true">{move || mark.get().arrow()}</span>
            </button>
        </th>
    }
}

/// One event as a table row; Enter, Space or a click opens its record.
#[component]
fn EventRow(
    /// The event (row of the store).
    row: u32,
    /// Its position in the table, from 0.
    index: usize,
    /// Its cell texts, in column order.
    texts: Vec<String>,
) -> impl IntoView {
    let ctx = use_ctx();
    let open = move || ctx.details.set(Some(row));
    let selected = move || ctx.details.get() == Some(row);
    view! {
        <tr
            tabindex="0"
            aria-rowindex=index + 2
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
                        <td class:num=c.is_numeric() data-col=c.name() title=title>
                            {text}
                        </td>
                    }
                })
                .collect_view()}
        </tr>
    }
}
