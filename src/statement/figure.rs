//! 金额与人数 — a statement's figure cells: the insured count and the
//! amounts due and paid, read exactly (never through a float).
//!
//! A cell may carry full-width digits and punctuation, thousands
//! separators in their places (`3,220.00`; `3,22` is refused: it may be a
//! decimal comma), a currency sign before an amount and the unit after it
//! (`¥3,220.00 元`, `46 人`). What is left must be what validation takes
//! (`validate::fields::money` and `count`), so the rows read are rows the
//! engine accepts.

use rust_decimal::Decimal;
use serde_json::Value;

use super::FigureProblem;
use crate::validate::tidy::half_width;
use crate::validate::{fields, IssueKind};

/// An insured count (`46`, `1,200`, `４６人`).
pub fn count(text: &str) -> Result<u64, FigureProblem> {
    let half = half_width(text);
    let s = half.trim();
    let s = s.strip_suffix('人').map_or(s, str::trim_end);
    let plain = plain_number(s)?;
    if plain.contains('.') {
        return Err(FigureProblem::NotWhole);
    }
    fields::count(&Value::String(plain)).map_err(problem)
}

/// An amount of yuan (`3220.00`, `3,220.00`, `¥3,220 元`).
pub fn money(text: &str) -> Result<Decimal, FigureProblem> {
    let half = half_width(text);
    let mut s = half.trim();
    for sign in ['¥', '￥'] {
        s = s.strip_prefix(sign).map_or(s, str::trim_start);
    }
    let s = s.strip_suffix('元').map_or(s, str::trim_end);
    fields::money(&Value::String(plain_number(s)?)).map_err(problem)
}

/// The number without its thousands separators, which must stand every
/// three digits of the whole part; any other character but digits, one
/// point and a leading minus is not a number.
fn plain_number(s: &str) -> Result<String, FigureProblem> {
    if s.is_empty() {
        return Err(FigureProblem::Blank);
    }
    let unsigned = s.strip_prefix('-').unwrap_or(s);
    let number_like = unsigned
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b',' || b == b'.');
    if !number_like || !unsigned.bytes().any(|b| b.is_ascii_digit()) {
        return Err(FigureProblem::Format);
    }
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    if whole.contains(',') {
        let mut groups = whole.split(',');
        let first = groups.next().unwrap_or_default();
        let placed = (1..=3).contains(&first.len()) && groups.all(|g| g.len() == 3);
        if !placed {
            return Err(FigureProblem::Grouping);
        }
    }
    if fraction.contains(',') {
        return Err(FigureProblem::Grouping);
    }
    Ok(s.replace(',', ""))
}

fn problem(kind: IssueKind) -> FigureProblem {
    match kind {
        IssueKind::Required => FigureProblem::Blank,
        IssueKind::MoneyNegative | IssueKind::CountNegative => FigureProblem::Negative,
        IssueKind::MoneyTooManyDecimals => FigureProblem::Decimals,
        IssueKind::MoneyTooLarge | IssueKind::CountTooLarge => FigureProblem::TooLarge,
        _ => FigureProblem::Format,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts() {
        for (text, expected) in [
            ("46", Ok(46)),
            (" 46 ", Ok(46)),
            ("1,200", Ok(1200)),
            ("４６", Ok(46)),
            ("４６人", Ok(46)),
            ("46 人", Ok(46)),
            ("１，２００", Ok(1200)),
            ("0", Ok(0)),
            ("", Err(FigureProblem::Blank)),
            ("  ", Err(FigureProblem::Blank)),
            ("人", Err(FigureProblem::Blank)),
            ("46.0", Err(FigureProblem::NotWhole)),
            ("-3", Err(FigureProblem::Negative)),
            ("12,00", Err(FigureProblem::Grouping)),
            ("1,2000", Err(FigureProblem::Grouping)),
            (",200", Err(FigureProblem::Grouping)),
            ("4 6", Err(FigureProblem::Format)),
            ("四十六", Err(FigureProblem::Format)),
            ("1月", Err(FigureProblem::Format)),
            ("-", Err(FigureProblem::Format)),
            ("100000001", Err(FigureProblem::TooLarge)),
        ] {
            assert_eq!(count(text), expected, "{text:?}");
        }
    }

    #[test]
    fn amounts_keep_their_decimals() {
        let ok = |text: &str, expected: &str| {
            let d = money(text).unwrap_or_else(|e| panic!("{text:?}: {e:?}"));
            assert_eq!(d.to_string(), expected, "{text:?}");
        };
        ok("3220.00", "3220.00");
        ok("3,220.00", "3220.00");
        ok("3220", "3220");
        ok("3220.5", "3220.5");
        ok("３，２２０．００", "3220.00");
        ok("¥3,220.00 元", "3220.00");
        ok("￥ 3220元", "3220");
        ok("1,234,567.89", "1234567.89");
        ok("0", "0");
        for (text, expected) in [
            ("", FigureProblem::Blank),
            ("3,22", FigureProblem::Grouping),
            ("3220.00,0", FigureProblem::Grouping),
            ("32,20.00", FigureProblem::Grouping),
            ("3.220,00", FigureProblem::Grouping),
            ("3220.005", FigureProblem::Decimals),
            ("-1.00", FigureProblem::Negative),
            ("1.2.3", FigureProblem::Format),
            ("3 220.00", FigureProblem::Format),
            ("$3220", FigureProblem::Format),
            ("#VALUE!", FigureProblem::Format),
            (".", FigureProblem::Format),
            ("1000000000000000", FigureProblem::TooLarge),
        ] {
            assert_eq!(money(text), Err(expected), "{text:?}");
        }
    }
}
