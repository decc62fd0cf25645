//! The timeline: events or fatalities per day, week, month, quarter or
//! year, stacked by event type, on a canvas. Dragging across it (the brush)
//! sets the date range; a click selects one bin. For the keyboard and
//! screen readers the bars are also a hidden list of buttons named by their
//! counts (one Tab stop, arrow keys along it, Enter selects the bin).

use super::canvas;
use super::dom::watch_size;
use super::state::Measure;
use super::use_ctx;
use crate::engine::data::date::Bin;
use crate::engine::data::dimension::Category;
use crate::engine::present::chart::{
    timeline_axis, timeline_bar_at, timeline_chart, timeline_tip, Frame, TimelineOptions,
    TIMELINE_LEFT,
};
use crate::engine::query::filters::toggle;
use leptos::html::Canvas;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Which side of a tooltip at `x` on a chart `width` wide sits there: near
/// an edge it opens inwards, so it never pokes out.
fn tip_side(x: f64, width: f64) -> &'static str {
    if x < width / 3.0 {
        "start"
    } else if x > width * 2.0 / 3.0 {
        "end"
    } else {
        "middle"
    }
}

#[component]
pub fn Timeline() -> impl IntoView {
    let ctx = use_ctx();
    let canvas = NodeRef::<Canvas>::new();
    let brush = RwSignal::new(None::<(f64, f64)>);
    // The bar under the pointer: its tooltip's text, where it goes in the
    // panel (left, top) and which of its sides is there ("start", "middle",
    // "end": near an edge it opens inwards, so it never pokes out).
    let hover = RwSignal::new(None::<(String, f64, f64, &'static str)>);
    let measure = Memo::new(move |_| ctx.app.with(|a| a.measure));
    let selection = Memo::new(move |_| ctx.filters.with(|f| (f.from, f.to)));
    let size = watch_size(canvas);
    let chosen_types = Memo::new(move |_| {
        ctx.filters
            .with(|f| f.categories[Category::EventType].clone())
    });

    // The chart as drawn: the canvas draws it and the legend lists its
    // entries. `None` until the canvas has a size.
    let chart = Memo::new(move |_| {
        let (width, height) = size.get()?;
        let (from, to) = selection.get();
        let chosen = chosen_types.get();
        let options = TimelineOptions {
            event_types: &chosen,
            from,
            to,
            brush: brush.get(),
        };
        let frame = Frame::Screen { width, height };
        Some(
            ctx.snapshot
                .with(|s| timeline_chart(&s.views.timeline, measure.get(), frame, &options)),
        )
    });
    // Apart, so dragging the brush redraws the canvas but not the legend.
    let legend = Memo::new(move |_| {
        chart.with(|c| c.as_ref().map(|c| c.legend.clone()).unwrap_or_default())
    });

    canvas::keep_drawn(canvas, chart);

    let x_of = move |ev: &web_sys::PointerEvent| -> f64 { f64::from(ev.offset_x()) };
    let on_down = move |ev: web_sys::PointerEvent| {
        if ev.button() != 0 {
            return;
        }
        if let Some(el) = canvas.get_untracked() {
            let _ = el.set_pointer_capture(ev.pointer_id());
        }
        let x = x_of(&ev);
        brush.set(Some((x, x)));
    };
    let on_move = move |ev: web_sys::PointerEvent| {
        if let Some((a, _)) = brush.get_untracked() {
            brush.set(Some((a, x_of(&ev))));
            hover.set(None);
            return;
        }
        let (Some(el), Some((width, _))) = (canvas.get_untracked(), size.get_untracked()) else {
            return;
        };
        let x = x_of(&ev);
        let tip = ctx.snapshot.with_untracked(|s| {
            let t = &s.views.timeline;
            timeline_bar_at(t, width, x).map(|b| timeline_tip(t, measure.get_untracked(), b))
        });
        hover.set(tip.map(|tip| {
            let left = f64::from(el.offset_left()) + x;
            let top = f64::from(el.offset_top()) + f64::from(ev.offset_y());
            (tip, left, top, tip_side(x, width))
        }));
    };
    let on_up = move |ev: web_sys::PointerEvent| {
        let Some((a, _)) = brush.get_untracked() else {
            return;
        };
        let b = x_of(&ev);
        brush.set(None);
        let Some(el) = canvas.get_untracked() else {
            return;
        };
        let width = size
            .get_untracked()
            .map_or_else(|| f64::from(el.client_width()), |s| s.0);
        let range = ctx.snapshot.with(|s| {
            let t = &s.views.timeline;
            if t.bins == 0 || a.max(b) < TIMELINE_LEFT {
                return None;
            }
            Some(timeline_axis(t, width).brush_days(a, b))
        });
        if let Some((from, to)) = range {
            ctx.update_filters(|f| {
                f.from = Some(from);
                f.to = Some(to);
            });
        }
    };

    // The bars for the keyboard and screen readers: a list of buttons in
    // step with the canvas, one Tab stop (arrow keys move along it), each
    // named by the tooltip's text; the focused bar shows its tooltip.
    let bar_list = NodeRef::<leptos::html::Ul>::new();
    let cursor = RwSignal::new(0usize);
    let show_tip = move |b: usize| {
        let (Some(el), Some((width, height))) = (canvas.get_untracked(), size.get_untracked())
        else {
            return;
        };
        let tip = ctx.snapshot.with_untracked(|s| {
            let t = &s.views.timeline;
            let axis = timeline_axis(t, width);
            let x = axis.x_of(b) + axis.bin_width() / 2.0;
            (x, timeline_tip(t, measure.get_untracked(), b))
        });
        let (x, text) = tip;
        let left = f64::from(el.offset_left()) + x;
        let top = f64::from(el.offset_top()) + height / 2.0;
        hover.set(Some((text, left, top, tip_side(x, width))));
    };
    let move_to = move |b: usize| {
        cursor.set(b);
        let found = bar_list
            .get_untracked()
            .and_then(|ul| {
                ul.query_selector(&format!("[data-bin=\"{b}\"]"))
                    .ok()
                    .flatten()
            })
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(button) = found {
            let _ = button.focus();
        }
    };
    let bar_count = Memo::new(move |_| ctx.snapshot.with(|s| s.views.timeline.bins));
    // Keyed by position, the texts following the data: choosing a bar
    // changes the counts, and the focused button must stay in place.
    let bar_item = move |b: usize| {
        let tip = move || {
            ctx.snapshot
                .with(|s| timeline_tip(&s.views.timeline, measure.get(), b))
        };
        let choose = move |_| {
            let days = ctx.snapshot.with_untracked(|s| {
                let t = &s.views.timeline;
                (b < t.bins).then(|| timeline_axis(t, 1.0).days_of(b))
            });
            if let Some((from, to)) = days {
                ctx.update_filters(|f| {
                    f.from = Some(from);
                    f.to = Some(to);
                });
            }
        };
        view! {
            <li>
                <button
                    data-bin=b
                    tabindex=move || {
                        let last = bar_count.get().saturating_sub(1);
                        if cursor.get().min(last) == b { "0" } else { "-1" }
                    }
                    on:focus=move |_| show_tip(b)
                    on:blur=move |_| hover.set(None)
                    on:click=choose
                    on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                        let last = bar_count.get_untracked().saturating_sub(1);
                        let next = match ev.key().as_str() {
                            "ArrowRight" | "ArrowDown" => (b + 1).min(last),
                            "ArrowLeft" | "ArrowUp" => b.saturating_sub(1),
                            "Home" => 0,
                            "End" => last,
                            _ => return,
                        };
                        ev.prevent_default();
                        move_to(next);
                    }
                >
                    {tip}
                </button>
            </li>
        }
    };

    let bins = move || ctx.app.with(|a| a.bin);
    let legend_items = move || {
        let chosen = chosen_types.get();
        legend
            .get()
            .into_iter()
            .map(|entry| {
                let pressed = chosen.contains(&entry.label);
                let toggled = entry.label.clone();
                view! {
                    <li data-testid="timeline-legend-entry" data-colour=entry.colour>
                        <button
                            class="legend-item"
                            aria-pressed=pressed.to_string()
                            title=match crate::engine::i18n::term(&entry.label) {
                                Some(_) => format!("{} \u{2014} {}", entry.label, crate::t!("timeline-legend-hint")),
                                None => crate::t!("timeline-legend-hint"),
                            }
                            on:click=move |_| ctx.update_filters(|f| toggle(&mut f.categories[Category::EventType], &toggled))
                        >
                            <span class="swatch" style:background-color=entry.colour></span>
                            {crate::engine::i18n::term_or(&entry.label)}
                        </button>
                    </li>
                }
            })
            .collect_view()
    };

    view! {
        <section class="panel timeline" aria-labelledby="timeline-title">
            <div class="panel-head">
                <h2 id="timeline-title">{crate::t!("timeline-title")}</h2>
                <div class="controls">
                    <label for="t-bin">{crate::t!("timeline-per")}</label>
                    <select
                        id="t-bin"
                        data-testid="timeline-bin"
                        on:change=move |ev| {
                            if let Some(bin) = Bin::from_name(&event_target_value(&ev)) {
                                ctx.app.update(|a| a.bin = bin);
                            }
                        }
                    >
                        {Bin::CHOICES
                            .into_iter()
                            .map(|b| {
                                view! {
                                    <option value=b.name() prop:selected=move || bins() == b>
                                        {crate::engine::i18n::tr(&format!("bin-{}", b.name()), &[])}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                    <div class="segmented" role="group" aria-label=crate::t!("timeline-measure")>
                        {[Measure::Events, Measure::Fatalities]
                            .into_iter()
                            .map(|m| {
                                view! {
                                    <button
                                        aria-pressed=move || (measure.get() == m).to_string()
                                        on:click=move |_| ctx.app.update(|a| a.measure = m)
                                    >
                                        {m.label()}
                                    </button>
                                }
                            })
                            .collect_view()}
                    </div>
                    <Show when=move || selection.with(|s| s.0.is_some() || s.1.is_some())>
                        <button
                            class="link"
                            on:click=move |_| {
                                ctx.update_filters(|f| {
                                    f.from = None;
                                    f.to = None;
                                })
                            }
                        >
                            {crate::t!("timeline-all-dates")}
                        </button>
                    </Show>
                </div>
            </div>
            <super::texts::ChartHeading chart=super::exports::Chart::Timeline/>
            <canvas
                node_ref=canvas
                class="timeline-canvas"
                data-testid="timeline"
                role="img"
                aria-label=crate::t!("timeline-chart-label")
                aria-describedby="timeline-summary"
                on:pointerdown=on_down
                on:pointermove=on_move
                on:pointerup=on_up
                on:pointercancel=move |_| brush.set(None)
                on:pointerleave=move |_| hover.set(None)
            ></canvas>
            <ul class="visually-hidden off-screen" node_ref=bar_list aria-labelledby="timeline-title" data-testid="timeline-bars">
                <For each=move || 0..bar_count.get() key=|&b| b children=bar_item/>
            </ul>
            {move || {
                hover
                    .get()
                    .map(|(tip, left, top, side)| {
                        view! {
                            <div
                                class="timeline-tip"
                                data-side=side
                                role="tooltip"
                                data-testid="timeline-tip"
                                style:left=format!("{left}px")
                                style:top=format!("{top}px")
                            >
                                {tip}
                            </div>
                        }
                    })
            }}
            <ul class="legend" aria-label=crate::t!("category-title-event-type") data-testid="timeline-legend">{legend_items}</ul>
            <super::exports::ChartTools chart=super::exports::Chart::Timeline/>
        </section>
    }
}
