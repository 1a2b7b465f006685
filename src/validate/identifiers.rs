//! 统一社会信用代码 (GB 32100-2015) and 组织机构代码 (GB 11714).

use super::IssueKind;

/// GB 32100's 31 characters, valued 0–30 in this order (no I, O, Z, S, V).
const CREDIT_CODE_CHARS: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
/// Weights of positions 1–17.
const CREDIT_CODE_WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];
/// Weights of the 8 body characters of an organisation code.
const ORG_CODE_WEIGHTS: [u32; 8] = [3, 7, 9, 10, 5, 8, 4, 2];

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

/// Is this a valid GB 11714 organisation code (`XXXXXXXX-C` or 9
/// characters, digits and capital letters, with its check character)?
pub fn organisation_code_is_valid(code: &str) -> bool {
    let compact: Vec<char> = code.chars().filter(|&c| c != '-').collect();
    if compact.len() != 9 || code.chars().filter(|&c| c == '-').count() > 1 {
        return false;
    }
    let value = |c: char| match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        'A'..='Z' => Some(c as u32 - 'A' as u32 + 10),
        _ => None,
    };
    let mut sum = 0;
    for (c, w) in compact[..8].iter().zip(ORG_CODE_WEIGHTS) {
        match value(*c) {
            Some(v) => sum += v * w,
            None => return false,
        }
    }
    let expected = match 11 - sum % 11 {
        10 => 'X',
        11 => '0',
        d => char::from_digit(d, 10).unwrap_or('?'),
    };
    compact[8] == expected
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

    #[test]
    fn organisation_codes() {
        // Positions 9–17 of a credit code hold its organisation code.
        assert!(organisation_code_is_valid("19220382-1"));
        assert!(organisation_code_is_valid("71526726X"));
        assert!(organisation_code_is_valid("079903279"));
        assert!(!organisation_code_is_valid("715267260"));
        assert!(!organisation_code_is_valid("7152-6726-X"));
    }
}
