//! 参保缴费明细 — the monthly records table, row by row, and the year's
//! figures it gives, held against those given.

use rust_decimal::{Decimal, RoundingStrategy};
use serde_json::Value;

use super::{fields, Issue, IssueKind};
use crate::application::field::{Field, MonthColumn, Months};
use crate::application::months::{MonthRow, MonthlyRecords};

/// Rows checked one by one; past these only the row count is reported
/// (a file of a million rows makes one issue, not millions).
const MAX_CHECKED_ROWS: usize = 2 * Months::ROWS;

/// The table as validation found it.
#[derive(Debug, Clone, PartialEq)]
pub enum Table {
    /// Not given: `null`, no rows, or rows with every figure blank (what
    /// an untouched form table or a batch file's empty month columns send).
    NotGiven,
    /// Given, with errors (reported).
    Invalid,
    Valid(MonthlyRecords),
}

impl Table {
    pub fn given(&self) -> bool {
        !matches!(self, Table::NotGiven)
    }

    pub fn records(&self) -> Option<&MonthlyRecords> {
        match self {
            Table::Valid(m) => Some(m),
            _ => None,
        }
    }
}

fn blank_row(row: &Value) -> bool {
    match row {
        Value::Null => true,
        Value::Object(map) => MonthColumn::FIGURES
            .iter()
            .all(|c| map.get(c.key()).is_none_or(fields::is_blank)),
        _ => false,
    }
}

/// Reads the table, pushing an issue for each problem, each naming the
/// row's path (`insured.months.3.paid`: rows count from 1).
pub fn table(issues: &mut Vec<Issue>, value: &Value) -> Table {
    let rows = match value {
        Value::Null => return Table::NotGiven,
        Value::Array(rows) if rows.iter().all(blank_row) => return Table::NotGiven,
        Value::Array(rows) => rows,
        _ => {
            issues.push(Issue::new(Months::PATH, IssueKind::MonthsNotList));
            return Table::Invalid;
        }
    };
    let before = issues.len();
    // A statement without a 应缴 column: every row's due blank. The rows
    // are read without it (months paid in full are then asked); a due
    // blank in some rows only is an error in those.
    let no_due = rows
        .iter()
        .all(|row| row.get(MonthColumn::Due.key()).is_none_or(fields::is_blank));
    let mut seen = [false; Months::ROWS + 1];
    let mut months_readable = true;
    let mut typed = Vec::with_capacity(Months::ROWS);
    for (i, row) in rows.iter().enumerate().take(MAX_CHECKED_ROWS) {
        let n = i + 1;
        // A month with no figure at all (a grid's row left empty, a
        // statement's month not filled in yet) is a month missing, said
        // once for the table, not three cells required.
        if row.is_object() && blank_row(row) {
            continue;
        }
        let Value::Object(map) = row else {
            issues.push(Issue::new(
                Months::path(n, None),
                IssueKind::MonthsRowNotObject,
            ));
            months_readable = false;
            continue;
        };
        let cell = |c: MonthColumn| map.get(c.key()).unwrap_or(&Value::Null);
        let month = take(
            issues,
            n,
            MonthColumn::Month,
            fields::count(cell(MonthColumn::Month)),
        );
        let insured = take(
            issues,
            n,
            MonthColumn::Insured,
            fields::count(cell(MonthColumn::Insured)),
        );
        let due = if no_due {
            Some(None)
        } else {
            take(
                issues,
                n,
                MonthColumn::Due,
                fields::money(cell(MonthColumn::Due)),
            )
            .map(Some)
        };
        let paid = take(
            issues,
            n,
            MonthColumn::Paid,
            fields::money(cell(MonthColumn::Paid)),
        );
        let month = match month {
            Some(m) if (1..=Months::ROWS as u64).contains(&m) => {
                let m = m as u8;
                if std::mem::replace(&mut seen[usize::from(m)], true) {
                    issues.push(Issue::new(
                        Months::path(n, Some(MonthColumn::Month)),
                        IssueKind::MonthDuplicate {
                            month: u64::from(m),
                        },
                    ));
                }
                Some(m)
            }
            Some(_) => {
                issues.push(Issue::new(
                    Months::path(n, Some(MonthColumn::Month)),
                    IssueKind::MonthOutOfRange,
                ));
                months_readable = false;
                None
            }
            None => {
                months_readable = false;
                None
            }
        };
        if let (Some(month), Some(insured), Some(due), Some(paid)) = (month, insured, due, paid) {
            typed.push(MonthRow {
                month,
                insured,
                due,
                paid,
            });
        }
    }
    if rows.len() != Months::ROWS {
        issues.push(Issue::new(
            Months::PATH,
            IssueKind::MonthsRowCount { found: rows.len() },
        ));
    }
    let missing: Vec<u64> = (1..=Months::ROWS as u64)
        .filter(|&m| !seen[m as usize])
        .collect();
    if months_readable && rows.len() <= MAX_CHECKED_ROWS && !missing.is_empty() {
        issues.push(Issue::new(
            Months::PATH,
            IssueKind::MonthsMissing { months: missing },
        ));
    }
    match MonthlyRecords::new(typed) {
        Some(records) if issues.len() == before => Table::Valid(records),
        _ => Table::Invalid,
    }
}

fn take<T>(
    issues: &mut Vec<Issue>,
    row: usize,
    column: MonthColumn,
    result: Result<T, IssueKind>,
) -> Option<T> {
    result
        .map_err(|kind| issues.push(Issue::new(Months::path(row, Some(column)), kind)))
        .ok()
}

/// The monthly average as the field would hold it: the derived value
/// rounded half away from zero to the field's decimals. A given average
/// agrees with the records when it equals the exact sum ÷ 12 or this.
fn average_as_written(derived: Decimal) -> Decimal {
    derived.round_dp_with_strategy(
        fields::MAX_AVERAGE_DECIMALS,
        RoundingStrategy::MidpointAwayFromZero,
    )
}

/// How a year's figure is read when the table may give it.
pub struct Aggregate<'a, T> {
    pub field: Field,
    pub value: &'a Value,
    pub parse: fn(&Value) -> Result<T, IssueKind>,
    /// The figure the table gives, when it is valid.
    pub derived: Option<T>,
}

/// A year's figure: as given, or (left blank beside a table) derived from
/// the table; given beside a valid table, it must agree with it.
pub fn aggregate<T: Copy + PartialEq>(
    issues: &mut Vec<Issue>,
    table: &Table,
    a: Aggregate<'_, T>,
    agree: impl Fn(T, T) -> bool,
    show: impl Fn(T) -> String,
) -> Option<T> {
    if table.given() && fields::is_blank(a.value) {
        // A valid table that cannot give this figure (no 应缴 column:
        // months paid in full): it is asked as if there were no table.
        if a.derived.is_none() && table.records().is_some() {
            issues.push(Issue::new(a.field.path(), IssueKind::Required));
        }
        // Derived, or (the table has errors, already reported) unknown.
        return a.derived;
    }
    let given = (a.parse)(a.value)
        .map_err(|kind| issues.push(Issue::new(a.field.path(), kind)))
        .ok()?;
    match a.derived {
        Some(derived) if agree(given, derived) => Some(derived),
        Some(derived) => {
            issues.push(Issue::new(
                a.field.path(),
                IssueKind::MonthsDisagree {
                    given: show(given),
                    derived: show(derived),
                },
            ));
            Some(given)
        }
        None => Some(given),
    }
}

/// Does a given average agree with the derived one?
pub fn averages_agree(given: Decimal, derived: Decimal) -> bool {
    given == derived || given == average_as_written(derived)
}

/// An average as a message shows it (at most 10 decimals).
pub fn show_average(value: Decimal) -> String {
    crate::figures::ratio(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn rows(n: usize) -> Value {
        Value::Array(
            (1..=n)
                .map(|m| json!({"month": m, "insured": 10, "due": "100.00", "paid": "100.00"}))
                .collect(),
        )
    }

    fn codes(value: &Value) -> (Vec<(String, &'static str)>, bool) {
        let mut issues = Vec::new();
        let t = table(&mut issues, value);
        (
            issues
                .iter()
                .map(|i| (i.field.clone(), i.kind.code()))
                .collect(),
            matches!(t, Table::Valid(_)),
        )
    }

    #[test]
    fn blank_tables_are_not_given() {
        let mut issues = Vec::new();
        for blank in [
            json!(null),
            json!([]),
            json!([{"month": 1, "insured": null, "due": "", "paid": " "}, null]),
        ] {
            assert_eq!(table(&mut issues, &blank), Table::NotGiven, "{blank}");
        }
        assert!(issues.is_empty());
    }

    #[test]
    fn twelve_rows_are_a_year() {
        assert_eq!(codes(&rows(12)), (vec![], true));
    }

    #[test]
    fn each_problem_names_its_row() {
        let (issues, valid) = codes(&rows(13));
        assert!(!valid);
        assert_eq!(
            issues,
            vec![
                ("insured.months.13.month".to_owned(), "months.month_range"),
                ("insured.months".to_owned(), "months.count"),
            ]
        );
        let mut v = rows(12);
        v[3]["month"] = json!(3);
        v[5]["paid"] = json!("-1");
        v[6] = json!("x");
        let (issues, _) = codes(&v);
        assert_eq!(
            issues,
            vec![
                (
                    "insured.months.4.month".to_owned(),
                    "months.month_duplicate"
                ),
                ("insured.months.6.paid".to_owned(), "money.negative"),
                ("insured.months.7".to_owned(), "months.row_type"),
            ]
        );
        let mut v = rows(11);
        v[10]["month"] = json!(12);
        assert_eq!(
            codes(&v).0,
            vec![
                ("insured.months".to_owned(), "months.count"),
                ("insured.months".to_owned(), "months.missing"),
            ]
        );
        assert_eq!(
            codes(&json!({"1": {}})).0,
            vec![("insured.months".to_owned(), "months.type")]
        );
    }

    #[test]
    fn huge_tables_make_few_issues() {
        let v = Value::Array(vec![json!({"month": 99}); 100_000]);
        let (issues, valid) = codes(&v);
        assert!(!valid);
        assert!(issues.len() <= 4 * MAX_CHECKED_ROWS + 2, "{}", issues.len());
    }

    #[test]
    fn the_first_24_rows_are_checked_one_by_one_and_the_rest_only_counted() {
        // Twice a year's rows are read (a year pasted twice is explained
        // row by row); the 25th and later are not.
        let mut v = rows(25);
        v[23]["paid"] = json!("-1");
        v[24]["paid"] = json!("-1");
        let (issues, valid) = codes(&v);
        assert!(!valid);
        assert!(issues.contains(&("insured.months.24.paid".to_owned(), "money.negative")));
        assert!(!issues
            .iter()
            .any(|(field, _)| field.starts_with("insured.months.25")));
        // A year pasted twice without its December: the missing month is
        // named (past 24 rows it would not be).
        let mut v = rows(24);
        for (i, row) in v.as_array_mut().unwrap().iter_mut().enumerate() {
            row["month"] = json!(if i % 12 == 11 { 1 } else { i % 12 + 1 });
        }
        let issues = codes(&v).0;
        assert!(issues.contains(&("insured.months".to_owned(), "months.missing")));
        assert!(issues.contains(&(
            "insured.months.24.month".to_owned(),
            "months.month_duplicate"
        )));
    }

    #[test]
    fn averages_agree_exactly_or_as_the_field_writes_them() {
        let derived = Decimal::from(1234) / Decimal::from(12);
        assert!(averages_agree(Decimal::new(102_833_333, 6), derived));
        assert!(!averages_agree(Decimal::new(10_283, 2), derived));
        assert!(averages_agree(
            Decimal::new(1065, 1),
            Decimal::new(106_500, 3)
        ));
        assert_eq!(show_average(derived), "102.8333333333");
    }
}
