//! The command-line tool prints the JSON the issue specifies.

use serde_json::Value;
use std::path::PathBuf;
use std::process::Command;

fn cli(args: &[&str]) -> (i32, Value, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_eventlens-cli"))
        .args(args)
        .current_dir(PathBuf::from(env!("CARGO_MANIFEST_DIR")))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let value = serde_json::from_str(&stdout).unwrap_or(Value::Null);
    (
        out.status.code().unwrap_or(-1),
        value,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn report_prints_the_import_summary() {
    let (code, v, _) = cli(&["report", "tests/fixtures/acled_current.csv"]);
    assert_eq!(code, 0);
    assert_eq!(v["format"], "acled_current");
    assert_eq!(v["rows_read"], 6);
    assert_eq!(v["rows_skipped"], 0);
    assert_eq!(v["events"], 6);
    assert_eq!(v["fatalities"], 1240);
    assert_eq!(v["date_min"], "2021-06-15");
    assert_eq!(v["date_max"], "2023-01-10");
    assert_eq!(v["by_year"]["2022"]["events"], 3);
    assert_eq!(v["by_year"]["2022"]["fatalities"], 1203);
    assert_eq!(v["by_event_type"]["Battles"]["events"], 2);
    assert_eq!(v["by_event_type"]["Battles"]["fatalities"], 1205);
}

#[test]
fn aggregate_with_filters() {
    let (code, v, _) = cli(&[
        "aggregate",
        "tests/fixtures/acled_current.csv",
        "--by",
        "event_type",
        "--months",
        "6-9",
        "--actor",
        "Wagner Group",
        "--alongside",
        "Malian state forces",
    ]);
    assert_eq!(code, 0);
    // FIX1 (Battles, 5) and FIX2 (Violence against civilians, 12).
    assert_eq!(v["total"]["events"], 2);
    assert_eq!(v["total"]["fatalities"], 17);
    let groups = v["groups"].as_array().unwrap();
    assert_eq!(groups.len(), 2);
    let (code, v, _) = cli(&[
        "aggregate",
        "tests/fixtures/acled_current.csv",
        "--by",
        "year",
        "--from",
        "2022-01-01",
        "--admin1",
        "Menaka",
    ]);
    assert_eq!(code, 0);
    assert_eq!(v["groups"][0]["key"], "2022");
    assert_eq!(v["groups"][0]["fatalities"], 1200);
    assert_eq!(v["groups"][1]["key"], "2023");
}

/// Issue 12: a categorical filter takes several values, comma-separated or
/// repeated.
#[test]
fn aggregate_with_several_values_per_filter() {
    for types in [
        &["--event-type", "Battles,Violence against civilians"][..],
        &[
            "--event-type",
            "Battles",
            "--event-type",
            "Violence against civilians",
        ][..],
    ] {
        let mut args = vec![
            "aggregate",
            "tests/fixtures/acled_current.csv",
            "--by",
            "event_type",
        ];
        args.extend_from_slice(types);
        let (code, v, err) = cli(&args);
        assert_eq!(code, 0, "{err}");
        // FIX1 and FIX4 (Battles: 5 + 1,200), FIX2 and FIX6 (Violence
        // against civilians: 12 + 20).
        assert_eq!(v["total"]["events"], 4, "{types:?}");
        assert_eq!(v["total"]["fatalities"], 1237, "{types:?}");
    }
}

#[test]
fn aggregate_by_season_over_the_new_year() {
    // October-January: FIX5 (2022-10-05, no fatalities given) and FIX6
    // (2023-01-10, 20) are the season 2022/23; the others fall outside.
    let (code, v, _) = cli(&[
        "aggregate",
        "tests/fixtures/acled_current.csv",
        "--by",
        "season",
        "--months",
        "10-1",
    ]);
    assert_eq!(code, 0);
    assert_eq!(v["by"], "season");
    let groups = v["groups"].as_array().unwrap();
    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0]["key"], "2022/23");
    assert_eq!(groups[0]["events"], 2);
    assert_eq!(groups[0]["fatalities"], 20);
}

#[test]
fn errors_are_sentences_with_exit_codes() {
    let (code, _, err) = cli(&["report", "tests/fixtures/invalid/workbook.xlsx"]);
    assert_eq!(code, 1);
    assert!(err.contains("Excel workbook"), "{err}");
    let (code, _, err) = cli(&[
        "aggregate",
        "tests/fixtures/acled_current.csv",
        "--by",
        "planet",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("group by one of"), "{err}");
    let (code, _, err) = cli(&[
        "aggregate",
        "tests/fixtures/acled_current.csv",
        "--by",
        "year",
        "--from",
        "June 2022",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("YYYY-MM-DD"), "{err}");
}

#[test]
fn user_aliases_extend_the_built_in_table() {
    // Folding Islamic State Sahel into "Jihadist groups" alongside JNIM:
    // FIX1, FIX3, FIX4 (JNIM) and FIX6 (IS Sahel) involve the group.
    let (code, v, _) = cli(&[
        "aggregate",
        "tests/fixtures/acled_current.csv",
        "--by",
        "year",
        "--alias",
        "Islamic State (Sahel)=Jihadist groups",
        "--alias",
        "JNIM: Group for Support of Islam and Muslims=Jihadist groups",
        "--actor",
        "Jihadist groups",
    ]);
    assert_eq!(code, 0);
    assert_eq!(v["total"]["events"], 4);
    let (code, _, err) = cli(&[
        "aggregate",
        "tests/fixtures/acled_current.csv",
        "--by",
        "year",
        "--alias",
        "no equals sign",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("canonical name"), "{err}");
}

/// Hostile-input review, defect 10: `report FILE | head -c 10` made the
/// command panic when the reader closed the pipe.
#[test]
fn a_closed_pipe_ends_the_command_quietly() {
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_eventlens-cli"))
        .args(["report", "tests/fixtures/acled_current.csv"])
        .current_dir(PathBuf::from(env!("CARGO_MANIFEST_DIR")))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Close the reading end before the command writes anything.
    child.stdout = None;
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(out.status.code(), Some(0), "{stderr}");
}

/// The report names the date form it inferred, with examples, for a file
/// re-saved with day-first two-digit years.
#[test]
fn report_names_the_date_form_it_read() {
    let (code, v, err) = cli(&[
        "report",
        "tests/fixtures/resaved/acled_export_tool_2019_dmy.csv",
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(v["events"], 3);
    assert_eq!(v["fatalities"], 38);
    assert_eq!(v["date_min"], "2019-12-31");
    assert_eq!(v["date_max"], "2020-02-15");
    assert_eq!(v["dates"]["form"], "day/month/year (31/12/2019, 31-12-19)");
    assert_eq!(v["dates"]["examples"][0][0], "31-12-19");
    assert_eq!(v["dates"]["examples"][0][1], "2019-12-31");
    assert_eq!(v["year_mismatches"], 0);
    let (code, _, err) = cli(&[
        "report",
        "tests/fixtures/resaved/acled_export_tool_2019_dmy.csv",
        "--date-order",
        "sideways",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("day-first"), "{err}");
}

#[test]
fn islamic_state_sahel_under_old_and_new_names_and_uncertain_attributions() {
    // acled_sahel_names.csv: IS Sahel under three ACLED names in SN1 (4
    // fatalities, 2018), SN2 (6, 2018), SN3 (10, 2019), SN4 (15, 2020), SN9
    // (20, 2022), SN11 (9, 2023); "JNIM and/or IS" in SN5 (3, 2020), SN6
    // (8, 2020), SN12 (2, 2023).
    let file = "tests/fixtures/acled_sahel_names.csv";
    let year = |v: &Value, key: &str| {
        let g = v["groups"]
            .as_array()
            .unwrap()
            .iter()
            .find(|g| g["key"] == key)
            .cloned()
            .unwrap_or(Value::Null);
        (g["events"].as_u64(), g["fatalities"].as_u64())
    };
    let (code, v, _) = cli(&[
        "aggregate",
        file,
        "--by",
        "year",
        "--actor",
        "Islamic State Sahel",
    ]);
    assert_eq!(code, 0);
    assert_eq!(v["total"]["events"], 6);
    assert_eq!(v["total"]["fatalities"], 64);
    assert_eq!(year(&v, "2018"), (Some(2), Some(10)));
    assert_eq!(year(&v, "2019"), (Some(1), Some(10)));
    assert_eq!(year(&v, "2020"), (Some(1), Some(15)));
    assert_eq!(year(&v, "2023"), (Some(1), Some(9)));
    let (code, v, _) = cli(&[
        "aggregate",
        file,
        "--by",
        "year",
        "--actor",
        "Islamic State Sahel",
        "--uncertain",
    ]);
    assert_eq!(code, 0);
    assert_eq!(v["total"]["events"], 9);
    assert_eq!(v["total"]["fatalities"], 77);
    assert_eq!(year(&v, "2020"), (Some(3), Some(26)));
    assert_eq!(year(&v, "2023"), (Some(2), Some(11)));
    assert_eq!(v["filters"]["uncertain"], true);

    // Alongside: SN11 (JNIM with IS Sahel on one side, 9 fatalities); with
    // uncertain attributions SN12 too (Katiba Macina with "JNIM and/or IS
    // Sahel", 2), never SN5 or SN6 (one uncertain actor alone).
    let (code, v, _) = cli(&[
        "aggregate",
        file,
        "--by",
        "actor",
        "--actor",
        "JNIM",
        "--alongside",
        "Islamic State Sahel",
    ]);
    assert_eq!(code, 0);
    assert_eq!(v["total"]["events"], 1);
    assert_eq!(v["total"]["fatalities"], 9);
    let (code, v, _) = cli(&[
        "aggregate",
        file,
        "--by",
        "actor",
        "--uncertain",
        "--actor",
        "JNIM",
        "--alongside",
        "Islamic State Sahel",
    ]);
    assert_eq!(code, 0);
    assert_eq!(v["total"]["events"], 2);
    assert_eq!(v["total"]["fatalities"], 11);

    let (code, v, _) = cli(&["report", file]);
    assert_eq!(code, 0);
    assert_eq!(v["events"], 12);
    assert_eq!(v["uncertain_attributions"], 3);
}

#[test]
fn report_and_aggregate_read_workbooks_and_json() {
    // The same events as acled_current.csv (see report_prints_the_import_summary).
    for file in [
        "tests/fixtures/acled_current.xlsx",
        "tests/fixtures/acled_api.json",
    ] {
        let (code, v, err) = cli(&["report", file]);
        assert_eq!(code, 0, "{file}: {err}");
        assert_eq!(v["format"], "acled_current", "{file}");
        assert_eq!(v["events"], 6, "{file}");
        assert_eq!(v["fatalities"], 1240, "{file}");
        assert_eq!(v["date_min"], "2021-06-15", "{file}");
        assert_eq!(v["by_year"]["2022"]["fatalities"], 1203, "{file}");
        assert_eq!(v["by_event_type"]["Battles"]["events"], 2, "{file}");
        let (code, v, _) = cli(&["aggregate", file, "--by", "year"]);
        assert_eq!(code, 0, "{file}");
        assert_eq!(v["total"]["events"], 6, "{file}");
        assert_eq!(v["total"]["fatalities"], 1240, "{file}");
    }
    let (_, v, _) = cli(&["report", "tests/fixtures/acled_current.xlsx"]);
    assert_eq!(v["container"]["kind"], "workbook");
    assert_eq!(v["container"]["sheet"], "Events");
    assert_eq!(v["container"]["sheets"][1], "Codebook");
    let (_, v, _) = cli(&["report", "tests/fixtures/acled_api.json"]);
    assert_eq!(v["container"]["shape"], "acled_api");

    let (code, _, err) = cli(&[
        "report",
        "tests/fixtures/acled_current.xlsx",
        "--sheet",
        "Codebook",
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("Column, Meaning"), "{err}");
    let (code, _, err) = cli(&[
        "report",
        "tests/fixtures/acled_current.csv",
        "--sheet",
        "Events",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("not one"), "{err}");
}

#[test]
fn diff_counts_what_changed_between_two_versions() {
    // Hand counts: see tests/versions.rs.
    let (code, out, _) = cli(&[
        "diff",
        "tests/fixtures/versions/earlier.csv",
        "tests/fixtures/versions/later.csv",
        "--admin1",
        "Mopti",
    ]);
    assert_eq!(code, 0);
    assert_eq!(out["added"], 2);
    assert_eq!(out["deleted"], 0);
    assert_eq!(out["revised"], 2);
    assert_eq!(out["earlier"]["fatalities"], 21);
    assert_eq!(out["later"]["fatalities"], 41);
    assert_eq!(out["added_ids"], serde_json::json!(["SYN9", "SYN10"]));
    let (code, _, err) = cli(&[
        "diff",
        "tests/fixtures/versions/earlier.csv",
        "tests/fixtures/ucdp_ged.csv",
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("two different sources"), "{err}");
}
