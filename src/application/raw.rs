//! The application exactly as the user gave it (`wengang.application/1`).
//!
//! Every leaf keeps the JSON value it arrived as, so validation can name the
//! field and quote it back, and nothing the user typed is lost on the way.

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};

use super::leaf::{Choice, Count, Date, Decimal, Flag, Money, Text};
use super::{Industry, UnitType};

/// The format tag every application carries.
pub const APPLICATION_FORMAT: &str = "wengang.application/1";

impl RawApplication {
    /// The application in a JSON value (re-read through its text, which
    /// keeps one JSON reader in the wasm build instead of two).
    pub fn from_value(value: &Value) -> Result<Self, crate::ParseError> {
        crate::parse_application(&value.to_string())
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
    /// Reads an application out of a JSON value: known fields by name,
    /// everything else kept in `extra`. Only a section that is not an
    /// object (or a top level that is not one) is refused.
    pub fn from_json(value: Value) -> Result<Self, String> {
        let Value::Object(mut map) = value else {
            return Err(not_an_object("the application", &value));
        };
        Ok(RawApplication {
            format: take(&mut map, "format").into(),
            policy: take(&mut map, "policy").into(),
            applicant: RawApplicant::from_map(section(&mut map, "applicant")?),
            insured: RawInsured::from_map(section(&mut map, "insured")?),
            declarations: RawDeclarations::from_map(section(&mut map, "declarations")?),
            hardship: match map.remove("hardship") {
                None | Some(Value::Null) => None,
                Some(Value::Object(m)) => Some(RawHardship::from_map(m)),
                Some(other) => return Err(not_an_object("hardship", &other)),
            },
            bank: RawBank::from_map(section(&mut map, "bank")?),
            contact: RawContact::from_map(section(&mut map, "contact")?),
            commitment: RawCommitment::from_map(section(&mut map, "commitment")?),
            extra: map,
        })
    }
}

impl<'de> Deserialize<'de> for RawApplication {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // A key given twice is refused rather than silently overwritten.
        let value = super::unique::deserialize(deserializer)?;
        RawApplication::from_json(value).map_err(serde::de::Error::custom)
    }
}

impl RawApplicant {
    fn from_map(mut map: Map<String, Value>) -> Self {
        RawApplicant {
            name: take(&mut map, "name").into(),
            credit_code: take(&mut map, "credit_code").into(),
            unit_type: take(&mut map, "unit_type").into(),
            industry: take(&mut map, "industry").into(),
            employees: take(&mut map, "employees").into(),
            revenue: take(&mut map, "revenue").into(),
            assets: take(&mut map, "assets").into(),
            extra: map,
        }
    }
}

impl RawInsured {
    fn from_map(mut map: Map<String, Value>) -> Self {
        RawInsured {
            year: take(&mut map, "year").into(),
            start: take(&mut map, "start").into(),
            end: take(&mut map, "end").into(),
            monthly_average: take(&mut map, "monthly_average").into(),
            retired_or_deceased: take(&mut map, "retired_or_deceased").into(),
            new_benefit_claimants: take(&mut map, "new_benefit_claimants").into(),
            months_paid_in_full: take(&mut map, "months_paid_in_full").into(),
            premiums_paid: take(&mut map, "premiums_paid").into(),
            arrears_and_late_fees: take(&mut map, "arrears_and_late_fees").into(),
            extra: map,
        }
    }
}

impl RawDeclarations {
    fn from_map(mut map: Map<String, Value>) -> Self {
        RawDeclarations {
            industrial_policy_compliant: take(&mut map, "industrial_policy_compliant").into(),
            environmental_compliant: take(&mut map, "environmental_compliant").into(),
            seriously_dishonest: take(&mut map, "seriously_dishonest").into(),
            zombie: take(&mut map, "zombie").into(),
            extra: map,
        }
    }
}

impl RawHardship {
    fn from_map(mut map: Map<String, Value>) -> Self {
        RawHardship {
            temporary_difficulty: take(&mut map, "temporary_difficulty").into(),
            union_agreed_plan: take(&mut map, "union_agreed_plan").into(),
            no_layoff_commitment: take(&mut map, "no_layoff_commitment").into(),
            monthly_contributions_payable: take(&mut map, "monthly_contributions_payable").into(),
            extra: map,
        }
    }
}

impl RawBank {
    fn from_map(mut map: Map<String, Value>) -> Self {
        RawBank {
            account_name: take(&mut map, "account_name").into(),
            bank_name: take(&mut map, "bank_name").into(),
            account_number: take(&mut map, "account_number").into(),
            extra: map,
        }
    }
}

impl RawContact {
    fn from_map(mut map: Map<String, Value>) -> Self {
        RawContact {
            name: take(&mut map, "name").into(),
            phone: take(&mut map, "phone").into(),
            extra: map,
        }
    }
}

impl RawCommitment {
    fn from_map(mut map: Map<String, Value>) -> Self {
        RawCommitment {
            accepted: take(&mut map, "accepted").into(),
            signatory: take(&mut map, "signatory").into(),
            date: take(&mut map, "date").into(),
            extra: map,
        }
    }
}

fn take(map: &mut Map<String, Value>, key: &str) -> Value {
    map.remove(key).unwrap_or(Value::Null)
}

/// A section of the application; missing or `null` reads as empty.
fn section(map: &mut Map<String, Value>, key: &str) -> Result<Map<String, Value>, String> {
    match map.remove(key) {
        None | Some(Value::Null) => Ok(Map::new()),
        Some(Value::Object(section)) => Ok(section),
        Some(other) => Err(not_an_object(&format!("`{key}`"), &other)),
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
