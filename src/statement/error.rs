//! Why a statement is refused: one variant a reason, each with the line
//! (1-based, as an editor counts them; a quoted cell's line breaks count)
//! and, where one cell is at fault, its column (1-based, as the cells of
//! the line count: the spreadsheet's column), and a stable code. The words
//! (zh-CN, then English) are in `messages::statement`.

use rust_decimal::Decimal;

use super::Role;

/// A statement the reader cannot map unambiguously.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StatementError {
    /// No line with anything on it.
    Empty,
    /// A header (on `line`) and no monthly row under it.
    NoRows { line: usize },
    /// No header, and not the four columns month, insured, due, paid.
    HeaderlessColumns { line: usize, found: usize },
    /// A line of words that names none of the columns.
    HeaderUnknown { line: usize },
    /// A header after rows already read (rows without a header first).
    HeaderNotFirst { line: usize },
    /// The header names no column for these roles.
    MissingColumns { line: usize, roles: Vec<Role> },
    /// Two columns of the header may both be `role`.
    ColumnTwice {
        line: usize,
        role: Role,
        first: usize,
        second: usize,
    },
    /// A figure's column names no insurance while the sheet has the same
    /// figure of other insurances: it may be their total.
    ColumnNotUnemployment {
        line: usize,
        column: usize,
        role: Role,
    },
    /// Only the unit's and the employees' shares of `role`, no total.
    SharesOnly { line: usize, role: Role },
    /// A row with another number of cells than the header.
    CellCount {
        line: usize,
        found: usize,
        expected: usize,
    },
    /// A quoted cell that never closes.
    UnclosedQuote { line: usize, column: usize },
    /// Text after a cell's closing quote.
    TextAfterQuote { line: usize, column: usize },
    /// A month cell that is not a period (`text`: the cell, trimmed).
    MonthFormat {
        line: usize,
        column: usize,
        text: String,
    },
    /// A month outside 1–12.
    MonthRange {
        line: usize,
        column: usize,
        month: u32,
    },
    /// A 年度 cell that is not a year.
    YearFormat {
        line: usize,
        column: usize,
        text: String,
    },
    /// A period of another year than the data year.
    YearMismatch {
        line: usize,
        column: usize,
        year: u16,
        data_year: u16,
    },
    /// A period of another year than the first row's.
    MixedYears {
        line: usize,
        column: usize,
        year: u16,
        first_year: u16,
        first_line: usize,
    },
    /// A month already read on `first_line`.
    MonthTwice {
        line: usize,
        month: u8,
        first_line: usize,
    },
    /// A thirteenth monthly row.
    TooManyRows { line: usize },
    /// A figure that cannot be read.
    Figure {
        line: usize,
        column: usize,
        role: Role,
        text: String,
        problem: FigureProblem,
    },
    /// A total row (合计) whose figure is not the sum of the rows.
    TotalMismatch {
        line: usize,
        column: usize,
        role: Role,
        total: Decimal,
        sum: Decimal,
    },
    /// A 险种 cell that names no insurance known.
    InsuranceUnknown {
        line: usize,
        column: usize,
        text: String,
    },
}

/// Why a figure cell cannot be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FigureProblem {
    Blank,
    /// Not a number.
    Format,
    /// Thousands separators out of place (`3,22` may be a decimal comma).
    Grouping,
    Negative,
    /// An amount with more than two decimals.
    Decimals,
    /// A count with a fraction.
    NotWhole,
    TooLarge,
}

impl FigureProblem {
    pub const fn code(self) -> &'static str {
        match self {
            FigureProblem::Blank => "statement.figure_blank",
            FigureProblem::Format => "statement.figure_format",
            FigureProblem::Grouping => "statement.figure_grouping",
            FigureProblem::Negative => "statement.figure_negative",
            FigureProblem::Decimals => "statement.figure_decimals",
            FigureProblem::NotWhole => "statement.figure_not_whole",
            FigureProblem::TooLarge => "statement.figure_too_large",
        }
    }
}

impl StatementError {
    /// The stable code (`statement.…`).
    pub fn code(&self) -> &'static str {
        use StatementError::*;
        match self {
            Empty => "statement.empty",
            NoRows { .. } => "statement.no_rows",
            HeaderlessColumns { .. } => "statement.headerless_columns",
            HeaderUnknown { .. } => "statement.header_unknown",
            HeaderNotFirst { .. } => "statement.header_not_first",
            MissingColumns { .. } => "statement.column_missing",
            ColumnTwice { .. } => "statement.column_twice",
            ColumnNotUnemployment { .. } => "statement.column_not_unemployment",
            SharesOnly { .. } => "statement.shares_only",
            CellCount { .. } => "statement.cell_count",
            UnclosedQuote { .. } => "statement.quote_unclosed",
            TextAfterQuote { .. } => "statement.quote_text_after",
            MonthFormat { .. } => "statement.month_format",
            MonthRange { .. } => "statement.month_range",
            YearFormat { .. } => "statement.year_format",
            YearMismatch { .. } => "statement.year_mismatch",
            MixedYears { .. } => "statement.year_mixed",
            MonthTwice { .. } => "statement.month_twice",
            TooManyRows { .. } => "statement.too_many_rows",
            Figure { problem, .. } => problem.code(),
            TotalMismatch { .. } => "statement.total_mismatch",
            InsuranceUnknown { .. } => "statement.insurance_unknown",
        }
    }

    /// The line at fault (1-based); 0 for [`StatementError::Empty`].
    pub fn line(&self) -> usize {
        use StatementError::*;
        match self {
            Empty => 0,
            NoRows { line }
            | HeaderlessColumns { line, .. }
            | HeaderUnknown { line }
            | HeaderNotFirst { line }
            | MissingColumns { line, .. }
            | ColumnTwice { line, .. }
            | ColumnNotUnemployment { line, .. }
            | SharesOnly { line, .. }
            | CellCount { line, .. }
            | UnclosedQuote { line, .. }
            | TextAfterQuote { line, .. }
            | MonthFormat { line, .. }
            | MonthRange { line, .. }
            | YearFormat { line, .. }
            | YearMismatch { line, .. }
            | MixedYears { line, .. }
            | MonthTwice { line, .. }
            | TooManyRows { line }
            | Figure { line, .. }
            | TotalMismatch { line, .. }
            | InsuranceUnknown { line, .. } => *line,
        }
    }

    /// The column at fault (1-based), when one cell is.
    pub fn column(&self) -> Option<usize> {
        use StatementError::*;
        match self {
            ColumnNotUnemployment { column, .. }
            | UnclosedQuote { column, .. }
            | TextAfterQuote { column, .. }
            | MonthFormat { column, .. }
            | MonthRange { column, .. }
            | YearFormat { column, .. }
            | YearMismatch { column, .. }
            | MixedYears { column, .. }
            | Figure { column, .. }
            | TotalMismatch { column, .. }
            | InsuranceUnknown { column, .. } => Some(*column),
            ColumnTwice { second, .. } => Some(*second),
            _ => None,
        }
    }

    /// The row's field at fault, when one is (`insured.months.N.FIELD`).
    pub fn role(&self) -> Option<Role> {
        use StatementError::*;
        match self {
            MonthFormat { .. } | MonthRange { .. } | YearMismatch { .. } | MixedYears { .. } => {
                Some(Role::Month)
            }
            MonthTwice { .. } => Some(Role::Month),
            Figure { role, .. } | TotalMismatch { role, .. } => Some(*role),
            ColumnTwice { role, .. }
            | ColumnNotUnemployment { role, .. }
            | SharesOnly { role, .. } => Some(*role),
            InsuranceUnknown { .. } => Some(Role::Insurance),
            YearFormat { .. } => Some(Role::Year),
            _ => None,
        }
    }
}

impl std::error::Error for StatementError {}
