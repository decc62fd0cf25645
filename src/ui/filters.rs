//! The filter panel: the active filters as removable chips, and one
//! labelled control per filter. Choices offered come from the current views
//! (each breakdown ignores its own filter), so a region list shows the
//! regions of the chosen country.

use super::aliases::AliasDialog;
use super::use_ctx;
use crate::engine::data::date::{format_iso, parse_iso};
use crate::engine::data::dimension::Category;
use crate::engine::present::chips::chips;
use crate::engine::present::chips::{remove_chip, role_label};
use crate::engine::present::format::month_name;
use crate::engine::present::format::thousands;
use crate::engine::query::{ActorIndex, Filters, Role, NOT_STATED};
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::JsCast;

/// Most choices a list offers.
const MAX_OPTIONS: usize = 250;

/// Delay before typed text becomes a filter.
const DEBOUNCE: Duration = Duration::from_millis(300);

/// The filter panel: chips, then one fieldset per question (when, where,
/// what, who, text), folding away on narrow screens.
#[component]
pub fn FilterPanel() -> impl IntoView {
    // On narrow screens the controls fold away under the chips.
    let open = RwSignal::new(false);
    view! {
        <aside class="filters panel" class:open=move || open.get() aria-label=crate::t!("filters-title")>
            <Chips/>
            <button
                class="filters-toggle"
                aria-expanded=move || open.get().to_string()
                aria-controls="filter-controls"
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {move || if open.get() { crate::t!("filters-hide") } else { crate::t!("filters-show") }}
            </button>
            <div id="filter-controls" class="filter-controls">
                <fieldset>
                    <legend>{crate::t!("filters-when")}</legend>
                    <div class="pair dates">
                        <DateBound is_from=true/>
                        <DateBound is_from=false/>
                    </div>
                    <div class="pair">
                        <MonthBound is_first=true/>
                        <MonthBound is_first=false/>
                    </div>
                </fieldset>
                <fieldset>
                    <legend>{crate::t!("filters-where")}</legend>
                    {Category::ALL
                        .into_iter()
                        .filter(|c| c.is_place())
                        .map(|c| view! { <ListSelect category=c/> })
                        .collect_view()}
                </fieldset>
                <fieldset>
                    <legend>{crate::t!("filters-what")}</legend>
                    {Category::ALL
                        .into_iter()
                        .filter(|c| !c.is_place())
                        .map(|c| view! { <ListSelect category=c/> })
                        .collect_view()}
                    <div class="pair">
                        <FatalityBound is_min=true/>
                        <FatalityBound is_min=false/>
                    </div>
                    <CivilianSelect/>
                </fieldset>
                <ActorFields/>
                <fieldset>
                    <legend>{crate::t!("filters-text")}</legend>
                    <TextSearch/>
                </fieldset>
            </div>
        </aside>
    }
}

/// One end of the date range: a date field bounded by the data's span.
#[component]
fn DateBound(
    /// The start of the range, else its end.
    is_from: bool,
) -> impl IntoView {
    let ctx = use_ctx();
    let span = move || {
        ctx.data_version.track();
        ctx.data.with_value(|d| d.as_ref()?.state.span())
    };
    let min_date = move || span().map(|(a, _)| format_iso(a)).unwrap_or_default();
    let max_date = move || span().map(|(_, b)| format_iso(b)).unwrap_or_default();
    let (id, label, test_id) = if is_from {
        ("f-from", crate::t!("filters-from"), "filter-from")
    } else {
        ("f-to", crate::t!("filters-to"), "filter-to")
    };
    let value = move || {
        ctx.filters
            .with(|f| if is_from { f.from } else { f.to })
            .map(format_iso)
            .unwrap_or_default()
    };
    let on_change = move |ev: leptos::ev::Event| {
        let day = parse_iso(&event_target_value(&ev));
        ctx.update_filters(|f| if is_from { f.from = day } else { f.to = day });
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input
                id=id
                type="date"
                data-testid=test_id
                min=min_date
                max=max_date
                prop:value=value
                on:change=on_change
            />
        </div>
    }
}

/// One end of the months window ("June to September"), which may wrap over
/// the new year.
#[component]
fn MonthBound(
    /// The window's first month, else its last.
    is_first: bool,
) -> impl IntoView {
    let ctx = use_ctx();
    let months = move || ctx.filters.with(|f| f.months);
    let (id, label, test_id) = if is_first {
        (
            "f-month-from",
            crate::t!("filters-months-from"),
            "filter-month-from",
        )
    } else {
        (
            "f-month-to",
            crate::t!("filters-months-to"),
            "filter-month-to",
        )
    };
    let on_change = move |ev: leptos::ev::Event| {
        let chosen = event_target_value(&ev).parse::<u8>().ok();
        let window = match (chosen, months()) {
            (None, _) => None,
            // A first month keeps the last one, a last month the first.
            (Some(m), Some((a, b))) => Some(if is_first { (m, b) } else { (a, m) }),
            (Some(m), None) => Some((m, m)),
        };
        ctx.update_filters(|f| f.months = window);
    };
    let selected = move || months().map(|(a, b)| if is_first { a } else { b });
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id data-testid=test_id on:change=on_change>
                <option value="" prop:selected=move || months().is_none()>
                    {crate::t!("filters-all-year")}
                </option>
                {move || {
                    let chosen = selected();
                    (1..=12u8)
                        .map(|m| {
                            view! {
                                <option value=m.to_string() prop:selected=chosen == Some(m)>
                                    {month_name(m)}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
        </div>
    }
}

/// One end of the fatalities range.
#[component]
fn FatalityBound(
    /// The least fatalities, else the most.
    is_min: bool,
) -> impl IntoView {
    let ctx = use_ctx();
    let (id, label) = if is_min {
        ("f-fat-min", crate::t!("filters-fatalities-min"))
    } else {
        ("f-fat-max", crate::t!("filters-fatalities-max"))
    };
    let value = move || {
        ctx.filters
            .with(|f| {
                if is_min {
                    f.fatalities_min
                } else {
                    f.fatalities_max
                }
            })
            .map(|n| n.to_string())
            .unwrap_or_default()
    };
    let on_change = move |ev: leptos::ev::Event| {
        let n = event_target_value(&ev).trim().parse::<u32>().ok();
        ctx.update_filters(|f| {
            if is_min {
                f.fatalities_min = n
            } else {
                f.fatalities_max = n
            }
        });
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input id=id type="number" min="0" inputmode="numeric" prop:value=value on:change=on_change/>
        </div>
    }
}

/// Civilian targeting: any event, only those, or none of those.
#[component]
fn CivilianSelect() -> impl IntoView {
    let ctx = use_ctx();
    let f = ctx.filters;
    let on_change = move |ev: leptos::ev::Event| {
        let v = match event_target_value(&ev).as_str() {
            "yes" => Some(true),
            "no" => Some(false),
            _ => None,
        };
        ctx.update_filters(|f| f.civilian_targeting = v);
    };
    view! {
        <div class="field">
            <label for="f-civilian">{crate::t!("filters-civilian")}</label>
            <select id="f-civilian" on:change=on_change>
                <option value="" prop:selected=move || f.with(|f| f.civilian_targeting.is_none())>
                    {crate::t!("filters-civilian-any")}
                </option>
                <option value="yes" prop:selected=move || f.with(|f| f.civilian_targeting == Some(true))>
                    {crate::t!("filters-civilian-only")}
                </option>
                <option value="no" prop:selected=move || f.with(|f| f.civilian_targeting == Some(false))>
                    {crate::t!("filters-civilian-none")}
                </option>
            </select>
        </div>
    }
}

/// Who: the actor, its role, the actor alongside it, uncertain
/// attributions and the user's own folds of actor names.
#[component]
fn ActorFields() -> impl IntoView {
    let ctx = use_ctx();
    let f = ctx.filters;
    let aliases_open = RwSignal::new(false);
    view! {
        <fieldset>
            <legend>{crate::t!("filters-who")}</legend>
            <ActorInput
                id="f-actor"
                label=crate::t!("filters-actor")
                value=Signal::derive(move || f.with(|f| f.actor.clone()))
                on_commit=Callback::new(move |v| ctx.update_filters(|f| f.actor = v))
            />
            <div class="field">
                <label for="f-role">{crate::t!("filters-role")}</label>
                <select
                    id="f-role"
                    data-testid="filter-role"
                    on:change=move |ev| {
                        let role = Role::from_name(&event_target_value(&ev)).unwrap_or_default();
                        ctx.update_filters(|f| f.role = role);
                    }
                >
                    {Role::ALL
                        .into_iter()
                        .map(|r| {
                            view! {
                                <option value=r.name() prop:selected=move || f.with(|f| f.role == r)>
                                    {role_label(r)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <ActorInput
                id="f-alongside"
                label=crate::t!("filters-alongside")
                value=Signal::derive(move || f.with(|f| f.alongside.clone()))
                on_commit=Callback::new(move |v| ctx.update_filters(|f| f.alongside = v))
            />
            <UncertainToggle/>
            <button
                type="button"
                class="link"
                data-testid="open-aliases"
                aria-haspopup="dialog"
                on:click=move |_| aliases_open.set(true)
            >
                {crate::t!("filters-fold-actors")}
            </button>
            <AliasDialog open=aliases_open/>
        </fieldset>
    }
}

/// The active filters as chips, each with a remove button, and "Clear all".
#[component]
fn Chips() -> impl IntoView {
    let ctx = use_ctx();
    let list = move || ctx.filters.with(chips);
    view! {
        <div class="chips" data-testid="chips">
            <h2 class="small-title">{crate::t!("filters-title")}</h2>
            {move || {
                let shown = list();
                if shown.is_empty() {
                    return view! { <p class="muted">{crate::t!("filters-none")}</p> }.into_any();
                }
                view! {
                    <ul class="chip-list">
                        {shown
                            .into_iter()
                            .map(|chip| {
                                let target = chip.target.clone();
                                let label = chip.label.clone();
                                view! {
                                    <li class="chip">
                                        <span>{chip.label}</span>
                                        <button
                                            class="chip-remove"
                                            aria-label=crate::t!("filters-remove", filter = label)
                                            on:click=move |_| ctx.update_filters(|f| remove_chip(f, &target))
                                        >
                                            "\u{d7}"
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                    <button class="link" data-testid="clear-all" on:click=move |_| ctx.update_filters(|f| *f = Filters::default())>
                        {crate::t!("filters-clear-all")}
                    </button>
                }
                .into_any()
            }}
        </div>
    }
}

/// A list box over the values of a categorical dimension: "All", or any
/// number of values (Ctrl- or Cmd-click, Shift-click, or Shift and Ctrl
/// with the arrow keys choose several; a phone shows its own picker with a
/// tick per value).
#[component]
fn ListSelect(category: Category) -> impl IntoView {
    let ctx = use_ctx();
    let id = format!("f-{}", category.slug());
    let hint_id = format!("{id}-hint");
    let chosen = Memo::new(move |_| ctx.filters.with(|f| f.categories[category].clone()));
    let options = Memo::new(move |_| {
        // Bars come most events first: a file with thousands of districts
        // offers the busiest ones (bars and chips reach the others). The
        // counts follow the painted frame, not the change itself.
        let mut labels: Vec<(String, u64)> = ctx.snapshot_after_paint.with(|s| {
            s.views.by_category[category]
                .iter()
                .filter(|b| b.label != NOT_STATED)
                .take(MAX_OPTIONS)
                .map(|b| (b.label.clone(), b.measures.events))
                .collect()
        });
        for c in chosen.get() {
            if !labels.iter().any(|(l, _)| *l == c) {
                labels.push((c, 0));
            }
        }
        crate::engine::data::order::sort_by(&mut labels, |a, b| {
            crate::engine::query::table::compare_text(&a.0, &b.0)
        });
        labels
    });
    let counts = Memo::new(move |_| {
        options.with(|o| {
            o.iter()
                .cloned()
                .collect::<std::collections::HashMap<_, _>>()
        })
    });
    // The options are "All", then one per value: a choice is read by its
    // position.
    let on_change = move |ev: leptos::ev::Event| {
        let select = event_target::<web_sys::HtmlSelectElement>(&ev);
        let picked = |i: u32| {
            select
                .item(i)
                .and_then(|e| e.dyn_into::<web_sys::HtmlOptionElement>().ok())
                .is_some_and(|o| o.selected())
        };
        let all = picked(0);
        let values: Vec<String> = options.with(|o| {
            o.iter()
                .enumerate()
                .filter(|(i, _)| picked(*i as u32 + 1))
                .map(|(_, v)| v.0.clone())
                .collect()
        });
        // "All" stays selected while nothing is chosen, so a value added
        // to it is a choice; "All" added to chosen values clears them.
        let values = if all && !chosen.with(Vec::is_empty) {
            Vec::new()
        } else {
            values
        };
        ctx.update_filters(|f| f.categories[category] = values);
    };
    let rows = move || options.with(Vec::len).clamp(1, 3) + 1;
    view! {
        <div class="field">
            <label for=id.clone()>{category.control_label()}</label>
            <select
                id=id.clone()
                data-testid=id
                multiple=true
                size=rows
                aria-describedby=hint_id.clone()
                on:change=on_change
            >
                <option value="" prop:selected=move || chosen.with(Vec::is_empty)>
                    {crate::t!("filters-all")}
                </option>
                // Keyed by value, so a filter change that only changes the
                // counts rewrites those texts and nothing else.
                <For each=move || options.get() key=|(name, _)| name.clone() let:entry>
                    {
                        let name = entry.0;
                        // ACLED's English names get the language's label,
                        // the original on hover.
                        let shown = crate::engine::i18n::term(&name);
                        let title = shown.is_some().then(|| name.clone());
                        let shown = shown.unwrap_or_else(|| name.clone());
                        let events = {
                            let name = name.clone();
                            move || counts.with(|c| c.get(&name).copied().unwrap_or(0))
                        };
                        let selected = {
                            let name = name.clone();
                            move || chosen.with(|c| c.contains(&name))
                        };
                        view! {
                            <option value=name prop:selected=selected title=title>
                                {move || format!("{shown} ({})", thousands(events()))}
                            </option>
                        }
                    }
                </For>
            </select>
            <p class="muted small field-hint" id=hint_id>
                {move || {
                    chosen
                        .with(|c| {
                            (!c.is_empty()).then(|| crate::t!("filters-chosen", values = crate::engine::i18n::join_list(c)))
                        })
                        .unwrap_or_default()
                }}
                {crate::t!("filters-choose-several")}
            </p>
        </div>
    }
}

/// Whether an uncertain attribution ("X and/or Y") counts under each of X
/// and Y, with how many events of the file have one.
#[component]
fn UncertainToggle() -> impl IntoView {
    let ctx = use_ctx();
    let count = Memo::new(move |_| {
        ctx.data_version.track();
        ctx.data
            .with_value(|d| d.as_ref().map(|l| l.store.uncertain_events()))
            .unwrap_or(0)
    });
    view! {
        <div class="field check">
            <label for="f-uncertain">
                <input
                    id="f-uncertain"
                    type="checkbox"
                    data-testid="filter-uncertain"
                    prop:checked=move || ctx.filters.with(|f| f.uncertain)
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        ctx.update_filters(|f| f.uncertain = on);
                    }
                />
                {crate::t!("filters-uncertain")}
            </label>
            <p class="muted hint" data-testid="uncertain-count">
                {move || crate::t!("filters-uncertain-count", count = count.get())}
            </p>
        </div>
    }
}

/// A text box with actor suggestions (canonical actors first). The filter
/// changes on Enter, on leaving the box, or on picking a suggestion.
#[component]
fn ActorInput(
    id: &'static str,
    #[prop(into)] label: String,
    /// The filter's value.
    #[prop(into)]
    value: Signal<Option<String>>,
    /// Called with the new value (`None` when emptied).
    on_commit: Callback<Option<String>>,
) -> impl IntoView {
    let ctx = use_ctx();
    let draft = RwSignal::new(value.get_untracked().unwrap_or_default());
    let value = Memo::new(move |_| value.get());
    // Follow the filter (a chip removed, Clear all) without waking the
    // suggestions when nothing changed.
    Effect::new(move |_| {
        let v = value.get().unwrap_or_default();
        if draft.get_untracked() != v {
            draft.set(v);
        }
    });
    // The index takes a pass over every event. For the suggestions shown
    // before anything is typed, it is built in a task of its own once the
    // dataset is drawn, instead of lengthening the task that installs it
    // (about 120 ms at a million events).
    let index_ready = RwSignal::new(0u64);
    Effect::new(move |_| {
        let version = ctx.data_version.get();
        leptos::task::spawn_local(async move {
            super::dom::yield_now().await;
            if ctx.data_version.get_untracked() != version {
                return;
            }
            let built = ctx.data.with_value(|d| {
                d.as_ref().map(|l| {
                    l.actors.get_or_init(|| ActorIndex::new(&l.store));
                })
            });
            if built.is_some() {
                index_ready.set(version);
            }
        });
    });
    let suggestions = Memo::new(move |_| {
        ctx.data_version.track();
        index_ready.track();
        let text = draft.get();
        ctx.data
            .with_value(|d| {
                d.as_ref().and_then(|l| {
                    let index = if text.trim().is_empty() {
                        l.actors.get()?
                    } else {
                        l.actors.get_or_init(|| ActorIndex::new(&l.store))
                    };
                    Some(index.suggest(&l.store, &text, 12))
                })
            })
            .unwrap_or_default()
    });
    let list_id = format!("{id}-suggestions");
    let commit = move || {
        let text = draft.get_untracked();
        let text = text.trim();
        let new = (!text.is_empty()).then(|| text.to_string());
        if new != value.get_untracked() {
            on_commit.run(new);
        }
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input
                id=id
                data-testid=id
                type="search"
                list=list_id.clone()
                autocomplete="off"
                placeholder=crate::t!("filters-actor-placeholder")
                prop:value=move || draft.get()
                on:input=move |ev| draft.set(event_target_value(&ev))
                on:change=move |_| commit()
                on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                    if ev.key() == "Enter" {
                        commit();
                    }
                }
            />
            <datalist id=list_id>
                {move || {
                    suggestions
                        .get()
                        .into_iter()
                        .map(|s| {
                            let note = if s.uncertain {
                                crate::t!("filters-suggest-uncertain", count = s.events)
                            } else if s.canonical {
                                crate::t!("filters-suggest-canonical", count = s.events)
                            } else {
                                crate::t!("n-events", count = s.events)
                            };
                            view! { <option value=s.name label=note></option> }
                        })
                        .collect_view()
                }}
            </datalist>
        </div>
    }
}

/// Words to find in place names and notes, applied after a pause in typing.
#[component]
fn TextSearch() -> impl IntoView {
    let ctx = use_ctx();
    let current = Memo::new(move |_| ctx.filters.with(|f| f.text.clone()));
    let draft = RwSignal::new(String::new());
    Effect::new(move |_| {
        let v = current.get().unwrap_or_default();
        if draft.get_untracked().trim() != v {
            draft.set(v);
        }
    });
    let typed = StoredValue::new(0u64);
    let on_input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        draft.set(text);
        typed.update_value(|n| *n += 1);
        let mine = typed.get_value();
        set_timeout(
            move || {
                if typed.get_value() != mine {
                    return;
                }
                let text = draft.get_untracked();
                let new = (!text.trim().is_empty()).then(|| text.trim().to_string());
                if new != current.get_untracked() {
                    ctx.update_filters(|f| f.text = new);
                }
            },
            DEBOUNCE,
        );
    };
    view! {
        <div class="field">
            <label for="f-text">{crate::t!("filters-text-label")}</label>
            <input
                id="f-text"
                type="search"
                data-testid="filter-text"
                placeholder=crate::t!("filters-text-placeholder")
                prop:value=move || draft.get()
                on:input=on_input
            />
        </div>
    }
}
