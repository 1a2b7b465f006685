//! Plain-language explanations of each criterion, with its numbers.

use rust_decimal::Decimal;

use crate::eligibility::{CriterionId, Evidence, LayoffEvidence, ThresholdVariant, Verdict};
use crate::policy::Comparison;
use crate::record::{plain, ratio_decimal};
use crate::text::Lang;

/// A ratio as a percentage, e.g. `0.0178` → `1.78%`.
pub fn percent(ratio: Decimal) -> String {
    match ratio.checked_mul(Decimal::ONE_HUNDRED) {
        Some(p) => format!("{}%", p.round_dp(4).normalize()),
        None => plain(ratio),
    }
}

/// Explains a criterion's outcome in one or two sentences.
pub fn explain(c: &Verdict, lang: Lang) -> String {
    super::reworded(explanation(c, lang))
}

fn explanation(c: &Verdict, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let passed = c.passed;
    let declared = match c.evidence {
        Evidence::Declared { declared, .. } | Evidence::Condition { declared, .. } => declared,
        _ => false,
    };
    match (c.id, c.evidence) {
        (
            _,
            Evidence::Months {
                paid_in_full: months,
                required: threshold,
            },
        ) => {
            match (passed == Some(true), zh) {
                (true, true) => format!("上年度足额缴费 {months} 个月，满足不少于 {threshold} 个月的要求。"),
                (true, false) => format!("Premiums were paid in full for {months} months, meeting the minimum of {threshold}."),
                (false, true) => format!("上年度只足额缴费 {months} 个月，须不少于 {threshold} 个月。"),
                (false, false) => format!("Premiums were paid in full for only {months} months; at least {threshold} are required."),
            }
        }
        (_, Evidence::Layoff(l)) => layoff(passed, &l, zh),
        (_, Evidence::Listed { list, row }) => {
            let (zh_name, en_name) = super::names::list_kind(list);
            match (row, zh) {
                (Some(row), true) => format!("列于{zh_name}（第 {row} 行）：不予返还。"),
                (Some(row), false) => format!("On the {en_name} (line {row}): no refund."),
                (None, true) => format!("未列于{zh_name}。"),
                (None, false) => format!("Not on the {en_name}."),
            }
        }
        (_, Evidence::Unchecked { list }) => {
            let (zh_name, en_name) = super::names::list_kind(list);
            match zh {
                true => format!("未提供{zh_name}，此项无人核对，暂不能判定。"),
                false => format!("The {en_name} was not given: nobody checked this, so it cannot be decided."),
            }
        }
        (CriterionId::IndustrialPolicy, _) => yes_no(
            zh,
            declared,
            ("已声明符合国家和地区产业结构调整政策。", "You declared compliance with national and regional industrial policy."),
            ("未声明符合产业结构调整政策：不符合的企业不予返还。", "Not declared compliant with industrial policy: non-compliant units get no refund."),
        ),
        (CriterionId::Environmental, _) => yes_no(
            zh,
            declared,
            ("已声明符合环保政策。", "You declared compliance with environmental policy."),
            ("未声明符合环保政策：不符合的企业不予返还。", "Not declared compliant with environmental policy: non-compliant units get no refund."),
        ),
        (CriterionId::NotSeriouslyDishonest, _) => yes_no(
            zh,
            !declared,
            ("未被列入严重失信名单。", "Not listed as seriously dishonest."),
            ("被列入严重失信名单的企业不予返还。", "Units listed as seriously dishonest get no refund."),
        ),
        (CriterionId::NotZombie, _) => yes_no(
            zh,
            !declared,
            ("不属于僵尸企业。", "Not a zombie enterprise."),
            ("僵尸企业不予返还。", "Zombie enterprises get no refund."),
        ),
        (CriterionId::HardshipDifficulty, _) => yes_no(
            zh,
            passed == Some(true),
            ("已声明面临暂时性生产经营困难且恢复有望。", "You declared a temporary difficulty with prospects of recovery."),
            ("困难企业返还仅适用于暂时困难且恢复有望的企业。", "The hardship path is only for units in temporary difficulty with prospects of recovery."),
        ),
        (CriterionId::HardshipUnionPlan, _) => yes_no(
            zh,
            passed == Some(true),
            ("稳定就业方案已与工会或职工代表协商同意。", "Your job-stabilisation plan is agreed with the union or staff representatives."),
            ("须有经工会或职工代表同意的稳定就业方案。", "A job-stabilisation plan agreed with the union or staff representatives is required."),
        ),
        (CriterionId::HardshipNoLayoff, _) => yes_no(
            zh,
            passed == Some(true),
            ("已承诺返还后一定期限内不裁员或少裁员。", "You committed not to lay off (or to lay off few) for a period after the refund."),
            ("须承诺返还后一定期限内不裁员或少裁员。", "A commitment not to lay off after the refund is required."),
        ),
        (CriterionId::NoHistoricalArrears, Evidence::Arrears { declared, rule_known }) => {
            arrears(passed, declared, rule_known, zh)
        }
        (CriterionId::NoHistoricalArrears, _) => String::new(),
        // `decide` gives these two criteria only their own evidence.
        (CriterionId::MonthsPaidInFull | CriterionId::LayoffRate, _) => String::new(),
    }
}

fn arrears(passed: Option<bool>, declared: Option<bool>, rule_known: bool, zh: bool) -> String {
    let text = match (passed, declared, rule_known) {
        (Some(true), _, _) => (
            "已声明无失业保险历史欠费。",
            "You declared no unemployment-insurance arrears from earlier years.",
        ),
        (Some(false), _, _) => (
            "有失业保险历史欠费的单位不予返还。",
            "Units with unemployment-insurance arrears from earlier years get no refund.",
        ),
        (None, None, false) => (
            "本年度规则是否排除有历史欠费的单位未能确认；请声明是否有失业保险历史欠费。",
            "Whether this year's rules exclude units with arrears from earlier years is not confirmed: declare whether you have any.",
        ),
        (None, _, false) => (
            "本年度规则是否排除有历史欠费的单位未能确认，无法判定。",
            "Whether this year's rules exclude units with arrears from earlier years is not confirmed, so this cannot be decided.",
        ),
        (None, _, true) => (
            "须声明无失业保险历史欠费。",
            "A declaration of no arrears from earlier years is required.",
        ),
    };
    if zh {
        text.0.to_owned()
    } else {
        text.1.to_owned()
    }
}

fn yes_no(zh: bool, ok: bool, pass: (&str, &str), fail: (&str, &str)) -> String {
    let (z, e) = if ok { pass } else { fail };
    if zh {
        z.to_owned()
    } else {
        e.to_owned()
    }
}

fn layoff(passed: Option<bool>, l: &LayoffEvidence, zh: bool) -> String {
    let lang = if zh { Lang::Zh } else { Lang::En };
    let (rate, reduction, average) = match &l.layoff {
        Some(r) => (
            percent(ratio_decimal(r.rate)),
            plain(r.reduction),
            super::average(r.average, lang),
        ),
        None => ("?".to_owned(), "?".to_owned(), "?".to_owned()),
    };
    let small = l.variant == Some(ThresholdVariant::SmallUnit);
    let Some(threshold) = l.threshold.map(percent) else {
        return match (passed, zh) {
            (Some(true), true) => "上年度参保人数没有减少，无论当地标准是多少都符合。".into(),
            (Some(true), false) => "The number insured did not fall, which meets the standard whatever its local value.".into(),
            (_, true) => format!("裁员率为 {rate}，但该政策的标准（统筹地区城镇登记失业率）未知，无法判定，请咨询当地人社部门。"),
            (_, false) => format!("The layoff rate is {rate}, but this policy's standard (the local registered unemployment rate) is unknown, so this cannot be decided: ask the local human-resources bureau."),
        };
    };
    let strict = l.comparison == Some(Comparison::Strict);
    let (word_zh, word_en) = if strict {
        ("低于", "below")
    } else {
        ("不高于", "at or below")
    };
    // A failed comparison is said positively: never 未不高于 ("not at or below").
    let (over_zh, over_en) = if strict {
        ("达到或超过", "at or above")
    } else {
        ("高于", "above")
    };
    let rule_zh = if small {
        "（参保 30 人及以下企业的标准）"
    } else {
        ""
    };
    let rule_en = if small {
        " (the standard for units with 30 or fewer insured)"
    } else {
        ""
    };
    let grew = l.layoff.is_some_and(|r| r.reduction <= Decimal::ZERO);
    match (passed == Some(true), zh) {
        (true, true) if grew => format!("上年度参保人数没有减少，裁员率为 0，{word_zh}标准 {threshold}{rule_zh}，符合。"),
        (true, false) if grew => format!("The number insured did not fall: a layoff rate of 0 is {word_en} the standard of {threshold}{rule_en}."),
        (true, true) => format!("裁员率 {rate}（减少 {reduction} 人 ÷ 月平均参保 {average} 人）{word_zh}标准 {threshold}{rule_zh}，符合。"),
        (true, false) => format!("The layoff rate of {rate} (a fall of {reduction} ÷ a monthly average of {average} insured) is {word_en} the standard of {threshold}{rule_en}."),
        (false, true) => format!("裁员率 {rate}（减少 {reduction} 人 ÷ 月平均参保 {average} 人）{over_zh}标准 {threshold}{rule_zh}，不符合（须{word_zh}标准）。"),
        (false, false) => format!("The layoff rate of {rate} (a fall of {reduction} ÷ a monthly average of {average} insured) is {over_en} the standard of {threshold}{rule_en}; it must be {word_en} it."),
    }
}
