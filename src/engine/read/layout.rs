//! Recognising a file's layout from its header row: which ACLED or UCDP
//! export it is, and which column holds each role (date, actors, place,
//! fatalities...). Files of any other shape are read through an explicit
//! [`ColumnMapping`].

use crate::engine::data::date::DateOrder;
use crate::engine::read::error::ImportError;
use serde::{Deserialize, Serialize};

pub use crate::engine::data::source::{Columns, Format};

/// A recognised layout: the format, where each role is, how to read dates.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub format: Format,
    pub columns: Columns,
    pub date_order: DateOrder,
    /// The header as written in the file (trimmed).
    pub header: Vec<String>,
}

/// A user's answer to "which column is what", by column name. Only `date`
/// is required.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ColumnMapping {
    pub date: String,
    #[serde(default)]
    pub date_order: DateOrder,
    pub event_id: Option<String>,
    pub event_type: Option<String>,
    pub sub_event_type: Option<String>,
    pub actor1: Option<String>,
    pub actor2: Option<String>,
    pub country: Option<String>,
    pub admin1: Option<String>,
    pub admin2: Option<String>,
    pub location: Option<String>,
    pub latitude: Option<String>,
    pub longitude: Option<String>,
    pub fatalities: Option<String>,
    pub notes: Option<String>,
    pub source: Option<String>,
}

impl ColumnMapping {
    /// The mappable roles, with a human name, in the order a dialog shows them.
    pub const ROLES: [(&'static str, &'static str); 15] = [
        ("date", "Date"),
        ("event_id", "Event id"),
        ("event_type", "Event type"),
        ("sub_event_type", "Sub-event type"),
        ("actor1", "Actor (side 1)"),
        ("actor2", "Actor (side 2)"),
        ("country", "Country"),
        ("admin1", "Region (admin 1)"),
        ("admin2", "District (admin 2)"),
        ("location", "Location"),
        ("latitude", "Latitude"),
        ("longitude", "Longitude"),
        ("fatalities", "Fatalities"),
        ("notes", "Notes"),
        ("source", "Source"),
    ];

    pub fn get(&self, role: &str) -> Option<&str> {
        match role {
            "date" => Some(self.date.as_str()).filter(|s| !s.is_empty()),
            _ => self.slot(role).and_then(|s| s.as_deref()),
        }
    }

    pub fn set(&mut self, role: &str, column: Option<String>) {
        if role == "date" {
            self.date = column.unwrap_or_default();
        } else if let Some(slot) = self.slot_mut(role) {
            *slot = column;
        }
    }

    fn slot(&self, role: &str) -> Option<&Option<String>> {
        Some(match role {
            "event_id" => &self.event_id,
            "event_type" => &self.event_type,
            "sub_event_type" => &self.sub_event_type,
            "actor1" => &self.actor1,
            "actor2" => &self.actor2,
            "country" => &self.country,
            "admin1" => &self.admin1,
            "admin2" => &self.admin2,
            "location" => &self.location,
            "latitude" => &self.latitude,
            "longitude" => &self.longitude,
            "fatalities" => &self.fatalities,
            "notes" => &self.notes,
            "source" => &self.source,
            _ => return None,
        })
    }

    fn slot_mut(&mut self, role: &str) -> Option<&mut Option<String>> {
        Some(match role {
            "event_id" => &mut self.event_id,
            "event_type" => &mut self.event_type,
            "sub_event_type" => &mut self.sub_event_type,
            "actor1" => &mut self.actor1,
            "actor2" => &mut self.actor2,
            "country" => &mut self.country,
            "admin1" => &mut self.admin1,
            "admin2" => &mut self.admin2,
            "location" => &mut self.location,
            "latitude" => &mut self.latitude,
            "longitude" => &mut self.longitude,
            "fatalities" => &mut self.fatalities,
            "notes" => &mut self.notes,
            "source" => &mut self.source,
            _ => return None,
        })
    }

    /// A first guess from the header names, for the mapping dialog.
    pub fn suggest(header: &[String]) -> ColumnMapping {
        let find = |names: &[&str]| -> Option<String> {
            header
                .iter()
                .find(|h| names.contains(&normalise(h).as_str()))
                .cloned()
        };
        ColumnMapping {
            date: find(&["date", "event_date", "date_start", "day", "when"]).unwrap_or_default(),
            date_order: DateOrder::Auto,
            event_id: find(&["id", "event_id", "event_id_cnty"]),
            event_type: find(&["event_type", "type", "category", "incident_type"]),
            sub_event_type: find(&["sub_event_type", "subtype", "sub_type"]),
            actor1: find(&["actor1", "actor", "perpetrator", "side_a", "actor_1"]),
            actor2: find(&["actor2", "target", "victim", "side_b", "actor_2"]),
            country: find(&["country", "country_name"]),
            admin1: find(&["admin1", "region", "province", "state", "adm_1"]),
            admin2: find(&["admin2", "district", "cercle", "adm_2"]),
            location: find(&["location", "place", "town", "city", "village"]),
            latitude: find(&["latitude", "lat", "y"]),
            longitude: find(&["longitude", "lon", "lng", "long", "x"]),
            fatalities: find(&["fatalities", "deaths", "killed", "best", "dead"]),
            notes: find(&["notes", "description", "summary", "text"]),
            source: find(&["source", "sources", "source_article", "url"]),
        }
    }
}

/// Lower-case, trimmed, BOM-free header name.
pub fn normalise(name: &str) -> String {
    name.trim_start_matches('\u{feff}')
        .trim()
        .to_ascii_lowercase()
}

/// Recognises the layout of `header`, or applies `mapping` when given.
pub fn recognise(
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

    let columns = if format == Format::UcdpGed {
        Columns {
            event_id: finder.get("id")?,
            date: finder.require("date_start", &header)?,
            date_end: finder.get("date_end")?,
            time_precision: finder.get("date_prec")?,
            event_type: finder.get("type_of_violence")?,
            sub_event_type: None,
            actor1: finder.get("side_a")?,
            actor2: finder.get("side_b")?,
            country: finder.get("country")?,
            admin1: finder.get("adm_1")?,
            admin2: finder.get("adm_2")?,
            location: finder.get("where_coordinates")?,
            latitude: finder.get("latitude")?,
            longitude: finder.get("longitude")?,
            geo_precision: finder.get("where_prec")?,
            source: finder.get("source_article")?,
            fatalities: finder.get("best")?,
            fatalities_low: finder.get("low")?,
            fatalities_high: finder.get("high")?,
            civilian_deaths: finder.get("deaths_civilians")?,
            ..Columns::default()
        }
    } else {
        Columns {
            event_id: finder.get("event_id_cnty")?,
            date: finder.require("event_date", &header)?,
            time_precision: finder.get("time_precision")?,
            disorder_type: finder.get("disorder_type")?,
            event_type: finder.get("event_type")?,
            sub_event_type: finder.get("sub_event_type")?,
            actor1: finder.get("actor1")?,
            assoc_actor_1: finder.get_any(&["assoc_actor_1", "ally_actor_1"])?,
            actor2: finder.get("actor2")?,
            assoc_actor_2: finder.get_any(&["assoc_actor_2", "ally_actor_2"])?,
            civilian_targeting: finder.get("civilian_targeting")?,
            country: finder.get("country")?,
            admin1: finder.get("admin1")?,
            admin2: finder.get("admin2")?,
            admin3: finder.get("admin3")?,
            location: finder.get("location")?,
            latitude: finder.get("latitude")?,
            longitude: finder.get("longitude")?,
            geo_precision: finder.get("geo_precision")?,
            source: finder.get("source")?,
            notes: finder.get("notes")?,
            fatalities: finder.get("fatalities")?,
            ..Columns::default()
        }
    };
    Ok(Layout {
        format,
        columns,
        date_order,
        header,
    })
}

fn apply_mapping(
    header: Vec<String>,
    names: &[String],
    mapping: &ColumnMapping,
) -> Result<Layout, ImportError> {
    let finder = Finder { names };
    let column = |role: &'static str| -> Result<Option<usize>, ImportError> {
        match mapping.get(role) {
            None => Ok(None),
            Some(name) => match finder.get(&normalise(name))? {
                Some(i) => Ok(Some(i)),
                None => Err(ImportError::MappingColumnMissing {
                    role,
                    name: name.to_string(),
                }),
            },
        }
    };
    let date = column("date")?.ok_or(ImportError::MappingColumnMissing {
        role: "date",
        name: mapping.date.clone(),
    })?;
    let columns = Columns {
        event_id: column("event_id")?,
        date,
        event_type: column("event_type")?,
        sub_event_type: column("sub_event_type")?,
        actor1: column("actor1")?,
        actor2: column("actor2")?,
        country: column("country")?,
        admin1: column("admin1")?,
        admin2: column("admin2")?,
        location: column("location")?,
        latitude: column("latitude")?,
        longitude: column("longitude")?,
        fatalities: column("fatalities")?,
        notes: column("notes")?,
        source: column("source")?,
        ..Columns::default()
    };
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

    fn require(&self, name: &str, header: &[String]) -> Result<usize, ImportError> {
        self.get(name)?.ok_or_else(|| ImportError::UnknownLayout {
            headers: header.to_vec(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(layout.columns.date, 1);
        assert_eq!(layout.columns.assoc_actor_1, Some(8));
        assert_eq!(layout.columns.notes, Some(27));
        assert_eq!(layout.columns.fatalities, Some(28));
    }

    #[test]
    fn legacy_ally_columns_become_associated_actors() {
        let layout = recognise(
            &header("GWNO,EVENT_DATE,ACTOR1,ALLY_ACTOR_1,ACTOR2,ALLY_ACTOR_2,FATALITIES,,"),
            None,
        )
        .unwrap();
        assert_eq!(layout.columns.assoc_actor_1, Some(3));
        assert_eq!(layout.columns.assoc_actor_2, Some(5));
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
        assert_eq!(mapping.date, "When");
        assert_eq!(mapping.latitude.as_deref(), Some("Lat"));
        assert_eq!(mapping.longitude.as_deref(), Some("Lng"));
        assert_eq!(mapping.fatalities.as_deref(), Some("Killed"));
        let layout = recognise(&h, Some(&mapping)).unwrap();
        assert_eq!(layout.format, Format::Mapped);
        assert_eq!(layout.columns.fatalities, Some(3));
        let mut bad = mapping.clone();
        bad.set("notes", Some("Description".into()));
        assert_eq!(
            recognise(&h, Some(&bad)).unwrap_err(),
            ImportError::MappingColumnMissing {
                role: "notes",
                name: "Description".into()
            }
        );
    }
}
