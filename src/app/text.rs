//! Small helpers for the app's bilingual texts: every string is written
//! in both languages where it is used, zh-CN first.

use crate::application::{Industry, UnitType};
use crate::messages::names;
use crate::Lang;

/// Picks the text of the current language.
pub fn t(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// The office's size classes (划型).
pub fn rate_class(c: crate::policy::RateClass, lang: Lang) -> &'static str {
    pick(names::rate_class(c), lang)
}

pub fn unit_type(u: UnitType, lang: Lang) -> &'static str {
    pick(names::unit_type(u), lang)
}

pub fn industry(i: Industry, lang: Lang) -> &'static str {
    pick(names::industry(i), lang)
}

pub fn size(size: crate::size::EnterpriseSize, lang: Lang) -> &'static str {
    pick(names::size(size), lang)
}

pub fn criterion(id: &str, lang: Lang) -> &'static str {
    pick(names::criterion(id), lang)
}

fn pick((zh, en): (&'static str, &'static str), lang: Lang) -> &'static str {
    t(lang, zh, en)
}

/// The name of a policy parameter or criterion a report lists.
pub fn parameter(name: &str, lang: Lang) -> &'static str {
    match name {
        "unit_treatment" => t(
            lang,
            "非企业单位的适用类别",
            "How non-enterprise units are treated",
        ),
        "layoff_formula" => t(lang, "裁员率计算口径", "Layoff-rate formula"),
        "comparison" => t(lang, "“低于”或“不高于”", "“Below” or “not above”"),
        "layoff_threshold" => t(lang, "裁员率标准", "Layoff-rate standard"),
        "refund_rate" => t(lang, "返还比例", "Refund rate"),
        "small_unit_headcount" => t(
            lang,
            "30 人以下规则所用人数",
            "Headcount of the 30-or-fewer rule",
        ),
        "procedure" => t(
            lang,
            "办理方式（申请或免申即享）",
            "Procedure (application or automatic)",
        ),
        "small_unit_scope" => t(
            lang,
            "30 人以下规则的适用范围",
            "Scope of the 30-or-fewer rule",
        ),
        "size_headcount_rule" => t(
            lang,
            "经办机构划型口径（按参保人数）",
            "The office's size rule (by insured headcount)",
        ),
        "late_payment_cutoff" => t(lang, "补缴截止日期", "Late-payment cut-off"),
        "hardship_benefit" => t(
            lang,
            "困难企业（失业保险金标准）",
            "Hardship (benefit formula)",
        ),
        "hardship_contribution" => t(
            lang,
            "困难企业（社会保险费标准）",
            "Hardship (contribution formula)",
        ),
        "review_threshold" => t(
            lang,
            "报市政府审议的金额",
            "Amount needing government deliberation",
        ),
        other => criterion(other, lang),
    }
}

/// The eight stages of the Suzhou procedure, each (zh, en).
pub const STAGES: [(&str, &str); 8] = [
    ("受理申请", "Application received"),
    ("窗口初审", "Counter pre-review"),
    ("部门审核", "Department review"),
    ("联合会审", "Joint review meeting"),
    ("政府审议", "Government deliberation"),
    ("社会公示", "Public notice"),
    ("资金拨付", "Payment"),
    ("政府备案", "Government filing"),
];
