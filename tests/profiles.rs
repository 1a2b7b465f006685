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
    assert_eq!(p.layoff_threshold.sme.rate.source, notice);
    // The city notice has neither the 1.84% nor the formula: the
    // Industrial Park's notice of the same year does, and 1.84% has no
    // primary source.
    let park = "suzhou-sip-2020";
    assert_eq!(p.layoff_threshold.large.rate.source, park);
    assert!(!p.layoff_threshold.large.rate.confirmed);
    assert_eq!(p.layoff_formula.source, park);
    assert_ne!(p.version, "2026-11-26.1");
}

#[test]
fn suzhou_registered_unemployment_rates_are_not_confirmed() {
    for (id, rate) in [("suzhou-2019", "0.0178"), ("suzhou-2020", "0.0184")] {
        let p = &policy::find(id).unwrap_or_else(|e| panic!("{e}")).profile;
        let large = &p.layoff_threshold.large.rate;
        assert_eq!(large.value.map(|d| d.to_string()).as_deref(), Some(rate));
        assert!(!large.confirmed, "{id}: {rate} has no primary source");
        assert!(large.note.is_some(), "{id}: says why");
    }
}

#[test]
fn only_the_2026_rules_are_provisional_and_nothing_in_them_is_confirmed() {
    for id in SHIPPED {
        let loaded = policy::find(id).unwrap_or_else(|e| panic!("{e}"));
        let p = &loaded.profile;
        let provisional = p.applies_in == 2026;
        assert_eq!(
            p.status == policy::ProfileStatus::Provisional,
            provisional,
            "{id}"
        );
        if !provisional {
            continue;
        }
        // Every parameter unconfirmed, and each says why.
        fn params(value: &Value, at: &str, out: &mut Vec<String>) {
            if let Value::Object(map) = value {
                if map.contains_key("clause") {
                    if map.get("confirmed") != Some(&Value::Bool(false)) {
                        out.push(format!("{at}: confirmed"));
                    }
                    if map.get("note").is_none() {
                        out.push(format!("{at}: no note"));
                    }
                }
                for (k, v) in map {
                    if k != "sources" {
                        params(v, &format!("{at}/{k}"), out);
                    }
                }
            }
        }
        let mut problems = Vec::new();
        params(&serde_json::to_value(p).unwrap(), id, &mut problems);
        assert!(problems.is_empty(), "{}", problems.join("\n"));
        assert_eq!(p.data_year, 2025, "{id}: a 2026 refund is on 2025 figures");
    }
}

#[test]
fn national_rates_from_2021_are_caps_and_local_rates_fixed() {
    use policy::RateKind::{Cap, Fixed};
    for id in SHIPPED {
        let p = &policy::find(id).unwrap_or_else(|e| panic!("{e}")).profile;
        let expected = match id {
            // 2019: 可返还…的50%.
            "cn-2019" | "suzhou-2019" => Fixed,
            "suzhou-2020" | "jiangsu-2022" | "jiangsu-2025" | "jiangsu-2026" => Fixed,
            // Jiangsu's own rate not found these years: the national cap.
            _ => Cap,
        };
        for kind in [&p.refund_rate_kind.large, &p.refund_rate_kind.sme] {
            assert_eq!(kind.value, Some(expected), "{id}");
            if expected == Cap {
                // 按不超过…返还, or 最高提至 (2022's raise).
                let says_cap = kind.clause.contains("不超过") || kind.clause.contains("最高");
                assert!(says_cap, "{id}: {}", kind.clause);
            }
        }
    }
}

#[test]
fn only_application_rules_have_an_application_window() {
    use policy::Procedure::Automatic;
    for id in SHIPPED {
        let p = &policy::find(id).unwrap_or_else(|e| panic!("{e}")).profile;
        let automatic = p.procedure.value == Some(Automatic);
        assert_eq!(p.application_window.is_none(), automatic, "{id}");
        if let Some(window) = &p.application_window {
            match &window.value {
                Some(w) => assert!(w.from <= w.to, "{id}"),
                None => assert!(window.note.is_some(), "{id}: unknown without a reason"),
            }
        }
    }
}

#[test]
fn jiangsu_2025_cites_its_own_notice() {
    let p = &policy::find("jiangsu-2025")
        .unwrap_or_else(|e| panic!("{e}"))
        .profile;
    let source = &p.sources[&p.refund_rate.sme.source];
    assert_eq!(source.document, "苏人社发〔2025〕22号");
    assert!(source.confirmed);
    assert_eq!(p.unit_treatment.source, p.refund_rate.sme.source);
    assert!(p.unit_treatment.confirmed);
    assert_eq!(p.procedure.source, p.refund_rate.sme.source);
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
