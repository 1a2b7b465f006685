//! The JavaScript bindings, run in headless Chromium by wasm-bindgen-test
//! (`cargo test --target wasm32-unknown-unknown --features bindings --test web_bindings`).
#![cfg(all(target_arch = "wasm32", feature = "bindings"))]

use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;
use wengang_engine::bindings;

wasm_bindgen_test_configure!(run_in_browser);

const SAMPLE: &str = include_str!("../samples/eligible-sme.json");

fn get(value: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(value, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn object(json: &str) -> JsValue {
    js_sys::JSON::parse(json).expect("valid JSON")
}

#[wasm_bindgen_test]
fn check_takes_a_plain_object_and_returns_the_report() {
    let report = bindings::check(object(SAMPLE), None).expect("a report");
    assert_eq!(
        get(&report, "format").as_string().as_deref(),
        Some("wengang.report/1")
    );
    assert_eq!(get(&report, "eligible").as_bool(), Some(true));
    assert_eq!(
        get(&report, "refund").as_string().as_deref(),
        Some("42420.00")
    );
    assert_eq!(get(&report, "margin").as_f64(), Some(1.0));
    assert_eq!(
        get(&report, "route").as_string().as_deref(),
        Some("standard")
    );
}

#[wasm_bindgen_test]
fn check_takes_json_text_and_a_language() {
    let report = bindings::check(JsValue::from_str(SAMPLE), Some("en".into())).expect("a report");
    assert!(get(&report, "summary")
        .as_string()
        .unwrap_or_default()
        .starts_with("Eligible"));
}

#[wasm_bindgen_test]
fn validate_field_gives_the_field_issues_only() {
    let issues = bindings::validate_field(
        "contact.phone",
        JsValue::from_str("12345"),
        None,
        Some("en".into()),
    )
    .expect("issues");
    let issues = js_sys::Array::from(&issues);
    assert_eq!(issues.length(), 1);
    assert_eq!(
        get(&issues.get(0), "code").as_string().as_deref(),
        Some("phone.format")
    );
    let none = bindings::validate_field(
        "contact.phone",
        JsValue::from_str("13912345678"),
        None,
        None,
    )
    .expect("issues");
    assert_eq!(js_sys::Array::from(&none).length(), 0);
    assert!(
        bindings::validate_field("contact.fax", JsValue::from_str("1"), None, None).is_err(),
        "a path that is no field is an error, not an empty list"
    );
}

#[wasm_bindgen_test]
fn a_submission_verifies_and_an_edited_one_does_not() {
    let submission = bindings::submit(object(SAMPLE)).expect("a submission");
    let ok = bindings::verify(submission.clone(), Some("en".into())).expect("a result");
    assert_eq!(get(&ok, "ok").as_bool(), Some(true));
    assert_eq!(get(&ok, "outcome").as_string().as_deref(), Some("holds"));
    js_sys::Reflect::set(
        &get(&submission, "decision"),
        &"refund".into(),
        &"1.00".into(),
    )
    .expect("set");
    let bad = bindings::verify(submission, None).expect("a result");
    assert_eq!(get(&bad, "ok").as_bool(), Some(false));
    assert_eq!(get(&bad, "outcome").as_string().as_deref(), Some("altered"));
    assert_eq!(get(&bad, "exitCode").as_f64(), Some(1.0));
    assert!(get(&bad, "reason")
        .as_string()
        .unwrap_or_default()
        .contains("decision.refund"));
}

#[wasm_bindgen_test]
fn policies_and_schema() {
    let list = js_sys::Array::from(&bindings::policies().expect("policies"));
    assert_eq!(list.length(), 15);
    let schema = bindings::schema().expect("schema");
    assert!(get(&get(&schema, "properties"), "insured").is_object());
}

#[wasm_bindgen_test]
fn bad_input_is_an_error_not_a_crash() {
    assert!(bindings::check(JsValue::from_str("{ nope"), None).is_err());
    assert!(bindings::check(JsValue::from_f64(3.0), None).is_err());
    let result = bindings::verify(JsValue::from_str("{}"), None).expect("a result");
    assert_eq!(get(&result, "ok").as_bool(), Some(false));
}

#[wasm_bindgen_test]
fn read_statement_reads_or_refuses_naming_the_line() {
    let text = JsValue::from_str(
        "费款所属期,参保人数,应缴金额,实缴金额\n2025-01,46,\"3,220.00\",\"3,220.00\"\n",
    );
    let read = bindings::read_statement(text, Some(2025.0), Some("en".into())).expect("a result");
    assert_eq!(get(&read, "ok").as_bool(), Some(true));
    let row = js_sys::Array::from(&get(&read, "months")).get(0);
    assert_eq!(get(&row, "insured").as_f64(), Some(46.0));
    assert_eq!(get(&row, "paid").as_string().as_deref(), Some("3220.00"));
    let refused = bindings::read_statement(JsValue::from_str("1月\t46\t3,220.00\n"), None, None)
        .expect("a result");
    assert_eq!(get(&refused, "ok").as_bool(), Some(false));
    assert_eq!(
        get(&refused, "code").as_string().as_deref(),
        Some("statement.headerless_columns")
    );
    assert_eq!(get(&refused, "line").as_f64(), Some(1.0));
    assert!(bindings::read_statement(JsValue::from_f64(1.0), None, None).is_err());
    assert!(bindings::read_statement(JsValue::from_str("1"), Some(99999.0), None).is_err());
}
