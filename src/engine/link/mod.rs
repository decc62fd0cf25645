//! The view as a URL: every filter, the user's actor aliases, the
//! grouping, the comparison periods, chart options and the panel shown,
//! written as query parameters and read back. Reading never fails: unknown or malformed parameters are dropped
//! with a notice, values are length-capped and parsed into typed values.
//!
//! A categorical filter with several values is one parameter holding a
//! comma-separated list, `type=Battles,Riots`. A comma inside a value (place
//! and actor names have them) is percent-encoded as `%2C`, as every other
//! reserved character is, so only a literal comma separates values:
//! `admin2=Bandiagara%2C+cercle,Mopti` is the two values "Bandiagara,
//! cercle" and "Mopti". Repeated keys (`type=Battles&type=Riots`) are read
//! too, and a link with one value per key reads as it always did.

use crate::engine::data::actors::UserAlias;
use crate::engine::data::date::{self, Bin, Day};
use crate::engine::data::dimension::{Category, GroupBy};
use crate::engine::i18n::{self, Lang};
use crate::engine::query::group::busiest_consecutive_years;
use crate::engine::query::group::Period;
use crate::engine::query::map_layer::MapLayer;
use crate::engine::query::table::SortKey;
use crate::engine::query::Measure;
use crate::engine::query::{Filters, Role};
use crate::t;
use serde::Serialize;

pub mod texts;
use std::ops::{Index, IndexMut};
pub use texts::{ChartTexts, TextField};

/// Longest query string read; the rest is ignored with a notice.
pub(crate) const MAX_QUERY_LEN: usize = 8_000;
/// Longest single value (a name, a search); longer ones are dropped.
pub(crate) const MAX_VALUE_LEN: usize = 300;
/// Longest `data=` URL.
pub(crate) const MAX_URL_LEN: usize = 2_000;
/// Most values of one repeated parameter (`type=...&type=...`).
pub(crate) const MAX_VALUES: usize = 50;
/// Between the raw name and the canonical one in `alias=` (names hold
/// "=" and "-" but not this).
pub(crate) const ALIAS_ARROW: &str = "=>";

/// The panel a page (or an embed) shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Hash)]
#[serde(rename_all = "snake_case")]
pub enum Panel {
    #[default]
    Timeline,
    Map,
    Compare,
    Breakdown,
    Table,
    Counts,
}

impl Panel {
    pub const ALL: [Panel; 6] = [
        Panel::Timeline,
        Panel::Map,
        Panel::Compare,
        Panel::Breakdown,
        Panel::Table,
        Panel::Counts,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Panel::Timeline => "timeline",
            Panel::Map => "map",
            Panel::Compare => "compare",
            Panel::Breakdown => "breakdown",
            Panel::Table => "table",
            Panel::Counts => "counts",
        }
    }

    pub fn from_name(name: &str) -> Option<Panel> {
        Panel::ALL.into_iter().find(|p| p.name() == name)
    }
}

/// The texts of every panel.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Hash)]
pub struct PanelTexts([ChartTexts; Panel::ALL.len()]);

impl PanelTexts {
    pub fn is_empty(&self) -> bool {
        self.0.iter().all(ChartTexts::is_empty)
    }

    /// Every panel's texts, in the order of [`Panel::ALL`].
    pub fn iter(&self) -> impl Iterator<Item = (Panel, &ChartTexts)> {
        Panel::ALL.into_iter().zip(&self.0)
    }

    /// Sets one field, cleaned (see [`clean`]); text over the cap is cut
    /// to it (the editor's boxes stop there too).
    pub fn set(&mut self, panel: Panel, field: TextField, text: &str) {
        let cleaned: String = texts::clean(text).chars().take(field.cap()).collect();
        self[panel][field] = cleaned.trim_end().to_string();
    }
}

impl Index<Panel> for PanelTexts {
    type Output = ChartTexts;
    fn index(&self, p: Panel) -> &ChartTexts {
        &self.0[panel_index(p)]
    }
}

impl IndexMut<Panel> for PanelTexts {
    fn index_mut(&mut self, p: Panel) -> &mut ChartTexts {
        &mut self.0[panel_index(p)]
    }
}

fn panel_index(p: Panel) -> usize {
    Panel::ALL.iter().position(|&q| q == p).unwrap_or(0)
}

/// The field and panel a link parameter names: `desc.map`.
fn parse_text_key(key: &str) -> Option<(TextField, Panel)> {
    let (field, panel) = key.split_once('.')?;
    let field = TextField::ALL.into_iter().find(|f| f.key() == field)?;
    Some((field, Panel::from_name(panel)?))
}

/// Period A vs period B, grouped by a dimension.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Hash)]
pub struct CompareSpec {
    pub a: Period,
    pub b: Period,
    pub by: GroupBy,
}

impl CompareSpec {
    /// "Same months in consecutive years": months `first..=last` of `year`
    /// against the same months a year later.
    pub fn consecutive_years(year: i32, first: u32, last: u32, by: GroupBy) -> Option<Self> {
        Some(CompareSpec {
            a: Period::months(year, first, last)?,
            b: Period::months(year + 1, first, last)?,
            by,
        })
    }

    /// The rainy season (June to September) of the two consecutive years
    /// with most events in it (else the last two years), by event type:
    /// what a page compares until told otherwise.
    pub fn default_for(dates: &[Day]) -> Self {
        let last = dates.iter().copied().max();
        let year = busiest_consecutive_years(dates, 6, 9)
            .unwrap_or_else(|| last.map_or(2021, |d| date::year_of(d) - 1));
        Self::consecutive_years(year, 6, 9, GroupBy::Category(Category::EventType)).unwrap_or(
            CompareSpec {
                a: Period { from: 0, to: 0 },
                b: Period { from: 0, to: 0 },
                by: GroupBy::Category(Category::EventType),
            },
        )
    }
}

/// Everything a link reproduces.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Hash)]
pub struct ViewState {
    /// A CSV to load instead of the bundled dataset (`?data=URL`).
    pub data: Option<String>,
    pub filters: Filters,
    /// Raw actor names the user folded into canonical actors of their own
    /// (`alias=RAW=>CANONICAL`).
    pub aliases: Vec<UserAlias>,
    pub bin: Bin,
    pub measure: Measure,
    /// Dimension of the breakdown panel (actor, admin1, event type...).
    pub breakdown: Option<GroupBy>,
    pub compare: Option<CompareSpec>,
    pub panel: Panel,
    /// How the map shows the events (`maplayer=`).
    pub map_layer: MapLayer,
    /// Show one panel without the app's chrome.
    pub embed: bool,
    /// The user's title, description, notes and source line per chart.
    pub texts: PanelTexts,
    /// The interface's language (`lang=fr`), when the link names one.
    pub lang: Option<Lang>,
}

impl ViewState {
    /// The query string, without the leading `?`; parameters at their
    /// default are left out so links stay short.
    pub fn to_query(&self) -> String {
        let mut q = QueryWriter::default();
        if let Some(data) = &self.data {
            q.pair("data", data);
        }
        let f = &self.filters;
        if let Some(from) = f.from {
            q.pair("from", &date::format_iso(from));
        }
        if let Some(to) = f.to {
            q.pair("to", &date::format_iso(to));
        }
        if let Some((a, b)) = f.months {
            q.pair("months", &format!("{a}-{b}"));
        }
        for (c, values) in f.categories.iter() {
            if !values.is_empty() {
                q.list(c.url_key(), values);
            }
        }
        if let Some(actor) = &f.actor {
            q.pair("actor", actor);
        }
        if f.role != Role::Any {
            q.pair("role", f.role.name());
        }
        if let Some(with) = &f.alongside {
            q.pair("with", with);
        }
        if f.uncertain {
            q.pair("uncertain", "1");
        }
        for alias in &self.aliases {
            q.pair(
                "alias",
                &format!("{}{ALIAS_ARROW}{}", alias.raw, alias.canonical),
            );
        }
        if let Some(n) = f.fatalities_min {
            q.pair("fmin", &n.to_string());
        }
        if let Some(n) = f.fatalities_max {
            q.pair("fmax", &n.to_string());
        }
        if let Some(civ) = f.civilian_targeting {
            q.pair("civ", if civ { "1" } else { "0" });
        }
        if let Some(text) = &f.text {
            q.pair("q", text);
        }
        if self.bin != Bin::default() {
            q.pair("bin", self.bin.name());
        }
        if self.measure != Measure::default() {
            q.pair("measure", self.measure.name());
        }
        if let Some(by) = self.breakdown {
            q.pair("by", by.name());
        }
        if let Some(c) = &self.compare {
            q.pair("ca", &period_text(&c.a));
            q.pair("cb", &period_text(&c.b));
            q.pair("cby", c.by.name());
        }
        if self.panel != Panel::default() {
            q.pair("panel", self.panel.name());
        }
        if self.map_layer != MapLayer::default() {
            q.pair("maplayer", self.map_layer.name());
        }
        if self.embed {
            q.pair("embed", "1");
        }
        if let Some(lang) = self.lang {
            q.pair("lang", lang.code());
        }
        for (panel, texts) in self.texts.iter() {
            for field in TextField::ALL {
                if !texts[field].is_empty() {
                    q.pair(&format!("{}.{}", field.key(), panel.name()), &texts[field]);
                }
            }
        }
        q.0
    }

    /// Reads a query string (with or without `?`). Returns the state and a
    /// notice for each parameter that was ignored.
    pub fn from_query(query: &str) -> (ViewState, Vec<String>) {
        let mut notices = Vec::new();
        let mut query = query.strip_prefix('?').unwrap_or(query);
        if query.len() > MAX_QUERY_LEN {
            notices.push(t!("link-too-long", max = MAX_QUERY_LEN.to_string()));
            let mut cut = MAX_QUERY_LEN;
            while !query.is_char_boundary(cut) {
                cut -= 1;
            }
            query = &query[..cut];
        }
        let mut state = ViewState::default();
        let mut ca = None;
        let mut cb = None;
        let mut cby = None;
        for piece in query.split('&').filter(|p| !p.is_empty()) {
            let (raw_key, raw_value) = piece.split_once('=').unwrap_or((piece, ""));
            let key = decode(raw_key);
            let key = key.as_str();
            if let Some(c) = Category::from_url_key(key) {
                let list = &mut state.filters.categories[c];
                let mut read = 0;
                for part in raw_value.split(',') {
                    let value = decode(part);
                    let value = value.trim();
                    let mut bad = |why: String| notices.push(ignored(key, value, why));
                    if value.is_empty() {
                        continue; // "type=Battles," is one value
                    }
                    read += 1;
                    if value.chars().count() > MAX_VALUE_LEN {
                        bad(t!("link-why-value-long", max = MAX_VALUE_LEN.to_string()));
                    } else if list.len() >= MAX_VALUES {
                        bad(t!("link-why-too-many-values"));
                    } else if !list.iter().any(|v| v == value) {
                        list.push(value.to_string());
                    }
                }
                if read == 0 {
                    notices.push(t!("link-ignored-empty", key = shorten(key)));
                }
                continue;
            }
            let value = decode(raw_value);
            let value = value.trim();
            let text_key = parse_text_key(key);
            let cap = if key == "data" {
                MAX_URL_LEN
            } else if let Some((field, _)) = text_key {
                field.cap()
            } else {
                MAX_VALUE_LEN
            };
            if value.chars().count() > cap {
                notices.push(t!(
                    "link-ignored-long",
                    key = shorten(key),
                    max = cap.to_string()
                ));
                continue;
            }
            let mut bad = |why: String| notices.push(ignored(key, value, why));
            if let Some((field, panel)) = text_key {
                state.texts.set(panel, field, value);
                continue;
            }
            let f = &mut state.filters;
            match key {
                "data" => match data_address(value) {
                    Some(address) => state.data = Some(address),
                    None => bad(t!("link-why-data", key = key)),
                },
                "from" | "to" => match date::parse_iso(value) {
                    Some(d) if key == "from" => f.from = Some(d),
                    Some(d) => f.to = Some(d),
                    None => bad(t!("link-why-dates")),
                },
                "months" => match parse_months(value) {
                    Some(m) => f.months = Some(m),
                    None => bad(t!("link-why-months")),
                },
                "actor" if !value.is_empty() => f.actor = Some(value.to_string()),
                "with" if !value.is_empty() => f.alongside = Some(value.to_string()),
                "q" if !value.is_empty() => f.text = Some(value.to_string()),
                "role" => match Role::from_name(value) {
                    Some(r) => f.role = r,
                    None => bad(one_of(
                        key,
                        &[
                            "any", "actor1", "actor2", "assoc1", "assoc2", "side1", "side2",
                        ],
                    )),
                },
                "fmin" | "fmax" => match value.parse::<u32>() {
                    Ok(n) if key == "fmin" => f.fatalities_min = Some(n),
                    Ok(n) => f.fatalities_max = Some(n),
                    Err(_) => bad(t!("link-why-fatalities")),
                },
                "uncertain" => match value {
                    "1" => f.uncertain = true,
                    "0" => f.uncertain = false,
                    _ => bad(one_of(key, &["1", "0"])),
                },
                "alias" => match value.split_once(ALIAS_ARROW) {
                    _ if state.aliases.len() >= MAX_VALUES => bad(t!("link-why-too-many-aliases")),
                    Some((raw, canonical)) => match UserAlias::new(raw, canonical) {
                        Some(alias) => {
                            // A later alias of the same name replaces it.
                            state.aliases.retain(|a| a.raw != alias.raw);
                            state.aliases.push(alias);
                        }
                        None => bad(t!("link-why-alias-names")),
                    },
                    None => bad(t!("link-why-alias-form")),
                },
                "civ" => match value {
                    "1" => f.civilian_targeting = Some(true),
                    "0" => f.civilian_targeting = Some(false),
                    _ => bad(one_of(key, &["1", "0"])),
                },
                "bin" => match Bin::from_name(value) {
                    Some(b) => state.bin = b,
                    None => bad(one_of(key, &["day", "week", "month", "quarter", "year"])),
                },
                "measure" => match value {
                    "events" => state.measure = Measure::Events,
                    "fatalities" => state.measure = Measure::Fatalities,
                    _ => bad(one_of(key, &["events", "fatalities"])),
                },
                "by" => match GroupBy::from_name(value) {
                    Some(g) => state.breakdown = Some(g),
                    None => bad(t!("link-why-group")),
                },
                "ca" | "cb" => match parse_period(value) {
                    Some(p) if key == "ca" => ca = Some(p),
                    Some(p) => cb = Some(p),
                    None => bad(t!("link-why-period")),
                },
                "cby" => match GroupBy::from_name(value) {
                    Some(g) => cby = Some(g),
                    None => bad(t!("link-why-group")),
                },
                "panel" => match Panel::from_name(value) {
                    Some(p) => state.panel = p,
                    None => bad(one_of(
                        key,
                        &["timeline", "map", "compare", "breakdown", "table", "counts"],
                    )),
                },
                "maplayer" => match MapLayer::from_name(value) {
                    Some(l) => state.map_layer = l,
                    None => bad(one_of(key, &["auto", "points", "regions", "density"])),
                },
                "embed" => state.embed = value == "1" || value == "true",
                "lang" => match Lang::parse(value) {
                    Some(l) => state.lang = Some(l),
                    None => bad(one_of(
                        key,
                        &Lang::all().map(Lang::code).collect::<Vec<_>>(),
                    )),
                },
                "actor" | "with" | "q" => {}
                _ => notices.push(t!("link-unknown", key = shorten(key))),
            }
        }
        if let (Some(from), Some(to)) = (state.filters.from, state.filters.to) {
            if from > to {
                notices.push(t!("link-dates-swapped"));
                state.filters.from = Some(to);
                state.filters.to = Some(from);
            }
        }
        match (ca, cb) {
            (Some(a), Some(b)) => {
                state.compare = Some(CompareSpec {
                    a,
                    b,
                    by: cby.unwrap_or(GroupBy::Category(Category::EventType)),
                })
            }
            (None, None) => {}
            _ => notices.push(t!("link-compare-half")),
        }
        (state, notices)
    }
}

/// The view as a page holds it: a [`ViewState`] with every choice made (a
/// comparison and a breakdown dimension always exist, the comparison's
/// default depending on the dataset), plus the table's sort order, which
/// links do not carry.
#[derive(Clone, Debug, PartialEq)]
pub struct PageState {
    pub filters: Filters,
    /// The user's own actor aliases, applied to every dataset loaded.
    pub aliases: Vec<UserAlias>,
    pub bin: Bin,
    pub measure: Measure,
    /// Dimension of the breakdown chart, its exports and its embed.
    pub breakdown: GroupBy,
    pub compare: CompareSpec,
    pub panel: Panel,
    pub map_layer: MapLayer,
    /// `None`: file order.
    pub sort: Option<SortKey>,
    /// The user's title, description, notes and source line per chart.
    pub texts: PanelTexts,
}

impl Default for PageState {
    fn default() -> Self {
        PageState {
            filters: Filters::default(),
            aliases: Vec::new(),
            bin: Bin::Month,
            measure: Measure::Events,
            breakdown: GroupBy::Category(Category::EventType),
            compare: CompareSpec::default_for(&[]),
            panel: Panel::default(),
            map_layer: MapLayer::default(),
            sort: None,
            texts: PanelTexts::default(),
        }
    }
}

impl PageState {
    /// The link for this view. `data` is the `?data=` address of the
    /// dataset (`None` for the bundled one); `default_compare` the
    /// dataset's default comparison, left out of the link unless the
    /// comparison differs from it or is on show.
    pub fn recipe(
        &self,
        data: Option<&str>,
        default_compare: &CompareSpec,
        embed: bool,
    ) -> ViewState {
        ViewState {
            data: data.map(str::to_string),
            filters: self.filters.clone(),
            aliases: self.aliases.clone(),
            bin: self.bin,
            measure: self.measure,
            breakdown: (self.breakdown != GroupBy::Category(Category::EventType))
                .then_some(self.breakdown),
            compare: (self.compare != *default_compare || self.panel == Panel::Compare)
                .then_some(self.compare),
            panel: self.panel,
            map_layer: self.map_layer,
            embed,
            texts: self.texts.clone(),
            // English is the default: a link names any other language.
            lang: Some(i18n::current()).filter(|l| *l != Lang::EN),
        }
    }

    /// Takes the view a link describes (the table's sort order stays).
    /// Returns a notice for each part that cannot apply.
    pub fn apply(&mut self, recipe: &ViewState, default_compare: &CompareSpec) -> Vec<String> {
        let mut notices = Vec::new();
        self.filters = recipe.filters.clone();
        self.aliases = recipe.aliases.clone();
        self.bin = recipe.bin;
        self.measure = recipe.measure;
        self.breakdown = match recipe.breakdown {
            None => GroupBy::Category(Category::EventType),
            Some(by) if by.bin().is_none() => by,
            Some(by) => {
                notices.push(t!(
                    "link-ignored",
                    key = "by",
                    value = by.name(),
                    why = t!(
                        "link-why-breakdown",
                        values = list_or(&[
                            "event_type",
                            "actor",
                            "admin1",
                            "admin2",
                            "country",
                            "sub_event_type",
                            "disorder_type"
                        ])
                    )
                ));
                GroupBy::Category(Category::EventType)
            }
        };
        self.compare = recipe.compare.unwrap_or(*default_compare);
        self.panel = recipe.panel;
        self.map_layer = recipe.map_layer;
        self.texts = recipe.texts.clone();
        notices
    }
}

/// A `data=` value the page may fetch: an absolute `http(s)://` address
/// with a host, or a path on this site. Anything a browser's URL parser
/// would read differently from how it looks is refused: control characters
/// and tabs (the parser drops them, so `da\tta:` is `data:`), backslashes
/// (read as slashes, so `/\host` is another site), spaces, a scheme other
/// than http(s), and `//host` addresses.
pub(crate) fn data_address(value: &str) -> Option<String> {
    if value.is_empty()
        || value
            .chars()
            .any(|c| c.is_control() || c.is_whitespace() || c == '\\')
    {
        return None;
    }
    let scheme_end = value.find(':');
    let path_start = value.find(['/', '?', '#']).unwrap_or(value.len());
    match scheme_end {
        Some(colon) if colon < path_start => {
            let scheme = value[..colon].to_ascii_lowercase();
            let rest = value[colon + 1..].strip_prefix("//")?;
            let host = rest.split(['/', '?', '#']).next().unwrap_or("");
            let ok = (scheme == "http" || scheme == "https") && !host.is_empty();
            ok.then(|| value.to_string())
        }
        _ if value.starts_with("//") => None,
        _ => Some(value.to_string()),
    }
}

/// A query string being written: `key=value` pairs joined by `&`, each
/// part form-urlencoded (so a comma in a value is `%2C`).
#[derive(Default)]
struct QueryWriter(String);

impl QueryWriter {
    fn pair(&mut self, key: &str, value: &str) {
        self.list(key, &[value]);
    }

    /// `key=a,b,c`: the values' own commas are encoded, the separators not.
    fn list<S: AsRef<str>>(&mut self, key: &str, values: &[S]) {
        if !self.0.is_empty() {
            self.0.push('&');
        }
        self.0
            .extend(form_urlencoded::byte_serialize(key.as_bytes()));
        self.0.push('=');
        for (i, v) in values.iter().enumerate() {
            if i > 0 {
                self.0.push(',');
            }
            self.0
                .extend(form_urlencoded::byte_serialize(v.as_ref().as_bytes()));
        }
    }
}

/// One form-urlencoded part (`+` is a space, `%XX` a byte), read as UTF-8
/// with invalid bytes replaced, as browsers do.
fn decode(raw: &str) -> String {
    let plus_as_space = raw.replace('+', " ");
    percent_encoding::percent_decode_str(&plus_as_space)
        .decode_utf8_lossy()
        .into_owned()
}

/// "`key` is a, b or c.": the values a parameter takes (words of the
/// link, the same in every language).
fn one_of(key: &str, values: &[&str]) -> String {
    t!("link-why-one-of", key = key, values = list_or(values))
}

/// "a, b or c", in the page's language.
fn list_or(values: &[&str]) -> String {
    match values.split_last() {
        Some((last, rest)) if !rest.is_empty() => {
            t!("list-or", first = rest.join(", "), last = *last)
        }
        _ => values.join(""),
    }
}

/// "key=value is ignored: why", for the link's notices.
fn ignored(key: &str, value: &str, why: String) -> String {
    t!(
        "link-ignored",
        key = shorten(key),
        value = shorten(value),
        why = why
    )
}

fn shorten(text: &str) -> String {
    let mut out: String = text.chars().take(40).collect();
    if text.chars().count() > 40 {
        out.push('…');
    }
    out
}

fn period_text(p: &Period) -> String {
    format!("{}..{}", date::format_iso(p.from), date::format_iso(p.to))
}

fn parse_period(text: &str) -> Option<Period> {
    let (a, b) = text.split_once("..")?;
    let (from, to) = (date::parse_iso(a)?, date::parse_iso(b)?);
    (from <= to).then_some(Period { from, to })
}

/// Several values typed as one, outside a URL (the command line):
/// separated by commas, a value's own comma written `%2C` as in a link.
/// `"Battles, Riots"` -> `["Battles", "Riots"]`.
pub fn split_list(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for part in text.split(',') {
        let value = part.replace("%2C", ",").replace("%2c", ",");
        let value = value.trim();
        if !value.is_empty() && !out.iter().any(|v| v == value) {
            out.push(value.to_string());
        }
    }
    out
}

/// `6-9` -> (6, 9); `7` -> (7, 7).
pub fn parse_months(text: &str) -> Option<(u8, u8)> {
    let (a, b) = text.split_once('-').unwrap_or((text, text));
    let a: u8 = a.trim().parse().ok()?;
    let b: u8 = b.trim().parse().ok()?;
    ((1..=12).contains(&a) && (1..=12).contains(&b)).then_some((a, b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::data::dimension::{Category, CategoryMap, GroupBy};
    use crate::engine::synthetic::Rng;

    fn sample() -> ViewState {
        ViewState {
            data: Some("https://example.org/events.csv".into()),
            filters: Filters {
                from: date::from_ymd(2021, 6, 1),
                to: date::from_ymd(2022, 9, 30),
                months: Some((6, 9)),
                categories: CategoryMap::default()
                    .with(Category::Country, vec!["Mali".into()])
                    .with(Category::Admin1, vec!["Mopti".into(), "Ségou & Co".into()])
                    .with(
                        Category::EventType,
                        vec!["Violence against civilians".into()],
                    ),
                actor: Some("Wagner Group / Africa Corps".into()),
                role: Role::Side1,
                alongside: Some("Malian state forces".into()),
                uncertain: true,
                fatalities_min: Some(1),
                civilian_targeting: Some(true),
                text: Some("menaka=a&b".into()),
                ..Filters::default()
            },
            aliases: vec![
                UserAlias::new("Katiba Serma", "JNIM").unwrap(),
                UserAlias::new("Ansarul Islam & co = x", "Jihadist groups").unwrap(),
            ],
            bin: Bin::Week,
            measure: Measure::Fatalities,
            breakdown: Some(GroupBy::Category(Category::Admin1)),
            compare: Some(CompareSpec {
                a: Period::months(2021, 6, 9).unwrap(),
                b: Period::months(2022, 6, 9).unwrap(),
                by: GroupBy::Category(Category::EventType),
            }),
            panel: Panel::Compare,
            map_layer: MapLayer::Regions,
            embed: true,
            texts: PanelTexts::default(),
            lang: Lang::parse("fr"),
        }
    }

    #[test]
    fn the_map_layer_is_kept_in_the_link_and_checked() {
        let (state, notices) = ViewState::from_query("maplayer=density");
        assert_eq!(state.map_layer, MapLayer::Density);
        assert!(notices.is_empty());
        assert_eq!(state.to_query(), "maplayer=density");
        let (state, notices) = ViewState::from_query("maplayer=heatmap");
        assert_eq!(state.map_layer, MapLayer::Auto);
        assert_eq!(
            notices,
            vec![
                "Ignored maplayer=heatmap: maplayer is auto, points, regions or density."
                    .to_string()
            ]
        );
        // The default is left out of the link.
        assert_eq!(ViewState::from_query("maplayer=auto").0.to_query(), "");
        let mut page = PageState::default();
        let (recipe, _) = ViewState::from_query("maplayer=regions");
        page.apply(&recipe, &CompareSpec::default_for(&[]));
        assert_eq!(page.map_layer, MapLayer::Regions);
        assert_eq!(
            page.recipe(None, &CompareSpec::default_for(&[]), false)
                .map_layer,
            MapLayer::Regions
        );
    }

    #[test]
    fn round_trip() {
        let state = sample();
        let (back, notices) = ViewState::from_query(&state.to_query());
        assert_eq!(back, state);
        assert!(notices.is_empty(), "{notices:?}");
        let (default, notices) = ViewState::from_query("");
        assert_eq!(default, ViewState::default());
        assert!(notices.is_empty());
        assert_eq!(ViewState::default().to_query(), "");
    }

    #[test]
    fn the_language_is_read_from_the_link_and_kept() {
        let (state, notices) = ViewState::from_query("lang=fr&embed=1");
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(state.lang.map(Lang::code), Some("fr"));
        assert!(state.to_query().contains("lang=fr"));
        let (state, notices) = ViewState::from_query("lang=xx");
        assert_eq!(state.lang, None);
        assert_eq!(notices.len(), 1, "{notices:?}");
        // A permalink names the language the page is in, unless English.
        let page = PageState::default();
        let compare = CompareSpec::default_for(&[]);
        assert_eq!(page.recipe(None, &compare, false).lang, None);
        let french = i18n::with_lang(Lang::parse("fr").unwrap(), || {
            page.recipe(None, &compare, true).to_query()
        });
        assert_eq!(french, "embed=1&lang=fr");
    }

    #[test]
    fn bad_parameters_are_dropped_with_a_notice() {
        let (state, notices) = ViewState::from_query(
            "?from=yesterday&to=2022-01-01&months=13-2&fmin=-3&bin=century&panel=<script>&zzz=1&data=javascript:alert(1)&type=Battles",
        );
        assert_eq!(state.filters.to, date::from_ymd(2022, 1, 1));
        assert_eq!(state.filters.from, None);
        assert_eq!(
            state.filters.categories[Category::EventType],
            vec!["Battles".to_string()]
        );
        assert_eq!(state.data, None);
        assert_eq!(notices.len(), 7, "{notices:?}");
        assert!(notices.iter().any(|n| n.contains("YYYY-MM-DD")));
        assert!(notices
            .iter()
            .any(|n| n.contains("unknown parameter \"zzz\"")));
    }

    #[test]
    fn notices_are_written_in_the_page_language() {
        let fr = Lang::parse("fr").unwrap();
        let (_, notices) = i18n::with_lang(fr, || {
            ViewState::from_query("maplayer=heatmap&zzz=1&from=2023-01-01&to=2022-01-01")
        });
        assert_eq!(
            notices,
            vec![
                "Paramètre maplayer=heatmap ignoré\u{a0}: maplayer vaut auto, points, regions \
                 ou density."
                    .to_string(),
                "Paramètre inconnu \u{ab}\u{a0}zzz\u{a0}\u{bb} ignoré.".to_string(),
                "La date de début était après la date de fin\u{202f}; elles ont été \
                 interverties."
                    .to_string(),
            ]
        );
    }

    #[test]
    fn caps_lengths_and_swaps_reversed_dates() {
        let long = "x".repeat(MAX_VALUE_LEN + 1);
        let (state, notices) =
            ViewState::from_query(&format!("actor={long}&from=2023-01-01&to=2022-01-01"));
        assert_eq!(state.filters.actor, None);
        assert_eq!(state.filters.from, date::from_ymd(2022, 1, 1));
        assert_eq!(notices.len(), 2);
        let (_, notices) = ViewState::from_query(&"type=a&".repeat(5000));
        assert!(notices.iter().any(|n| n.contains("longer than")));
    }

    #[test]
    fn aliases_and_uncertain_attributions_in_the_link() {
        let (state, notices) = ViewState::from_query(
            "alias=Katiba+Serma%3D%3EJNIM&alias=Katiba+Serma%3D%3EMacina+group&uncertain=1&alias=no+arrow&alias=%3D%3EJNIM&uncertain=yes",
        );
        assert!(state.filters.uncertain);
        // The later alias of a name replaces the earlier one.
        assert_eq!(
            state.aliases,
            vec![UserAlias::new("Katiba Serma", "Macina group").unwrap()]
        );
        assert_eq!(notices.len(), 3, "{notices:?}");
        assert!(notices.iter().any(|n| n.contains("RAW=>CANONICAL")));
        assert!(notices.iter().any(|n| n.contains("both names")));
        assert!(notices.iter().any(|n| n.contains("uncertain is 1 or 0")));
        let link = state.to_query();
        assert_eq!(link, "uncertain=1&alias=Katiba+Serma%3D%3EMacina+group");
        // Values are capped like the others, and so is their number.
        let long = format!("alias={}%3D%3EX", "y".repeat(MAX_VALUE_LEN));
        let (state, notices) = ViewState::from_query(&long);
        assert!(state.aliases.is_empty());
        assert_eq!(notices.len(), 1);
        let many: Vec<String> = (0..MAX_VALUES + 5)
            .map(|i| format!("alias=a{i}%3D%3Eb"))
            .collect();
        let (state, notices) = ViewState::from_query(&many.join("&"));
        assert_eq!(state.aliases.len(), MAX_VALUES);
        assert_eq!(notices.len(), 5);
        // The page keeps the aliases when it takes a link's view.
        let mut page = PageState::default();
        page.apply(&state, &CompareSpec::default_for(&[]));
        assert_eq!(page.aliases, state.aliases);
        let back = page.recipe(None, &CompareSpec::default_for(&[]), false);
        assert_eq!(back.aliases, state.aliases);
    }

    #[test]
    fn random_query_strings_never_panic() {
        let mut rng = Rng::new(3);
        let pieces = [
            "from",
            "to",
            "=",
            "&",
            "%",
            "%ZZ",
            "%E2%82",
            "..",
            "2022-01-01",
            "months",
            "6-9",
            "ca",
            "cb",
            "é",
            "\u{0}",
            "?",
            "+",
            "embed",
            "1",
        ];
        for _ in 0..5_000 {
            let n = rng.below(20);
            let q: String = (0..n)
                .map(|_| pieces[rng.below(pieces.len() as u64) as usize])
                .collect();
            let (state, _) = ViewState::from_query(&q);
            let (again, _) = ViewState::from_query(&state.to_query());
            assert_eq!(again, state, "{q:?}");
        }
    }

    /// Issue 12: `type=Battles,Riots` showed 0 events (read as one value).
    #[test]
    fn several_values_per_filter_in_one_parameter() {
        let battles_riots = vec!["Battles".to_string(), "Riots".to_string()];
        for query in [
            "type=Battles,Riots",
            "type=Battles&type=Riots",
            "type=Battles,&type=Riots,Battles",
            "type=+Battles+,Riots",
        ] {
            let (state, notices) = ViewState::from_query(query);
            assert_eq!(
                state.filters.categories[Category::EventType],
                battles_riots,
                "{query}"
            );
            assert!(notices.is_empty(), "{query}: {notices:?}");
        }
        let (state, _) = ViewState::from_query("type=Battles,Riots");
        assert_eq!(state.to_query(), "type=Battles,Riots");
        // A value's own comma is %2C; a literal comma separates values.
        let (state, notices) = ViewState::from_query("admin2=Bandiagara%2C+cercle,Mopti");
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(
            state.filters.categories[Category::Admin2],
            vec!["Bandiagara, cercle".to_string(), "Mopti".to_string()]
        );
        assert_eq!(state.to_query(), "admin2=Bandiagara%2C+cercle,Mopti");
        // Nothing but commas is an empty value.
        let (state, notices) = ViewState::from_query("type=,,");
        assert!(state.filters.is_empty());
        assert_eq!(notices.len(), 1, "{notices:?}");
        // The cap on values counts those of a list.
        let many: Vec<String> = (0..MAX_VALUES + 3).map(|i| format!("v{i}")).collect();
        let (state, notices) = ViewState::from_query(&format!("country={}", many.join(",")));
        assert_eq!(
            state.filters.categories[Category::Country].len(),
            MAX_VALUES
        );
        assert_eq!(notices.len(), 3);
    }

    #[test]
    fn typed_lists_split_on_commas_only() {
        assert_eq!(split_list("Battles, Riots,,"), ["Battles", "Riots"]);
        assert_eq!(
            split_list("Bandiagara%2C cercle,Mopti,Mopti"),
            ["Bandiagara, cercle", "Mopti"]
        );
        assert!(split_list(" , ").is_empty());
    }

    #[test]
    fn every_value_round_trips_through_the_link() {
        let awkward = [
            "Battles",
            "Bandiagara, cercle",
            ",",
            "Ségou & Co",
            "São Tomé and Príncipe",
            "Côte d'Ivoire",
            "Explosions/Remote violence",
            "a+b=c",
            "50% %2C done",
            "Tombouctou ,x",
            "جاو",
            "two  spaces",
        ];
        for (i, c) in Category::ALL.into_iter().enumerate() {
            // Every value alone, and all of them in one list, rotated so
            // each takes every position.
            let mut list: Vec<String> = awkward.iter().map(|v| v.to_string()).collect();
            list.rotate_left(i % awkward.len());
            let mut cases: Vec<Vec<String>> = list.iter().map(|v| vec![v.clone()]).collect();
            cases.push(list);
            for values in cases {
                let state = ViewState {
                    filters: Filters {
                        categories: CategoryMap::default().with(c, values.clone()),
                        ..Filters::default()
                    },
                    ..ViewState::default()
                };
                let query = state.to_query();
                assert_eq!(
                    query.matches(',').count(),
                    values.len() - 1,
                    "only separators are literal commas: {query}"
                );
                let (back, notices) = ViewState::from_query(&query);
                assert!(notices.is_empty(), "{query}: {notices:?}");
                assert_eq!(back.filters.categories[c], values, "{query}");
            }
        }
    }

    #[test]
    fn random_lists_of_values_round_trip() {
        let mut rng = Rng::new(12);
        let pieces = [
            "a", ",", "%", "%2C", "+", " ", "é", "&", "=", "Ségou", ";", "%ZZ",
        ];
        for _ in 0..3_000 {
            let values: Vec<String> = (0..1 + rng.below(4))
                .map(|_| {
                    let n = 1 + rng.below(6);
                    let v: String = (0..n)
                        .map(|_| pieces[rng.below(pieces.len() as u64) as usize])
                        .collect();
                    v.trim().to_string()
                })
                .filter(|v| !v.is_empty())
                .fold(Vec::new(), |mut out, v| {
                    if !out.contains(&v) {
                        out.push(v);
                    }
                    out
                });
            let mut state = ViewState::default();
            state.filters.categories[Category::SubEventType] = values.clone();
            let (back, notices) = ViewState::from_query(&state.to_query());
            assert!(notices.is_empty(), "{values:?}: {notices:?}");
            assert_eq!(back, state, "{values:?}");
        }
    }

    #[test]
    fn page_state_round_trips_through_a_link() {
        let dates = [
            date::from_ymd(2021, 7, 1).unwrap(),
            date::from_ymd(2022, 8, 1).unwrap(),
        ];
        let default = CompareSpec::default_for(&dates);
        assert_eq!(default.a, Period::months(2021, 6, 9).unwrap());
        let mut page = PageState {
            compare: default,
            ..PageState::default()
        };
        // At its defaults the page writes an empty link.
        assert_eq!(page.recipe(None, &default, false).to_query(), "");

        page.filters.categories[Category::Country] = vec!["Mali".into()];
        page.measure = Measure::Fatalities;
        page.breakdown = GroupBy::Category(Category::Admin1);
        page.panel = Panel::Map;
        let link = page.recipe(Some("data/x.csv"), &default, false).to_query();
        assert!(
            !link.contains("ca="),
            "the default comparison is left out: {link}"
        );
        let (recipe, notices) = ViewState::from_query(&link);
        assert!(notices.is_empty());
        let mut back = PageState::default();
        assert!(back.apply(&recipe, &default).is_empty());
        assert_eq!(back, page);
        assert_eq!(recipe.data.as_deref(), Some("data/x.csv"));

        // A comparison on show is always written, so an embed of it does
        // not depend on the dataset's default.
        page.panel = Panel::Compare;
        let link = page.recipe(None, &default, true).to_query();
        assert!(link.contains("ca=2021-06-01..2021-09-30"), "{link}");
        assert!(link.contains("embed=1"));
        let (recipe, _) = ViewState::from_query(&link);
        let mut back = PageState::default();
        back.apply(&recipe, &CompareSpec::default_for(&[]));
        assert_eq!(back.compare, default);
        assert!(recipe.embed);

        // A changed comparison is written whatever the panel.
        page.panel = Panel::Table;
        page.compare.by = GroupBy::Actor;
        let link = page.recipe(None, &default, false).to_query();
        assert!(link.contains("cby=actor"), "{link}");
    }

    #[test]
    fn chart_texts_round_trip_as_plain_text() {
        let mut state = ViewState::default();
        let hostile = "<script>alert(\"x\")</script> & <b>bold</b> %20 + = # ?a=b&c";
        state
            .texts
            .set(Panel::Timeline, TextField::Title, "Attacks in Mopti, 2022");
        state
            .texts
            .set(Panel::Timeline, TextField::Description, hostile);
        state
            .texts
            .set(Panel::Map, TextField::Notes, "Ségou — 東京 ✓ \u{1F600}");
        state
            .texts
            .set(Panel::Breakdown, TextField::Source, "ACLED; CTC Sentinel");
        let link = state.to_query();
        assert!(
            link.contains("title.timeline=Attacks+in+Mopti%2C+2022"),
            "{link}"
        );
        assert!(!link.contains('<'), "{link}");
        let (back, notices) = ViewState::from_query(&link);
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(back, state);
        // Markup is kept as typed: it is text, escaped where it is shown.
        assert_eq!(back.texts[Panel::Timeline].description, hostile);
        assert_eq!(back.texts[Panel::Map].notes, "Ségou — 東京 ✓ \u{1F600}");

        // The page keeps them, and writes them back.
        let mut page = PageState::default();
        page.apply(&back, &CompareSpec::default_for(&[]));
        assert_eq!(page.texts, state.texts);
        let again = page.recipe(None, &CompareSpec::default_for(&[]), true);
        assert_eq!(again.texts, state.texts);
    }

    #[test]
    fn chart_texts_drop_control_characters_and_overlong_values() {
        // Line breaks, tabs, NUL, escape and a right-to-left override are
        // not kept: each run of them is one space.
        let (state, notices) = ViewState::from_query(
            "title.map=a%0Ab%09%09c%00d%1B[31me%E2%80%AEf&desc.map=%0A%0A&notes.nowhere=x&subtitle.map=y",
        );
        assert_eq!(state.texts[Panel::Map].title, "a b c d [31me f");
        assert_eq!(state.texts[Panel::Map].description, "");
        // An unknown panel or field is an unknown parameter.
        assert_eq!(notices.len(), 2, "{notices:?}");
        // Each field has its cap: a title of 200 characters is kept, one
        // of 201 dropped with a notice; a description may have 500.
        let at = |n: usize, key: &str| {
            let value = "é".repeat(n);
            ViewState::from_query(&format!("{key}={value}"))
        };
        let (state, notices) = at(200, "title.timeline");
        assert_eq!(state.texts[Panel::Timeline].title.chars().count(), 200);
        assert!(notices.is_empty());
        let (state, notices) = at(201, "title.timeline");
        assert!(state.texts.is_empty());
        assert_eq!(notices.len(), 1);
        assert!(notices[0].contains("200"), "{notices:?}");
        let (state, notices) = at(500, "desc.compare");
        assert_eq!(state.texts[Panel::Compare].description.chars().count(), 500);
        assert!(notices.is_empty());
        let (_, notices) = at(501, "notes.compare");
        assert_eq!(notices.len(), 1);
        // Setting from the editor cuts at the cap instead.
        let mut texts = PanelTexts::default();
        texts.set(Panel::Table, TextField::Source, &"s".repeat(1_000));
        assert_eq!(texts[Panel::Table].source.len(), 200);
        assert_eq!(texts::clean("  a \u{2066}b\u{2069}  "), "a b");
    }

    #[test]
    fn a_time_bin_is_not_a_breakdown() {
        let (recipe, notices) = ViewState::from_query("by=month&panel=breakdown");
        assert!(notices.is_empty());
        let mut page = PageState::default();
        let notices = page.apply(&recipe, &CompareSpec::default_for(&[]));
        assert_eq!(page.breakdown, GroupBy::Category(Category::EventType));
        assert_eq!(page.panel, Panel::Breakdown);
        assert_eq!(notices.len(), 1, "{notices:?}");
    }

    #[test]
    fn every_breakdown_dimension_has_bars() {
        let views = crate::engine::query::Views::default();
        for by in GroupBy::breakdowns() {
            assert!(views.bars(by).is_some(), "{by:?}");
        }
        assert!(views.bars(GroupBy::Time(Bin::Month)).is_none());
    }

    /// Hostile-input review, defect 4: `data:` was reachable as `da%09ta:`,
    /// and another site as `/%5Chost/...`; only http(s) addresses and paths
    /// on this site are read.
    #[test]
    fn data_addresses_are_parsed_not_matched_by_prefix() {
        let refused = [
            "da%09ta:text/csv,a",
            "data:text/csv,a",
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "/%5Chost/events.csv",
            "%5C%5Chost/events.csv",
            "//evil.example/events.csv",
            "%2F%2Fevil.example/events.csv",
            "https:evil.example/x.csv",
            "https:///x.csv",
            "ftp://example.org/x.csv",
            "file:///etc/passwd",
            "%20",
            "https://exa%0Ample.org/x.csv",
            // A browser reads "events:" as a scheme.
            "events%3Av2.csv",
        ];
        for value in refused {
            let query = format!("data={value}");
            let (state, notices) = ViewState::from_query(&query);
            assert_eq!(state.data, None, "{value}");
            assert_eq!(notices.len(), 1, "{value}: {notices:?}");
        }
        let accepted = [
            (
                "https://example.org/events.csv",
                "https://example.org/events.csv",
            ),
            (
                "HTTP://example.org:8080/e.csv?x=1",
                "HTTP://example.org:8080/e.csv?x=1",
            ),
            ("data/wagner-mali-events.csv", "data/wagner-mali-events.csv"),
            ("/files/events.csv", "/files/events.csv"),
        ];
        for (value, want) in accepted {
            let (state, notices) = ViewState::from_query(&format!("data={value}"));
            assert_eq!(state.data.as_deref(), Some(want), "{value}: {notices:?}");
        }
    }
}
