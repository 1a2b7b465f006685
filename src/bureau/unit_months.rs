//! 单位月度缴费 — unit months in long form, one row per unit and month, as
//! a SQL group-by over person-month contribution records gives them
//! (`sql/unit_months.sql`): `credit_code, [year,] month, insured, due,
//! paid`. Joined to the unit register by credit code, each unit's rows
//! become its `insured.months`, from which the engine derives the year's
//! figures exactly as for an application's monthly records.
//!
//! Nothing is dropped in silence: bad rows, rows of another year, a month
//! given twice, units with months missing, and months of units not in the
//! register are each counted, the first ones named by line.

use std::collections::HashMap;
use std::fmt;
use std::sync::atomic::{AtomicBool, Ordering};

use rust_decimal::Decimal;
use serde_json::{json, Value};

use crate::validate::{fields, IssueKind};

/// The most problems kept with their line (the rest are counted).
const NAMED_PROBLEMS: usize = 100;

/// The columns by their names, in English and Chinese; `year` is optional.
const COLUMNS: [(Column, &[&str]); 6] = [
    (Column::Code, &["credit_code", "统一社会信用代码"]),
    (Column::Year, &["year", "年度", "年份"]),
    (Column::Month, &["month", "月份"]),
    (Column::Insured, &["insured", "参保人数"]),
    (Column::Due, &["due", "应缴", "应缴金额"]),
    (Column::Paid, &["paid", "实缴", "实缴金额"]),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Code,
    Year,
    Month,
    Insured,
    Due,
    Paid,
}

impl Column {
    fn name(self) -> &'static str {
        COLUMNS
            .iter()
            .find(|(c, _)| *c == self)
            .map_or("", |(_, names)| names[0])
    }
}

/// One month of one unit, typed (amounts in fen, so a province's year
/// fits in memory).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct MonthFigures {
    month: u8,
    insured: u64,
    due_fen: i64,
    paid_fen: i64,
}

#[derive(Debug)]
struct UnitEntry {
    months: Vec<MonthFigures>,
    /// Joined to a unit of the register.
    used: AtomicBool,
}

/// Something in the months file that was not taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MonthsProblem {
    /// A cell that does not read (the column and the engine's issue code).
    Bad {
        line: u64,
        column: &'static str,
        code: &'static str,
    },
    /// A row of another year than the data year.
    OtherYear { line: u64, year: u64 },
    /// A unit's month given again; the first row stands.
    Doubled { line: u64, first: u64 },
}

impl fmt::Display for MonthsProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MonthsProblem::Bad { line, column, code } => write!(
                f,
                "第 {line} 行：{column} 无法读取（{code}），该行未采用 / line {line}: {column} does not read ({code}); row left out"
            ),
            MonthsProblem::OtherYear { line, year } => write!(
                f,
                "第 {line} 行：{year} 年不是数据年度，未采用 / line {line}: {year} is not the data year; left out"
            ),
            MonthsProblem::Doubled { line, first } => write!(
                f,
                "第 {line} 行：该单位该月已在第 {first} 行给出，未采用 / line {line}: this unit's month is already on line {first}; left out"
            ),
        }
    }
}

/// Counts over the months file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MonthsCounts {
    /// Rows read (blank ones aside).
    pub rows: u64,
    /// Rows taken.
    pub taken: u64,
    /// Rows with a cell that does not read.
    pub bad: u64,
    /// Rows of another year than the data year.
    pub other_year: u64,
    /// A unit's month given again.
    pub doubled: u64,
    /// Units with rows taken.
    pub units: u64,
    /// Of those, units with fewer than twelve months.
    pub incomplete_units: u64,
}

/// A months file that cannot be read at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingColumns(pub Vec<&'static str>);

impl fmt::Display for MissingColumns {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "月度文件缺少列 / the months file lacks the column(s): {}",
            self.0.join(", ")
        )
    }
}

impl std::error::Error for MissingColumns {}

/// Unit months, read and indexed by credit code.
#[derive(Debug)]
pub struct UnitMonths {
    data_year: u16,
    by_code: HashMap<String, UnitEntry>,
    pub counts: MonthsCounts,
    /// The first problems, with their lines ([`MonthsCounts`] has them all).
    pub problems: Vec<MonthsProblem>,
}

impl UnitMonths {
    /// Reads unit months for `data_year` from a header and rows (each
    /// row's 1-based line and cells).
    pub fn from_rows<I, R, C>(
        data_year: u16,
        header: &[&str],
        rows: I,
    ) -> Result<UnitMonths, MissingColumns>
    where
        I: IntoIterator<Item = (u64, R)>,
        R: AsRef<[C]>,
        C: AsRef<str>,
    {
        let at = |column: Column| {
            let names = COLUMNS.iter().find(|(c, _)| *c == column)?.1;
            header
                .iter()
                .position(|h| names.contains(&h.trim().trim_start_matches('\u{feff}')))
        };
        let required = [
            Column::Code,
            Column::Month,
            Column::Insured,
            Column::Due,
            Column::Paid,
        ];
        let missing: Vec<&'static str> = required
            .iter()
            .filter(|c| at(**c).is_none())
            .map(|c| c.name())
            .collect();
        if !missing.is_empty() {
            return Err(MissingColumns(missing));
        }
        let place = |c| at(c).unwrap_or(usize::MAX);
        let (code_at, year_at, month_at) =
            (place(Column::Code), at(Column::Year), place(Column::Month));
        let (insured_at, due_at, paid_at) = (
            place(Column::Insured),
            place(Column::Due),
            place(Column::Paid),
        );
        let mut months = UnitMonths {
            data_year,
            by_code: HashMap::new(),
            counts: MonthsCounts::default(),
            problems: Vec::new(),
        };
        // Where each unit's month first came from, for doubled rows.
        let mut first_line: HashMap<(String, u8), u64> = HashMap::new();
        for (line, row) in rows {
            let cells = row.as_ref();
            let cell = |i: usize| cells.get(i).map_or("", |c| c.as_ref().trim());
            if cells.iter().all(|c| c.as_ref().trim().is_empty()) {
                continue;
            }
            months.counts.rows += 1;
            let read = |column: Column, i: usize, parse: fn(&Value) -> Result<u64, IssueKind>| {
                parse(&Value::String(cell(i).to_owned())).map_err(|issue| MonthsProblem::Bad {
                    line,
                    column: column.name(),
                    code: issue.code(),
                })
            };
            let money = |column: Column, i: usize| {
                fields::money(&Value::String(cell(i).to_owned()))
                    .map_err(|issue| issue.code())
                    .and_then(|yuan| fen(yuan).ok_or("money.too_large"))
                    .map_err(|code| MonthsProblem::Bad {
                        line,
                        column: column.name(),
                        code,
                    })
            };
            let parsed = (|| {
                let code = cell(code_at).to_ascii_uppercase();
                if code.is_empty() {
                    return Err(MonthsProblem::Bad {
                        line,
                        column: Column::Code.name(),
                        code: IssueKind::Required.code(),
                    });
                }
                if let Some(i) = year_at {
                    let year = read(Column::Year, i, fields::count)?;
                    if year != u64::from(data_year) {
                        return Err(MonthsProblem::OtherYear { line, year });
                    }
                }
                let month = read(Column::Month, month_at, fields::count)?;
                let month = u8::try_from(month)
                    .ok()
                    .filter(|m| (1..=12).contains(m))
                    .ok_or(MonthsProblem::Bad {
                        line,
                        column: Column::Month.name(),
                        code: IssueKind::MonthOutOfRange.code(),
                    })?;
                let figures = MonthFigures {
                    month,
                    insured: read(Column::Insured, insured_at, fields::count)?,
                    due_fen: money(Column::Due, due_at)?,
                    paid_fen: money(Column::Paid, paid_at)?,
                };
                Ok((code, figures))
            })();
            let (code, figures) = match parsed {
                Ok(taken) => taken,
                Err(problem) => {
                    match problem {
                        MonthsProblem::OtherYear { .. } => months.counts.other_year += 1,
                        _ => months.counts.bad += 1,
                    }
                    months.note(problem);
                    continue;
                }
            };
            if let Some(first) = first_line.insert((code.clone(), figures.month), line) {
                // The first row stands.
                first_line.insert((code, figures.month), first);
                months.counts.doubled += 1;
                months.note(MonthsProblem::Doubled { line, first });
                continue;
            }
            months.counts.taken += 1;
            months
                .by_code
                .entry(code)
                .or_insert_with(|| UnitEntry {
                    months: Vec::with_capacity(12),
                    used: AtomicBool::new(false),
                })
                .months
                .push(figures);
        }
        months.counts.units = months.by_code.len() as u64;
        months.counts.incomplete_units = months
            .by_code
            .values()
            .filter(|u| u.months.len() < 12)
            .count() as u64;
        for unit in months.by_code.values_mut() {
            unit.months.sort_by_key(|m| m.month);
        }
        Ok(months)
    }

    fn note(&mut self, problem: MonthsProblem) {
        if self.problems.len() < NAMED_PROBLEMS {
            self.problems.push(problem);
        }
    }

    /// The data year the rows were read for.
    pub fn data_year(&self) -> u16 {
        self.data_year
    }

    /// A unit's months as `insured.months` takes them (month order), and
    /// the unit marked as joined; `None` when the file has none for it.
    pub fn months_of(&self, credit_code: &str) -> Option<Value> {
        let code = credit_code.trim();
        let entry = match self.by_code.get(code) {
            Some(entry) => entry,
            None => self.by_code.get(&code.to_ascii_uppercase())?,
        };
        entry.used.store(true, Ordering::Relaxed);
        let rows = entry
            .months
            .iter()
            .map(|m| {
                json!({
                    "month": m.month,
                    "insured": m.insured,
                    "due": yuan(m.due_fen),
                    "paid": yuan(m.paid_fen),
                })
            })
            .collect();
        Some(Value::Array(rows))
    }

    /// Months of units never joined to a unit of the register: how many
    /// units, and how many rows they had.
    pub fn not_in_register(&self) -> (u64, u64) {
        self.by_code
            .values()
            .filter(|u| !u.used.load(Ordering::Relaxed))
            .fold((0, 0), |(units, rows), u| {
                (units + 1, rows + u.months.len() as u64)
            })
    }
}

/// Yuan with at most two decimals as whole fen.
fn fen(yuan: Decimal) -> Option<i64> {
    i64::try_from(yuan.checked_mul(Decimal::ONE_HUNDRED)?.trunc()).ok()
}

/// Whole fen as yuan text with two decimals.
fn yuan(fen: i64) -> String {
    Decimal::new(fen, 2).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: [&str; 6] = ["credit_code", "year", "month", "insured", "due", "paid"];
    const CODE: &str = "91320594MA1MXL2K87";

    fn read(rows: &[[&str; 6]]) -> UnitMonths {
        let lines = (2u64..).zip(rows.iter().map(|r| r.to_vec()));
        UnitMonths::from_rows(2024, &HEADER, lines).unwrap()
    }

    fn year_of(code: &str) -> Vec<[String; 6]> {
        (1..=12)
            .map(|m| {
                [
                    code.to_owned(),
                    "2024".into(),
                    m.to_string(),
                    "120".into(),
                    "7070.00".into(),
                    "7070.00".into(),
                ]
            })
            .collect()
    }

    #[test]
    fn a_units_twelve_months_become_its_monthly_records() {
        let rows = year_of(CODE);
        let refs: Vec<[&str; 6]> = rows
            .iter()
            .map(|r| r.each_ref().map(String::as_str))
            .collect();
        let m = read(&refs);
        assert_eq!(m.counts.taken, 12);
        assert_eq!(m.counts.incomplete_units, 0);
        let months = m.months_of(CODE).unwrap();
        assert_eq!(months.as_array().unwrap().len(), 12);
        assert_eq!(
            months[0],
            json!({"month": 1, "insured": 120, "due": "7070.00", "paid": "7070.00"})
        );
        assert_eq!(m.not_in_register(), (0, 0));
    }

    #[test]
    fn other_years_bad_cells_and_doubled_months_are_counted_and_named() {
        let m = read(&[
            [CODE, "2023", "12", "120", "1.00", "1.00"],
            [CODE, "2024", "13", "120", "1.00", "1.00"],
            [CODE, "2024", "1", "120", "-1.00", "1.00"],
            [CODE, "2024", "1", "120", "1.00", "1.00"],
            [CODE, "2024", "1", "121", "1.00", "1.00"],
            ["", "2024", "2", "1", "1.00", "1.00"],
        ]);
        assert_eq!(m.counts.rows, 6);
        assert_eq!(m.counts.other_year, 1);
        assert_eq!(m.counts.bad, 3);
        assert_eq!(m.counts.doubled, 1);
        assert_eq!(m.counts.taken, 1);
        assert_eq!(m.counts.incomplete_units, 1);
        assert_eq!(
            m.problems,
            vec![
                MonthsProblem::OtherYear {
                    line: 2,
                    year: 2023
                },
                MonthsProblem::Bad {
                    line: 3,
                    column: "month",
                    code: "months.month_range"
                },
                MonthsProblem::Bad {
                    line: 4,
                    column: "due",
                    code: "money.negative"
                },
                MonthsProblem::Doubled { line: 6, first: 5 },
                MonthsProblem::Bad {
                    line: 7,
                    column: "credit_code",
                    code: "required"
                },
            ]
        );
    }

    #[test]
    fn months_of_units_not_in_the_register_are_counted_after_the_join() {
        let rows: Vec<[String; 6]> = year_of(CODE)
            .into_iter()
            .chain(year_of("91110000MA1MXL2K8N"))
            .collect();
        let refs: Vec<[&str; 6]> = rows
            .iter()
            .map(|r| r.each_ref().map(String::as_str))
            .collect();
        let m = read(&refs);
        assert!(m.months_of(&CODE.to_ascii_lowercase()).is_some());
        assert_eq!(m.not_in_register(), (1, 12));
    }

    #[test]
    fn chinese_headers_without_a_year_and_a_missing_column_named() {
        let header = ["统一社会信用代码", "月份", "参保人数", "应缴", "实缴"];
        let rows = [(2u64, vec![CODE, "3", "5", "10.5", "10.50"])];
        let m = UnitMonths::from_rows(2024, &header, rows).unwrap();
        assert_eq!(m.months_of(CODE).unwrap()[0]["due"], json!("10.50"));
        let none: [(u64, Vec<&str>); 0] = [];
        assert_eq!(
            UnitMonths::from_rows(2024, &["credit_code", "month", "insured"], none).err(),
            Some(MissingColumns(vec!["due", "paid"]))
        );
    }
}
