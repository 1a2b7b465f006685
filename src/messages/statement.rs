//! What the statement reader says: why a statement is refused (each naming
//! its line, and its column where one cell is at fault), and the notes on
//! one read (months without a row, no 应缴 column).

use std::fmt;

use serde_json::{json, Value};

use crate::statement::{FigureProblem, Role, Statement, StatementError};
use crate::text::Lang;

/// A column's name, as a statement heads it.
pub fn role(role: Role, lang: Lang) -> &'static str {
    match (role, lang) {
        (Role::Month, Lang::Zh) => "月份",
        (Role::Insured, Lang::Zh) => "参保人数",
        (Role::Due, Lang::Zh) => "应缴",
        (Role::Paid, Lang::Zh) => "实缴",
        (Role::Insurance, Lang::Zh) => "险种",
        (Role::Year, Lang::Zh) => "年度",
        (Role::Month, Lang::En) => "month",
        (Role::Insured, Lang::En) => "insured count",
        (Role::Due, Lang::En) => "amount due",
        (Role::Paid, Lang::En) => "amount paid",
        (Role::Insurance, Lang::En) => "insurance type",
        (Role::Year, Lang::En) => "year",
    }
}

/// Where: `第 3 行第 2 列` / `Line 3, column 2`.
fn place(line: usize, column: Option<usize>, lang: Lang) -> String {
    match (column, lang) {
        (Some(c), Lang::Zh) => format!("第 {line} 行第 {c} 列"),
        (None, Lang::Zh) => format!("第 {line} 行"),
        (Some(c), Lang::En) => format!("Line {line}, column {c}"),
        (None, Lang::En) => format!("Line {line}"),
    }
}

/// The periods a month cell may be written as.
const PERIODS: &str = "1、1月、01、2025-01、2025/1、2025.01、202501、2025年1月";

fn figure(problem: FigureProblem, text: &str) -> (String, String) {
    match problem {
        FigureProblem::Blank => ("为空，请填写。".into(), "blank; fill it in.".into()),
        FigureProblem::Format => (
            format!("“{text}”不是数字。"),
            format!("“{text}” is not a number."),
        ),
        FigureProblem::Grouping => (
            format!("“{text}”的千位分隔符位置不对（应每三位一个，例如 3,220.00；小数点请用“.”）。"),
            format!("“{text}” has thousands separators out of place (one every three digits, e.g. 3,220.00; the decimal point is “.”)."),
        ),
        FigureProblem::Negative => ("不能为负数。".into(), "cannot be negative.".into()),
        FigureProblem::Decimals => (
            format!("“{text}”超过两位小数（金额到分）。"),
            format!("“{text}” has more than two decimals (amounts are to the fen)."),
        ),
        FigureProblem::NotWhole => (
            format!("“{text}”不是整数（人数应为整数）。"),
            format!("“{text}” is not a whole number (a count of persons)."),
        ),
        FigureProblem::TooLarge => (
            format!("“{text}”过大，请检查是否多输了数字。"),
            format!("“{text}” is too large: check for extra digits."),
        ),
    }
}

impl StatementError {
    /// The message, naming the line (and the column where one cell is at
    /// fault).
    pub fn message(&self, lang: Lang) -> String {
        use StatementError::*;
        let at = place(self.line(), self.column(), lang);
        let (zh, en): (String, String) = match self {
            Empty => (
                "没有可读的内容：请粘贴或选择参保缴费明细。".into(),
                "Nothing to read: paste or choose the statement.".into(),
            ),
            NoRows { .. } => (
                format!("{at}之后没有逐月数据。"),
                format!("{at}: no monthly rows follow."),
            ),
            HeaderlessColumns { found, .. } => (
                format!("{at}有 {found} 列，且没有表头。没有表头时只能读取按 月份、参保人数、应缴、实缴 顺序排列的四列；请连同表头行一起复制。"),
                format!("{at} has {found} columns and there is no header. Without one, only four columns can be read, in the order month, insured count, amount due, amount paid; copy the header row too."),
            ),
            HeaderUnknown { .. } => (
                format!("{at}不是可识别的表头：需要 月份（或 费款所属期、缴费年月）、参保人数、实缴 列，应缴 列可选。"),
                format!("{at} is no header known: the columns month (or period), insured count and amount paid are needed, amount due is optional."),
            ),
            HeaderNotFirst { .. } => (
                format!("{at}像是表头，但它前面已有数据行。请把表头放在数据之前。"),
                format!("{at} looks like a header, but rows come before it; put the header first."),
            ),
            MissingColumns { roles, .. } => {
                let zh: Vec<&str> = roles.iter().map(|r| role(*r, Lang::Zh)).collect();
                let en: Vec<&str> = roles.iter().map(|r| role(*r, Lang::En)).collect();
                (
                    format!("{at}的表头缺少“{}”列。", zh.join("”、“")),
                    format!("{at}: the header has no {} column.", en.join(" or ")),
                )
            }
            ColumnTwice { role: r, first, second, line } => {
                let at = place(*line, None, lang);
                (
                    format!("{at}的表头中第 {first} 列和第 {second} 列都可能是“{}”，无法确定用哪一列：请删去其中一列。", role(*r, Lang::Zh)),
                    format!("{at}: columns {first} and {second} of the header could both be the {}; remove one of them.", role(*r, Lang::En)),
                )
            }
            ColumnNotUnemployment { role: r, .. } => (
                format!("{at}的“{0}”没有注明险种，而表中还有其他险种的“{0}”，它可能是各险种的合计：请保留“失业保险{0}”列。", role(*r, Lang::Zh)),
                format!("{at}: the {0} column names no insurance while other insurances have their own, so it may be their total; keep the unemployment insurance's {0} column.", role(*r, Lang::En)),
            ),
            SharesOnly { role: r, .. } => (
                format!("{at}的表头只有单位和个人分别的“{0}”，没有两者合计的“{0}”列：明细应为单位和个人合计，请加上合计列。", role(*r, Lang::Zh)),
                format!("{at}: the header has only the unit's and the employees' shares of the {0}, no column for both together, which is what is needed; add it.", role(*r, Lang::En)),
            ),
            CellCount { found, expected, .. } => (
                format!("{at}有 {found} 列，而表头有 {expected} 列，无法对应。请检查是否多了或少了分隔符（逗号分隔的文件中，带千位分隔符的金额须加引号，例如 \"3,220.00\"）。"),
                format!("{at} has {found} cells but the header has {expected}, so they cannot be matched. Check for a missing or extra separator (in comma-separated text, an amount with thousands separators must be quoted, e.g. \"3,220.00\")."),
            ),
            UnclosedQuote { .. } => (
                format!("{at}的引号没有闭合。"),
                format!("{at}: a quote is never closed."),
            ),
            TextAfterQuote { .. } => (
                format!("{at}：引号之后、分隔符之前还有文字。"),
                format!("{at}: text after a closing quote."),
            ),
            MonthFormat { text, .. } if text.is_empty() => (
                format!("{at}：月份为空。"),
                format!("{at}: the month is blank."),
            ),
            MonthFormat { text, .. } => (
                format!("{at}：无法识别月份“{text}”（可写作 {PERIODS}）。"),
                format!("{at}: “{text}” is not a month (write it as e.g. 1, 01, 2025-01, 2025/1, 202501 or 2025年1月)."),
            ),
            MonthRange { month, .. } => (
                format!("{at}：月份 {month} 不在 1 到 12 之间。"),
                format!("{at}: month {month} is not between 1 and 12."),
            ),
            YearFormat { text, .. } => (
                format!("{at}：无法识别年度“{text}”（应为四位年份，例如 2025）。"),
                format!("{at}: “{text}” is not a year (four digits, e.g. 2025)."),
            ),
            YearMismatch { year, data_year, .. } => (
                format!("{at}：所属期是 {year} 年，而数据年度是 {data_year} 年，请使用 {data_year} 年的明细。"),
                format!("{at}: the period is in {year}, but the data year is {data_year}; use the statement of {data_year}."),
            ),
            MixedYears { year, first_year, first_line, .. } => (
                format!("{at}：所属期是 {year} 年，而第 {first_line} 行是 {first_year} 年，一份明细只能是同一年度。"),
                format!("{at}: the period is in {year}, but line {first_line} is in {first_year}; a statement covers one year."),
            ),
            MonthTwice { month, first_line, .. } => (
                format!("{at}：{month} 月已在第 {first_line} 行出现过，每个月只能有一行。"),
                format!("{at}: month {month} is already on line {first_line}; each month once."),
            ),
            TooManyRows { .. } => (
                format!("{at}是第 13 行数据，而一年只有 12 个月：请只粘贴一个年度的明细。"),
                format!("{at} is a 13th monthly row, but a year has 12 months; paste one year's statement."),
            ),
            Figure { role: r, text, problem, .. } => {
                let (zh, en) = figure(*problem, text);
                (
                    format!("{at}（{}）：{zh}", role(*r, Lang::Zh)),
                    format!("{at} ({}): {en}", role(*r, Lang::En)),
                )
            }
            TotalMismatch { role: r, total, sum, .. } => (
                format!("{at}：合计行的“{}”为 {total}，而各月相加为 {sum}，两者不一致：请检查是否漏了或多了行。", role(*r, Lang::Zh)),
                format!("{at}: the total row gives the {} as {total}, but the months add up to {sum}; check for a missing or extra row.", role(*r, Lang::En)),
            ),
            InsuranceUnknown { text, .. } => (
                format!("{at}：无法识别险种“{text}”（应为 失业保险，或其他险种的名称）。"),
                format!("{at}: “{text}” names no insurance known (unemployment insurance, or another insurance by name)."),
            ),
        };
        super::reworded(match lang {
            Lang::Zh => zh,
            Lang::En => en,
        })
    }
}

/// zh-CN, then English.
impl fmt::Display for StatementError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} / {}", self.message(Lang::Zh), self.message(Lang::En))
    }
}

/// What a caller must be told about a statement read: `(code, message)`.
impl Statement {
    pub fn notes(&self, lang: Lang) -> Vec<(&'static str, String)> {
        let mut notes = Vec::new();
        if !self.due_given() {
            let (zh, en) = (
                "明细中没有“应缴”列：足额缴费月数无法由明细得出，请另行填写。",
                "The statement has no column of the amounts due: the months paid in full cannot be derived from it; enter them yourself.",
            );
            notes.push((
                "statement.no_due",
                match lang {
                    Lang::Zh => zh.to_owned(),
                    Lang::En => en.to_owned(),
                },
            ));
        }
        if !self.missing_months.is_empty() {
            let list: Vec<String> = self.missing_months.iter().map(u8::to_string).collect();
            notes.push((
                "statement.months_missing",
                match lang {
                    Lang::Zh => format!(
                        "明细中缺少 {} 月，一年应有 12 个月的数据。",
                        list.join("、")
                    ),
                    Lang::En => format!(
                        "The statement has no row for month{} {}; a year needs all 12.",
                        if list.len() > 1 { "s" } else { "" },
                        list.join(", ")
                    ),
                },
            ));
        }
        notes
            .into_iter()
            .map(|(c, m)| (c, super::reworded(m)))
            .collect()
    }
}

/// The statement as the package's `readStatement` gives it: `ok`, the
/// `insured.months` rows (`months`), the rows as read with their lines and
/// cells (`rows`), where each field came from, and the notes in `lang`.
impl Statement {
    pub fn to_json(&self, lang: Lang) -> Value {
        let notes: Vec<Value> = self
            .notes(lang)
            .into_iter()
            .map(|(code, message)| json!({"code": code, "message": message}))
            .collect();
        json!({
            "ok": true,
            "months": self.months(),
            "rows": self.rows,
            "columns": self.columns,
            "separator": self.separator,
            "header_line": self.header_line,
            "year": self.year,
            "missing_months": self.missing_months,
            "due_given": self.due_given(),
            "skipped": self.skipped,
            "notes": notes,
        })
    }
}

/// A refusal as `readStatement` gives it: `ok: false`, the code, the line,
/// the column (or `null`), the field at fault (`month`, `insured`, `due`,
/// `paid`, `insurance`, or `null`) and the message in `lang`.
impl StatementError {
    pub fn to_json(&self, lang: Lang) -> Value {
        json!({
            "ok": false,
            "code": self.code(),
            "line": self.line(),
            "column": self.column(),
            "role": self.role(),
            "message": self.message(lang),
        })
    }
}
