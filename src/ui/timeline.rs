//! The timeline: events or fatalities per day, week, month, quarter or
//! year, stacked by event type, on a canvas. Dragging across it (the brush)
//! sets the date range; a click selects one bin.

use super::dom::{css_colour, prepare_canvas, watch_size};
use super::state::Measure;
use super::use_ctx;
use crate::engine::data::date::{Bin, Day};
use crate::engine::data::dimension::Category;
use crate::engine::present::axis::{nice_ceiling, TimeAxis};
use crate::engine::present::format::thousands;
use crate::engine::present::palette::event_type_colour;
use crate::engine::query::filters::toggle;
use crate::engine::query::Timeline as TimelineData;
use leptos::html::Canvas;
use leptos::prelude::*;
use web_sys::CanvasRenderingContext2d;

const LEFT: f64 = 48.0;
const RIGHT: f64 = 10.0;
const TOP: f64 = 10.0;
const BOTTOM: f64 = 24.0;

fn axis_of(t: &TimelineData, width: f64) -> TimeAxis {
    TimeAxis {
        bin: t.bin,
        first_bin: t.first_bin,
        bins: t.bins,
        left: LEFT,
        width: (width - LEFT - RIGHT).max(1.0),
    }
}

fn value(t: &TimelineData, measure: Measure, b: usize, ty: usize) -> f64 {
    let i = b * t.types.len() + ty;
    match measure {
        Measure::Events => f64::from(t.events[i]),
        Measure::Fatalities => t.fatalities[i] as f64,
    }
}

fn bin_total(t: &TimelineData, measure: Measure, b: usize) -> u64 {
    match measure {
        Measure::Events => t.bin_events(b),
        Measure::Fatalities => t.bin_fatalities(b),
    }
}

/// Everything one drawing needs.
struct Frame<'a> {
    t: &'a TimelineData,
    measure: Measure,
    selection: (Option<Day>, Option<Day>),
    brush: Option<(f64, f64)>,
}

fn draw(ctx: &CanvasRenderingContext2d, width: f64, height: f64, frame: &Frame) {
    let t = frame.t;
    let fg = css_colour("--fg", "#1a1a1a");
    let muted = css_colour("--muted", "#666");
    let grid = css_colour("--grid", "#ddd");
    let bg = css_colour("--bg", "#fff");
    ctx.set_font("12px system-ui, sans-serif");
    if t.bins == 0 || t.types.is_empty() {
        ctx.set_fill_style_str(&muted);
        let _ = ctx.fill_text("No events to show.", LEFT, height / 2.0);
        return;
    }
    let axis = axis_of(t, width);
    let plot_h = (height - TOP - BOTTOM).max(1.0);
    let max = (0..t.bins)
        .map(|b| bin_total(t, frame.measure, b))
        .max()
        .unwrap_or(0);
    let top = nice_ceiling(max) as f64;
    let y_of = |v: f64| TOP + plot_h - v / top * plot_h;

    // Grid and y labels.
    ctx.set_stroke_style_str(&grid);
    ctx.set_line_width(1.0);
    ctx.set_fill_style_str(&muted);
    ctx.set_text_align("right");
    ctx.set_text_baseline("middle");
    for k in 0..=2 {
        let v = top * f64::from(k) / 2.0;
        let y = y_of(v).round() + 0.5;
        ctx.begin_path();
        ctx.move_to(LEFT, y);
        ctx.line_to(width - RIGHT, y);
        ctx.stroke();
        let _ = ctx.fill_text(&thousands(v as u64), LEFT - 6.0, y);
    }

    // Stacked bars.
    let bw = axis.bin_width();
    let gap = if bw > 4.0 { 1.0 } else { 0.0 };
    for b in 0..t.bins {
        let x = axis.x_of(b);
        let mut acc = 0.0;
        for ty in 0..t.types.len() {
            let v = value(t, frame.measure, b, ty);
            if v <= 0.0 {
                continue;
            }
            let y0 = y_of(acc);
            let y1 = y_of(acc + v);
            ctx.set_fill_style_str(event_type_colour(&t.types[ty], ty));
            ctx.fill_rect(x, y1, (bw - gap).max(1.0), (y0 - y1).max(0.5));
            acc += v;
        }
    }

    // Outside the selected dates: veiled.
    let (from, to) = frame.selection;
    if from.is_some() || to.is_some() {
        ctx.set_global_alpha(0.65);
        ctx.set_fill_style_str(&bg);
        match axis.span_of(from, to) {
            Some((x0, x1)) => {
                ctx.fill_rect(LEFT, TOP, x0 - LEFT, plot_h);
                ctx.fill_rect(x1, TOP, width - RIGHT - x1, plot_h);
            }
            None => ctx.fill_rect(LEFT, TOP, width - RIGHT - LEFT, plot_h),
        }
        ctx.set_global_alpha(1.0);
    }
    if let Some((a, b)) = frame.brush {
        let (x0, x1) = (a.min(b), a.max(b));
        ctx.set_global_alpha(0.2);
        ctx.set_fill_style_str(&fg);
        ctx.fill_rect(x0, TOP, (x1 - x0).max(1.0), plot_h);
        ctx.set_global_alpha(1.0);
    }

    // X labels, spaced at least 70 pixels apart.
    ctx.set_fill_style_str(&muted);
    ctx.set_text_align("left");
    ctx.set_text_baseline("top");
    let every = ((70.0 / bw).ceil() as usize).max(1);
    for b in (0..t.bins).step_by(every) {
        let x = axis.x_of(b);
        if x + 40.0 > width {
            break;
        }
        let _ = ctx.fill_text(&t.label(b), x, TOP + plot_h + 6.0);
    }
    ctx.set_stroke_style_str(&fg);
    ctx.begin_path();
    ctx.move_to(LEFT, TOP + plot_h + 0.5);
    ctx.line_to(width - RIGHT, TOP + plot_h + 0.5);
    ctx.stroke();
}

/// A sentence describing the chart for screen readers.
fn describe(t: &TimelineData, measure: Measure) -> String {
    if t.bins == 0 {
        return "Timeline: no events.".into();
    }
    let (peak, peak_value) = (0..t.bins)
        .map(|b| (b, bin_total(t, measure, b)))
        .max_by_key(|&(_, v)| v)
        .unwrap_or((0, 0));
    format!(
        "Timeline of {} per {}, {} to {}; highest {} in {}. Drag across the chart to choose dates, or use the date fields.",
        measure.label().to_lowercase(),
        t.bin.name(),
        t.label(0),
        t.label(t.bins - 1),
        thousands(peak_value),
        t.label(peak)
    )
}

#[component]
pub fn Timeline() -> impl IntoView {
    let ctx = use_ctx();
    let canvas = NodeRef::<Canvas>::new();
    let brush = RwSignal::new(None::<(f64, f64)>);
    let measure = Memo::new(move |_| ctx.app.with(|a| a.measure));
    let selection = Memo::new(move |_| ctx.filters.with(|f| (f.from, f.to)));
    let size = watch_size(canvas);

    Effect::new(move |_| {
        let (Some(el), Some(size), m, sel, br) = (
            canvas.get(),
            size.get(),
            measure.get(),
            selection.get(),
            brush.get(),
        ) else {
            return;
        };
        ctx.snapshot.with(|s| {
            if let Some((c2d, w, h)) = prepare_canvas(&el, size) {
                let frame = Frame {
                    t: &s.views.timeline,
                    measure: m,
                    selection: sel,
                    brush: br,
                };
                draw(&c2d, w, h, &frame);
            }
        });
    });

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
        }
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
            if t.bins == 0 || a.max(b) < LEFT {
                return None;
            }
            Some(axis_of(t, width).brush_days(a, b))
        });
        if let Some((from, to)) = range {
            ctx.update_filters(|f| {
                f.from = Some(from);
                f.to = Some(to);
            });
        }
    };

    let bins = move || ctx.app.with(|a| a.bin);
    let legend = move || {
        ctx.snapshot.with(|s| {
            let t = &s.views.timeline;
            let chosen = ctx.filters.with(|f| f.categories[Category::EventType].clone());
            (0..t.types.len())
                .filter(|&ty| (0..t.bins).any(|b| t.events[b * t.types.len() + ty] > 0) || chosen.contains(&t.types[ty]))
                .map(|ty| {
                    let name = t.types[ty].clone();
                    let colour = event_type_colour(&name, ty);
                    let pressed = chosen.contains(&name);
                    let toggled = name.clone();
                    view! {
                        <li>
                            <button
                                class="legend-item"
                                aria-pressed=pressed.to_string()
                                title="Show only this event type (click again to undo)"
                                on:click=move |_| ctx.update_filters(|f| toggle(&mut f.categories[Category::EventType], &toggled))
                            >
                                <span class="swatch" style:background-color=colour></span>
                                {name}
                            </button>
                        </li>
                    }
                })
                .collect_view()
        })
    };

    view! {
        <section class="panel timeline" aria-labelledby="timeline-title">
            <div class="panel-head">
                <h2 id="timeline-title">"Over time"</h2>
                <div class="controls">
                    <label for="t-bin">"Per"</label>
                    <select
                        id="t-bin"
                        data-testid="timeline-bin"
                        on:change=move |ev| {
                            if let Some(bin) = Bin::from_name(&event_target_value(&ev)) {
                                ctx.app.update(|a| a.bin = bin);
                            }
                        }
                    >
                        {Bin::ALL
                            .into_iter()
                            .map(|b| {
                                view! {
                                    <option value=b.name() prop:selected=move || bins() == b>
                                        {b.name()}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                    <div class="segmented" role="group" aria-label="Measure">
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
                            "All dates"
                        </button>
                    </Show>
                </div>
            </div>
            <canvas
                node_ref=canvas
                class="timeline-canvas"
                data-testid="timeline"
                role="img"
                aria-describedby="timeline-summary"
                aria-label=move || ctx.snapshot.with(|s| describe(&s.views.timeline, measure.get()))
                on:pointerdown=on_down
                on:pointermove=on_move
                on:pointerup=on_up
                on:pointercancel=move |_| brush.set(None)
            ></canvas>
            <ul class="legend" aria-label="Event types">{legend}</ul>
            <super::exports::ChartTools chart=super::exports::Chart::Timeline/>
        </section>
    }
}
