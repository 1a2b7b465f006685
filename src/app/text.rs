//! Small helpers for the app's bilingual texts: every string is written
//! in both languages where it is used, zh-CN first.

use crate::application::{Industry, UnitType};
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
    match c {
        crate::policy::RateClass::Large => t(lang, "大型企业", "Large"),
        crate::policy::RateClass::Sme => t(lang, "中小微企业", "Small or medium-sized (SME)"),
    }
}

pub fn unit_type(u: UnitType, lang: Lang) -> &'static str {
    match u {
        UnitType::Enterprise => t(lang, "企业", "Enterprise"),
        UnitType::IndividualBusiness => t(
            lang,
            "以单位形式参保的个体工商户",
            "Individual business insured as a unit",
        ),
        UnitType::SocialOrganisation => t(lang, "社会团体", "Social organisation"),
        UnitType::Foundation => t(lang, "基金会", "Foundation"),
        UnitType::SocialServiceBody => t(lang, "社会服务机构", "Social service body"),
        UnitType::LawFirm => t(lang, "律师事务所", "Law firm"),
        UnitType::AccountingFirm => t(lang, "会计师事务所", "Accounting firm"),
        UnitType::LabourDispatch => t(lang, "劳务派遣单位", "Labour-dispatch firm"),
    }
}

pub fn industry(i: Industry, lang: Lang) -> &'static str {
    match i {
        Industry::Agriculture => t(
            lang,
            "农、林、牧、渔业",
            "Agriculture, forestry, husbandry, fishery",
        ),
        Industry::Industry => t(
            lang,
            "工业（采矿、制造、电力热力燃气水）",
            "Industry (mining, manufacturing, utilities)",
        ),
        Industry::Construction => t(lang, "建筑业", "Construction"),
        Industry::Wholesale => t(lang, "批发业", "Wholesale"),
        Industry::Retail => t(lang, "零售业", "Retail"),
        Industry::Transport => t(lang, "交通运输业（不含铁路）", "Transport (excluding rail)"),
        Industry::Warehousing => t(lang, "仓储业", "Warehousing"),
        Industry::Postal => t(lang, "邮政业", "Postal services"),
        Industry::Accommodation => t(lang, "住宿业", "Accommodation"),
        Industry::Catering => t(lang, "餐饮业", "Catering"),
        Industry::InformationTransmission => t(lang, "信息传输业", "Information transmission"),
        Industry::SoftwareIt => t(lang, "软件和信息技术服务业", "Software and IT services"),
        Industry::RealEstate => t(lang, "房地产开发经营", "Real-estate development"),
        Industry::PropertyManagement => t(lang, "物业管理", "Property management"),
        Industry::LeasingBusiness => t(lang, "租赁和商务服务业", "Leasing and business services"),
        Industry::Other => t(lang, "其他未列明行业", "Other"),
    }
}

pub fn size(size: crate::size::EnterpriseSize, lang: Lang) -> &'static str {
    use crate::size::EnterpriseSize::*;
    match size {
        Large => t(lang, "大型企业", "Large"),
        Medium => t(lang, "中型企业", "Medium"),
        Small => t(lang, "小型企业", "Small"),
        Micro => t(lang, "微型企业", "Micro"),
    }
}

pub fn criterion(id: &str, lang: Lang) -> &'static str {
    match id {
        "months_paid_in_full" => t(
            lang,
            "足额缴费满 12 个月",
            "Premiums paid in full for 12 months",
        ),
        "layoff_rate" => t(lang, "裁员率", "Layoff rate"),
        "industrial_policy" => t(lang, "符合产业结构调整政策", "Industrial policy"),
        "environmental" => t(lang, "符合环保政策", "Environmental policy"),
        "not_seriously_dishonest" => t(lang, "非严重失信企业", "Not seriously dishonest"),
        "not_zombie" => t(lang, "非僵尸企业", "Not a zombie enterprise"),
        "no_historical_arrears" => t(
            lang,
            "无失业保险历史欠费",
            "No earlier unemployment-insurance arrears",
        ),
        "hardship_temporary_difficulty" => t(lang, "暂时性困难且恢复有望", "Temporary difficulty"),
        "hardship_union_agreed_plan" => t(lang, "稳岗方案经工会同意", "Plan agreed with the union"),
        "hardship_no_layoff_commitment" => t(lang, "不裁员或少裁员承诺", "No-layoff commitment"),
        _ => t(lang, "其他条件", "Other condition"),
    }
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
