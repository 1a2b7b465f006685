//! # wengang: 稳岗返还自助预审 — the job-retention refund pre-check engine
//!
//! One direction of flow, inside: raw input → validation → typed
//! application → decision (typed verdicts, no text) → [`DecisionRecord`]
//! (language-neutral) → [`Report`] (one language) or [`Submission`].
//!
//! Outside, the surfaces (CLI, app, bindings, batch) call a few entry
//! points: [`check`], [`submit`], [`verify`], [`policies`],
//! [`application_schema`], [`batch`] screening, [`read_statement`] (a
//! pasted or exported 参保缴费明细 into `insured.months`), and read the
//! [`field`] registry. None of them holds a rule of its own. Policy values are data
//! (`src/policy/profiles/*.json`), each with its source.
//!
//! No public function panics on any input: bad input becomes an issue
//! naming the field, in zh-CN and English.

// The public surface is what the surfaces call: check, submit, verify,
// the profile listing, the schema, batch screening and the field
// registry. Everything else is crate-private.
#[cfg(feature = "app")]
pub mod app;
mod application;
mod assessment;
pub mod batch;
#[cfg(feature = "bindings")]
pub mod bindings;
pub mod bureau;
mod canonical;
pub mod division;
mod eligibility;
mod field_path;
mod figures;
mod messages;
mod named;
mod policy;
#[cfg(feature = "print")]
pub mod print;
mod receipt;
mod record;
mod refund;
mod report;
mod size;
pub mod statement;
mod text;
mod validate;

/// The one field registry (the application's leaves, their paths, sections
/// and kinds), kept with the application it lists.
pub use application::field;
/// Forgiving input for forms (`tidy`) and money as 万元 for display.
pub use validate::tidy;

/// What the project's own tests, fuzz targets and data generator reach
/// inside the engine. Not an API: it may change with any release.
#[doc(hidden)]
pub mod internals {
    pub use crate::application::{Industry, ListKind, Named, UnitType};
    pub use crate::messages::fields as field_labels;
    /// Dotted field paths into a JSON application.
    pub mod field_path {
        pub use crate::field_path::*;
    }
    /// Policy profiles and the size table.
    pub mod policy {
        pub use crate::policy::*;
    }
    pub use crate::refund::{round_yuan, Route};
    pub use crate::validate::{contact, fields, identifiers, IssueKind};
}

use std::fmt;

pub use application::{RawApplication, APPLICATION_FORMAT};
use assessment::assess;
pub use policy::{listing as policies, ProfileSummary};
pub use receipt::{
    digest_of, submit, verify, Difference, Submission, SubmissionError, Verified, VerifyError,
    VerifyOutcome, SUBMISSION_FORMAT,
};
pub use record::{
    CriterionRecord, DecisionRecord, HardshipAmountRecord, HardshipRecord, IssueRecord,
};
pub use report::{
    CriterionReport, HardshipReport, IssueReport, ProfileInfo, Report, Source,
    UnconfirmedParameter, REPORT_FORMAT,
};
pub use statement::{read_statement, Statement, StatementError};
pub use text::Lang;
pub use validate::Severity;

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
