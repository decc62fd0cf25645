//! The user's own actor aliases: a dialog, opened from the actor fields of
//! the filter panel, where the user picks raw actor names (searchable, with
//! their event counts) and types the canonical actor to count them under;
//! and the watch that folds the dataset again when the aliases change. The
//! aliases live in the page state, so the link keeps them; folding is the
//! engine's ([`crate::engine::query::QueryState::set_user_aliases`]).

use super::use_ctx;
use super::Ctx;
use crate::engine::data::actors::UserAlias;
use crate::engine::query::ActorIndex;
use leptos::prelude::*;

/// Most raw names the dialog lists at once (the search reaches the others).
const MAX_LISTED: usize = 200;

/// Folds the dataset's actors again whenever the user's aliases change,
/// then tells the views (one apply and one views pass follow).
pub fn keep_folded(ctx: Ctx) {
    let aliases = Memo::new(move |_| ctx.app.with(|a| a.aliases.clone()));
    Effect::new(move |_| {
        let aliases = aliases.get();
        if fold(ctx, &aliases) {
            ctx.data_version.update(|v| *v += 1);
        }
    });
}

/// Folds the loaded dataset with `aliases`; false when it already was.
pub fn fold(ctx: Ctx, aliases: &[UserAlias]) -> bool {
    ctx.data
        .try_update_value(|d| {
            let l = d.as_mut()?;
            let changed = l.state.set_user_aliases(&mut l.store, aliases);
            if changed {
                // Suggestions name canonical actors: build them again.
                l.actors = std::cell::OnceCell::new();
            }
            Some(changed)
        })
        .flatten()
        .unwrap_or(false)
}

/// The dialog, shown while `open` is true.
#[component]
pub fn AliasDialog(
    /// Whether the dialog is on show; "Done" and Escape set it false.
    open: RwSignal<bool>,
) -> impl IntoView {
    move || open.get().then(|| view! { <AliasForm open=open/> })
}

#[component]
fn AliasForm(open: RwSignal<bool>) -> impl IntoView {
    let ctx = use_ctx();
    let query = RwSignal::new(String::new());
    let picked: RwSignal<Vec<String>> = RwSignal::new(Vec::new());
    let target = RwSignal::new(String::new());
    let names = Memo::new(move |_| {
        ctx.data_version.track();
        let q = query.get();
        ctx.data
            .with_value(|d| {
                d.as_ref().map(|l| {
                    l.actors
                        .get_or_init(|| ActorIndex::new(&l.store))
                        .raw_actors(&l.store, &q, MAX_LISTED)
                })
            })
            .unwrap_or_default()
    });
    let targets = Memo::new(move |_| {
        ctx.data_version.track();
        ctx.data.with_value(|d| {
            d.as_ref().map_or_else(Vec::new, |l| {
                let c = &l.store.canonical;
                let mut names: Vec<String> = (0..c.names.len() as u32)
                    .filter(|&code| !c.is_uncertain(code))
                    .map(|code| c.name(code).to_string())
                    .collect();
                crate::engine::data::order::sort(&mut names);
                names
            })
        })
    });
    let mine = Memo::new(move |_| ctx.app.with(|a| a.aliases.clone()));
    let toggle = move |name: String| {
        picked.update(|p| match p.iter().position(|x| *x == name) {
            Some(i) => {
                p.remove(i);
            }
            None => p.push(name),
        })
    };
    let can_apply = move || picked.with(|p| !p.is_empty()) && target.with(|t| !t.trim().is_empty());
    let apply = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let canonical = target.get_untracked();
        let new: Vec<UserAlias> = picked
            .get_untracked()
            .iter()
            .filter_map(|raw| UserAlias::new(raw, &canonical))
            .collect();
        if new.is_empty() {
            return;
        }
        ctx.app.update(|a| {
            for alias in new {
                a.aliases.retain(|x| x.raw != alias.raw);
                a.aliases.push(alias);
            }
        });
        picked.set(Vec::new());
    };
    let remove = move |raw: String| ctx.app.update(|a| a.aliases.retain(|x| x.raw != raw));
    let search: NodeRef<leptos::html::Input> = NodeRef::new();
    Effect::new(move |_| {
        if let Some(input) = search.get() {
            let _ = input.focus();
        }
    });
    view! {
        <div class="modal-backdrop">
            <form
                class="modal panel aliases"
                role="dialog"
                aria-modal="true"
                aria-labelledby="aliases-title"
                data-testid="aliases-dialog"
                on:submit=apply
                on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                    if ev.key() == "Escape" {
                        open.set(false);
                    }
                }
            >
                <h2 id="aliases-title">{crate::t!("aliases-title")}</h2>
                <p>
                    {crate::t!("aliases-intro")}
                    " "
                    {crate::t!("aliases-intro-scope")}
                </p>
                <div class="field">
                    <label for="alias-search">{crate::t!("aliases-search")}</label>
                    <input
                        id="alias-search"
                        type="search"
                        data-testid="alias-search"
                        autocomplete="off"
                        node_ref=search
                        prop:value=move || query.get()
                        on:input=move |ev| query.set(event_target_value(&ev))
                    />
                </div>
                <ul class="alias-names" data-testid="alias-names" aria-label=crate::t!("aliases-names-label")>
                    {move || {
                        names
                            .get()
                            .into_iter()
                            .map(|raw| {
                                let name = raw.name.clone();
                                let checked = {
                                    let name = name.clone();
                                    move || picked.with(|p| p.contains(&name))
                                };
                                let note = crate::t!(
                                    "aliases-note",
                                    count = raw.events,
                                    canonical = raw.canonical.clone()
                                );
                                view! {
                                    <li>
                                        <label>
                                            <input
                                                type="checkbox"
                                                prop:checked=checked
                                                on:change=move |_| toggle(name.clone())
                                            />
                                            <span class="alias-name">{raw.name}</span>
                                            <span class="muted">{note}</span>
                                        </label>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
                <div class="field">
                    <label for="alias-target">{crate::t!("aliases-target")}</label>
                    <input
                        id="alias-target"
                        type="text"
                        list="alias-targets"
                        data-testid="alias-target"
                        autocomplete="off"
                        placeholder=crate::t!("aliases-target-placeholder")
                        prop:value=move || target.get()
                        on:input=move |ev| target.set(event_target_value(&ev))
                    />
                    <datalist id="alias-targets">
                        {move || {
                            targets
                                .get()
                                .into_iter()
                                .map(|name| view! { <option value=name></option> })
                                .collect_view()
                        }}
                    </datalist>
                </div>
                <div class="actions">
                    <button type="submit" class="primary" data-testid="alias-apply" disabled=move || !can_apply()>
                        {move || crate::t!("aliases-apply", count = picked.with(Vec::len))}
                    </button>
                    <button type="button" data-testid="alias-close" on:click=move |_| open.set(false)>
                        {crate::t!("aliases-done")}
                    </button>
                </div>
                <h3 class="small-title">{crate::t!("aliases-mine")}</h3>
                {move || {
                    let list = mine.get();
                    if list.is_empty() {
                        return view! { <p class="muted">{crate::t!("aliases-none")}</p> }.into_any();
                    }
                    view! {
                        <ul class="alias-mine" data-testid="alias-mine">
                            {list
                                .into_iter()
                                .map(|alias| {
                                    let raw = alias.raw.clone();
                                    let label = format!("{} \u{2192} {}", alias.raw, alias.canonical);
                                    view! {
                                        <li>
                                            <span>{label.clone()}</span>
                                            <button
                                                type="button"
                                                class="link"
                                                aria-label=crate::t!("aliases-remove-label", fold = label.clone())
                                                on:click=move |_| remove(raw.clone())
                                            >
                                                {crate::t!("aliases-remove")}
                                            </button>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                    .into_any()
                }}
            </form>
        </div>
    }
}
