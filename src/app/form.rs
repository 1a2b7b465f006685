//! The question pages and their fields, in the order an applicant has
//! the facts at hand.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::Lang;

/// A page of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Page {
    Policy,
    Enterprise,
    Headcount,
    Premiums,
    Declarations,
    Hardship,
    BankContact,
    Commitment,
    Review,
    Result,
    Print,
}

/// The question pages, in order (hardship is skipped where the profile
/// has no hardship path).
pub const QUESTION_PAGES: [Page; 8] = [
    Page::Policy,
    Page::Enterprise,
    Page::Headcount,
    Page::Premiums,
    Page::Declarations,
    Page::Hardship,
    Page::BankContact,
    Page::Commitment,
];

/// How a field is asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    /// A whole number (persons, months, a year).
    Count,
    /// Yuan, up to 2 decimals.
    Money,
    /// A decimal number (a monthly average).
    Decimal,
    Date,
    /// Yes / no radios.
    YesNo,
    /// A tick box that must be ticked.
    Tick,
    Tel,
    /// Digits of an account number.
    Account,
    UnitType,
    Industry,
    Policy,
}

/// One question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    /// The application path, e.g. `applicant.credit_code`.
    pub path: &'static str,
    pub kind: Kind,
    /// A hint under the label, zh then en.
    pub hint: Option<(&'static str, &'static str)>,
    pub autocomplete: Option<&'static str>,
}

const fn f(path: &'static str, kind: Kind) -> Field {
    Field {
        path,
        kind,
        hint: None,
        autocomplete: None,
    }
}

const fn h(path: &'static str, kind: Kind, zh: &'static str, en: &'static str) -> Field {
    Field {
        path,
        kind,
        hint: Some((zh, en)),
        autocomplete: None,
    }
}

const POLICY: &[Field] = &[
    h(
        "commitment.date",
        Kind::Date,
        "格式：年-月-日，例如 2019-06-10。用于选择适用政策。",
        "As YYYY-MM-DD, e.g. 2019-06-10. It picks the policy.",
    ),
    h(
        "policy",
        Kind::Policy,
        "已按日期和地区推荐，可更改。",
        "Suggested from the date and place; you can change it.",
    ),
];
const ENTERPRISE: &[Field] = &[
    Field {
        autocomplete: Some("organization"),
        ..h(
            "applicant.name",
            Kind::Text,
            "与营业执照一致。",
            "As on the business licence.",
        )
    },
    h(
        "applicant.credit_code",
        Kind::Text,
        "18 位，见营业执照。",
        "18 characters, on the business licence.",
    ),
    f("applicant.unit_type", Kind::UnitType),
    f("applicant.industry", Kind::Industry),
    h(
        "applicant.employees",
        Kind::Count,
        "上年末从业人员。",
        "Persons employed at the end of last year.",
    ),
    h(
        "applicant.revenue",
        Kind::Money,
        "元，例如 35000000.00。用于划分企业规模。",
        "Yuan, e.g. 35000000.00. Used for the enterprise size.",
    ),
    h(
        "applicant.assets",
        Kind::Money,
        "元。部分行业划型需要。",
        "Yuan. Some industries' size rules use it.",
    ),
];
const HEADCOUNT: &[Field] = &[
    h(
        "insured.year",
        Kind::Count,
        "政策按上一年度的数据计算。",
        "The policy uses the previous year's figures.",
    ),
    h(
        "insured.start",
        Kind::Count,
        "1 月初参加失业保险的职工人数。",
        "Employees insured at the start of January.",
    ),
    h(
        "insured.end",
        Kind::Count,
        "12 月末参保人数。",
        "Insured at the end of December.",
    ),
    h(
        "insured.monthly_average",
        Kind::Decimal,
        "12 个月参保人数之和 ÷ 12，可带小数。",
        "The sum of the 12 monthly counts ÷ 12; decimals allowed.",
    ),
    f("insured.retired_or_deceased", Kind::Count),
    f("insured.new_benefit_claimants", Kind::Count),
];
const PREMIUMS: &[Field] = &[
    h(
        "insured.months_paid_in_full",
        Kind::Count,
        "0 到 12。",
        "0 to 12.",
    ),
    h(
        "insured.premiums_paid",
        Kind::Money,
        "元，以社保经办机构的缴费记录为准。",
        "Yuan, per the social-insurance agency's records.",
    ),
    h(
        "insured.arrears_and_late_fees",
        Kind::Money,
        "元；没有填 0。这部分不计入返还基数。",
        "Yuan; 0 if none. This part is not refunded.",
    ),
];
const DECLARATIONS: &[Field] = &[
    f("declarations.industrial_policy_compliant", Kind::YesNo),
    f("declarations.environmental_compliant", Kind::YesNo),
    f("declarations.seriously_dishonest", Kind::YesNo),
    f("declarations.zombie", Kind::YesNo),
];
const HARDSHIP: &[Field] = &[
    f("hardship.temporary_difficulty", Kind::YesNo),
    f("hardship.union_agreed_plan", Kind::YesNo),
    f("hardship.no_layoff_commitment", Kind::YesNo),
    h(
        "hardship.monthly_contributions_payable",
        Kind::Money,
        "元：单位和职工每月应缴的社会保险费合计。",
        "Yuan: social-insurance contributions payable by the unit and its staff per month.",
    ),
];
const BANK_CONTACT: &[Field] = &[
    h(
        "bank.account_name",
        Kind::Text,
        "一般与单位名称一致。",
        "Usually the unit's name.",
    ),
    f("bank.bank_name", Kind::Text),
    h(
        "bank.account_number",
        Kind::Account,
        "只填数字，可用空格分组。",
        "Digits only; spaces between groups are fine.",
    ),
    Field {
        autocomplete: Some("name"),
        ..f("contact.name", Kind::Text)
    },
    Field {
        autocomplete: Some("tel"),
        ..h(
            "contact.phone",
            Kind::Tel,
            "11 位手机号码。",
            "An 11-digit mobile number.",
        )
    },
];
const COMMITMENT: &[Field] = &[
    f("commitment.signatory", Kind::Text),
    f("commitment.accepted", Kind::Tick),
];

impl Page {
    /// The fields asked on this page.
    pub fn fields(self) -> &'static [Field] {
        match self {
            Page::Policy => POLICY,
            Page::Enterprise => ENTERPRISE,
            Page::Headcount => HEADCOUNT,
            Page::Premiums => PREMIUMS,
            Page::Declarations => DECLARATIONS,
            Page::Hardship => HARDSHIP,
            Page::BankContact => BANK_CONTACT,
            Page::Commitment => COMMITMENT,
            Page::Review | Page::Result | Page::Print => &[],
        }
    }

    /// The page an issue's field is answered on.
    pub fn of_field(path: &str) -> Page {
        QUESTION_PAGES
            .into_iter()
            .find(|p| p.fields().iter().any(|f| f.path == path))
            .unwrap_or_else(|| match path.split('.').next().unwrap_or_default() {
                "hardship" => Page::Hardship,
                "insured" => Page::Headcount,
                "applicant" => Page::Enterprise,
                "bank" | "contact" => Page::BankContact,
                "commitment" => Page::Commitment,
                _ => Page::Policy,
            })
    }

    pub fn title(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            Page::Policy => ("适用政策", "Which policy applies"),
            Page::Enterprise => ("单位基本情况", "About the unit"),
            Page::Headcount => ("上年度参保人数和减员", "Last year's insured and departures"),
            Page::Premiums => ("上年度失业保险缴费", "Last year's premiums"),
            Page::Declarations => ("申请人声明", "Declarations"),
            Page::Hardship => ("困难企业", "Hardship"),
            Page::BankContact => ("收款账户和联系人", "Bank account and contact"),
            Page::Commitment => ("申请人承诺", "Commitment"),
            Page::Review => ("核对您的答案", "Check your answers"),
            Page::Result => ("预审结果", "Result"),
            Page::Print => ("打印申请表和承诺书", "Print the form and commitment"),
        };
        if lang == Lang::Zh {
            zh
        } else {
            en
        }
    }

    /// A stable name used in drafts and element ids.
    pub fn slug(self) -> &'static str {
        match self {
            Page::Policy => "policy",
            Page::Enterprise => "enterprise",
            Page::Headcount => "headcount",
            Page::Premiums => "premiums",
            Page::Declarations => "declarations",
            Page::Hardship => "hardship",
            Page::BankContact => "bank-contact",
            Page::Commitment => "commitment",
            Page::Review => "review",
            Page::Result => "result",
            Page::Print => "print",
        }
    }
}

/// The element id of a field's input.
pub fn input_id(path: &str) -> String {
    format!("f-{}", path.replace('.', "-"))
}

pub use crate::field_path::{get, set};

/// A field's value as text for an input (numbers as typed, blank for null).
pub fn as_text(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn every_issue_field_has_a_page() {
        assert_eq!(Page::of_field("applicant.credit_code"), Page::Enterprise);
        assert_eq!(Page::of_field("insured.premiums_paid"), Page::Premiums);
        assert_eq!(Page::of_field("hardship"), Page::Hardship);
        assert_eq!(Page::of_field("commitment.date"), Page::Policy);
        assert_eq!(Page::of_field("format"), Page::Policy);
    }
}
