//! Cross-field checks: figures that are each well-formed but do not fit
//! together.

use rust_decimal::Decimal;

use super::{Issue, IssueKind};
use crate::application::Insured;
use crate::field::Field;

/// A monthly average below half the smaller or above twice the larger of
/// the start and end counts is unlikely (a heuristic, not a policy value).
const AVERAGE_LOW_FACTOR: Decimal = Decimal::from_parts(5, 0, 0, false, 1);
const AVERAGE_HIGH_FACTOR: Decimal = Decimal::from_parts(2, 0, 0, false, 0);
/// Unemployment-insurance premiums per average insured person per year
/// outside this band (yuan) suggest a typing slip (a heuristic, not a
/// policy value: about 1% of a year's wage base, generously bounded).
const PREMIUM_PER_PERSON_LOW: Decimal = Decimal::from_parts(10, 0, 0, false, 0);
const PREMIUM_PER_PERSON_HIGH: Decimal = Decimal::from_parts(20_000, 0, 0, false, 0);

/// `Some(true)` when premiums ÷ average lies in the plausible band,
/// found without dividing: low × average ≤ premiums ≤ high × average,
/// exact for a validated average (at most 18 digits, so the products fit).
/// Then the rounded quotient lies in the band too (rounding is monotone
/// and the bounds are representable). `None`: divide, as before.
fn premiums_within(premiums: Decimal, average: Decimal) -> Option<bool> {
    if average.is_sign_negative() || average.mantissa() >= 1_000_000_000_000_000_000 {
        return None;
    }
    let low = PREMIUM_PER_PERSON_LOW.checked_mul(average)?;
    let high = PREMIUM_PER_PERSON_HIGH.checked_mul(average)?;
    (low <= premiums && premiums <= high).then_some(true)
}

/// The issues between the fields of last year's insurance figures.
pub fn insured(insured: &Insured) -> Vec<Issue> {
    let mut issues = Vec::new();
    let mut flag = |field: Field, kind| issues.push(Issue::new(field.path(), kind));
    if insured.arrears_and_late_fees > insured.premiums_paid {
        flag(Field::ArrearsAndLateFees, IssueKind::ArrearsExceedPremiums);
    }
    if insured.months_paid_in_full > 12 {
        flag(Field::MonthsPaidInFull, IssueKind::MonthsOverTwelve);
    }
    let average = insured.monthly_average;
    if average.is_zero() {
        flag(Field::MonthlyAverage, IssueKind::MonthlyAverageZero);
    } else {
        let low = Decimal::from(insured.start.min(insured.end)) * AVERAGE_LOW_FACTOR;
        let high = Decimal::from(insured.start.max(insured.end)) * AVERAGE_HIGH_FACTOR;
        if average < low || average > high.max(Decimal::ONE) {
            flag(Field::MonthlyAverage, IssueKind::MonthlyAverageImplausible);
        }
        let plausible = premiums_within(insured.premiums_paid, average).unwrap_or_else(|| {
            let per_person = insured.premiums_paid.checked_div(average);
            per_person
                .is_some_and(|p| (PREMIUM_PER_PERSON_LOW..=PREMIUM_PER_PERSON_HIGH).contains(&p))
        });
        if !insured.premiums_paid.is_zero() && !plausible {
            flag(Field::PremiumsPaid, IssueKind::PremiumsImplausible);
        }
    }
    if insured.retired_or_deceased > insured.start {
        flag(Field::RetiredOrDeceased, IssueKind::RetiredExceedStart);
    }
    if insured.new_benefit_claimants > insured.start {
        flag(Field::NewBenefitClaimants, IssueKind::ClaimantsExceedStart);
    }
    issues
}
