//! 提交回执 — the submission file (`wengang.submission/2`): the application,
//! the language-neutral decision record, the engine and profile stamps, and
//! a SHA-256 digest over its canonical JSON. No prose: the same application
//! gives byte-identical files in every language, and a wording fix changes
//! no digest.
//!
//! `verify` re-runs the engine and tells apart a file that holds, one that
//! was altered, and one made under another engine or profile version. The
//! digest is integrity, not a signature (anyone can recompute it), which is
//! why `verify` always re-runs the engine too.

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::application::ParseError;
use crate::application::RawApplication;
use crate::assessment::{assess, Assessment};
use crate::record::DecisionRecord;
use crate::report::Report;
use crate::text::Lang;
use crate::{canonical, policy};

/// The engine's name, as stamped on receipts.
pub const ENGINE_NAME: &str = "wengang";
/// The engine's version, as stamped on receipts.
pub const ENGINE_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The format tag of a submission.
pub const SUBMISSION_FORMAT: &str = "wengang.submission/2";
/// The earlier format, which carried a rendered report in one language.
pub const SUBMISSION_FORMAT_1: &str = "wengang.submission/1";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EngineStamp {
    pub name: String,
    pub version: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PolicyStamp {
    pub id: String,
    pub version: String,
    /// `sha256:` digest of the profile data the decision was made with.
    pub digest: String,
}

/// A submission, ready to upload.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Submission {
    pub format: String,
    pub engine: EngineStamp,
    pub policy: PolicyStamp,
    pub application: Value,
    pub decision: DecisionRecord,
    /// `sha256:` over the canonical JSON of every other field.
    pub digest: String,
}

/// Why a submission cannot be made.
#[derive(Debug, Clone)]
pub enum SubmissionError {
    /// The application still has errors (or names no known profile).
    NotValid(Box<Assessment>),
}

impl SubmissionError {
    /// The report of the application, in a language, listing its issues.
    pub fn report(&self, lang: Lang) -> Report {
        match self {
            SubmissionError::NotValid(a) => Report::render(a, lang),
        }
    }
}

impl fmt::Display for SubmissionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SubmissionError::NotValid(a) => write!(
                f,
                "the application has {} error(s) and cannot be submitted",
                a.errors().max(1)
            ),
        }
    }
}

impl std::error::Error for SubmissionError {}

/// Makes the submission of a valid application.
pub fn submit(raw: &RawApplication) -> Result<Submission, SubmissionError> {
    let assessment = assess(raw);
    stamp(raw, &assessment).ok_or_else(|| SubmissionError::NotValid(Box::new(assessment)))
}

/// The submission of `raw` from its assessment already made (a surface
/// that shows the result too assesses once); `None` when it is not valid.
pub fn stamp(raw: &RawApplication, assessment: &Assessment) -> Option<Submission> {
    let profile = assessment
        .validation
        .profile
        .filter(|_| assessment.valid())?;
    let mut submission = Submission {
        format: SUBMISSION_FORMAT.to_owned(),
        engine: EngineStamp {
            name: ENGINE_NAME.to_owned(),
            version: ENGINE_VERSION.to_owned(),
        },
        policy: PolicyStamp {
            id: profile.profile.id.clone(),
            version: profile.profile.version.clone(),
            digest: profile.digest().to_owned(),
        },
        application: to_value(raw),
        decision: DecisionRecord::of(assessment),
        digest: String::new(),
    };
    submission.digest = digest_of(&to_value(&submission));
    Some(submission)
}

fn to_value<T: Serialize>(value: &T) -> Value {
    // Our own types serialise to JSON without fail (string keys, no floats).
    serde_json::to_value(value).unwrap_or(Value::Null)
}

/// The digest a submission value should carry: SHA-256 over the canonical
/// JSON of every field but `digest`.
pub fn digest_of(submission: &Value) -> String {
    let mut body = submission.clone();
    if let Value::Object(map) = &mut body {
        map.remove("digest");
    }
    canonical::digest(&body)
}

/// The kinds of result `verify` gives, each with its own exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum VerifyOutcome {
    /// Made by this engine under today's profile, unaltered.
    Holds,
    /// Edited after it was made: the digest or the decision does not hold.
    Altered,
    /// Not a readable submission.
    Unreadable,
    /// Made under another engine or profile version (never called tampered).
    OtherVersion,
    /// An earlier format (`wengang.submission/1`): export it again.
    OldFormat,
}

impl VerifyOutcome {
    /// The CLI's exit code.
    pub fn exit_code(self) -> u8 {
        match self {
            VerifyOutcome::Holds => 0,
            VerifyOutcome::Altered => 1,
            VerifyOutcome::Unreadable => 2,
            VerifyOutcome::OtherVersion => 3,
            VerifyOutcome::OldFormat => 4,
        }
    }

    /// The stable name (`holds`, `altered`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            VerifyOutcome::Holds => "holds",
            VerifyOutcome::Altered => "altered",
            VerifyOutcome::Unreadable => "unreadable",
            VerifyOutcome::OtherVersion => "other_version",
            VerifyOutcome::OldFormat => "old_format",
        }
    }
}

/// One value of the decision that differs: where, in the file, now.
#[derive(Debug, Clone, PartialEq)]
pub struct Difference {
    /// E.g. `decision.refund`.
    pub path: String,
    pub file: Value,
    pub computed: Value,
}

impl fmt::Display for Difference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} → {}", self.path, self.file, self.computed)
    }
}

/// A version the file names against the one this engine has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionChange {
    /// `engine` or the profile id.
    pub what: String,
    pub file: String,
    pub engine: String,
}

/// Why a submission does not hold. Each says precisely what differs.
#[derive(Debug, Clone, PartialEq)]
pub enum VerifyError {
    /// Not JSON, or not a submission object.
    Unreadable(ParseError),
    /// The `format` is not a submission format.
    WrongFormat { found: String },
    /// The file is `wengang.submission/1`, which carried prose.
    OldFormat,
    /// A required part is missing or of the wrong type.
    Missing { field: &'static str },
    /// The application inside is not a readable application.
    BadApplication(ParseError),
    /// The profile named is not shipped with this engine.
    UnknownProfile { id: String },
    /// The stamp names one profile, the application another.
    PolicyMismatch { stamp: String, application: String },
    /// The digest does not match the content: edited after it was made.
    /// `changed` names the first decision value the engine now computes
    /// differently, when one does.
    DigestMismatch {
        file: String,
        computed: String,
        changed: Option<Box<Difference>>,
    },
    /// Stamps and digest are current, yet the decision in the file is not
    /// what the engine computes from its application.
    DecisionMismatch(Box<Difference>),
    /// Made under another engine or profile version, so its decision
    /// cannot be checked here: the versions, how the decision would differ
    /// under today's rules (empty: it would not), and keys this engine does
    /// not know (perhaps a newer engine's fields).
    OtherVersion {
        versions: Vec<VersionChange>,
        changes: Vec<Difference>,
        unknown: UnknownKeys,
    },
    /// Stamped with this engine's and profile's versions, yet with keys
    /// this engine never writes (submit refuses an application with any):
    /// added after it was made.
    UnknownKeys(UnknownKeys),
}

/// Keys of a submission (or of the application in it) that this engine
/// does not know: the first few by path, and how many more.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UnknownKeys {
    /// Paths as shown (escaped, cut), with the known field each is closest to.
    pub named: Vec<(String, Option<&'static str>)>,
    /// Further unknown keys, counted only.
    pub more: usize,
}

impl UnknownKeys {
    pub fn is_empty(&self) -> bool {
        self.named.is_empty()
    }

    /// Adds `path` (as shown), suggesting the known field closest to
    /// `inner` (its path within the application, when it is in one).
    fn add(&mut self, path: &str, inner: Option<&str>) {
        if self.named.len() < crate::validate::unknown::MAX_NAMED {
            self.named.push((
                crate::controls::shown(path).into_owned(),
                inner.and_then(crate::validate::unknown::closest),
            ));
        } else {
            self.more += 1;
        }
    }
}

impl fmt::Display for UnknownKeys {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, (path, closest)) in self.named.iter().enumerate() {
            let sep = if i > 0 { ", " } else { "" };
            write!(f, "{sep}{path}")?;
            if let Some(known) = closest {
                write!(f, " (did you mean {known}?)")?;
            }
        }
        if self.more > 0 {
            write!(f, " and {} more", self.more)?;
        }
        Ok(())
    }
}

/// The keys of a submission file this engine does not know: at the top,
/// in `engine` and `policy`, and in the application (`application.…`).
fn unknown_keys(file: &Value, raw: &RawApplication) -> UnknownKeys {
    let mut unknown = UnknownKeys::default();
    let known: [(&str, &[&str]); 3] = [
        (
            "",
            &[
                "format",
                "engine",
                "policy",
                "application",
                "decision",
                "digest",
            ],
        ),
        ("engine", &["name", "version"]),
        ("policy", &["id", "version", "digest"]),
    ];
    for (part, keys) in known {
        let map = if part.is_empty() {
            file.as_object()
        } else {
            file.get(part).and_then(Value::as_object)
        };
        for key in map.into_iter().flat_map(|m| m.keys()) {
            if !keys.contains(&key.as_str()) {
                let path = if part.is_empty() {
                    key.clone()
                } else {
                    format!("{part}.{key}")
                };
                unknown.add(&path, None);
            }
        }
    }
    for path in crate::validate::unknown::unknown_paths(raw) {
        unknown.add(&format!("application.{path}"), Some(&path));
    }
    unknown
}

impl VerifyError {
    pub fn outcome(&self) -> VerifyOutcome {
        match self {
            VerifyError::Unreadable(_)
            | VerifyError::WrongFormat { .. }
            | VerifyError::Missing { .. }
            | VerifyError::BadApplication(_) => VerifyOutcome::Unreadable,
            VerifyError::OldFormat => VerifyOutcome::OldFormat,
            VerifyError::UnknownProfile { .. } | VerifyError::OtherVersion { .. } => {
                VerifyOutcome::OtherVersion
            }
            VerifyError::PolicyMismatch { .. }
            | VerifyError::DigestMismatch { .. }
            | VerifyError::DecisionMismatch(_)
            | VerifyError::UnknownKeys(_) => VerifyOutcome::Altered,
        }
    }
}

impl fmt::Display for VerifyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            VerifyError::Unreadable(e) => write!(f, "not a readable submission: {e}"),
            VerifyError::WrongFormat { found } => {
                write!(f, "format is `{found}`, expected `{SUBMISSION_FORMAT}`")
            }
            VerifyError::OldFormat => write!(
                f,
                "this file is `{SUBMISSION_FORMAT_1}`, which this engine no longer verifies: \
                 open the application again (the app's import reads it) and export a new file"
            ),
            VerifyError::Missing { field } => write!(f, "`{field}` is missing or malformed"),
            VerifyError::BadApplication(e) => {
                write!(f, "the application inside is unreadable: {e}")
            }
            VerifyError::UnknownProfile { id } => write!(
                f,
                "made under policy profile `{id}`, which this engine does not have"
            ),
            VerifyError::PolicyMismatch { stamp, application } => write!(
                f,
                "altered: policy.id is `{stamp}` but the application names `{application}`"
            ),
            VerifyError::DigestMismatch {
                file,
                computed,
                changed,
            } => {
                write!(
                    f,
                    "altered after it was made: the file's digest is {file} but its content hashes to {computed}"
                )?;
                match changed {
                    Some(d) => write!(
                        f,
                        "; {}: the file says {}, the engine computes {}",
                        d.path, d.file, d.computed
                    ),
                    None => write!(f, "; the decision it gives is unchanged"),
                }
            }
            VerifyError::DecisionMismatch(d) => write!(
                f,
                "altered: {}: the file says {}, the engine computes {}",
                d.path, d.file, d.computed
            ),
            VerifyError::OtherVersion {
                versions,
                changes,
                unknown,
            } => {
                f.write_str("made under another version: its decision cannot be checked here (")?;
                for (i, v) in versions.iter().enumerate() {
                    let sep = if i > 0 { ", " } else { "" };
                    write!(f, "{sep}{} {}, this engine: {}", v.what, v.file, v.engine)?;
                }
                f.write_str(")")?;
                if !unknown.is_empty() {
                    write!(f, "; keys this engine does not know: {unknown}")?;
                }
                if changes.is_empty() {
                    f.write_str("; today's rules give the same decision")
                } else {
                    f.write_str("; today's rules give: ")?;
                    for (i, d) in changes.iter().enumerate() {
                        let sep = if i > 0 { ", " } else { "" };
                        write!(f, "{sep}{d}")?;
                    }
                    Ok(())
                }
            }
            VerifyError::UnknownKeys(unknown) => write!(
                f,
                "altered: keys this engine never writes, added after the file was made: {unknown}"
            ),
        }
    }
}

impl std::error::Error for VerifyError {}

/// A submission that holds: its profile id and the engine's assessment.
#[derive(Debug, Clone)]
pub struct Verified {
    pub policy: String,
    pub assessment: Assessment,
    pub decision: DecisionRecord,
}

impl Verified {
    /// The report of the verified application, in a language.
    pub fn report(&self, lang: Lang) -> Report {
        Report::render(&self.assessment, lang)
    }
}

/// Verifies a submission file's text.
pub fn verify(text: &str) -> Result<Verified, VerifyError> {
    // A key given twice would let another reader see other figures.
    let file: Value = crate::application::unique::from_str(crate::application::without_bom(text))
        .map_err(|e| VerifyError::Unreadable(ParseError::from_json(&e)))?;
    verify_value(&file)
}

/// Verifies a parsed submission.
pub fn verify_value(file: &Value) -> Result<Verified, VerifyError> {
    let str_at = |pointer: &'static str, field: &'static str| {
        file.pointer(pointer)
            .and_then(Value::as_str)
            .ok_or(VerifyError::Missing { field })
    };
    match str_at("/format", "format")? {
        SUBMISSION_FORMAT => {}
        SUBMISSION_FORMAT_1 => return Err(VerifyError::OldFormat),
        other => {
            return Err(VerifyError::WrongFormat {
                found: other.to_owned(),
            })
        }
    }
    let id = str_at("/policy/id", "policy.id")?;
    let profile_version = str_at("/policy/version", "policy.version")?;
    let profile_digest = str_at("/policy/digest", "policy.digest")?;
    let digest = str_at("/digest", "digest")?;
    let engine_version = str_at("/engine/version", "engine.version")?;
    let application = file.get("application").ok_or(VerifyError::Missing {
        field: "application",
    })?;
    let in_file = file
        .get("decision")
        .filter(|d| d.is_object())
        .ok_or(VerifyError::Missing { field: "decision" })?;
    let raw = RawApplication::from_value(application).map_err(VerifyError::BadApplication)?;

    let computed = digest_of(file);
    let altered = |changed| VerifyError::DigestMismatch {
        file: digest.to_owned(),
        computed: computed.clone(),
        changed,
    };
    let profile = match policy::find(id) {
        Ok(profile) => profile,
        Err(_) if computed != digest => return Err(altered(None)),
        Err(_) => return Err(VerifyError::UnknownProfile { id: id.to_owned() }),
    };
    let named = application
        .get("policy")
        .and_then(Value::as_str)
        .unwrap_or_default();
    if named.trim() != id {
        return Err(VerifyError::PolicyMismatch {
            stamp: id.to_owned(),
            application: named.to_owned(),
        });
    }

    // The decision is recomputed from what this engine reads of the
    // application: keys it does not know are named apart (below), never
    // allowed to change the comparison.
    let unknown = unknown_keys(file, &raw);
    let mut known_raw = raw;
    if !unknown.is_empty() {
        strip_unknown(&mut known_raw);
    }
    let assessment = assess(&known_raw);
    let record = DecisionRecord::of(&assessment);
    let changes = differences("decision", in_file, &to_value(&record));
    if computed != digest {
        return Err(altered(changes.into_iter().next().map(Box::new)));
    }
    // Made under today's profile data (the digest of the data says so,
    // whatever version numbers the file carries): the decision can be
    // checked, and one that differs was altered. Bumping a version and
    // recomputing the digest does not make a forged refund "another
    // version".
    if profile_digest == profile.digest() {
        if let Some(first) = changes.first() {
            return Err(VerifyError::DecisionMismatch(Box::new(first.clone())));
        }
    }
    let mut versions = Vec::new();
    if engine_version != ENGINE_VERSION {
        versions.push(VersionChange {
            what: "engine".to_owned(),
            file: engine_version.to_owned(),
            engine: ENGINE_VERSION.to_owned(),
        });
    }
    if profile_version != profile.profile.version || profile_digest != profile.digest() {
        versions.push(VersionChange {
            what: format!("policy profile {id}"),
            file: format!("{profile_version} ({profile_digest})"),
            engine: format!("{} ({})", profile.profile.version, profile.digest()),
        });
    }
    if !versions.is_empty() {
        return Err(VerifyError::OtherVersion {
            versions,
            changes,
            unknown,
        });
    }
    if !unknown.is_empty() {
        return Err(VerifyError::UnknownKeys(unknown));
    }
    if let Some(first) = changes.into_iter().next() {
        return Err(VerifyError::DecisionMismatch(Box::new(first)));
    }
    Ok(Verified {
        policy: id.to_owned(),
        assessment,
        decision: record,
    })
}

/// The application without the keys this engine does not read.
fn strip_unknown(raw: &mut RawApplication) {
    raw.extra.clear();
    raw.applicant.extra.clear();
    raw.insured.extra.clear();
    raw.declarations.extra.clear();
    if let Some(h) = &mut raw.hardship {
        h.extra.clear();
    }
    raw.bank.extra.clear();
    raw.contact.extra.clear();
    raw.commitment.extra.clear();
}

/// Every path at which two JSON values differ, with both sides, in key order.
fn differences(path: &str, a: &Value, b: &Value) -> Vec<Difference> {
    let mut out = Vec::new();
    collect_differences(path, a, b, &mut out);
    out
}

fn collect_differences(path: &str, a: &Value, b: &Value, out: &mut Vec<Difference>) {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            let mut keys: Vec<&String> = x.keys().chain(y.keys()).collect();
            keys.sort_unstable();
            keys.dedup();
            for k in keys {
                let here = format!("{path}.{k}");
                match (x.get(k), y.get(k)) {
                    (Some(l), Some(r)) => collect_differences(&here, l, r, out),
                    (l, r) => out.push(Difference {
                        path: here,
                        file: l.cloned().unwrap_or(Value::Null),
                        computed: r.cloned().unwrap_or(Value::Null),
                    }),
                }
            }
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
            for (i, (l, r)) in x.iter().zip(y).enumerate() {
                collect_differences(&format!("{path}[{i}]"), l, r, out);
            }
        }
        _ if a == b => {}
        _ => out.push(Difference {
            path: path.to_owned(),
            file: a.clone(),
            computed: b.clone(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn differences_name_every_changed_leaf_in_key_order() {
        let file =
            json!({"refund": "20000.00", "margin": 3, "criteria": [{"passed": true}], "x": 1});
        let now =
            json!({"refund": "10000.00", "margin": 3, "criteria": [{"passed": false}], "y": 1});
        let found: Vec<String> = differences("decision", &file, &now)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            found,
            [
                "decision.criteria[0].passed: true → false",
                "decision.refund: \"20000.00\" → \"10000.00\"",
                "decision.x: 1 → null",
                "decision.y: null → 1",
            ]
        );
    }

    fn sample() -> RawApplication {
        crate::application::parse_application(include_str!("../samples/hardship.json")).unwrap()
    }

    #[test]
    fn rewording_every_message_changes_no_digest() {
        let raw = sample();
        let before = submit(&raw).unwrap();
        let words_before = serde_json::to_string(&crate::report::check(&raw, Lang::Zh)).unwrap();
        crate::messages::REWORD.set(true);
        let after = submit(&raw).unwrap();
        let words_after = serde_json::to_string(&crate::report::check(&raw, Lang::Zh)).unwrap();
        crate::messages::REWORD.set(false);
        assert!(
            words_after.contains("(reworded)"),
            "the test rewords the report"
        );
        assert_ne!(words_before, words_after);
        assert_eq!(before, after);
        assert!(verify(&serde_json::to_string(&before).unwrap()).is_ok());
    }

    #[test]
    fn another_version_lists_every_version_and_change_once_in_order() {
        let error = VerifyError::OtherVersion {
            versions: vec![
                VersionChange {
                    what: "engine".into(),
                    file: "0.0.9".into(),
                    engine: "0.1.0".into(),
                },
                VersionChange {
                    what: "policy profile suzhou-2020".into(),
                    file: "1".into(),
                    engine: "2".into(),
                },
            ],
            changes: vec![
                Difference {
                    path: "decision.refund".into(),
                    file: serde_json::json!("20000.00"),
                    computed: serde_json::json!("10000.00"),
                },
                Difference {
                    path: "decision.refund_rate".into(),
                    file: serde_json::json!("1"),
                    computed: serde_json::json!("0.5"),
                },
            ],
            unknown: UnknownKeys::default(),
        };
        assert_eq!(
            error.to_string(),
            "made under another version: its decision cannot be checked here (engine 0.0.9, \
             this engine: 0.1.0, policy profile suzhou-2020 1, this engine: 2); today's rules \
             give: decision.refund: \"20000.00\" → \"10000.00\", decision.refund_rate: \"1\" → \"0.5\""
        );
        assert!(!error.to_string().contains("not altered"));
        assert_eq!(error.outcome(), VerifyOutcome::OtherVersion);
    }

    #[test]
    fn a_refused_submission_says_how_many_errors_block_it() {
        let mut raw = sample();
        raw.contact.phone = serde_json::json!("12345").into();
        raw.insured.start = serde_json::json!("many").into();
        let error = submit(&raw).unwrap_err();
        assert_eq!(
            error.to_string(),
            "the application has 2 error(s) and cannot be submitted"
        );
        assert_eq!(error.report(Lang::En).issues.len(), 2);
    }

    #[test]
    fn an_unknown_profile_with_a_broken_digest_is_altered_not_another_version() {
        let mut file = serde_json::to_value(submit(&sample()).unwrap()).unwrap();
        file["policy"]["id"] = serde_json::json!("mars-2030");
        file["application"]["policy"] = serde_json::json!("mars-2030");
        let error = verify(&file.to_string()).unwrap_err();
        assert_eq!(error.outcome(), VerifyOutcome::Altered, "{error}");
        file["digest"] = serde_json::json!(digest_of(&file));
        let error = verify(&file.to_string()).unwrap_err();
        assert_eq!(error.outcome(), VerifyOutcome::OtherVersion, "{error}");
    }

    #[test]
    fn arrays_of_other_lengths_differ_as_a_whole() {
        let found = differences("d", &json!([1, 2]), &json!([1]));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].path, "d");
        assert!(differences("d", &json!([1, 2]), &json!([1, 2])).is_empty());
    }
}
