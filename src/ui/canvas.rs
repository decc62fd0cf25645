//! The canvas backend: draws a chart description (`present::chart`) on a
//! 2D canvas in the page's theme colours, and names those colours for the
//! DOM (legends, bar lists) so they match the canvas.

use super::dom::css_colour;
use crate::engine::present::chart::{Anchor, Chart, Colour, Mark, Weight};
use web_sys::CanvasRenderingContext2d;

/// The page's CSS custom property for a themed colour.
fn css_var(colour: Colour) -> Option<&'static str> {
    match colour {
        Colour::Fixed(_) => None,
        Colour::Text => Some("--fg"),
        Colour::Muted => Some("--muted"),
        Colour::Grid => Some("--grid"),
        Colour::Background => Some("--bg"),
        Colour::Bar => Some("--bar"),
    }
}

/// A colour as a CSS value for an element's style (`var(--bar)` for a
/// themed colour, so it follows the theme).
pub fn css(colour: Colour) -> String {
    match css_var(colour) {
        Some(var) => format!("var({var})"),
        None => colour.light().to_string(),
    }
}

/// The theme's colours, read once per drawing.
struct Theme {
    text: String,
    muted: String,
    grid: String,
    background: String,
    bar: String,
}

impl Theme {
    fn now() -> Theme {
        let read = |c: Colour| css_colour(css_var(c).unwrap_or_default(), c.light());
        Theme {
            text: read(Colour::Text),
            muted: read(Colour::Muted),
            grid: read(Colour::Grid),
            background: read(Colour::Background),
            bar: read(Colour::Bar),
        }
    }

    fn get(&self, colour: Colour) -> &str {
        match colour {
            Colour::Fixed(c) => c,
            Colour::Text => &self.text,
            Colour::Muted => &self.muted,
            Colour::Grid => &self.grid,
            Colour::Background => &self.background,
            Colour::Bar => &self.bar,
        }
    }
}

/// The context's state as last set here, so each property is set only
/// when it changes: setting `font` parses a CSS font each time, and the
/// timeline draws thousands of marks.
#[derive(Default)]
struct Pen<'a> {
    font: Option<(u32, Weight)>,
    fill: &'a str,
    stroke: &'a str,
    alpha: Option<f64>,
    align: Option<Anchor>,
}

/// Draws `chart` on `ctx`, whose transform maps chart units to the
/// canvas (see `dom::prepare_canvas`).
pub fn draw(ctx: &CanvasRenderingContext2d, chart: &Chart) {
    let theme = Theme::now();
    let mut pen = Pen::default();
    ctx.set_text_baseline("alphabetic");
    for layer in &chart.layers {
        for mark in &layer.marks {
            match mark {
                Mark::Rect(r) => {
                    set_alpha(ctx, &mut pen, r.opacity);
                    let fill = theme.get(r.fill);
                    if pen.fill != fill {
                        ctx.set_fill_style_str(fill);
                        pen.fill = fill;
                    }
                    ctx.fill_rect(r.x, r.y, r.width, r.height);
                }
                Mark::Line(l) => {
                    set_alpha(ctx, &mut pen, 1.0);
                    let stroke = theme.get(l.colour);
                    if pen.stroke != stroke {
                        ctx.set_stroke_style_str(stroke);
                        pen.stroke = stroke;
                    }
                    ctx.set_line_width(l.width);
                    ctx.begin_path();
                    ctx.move_to(l.x1, l.y1);
                    ctx.line_to(l.x2, l.y2);
                    ctx.stroke();
                }
                Mark::Text(t) => {
                    set_alpha(ctx, &mut pen, 1.0);
                    // Sizes are whole pixels in practice; a font is keyed by
                    // hundredths so fractional ones still differ.
                    let font = ((t.size * 100.0).round() as u32, t.weight);
                    if pen.font != Some(font) {
                        let weight = match t.weight {
                            Weight::Normal => "",
                            Weight::Bold => "bold ",
                        };
                        ctx.set_font(&format!("{weight}{}px system-ui, sans-serif", t.size));
                        pen.font = Some(font);
                    }
                    if pen.align != Some(t.anchor) {
                        ctx.set_text_align(match t.anchor {
                            Anchor::Start => "left",
                            Anchor::Middle => "center",
                            Anchor::End => "right",
                        });
                        pen.align = Some(t.anchor);
                    }
                    let fill = theme.get(t.colour);
                    if pen.fill != fill {
                        ctx.set_fill_style_str(fill);
                        pen.fill = fill;
                    }
                    let _ = ctx.fill_text(&t.text, t.x, t.y);
                }
            }
        }
    }
    set_alpha(ctx, &mut pen, 1.0);
}

fn set_alpha(ctx: &CanvasRenderingContext2d, pen: &mut Pen, alpha: f64) {
    if pen.alpha != Some(alpha) {
        ctx.set_global_alpha(alpha);
        pen.alpha = Some(alpha);
    }
}

/// Draws `chart` on the canvas of `canvas` whenever either changes (the
/// chart is sized for the screen: the canvas takes its size), in the next
/// animation frame and at most once per frame.
///
/// Drawing waits for the frame because setting a canvas's `font` makes the
/// browser bring the page's style up to date first: drawn at once, in the
/// middle of a filter change whose other effects are still rewriting the
/// page, each canvas paid for a style pass of its own (about 45 ms per
/// change at a million events). At the frame the page is settled, and the
/// one style pass is the one the frame needs anyway.
pub fn keep_drawn(
    canvas: leptos::prelude::NodeRef<leptos::html::Canvas>,
    chart: leptos::prelude::Memo<Option<Chart>>,
) {
    use leptos::prelude::*;
    let redraw = super::dom::frame_scheduler(move || {
        let Some(el) = canvas.get_untracked() else {
            return;
        };
        chart.with_untracked(|c| {
            if let Some(c) = c {
                if let Some((c2d, _, _)) = super::dom::prepare_canvas(&el, (c.width, c.height)) {
                    draw(&c2d, c);
                }
            }
        });
    });
    Effect::new(move |_| {
        canvas.track();
        chart.track();
        redraw();
    });
}

/// The chart's legend as list items, kept in step with the chart; each
/// item carries `entry_testid` for the browser tests.
pub fn legend_items(
    chart: leptos::prelude::Memo<Option<Chart>>,
    entry_testid: &'static str,
) -> impl Fn() -> leptos::prelude::AnyView + Copy {
    use leptos::prelude::*;
    move || {
        chart.with(|c| {
            c.as_ref()
                .map(|c| c.legend.clone())
                .unwrap_or_default()
                .into_iter()
                .map(|entry| {
                    view! {
                        <li class="legend-item" data-testid=entry_testid data-colour=entry.colour>
                            <span class="swatch" style:background-color=entry.colour></span>
                            {entry.label}
                        </li>
                    }
                })
                .collect_view()
                .into_any()
        })
    }
}
