//! One entry of the decision trace.

use crate::policy::Citation;

/// Which rule a trace entry is about. The names are stable ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CriterionId {
    /// 足额缴费: premiums paid in full for enough months.
    MonthsPaidInFull,
    /// 裁员率: layoff rate within the threshold.
    LayoffRate,
    /// 符合产业结构调整政策.
    IndustrialPolicy,
    /// 符合环保政策.
    Environmental,
    /// 非严重失信.
    NotSeriouslyDishonest,
    /// 非僵尸企业.
    NotZombie,
    /// 困难企业: temporary difficulty with prospects of recovery.
    HardshipDifficulty,
    /// 困难企业: job-stabilisation plan agreed with the union.
    HardshipUnionPlan,
    /// 困难企业: no-layoff commitment after the refund.
    HardshipNoLayoff,
}

impl CriterionId {
    pub fn as_str(self) -> &'static str {
        match self {
            CriterionId::MonthsPaidInFull => "months_paid_in_full",
            CriterionId::LayoffRate => "layoff_rate",
            CriterionId::IndustrialPolicy => "industrial_policy",
            CriterionId::Environmental => "environmental",
            CriterionId::NotSeriouslyDishonest => "not_seriously_dishonest",
            CriterionId::NotZombie => "not_zombie",
            CriterionId::HardshipDifficulty => "hardship_temporary_difficulty",
            CriterionId::HardshipUnionPlan => "hardship_union_agreed_plan",
            CriterionId::HardshipNoLayoff => "hardship_no_layoff_commitment",
        }
    }
}

/// A criterion evaluated: the numbers used, the threshold, the source.
#[derive(Debug, Clone, PartialEq)]
pub struct Criterion {
    pub id: CriterionId,
    /// `None`: cannot be decided because a parameter is unknown.
    pub passed: Option<bool>,
    /// Named numbers, as decimal strings, in the order they were used.
    pub values: Vec<(&'static str, String)>,
    /// The bound compared against, if any (as a decimal string).
    pub threshold: Option<String>,
    /// `<`, `<=`, `>=` or `=`.
    pub comparison: &'static str,
    pub citation: Citation,
    /// Which variant of the rule applied (e.g. `small_unit` for the ≤30 rule).
    pub variant: Option<&'static str>,
}
