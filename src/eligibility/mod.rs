//! 资格判定 — evaluates every criterion of a profile into a trace, then
//! the refund, the route and the margin.

pub mod criterion;
pub mod hardship;
pub mod layoff_rate;

pub use criterion::{CriterionId, Evidence, LayoffEvidence, Verdict};
pub use hardship::{HardshipAmount, HardshipOutcome, HardshipStatus};
pub use layoff_rate::{LayoffRate, ThresholdChoice, ThresholdVariant};

use rust_decimal::Decimal;

use crate::application::{Application, Finding};
use crate::policy::{Headcount, Param, ParamId, PolicyProfile, Procedure, RateClass};
use crate::refund::{self, Refund, Route};
use crate::size::{self, EnterpriseSize, SizeFigures};

/// The most criteria a profile has outside the hardship path.
const MAX_VERDICTS: usize = 7;

/// Where the size class used for the rate came from.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum SizeSource {
    /// The office's classification (划型), as the applicant gave it.
    Official,
    /// The self-assessment under 工信部联企业〔2011〕300号: an estimate of
    /// the office's classification.
    Estimate,
}

/// Everything decided about one valid application, as typed values: the
/// verdicts with their evidence, the refund, the route, the margin, and
/// the ids of the parameters used. No text: batch screening reads it as it
/// is, and reports render it per language.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    /// The self-assessed size (工信部联企业〔2011〕300号); `None` where its
    /// figures were not needed and not given.
    pub size: Option<EnterpriseSize>,
    /// Whether the class by size is the office's or the estimate; `None`
    /// when there is neither.
    pub size_source: Option<SizeSource>,
    /// The class the office's headcount rule gives, where the profile has
    /// one (Jiangsu 2024: ≥ 300 insured at year-end → large).
    pub headcount_rule_class: Option<RateClass>,
    /// `None` when the rules give the unit type no rate class.
    pub rate_class: Option<RateClass>,
    /// How the refund is obtained, `None` while unknown.
    pub procedure: Option<Procedure>,
    /// The layoff-rate threshold that applies and why.
    pub threshold: ThresholdChoice,
    pub layoff: Option<LayoffRate>,
    verdicts: [Option<Verdict>; MAX_VERDICTS],
    /// `None` when a criterion cannot be decided (an unknown parameter).
    pub eligible: Option<bool>,
    /// The refund, computed whenever the rate is known (whether or not eligible).
    pub refund: Option<Refund>,
    pub margin: Option<u64>,
    /// How many fewer departures would have met the layoff-rate standard,
    /// when that criterion failed (the other criteria aside).
    pub gap: Option<u64>,
    /// The hardship path, when the application takes it.
    pub hardship: Option<HardshipOutcome>,
    /// Unknown parameters that kept something from being decided.
    pub unknown: Vec<ParamId>,
}

/// Why no decision could be made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecideError {
    /// The enterprise size table is missing (a build defect).
    SizeTableMissing,
    /// A computation overflowed (figures far beyond any real enterprise).
    Overflow,
}

impl Decision {
    /// The verdicts, in trace order.
    pub fn verdicts(&self) -> impl Iterator<Item = &Verdict> + '_ {
        self.verdicts.iter().flatten()
    }

    /// What is paid: the refund and its route when eligible, `0.00` and no
    /// route when not, nothing while undecided (or while the rate is unknown).
    pub fn payout(&self) -> Option<(Decimal, Route)> {
        refund::payout(self.eligible, self.refund.as_ref())
    }

    /// Every parameter the decision used, in trace order (each once).
    pub fn params_used(&self, profile: &PolicyProfile) -> Vec<ParamId> {
        let mut used = vec![ParamId::Procedure, ParamId::UnitTreatment];
        if self.headcount_rule_class.is_some() {
            used.push(ParamId::SizeHeadcountRule);
        }
        used.push(ParamId::LayoffFormula);
        if self.threshold.param != ParamId::UnitTreatment {
            used.push(self.threshold.param);
            used.push(self.threshold.comparison_param);
        }
        if let Some(class) = self.rate_class {
            used.push(ParamId::RefundRate(class));
            used.push(ParamId::RefundRateKind(class));
        }
        if self.threshold.variant.is_some() {
            used.push(ParamId::SmallUnitScope);
            used.push(ParamId::SmallUnitHeadcount);
        }
        if profile.late_payment_cutoff.is_some() {
            used.push(ParamId::LatePaymentCutoff);
        }
        if profile.review_threshold.is_some() {
            used.push(ParamId::ReviewThreshold);
        }
        used.extend(
            self.verdicts()
                .filter(|v| v.id != CriterionId::LayoffRate)
                .map(|v| v.param),
        );
        used
    }
}

/// Decides an application under a profile: every criterion with its
/// evidence, the refund, the route, the margin and the hardship path.
/// Every rule is applied here and only here.
pub fn decide(profile: &PolicyProfile, app: &Application) -> Result<Decision, DecideError> {
    let size = match (app.applicant.industry, app.applicant.employees) {
        (Some(industry), Some(employees)) => {
            let figures = SizeFigures {
                employees,
                revenue: app.applicant.revenue,
                assets: app.applicant.assets,
            };
            Some(size::classify(industry, &figures).ok_or(DecideError::SizeTableMissing)?)
        }
        _ => None,
    };
    // The office pays by its own classification; the self-assessment is
    // an estimate of it.
    let (by_size, size_source) = match (app.applicant.official_size, size) {
        (Some(class), _) => (Some(class), Some(SizeSource::Official)),
        (None, Some(s)) if s.is_large() => (Some(RateClass::Large), Some(SizeSource::Estimate)),
        (None, Some(_)) => (Some(RateClass::Sme), Some(SizeSource::Estimate)),
        (None, None) => (None, None),
    };
    let rate_class = match profile.rate_class(app.applicant.unit_type, by_size) {
        Some(class) => Some(class),
        // No rate class in the rules: the office's classification, when
        // given, still says which rate the unit is paid at.
        None if size_source == Some(SizeSource::Official) => by_size,
        None => None,
    };
    let headcount_rule_class = profile.size_headcount_rule.as_ref().and_then(|rule| {
        let min = rule.min_insured_large.value?;
        let count = match rule.headcount.value? {
            Headcount::Start => app.insured.start,
            Headcount::End => app.insured.end,
            Headcount::MonthlyAverage => app
                .insured
                .monthly_average
                .floor()
                .try_into()
                .unwrap_or(u64::MAX),
        };
        Some(if count >= min {
            RateClass::Large
        } else {
            RateClass::Sme
        })
    });
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
        let paid_in_full = app.insured.months_paid_in_full;
        push(Verdict {
            id: CriterionId::MonthsPaidInFull,
            passed: Some(paid_in_full >= required),
            evidence: Evidence::Months {
                paid_in_full,
                required,
            },
            param: ParamId::MonthsPaidInFull,
        });
    }

    let threshold = layoff_rate::threshold(profile, rate_class, &app.insured);
    let comparison = threshold.comparison;
    let formula = profile.layoff_formula.value;
    let layoff = match formula {
        Some(f) => Some(LayoffRate::compute(f, &app.insured).ok_or(DecideError::Overflow)?),
        None => None,
    };
    let layoff_passed = match (&layoff, threshold.value, comparison) {
        // No layoffs at all meets any standard, even an unknown one.
        (Some(l), _, _) if l.reduction <= Decimal::ZERO => Some(true),
        (Some(l), Some(t), Some(cmp)) => Some(l.meets(cmp, t).ok_or(DecideError::Overflow)?),
        _ => None,
    };
    for (missing, id) in [
        (formula.is_none(), ParamId::LayoffFormula),
        (
            comparison.is_none() && layoff_passed.is_none(),
            threshold.comparison_param,
        ),
        (
            threshold.value.is_none() && layoff_passed.is_none(),
            threshold.param,
        ),
    ] {
        if missing && !unknown.contains(&id) {
            unknown.push(id);
        }
    }
    push(Verdict {
        id: CriterionId::LayoffRate,
        passed: layoff_passed,
        evidence: Evidence::Layoff(LayoffEvidence {
            layoff,
            threshold: threshold.value,
            comparison,
            variant: threshold.variant,
            headcount: threshold.headcount,
        }),
        param: threshold.param,
    });

    for (id, param, rule, finding, passes_when) in declaration_checks(profile, app) {
        if rule.value == Some(true) {
            let (passed, evidence) = match finding {
                Finding::Declared(declared) => (
                    Some(declared == passes_when),
                    Evidence::Declared {
                        declared,
                        passes_when,
                    },
                ),
                // Every office list is of units excluded: on it fails.
                Finding::Listed { list, row } => {
                    (Some(row.is_none()), Evidence::Listed { list, row })
                }
                Finding::Unchecked(list) => (None, Evidence::Unchecked { list }),
            };
            push(Verdict {
                id,
                passed,
                evidence,
                param,
            });
        }
    }

    if let Some(rule) = &profile.declarations.no_historical_arrears {
        let found = app.declarations.no_outstanding_arrears;
        // "No arrears?": being on the arrears list answers no.
        let declared = found.and_then(|f| f.answer(false));
        let passed = match (rule.value, declared) {
            // No arrears meets the rule whether or not the rules have it.
            (_, Some(true)) => Some(true),
            (Some(true), Some(false)) => Some(false),
            // Not declared (validation requires it) or not checked (no
            // arrears list was given): no unit passes a check nobody made.
            (Some(true), None) => None,
            (Some(false), _) => Some(true),
            (None, _) => None,
        };
        if passed.is_none() && rule.value.is_none() {
            unknown.push(ParamId::NoHistoricalArrears);
        }
        if rule.value != Some(false) {
            let evidence = match found {
                Some(Finding::Listed { list, row }) => Evidence::Listed { list, row },
                Some(Finding::Unchecked(list)) => Evidence::Unchecked { list },
                _ => Evidence::Arrears {
                    declared,
                    rule_known: rule.value.is_some(),
                },
            };
            push(Verdict {
                id: CriterionId::NoHistoricalArrears,
                passed,
                evidence,
                param: ParamId::NoHistoricalArrears,
            });
        }
    }

    let all = verdicts.iter().flatten();
    let eligible = if all.clone().any(|v| v.passed == Some(false)) {
        Some(false)
    } else if rate_class.is_some() && all.clone().all(|v| v.passed == Some(true)) {
        Some(true)
    } else {
        None
    };
    let refund = match rate_class {
        Some(class) => {
            let refund = refund::compute(profile, class, &app.insured);
            if refund.is_none() {
                unknown.push(ParamId::RefundRate(class));
            }
            refund
        }
        None => {
            if !unknown.contains(&ParamId::UnitTreatment) {
                unknown.push(ParamId::UnitTreatment);
            }
            None
        }
    };
    let margin = match (eligible, &layoff, threshold.value, comparison) {
        (Some(true), Some(l), Some(t), Some(cmp)) => l.margin(cmp, t, app.insured.end),
        _ => None,
    };
    let gap = match (layoff_passed, &layoff, threshold.value, comparison) {
        (Some(false), Some(l), Some(t), Some(cmp)) => l.gap(cmp, t),
        _ => None,
    };
    let hardship = app
        .hardship
        .as_ref()
        .map(|h| hardship::evaluate(profile, app, h));
    Ok(Decision {
        size,
        size_source,
        headcount_rule_class,
        rate_class,
        procedure: profile.procedure.value,
        threshold,
        layoff,
        verdicts,
        eligible,
        refund,
        margin,
        gap,
        hardship,
        unknown,
    })
}

/// The declaration rules: (criterion, its parameter, the rule, what was
/// found, the declared answer that passes).
fn declaration_checks<'p>(
    profile: &'p PolicyProfile,
    app: &Application,
) -> [(CriterionId, ParamId, &'p Param<bool>, Finding, bool); 4] {
    let d = &app.declarations;
    let rules = &profile.declarations;
    [
        (
            CriterionId::IndustrialPolicy,
            ParamId::IndustrialPolicy,
            &rules.industrial_policy,
            d.industrial_policy_compliant,
            true,
        ),
        (
            CriterionId::Environmental,
            ParamId::Environmental,
            &rules.environmental,
            d.environmental_compliant,
            true,
        ),
        (
            CriterionId::NotSeriouslyDishonest,
            ParamId::SeriouslyDishonestExcluded,
            &rules.seriously_dishonest_excluded,
            d.seriously_dishonest,
            false,
        ),
        (
            CriterionId::NotZombie,
            ParamId::ZombieExcluded,
            &rules.zombie_excluded,
            d.zombie,
            false,
        ),
    ]
}
