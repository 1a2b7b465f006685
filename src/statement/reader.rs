//! The reader: the text's records, then its header (or the four columns
//! of a statement without one), then one row a month (the rules are in
//! the module's notes, `statement/mod.rs`).

use rust_decimal::Decimal;

use super::cells::{self, Record, Separator};
use super::header::{self, Meaning, Role};
use super::period::{self, PeriodError};
use super::{
    figure, Columns, FigureProblem, RowCells, SkipReason, SkippedLine, SourceColumn, Statement,
    StatementError, StatementRow,
};
use crate::validate::tidy::half_width;

/// A year's rows.
const MONTHS: usize = 12;
/// The cell text an error quotes back, at most.
const QUOTED_CHARS: usize = 40;

pub fn read(text: &str, data_year: Option<u16>) -> Result<Statement, StatementError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let separator = cells::separator(text);
    let mut records = cells::records(text, separator);
    let mut skipped = Vec::new();
    // The header, or the first row of a statement without one.
    let (layout, first) = loop {
        let Some(record) = records.next() else {
            return Err(match skipped.first() {
                Some(SkippedLine { line, .. }) => StatementError::HeaderUnknown { line: *line },
                None => StatementError::Empty,
            });
        };
        let mut record = record?;
        if record.is_blank() {
            continue;
        }
        if let Some(layout) = Layout::headed(&record)? {
            break (layout, None);
        }
        if is_title(&record) {
            skipped.push(SkippedLine {
                line: record.line,
                reason: SkipReason::Title,
            });
            continue;
        }
        if !record
            .cells
            .iter()
            .any(|c| half_width(c).bytes().any(|b| b.is_ascii_digit()))
        {
            return Err(StatementError::HeaderUnknown { line: record.line });
        }
        // Up to the last cell filled: three columns and an empty fourth
        // are three columns.
        record.trim_end(0);
        if record.cells.len() != Layout::FOUR.len() {
            return Err(StatementError::HeaderlessColumns {
                line: record.line,
                found: record.cells.len(),
            });
        }
        break (Layout::headerless(), Some(record));
    };
    let first_line = first.as_ref().map(|r| r.line);
    let mut reading = Reading {
        layout,
        separator,
        data_year,
        rows: Vec::new(),
        first_year: None,
        totals: Vec::new(),
        skipped,
    };
    for record in first.into_iter().map(Ok).chain(records) {
        reading.record(record?)?;
    }
    reading.finish(first_line)
}

/// Which cell holds what.
struct Layout {
    /// The header's line and its headings (trimmed), when there is one.
    header: Option<(usize, Vec<String>)>,
    /// Cells a row has.
    width: usize,
    month: usize,
    insured: usize,
    due: Option<usize>,
    paid: usize,
    insurance: Option<usize>,
    /// A 年度 column.
    year: Option<usize>,
}

impl Layout {
    /// The columns of a statement without a header, in order.
    const FOUR: [Role; 4] = [Role::Month, Role::Insured, Role::Due, Role::Paid];

    fn headerless() -> Layout {
        Layout {
            header: None,
            width: Self::FOUR.len(),
            month: 0,
            insured: 1,
            due: Some(2),
            paid: 3,
            insurance: None,
            year: None,
        }
    }

    /// The layout a header gives; `None` when the record names no column.
    fn headed(record: &Record) -> Result<Option<Layout>, StatementError> {
        let meanings: Vec<Option<Meaning>> =
            record.cells.iter().map(|c| header::meaning(c)).collect();
        if meanings.iter().all(Option::is_none) {
            return Ok(None);
        }
        let line = record.line;
        let columns = |role: Role| -> Vec<usize> {
            (0..meanings.len())
                .filter(
                    |&i| matches!(meanings[i], Some(Meaning::Column { role: r, .. }) if r == role),
                )
                .collect()
        };
        let any = |m: Meaning| meanings.contains(&Some(m));
        let mut found = [None; 6];
        let roles = [
            Role::Month,
            Role::Insured,
            Role::Due,
            Role::Paid,
            Role::Insurance,
            Role::Year,
        ];
        for (slot, role) in found.iter_mut().zip(roles) {
            match columns(role).as_slice() {
                [] => {}
                [i] => *slot = Some(*i),
                [first, second, ..] => {
                    return Err(StatementError::ColumnTwice {
                        line,
                        role,
                        first: first + 1,
                        second: second + 1,
                    })
                }
            }
        }
        let [month, insured, due, paid, insurance, year] = found;
        for (role, column) in [
            (Role::Insured, insured),
            (Role::Due, due),
            (Role::Paid, paid),
        ] {
            let Some(i) = column else { continue };
            let unemployment = matches!(
                meanings[i],
                Some(Meaning::Column {
                    unemployment: true,
                    ..
                })
            );
            if !unemployment && any(Meaning::OtherInsurance(role)) {
                return Err(StatementError::ColumnNotUnemployment {
                    line,
                    column: i + 1,
                    role,
                });
            }
        }
        for (role, column) in [(Role::Due, due), (Role::Paid, paid)] {
            if column.is_none() && any(Meaning::Share(role)) {
                return Err(StatementError::SharesOnly { line, role });
            }
        }
        let (Some(month), Some(insured), Some(paid)) = (month, insured, paid) else {
            let roles = [
                (Role::Month, month),
                (Role::Insured, insured),
                (Role::Paid, paid),
            ]
            .into_iter()
            .filter(|(_, c)| c.is_none())
            .map(|(role, _)| role)
            .collect();
            return Err(StatementError::MissingColumns { line, roles });
        };
        let mut headings: Vec<String> = record.cells.iter().map(|c| c.trim().to_owned()).collect();
        while headings.last().is_some_and(String::is_empty) {
            headings.pop();
        }
        Ok(Some(Layout {
            width: headings.len(),
            header: Some((line, headings)),
            month,
            insured,
            due,
            paid,
            insurance,
            year,
        }))
    }

    /// The columns read, by index.
    fn mapped(&self) -> [Option<usize>; 6] {
        [
            Some(self.month),
            Some(self.insured),
            self.due,
            Some(self.paid),
            self.insurance,
            self.year,
        ]
    }

    fn column(&self, index: usize) -> SourceColumn {
        SourceColumn {
            index: index + 1,
            heading: self
                .header
                .as_ref()
                .and_then(|(_, h)| h.get(index))
                .cloned(),
        }
    }

    fn columns(&self) -> Columns {
        let mapped = self.mapped();
        let ignored = match &self.header {
            Some((_, headings)) => (0..self.width)
                .filter(|i| !mapped.contains(&Some(*i)))
                .filter(|&i| headings.get(i).is_some_and(|h| !h.is_empty()))
                .map(|i| self.column(i))
                .collect(),
            None => Vec::new(),
        };
        Columns {
            month: self.column(self.month),
            insured: self.column(self.insured),
            due: self.due.map(|i| self.column(i)),
            paid: self.column(self.paid),
            insurance: self.insurance.map(|i| self.column(i)),
            year: self.year.map(|i| self.column(i)),
            ignored,
        }
    }
}

/// The rows being read.
struct Reading {
    layout: Layout,
    separator: Separator,
    data_year: Option<u16>,
    rows: Vec<StatementRow>,
    /// The first year a row gave (its period or 年度), and its line.
    first_year: Option<(u16, usize)>,
    totals: Vec<Record>,
    skipped: Vec<SkippedLine>,
}

impl Reading {
    /// One record after the header.
    fn record(&mut self, mut record: Record) -> Result<(), StatementError> {
        if record.is_blank() {
            return Ok(());
        }
        let line = record.line;
        let Reading {
            layout,
            separator,
            data_year,
            rows,
            first_year,
            totals,
            skipped,
        } = self;
        let mut skip = |reason| skipped.push(SkippedLine { line, reason });
        record.trim_end(layout.width);
        match &layout.header {
            Some((_, headings)) => {
                let same = |a: &String, b: &String| header::normalise(a) == header::normalise(b);
                let mut cells = record.cells.clone();
                while cells.last().is_some_and(|c| c.trim().is_empty()) {
                    cells.pop();
                }
                if cells.len() == headings.len()
                    && cells.iter().zip(headings).all(|(a, b)| same(a, b))
                {
                    skip(SkipReason::RepeatedHeader);
                    return Ok(());
                }
            }
            None => {
                if record.cells.iter().any(|c| header::meaning(c).is_some()) {
                    return Err(StatementError::HeaderNotFirst { line });
                }
            }
        }
        let found = record.cells.len();
        let short_of_ignored_only = *separator == Separator::Spaces
            && found < layout.width
            && layout.mapped().iter().flatten().all(|&i| i < found);
        if found != layout.width && !short_of_ignored_only {
            return Err(StatementError::CellCount {
                line,
                found,
                expected: layout.width,
            });
        }
        let cell = |i: usize| record.cells.get(i).map_or("", |c| c.trim());
        if is_total(cell(layout.month))
            || (cell(layout.month).is_empty()
                && (0..found)
                    .filter(|i| !layout.mapped().contains(&Some(*i)))
                    .any(|i| is_total(cell(i))))
        {
            skip(SkipReason::Total);
            totals.push(record);
            return Ok(());
        }
        if let Some(i) = layout.insurance {
            match insurance(cell(i)) {
                Insurance::Unemployment => {}
                Insurance::Other => {
                    skip(SkipReason::OtherInsurance);
                    return Ok(());
                }
                Insurance::Unknown => {
                    return Err(StatementError::InsuranceUnknown {
                        line,
                        column: i + 1,
                        text: quoted(cell(i)),
                    })
                }
            }
        }
        // No figure at all: a month not filled in yet, or a note in an
        // ignored column. Nothing to read (the month is then missing).
        let figures = [Some(layout.insured), layout.due, Some(layout.paid)];
        if figures.iter().flatten().all(|&i| cell(i).is_empty()) {
            skip(SkipReason::NoFigures);
            return Ok(());
        }
        if rows.len() == MONTHS {
            return Err(StatementError::TooManyRows { line });
        }
        let column = layout.month + 1;
        let period = period::parse(cell(layout.month)).map_err(|e| match e {
            PeriodError::Format => StatementError::MonthFormat {
                line,
                column,
                text: quoted(cell(layout.month)),
            },
            PeriodError::Range { month } => StatementError::MonthRange {
                line,
                column,
                month,
            },
        })?;
        let year_column = match layout.year {
            Some(i) => Some((
                year_of(cell(i)).ok_or_else(|| StatementError::YearFormat {
                    line,
                    column: i + 1,
                    text: quoted(cell(i)),
                })?,
                i + 1,
            )),
            None => None,
        };
        // The period's year, then the 年度 column's: each must be the data
        // year and the first row's.
        for (year, column) in [period.year.map(|y| (y, column)), year_column]
            .into_iter()
            .flatten()
        {
            if let Some(data_year) = data_year.filter(|&d| d != year) {
                return Err(StatementError::YearMismatch {
                    line,
                    column,
                    year,
                    data_year,
                });
            }
            match *first_year {
                Some((first_year, first_line)) if first_year != year => {
                    return Err(StatementError::MixedYears {
                        line,
                        column,
                        year,
                        first_year,
                        first_line,
                    })
                }
                Some(_) => {}
                None => *first_year = Some((year, line)),
            }
        }
        if let Some(earlier) = rows.iter().find(|r| r.month == period.month) {
            return Err(StatementError::MonthTwice {
                line,
                month: period.month,
                first_line: earlier.line,
            });
        }
        let figure_error = |i: usize, role: Role| {
            move |problem: FigureProblem| StatementError::Figure {
                line,
                column: i + 1,
                role,
                text: quoted(cell(i)),
                problem,
            }
        };
        let insured = figure::count(cell(layout.insured))
            .map_err(figure_error(layout.insured, Role::Insured))?;
        let due = match layout.due {
            Some(i) => Some(figure::money(cell(i)).map_err(figure_error(i, Role::Due))?),
            None => None,
        };
        let paid =
            figure::money(cell(layout.paid)).map_err(figure_error(layout.paid, Role::Paid))?;
        let cells = RowCells {
            month: cell(layout.month).to_owned(),
            insured: cell(layout.insured).to_owned(),
            due: layout.due.map(|i| cell(i).to_owned()),
            paid: cell(layout.paid).to_owned(),
        };
        rows.push(StatementRow {
            line,
            month: period.month,
            insured,
            due,
            paid,
            cells,
        });
        Ok(())
    }

    /// The statement, once every record is read: the totals checked, the
    /// rows in month order.
    fn finish(mut self, first_line: Option<usize>) -> Result<Statement, StatementError> {
        if self.rows.is_empty() {
            let line = match &self.layout.header {
                Some((line, _)) => *line,
                None => first_line.unwrap_or(0),
            };
            return Err(StatementError::NoRows { line });
        }
        for total in &self.totals {
            for (role, column) in [
                (Role::Due, self.layout.due),
                (Role::Paid, Some(self.layout.paid)),
            ] {
                let Some(i) = column else { continue };
                let text = total.cells.get(i).map_or("", |c| c.trim());
                if text.is_empty() {
                    continue;
                }
                let given = figure::money(text).map_err(|problem| StatementError::Figure {
                    line: total.line,
                    column: i + 1,
                    role,
                    text: quoted(text),
                    problem,
                })?;
                let sum = self.rows.iter().fold(Decimal::ZERO, |sum, r| {
                    let figure = if role == Role::Due {
                        r.due
                    } else {
                        Some(r.paid)
                    };
                    sum.saturating_add(figure.unwrap_or_default())
                });
                if given != sum {
                    return Err(StatementError::TotalMismatch {
                        line: total.line,
                        column: i + 1,
                        role,
                        total: given,
                        sum,
                    });
                }
            }
        }
        self.rows.sort_by_key(|r| r.month);
        let missing_months = (1..=MONTHS as u8)
            .filter(|m| !self.rows.iter().any(|r| r.month == *m))
            .collect();
        self.skipped.sort_by_key(|s| s.line);
        Ok(Statement {
            columns: self.layout.columns(),
            separator: self.separator,
            header_line: self.layout.header.as_ref().map(|(line, _)| *line),
            year: self.first_year.map(|(year, _)| year),
            missing_months,
            skipped: self.skipped,
            rows: self.rows,
        })
    }
}

/// A title above the header or the rows: at most two cells, the first
/// neither a month nor a number (`2025年度参保缴费明细`, `单位名称：…`).
fn is_title(record: &Record) -> bool {
    let first = record
        .cells
        .iter()
        .map(|c| c.trim())
        .find(|c| !c.is_empty());
    record.filled() <= 2
        && first
            .is_some_and(|c| period::parse(c).is_err() && figure::money(c).is_err() && !is_total(c))
}

/// A 年度 cell: four digits, with 年 or 年度 after them or not.
fn year_of(cell: &str) -> Option<u16> {
    let half = half_width(cell);
    let s = half.trim();
    let s = s
        .strip_suffix("年度")
        .or_else(|| s.strip_suffix('年'))
        .unwrap_or(s);
    let year: u16 = s.parse().ok()?;
    (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) && (1900..=2100).contains(&year))
        .then_some(year)
}

/// 合计 / 总计 / total (a total row's label).
fn is_total(cell: &str) -> bool {
    let s = header::normalise(cell);
    matches!(s.as_str(), "合计" | "总计" | "total")
}

enum Insurance {
    Unemployment,
    Other,
    Unknown,
}

/// What a 险种 cell names.
fn insurance(cell: &str) -> Insurance {
    const OTHERS: [&str; 7] = ["养老", "医疗", "医保", "工伤", "生育", "大病", "公积金"];
    let s = half_width(cell);
    let unemployment = s.contains("失业");
    let other = OTHERS.iter().any(|o| s.contains(o));
    match (unemployment, other) {
        (true, false) => Insurance::Unemployment,
        (false, true) => Insurance::Other,
        // None named, or more than one.
        _ => Insurance::Unknown,
    }
}

/// A cell as an error quotes it: trimmed, at most [`QUOTED_CHARS`].
fn quoted(cell: &str) -> String {
    let cell = cell.trim();
    match cell.char_indices().nth(QUOTED_CHARS) {
        Some((end, _)) => format!("{}…", &cell[..end]),
        None => cell.to_owned(),
    }
}
