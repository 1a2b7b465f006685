//! The `wengang` command line, as a user or a portal back end runs it.

mod support;

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const SAMPLE: &str = include_str!("../samples/eligible-sme.json");

fn wengang(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_wengang"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("write stdin");
    child.wait_with_output().expect("it finishes")
}

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
}

#[test]
fn check_in_english() {
    let out = wengang(&["check", "-", "--lang", "en"], SAMPLE);
    let report = stdout_json(&out);
    assert!(report["summary"]
        .as_str()
        .unwrap_or_default()
        .starts_with("Eligible"));
}

#[test]
fn check_exits_0_for_an_ineligible_or_invalid_application() {
    let mut app: Value = serde_json::from_str(SAMPLE).unwrap();
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

fn tampered(edit: impl FnOnce(&mut Value)) -> (Option<i32>, String) {
    let out = wengang(&["submit", "-"], SAMPLE);
    let mut file = stdout_json(&out);
    edit(&mut file);
    let verified = wengang(&["verify", "-"], &file.to_string());
    (
        verified.status.code(),
        String::from_utf8_lossy(&verified.stderr).into_owned(),
    )
}

#[test]
fn verify_rejects_an_edited_refund() {
    let (code, reason) = tampered(|f| f["report"]["refund"] = "52420.00".into());
    assert_eq!(code, Some(1));
    assert!(
        reason.contains("report.refund") && reason.contains("42420.00"),
        "{reason}"
    );
}

#[test]
fn verify_rejects_an_edited_input() {
    let (code, reason) =
        tampered(|f| f["application"]["insured"]["premiums_paid"] = "96040.00".into());
    assert_eq!(code, Some(1));
    assert!(reason.contains("report.refund"), "{reason}");
    // An edit that does not change the outcome is caught by the digest.
    let (code, reason) = tampered(|f| f["application"]["contact"]["name"] = "张三".into());
    assert_eq!(code, Some(1));
    assert!(reason.contains("digest"), "{reason}");
}

#[test]
fn verify_rejects_a_different_profile() {
    let (code, reason) = tampered(|f| f["policy"]["digest"] = "sha256:0000".into());
    assert_eq!(code, Some(1));
    assert!(reason.contains("differs"), "{reason}");
    let (code, reason) = tampered(|f| f["application"]["policy"] = "cn-2019".into());
    assert_eq!(code, Some(1));
    assert!(
        reason.contains("policy.id is `suzhou-2019` but the application names `cn-2019`"),
        "{reason}"
    );
    let (code, reason) = tampered(|f| f["policy"]["id"] = "cn-2024".into());
    assert_eq!(code, Some(1));
    assert!(
        reason.contains("differs") || reason.contains("names"),
        "{reason}"
    );
}

#[test]
fn submit_refuses_an_invalid_application() {
    let mut app: Value = serde_json::from_str(SAMPLE).unwrap();
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
    assert_eq!(list[6]["valid_to"], "2024-12-31");
    let text = String::from_utf8_lossy(&wengang(&["policies"], "").stdout).into_owned();
    assert!(text.contains("人社部发〔2019〕23号"));
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
