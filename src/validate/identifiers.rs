//! 统一社会信用代码 (GB 32100-2015).

use super::IssueKind;

/// GB 32100's 31 characters, valued 0–30 in this order (no I, O, Z, S, V).
const CREDIT_CODE_CHARS: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
/// Weights of positions 1–17.
const CREDIT_CODE_WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

/// The value of each ASCII byte in GB 32100's set, or 0xFF outside it.
const CREDIT_VALUES: [u8; 128] = {
    let mut table = [0xFF; 128];
    let mut i = 0;
    while i < CREDIT_CODE_CHARS.len() {
        table[CREDIT_CODE_CHARS[i] as usize] = i as u8;
        i += 1;
    }
    table
};

fn credit_value(c: char) -> Option<u32> {
    let value = *CREDIT_VALUES.get(c as usize)?;
    (value != 0xFF).then_some(u32::from(value))
}

/// The check character (position 18) for the first 17 characters, or
/// `None` if any is outside the character set.
pub fn credit_code_check_char(first17: &str) -> Option<char> {
    let mut sum = 0u32;
    let mut n = 0;
    for c in first17.chars() {
        let w = CREDIT_CODE_WEIGHTS.get(n)?;
        sum += credit_value(c)? * w;
        n += 1;
    }
    if n != 17 {
        return None;
    }
    let check = (31 - sum % 31) % 31;
    Some(char::from(CREDIT_CODE_CHARS[check as usize]))
}

/// Checks a unified social credit code. A wrong length or character is an
/// error; a wrong check character alone is a warning the user can confirm.
pub fn credit_code(code: &str) -> Vec<IssueKind> {
    let length = code.chars().count();
    if length != 18 {
        return vec![IssueKind::CreditCodeLength { length }];
    }
    if code.chars().any(|c| c.is_ascii_lowercase()) {
        return vec![IssueKind::CreditCodeLowercase];
    }
    if let Some((i, c)) = code
        .chars()
        .enumerate()
        .find(|(_, c)| credit_value(*c).is_none())
    {
        return vec![IssueKind::CreditCodeCharset {
            position: i + 1,
            found: c,
        }];
    }
    // Every character is in the (ASCII) set now: 18 bytes.
    let bytes = code.as_bytes();
    if !bytes[2..8].iter().all(u8::is_ascii_digit) {
        return vec![IssueKind::CreditCodeDivision];
    }
    let found = char::from(bytes[17]);
    match credit_code_check_char(&code[..17]) {
        Some(expected) if expected != found => vec![IssueKind::CreditCodeCheck { expected, found }],
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_codes_pass() {
        for code in [
            "914403001922038216",
            "9144030071526726XG",
            "91320594079903279G",
        ] {
            assert_eq!(credit_code(code), vec![], "{code}");
        }
    }

    #[test]
    fn early_pilot_code_is_only_a_warning() {
        let issues = credit_code("91350100M0001TGQXM");
        assert_eq!(issues.len(), 1);
        assert_eq!(issues[0].severity(), super::super::Severity::Warning);
    }
}
