//! The shipped policy profiles are well-formed, cited data.

mod support;

use std::collections::BTreeSet;

use support::SHIPPED_PROFILES as SHIPPED;

use serde_json::Value;
use wengang_engine::internals::policy::{self, size_table};

#[test]
fn every_shipped_profile_loads() {
    for id in SHIPPED {
        let loaded = policy::find(id).unwrap_or_else(|e| panic!("{id}: {e}"));
        assert_eq!(loaded.profile.id, id);
        assert!(loaded.digest().starts_with("sha256:") && loaded.digest().len() == 71);
    }
    assert_eq!(policy::profiles().len(), SHIPPED.len());
    assert!(policy::profiles().iter().all(Result::is_ok));
}

/// Every object with a `source` is a parameter; its source must be listed.
fn check_sources(
    value: &Value,
    sources: &BTreeSet<String>,
    path: &str,
    problems: &mut Vec<String>,
) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(source)) = map.get("source") {
                if !sources.contains(source) {
                    problems.push(format!("{path}: source `{source}` is not in `sources`"));
                }
                for key in ["clause", "confirmed"] {
                    if !map.contains_key(key) {
                        problems.push(format!("{path}: no `{key}`"));
                    }
                }
            }
            for (k, v) in map {
                if k != "sources" {
                    check_sources(v, sources, &format!("{path}.{k}"), problems);
                }
            }
        }
        Value::Array(items) => items
            .iter()
            .for_each(|v| check_sources(v, sources, path, problems)),
        _ => {}
    }
}

#[test]
fn every_parameter_names_a_listed_source_and_a_clause() {
    let mut problems = Vec::new();
    for id in SHIPPED {
        let loaded = policy::find(id).unwrap_or_else(|e| panic!("{e}"));
        let value = serde_json::to_value(&loaded.profile).unwrap_or_default();
        let sources: BTreeSet<String> = loaded.profile.sources.keys().cloned().collect();
        check_sources(&value, &sources, id, &mut problems);
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn validity_dates_are_ordered_and_in_the_year_the_rules_apply() {
    for id in SHIPPED {
        let p = &policy::find(id).unwrap_or_else(|e| panic!("{e}")).profile;
        assert!(p.valid_from <= p.valid_to, "{id}");
        for date in [&p.valid_from, &p.valid_to] {
            assert!(
                wengang_engine::internals::fields::date_text(date).is_ok(),
                "{id}: {date}"
            );
        }
        assert!(p.valid_from.starts_with(&p.applies_in.to_string()), "{id}");
        assert_eq!(p.data_year + 1, p.applies_in, "{id}");
    }
}

#[test]
fn the_seed_profile_carries_the_suzhou_2019_values() {
    let p = &policy::find("suzhou-2019")
        .unwrap_or_else(|e| panic!("{e}"))
        .profile;
    assert_eq!(
        p.layoff_threshold
            .sme
            .rate
            .value
            .map(|d| d.to_string())
            .as_deref(),
        Some("0.0178")
    );
    assert_eq!(
        p.layoff_threshold.sme.comparison.value,
        Some(policy::Comparison::Strict)
    );
    assert_eq!(
        p.refund_rate.sme.value.map(|d| d.to_string()).as_deref(),
        Some("0.5")
    );
    let review = p
        .review_threshold
        .as_ref()
        .and_then(|r| r.value)
        .map(|d| d.to_string());
    assert_eq!(review.as_deref(), Some("5000000.00"));
}

#[test]
fn unknown_values_stay_unknown() {
    // Never invented: Suzhou's monthly average benefit and the national
    // 2019 threshold (a local rate) are unknown in the data.
    let suzhou = &policy::find("suzhou-2019")
        .unwrap_or_else(|e| panic!("{e}"))
        .profile;
    let benefit = suzhou
        .hardship
        .as_ref()
        .and_then(|h| h.benefit.as_ref())
        .map(|b| b.monthly_benefit.value);
    assert_eq!(benefit, Some(None));
    let national = &policy::find("cn-2019")
        .unwrap_or_else(|e| panic!("{e}"))
        .profile;
    assert_eq!(national.layoff_threshold.large.rate.value, None);
    // Nationally, non-enterprise units have no rate class.
    for id in ["cn-2019", "cn-2021", "cn-2025"] {
        let p = &policy::find(id).unwrap_or_else(|e| panic!("{e}")).profile;
        use wengang_engine::internals::UnitType;
        assert_eq!(p.treatment(UnitType::LawFirm), None, "{id}");
        assert_eq!(p.treatment(UnitType::IndividualBusiness), None, "{id}");
        assert_eq!(
            p.treatment(UnitType::Enterprise),
            Some(policy::Treatment::BySize),
            "{id}"
        );
    }
    // Jiangsu 2024/2025: whether historical arrears exclude is not known.
    for id in ["jiangsu-2024", "jiangsu-2025"] {
        let p = &policy::find(id).unwrap_or_else(|e| panic!("{e}")).profile;
        let rule = p.declarations.no_historical_arrears.as_ref();
        assert_eq!(rule.map(|r| r.value), Some(None), "{id}");
        assert!(rule.and_then(|r| r.note.as_ref()).is_some(), "{id}");
    }
}

#[test]
fn comparisons_are_strict_in_2019_and_non_strict_after_but_suzhou_2020_large() {
    for id in SHIPPED {
        let p = &policy::find(id).unwrap_or_else(|e| panic!("{e}")).profile;
        let expected = if p.applies_in == 2019 {
            policy::Comparison::Strict
        } else {
            policy::Comparison::NonStrict
        };
        let large = if id == "suzhou-2020" {
            // 低于 1.84% for units other than SMEs (the 2020-02-10 notice).
            policy::Comparison::Strict
        } else {
            expected
        };
        let t = &p.layoff_threshold;
        assert_eq!(t.large.comparison.value, Some(large), "{id}");
        assert_eq!(t.sme.comparison.value, Some(expected), "{id}");
        if let Some(small) = &p.small_unit_rule {
            assert_eq!(small.threshold.comparison.value, Some(expected), "{id}");
        }
    }
}

#[test]
fn every_profile_says_how_the_refund_is_obtained() {
    use policy::Procedure::{Application, Automatic};
    for id in SHIPPED {
        let p = &policy::find(id).unwrap_or_else(|e| panic!("{e}")).profile;
        let expected = match id {
            "suzhou-2019" | "cn-2019" => Some(Application),
            // 2021 pushed back-office matching; whether units applied varied.
            "cn-2021" => None,
            _ => Some(Automatic),
        };
        assert_eq!(p.procedure.value, expected, "{id}");
        if p.procedure.value.is_none() {
            assert!(p.procedure.note.is_some(), "{id}: unknown without a reason");
        }
    }
}

#[test]
fn suzhou_2020_follows_the_2020_02_10_notice() {
    let p = &policy::find("suzhou-2020")
        .unwrap_or_else(|e| panic!("{e}"))
        .profile;
    let notice = "suzhou-2020-notice";
    for rate in [&p.refund_rate.large, &p.refund_rate.sme] {
        assert_eq!(rate.value.map(|d| d.to_string()).as_deref(), Some("0.5"));
        assert_eq!(rate.source, notice);
    }
    let small = p.small_unit_rule.as_ref().expect("the ≤30 rule");
    assert_eq!(small.sme_only.value, Some(false));
    assert_eq!(small.sme_only.source, notice);
    assert_eq!(p.layoff_threshold.large.rate.source, notice);
    assert_ne!(p.version, "2026-11-26.1");
}

#[test]
fn the_size_table_has_all_fifteen_rows_and_every_industry() {
    let table = size_table::table().expect("the embedded size table parses");
    assert_eq!(table.rows.len(), 15);
    use wengang_engine::internals::{Industry, Named};
    for &industry in Industry::ALL {
        assert!(table.row(industry).is_some(), "{industry:?} has no row");
    }
    assert_eq!(table.source.document, "工信部联企业〔2011〕300号");
}

#[test]
fn an_unknown_id_is_an_error_not_a_panic() {
    assert!(matches!(
        policy::find("atlantis-2030"),
        Err(policy::ProfileError::Unknown(_))
    ));
}
