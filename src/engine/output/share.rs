//! What the share bar hands out, as text: the address of a view, the
//! panels one can embed (their names and frame heights), the embed snippet
//! and what to say after a copy.

use crate::engine::link::Panel;
use crate::engine::output::embed_code;

/// The absolute address of a view: the page's address without query
/// (`https://example.org/eventlens/`) and the view's query string (no `?`).
pub fn view_address(page: &str, query: &str) -> String {
    if query.is_empty() {
        page.to_string()
    } else {
        format!("{page}?{query}")
    }
}

/// A panel's name in a sentence, as the embed's panel list shows it.
pub fn panel_label(panel: Panel) -> String {
    crate::engine::i18n::tr(&format!("panel-{}", panel.name()), &[])
}

/// A height in pixels for an embed's frame that suits the panel.
pub(crate) fn frame_height(panel: Panel) -> u32 {
    match panel {
        Panel::Timeline => 420,
        Panel::Map => 560,
        Panel::Compare => 520,
        Panel::Breakdown => 480,
        Panel::Table => 600,
        Panel::Counts => 260,
    }
}

/// The panel the embed sheet offers first: the one on show, except the
/// events table (the page's default lower panel, rarely what one embeds).
pub fn first_embed_panel(on_show: Panel) -> Panel {
    match on_show {
        Panel::Table => Panel::Timeline,
        p => p,
    }
}

/// An embed of one panel: the snippet to paste and the address it frames.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Embed {
    pub code: String,
    pub url: String,
}

impl Embed {
    /// The embed of `panel` at `url` (the view's address with `embed=1`),
    /// titled "EventLens: {chart title} · {dataset}" and captioned with the
    /// chart's text summary.
    pub fn new(
        url: String,
        panel: Panel,
        chart_title: &str,
        dataset: &str,
        summary: &str,
    ) -> Embed {
        let title = crate::t!("embed-title", chart = chart_title, dataset = dataset);
        Embed {
            code: embed_code(&url, &title, summary, frame_height(panel)),
            url,
        }
    }
}

/// What the share sheet says after a copy: done, or how to copy by hand.
pub fn copy_status(copied: bool) -> String {
    if copied {
        crate::t!("copy-done")
    } else {
        crate::t!("copy-failed")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_view_address_adds_the_query_only_when_there_is_one() {
        assert_eq!(
            view_address("https://example.org/eventlens/", ""),
            "https://example.org/eventlens/"
        );
        assert_eq!(
            view_address("https://example.org/eventlens/", "type=Battles&bin=week"),
            "https://example.org/eventlens/?type=Battles&bin=week"
        );
    }

    #[test]
    fn every_panel_has_a_label_and_a_frame_height() {
        let labels: Vec<String> = Panel::ALL.into_iter().map(panel_label).collect();
        assert_eq!(
            labels,
            [
                "Timeline",
                "Map",
                "Period comparison",
                "Breakdown",
                "Events table",
                "Headline counts"
            ]
        );
        let heights: Vec<u32> = Panel::ALL.into_iter().map(frame_height).collect();
        assert_eq!(heights, [420, 560, 520, 480, 600, 260]);
        assert_eq!(first_embed_panel(Panel::Table), Panel::Timeline);
        assert_eq!(first_embed_panel(Panel::Map), Panel::Map);
    }

    #[test]
    fn an_embed_frames_its_address_with_the_title_and_summary_escaped() {
        let url = "https://example.org/?embed=1&panel=map".to_string();
        let embed = Embed::new(
            url.clone(),
            Panel::Map,
            "Map of the events",
            "Synthetic <test> data",
            "The map shows 3 events & more.",
        );
        assert_eq!(embed.url, url);
        let code = &embed.code;
        assert!(
            code.contains(r#"src="https://example.org/?embed=1&amp;panel=map""#),
            "{code}"
        );
        assert!(
            code.contains(
                "title=\"EventLens: Map of the events \u{b7} Synthetic &lt;test&gt; data\""
            ),
            "{code}"
        );
        assert!(code.contains("height:560px"), "{code}");
        assert!(
            code.contains(">The map shows 3 events &amp; more.</figcaption>"),
            "{code}"
        );
    }

    #[test]
    fn the_copy_status_says_what_happened() {
        assert_eq!(copy_status(true), "Copied to the clipboard.");
        assert!(copy_status(false).starts_with("This browser did not let the page copy"));
    }
}
