//! The `wengang` command line, as a user or a portal back end runs it.

mod support;

use std::process::Output;
use support::wengang_with_input as wengang;

use serde_json::Value;

const SAMPLE: &str = include_str!("../samples/eligible-sme.json");

fn stdout_json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout).expect("stdout is JSON")
}

fn temp_file(name: &str, text: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("wengang-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write temp file");
    path
}

#[test]
fn check_prints_the_report_and_exits_0() {
    let out = wengang(&["check", "-"], SAMPLE);
    assert_eq!(out.status.code(), Some(0));
    let report = stdout_json(&out);
    assert_eq!(report["format"], "wengang.report/1");
    assert_eq!(report["eligible"], true);
    assert_eq!(report["refund"], "42420.00");
    assert_eq!(report["lang"], "zh");
    assert!(
        !String::from_utf8_lossy(&out.stdout).contains("clause_en"),
        "a Chinese report carries no English gloss"
    );
}

#[test]
fn check_in_english() {
    let out = wengang(&["check", "-", "--lang", "en"], SAMPLE);
    let report = stdout_json(&out);
    assert!(report["summary"]
        .as_str()
        .unwrap_or_default()
        .starts_with("Eligible"));
    // Each source's clause with its English gloss.
    let criteria = report["criteria"].as_array().cloned().unwrap_or_default();
    assert!(!criteria.is_empty());
    for c in &criteria {
        let gloss = c["source"]["clause_en"].as_str().unwrap_or_default();
        assert!(!gloss.is_empty(), "{} has no gloss", c["source"]["clause"]);
    }
}

#[test]
fn check_exits_0_for_an_ineligible_or_invalid_application() {
    let mut app = support::sample("eligible-sme");
    app["declarations"]["zombie"] = true.into();
    let out = wengang(&["check", "-"], &app.to_string());
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout_json(&out)["eligible"], false);
    app["insured"]["premiums_paid"] = "lots".into();
    let out = wengang(&["check", "-"], &app.to_string());
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout_json(&out)["valid"], false);
}

#[test]
fn unreadable_input_exits_2_naming_line_and_column() {
    let out = wengang(
        &["check", "-"],
        "{\n  \"policy\": \"suzhou-2019\",\n  \"applicant\": oops\n}",
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("<stdin>:3:"), "{err}");
    assert!(err.contains("line 3 column"), "{err}");
}

#[test]
fn a_missing_file_exits_2() {
    let out = wengang(&["check", "/nonexistent/app.json"], "");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn submit_then_verify_holds() {
    let out = wengang(&["submit", "-"], SAMPLE);
    assert_eq!(out.status.code(), Some(0));
    let path = temp_file("good.json", &String::from_utf8_lossy(&out.stdout));
    let verified = wengang(&["verify", path.to_str().unwrap()], "");
    assert_eq!(
        verified.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&verified.stderr)
    );
    assert!(String::from_utf8_lossy(&verified.stdout).starts_with("ok:"));
}

/// Verifies the sample's submission after an edit; `reseal` recomputes the
/// digest afterwards, as someone covering their tracks (or another engine
/// version) would.
fn verify_edited(reseal: bool, edit: impl FnOnce(&mut Value)) -> (Option<i32>, String) {
    let out = wengang(&["submit", "-"], SAMPLE);
    let mut file = stdout_json(&out);
    edit(&mut file);
    if reseal {
        file["digest"] = wengang_engine::digest_of(&file).into();
    }
    let verified = wengang(&["verify", "-"], &file.to_string());
    (
        verified.status.code(),
        String::from_utf8_lossy(&verified.stderr).into_owned(),
    )
}

#[test]
fn zh_and_en_give_byte_identical_submissions_of_every_sample() {
    for sample in support::sample_files() {
        let path = sample.to_str().unwrap();
        let zh = wengang(&["submit", path, "--lang", "zh"], "");
        let en = wengang(&["submit", path, "--lang", "en"], "");
        assert_eq!(zh.status.code(), en.status.code(), "{path}");
        assert_eq!(zh.stdout, en.stdout, "{path}: zh and en submissions differ");
    }
}

#[test]
fn zh_and_en_give_byte_identical_submissions_of_every_case() {
    let mut compared = 0;
    for path in support::case_files() {
        let case = support::load_case(&path).expect("the case reads");
        let file = temp_file("case.json", &case.application.to_string());
        let file = file.to_str().unwrap();
        let zh = wengang(&["submit", file, "--lang", "zh"], "");
        let en = wengang(&["submit", file, "--lang", "en"], "");
        assert_eq!(zh.stdout, en.stdout, "{}", path.display());
        compared += usize::from(zh.status.success());
    }
    assert!(compared >= 200, "only {compared} cases made a submission");
}

#[test]
fn altered_decision_exits_1_naming_the_field_and_both_values() {
    for reseal in [false, true] {
        let (code, reason) = verify_edited(reseal, |f| f["decision"]["refund"] = "52420.00".into());
        assert_eq!(code, Some(1), "{reason}");
        assert!(
            reason.contains("altered")
                && reason.contains("decision.refund")
                && reason.contains("52420.00")
                && reason.contains("42420.00"),
            "{reason}"
        );
    }
}

#[test]
fn altered_input_exits_1() {
    // An edit that changes the outcome is named by what it changes.
    for reseal in [false, true] {
        let (code, reason) = verify_edited(reseal, |f| {
            f["application"]["insured"]["premiums_paid"] = "96040.00".into()
        });
        assert_eq!(code, Some(1), "{reason}");
        assert!(reason.contains("decision.refund"), "{reason}");
    }
    // An edit that does not change the outcome is caught by the digest.
    let (code, reason) = verify_edited(false, |f| {
        f["application"]["contact"]["name"] = "张三".into()
    });
    assert_eq!(code, Some(1));
    assert!(
        reason.contains("digest") && reason.contains("unchanged"),
        "{reason}"
    );
    // Naming another profile in the application than in the stamp.
    let (code, reason) = verify_edited(true, |f| f["application"]["policy"] = "cn-2019".into());
    assert_eq!(code, Some(1));
    assert!(
        reason.contains("policy.id is `suzhou-2019` but the application names `cn-2019`"),
        "{reason}"
    );
}

#[test]
fn an_older_profile_version_exits_3_and_says_how_the_outcome_changes() {
    let (code, reason) = verify_edited(true, |f| {
        f["policy"]["version"] = "0.9.0".into();
        f["policy"]["digest"] = "sha256:0000".into();
        // Under the older data the refund was higher.
        f["decision"]["refund"] = "84840.00".into();
    });
    assert_eq!(code, Some(3), "{reason}");
    assert!(
        !reason.contains("altered:"),
        "never called tampered: {reason}"
    );
    assert!(
        reason.contains("other_version")
            && reason.contains("0.9.0")
            && reason.contains("decision.refund: \"84840.00\" → \"42420.00\""),
        "{reason}"
    );
    // The same outcome under today's rules says so.
    let (code, reason) = verify_edited(true, |f| f["policy"]["version"] = "0.9.0".into());
    assert_eq!(code, Some(3));
    assert!(
        reason.contains("today's rules give the same decision"),
        "{reason}"
    );
    assert!(!reason.contains("not altered"), "{reason}");
}

#[test]
fn an_older_engine_version_exits_3_naming_both_versions() {
    let (code, reason) = verify_edited(true, |f| f["engine"]["version"] = "0.0.9".into());
    assert_eq!(code, Some(3), "{reason}");
    assert!(
        reason.contains("engine 0.0.9") && reason.contains(env!("CARGO_PKG_VERSION")),
        "{reason}"
    );
}

#[test]
fn a_profile_this_engine_lacks_exits_3() {
    let (code, reason) = verify_edited(true, |f| {
        f["policy"]["id"] = "mars-2030".into();
        f["application"]["policy"] = "mars-2030".into();
    });
    assert_eq!(code, Some(3), "{reason}");
    assert!(reason.contains("mars-2030"), "{reason}");
}

#[test]
fn the_old_format_exits_4_asking_to_export_again() {
    let (code, reason) = verify_edited(true, |f| {
        f["format"] = "wengang.submission/1".into();
    });
    assert_eq!(code, Some(4), "{reason}");
    assert!(reason.contains("export"), "{reason}");
}

#[test]
fn an_unreadable_submission_exits_2() {
    let out = wengang(&["verify", "-"], "{ not json");
    assert_eq!(out.status.code(), Some(2));
    let (code, reason) = verify_edited(false, |f| {
        f.as_object_mut().unwrap().remove("decision");
    });
    assert_eq!(code, Some(2));
    assert!(reason.contains("decision"), "{reason}");
}

#[test]
fn submit_refuses_an_invalid_application() {
    let mut app = support::sample("eligible-sme");
    app["contact"]["phone"] = "12345".into();
    let out = wengang(&["submit", "-"], &app.to_string());
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("contact.phone"));
}

#[test]
fn schema_is_generated_and_names_every_section() {
    let out = wengang(&["schema"], "");
    assert_eq!(out.status.code(), Some(0));
    let schema = stdout_json(&out);
    let properties = &schema["properties"];
    for section in [
        "policy",
        "applicant",
        "insured",
        "declarations",
        "hardship",
        "bank",
        "contact",
        "commitment",
    ] {
        assert!(!properties[section].is_null(), "schema lacks {section}");
    }
    let text = schema.to_string();
    for value in [
        "individual_business",
        "software_it",
        "monthly_average",
        "arrears_and_late_fees",
    ] {
        assert!(text.contains(value), "schema lacks {value}");
    }
}

#[test]
fn policies_lists_every_profile_with_dates_and_sources() {
    let out = wengang(&["policies", "--json"], "");
    let list = stdout_json(&out);
    let ids: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["id"].as_str())
        .collect();
    assert_eq!(ids, support::SHIPPED_PROFILES);
    assert_eq!(list[9]["id"], "cn-2024");
    assert_eq!(list[9]["valid_to"], "2024-12-31");
    assert_eq!(list[10]["id"], "jiangsu-2024");
    assert_eq!(list[10]["procedure"], "automatic");
    assert_eq!(list[1]["procedure"], "application");
    let text = String::from_utf8_lossy(&wengang(&["policies"], "").stdout).into_owned();
    assert!(text.contains("人社部发〔2019〕23号"));
    // The Jiangsu profiles list their own sources.
    assert!(text.contains("苏政办发〔2023〕33号"));
    assert!(text.contains("苏人社发〔2022〕68号"));
    assert!(text.contains("苏人社发〔2025〕22号"));
    // The 2026 rules are listed as provisional.
    assert_eq!(list[13]["id"], "cn-2026");
    assert_eq!(list[13]["status"], "provisional");
    assert_eq!(list[12]["status"], "published");
}

#[test]
fn an_option_the_command_does_not_take_is_an_error_naming_both() {
    let out = wengang(&["check", "-", "--sheet", "1"], SAMPLE);
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("`wengang check` takes no --sheet (it is an option of: screen)"),
        "{said}"
    );
    let out = wengang(&["verify", "x.json", "--lang", "en"], "");
    assert!(String::from_utf8_lossy(&out.stderr).contains("`wengang verify` takes no --lang"));
    // Help names each command's own options, from the same table.
    let help = String::from_utf8_lossy(&wengang(&["--help"], "").stdout).into_owned();
    assert!(help.contains("--sheet NAME"));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(wengang(&["check"], "").status.code(), Some(2));
    assert_eq!(wengang(&["explode"], "").status.code(), Some(2));
    assert_eq!(
        wengang(&["check", "-", "--lang", "fr"], "").status.code(),
        Some(2)
    );
}

#[test]
fn check_and_schema_know_the_monthly_records() {
    let mut app = support::sample("eligible-sme");
    let insured = app["insured"].as_object_mut().expect("insured");
    for key in [
        "start",
        "end",
        "monthly_average",
        "months_paid_in_full",
        "premiums_paid",
    ] {
        insured.remove(key);
    }
    // Jan–Jun 120, Jul–Dec 119; 7,170.00 due and paid each month.
    let rows: Vec<Value> = (1..=12)
        .map(|m| serde_json::json!({"month": m, "insured": if m <= 6 { 120 } else { 119 }, "due": "7170.00", "paid": "7170.00"}))
        .collect();
    insured.insert("months".into(), Value::Array(rows));
    let out = wengang(&["check", "-", "--lang", "en"], &app.to_string());
    assert_eq!(out.status.code(), Some(0));
    let report = stdout_json(&out);
    let sample = stdout_json(&wengang(&["check", "-", "--lang", "en"], SAMPLE));
    for key in ["valid", "eligible", "layoff_rate", "refund_base", "refund"] {
        assert_eq!(report[key], sample[key], "{key}");
    }
    let derived = report["derived"].as_array().expect("derived");
    assert_eq!(derived.len(), 5);
    assert_eq!(derived[2]["field"], "insured.monthly_average");
    assert_eq!(derived[2]["value"], "119.5");
    assert!(derived[0]["explanation"]
        .as_str()
        .is_some_and(|e| e.contains("January") && e.contains("unconfirmed")));
    // A disagreement names the field and both values.
    app["insured"]["end"] = Value::from(118);
    let report = stdout_json(&wengang(&["check", "-", "--lang", "en"], &app.to_string()));
    assert_eq!(report["valid"], false);
    assert_eq!(report["issues"][0]["field"], "insured.end");
    assert_eq!(report["issues"][0]["code"], "months.disagree");
    let message = report["issues"][0]["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("118") && message.contains("119"),
        "{message}"
    );
    // The schema describes the table.
    let schema = stdout_json(&wengang(&["schema"], ""));
    let table = &schema["$defs"]["MonthsTable"];
    assert_eq!(table["type"], "array");
    assert_eq!(table["maxItems"], 12);
}

#[test]
fn statement_prints_the_monthly_rows_the_application_takes() {
    let text = include_str!("statements/csv-quoted-thousands.txt");
    let out = wengang(&["statement", "-", "--year", "2025"], text);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let months = stdout_json(&out);
    assert_eq!(months.as_array().map(Vec::len), Some(12));
    assert_eq!(
        months[0],
        serde_json::json!({"month": 1, "insured": 46, "due": "3220.00", "paid": "3220.00"})
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The rows go straight into an application: its year's figures are derived.
    let mut app = support::sample("eligible-sme");
    app["insured"]["months"] = months;
    for field in [
        "start",
        "end",
        "monthly_average",
        "premiums_paid",
        "months_paid_in_full",
    ] {
        app["insured"][field] = Value::Null;
    }
    let report = stdout_json(&wengang(&["check", "-"], &app.to_string()));
    let start = report["derived"]
        .as_array()
        .and_then(|d| d.iter().find(|d| d["field"] == "insured.start"))
        .map(|d| d["value"].clone());
    assert_eq!(start, Some(Value::from("46")));
}

#[test]
fn statement_refuses_the_three_column_paste_naming_the_line() {
    let out = wengang(
        &["statement", "-", "--lang", "en"],
        "1月\t46\t3,220.00\n2月\t46\t3,220.00\n",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("<stdin>:1: statement.headerless_columns: Line 1 has 3 columns"),
        "{err}"
    );
    let out = wengang(
        &["statement", "-"],
        include_str!("statements/csv-quoted-thousands.txt"),
    );
    assert_eq!(out.status.code(), Some(0));
    let out = wengang(
        &["statement", "-", "--year", "2024"],
        include_str!("statements/csv-quoted-thousands.txt"),
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(":2:1: statement.year_mismatch: 第 2 行第 1 列"),
        "{err}"
    );
}

#[test]
fn statement_notes_what_the_rows_cannot_give() {
    let out = wengang(
        &["statement", "-", "--lang", "en"],
        "月份,参保人数,实缴\n1,46,3220.00\n2,46,3220.00\n",
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout_json(&out)[1]["due"], Value::Null);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("statement.no_due"), "{err}");
    assert!(
        err.contains("statement.months_missing: The statement has no row for months 3, 4"),
        "{err}"
    );
}

#[test]
fn statement_reads_utf16_and_explains_gbk() {
    let text = include_str!("statements/tab-header-zh.txt");
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let dir = std::env::temp_dir().join(format!("wengang-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("unicode.txt");
    std::fs::write(&path, utf16).unwrap();
    let out = support::wengang(&["statement", path.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(stdout_json(&out).as_array().map(Vec::len), Some(12));
    // 月份 in GBK: not UTF-8.
    let gbk = dir.join("gbk.csv");
    std::fs::write(&gbk, [0xD4, 0xC2, 0xB7, 0xDD, b'\n']).unwrap();
    let out = support::wengang(&["statement", gbk.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("CSV UTF-8"));
}
