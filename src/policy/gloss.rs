//! 条款释义 — the English gloss of each clause the profiles quote, kept as
//! data beside them (`clause_glosses.json`), not in them: the profiles'
//! digests are stamped into submissions, and a gloss is no part of a rule.
//!
//! Keyed by the exact Chinese clause text. Only what shows a clause to an
//! English reader reaches this table (the CLI, the JavaScript package, the
//! printout), so an app that never calls it does not carry it.

use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The table as written: one JSON object, Chinese clause → English gloss.
pub const CLAUSE_GLOSSES: &str = include_str!("clause_glosses.json");

fn table() -> &'static BTreeMap<String, String> {
    static TABLE: OnceLock<BTreeMap<String, String>> = OnceLock::new();
    // A malformed table glosses nothing rather than failing a report;
    // tests/glosses.rs holds it to every clause of every profile.
    TABLE.get_or_init(|| serde_json::from_str(CLAUSE_GLOSSES).unwrap_or_default())
}

/// The English gloss of a clause quoted by a profile, by its exact text;
/// `None` for a text the table does not hold.
pub fn clause_gloss(clause: &str) -> Option<&'static str> {
    table().get(clause).map(String::as_str)
}

/// Every (clause, gloss) pair of the table, in the clause's order.
pub fn clause_glosses() -> impl Iterator<Item = (&'static str, &'static str)> {
    table().iter().map(|(k, v)| (k.as_str(), v.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_reads_and_glosses_by_exact_text() {
        assert!(serde_json::from_str::<BTreeMap<String, String>>(CLAUSE_GLOSSES).is_ok());
        assert_eq!(clause_gloss("低于"), Some("Lower than"));
        assert_eq!(clause_gloss("低于 "), None, "exact text only");
        assert_eq!(clause_gloss(""), None);
    }
}
