//! Leaf parsers: a raw JSON value in, a typed value or an [`IssueKind`] out.
//!
//! Forms send text, files may send numbers; both are accepted where the
//! meaning is unambiguous. Binary floating-point numbers never become money.

use std::borrow::Cow;

use rust_decimal::Decimal;
use serde_json::Value;

use super::IssueKind;
use crate::application::{CalendarDate, Named};

/// The longest free text a field takes, in characters.
pub const MAX_TEXT_CHARS: usize = 200;
/// Integer digits of the largest amount of yuan accepted (below 10¹⁵).
const MAX_MONEY_DIGITS: usize = 15;
/// The largest count of persons accepted.
const MAX_COUNT: u64 = 100_000_000;
/// Decimals a monthly average may carry.
pub const MAX_AVERAGE_DECIMALS: u32 = 6;

/// `s.trim()`, with a shortcut for the usual case of text that starts and
/// ends with a printable ASCII character.
pub fn trimmed(s: &str) -> &str {
    if may_need_trim(s) {
        s.trim()
    } else {
        s
    }
}

/// Whether `s` may start or end with white space: `false` (no scan) when
/// its first and last characters are printable ASCII or CJK, as in nearly
/// every cell.
fn may_need_trim(s: &str) -> bool {
    // A character led by 0xE4 to 0xF4 (U+4000 and up: CJK among them) is
    // never white space; Unicode's white space above ASCII is led by 0xC2,
    // 0xE1, 0xE2 or 0xE3.
    let plain = |b: Option<&u8>| {
        b.is_some_and(|&b| {
            (b.is_ascii() && !matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r')) || b >= 0xE4
        })
    };
    let bytes = s.as_bytes();
    // The lead byte of the last character (at most 4 bytes back).
    let last = bytes.iter().rev().take(4).find(|&&b| b & 0xC0 != 0x80);
    !(plain(bytes.first()) && plain(last))
}

/// Required text, trimmed.
pub fn text(value: &Value) -> Result<String, IssueKind> {
    text_ref(value).map(str::to_owned)
}

/// Required text, trimmed, borrowed from the value (no copy).
pub fn text_ref(value: &Value) -> Result<&str, IssueKind> {
    match value {
        Value::Null => Err(IssueKind::Required),
        Value::String(s) => {
            let trimmed = trimmed(s);
            if trimmed.is_empty() {
                Err(IssueKind::Required)
            // A string of at most MAX_TEXT_CHARS bytes has at most as many
            // characters: count only longer ones.
            } else if s.len() > MAX_TEXT_CHARS && s.chars().count() > MAX_TEXT_CHARS {
                Err(IssueKind::TooLong {
                    max: MAX_TEXT_CHARS,
                })
            } else {
                Ok(trimmed)
            }
        }
        _ => Err(IssueKind::NotText),
    }
}

/// Required free text (a name, a bank, a signatory, a policy id),
/// trimmed: as [`text_ref`], and without control or bidirectional
/// formatting characters ([`crate::controls`]), which no such field needs
/// and which can make a name read as another.
pub fn free_text_ref(value: &Value) -> Result<&str, IssueKind> {
    let text = text_ref(value)?;
    match crate::controls::first_control(text) {
        Some((position, found)) => Err(IssueKind::TextControl { found, position }),
        None => Ok(text),
    }
}

/// [`free_text_ref`], owned.
pub fn free_text(value: &Value) -> Result<String, IssueKind> {
    free_text_ref(value).map(str::to_owned)
}

/// A required `true`/`false`.
pub fn flag(value: &Value) -> Result<bool, IssueKind> {
    match value {
        Value::Null => Err(IssueKind::Required),
        Value::Bool(b) => Ok(*b),
        _ => Err(IssueKind::NotFlag),
    }
}

/// A required choice among the names of `T`.
pub fn choice<T: Named>(value: &Value) -> Result<T, IssueKind> {
    let unknown = || IssueKind::NotChoice {
        allowed: T::names(),
    };
    match value {
        Value::Null => Err(IssueKind::Required),
        Value::String(s) if trimmed(s).is_empty() => Err(IssueKind::Required),
        Value::String(s) => T::from_name(trimmed(s)).ok_or_else(unknown),
        _ => Err(unknown()),
    }
}

/// Is `value` missing or blank?
pub fn is_blank(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(s) => trimmed(s).is_empty(),
        _ => false,
    }
}

/// Yuan: a decimal string with at most 2 decimals, or a whole JSON number.
pub fn money(value: &Value) -> Result<Decimal, IssueKind> {
    let text: Cow<str> = match value {
        Value::Null => return Err(IssueKind::Required),
        Value::String(s) if trimmed(s).is_empty() => return Err(IssueKind::Required),
        Value::Number(n) if n.is_u64() || n.is_i64() => n.to_string().into(),
        Value::Number(_) => return Err(IssueKind::MoneyFractionNumber),
        Value::String(s) => {
            let s = trimmed(s);
            // The usual cell: plain digits with up to 2 decimals.
            if let Some(d) = plain_fast(s, MAX_MONEY_DIGITS, 2) {
                return d.ok_or(IssueKind::MoneyFormat);
            }
            s.into()
        }
        _ => return Err(IssueKind::MoneyFormat),
    };
    let (negative, digits) = split_sign(&text);
    let (whole, fraction) = plain_decimal(digits).ok_or(IssueKind::MoneyFormat)?;
    if negative {
        return Err(IssueKind::MoneyNegative);
    }
    if fraction.len() > 2 {
        return Err(IssueKind::MoneyTooManyDecimals);
    }
    if whole.trim_start_matches('0').len() > MAX_MONEY_DIGITS {
        return Err(IssueKind::MoneyTooLarge);
    }
    exact_decimal(whole, fraction).ok_or(IssueKind::MoneyFormat)
}

/// A non-negative whole number: a JSON integer or a string of digits.
pub fn count(value: &Value) -> Result<u64, IssueKind> {
    let text = match value {
        Value::Null => return Err(IssueKind::Required),
        Value::String(s) if trimmed(s).is_empty() => return Err(IssueKind::Required),
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(v), _) => return bounded(v),
            (None, Some(_)) => return Err(IssueKind::CountNegative),
            (None, None) => return Err(IssueKind::CountFormat),
        },
        Value::String(s) => trimmed(s),
        _ => return Err(IssueKind::CountFormat),
    };
    // The usual cell: at most 12 ASCII digits, nothing else.
    if text.len() <= 12 && text.bytes().all(|b| b.is_ascii_digit()) {
        let v = text.bytes().fold(0u64, |v, b| v * 10 + u64::from(b - b'0'));
        return bounded(v);
    }
    let (negative, digits) = split_sign(text);
    let (whole, fraction) = plain_decimal(digits).ok_or(IssueKind::CountFormat)?;
    if !fraction.is_empty() {
        return Err(IssueKind::CountFormat);
    }
    if negative && whole.bytes().any(|b| b != b'0') {
        return Err(IssueKind::CountNegative);
    }
    // ASCII digits, checked above: the parse fails only past u64.
    whole
        .parse::<u64>()
        .map_err(|_| IssueKind::CountTooLarge)
        .and_then(bounded)
}

fn bounded(v: u64) -> Result<u64, IssueKind> {
    if v > MAX_COUNT {
        Err(IssueKind::CountTooLarge)
    } else {
        Ok(v)
    }
}

/// A non-negative decimal string (a whole JSON number is also accepted).
pub fn decimal(value: &Value, max_decimals: u32) -> Result<Decimal, IssueKind> {
    let text: Cow<str> = match value {
        Value::Null => return Err(IssueKind::Required),
        Value::String(s) if trimmed(s).is_empty() => return Err(IssueKind::Required),
        Value::Number(n) if n.is_u64() || n.is_i64() => n.to_string().into(),
        Value::Number(_) => return Err(IssueKind::MoneyFractionNumber),
        Value::String(s) => {
            let s = trimmed(s);
            // The usual cell: plain digits with few enough decimals.
            if let Some(d) = plain_fast(s, 12, max_decimals as usize) {
                return d.ok_or(IssueKind::DecimalFormat);
            }
            s.into()
        }
        _ => return Err(IssueKind::DecimalFormat),
    };
    let (negative, digits) = split_sign(&text);
    let (whole, fraction) = plain_decimal(digits).ok_or(IssueKind::DecimalFormat)?;
    if negative {
        return Err(IssueKind::CountNegative);
    }
    if fraction.len() > max_decimals as usize {
        return Err(IssueKind::DecimalTooManyDecimals { max: max_decimals });
    }
    if whole.trim_start_matches('0').len() > 12 {
        return Err(IssueKind::CountTooLarge);
    }
    exact_decimal(whole, fraction).ok_or(IssueKind::DecimalFormat)
}

/// A shortcut for the usual text of [`money`] and [`decimal`]: `digits`
/// or `digits.digits` in ASCII with at most `max_whole` whole digits and
/// 1 to `max_fraction` decimals. `None`: not such text, take the full path
/// (which gives the same value for this text, and the issue for any other).
fn plain_fast(text: &str, max_whole: usize, max_fraction: usize) -> Option<Option<Decimal>> {
    let b = text.as_bytes();
    let dot = b.iter().position(|&c| c == b'.').unwrap_or(b.len());
    let fraction = b.get(dot + 1..).unwrap_or(&[]);
    if dot == 0
        || dot > max_whole
        || (dot < b.len() && fraction.is_empty())
        || fraction.len() > max_fraction
        || dot + fraction.len() > 19
    {
        return None;
    }
    let mut mantissa: u64 = 0;
    for &c in b[..dot].iter().chain(fraction) {
        if !c.is_ascii_digit() {
            return None;
        }
        mantissa = mantissa * 10 + u64::from(c - b'0');
    }
    // At most 19 digits: the mantissa fits 64 bits and the scale is ≤ 19,
    // so these parts are the decimal exactly (as `exact_decimal` makes it).
    let scale = fraction.len() as u32;
    Some(Some(Decimal::from_parts(
        mantissa as u32,
        (mantissa >> 32) as u32,
        0,
        false,
        scale,
    )))
}

/// The decimal `whole.fraction` from ASCII digits already checked by
/// [`plain_decimal`], with the scale the text shows (as `Decimal::from_str`
/// gives: `"1.50"` has scale 2). `None` past 28 decimals or 96 bits.
fn exact_decimal(whole: &str, fraction: &str) -> Option<Decimal> {
    let scale = u32::try_from(fraction.len()).ok()?;
    let significant = whole.trim_start_matches('0');
    if significant.len() + fraction.len() <= 19 {
        // Fits a u64: the usual case, without 128-bit arithmetic.
        let mut mantissa: u64 = 0;
        for b in significant.bytes().chain(fraction.bytes()) {
            mantissa = mantissa * 10 + u64::from(b - b'0');
        }
        return Decimal::try_from_i128_with_scale(i128::from(mantissa), scale).ok();
    }
    let mut mantissa: i128 = 0;
    for b in whole
        .trim_start_matches('0')
        .bytes()
        .chain(fraction.bytes())
    {
        mantissa = mantissa
            .checked_mul(10)?
            .checked_add(i128::from(b - b'0'))?;
    }
    Decimal::try_from_i128_with_scale(mantissa, scale).ok()
}

/// A `YYYY-MM-DD` date that exists.
pub fn date(value: &Value) -> Result<CalendarDate, IssueKind> {
    match value {
        Value::Null => Err(IssueKind::Required),
        Value::String(s) if trimmed(s).is_empty() => Err(IssueKind::Required),
        Value::String(s) => date_text(trimmed(s)),
        _ => Err(IssueKind::DateFormat),
    }
}

/// A `YYYY-MM-DD` text that is a date that exists.
pub fn date_text(s: &str) -> Result<CalendarDate, IssueKind> {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() != 10
        || b[4] != b'-'
        || b[7] != b'-'
        || !digits(0..4)
        || !digits(5..7)
        || !digits(8..10)
    {
        return Err(IssueKind::DateFormat);
    }
    // ASCII digits, checked above: no parser needed.
    let num =
        |r: std::ops::Range<usize>| b[r].iter().fold(0u16, |n, &d| n * 10 + u16::from(d - b'0'));
    let (year, month, day) = (num(0..4), num(5..7), num(8..10));
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return Err(IssueKind::DateInvalid);
    }
    // month ≤ 12 and day ≤ 31 were checked just above.
    Ok(CalendarDate {
        year,
        month: month as u8,
        day: day as u8,
    })
}

fn days_in_month(year: u16, month: u16) -> u16 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// Splits off one leading `-`. A `+`, or nothing after the `-`, is left
/// for [`plain_decimal`] to refuse.
fn split_sign(text: &str) -> (bool, &str) {
    match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    }
}

/// `digits[.digits]` in ASCII, split into whole and fraction parts.
fn plain_decimal(text: &str) -> Option<(&str, &str)> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let ascii_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let well_formed = !whole.is_empty()
        && ascii_digits(whole)
        && ascii_digits(fraction)
        && !(text.contains('.') && fraction.is_empty());
    well_formed.then_some((whole, fraction))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn money_accepts_plain_yuan_and_whole_numbers() {
        assert_eq!(money(&json!("123456.78")), Ok(Decimal::new(12345678, 2)));
        assert_eq!(money(&json!(" 100 ")), Ok(Decimal::from(100)));
        assert_eq!(money(&json!(100)), Ok(Decimal::from(100)));
        assert_eq!(money(&json!("0.5")), Ok(Decimal::new(5, 1)));
    }

    #[test]
    fn money_rejects_what_is_not_yuan() {
        assert_eq!(money(&json!(1.5)), Err(IssueKind::MoneyFractionNumber));
        assert_eq!(money(&json!("1.005")), Err(IssueKind::MoneyTooManyDecimals));
        assert_eq!(money(&json!("-1")), Err(IssueKind::MoneyNegative));
        assert_eq!(money(&json!("-0")), Err(IssueKind::MoneyNegative));
        assert_eq!(money(&json!(-5)), Err(IssueKind::MoneyNegative));
        assert_eq!(money(&json!("1,000")), Err(IssueKind::MoneyFormat));
        assert_eq!(money(&json!("１００")), Err(IssueKind::MoneyFormat));
        assert_eq!(money(&json!("1e5")), Err(IssueKind::MoneyFormat));
        assert_eq!(money(&json!("1.")), Err(IssueKind::MoneyFormat));
        assert_eq!(money(&json!(".5")), Err(IssueKind::MoneyFormat));
        assert_eq!(
            money(&json!("1000000000000000")),
            Err(IssueKind::MoneyTooLarge)
        );
        assert_eq!(money(&json!(null)), Err(IssueKind::Required));
        assert_eq!(money(&json!(true)), Err(IssueKind::MoneyFormat));
    }

    #[test]
    fn counts_are_whole_and_non_negative() {
        assert_eq!(count(&json!(12)), Ok(12));
        assert_eq!(count(&json!("12")), Ok(12));
        assert_eq!(count(&json!(-1)), Err(IssueKind::CountNegative));
        assert_eq!(count(&json!("-1")), Err(IssueKind::CountNegative));
        assert_eq!(count(&json!("-0")), Ok(0));
        assert_eq!(count(&json!(1.5)), Err(IssueKind::CountFormat));
        assert_eq!(count(&json!("1.5")), Err(IssueKind::CountFormat));
        assert_eq!(
            count(&json!("99999999999999999999")),
            Err(IssueKind::CountTooLarge)
        );
    }

    #[test]
    fn blank_is_required_not_malformed() {
        for blank in [json!(""), json!("  "), json!(null)] {
            assert_eq!(money(&blank), Err(IssueKind::Required));
            assert_eq!(count(&blank), Err(IssueKind::Required));
            assert_eq!(decimal(&blank, 6), Err(IssueKind::Required));
            assert_eq!(date(&blank), Err(IssueKind::Required));
        }
    }

    #[test]
    fn exact_decimals_are_what_decimal_parsing_gives() {
        use std::str::FromStr;
        for text in [
            "0",
            "00",
            "007",
            "1.5",
            "1.50",
            "0.01",
            "000.10",
            "999999999999999.99",
            "123456789012.123456",
            "0.000001",
            "100",
        ] {
            let (whole, fraction) = plain_decimal(text).unwrap();
            let ours = exact_decimal(whole, fraction).unwrap();
            let theirs = Decimal::from_str(text).unwrap();
            assert_eq!(ours, theirs, "{text}");
            assert_eq!(ours.scale(), theirs.scale(), "{text}");
            assert_eq!(ours.to_string(), theirs.to_string(), "{text}");
        }
        // Beyond 96 bits: refused rather than wrapped.
        assert_eq!(exact_decimal("99999999999999999999999999999999", ""), None);
        assert_eq!(
            exact_decimal("9999999999999999999", ""),
            Decimal::from_str("9999999999999999999").ok()
        );
        assert_eq!(
            exact_decimal("99999999999999999999", "5"),
            Decimal::from_str("99999999999999999999.5").ok()
        );
        for text in [
            " a",
            "a ",
            "\u{3000}a",
            "a\u{0B}",
            "\u{85}x",
            "ab",
            "",
            " ",
            "苏州",
            "苏州\u{3000}",
            "\u{3000}苏州",
            "苏州\u{2028}",
            "\u{a0}苏州\u{a0}",
            "苏州\u{1680}",
            "\u{205F}x",
            "x\u{202F}",
            "𝔸",
            " 𝔸 ",
            "é",
        ] {
            assert_eq!(trimmed(text), text.trim(), "{text:?}");
        }
    }

    #[test]
    fn the_shortcut_gives_what_the_full_path_gives() {
        use std::str::FromStr;
        for text in [
            "0",
            "00",
            "7",
            "0.5",
            "1.50",
            "0.01",
            "000.10",
            "12345678.9",
            "999999999999999.99",
            "100",
            " 42.42 ",
            "123456789012.123456",
            "0.000001",
            "1234567890123",
        ] {
            let theirs = Decimal::from_str(text.trim()).unwrap();
            for ours in [money(&json!(text)), decimal(&json!(text), 6)]
                .into_iter()
                .flatten()
            {
                assert_eq!(ours, theirs, "{text}");
                assert_eq!(ours.scale(), theirs.scale(), "{text}");
                assert_eq!(ours.to_string(), theirs.to_string(), "{text}");
            }
        }
        assert_eq!(money(&json!("0.5")), Ok(Decimal::new(5, 1)));
        assert_eq!(decimal(&json!("0.000001"), 6), Ok(Decimal::new(1, 6)));
        assert_eq!(
            decimal(&json!("1.0000001"), 6),
            Err(IssueKind::DecimalTooManyDecimals { max: 6 })
        );
        assert_eq!(
            money(&json!("1234567890123456")),
            Err(IssueKind::MoneyTooLarge)
        );
        assert_eq!(count(&json!("000000000000000001")), Ok(1));
        assert_eq!(count(&json!("100000001")), Err(IssueKind::CountTooLarge));
    }

    /// Trimming's shortcut: text that starts and ends with a printable
    /// ASCII or CJK character is returned as it is, without a scan.
    #[test]
    fn usual_text_skips_the_trim() {
        for text in [
            "a",
            "ab",
            "a b",
            "苏州",
            "a苏",
            "苏a",
            "苏州 有限公司",
            "a @",
            "𝔸",
            "a𝔸",
        ] {
            assert!(!may_need_trim(text), "{text:?}");
        }
        for text in [
            "",
            " a",
            "a ",
            "\ta",
            "a\n",
            "\u{3000}苏",
            "苏\u{3000}",
            "a\u{a0}",
            "é",
            "aé",
        ] {
            assert!(may_need_trim(text), "{text:?}");
        }
    }

    /// The shortcut's contract, beyond giving the full path's value: it
    /// answers for every usual cell (so a sheet of them never takes the
    /// slow path) and for nothing else.
    #[test]
    fn the_shortcut_takes_exactly_the_usual_cells() {
        use std::str::FromStr;
        let taken = |text: &str, whole: usize, fraction: usize| {
            let d = plain_fast(text, whole, fraction)
                .unwrap_or_else(|| panic!("{text} should take the shortcut"))
                .unwrap_or_else(|| panic!("{text} is a number"));
            let theirs = Decimal::from_str(text).unwrap();
            assert_eq!((d, d.scale()), (theirs, theirs.scale()), "{text}");
        };
        // Money: 1 to 15 whole digits, none or 1 to 2 decimals.
        for text in [
            "0",
            "7",
            "1.5",
            "1.50",
            "0.01",
            "123456789012345",
            "999999999999999.99",
            "4294967296.01",
        ] {
            taken(text, MAX_MONEY_DIGITS, 2);
        }
        // Up to 19 digits in all: the mantissa still fits 64 bits.
        taken("123456789012.1234567", 12, 7);
        taken("1234567890123456789", 19, 0);
        taken("18446744073.70955161", 11, 8);
        for (text, whole, fraction) in [
            ("1234567890123456", MAX_MONEY_DIGITS, 2),
            ("1.505", MAX_MONEY_DIGITS, 2),
            ("1.", MAX_MONEY_DIGITS, 2),
            (".5", MAX_MONEY_DIGITS, 2),
            ("", MAX_MONEY_DIGITS, 2),
            ("1a", MAX_MONEY_DIGITS, 2),
            ("1.a", MAX_MONEY_DIGITS, 2),
            ("a.1", MAX_MONEY_DIGITS, 2),
            ("1.2.3", MAX_MONEY_DIGITS, 2),
            ("-1", MAX_MONEY_DIGITS, 2),
            ("1234567890123.1234567", 13, 7),
            ("12345678901234567890", 20, 0),
        ] {
            assert_eq!(plain_fast(text, whole, fraction), None, "{text:?}");
        }
    }

    #[test]
    fn dates_must_exist() {
        assert!(date(&json!("2024-02-29")).is_ok());
        assert_eq!(date(&json!("2023-02-29")), Err(IssueKind::DateInvalid));
        assert_eq!(date(&json!("2023-13-01")), Err(IssueKind::DateInvalid));
        assert_eq!(date(&json!("2023-1-1")), Err(IssueKind::DateFormat));
        assert_eq!(date(&json!("２０２３-01-01")), Err(IssueKind::DateFormat));
    }

    #[test]
    fn months_have_their_calendar_lengths() {
        let day = |s: &str| date(&json!(s));
        for valid in [
            "2023-01-31",
            "2023-04-30",
            "2023-12-31",
            "2000-02-29",
            "2024-02-29",
        ] {
            let d = day(valid).unwrap_or_else(|e| panic!("{valid}: {e:?}"));
            assert_eq!(format!("{:04}-{:02}-{:02}", d.year, d.month, d.day), valid);
        }
        // April, June, September and November have 30 days; February 28,
        // or 29 in a year divisible by 4 but not by 100, or by 400.
        for invalid in [
            "2023-04-31",
            "2023-06-31",
            "2023-09-31",
            "2023-11-31",
            "2023-02-29",
            "1900-02-29",
            "2100-02-29",
            "2023-01-00",
            "2023-00-10",
            "2023-01-32",
        ] {
            assert_eq!(day(invalid), Err(IssueKind::DateInvalid), "{invalid}");
        }
    }

    #[test]
    fn a_date_is_written_yyyy_mm_dd_in_ascii_digits() {
        for text in [
            "202a-01-01",
            "2023-0a-01",
            "2023-01-0a",
            "2023/01-01",
            "2023-01/01",
            "2023-01-011",
            "2023-01-1",
            "2023.01.01",
        ] {
            assert_eq!(date(&json!(text)), Err(IssueKind::DateFormat), "{text}");
        }
        assert_eq!(date(&json!(20230101)), Err(IssueKind::DateFormat));
        assert_eq!(date(&json!(" 2023-01-01 ")).map(|d| d.day), Ok(1));
    }

    #[test]
    fn blank_is_required_for_every_kind_of_answer() {
        for blank in [json!(null), json!(""), json!(" \u{3000}")] {
            assert_eq!(text(&blank), Err(IssueKind::Required), "{blank}");
            assert_eq!(
                choice::<crate::application::UnitType>(&blank),
                Err(IssueKind::Required),
                "{blank}"
            );
            assert!(is_blank(&blank), "{blank}");
        }
        assert_eq!(flag(&json!(null)), Err(IssueKind::Required));
        assert_eq!(flag(&json!("true")), Err(IssueKind::NotFlag));
        assert_eq!(flag(&json!(true)), Ok(true));
        assert_eq!(flag(&json!(false)), Ok(false));
        assert_eq!(text(&json!(5)), Err(IssueKind::NotText));
        assert_eq!(text(&json!(" 苏州 ")), Ok("苏州".to_owned()));
        for given in [json!("a"), json!(0), json!(false), json!([])] {
            assert!(!is_blank(&given), "{given}");
        }
    }

    #[test]
    fn text_is_at_most_200_characters_not_bytes() {
        let chars = |n: usize, c: &str| c.repeat(n);
        assert_eq!(text(&json!(chars(200, "a"))).map(|t| t.len()), Ok(200));
        // 200 characters of three bytes each: 600 bytes, still 200 characters.
        assert_eq!(
            text(&json!(chars(200, "苏"))).map(|t| t.chars().count()),
            Ok(200)
        );
        for long in [chars(201, "a"), chars(201, "苏")] {
            assert_eq!(
                text(&json!(long)),
                Err(IssueKind::TooLong {
                    max: MAX_TEXT_CHARS
                })
            );
        }
    }

    #[test]
    fn leading_zeros_do_not_count_toward_the_digit_limits() {
        // Past the shortcut (more than 15 or 12 characters before the point),
        // the limits apply to significant digits and the decimals still count.
        assert_eq!(
            money(&json!("0999999999999999.99")),
            Ok(Decimal::new(99999999999999999, 2))
        );
        assert_eq!(
            money(&json!("0000000000000012.34")),
            Ok(Decimal::new(1234, 2))
        );
        assert_eq!(
            money(&json!("0000000000000012.345")),
            Err(IssueKind::MoneyTooManyDecimals)
        );
        assert_eq!(
            decimal(&json!("0999999999999.5"), 6),
            Ok(Decimal::new(9999999999995, 1))
        );
        assert_eq!(
            decimal(&json!("09999999999999"), 6),
            Err(IssueKind::CountTooLarge)
        );
        assert_eq!(
            decimal(&json!("0000000000001.123456"), 6),
            Ok(Decimal::new(1123456, 6))
        );
        assert_eq!(
            decimal(&json!("0000000000001.1234567"), 6),
            Err(IssueKind::DecimalTooManyDecimals { max: 6 })
        );
        assert_eq!(count(&json!("0000000000000100000000")), Ok(100_000_000));
        assert_eq!(
            count(&json!("0000000000000100000001")),
            Err(IssueKind::CountTooLarge)
        );
    }

    #[test]
    fn a_decimal_is_text_or_a_whole_json_number() {
        assert_eq!(decimal(&json!(12), 6), Ok(Decimal::from(12)));
        assert_eq!(decimal(&json!(1.5), 6), Err(IssueKind::MoneyFractionNumber));
        assert_eq!(decimal(&json!(-5), 6), Err(IssueKind::CountNegative));
        assert_eq!(decimal(&json!("-1.5"), 6), Err(IssueKind::CountNegative));
        assert_eq!(decimal(&json!("+1.5"), 6), Err(IssueKind::DecimalFormat));
        assert_eq!(decimal(&json!("-"), 6), Err(IssueKind::DecimalFormat));
        assert_eq!(decimal(&json!(true), 6), Err(IssueKind::DecimalFormat));
        assert_eq!(money(&json!("+1")), Err(IssueKind::MoneyFormat));
        assert_eq!(money(&json!("-")), Err(IssueKind::MoneyFormat));
        assert_eq!(count(&json!("+1")), Err(IssueKind::CountFormat));
        assert_eq!(count(&json!("-")), Err(IssueKind::CountFormat));
        assert_eq!(count(&json!(true)), Err(IssueKind::CountFormat));
        assert_eq!(count(&json!(100_000_000)), Ok(100_000_000));
        assert_eq!(count(&json!(100_000_001)), Err(IssueKind::CountTooLarge));
    }
}
