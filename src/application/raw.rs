//! The application exactly as the user gave it (`wengang.application/1`).
//!
//! Every leaf keeps the JSON value it arrived as, so validation can name the
//! field and quote it back, and nothing the user typed is lost on the way.

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};

use super::leaf::{Choice, Count, Date, Decimal, Flag, Money, MonthsTable, Text};
use super::{Industry, UnitType};
use crate::application::field::{Field, Months, Section};

/// The format tag every application carries.
pub const APPLICATION_FORMAT: &str = "wengang.application/1";

impl RawApplication {
    /// The application in a JSON value (re-read through its text, which
    /// keeps one JSON reader in the wasm build instead of two).
    pub fn from_value(value: &Value) -> Result<Self, crate::application::ParseError> {
        crate::application::parse_application(&value.to_string())
    }
}

/// 申请 — a whole application, as given.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
#[schemars(title = "wengang.application/1", extend("$id" = "https://wengang.invalid/schema/application-1.json"))]
pub struct RawApplication {
    /// Always `wengang.application/1`.
    #[serde(default)]
    pub format: Text,
    /// The policy profile id, e.g. `suzhou-2019`.
    #[serde(default)]
    pub policy: Text,
    #[serde(default)]
    pub applicant: RawApplicant,
    #[serde(default)]
    pub insured: RawInsured,
    #[serde(default)]
    pub declarations: RawDeclarations,
    /// `null` unless the enterprise applies on the hardship path.
    #[serde(default)]
    pub hardship: Option<RawHardship>,
    #[serde(default)]
    pub bank: RawBank,
    #[serde(default)]
    pub contact: RawContact,
    #[serde(default)]
    pub commitment: RawCommitment,
    /// Fields we do not know are kept, so a round trip loses nothing.
    #[serde(flatten)]
    #[schemars(skip)]
    pub extra: Map<String, Value>,
}

/// 申请单位 — the applicant.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
pub struct RawApplicant {
    /// 单位名称.
    #[serde(default)]
    pub name: Text,
    /// 统一社会信用代码 (GB 32100-2015), 18 characters.
    #[serde(default)]
    pub credit_code: Text,
    #[serde(default)]
    pub unit_type: Choice<UnitType>,
    #[serde(default)]
    pub industry: Choice<Industry>,
    /// 从业人员: persons employed.
    #[serde(default)]
    pub employees: Count,
    /// 营业收入 of last year, yuan.
    #[serde(default)]
    pub revenue: Money,
    /// 资产总额 at the end of last year, yuan.
    #[serde(default)]
    pub assets: Money,
    /// 划型: the office's classification, `large` or `sme`, when known;
    /// it decides the rate class over the self-assessment.
    #[serde(default)]
    pub official_size: Choice<super::RateClass>,
    #[serde(flatten)]
    #[schemars(skip)]
    pub extra: Map<String, Value>,
}

/// 上年度参保情况 — unemployment insurance of last year.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
pub struct RawInsured {
    /// The calendar year the figures are for (the year before the application).
    #[serde(default)]
    pub year: Count,
    /// 年初参保人数: insured at the start of the year.
    #[serde(default)]
    pub start: Count,
    /// 年末参保人数: insured at the end of the year.
    #[serde(default)]
    pub end: Count,
    /// 月平均参保人数: monthly average insured, a decimal string.
    #[serde(default)]
    pub monthly_average: Decimal,
    /// 退休或死亡人数 during the year.
    #[serde(default)]
    pub retired_or_deceased: Count,
    /// 新增领取失业保险金人数 during the year.
    #[serde(default)]
    pub new_benefit_claimants: Count,
    /// 足额缴费月数 in the year, 0 to 12.
    #[serde(default)]
    pub months_paid_in_full: Count,
    /// 实际缴纳失业保险费 in the year, yuan.
    #[serde(default)]
    pub premiums_paid: Money,
    /// 补缴的历年欠费和滞纳金 included in `premiums_paid`, yuan.
    #[serde(default)]
    pub arrears_and_late_fees: Money,
    /// 参保缴费明细 (optional): twelve monthly rows; omitted when not given.
    #[serde(default, skip_serializing_if = "MonthsTable::is_null")]
    pub months: MonthsTable,
    #[serde(flatten)]
    #[schemars(skip)]
    pub extra: Map<String, Value>,
}

/// 申请人声明 — the applicant's declarations.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
pub struct RawDeclarations {
    /// 符合国家和地区产业结构调整政策.
    #[serde(default)]
    pub industrial_policy_compliant: Flag,
    /// 符合环保政策.
    #[serde(default)]
    pub environmental_compliant: Flag,
    /// 被列入严重失信名单.
    #[serde(default)]
    pub seriously_dishonest: Flag,
    /// 僵尸企业.
    #[serde(default)]
    pub zombie: Flag,
    /// 无失业保险历史欠费 (optional): required where the rules exclude
    /// units with historical arrears, ignored elsewhere.
    #[serde(default)]
    pub no_outstanding_arrears: Flag,
    #[serde(flatten)]
    #[schemars(skip)]
    pub extra: Map<String, Value>,
}

/// 困难企业 — the hardship path's inputs.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
pub struct RawHardship {
    /// 暂时性生产经营困难且恢复有望.
    #[serde(default)]
    pub temporary_difficulty: Flag,
    /// 稳定就业方案经工会或职工代表同意.
    #[serde(default)]
    pub union_agreed_plan: Flag,
    /// 承诺返还后一定期限内不裁员或少裁员.
    #[serde(default)]
    pub no_layoff_commitment: Flag,
    /// 单位和职工每月应缴纳社会保险费, yuan.
    #[serde(default)]
    pub monthly_contributions_payable: Money,
    #[serde(flatten)]
    #[schemars(skip)]
    pub extra: Map<String, Value>,
}

/// 收款账户 — the account the refund is paid to.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
pub struct RawBank {
    #[serde(default)]
    pub account_name: Text,
    #[serde(default)]
    pub bank_name: Text,
    /// 对公账号: digits only.
    #[serde(default)]
    pub account_number: Text,
    #[serde(flatten)]
    #[schemars(skip)]
    pub extra: Map<String, Value>,
}

/// 联系人.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
pub struct RawContact {
    #[serde(default)]
    pub name: Text,
    /// Mobile phone, 11 digits starting with 1.
    #[serde(default)]
    pub phone: Text,
    #[serde(flatten)]
    #[schemars(skip)]
    pub extra: Map<String, Value>,
}

/// 申请人承诺.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
pub struct RawCommitment {
    /// The applicant accepts the commitment letter (承诺书).
    #[serde(default)]
    pub accepted: Flag,
    #[serde(default)]
    pub signatory: Text,
    /// `YYYY-MM-DD`.
    #[serde(default)]
    pub date: Date,
    #[serde(flatten)]
    #[schemars(skip)]
    pub extra: Map<String, Value>,
}

impl RawApplication {
    /// Reads an application out of a JSON value: known fields by name
    /// (the names of [`crate::application::field::Field`]), everything else kept in
    /// `extra`. Only a section that is not an object (or a top level that
    /// is not one) is refused; a `null` or missing `hardship` means the
    /// hardship path is not taken.
    pub fn from_json(value: Value) -> Result<Self, String> {
        let Value::Object(mut top) = value else {
            return Err(not_an_object("the application", &value));
        };
        let mut raw = RawApplication::default();
        // One object per section, indexed as `Section::ALL`; the top level's
        // slot stays empty (its fields are read from `top`).
        let mut sections: [Map<String, Value>; Section::ALL.len()] = Default::default();
        for (i, section) in Section::ALL.into_iter().enumerate().skip(1) {
            let key = section.name();
            match top.remove(key) {
                None | Some(Value::Null) => {}
                Some(Value::Object(map)) => {
                    if section == Section::Hardship {
                        raw.hardship = Some(RawHardship::default());
                    }
                    sections[i] = map;
                }
                Some(other) if section == Section::Hardship => {
                    return Err(not_an_object(key, &other))
                }
                Some(other) => return Err(not_an_object(&format!("`{key}`"), &other)),
            }
        }
        for &field in Field::ALL {
            let section = field.section();
            if section == Section::Hardship && raw.hardship.is_none() {
                continue;
            }
            let map = match section {
                Section::Top => &mut top,
                s => &mut sections[s as usize],
            };
            if let Some(value) = map.remove(field.leaf()) {
                field.set_raw(&mut raw, value);
            }
        }
        if let Some(table) = sections[Months::SECTION as usize].remove(Months::LEAF) {
            *Months::raw_mut(&mut raw) = table;
        }
        let [_, applicant, insured, declarations, hardship, bank, contact, commitment] = sections;
        raw.applicant.extra = applicant;
        raw.insured.extra = insured;
        raw.declarations.extra = declarations;
        if let Some(h) = &mut raw.hardship {
            h.extra = hardship;
        }
        raw.bank.extra = bank;
        raw.contact.extra = contact;
        raw.commitment.extra = commitment;
        raw.extra = top;
        Ok(raw)
    }
}

impl<'de> Deserialize<'de> for RawApplication {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // A key given twice is refused rather than silently overwritten.
        let value = super::unique::deserialize(deserializer)?;
        RawApplication::from_json(value).map_err(serde::de::Error::custom)
    }
}

fn not_an_object(what: &str, value: &Value) -> String {
    let kind = match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    };
    format!("{what} must be a JSON object, not {kind}")
}
