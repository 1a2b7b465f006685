//! Bank account and mobile phone formats.

use super::IssueKind;

/// Corporate (对公) account numbers vary by bank; these bounds only catch
/// typing slips. No checksum: corporate accounts have no public one.
pub const ACCOUNT_MIN_DIGITS: usize = 8;
pub const ACCOUNT_MAX_DIGITS: usize = 32;

/// A corporate account number: digits only (spaces allowed between
/// groups, as printed on bank papers), of plausible length.
pub fn account_number(number: &str) -> Option<IssueKind> {
    // Counted, not collected: this runs once per row in batch screening.
    let mut length = 0;
    for c in number.chars().filter(|c| *c != ' ') {
        if !c.is_ascii_digit() {
            return Some(IssueKind::AccountCharset);
        }
        length += 1;
    }
    if !(ACCOUNT_MIN_DIGITS..=ACCOUNT_MAX_DIGITS).contains(&length) {
        return Some(IssueKind::AccountLength {
            length,
            min: ACCOUNT_MIN_DIGITS,
            max: ACCOUNT_MAX_DIGITS,
        });
    }
    None
}

/// A mainland mobile number: 11 digits starting with 1 (format only).
pub fn mobile_phone(phone: &str) -> Option<IssueKind> {
    let ok =
        phone.len() == 11 && phone.starts_with('1') && phone.bytes().all(|b| b.is_ascii_digit());
    (!ok).then_some(IssueKind::PhoneFormat)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accounts() {
        assert_eq!(account_number("3202 2301 0900 1234 567"), None);
        assert_eq!(
            account_number("32022301A9"),
            Some(IssueKind::AccountCharset)
        );
        assert!(matches!(
            account_number("1234"),
            Some(IssueKind::AccountLength { length: 4, .. })
        ));
    }

    #[test]
    fn phones() {
        assert_eq!(mobile_phone("13812345678"), None);
        assert_eq!(mobile_phone("23812345678"), Some(IssueKind::PhoneFormat));
        assert_eq!(mobile_phone("1381234567"), Some(IssueKind::PhoneFormat));
        assert_eq!(mobile_phone("1381234567８"), Some(IssueKind::PhoneFormat));
    }
}
