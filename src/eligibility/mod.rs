//! 资格判定 — evaluates every criterion of a profile into a trace, then
//! the refund, the route and the margin.

pub mod criterion;
pub mod hardship;
pub mod layoff_rate;

pub use criterion::{Criterion, CriterionId};
pub use hardship::{HardshipAmount, HardshipOutcome, HardshipStatus};
pub use layoff_rate::LayoffRate;

use rust_decimal::Decimal;

use crate::application::Application;
use crate::policy::{Citation, Param, PolicyProfile, RateClass};
use crate::refund::{self, Refund};
use crate::size::{self, EnterpriseSize, SizeFigures};

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

/// Decides an application under a profile.
pub fn decide(profile: &PolicyProfile, app: &Application) -> Result<Decision, DecideError> {
    let figures = SizeFigures {
        employees: app.applicant.employees,
        revenue: app.applicant.revenue,
        assets: app.applicant.assets,
    };
    let size =
        size::classify(app.applicant.industry, &figures).ok_or(DecideError::SizeTableMissing)?;
    let rate_class = profile.rate_class(app.applicant.unit_type, size.is_large());
    let mut unknown = Vec::new();
    let mut criteria = Vec::new();

    if let Some(c) = months_paid_in_full(profile, app) {
        criteria.push(c);
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
    let mut values = Vec::new();
    if let Some(l) = &layoff {
        values.push(("reduction", l.reduction.normalize().to_string()));
        values.push(("monthly_average", l.average.normalize().to_string()));
        values.push(("layoff_rate", crate::report::ratio(l.rate)));
    }
    if let Some(count) = choice.headcount {
        values.push(("small_unit_headcount", count.to_string()));
    }
    criteria.push(Criterion {
        id: CriterionId::LayoffRate,
        passed: layoff_passed,
        values,
        threshold: threshold.map(|t| t.normalize().to_string()),
        comparison: comparison.map_or("?", |c| c.symbol()),
        citation: profile.cite(choice.param),
        variant: choice.variant,
    });

    criteria.extend(declarations(profile, app));

    let eligible = if criteria.iter().any(|c| c.passed == Some(false)) {
        Some(false)
    } else if criteria.iter().all(|c| c.passed == Some(true)) {
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
    let hardship = app
        .hardship
        .as_ref()
        .map(|h| hardship::evaluate(profile, app, h));
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
        size,
        rate_class,
        layoff,
        threshold,
        criteria,
        eligible,
        refund,
        margin,
        hardship,
        unknown,
        used,
    })
}

fn months_paid_in_full(profile: &PolicyProfile, app: &Application) -> Option<Criterion> {
    let param = &profile.months_paid_in_full;
    let required = param.value?;
    let months = app.insured.months_paid_in_full;
    Some(Criterion {
        id: CriterionId::MonthsPaidInFull,
        passed: Some(months >= required),
        values: vec![("months_paid_in_full", months.to_string())],
        threshold: Some(required.to_string()),
        comparison: ">=",
        citation: profile.cite(param),
        variant: None,
    })
}

fn declarations(profile: &PolicyProfile, app: &Application) -> Vec<Criterion> {
    let d = &app.declarations;
    let rules = &profile.declarations;
    // (id, rule, what was declared, what passes)
    let checks: [(CriterionId, &Param<bool>, bool, bool); 4] = [
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
    ];
    checks
        .into_iter()
        .filter(|(_, rule, _, _)| rule.value == Some(true))
        .map(|(id, rule, declared, passes)| Criterion {
            id,
            passed: Some(declared == passes),
            values: vec![("declared", declared.to_string())],
            threshold: Some(passes.to_string()),
            comparison: "=",
            citation: profile.cite(rule),
            variant: None,
        })
        .collect()
}
