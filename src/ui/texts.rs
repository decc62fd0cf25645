//! The user's title, description, notes and source line of each chart
//! (kept in the link, `engine::link::texts`): shown as text above and below
//! the chart, on the page and in an embed, and edited in a small form
//! under it (not in an embed).

use super::exports::Chart;
use super::state::Panel;
use super::use_ctx;
use crate::engine::link::{ChartTexts, TextField};
use crate::engine::present::chart_words::ChartWords;
use leptos::prelude::*;

/// The panel whose texts a chart shows.
pub fn panel_of(chart: Chart) -> Panel {
    match chart {
        Chart::Timeline => Panel::Timeline,
        Chart::Breakdown => Panel::Breakdown,
        Chart::Compare => Panel::Compare,
        Chart::Map => Panel::Map,
        Chart::Counts => Panel::Counts,
    }
}

/// A chart's texts as they are now (untracked: for exports).
pub fn texts_now(chart: Chart) -> ChartTexts {
    use_ctx()
        .app
        .with_untracked(|a| a.texts[panel_of(chart)].clone())
}

/// The texts as the chart description takes them.
pub fn words(texts: &ChartTexts) -> ChartWords<'_> {
    ChartWords {
        title: &texts.title,
        description: &texts.description,
        notes: &texts.notes,
        source: &texts.source,
    }
}

/// The user's title and description, above a chart.
#[component]
pub fn ChartHeading(
    /// The chart they belong to.
    chart: Chart,
) -> impl IntoView {
    let ctx = use_ctx();
    let panel = panel_of(chart);
    let texts = Memo::new(move |_| ctx.app.with(|a| a.texts[panel].clone()));
    let name = chart.name();
    move || {
        let t = texts.get();
        (!t.title.is_empty() || !t.description.is_empty()).then(|| {
            view! {
                <div class="chart-heading" data-testid=format!("{name}-heading")>
                    {(!t.title.is_empty())
                        .then(|| view! { <h3 class="chart-title" data-testid=format!("{name}-title")>{t.title.clone()}</h3> })}
                    {(!t.description.is_empty())
                        .then(|| view! { <p class="chart-description" data-testid=format!("{name}-description")>{t.description.clone()}</p> })}
                </div>
            }
        })
    }
}

/// The user's notes and source line under a chart, and (on the page) the
/// form that edits all four texts.
#[component]
pub fn ChartNotes(
    /// The chart they belong to.
    chart: Chart,
) -> impl IntoView {
    let ctx = use_ctx();
    let panel = panel_of(chart);
    let texts = Memo::new(move |_| ctx.app.with(|a| a.texts[panel].clone()));
    let name = chart.name();
    let shown = move || {
        let t = texts.get();
        let source = ChartWords {
            source: &t.source,
            ..ChartWords::default()
        }
        .source_line();
        (!t.notes.is_empty() || source.is_some()).then(|| {
            view! {
                <div class="chart-notes" data-testid=format!("{name}-notes")>
                    {(!t.notes.is_empty()).then(|| view! { <p>{t.notes.clone()}</p> })}
                    {source.map(|s| view! { <p class="muted">{s}</p> })}
                </div>
            }
        })
    };
    let editor = (!ctx.embed).then(|| {
        let field = move |f: TextField| {
            let id = format!("{name}-edit-{}", f.key());
            let value = move || texts.with(|t| t[f].clone());
            let on_change = move |ev: leptos::ev::Event| {
                let text = event_target_value(&ev);
                ctx.app.update(|a| a.texts.set(panel, f, &text));
            };
            let input = match f {
                TextField::Description | TextField::Notes => view! {
                    <textarea
                        id=id.clone()
                        rows="2"
                        maxlength=f.cap()
                        data-testid=id.clone()
                        prop:value=value
                        on:change=on_change
                    ></textarea>
                }
                .into_any(),
                TextField::Title | TextField::Source => view! {
                    <input
                        id=id.clone()
                        type="text"
                        maxlength=f.cap()
                        data-testid=id.clone()
                        prop:value=value
                        on:change=on_change
                    />
                }
                .into_any(),
            };
            view! {
                <div class="field">
                    <label for=id>{f.label()}</label>
                    {input}
                </div>
            }
        };
        view! {
            <details class="text-editor">
                <summary class="small">{crate::t!("texts-summary")}</summary>
                <p class="muted small">
                    {crate::t!("texts-hint")}
                </p>
                {TextField::ALL.map(field).into_iter().collect_view()}
            </details>
        }
    });
    view! {
        {shown}
        {editor}
    }
}
