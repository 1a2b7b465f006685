//! Cross-field checks: figures that are each well-formed but do not fit
//! together.

use rust_decimal::Decimal;

use super::{Issue, IssueKind};
use crate::application::field::Field;
use crate::application::Insured;

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

#[cfg(test)]
mod tests {
    use super::*;

    /// 120 insured at the start, 119 at the end, a monthly average of
    /// `average`, premiums of 86,040.00 (720 a person at 119.5), nothing else.
    fn figures(average: &str) -> Insured {
        Insured {
            year: 2018,
            start: 120,
            end: 119,
            monthly_average: average.parse().unwrap(),
            retired_or_deceased: 0,
            new_benefit_claimants: 0,
            months_paid_in_full: 12,
            premiums_paid: Decimal::new(8_604_000, 2),
            arrears_and_late_fees: Decimal::ZERO,
            months: None,
        }
    }

    fn kinds(i: &Insured) -> Vec<IssueKind> {
        insured(i).into_iter().map(|issue| issue.kind).collect()
    }

    fn average_implausible(average: &str) -> bool {
        let mut i = figures(average);
        // Premiums in the band for any of these averages.
        i.premiums_paid = Decimal::from(1_000_000);
        kinds(&i).contains(&IssueKind::MonthlyAverageImplausible)
    }

    #[test]
    fn a_monthly_average_from_half_the_smaller_to_twice_the_larger_count_is_plausible() {
        // Smaller count 119: half is 59.5; larger count 120: twice is 240.
        assert!(average_implausible("59.4"));
        assert!(!average_implausible("59.5"));
        assert!(!average_implausible("100"));
        assert!(!average_implausible("200"));
        assert!(!average_implausible("240"));
        assert!(average_implausible("240.1"));
    }

    #[test]
    fn with_no_one_insured_at_the_start_or_end_an_average_up_to_one_is_plausible() {
        let mut i = figures("1");
        (i.start, i.end) = (0, 0);
        i.premiums_paid = Decimal::from(100);
        assert_eq!(kinds(&i), vec![]);
        i.monthly_average = Decimal::new(11, 1);
        assert_eq!(kinds(&i), vec![IssueKind::MonthlyAverageImplausible]);
    }

    #[test]
    fn a_monthly_average_of_zero_is_its_own_issue() {
        assert_eq!(kinds(&figures("0")), vec![IssueKind::MonthlyAverageZero]);
    }

    fn premiums_implausible(premiums: Decimal, average: &str) -> bool {
        let mut i = figures(average);
        (i.start, i.end) = (1, 1);
        i.premiums_paid = premiums;
        let kinds = kinds(&i);
        kinds.contains(&IssueKind::PremiumsImplausible)
    }

    #[test]
    fn premiums_from_10_to_20000_yuan_a_person_are_plausible() {
        // Average 1.5: 15.00 to 30,000.00.
        assert!(premiums_implausible(Decimal::new(1499, 2), "1.5"));
        assert!(!premiums_implausible(Decimal::new(1500, 2), "1.5"));
        assert!(!premiums_implausible(Decimal::from(30_000), "1.5"));
        assert!(premiums_implausible(Decimal::new(3_000_001, 2), "1.5"));
        // No premiums at all is not flagged here.
        assert!(!premiums_implausible(Decimal::ZERO, "1.5"));
    }

    #[test]
    fn premiums_beside_an_average_of_many_digits_are_checked_by_dividing() {
        // 19 significant digits: the products could overflow, so divide.
        let average = "1.000000000000000001";
        assert!(premiums_implausible(Decimal::from(10), average));
        assert!(!premiums_implausible(Decimal::new(1001, 2), average));
        assert!(!premiums_implausible(Decimal::from(20_000), average));
        assert!(premiums_implausible(Decimal::new(2_000_001, 2), average));
        assert_eq!(
            premiums_within(Decimal::ONE, average.parse().unwrap()),
            None
        );
    }

    #[test]
    fn premiums_beside_a_validated_average_are_checked_without_dividing() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        // In the band: answered by multiplying (15.00 ≥ 10 × 1.5).
        assert_eq!(premiums_within(d("15.00"), d("1.5")), Some(true));
        assert_eq!(premiums_within(d("30000.00"), d("1.5")), Some(true));
        // Outside it, or beyond 18 digits, or negative: left to the division.
        assert_eq!(premiums_within(d("14.99"), d("1.5")), None);
        assert_eq!(premiums_within(d("15.00"), d("1.000000000000000001")), None);
        assert_eq!(premiums_within(d("15.00"), d("-1.5")), None);
    }

    #[test]
    fn arrears_above_premiums_months_over_twelve_and_counts_above_the_start_are_flagged() {
        let mut i = figures("119.5");
        assert_eq!(kinds(&i), vec![]);
        i.arrears_and_late_fees = Decimal::new(8_604_001, 2);
        i.months_paid_in_full = 13;
        i.retired_or_deceased = 121;
        i.new_benefit_claimants = 121;
        assert_eq!(
            kinds(&i),
            vec![
                IssueKind::ArrearsExceedPremiums,
                IssueKind::MonthsOverTwelve,
                IssueKind::RetiredExceedStart,
                IssueKind::ClaimantsExceedStart,
            ]
        );
        // Equal is not above.
        i.arrears_and_late_fees = i.premiums_paid;
        i.months_paid_in_full = 12;
        i.retired_or_deceased = 120;
        i.new_benefit_claimants = 120;
        assert_eq!(kinds(&i), vec![]);
    }
}
