//! `eventlens-cli`: the EventLens engine from the command line, for
//! scripting and tests. It imports a file exactly as the site does and
//! prints JSON.
//!
//! ```text
//! eventlens-cli report FILE [--sheet NAME] [--date-order day-first|month-first]
//! eventlens-cli aggregate FILE --by month|year|admin1|event_type|actor [filters]
//!                [--alias RAW=CANONICAL]... [--uncertain]
//! eventlens-cli diff EARLIER LATER [filters] [--format json|csv]
//! eventlens-cli generate --events N [--seed S] --out FILE
//! ```

use eventlens::engine::data::actors::AliasTable;
use eventlens::engine::data::date::Bin;
use eventlens::engine::data::date::{self, Day};
use eventlens::engine::data::dimension::{Category, GroupBy};
use eventlens::engine::link::split_list;
use eventlens::engine::output::versions::version_changes_csv;
use eventlens::engine::present::versions::{versions_summary, VersionTotals};
use eventlens::engine::query::group;
use eventlens::engine::query::versions::{diff_versions, event_id_text};
use eventlens::engine::query::{Filters, QueryState};
use eventlens::engine::read::container::Container;
use eventlens::engine::read::dates::FieldOrder;
use eventlens::engine::read::decode::SNIFF_LEN;
use eventlens::engine::read::import::{sample_ranges, ImportOptions, Importer};
use eventlens::engine::read::open::{kind_of, FileKind};
use eventlens::engine::synthetic;
use eventlens::engine::{import_any, Opened};
use serde_json::{json, Map, Value};
use std::io::Read;
use std::process::ExitCode;

const USAGE: &str = "usage:
  eventlens-cli report FILE [--sheet NAME] [--date-order day-first|month-first]
  eventlens-cli aggregate FILE --by month|year|admin1|event_type|actor
                [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--months 6-9]
                [--actor NAME] [--alongside NAME] [--event-type TYPE] [--admin1 NAME]
                [--date-order day-first|month-first] [--alias RAW=CANONICAL]... [--uncertain]
                (--uncertain counts an \"X and/or Y\" actor under each of X and Y)
                (--event-type, --admin1 and the other categories take several
                values, repeated or comma-separated: --event-type Battles,Riots;
                a name's own comma is written %2C)
  eventlens-cli diff EARLIER LATER [the filters of aggregate] [--format json|csv]
                (two versions of one export: events added, deleted and revised, matched by id)
  eventlens-cli generate --events N [--seed S] --out FILE   (synthetic ACLED-shaped data)

FILE is a CSV export, an Excel workbook (.xlsx; --sheet picks a sheet other
than the first) or JSON (an ACLED or UCDP API answer, or an array of events).";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(output) => write_stdout(&output),
        Err(CliError::Usage(message)) => {
            eprintln!("{message}\n\n{USAGE}");
            ExitCode::from(2)
        }
        Err(CliError::Failed(message)) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

/// Prints the output. A reader that closed the pipe early (`| head`) is
/// not an error: the command stops quietly, as command-line tools do.
fn write_stdout(output: &str) -> ExitCode {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{output}").and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("Could not write the output: {e}.");
            ExitCode::FAILURE
        }
    }
}

enum CliError {
    Usage(String),
    Failed(String),
}

fn run(args: &[String]) -> Result<String, CliError> {
    let (command, rest) = args
        .split_first()
        .ok_or_else(|| CliError::Usage("No command given.".into()))?;
    match command.as_str() {
        "report" => {
            let (file, rest) = rest
                .split_first()
                .ok_or_else(|| CliError::Usage("`report` takes one FILE.".into()))?;
            let mut import_options = ImportOptions::default();
            let mut sheet = None;
            for (name, value) in options(rest)? {
                match name.as_str() {
                    "sheet" => sheet = Some(value),
                    "date-order" => import_options.date_order = Some(parse_date_order(&value)?),
                    other => return Err(CliError::Usage(format!("Unknown option `--{other}`."))),
                }
            }
            let opened = import_file_with(file, import_options, sheet.as_deref())?;
            Ok(pretty(&report_json(&opened)))
        }
        "aggregate" => aggregate(rest),
        "generate" => generate(rest),
        "diff" => diff(rest),
        "help" | "--help" | "-h" => Ok(USAGE.to_string()),
        other => Err(CliError::Usage(format!("Unknown command `{other}`."))),
    }
}

fn pretty(value: &Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// Streams a text file into the importer, a megabyte at a time (with a
/// sample of slices from throughout it for the date form); reads a workbook
/// or JSON file whole (they cannot be read in pieces) and imports the CSV
/// text it becomes. `sheet` picks a workbook's sheet.
fn import_file_with(
    path: &str,
    options: ImportOptions,
    sheet: Option<&str>,
) -> Result<Opened, CliError> {
    let mut file = std::fs::File::open(path)
        .map_err(|e| CliError::Failed(format!("Could not open {path}: {e}.")))?;
    let unreadable = |e: std::io::Error| CliError::Failed(format!("Could not read {path}: {e}."));
    let mut head = Vec::new();
    (&mut file)
        .take(SNIFF_LEN as u64)
        .read_to_end(&mut head)
        .map_err(unreadable)?;
    let kind = kind_of(&head, path);
    if kind != FileKind::Text {
        let mut bytes = head;
        file.read_to_end(&mut bytes).map_err(unreadable)?;
        return import_any(&bytes, path, sheet, options)
            .map_err(|e| CliError::Failed(format!("{path}: {e}")));
    }
    if sheet.is_some() {
        return Err(CliError::Usage(format!(
            "`--sheet` picks a sheet of an Excel workbook; {path} is not one."
        )));
    }
    let mut options = options;
    options.date_sample = read_sample(&mut file).map_err(unreadable)?;
    let mut importer = Importer::new(options);
    let mut buffer = vec![0u8; 1 << 20];
    loop {
        let n = file
            .read(&mut buffer)
            .map_err(|e| CliError::Failed(format!("Could not read {path}: {e}.")))?;
        if n == 0 {
            break;
        }
        importer
            .push(&buffer[..n])
            .map_err(|e| CliError::Failed(format!("{path}: {e}")))?;
    }
    let dataset = importer
        .finish()
        .map_err(|e| CliError::Failed(format!("{path}: {e}")))?;
    Ok(Opened {
        dataset,
        container: Container::Text,
    })
}

/// Slices from throughout the file, for choosing its date form from
/// values spread through it; the file is left at its start.
fn read_sample(file: &mut std::fs::File) -> std::io::Result<Vec<Vec<u8>>> {
    use std::io::{Seek, SeekFrom};
    let len = file.metadata()?.len();
    let mut slices = Vec::new();
    for range in sample_ranges(len) {
        file.seek(SeekFrom::Start(range.start))?;
        let mut slice = vec![0u8; (range.end - range.start) as usize];
        file.read_exact(&mut slice)?;
        slices.push(slice);
    }
    file.seek(SeekFrom::Start(0))?;
    Ok(slices)
}

/// `day-first` or `month-first`, for files whose dates read both ways.
fn parse_date_order(value: &str) -> Result<FieldOrder, CliError> {
    match value {
        "day-first" => Ok(FieldOrder::DayFirst),
        "month-first" => Ok(FieldOrder::MonthFirst),
        _ => Err(CliError::Usage(format!(
            "`--date-order {value}`: write day-first (31/12/2019) or month-first (12/31/2019)."
        ))),
    }
}

fn report_json(opened: &Opened) -> Value {
    let store = &opened.dataset.store;
    let report = &opened.dataset.report;
    let all: Vec<u32> = (0..store.len() as u32).collect();
    let groups = |by: GroupBy| -> Value {
        let mut map = Map::new();
        for g in group::aggregate(store, &all, by) {
            map.insert(
                g.key,
                json!({"events": g.measures.events, "fatalities": g.measures.fatalities}),
            );
        }
        Value::Object(map)
    };
    let fatalities: u64 = store.fatalities.iter().map(|&f| u64::from(f)).sum();
    let mut value = json!({
        "format": report.format,
        "format_name": report.format.label(),
        "encoding": report.encoding.label(),
        "delimiter": report.delimiter.name(),
        "bytes": report.bytes,
        "rows_read": report.rows_read,
        "rows_skipped": report.rows_skipped,
        "rows_merged": report.rows_merged,
        "events": report.events,
        "uncertain_attributions": store.uncertain_events(),
        "fatalities": fatalities,
        "date_min": report.date_min.map(date::format_iso),
        "date_max": report.date_max.map(date::format_iso),
        "dates": report.dates.as_ref().map(|d| json!({
            "form": d.form.describe(),
            "examples": d.examples.iter().map(|(v, day)| json!([v, date::format_iso(*day)])).collect::<Vec<_>>(),
            "two_digit_years_by_pivot": d.used_pivot,
        })),
        "year_mismatches": report.year_mismatches,
        "by_year": groups(GroupBy::Time(Bin::Year)),
        "by_event_type": groups(GroupBy::Category(Category::EventType)),
        "skipped": report.skipped,
        "unparsed": report.unparsed,
        "columns_used": report.columns_used,
        "columns_ignored": report.columns_ignored,
        "warnings": report.warnings,
        "memory": store.memory_use(),
        "container": opened.container,
    });
    if store.is_ucdp() {
        let low: u64 = store.fatalities_low.iter().map(|&f| u64::from(f)).sum();
        let high: u64 = store.fatalities_high.iter().map(|&f| u64::from(f)).sum();
        value["fatalities_low"] = json!(low);
        value["fatalities_high"] = json!(high);
    }
    value
}

/// Options that take no value; `options` gives them the value "1".
const FLAGS: &[&str] = &["uncertain"];

/// Pulls `--name value` pairs (and `--flag`s) out of `args`.
fn options(args: &[String]) -> Result<Vec<(String, String)>, CliError> {
    let mut out = Vec::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let name = arg
            .strip_prefix("--")
            .ok_or_else(|| CliError::Usage(format!("Unexpected argument `{arg}`.")))?;
        if FLAGS.contains(&name) {
            out.push((name.to_string(), "1".to_string()));
            continue;
        }
        let value = it
            .next()
            .ok_or_else(|| CliError::Usage(format!("`--{name}` needs a value.")))?;
        out.push((name.to_string(), value.clone()));
    }
    Ok(out)
}

fn parse_day(name: &str, value: &str) -> Result<Day, CliError> {
    date::parse_iso(value).ok_or_else(|| {
        CliError::Usage(format!(
            "`--{name} {value}`: dates are written YYYY-MM-DD, e.g. 2022-06-01."
        ))
    })
}

/// `6-9` -> (6, 9); `11-2` wraps over the new year; `7` is July alone.
fn parse_months(value: &str) -> Result<(u8, u8), CliError> {
    let bad = || {
        CliError::Usage(format!(
            "`--months {value}`: give a month or a range of months 1-12, e.g. 6-9."
        ))
    };
    let (a, b) = value.split_once('-').unwrap_or((value, value));
    let a: u8 = a.trim().parse().map_err(|_| bad())?;
    let b: u8 = b.trim().parse().map_err(|_| bad())?;
    if !(1..=12).contains(&a) || !(1..=12).contains(&b) {
        return Err(bad());
    }
    Ok((a, b))
}

fn aggregate(args: &[String]) -> Result<String, CliError> {
    let (file, rest) = args
        .split_first()
        .ok_or_else(|| CliError::Usage("`aggregate` needs a FILE.".into()))?;
    let mut by = None;
    let mut filters = Filters::default();
    let mut aliases = AliasTable::builtin();
    let mut date_order = None;
    let mut sheet = None;
    for (name, value) in options(rest)? {
        match name.as_str() {
            "by" => {
                by = Some(GroupBy::from_name(&value).ok_or_else(|| {
                    CliError::Usage(format!("`--by {value}`: group by one of day, week, month, quarter, year, season (the --months window's), country, admin1, admin2, event_type, sub_event_type, disorder_type, actor."))
                })?)
            }
            _ if filter_option(&mut filters, &name, &value)? => {}
            "sheet" => sheet = Some(value),
            "date-order" => date_order = Some(parse_date_order(&value)?),
            "alias" => match value.split_once('=') {
                Some((raw, canonical)) if !raw.trim().is_empty() && !canonical.trim().is_empty() => {
                    aliases.add(raw, canonical)
                }
                _ => {
                    return Err(CliError::Usage(format!(
                        "`--alias {value}`: write the raw name, =, and the canonical name, e.g. --alias \"Katiba Serma=JNIM\"."
                    )))
                }
            },
            other => return Err(CliError::Usage(format!("Unknown option `--{other}`."))),
        }
    }
    let by = match by.ok_or_else(|| CliError::Usage("`aggregate` needs `--by`.".into()))? {
        GroupBy::Time(bin) => GroupBy::Time(bin.in_window(filters.months)),
        other => other,
    };
    let options = ImportOptions {
        aliases: Some(aliases),
        date_order,
        ..ImportOptions::default()
    };
    let opened = import_file_with(file, options, sheet.as_deref())?;
    let store = &opened.dataset.store;
    let mut state = QueryState::new(store);
    state.apply(store, &filters);
    let rows = state.rows();
    let groups = group::aggregate(store, &rows, by);
    let total = state.views(store, &Default::default()).totals;
    Ok(pretty(&json!({
        "by": by.name(),
        "filters": filters,
        "total": total,
        "groups": groups,
    })))
}

/// Reads one filter option into `filters`; false when `name` is not one.
fn filter_option(filters: &mut Filters, name: &str, value: &str) -> Result<bool, CliError> {
    match name {
        "from" => filters.from = Some(parse_day(name, value)?),
        "to" => filters.to = Some(parse_day(name, value)?),
        "months" => filters.months = Some(parse_months(value)?),
        "actor" => filters.actor = Some(value.to_string()),
        "alongside" => filters.alongside = Some(value.to_string()),
        "uncertain" => filters.uncertain = true,
        other => match Category::from_slug(other) {
            Some(c) => {
                for v in split_list(value) {
                    if !filters.categories[c].contains(&v) {
                        filters.categories[c].push(v);
                    }
                }
            }
            None => return Ok(false),
        },
    }
    Ok(true)
}

/// `diff EARLIER LATER`: two versions of one export, events matched by id.
fn diff(args: &[String]) -> Result<String, CliError> {
    let [earlier_path, later_path, rest @ ..] = args else {
        return Err(CliError::Usage(
            "`diff` needs the EARLIER and the LATER file.".into(),
        ));
    };
    let mut filters = Filters::default();
    let mut csv = false;
    for (name, value) in options(rest)? {
        match name.as_str() {
            _ if filter_option(&mut filters, &name, &value)? => {}
            "format" => match value.as_str() {
                "json" => csv = false,
                "csv" => csv = true,
                _ => {
                    return Err(CliError::Usage(format!(
                        "`--format {value}`: write json or csv."
                    )))
                }
            },
            other => return Err(CliError::Usage(format!("Unknown option `--{other}`."))),
        }
    }
    let open = |path: &str| {
        // The text is held so the ids of changed events can be read back.
        let options = ImportOptions {
            keep_event_keys: true,
            hold_text: true,
            ..ImportOptions::default()
        };
        import_file_with(path, options, None)
    };
    let earlier = open(earlier_path)?;
    let later = open(later_path)?;
    let (a, b) = (&earlier.dataset.store, &later.dataset.store);
    let mut views = [QueryState::new(a), QueryState::new(b)];
    views[0].apply(a, &filters);
    views[1].apply(b, &filters);
    let diff = diff_versions(a, b, |version, row| views[version].passes(row))
        .map_err(|e| CliError::Failed(e.to_string()))?;
    if csv {
        return Ok(version_changes_csv(a, b, &diff).trim_end().to_string());
    }
    let totals = [
        VersionTotals::of(a, |r| views[0].passes(r)),
        VersionTotals::of(b, |r| views[1].passes(r)),
    ];
    let ids = |store: &eventlens::engine::data::store::Store, rows: &[u32]| -> Vec<String> {
        rows.iter()
            .map(|&r| event_id_text(store, r as usize).unwrap_or_default())
            .collect()
    };
    let revised: Vec<Value> = diff
        .revised
        .iter()
        .map(|r| {
            json!({
                "event_id": event_id_text(b, r.later_row as usize).unwrap_or_default(),
                "fields": r.fields.list().iter().map(|f| f.name()).collect::<Vec<_>>(),
                "in_earlier_view": r.in_earlier_view,
                "in_later_view": r.in_later_view,
            })
        })
        .collect();
    Ok(pretty(&json!({
        "filters": filters,
        "earlier": totals[0],
        "later": totals[1],
        "added": diff.added.len(),
        "deleted": diff.deleted.len(),
        "revised": diff.revised.len(),
        "unchanged": diff.unchanged,
        "without_id": diff.without_id,
        "repeated_ids": diff.repeated_ids,
        "summary": versions_summary("for these filters", totals[0], totals[1], &diff),
        "added_ids": ids(b, &diff.added),
        "deleted_ids": ids(a, &diff.deleted),
        "revisions": revised,
    })))
}

fn generate(args: &[String]) -> Result<String, CliError> {
    let mut events = None;
    let mut seed = 1u64;
    let mut out = None;
    for (name, value) in options(args)? {
        match name.as_str() {
            "events" => {
                events = Some(
                    value
                        .parse::<usize>()
                        .map_err(|_| CliError::Usage("`--events` takes a whole number.".into()))?,
                )
            }
            "seed" => {
                seed = value
                    .parse()
                    .map_err(|_| CliError::Usage("`--seed` takes a whole number.".into()))?
            }
            "out" => out = Some(value),
            other => return Err(CliError::Usage(format!("Unknown option `--{other}`."))),
        }
    }
    let (Some(events), Some(out)) = (events, out) else {
        return Err(CliError::Usage(
            "`generate` needs `--events N` and `--out FILE`.".into(),
        ));
    };
    let file = std::fs::File::create(&out)
        .map_err(|e| CliError::Failed(format!("Could not create {out}: {e}.")))?;
    let mut writer = std::io::BufWriter::new(file);
    let bytes = synthetic::write_acled_csv(&mut writer, events, seed)
        .map_err(|e| CliError::Failed(format!("Could not write {out}: {e}.")))?;
    Ok(pretty(
        &json!({ "synthetic": true, "events": events, "bytes": bytes, "file": out }),
    ))
}
