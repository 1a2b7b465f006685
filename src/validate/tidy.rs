//! 输入整理 — forgiving input for forms: what a clerk types, made into
//! what the engine reads. The interchange format stays strict (validation
//! still refuses `12,345.00`); the app calls [`tidy`] on a field's text
//! before it stores it, so the clerk sees the value the engine will read.
//!
//! Each rule is by the field's kind (from the registry) or, for the few
//! fields with their own format, by the field. Text that does not fit a
//! rule is returned trimmed and half-width, for validation to explain.

use rust_decimal::{Decimal, RoundingStrategy};

use super::field::{Field, Kind};

/// The form's text of `field`, tidied: full-width characters made
/// half-width and surrounding spaces trimmed always; then
/// - money and counts: thousands separators, spaces, `¥`/`￥` and the
///   units 元 / 人 / 个 / 月 removed (`12,345.00 元` → `12345.00`);
/// - dates: `2026/3/1`, `2026.3.1`, `2026年3月1日` → `2026-03-01`;
/// - the credit code: spaces and hyphens removed, upper case;
/// - the phone: spaces, hyphens and a leading `+86` removed;
/// - the account number: spaces removed.
pub fn tidy(field: Field, text: &str) -> String {
    let half = half_width(text);
    let text = half.trim();
    match field {
        Field::CreditCode => text
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .map(|c| c.to_ascii_uppercase())
            .collect(),
        Field::ContactPhone => {
            let digits: String = text
                .chars()
                .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '(' | ')'))
                .collect();
            // Every leading `+86` (one typed twice stays tidy when tidied again).
            let mut rest = digits.as_str();
            while let Some(after) = rest.strip_prefix("+86") {
                rest = after;
            }
            rest.to_owned()
        }
        Field::AccountNumber => text.chars().filter(|c| !c.is_whitespace()).collect(),
        _ => match field.kind() {
            Kind::Money => money(text),
            Kind::Count | Kind::Decimal => number(text),
            Kind::Date => date(text).unwrap_or_else(|| text.to_owned()),
            _ => text.to_owned(),
        },
    }
}

/// Full-width ASCII (U+FF01–U+FF5E) and the ideographic space made
/// half-width; `。` between digits is not touched (it is not a decimal
/// point in Chinese text). The statement reader uses it on each cell.
pub(crate) fn half_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{3000}' => ' ',
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            c => c,
        })
        .collect()
}

/// A number as typed: separators, spaces, currency signs and units out.
/// Separators and spaces go first, then units and signs until none is
/// left at either end, so that tidying the result again changes nothing
/// (`5元,` → `5`, `人民币¥5` → `5`; the app compares the two).
fn number(text: &str) -> String {
    let compact: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, ',' | '，' | '、' | '\''))
        .collect();
    let mut s = compact.as_str();
    // Units in any order (`12个月`, `100元人民币`).
    while let Some(rest) = ["人民币", "元", "人", "个", "月"]
        .iter()
        .find_map(|unit| s.strip_suffix(unit))
        .or_else(|| {
            ["¥", "￥", "人民币"]
                .iter()
                .find_map(|sign| s.strip_prefix(sign))
        })
    {
        s = rest;
    }
    s.to_owned()
}

/// An amount as typed, in 万元 too: `2650万` and `2,650万元` are
/// 26,500,000.00 yuan (exact: the point moves four places). Text that is
/// not a number before the 万 is left for validation to explain.
fn money(text: &str) -> String {
    let yuan = number(text);
    let Some(wan) = yuan.strip_suffix('万') else {
        return yuan;
    };
    let wan = number(wan);
    let Some(amount) = wan
        .parse::<Decimal>()
        .ok()
        .and_then(|w| w.checked_mul(Decimal::from(10_000)))
    else {
        return yuan;
    };
    let amount = amount.normalize();
    if amount.scale() <= 2 {
        format!("{amount:.2}")
    } else {
        amount.to_string()
    }
}

/// `Y/M/D`, `Y.M.D`, `Y-M-D` or `Y年M月D日` with one- or two-digit month
/// and day → `YYYY-MM-DD` (whether the day exists is validation's to say).
fn date(text: &str) -> Option<String> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let compact = compact.strip_suffix('日').unwrap_or(&compact);
    let parts: Vec<&str> = compact.split(['/', '.', '-', '年', '月']).collect();
    let [year, month, day] = parts.as_slice() else {
        return None;
    };
    let digits = |s: &str, max: usize| {
        !s.is_empty() && s.len() <= max && s.bytes().all(|b| b.is_ascii_digit())
    };
    let plausible = year.len() == 4 && digits(year, 4) && digits(month, 2) && digits(day, 2);
    plausible.then(|| format!("{year}-{month:0>2}-{day:0>2}"))
}

/// Yuan as 万元 for display beside a field: ÷ 10,000, rounded half away
/// from zero to 2 decimals (`123456.78` → `12.35 万元`). Exact decimal
/// arithmetic throughout.
pub fn wan_yuan(yuan: Decimal) -> String {
    let wan = (yuan / Decimal::from(10_000))
        .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    format!("{wan:.2} 万元")
}

/// The 万元 of a money field's text as typed (tidied first); `None` when
/// it is not an amount the engine would accept.
pub fn wan_yuan_of(text: &str) -> Option<String> {
    let tidied = tidy(Field::PremiumsPaid, text);
    crate::validate::fields::money(&serde_json::Value::String(tidied))
        .ok()
        .map(wan_yuan)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a clerk types, and what the engine is given.
    const CASES: &[(Field, &str, &str)] = &[
        // Money.
        (Field::PremiumsPaid, "12,345.00", "12345.00"),
        (Field::PremiumsPaid, " 86,040.00 元", "86040.00"),
        (Field::PremiumsPaid, "１２３４５．６７", "12345.67"),
        (Field::PremiumsPaid, "￥1,200", "1200"),
        (Field::PremiumsPaid, "100元人民币", "100"),
        // 万元, as amounts are often said: exact, to the fen.
        (Field::Revenue, "2650万", "26500000.00"),
        (Field::Revenue, "2,650万元", "26500000.00"),
        (Field::Revenue, "¥2650.5 万", "26505000.00"),
        (Field::Revenue, "0.01234万", "123.40"),
        (Field::Revenue, "0.000001万", "0.01"),
        (Field::Revenue, "0.0000001万", "0.001"),
        (Field::Revenue, "二千万", "二千万"),
        (Field::Revenue, "万", "万"),
        // Not money: a count keeps its 万 for validation to refuse.
        (Field::Employees, "2万", "2万"),
        (Field::Revenue, "35 000 000.00", "35000000.00"),
        (Field::Revenue, "35，000，000元", "35000000"),
        (Field::ArrearsAndLateFees, "0", "0"),
        (Field::PremiumsPaid, "-5", "-5"),
        (Field::PremiumsPaid, "abc", "abc"),
        // Found by fuzzing (form_application): tidy twice, tidy once.
        (Field::PremiumsPaid, "5元,", "5"),
        (Field::PremiumsPaid, "人民币¥5", "5"),
        (Field::PremiumsPaid, "¥ 5 元 ,", "5"),
        (Field::ContactPhone, "+86+8613912345678", "13912345678"),
        // Counts and the average.
        (Field::Employees, "１２６人", "126"),
        (Field::Start, "1,200 人", "1200"),
        (Field::MonthsPaidInFull, "12个月", "12"),
        (Field::MonthsPaidInFull, "１２月", "12"),
        (Field::MonthlyAverage, "１１９．５", "119.5"),
        (Field::Year, " 2018 ", "2018"),
        // Dates.
        (Field::CommitmentDate, "2026/3/1", "2026-03-01"),
        (Field::CommitmentDate, "2026年3月1日", "2026-03-01"),
        (
            Field::CommitmentDate,
            "２０２６年１２月３１日",
            "2026-12-31",
        ),
        (Field::CommitmentDate, "2026.03.01", "2026-03-01"),
        (Field::CommitmentDate, "2026-3-1", "2026-03-01"),
        (Field::CommitmentDate, " 2026 年 3 月 1 日 ", "2026-03-01"),
        (Field::CommitmentDate, "2026-02-30", "2026-02-30"),
        (Field::CommitmentDate, "3/1/2026", "3/1/2026"),
        // Not a four-digit year, or a month or day that is not one or two
        // digits: left as typed, for validation to explain.
        (Field::CommitmentDate, "202/3/1", "202/3/1"),
        (Field::CommitmentDate, "20x6/3/1", "20x6/3/1"),
        (Field::CommitmentDate, "2026//1", "2026//1"),
        (Field::CommitmentDate, "2026/123/1", "2026/123/1"),
        (Field::CommitmentDate, "2026/1a/1", "2026/1a/1"),
        (Field::CommitmentDate, "2026/3/x", "2026/3/x"),
        (Field::CommitmentDate, "2026/3/", "2026/3/"),
        (Field::CommitmentDate, "明天", "明天"),
        // Identifiers and contacts.
        (
            Field::CreditCode,
            "91320594ma1mxl2k87",
            "91320594MA1MXL2K87",
        ),
        (
            Field::CreditCode,
            "9132 0594 MA1M XL2K 87",
            "91320594MA1MXL2K87",
        ),
        (
            Field::CreditCode,
            "９１３２０５９４ＭＡ１ＭＸＬ２Ｋ８７",
            "91320594MA1MXL2K87",
        ),
        (Field::ContactPhone, "139-1234-5678", "13912345678"),
        (Field::ContactPhone, "139 1234 5678", "13912345678"),
        (Field::ContactPhone, "+86 139 1234 5678", "13912345678"),
        (Field::ContactPhone, "１３９１２３４５６７８", "13912345678"),
        (
            Field::AccountNumber,
            "1102 0205 0900 0123 456",
            "1102020509000123456",
        ),
        // Text: trimmed (a full-width space too), otherwise as typed.
        (
            Field::ApplicantName,
            "\u{3000}苏州示例精密机械有限公司 ",
            "苏州示例精密机械有限公司",
        ),
        (Field::Signatory, "李明", "李明"),
    ];

    #[test]
    fn what_a_clerk_types() {
        for (field, typed, expected) in CASES {
            assert_eq!(tidy(*field, typed), *expected, "{field}: {typed:?}");
        }
    }

    #[test]
    fn tidied_money_and_counts_validate() {
        use crate::validate::fields;
        use serde_json::Value;
        let money = |s: &str| fields::money(&Value::String(tidy(Field::PremiumsPaid, s)));
        assert_eq!(money("12,345.00"), Ok(Decimal::new(1_234_500, 2)));
        assert_eq!(money("2650万"), Ok(Decimal::new(26_500_000, 0)));
        assert_eq!(money("１２３４５．６７ 元"), Ok(Decimal::new(1_234_567, 2)));
        let count = |s: &str| fields::count(&Value::String(tidy(Field::Employees, s)));
        assert_eq!(count("１，２００人"), Ok(1200));
        let date = |s: &str| fields::date(&Value::String(tidy(Field::CommitmentDate, s)));
        assert!(date("2024年2月29日").is_ok());
    }

    #[test]
    fn tidy_is_idempotent() {
        for (field, typed, _) in CASES {
            let once = tidy(*field, typed);
            assert_eq!(tidy(*field, &once), once, "{field}: {typed:?}");
        }
    }

    #[test]
    fn tidy_takes_any_text() {
        for field in Field::ALL {
            for text in [
                "",
                " ",
                "年月日",
                "//",
                "\u{FF5E}\u{FF01}",
                "元人",
                "+86",
                "\u{0}\u{10FFFF}",
            ] {
                let _ = tidy(*field, text);
            }
        }
    }

    #[test]
    fn money_in_wan_yuan() {
        let wan = |units: i64, scale: u32| wan_yuan(Decimal::new(units, scale));
        assert_eq!(wan(12_345_678, 2), "12.35 万元");
        assert_eq!(wan(12_345_000, 2), "12.35 万元"); // 12.345 → half away from zero
        assert_eq!(wan(12_344_999, 2), "12.34 万元");
        assert_eq!(wan(0, 0), "0.00 万元");
        assert_eq!(wan(50, 0), "0.01 万元");
        assert_eq!(wan(49, 0), "0.00 万元");
        assert_eq!(wan(35_000_000, 0), "3500.00 万元");
        let most: Decimal = "999999999999999.99".parse().unwrap();
        assert_eq!(wan_yuan(most), "100000000000.00 万元");
        assert_eq!(wan_yuan_of("123,456.78 元").as_deref(), Some("12.35 万元"));
        assert_eq!(wan_yuan_of("abc"), None);
        assert_eq!(wan_yuan_of("1.005"), None);
    }
}
