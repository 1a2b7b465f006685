//! The application exactly as the user gave it (`wengang.application/1`).
//!
//! Every leaf keeps the JSON value it arrived as, so validation can name the
//! field and quote it back, and nothing the user typed is lost on the way.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::leaf::{Choice, Count, Date, Decimal, Flag, Money, Text};
use super::{Industry, UnitType};

/// The format tag every application carries.
pub const APPLICATION_FORMAT: &str = "wengang.application/1";

/// 申请 — a whole application, as given.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
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
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
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
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
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
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
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
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
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
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
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
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
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
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
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
