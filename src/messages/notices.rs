//! Notices: what a report tells the enterprise besides the verdicts —
//! whose size classification decides, how the refund is obtained, which
//! rules the data year falls under and how those rules stand.

use rust_decimal::Decimal;

use crate::application::UnitType;
use crate::policy::{Procedure, RateClass};
use crate::text::{Bilingual, Lang};

/// A notice, with the values its text needs. The code is stable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// The office's classification (划型) was given and decides the class.
    SizeOfficial { class: RateClass },
    /// The class is the self-assessment: an estimate of the office's.
    SizeEstimate { class: RateClass },
    /// The office's headcount rule gives another class than the estimate.
    HeadcountRuleDisagrees {
        min_insured: u64,
        rule: RateClass,
        estimate: RateClass,
    },
    /// The rules give this type of unit no rate class.
    NoRateClass,
    /// The rules class this type of unit outright (Jiangsu: social-service
    /// bodies as large units), whatever its size: the class and its rate,
    /// with the source, said first.
    ClassByUnitType {
        unit_type: UnitType,
        class: RateClass,
        /// The rate of that class, as a decimal ratio; `None` if unknown.
        rate: Option<Decimal>,
        /// The rate is only a cap (按不超过).
        cap: bool,
        place: Bilingual,
        /// The document the treatment is cited to (文号).
        document: String,
    },
    /// How the refund is obtained under the profile.
    Procedure(Procedure),
    /// No shipped rules compute with the data year's figures; `latest`
    /// names the newest earlier rules of the place, an estimate at best.
    NoRulesForDataYear {
        data_year: u16,
        latest: Option<Bilingual>,
    },
    /// The data year and the credit code's place propose other rules than
    /// the ones named.
    OtherProfileProposed { proposed: Bilingual },
    /// The rules are provisional: the official text is not verified.
    Provisional,
    /// The rate is a cap (按不超过): the amount is the most that may be paid.
    RateCap,
    /// Application rules whose notice states no application window that
    /// was found: the signing date is not checked.
    ApplicationWindowUnknown,
}

impl Notice {
    pub fn code(&self) -> &'static str {
        match self {
            Notice::SizeOfficial { .. } => "size.official",
            Notice::SizeEstimate { .. } => "size.estimate",
            Notice::HeadcountRuleDisagrees { .. } => "size.headcount_rule_disagrees",
            Notice::NoRateClass => "rate_class.unknown",
            Notice::ClassByUnitType { .. } => "rate_class.by_unit_type",
            Notice::Procedure(Procedure::Automatic) => "procedure.automatic",
            Notice::Procedure(Procedure::Application) => "procedure.application",
            Notice::NoRulesForDataYear { .. } => "data_year.no_rules",
            Notice::OtherProfileProposed { .. } => "policy.other_profile_proposed",
            Notice::Provisional => "policy.provisional",
            Notice::RateCap => "refund.rate_cap",
            Notice::ApplicationWindowUnknown => "application.window_unknown",
        }
    }

    /// `warning` when the enterprise should act on it, else `info`.
    pub fn level(&self) -> &'static str {
        match self {
            Notice::HeadcountRuleDisagrees { .. }
            | Notice::NoRateClass
            | Notice::NoRulesForDataYear { .. }
            | Notice::OtherProfileProposed { .. }
            | Notice::Provisional => "warning",
            _ => "info",
        }
    }
}

fn class_text(class: RateClass, zh: bool) -> &'static str {
    match (class, zh) {
        (RateClass::Large, true) => "大型企业",
        (RateClass::Large, false) => "large",
        (RateClass::Sme, true) => "中小微企业",
        (RateClass::Sme, false) => "small or medium-sized (SME)",
    }
}

/// The class as an English noun phrase's start: "a large", "an SME".
fn article(class: RateClass) -> &'static str {
    match class {
        RateClass::Large => "a large",
        RateClass::Sme => "a small or medium-sized (SME)",
    }
}

/// The text of a notice.
pub fn text(notice: &Notice, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    super::reworded(match notice {
        Notice::SizeOfficial { class } if zh => format!(
            "按您填写的经办机构划型（{}）确定返还比例。",
            class_text(*class, zh)
        ),
        Notice::SizeOfficial { class } => format!(
            "The rate follows the office's classification you gave ({}).",
            class_text(*class, zh)
        ),
        Notice::SizeEstimate { class } if zh => format!(
            "企业规模（{}）是按工信部联企业〔2011〕300号自行测算的估计；经办机构按其自己的划型发放，以经办机构的划型为准。",
            class_text(*class, zh)
        ),
        Notice::SizeEstimate { class } => format!(
            "The size ({}) is a self-assessment under 工信部联企业〔2011〕300号, an estimate only: the office pays by its own classification (划型), which decides.",
            class_text(*class, zh)
        ),
        Notice::HeadcountRuleDisagrees { min_insured, rule, estimate } if zh => format!(
            "经办机构对不在统计部门名录中的单位按年末参保人数划型（{min_insured} 人及以上为大型，此规则未经确认）：按此规则本单位为{}，与自测的{}不一致。请向经办机构核实划型。",
            class_text(*rule, zh),
            class_text(*estimate, zh)
        ),
        Notice::HeadcountRuleDisagrees { min_insured, rule, estimate } => format!(
            "For units not on the statistics list the office classes by insured headcount at year-end ({min_insured} or more is large; this rule is unconfirmed): by it this unit is {}, not {} as self-assessed. Check your classification with the office.",
            class_text(*rule, zh),
            class_text(*estimate, zh)
        ),
        Notice::ClassByUnitType { unit_type, class, rate, cap, place, document } => {
            let (unit_zh, unit_en) = super::names::unit_type(*unit_type);
            let rate = rate.map(super::criteria::percent);
            match (zh, rate) {
                (true, Some(rate)) => format!(
                    "{unit_zh}：{}参照{}实施，返还比例 {}{rate}（{document}），与单位规模无关。",
                    place.zh,
                    class_text(*class, zh),
                    if *cap { "最高" } else { "" },
                ),
                (true, None) => format!(
                    "{unit_zh}：{}参照{}实施（{document}），与单位规模无关；该类返还比例未知。",
                    place.zh,
                    class_text(*class, zh),
                ),
                (false, Some(rate)) => format!(
                    "{unit_en}: {} rules treat it as {} enterprise whatever its size, so the refund rate is {}{rate} ({document}).",
                    place.en,
                    article(*class),
                    if *cap { "up to " } else { "" },
                ),
                (false, None) => format!(
                    "{unit_en}: {} rules treat it as {} enterprise whatever its size ({document}); that rate is unknown.",
                    place.en,
                    article(*class),
                ),
            }
        }
        Notice::NoRateClass if zh => "全国政策对此类单位只规定“参照实施”，未规定按大型还是中小微企业返还（各省不同）：请选择所在省份的政策，或填写经办机构的划型。".into(),
        Notice::NoRateClass => "The national rules say only that this type of unit applies by analogy, not at which rate (provinces differ): choose your province's rules, or give the office's classification.".into(),
        Notice::Procedure(Procedure::Automatic) if zh => "本政策“免申即享”：经办机构比对数据后直接拨付，无需申请。本结果是自查记录，不是申请。".into(),
        Notice::Procedure(Procedure::Automatic) => "Under these rules the refund is paid without application (免申即享): the office matches its records and pays. This result is a self-check record, not an application.".into(),
        Notice::Procedure(Procedure::Application) if zh => "本政策须由单位申请，经受理、初审、审核、会审、审议、公示、拨付、备案八个环节办理。".into(),
        Notice::Procedure(Procedure::Application) => "Under these rules the unit applies; the application goes through eight stages, from receipt to filing.".into(),
        Notice::NoRulesForDataYear { data_year, latest } => match (zh, latest) {
            (true, Some(name)) => format!("按 {data_year} 年度数据返还的政策尚未公布（以人社部门公布为准）。“{}”只能作为估算参考，不是适用的规则。", name.zh),
            (true, None) => format!("按 {data_year} 年度数据返还的政策尚未公布（以人社部门公布为准）。"),
            (false, Some(name)) => format!("No rules that refund on {data_year} figures are published yet (the bureau's notice decides). “{}” can serve only as an estimate, not as the rules that apply.", name.en),
            (false, None) => format!("No rules that refund on {data_year} figures are published yet (the bureau's notice decides)."),
        },
        Notice::OtherProfileProposed { proposed } if zh => format!("按数据年度和统一社会信用代码（登记地），适用的政策应为“{}”。", proposed.zh),
        Notice::OtherProfileProposed { proposed } => format!("By the data year and the credit code's place of registration, the rules that apply are “{}”.", proposed.en),
        Notice::Provisional if zh => "这是待核实的规则：官方文本尚未核实（仅见第三方转载，或沿用上年口径待本年通知）。结果可能随正式通知而变化。".into(),
        Notice::Provisional => "These are provisional rules: the official text is not verified (known only from third-party copies, or last year's rules carried forward pending this year's notice). The result may change with the official notice.".into(),
        Notice::RateCap if zh => "全国通知规定的是返还比例的上限（按不超过…返还），所在地可能按更低比例返还；以当地通知为准。".into(),
        Notice::RateCap => "The national notice sets the most that may be refunded (“up to”); your province or city may pay a lower rate: its own notice decides.".into(),
        Notice::ApplicationWindowUnknown if zh => "未找到通知规定的申请受理期限，签署日期未作核对：请以当地人社部门的通知为准。".into(),
        Notice::ApplicationWindowUnknown => "No application window stated in the notice was found, so the signing date is not checked: the local bureau's notice decides.".into(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_unit_classed_outright_is_told_its_class_rate_and_source() {
        let notice = Notice::ClassByUnitType {
            unit_type: UnitType::SocialServiceBody,
            class: RateClass::Large,
            rate: Some(Decimal::new(3, 1)),
            cap: false,
            place: Bilingual {
                zh: "江苏省".into(),
                en: "Jiangsu".into(),
            },
            document: "苏人社发〔2025〕22号".into(),
        };
        assert_eq!(
            text(&notice, Lang::Zh),
            "社会服务机构：江苏省参照大型企业实施，返还比例 30%（苏人社发〔2025〕22号），与单位规模无关。"
        );
        assert_eq!(
            text(&notice, Lang::En),
            "Social service body: Jiangsu rules treat it as a large enterprise whatever its size, so the refund rate is 30% (苏人社发〔2025〕22号)."
        );
    }
}
