//! 参保缴费明细 — twelve monthly rows, validated, and the year's figures
//! derived from them (POLICY.md, "Monthly records").
//!
//! The derivations are data, not text: each names the field it fills,
//! the formula (a stable id) and the value. `messages` words them.

use rust_decimal::Decimal;

use super::field::{Field, Months};

/// One month of the statement, validated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthRow {
    /// 1–12.
    pub month: u8,
    /// 参保人数.
    pub insured: u64,
    /// 应缴, yuan (unit and employee shares together); `None` for every
    /// row of a statement without that column (months paid in full then
    /// cannot be derived and are asked).
    pub due: Option<Decimal>,
    /// 实缴, yuan.
    pub paid: Decimal,
}

/// Twelve monthly rows, months 1–12 each once, in month order. Only
/// validation makes one ([`MonthlyRecords::new`] checks the months).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthlyRecords {
    rows: Vec<MonthRow>,
}

/// How a figure is derived from the monthly rows: the stable ids reports
/// and submissions carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Formula {
    /// 年初参保人数 = month 1's count (our reading of 年初 on a monthly
    /// statement; UNCONFIRMED: some places may use the previous December).
    FirstMonth,
    /// 年末参保人数 = month 12's count (as [`Formula::FirstMonth`], UNCONFIRMED).
    LastMonth,
    /// 月平均参保人数 = the sum of the twelve counts ÷ 12.
    Average,
    /// 实际缴纳失业保险费 = the sum of the twelve payments (unit plus
    /// employee); arrears and late fees are still subtracted from it as
    /// their own field.
    SumPaid,
    /// 足额缴费月数 = months whose payment is at least what was due.
    PaidInFull,
}

impl Formula {
    /// Every formula, in the order the fields are asked.
    pub const ALL: [Formula; 5] = [
        Formula::FirstMonth,
        Formula::LastMonth,
        Formula::Average,
        Formula::SumPaid,
        Formula::PaidInFull,
    ];

    /// The stable id.
    pub const fn id(self) -> &'static str {
        match self {
            Formula::FirstMonth => "first_month_insured",
            Formula::LastMonth => "last_month_insured",
            Formula::Average => "sum_insured_div_12",
            Formula::SumPaid => "sum_paid",
            Formula::PaidInFull => "count_paid_at_least_due",
        }
    }

    /// The formula an id names.
    pub fn from_id(id: &str) -> Option<Formula> {
        Formula::ALL.into_iter().find(|f| f.id() == id)
    }

    /// The field the formula fills.
    pub const fn field(self) -> Field {
        match self {
            Formula::FirstMonth => Field::Start,
            Formula::LastMonth => Field::End,
            Formula::Average => Field::MonthlyAverage,
            Formula::SumPaid => Field::PremiumsPaid,
            Formula::PaidInFull => Field::MonthsPaidInFull,
        }
    }

    /// Is the formula what the policy says, rather than our reading of
    /// it? The start and end counts are a documented interpretation.
    pub const fn confirmed(self) -> bool {
        !matches!(self, Formula::FirstMonth | Formula::LastMonth)
    }
}

/// One derived figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Derivation {
    pub formula: Formula,
    /// Exact: a count, yuan, or the average (exact when sum ÷ 12
    /// terminates, else to 28 significant digits; comparisons with it use
    /// the sum, see [`MonthlyRecords::total_insured`]).
    pub value: Decimal,
}

impl MonthlyRecords {
    /// The rows as a year: `None` unless there are twelve, months 1–12
    /// each once (in any order; kept in month order).
    pub fn new(rows: Vec<MonthRow>) -> Option<MonthlyRecords> {
        if rows.len() != Months::ROWS {
            return None;
        }
        // Each row in its month's place: no sort (a sort's code cost the
        // browser's first load 1 KB), and a month twice leaves one empty.
        let mut placed: [Option<MonthRow>; Months::ROWS] = [None; Months::ROWS];
        for row in rows {
            let slot = usize::from(row.month).checked_sub(1)?;
            *placed.get_mut(slot)? = Some(row);
        }
        let rows = placed.into_iter().collect::<Option<Vec<MonthRow>>>()?;
        Some(MonthlyRecords { rows })
    }

    /// Month 1's count.
    pub fn start(&self) -> u64 {
        self.rows.first().map_or(0, |r| r.insured)
    }

    /// Month 12's count.
    pub fn end(&self) -> u64 {
        self.rows.last().map_or(0, |r| r.insured)
    }

    /// The sum of the twelve counts (the average's numerator; the layoff
    /// rate divides by it once, so sum ÷ 12 is never rounded on the way).
    pub fn total_insured(&self) -> u64 {
        self.rows
            .iter()
            .fold(0u64, |sum, r| sum.saturating_add(r.insured))
    }

    /// The sum of the counts ÷ 12.
    pub fn monthly_average(&self) -> Decimal {
        let months = Decimal::from(Months::ROWS as u64);
        Decimal::from(self.total_insured()) / months
    }

    /// The sum of the twelve payments, yuan.
    pub fn premiums_paid(&self) -> Decimal {
        self.rows
            .iter()
            .fold(Decimal::ZERO, |sum, r| sum.saturating_add(r.paid))
    }

    /// Months whose payment covers what was due; `None` when the rows
    /// give no 应缴 (a statement without that column).
    pub fn months_paid_in_full(&self) -> Option<u64> {
        let mut paid_in_full = 0;
        for r in &self.rows {
            if r.paid >= r.due? {
                paid_in_full += 1;
            }
        }
        Some(paid_in_full)
    }

    /// The value of one formula; `None` when the rows cannot give it.
    pub fn value(&self, formula: Formula) -> Option<Decimal> {
        Some(match formula {
            Formula::FirstMonth => Decimal::from(self.start()),
            Formula::LastMonth => Decimal::from(self.end()),
            Formula::Average => self.monthly_average(),
            Formula::SumPaid => self.premiums_paid(),
            Formula::PaidInFull => Decimal::from(self.months_paid_in_full()?),
        })
    }

    /// Every figure the rows give, in field order.
    pub fn derivations(&self) -> Vec<Derivation> {
        Formula::ALL
            .into_iter()
            .filter_map(|formula| {
                Some(Derivation {
                    formula,
                    value: self.value(formula)?,
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(month: u8, insured: u64, due: i64, paid: i64) -> MonthRow {
        MonthRow {
            month,
            insured,
            due: Some(Decimal::new(due, 2)),
            paid: Decimal::new(paid, 2),
        }
    }

    #[test]
    fn a_year_of_rows_in_any_order() {
        let mut rows: Vec<MonthRow> = (1..=12)
            .rev()
            .map(|m| row(m, 100 + u64::from(m), 70_000, 70_000))
            .collect();
        rows[0].paid = Decimal::new(69_999, 2); // December short by 1 分
        let m = MonthlyRecords::new(rows).unwrap();
        assert_eq!(m.start(), 101);
        assert_eq!(m.end(), 112);
        assert_eq!(m.total_insured(), 1278);
        assert_eq!(m.monthly_average(), Decimal::new(1065, 1));
        assert_eq!(m.premiums_paid(), Decimal::new(839_999, 2));
        assert_eq!(m.months_paid_in_full(), Some(11));
        assert_eq!(m.derivations()[2].formula.field(), Field::MonthlyAverage);
    }

    #[test]
    fn without_the_amounts_due_months_paid_in_full_are_not_derived() {
        let rows: Vec<MonthRow> = (1..=12)
            .map(|m| MonthRow {
                due: None,
                ..row(m, 46, 0, 322_000)
            })
            .collect();
        let m = MonthlyRecords::new(rows).unwrap();
        assert_eq!(m.months_paid_in_full(), None);
        assert_eq!(m.premiums_paid(), Decimal::new(3_864_000, 2));
        let derived: Vec<Formula> = m.derivations().iter().map(|d| d.formula).collect();
        assert!(!derived.contains(&Formula::PaidInFull));
        assert_eq!(derived.len(), 4);
    }

    #[test]
    fn not_a_year() {
        let eleven: Vec<MonthRow> = (1..=11).map(|m| row(m, 1, 0, 0)).collect();
        assert!(MonthlyRecords::new(eleven.clone()).is_none());
        let mut twice = eleven;
        twice.push(row(11, 1, 0, 0));
        assert!(MonthlyRecords::new(twice).is_none());
        for f in Formula::ALL {
            assert_eq!(Formula::from_id(f.id()), Some(f));
        }
    }
}
