//! The interchange types: the raw application as given, and the validated
//! [`Application`] that validation turns it into.

pub mod field;
mod finding;
pub mod leaf;
pub mod months;
mod parse;
mod raw;
pub mod unique;

pub use finding::{Finding, ListKind};
pub(crate) use parse::without_bom;
pub use parse::{application_schema, parse_application, ParseError};
pub use raw::*;

use crate::named::named;
pub use crate::named::Named;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// 单位类型 — the kind of insured unit.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum UnitType {
    Enterprise,
    IndividualBusiness,
    SocialOrganisation,
    Foundation,
    SocialServiceBody,
    LawFirm,
    AccountingFirm,
    /// 劳务派遣单位 (Jiangsu 2025 puts it at the large rate).
    LabourDispatch,
}

/// The class a unit is treated as for thresholds and refund rates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RateClass {
    /// 大型企业.
    Large,
    /// 中小微企业.
    Sme,
}

named!(RateClass {
    Large => "large",
    Sme => "sme",
});

/// 行业 — the industry rows of 工信部联企业〔2011〕300号.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Industry {
    Agriculture,
    Industry,
    Construction,
    Wholesale,
    Retail,
    Transport,
    Warehousing,
    Postal,
    Accommodation,
    Catering,
    InformationTransmission,
    SoftwareIt,
    RealEstate,
    PropertyManagement,
    LeasingBusiness,
    Other,
}

named!(UnitType {
    Enterprise => "enterprise",
    IndividualBusiness => "individual_business",
    SocialOrganisation => "social_organisation",
    Foundation => "foundation",
    SocialServiceBody => "social_service_body",
    LawFirm => "law_firm",
    AccountingFirm => "accounting_firm",
    LabourDispatch => "labour_dispatch",
});

named!(Industry {
    Agriculture => "agriculture",
    Industry => "industry",
    Construction => "construction",
    Wholesale => "wholesale",
    Retail => "retail",
    Transport => "transport",
    Warehousing => "warehousing",
    Postal => "postal",
    Accommodation => "accommodation",
    Catering => "catering",
    InformationTransmission => "information_transmission",
    SoftwareIt => "software_it",
    RealEstate => "real_estate",
    PropertyManagement => "property_management",
    LeasingBusiness => "leasing_business",
    Other => "other",
});

/// A calendar date, checked to exist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CalendarDate {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl std::fmt::Display for CalendarDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A validated application: every field typed, every check passed
/// (warnings aside). Only [`crate::validate`] makes one.
#[derive(Debug, Clone, PartialEq)]
pub struct Application {
    pub policy: String,
    pub applicant: Applicant,
    pub insured: Insured,
    pub declarations: Declarations,
    pub hardship: Option<Hardship>,
    /// The signing date; `None` under automatic rules (免申即享), which
    /// take no application and ask for no commitment.
    pub commitment_date: Option<CalendarDate>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Applicant {
    pub name: String,
    pub credit_code: String,
    pub unit_type: UnitType,
    /// `None` where the self-assessed size cannot decide the rate (the
    /// office's classification is given, or the rules class this type of
    /// unit outright) and it was left empty; so are the figures below.
    pub industry: Option<Industry>,
    pub employees: Option<u64>,
    /// Yuan; `None` where the industry's size row does not use it (or the
    /// size is not needed) and it was left empty.
    pub revenue: Option<Decimal>,
    /// Yuan; as `revenue`.
    pub assets: Option<Decimal>,
    /// 划型: the office's classification, when given.
    pub official_size: Option<RateClass>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Insured {
    pub year: u64,
    pub start: u64,
    pub end: u64,
    pub monthly_average: Decimal,
    pub retired_or_deceased: u64,
    pub new_benefit_claimants: u64,
    pub months_paid_in_full: u64,
    pub premiums_paid: Decimal,
    pub arrears_and_late_fees: Decimal,
    /// 参保缴费明细, when given: the figures above agree with them (or
    /// were derived from them).
    pub months: Option<months::MonthlyRecords>,
}

/// The conditions an application declares, or a bureau looks up on
/// lists: each the answer to its field's question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Declarations {
    pub industrial_policy_compliant: Finding,
    pub environmental_compliant: Finding,
    pub seriously_dishonest: Finding,
    pub zombie: Finding,
    /// 无失业保险历史欠费, when declared or looked up.
    pub no_outstanding_arrears: Option<Finding>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Hardship {
    pub temporary_difficulty: bool,
    pub union_agreed_plan: bool,
    pub no_layoff_commitment: bool,
    pub monthly_contributions_payable: Option<Decimal>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_the_json_names() {
        for u in UnitType::ALL {
            assert_eq!(serde_json::to_value(u).unwrap(), u.name());
            assert_eq!(UnitType::from_name(u.name()), Some(*u));
        }
        for i in Industry::ALL {
            assert_eq!(serde_json::to_value(i).unwrap(), i.name());
            assert_eq!(Industry::from_name(i.name()), Some(*i));
        }
        assert_eq!(UnitType::ALL.len(), 8);
        assert_eq!(Industry::ALL.len(), 16);
    }
}
