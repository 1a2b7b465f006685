//! 裁员率 — the layoff rate, its threshold and the margin.

use rust_decimal::prelude::*;

use crate::application::Insured;
use crate::policy::{Comparison, Headcount, LayoffFormula, ParamId, PolicyProfile, RateClass};

/// The layoff-rate figures of one application under one profile.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LayoffRate {
    /// The reduction the formula counts, before clamping (may be negative
    /// when the enterprise grew).
    pub reduction: Decimal,
    /// The monthly average insured the formula divides by.
    pub average: Decimal,
    /// reduction (clamped at 0) / average, to 28 significant digits.
    pub rate: Decimal,
    /// The average as a fraction `(total, months)`: the sum of the twelve
    /// monthly counts and 12 when the average comes from the monthly
    /// records, else `(average, 1)`. Comparisons and the margin use it, so
    /// a sum ÷ 12 that does not terminate is never rounded on the way.
    pub average_parts: (Decimal, Decimal),
}

impl LayoffRate {
    pub fn compute(formula: LayoffFormula, insured: &Insured) -> Option<LayoffRate> {
        let start = Decimal::from(insured.start);
        let end = Decimal::from(insured.end);
        let reduction = match formula {
            LayoffFormula::NetReduction => start - end,
            LayoffFormula::NetReductionLessRetired => {
                start - end - Decimal::from(insured.retired_or_deceased)
            }
            LayoffFormula::NewBenefitClaimants => Decimal::from(insured.new_benefit_claimants),
        };
        let average = insured.monthly_average;
        let (total, months) = match &insured.months {
            Some(m) => (
                Decimal::from(m.total_insured()),
                Decimal::from(crate::application::field::Months::ROWS as u64),
            ),
            None => (average, Decimal::ONE),
        };
        // A negative net reduction (growth) is a layoff rate of 0.
        let rate = reduction
            .max(Decimal::ZERO)
            .checked_mul(months)?
            .checked_div(total)?;
        Some(LayoffRate {
            reduction,
            average,
            rate,
            average_parts: (total, months),
        })
    }

    /// Does the rate meet `threshold`? Compared exactly, as
    /// reduction × months against threshold × total (reduction against
    /// threshold × average), never through a rounded rate.
    pub fn meets(&self, comparison: Comparison, threshold: Decimal) -> Option<bool> {
        let (total, months) = self.average_parts;
        let limit = threshold.checked_mul(total)?;
        let reduction = self.reduction.max(Decimal::ZERO).checked_mul(months)?;
        Some(comparison.holds(reduction, limit))
    }

    /// 还可减少多少人 — how many more insured could have left (the monthly
    /// average held fixed) and the rate still meet the threshold; `None`
    /// when it does not meet it now.
    pub fn margin(&self, comparison: Comparison, threshold: Decimal, end: u64) -> Option<u64> {
        if self.meets(comparison, threshold) != Some(true) {
            return None;
        }
        let (total, months) = self.average_parts;
        let room = threshold
            .checked_mul(total)?
            .checked_sub(self.reduction.checked_mul(months)?)?
            .checked_div(months)?;
        let more = match comparison {
            // reduction + n < limit  ⇔  n < room
            Comparison::Strict => room.ceil() - Decimal::ONE,
            // reduction + n ≤ limit  ⇔  n ≤ room
            Comparison::NonStrict => room.floor(),
        };
        // No more can leave than are still insured at the end.
        Some(
            more.max(Decimal::ZERO)
                .to_u64()
                .unwrap_or(u64::MAX)
                .min(end),
        )
    }

    /// 差多少人 — the margin's mirror image: how many fewer departures
    /// (the monthly average held fixed) would have met `threshold`;
    /// `None` when it meets it now. Never more than the reduction itself,
    /// since no departures at all meets any threshold.
    pub fn gap(&self, comparison: Comparison, threshold: Decimal) -> Option<u64> {
        if self.meets(comparison, threshold) != Some(false) {
            return None;
        }
        let (total, months) = self.average_parts;
        let excess = self
            .reduction
            .checked_mul(months)?
            .checked_sub(threshold.checked_mul(total)?)?
            .checked_div(months)?;
        let fewer = match comparison {
            // (reduction − n) < limit  ⇔  n > excess
            Comparison::Strict => excess.floor() + Decimal::ONE,
            // (reduction − n) ≤ limit  ⇔  n ≥ excess
            Comparison::NonStrict => excess.ceil(),
        };
        let reduction = self.reduction.max(Decimal::ZERO).to_u64()?;
        Some(fewer.max(Decimal::ZERO).to_u64()?.min(reduction))
    }
}

/// Which rule chose a threshold other than the class's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThresholdVariant {
    /// The looser threshold for units with 30 or fewer insured.
    SmallUnit,
}

impl ThresholdVariant {
    /// The stable id reports carry.
    pub fn as_str(self) -> &'static str {
        match self {
            ThresholdVariant::SmallUnit => "small_unit",
        }
    }
}

/// The threshold that applies and why.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ThresholdChoice {
    /// The parameter it comes from.
    pub param: ParamId,
    /// Its value, `None` while unknown.
    pub value: Option<Decimal>,
    /// The parameter of its comparison.
    pub comparison_param: ParamId,
    /// How the rate is held against it, `None` while unknown.
    pub comparison: Option<Comparison>,
    /// `Some(SmallUnit)` when the ≤ 30 insured rule applied.
    pub variant: Option<ThresholdVariant>,
    /// The headcount the ≤ 30 rule looked at, when it did.
    pub headcount: Option<u64>,
}

/// The threshold of a class.
fn of_class(profile: &PolicyProfile, class: RateClass) -> ThresholdChoice {
    let t = profile.layoff_threshold.get(class);
    ThresholdChoice {
        param: ParamId::LayoffThreshold(class),
        value: t.rate.value,
        comparison_param: ParamId::LayoffComparison(class),
        comparison: t.comparison.value,
        variant: None,
        headcount: None,
    }
}

/// The class threshold while the class is unknown: the SMEs' when both
/// classes have the same known threshold and comparison (nothing then
/// depends on the class), else unknown (citing the unit treatment).
fn of_unknown_class(profile: &PolicyProfile) -> ThresholdChoice {
    let (large, sme) = (
        of_class(profile, RateClass::Large),
        of_class(profile, RateClass::Sme),
    );
    let same = large.value.is_some()
        && large.comparison.is_some()
        && large.value == sme.value
        && large.comparison == sme.comparison;
    if same {
        sme
    } else {
        ThresholdChoice {
            param: ParamId::UnitTreatment,
            value: None,
            comparison_param: ParamId::UnitTreatment,
            comparison: None,
            variant: None,
            headcount: None,
        }
    }
}

/// Picks the class threshold, or the small-unit one where it applies;
/// `class` is `None` when the rules give the unit no rate class.
pub fn threshold(
    profile: &PolicyProfile,
    class: Option<RateClass>,
    insured: &Insured,
) -> ThresholdChoice {
    let by_class = match class {
        Some(c) => of_class(profile, c),
        None => of_unknown_class(profile),
    };
    let Some(rule) = &profile.small_unit_rule else {
        return by_class;
    };
    // Unknown scope: read narrowly (SMEs only), as the national 2020 text.
    let sme_only = rule.sme_only.value.unwrap_or(true);
    if sme_only && class != Some(RateClass::Sme) {
        return by_class;
    }
    let (Some(max), Some(basis)) = (rule.max_insured.value, rule.headcount.value) else {
        return by_class;
    };
    let count = match basis {
        Headcount::Start => insured.start,
        Headcount::End => insured.end,
        // A fractional average of 30.4 is more than 30.
        Headcount::MonthlyAverage => insured.monthly_average.ceil().to_u64().unwrap_or(u64::MAX),
    };
    if count <= max {
        ThresholdChoice {
            param: ParamId::SmallUnitThreshold,
            value: rule.threshold.rate.value,
            comparison_param: ParamId::SmallUnitComparison,
            comparison: rule.threshold.comparison.value,
            variant: Some(ThresholdVariant::SmallUnit),
            headcount: Some(count),
        }
    } else {
        by_class
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn insured(start: u64, end: u64, average: i64) -> Insured {
        Insured {
            year: 2018,
            start,
            end,
            monthly_average: Decimal::from(average),
            retired_or_deceased: 0,
            new_benefit_claimants: 0,
            months_paid_in_full: 12,
            premiums_paid: Decimal::ZERO,
            months: None,
            arrears_and_late_fees: Decimal::ZERO,
        }
    }

    #[test]
    fn growth_is_a_rate_of_zero() {
        let r = LayoffRate::compute(LayoffFormula::NetReduction, &insured(100, 120, 110)).unwrap();
        assert_eq!(r.rate, Decimal::ZERO);
        assert_eq!(r.reduction, Decimal::from(-20));
    }

    #[test]
    fn nantong_formula_does_not_count_the_retired_and_deceased_as_layoffs() {
        // (start − end − retired or deceased) / average: 100 → 80 with 5
        // retired or deceased is 15 laid off of 100, a rate of 15%.
        let mut i = insured(100, 80, 100);
        i.retired_or_deceased = 5;
        let r = LayoffRate::compute(LayoffFormula::NetReductionLessRetired, &i).unwrap();
        assert_eq!(r.reduction, Decimal::from(15));
        assert_eq!(r.rate, Decimal::new(15, 2));
        // The plain net reduction counts them: 20 of 100.
        let r = LayoffRate::compute(LayoffFormula::NetReduction, &i).unwrap();
        assert_eq!(r.reduction, Decimal::from(20));
    }

    #[test]
    fn new_benefit_claimants_formula_counts_only_the_new_claimants() {
        // 7 new unemployment-benefit claimants of an average 100 is 7%,
        // whatever the start and end counts.
        let mut i = insured(100, 80, 100);
        i.new_benefit_claimants = 7;
        let r = LayoffRate::compute(LayoffFormula::NewBenefitClaimants, &i).unwrap();
        assert_eq!(r.reduction, Decimal::from(7));
        assert_eq!(r.rate, Decimal::new(7, 2));
    }

    /// cn-2021 (≤ 30 insured at the start: the small-unit threshold, for
    /// every class) with its rule's scope and headcount basis replaced.
    fn small_unit_profile(sme_only: Option<bool>, basis: Headcount) -> PolicyProfile {
        let mut profile = crate::policy::find("cn-2021").unwrap().profile.clone();
        let rule = profile.small_unit_rule.as_mut().unwrap();
        rule.sme_only.value = sme_only;
        rule.headcount.value = Some(basis);
        profile
    }

    fn small_unit_applies(profile: &PolicyProfile, class: RateClass, i: &Insured) -> bool {
        let choice = threshold(profile, Some(class), i);
        choice.variant == Some(ThresholdVariant::SmallUnit)
    }

    #[test]
    fn a_small_unit_rule_for_smes_only_leaves_a_large_unit_its_own_threshold() {
        let small = insured(30, 25, 28);
        for scope in [Some(true), None] {
            // An unknown scope is read narrowly, as SMEs only.
            let profile = small_unit_profile(scope, Headcount::Start);
            assert!(small_unit_applies(&profile, RateClass::Sme, &small));
            assert!(!small_unit_applies(&profile, RateClass::Large, &small));
            assert!(threshold(&profile, None, &small).variant.is_none());
        }
        let profile = small_unit_profile(Some(false), Headcount::Start);
        assert!(small_unit_applies(&profile, RateClass::Large, &small));
    }

    #[test]
    fn a_small_unit_rule_counts_the_insured_on_its_own_basis() {
        // 30 at the start, 31 at the end, an average of 30.4 (more than 30).
        let mut i = insured(30, 31, 0);
        i.monthly_average = Decimal::new(304, 1);
        let applies = |basis, i: &Insured| {
            small_unit_applies(&small_unit_profile(Some(false), basis), RateClass::Sme, i)
        };
        assert!(applies(Headcount::Start, &i));
        assert!(!applies(Headcount::End, &i));
        assert!(!applies(Headcount::MonthlyAverage, &i));
        i.end = 30;
        i.monthly_average = Decimal::from(30);
        assert!(applies(Headcount::End, &i));
        assert!(applies(Headcount::MonthlyAverage, &i));
        let choice = threshold(
            &small_unit_profile(Some(false), Headcount::End),
            Some(RateClass::Sme),
            &i,
        );
        assert_eq!(choice.headcount, Some(30));
        assert_eq!(choice.param, ParamId::SmallUnitThreshold);
        assert_eq!(choice.comparison_param, ParamId::SmallUnitComparison);
    }

    #[test]
    fn margin_strict_and_non_strict() {
        // 1.78% of 1000 = 17.8: strict allows a reduction up to 17.
        let r =
            LayoffRate::compute(LayoffFormula::NetReduction, &insured(1000, 990, 1000)).unwrap();
        let t = Decimal::new(178, 4);
        assert_eq!(r.margin(Comparison::Strict, t, 990), Some(7));
        // 5.5% of 1000 = 55 exactly: strict allows 54, non-strict 55.
        let t = Decimal::new(55, 3);
        assert_eq!(r.margin(Comparison::Strict, t, 990), Some(44));
        assert_eq!(r.margin(Comparison::NonStrict, t, 990), Some(45));
    }

    #[test]
    fn an_average_from_monthly_records_is_never_rounded() {
        use crate::application::months::{MonthRow, MonthlyRecords};
        // 400 insured-months: the average 400 ÷ 12 = 33.333… does not
        // terminate. A reduction of 1 is exactly 3% of it: compared as
        // 1 × 12 ≤ 0.03 × 400, the tie is exact.
        let rows = (1..=12u8)
            .map(|month| MonthRow {
                month,
                insured: if month <= 4 { 34 } else { 33 },
                due: Some(Decimal::ZERO),
                paid: Decimal::ZERO,
            })
            .collect();
        let records = MonthlyRecords::new(rows).unwrap();
        assert_eq!(records.total_insured(), 400);
        let mut i = insured(34, 33, 0);
        i.monthly_average = records.monthly_average();
        i.months = Some(records);
        let r = LayoffRate::compute(LayoffFormula::NetReduction, &i).unwrap();
        let t = Decimal::new(3, 2);
        assert_eq!(r.rate, t);
        assert_eq!(r.meets(Comparison::NonStrict, t), Some(true));
        assert_eq!(r.meets(Comparison::Strict, t), Some(false));
        assert_eq!(r.margin(Comparison::NonStrict, t, 33), Some(0));
        assert_eq!(r.average_parts, (Decimal::from(400), Decimal::from(12)));
    }

    #[test]
    fn the_gap_is_how_many_fewer_departures_would_have_qualified() {
        // 1000 → 970: 30 left, 3% of 1000. Strict 1.78% allows at most 17
        // (17.8 is not reached), so 13 fewer; at or below 2% allows 20, so 10.
        let r =
            LayoffRate::compute(LayoffFormula::NetReduction, &insured(1000, 970, 1000)).unwrap();
        assert_eq!(r.gap(Comparison::Strict, Decimal::new(178, 4)), Some(13));
        assert_eq!(r.gap(Comparison::NonStrict, Decimal::new(2, 2)), Some(10));
        // Exactly at 2%: strict fails by one departure, non-strict passes.
        let r =
            LayoffRate::compute(LayoffFormula::NetReduction, &insured(1000, 980, 1000)).unwrap();
        assert_eq!(r.gap(Comparison::Strict, Decimal::new(2, 2)), Some(1));
        assert_eq!(r.gap(Comparison::NonStrict, Decimal::new(2, 2)), None);
    }

    #[test]
    fn the_gap_is_exact_the_margin_is_its_mirror() {
        // For every reduction and both comparisons: removing `gap`
        // departures qualifies, removing one fewer does not.
        let t = Decimal::new(55, 3);
        for left in 0..=120u64 {
            let r = LayoffRate::compute(
                LayoffFormula::NetReduction,
                &insured(1000, 1000 - left, 1000),
            )
            .unwrap();
            for cmp in [Comparison::Strict, Comparison::NonStrict] {
                let meets = |n: u64| {
                    LayoffRate::compute(LayoffFormula::NetReduction, &insured(1000, 1000 - n, 1000))
                        .unwrap()
                        .meets(cmp, t)
                };
                match r.gap(cmp, t) {
                    None => assert_eq!(meets(left), Some(true), "{left} {cmp:?}"),
                    Some(g) => {
                        assert!(g >= 1, "{left} {cmp:?}");
                        assert_eq!(meets(left - g), Some(true), "{left} {cmp:?}");
                        assert_eq!(meets(left - g + 1), Some(false), "{left} {cmp:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn a_zero_threshold_asks_for_no_departures_at_all() {
        let r = LayoffRate::compute(LayoffFormula::NetReduction, &insured(50, 47, 50)).unwrap();
        assert_eq!(r.gap(Comparison::NonStrict, Decimal::ZERO), Some(3));
        assert_eq!(
            r.gap(Comparison::Strict, Decimal::ZERO),
            Some(3),
            "capped at the reduction"
        );
    }

    #[test]
    fn margin_is_capped_by_who_is_left() {
        // Room for 15 more, but only 5 are still insured.
        let r = LayoffRate::compute(LayoffFormula::NetReduction, &insured(10, 5, 20)).unwrap();
        assert_eq!(r.margin(Comparison::NonStrict, Decimal::ONE, 5), Some(5));
    }
}
