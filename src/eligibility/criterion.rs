//! One criterion's verdict with the typed evidence it was decided on.
//! No text: words are made when a report is rendered (`crate::messages`).

use rust_decimal::Decimal;

use super::layoff_rate::{LayoffRate, ThresholdVariant};
use crate::application::ListKind;
use crate::policy::{Comparison, ParamId};

/// Which rule a verdict is about. The names are stable ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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
    /// 无失业保险历史欠费.
    NoHistoricalArrears,
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
            CriterionId::NoHistoricalArrears => "no_historical_arrears",
            CriterionId::HardshipDifficulty => "hardship_temporary_difficulty",
            CriterionId::HardshipUnionPlan => "hardship_union_agreed_plan",
            CriterionId::HardshipNoLayoff => "hardship_no_layoff_commitment",
        }
    }
}

/// How a verdict's value is held against its bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    /// The layoff rate against its threshold (`<` or `<=`, per profile);
    /// `None` while the profile's comparison is unknown.
    Layoff(Option<Comparison>),
    /// At least the bound (`>=`).
    AtLeast,
    /// Equal to the answer that passes (`=`).
    Equals,
}

impl Relation {
    /// The symbol reports carry: `<`, `<=`, `>=`, `=`, or `?` when unknown.
    pub fn symbol(self) -> &'static str {
        match self {
            Relation::Layoff(Some(c)) => c.symbol(),
            Relation::Layoff(None) => "?",
            Relation::AtLeast => ">=",
            Relation::Equals => "=",
        }
    }
}

/// The layoff-rate criterion's numbers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LayoffEvidence {
    /// `None` while the profile's formula is unknown.
    pub layoff: Option<LayoffRate>,
    /// The threshold's value, `None` while unknown.
    pub threshold: Option<Decimal>,
    pub comparison: Option<Comparison>,
    /// Which rule chose the threshold (e.g. the ≤ 30 insured rule).
    pub variant: Option<ThresholdVariant>,
    /// The headcount that put the unit under that rule.
    pub headcount: Option<u64>,
}

/// What a verdict was decided on.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Evidence {
    /// Months paid in full against the months required.
    Months {
        paid_in_full: u64,
        required: u64,
    },
    Layoff(LayoffEvidence),
    /// A declaration and the answer that passes.
    Declared {
        declared: bool,
        passes_when: bool,
    },
    /// Looked up on an office's list of excluded units: `row` is the
    /// list's line naming the unit (it fails), `None` when not on it.
    Listed {
        list: ListKind,
        row: Option<u64>,
    },
    /// The list was not given: nobody checked, so it cannot pass.
    Unchecked {
        list: ListKind,
    },
    /// The no-historical-arrears declaration (`None`: not given) and
    /// whether the rules are known to have that condition.
    Arrears {
        declared: Option<bool>,
        rule_known: bool,
    },
    /// A hardship condition as declared, and whether the profile requires it.
    Condition {
        declared: bool,
        required: bool,
    },
}

impl Evidence {
    pub fn relation(&self) -> Relation {
        match self {
            Evidence::Months { .. } => Relation::AtLeast,
            Evidence::Layoff(l) => Relation::Layoff(l.comparison),
            Evidence::Declared { .. }
            | Evidence::Condition { .. }
            | Evidence::Arrears { .. }
            | Evidence::Listed { .. }
            | Evidence::Unchecked { .. } => Relation::Equals,
        }
    }
}

/// One criterion decided: passed or not, on what, under which parameter.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Verdict {
    pub id: CriterionId,
    /// `None`: cannot be decided because a parameter is unknown.
    pub passed: Option<bool>,
    pub evidence: Evidence,
    /// The parameter whose source the criterion cites.
    pub param: ParamId,
}
