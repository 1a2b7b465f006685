//! The enterprise size table of 工信部联企业〔2011〕300号, as data.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use rust_decimal::Decimal;

use super::Source;
use crate::application::Industry;

const TABLE: &str = include_str!("enterprise_size.json");

/// A figure the table classifies by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Measure {
    /// 从业人员, persons.
    Employees,
    /// 营业收入, 万元.
    Revenue,
    /// 资产总额, 万元.
    Assets,
}

crate::named::named!(Measure {
    Employees => "employees",
    Revenue => "revenue",
    Assets => "assets",
});

/// One row of the table.
#[derive(Debug, Clone, PartialEq)]
pub struct SizeRow {
    pub industries: Vec<Industry>,
    /// The row's name in the standard.
    pub name: String,
    /// SME when *any* of these figures is below its bound.
    pub sme_below_any: BTreeMap<Measure, Decimal>,
    /// Medium when *every* figure reaches its bound.
    pub medium_at_least: BTreeMap<Measure, Decimal>,
    /// Small when *every* figure reaches its bound.
    pub small_at_least: BTreeMap<Measure, Decimal>,
    pub medium_confirmed: bool,
}

impl SizeRow {
    /// Does this row classify by `measure`?
    pub fn uses(&self, measure: Measure) -> bool {
        self.sme_below_any.contains_key(&measure)
            || self.medium_at_least.contains_key(&measure)
            || self.small_at_least.contains_key(&measure)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct SizeTable {
    pub source: Source,
    pub rows: Vec<SizeRow>,
}

impl SizeTable {
    pub fn row(&self, industry: Industry) -> Option<&SizeRow> {
        self.rows.iter().find(|r| r.industries.contains(&industry))
    }
}

/// The table, parsed once; `None` only if the embedded data were broken,
/// which the tests rule out.
pub fn table() -> Option<&'static SizeTable> {
    static PARSED: OnceLock<Option<SizeTable>> = OnceLock::new();
    PARSED
        .get_or_init(|| super::read::from_str(TABLE).ok())
        .as_ref()
}

// Read as every profile is (see `read`); unknown keys (the table's notes)
// are allowed here, as before.
super::read::data_struct!(
    SizeRow {
        industries,
        name,
        sme_below_any,
        medium_at_least,
        small_at_least,
        medium_confirmed
    },
    strict = false
);
super::read::data_struct!(SizeTable { source, rows }, strict = false);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_uses_every_figure_any_of_its_bounds_names() {
        // Each shipped row names the same figures in all three bounds; a
        // row naming one figure in one bound only still asks for it.
        let bound = |m: Measure| BTreeMap::from([(m, Decimal::ONE)]);
        let row = SizeRow {
            industries: Vec::new(),
            name: String::new(),
            sme_below_any: bound(Measure::Employees),
            medium_at_least: bound(Measure::Revenue),
            small_at_least: bound(Measure::Assets),
            medium_confirmed: true,
        };
        assert!(row.uses(Measure::Employees));
        assert!(row.uses(Measure::Revenue));
        assert!(row.uses(Measure::Assets));
        let only_employees = SizeRow {
            medium_at_least: bound(Measure::Employees),
            small_at_least: bound(Measure::Employees),
            ..row
        };
        assert!(!only_employees.uses(Measure::Revenue));
        assert!(!only_employees.uses(Measure::Assets));
    }
}
