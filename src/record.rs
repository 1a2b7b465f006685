//! 判定记录 — the language-neutral record of an assessment: ids, numbers
//! and codes, no prose in any language. Submissions carry it, `verify`
//! compares it, and reports take their figures from it, so a wording fix
//! or a new language never changes a digest.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::application::months::{Formula, MonthlyRecords};
use crate::assessment::Assessment;
use crate::eligibility::{Decision, Evidence, HardshipAmount, HardshipStatus, SizeSource, Verdict};
use crate::named::Named;
use crate::policy::{Procedure, RateClass, RateKind};
use crate::refund::Route;
use crate::size::EnterpriseSize;
use crate::validate::Severity;

pub use crate::figures::{money, plain, ratio, ratio_decimal};

/// Everything decided about an application, language-neutral.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DecisionRecord {
    /// No error-severity issue.
    pub valid: bool,
    /// `null` when errors or an unknown parameter prevent a decision.
    pub eligible: Option<bool>,
    pub size: Option<EnterpriseSize>,
    /// `official` (the office's classification was given) or `estimate`.
    pub size_source: Option<SizeSource>,
    /// `null` also when the rules give the unit type no rate class.
    pub rate_class: Option<RateClass>,
    /// `application` or `automatic` (免申即享), from the profile.
    pub procedure: Option<Procedure>,
    /// Reduction ÷ monthly average, as a decimal ratio.
    pub layoff_rate: Option<String>,
    /// The threshold that applied, as a decimal ratio.
    pub threshold: Option<String>,
    /// `<` or `<=`: the comparison of the threshold that applied.
    pub comparison: Option<String>,
    /// Premiums paid less arrears and late fees, yuan.
    pub refund_base: Option<String>,
    pub refund_rate: Option<String>,
    /// `fixed` (the text states the rate paid) or `cap` (按不超过: the
    /// most that may be paid; a city may pay less).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refund_rate_kind: Option<RateKind>,
    /// base × rate before rounding.
    pub refund_unrounded: Option<String>,
    /// Yuan to 2 decimals; `"0.00"` when not eligible.
    pub refund: Option<String>,
    pub route: Option<Route>,
    pub review_threshold: Option<String>,
    pub margin: Option<u64>,
    pub criteria: Vec<CriterionRecord>,
    pub hardship: Option<HardshipRecord>,
    /// Every parameter used, as a JSON Pointer into the stamped profile.
    pub params: Vec<String>,
    /// Parameters whose values are unknown and kept something undecided.
    pub unknown: Vec<String>,
    /// Issues by field and code (a valid application may keep warnings).
    pub issues: Vec<IssueRecord>,
    /// The figures derived from the monthly records, when they were given
    /// and valid (absent otherwise, so records made without them keep
    /// their digests).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub derived: Vec<DerivedRecord>,
}

/// A figure derived from the monthly records (参保缴费明细).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DerivedRecord {
    /// The field it fills or is held against, e.g. `insured.start`.
    pub field: String,
    /// A count, yuan to the fen, or the average as a decimal ratio.
    pub value: String,
    /// The formula's stable id, e.g. `sum_insured_div_12`.
    pub formula: String,
    /// `false` where the formula is our documented reading of the policy
    /// rather than its text (the start and end counts).
    pub confirmed: bool,
}

impl DerivedRecord {
    /// The records' derived figures.
    pub fn all(records: &MonthlyRecords) -> Vec<DerivedRecord> {
        records
            .derivations()
            .iter()
            .map(|d| DerivedRecord {
                field: d.formula.field().path().to_owned(),
                value: match d.formula {
                    Formula::Average => ratio(d.value),
                    Formula::SumPaid => money(d.value),
                    _ => plain(d.value),
                },
                formula: d.formula.id().to_owned(),
                confirmed: d.formula.confirmed(),
            })
            .collect()
    }
}

/// One criterion: outcome, numbers, bound, and the parameter it cites.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CriterionRecord {
    pub id: String,
    /// `null`: cannot be decided (an unknown parameter).
    pub passed: Option<bool>,
    /// The numbers used, as decimal strings.
    pub values: BTreeMap<String, String>,
    pub threshold: Option<String>,
    /// `<`, `<=`, `>=`, `=`, or `?` while unknown.
    pub comparison: String,
    /// E.g. `small_unit` when the ≤ 30 insured rule applied.
    pub variant: Option<String>,
    /// The cited parameter, as a JSON Pointer into the stamped profile.
    pub param: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct HardshipRecord {
    pub status: HardshipStatus,
    pub conditions: Vec<CriterionRecord>,
    pub amounts: Vec<HardshipAmountRecord>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct HardshipAmountRecord {
    /// `benefit` or `contribution`.
    pub formula: String,
    /// Yuan; `null` when it cannot be computed.
    pub amount: Option<String>,
    pub values: BTreeMap<String, String>,
    /// What is unknown or missing.
    pub missing: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct IssueRecord {
    /// A path such as `applicant.credit_code`.
    pub field: String,
    /// A stable code such as `credit_code.check`.
    pub code: String,
    pub severity: Severity,
}

impl DecisionRecord {
    /// The record of an assessment.
    pub fn of(assessment: &Assessment) -> DecisionRecord {
        let issues = assessment
            .validation
            .issues
            .iter()
            .map(|i| IssueRecord {
                field: i.field.clone(),
                code: i.kind.code().to_owned(),
                severity: i.severity(),
            })
            .collect();
        let mut record = DecisionRecord {
            valid: assessment.valid(),
            eligible: None,
            size: None,
            size_source: None,
            rate_class: None,
            procedure: None,
            layoff_rate: None,
            threshold: None,
            comparison: None,
            refund_base: None,
            refund_rate: None,
            refund_rate_kind: None,
            refund_unrounded: None,
            refund: None,
            route: None,
            review_threshold: None,
            margin: None,
            criteria: Vec::new(),
            hardship: None,
            params: Vec::new(),
            unknown: Vec::new(),
            issues,
            derived: assessment
                .validation
                .months
                .as_ref()
                .map(DerivedRecord::all)
                .unwrap_or_default(),
        };
        if let (Some(d), Some(profile)) = (&assessment.decision, assessment.validation.profile) {
            record.fill(d, &profile.profile);
        }
        record
    }

    fn fill(&mut self, d: &Decision, profile: &crate::policy::PolicyProfile) {
        self.eligible = d.eligible;
        self.size = d.size;
        self.size_source = d.size_source;
        self.rate_class = d.rate_class;
        self.procedure = d.procedure;
        self.layoff_rate = d.layoff.as_ref().map(|l| ratio(l.rate));
        self.threshold = d.threshold.value.map(plain);
        self.comparison = d.threshold.comparison.map(|c| c.symbol().to_owned());
        self.criteria = d.verdicts().map(CriterionRecord::of).collect();
        if let Some(r) = &d.refund {
            self.refund_base = Some(money(r.base));
            self.refund_rate = Some(plain(r.rate));
            self.refund_rate_kind = r.kind;
            self.refund_unrounded = Some(plain(r.exact));
            self.review_threshold = r.review_threshold.map(money);
        }
        if let Some((amount, route)) = d.payout() {
            self.refund = Some(amount.to_string());
            self.route = Some(route);
        }
        self.margin = d.margin;
        self.hardship = d.hardship.as_ref().map(|h| HardshipRecord {
            status: h.status,
            conditions: h.conditions.iter().map(CriterionRecord::of).collect(),
            amounts: h.amounts.iter().map(HardshipAmountRecord::of).collect(),
        });
        self.params = d
            .params_used(profile)
            .iter()
            .map(|p| p.pointer().to_owned())
            .collect();
        self.unknown = d.unknown.iter().map(|p| p.pointer().to_owned()).collect();
    }
}

impl CriterionRecord {
    fn of(v: &Verdict) -> CriterionRecord {
        let mut values = BTreeMap::new();
        let mut put = |name: &str, value: String| {
            values.insert(name.to_owned(), value);
        };
        let mut variant = None;
        let threshold = match v.evidence {
            Evidence::Months {
                paid_in_full,
                required,
            } => {
                put("months_paid_in_full", paid_in_full.to_string());
                Some(required.to_string())
            }
            Evidence::Layoff(l) => {
                if let Some(rate) = &l.layoff {
                    put("reduction", plain(rate.reduction));
                    put("monthly_average", ratio(rate.average));
                    put("layoff_rate", ratio(rate.rate));
                }
                if let Some(count) = l.headcount {
                    put("small_unit_headcount", count.to_string());
                }
                variant = l.variant.map(|v| v.as_str().to_owned());
                l.threshold.map(plain)
            }
            Evidence::Declared {
                declared,
                passes_when,
            } => {
                put("declared", declared.to_string());
                Some(passes_when.to_string())
            }
            Evidence::Condition { declared, .. } => {
                put("declared", declared.to_string());
                None
            }
            Evidence::Arrears { declared, .. } => {
                if let Some(declared) = declared {
                    put("declared", declared.to_string());
                }
                Some(true.to_string())
            }
            // On the list (its line) or not: passes when not listed.
            Evidence::Listed { list, row } => {
                put("list", list.name().to_owned());
                put("listed", row.is_some().to_string());
                if let Some(row) = row {
                    put("list_line", row.to_string());
                }
                Some(false.to_string())
            }
            Evidence::Unchecked { list } => {
                put("list", list.name().to_owned());
                Some(false.to_string())
            }
        };
        CriterionRecord {
            id: v.id.as_str().to_owned(),
            passed: v.passed,
            values,
            threshold,
            comparison: v.evidence.relation().symbol().to_owned(),
            variant,
            param: v.param.pointer().to_owned(),
        }
    }
}

/// Named numbers as a map, inserted one by one: `collect` into a map sorts
/// first, which costs the browser build a sort it need not carry.
fn named<'a>(values: impl Iterator<Item = (&'a str, String)>) -> BTreeMap<String, String> {
    let mut map = BTreeMap::new();
    for (name, value) in values {
        map.insert(name.to_owned(), value);
    }
    map
}

impl HardshipAmountRecord {
    fn of(a: &HardshipAmount) -> HardshipAmountRecord {
        HardshipAmountRecord {
            formula: a.formula.as_str().to_owned(),
            amount: a.amount.map(|v| v.to_string()),
            values: named(a.values.iter().map(|(name, value)| (*name, plain(*value)))),
            missing: a.missing.iter().map(|s| (*s).to_owned()).collect(),
        }
    }
}
