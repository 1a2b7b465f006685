//! 未知字段 — keys an application has that this engine does not read.
//! Each is an error naming it (and the known field it is closest to: a
//! misspelt `official_sise` would otherwise be skipped in silence, and the
//! decision made without the office's classification). Only the first
//! [`MAX_NAMED`] are named, then one issue counts the rest, so a file of a
//! million unknown keys gives eleven issues, found in one pass.

use serde_json::{Map, Value};

use super::{Issue, IssueKind};
use crate::application::field::{Field, Section};
use crate::application::RawApplication;

/// Unknown keys named one by one; the rest are counted.
pub const MAX_NAMED: usize = 10;
/// The field of an issue about the application as a whole.
pub const WHOLE: &str = "application";
/// Keys longer than this get no suggestion (and are cut in messages).
const MAX_SUGGESTED_LEN: usize = 64;

/// Every unknown key of `raw`, in form order: its dotted path.
pub fn unknown_paths(raw: &RawApplication) -> impl Iterator<Item = String> + '_ {
    let hardship = raw.hardship.as_ref().map(|h| &h.extra);
    let sections: [(&str, Option<&Map<String, Value>>); 8] = [
        ("", Some(&raw.extra)),
        (Section::Applicant.name(), Some(&raw.applicant.extra)),
        (Section::Insured.name(), Some(&raw.insured.extra)),
        (Section::Declarations.name(), Some(&raw.declarations.extra)),
        (Section::Hardship.name(), hardship),
        (Section::Bank.name(), Some(&raw.bank.extra)),
        (Section::Contact.name(), Some(&raw.contact.extra)),
        (Section::Commitment.name(), Some(&raw.commitment.extra)),
    ];
    sections
        .into_iter()
        .filter_map(|(section, map)| map.map(|m| (section, m)))
        .flat_map(|(section, map)| {
            map.keys().map(move |key| {
                if section.is_empty() {
                    key.clone()
                } else {
                    format!("{section}.{key}")
                }
            })
        })
}

/// Has `raw` no key this engine does not read (the usual case)?
pub fn none(raw: &RawApplication) -> bool {
    raw.extra.is_empty()
        && raw.applicant.extra.is_empty()
        && raw.insured.extra.is_empty()
        && raw.declarations.extra.is_empty()
        && raw.hardship.as_ref().is_none_or(|h| h.extra.is_empty())
        && raw.bank.extra.is_empty()
        && raw.contact.extra.is_empty()
        && raw.commitment.extra.is_empty()
}

/// The issues of the unknown keys of `raw` (none in the usual case).
pub fn issues(raw: &RawApplication, out: &mut Vec<Issue>) {
    if none(raw) {
        return;
    }
    let mut count = 0usize;
    for path in unknown_paths(raw) {
        count += 1;
        if count <= MAX_NAMED {
            out.push(issue(&path));
        }
    }
    if count > MAX_NAMED {
        out.push(Issue::new(
            WHOLE,
            IssueKind::UnknownFieldsMore {
                count: count - MAX_NAMED,
            },
        ));
    }
}

/// One unknown key's issue: on the key itself when its path is a plain
/// name (so the results' `issues` column stays `field:code`), else on its
/// section, the key (cut and escaped) in the message.
fn issue(path: &str) -> Issue {
    let plain = path.len() <= MAX_SUGGESTED_LEN
        && path
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'.');
    let field = if plain {
        path.to_owned()
    } else {
        match path.split_once('.') {
            Some((section, _)) if Section::from_name(section).is_some() => section.to_owned(),
            _ => WHOLE.to_owned(),
        }
    };
    Issue::new(
        field,
        IssueKind::UnknownField {
            key: crate::controls::shown(path).into_owned(),
            suggestion: closest(path),
        },
    )
}

/// The known field (or section) whose path is closest to `path`, when
/// it is close: at most two edits, or a third of its length.
pub fn closest(path: &str) -> Option<&'static str> {
    if path.len() > MAX_SUGGESTED_LEN {
        return None;
    }
    let known = Field::ALL.iter().map(|f| f.path()).chain(
        Section::ALL
            .iter()
            .map(|s| s.name())
            .filter(|n| !n.is_empty()),
    );
    let (best, distance) = known
        .map(|k| (k, edit_distance(path, k)))
        .min_by_key(|(_, d)| *d)?;
    let allowed = (path.chars().count() / 3).max(2);
    (distance > 0 && distance <= allowed).then_some(best)
}

/// Levenshtein distance, by characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        current[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_misspelt_field_is_named_with_the_one_meant() {
        assert_eq!(
            closest("applicant.official_sise"),
            Some("applicant.official_size")
        );
        assert_eq!(closest("aplicant"), Some("applicant"));
        assert_eq!(closest("remarks"), None);
        assert_eq!(closest(&"x".repeat(100)), None);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        // Deletions and insertions, at either end.
        assert_eq!(edit_distance("abc", "ac"), 1);
        assert_eq!(edit_distance("ac", "abc"), 1);
        assert_eq!(edit_distance("abc", ""), 3);
        assert_eq!(edit_distance("", "abc"), 3);
    }

    #[test]
    fn a_long_key_may_be_further_off_and_a_known_path_is_never_its_own_suggestion() {
        // Three letters dropped: within a third of its twenty characters.
        assert_eq!(
            closest("aplicant.oficial_sie"),
            Some("applicant.official_size")
        );
        assert_eq!(closest("applicant.name"), None);
    }

    #[test]
    fn a_key_with_text_stuck_to_it_is_still_named_up_to_64_bytes() {
        let meant = "declarations.industrial_policy_compliant";
        let stuck = format!("{meant}苏州苏州苏州苏州");
        assert_eq!(stuck.len(), MAX_SUGGESTED_LEN);
        assert_eq!(closest(&stuck), Some(meant));
        assert_eq!(closest(&format!("{stuck}x")), None);
    }

    #[test]
    fn ten_unknown_keys_are_each_named_and_no_more_are_counted() {
        let mut raw = RawApplication::default();
        assert!(none(&raw));
        for i in 0..MAX_NAMED {
            raw.applicant.extra.insert(format!("k{i}"), Value::Null);
        }
        assert!(!none(&raw));
        let mut out = Vec::new();
        issues(&raw, &mut out);
        assert_eq!(out.len(), MAX_NAMED);
        assert!(out
            .iter()
            .all(|i| matches!(i.kind, IssueKind::UnknownField { .. })));
    }

    #[test]
    fn an_odd_key_is_put_on_its_section_or_else_on_the_whole_application() {
        assert_eq!(issue("applicant.Née").field, "applicant");
        assert_eq!(issue("Remarks.Note").field, WHOLE);
        assert_eq!(issue("remarks").field, "remarks");
    }

    #[test]
    fn a_million_unknown_keys_give_eleven_issues() {
        let mut raw = RawApplication::default();
        for i in 0..1_000_000 {
            raw.applicant.extra.insert(format!("k{i}"), Value::Null);
        }
        let mut out = Vec::new();
        issues(&raw, &mut out);
        assert_eq!(out.len(), MAX_NAMED + 1);
        assert_eq!(out[0].field, "applicant.k0");
        assert_eq!(
            out[MAX_NAMED].kind,
            IssueKind::UnknownFieldsMore {
                count: 1_000_000 - MAX_NAMED
            }
        );
    }

    #[test]
    fn a_hostile_key_stays_in_the_message_not_the_field() {
        let mut raw = RawApplication::default();
        raw.bank.extra.insert("a,b\n\u{1b}[31m".into(), Value::Null);
        let mut out = Vec::new();
        issues(&raw, &mut out);
        assert_eq!(out[0].field, "bank");
        assert!(
            matches!(&out[0].kind, IssueKind::UnknownField { key, .. } if key.contains("\\u{1B}"))
        );
    }
}
