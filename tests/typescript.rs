//! The TypeScript types shipped in `pkg/` name exactly the fields the
//! engine reads and writes (checked against the schemas generated from
//! the Rust types).

use std::collections::BTreeSet;

use serde_json::Value;

const TYPES: &str = include_str!("../src/bindings.d.ts");

/// The property names of `export interface NAME { ... }`.
fn interface(name: &str) -> BTreeSet<String> {
    let start = TYPES
        .find(&format!("export interface {name} {{"))
        .unwrap_or_else(|| panic!("no interface {name}"));
    let body = &TYPES[start..];
    let body = &body[body.find('{').unwrap() + 1..body.find("\n}").unwrap()];
    body.lines()
        .map(str::trim)
        .filter(|l| !l.starts_with("/**") && !l.starts_with('*') && !l.is_empty())
        .filter_map(|l| l.split([':', '?']).next())
        .map(|k| k.trim().to_owned())
        .collect()
}

fn properties(schema: &Value, definition: Option<&str>) -> BTreeSet<String> {
    let node = match definition {
        Some(d) => &schema["$defs"][d],
        None => schema,
    };
    node["properties"]
        .as_object()
        .map(|p| p.keys().cloned().collect())
        .unwrap_or_default()
}

#[test]
fn report_types_match_the_report() {
    let schema = serde_json::to_value(schemars::schema_for!(wengang_engine::Report)).unwrap();
    assert_eq!(interface("Report"), properties(&schema, None));
    for (ts, rust) in [
        ("ProfileInfo", "ProfileInfo"),
        ("Criterion", "CriterionReport"),
        ("HardshipReport", "HardshipReport"),
        ("HardshipAmount", "HardshipAmountRecord"),
        ("UnconfirmedParameter", "UnconfirmedParameter"),
        ("Issue", "IssueReport"),
        ("Notice", "NoticeReport"),
        ("Source", "Source"),
        ("DerivedReport", "DerivedReport"),
    ] {
        assert_eq!(
            interface(ts),
            properties(&schema, Some(rust)),
            "{ts} vs {rust}"
        );
    }
}

#[test]
fn submission_types_match_the_decision_record() {
    let schema =
        serde_json::to_value(schemars::schema_for!(wengang_engine::DecisionRecord)).unwrap();
    assert_eq!(interface("DecisionRecord"), properties(&schema, None));
    for (ts, rust) in [
        ("CriterionRecord", "CriterionRecord"),
        ("HardshipRecord", "HardshipRecord"),
        ("HardshipAmount", "HardshipAmountRecord"),
        ("IssueRecord", "IssueRecord"),
        ("DerivedRecord", "DerivedRecord"),
    ] {
        assert_eq!(
            interface(ts),
            properties(&schema, Some(rust)),
            "{ts} vs {rust}"
        );
    }
    let submission: std::collections::BTreeSet<String> = [
        "format",
        "engine",
        "policy",
        "application",
        "decision",
        "digest",
    ]
    .map(String::from)
    .into();
    assert_eq!(interface("Submission"), submission);
}

#[test]
fn application_types_match_the_application() {
    let schema = wengang_engine::application_schema();
    assert_eq!(interface("Application"), properties(&schema, None));
    for (ts, rust) in [
        ("Applicant", "RawApplicant"),
        ("Insured", "RawInsured"),
        ("Declarations", "RawDeclarations"),
        ("Hardship", "RawHardship"),
        ("Bank", "RawBank"),
        ("Contact", "RawContact"),
        ("Commitment", "RawCommitment"),
    ] {
        assert_eq!(
            interface(ts),
            properties(&schema, Some(rust)),
            "{ts} vs {rust}"
        );
    }
    let row: BTreeSet<String> = schema["$defs"]["MonthsTable"]["items"]["properties"]
        .as_object()
        .map(|p| p.keys().cloned().collect())
        .unwrap_or_default();
    assert_eq!(interface("MonthRow"), row);
}

#[test]
fn statement_types_match_what_read_statement_gives() {
    use wengang_engine::{read_statement, Lang};
    let keys = |v: &Value| -> BTreeSet<String> {
        v.as_object()
            .map(|o| o.keys().cloned().collect())
            .unwrap_or_default()
    };
    let text =
        "单位名称\t险种\t月份\t参保人数\t应缴\t实缴\n示例\t失业保险\t1\t46\t3220.00\t3220.00\n";
    let read = read_statement(text, None).expect("read").to_json(Lang::En);
    assert_eq!(interface("StatementRead"), keys(&read));
    assert_eq!(interface("StatementRow"), keys(&read["rows"][0]));
    assert_eq!(interface("StatementColumns"), keys(&read["columns"]));
    assert_eq!(interface("SourceColumn"), keys(&read["columns"]["month"]));
    assert_eq!(interface("MonthRow"), keys(&read["months"][0]));
    let refused = read_statement("1月\t46\t3,220.00", None)
        .expect_err("refused")
        .to_json(Lang::En);
    assert_eq!(interface("StatementRefused"), keys(&refused));
    // Every string union the types name is what the engine writes.
    for (value, union) in [
        (&read["separator"], "\"tab\" | \"comma\" | \"spaces\""),
        (
            &refused["role"],
            "\"month\" | \"insured\" | \"due\" | \"paid\" | \"insurance\" | \"year\" | null",
        ),
    ] {
        assert!(TYPES.contains(union), "{union}");
        let shown = if value.is_null() {
            "null".to_owned()
        } else {
            value.to_string()
        };
        assert!(union.contains(&shown), "{value} in {union}");
    }
    use wengang_engine::statement::SkipReason;
    for reason in [
        SkipReason::Title,
        SkipReason::RepeatedHeader,
        SkipReason::Total,
        SkipReason::OtherInsurance,
        SkipReason::NoFigures,
    ] {
        let name = serde_json::to_value(reason).unwrap().to_string();
        assert!(
            TYPES.contains(&format!("| {name}")) || TYPES.contains(&format!("reason: {name}")),
            "{name}"
        );
    }
    assert!(TYPES.contains(
        "export function readStatement(text: string, dataYear?: number | null, lang?: \"zh\" | \"en\" | null): StatementResult;"
    ));
}
