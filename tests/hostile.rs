//! Hostile input: each gets a clear error (a parse error with its place,
//! or an issue naming the field) and never a panic. Small files live in
//! `tests/hostile/`; large ones (10 MB strings, deep nesting) are made here.

mod support;

use std::path::Path;
use std::process::{Command, Stdio};

use serde_json::{json, Value};
use wengang_engine::batch::{ChunkOutput, Column, Header, Options, Screener};
use wengang_engine::{check, check_str, parse_application, verify, Lang, RawApplication, Report};

const SAMPLE: &str = include_str!("../samples/eligible-sme.json");

fn sample() -> Value {
    support::sample("eligible-sme")
}

fn hostile(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/hostile")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Checks an application given as a JSON value.
fn report(app: &Value) -> Report {
    let raw: RawApplication =
        parse_application(&app.to_string()).expect("an object with object sections parses");
    check(&raw, Lang::En)
}

/// The codes of the issues on one field.
fn codes(report: &Report, field: &str) -> Vec<String> {
    report
        .issues
        .iter()
        .filter(|i| i.field == field)
        .map(|i| i.code.clone())
        .collect()
}

fn with(path: &str, value: Value) -> Value {
    let mut app = sample();
    let mut here = &mut app;
    let parts: Vec<&str> = path.split('.').collect();
    for key in &parts[..parts.len() - 1] {
        here = &mut here[*key];
    }
    here[parts[parts.len() - 1]] = value;
    app
}

fn parse_error(text: &str) -> String {
    match check_str(text, Lang::En) {
        Ok(r) => panic!("expected a parse error, got a report: {}", r.summary),
        Err(e) => e.to_string(),
    }
}

#[test]
fn files_that_are_not_applications_say_where() {
    for (file, says) in [
        ("duplicated-key.json", "`policy` is given twice"),
        ("duplicated-nested-key.json", "`start` is given twice"),
        ("lone-surrogate.json", "escape"),
        ("huge-exponent.json", "out of range"),
        ("trailing-garbage.json", "trailing characters"),
        ("empty.json", "EOF"),
        ("not-an-object.json", "must be a JSON object"),
        ("section-not-object.json", "`insured` must be a JSON object"),
    ] {
        let text = String::from_utf8(hostile(file)).expect("UTF-8 file");
        let message = parse_error(&text);
        assert!(message.contains(says), "{file}: {message}");
        // verify refuses the same text just as clearly.
        assert!(verify(&text).is_err(), "{file}");
    }
}

#[test]
fn a_byte_order_mark_and_control_characters_are_handled() {
    // A UTF-8 BOM (Windows Notepad writes one) is read past, as it is in
    // CSV: the file is the sample, valid (it was refused before issue 22).
    let text = String::from_utf8(hostile("bom.json")).expect("UTF-8");
    let report = check_str(&text, Lang::En).expect("a BOM is read past");
    assert!(report.valid, "{:?}", report.issues);
    // NUL and escape sequences in a name are refused, naming the first
    // (issue 22: they reached the results and the terminal before).
    let text = String::from_utf8(hostile("nul-and-controls.json")).expect("UTF-8");
    let report = check_str(&text, Lang::En).expect("parses");
    assert!(!report.valid);
    let name: Vec<&str> = report
        .issues
        .iter()
        .filter(|i| i.field == "contact.name")
        .map(|i| i.message.as_str())
        .collect();
    assert_eq!(name.len(), 1, "{:?}", report.issues);
    assert!(name[0].contains("Character 1 is U+0000"), "{}", name[0]);
    assert_eq!(codes(&report, "contact.name"), ["text.control"]);
}

#[test]
fn malformed_utf8_is_refused_by_the_cli_with_its_byte() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile/malformed-utf8.json");
    for command in ["check", "verify", "submit"] {
        let out = Command::new(env!("CARGO_BIN_EXE_wengang"))
            .args([command, path.to_str().expect("path")])
            .stdin(Stdio::null())
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(2), "{command}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("not UTF-8 text (byte"),
            "{command}: {stderr}"
        );
    }
}

#[test]
fn deep_nesting_is_a_clean_error() {
    for depth in [129, 10_000, 200_000] {
        let deep = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        for text in [
            deep.clone(),
            format!(r#"{{"applicant": {deep}}}"#),
            format!(r#"{{"extra": {deep}}}"#),
        ] {
            let message = parse_error(&text);
            assert!(
                message.contains("recursion limit exceeded"),
                "{depth}: {message}"
            );
            assert!(verify(&text).is_err());
        }
    }
    // Within the limit, nesting in an unknown field parses; the field is
    // named as unknown (issue 22), its value never read.
    let nested = format!("{}{}", "[".repeat(100), "]".repeat(100));
    let text = SAMPLE.replacen('{', &format!(r#"{{"x": {nested},"#), 1);
    let report = check_str(&text, Lang::En).expect("parses");
    assert_eq!(codes(&report, "x"), ["field.unknown"]);
    assert_eq!(report.issues.len(), 1, "{:?}", report.issues);
}

#[test]
fn ten_megabyte_strings_are_issues_not_trouble() {
    let big = "9".repeat(10 << 20);
    // 苏 is three bytes in UTF-8: about ten megabytes.
    let wide = "苏".repeat((10 << 20) / 3);
    for (field, value, code) in [
        ("applicant.name", &wide, "text.too_long"),
        ("applicant.credit_code", &big, "text.too_long"),
        ("insured.premiums_paid", &big, "money.too_large"),
        ("insured.start", &big, "count.too_large"),
        ("insured.monthly_average", &big, "count.too_large"),
        ("contact.phone", &big, "text.too_long"),
        ("commitment.date", &big, "date.format"),
        ("applicant.industry", &big, "choice.unknown"),
    ] {
        let r = report(&with(field, json!(value)));
        assert!(!r.valid, "{field}");
        assert_eq!(codes(&r, field), [code], "{field}");
    }
    // A policy id of 10 MB is too long to be one.
    let r = report(&with("policy", json!(big)));
    assert_eq!(codes(&r, "policy"), ["text.too_long"]);
    // A 10 MB key of an unknown field is named (cut to 200 characters, on
    // the application as a whole: not a field path) and refused.
    let mut app = sample();
    app[&big] = json!(1);
    let r = report(&app);
    assert!(!r.valid);
    let issue = r
        .issues
        .iter()
        .find(|i| i.code == "field.unknown")
        .expect("the unknown key is named");
    assert_eq!(issue.field, "application");
    assert!(issue.message.len() < 2000, "{} bytes", issue.message.len());
}

#[test]
fn huge_and_tiny_numbers() {
    for (field, value, code) in [
        ("applicant.employees", json!(u64::MAX), "count.too_large"),
        ("applicant.employees", json!(i64::MIN), "count.negative"),
        ("applicant.employees", json!(1e300), "count.format"),
        ("applicant.employees", json!(5e-324), "count.format"),
        (
            "insured.start",
            json!("100000000000000000000000000000000000"),
            "count.too_large",
        ),
        ("insured.premiums_paid", json!(u64::MAX), "money.too_large"),
        (
            "insured.premiums_paid",
            json!(5e-324),
            "money.json_fraction",
        ),
        ("insured.premiums_paid", json!(1e300), "money.json_fraction"),
        ("insured.premiums_paid", json!("0.001"), "money.decimals"),
        (
            "insured.premiums_paid",
            json!("999999999999999999999999999999.99"),
            "money.too_large",
        ),
        (
            "insured.monthly_average",
            json!("0.0000001"),
            "decimal.decimals",
        ),
        ("insured.monthly_average", json!("1e3"), "decimal.format"),
        ("insured.monthly_average", json!("NaN"), "decimal.format"),
        (
            "insured.monthly_average",
            json!("Infinity"),
            "decimal.format",
        ),
        ("insured.year", json!(u64::MAX), "count.too_large"),
    ] {
        let r = report(&with(field, value.clone()));
        assert_eq!(codes(&r, field), [code], "{field} = {value}");
    }
    // The largest figures accepted compute without overflow.
    let mut app = sample();
    app["insured"]["start"] = json!(100_000_000);
    app["insured"]["end"] = json!(0);
    app["insured"]["monthly_average"] = json!("0.000001");
    app["insured"]["premiums_paid"] = json!("999999999999999.99");
    let r = report(&app);
    assert!(
        r.issues
            .iter()
            .all(|i| i.severity != wengang_engine::Severity::Error)
            || !r.valid
    );
    let mut app = sample();
    app["insured"]["start"] = json!(100_000_000);
    app["insured"]["end"] = json!(100_000_000);
    app["insured"]["monthly_average"] = json!("100000000");
    app["insured"]["premiums_paid"] = json!("999999999999999.99");
    app["applicant"]["employees"] = json!(100_000_000);
    let r = report(&app);
    // (premiums − arrears of 1,200.00) × 50%, to the fen.
    assert_eq!(
        r.refund.as_deref(),
        Some("499999999999400.00"),
        "{:?}",
        r.issues
    );
}

#[test]
fn negative_zero() {
    for (field, value, code) in [
        ("insured.premiums_paid", json!("-0"), Some("money.negative")),
        (
            "insured.premiums_paid",
            json!("-0.00"),
            Some("money.negative"),
        ),
        (
            "insured.arrears_and_late_fees",
            json!(-0.0),
            Some("money.json_fraction"),
        ),
        (
            "insured.monthly_average",
            json!("-0"),
            Some("count.negative"),
        ),
        // A count of "-0" is zero people, as the form reads it.
        ("insured.retired_or_deceased", json!("-0"), None),
    ] {
        let r = report(&with(field, value.clone()));
        let expected: Vec<&str> = code.into_iter().collect();
        assert_eq!(codes(&r, field), expected, "{field} = {value}");
    }
    // JSON's -0 is read as a floating-point number: not a count.
    let text = SAMPLE.replace(
        r#""retired_or_deceased": 1"#,
        r#""retired_or_deceased": -0"#,
    );
    assert_ne!(text, SAMPLE);
    let r = check_str(&text, Lang::En).expect("parses");
    assert_eq!(codes(&r, "insured.retired_or_deceased"), ["count.format"]);
}

#[test]
fn odd_unicode_in_codes_and_figures() {
    let fullwidth = "９１３２０５９４ＭＡ１ＭＸＬ２Ｋ８７";
    let zwsp = "91320594\u{200B}MA1MXL2K87";
    for (field, value, code) in [
        ("applicant.credit_code", fullwidth, "credit_code.charset"),
        ("applicant.credit_code", zwsp, "credit_code.length"),
        (
            "applicant.credit_code",
            "91320594MA1MXL2K8\u{0307}",
            "credit_code.charset",
        ),
        (
            "applicant.credit_code",
            "91320594ma1mxl2k87",
            "credit_code.lowercase",
        ),
        (
            "applicant.credit_code",
            "9132O594MA1MXL2K87",
            "credit_code.charset",
        ),
        ("contact.phone", "１３９１２３４５６７８", "phone.format"),
        ("contact.phone", "139\u{200B}12345678", "phone.format"),
        (
            "bank.account_number",
            "１１０２０２０５０９０００１２３４５６",
            "account.charset",
        ),
        ("insured.premiums_paid", "８６０４０.００", "money.format"),
        ("insured.premiums_paid", "86\u{200B}040.00", "money.format"),
        ("insured.start", "１２０", "count.format"),
        ("insured.start", "\u{0661}\u{0662}", "count.format"),
        ("commitment.date", "２０１９-06-10", "date.format"),
        ("applicant.industry", "industry\u{200B}", "choice.unknown"),
        ("policy", "suzhou-2019\u{200B}", "policy.unknown"),
        // A bidi override is refused as such (issue 22), before the id is looked up.
        ("policy", "\u{202E}9102-uohzus", "text.control"),
    ] {
        let r = report(&with(field, json!(value)));
        assert_eq!(codes(&r, field), [code], "{field} = {value:?}");
    }
    // An ideographic space is white space: trimmed like any other.
    let r = report(&with(
        "applicant.credit_code",
        json!("\u{3000}91320594MA1MXL2K87\u{3000}"),
    ));
    assert!(codes(&r, "applicant.credit_code").is_empty());
}

#[test]
fn hostile_rows_in_a_batch_are_rejected_or_reported() {
    let header = Header::new(Column::ALL.iter().map(|c| c.path()));
    let mut screener = Screener::csv(header, Options::default());
    let mut out = ChunkOutput::default();
    let commas = ",".repeat(Column::ALL.len() - 1);
    let mut chunk = Vec::new();
    chunk.extend_from_slice(b"\xff\xfe\n"); // not UTF-8
    chunk.extend_from_slice(&vec![b','; 100_000]); // far too many fields
    chunk.push(b'\n');
    chunk.extend_from_slice(format!("{commas}\n").as_bytes()); // all empty
    chunk.extend_from_slice(format!("\"{}\"{commas}\n", "x".repeat(10 << 20)).as_bytes());
    chunk.extend_from_slice(b"\"never closed,\n");
    screener.screen_chunk(&chunk, 2, &mut out);
    assert_eq!(out.stats.rows, 5);
    assert_eq!(out.stats.rejected, 3);
    assert_eq!(out.stats.invalid, 2);
    let lines: Vec<u64> = out.errors.iter().map(|e| e.line).collect();
    assert_eq!(lines, [2, 3, 6]);
}

#[test]
fn hostile_monthly_records_are_issues_not_trouble() {
    let row = |m: Value| json!({"month": m, "insured": 1, "due": "1.00", "paid": "1.00"});
    let year: Vec<Value> = (1..=12).map(|m| row(json!(m))).collect();
    let huge_cells: Vec<Value> = (1..=12)
        .map(|m| json!({"month": m, "insured": "99999999999999999999", "due": "999999999999999.99", "paid": 1e300}))
        .collect();
    let biggest: Vec<Value> = (1..=12)
        .map(|m| json!({"month": m, "insured": 100_000_000, "due": "999999999999999.99", "paid": "999999999999999.99"}))
        .collect();
    let nested = (0..100).fold(json!(1), |v, _| json!([v]));
    for months in [
        json!("twelve"),
        json!({"1": row(json!(1))}),
        json!([nested.clone()]),
        json!(vec![row(json!(1)); 200_000]),
        json!(vec![json!(null); 12]),
        json!(year
            .iter()
            .map(|_| row(json!(u64::MAX)))
            .collect::<Vec<_>>()),
        json!(year.iter().map(|_| row(json!(-1))).collect::<Vec<_>>()),
        json!(year.iter().map(|_| row(json!("１"))).collect::<Vec<_>>()),
        json!(year.iter().map(|_| row(json!(1.5))).collect::<Vec<_>>()),
        json!(huge_cells),
        json!(biggest),
        json!(year
            .iter()
            .map(|_| json!({"month": 1, "insured": {"x": []}}))
            .collect::<Vec<_>>()),
    ] {
        let r = report(&with("insured.months", months.clone()));
        let shown: String = months.to_string().chars().take(60).collect();
        assert!(!r.summary.is_empty(), "{shown}");
        assert!(r.issues.len() <= 200, "{shown}: {} issues", r.issues.len());
        for i in &r.issues {
            assert!(!i.message.is_empty(), "{shown}");
        }
    }
}

/// Found by fuzzing the app's form (fuzz/fuzz_targets/form_application.rs):
/// `tidy` left a unit behind a separator (`5元,` → `5元`) or a sign after
/// `人民币`, or a second `+86`, so tidying its own output changed it again
/// (the app compares the two to decide what the input shows). Each line
/// of `tidy-twice.tsv` is a field's path and what was typed.
#[test]
fn tidy_twice_is_tidy_once() {
    use wengang_engine::field::Field;
    use wengang_engine::tidy::tidy;
    let cases = String::from_utf8(hostile("tidy-twice.tsv")).expect("UTF-8");
    for line in cases.lines() {
        let (path, typed) = line.split_once('\t').expect("path, tab, text");
        let field = Field::from_path(path).expect("a field's path");
        let once = tidy(field, typed);
        assert_eq!(tidy(field, &once), once, "{path}: {typed:?}");
        assert!(
            once.bytes().all(|b| b.is_ascii_digit()),
            "{path}: {typed:?} → {once:?}"
        );
    }
}
