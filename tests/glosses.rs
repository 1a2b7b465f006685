//! The English glosses of the clauses the profiles quote
//! (`src/policy/clause_glosses.json`): every clause of every shipped
//! profile has one, every gloss belongs to a clause still quoted, each
//! keeps the clause's numbers, and English reports carry them while
//! Chinese reports and submissions do not.

mod support;

use std::collections::BTreeMap;

use serde_json::Value;
use support::SHIPPED_PROFILES as SHIPPED;
use wengang_engine::internals::policy::{clause_gloss, clause_glosses, CLAUSE_GLOSSES};
use wengang_engine::{check, parse_application, submit, Lang};

/// Every `clause` quoted anywhere in a profile file as shipped, with
/// where it is (`profile/pointer`).
fn clauses() -> BTreeMap<String, Vec<String>> {
    fn walk(value: &Value, at: &str, out: &mut BTreeMap<String, Vec<String>>) {
        match value {
            Value::Object(map) => {
                for (key, v) in map {
                    match (key.as_str(), v) {
                        ("clause", Value::String(text)) => {
                            out.entry(text.clone()).or_default().push(at.to_owned())
                        }
                        _ => walk(v, &format!("{at}/{key}"), out),
                    }
                }
            }
            Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    walk(v, &format!("{at}/{i}"), out);
                }
            }
            _ => {}
        }
    }
    let mut out = BTreeMap::new();
    for id in SHIPPED {
        let path = format!(
            "{}/src/policy/profiles/{id}.json",
            env!("CARGO_MANIFEST_DIR")
        );
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let value: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
        walk(&value, id, &mut out);
    }
    out
}

#[test]
fn every_clause_of_every_shipped_profile_has_an_english_gloss() {
    let clauses = clauses();
    assert!(clauses.len() >= 70, "only {} clauses found", clauses.len());
    let missing: Vec<String> = clauses
        .iter()
        .filter(|(clause, _)| clause_gloss(clause).is_none())
        .map(|(clause, at)| format!("{clause}  (quoted at {})", at.join(", ")))
        .collect();
    assert!(
        missing.is_empty(),
        "clauses without a gloss in src/policy/clause_glosses.json:\n{}",
        missing.join("\n")
    );
}

#[test]
fn every_gloss_belongs_to_a_clause_a_profile_still_quotes() {
    let clauses = clauses();
    let unused: Vec<&str> = clause_glosses()
        .map(|(clause, _)| clause)
        .filter(|clause| !clauses.contains_key(*clause))
        .collect();
    assert!(
        unused.is_empty(),
        "glosses of clauses no profile quotes:\n{}",
        unused.join("\n")
    );
    assert_eq!(
        clause_glosses().count(),
        clauses.len(),
        "one gloss for each clause quoted, no more"
    );
}

#[test]
fn the_table_is_one_json_object_of_non_empty_english_text() {
    let table: BTreeMap<String, String> =
        serde_json::from_str(CLAUSE_GLOSSES).expect("one JSON object of strings");
    // One entry a line: a clause written twice would silently keep one.
    let entries = CLAUSE_GLOSSES
        .lines()
        .filter(|l| l.starts_with("  \""))
        .count();
    assert_eq!(table.len(), entries, "a clause written twice");
    for (clause, gloss) in &table {
        assert!(!gloss.trim().is_empty(), "{clause}: empty gloss");
        assert_eq!(gloss.trim(), gloss, "{clause}: stray spaces");
        assert!(
            gloss.chars().any(|c| c.is_ascii_alphabetic()),
            "{clause}: the gloss is not English"
        );
    }
}

/// The numbers of a text: runs of digits with an optional decimal part
/// and an optional `%`.
fn numbers(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len()
            && (chars[i].is_ascii_digit()
                || (chars[i] == '.' && chars.get(i + 1).is_some_and(char::is_ascii_digit)))
        {
            i += 1;
        }
        if chars.get(i) == Some(&'%') {
            i += 1;
        }
        out.push(chars[start..i].iter().collect());
    }
    out
}

#[test]
fn a_gloss_keeps_every_number_of_its_clause() {
    // Where English writes a number otherwise, the clause's words and the
    // gloss's, each checked by hand.
    let rewritten = [
        ("2024年4月30日", "30 April 2024"),
        ("500万元", "5 million yuan"),
    ];
    let mut problems = Vec::new();
    for (clause, gloss) in clause_glosses() {
        let mut clause = clause.to_owned();
        for (zh, en) in rewritten {
            if clause.contains(zh) {
                clause = clause.replace(zh, "");
                if !gloss.contains(en) {
                    problems.push(format!("{gloss}: `{zh}` should read `{en}`"));
                }
            }
        }
        let mut in_gloss = numbers(gloss);
        for n in numbers(&clause) {
            match in_gloss.iter().position(|g| *g == n) {
                Some(at) => {
                    in_gloss.remove(at);
                }
                None => problems.push(format!("{clause} → {gloss}: `{n}` is missing")),
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// A policy officer's spot checks: the clause, and what its gloss must say.
#[test]
fn glosses_say_what_the_clauses_say() {
    for (clause, gloss) in [
        // A comparison word alone: strict and non-strict stay apart.
        ("低于", "Lower than"),
        ("不高于", "Not higher than"),
        ("不超过", "Not exceeding"),
        // The 2019 formula, glossed as a formula.
        (
            "裁员率 =（2019年初参保人数 − 2019年末参保人数）÷ 2019年月平均参保人数",
            "Layoff rate = (number insured at the start of 2019 − number insured at the end of 2019) ÷ monthly average number insured in 2019",
        ),
        (
            "（年初参保人数 − 年末参保人数）÷ 上年月平均参保人数",
            "(number insured at the start of the year − number insured at the end of the year) ÷ monthly average number insured in the previous year",
        ),
        // The ≤ 30 insured rule: 30 itself included.
        (
            "参保职工30人（含）以下的企业，裁员率不超过20%",
            "For enterprises with 30 insured employees or fewer (30 included), a layoff rate not exceeding 20%",
        ),
        // Rates by class, as the documents set them: a cap says "up to",
        // a fixed rate does not.
        (
            "大型企业按不超过…30%返还，中小微企业按不超过60%返还",
            "Large enterprises are refunded up to … 30%, SMEs up to 60%",
        ),
        (
            "大型企业按…30%返还，中小微企业按60%返还",
            "Large enterprises are refunded … 30%, SMEs 60%",
        ),
        (
            "大型企业和社会组织按50%返还（已按30%返还的补发20%）",
            "Large enterprises and social organisations are refunded 50% (those already refunded 30% are paid the further 20%)",
        ),
        // The government-review route.
        (
            "返还金额500万元及以上的报市政府审议",
            "Refunds of 5 million yuan or more go to the municipal government for deliberation",
        ),
        (
            "苏州市 2018 年城镇登记失业率 1.78%",
            "Suzhou's registered urban unemployment rate in 2018: 1.78%",
        ),
    ] {
        assert_eq!(clause_gloss(clause), Some(gloss), "{clause}");
    }
}

fn sample(name: &str) -> wengang_engine::RawApplication {
    let path = format!("{}/samples/{name}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    parse_application(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn an_english_report_glosses_each_source_once_asked() {
    for name in ["eligible-sme", "hardship", "large-enterprise-review"] {
        let raw = sample(name);
        let mut en = check(&raw, Lang::En);
        assert!(!en.criteria.is_empty(), "{name}: decided");
        // Rendering alone adds nothing: the app's first load has no table.
        assert!(en.criteria.iter().all(|c| c.source.clause_en.is_none()));
        en.gloss_sources();
        let sources = en
            .criteria
            .iter()
            .chain(en.hardship.iter().flat_map(|h| h.conditions.iter()))
            .map(|c| &c.source)
            .chain(en.unconfirmed.iter().map(|u| &u.source));
        for source in sources.filter(|s| !s.document.is_empty()) {
            assert_eq!(
                source.clause_en.as_deref(),
                clause_gloss(&source.clause),
                "{name}: {}",
                source.clause
            );
            assert!(source.clause_en.is_some(), "{name}: {}", source.clause);
        }
        let json = serde_json::to_string(&en).unwrap_or_default();
        assert!(json.contains("\"clause_en\""), "{name}");
    }
}

#[test]
fn a_chinese_report_and_the_submission_carry_no_gloss() {
    for name in ["eligible-sme", "hardship"] {
        let raw = sample(name);
        let plain = serde_json::to_string(&check(&raw, Lang::Zh)).unwrap_or_default();
        let mut zh = check(&raw, Lang::Zh);
        zh.gloss_sources();
        let glossed = serde_json::to_string(&zh).unwrap_or_default();
        assert_eq!(plain, glossed, "{name}: a Chinese report is unchanged");
        assert!(!glossed.contains("clause_en"), "{name}");
        if let Ok(submission) = submit(&raw) {
            let text = serde_json::to_string(&submission).unwrap_or_default();
            assert!(
                !text.contains("clause_en"),
                "{name}: no prose in a submission"
            );
        }
    }
    // A report written before glosses existed still reads.
    let value = serde_json::to_value(check(&sample("eligible-sme"), Lang::En)).unwrap();
    assert!(!value.to_string().contains("clause_en"));
    let report: wengang_engine::Report = serde_json::from_value(value).unwrap();
    assert!(report.criteria.iter().all(|c| c.source.clause_en.is_none()));
}
