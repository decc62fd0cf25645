//! The page's language: from the link (`lang=fr`), else the browser's
//! preferred languages, else English; the FR/EN switch in the header; and
//! `<html lang>` kept in step. The page is drawn again on a switch (the
//! view state and dataset live above it, in [`Ctx`]).

use super::use_ctx;
use super::Ctx;
use crate::engine::i18n::{self, Lang};
use leptos::prelude::*;

/// The language the page opens in.
pub fn choose(from_link: Option<Lang>) -> Lang {
    from_link.unwrap_or_else(|| {
        let preferred: Vec<String> = window()
            .navigator()
            .languages()
            .iter()
            .filter_map(|v| v.as_string())
            .collect();
        Lang::negotiate(&preferred)
    })
}

/// Writes the engine's sentences in `lang` and tells the browser (and
/// screen readers) which language the page is in.
pub fn apply(lang: Lang) {
    i18n::set(lang);
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("lang", lang.code());
    }
}

/// Switches the page to `lang`.
pub fn switch(ctx: Ctx, lang: Lang) {
    if ctx.lang.get_untracked() != lang {
        apply(lang);
        ctx.lang.set(lang);
    }
}

/// One button per language, the current one pressed.
#[component]
pub fn LangSwitch() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <div class="lang-switch" role="group" aria-label=crate::t!("lang-switch-label")>
            {Lang::all()
                .map(|l| {
                    let code = l.code();
                    let name = i18n::with_lang(l, || crate::t!("lang-name"));
                    view! {
                        <button
                            class="link"
                            lang=code
                            data-lang=code
                            title=name.clone()
                            aria-pressed=move || (ctx.lang.get() == l).to_string()
                            on:click=move |_| switch(ctx, l)
                        >
                            // The name read out starts with the visible
                            // code ("FR (Français)").
                            {code.to_uppercase()}
                            <span class="visually-hidden">{format!(" ({name})")}</span>
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
