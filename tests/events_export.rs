//! "Download events (CSV)": every column of the source file is kept (the
//! export once dropped `source`, `source_scale`, `admin3` and any column
//! it did not know), neutralised against spreadsheet formulas, followed
//! by EventLens's reading of the event. Checked against a synthetic ACLED
//! file with extra columns, by hand.

mod common;

use common::{fixture, import};
use eventlens::engine::data::source::Format;
use eventlens::engine::import_bytes;
use eventlens::engine::output::{events_csv, row_slices, EventsCsv};
use eventlens::engine::read::import::ImportOptions;

const FIXTURE: &str = "acled_extra_columns.csv";

/// The export of events XC1 and XC3, written out by hand from the fixture:
/// the source's 33 columns as they are (a formula-like cell gets a `'`, a
/// negative number does not), then the three EventLens columns the source
/// does not name.
const WANT: &str = concat!(
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,",
    "actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,",
    "iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,",
    "source,source_scale,notes,coder_comment,fatalities,tags,timestamp,local_ref,",
    "event_id,side_1_actors,side_2_actors\n",
    "XC1,2022-05-01,2022,1,Political violence,Violence against civilians,Attack,",
    "Synthetic Militia A,Synthetic Group C,2,Civilians (Synthland),,7,27,Civilian targeting,",
    "999,Western Africa,Synthland,North Province,Ridge District,Sofara,Town A,14.1,-4.25,1,",
    "Synthetic Paper; Synthetic Radio,Local partner-National,",
    "\"Synthetic row 1, invented for the export test\",'=2+3,3,,1700000000,'-7x,",
    "XC1,Synthetic Militia A; Synthetic Group C,Civilians (Synthland)\n",
    "XC3,2022-05-03,2022,2,Demonstrations,Protests,Peaceful protest,",
    "Protesters (Synthland),,6,,,0,60,,",
    "999,Western Africa,Synthland,North Province,Ridge District,,Town C,14.3,5.5,1,",
    "Synthetic Radio,Subnational,",
    "\"Synthetic \"\"quoted\"\" row\nover two lines\",plain text,0,crowd size=no report,1700000000,0042,",
    "XC3,Protesters (Synthland),\n",
);

#[test]
fn the_events_export_keeps_every_column_of_the_source() {
    let data = import(&fixture(FIXTURE)).unwrap();
    assert_eq!(data.store.len(), 3);
    let csv = String::from_utf8(events_csv(&data.store, &[0, 2])).unwrap();
    assert_eq!(csv, WANT);
}

#[test]
fn records_read_back_from_the_file_export_the_same() {
    let bytes = fixture(FIXTURE);
    let options = ImportOptions {
        hold_text: false,
        ..ImportOptions::default()
    };
    let store = import_bytes(&bytes, options).unwrap().store;
    let rows = [0u32, 2];
    for max in [1, 64, u64::MAX] {
        let mut out = EventsCsv::new(&store);
        for (range, start, end) in row_slices(&store, &rows, max) {
            let slice = &bytes[start as usize..end as usize];
            for &r in &rows[range] {
                out.push_from_slice(&store, r as usize, slice, start);
            }
        }
        assert_eq!(String::from_utf8(out.finish()).unwrap(), WANT, "{max}");
    }
}

#[test]
fn an_export_opens_again_as_the_same_events() {
    let first = import(&fixture(FIXTURE)).unwrap();
    let all: Vec<u32> = (0..3).collect();
    let again = import(&events_csv(&first.store, &all)).unwrap();
    assert_eq!(again.report.format, Format::AcledCurrent);
    assert_eq!(again.store.len(), 3);
    assert_eq!(again.store.fatalities, [3, 1, 0]);
    assert_eq!(again.store.date, first.store.date);
}

/// Without the file to read records back from, the columns EventLens read
/// hold its reading of them and the others are left empty.
#[test]
fn a_record_that_cannot_be_read_back_keeps_what_eventlens_read() {
    let options = ImportOptions {
        hold_text: false,
        ..ImportOptions::default()
    };
    let store = import_bytes(&fixture(FIXTURE), options).unwrap().store;
    let csv = String::from_utf8(events_csv(&store, &[0])).unwrap();
    let row = csv.lines().nth(1).unwrap();
    assert_eq!(
        row,
        concat!(
            ",2022-05-01,,1,Political violence,Violence against civilians,Attack,",
            ",,,,,,,Civilian targeting,",
            ",,Synthland,North Province,Ridge District,,Town A,14.1,-4.25,1,",
            ",,,,3,,,,",
            ",Synthetic Militia A; Synthetic Group C,Civilians (Synthland)"
        )
    );
}
