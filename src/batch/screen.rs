//! One application screened: [`assess`](crate::assess), as `check` does it
//! but without rendering a report (no messages, no words), and the result
//! row written as CSV straight from the typed decision.

use rust_decimal::Decimal;

use crate::application::RawApplication;
use crate::assessment::Assessment;
use crate::record::ratio_decimal;
use crate::refund::Route;
use crate::validate::fields;

/// The header of the result file.
pub const RESULT_HEADER: &str =
    "line,credit_code,name,valid,eligible,refund,layoff_rate,route,failed_criteria,issues\n";
/// How many columns a result row has.
pub const RESULT_COLUMNS: usize = 10;
/// The header of the reminders file.
pub const REMINDER_HEADER: &str = "credit_code,name,phone,refund\n";

/// The name a route has in reports.
pub fn route_name(route: Route) -> &'static str {
    match route {
        Route::Standard => "standard",
        Route::GovernmentReview => "government_review",
        Route::None => "none",
    }
}

/// The identifying text of a row: credit code, name and phone as given
/// (trimmed), or empty when validation refuses it as text: over-long text
/// ([`fields::MAX_TEXT_CHARS`]) and text with a control character are
/// never copied into the results (the row's issues name the field).
pub fn given(value: &serde_json::Value) -> &str {
    given_in(value, false)
}

/// [`given`] of a row validation found no issue in (`clean`): its text is
/// known to be fit, so it is not scanned again (the usual row).
pub fn given_in(value: &serde_json::Value, clean: bool) -> &str {
    if clean {
        fields::text_ref(value).unwrap_or("")
    } else {
        fields::free_text_ref(value).unwrap_or("")
    }
}

/// Writes one result row: every figure as [`crate::report::check`] reports it.
pub fn write_result(out: &mut Vec<u8>, line: u64, raw: &RawApplication, a: &Assessment) {
    let code = given(raw.applicant.credit_code.raw());
    let name = given(raw.applicant.name.raw());
    write_result_of(out, line, code, name, a);
}

/// [`write_result`] with the credit code and name already read ([`given`]).
pub fn write_result_of(out: &mut Vec<u8>, line: u64, code: &str, name: &str, a: &Assessment) {
    write_decision_fields(out, line, code, name, a);
    write_issues(out, a);
    out.push(b'\n');
}

/// A result row's fields up to the failed criteria, each followed by its
/// comma (a units run adds its own columns after them, before the issues).
pub fn write_decision_fields(out: &mut Vec<u8>, line: u64, code: &str, name: &str, a: &Assessment) {
    push_u64(out, line);
    out.push(b',');
    push_text(out, code);
    out.push(b',');
    push_text(out, name);
    out.extend_from_slice(if a.valid() { b",true," } else { b",false," });
    let d = a.decision.as_ref();
    match d.and_then(|d| d.eligible) {
        Some(true) => out.extend_from_slice(b"true"),
        Some(false) => out.extend_from_slice(b"false"),
        None => {}
    }
    out.push(b',');
    let paid = d.and_then(|d| d.payout());
    if let Some((refund, _)) = paid {
        push_decimal(out, refund);
    }
    out.push(b',');
    if let Some(layoff) = d.and_then(|d| d.layoff.as_ref()) {
        if layoff.rate.is_zero() && !layoff.rate.is_sign_negative() {
            // No layoffs (most rows): what ratio_decimal writes for 0.
            out.push(b'0');
        } else {
            push_decimal(out, ratio_decimal(layoff.rate));
        }
    }
    out.push(b',');
    if let Some((_, route)) = paid {
        out.extend_from_slice(route_name(route).as_bytes());
    }
    out.push(b',');
    let failed = d
        .into_iter()
        .flat_map(|d| d.verdicts())
        .filter(|v| v.passed == Some(false));
    for (i, v) in failed.enumerate() {
        if i > 0 {
            out.push(b';');
        }
        out.extend_from_slice(v.id.as_str().as_bytes());
    }
    out.push(b',');
}

/// The issues column, the last of a result row: a duplicate's mark is
/// appended to it.
pub fn write_issues(out: &mut Vec<u8>, a: &Assessment) {
    for (i, issue) in a.validation.issues.iter().enumerate() {
        if i > 0 {
            out.push(b';');
        }
        // Field paths and codes never need quoting.
        out.extend_from_slice(issue.field.as_bytes());
        out.push(b':');
        out.extend_from_slice(issue.kind.code().as_bytes());
    }
}

/// The refund to remind an enterprise of: a valid, eligible row's.
pub fn reminder_refund(a: &Assessment) -> Option<Decimal> {
    let d = a.decision.as_ref().filter(|_| a.valid())?;
    match d.payout() {
        Some((refund, _)) if d.eligible == Some(true) => Some(refund),
        _ => None,
    }
}

/// Writes the result row of a row that could not be read, under a header
/// of `columns` columns (an application run's or a units run's).
pub fn write_rejected(out: &mut Vec<u8>, line: u64, reason: &str, columns: usize) {
    push_u64(out, line);
    empty_up_to_issues(out, columns);
    push_field(out, &format!("row:malformed ({reason})"));
    out.push(b'\n');
}

/// After a row's first cell: its cells up to the issues (the last one)
/// left empty but `valid`, which says `false`.
fn empty_up_to_issues(out: &mut Vec<u8>, columns: usize) {
    out.extend_from_slice(b",,,false,");
    for _ in 5..columns {
        out.push(b',');
    }
}

/// The issue of the closing row of an incomplete run.
pub const INCOMPLETE: &str = "run:incomplete";

/// Writes the closing row of a run that stopped before the end of its
/// input: no line, not valid, and `run:incomplete (why)` as its issues, so
/// a results file cut short says so in itself.
pub fn write_incomplete(out: &mut Vec<u8>, reason: &str, columns: usize) {
    empty_up_to_issues(out, columns);
    push_field(out, &format!("{INCOMPLETE} ({reason})"));
    out.push(b'\n');
}

/// The closing row of the reminders of an incomplete run: no credit code,
/// and `run:incomplete (why)` where the name goes.
pub fn write_incomplete_reminder(out: &mut Vec<u8>, reason: &str) {
    out.push(b',');
    push_field(out, &format!("{INCOMPLETE} ({reason})"));
    out.extend_from_slice(b",,\n");
}

/// Writes one reminder row: an eligible enterprise to tell.
pub fn write_reminder(out: &mut Vec<u8>, raw: &RawApplication, refund: Decimal) {
    let code = given(raw.applicant.credit_code.raw());
    let name = given(raw.applicant.name.raw());
    write_reminder_of(out, code, name, raw, refund);
}

/// [`write_reminder`] with the credit code and name already read.
pub fn write_reminder_of(
    out: &mut Vec<u8>,
    code: &str,
    name: &str,
    raw: &RawApplication,
    refund: Decimal,
) {
    push_text(out, code);
    out.push(b',');
    push_text(out, name);
    out.push(b',');
    // A reminder is for a valid row: its phone passed validation.
    push_text(out, given_in(raw.contact.phone.raw(), true));
    out.push(b',');
    push_decimal(out, refund);
    out.push(b'\n');
}

/// A text cell of the results or reminders. Text a spreadsheet would run
/// as a formula (`=`, `+`, `-`, `@`, tab or carriage return first) gets a
/// leading `'`, so a hostile name in the input cannot become a formula in
/// the file an officer opens. Text that already begins with `'` gets one
/// too, so reading back is exact: a leading `'` followed by one of these
/// seven characters was added, and only then (`'=2+2` is written
/// `''=2+2` and reads back as `'=2+2`, never as the formula `=2+2`).
pub fn push_text(out: &mut Vec<u8>, text: &str) {
    if matches!(
        text.bytes().next(),
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r' | b'\'')
    ) {
        push_field(out, &format!("'{text}"));
    } else {
        push_field(out, text);
    }
}

/// A CSV field, quoted when it holds a comma, quote or line break.
pub fn push_field(out: &mut Vec<u8>, text: &str) {
    if !maybe_special(text.as_bytes())
        || !text
            .bytes()
            .any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r'))
    {
        out.extend_from_slice(text.as_bytes());
        return;
    }
    out.push(b'"');
    for b in text.bytes() {
        if b == b'"' {
            out.push(b'"');
        }
        out.push(b);
    }
    out.push(b'"');
}

/// Might `bytes` hold a comma, quote or line break? `false` for certain
/// when no byte is below `-` (0x2D): every one of them is, and names,
/// codes and phones (letters, digits, Chinese) usually have none. Eight
/// bytes at a time, the usual "has a byte less than n" word trick.
fn maybe_special(bytes: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below = |word: u64| word.wrapping_sub(ONES * 0x2D) & !word & HIGH != 0;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        if below(u64::from_le_bytes(word)) {
            return true;
        }
    }
    chunks.remainder().iter().any(|&b| b < 0x2D)
}

pub fn push_u64(out: &mut Vec<u8>, n: u64) {
    let mut digits = [0u8; 40];
    let start = decimal_digits(u128::from(n), &mut digits);
    out.extend_from_slice(&digits[start..]);
}

/// Writes the decimal digits of `n` at the end of `digits` (40 places hold
/// any u128); returns where they start. Values that fit a u64 avoid
/// 128-bit division, the usual case.
fn decimal_digits(n: u128, digits: &mut [u8; 40]) -> usize {
    let mut i = digits.len();
    match u64::try_from(n) {
        Ok(mut n) => loop {
            i -= 1;
            digits[i] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break i;
            }
        },
        Err(_) => {
            let mut n = n;
            loop {
                i -= 1;
                digits[i] = b'0' + (n % 10) as u8;
                n /= 10;
                if n == 0 {
                    break i;
                }
            }
        }
    }
}

/// A decimal exactly as its `Display` writes it, without the formatter.
pub fn push_decimal(out: &mut Vec<u8>, d: Decimal) {
    let mantissa = d.mantissa();
    if mantissa < 0 {
        out.push(b'-');
    }
    let mut digits = [0u8; 40];
    let i = decimal_digits(mantissa.unsigned_abs(), &mut digits);
    let digits = &digits[i..];
    let scale = d.scale() as usize;
    if scale == 0 {
        out.extend_from_slice(digits);
    } else if digits.len() > scale {
        let (whole, fraction) = digits.split_at(digits.len() - scale);
        out.extend_from_slice(whole);
        out.push(b'.');
        out.extend_from_slice(fraction);
    } else {
        out.extend_from_slice(b"0.");
        out.resize(out.len() + scale - digits.len(), b'0');
        out.extend_from_slice(digits);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reminders_file_cut_short_says_so_in_its_last_row() {
        let mut out = Vec::new();
        write_incomplete_reminder(&mut out, "stopped at line 7");
        assert_eq!(out, b",run:incomplete (stopped at line 7),,\n");
    }

    #[test]
    fn a_rows_identifying_text_is_copied_trimmed_or_not_at_all() {
        let name = serde_json::json!(" 苏州某精密机械有限公司 ");
        assert_eq!(given(&name), "苏州某精密机械有限公司");
        assert_eq!(given(&serde_json::json!("苏州\u{7}公司")), "");
        assert_eq!(given(&serde_json::Value::Null), "");
        assert_eq!(given_in(&name, true), "苏州某精密机械有限公司");
    }

    #[test]
    fn whole_numbers_print_as_display_does() {
        for n in [0, 7, 10, 1_000_000, u64::MAX] {
            let mut out = Vec::new();
            push_u64(&mut out, n);
            assert_eq!(String::from_utf8(out).unwrap(), n.to_string());
        }
    }

    #[test]
    fn decimals_print_as_display_does() {
        for (m, s) in [
            (0i64, 0u32),
            (0, 2),
            (5, 3),
            (12345, 2),
            (178, 4),
            (1, 10),
            (-15, 1),
            (123456789, 0),
            (100, 2),
            (i64::MAX, 3),
        ] {
            let d = Decimal::new(m, s);
            let mut out = Vec::new();
            push_decimal(&mut out, d);
            assert_eq!(String::from_utf8(out).unwrap(), d.to_string(), "{m}e-{s}");
        }
        let big = Decimal::from_i128_with_scale(123_456_789_012_345_678_901_234_567, 5);
        let mut out = Vec::new();
        push_decimal(&mut out, big);
        assert_eq!(String::from_utf8(out).unwrap(), big.to_string());
        let mut out = Vec::new();
        push_u64(&mut out, 0);
        push_u64(&mut out, 18_446_744_073_709_551_615);
        assert_eq!(out, b"018446744073709551615");
    }

    #[test]
    fn the_word_test_misses_no_special_byte() {
        for b in 0..=255u8 {
            for at in 0..17 {
                let mut bytes = vec![b'a'; 17];
                bytes[at] = b;
                assert_eq!(maybe_special(&bytes[..at + 1]), b < 0x2D, "{b:#x} at {at}");
                assert_eq!(maybe_special(&bytes), b < 0x2D, "{b:#x} at {at}");
            }
        }
        assert!(!maybe_special("苏州示例有限公司".as_bytes()));
    }

    #[test]
    fn fields_are_quoted_when_needed() {
        let mut out = Vec::new();
        push_field(&mut out, "苏州, \"甲\"");
        assert_eq!(String::from_utf8(out).unwrap(), "\"苏州, \"\"甲\"\"\"");
    }

    #[test]
    fn text_a_spreadsheet_would_run_is_defused() {
        for (text, written) in [
            ("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""),
            ("-1+2", "'-1+2"),
            ("@SUM", "'@SUM"),
        ] {
            let mut out = Vec::new();
            push_text(&mut out, text);
            assert_eq!(String::from_utf8(out).unwrap(), written, "{text}");
        }
        let mut out = Vec::new();
        push_text(&mut out, "苏州示例");
        assert_eq!(out, "苏州示例".as_bytes());
    }
}
