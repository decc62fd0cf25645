//! What must hold for any input: the importer ends in a dataset or an
//! error sentence whatever the chunking, gives the same store for the same
//! bytes however they are cut, and its counts add up; a link's query reads
//! back to the same view; a date read by a form writes back as itself.

use eventlens::engine::data::date;
use eventlens::engine::data::store::{SourceText, Store};
use eventlens::engine::link::ViewState;
use eventlens::engine::query::{Filters, QueryState, ViewSpec};
use eventlens::engine::read::dates::{DateEvidence, DateForm, FieldOrder};
use eventlens::engine::read::import::{Dataset, ImportOptions, ImportWarning, Importer};
use eventlens::engine::read::layout::ColumnMapping;
use eventlens::engine::synthetic::Rng;
use eventlens::engine::ImportError;

/// Imports `bytes` pushed in the chunk sizes `plan` gives, in turn.
fn import_with(
    bytes: &[u8],
    plan: &mut dyn FnMut() -> usize,
    hold_text: bool,
    answers: &Answers,
) -> Result<Dataset, ImportError> {
    let mut importer = Importer::new(ImportOptions {
        hold_text,
        mapping: answers.mapping.clone(),
        date_order: answers.date_order,
        ..ImportOptions::default()
    });
    let mut rest = bytes;
    while !rest.is_empty() {
        let n = plan().clamp(1, rest.len());
        importer.push(&rest[..n])?;
        rest = &rest[n..];
    }
    importer.finish()
}

/// Chunk sizes that meet the importer's edges: single bytes, the sniffed
/// 64 KB, and uneven cuts through characters and line ends.
fn chunk_size(rng: &mut Rng, len: usize) -> usize {
    match rng.below(8) {
        0 if len <= 4096 => 1,
        0 | 1 => 2 + rng.below(15) as usize,
        2 => *[65_535, 65_536, 65_537, 4096]
            .get(rng.below(4) as usize)
            .unwrap_or(&4096),
        _ => 17 + rng.below(3000) as usize,
    }
}

/// What a user answers when the page asks: which column is what, and
/// which way the dates read.
#[derive(Default)]
struct Answers {
    mapping: Option<ColumnMapping>,
    date_order: Option<FieldOrder>,
}

/// The ways the fuzz run found an input wrong. A file the page would ask
/// about (its columns, its date order) is checked again as answered the
/// way the page suggests.
pub fn import_input(bytes: &[u8], rng: &mut Rng) -> Result<(), String> {
    let mut answers = Answers::default();
    for _ in 0..3 {
        match import_answered(bytes, rng, &answers)? {
            Some(ImportError::UnknownLayout { headers }) if answers.mapping.is_none() => {
                answers.mapping = Some(ColumnMapping::suggest(&headers));
            }
            Some(ImportError::AmbiguousDateOrder { .. }) if answers.date_order.is_none() => {
                answers.date_order = Some(if rng.below(2) == 0 {
                    FieldOrder::DayFirst
                } else {
                    FieldOrder::MonthFirst
                });
            }
            _ => return Ok(()),
        }
    }
    Ok(())
}

/// Checks one import of `bytes` as answered; returns its error, if any.
fn import_answered(
    bytes: &[u8],
    rng: &mut Rng,
    answers: &Answers,
) -> Result<Option<ImportError>, String> {
    let whole = import_with(bytes, &mut || usize::MAX, true, answers);
    check_result(&whole, bytes)?;
    // One chunking besides the whole: a fixed size, or sizes that change
    // with every push.
    let fixed = chunk_size(rng, bytes.len());
    let mut seq = Rng::new(rng.next_u64());
    let small = bytes.len() <= 20_000;
    let (name, mut plan): (String, Box<dyn FnMut() -> usize>) = if rng.below(2) == 0 {
        (format!("chunks of {fixed}"), Box::new(move || fixed))
    } else {
        let most = if small { 64 } else { 70_000 };
        (
            "chunks of random sizes".into(),
            Box::new(move || 1 + seq.below(most) as usize),
        )
    };
    let other = import_with(bytes, &mut plan, true, answers);
    same(&whole, &other, true).map_err(|e| format!("{name} differs from one chunk: {e}"))?;
    // Not holding the text changes only where records are read from.
    let external = import_with(bytes, &mut || 4096, false, answers);
    same(&whole, &external, false).map_err(|e| format!("without held text: {e}"))?;
    if let (Ok(held), Ok(ext)) = (&whole, &external) {
        check_read_back(held, ext, bytes)?;
    }
    match whole {
        Ok(d) => {
            if rng.below(8) == 0 {
                query_all(&d.store);
            }
            Ok(None)
        }
        Err(e) => Ok(Some(e)),
    }
}

fn check_result(result: &Result<Dataset, ImportError>, bytes: &[u8]) -> Result<(), String> {
    let d = match result {
        Err(e) => {
            let message = e.to_string();
            let first = message.chars().next().unwrap_or(' ');
            if !(first.is_uppercase() && message.ends_with('.')) {
                return Err(format!("error is not a sentence: {message:?}"));
            }
            return Ok(());
        }
        Ok(d) => d,
    };
    let s = &d.store;
    let r = &d.report;
    let n = s.len();
    if r.events != n as u64 {
        return Err(format!("report says {} events, store has {n}", r.events));
    }
    if r.rows_read != r.events + r.rows_skipped + r.rows_merged {
        return Err(format!(
            "rows read {} != events {} + skipped {} + merged {}",
            r.rows_read, r.events, r.rows_skipped, r.rows_merged
        ));
    }
    let skipped: u64 = r.skipped.iter().map(|p| p.count).sum();
    if skipped != r.rows_skipped {
        return Err(format!(
            "skipped problems count {skipped}, report says {}",
            r.rows_skipped
        ));
    }
    if r.bytes != bytes.len() as u64 {
        return Err(format!("report bytes {} != {}", r.bytes, bytes.len()));
    }
    let lens = [
        s.event_type.len(),
        s.sub_event_type.len(),
        s.disorder_type.len(),
        s.flags.len(),
        s.place.len(),
        s.fatalities.len(),
        s.side1.len(),
        s.side2.len(),
        s.record_start.len(),
        s.record_len.len(),
    ];
    if lens.iter().any(|&l| l != n) {
        return Err(format!("column lengths {lens:?} for {n} events"));
    }
    for ucdp in [&s.fatalities_low, &s.fatalities_high, &s.civilian_deaths] {
        if !ucdp.is_empty() && ucdp.len() != n {
            return Err("UCDP column of another length".into());
        }
    }
    if s.place.iter().any(|&p| p as usize >= s.places.len()) {
        return Err("place code out of range".into());
    }
    if s.side1
        .iter()
        .chain(&s.side2)
        .any(|&p| p as usize >= s.sides.len())
    {
        return Err("side code out of range".into());
    }
    if r.date_min != s.date.iter().min().copied() || r.date_max != s.date.iter().max().copied() {
        return Err("date span differs from the dates".into());
    }
    for w in &r.warnings {
        let text = w.to_string();
        if !text.ends_with('.') {
            return Err(format!("warning is not a sentence: {text:?}"));
        }
    }
    for p in r.skipped.iter().chain(&r.unparsed) {
        for e in &p.examples {
            if e.line == 0 {
                return Err(format!("problem at line 0: {p}"));
            }
        }
    }
    if let SourceText::InMemory(text) = &s.source {
        for row in 0..n.min(50) {
            let (start, end) = s.record_range(row);
            if start > end || end > text.len() as u64 {
                return Err(format!(
                    "record {row} span {start}..{end} outside {} bytes held",
                    text.len()
                ));
            }
        }
    }
    Ok(())
}

/// Two imports of the same bytes agree: the same error, or the same
/// events, names, report (and spans, when `spans`).
fn same(
    a: &Result<Dataset, ImportError>,
    b: &Result<Dataset, ImportError>,
    spans: bool,
) -> Result<(), String> {
    let (a, b) = match (a, b) {
        (Err(x), Err(y)) if x == y => return Ok(()),
        (Ok(a), Ok(b)) => (a, b),
        (x, y) => {
            return Err(format!(
                "{:?} against {:?}",
                x.as_ref().map(|d| d.store.len()),
                y.as_ref().map(|d| d.store.len())
            ))
        }
    };
    if a.report != b.report {
        return Err(format!("reports differ:\n{:?}\n{:?}", a.report, b.report));
    }
    let (s, t) = (&a.store, &b.store);
    macro_rules! cols {
        ($($c:ident),*) => {$(
            if s.$c != t.$c {
                return Err(format!("column {} differs", stringify!($c)));
            }
        )*};
    }
    cols!(
        date,
        event_type,
        sub_event_type,
        disorder_type,
        flags,
        place,
        fatalities,
        side1,
        side2,
        date_end,
        fatalities_low,
        fatalities_high,
        civilian_deaths,
        header,
        delimiter,
        encoding
    );
    let switched = a
        .report
        .warnings
        .iter()
        .any(|w| matches!(w, ImportWarning::ReadAsWindows1252 { .. }));
    if spans || !switched {
        cols!(record_start, record_len);
    }
    for (c, names) in s.names.iter() {
        if names.names() != t.names[c].names() {
            return Err(format!("names of {c:?} differ"));
        }
    }
    for (x, y, what) in [
        (&s.actors, &t.actors, "actors"),
        (&s.locations, &t.locations, "locations"),
    ] {
        if x.names() != y.names() {
            return Err(format!("{what} differ"));
        }
    }
    let bits = |v: &[f32]| v.iter().map(|f| f.to_bits()).collect::<Vec<_>>();
    if s.places.country != t.places.country
        || bits(&s.places.lat) != bits(&t.places.lat)
        || bits(&s.places.lon) != bits(&t.places.lon)
    {
        return Err("places differ".into());
    }
    Ok(())
}

/// Records read back from the file (not held) are the records held.
fn check_read_back(held: &Dataset, external: &Dataset, bytes: &[u8]) -> Result<(), String> {
    if !matches!(external.store.source, SourceText::External { .. }) {
        return Ok(());
    }
    for row in 0..held.store.len().min(50) {
        let (start, end) = external.store.record_range(row);
        let Some(raw) = bytes.get(start as usize..end as usize) else {
            return Err(format!("record {row} span {start}..{end} outside the file"));
        };
        let from_file = external.store.parse_source_record(raw);
        let from_memory = held.store.record_in_memory(row).unwrap_or_default();
        if from_file != from_memory {
            return Err(format!(
                "record {row} read back from the file differs:\n{from_file:?}\n{from_memory:?}"
            ));
        }
    }
    Ok(())
}

/// Filters and views over whatever was imported.
fn query_all(store: &Store) {
    let mut state = QueryState::new(store);
    state.apply(
        store,
        &Filters {
            text: Some("a".into()),
            actor: Some("x".into()),
            ..Filters::default()
        },
    );
    let _ = state.views(store, &ViewSpec::default());
}

/// A link's query reads back to the view it wrote.
pub fn query_input(query: &str) -> Result<(), String> {
    let (view, _) = ViewState::from_query(query);
    let written = view.to_query();
    let (again, notices) = ViewState::from_query(&written);
    if again != view {
        return Err(format!(
            "{query:?} read as {view:?}, written {written:?}, read back as {again:?}"
        ));
    }
    if !notices.is_empty() {
        return Err(format!(
            "{written:?} (written from {query:?}) has notices {notices:?}"
        ));
    }
    Ok(())
}

/// Date forms: a value read by a form is a real day that writes back to a
/// value the same form reads as the same day; the evidence never panics.
pub fn date_input(values: &[String]) -> Result<(), String> {
    let mut evidence = DateEvidence::default();
    for value in values {
        let bytes = value.as_bytes();
        evidence.add(bytes, None);
        for form in DateForm::ALL {
            let Some(day) = form.parse(bytes, None) else {
                continue;
            };
            let iso = date::format_iso(day);
            if date::parse_iso(&iso) != Some(day) && (0..=9999).contains(&date::year_of(day)) {
                return Err(format!(
                    "{value:?} read by {form:?} as {iso}, which does not read back"
                ));
            }
        }
        let _ = date::parse(bytes, date::DateOrder::Auto);
    }
    for order in [
        None,
        Some(FieldOrder::DayFirst),
        Some(FieldOrder::MonthFirst),
    ] {
        if let Ok(choice) = evidence.decide(order) {
            for (value, day) in &choice.examples {
                if choice.form.parse(value.as_bytes(), None) != Some(*day) {
                    return Err(format!(
                        "example {value:?} does not read as {day} by {:?}",
                        choice.form
                    ));
                }
            }
            let _ = choice.explain();
        }
    }
    Ok(())
}
