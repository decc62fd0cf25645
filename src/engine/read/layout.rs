//! Recognising a file's layout from its header row: which ACLED or UCDP
//! export it is, and which column holds each role (date, actors, place,
//! fatalities...). Files of any other shape are read through an explicit
//! [`ColumnMapping`].

use crate::engine::data::date::DateOrder;
use crate::engine::read::error::ImportError;

pub use crate::engine::data::source::{ColumnRole, Columns, Format};

/// A recognised layout: the format, where each role is, how to read dates.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Layout {
    pub format: Format,
    pub columns: Columns,
    pub date_order: DateOrder,
    /// The header as written in the file (trimmed).
    pub header: Vec<String>,
}

/// A user's answer to "which column is what", by column name, for the
/// [`ColumnRole::MAPPABLE`] roles. Only the date is required.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ColumnMapping {
    /// Column name by `ColumnRole as usize`; only mappable roles are set.
    columns: [Option<String>; ColumnRole::COUNT],
    pub date_order: DateOrder,
}

/// Header names that suggest each mappable role, in dialog order.
const SUGGESTIONS: [(ColumnRole, &[&str]); 15] = [
    (
        ColumnRole::Date,
        &["date", "event_date", "date_start", "day", "when"],
    ),
    (ColumnRole::EventId, &["id", "event_id", "event_id_cnty"]),
    (
        ColumnRole::EventType,
        &["event_type", "type", "category", "incident_type"],
    ),
    (
        ColumnRole::SubEventType,
        &["sub_event_type", "subtype", "sub_type"],
    ),
    (
        ColumnRole::Actor1,
        &["actor1", "actor", "perpetrator", "side_a", "actor_1"],
    ),
    (
        ColumnRole::Actor2,
        &["actor2", "target", "victim", "side_b", "actor_2"],
    ),
    (ColumnRole::Country, &["country", "country_name"]),
    (
        ColumnRole::Admin1,
        &["admin1", "region", "province", "state", "adm_1"],
    ),
    (
        ColumnRole::Admin2,
        &["admin2", "district", "cercle", "adm_2"],
    ),
    (
        ColumnRole::Location,
        &["location", "place", "town", "city", "village"],
    ),
    (ColumnRole::Latitude, &["latitude", "lat", "y"]),
    (
        ColumnRole::Longitude,
        &["longitude", "lon", "lng", "long", "x"],
    ),
    (
        ColumnRole::Fatalities,
        &["fatalities", "deaths", "killed", "best", "dead"],
    ),
    (
        ColumnRole::Notes,
        &["notes", "description", "summary", "text"],
    ),
    (
        ColumnRole::Source,
        &["source", "sources", "source_article", "url"],
    ),
];

impl ColumnMapping {
    /// The column chosen for `role`, if any.
    pub fn get(&self, role: ColumnRole) -> Option<&str> {
        self.columns[role as usize]
            .as_deref()
            .filter(|s| !s.is_empty())
    }

    /// Chooses `column` for `role`. Roles outside [`ColumnRole::MAPPABLE`]
    /// are never read through a mapping, so they stay unset.
    pub fn set(&mut self, role: ColumnRole, column: Option<String>) {
        if role.is_mappable() {
            self.columns[role as usize] = column;
        }
    }

    /// A first guess from the header names, for the mapping dialog.
    pub fn suggest(header: &[String]) -> ColumnMapping {
        let mut mapping = ColumnMapping::default();
        for (role, names) in SUGGESTIONS {
            let found = header
                .iter()
                .find(|h| names.contains(&normalise(h).as_str()));
            mapping.set(role, found.cloned());
        }
        mapping
    }
}

/// A header name as layouts are matched: without a byte-order mark or
/// surrounding spaces, in lower case, with spaces and hyphens as
/// underscores ("Event Date" and "event-date" are `event_date`).
pub(crate) fn normalise(name: &str) -> String {
    let name = name
        .trim_start_matches('\u{feff}')
        .trim()
        .to_ascii_lowercase();
    name.split([' ', '-', '_'])
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("_")
}

/// Recognises the layout of `header`, or applies `mapping` when given.
pub(crate) fn recognise(
    header: &[String],
    mapping: Option<&ColumnMapping>,
) -> Result<Layout, ImportError> {
    let names: Vec<String> = header.iter().map(|h| normalise(h)).collect();
    let header: Vec<String> = header.iter().map(|h| h.trim().to_string()).collect();
    if let Some(mapping) = mapping {
        return apply_mapping(header, &names, mapping);
    }
    let finder = Finder { names: &names };
    let has = |n: &str| names.iter().any(|h| h == n);

    let (format, date_order) = if has("date_start") && has("side_a") && has("best") {
        (Format::UcdpGed, DateOrder::Auto)
    } else if has("gwno") && has("event_date") && has("actor1") {
        (Format::AcledLegacyAfrica, DateOrder::DayFirst)
    } else if has("event_id_cnty") && has("event_date") && has("actor1") {
        let format = if !has("actor2") {
            Format::AcledMonadic
        } else if has("data_id") || has("iso3") || !has("disorder_type") {
            Format::AcledExportTool
        } else {
            Format::AcledCurrent
        };
        (format, DateOrder::Auto)
    } else {
        return Err(ImportError::UnknownLayout { headers: header });
    };

    let table = if format == Format::UcdpGed {
        UCDP_COLUMNS
    } else {
        ACLED_COLUMNS
    };
    let columns = finder.columns(table, &header)?;
    Ok(Layout {
        format,
        columns,
        date_order,
        header,
    })
}

/// Where ACLED exports (all layouts) keep each role, by header name; the
/// first name present wins.
const ACLED_COLUMNS: &[(ColumnRole, &[&str])] = &[
    (ColumnRole::EventId, &["event_id_cnty"]),
    (ColumnRole::Date, &["event_date"]),
    (ColumnRole::TimePrecision, &["time_precision"]),
    (ColumnRole::DisorderType, &["disorder_type"]),
    (ColumnRole::EventType, &["event_type"]),
    (ColumnRole::SubEventType, &["sub_event_type"]),
    (ColumnRole::Actor1, &["actor1"]),
    (ColumnRole::AssocActor1, &["assoc_actor_1", "ally_actor_1"]),
    (ColumnRole::Actor2, &["actor2"]),
    (ColumnRole::AssocActor2, &["assoc_actor_2", "ally_actor_2"]),
    (ColumnRole::CivilianTargeting, &["civilian_targeting"]),
    (ColumnRole::Country, &["country"]),
    (ColumnRole::Admin1, &["admin1"]),
    (ColumnRole::Admin2, &["admin2"]),
    (ColumnRole::Admin3, &["admin3"]),
    (ColumnRole::Location, &["location"]),
    (ColumnRole::Latitude, &["latitude"]),
    (ColumnRole::Longitude, &["longitude"]),
    (ColumnRole::GeoPrecision, &["geo_precision"]),
    (ColumnRole::Source, &["source"]),
    (ColumnRole::Notes, &["notes"]),
    (ColumnRole::Fatalities, &["fatalities"]),
    (ColumnRole::Year, &["year"]),
];

/// Where UCDP GED keeps each role, by header name.
const UCDP_COLUMNS: &[(ColumnRole, &[&str])] = &[
    (ColumnRole::EventId, &["id"]),
    (ColumnRole::Date, &["date_start"]),
    (ColumnRole::DateEnd, &["date_end"]),
    (ColumnRole::TimePrecision, &["date_prec"]),
    (ColumnRole::EventType, &["type_of_violence"]),
    (ColumnRole::Actor1, &["side_a"]),
    (ColumnRole::Actor2, &["side_b"]),
    (ColumnRole::Country, &["country"]),
    (ColumnRole::Admin1, &["adm_1"]),
    (ColumnRole::Admin2, &["adm_2"]),
    (ColumnRole::Location, &["where_coordinates"]),
    (ColumnRole::Latitude, &["latitude"]),
    (ColumnRole::Longitude, &["longitude"]),
    (ColumnRole::GeoPrecision, &["where_prec"]),
    (ColumnRole::Source, &["source_article"]),
    (ColumnRole::Fatalities, &["best"]),
    (ColumnRole::FatalitiesLow, &["low"]),
    (ColumnRole::FatalitiesHigh, &["high"]),
    (ColumnRole::CivilianDeaths, &["deaths_civilians"]),
    (ColumnRole::Year, &["year"]),
];

fn apply_mapping(
    header: Vec<String>,
    names: &[String],
    mapping: &ColumnMapping,
) -> Result<Layout, ImportError> {
    let finder = Finder { names };
    if mapping.get(ColumnRole::Date).is_none() {
        return Err(ImportError::MappingColumnMissing {
            role: ColumnRole::Date,
            name: String::new(),
        });
    }
    let mut columns = Columns::default();
    for role in ColumnRole::MAPPABLE {
        let Some(name) = mapping.get(role) else {
            continue;
        };
        let column =
            finder
                .get(&normalise(name))?
                .ok_or_else(|| ImportError::MappingColumnMissing {
                    role,
                    name: name.to_string(),
                })?;
        columns.set(role, column);
    }
    Ok(Layout {
        format: Format::Mapped,
        columns,
        date_order: mapping.date_order,
        header,
    })
}

struct Finder<'a> {
    names: &'a [String],
}

impl Finder<'_> {
    /// The column called `name`; an error if two columns have that name.
    fn get(&self, name: &str) -> Result<Option<usize>, ImportError> {
        let mut hits = self.names.iter().enumerate().filter(|(_, n)| *n == name);
        let first = hits.next().map(|(i, _)| i);
        if let (Some(first), Some((second, _))) = (first, hits.next()) {
            return Err(ImportError::DuplicateColumn {
                name: name.to_string(),
                first: first + 1,
                second: second + 1,
            });
        }
        Ok(first)
    }

    fn get_any(&self, names: &[&str]) -> Result<Option<usize>, ImportError> {
        for name in names {
            if let Some(i) = self.get(name)? {
                return Ok(Some(i));
            }
        }
        Ok(None)
    }

    /// The columns `table` names; the date is required.
    fn columns(
        &self,
        table: &[(ColumnRole, &[&str])],
        header: &[String],
    ) -> Result<Columns, ImportError> {
        let mut columns = Columns::default();
        let mut has_date = false;
        for &(role, names) in table {
            if let Some(i) = self.get_any(names)? {
                columns.set(role, i);
                has_date |= role == ColumnRole::Date;
            }
        }
        if !has_date {
            return Err(ImportError::UnknownLayout {
                headers: header.to_vec(),
            });
        }
        Ok(columns)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mapping_crosses_to_the_import_worker_unchanged() {
        let mut mapping = ColumnMapping::default();
        mapping.set(ColumnRole::Date, Some("When".to_string()));
        mapping.set(ColumnRole::Fatalities, Some("Killed".to_string()));
        mapping.set(ColumnRole::Actor1, Some("Perpetrator \"A\"; é".to_string()));
        mapping.date_order = DateOrder::DayFirst;
        let text = serde_json::to_string(&mapping).expect("a mapping is plain data");
        let back: ColumnMapping = serde_json::from_str(&text).expect("it reads back");
        assert_eq!(back, mapping);
        assert_eq!(back.get(ColumnRole::Actor1), Some("Perpetrator \"A\"; é"));
        assert_eq!(back.get(ColumnRole::Notes), None);
    }

    fn header(line: &str) -> Vec<String> {
        line.split(',').map(str::to_string).collect()
    }

    const CURRENT: &str = "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp";

    #[test]
    fn recognises_each_known_layout() {
        let cases = [
            (CURRENT, Format::AcledCurrent),
            ("data_id,iso,event_id_cnty,event_id_no_cnty,event_date,year,time_precision,event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,timestamp,iso3", Format::AcledExportTool),
            ("event_id_cnty,event_date,year,event_type,actor1,assoc_actor_1,inter1,country,admin1,location,latitude,longitude,notes,fatalities", Format::AcledMonadic),
            ("GWNO,EVENT_ID_CNTY,EVENT_ID_NO_CNTY,EVENT_DATE,YEAR,TIME_PRECISION,EVENT_TYPE,ACTOR1,ALLY_ACTOR_1,INTER1,ACTOR2,ALLY_ACTOR_2,INTER2,INTERACTION,COUNTRY,ADMIN1,ADMIN2,ADMIN3,LOCATION,LATITUDE,LONGITUDE,GEO_PRECISION,SOURCE,NOTES,FATALITIES,,,", Format::AcledLegacyAfrica),
            ("id,relid,year,active_year,code_status,type_of_violence,conflict_new_id,conflict_name,dyad_new_id,dyad_name,side_a_new_id,side_a,side_b_new_id,side_b,number_of_sources,source_article,where_prec,where_coordinates,adm_1,adm_2,latitude,longitude,geom_wkt,priogrid_gid,country,country_id,region,event_clarity,date_prec,date_start,date_end,deaths_a,deaths_b,deaths_civilians,deaths_unknown,best,high,low", Format::UcdpGed),
        ];
        for (line, format) in cases {
            let layout = recognise(&header(line), None).unwrap();
            assert_eq!(layout.format, format, "{line}");
        }
    }

    #[test]
    fn current_layout_columns() {
        let layout = recognise(&header(CURRENT), None).unwrap();
        assert_eq!(layout.columns.date(), 1);
        assert_eq!(layout.columns.get(ColumnRole::AssocActor1), Some(8));
        assert_eq!(layout.columns.get(ColumnRole::Notes), Some(27));
        assert_eq!(layout.columns.get(ColumnRole::Fatalities), Some(28));
    }

    #[test]
    fn legacy_ally_columns_become_associated_actors() {
        let layout = recognise(
            &header("GWNO,EVENT_DATE,ACTOR1,ALLY_ACTOR_1,ACTOR2,ALLY_ACTOR_2,FATALITIES,,"),
            None,
        )
        .unwrap();
        assert_eq!(layout.columns.get(ColumnRole::AssocActor1), Some(3));
        assert_eq!(layout.columns.get(ColumnRole::AssocActor2), Some(5));
        assert_eq!(layout.date_order, DateOrder::DayFirst);
    }

    #[test]
    fn duplicate_used_column_is_an_error_naming_both_positions() {
        let err = recognise(
            &header("event_id_cnty,event_date,actor1,actor2,event_date"),
            None,
        )
        .unwrap_err();
        assert_eq!(
            err,
            ImportError::DuplicateColumn {
                name: "event_date".into(),
                first: 2,
                second: 5
            }
        );
    }

    #[test]
    fn unknown_layout_and_mapping() {
        let h = header("When,Lat,Lng,Killed,Place,Perpetrator");
        assert!(matches!(
            recognise(&h, None),
            Err(ImportError::UnknownLayout { .. })
        ));
        let mapping = ColumnMapping::suggest(&h);
        assert_eq!(mapping.get(ColumnRole::Date), Some("When"));
        assert_eq!(mapping.get(ColumnRole::Latitude), Some("Lat"));
        assert_eq!(mapping.get(ColumnRole::Longitude), Some("Lng"));
        assert_eq!(mapping.get(ColumnRole::Fatalities), Some("Killed"));
        let layout = recognise(&h, Some(&mapping)).unwrap();
        assert_eq!(layout.format, Format::Mapped);
        assert_eq!(layout.columns.get(ColumnRole::Fatalities), Some(3));
        let mut bad = mapping.clone();
        bad.set(ColumnRole::Notes, Some("Description".into()));
        assert_eq!(
            recognise(&h, Some(&bad)).unwrap_err(),
            ImportError::MappingColumnMissing {
                role: ColumnRole::Notes,
                name: "Description".into()
            }
        );
    }

    /// The mapping dialog offers `ColumnRole::MAPPABLE`: each of those, and
    /// no other role, is kept by a mapping and read from its column.
    #[test]
    fn mapping_dialog_roles_are_exactly_the_mappable_roles() {
        let h: Vec<String> = (0..ColumnRole::COUNT).map(|i| format!("c{i}")).collect();
        let mut mapping = ColumnMapping::default();
        for role in ColumnRole::ALL {
            mapping.set(role, Some(format!("c{}", role as usize)));
        }
        let layout = recognise(&h, Some(&mapping)).unwrap();
        let mut kept = Vec::new();
        for role in ColumnRole::ALL {
            let chosen = mapping.get(role).map(str::to_string);
            let read = layout.columns.get(role);
            if role.is_mappable() {
                assert_eq!(chosen, Some(format!("c{}", role as usize)), "{role:?}");
                assert_eq!(read, Some(role as usize), "{role:?}");
                kept.push(role);
            } else {
                assert_eq!(chosen, None, "{role:?}");
                assert_eq!(read, None, "{role:?}");
            }
        }
        let mut mappable = ColumnRole::MAPPABLE.to_vec();
        mappable.sort_by_key(|&r| r as usize);
        assert_eq!(kept, mappable);
    }

    #[test]
    fn suggestions_cover_every_mappable_role() {
        // One header name per role, from the ones people write.
        let names = [
            (ColumnRole::Date, "Day"),
            (ColumnRole::EventId, "ID"),
            (ColumnRole::EventType, "Category"),
            (ColumnRole::SubEventType, "Subtype"),
            (ColumnRole::Actor1, "Perpetrator"),
            (ColumnRole::Actor2, "Victim"),
            (ColumnRole::Country, "Country_Name"),
            (ColumnRole::Admin1, "Province"),
            (ColumnRole::Admin2, "Cercle"),
            (ColumnRole::Location, "Village"),
            (ColumnRole::Latitude, "y"),
            (ColumnRole::Longitude, "x"),
            (ColumnRole::Fatalities, "Dead"),
            (ColumnRole::Notes, "Summary"),
            (ColumnRole::Source, "URL"),
        ];
        let h: Vec<String> = names.iter().map(|(_, n)| n.to_string()).collect();
        let mapping = ColumnMapping::suggest(&h);
        for (role, name) in names {
            assert_eq!(mapping.get(role), Some(name), "{role:?}");
        }
        assert_eq!(names.len(), ColumnRole::MAPPABLE.len());
    }

    #[test]
    fn an_unmapped_date_is_named_in_the_error() {
        let h = header("Lat,Lng");
        let mapping = ColumnMapping::suggest(&h);
        assert_eq!(
            recognise(&h, Some(&mapping)).unwrap_err(),
            ImportError::MappingColumnMissing {
                role: ColumnRole::Date,
                name: String::new()
            }
        );
    }
}
