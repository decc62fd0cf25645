//! The view in the address bar. At start the query string is read
//! (`engine::link`; anything unknown or malformed is listed in a notice)
//! and applied once the dataset is loaded, since filters are names. After
//! that every change is written back: a burst of changes (typing,
//! brushing) makes one history entry, so Back and Forward step through
//! views, and `popstate` restores the view of the entry.

use super::dom;
use super::load;
use super::state::{CompareSettings, Panel};
use super::Ctx;
use crate::engine::link::ViewState;
use crate::engine::output::share::view_address;
use leptos::prelude::*;
use std::time::Duration;

/// Changes closer together than this share one history entry.
const BURST: Duration = Duration::from_millis(400);

/// Reads the page's link: the view it describes and notices about the
/// parameters that were ignored, in the language the page opens in (which
/// the link itself may choose).
pub fn read() -> (ViewState, Vec<String>) {
    let query = dom::page_query();
    let (recipe, notices) = ViewState::from_query(&query);
    let lang = super::lang::choose(recipe.lang);
    if lang == crate::engine::i18n::current() {
        (recipe, notices)
    } else {
        crate::engine::i18n::with_lang(lang, || ViewState::from_query(&query))
    }
}

/// Shows the view of the link while its dataset loads, and loads that
/// dataset (`file`, the user's file a restart brought back; else
/// `?data=`; else the bundled one). The view applies again once the
/// dataset is in (the filters by name, the comparison's default from its
/// dates).
pub fn start(ctx: Ctx, recipe: ViewState, mut notices: Vec<String>, file: Option<web_sys::File>) {
    ctx.app.update(|a| {
        notices.extend(a.apply(&recipe, &CompareSettings::default_for(&[])));
    });
    ctx.link_notices.set(notices);
    let data = recipe.data.clone();
    ctx.recipe.set_value(Some(recipe));
    match (file, data) {
        (Some(file), _) => load::load_file(ctx, file, None, None),
        (None, Some(url)) => load::load_remote(ctx, url),
        (None, None) => load::load_bundled(ctx),
    }
}

/// The query string (without `?`) of the view on show, or of the embed of
/// one of its panels.
pub fn query(ctx: Ctx, embed: Option<Panel>) -> String {
    let (data, default) = ctx.info.with(|i| {
        i.as_ref()
            .map_or((None, CompareSettings::default_for(&[])), |i| {
                (i.data_url().map(str::to_string), i.default_compare)
            })
    });
    // The link names the language (`lang=`), so follows a switch.
    ctx.lang.track();
    ctx.app.with(|a| {
        let mut recipe = a.recipe(data.as_deref(), &default, embed.is_some());
        if let Some(panel) = embed {
            recipe.panel = panel;
            if panel == Panel::Compare {
                recipe.compare = Some(a.compare);
            }
        }
        recipe.to_query()
    })
}

/// The absolute address of `query` on this site.
pub fn absolute(query: &str) -> String {
    view_address(&dom::page_base(), query)
}

/// Keeps the address bar and the view in step (see the module doc).
pub fn keep_in_sync(ctx: Ctx) -> WindowListenerHandle {
    // The query of the current history entry as last written; `None` until
    // the first write, which only tidies the link the page was opened with.
    let written: StoredValue<Option<String>> = StoredValue::new(None);
    let timer: StoredValue<Option<TimeoutHandle>> = StoredValue::new(None);
    Effect::new(move |_| {
        if !ctx.link_ready.get() {
            return;
        }
        // An embed keeps `embed=1` in its own address (a reload stays an
        // embed).
        let embed = ctx.embed.then(|| ctx.app.with(|a| a.panel));
        let next = query(ctx, embed);
        if dom::page_query() == next {
            written.set_value(Some(next));
            return;
        }
        // Inside a frame, history is the host page's: never add to it.
        let in_burst = ctx.link_burst.get_untracked();
        let push = written.with_value(Option::is_some) && !in_burst && !ctx.embed;
        dom::set_page_query(&next, push);
        written.set_value(Some(next));
        if !in_burst {
            ctx.link_burst.set(true);
        }
        if let Some(t) = timer.get_value() {
            t.clear();
        }
        let handle = set_timeout_with_handle(move || ctx.link_burst.set(false), BURST).ok();
        timer.set_value(handle);
    });
    window_event_listener(leptos::ev::popstate, move |_| {
        let (recipe, notices) = read();
        ctx.link_notices.set(notices);
        written.set_value(None);
        ctx.link_burst.set(false);
        let current = ctx.info.with_untracked(|i| {
            i.as_ref()
                .map(|i| (i.data_url().map(str::to_string), i.default_compare))
        });
        match current {
            Some((data, default)) if data == recipe.data => {
                ctx.app.update(|a| {
                    a.apply(&recipe, &default);
                });
            }
            _ => {
                // Another dataset: apply the view once it is in.
                let data = recipe.data.clone();
                ctx.recipe.set_value(Some(recipe));
                match data {
                    Some(url) => load::load_remote(ctx, url),
                    None => load::load_bundled(ctx),
                }
            }
        }
    })
}
