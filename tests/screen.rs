//! `wengang screen` and `wengang gen`, as an operator runs them: screen
//! agrees with check row for row on every case, bad rows are reported by
//! line while the good ones are all screened, `--strict` stops, and the
//! generator is deterministic.

mod support;

use std::path::PathBuf;
use support::{path_str, read_csv, wengang};

use serde_json::Value;
use support::{case_files, load_case};
use wengang_engine::batch::columns::{Column, Kind};
use wengang_engine::batch::screen::push_field;
use wengang_engine::{check, parse_application, Lang, Report};

fn temp_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("wengang-screen-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// The result row `check` implies: valid, eligible, refund, layoff_rate,
/// route, failed_criteria, issues.
fn expected_row(report: &Report) -> Vec<String> {
    let json = serde_json::to_value(report).expect("report serialises");
    let text = |v: &Value| match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let failed: Vec<&str> = report
        .criteria
        .iter()
        .filter(|c| c.passed == Some(false))
        .map(|c| c.id.as_str())
        .collect();
    let issues: Vec<String> = report
        .issues
        .iter()
        .map(|i| format!("{}:{}", i.field, i.code))
        .collect();
    vec![
        report.valid.to_string(),
        text(&json["eligible"]),
        text(&json["refund"]),
        text(&json["layoff_rate"]),
        text(&json["route"]),
        failed.join(";"),
        issues.join(";"),
    ]
}

/// A case's application as a CSV row under the header of every column, or
/// `None` when CSV cannot say the same thing (a JSON type a cell cannot
/// carry, an empty flag, an empty hardship section); JSON Lines covers those.
fn csv_row(application: &Value) -> Option<Vec<String>> {
    let Value::Object(top) = application else {
        return None;
    };
    for (key, value) in top {
        let section = matches!(
            key.as_str(),
            "applicant"
                | "insured"
                | "declarations"
                | "hardship"
                | "bank"
                | "contact"
                | "commitment"
        );
        if section && !(value.is_object() || value.is_null()) {
            return None;
        }
    }
    if let Some(Value::Object(h)) = top.get("hardship") {
        if h.values().all(Value::is_null) {
            return None;
        }
    }
    // Month N's columns fill row N with `"month": N`: a table CSV can say
    // is a list of rows, row N of month N, with no other keys.
    match application.pointer("/insured/months") {
        None | Some(Value::Null) => {}
        Some(Value::Array(rows)) => {
            for (i, r) in rows.iter().enumerate() {
                let Value::Object(r) = r else { return None };
                let known = ["month", "insured", "due", "paid"];
                if r.get("month") != Some(&Value::from(i + 1))
                    || r.keys().any(|k| !known.contains(&k.as_str()))
                    || i >= 12
                {
                    return None;
                }
            }
        }
        Some(_) => return None,
    }
    let mut row = Vec::new();
    for column in Column::ALL {
        let value = column
            .path()
            .split('.')
            .try_fold(application, |v, key| match v {
                // `insured.months.N.paid`: row N (from 1).
                Value::Array(rows) => rows.get(key.parse::<usize>().ok()?.checked_sub(1)?),
                v => v.get(key),
            })
            .unwrap_or(&Value::Null);
        let numeric = matches!(column.kind(), Kind::Count | Kind::Money | Kind::Decimal);
        let cell = match (value, column.kind()) {
            (Value::Null, _) => String::new(),
            (Value::Bool(b), Kind::Flag) => b.to_string(),
            (Value::String(s), Kind::Flag)
                if s.is_empty()
                    || s.eq_ignore_ascii_case("true")
                    || s.eq_ignore_ascii_case("false") =>
            {
                return None
            }
            (Value::String(s), _) => s.clone(),
            (Value::Number(n), _) if numeric && (n.is_i64() || n.is_u64()) => n.to_string(),
            _ => return None,
        };
        row.push(cell);
    }
    Some(row)
}

fn csv_line(cells: &[String]) -> String {
    let mut out = Vec::new();
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        push_field(&mut out, cell);
    }
    out.push(b'\n');
    String::from_utf8(out).expect("UTF-8")
}

#[test]
fn screen_and_check_agree_on_every_case() {
    let files = case_files();
    assert!(files.len() >= 200, "found {} cases", files.len());
    let header: Vec<String> = Column::ALL.iter().map(|c| c.path().to_owned()).collect();
    let mut csv = csv_line(&header);
    let mut jsonl = String::new();
    let mut csv_expected = Vec::new();
    let mut jsonl_expected = Vec::new();
    for path in &files {
        let case = load_case(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let text = serde_json::to_string(&case.application).expect("serialises");
        let Ok(raw) = parse_application(&text) else {
            // Not an application at all: JSON Lines must reject it.
            jsonl.push_str(&text);
            jsonl.push('\n');
            jsonl_expected.push((case.name.clone(), None));
            continue;
        };
        let expected = expected_row(&check(&raw, Lang::En));
        jsonl.push_str(&text);
        jsonl.push('\n');
        jsonl_expected.push((case.name.clone(), Some(expected.clone())));
        if let Some(row) = csv_row(&case.application) {
            csv.push_str(&csv_line(&row));
            csv_expected.push((case.name.clone(), expected));
        }
    }
    assert!(
        csv_expected.len() * 10 >= files.len() * 9,
        "only {} of {} cases could be written as CSV",
        csv_expected.len(),
        files.len()
    );

    let dir = temp_dir();
    for (name, input, expected) in [
        (
            "cases.csv",
            &csv,
            csv_expected
                .iter()
                .map(|(n, e)| (n, Some(e)))
                .collect::<Vec<_>>(),
        ),
        (
            "cases.jsonl",
            &jsonl,
            jsonl_expected
                .iter()
                .map(|(n, e)| (n, e.as_ref()))
                .collect(),
        ),
    ] {
        let input_path = dir.join(name);
        let output_path = dir.join(format!("{name}.out.csv"));
        std::fs::write(&input_path, input).expect("write input");
        let out = wengang(&[
            "screen",
            path_str(&input_path),
            "--output",
            path_str(&output_path),
            "--jobs",
            "2",
        ]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        // A file with rows that cannot be read exits 2 (issue 22), after
        // writing every row.
        let unreadable = expected.iter().any(|(_, e)| e.is_none());
        assert_eq!(
            out.status.code(),
            Some(if unreadable { 2 } else { 0 }),
            "{name}: {stderr}"
        );
        let mut results = read_csv(&std::fs::read_to_string(&output_path).expect("output"));
        // The cases share credit codes: screen flags a repeated one (a
        // fact about the file, not the application), check cannot.
        for row in &mut results[1..] {
            let issues = row[9]
                .split(';')
                .filter(|i| *i != "applicant.credit_code:credit_code.duplicate")
                .collect::<Vec<_>>()
                .join(";");
            row[9] = issues;
        }
        assert_eq!(
            results[0],
            [
                "line",
                "credit_code",
                "name",
                "valid",
                "eligible",
                "refund",
                "layoff_rate",
                "route",
                "failed_criteria",
                "issues"
            ]
        );
        assert_eq!(
            results.len() - 1,
            expected.len(),
            "{name}: one result per row"
        );
        let mut mismatches = Vec::new();
        for (row, (case, expected)) in results[1..].iter().zip(&expected) {
            match expected {
                Some(expected) => {
                    if &row[3..] != expected.as_slice() {
                        mismatches.push(format!(
                            "{case}:\n  screen {:?}\n  check  {:?}",
                            &row[3..],
                            expected
                        ));
                    }
                }
                None => {
                    if !row[9].starts_with("row:malformed") {
                        mismatches.push(format!("{case}: expected a rejected row, got {row:?}"));
                    }
                }
            }
        }
        assert!(
            mismatches.is_empty(),
            "{name}: {} of {} rows differ:\n{}",
            mismatches.len(),
            expected.len(),
            mismatches.join("\n")
        );
        println!("{name}: {} rows agree with check", expected.len());
    }
}

const SAMPLE: &str = include_str!("../samples/eligible-sme.json");

/// The sample application as a CSV header and row, with `edit` applied.
fn sample_csv(rows: &[&dyn Fn(&mut Value)]) -> String {
    let header: Vec<String> = Column::ALL.iter().map(|c| c.path().to_owned()).collect();
    let mut text = csv_line(&header);
    for edit in rows {
        let mut app: Value = serde_json::from_str(SAMPLE).expect("sample");
        edit(&mut app);
        text.push_str(&csv_line(&csv_row(&app).expect("representable")));
    }
    text
}

/// Gives the sample a credit code of its own (valid, ending in `n` before
/// the check character), so rows do not repeat one (a repeat counts once).
fn own_code(app: &mut Value, n: u8) {
    let first = format!("91320594MA1MXL2K{n}");
    let check = wengang_engine::internals::identifiers::credit_code_check_char(&first)
        .expect("a check character");
    app["applicant"]["credit_code"] = format!("{first}{check}").into();
}

#[test]
fn bad_rows_are_reported_by_line_and_the_rest_screened() {
    let mut text = sample_csv(&[&|a| own_code(a, 1), &|a| own_code(a, 2)]);
    // Line 4: too few fields; line 5: not UTF-8; line 6: a quote left open
    // would swallow the rest, so put a stray text after a closing quote.
    text.push_str("a,b,c\n");
    let mut bytes = text.into_bytes();
    let good = sample_csv(&[&|a| own_code(a, 3)]);
    let good_row = good.lines().nth(1).expect("a row").to_owned();
    bytes.extend_from_slice(&good_row.as_bytes()[..20]);
    bytes.extend_from_slice(b"\xff\xfe");
    bytes.extend_from_slice(&good_row.as_bytes()[20..]);
    bytes.push(b'\n');
    bytes.extend_from_slice(b"\"x\"y,z\n");
    bytes.extend_from_slice(good_row.as_bytes());
    bytes.push(b'\n');
    let dir = temp_dir();
    let input = dir.join("bad-rows.csv");
    let output = dir.join("bad-rows.out.csv");
    let reminders = dir.join("bad-rows.reminders.csv");
    std::fs::write(&input, &bytes).expect("write");
    let out = wengang(&[
        "screen",
        path_str(&input),
        "--output",
        path_str(&output),
        "--reminders",
        path_str(&reminders),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    // Every row is written, and exit 2 says three could not be read.
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("3 of 6 rows could not be read"), "{stderr}");
    for line in [4, 5, 6] {
        assert!(
            stderr.contains(&format!("bad-rows.csv:{line}: malformed row")),
            "line {line} not reported:\n{stderr}"
        );
    }
    let expected = format!("fields, but the header has {}", Column::ALL.len());
    assert!(stderr.contains(&expected), "{stderr}");
    assert!(stderr.contains("not UTF-8"), "{stderr}");
    assert!(stderr.contains("text after the closing quote"), "{stderr}");
    assert!(stderr.contains("6 rows read"), "{stderr}");
    assert!(stderr.contains("rejected:              3"), "{stderr}");
    let results = read_csv(&std::fs::read_to_string(&output).expect("output"));
    let lines: Vec<&str> = results[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(lines, ["2", "3", "4", "5", "6", "7"]);
    for good in [1, 2, 6] {
        assert_eq!(results[good][4], "true", "row {good}: {:?}", results[good]);
        assert_eq!(results[good][5], "42420.00");
    }
    let reminded = read_csv(&std::fs::read_to_string(&reminders).expect("reminders"));
    assert_eq!(reminded.len(), 4, "header and three eligible rows");
    assert_eq!(reminded[1][2], "13912345678");
    assert_eq!(reminded[1][3], "42420.00");
    // The summary's total is exact.
    assert!(
        stderr.contains("total estimated refund: 127260.00 yuan"),
        "{stderr}"
    );

    // --strict stops at the first bad row, after writing the rows before it.
    let out = wengang(&[
        "screen",
        path_str(&input),
        "--output",
        path_str(&output),
        "--strict",
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("bad-rows.csv:4: malformed row"), "{stderr}");
    assert!(!stderr.contains("bad-rows.csv:5:"), "{stderr}");
    assert!(stderr.contains("--strict"), "{stderr}");
    let results = read_csv(&std::fs::read_to_string(&output).expect("output"));
    assert_eq!(
        results.len(),
        4,
        "the header, the two rows before line 4, and the closing row"
    );
    assert!(
        results[3][9].starts_with("run:incomplete (stopped at the first malformed row, line 4"),
        "the file says it stops early: {:?}",
        results[3]
    );
}

#[test]
fn policy_defaults_a_missing_policy_column() {
    let dir = temp_dir();
    let input = dir.join("no-policy.csv");
    std::fs::write(
        &input,
        sample_csv(&[&|app: &mut Value| {
            app["policy"] = Value::Null;
        }]),
    )
    .expect("write");
    let screened = |extra: &[&str]| {
        let mut args = vec!["screen", path_str(&input)];
        args.extend_from_slice(extra);
        let out = wengang(&args);
        assert_eq!(out.status.code(), Some(0));
        read_csv(&String::from_utf8(out.stdout).expect("UTF-8"))
    };
    assert_eq!(screened(&[])[1][9], "policy:required");
    let rows = screened(&["--policy", "suzhou-2019"]);
    assert_eq!(rows[1][3], "true", "{:?}", rows[1]);
    assert_eq!(rows[1][5], "42420.00");
}

#[test]
fn a_header_without_fields_is_refused() {
    let dir = temp_dir();
    let input = dir.join("nonsense.csv");
    std::fs::write(&input, "a,b\n1,2\n").expect("write");
    let out = wengang(&["screen", path_str(&input)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("names no field"));
}

#[test]
fn gen_is_deterministic_and_screens_cleanly() {
    let a = wengang(&["gen", "--rows", "2000", "--seed", "7"]);
    let b = wengang(&["gen", "--rows", "2000", "--seed", "7"]);
    let c = wengang(&["gen", "--rows", "2000", "--seed", "8"]);
    assert_eq!(a.status.code(), Some(0));
    assert_eq!(a.stdout, b.stdout, "same seed, same bytes");
    assert_ne!(a.stdout, c.stdout, "another seed, other rows");
    // A prefix of a larger run is the smaller run.
    let d = wengang(&["gen", "--rows", "3000", "--seed", "7"]);
    assert!(d.stdout.starts_with(&a.stdout));

    let dir = temp_dir();
    let input = dir.join("gen.csv");
    std::fs::write(&input, &a.stdout).expect("write");
    let out = wengang(&["screen", path_str(&input), "--jobs", "3"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("2000 rows read"), "{stderr}");
    assert!(stderr.contains("rejected:              0"), "{stderr}");
    let rows = read_csv(&String::from_utf8(out.stdout.clone()).expect("UTF-8"));
    assert_eq!(rows.len(), 2001);
    let eligible = rows[1..].iter().filter(|r| r[4] == "true").count();
    let invalid = rows[1..].iter().filter(|r| r[3] == "false").count();
    assert!(eligible > 1000, "{eligible} eligible");
    assert!((1..100).contains(&invalid), "{invalid} invalid");
    // The same rows in one thread give the same bytes.
    let one = wengang(&["screen", path_str(&input), "--jobs", "1"]);
    assert_eq!(one.stdout, out.stdout);
}
