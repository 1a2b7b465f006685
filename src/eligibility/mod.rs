//! 资格判定 — evaluates every criterion of a profile into a trace, then
//! the refund, the route and the margin.

pub mod criterion;
pub mod hardship;
pub mod layoff_rate;

pub use criterion::{Criterion, CriterionId};
pub use hardship::{HardshipAmount, HardshipOutcome, HardshipStatus};
pub use layoff_rate::{LayoffRate, ThresholdChoice};

use rust_decimal::Decimal;

use crate::application::Application;
use crate::policy::{Citation, Comparison, Param, PolicyProfile, RateClass};
use crate::refund::{self, Refund};
use crate::size::{self, EnterpriseSize, SizeFigures};
use crate::validate::{Issue, IssueKind, Validation};

/// Everything decided about one valid application.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    pub size: EnterpriseSize,
    pub rate_class: RateClass,
    pub layoff: Option<LayoffRate>,
    /// The threshold that applied, if known.
    pub threshold: Option<Decimal>,
    pub criteria: Vec<Criterion>,
    /// `None` when a criterion cannot be decided (an unknown parameter).
    pub eligible: Option<bool>,
    /// The refund, computed whenever the rate is known (whether or not eligible).
    pub refund: Option<Refund>,
    pub margin: Option<u64>,
    pub hardship: Option<HardshipOutcome>,
    /// Unknown parameters that kept something from being decided.
    pub unknown: Vec<&'static str>,
    /// Every parameter the decision used, by name, with its citation.
    pub used: Vec<(&'static str, Citation)>,
}

/// Why no decision could be made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecideError {
    /// The enterprise size table is missing (a build defect).
    SizeTableMissing,
    /// A computation overflowed (figures far beyond any real enterprise).
    Overflow,
}

/// One criterion's verdict, without its trace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verdict {
    pub id: CriterionId,
    /// `None`: cannot be decided because a parameter is unknown.
    pub passed: Option<bool>,
}

/// The most criteria a profile has outside the hardship path.
const MAX_VERDICTS: usize = 6;

/// What is decided about one valid application, without the trace (no
/// numbers as text, no citations). [`decide`] builds the trace on it, and
/// batch screening uses it alone: every rule is applied here and only here.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome<'p> {
    pub size: EnterpriseSize,
    pub rate_class: RateClass,
    /// The layoff-rate threshold that applies and why.
    pub choice: ThresholdChoice<'p>,
    /// Its value, if known.
    pub threshold: Option<Decimal>,
    pub comparison: Option<Comparison>,
    pub layoff: Option<LayoffRate>,
    verdicts: [Option<Verdict>; MAX_VERDICTS],
    /// `None` when a criterion cannot be decided (an unknown parameter).
    pub eligible: Option<bool>,
    /// The refund, computed whenever the rate is known (whether or not eligible).
    pub refund: Option<Refund>,
    pub margin: Option<u64>,
    /// Unknown parameters that kept something from being decided.
    pub unknown: Vec<&'static str>,
}

impl Outcome<'_> {
    /// The verdicts, in trace order.
    pub fn verdicts(&self) -> impl Iterator<Item = Verdict> + '_ {
        self.verdicts.iter().flatten().copied()
    }
}

/// Applies every criterion of a profile to an application: the verdicts,
/// the refund, the route and the margin.
pub fn evaluate<'p>(
    profile: &'p PolicyProfile,
    app: &Application,
) -> Result<Outcome<'p>, DecideError> {
    let figures = SizeFigures {
        employees: app.applicant.employees,
        revenue: app.applicant.revenue,
        assets: app.applicant.assets,
    };
    let size =
        size::classify(app.applicant.industry, &figures).ok_or(DecideError::SizeTableMissing)?;
    let rate_class = profile.rate_class(app.applicant.unit_type, size.is_large());
    let mut unknown = Vec::new();
    let mut verdicts = [None; MAX_VERDICTS];
    let mut n = 0;
    let mut push = |v: Verdict| {
        // A new criterion must raise MAX_VERDICTS: the tests (debug builds)
        // stop here rather than let a verdict be dropped.
        debug_assert!(n < MAX_VERDICTS, "more criteria than MAX_VERDICTS");
        if let Some(slot) = verdicts.get_mut(n) {
            *slot = Some(v);
            n += 1;
        }
    };

    if let Some(required) = profile.months_paid_in_full.value {
        push(Verdict {
            id: CriterionId::MonthsPaidInFull,
            passed: Some(app.insured.months_paid_in_full >= required),
        });
    }

    let choice = layoff_rate::threshold(profile, rate_class, &app.insured);
    let threshold = choice.param.value;
    let comparison = profile.comparison.value;
    let formula = profile.layoff_formula.value;
    let layoff = match formula {
        Some(f) => Some(LayoffRate::compute(f, &app.insured).ok_or(DecideError::Overflow)?),
        None => None,
    };
    let layoff_passed = match (&layoff, threshold, comparison) {
        // No layoffs at all meets any standard, even an unknown one.
        (Some(l), _, _) if l.reduction <= Decimal::ZERO => Some(true),
        (Some(l), Some(t), Some(cmp)) => Some(l.meets(cmp, t).ok_or(DecideError::Overflow)?),
        _ => None,
    };
    for (missing, name) in [
        (formula.is_none(), "layoff_formula"),
        (comparison.is_none(), "comparison"),
        (
            threshold.is_none() && layoff_passed.is_none(),
            "layoff_threshold",
        ),
    ] {
        if missing {
            unknown.push(name);
        }
    }
    push(Verdict {
        id: CriterionId::LayoffRate,
        passed: layoff_passed,
    });

    for (id, rule, declared, passes) in declaration_checks(profile, app) {
        if rule.value == Some(true) {
            push(Verdict {
                id,
                passed: Some(declared == passes),
            });
        }
    }

    let all = verdicts.iter().flatten();
    let eligible = if all.clone().any(|v| v.passed == Some(false)) {
        Some(false)
    } else if all.clone().all(|v| v.passed == Some(true)) {
        Some(true)
    } else {
        None
    };
    let refund = refund::compute(profile, rate_class, &app.insured);
    if refund.is_none() {
        unknown.push("refund_rate");
    }
    let margin = match (eligible, &layoff, threshold, comparison) {
        (Some(true), Some(l), Some(t), Some(cmp)) => l.margin(cmp, t, app.insured.end),
        _ => None,
    };
    Ok(Outcome {
        size,
        rate_class,
        choice,
        threshold,
        comparison,
        layoff,
        verdicts,
        eligible,
        refund,
        margin,
        unknown,
    })
}

/// Decides an application under a profile: [`evaluate`], plus the trace.
pub fn decide(profile: &PolicyProfile, app: &Application) -> Result<Decision, DecideError> {
    let outcome = evaluate(profile, app)?;
    let criteria: Vec<Criterion> = outcome
        .verdicts()
        .map(|v| trace(profile, app, &outcome, v))
        .collect();
    let hardship = app
        .hardship
        .as_ref()
        .map(|h| hardship::evaluate(profile, app, h));
    let choice = &outcome.choice;
    let rate_class = outcome.rate_class;
    let mut used = vec![
        ("unit_treatment", profile.cite(&profile.unit_treatment)),
        ("layoff_formula", profile.cite(&profile.layoff_formula)),
        ("comparison", profile.cite(&profile.comparison)),
        ("layoff_threshold", profile.cite(choice.param)),
        (
            "refund_rate",
            profile.cite(profile.refund_rate.get(rate_class)),
        ),
    ];
    if let Some(rule) = profile
        .small_unit_rule
        .as_ref()
        .filter(|_| choice.variant.is_some())
    {
        used.push(("small_unit_headcount", profile.cite(&rule.headcount)));
    }
    if let Some(review) = &profile.review_threshold {
        used.push(("review_threshold", profile.cite(review)));
    }
    used.extend(
        criteria
            .iter()
            .filter(|c| c.id != CriterionId::LayoffRate)
            .map(|c| (c.id.as_str(), c.citation.clone())),
    );
    Ok(Decision {
        size: outcome.size,
        rate_class,
        layoff: outcome.layoff,
        threshold: outcome.threshold,
        criteria,
        eligible: outcome.eligible,
        refund: outcome.refund,
        margin: outcome.margin,
        hardship,
        unknown: outcome.unknown,
        used,
    })
}

/// The trace entry of a verdict: the numbers it used, its bound, its source.
fn trace(profile: &PolicyProfile, app: &Application, o: &Outcome, v: Verdict) -> Criterion {
    match v.id {
        CriterionId::MonthsPaidInFull => {
            let param = &profile.months_paid_in_full;
            Criterion {
                id: v.id,
                passed: v.passed,
                values: vec![(
                    "months_paid_in_full",
                    app.insured.months_paid_in_full.to_string(),
                )],
                threshold: param.value.map(|r| r.to_string()),
                comparison: ">=",
                citation: profile.cite(param),
                variant: None,
            }
        }
        CriterionId::LayoffRate => {
            let mut values = Vec::new();
            if let Some(l) = &o.layoff {
                values.push(("reduction", l.reduction.normalize().to_string()));
                values.push(("monthly_average", l.average.normalize().to_string()));
                values.push(("layoff_rate", crate::report::ratio(l.rate)));
            }
            if let Some(count) = o.choice.headcount {
                values.push(("small_unit_headcount", count.to_string()));
            }
            Criterion {
                id: v.id,
                passed: v.passed,
                values,
                threshold: o.threshold.map(|t| t.normalize().to_string()),
                comparison: o.comparison.map_or("?", |c| c.symbol()),
                citation: profile.cite(o.choice.param),
                variant: o.choice.variant,
            }
        }
        id => {
            let (_, rule, declared, passes) = declaration_checks(profile, app)
                .into_iter()
                .find(|(d, ..)| *d == id)
                .unwrap_or((id, &profile.declarations.industrial_policy, false, false));
            Criterion {
                id,
                passed: v.passed,
                values: vec![("declared", declared.to_string())],
                threshold: Some(passes.to_string()),
                comparison: "=",
                citation: profile.cite(rule),
                variant: None,
            }
        }
    }
}

/// The declaration rules: (criterion, rule, what was declared, what passes).
fn declaration_checks<'p>(
    profile: &'p PolicyProfile,
    app: &Application,
) -> [(CriterionId, &'p Param<bool>, bool, bool); 4] {
    let d = &app.declarations;
    let rules = &profile.declarations;
    [
        (
            CriterionId::IndustrialPolicy,
            &rules.industrial_policy,
            d.industrial_policy_compliant,
            true,
        ),
        (
            CriterionId::Environmental,
            &rules.environmental,
            d.environmental_compliant,
            true,
        ),
        (
            CriterionId::NotSeriouslyDishonest,
            &rules.seriously_dishonest_excluded,
            d.seriously_dishonest,
            false,
        ),
        (
            CriterionId::NotZombie,
            &rules.zombie_excluded,
            d.zombie,
            false,
        ),
    ]
}

/// Runs a decision ([`decide`], or [`evaluate`] for screening) on a
/// validation's application and profile, when it has both. A computation
/// that overflows becomes an issue of the validation, the same on every
/// surface.
pub fn on_valid<T>(
    validation: &mut Validation,
    decision: impl FnOnce(&'static PolicyProfile, &Application) -> Result<T, DecideError>,
) -> Option<T> {
    let (Some(app), Some(profile)) = (&validation.application, validation.profile) else {
        return None;
    };
    match decision(&profile.profile, app) {
        Ok(outcome) => Some(outcome),
        Err(_) => {
            validation.issues.push(Issue::new(
                crate::field::Section::Insured.name(),
                IssueKind::ComputationOverflow,
            ));
            None
        }
    }
}
