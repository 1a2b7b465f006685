//! One application through the engine: validation, then the decision.
//! Every surface starts here: `check` renders it, `submit` records it,
//! batch screening reads it as it is.

use crate::application::RawApplication;
use crate::eligibility::{decide, Decision};
use crate::field::Section;
use crate::policy::{self, Proposal};
use crate::validate::{self, fields, Issue, IssueKind, Validation};

/// An application validated and, when valid, decided.
#[derive(Debug, Clone)]
pub struct Assessment {
    /// The profile id as given.
    pub policy: Option<String>,
    pub validation: Validation,
    /// `Some` when the application is valid and its profile known.
    pub decision: Option<Decision>,
    /// The profile the date and credit code propose, when the date reads
    /// as one (`proposal.profile` is `None` when no rules are published
    /// for it).
    pub proposal: Option<Proposal>,
}

impl Assessment {
    /// No error-severity issue.
    pub fn valid(&self) -> bool {
        self.errors() == 0
    }

    /// How many issues are errors.
    pub fn errors(&self) -> usize {
        self.validation
            .issues
            .iter()
            .filter(|i| i.is_error())
            .count()
    }
}

/// Validates and decides one application.
pub fn assess(raw: &RawApplication) -> Assessment {
    let mut validation = validate::validate(raw);
    let policy = fields::text(raw.policy.raw()).ok();
    let decision = match (&validation.application, validation.profile) {
        (Some(app), Some(profile)) => match decide(&profile.profile, app) {
            Ok(decision) => Some(decision),
            // Figures far beyond any real enterprise: the same issue on every surface.
            Err(_) => {
                validation.issues.push(Issue::new(
                    Section::Insured.name(),
                    IssueKind::ComputationOverflow,
                ));
                None
            }
        },
        _ => None,
    };
    let proposal = fields::date(raw.commitment.date.raw()).ok().map(|date| {
        let code = fields::text(raw.applicant.credit_code.raw()).unwrap_or_default();
        policy::propose(&date.to_string(), &code)
    });
    Assessment {
        policy,
        validation,
        decision,
        proposal,
    }
}
