//! The unified social credit code validator (GB 32100-2015) on real codes.

use wengang_engine::internals::identifiers::{credit_code, credit_code_check_char};
use wengang_engine::{internals::IssueKind, Severity};

const REAL_CODES: [&str; 3] = [
    "914403001922038216",
    "9144030071526726XG",
    "91320594079903279G",
];
const CHARSET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";

#[test]
fn real_codes_are_accepted() {
    for code in REAL_CODES {
        assert_eq!(credit_code(code), vec![], "{code} should pass");
    }
}

#[test]
fn every_single_character_change_of_a_real_code_is_caught() {
    let mut variants = 0;
    // Every replacement from the code's own set, plus characters a user
    // might type by mistake: lowercase, the excluded letters, full width, space.
    let extra = ['a', 'x', 'I', 'O', 'Z', 'S', 'V', '０', ' ', '-'];
    for code in REAL_CODES {
        let chars: Vec<char> = code.chars().collect();
        for position in 0..chars.len() {
            for replacement in CHARSET.chars().chain(extra) {
                if replacement == chars[position] {
                    continue;
                }
                let mut changed = chars.clone();
                changed[position] = replacement;
                let changed: String = changed.into_iter().collect();
                let issues = credit_code(&changed);
                assert!(
                    !issues.is_empty(),
                    "{changed} (from {code}, position {}) was not caught",
                    position + 1
                );
                variants += 1;
            }
        }
    }
    assert_eq!(variants, 3 * 18 * (30 + 10));
}

#[test]
fn a_wrong_check_character_is_a_warning_naming_the_expected_one() {
    let issues = credit_code("91320594079903279H");
    assert_eq!(
        issues,
        vec![IssueKind::CreditCodeCheck {
            expected: 'G',
            found: 'H'
        }]
    );
    assert_eq!(issues[0].severity(), Severity::Warning);
}

#[test]
fn early_pilot_code_failing_the_checksum_is_only_a_warning() {
    let issues = credit_code("91350100M0001TGQXM");
    assert!(matches!(
        issues.as_slice(),
        [IssueKind::CreditCodeCheck { .. }]
    ));
}

#[test]
fn length_and_charset_problems_are_errors() {
    let cases = [
        (
            "91320594079903279",
            IssueKind::CreditCodeLength { length: 17 },
        ),
        (
            "91320594079903279GG",
            IssueKind::CreditCodeLength { length: 19 },
        ),
        ("", IssueKind::CreditCodeLength { length: 0 }),
        ("91320594079903279g", IssueKind::CreditCodeLowercase),
        (
            "9132059407990327IG",
            IssueKind::CreditCodeCharset {
                position: 17,
                found: 'I',
            },
        ),
        ("91A20594079903279G", IssueKind::CreditCodeDivision),
    ];
    for (code, expected) in cases {
        let issues = credit_code(code);
        assert_eq!(issues, vec![expected.clone()], "{code}");
        assert_eq!(expected.severity(), Severity::Error);
    }
}

#[test]
fn check_character_of_the_weights_example() {
    assert_eq!(credit_code_check_char("91440300192203821"), Some('6'));
    assert_eq!(credit_code_check_char("9144030071526726X"), Some('G'));
    assert_eq!(credit_code_check_char("short"), None);
}
