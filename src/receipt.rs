//! 提交回执 — the submission file: application + report + engine and
//! profile versions + a SHA-256 digest over its canonical JSON. `verify`
//! re-runs everything and names the first thing that does not hold.
//!
//! The digest shows the file was not altered by accident or by hand
//! without re-running the engine; it is not a signature (anyone can
//! recompute it), which is why `verify` always re-runs the engine too.

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::application::RawApplication;
use crate::text::Lang;
use crate::{canonical, policy, ParseError, Report, ENGINE_NAME, ENGINE_VERSION};

/// The format tag of a submission.
pub const SUBMISSION_FORMAT: &str = "wengang.submission/1";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EngineStamp {
    pub name: String,
    pub version: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PolicyStamp {
    pub id: String,
    pub version: String,
    /// `sha256:` digest of the profile data the report was made with.
    pub digest: String,
}

/// A submission, ready to upload.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Submission {
    pub format: String,
    pub engine: EngineStamp,
    pub policy: PolicyStamp,
    pub application: Value,
    pub report: Value,
    /// `sha256:` over the canonical JSON of every other field.
    pub digest: String,
}

/// Why a submission cannot be made.
#[derive(Debug, Clone, PartialEq)]
pub enum SubmissionError {
    /// The application still has errors; the report lists them.
    NotValid(Box<Report>),
}

impl fmt::Display for SubmissionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SubmissionError::NotValid(r) => {
                let errors = r
                    .issues
                    .iter()
                    .filter(|i| i.severity == crate::Severity::Error)
                    .count();
                write!(
                    f,
                    "the application has {errors} error(s) and cannot be submitted"
                )
            }
        }
    }
}

impl std::error::Error for SubmissionError {}

/// Makes the submission of a valid application.
pub fn submit(raw: &RawApplication, lang: Lang) -> Result<Submission, SubmissionError> {
    let report = crate::check(raw, lang);
    let Some(profile) = report.profile.clone().filter(|_| report.valid) else {
        return Err(SubmissionError::NotValid(Box::new(report)));
    };
    let mut submission = Submission {
        format: SUBMISSION_FORMAT.to_owned(),
        engine: EngineStamp {
            name: ENGINE_NAME.to_owned(),
            version: ENGINE_VERSION.to_owned(),
        },
        policy: PolicyStamp {
            id: profile.id,
            version: profile.version,
            digest: profile.digest,
        },
        application: to_value(raw),
        report: to_value(&report),
        digest: String::new(),
    };
    submission.digest = digest_of(&to_value(&submission));
    Ok(submission)
}

fn to_value<T: Serialize>(value: &T) -> Value {
    // Our own types serialise to JSON without fail (string keys, no floats).
    serde_json::to_value(value).unwrap_or(Value::Null)
}

/// The digest of a submission value, ignoring its `digest` field.
fn digest_of(submission: &Value) -> String {
    let mut body = submission.clone();
    if let Value::Object(map) = &mut body {
        map.remove("digest");
    }
    canonical::digest(&body)
}

/// Why a submission does not hold. Each says precisely what differs.
#[derive(Debug, Clone, PartialEq)]
pub enum VerifyError {
    /// Not JSON, or not a submission object.
    Unreadable(ParseError),
    /// The `format` is not `wengang.submission/1`.
    WrongFormat { found: String },
    /// A required part is missing or of the wrong type.
    Missing { field: &'static str },
    /// The profile named is not shipped with this engine.
    UnknownProfile { id: String },
    /// The stamp names one profile, the application another.
    PolicyMismatch { stamp: String, application: String },
    /// The profile data differ from those the report was made with.
    ProfileChanged {
        id: String,
        file: String,
        engine: String,
    },
    /// The application inside is not a readable application.
    BadApplication(ParseError),
    /// The application has errors now.
    NotValid { errors: usize },
    /// The report in the file differs from what the engine computes.
    ReportMismatch {
        path: String,
        file: Value,
        computed: Value,
    },
    /// The file was changed after it was made (the digest does not match).
    DigestMismatch { file: String, computed: String },
}

impl fmt::Display for VerifyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            VerifyError::Unreadable(e) => write!(f, "not a readable submission: {e}"),
            VerifyError::WrongFormat { found } => {
                write!(f, "format is `{found}`, expected `{SUBMISSION_FORMAT}`")
            }
            VerifyError::Missing { field } => write!(f, "`{field}` is missing or malformed"),
            VerifyError::UnknownProfile { id } => write!(f, "policy profile `{id}` is not known to this engine"),
            VerifyError::PolicyMismatch { stamp, application } => write!(
                f,
                "policy.id is `{stamp}` but the application names `{application}`"
            ),
            VerifyError::ProfileChanged { id, file, engine } => write!(
                f,
                "policy profile `{id}` differs: the file was made with {file}, this engine has {engine}"
            ),
            VerifyError::BadApplication(e) => write!(f, "the application inside is unreadable: {e}"),
            VerifyError::NotValid { errors } => write!(f, "the application has {errors} error(s)"),
            VerifyError::ReportMismatch { path, file, computed } => {
                write!(f, "{path}: the file says {file}, the engine computes {computed}")
            }
            VerifyError::DigestMismatch { file, computed } => write!(
                f,
                "digest mismatch: the file says {file} but its content hashes to {computed} (edited after it was made)"
            ),
        }
    }
}

impl std::error::Error for VerifyError {}

/// What a verified submission holds.
#[derive(Debug, Clone, PartialEq)]
pub struct Verified {
    pub policy: String,
    pub report: Report,
    /// The engine version that made the file, when it is not this one.
    pub made_by_other_engine: Option<String>,
}

/// Verifies a submission file's text.
pub fn verify(text: &str) -> Result<Verified, VerifyError> {
    // A key given twice would let another reader see other figures.
    let file: Value = crate::application::unique::from_str(text)
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
    let format = str_at("/format", "format")?;
    if format != SUBMISSION_FORMAT {
        return Err(VerifyError::WrongFormat {
            found: format.to_owned(),
        });
    }
    let id = str_at("/policy/id", "policy.id")?;
    let profile_digest = str_at("/policy/digest", "policy.digest")?;
    let digest = str_at("/digest", "digest")?;
    let engine_version = str_at("/engine/version", "engine.version")?;
    let profile =
        policy::find(id).map_err(|_| VerifyError::UnknownProfile { id: id.to_owned() })?;
    if profile.digest() != profile_digest {
        return Err(VerifyError::ProfileChanged {
            id: id.to_owned(),
            file: profile_digest.to_owned(),
            engine: profile.digest().to_owned(),
        });
    }
    let application = file.get("application").ok_or(VerifyError::Missing {
        field: "application",
    })?;
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
    let raw = RawApplication::from_value(application).map_err(VerifyError::BadApplication)?;
    let lang = file
        .pointer("/report/lang")
        .and_then(Value::as_str)
        .and_then(Lang::parse)
        .ok_or(VerifyError::Missing {
            field: "report.lang",
        })?;
    let report = crate::check(&raw, lang);
    if !report.valid {
        let errors = report
            .issues
            .iter()
            .filter(|i| i.severity == crate::Severity::Error)
            .count();
        return Err(VerifyError::NotValid { errors });
    }
    let in_file = file
        .get("report")
        .ok_or(VerifyError::Missing { field: "report" })?;
    if let Some((path, a, b)) = first_difference("report", in_file, &to_value(&report)) {
        return Err(VerifyError::ReportMismatch {
            path,
            file: a,
            computed: b,
        });
    }
    let computed = digest_of(file);
    if computed != digest {
        return Err(VerifyError::DigestMismatch {
            file: digest.to_owned(),
            computed,
        });
    }
    Ok(Verified {
        policy: id.to_owned(),
        report,
        made_by_other_engine: (engine_version != ENGINE_VERSION).then(|| engine_version.to_owned()),
    })
}

/// The first path at which two JSON values differ, with both sides.
fn first_difference(path: &str, a: &Value, b: &Value) -> Option<(String, Value, Value)> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            let mut keys: Vec<&String> = x.keys().chain(y.keys()).collect();
            keys.sort_unstable();
            keys.dedup();
            keys.into_iter().find_map(|k| {
                let (l, r) = (
                    x.get(k).unwrap_or(&Value::Null),
                    y.get(k).unwrap_or(&Value::Null),
                );
                match (x.contains_key(k), y.contains_key(k)) {
                    (true, true) => first_difference(&format!("{path}.{k}"), l, r),
                    _ => Some((format!("{path}.{k}"), l.clone(), r.clone())),
                }
            })
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => x
            .iter()
            .zip(y)
            .enumerate()
            .find_map(|(i, (l, r))| first_difference(&format!("{path}[{i}]"), l, r)),
        _ if a == b => None,
        _ => Some((path.to_owned(), a.clone(), b.clone())),
    }
}
