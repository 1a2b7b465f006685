//! The question pages and their fields, in the order an applicant has
//! the facts at hand.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::field::{Field, Section};
use crate::messages::app as app_words;
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

/// Every page, in order.
pub const ALL_PAGES: [Page; 11] = [
    Page::Policy,
    Page::Enterprise,
    Page::Headcount,
    Page::Premiums,
    Page::Declarations,
    Page::Hardship,
    Page::BankContact,
    Page::Commitment,
    Page::Review,
    Page::Result,
    Page::Print,
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
    /// Which year's figures the user holds: the years some rules use.
    DataYear,
    /// The office's classification (划型): large, SME, or not known.
    OfficialSize,
    Policy,
}

/// One question: which field of the application it fills, and how it
/// is asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Prompt {
    pub field: Field,
    pub kind: Kind,
    /// The question asked, zh then en, where the field's short label
    /// would not say what a "yes" means (the declarations).
    pub question: Option<(&'static str, &'static str)>,
    /// A hint under the label, zh then en.
    pub hint: Option<(&'static str, &'static str)>,
    pub autocomplete: Option<&'static str>,
}

impl Prompt {
    /// The field's dotted path, as issues name it.
    pub fn path(&self) -> &'static str {
        self.field.path()
    }
}

const fn f(field: Field, kind: Kind) -> Prompt {
    Prompt {
        field,
        kind,
        question: None,
        hint: None,
        autocomplete: None,
    }
}

const fn h(field: Field, kind: Kind, zh: &'static str, en: &'static str) -> Prompt {
    Prompt {
        field,
        kind,
        question: None,
        hint: Some((zh, en)),
        autocomplete: None,
    }
}

/// A yes/no question asked in full, with a hint that says which answer
/// qualifies.
const fn yes_no(
    field: Field,
    question: (&'static str, &'static str),
    hint: (&'static str, &'static str),
) -> Prompt {
    Prompt {
        field,
        kind: Kind::YesNo,
        question: Some(question),
        hint: Some(hint),
        autocomplete: None,
    }
}

const POLICY: &[Prompt] = &[
    Prompt {
        question: Some((
            "您手上的社会保险缴费记录是哪一年的？",
            "Which year are your social-insurance statements for?",
        )),
        ..h(
            Field::Year,
            Kind::DataYear,
            "稳岗返还按上一年度的数据计算：用哪一年的数据，就按使用这一年数据的政策判定。",
            "The refund is computed on one year's figures: the year you hold decides which rules apply.",
        )
    },
    h(
        Field::Policy,
        Kind::Policy,
        "已按数据年度和地区推荐（有信用代码时按其登记地），可更改。",
        "Suggested from the data year and the place (the credit code's, once given); you can change it.",
    ),
];
/// The unit type first: it decides what else is asked (a unit the rules
/// class outright is not asked its size) and which document the hints
/// name (登记证书 or 营业执照: `messages::app`).
const ENTERPRISE: &[Prompt] = &[
    h(
        Field::UnitType,
        Kind::UnitType,
        app_words::UNIT_TYPE_HINT.0,
        app_words::UNIT_TYPE_HINT.1,
    ),
    Prompt {
        autocomplete: Some("organization"),
        ..h(
            Field::ApplicantName,
            Kind::Text,
            "与营业执照一致。",
            "As on the business licence.",
        )
    },
    h(
        Field::CreditCode,
        Kind::Text,
        "18 位，见营业执照。",
        "18 characters, on the business licence.",
    ),
    h(
        Field::Industry,
        Kind::Industry,
        app_words::INDUSTRY_HINT.0,
        app_words::INDUSTRY_HINT.1,
    ),
    h(
        Field::Employees,
        Kind::Count,
        "上年末从业人员。",
        "Persons employed at the end of last year.",
    ),
    h(
        Field::Revenue,
        Kind::Money,
        app_words::REVENUE_HINT.0,
        app_words::REVENUE_HINT.1,
    ),
    h(
        Field::Assets,
        Kind::Money,
        app_words::ASSETS_HINT.0,
        app_words::ASSETS_HINT.1,
    ),
    h(
        Field::OfficialSize,
        Kind::OfficialSize,
        "经办机构按其自己的划型发放；知道就选，不知道留空（按上面的数字估计）。",
        "The office pays by its own classification: choose it if you know it, else leave it empty (estimated from the figures above).",
    ),
];
const HEADCOUNT: &[Prompt] = &[
    h(
        Field::Start,
        Kind::Count,
        "1 月初参加失业保险的职工人数。",
        "Employees insured at the start of January.",
    ),
    h(
        Field::End,
        Kind::Count,
        "12 月末参保人数。",
        "Insured at the end of December.",
    ),
    h(
        Field::MonthlyAverage,
        Kind::Decimal,
        "12 个月参保人数之和 ÷ 12，可带小数。",
        "The sum of the 12 monthly counts ÷ 12; decimals allowed.",
    ),
    f(Field::RetiredOrDeceased, Kind::Count),
    f(Field::NewBenefitClaimants, Kind::Count),
];
const PREMIUMS: &[Prompt] = &[
    h(
        Field::MonthsPaidInFull,
        Kind::Count,
        "0 到 12。",
        "0 to 12.",
    ),
    h(
        Field::PremiumsPaid,
        Kind::Money,
        "元，以社保经办机构的缴费记录为准。",
        "Yuan, per the social-insurance agency's records.",
    ),
    h(
        Field::ArrearsAndLateFees,
        Kind::Money,
        "元；没有填 0。这部分不计入返还基数。",
        "Yuan; 0 if none. This part is not refunded.",
    ),
];
const DECLARATIONS: &[Prompt] = &[
    yes_no(
        Field::IndustrialPolicy,
        ("本单位是否符合国家和地方的产业结构调整政策？", "Does the unit comply with national and local industrial-structure policy?"),
        ("答“是”才可能返还。", "Only “yes” can qualify."),
    ),
    yes_no(
        Field::Environmental,
        ("本单位是否符合环保政策？", "Does the unit comply with environmental policy?"),
        ("答“是”才可能返还。", "Only “yes” can qualify."),
    ),
    yes_no(
        Field::SeriouslyDishonest,
        ("本单位是否被列入严重失信名单？", "Is the unit on a list of seriously dishonest entities?"),
        ("答“否”才可能返还：被列入严重失信名单的单位不予返还。", "Only “no” can qualify: units on such a list get no refund."),
    ),
    yes_no(
        Field::Zombie,
        ("本单位是否属于僵尸企业？", "Is the unit a zombie enterprise?"),
        ("答“否”才可能返还：僵尸企业不予返还。", "Only “no” can qualify: zombie enterprises get no refund."),
    ),
    yes_no(
        Field::NoOutstandingArrears,
        ("本单位往年欠缴的失业保险费是否都已补缴，没有历史欠费？", "Has the unit paid every unemployment-insurance premium owed from earlier years, leaving no arrears?"),
        ("答“是”的单位符合。部分年度（如江苏 2023 年）有历史欠费的单位不予返还；其他年度可不填。", "“Yes” qualifies. Some years' rules (e.g. Jiangsu 2023) exclude units with earlier arrears; elsewhere you may leave it."),
    ),
];
const HARDSHIP: &[Prompt] = &[
    yes_no(
        Field::TemporaryDifficulty,
        (
            "本单位是否面临暂时性生产经营困难，且恢复有望？",
            "Does the unit face a temporary difficulty, with prospects of recovery?",
        ),
        ("困难企业返还要求答“是”。", "The hardship path needs “yes”."),
    ),
    yes_no(
        Field::UnionAgreedPlan,
        (
            "本单位的稳岗方案是否已经工会同意？",
            "Has the union agreed to the unit's job-stabilisation plan?",
        ),
        ("困难企业返还要求答“是”。", "The hardship path needs “yes”."),
    ),
    yes_no(
        Field::NoLayoffCommitment,
        (
            "本单位是否承诺返还后不裁员或少裁员？",
            "Does the unit commit to no or few layoffs after the refund?",
        ),
        ("困难企业返还要求答“是”。", "The hardship path needs “yes”."),
    ),
    h(
        Field::MonthlyContributions,
        Kind::Money,
        "元：单位和职工每月应缴的社会保险费合计。",
        "Yuan: social-insurance contributions payable by the unit and its staff per month.",
    ),
];
const BANK_CONTACT: &[Prompt] = &[
    h(
        Field::AccountName,
        Kind::Text,
        "一般与单位名称一致。",
        "Usually the unit's name.",
    ),
    f(Field::BankName, Kind::Text),
    h(
        Field::AccountNumber,
        Kind::Account,
        "只填数字，可用空格分组。",
        "Digits only; spaces between groups are fine.",
    ),
    Prompt {
        autocomplete: Some("name"),
        ..f(Field::ContactName, Kind::Text)
    },
    Prompt {
        autocomplete: Some("tel"),
        ..h(
            Field::ContactPhone,
            Kind::Tel,
            "11 位手机号码。",
            "An 11-digit mobile number.",
        )
    },
];
const COMMITMENT: &[Prompt] = &[
    h(
        Field::CommitmentDate,
        Kind::Date,
        "签署日期，格式：年-月-日，例如 2019-06-10。",
        "The date you sign, as YYYY-MM-DD, e.g. 2019-06-10.",
    ),
    f(Field::Signatory, Kind::Text),
    f(Field::Accepted, Kind::Tick),
];

impl Page {
    /// The fields asked on this page.
    pub fn fields(self) -> &'static [Prompt] {
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

    /// The page an issue's field (or section) is answered on.
    pub fn of_field(path: &str) -> Page {
        if crate::field::Months::parse_path(path).is_some() {
            return Page::Headcount;
        }
        let field = Field::from_path(path);
        QUESTION_PAGES
            .into_iter()
            .find(|p| p.fields().iter().any(|f| Some(f.field) == field))
            .unwrap_or_else(|| {
                let section = field
                    .map(Field::section)
                    .or_else(|| Section::from_name(path));
                match section.unwrap_or(Section::Top) {
                    Section::Hardship => Page::Hardship,
                    Section::Insured => Page::Headcount,
                    Section::Applicant => Page::Enterprise,
                    Section::Declarations => Page::Declarations,
                    Section::Bank | Section::Contact => Page::BankContact,
                    Section::Commitment => Page::Commitment,
                    Section::Top => Page::Policy,
                }
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

    /// The page a slug names (a link such as `#/premiums`).
    pub fn from_slug(slug: &str) -> Option<Page> {
        ALL_PAGES.into_iter().find(|p| p.slug() == slug)
    }

    /// A stable name used in drafts, links and element ids.
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

    #[test]
    fn every_issue_field_has_a_page() {
        let page = |f: Field| Page::of_field(f.path());
        assert_eq!(page(Field::CreditCode), Page::Enterprise);
        assert_eq!(page(Field::PremiumsPaid), Page::Premiums);
        assert_eq!(Page::of_field(Section::Hardship.name()), Page::Hardship);
        assert_eq!(Page::of_field(Section::Insured.name()), Page::Headcount);
        assert_eq!(page(Field::CommitmentDate), Page::Commitment);
        assert_eq!(page(Field::Year), Page::Policy);
        assert_eq!(page(Field::Format), Page::Policy);
    }

    #[test]
    fn every_page_has_a_link_of_its_own() {
        for page in ALL_PAGES {
            assert_eq!(Page::from_slug(page.slug()), Some(page));
        }
        assert_eq!(Page::from_slug("nowhere"), None);
    }

    #[test]
    fn every_field_but_format_is_asked_once() {
        let asked: Vec<Field> = QUESTION_PAGES
            .iter()
            .flat_map(|p| p.fields())
            .map(|p| p.field)
            .collect();
        for field in Field::ALL {
            let times = asked.iter().filter(|f| *f == field).count();
            let expected = usize::from(*field != Field::Format);
            assert_eq!(times, expected, "{field}");
        }
    }
}
