//! One application through the engine: validation, then the decision.
//! Every surface starts here: `check` renders it, `submit` records it,
//! batch screening reads it as it is.

use crate::application::field::Section;
use crate::application::RawApplication;
use crate::eligibility::{decide, Decision};
use crate::policy::{self, Proposal};
use crate::validate::{self, fields, Issue, IssueKind, Origin, Validation};

/// An application validated and, when valid, decided.
#[derive(Debug, Clone)]
pub struct Assessment {
    /// The profile id as given.
    pub policy: Option<String>,
    pub validation: Validation,
    /// `Some` when the application is valid and its profile known.
    pub decision: Option<Decision>,
    /// The rules the data year and the credit code's place propose, when
    /// the year reads as one (`proposal.profile` is `None` when no shipped
    /// rules use that year's figures).
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
    assess_as(raw, Origin::Application)
}

/// Validates and decides one record from `origin`: an application, or
/// a bureau's unit record with what its lists found.
pub fn assess_as(raw: &RawApplication, origin: Origin) -> Assessment {
    let mut validation = validate::validate_as(raw, origin);
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
    // The data year is the key; the signing date picks nothing.
    let proposal = fields::count(raw.insured.year.raw())
        .ok()
        .and_then(|year| u16::try_from(year).ok())
        .map(|year| {
            let code = fields::text(raw.applicant.credit_code.raw()).unwrap_or_default();
            policy::propose(year, policy::places_of(&code))
        });
    Assessment {
        policy,
        validation,
        decision,
        proposal,
    }
}
