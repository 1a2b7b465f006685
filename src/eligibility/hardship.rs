//! 困难企业 — the hardship path: its conditions and the amounts its
//! formulas allow, or why they cannot be computed.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::criterion::{CriterionId, Evidence, Verdict};
use crate::application::{Application, Hardship};
use crate::policy::{HardshipRules, Headcount, Param, ParamId, PolicyProfile};
use crate::refund::round_yuan;

/// Where the hardship path stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum HardshipStatus {
    /// At least one formula gave an amount.
    Computed,
    /// A condition is not met.
    ConditionsNotMet,
    /// Every formula lacks a value (an unknown parameter or a missing input).
    CannotCompute,
    /// The profile does not cover the hardship path.
    NotCovered,
}

/// One formula's amount, or what it lacks.
#[derive(Debug, Clone, PartialEq)]
pub struct HardshipAmount {
    pub formula: HardshipFormula,
    pub amount: Option<Decimal>,
    /// Named figures used, in the order the formula uses them.
    pub values: Vec<(&'static str, Decimal)>,
    /// Unknown parameters or missing inputs, by name.
    pub missing: Vec<&'static str>,
}

/// The hardship path's two formulas.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HardshipFormula {
    /// months × local monthly average unemployment benefit × insured.
    Benefit,
    /// months × share × monthly social-insurance contributions payable.
    Contribution,
}

impl HardshipFormula {
    /// The stable id reports carry.
    pub fn as_str(self) -> &'static str {
        match self {
            HardshipFormula::Benefit => "benefit",
            HardshipFormula::Contribution => "contribution",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct HardshipOutcome {
    pub status: HardshipStatus,
    pub conditions: Vec<Verdict>,
    pub amounts: Vec<HardshipAmount>,
}

/// Evaluates the hardship path of an application that took it.
pub fn evaluate(profile: &PolicyProfile, app: &Application, input: &Hardship) -> HardshipOutcome {
    let Some(rules) = &profile.hardship else {
        return HardshipOutcome {
            status: HardshipStatus::NotCovered,
            conditions: Vec::new(),
            amounts: Vec::new(),
        };
    };
    let conditions = conditions(rules, input);
    let amounts: Vec<HardshipAmount> = [benefit(rules, app), contribution(rules, input)]
        .into_iter()
        .flatten()
        .collect();
    let status = if conditions.iter().any(|c| c.passed == Some(false)) {
        HardshipStatus::ConditionsNotMet
    } else if amounts.iter().any(|a| a.amount.is_some()) {
        HardshipStatus::Computed
    } else {
        HardshipStatus::CannotCompute
    };
    HardshipOutcome {
        status,
        conditions,
        amounts,
    }
}

fn conditions(rules: &HardshipRules, input: &Hardship) -> Vec<Verdict> {
    // A condition the profile does not require passes whatever was declared.
    let declared = |id, declared: bool, required: bool, param| Verdict {
        id,
        passed: Some(declared || !required),
        evidence: Evidence::Condition { declared, required },
        param,
    };
    let required = |p: &Param<bool>| p.value.unwrap_or(true);
    vec![
        declared(
            CriterionId::HardshipDifficulty,
            input.temporary_difficulty,
            required(&rules.difficulty),
            ParamId::HardshipDifficulty,
        ),
        declared(
            CriterionId::HardshipUnionPlan,
            input.union_agreed_plan,
            required(&rules.union_plan),
            ParamId::HardshipUnionPlan,
        ),
        // The commitment is asked for even where its length is unknown.
        declared(
            CriterionId::HardshipNoLayoff,
            input.no_layoff_commitment,
            true,
            ParamId::HardshipNoLayoffMonths,
        ),
    ]
}

fn benefit(rules: &HardshipRules, app: &Application) -> Option<HardshipAmount> {
    let formula = rules.benefit.as_ref()?;
    let insured = &app.insured;
    let headcount = formula.headcount.value.map(|basis| match basis {
        Headcount::Start => Decimal::from(insured.start),
        Headcount::End => Decimal::from(insured.end),
        Headcount::MonthlyAverage => insured.monthly_average,
    });
    let mut missing = Vec::new();
    let months = known(&formula.months, "months", &mut missing).map(Decimal::from);
    let monthly_benefit = known(&formula.monthly_benefit, "monthly_benefit", &mut missing);
    if headcount.is_none() {
        missing.push("headcount");
    }
    let mut values = Vec::new();
    push(&mut values, "months", months);
    push(&mut values, "monthly_benefit", monthly_benefit);
    push(&mut values, "headcount", headcount);
    let amount = match (months, monthly_benefit, headcount) {
        (Some(m), Some(b), Some(h)) => m
            .checked_mul(b)
            .and_then(|x| x.checked_mul(h))
            .map(round_yuan),
        _ => None,
    };
    Some(HardshipAmount {
        formula: HardshipFormula::Benefit,
        amount,
        values,
        missing,
    })
}

/// months × share × monthly social-insurance contributions payable.
fn contribution(rules: &HardshipRules, input: &Hardship) -> Option<HardshipAmount> {
    let formula = rules.contribution.as_ref()?;
    let mut missing = Vec::new();
    let months = known(&formula.months, "months", &mut missing).map(Decimal::from);
    let share = known(&formula.share, "share", &mut missing);
    let payable = input.monthly_contributions_payable;
    if payable.is_none() {
        missing.push("monthly_contributions_payable");
    }
    let mut values = Vec::new();
    push(&mut values, "months", months);
    push(&mut values, "share", share);
    push(&mut values, "monthly_contributions_payable", payable);
    let amount = match (months, share, payable) {
        (Some(m), Some(s), Some(p)) => m
            .checked_mul(s)
            .and_then(|x| x.checked_mul(p))
            .map(round_yuan),
        _ => None,
    };
    Some(HardshipAmount {
        formula: HardshipFormula::Contribution,
        amount,
        values,
        missing,
    })
}

fn known<T: Copy>(
    param: &Param<T>,
    name: &'static str,
    missing: &mut Vec<&'static str>,
) -> Option<T> {
    if param.value.is_none() {
        missing.push(name);
    }
    param.value
}

fn push(values: &mut Vec<(&'static str, Decimal)>, name: &'static str, value: Option<Decimal>) {
    if let Some(v) = value {
        values.push((name, v));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::application::RawApplication;

    /// samples/hardship.json (cn-2019, a monthly average of 305 insured,
    /// 412,000.00 of contributions payable a month), validated.
    fn sample() -> (PolicyProfile, Application) {
        let raw: RawApplication =
            serde_json::from_str(include_str!("../../samples/hardship.json")).unwrap();
        let checked = crate::validate::validate_as(&raw, crate::validate::Origin::Application);
        let profile = checked.profile.unwrap().profile.clone();
        (profile, checked.application.unwrap())
    }

    #[test]
    fn the_benefit_formula_is_months_times_the_local_benefit_times_the_insured() {
        let (mut profile, app) = sample();
        // cn-2019 leaves the local monthly benefit unknown; a place that
        // knows it (1,234.56 yuan) gets 6 × 1,234.56 × 305 = 2,259,244.80.
        let rules = profile.hardship.as_mut().unwrap();
        rules.benefit.as_mut().unwrap().monthly_benefit.value = Some(Decimal::new(123_456, 2));
        let outcome = evaluate(&profile, &app, app.hardship.as_ref().unwrap());
        let benefit = &outcome.amounts[0];
        assert_eq!(benefit.formula, HardshipFormula::Benefit);
        assert_eq!(benefit.amount, Some(Decimal::new(225_924_480, 2)));
        assert!(benefit.missing.is_empty());
        assert_eq!(outcome.status, HardshipStatus::Computed);
    }
}
