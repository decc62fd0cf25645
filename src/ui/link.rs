//! The view in the address bar. At start the query string is read
//! (`engine::link`; anything unknown or malformed is listed in a notice)
//! and applied once the dataset is loaded, since filters are names. After
//! that every change is written back: a burst of changes (typing,
//! brushing) makes one history entry, written when the burst ends, so Back
//! and Forward step through views, and `popstate` restores the view of the
//! entry.

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

/// A link waiting to be written: writing the address costs the browser
/// tens of milliseconds (and it stops listening after a few hundred writes
/// in ten seconds), so a burst of changes writes it once, when it ends.
struct Pending {
    query: String,
    /// A new history entry, rather than the current one changed.
    push: bool,
    timer: Option<TimeoutHandle>,
}

thread_local! {
    static PENDING: std::cell::RefCell<Option<Pending>> = const { std::cell::RefCell::new(None) };
}

/// Writes the link of the last change now, if it is still waiting (before
/// the address is shown or copied, and when the page is left).
pub fn flush(ctx: Ctx) {
    if let Some(pending) = take_pending() {
        // A burst that came back to where it started adds nothing.
        if dom::page_query() != pending.query {
            dom::set_page_query(&pending.query, pending.push);
        }
        ctx.link_burst.set(false);
    }
}

/// Takes the link waiting to be written, if any, and stops its timer.
fn take_pending() -> Option<Pending> {
    let mut pending = PENDING.with(|p| p.borrow_mut().take())?;
    if let Some(timer) = pending.timer.take() {
        timer.clear();
    }
    Some(pending)
}

/// Keeps the address bar and the view in step (see the module doc). The
/// handles are the page's listeners, to remove with the page.
pub fn keep_in_sync(ctx: Ctx) -> [WindowListenerHandle; 2] {
    // The query of the current history entry as last chosen; `None` until
    // the first write, which only tidies the link the page was opened with.
    let written: StoredValue<Option<String>> = StoredValue::new(None);
    Effect::new(move |_| {
        if !ctx.link_ready.get() {
            return;
        }
        // An embed keeps `embed=1` in its own address (a reload stays an
        // embed).
        let embed = ctx.embed.then(|| ctx.app.with(|a| a.panel));
        let next = query(ctx, embed);
        let before = take_pending();
        if before.is_none() && dom::page_query() == next {
            written.set_value(Some(next));
            return;
        }
        // A burst makes one history entry: pushed when it starts (unless
        // this is the first write), its later changes replace it. Inside a
        // frame, history is the host page's: never add to it.
        let push = before.map_or_else(
            || written.with_value(Option::is_some) && !ctx.embed,
            |p| p.push,
        );
        written.set_value(Some(next.clone()));
        let timer = set_timeout_with_handle(move || flush(ctx), BURST).ok();
        PENDING.with(|p| {
            *p.borrow_mut() = Some(Pending {
                query: next,
                push,
                timer,
            })
        });
        if !ctx.link_burst.get_untracked() {
            ctx.link_burst.set(true);
        }
    });
    let left = window_event_listener(leptos::ev::pagehide, move |_| flush(ctx));
    let back = window_event_listener(leptos::ev::popstate, move |_| {
        // Back or Forward chose another view: the waiting link is dropped.
        take_pending();
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
    });
    [left, back]
}
