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
    if plain(bytes.first()) && plain(last) {
        s
    } else {
        s.trim()
    }
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
    let (negative, digits) = split_sign(&text).ok_or(IssueKind::MoneyFormat)?;
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
    let (negative, digits) = split_sign(text).ok_or(IssueKind::CountFormat)?;
    let (whole, fraction) = plain_decimal(digits).ok_or(IssueKind::CountFormat)?;
    if !fraction.is_empty() {
        return Err(IssueKind::CountFormat);
    }
    if negative && whole.bytes().any(|b| b != b'0') {
        return Err(IssueKind::CountNegative);
    }
    if whole.trim_start_matches('0').len() > 12 {
        return Err(IssueKind::CountTooLarge);
    }
    whole
        .parse::<u64>()
        .map_err(|_| IssueKind::CountFormat)
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
    let (negative, digits) = split_sign(&text).ok_or(IssueKind::DecimalFormat)?;
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

/// Splits off one leading `-`; `None` for a `+` or an empty number.
fn split_sign(text: &str) -> Option<(bool, &str)> {
    match text.strip_prefix('-') {
        Some(rest) if !rest.is_empty() => Some((true, rest)),
        Some(_) => None,
        None if text.is_empty() || text.starts_with('+') => None,
        None => Some((false, text)),
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

    #[test]
    fn dates_must_exist() {
        assert!(date(&json!("2024-02-29")).is_ok());
        assert_eq!(date(&json!("2023-02-29")), Err(IssueKind::DateInvalid));
        assert_eq!(date(&json!("2023-13-01")), Err(IssueKind::DateInvalid));
        assert_eq!(date(&json!("2023-1-1")), Err(IssueKind::DateFormat));
        assert_eq!(date(&json!("２０２３-01-01")), Err(IssueKind::DateFormat));
    }
}
