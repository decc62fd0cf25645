//! JSON answers of the event APIs become CSV text for the importer: the
//! ACLED API's `{"success": true, "count": N, "data": [{...}]}`, the UCDP
//! API's `{"TotalCount": N, "Result": [{...}]}`, and a plain array of
//! objects with the same field names.
//!
//! The document is walked twice without building a tree of it: once for
//! its shape and the union of the objects' keys (in first-seen order, the
//! header), once to write each object as a row under that header. Values
//! become text: strings as they are, numbers as written (in their shortest
//! form), `null` as empty, nested arrays and objects as compact JSON.

use crate::engine::read::container::{
    Container, ContainerError, Converted, CsvText, JsonFound, JsonShape,
};
use crate::t;
use rustc_hash::FxHashMap;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use std::fmt;

/// Reads a JSON document of one of the [`JsonShape`]s.
pub fn read_json(bytes: &[u8]) -> Result<Converted, ContainerError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut survey = Survey::default();
    let info = walk(bytes, &mut survey)?;
    if info.success == Some(false) || (info.objects == 0 && info.error.is_some()) {
        return Err(ContainerError::ApiError {
            message: info
                .error
                .unwrap_or_else(|| t!("json-success-false", field = "success", value = "false")),
        });
    }
    let Some(shape) = info.shape else {
        return Err(ContainerError::JsonShape {
            found: info.found(),
        });
    };
    if info.objects == 0 {
        if info.non_objects > 0 {
            return Err(ContainerError::JsonShape {
                found: JsonFound::NotObjects(shape),
            });
        }
        return Err(ContainerError::NoObjects { shape });
    }
    if survey.keys.is_empty() {
        return Err(ContainerError::JsonShape {
            found: JsonFound::EmptyObjects(shape),
        });
    }
    let mut rows = Rows::new(survey.keys);
    walk(bytes, &mut rows)?;
    let mut warnings = Vec::new();
    if info.non_objects > 0 {
        warnings.push(t!("json-not-objects", count = info.non_objects));
    }
    match (shape, info.total_count, info.count) {
        (JsonShape::UcdpApi, Some(total), _) if total > info.objects => warnings.push(t!(
            "json-ucdp-one-page",
            objects = info.objects.to_string(),
            total = total.to_string()
        )),
        (JsonShape::AcledApi, _, Some(count)) if count != info.objects => warnings.push(t!(
            "json-acled-count",
            count = count.to_string(),
            objects = info.objects.to_string()
        )),
        _ => {}
    }
    Ok(Converted {
        text: rows.csv.into_string(),
        container: Container::Json { shape },
        warnings,
    })
}

/// One pass over the document, feeding every object of its event array to
/// `sink`.
fn walk<S: Sink>(bytes: &[u8], sink: &mut S) -> Result<TopInfo, ContainerError> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let mut info = TopInfo::default();
    Top {
        sink,
        info: &mut info,
    }
    .deserialize(&mut de)
    .and_then(|()| de.end())
    .map_err(syntax_error)?;
    Ok(info)
}

fn syntax_error(e: serde_json::Error) -> ContainerError {
    let message = e.to_string();
    // serde_json ends its messages with " at line L column C"; the sentence
    // gives the place first.
    let problem = match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message,
    };
    ContainerError::JsonSyntax {
        line: e.line(),
        column: e.column(),
        problem,
    }
}

/// What a pass found around the objects.
#[derive(Default)]
struct TopInfo {
    shape: Option<JsonShape>,
    /// What the document is, when it is no shape that is read.
    found: Option<JsonFound>,
    /// Keys of a top-level object that holds no event array.
    top_keys: Vec<String>,
    objects: u64,
    non_objects: u64,
    success: Option<bool>,
    count: Option<u64>,
    total_count: Option<u64>,
    error: Option<String>,
}

impl TopInfo {
    fn found(&self) -> JsonFound {
        if !self.top_keys.is_empty() {
            return JsonFound::Object {
                keys: self.top_keys.iter().take(6).cloned().collect(),
                more: self.top_keys.len() > 6,
            };
        }
        self.found.clone().unwrap_or(JsonFound::Empty)
    }
}

/// What a pass does with each object.
trait Sink {
    fn begin(&mut self);
    /// The column of `key`.
    fn column(&mut self, key: &str) -> usize;
    /// Reads (or skips) the value of the current key.
    fn value<'de, A: MapAccess<'de>>(&mut self, column: usize, map: &mut A)
        -> Result<(), A::Error>;
    fn end(&mut self);
}

/// The first pass: the union of the objects' keys, in first-seen order.
#[derive(Default)]
struct Survey {
    keys: Vec<String>,
    index: FxHashMap<String, usize>,
}

impl Sink for Survey {
    fn begin(&mut self) {}

    fn column(&mut self, key: &str) -> usize {
        if let Some(&i) = self.index.get(key) {
            return i;
        }
        self.keys.push(key.to_string());
        self.index.insert(key.to_string(), self.keys.len() - 1);
        self.keys.len() - 1
    }

    fn value<'de, A: MapAccess<'de>>(
        &mut self,
        _column: usize,
        map: &mut A,
    ) -> Result<(), A::Error> {
        map.next_value::<IgnoredAny>().map(|_| ())
    }

    fn end(&mut self) {}
}

/// The second pass: each object as a CSV row under the survey's header.
struct Rows {
    csv: CsvText,
    index: FxHashMap<String, usize>,
    row: Vec<String>,
}

impl Rows {
    fn new(keys: Vec<String>) -> Rows {
        let mut csv = CsvText::new();
        for key in &keys {
            csv.field(key);
        }
        csv.end_row();
        let row = vec![String::new(); keys.len()];
        let index = keys.into_iter().enumerate().map(|(i, k)| (k, i)).collect();
        Rows { csv, index, row }
    }
}

impl Sink for Rows {
    fn begin(&mut self) {
        self.row.iter_mut().for_each(String::clear);
    }

    fn column(&mut self, key: &str) -> usize {
        // The survey saw every key of the same document.
        self.index.get(key).copied().unwrap_or(usize::MAX)
    }

    fn value<'de, A: MapAccess<'de>>(
        &mut self,
        column: usize,
        map: &mut A,
    ) -> Result<(), A::Error> {
        match self.row.get_mut(column) {
            Some(slot) => {
                slot.clear();
                map.next_value_seed(ValueText(slot))
            }
            None => map.next_value::<IgnoredAny>().map(|_| ()),
        }
    }

    fn end(&mut self) {
        for value in &self.row {
            self.csv.field(value);
        }
        self.csv.end_row();
    }
}

/// The whole document.
struct Top<'s, S> {
    sink: &'s mut S,
    info: &'s mut TopInfo,
}

impl<'de, S: Sink> DeserializeSeed<'de> for Top<'_, S> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de, S: Sink> Visitor<'de> for Top<'_, S> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON document")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        self.info.shape = Some(JsonShape::Array);
        objects(seq, self.sink, self.info)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut keys = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            let shape = match key.as_str() {
                "data" => Some(JsonShape::AcledApi),
                "Result" => Some(JsonShape::UcdpApi),
                _ => None,
            };
            match (shape, key.as_str()) {
                (Some(shape), _) if self.info.shape.is_none() => {
                    let was_array = map.next_value_seed(Array {
                        sink: &mut *self.sink,
                        info: &mut *self.info,
                    })?;
                    if was_array {
                        self.info.shape = Some(shape);
                    }
                }
                (_, "success") => {
                    let value: serde_json::Value = map.next_value()?;
                    self.info.success = value.as_bool();
                }
                (_, "count") => self.info.count = count(map.next_value()?),
                (_, "TotalCount") => self.info.total_count = count(map.next_value()?),
                (_, "error" | "message") => {
                    let value: serde_json::Value = map.next_value()?;
                    self.info.error = self.info.error.take().or_else(|| message_of(&value));
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
            keys.push(key);
        }
        if self.info.shape.is_none() {
            self.info.top_keys = keys;
            self.info.found = Some(JsonFound::Object {
                keys: Vec::new(),
                more: false,
            });
        }
        Ok(())
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        self.info.found = Some(JsonFound::Bool);
        Ok(())
    }

    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        self.info.found = Some(JsonFound::Number);
        Ok(())
    }

    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        self.info.found = Some(JsonFound::Number);
        Ok(())
    }

    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        self.info.found = Some(JsonFound::Number);
        Ok(())
    }

    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        self.info.found = Some(JsonFound::Text);
        Ok(())
    }

    fn visit_unit<E>(self) -> Result<(), E> {
        self.info.found = Some(JsonFound::Null);
        Ok(())
    }
}

fn count(value: serde_json::Value) -> Option<u64> {
    match value {
        serde_json::Value::Number(n) => n.as_u64(),
        serde_json::Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// The first `"message"` string in an API's error value, or its text.
fn message_of(value: &serde_json::Value) -> Option<String> {
    fn find(value: &serde_json::Value) -> Option<&str> {
        match value {
            serde_json::Value::Object(map) => map
                .get("message")
                .and_then(|m| m.as_str())
                .or_else(|| map.values().find_map(find)),
            serde_json::Value::Array(items) => items.iter().find_map(find),
            _ => None,
        }
    }
    match value {
        serde_json::Value::Null => None,
        serde_json::Value::String(s) => Some(s.clone()),
        v => Some(find(v).map_or_else(|| v.to_string(), str::to_string)),
    }
}

/// The value of `"data"` or `"Result"`: `true` if it was an array (whose
/// objects went to the sink).
struct Array<'s, S> {
    sink: &'s mut S,
    info: &'s mut TopInfo,
}

impl<'de, S: Sink> DeserializeSeed<'de> for Array<'_, S> {
    type Value = bool;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<bool, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de, S: Sink> Visitor<'de> for Array<'_, S> {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of objects")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<bool, A::Error> {
        objects(seq, self.sink, self.info).map(|()| true)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(false)
    }

    fn visit_bool<E>(self, _: bool) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_i64<E>(self, _: i64) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_u64<E>(self, _: u64) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_f64<E>(self, _: f64) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_str<E>(self, _: &str) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_unit<E>(self) -> Result<bool, E> {
        Ok(false)
    }
}

/// Each element of the event array: objects to the sink, others counted.
fn objects<'de, A: SeqAccess<'de>, S: Sink>(
    mut seq: A,
    sink: &mut S,
    info: &mut TopInfo,
) -> Result<(), A::Error> {
    while let Some(was_object) = seq.next_element_seed(Object { sink: &mut *sink })? {
        if was_object {
            info.objects += 1;
        } else {
            info.non_objects += 1;
        }
    }
    Ok(())
}

/// One element of the event array: `true` if it was an object.
struct Object<'s, S> {
    sink: &'s mut S,
}

impl<'de, S: Sink> DeserializeSeed<'de> for Object<'_, S> {
    type Value = bool;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<bool, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de, S: Sink> Visitor<'de> for Object<'_, S> {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an event object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        self.sink.begin();
        while let Some(column) = map.next_key_seed(Key {
            sink: &mut *self.sink,
        })? {
            self.sink.value(column, &mut map)?;
        }
        self.sink.end();
        Ok(true)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<bool, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(false)
    }

    fn visit_bool<E>(self, _: bool) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_i64<E>(self, _: i64) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_u64<E>(self, _: u64) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_f64<E>(self, _: f64) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_str<E>(self, _: &str) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_unit<E>(self) -> Result<bool, E> {
        Ok(false)
    }
}

/// A key of an event object, looked up without copying it.
struct Key<'s, S> {
    sink: &'s mut S,
}

impl<'de, S: Sink> DeserializeSeed<'de> for Key<'_, S> {
    type Value = usize;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<usize, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de, S: Sink> Visitor<'de> for Key<'_, S> {
    type Value = usize;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_str<E>(self, key: &str) -> Result<usize, E> {
        Ok(self.sink.column(key))
    }
}

/// A value as the text of a CSV field, written into the slot.
struct ValueText<'s>(&'s mut String);

impl<'de> DeserializeSeed<'de> for ValueText<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ValueText<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value")
    }

    fn visit_str<E>(self, v: &str) -> Result<(), E> {
        self.0.push_str(v);
        Ok(())
    }

    fn visit_bool<E>(self, v: bool) -> Result<(), E> {
        self.0.push_str(if v { "true" } else { "false" });
        Ok(())
    }

    fn visit_i64<E>(self, v: i64) -> Result<(), E> {
        self.0.push_str(&v.to_string());
        Ok(())
    }

    fn visit_u64<E>(self, v: u64) -> Result<(), E> {
        self.0.push_str(&v.to_string());
        Ok(())
    }

    fn visit_f64<E>(self, v: f64) -> Result<(), E> {
        // Rust writes the shortest text that reads back as `v`, with no
        // exponent and no `.0` on whole numbers.
        self.0.push_str(&v.to_string());
        Ok(())
    }

    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        let value = serde_json::Value::deserialize(de::value::SeqAccessDeserializer::new(seq))?;
        self.0.push_str(&value.to_string());
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        let value = serde_json::Value::deserialize(de::value::MapAccessDeserializer::new(map))?;
        self.0.push_str(&value.to_string());
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn csv(json: &str) -> Converted {
        read_json(json.as_bytes()).unwrap_or_else(|e| panic!("{json}: {e}"))
    }

    fn error(json: &str) -> ContainerError {
        match read_json(json.as_bytes()) {
            Ok(c) => panic!("{json} read as {:?}", c.text),
            Err(e) => e,
        }
    }

    #[test]
    fn the_header_is_the_union_of_keys_in_first_seen_order() {
        let c = csv(r#"[{"a": 1, "b": "x"}, {"c": null, "a": 2.5}, {"b": "y,z"}]"#);
        assert_eq!(c.text, "a,b,c\n1,x,\n2.5,,\n,\"y,z\",\n");
        assert_eq!(
            c.container,
            Container::Json {
                shape: JsonShape::Array
            }
        );
        assert!(c.warnings.is_empty());
    }

    #[test]
    fn values_become_text() {
        let c = csv(
            r#"[{"s": "caf\u00e9 \"q\"", "t": true, "n": -3, "big": 12345678901234567890,
                "f": 14.50, "e": 1e3, "nul": null, "arr": [1, "a"], "obj": {"k": [null]}}]"#,
        );
        let mut lines = c.text.lines();
        assert_eq!(lines.next(), Some("s,t,n,big,f,e,nul,arr,obj"));
        assert_eq!(
            lines.next(),
            Some(
                r#""café ""q""",true,-3,12345678901234567890,14.5,1000,,"[1,""a""]","{""k"":[null]}""#
            )
        );
    }

    #[test]
    fn the_api_shapes_are_recognised_by_their_array() {
        let acled = csv(r#"{"status": 200, "success": true, "count": 1, "data": [{"x": "1"}]}"#);
        assert_eq!(acled.text, "x\n1\n");
        assert_eq!(
            acled.container,
            Container::Json {
                shape: JsonShape::AcledApi
            }
        );
        // The array may come before the counts.
        let ucdp = csv(r#"{"Result": [{"id": 9}], "TotalCount": 1, "TotalPages": 1}"#);
        assert_eq!(ucdp.text, "id\n9\n");
        assert!(ucdp.warnings.is_empty());
    }

    #[test]
    fn one_page_of_a_larger_ucdp_answer_is_said() {
        let c = csv(r#"{"TotalCount": 2500, "Result": [{"id": 1}, {"id": 2}]}"#);
        assert_eq!(c.warnings.len(), 1);
        assert!(
            c.warnings[0].contains("2 of the 2500 events"),
            "{:?}",
            c.warnings
        );
    }

    #[test]
    fn an_acled_count_that_disagrees_is_said() {
        let c = csv(r#"{"success": true, "count": 3, "data": [{"id": 1}]}"#);
        assert!(
            c.warnings[0].contains("count as 3 but holds 1"),
            "{:?}",
            c.warnings
        );
    }

    #[test]
    fn an_api_error_is_passed_on() {
        let e = error(
            r#"{"status": 403, "success": false, "error": [{"code": 403, "message": "Access denied"}]}"#,
        );
        assert_eq!(
            e,
            ContainerError::ApiError {
                message: "Access denied".into()
            }
        );
    }

    #[test]
    fn other_documents_say_which_shapes_are_read() {
        let e = error(r#"{"event_date": "2022-01-01", "fatalities": 3}"#);
        assert_eq!(
            e,
            ContainerError::JsonShape {
                found: JsonFound::Object {
                    keys: vec!["event_date".into(), "fatalities".into()],
                    more: false
                }
            }
        );
        let message = e.to_string();
        for words in [
            "an object with the keys \"event_date\", \"fatalities\"",
            "ACLED API",
            "UCDP API",
            "array of event objects",
        ] {
            assert!(message.contains(words), "{message}");
        }
        assert_eq!(
            error("42"),
            ContainerError::JsonShape {
                found: JsonFound::Number
            }
        );
        assert!(error("42").to_string().contains("is a single number"));
        assert!(matches!(error("[1, 2]"), ContainerError::JsonShape { .. }));
        assert!(matches!(
            error(r#"{"data": 5}"#),
            ContainerError::JsonShape { .. }
        ));
        assert!(matches!(
            error("[{}, {}]"),
            ContainerError::JsonShape { .. }
        ));
        assert_eq!(
            error("[]"),
            ContainerError::NoObjects {
                shape: JsonShape::Array
            }
        );
    }

    #[test]
    fn elements_that_are_not_objects_are_left_out_and_counted() {
        let c = csv(r#"[{"a": 1}, 7, {"a": 2}]"#);
        assert_eq!(c.text, "a\n1\n2\n");
        assert_eq!(c.warnings.len(), 1);
        assert!(
            c.warnings[0].starts_with("1 element of the array was"),
            "{:?}",
            c.warnings
        );
    }

    #[test]
    fn broken_json_gives_line_and_column() {
        match error("[{\"a\": 1},\n {\"a\": }]") {
            ContainerError::JsonSyntax { line, column, .. } => assert_eq!((line, column), (2, 8)),
            e => panic!("{e:?}"),
        }
        assert!(matches!(
            error("[{\"a\": 1}] trailing"),
            ContainerError::JsonSyntax { line: 1, .. }
        ));
        // Cut off mid-download.
        assert!(matches!(
            error("[{\"a\": 1}, {\"a"),
            ContainerError::JsonSyntax { .. }
        ));
    }

    #[test]
    fn a_byte_order_mark_is_skipped() {
        assert_eq!(csv("\u{feff}[{\"a\": 1}]").text, "a\n1\n");
    }
}
