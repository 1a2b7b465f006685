//! 参保缴费明细 — a monthly social-insurance statement, as a clerk copies
//! or exports it, read into the rows of `insured.months`, or refused with
//! the reason. One reader for the app, the CLI (`wengang statement`) and
//! the package (`readStatement`).
//!
//! Anything that cannot be mapped unambiguously is refused, never guessed:
//! - **Columns by their headings** (`header.rs`'s table), in any order, in
//!   zh or en; other columns are ignored. Month, insured and paid are
//!   required; without a 应缴 (due) column the rows are read with no due,
//!   and [`Statement::due_given`] says so (months paid in full cannot
//!   then be derived: the caller must say it).
//! - **No header**: only the four columns month, insured, due, paid, in
//!   this order. Three columns without a header are refused (a sheet of
//!   月份 / 参保人数 / 实缴 would otherwise be read as insured, due, paid).
//! - **Periods** (`period.rs`): `1`, `1月`, `01`, `2025-01`, `2025/1`,
//!   `202501`, `2025年1月`, `2025.01` …; a year, where written (in the
//!   period or in a 年度 column), must be the data year (when one is given)
//!   and the same on every row. `2025.1` is refused (a spreadsheet shows
//!   `2025.10` so).
//! - **Cells** (`cells.rs`): tab, comma (RFC 4180 quoting) or runs of
//!   spaces, decided once for the text; full-width digits, thousands
//!   separators in their places, `¥` and 元 / 人 (`figure.rs`). A row has
//!   the header's number of cells (empty ones past it are dropped; with
//!   spaces, where an empty cell cannot be seen, ignored columns at the
//!   end may be missing).
//! - **At most twelve rows**, each month once. Fewer are read (a grid
//!   shows the gaps; validation refuses an incomplete year later):
//!   [`Statement::missing_months`] lists the months without a row.
//! - **Lines skipped, and said so** ([`Statement::skipped`]): blank lines;
//!   title lines above the header (at most two cells, the first neither a
//!   month nor a number); the header repeated (a multi-page export); a total row
//!   (合计 / 总计 / total in the month column, or in an ignored column
//!   beside a blank month), whose due and paid, when given, must be the
//!   sums of the rows (the count's total is not checked: exports give the
//!   sum, the average or nothing); with a 险种 column, the rows of other
//!   insurances (养老、医疗、工伤、生育 …; a 险种 that names none is
//!   refused); a row whose count, due and paid are all blank (a month not
//!   filled in yet, a note in an ignored column: its month is missing).
//!   A row with some figures blank is refused.
//!
//! The rows come out in month order, each with its line and the cells as
//! written, and the columns each field was read from: the app shows how
//! each cell was read. The first problem met is the one reported (a
//! refusal is one reason, with its line and, where one cell is at fault,
//! its column).
//!
//! A byte-order mark is skipped; line ends may be `\r\n`, `\n` or `\r`.
//!
//! The words of errors and notes are in `messages::statement` (which also
//! implements [`StatementError`]'s `message` and `Display`, and
//! [`Statement::notes`]).

mod cells;
mod error;
mod figure;
mod header;
mod period;
mod reader;

use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::{json, Value};

pub use cells::Separator;
pub use error::{FigureProblem, StatementError};
pub use header::Role;

/// Reads a statement's text (as pasted or exported) for the data year
/// `data_year` (none: any one year).
pub fn read_statement(text: &str, data_year: Option<u16>) -> Result<Statement, StatementError> {
    reader::read(text, data_year)
}

/// A statement read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Statement {
    /// One row a month, in month order (at most twelve).
    pub rows: Vec<StatementRow>,
    /// Which column each field was read from.
    pub columns: Columns,
    pub separator: Separator,
    /// The header's line; `None` when there is none (the four columns).
    pub header_line: Option<usize>,
    /// The year the periods give, if any gives one.
    pub year: Option<u16>,
    /// Months 1–12 without a row.
    pub missing_months: Vec<u8>,
    /// Lines with content that gave no row, and why.
    pub skipped: Vec<SkippedLine>,
}

/// One month as read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatementRow {
    /// The line it was read from (1-based).
    pub line: usize,
    /// 1–12.
    pub month: u8,
    /// 参保人数.
    pub insured: u64,
    /// 应缴, yuan, as written (its decimals kept); `None` without a 应缴 column.
    pub due: Option<Decimal>,
    /// 实缴, yuan, as written.
    pub paid: Decimal,
    /// The cells the row was read from, trimmed.
    pub cells: RowCells,
}

/// A row's cells as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RowCells {
    pub month: String,
    pub insured: String,
    pub due: Option<String>,
    pub paid: String,
}

/// Where each field came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Columns {
    pub month: SourceColumn,
    pub insured: SourceColumn,
    /// `None`: the statement has no 应缴 column.
    pub due: Option<SourceColumn>,
    pub paid: SourceColumn,
    /// The 险种 column, when there is one.
    pub insurance: Option<SourceColumn>,
    /// The 年度 column, when there is one (its years are checked as a
    /// period's).
    pub year: Option<SourceColumn>,
    /// Columns not read (单位名称, 备注, shares, other insurances …).
    pub ignored: Vec<SourceColumn>,
}

/// A column of the statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceColumn {
    /// 1-based.
    pub index: usize,
    /// Its heading as written; `None` without a header.
    pub heading: Option<String>,
}

/// A line that gave no row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SkippedLine {
    pub line: usize,
    pub reason: SkipReason,
}

/// Why a line gave no row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SkipReason {
    /// A title above the header (or above the rows).
    Title,
    /// The header again (a multi-page export).
    RepeatedHeader,
    /// A total row (合计), checked against the rows.
    Total,
    /// A row of another insurance (by the 险种 column).
    OtherInsurance,
    /// A row with no figure at all: a month not filled in yet, or a note
    /// in an ignored column (the month, if any, is then missing).
    NoFigures,
}

impl Statement {
    /// Has the statement a 应缴 column? Without it, months paid in full
    /// cannot be derived from the rows.
    pub fn due_given(&self) -> bool {
        self.columns.due.is_some()
    }

    /// The rows as `insured.months` of `wengang.application/1` takes them:
    /// `{"month": 1, "insured": 46, "due": "3220.00", "paid": "3220.00"}`
    /// (month and count as JSON integers, amounts as decimal strings with
    /// the decimals written; `"due": null` without a 应缴 column).
    pub fn months(&self) -> Value {
        Value::Array(
            self.rows
                .iter()
                .map(|r| {
                    json!({
                        "month": r.month,
                        "insured": r.insured,
                        "due": r.due.map(|d| d.to_string()),
                        "paid": r.paid.to_string(),
                    })
                })
                .collect(),
        )
    }
}
