//! Parameter ids: where a parameter sits in a profile's data file.
//!
//! A decision records these ids instead of prose; the citation (document,
//! clause, whether confirmed) is looked up in the stamped profile only when
//! a report is rendered. The id is a JSON Pointer into the profile file.

use super::{Citation, Param, PolicyProfile, RateClass};

/// One parameter of a profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamId {
    Procedure,
    LayoffFormula,
    LayoffThreshold(RateClass),
    LayoffComparison(RateClass),
    SmallUnitScope,
    SmallUnitThreshold,
    SmallUnitComparison,
    SmallUnitHeadcount,
    RefundRate(RateClass),
    RefundRateKind(RateClass),
    ApplicationWindow,
    UnitTreatment,
    SizeHeadcountRule,
    MonthsPaidInFull,
    LatePaymentCutoff,
    NoHistoricalArrears,
    IndustrialPolicy,
    Environmental,
    SeriouslyDishonestExcluded,
    ZombieExcluded,
    ReviewThreshold,
    HardshipBenefitMonths,
    HardshipMonthlyBenefit,
    HardshipBenefitHeadcount,
    HardshipContributionMonths,
    HardshipContributionShare,
    HardshipDifficulty,
    HardshipUnionPlan,
    HardshipNoLayoffMonths,
}

impl ParamId {
    /// The JSON Pointer of the parameter in its profile's data file.
    pub fn pointer(self) -> &'static str {
        match self {
            ParamId::Procedure => "/procedure",
            ParamId::LayoffFormula => "/layoff_formula",
            ParamId::LayoffThreshold(RateClass::Large) => "/layoff_threshold/large/rate",
            ParamId::LayoffThreshold(RateClass::Sme) => "/layoff_threshold/sme/rate",
            ParamId::LayoffComparison(RateClass::Large) => "/layoff_threshold/large/comparison",
            ParamId::LayoffComparison(RateClass::Sme) => "/layoff_threshold/sme/comparison",
            ParamId::SmallUnitScope => "/small_unit_rule/sme_only",
            ParamId::SmallUnitThreshold => "/small_unit_rule/threshold/rate",
            ParamId::SmallUnitComparison => "/small_unit_rule/threshold/comparison",
            ParamId::SmallUnitHeadcount => "/small_unit_rule/headcount",
            ParamId::RefundRate(RateClass::Large) => "/refund_rate/large",
            ParamId::RefundRate(RateClass::Sme) => "/refund_rate/sme",
            ParamId::RefundRateKind(RateClass::Large) => "/refund_rate_kind/large",
            ParamId::RefundRateKind(RateClass::Sme) => "/refund_rate_kind/sme",
            ParamId::ApplicationWindow => "/application_window",
            ParamId::UnitTreatment => "/unit_treatment",
            ParamId::SizeHeadcountRule => "/size_headcount_rule/min_insured_large",
            ParamId::MonthsPaidInFull => "/months_paid_in_full",
            ParamId::LatePaymentCutoff => "/late_payment_cutoff",
            ParamId::NoHistoricalArrears => "/declarations/no_historical_arrears",
            ParamId::IndustrialPolicy => "/declarations/industrial_policy",
            ParamId::Environmental => "/declarations/environmental",
            ParamId::SeriouslyDishonestExcluded => "/declarations/seriously_dishonest_excluded",
            ParamId::ZombieExcluded => "/declarations/zombie_excluded",
            ParamId::ReviewThreshold => "/review_threshold",
            ParamId::HardshipBenefitMonths => "/hardship/benefit/months",
            ParamId::HardshipMonthlyBenefit => "/hardship/benefit/monthly_benefit",
            ParamId::HardshipBenefitHeadcount => "/hardship/benefit/headcount",
            ParamId::HardshipContributionMonths => "/hardship/contribution/months",
            ParamId::HardshipContributionShare => "/hardship/contribution/share",
            ParamId::HardshipDifficulty => "/hardship/difficulty",
            ParamId::HardshipUnionPlan => "/hardship/union_plan",
            ParamId::HardshipNoLayoffMonths => "/hardship/no_layoff_months",
        }
    }

    /// What the report says the parameter was used for (its
    /// `unconfirmed[].used_for` and `unknown[]` names).
    pub fn used_for(self) -> &'static str {
        match self {
            ParamId::Procedure => "procedure",
            ParamId::LayoffFormula => "layoff_formula",
            ParamId::LayoffComparison(_) | ParamId::SmallUnitComparison => "comparison",
            ParamId::LayoffThreshold(_) | ParamId::SmallUnitThreshold => "layoff_threshold",
            ParamId::SmallUnitScope => "small_unit_scope",
            ParamId::SmallUnitHeadcount => "small_unit_headcount",
            ParamId::RefundRate(_) => "refund_rate",
            ParamId::RefundRateKind(_) => "refund_rate_kind",
            ParamId::ApplicationWindow => "application_window",
            ParamId::UnitTreatment => "unit_treatment",
            ParamId::SizeHeadcountRule => "size_headcount_rule",
            ParamId::MonthsPaidInFull => "months_paid_in_full",
            ParamId::LatePaymentCutoff => "late_payment_cutoff",
            ParamId::NoHistoricalArrears => "no_historical_arrears",
            ParamId::IndustrialPolicy => "industrial_policy",
            ParamId::Environmental => "environmental",
            ParamId::SeriouslyDishonestExcluded => "not_seriously_dishonest",
            ParamId::ZombieExcluded => "not_zombie",
            ParamId::ReviewThreshold => "review_threshold",
            ParamId::HardshipBenefitMonths
            | ParamId::HardshipMonthlyBenefit
            | ParamId::HardshipBenefitHeadcount => "hardship_benefit",
            ParamId::HardshipContributionMonths | ParamId::HardshipContributionShare => {
                "hardship_contribution"
            }
            ParamId::HardshipDifficulty => "hardship_temporary_difficulty",
            ParamId::HardshipUnionPlan => "hardship_union_agreed_plan",
            ParamId::HardshipNoLayoffMonths => "hardship_no_layoff_commitment",
        }
    }
}

/// Where a parameter comes from, borrowed from its profile.
struct Origin<'p> {
    source: &'p str,
    clause: &'p str,
    confirmed: bool,
}

fn origin<T>(param: &Param<T>) -> Origin<'_> {
    Origin {
        source: &param.source,
        clause: &param.clause,
        confirmed: param.confirmed,
    }
}

impl PolicyProfile {
    fn origin(&self, id: ParamId) -> Option<Origin<'_>> {
        let small = self.small_unit_rule.as_ref();
        let hardship = self.hardship.as_ref();
        let benefit = hardship.and_then(|h| h.benefit.as_ref());
        let contribution = hardship.and_then(|h| h.contribution.as_ref());
        let d = &self.declarations;
        Some(match id {
            ParamId::Procedure => origin(&self.procedure),
            ParamId::LayoffFormula => origin(&self.layoff_formula),
            ParamId::LayoffThreshold(class) => origin(&self.layoff_threshold.get(class).rate),
            ParamId::LayoffComparison(class) => {
                origin(&self.layoff_threshold.get(class).comparison)
            }
            ParamId::SmallUnitScope => origin(&small?.sme_only),
            ParamId::SmallUnitThreshold => origin(&small?.threshold.rate),
            ParamId::SmallUnitComparison => origin(&small?.threshold.comparison),
            ParamId::SmallUnitHeadcount => origin(&small?.headcount),
            ParamId::RefundRate(class) => origin(self.refund_rate.get(class)),
            ParamId::RefundRateKind(class) => origin(self.refund_rate_kind.get(class)),
            ParamId::ApplicationWindow => origin(self.application_window.as_ref()?),
            ParamId::UnitTreatment => origin(&self.unit_treatment),
            ParamId::SizeHeadcountRule => {
                origin(&self.size_headcount_rule.as_ref()?.min_insured_large)
            }
            ParamId::MonthsPaidInFull => origin(&self.months_paid_in_full),
            ParamId::LatePaymentCutoff => origin(self.late_payment_cutoff.as_ref()?),
            ParamId::NoHistoricalArrears => origin(d.no_historical_arrears.as_ref()?),
            ParamId::IndustrialPolicy => origin(&d.industrial_policy),
            ParamId::Environmental => origin(&d.environmental),
            ParamId::SeriouslyDishonestExcluded => origin(&d.seriously_dishonest_excluded),
            ParamId::ZombieExcluded => origin(&d.zombie_excluded),
            ParamId::ReviewThreshold => origin(self.review_threshold.as_ref()?),
            ParamId::HardshipBenefitMonths => origin(&benefit?.months),
            ParamId::HardshipMonthlyBenefit => origin(&benefit?.monthly_benefit),
            ParamId::HardshipBenefitHeadcount => origin(&benefit?.headcount),
            ParamId::HardshipContributionMonths => origin(&contribution?.months),
            ParamId::HardshipContributionShare => origin(&contribution?.share),
            ParamId::HardshipDifficulty => origin(&hardship?.difficulty),
            ParamId::HardshipUnionPlan => origin(&hardship?.union_plan),
            ParamId::HardshipNoLayoffMonths => origin(&hardship?.no_layoff_months),
        })
    }

    /// The citation of a parameter (document, clause, confirmed); `None`
    /// when the profile has no such parameter.
    pub fn citation(&self, id: ParamId) -> Option<Citation> {
        let o = self.origin(id)?;
        let document = self
            .sources
            .get(o.source)
            .map_or_else(|| o.source.to_owned(), |s| s.document.clone());
        Some(Citation {
            document,
            clause: o.clause.to_owned(),
            confirmed: o.confirmed,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pointer_resolves_in_a_profile_that_has_the_parameter() {
        let profile = &crate::policy::find("suzhou-2020").unwrap().profile;
        let data: serde_json::Value = serde_json::to_value(profile).unwrap();
        for id in [
            ParamId::Procedure,
            ParamId::LayoffFormula,
            ParamId::LayoffThreshold(RateClass::Large),
            ParamId::LayoffThreshold(RateClass::Sme),
            ParamId::LayoffComparison(RateClass::Large),
            ParamId::LayoffComparison(RateClass::Sme),
            ParamId::SmallUnitScope,
            ParamId::SmallUnitThreshold,
            ParamId::SmallUnitComparison,
            ParamId::SmallUnitHeadcount,
            ParamId::RefundRate(RateClass::Large),
            ParamId::RefundRate(RateClass::Sme),
            ParamId::RefundRateKind(RateClass::Large),
            ParamId::RefundRateKind(RateClass::Sme),
            ParamId::UnitTreatment,
            ParamId::MonthsPaidInFull,
            ParamId::IndustrialPolicy,
            ParamId::Environmental,
            ParamId::SeriouslyDishonestExcluded,
            ParamId::ZombieExcluded,
            ParamId::ReviewThreshold,
            ParamId::HardshipBenefitMonths,
            ParamId::HardshipMonthlyBenefit,
            ParamId::HardshipBenefitHeadcount,
            ParamId::HardshipDifficulty,
            ParamId::HardshipUnionPlan,
            ParamId::HardshipNoLayoffMonths,
        ] {
            let at = data.pointer(id.pointer());
            assert!(at.is_some(), "{} is not in the profile", id.pointer());
            let cited = profile.citation(id).unwrap();
            assert_eq!(
                Some(&serde_json::Value::String(cited.clause)),
                at.and_then(|p| p.get("clause")),
                "{}",
                id.pointer()
            );
        }
        assert_eq!(profile.citation(ParamId::HardshipContributionShare), None);
    }
}
