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
pub mod controls;
pub mod division;
mod eligibility;
mod field_path;
mod figures;
pub mod html;
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

pub use application::{
    application_schema, parse_application, ParseError, RawApplication, APPLICATION_FORMAT,
};
pub use policy::{listing as policies, ProfileSummary};
pub use receipt::{
    digest_of, stamp, submit, verify, Difference, Submission, SubmissionError, UnknownKeys,
    Verified, VerifyError, VerifyOutcome, ENGINE_NAME, ENGINE_VERSION, SUBMISSION_FORMAT,
};
pub use record::{
    CriterionRecord, DecisionRecord, HardshipAmountRecord, HardshipRecord, IssueRecord,
};
pub use report::{
    check, check_str, CriterionReport, HardshipReport, IssueReport, ProfileInfo, Report, Source,
    UnconfirmedParameter, REPORT_FORMAT,
};
pub use statement::{read_statement, Statement, StatementError};
pub use text::Lang;
pub use validate::Severity;
