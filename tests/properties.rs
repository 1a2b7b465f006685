//! Properties that hold for every application, checked on generated ones.

mod support;

use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::{json, Map, Value};
use support::SHIPPED_PROFILES as PROFILES;
use wengang_engine::internals::round_yuan;
use wengang_engine::{
    check, check_str, internals::policy, parse_application, verify, Lang, RawApplication,
};

const UNIT_TYPES: [&str; 8] = [
    "enterprise",
    "individual_business",
    "social_organisation",
    "foundation",
    "social_service_body",
    "law_firm",
    "accounting_firm",
    "labour_dispatch",
];
const INDUSTRIES: [&str; 16] = [
    "agriculture",
    "industry",
    "construction",
    "wholesale",
    "retail",
    "transport",
    "warehousing",
    "postal",
    "accommodation",
    "catering",
    "information_transmission",
    "software_it",
    "real_estate",
    "property_management",
    "leasing_business",
    "other",
];

fn yuan(fen: u64) -> String {
    format!("{}.{:02}", fen / 100, fen % 100)
}

prop_compose! {
    /// A well-formed application with figures anywhere in their ranges.
    fn application()(
        policy in 0..PROFILES.len(),
        unit_type in 0..UNIT_TYPES.len(),
        industry in 0..INDUSTRIES.len(),
        employees in 0u64..5_000,
        revenue in 0u64..10_000_000_000_000,
        assets in 0u64..10_000_000_000_000,
        start in 0u64..3_000,
        // Mostly small changes, so rates fall on both sides of the thresholds.
        change_permille in -60i64..100,
        jitter_hundredths in 0u64..200,
        retired in 0u64..50,
        claimants in 0u64..50,
        months in prop_oneof![8 => Just(12u64), 2 => 0u64..12],
        premiums in 0u64..2_000_000_000,
        arrears_share in prop_oneof![3 => Just(0u64), 1 => 0u64..=100],
        declarations in proptest::array::uniform4(proptest::bool::weighted(0.97)),
        hardship in proptest::option::of((any::<bool>(), any::<bool>(), any::<bool>(), 0u64..100_000_000)),
        // No historical arrears (mostly declared), and the office's classification (sometimes).
        extras in (proptest::bool::weighted(0.9), 0usize..4),
    ) -> Value {
        let official_size = [None, None, Some("large"), Some("sme")][extras.1];
        let id = PROFILES[policy];
        let loss = start as i64 * change_permille / 1000;
        let end = (start as i64 - loss).max(0) as u64;
        let average_hundredths = ((start + end) * 50 + jitter_hundredths).max(1);
        let year = policy::find(id).map(|p| p.profile.data_year).unwrap_or(2018);
        json!({
            "format": "wengang.application/1",
            "policy": id,
            "applicant": {
                "name": "测试企业", "credit_code": "91320594079903279G",
                "unit_type": UNIT_TYPES[unit_type], "industry": INDUSTRIES[industry],
                "employees": employees, "revenue": yuan(revenue), "assets": yuan(assets),
                "official_size": official_size
            },
            "insured": {
                "year": year, "start": start, "end": end,
                "monthly_average": yuan(average_hundredths),
                "retired_or_deceased": retired, "new_benefit_claimants": claimants,
                "months_paid_in_full": months, "premiums_paid": yuan(premiums),
                "arrears_and_late_fees": yuan(premiums * arrears_share / 100)
            },
            "declarations": {
                "industrial_policy_compliant": declarations[0], "environmental_compliant": declarations[1],
                "seriously_dishonest": !declarations[2], "zombie": !declarations[3],
                "no_outstanding_arrears": extras.0
            },
            "hardship": hardship.map(|(a, b, c, fen)| json!({
                "temporary_difficulty": a, "union_agreed_plan": b, "no_layoff_commitment": c,
                "monthly_contributions_payable": yuan(fen)
            })),
            "bank": { "account_name": "测试企业", "bank_name": "测试银行", "account_number": "1102020509000123456" },
            "contact": { "name": "王芳", "phone": "13912345678" },
            "commitment": { "accepted": true, "signatory": "李明", "date": format!("{}-06-10", year + 1) }
        })
    }
}

fn raw(value: &Value) -> RawApplication {
    serde_json::from_value(value.clone()).expect("generated applications are shaped right")
}

fn decimal(value: &Value) -> Option<Decimal> {
    value.as_str().and_then(|s| s.parse().ok())
}

/// JSON text with every object's keys in reverse order.
fn reversed_text(value: &Value) -> String {
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            keys.reverse();
            let body: Vec<String> = keys
                .iter()
                .map(|k| {
                    format!(
                        "{}:{}",
                        Value::String((*k).clone()),
                        reversed_text(&map[*k])
                    )
                })
                .collect();
            format!("{{{}}}", body.join(","))
        }
        Value::Array(items) => format!(
            "[{}]",
            items
                .iter()
                .map(reversed_text)
                .collect::<Vec<_>>()
                .join(",")
        ),
        other => other.to_string(),
    }
}

/// Any JSON value, nested a little.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        ".{0,40}".prop_map(Value::String),
        "[0-9.,-]{0,30}".prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(".{0,8}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

const LEAVES: [(&str, &str); 21] = [
    ("insured", "months"),
    ("", "policy"),
    ("applicant", "credit_code"),
    ("applicant", "unit_type"),
    ("applicant", "industry"),
    ("applicant", "employees"),
    ("applicant", "revenue"),
    ("applicant", "assets"),
    ("insured", "year"),
    ("insured", "start"),
    ("insured", "end"),
    ("insured", "monthly_average"),
    ("insured", "months_paid_in_full"),
    ("insured", "premiums_paid"),
    ("insured", "arrears_and_late_fees"),
    ("declarations", "zombie"),
    ("bank", "account_number"),
    ("contact", "phone"),
    ("commitment", "accepted"),
    ("commitment", "date"),
    ("hardship", "monthly_contributions_payable"),
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, .. ProptestConfig::default() })]

    #[test]
    fn refund_is_never_negative_nor_above_base_times_the_highest_rate(app in application()) {
        let report = check(&raw(&app), Lang::Zh);
        if let (Some(refund), Some(base)) = (report.refund.as_ref(), report.refund_base.as_ref()) {
            let refund: Decimal = refund.parse().unwrap();
            let base: Decimal = base.parse().unwrap();
            let highest = policy::find(app["policy"].as_str().unwrap()).unwrap().profile.highest_refund_rate();
            prop_assert!(refund >= Decimal::ZERO);
            // Rounding to the fen may add up to half a fen, never more.
            prop_assert!(refund <= round_yuan(base * highest), "{refund} > {base} × {highest}");
        }
        if report.eligible == Some(false) {
            prop_assert_eq!(report.refund.as_deref(), Some("0.00"));
        }
    }

    #[test]
    fn the_order_of_fields_does_not_matter(app in application()) {
        let forward = check_str(&app.to_string(), Lang::En).unwrap();
        let backward = check_str(&reversed_text(&app), Lang::En).unwrap();
        prop_assert_eq!(forward, backward);
    }

    #[test]
    fn the_margin_is_exactly_the_room_left(app in application()) {
        let report = check(&raw(&app), Lang::Zh);
        if let Some(margin) = report.margin {
            // Losing `margin` more still qualifies; one more does not (or no one is left).
            let mut worse = app.clone();
            let end = app["insured"]["end"].as_u64().unwrap();
            worse["insured"]["end"] = json!(end - margin);
            let at = check(&raw(&worse), Lang::Zh);
            prop_assert_eq!(at.criteria.iter().find(|c| c.id == "layoff_rate").and_then(|c| c.passed), Some(true));
            if margin < end {
                worse["insured"]["end"] = json!(end - margin - 1);
                let beyond = check(&raw(&worse), Lang::Zh);
                prop_assert_eq!(beyond.criteria.iter().find(|c| c.id == "layoff_rate").and_then(|c| c.passed), Some(false));
            }
        }
    }

    #[test]
    fn the_exact_refund_is_base_times_rate(app in application()) {
        let report = check(&raw(&app), Lang::Zh);
        if let (Some(base), Some(rate), Some(exact)) = (
            decimal(&json!(report.refund_base)), decimal(&json!(report.refund_rate)), decimal(&json!(report.refund_unrounded))
        ) {
            prop_assert_eq!(base * rate, exact);
        }
    }

    #[test]
    fn any_value_in_any_field_gives_a_report_not_a_panic(app in application(), leaf in 0..LEAVES.len(), value in any_json()) {
        let mut app = app;
        let (section, field) = LEAVES[leaf];
        if section.is_empty() {
            app[field] = value;
        } else if app[section].is_object() {
            app[section][field] = value;
        }
        if let Ok(raw) = serde_json::from_value::<RawApplication>(app) {
            let report = check(&raw, Lang::Zh);
            prop_assert_eq!(report.valid, !report.issues.iter().any(|i| i.severity == wengang_engine::Severity::Error));
        }
    }

    #[test]
    fn monthly_records_fill_the_aggregates_or_are_named_row_by_row(
        app in application(),
        counts in prop::collection::vec(0u64..2_000, 12),
        fen in prop::collection::vec((0u64..2_000_000, 0u64..2_000_000), 12),
        cell in any_json(),
        at in (0usize..12, 0usize..4),
    ) {
        let rows: Vec<Value> = counts.iter().zip(&fen).enumerate().map(|(i, (c, (due, paid)))| {
            json!({"month": i + 1, "insured": c, "due": yuan(*due), "paid": yuan(*paid)})
        }).collect();
        let mut app = app;
        for key in ["start", "end", "monthly_average", "months_paid_in_full", "premiums_paid"] {
            app["insured"][key] = Value::Null;
        }
        app["insured"]["months"] = Value::Array(rows.clone());
        let report = check(&raw(&app), Lang::Zh);
        prop_assert_eq!(report.derived.len(), 5);
        let derived = |formula: &str| report.derived.iter().find(|d| d.formula == formula).map(|d| d.value.clone());
        prop_assert_eq!(derived("first_month_insured"), Some(counts[0].to_string()));
        prop_assert_eq!(derived("last_month_insured"), Some(counts[11].to_string()));
        let paid: u64 = fen.iter().map(|(_, p)| p).sum();
        prop_assert_eq!(derived("sum_paid"), Some(yuan(paid)));
        let in_full = fen.iter().filter(|(d, p)| p >= d).count();
        prop_assert_eq!(derived("count_paid_at_least_due"), Some(in_full.to_string()));
        let sum: u64 = counts.iter().sum();
        let average: Decimal = derived("sum_insured_div_12").unwrap().parse().unwrap();
        prop_assert!((average * Decimal::from(12) - Decimal::from(sum)).abs() < Decimal::new(2, 9));
        prop_assert!(!report.issues.iter().any(|i| i.code == "required" || i.code.starts_with("months.")));
        // Any value in any cell: a report, any problem named by the row's path.
        let (row, column) = at;
        let key = ["month", "insured", "due", "paid"][column];
        app["insured"]["months"][row][key] = cell;
        if let Ok(raw) = serde_json::from_value::<RawApplication>(app) {
            let report = check(&raw, Lang::En);
            for issue in report.issues.iter().filter(|i| i.field.starts_with("insured.months.")) {
                prop_assert!(issue.field.starts_with(&format!("insured.months.{}.", row + 1)), "{}", issue.field);
                prop_assert!(issue.message.starts_with("Monthly records, row"), "{}", issue.message);
            }
        }
    }

    #[test]
    fn any_text_is_parsed_checked_or_refused_without_panic(text in ".{0,200}") {
        let _ = parse_application(&text);
        let _ = check_str(&text, Lang::En);
        prop_assert!(verify(&text).is_err());
    }

    #[test]
    fn any_string_through_every_identifier_validator(text in ".{0,40}") {
        use wengang_engine::internals::{contact, identifiers, fields};
        let _ = identifiers::credit_code(&text);
        let _ = contact::account_number(&text);
        let _ = contact::mobile_phone(&text);
        let v = Value::String(text);
        let _ = (fields::money(&v), fields::count(&v), fields::decimal(&v, 6), fields::date(&v), fields::text(&v));
    }

    #[test]
    fn editing_any_decision_value_breaks_the_receipt_and_is_named(app in application(), pick in any::<prop::sample::Index>()) {
        let Ok(submission) = wengang_engine::submit(&raw(&app)) else { return Ok(()); };
        let mut file = serde_json::to_value(&submission).unwrap();
        prop_assert!(verify(&file.to_string()).is_ok());
        let keys = ["eligible", "refund", "refund_base", "layoff_rate", "route", "margin", "size", "threshold"];
        let key = keys[pick.index(keys.len())];
        let edited = match &file["decision"][key] {
            Value::String(s) => json!(format!("{s}1")),
            Value::Bool(b) => json!(!b),
            Value::Number(n) => json!(n.as_u64().unwrap_or(0) + 1),
            _ => json!("x"),
        };
        file["decision"][key] = edited;
        let error = verify(&file.to_string()).unwrap_err();
        prop_assert_eq!(error.outcome(), wengang_engine::VerifyOutcome::Altered);
        let path = format!("decision.{key}");
        prop_assert!(error.to_string().contains(&path), "{} does not name {}", error, path);
    }
}

/// The generator reaches every kind of outcome, so the properties above
/// are not true only of one kind.
#[test]
fn generated_applications_cover_every_outcome() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let (mut eligible, mut not_eligible, mut undecided, mut margins, mut review) = (0, 0, 0, 0, 0);
    for _ in 0..400 {
        let app = application().new_tree(&mut runner).unwrap().current();
        let report = check(&raw(&app), Lang::Zh);
        match report.eligible {
            Some(true) => eligible += 1,
            Some(false) => not_eligible += 1,
            None => undecided += 1,
        }
        margins += usize::from(report.margin.is_some_and(|m| m > 0));
        review +=
            usize::from(report.route == Some(wengang_engine::internals::Route::GovernmentReview));
    }
    eprintln!("{eligible} eligible, {not_eligible} not, {undecided} undecided, {margins} margins, {review} reviews");
    assert!(
        eligible >= 100 && not_eligible >= 50 && undecided >= 5,
        "{eligible} {not_eligible} {undecided}"
    );
    assert!(margins >= 10, "{margins} with a positive margin");
    assert!(review >= 1, "{review} sent to government review");
}
