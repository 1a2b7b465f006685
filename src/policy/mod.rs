//! 政策参数 — policy profiles: dated, cited data, one file per profile.
//!
//! Code here names parameters; their values live only in `profiles/*.json`
//! and `enterprise_size.json`, each with its source and whether it is
//! confirmed. A value of `null` means *unknown*: the feature that needs it
//! says it cannot be computed rather than guessing.

mod gloss;
mod param;
mod param_id;
mod read;
mod registry;
pub mod size_table;

pub use gloss::{clause_gloss, clause_glosses, CLAUSE_GLOSSES};
pub use param::{Param, ParamValue};
pub use param_id::ParamId;
pub use registry::{
    data_years, find, listing, places_of, profiles, propose, propose_for_data_year, LoadedProfile,
    ProfileError, ProfileSummary, Proposal,
};

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

pub use crate::application::RateClass;
use crate::application::UnitType;
use crate::named::named;
use crate::text::Bilingual;

/// A source document (文号), as cited by parameters.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Source {
    /// The document number, e.g. 人社部发〔2019〕23号.
    pub document: String,
    pub title: String,
    /// `false` where even the document number is unconfirmed.
    pub confirmed: bool,
}

/// How the layoff rate (裁员率) is computed in a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LayoffFormula {
    /// (start − end) / monthly average.
    NetReduction,
    /// (start − end − retired or deceased) / monthly average.
    NetReductionLessRetired,
    /// new benefit claimants / monthly average.
    NewBenefitClaimants,
}

/// Whether the layoff rate must be *lower than* (2019) or *not higher than*
/// (2020 on) the threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Comparison {
    /// 低于: rate < threshold.
    Strict,
    /// 不高于: rate ≤ threshold.
    NonStrict,
}

impl Comparison {
    pub fn holds(self, value: Decimal, threshold: Decimal) -> bool {
        match self {
            Comparison::Strict => value < threshold,
            Comparison::NonStrict => value <= threshold,
        }
    }

    pub fn symbol(self) -> &'static str {
        match self {
            Comparison::Strict => "<",
            Comparison::NonStrict => "<=",
        }
    }
}

/// How the refund is obtained under a profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Procedure {
    /// 申请: the enterprise applies (the 2019 eight stages).
    Application,
    /// 免申即享: the office screens its records and pays without an application.
    Automatic,
}

/// Whether a profile's rules are published, or carried provisionally
/// from a text nobody has verified (a 2026 notice known only from
/// third-party copies, or a province's rules carried forward pending its
/// own notice).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ProfileStatus {
    /// 已公布: every confirmed value is read from a published text.
    Published,
    /// 待核实: the official text is not verified; every result under it
    /// says so in its headline.
    Provisional,
}

/// Whether the text fixes a refund rate or caps it: national notices
/// say "按不超过…返还" (up to; a province or city may pay less, as
/// Chongqing 2025 paid 10% / 20%), local notices state the rate paid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RateKind {
    /// The text states the rate paid (按…返还).
    Fixed,
    /// The text states the most that may be paid (按不超过…返还).
    Cap,
}

/// A span of days, both ends included (`YYYY-MM-DD`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DateWindow {
    pub from: String,
    pub to: String,
}

/// How a unit type is treated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Treatment {
    /// By its enterprise size (large, or medium/small/micro).
    BySize,
    Large,
    Sme,
}

/// Which headcount the "≤ 30 insured" rule looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Headcount {
    Start,
    End,
    MonthlyAverage,
}

/// A value for large units and one for SMEs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ByClass<T> {
    pub large: Param<T>,
    pub sme: Param<T>,
}

impl<T> ByClass<T> {
    pub fn get(&self, class: RateClass) -> &Param<T> {
        match class {
            RateClass::Large => &self.large,
            RateClass::Sme => &self.sme,
        }
    }
}

/// A layoff-rate threshold and how a rate is held against it: each
/// threshold carries its own comparison (Suzhou 2020: large `<` 1.84%,
/// SME `<=` 5.5%).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Threshold {
    pub rate: Param<Decimal>,
    pub comparison: Param<Comparison>,
}

/// The layoff-rate thresholds of large units and of SMEs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Thresholds {
    pub large: Threshold,
    pub sme: Threshold,
}

impl Thresholds {
    pub fn get(&self, class: RateClass) -> &Threshold {
        match class {
            RateClass::Large => &self.large,
            RateClass::Sme => &self.sme,
        }
    }
}

/// The looser threshold for units with few insured (参保职工 30 人及以下).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SmallUnitRule {
    /// Who the rule covers: `true` only SMEs (national 2020), `false` any
    /// unit (Suzhou 2020, national 2021 on).
    pub sme_only: Param<bool>,
    pub max_insured: Param<u64>,
    pub threshold: Threshold,
    pub headcount: Param<Headcount>,
}

/// An office's rule that classes a unit by its insured headcount (Jiangsu
/// 2024: units not on the statistics list with ≥ 300 insured at year-end
/// are large).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SizeHeadcountRule {
    /// At or above this many insured the unit is large.
    pub min_insured_large: Param<u64>,
    pub headcount: Param<Headcount>,
}

/// The declarations a profile requires (each `true` = checked).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DeclarationRules {
    pub industrial_policy: Param<bool>,
    pub environmental: Param<bool>,
    pub seriously_dishonest_excluded: Param<bool>,
    pub zombie_excluded: Param<bool>,
    /// 无失业保险历史欠费: `true` the rules exclude units with historical
    /// arrears; `null` not known whether they do; absent: no such rule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no_historical_arrears: Option<Param<bool>>,
}

/// 困难企业: the hardship path's formulas.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HardshipRules {
    /// months × local monthly average unemployment benefit × insured.
    pub benefit: Option<BenefitFormula>,
    /// months × share × monthly social-insurance contributions payable.
    pub contribution: Option<ContributionFormula>,
    /// `true`: the unit must be in temporary difficulty with prospects of recovery.
    pub difficulty: Param<bool>,
    /// `true`: a job-stabilisation plan agreed with the union is required.
    pub union_plan: Param<bool>,
    /// The commitment not to lay off after the refund, in months.
    pub no_layoff_months: Param<u64>,
    /// Fund-side condition: reserve months the pooling area must hold.
    pub fund_reserve_months: Param<u64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BenefitFormula {
    pub months: Param<u64>,
    /// 月人均失业保险金, yuan.
    pub monthly_benefit: Param<Decimal>,
    pub headcount: Param<Headcount>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ContributionFormula {
    pub months: Param<u64>,
    pub share: Param<Decimal>,
}

/// A policy profile: the rules of one place (or the nation) for one year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PolicyProfile {
    pub id: String,
    /// Bumped whenever a value changes.
    pub version: String,
    pub name: Bilingual,
    pub place: Bilingual,
    /// The year applications are made in.
    pub applies_in: u16,
    /// The year whose figures are used (the one before).
    pub data_year: u16,
    pub valid_from: String,
    pub valid_to: String,
    /// Published, or provisional (the official text is not verified).
    pub status: ProfileStatus,
    pub sources: BTreeMap<String, Source>,
    /// How the refund is obtained: by application or without one.
    pub procedure: Param<Procedure>,
    /// When applications are taken, as the notice states it: the only
    /// date a rule checks (the signing date, under application rules).
    /// `None`: the rules take no application; a `null` value: the notice
    /// states no window that was found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application_window: Option<Param<DateWindow>>,
    pub layoff_formula: Param<LayoffFormula>,
    pub layoff_threshold: Thresholds,
    /// `None`: the profile has no such rule.
    pub small_unit_rule: Option<SmallUnitRule>,
    pub refund_rate: ByClass<Decimal>,
    /// Whether each rate is fixed by the text or only capped.
    pub refund_rate_kind: ByClass<RateKind>,
    /// A `null` treatment: the rules give that unit type no rate class.
    pub unit_treatment: Param<BTreeMap<UnitType, Option<Treatment>>>,
    /// The office's headcount rule for the size, where it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size_headcount_rule: Option<SizeHeadcountRule>,
    pub months_paid_in_full: Param<u64>,
    /// Last year's own premiums paid late count as paid when paid by this
    /// date (`YYYY-MM-DD`); absent where no such date is known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub late_payment_cutoff: Option<Param<String>>,
    pub declarations: DeclarationRules,
    /// At or above this refund the case goes to government deliberation;
    /// `None`: the profile has no such route.
    pub review_threshold: Option<Param<Decimal>>,
    /// `None`: the profile does not cover the hardship path.
    pub hardship: Option<HardshipRules>,
    pub fund_reserve_months: Param<u64>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

impl PolicyProfile {
    /// How a unit type is treated: `None` when the rules give it no rate
    /// class (the map says `null`, or the whole map is unknown). A type
    /// the map does not list is classed by size.
    pub fn treatment(&self, unit_type: UnitType) -> Option<Treatment> {
        match &self.unit_treatment.value {
            Some(map) => match map.get(&unit_type) {
                Some(t) => *t,
                None => Some(Treatment::BySize),
            },
            None => None,
        }
    }

    /// The class a unit type is treated as, given the class its size puts
    /// it in (when known); `None` when the rules give that unit type no
    /// rate class, or class it by a size that is not known.
    pub fn rate_class(&self, unit_type: UnitType, by_size: Option<RateClass>) -> Option<RateClass> {
        match self.treatment(unit_type)? {
            Treatment::Large => Some(RateClass::Large),
            Treatment::Sme => Some(RateClass::Sme),
            Treatment::BySize => by_size,
        }
    }

    /// Does the layoff formula count this headcount? Only a formula that
    /// names it does; while the formula is unknown, any might.
    pub fn counts_in_layoff_rate(&self, field: crate::application::field::Field) -> bool {
        use crate::application::field::Field;
        let needs = match field {
            Field::RetiredOrDeceased => LayoffFormula::NetReductionLessRetired,
            Field::NewBenefitClaimants => LayoffFormula::NewBenefitClaimants,
            _ => return true,
        };
        self.layoff_formula.value.is_none_or(|f| f == needs)
    }

    /// Whether the refund is obtained by application; unknown counts as
    /// by application, so nothing an application needs goes unasked.
    pub fn takes_applications(&self) -> bool {
        self.procedure.value != Some(Procedure::Automatic)
    }

    /// The highest refund rate the profile can give (for bounds checks).
    pub fn highest_refund_rate(&self) -> Decimal {
        [&self.refund_rate.large, &self.refund_rate.sme]
            .iter()
            .filter_map(|p| p.value)
            .max()
            .unwrap_or(Decimal::ZERO)
    }
}

/// Where a rule comes from, as shown in the trace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Citation {
    pub document: String,
    pub clause: String,
    pub confirmed: bool,
}

named!(LayoffFormula {
    NetReduction => "net_reduction",
    NetReductionLessRetired => "net_reduction_less_retired",
    NewBenefitClaimants => "new_benefit_claimants",
});

named!(ProfileStatus {
    Published => "published",
    Provisional => "provisional",
});

named!(RateKind {
    Fixed => "fixed",
    Cap => "cap",
});

named!(Procedure {
    Application => "application",
    Automatic => "automatic",
});

named!(Comparison {
    Strict => "strict",
    NonStrict => "non_strict",
});

named!(Treatment {
    BySize => "by_size",
    Large => "large",
    Sme => "sme",
});

named!(Headcount {
    Start => "start",
    End => "end",
    MonthlyAverage => "monthly_average",
});

// How each profile type is read from its data file (see `read`).
read::data_struct!(
    Source {
        document,
        title,
        confirmed
    },
    strict = true
);
read::data_struct!(Threshold { rate, comparison }, strict = true);
read::data_struct!(Thresholds { large, sme }, strict = true);
read::data_struct!(
    SmallUnitRule {
        sme_only,
        max_insured,
        threshold,
        headcount
    },
    strict = true
);
read::data_struct!(
    SizeHeadcountRule {
        min_insured_large,
        headcount
    },
    strict = true
);
read::data_struct!(
    DeclarationRules {
        industrial_policy,
        environmental,
        seriously_dishonest_excluded,
        zombie_excluded,
        no_historical_arrears
    },
    strict = true
);
read::data_struct!(
    HardshipRules {
        benefit,
        contribution,
        difficulty,
        union_plan,
        no_layoff_months,
        fund_reserve_months
    },
    strict = true
);
read::data_struct!(
    BenefitFormula {
        months,
        monthly_benefit,
        headcount
    },
    strict = true
);
read::data_struct!(ContributionFormula { months, share }, strict = true);
read::data_struct!(
    PolicyProfile {
        id,
        version,
        name,
        place,
        applies_in,
        data_year,
        valid_from,
        valid_to,
        status,
        sources,
        procedure,
        application_window,
        layoff_formula,
        layoff_threshold,
        small_unit_rule,
        refund_rate,
        refund_rate_kind,
        unit_treatment,
        size_headcount_rule,
        months_paid_in_full,
        late_payment_cutoff,
        declarations,
        review_threshold,
        hardship,
        fund_reserve_months,
        notes
    },
    strict = true
);

impl<T: ParamValue> read::Data for ByClass<T> {
    fn read(value: &serde_json::Value, at: &str) -> Result<Self, String> {
        let fields = read::Fields::of(value, at)?;
        fields.only(&["large", "sme"])?;
        Ok(ByClass {
            large: fields.take("large")?,
            sme: fields.take("sme")?,
        })
    }
}

impl read::Data for Bilingual {
    fn read(value: &serde_json::Value, at: &str) -> Result<Self, String> {
        let fields = read::Fields::of(value, at)?;
        fields.only(&["zh", "en"])?;
        Ok(Bilingual {
            zh: fields.take("zh")?,
            en: fields.take("en")?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::application::field::Field;

    /// A shipped profile with its layoff formula set to `formula`.
    fn with_formula(formula: Option<LayoffFormula>) -> PolicyProfile {
        let mut profile = find("cn-2024").map(|p| p.profile.clone()).unwrap();
        profile.layoff_formula.value = formula;
        profile
    }

    #[test]
    fn a_headcount_is_asked_only_where_the_layoff_formula_counts_it() {
        use LayoffFormula::*;
        let counts = |formula, field| with_formula(formula).counts_in_layoff_rate(field);
        // The net reduction (every shipped profile) counts neither.
        assert!(!counts(Some(NetReduction), Field::RetiredOrDeceased));
        assert!(!counts(Some(NetReduction), Field::NewBenefitClaimants));
        // Nantong's formula deducts the retired and deceased.
        assert!(counts(
            Some(NetReductionLessRetired),
            Field::RetiredOrDeceased
        ));
        assert!(!counts(
            Some(NetReductionLessRetired),
            Field::NewBenefitClaimants
        ));
        // The claimants formula counts new claimants only.
        assert!(counts(
            Some(NewBenefitClaimants),
            Field::NewBenefitClaimants
        ));
        assert!(!counts(Some(NewBenefitClaimants), Field::RetiredOrDeceased));
        // Unknown: any formula might, so both are asked.
        assert!(counts(None, Field::RetiredOrDeceased));
        assert!(counts(None, Field::NewBenefitClaimants));
        // Every other figure counts, whatever the formula.
        assert!(counts(Some(NetReduction), Field::Start));
    }
}
