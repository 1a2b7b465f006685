//! # wengang: 稳岗返还自助预审 — the job-retention refund pre-check engine
//!
//! One direction of flow:
//! raw input → [`validate()`] → [`Application`] → [`decide`] → [`Decision`]
//! → [`DecisionRecord`] (language-neutral) → [`Report`] (one language) / [`Submission`].
//! Every surface (CLI, app, bindings, batch) calls [`check`] and [`verify`];
//! none of them holds a rule of its own. Policy values are data
//! (`src/policy/profiles/*.json`), each with its source.
//!
//! No public function panics on any input: bad input becomes an issue
//! naming the field, in zh-CN and English.

#[cfg(feature = "app")]
pub mod app;
pub mod application;
/// The one field registry, kept with the application it lists.
pub use application::field;
pub mod assessment;
pub mod batch;
#[cfg(feature = "bindings")]
pub mod bindings;
mod canonical;
pub mod eligibility;
pub mod field_path;
pub mod messages;
mod named;
pub mod policy;
pub mod receipt;
pub mod record;
pub mod refund;
pub mod report;
pub mod size;
pub mod text;
pub mod validate;

use std::fmt;

pub use application::{Application, RawApplication, APPLICATION_FORMAT};
pub use assessment::{assess, Assessment};
pub use eligibility::{decide, Decision};
pub use policy::{LoadedProfile, PolicyProfile};
pub use receipt::{submit, verify, Submission, Verified, VerifyError, VerifyOutcome};
pub use record::DecisionRecord;
pub use report::Report;
pub use text::Lang;
pub use validate::{validate, Issue, IssueKind, Severity, Validation};

/// The engine's name, as stamped on receipts.
pub const ENGINE_NAME: &str = "wengang";
/// The engine's version, as stamped on receipts.
pub const ENGINE_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Input that is not a readable application (not JSON, or not shaped like one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// 1-based; 0 when unknown.
    pub line: usize,
    /// 1-based; 0 when unknown.
    pub column: usize,
    pub message: String,
}

impl ParseError {
    pub(crate) fn from_json(e: &serde_json::Error) -> Self {
        ParseError {
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        }
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // serde_json's message already ends with "at line L column C".
        f.write_str(&self.message)
    }
}

impl std::error::Error for ParseError {}

/// Parses the JSON text of an application. Leaves are kept as given, so
/// only text that is not JSON or not shaped like an application fails.
pub fn parse_application(text: &str) -> Result<RawApplication, ParseError> {
    serde_json::from_str(text).map_err(|e| ParseError::from_json(&e))
}

/// Validates, decides and reports on one application.
pub fn check(raw: &RawApplication, lang: Lang) -> Report {
    Report::render(&assess(raw), lang)
}

/// Parses and checks the JSON text of an application.
pub fn check_str(text: &str, lang: Lang) -> Result<Report, ParseError> {
    parse_application(text).map(|raw| check(&raw, lang))
}

/// The JSON Schema of `wengang.application/1`, generated from the types.
pub fn application_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(RawApplication)).unwrap_or_default()
}
