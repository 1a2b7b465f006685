//! 企业划型 — enterprise size per 工信部联企业〔2011〕300号.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::application::Industry;
use crate::policy::size_table::{self, Measure, SizeRow};

/// 大型 / 中型 / 小型 / 微型.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum EnterpriseSize {
    Large,
    Medium,
    Small,
    Micro,
}

impl EnterpriseSize {
    pub fn is_large(self) -> bool {
        self == EnterpriseSize::Large
    }
}

/// The figures of one enterprise, revenue and assets in yuan.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SizeFigures {
    pub employees: u64,
    pub revenue: Option<Decimal>,
    pub assets: Option<Decimal>,
}

impl SizeFigures {
    /// The figure in the table's unit (persons, or 万元); a missing
    /// figure counts as zero, which only matters where the row needs it
    /// and validation has already asked for it.
    fn get(&self, measure: Measure) -> Decimal {
        let ten_thousand = Decimal::from(10_000);
        match measure {
            Measure::Employees => Decimal::from(self.employees),
            Measure::Revenue => in_ten_thousands(self.revenue.unwrap_or_default(), ten_thousand),
            Measure::Assets => in_ten_thousands(self.assets.unwrap_or_default(), ten_thousand),
        }
    }
}

/// `yuan / 10,000` (万元): the same value, by moving the decimal point
/// where the scale allows (no division: this runs for every batch row).
fn in_ten_thousands(yuan: Decimal, ten_thousand: Decimal) -> Decimal {
    let mut shifted = yuan;
    match shifted.set_scale(yuan.scale() + 4) {
        Ok(()) => shifted,
        Err(_) => yuan / ten_thousand,
    }
}

/// The size row for an industry.
pub fn row(industry: Industry) -> Option<&'static SizeRow> {
    size_table::table()?.row(industry)
}

/// Classifies an enterprise; `None` only if the size table is missing.
pub fn classify(industry: Industry, figures: &SizeFigures) -> Option<EnterpriseSize> {
    let row = row(industry)?;
    // Each figure in the table's unit once, not once per bound.
    let figure = [Measure::Employees, Measure::Revenue, Measure::Assets].map(|m| figures.get(m));
    let get = |m: Measure| match m {
        Measure::Employees => figure[0],
        Measure::Revenue => figure[1],
        Measure::Assets => figure[2],
    };
    let reaches_all = |bounds: &std::collections::BTreeMap<Measure, Decimal>| {
        bounds.iter().all(|(m, bound)| get(*m) >= *bound)
    };
    let sme = row.sme_below_any.iter().any(|(m, bound)| get(*m) < *bound);
    Some(if !sme {
        EnterpriseSize::Large
    } else if reaches_all(&row.medium_at_least) {
        EnterpriseSize::Medium
    } else if reaches_all(&row.small_at_least) {
        EnterpriseSize::Small
    } else {
        EnterpriseSize::Micro
    })
}

/// Does the industry's row classify by `measure`?
pub fn needs(industry: Industry, measure: Measure) -> bool {
    row(industry).is_some_and(|r| r.uses(measure))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yuan_become_wan_yuan_by_moving_the_point_or_by_dividing() {
        let wan = |yuan: Decimal| in_ten_thousands(yuan, Decimal::from(10_000));
        // 35,000,000.00 yuan is 3,500 万元.
        assert_eq!(wan(Decimal::new(3_500_000_000, 2)), Decimal::from(3_500));
        // 25 decimals cannot take 4 more: divided instead, still exact.
        assert_eq!(wan(Decimal::new(50_000, 25)), Decimal::new(5, 25));
    }
}
