//! 计算过程 — the words of a result's working (each criterion with its
//! source, the refund step by step, the unconfirmed parameters, the rules
//! used) and of its hardship path, as the app shows them under its
//! answer. The second module renders them (`print::working`).

use crate::text::Lang;

/// A pair of texts, zh-CN first.
pub type Pair = (&'static str, &'static str);

pub fn pick((zh, en): Pair, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

pub const UNCONFIRMED_TITLE: Pair = (
    "请注意：部分政策参数未经确认",
    "Note: some policy parameters are not confirmed",
);
pub const UNKNOWN: Pair = (
    "以下参数数值未知，相关判定暂无法作出：",
    "These values are unknown, so what depends on them cannot be decided: ",
);
pub const UNCONFIRMED: Pair = ("未确认", "Unconfirmed");
pub const PRE_CHECK: Pair = (
    "结果仅供预审参考，以人社部门审核为准。",
    "This is a pre-check; the human-resources bureau's review decides.",
);
pub const HOW_COMPUTED: Pair = ("返还金额怎么算", "How the refund is computed");
pub const PREMIUMS: Pair = ("上年度实际缴纳失业保险费", "Premiums paid last year");
pub const FROM_ROWS: Pair = ("（按月明细得出）", " (from your monthly rows)");
pub const LESS_ARREARS: Pair = (
    "减：补缴历年欠费和滞纳金",
    "Less back payments and late fees",
);
pub const BASE: Pair = ("返还基数", "Refund base");
pub const RATE: Pair = ("返还比例", "Refund rate");
pub const BASE_TIMES_RATE: Pair = ("基数 × 比例", "Base × rate");
pub const ROUNDED: Pair = ("四舍五入到分", "Rounded half away from zero to the fen");
pub const YUAN: Pair = ("元", "yuan");
pub const LARGE_RATE: Pair = ("按大型企业比例", "large-unit rate");
pub const SME_RATE: Pair = ("按中小微企业比例", "SME rate");
pub const MET: Pair = ("符合", "Met");
pub const NOT_MET: Pair = ("不符合", "Not met");
pub const CANNOT_DECIDE: Pair = ("无法判定", "Cannot decide");
pub const SOURCE: Pair = ("依据：", "Source: ");
pub const PROFILE: Pair = ("所用政策档案", "Policy profile used");
pub const ENGINE: Pair = ("预审引擎版本", "Engine version");
pub const HARDSHIP: Pair = ("困难企业返还", "Hardship path");
pub const COMPUTED: Pair = ("可按困难企业标准计算", "Computed on the hardship path");
pub const CONDITIONS_NOT_MET: Pair = ("不满足困难企业条件", "Hardship conditions not met");
pub const CANNOT_COMPUTE: Pair = (
    "所需参数未确认，暂无法计算金额",
    "A parameter is not confirmed: the amount cannot be computed",
);
pub const NOT_COVERED: Pair = (
    "所选政策不含困难企业返还",
    "The chosen policy has no hardship path",
);
pub const BENEFIT_FORMULA: Pair = (
    "按失业保险金标准（月数 × 月人均失业保险金 × 参保人数）",
    "Benefit formula (months × monthly benefit × insured)",
);
pub const CONTRIBUTION_FORMULA: Pair = (
    "按社会保险费标准（月数 × 比例 × 每月应缴社会保险费）",
    "Contribution formula (months × share × monthly contributions)",
);
pub const NOT_COMPUTABLE: Pair = ("无法计算", "cannot be computed");

pub const NEXT: Pair = ("接下来怎么做", "What to do next");
pub const CHECKLIST_TITLE: Pair = (
    "免申即享：无需提交申请，请核对以下事项",
    "Paid without application: nothing to submit; check these instead",
);
pub const CHECK_ACCOUNT: Pair = (
    "收款账户：经办机构把返还款直接拨付到单位在社保或税务部门登记的银行账户（没有对公账户的，拨付到缴纳社保费的账户）。请确认该账户正确、可用。",
    "Bank account: the office pays straight to the account on file with the social-insurance or tax office (without a corporate account, to the account premiums are paid from). Check that it is right and open.",
);
pub const CHECK_SIZE: Pair = (
    "企业划型：经办机构按其自己的划型（大型或中小微）确定返还比例，本工具的规模只是估计。请向经办机构核实划型。",
    "Size classification: the office applies its own classification (large or SME), which sets the rate; this tool's size is an estimate. Check it with the office.",
);
pub const CHECK_NOTICE: Pair = (
    "公示名单：留意经办机构公布的拟返还名单和公示期；不在名单上或金额不符的，在公示期内提出异议，并以本工具导出的自查记录作为依据。",
    "The public notice: watch for the office's list of units to be refunded and its notice period; if you are missing or the amount differs, object within that period, using this tool's exported self-check record as evidence.",
);
pub const NOT_ON_LIST: Pair = (
    "按所填数据，单位不会出现在拟返还名单上。如数据有误（例如参保人数或缴费记录），请先向社保经办机构核对记录。",
    "On these figures the unit will not be on the list of units to be refunded. If a figure is wrong (the insured counts or the premium records), check the records with the social-insurance office first.",
);
pub const OBJECT: Pair = (
    "公示期内发现遗漏的，可凭导出的自查记录提出异议。",
    "If you find the unit wrongly left out during the notice period, object with the exported self-check record.",
);
pub const NOTHING_TO_SUBMIT: Pair = (
    "按所填数据不符合条件，不需要提交申请。如数据有误，请改正后重新预审。",
    "On these figures the unit does not qualify, so there is nothing to submit. If a figure is wrong, correct it and check again.",
);
pub const KEEP_RECORD: Pair = (
    "可保存本次自查记录，日后核对或咨询时使用。",
    "You can save this self-check record to compare or ask about later.",
);
pub const UNDECIDED: Pair = (
    "暂时无法判定：请补全上面所说的信息，或向经办机构确认未知的政策参数。",
    "No decision yet: give what is said above, or ask the office about the unknown policy values.",
);
pub const WHAT_HAPPENS: Pair = ("接下来的办理环节", "What happens next");
pub const STANDARD: Pair = ("按一般程序办理。", "It follows the standard procedure.");
pub const NOT_NEEDED: Pair = ("（本申请不需要）", " (not needed here)");

/// The route when the refund goes to the municipal government.
pub fn review(limit: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("返还金额达到 {limit} 元，须报市政府审议。"),
        Lang::En => format!("The refund reaches {limit} yuan, so it goes to the municipal government for deliberation."),
    }
}

/// The eight stages of the Suzhou procedure.
pub const STAGES: [Pair; 8] = [
    ("受理申请", "Application received"),
    ("窗口初审", "Counter pre-review"),
    ("部门审核", "Department review"),
    ("联合会审", "Joint review meeting"),
    ("政府审议", "Government deliberation"),
    ("社会公示", "Public notice"),
    ("资金拨付", "Payment"),
    ("政府备案", "Government filing"),
];

/// Suzhou's published contacts, with their date and that they may have
/// changed since.
pub const SUZHOU_CONTACTS: Pair = (
    "咨询（据苏州市人社局 2020-02-10 通告公布，可能已变更）：苏州市劳动就业管理服务中心，平泷路251号苏州城市生活广场A6楼社保就业大厅，0512-69820412；张家港市人力资源管理服务中心，0512-55390731；苏州工业园区就业管理服务中心，0512-66605850 / 66605892（园区 2020 年通告公布，可能已变更）。也可拨打人社服务热线 12333。",
    "Questions (as published on 2020-02-10 in Suzhou's notice; may have changed): Suzhou Employment Management Service Centre, Social Security and Employment Hall, Building A6, Suzhou City Life Plaza, 251 Pinglong Road, 0512-69820412; Zhangjiagang HR Management Service Centre, 0512-55390731; Suzhou Industrial Park Employment Management Service Centre, 0512-66605850 / 66605892 (as published in the Park's 2020 notice; may have changed). Or call the hotline 12333.",
);
pub const OTHER_CONTACTS: Pair = (
    "咨询：人社服务热线 12333，或当地就业服务中心（其他联系方式未找到公开来源）。",
    "Questions: the human-resources and social-security hotline 12333, or your local employment service centre (no other published contact was found).",
);

/// The rules used, by name and version (never the id).
pub fn profile(name: &str, version: &str, from: &str, to: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{name}，版本 {version}，有效期 {from} – {to}"),
        Lang::En => format!("{name}, version {version}, valid {from} – {to}"),
    }
}

/// The name of a policy parameter (a report's `used_for` or `unknown`,
/// or a hardship amount's `missing`) as a reader knows it.
pub fn parameter(name: &str) -> Pair {
    match name {
        "unit_treatment" => (
            "非企业单位的适用类别",
            "How non-enterprise units are treated",
        ),
        "layoff_formula" => ("裁员率计算口径", "Layoff-rate formula"),
        "comparison" => ("“低于”或“不高于”", "“Below” or “not above”"),
        "layoff_threshold" => ("裁员率标准", "Layoff-rate standard"),
        "refund_rate" => ("返还比例", "Refund rate"),
        "refund_rate_kind" => (
            "返还比例是定额还是上限",
            "Whether the rate is fixed or a cap",
        ),
        "application_window" => ("申请受理期限", "Application window"),
        "small_unit_headcount" => ("30 人以下规则所用人数", "Headcount of the 30-or-fewer rule"),
        "procedure" => (
            "办理方式（申请或免申即享）",
            "Procedure (application or automatic)",
        ),
        "small_unit_scope" => ("30 人以下规则的适用范围", "Scope of the 30-or-fewer rule"),
        "size_headcount_rule" => (
            "经办机构划型口径（按参保人数）",
            "The office's size rule (by insured headcount)",
        ),
        "late_payment_cutoff" => ("补缴截止日期", "Late-payment cut-off"),
        "hardship_benefit" => ("困难企业（失业保险金标准）", "Hardship (benefit formula)"),
        "hardship_contribution" => (
            "困难企业（社会保险费标准）",
            "Hardship (contribution formula)",
        ),
        "monthly_benefit" => (
            "当地月人均失业保险金",
            "The local monthly average unemployment benefit",
        ),
        "monthly_contributions_payable" => (
            "每月应缴社会保险费",
            "Social-insurance contributions payable a month",
        ),
        "review_threshold" => (
            "报市政府审议的金额",
            "Amount needing government deliberation",
        ),
        other => super::names::criterion(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_parameter_a_report_names_has_a_name_in_both_languages() {
        use crate::policy::{ParamId, RateClass};
        let ids = [
            ParamId::Procedure,
            ParamId::LayoffFormula,
            ParamId::SmallUnitComparison,
            ParamId::SmallUnitThreshold,
            ParamId::SmallUnitScope,
            ParamId::SmallUnitHeadcount,
            ParamId::RefundRate(RateClass::Large),
            ParamId::RefundRateKind(RateClass::Sme),
            ParamId::ApplicationWindow,
            ParamId::UnitTreatment,
            ParamId::SizeHeadcountRule,
            ParamId::MonthsPaidInFull,
            ParamId::LatePaymentCutoff,
            ParamId::NoHistoricalArrears,
            ParamId::IndustrialPolicy,
            ParamId::Environmental,
            ParamId::SeriouslyDishonestExcluded,
            ParamId::ZombieExcluded,
            ParamId::ReviewThreshold,
            ParamId::HardshipMonthlyBenefit,
            ParamId::HardshipContributionShare,
            ParamId::HardshipDifficulty,
            ParamId::HardshipUnionPlan,
            ParamId::HardshipNoLayoffMonths,
        ];
        for id in ids {
            let name = parameter(id.used_for());
            assert_ne!(name, ("其他条件", "Other condition"), "{}", id.used_for());
        }
    }
}
