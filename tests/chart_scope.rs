//! Every chart's footer names exactly the filters its figures apply
//! (issue 12: a breakdown footed "Filters: Actor: Wagner" showed every
//! actor). For each chart kind and a set of filters, the filters the
//! footer claims are read back from its words, the figures are counted
//! under them by a reference implementation over the fixture's rows
//! (written out by hand below), and compared with the chart's figures.

mod common;

use common::{fixture, import};
use eventlens::engine::data::date::{from_ymd, Bin};
use eventlens::engine::data::dimension::{Category, CategoryMap, GroupBy};
use eventlens::engine::output::chart_footer;
use eventlens::engine::present::chips::{chips, remove_chip};
use eventlens::engine::query::group::{compare, Period};
use eventlens::engine::query::{ChartKind, Filters, QueryState, Role, ViewSpec};
use eventlens::engine::Store;
use std::collections::BTreeMap;

/// One row of `tests/fixtures/acled_current.csv`, as read by hand: its
/// actors are the canonical names of actor1, assoc_actor_1, actor2 and
/// assoc_actor_2.
struct Row {
    date: (i32, u32, u32),
    event_type: &'static str,
    country: &'static str,
    admin1: &'static str,
    actors: &'static [&'static str],
    fatalities: u32,
}

const JNIM: &str = "JNIM";
const MALI: &str = "Malian state forces";
const WAGNER: &str = "Wagner Group / Africa Corps";
const CIVILIANS: &str = "Civilians (Mali)";
const IS: &str = "Islamic State Sahel";
const DOZO: &str = "Dozo militias";

const ROWS: [Row; 6] = [
    Row {
        date: (2021, 6, 15),
        event_type: "Battles",
        country: "Mali",
        admin1: "Mopti",
        actors: &[JNIM, MALI, WAGNER],
        fatalities: 5,
    },
    Row {
        date: (2021, 7, 2),
        event_type: "Violence against civilians",
        country: "Mali",
        admin1: "Segou",
        actors: &[MALI, WAGNER, CIVILIANS],
        fatalities: 12,
    },
    Row {
        date: (2022, 6, 20),
        event_type: "Explosions/Remote violence",
        country: "Mali",
        admin1: "Mopti",
        actors: &[JNIM, MALI],
        fatalities: 3,
    },
    Row {
        date: (2022, 8, 30),
        event_type: "Battles",
        country: "Mali",
        admin1: "Menaka",
        actors: &[IS, JNIM],
        fatalities: 1200,
    },
    Row {
        date: (2022, 10, 5),
        event_type: "Strategic developments",
        country: "Mali",
        admin1: "Timbuktu",
        actors: &[MALI, WAGNER, DOZO],
        fatalities: 0,
    },
    Row {
        date: (2023, 1, 10),
        event_type: "Violence against civilians",
        country: "Mali",
        admin1: "Menaka",
        actors: &[IS, CIVILIANS],
        fatalities: 20,
    },
];

/// The reference filter: only the filters the cases below use.
fn passes(row: &Row, f: &Filters) -> bool {
    assert!(
        f.role == Role::Any && f.alongside.is_none() && f.text.is_none() && !f.uncertain,
        "the reference does not implement this filter: {f:?}"
    );
    let (y, m, d) = row.date;
    let day = from_ymd(y, m, d).unwrap();
    let in_list = |c: Category, value: &str| {
        f.categories[c].is_empty() || f.categories[c].iter().any(|v| v == value)
    };
    for c in [Category::Admin2, Category::Admin3, Category::SubEventType] {
        assert!(f.categories[c].is_empty(), "not in the reference: {c:?}");
    }
    f.from.is_none_or(|from| day >= from)
        && f.to.is_none_or(|to| day <= to)
        && f.months.is_none_or(|(a, b)| {
            let m = m as u8;
            if a <= b {
                (a..=b).contains(&m)
            } else {
                m >= a || m <= b
            }
        })
        && in_list(Category::Country, row.country)
        && in_list(Category::Admin1, row.admin1)
        && in_list(Category::EventType, row.event_type)
        && f.actor.as_deref().is_none_or(|a| row.actors.contains(&a))
        && f.fatalities_min.is_none_or(|n| row.fatalities >= n)
        && f.fatalities_max.is_none_or(|n| row.fatalities <= n)
}

type Figures = BTreeMap<String, u64>;

fn count(rows: impl Iterator<Item = String>) -> Figures {
    let mut out = Figures::new();
    for key in rows {
        *out.entry(key).or_default() += 1;
    }
    out
}

/// 2021 and 2022, the periods the comparison is asked for.
fn periods() -> (Period, Period) {
    let year = |y| Period {
        from: from_ymd(y, 1, 1).unwrap(),
        to: from_ymd(y, 12, 31).unwrap(),
    };
    (year(2021), year(2022))
}

/// The figures a chart of `kind` shows, as the engine computes them.
fn chart_figures(store: &Store, state: &QueryState, kind: ChartKind) -> Figures {
    let spec = ViewSpec {
        bin: Bin::Year,
        ..ViewSpec::default()
    };
    let views = state.views(store, &spec);
    let bars = |by: GroupBy| -> Figures {
        views
            .bars(by)
            .unwrap_or(&[])
            .iter()
            .map(|b| (b.label.clone(), b.measures.events))
            .collect()
    };
    let total = |n: u64| -> Figures { [("events".to_string(), n)].into_iter().collect() };
    match kind {
        ChartKind::Counts => total(views.totals.measures.events),
        ChartKind::Map => total(views.map.iter().map(|p| u64::from(p.events)).sum()),
        ChartKind::Table => total(state.rows().len() as u64),
        ChartKind::Timeline => (0..views.timeline.bins)
            .map(|b| (views.timeline.label(b), views.timeline.bin_events(b)))
            .filter(|(_, n)| *n > 0)
            .collect(),
        ChartKind::Breakdown(by) => bars(by),
        ChartKind::Compare => {
            let (a, b) = periods();
            let c = compare(store, state, a, b, GroupBy::Category(Category::EventType));
            c.rows
                .iter()
                .flat_map(|r| {
                    [
                        (format!("A {}", r.key), r.a.events),
                        (format!("B {}", r.key), r.b.events),
                    ]
                })
                .filter(|(_, n)| *n > 0)
                .collect()
        }
    }
}

/// The same figures counted from [`ROWS`] under the filters `f`.
fn reference_figures(f: &Filters, kind: ChartKind) -> Figures {
    let kept = || ROWS.iter().filter(|r| passes(r, f));
    let total = |n: usize| -> Figures {
        [("events".to_string(), n as u64)]
            .into_iter()
            .filter(|(_, n)| *n > 0 || kind != ChartKind::Timeline)
            .collect()
    };
    match kind {
        ChartKind::Counts | ChartKind::Map | ChartKind::Table => total(kept().count()),
        ChartKind::Timeline => count(kept().map(|r| r.date.0.to_string())),
        ChartKind::Breakdown(GroupBy::Category(Category::Country)) => {
            count(kept().map(|r| r.country.to_string()))
        }
        ChartKind::Breakdown(GroupBy::Category(Category::Admin1)) => {
            count(kept().map(|r| r.admin1.to_string()))
        }
        ChartKind::Breakdown(GroupBy::Category(Category::EventType)) => {
            count(kept().map(|r| r.event_type.to_string()))
        }
        ChartKind::Breakdown(GroupBy::Actor) => {
            count(kept().flat_map(|r| r.actors.iter().map(|a| a.to_string())))
        }
        ChartKind::Compare => {
            let (a, b) = periods();
            count(kept().filter_map(|r| {
                let (y, m, d) = r.date;
                let day = from_ymd(y, m, d).unwrap();
                let side = if a.contains(day) {
                    "A"
                } else if b.contains(day) {
                    "B"
                } else {
                    return None;
                };
                Some(format!("{side} {}", r.event_type))
            }))
        }
        other => panic!("no reference for {other:?}"),
    }
}

/// The filters a footer claims: those of `f` whose chips its "Filters:"
/// line names. Every other chip of `f` must be named in the line saying
/// what is not applied.
fn claimed_filters(f: &Filters, footer: &[String]) -> Filters {
    let claimed_line = footer
        .iter()
        .find(|l| l.starts_with("Filters: ") || l.starts_with("No filters"))
        .expect("a footer names its filters");
    let named: Vec<String> = claimed_line
        .strip_prefix("Filters: ")
        .and_then(|l| l.strip_suffix('.'))
        .map(|l| l.split("; ").map(str::to_string).collect())
        .unwrap_or_default();
    let not_applied_line = footer.iter().find(|l| l.starts_with("Not applied"));
    let mut claimed = f.clone();
    for chip in chips(f) {
        if named.contains(&chip.label) {
            continue;
        }
        let line = not_applied_line.unwrap_or_else(|| {
            panic!(
                "{:?} is neither claimed nor said not applied: {footer:?}",
                chip.label
            )
        });
        assert!(line.contains(&chip.label), "{footer:?}");
        remove_chip(&mut claimed, &chip.target);
    }
    // And nothing is claimed that is not a filter.
    let all: Vec<String> = chips(f).into_iter().map(|c| c.label).collect();
    for label in &named {
        assert!(all.contains(label), "{label:?} is not a filter: {footer:?}");
    }
    claimed
}

fn cases() -> Vec<Filters> {
    let cats = |pairs: &[(Category, &[&str])]| {
        let mut m = CategoryMap::default();
        for (c, values) in pairs {
            m[*c] = values.iter().map(|v| v.to_string()).collect();
        }
        m
    };
    vec![
        Filters::default(),
        // The example: the header counts Mopti + JNIM, the regions
        // list every region of JNIM's events.
        Filters {
            categories: cats(&[(Category::Admin1, &["Mopti"])]),
            actor: Some(JNIM.into()),
            ..Filters::default()
        },
        Filters {
            categories: cats(&[(
                Category::EventType,
                &["Battles", "Violence against civilians"],
            )]),
            from: from_ymd(2022, 1, 1),
            to: from_ymd(2022, 12, 31),
            ..Filters::default()
        },
        Filters {
            actor: Some(WAGNER.into()),
            fatalities_min: Some(5),
            months: Some((6, 9)),
            ..Filters::default()
        },
        Filters {
            categories: cats(&[
                (Category::Admin1, &["Mopti", "Menaka"]),
                (Category::Country, &["Mali"]),
                (Category::EventType, &["Battles"]),
            ]),
            ..Filters::default()
        },
        Filters {
            months: Some((10, 1)),
            from: from_ymd(2021, 7, 1),
            fatalities_max: Some(20),
            ..Filters::default()
        },
    ]
}

fn kinds() -> Vec<ChartKind> {
    let mut out = vec![
        ChartKind::Counts,
        ChartKind::Map,
        ChartKind::Table,
        ChartKind::Timeline,
        ChartKind::Compare,
        ChartKind::Breakdown(GroupBy::Actor),
    ];
    out.extend(
        [Category::Country, Category::Admin1, Category::EventType]
            .map(|c| ChartKind::Breakdown(GroupBy::Category(c))),
    );
    out
}

#[test]
fn every_footer_names_exactly_the_filters_its_figures_apply() {
    let store = import(&fixture("acled_current.csv")).unwrap().store;
    let mut state = QueryState::new(&store);
    let mut differs = 0;
    for f in cases() {
        state.apply(&store, &f);
        for kind in kinds() {
            let footer = chart_footer("Synthetic fixture", "Credit", &f, kind);
            let claimed = claimed_filters(&f, &footer);
            let figures = chart_figures(&store, &state, kind);
            assert_eq!(
                figures,
                reference_figures(&claimed, kind),
                "{kind:?} under {f:?}: {footer:?}"
            );
            if reference_figures(&f, kind) != figures {
                differs += 1;
            }
        }
    }
    // The cases do reach charts whose figures leave a filter out (else the
    // test would pass with footers that claim every filter).
    assert!(differs > 0);
}

/// The numbers, on the fixture: with Mopti + JNIM the header counts
/// JNIM's events in Mopti, the regions list every region of JNIM's events
/// and says so.
#[test]
fn the_regions_list_under_mopti_and_jnim() {
    let store = import(&fixture("acled_current.csv")).unwrap().store;
    let mut state = QueryState::new(&store);
    let f = &cases()[1];
    state.apply(&store, f);
    let region = ChartKind::Breakdown(GroupBy::Category(Category::Admin1));
    assert_eq!(
        chart_figures(&store, &state, ChartKind::Counts)["events"],
        2
    );
    let regions = chart_figures(&store, &state, region);
    assert_eq!(
        regions,
        [("Menaka".to_string(), 1), ("Mopti".to_string(), 2)]
            .into_iter()
            .collect::<Figures>()
    );
    let footer = chart_footer("D", "C", f, region);
    assert_eq!(footer[2], "Filters: Actor: JNIM.");
    assert!(footer[3].starts_with("Not applied to this chart: Admin 1: Mopti."));
}
