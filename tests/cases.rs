//! Runs every case in `tests/cases/*.json`: an application (a base from
//! `tests/cases/bases/` plus a JSON merge patch, or written out whole),
//! and the report fields a policy officer expects. Every valid case must
//! also make a submission that `verify` accepts.

mod support;

use std::path::Path;

use serde_json::Value;
use support::{case_files, load_case};
use wengang_engine::{check, submit, verify, Lang, RawApplication};

#[test]
fn every_case_holds() {
    let files = case_files();
    assert!(
        files.len() >= 200,
        "expected the case files, found {}",
        files.len()
    );
    let mut failures = Vec::new();
    for path in &files {
        if let Err(message) = run_case(path) {
            failures.push(format!("{}: {message}", path.display()));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
    println!("{} cases passed", files.len());
}

fn run_case(path: &Path) -> Result<(), String> {
    let case = load_case(path)?;
    let raw: RawApplication = serde_json::from_value(case.application.clone())
        .map_err(|e| format!("application: {e}"))?;
    let report = check(&raw, case.lang);
    let actual = serde_json::to_value(&report).map_err(|e| e.to_string())?;
    // `decision.*` paths are read from the submission's decision record.
    let submitted = match report.valid {
        true => serde_json::to_value(submit(&raw).map_err(|e| format!("submit: {e}"))?)
            .map_err(|e| e.to_string())?,
        false => Value::Null,
    };
    let mut problems = Vec::new();
    for (path, expected) in &case.expect {
        let got = if path.starts_with("decision.") {
            lookup(&submitted, path)
        } else if path == "issues" {
            issue_pairs(&actual)
        } else if path == "notices" {
            notice_codes(&actual)
        } else if path == "unconfirmed" {
            unconfirmed_params(&actual)
        } else {
            lookup(&actual, path)
        };
        let matches = if path == "issues" || path == "notices" {
            same_set(&got, expected)
        } else {
            &got == expected
        };
        if !matches {
            problems.push(format!("{path}: expected {expected}, got {got}"));
        }
    }
    if report.valid {
        let submission = submit(&raw).map_err(|e| format!("submit: {e}"))?;
        let text = serde_json::to_string(&submission).map_err(|e| e.to_string())?;
        // Outside the application, a submission holds no prose in any language.
        let mut neutral = serde_json::to_value(&submission).map_err(|e| e.to_string())?;
        if let Some(map) = neutral.as_object_mut() {
            map.remove("application");
        }
        if let Some(prose) = support::prose_in("submission", &neutral) {
            problems.push(format!("prose in the submission: {prose}"));
        }
        if let Err(e) = verify(&text) {
            problems.push(format!("its submission does not verify: {e}"));
        }
    }
    if case.lang == Lang::Zh {
        // The other language must reach the same decision.
        let en = serde_json::to_value(check(&raw, Lang::En)).map_err(|e| e.to_string())?;
        for key in [
            "valid",
            "eligible",
            "refund",
            "route",
            "margin",
            "layoff_rate",
            "threshold",
            "size",
        ] {
            if en[key] != actual[key] {
                problems.push(format!("{key} differs between zh and en"));
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("{} — {}", case.name, problems.join("; ")))
    }
}

/// A report value by dotted path (or, under `decision.`, a value of the
/// submission's decision record, such as `decision.params`: every
/// parameter the decision used, in order); `criteria.<id>`, `hardship.conditions.<id>`
/// and `hardship.amounts.<formula>` pick array entries by their id.
/// (`issues` are compared as `[field, code]` pairs, `notices` as the set
/// of their codes and `unconfirmed` as the list of its parameters.)
fn lookup(report: &Value, path: &str) -> Value {
    let mut here = report;
    for part in path.split('.') {
        here = match here {
            Value::Object(map) => map.get(part).unwrap_or(&Value::Null),
            Value::Array(items) => items
                .iter()
                .find(|item| {
                    item.get("id")
                        .or_else(|| item.get("formula"))
                        .and_then(Value::as_str)
                        == Some(part)
                })
                .unwrap_or(&Value::Null),
            _ => &Value::Null,
        };
    }
    here.clone()
}

/// The report's issues as `[field, code]` pairs.
fn issue_pairs(report: &Value) -> Value {
    let pairs = report["issues"]
        .as_array()
        .map(|issues| {
            issues
                .iter()
                .map(|i| Value::Array(vec![i["field"].clone(), i["code"].clone()]))
                .collect()
        })
        .unwrap_or_default();
    Value::Array(pairs)
}

/// The parameters the report names as used but unconfirmed, in order.
fn unconfirmed_params(report: &Value) -> Value {
    let params = report["unconfirmed"]
        .as_array()
        .map(|items| items.iter().map(|u| u["param"].clone()).collect())
        .unwrap_or_default();
    Value::Array(params)
}

/// The codes of the report's notices.
fn notice_codes(report: &Value) -> Value {
    let codes = report["notices"]
        .as_array()
        .map(|notices| notices.iter().map(|n| n["code"].clone()).collect())
        .unwrap_or_default();
    Value::Array(codes)
}

fn same_set(got: &Value, expected: &Value) -> bool {
    let sorted = |v: &Value| {
        let mut items: Vec<String> = v
            .as_array()
            .map(|a| a.iter().map(Value::to_string).collect())
            .unwrap_or_default();
        items.sort();
        items
    };
    sorted(got) == sorted(expected)
}
