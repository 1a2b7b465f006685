//! What makes `verify` trustworthy, for generated applications: a fresh
//! submission holds; changing any single leaf of the decision is caught
//! and named; changing any single leaf of the application is caught;
//! reordering keys or reflowing whitespace is not flagged.

use proptest::prelude::*;
use serde_json::{json, Value};
use wengang_engine::{submit, verify, VerifyOutcome};

const SAMPLES: [&str; 5] = [
    include_str!("../samples/eligible-sme.json"),
    include_str!("../samples/hardship.json"),
    include_str!("../samples/large-enterprise-review.json"),
    include_str!("../samples/missing-months.json"),
    include_str!("../samples/over-layoff-threshold.json"),
];

/// An application: a sample with its headcounts and premiums varied.
fn application() -> impl Strategy<Value = Value> {
    (0..SAMPLES.len(), 0u64..400, 0u64..400, 1u64..5_000_000).prop_map(
        |(pick, start, end, premiums)| {
            let mut app: Value = serde_json::from_str(SAMPLES[pick]).unwrap();
            app["insured"]["start"] = json!(start);
            app["insured"]["end"] = json!(end);
            app["insured"]["premiums_paid"] = json!(format!("{premiums}.00"));
            app
        },
    )
}

/// Every leaf of a value with its JSON Pointer.
fn leaves(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) if !map.is_empty() => {
            for (k, v) in map {
                leaves(v, format!("{at}/{k}"), out);
            }
        }
        Value::Array(items) if !items.is_empty() => {
            for (i, v) in items.iter().enumerate() {
                leaves(v, format!("{at}/{i}"), out);
            }
        }
        _ => out.push(at),
    }
}

/// A different value of the same leaf.
fn changed(value: &Value) -> Value {
    match value {
        Value::String(s) => json!(format!("{s}1")),
        Value::Bool(b) => json!(!b),
        Value::Number(n) => json!(n.as_u64().map_or(1, |n| n + 1)),
        Value::Null => json!("x"),
        Value::Array(_) => json!(["x"]),
        Value::Object(_) => json!({"x": 1}),
    }
}

/// JSON text with every object's keys in reverse order and extra whitespace.
fn reflowed(value: &Value) -> String {
    match value {
        Value::Object(map) => {
            let items: Vec<String> = map
                .iter()
                .rev()
                .map(|(k, v)| format!("\n  {} :  {}", Value::String(k.clone()), reflowed(v)))
                .collect();
            format!("{{{}\n}}", items.join(" ,"))
        }
        Value::Array(items) => {
            let items: Vec<String> = items.iter().map(reflowed).collect();
            format!("[ {} ]", items.join(" , "))
        }
        scalar => scalar.to_string(),
    }
}

/// The dotted path a difference message uses for a decision pointer.
fn dotted(pointer: &str) -> String {
    let mut out = String::new();
    for part in pointer.trim_start_matches('/').split('/') {
        if part.chars().all(|c| c.is_ascii_digit()) {
            out.push_str(&format!("[{part}]"));
        } else {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(part);
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn a_fresh_submission_holds_whatever_its_key_order_and_whitespace(app in application()) {
        let Ok(submission) = submit(&serde_json::from_value(app).unwrap()) else { return Ok(()); };
        let file = serde_json::to_value(&submission).unwrap();
        prop_assert!(verify(&file.to_string()).is_ok());
        let text = reflowed(&file);
        prop_assert!(verify(&text).is_ok(), "reflowed: {}", &text[..200.min(text.len())]);
    }

    #[test]
    fn any_single_decision_leaf_changed_is_caught_and_named(app in application(), pick in any::<prop::sample::Index>()) {
        let Ok(submission) = submit(&serde_json::from_value(app).unwrap()) else { return Ok(()); };
        let mut file = serde_json::to_value(&submission).unwrap();
        let mut all = Vec::new();
        leaves(&file["decision"], "/decision".into(), &mut all);
        let at = pick.get(&all);
        let leaf = file.pointer_mut(at).unwrap();
        *leaf = changed(leaf);
        let error = verify(&file.to_string()).unwrap_err();
        prop_assert_eq!(error.outcome(), VerifyOutcome::Altered);
        let path = dotted(at);
        prop_assert!(error.to_string().contains(&path), "{} does not name {}", error, path);
    }

    #[test]
    fn any_single_application_leaf_changed_is_caught(app in application(), pick in any::<prop::sample::Index>()) {
        let Ok(submission) = submit(&serde_json::from_value(app).unwrap()) else { return Ok(()); };
        let mut file = serde_json::to_value(&submission).unwrap();
        let mut all = Vec::new();
        leaves(&file["application"], "/application".into(), &mut all);
        let at = pick.get(&all);
        let leaf = file.pointer_mut(at).unwrap();
        *leaf = changed(leaf);
        let error = verify(&file.to_string()).unwrap_err();
        prop_assert!(
            matches!(error.outcome(), VerifyOutcome::Altered | VerifyOutcome::Unreadable),
            "{} at {}", error, at
        );
    }
}

#[test]
fn the_generator_makes_valid_submissions() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let made = (0..64)
        .filter(|_| {
            let app = application().new_tree(&mut runner).unwrap().current();
            submit(&serde_json::from_value(app).unwrap()).is_ok()
        })
        .count();
    assert!(
        made >= 40,
        "only {made} of 64 generated applications make a submission"
    );
}

/// Found by the `application` fuzz target: a 98-digit integer in a field
/// the engine does not read is kept in the submission as a float, and a
/// best-effort parse of that float read back a neighbour of it, so a
/// fresh file failed its own digest. Numbers now parse to exactly the
/// float their text names.
#[test]
fn a_huge_number_in_an_unread_field_keeps_its_digest_and_is_named() {
    let sample = include_str!("../samples/eligible-sme.json");
    let huge = "1".to_owned() + &"6".repeat(97);
    let text = sample.replacen('{', &format!("{{\"remark\": {huge},"), 1);
    let raw = wengang_engine::parse_application(&text).unwrap();
    // A field the engine would not read is refused (issue 22: a misspelt
    // field was skipped in silence).
    let refused = submit(&raw).unwrap_err();
    let issues = refused.report(wengang_engine::Lang::En).issues;
    assert!(
        issues
            .iter()
            .any(|i| i.field == "remark" && i.code == "field.unknown"),
        "{issues:?}"
    );
    // Added to a made file with its digest recomputed, the number keeps
    // its exact value through the text (the digest matches), and verify
    // names the key instead of calling the digest wrong.
    let clean = wengang_engine::parse_application(sample).unwrap();
    let mut file = serde_json::to_value(submit(&clean).unwrap()).unwrap();
    file["application"]["remark"] = serde_json::from_str(&huge).unwrap();
    file["digest"] = wengang_engine::digest_of(&file).into();
    let text = serde_json::to_string(&file).unwrap();
    assert!(text.contains("e+97"), "kept as a float: {text}");
    match verify(&text) {
        Err(wengang_engine::VerifyError::UnknownKeys(unknown)) => {
            assert_eq!(unknown.named[0].0, "application.remark");
        }
        other => panic!("{other:?}"),
    }
}
