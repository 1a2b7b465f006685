//! 大写金额 — an amount of yuan in the capitals of Chinese financial
//! writing (肆万贰仟肆佰贰拾元整), as a counter's form asks for it beside
//! the figures, so that neither can be altered alone.
//!
//! The rules followed (《支付结算办法》附件《正确填写票据和结算凭证的基本规定》):
//! - 壹拾 for a leading ten (壹拾万元整, never 拾万元整);
//! - one 零 for any run of zeros between two written digits, across 万 and
//!   亿 too (壹仟零伍元, 壹拾万零壹拾元, 壹亿零壹仟元), but none where 万
//!   or 亿 itself stands between them (壹拾万柒仟元, the rules' own example);
//! - 整 after 元 when there are no 角 and 分; none after 角 or 分;
//! - 零 after 元 when the 角 is zero and the 分 is not (壹仟零伍元零伍分);
//!   where the 元 digit is zero and the 角 is not, the rules allow 零 or
//!   nothing: we write it (壹佰元零伍角), as it leaves no room to add a digit;
//! - below one yuan, no 零元 in front (伍角, 伍分).

use rust_decimal::{Decimal, RoundingStrategy};

const DIGITS: [char; 10] = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
/// Within a group of four digits: 仟, 佰, 拾 and the units.
const PLACES: [&str; 4] = ["仟", "佰", "拾", ""];
/// The groups of four, from the units up: 万 and 亿.
const GROUPS: [&str; 3] = ["", "万", "亿"];

/// The amount in capitals; `None` when it is negative or a 万亿 (10¹²)
/// yuan or more (no refund comes near). Rounded to the fen first.
pub fn capitals(amount: Decimal) -> Option<String> {
    if amount.is_sign_negative() && !amount.is_zero() {
        return None;
    }
    let rounded = amount.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    let text = format!("{rounded:.2}");
    let (yuan, fraction) = text.split_once('.')?;
    let yuan: u64 = yuan.parse().ok()?;
    if yuan >= 1_000_000_000_000 {
        return None;
    }
    let mut fraction = fraction.bytes().map(|b| b.wrapping_sub(b'0'));
    let jiao = fraction.next().filter(|d| *d < 10)?;
    let fen = fraction.next().filter(|d| *d < 10)?;

    let mut out = whole_yuan(yuan);
    if yuan == 0 && jiao == 0 && fen == 0 {
        return Some("零元整".to_owned());
    }
    if yuan > 0 {
        out.push('元');
    }
    match (jiao, fen) {
        (0, 0) => out.push('整'),
        (0, f) => {
            if yuan > 0 {
                out.push('零');
            }
            out.push(DIGITS[usize::from(f)]);
            out.push('分');
        }
        (j, f) => {
            if yuan > 0 && yuan % 10 == 0 {
                out.push('零');
            }
            out.push(DIGITS[usize::from(j)]);
            out.push('角');
            if f > 0 {
                out.push(DIGITS[usize::from(f)]);
                out.push('分');
            }
        }
    }
    Some(out)
}

/// The yuan before 元 (empty for zero).
fn whole_yuan(yuan: u64) -> String {
    let mut groups = Vec::new();
    let mut rest = yuan;
    while rest > 0 {
        groups.push(rest % 10_000);
        rest /= 10_000;
    }
    let mut out = String::new();
    // A zero seen since the last digit written: one 零 before the next.
    let mut zero = false;
    for (g, group) in groups.iter().enumerate().rev() {
        if *group == 0 {
            zero |= !out.is_empty();
            continue;
        }
        let digits = [group / 1000, group / 100 % 10, group / 10 % 10, group % 10];
        for (place, digit) in digits.into_iter().enumerate() {
            if digit == 0 {
                zero |= !out.is_empty();
                continue;
            }
            if zero {
                out.push('零');
                zero = false;
            }
            out.push(DIGITS[digit as usize]);
            out.push_str(PLACES[place]);
        }
        out.push_str(GROUPS.get(g).copied().unwrap_or_default());
        // 万 and 亿 mark the place: zeros at the end of the group need no 零.
        zero = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;

    fn caps(amount: &str) -> Option<String> {
        capitals(Decimal::from_str(amount).unwrap())
    }

    #[test]
    fn amounts_as_a_bank_writes_them() {
        for (amount, words) in [
            ("0", "零元整"),
            ("0.00", "零元整"),
            ("1", "壹元整"),
            ("10", "壹拾元整"),
            ("15", "壹拾伍元整"),
            ("100", "壹佰元整"),
            ("100.5", "壹佰元零伍角"),
            ("100.50", "壹佰元零伍角"),
            ("101.5", "壹佰零壹元伍角"),
            ("0.5", "伍角"),
            ("0.05", "伍分"),
            ("0.55", "伍角伍分"),
            ("1.01", "壹元零壹分"),
            ("1005.05", "壹仟零伍元零伍分"),
            ("1680.32", "壹仟陆佰捌拾元零叁角贰分"),
            ("1010", "壹仟零壹拾元整"),
            ("42420", "肆万贰仟肆佰贰拾元整"),
            ("42420.00", "肆万贰仟肆佰贰拾元整"),
            ("100000", "壹拾万元整"),
            ("100010", "壹拾万零壹拾元整"),
            ("107000.53", "壹拾万柒仟元零伍角叁分"),
            ("1070000", "壹佰零柒万元整"),
            ("1000007000", "壹拾亿零柒仟元整"),
            ("325400.00", "叁拾贰万伍仟肆佰元整"),
            ("1000001", "壹佰万零壹元整"),
            ("10000000.01", "壹仟万元零壹分"),
            ("100000000", "壹亿元整"),
            ("100010000", "壹亿零壹万元整"),
            ("100001000", "壹亿零壹仟元整"),
            ("1000000000", "壹拾亿元整"),
            (
                "999999999999.99",
                "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分",
            ),
        ] {
            assert_eq!(caps(amount).as_deref(), Some(words), "{amount}");
        }
    }

    #[test]
    fn rounded_to_the_fen() {
        assert_eq!(caps("0.005").as_deref(), Some("壹分"));
        assert_eq!(caps("12.344").as_deref(), Some("壹拾贰元叁角肆分"));
    }

    #[test]
    fn negative_and_huge_amounts_have_no_capitals() {
        assert_eq!(caps("-1"), None);
        assert_eq!(caps("1000000000000"), None);
        assert_eq!(caps("-0").as_deref(), Some("零元整"));
    }
}
