//! 费款所属期 — a statement's month cell: the month, and the year where
//! the cell gives one.
//!
//! Read: `1`, `01`, `1月`, `1月份`, `一月`, `2025-01`, `2025/1`, `2025.01`,
//! `202501`, `2025年1月`, `01/2025`, and a month's first day as a
//! spreadsheet turns `2025-01` into a date (`2025/1/1`, `2025-01-01`,
//! `2025年1月1日`). Full-width digits and spaces anywhere are allowed.
//! Anything else is not a period (never guessed: `2501`, `25年1月`,
//! `2025-01-15` are refused). After a point the month has two digits:
//! a spreadsheet that takes `2025.10` for a number shows it as `2025.1`,
//! which would read as January.

use std::ops::RangeInclusive;

use crate::validate::tidy::half_width;

/// A month of the statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub year: Option<u16>,
    /// 1–12.
    pub month: u8,
}

/// Why a cell is not a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodError {
    /// Not written as a period.
    Format,
    /// Written as a period, with a month outside 1–12.
    Range { month: u32 },
}

/// The years a statement can be of.
const YEARS: RangeInclusive<u16> = 1900..=2100;

/// Reads a month cell.
pub fn parse(text: &str) -> Result<Period, PeriodError> {
    let s: String = half_width(text)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    // `2025年1月1日`: the first day of a month stands for the month.
    let s = match s.strip_suffix('日') {
        Some(rest) => {
            let (month, day) = rest.split_once('月').ok_or(PeriodError::Format)?;
            first_day(day)?;
            format!("{month}月")
        }
        None => s,
    };
    let s = s
        .strip_suffix("月份")
        .map_or(s.clone(), |r| format!("{r}月"));
    if let Some(body) = s.strip_suffix('月') {
        return match body.split_once('年') {
            Some((year, month)) => Ok(Period {
                year: Some(year_of(year)?),
                month: month_of(month)?,
            }),
            None => Ok(Period {
                year: None,
                month: month_of(body)?,
            }),
        };
    }
    if let Some((year, month)) = s.split_once('年') {
        return Ok(Period {
            year: Some(year_of(year)?),
            month: digits_month(month)?,
        });
    }
    if digits(&s) {
        return match s.len() {
            1 | 2 => Ok(Period {
                year: None,
                month: digits_month(&s)?,
            }),
            6 => Ok(Period {
                year: Some(year_of(&s[..4])?),
                month: digits_month(&s[4..])?,
            }),
            _ => Err(PeriodError::Format),
        };
    }
    let separator = ['-', '/', '.']
        .into_iter()
        .find(|&c| s.contains(c))
        .ok_or(PeriodError::Format)?;
    let parts: Vec<&str> = s.split(separator).collect();
    if separator == '.' && parts.get(1).is_some_and(|m| m.len() != 2) {
        return Err(PeriodError::Format);
    }
    match parts.as_slice() {
        [year, month] if year.len() == 4 => Ok(Period {
            year: Some(year_of(year)?),
            month: digits_month(month)?,
        }),
        [month, year] if year.len() == 4 => Ok(Period {
            year: Some(year_of(year)?),
            month: digits_month(month)?,
        }),
        [year, month, day] if year.len() == 4 => {
            first_day(day)?;
            Ok(Period {
                year: Some(year_of(year)?),
                month: digits_month(month)?,
            })
        }
        _ => Err(PeriodError::Format),
    }
}

fn digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// Four digits within [`YEARS`].
fn year_of(s: &str) -> Result<u16, PeriodError> {
    match s.parse::<u16>() {
        Ok(y) if s.len() == 4 && digits(s) && YEARS.contains(&y) => Ok(y),
        _ => Err(PeriodError::Format),
    }
}

/// One or two digits, 1–12.
fn digits_month(s: &str) -> Result<u8, PeriodError> {
    if !digits(s) || s.len() > 2 {
        return Err(PeriodError::Format);
    }
    let month = s.bytes().fold(0u32, |m, b| m * 10 + u32::from(b - b'0'));
    match u8::try_from(month) {
        Ok(m) if (1..=12).contains(&m) => Ok(m),
        _ => Err(PeriodError::Range { month }),
    }
}

/// Digits, or 一 to 十二.
fn month_of(s: &str) -> Result<u8, PeriodError> {
    const NAMES: [&str; 12] = [
        "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二",
    ];
    match NAMES.iter().position(|n| *n == s) {
        Some(i) => Ok(i as u8 + 1),
        None => digits_month(s),
    }
}

/// `1` or `01`: a spreadsheet's date for a month.
fn first_day(s: &str) -> Result<(), PeriodError> {
    match s {
        "1" | "01" => Ok(()),
        _ => Err(PeriodError::Format),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<(Option<u16>, u8), PeriodError> {
        parse(text).map(|p| (p.year, p.month))
    }

    #[test]
    fn periods_as_statements_write_them() {
        for (text, year, month) in [
            ("1", None, 1),
            ("01", None, 1),
            ("12", None, 12),
            ("1月", None, 1),
            ("01月", None, 1),
            ("1月份", None, 1),
            ("十二月", None, 12),
            ("十一月", None, 11),
            ("１２月", None, 12),
            (" 3 ", None, 3),
            ("2025-01", Some(2025), 1),
            ("2025-1", Some(2025), 1),
            ("2025/1", Some(2025), 1),
            ("2025.01", Some(2025), 1),
            ("２０２５．０１", Some(2025), 1),
            ("202501", Some(2025), 1),
            ("202512", Some(2025), 12),
            ("2025年1月", Some(2025), 1),
            ("2025 年 01 月", Some(2025), 1),
            ("2025年1月份", Some(2025), 1),
            ("2025年一月", Some(2025), 1),
            ("2025年1", Some(2025), 1),
            ("01/2025", Some(2025), 1),
            ("2025/1/1", Some(2025), 1),
            ("2025-01-01", Some(2025), 1),
            ("2025年1月1日", Some(2025), 1),
        ] {
            assert_eq!(read(text), Ok((year, month)), "{text:?}");
        }
    }

    #[test]
    fn what_is_not_a_period() {
        for text in [
            "",
            "月",
            "1.5",
            "2501",
            "25年1月",
            "2025-01-15",
            "2025/1/31",
            "1月2日",
            "001",
            "2025",
            "20250101",
            "1899-01",
            "2101-01",
            "2025-",
            "-1",
            "+1",
            "2025-01-01-01",
            "一",
            "一月月",
            "Jan",
            "合计",
            "2025.1",
            "2025.001",
            "1.2025",
        ] {
            assert_eq!(read(text), Err(PeriodError::Format), "{text:?}");
        }
    }

    #[test]
    fn months_outside_the_year() {
        for (text, month) in [
            ("0", 0),
            ("13", 13),
            ("00", 0),
            ("202513", 13),
            ("202500", 0),
            ("2025-13", 13),
            ("13月", 13),
            ("2025年99月", 99),
        ] {
            assert_eq!(read(text), Err(PeriodError::Range { month }), "{text:?}");
        }
    }
}
