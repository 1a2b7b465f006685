//! 预审结果 — the report every surface shows (`wengang.report/1`).

use std::collections::BTreeMap;

use rust_decimal::{Decimal, RoundingStrategy};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::eligibility::{Criterion, Decision, HardshipStatus};
use crate::messages::{self, summary::Outcome};
use crate::policy::{Citation, LoadedProfile, RateClass};
use crate::refund::Route;
use crate::size::EnterpriseSize;
use crate::text::Lang;
use crate::validate::{Severity, Validation};

/// The format tag of a report.
pub const REPORT_FORMAT: &str = "wengang.report/1";
/// Decimal places a non-terminating ratio is shown to.
const RATIO_PLACES: u32 = 10;

/// A ratio as a decimal string: exact when it terminates within 10
/// places, else rounded half away from zero at the 10th.
pub fn ratio(value: Decimal) -> String {
    ratio_decimal(value).to_string()
}

/// The decimal [`ratio`] shows.
pub fn ratio_decimal(value: Decimal) -> Decimal {
    value
        .round_dp_with_strategy(RATIO_PLACES, RoundingStrategy::MidpointAwayFromZero)
        .normalize()
}

/// Named numbers as a map. Inserted one by one: `collect` into a map
/// would sort first, which costs the browser build a sort it need not carry.
fn named_values(values: &[(&'static str, String)]) -> BTreeMap<String, String> {
    let mut map = BTreeMap::new();
    for (name, value) in values {
        map.insert((*name).to_owned(), value.clone());
    }
    map
}

fn money(value: Decimal) -> String {
    crate::refund::round_yuan(value).to_string()
}

/// The outcome of a check, in one language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Report {
    /// Always `wengang.report/1`.
    pub format: String,
    pub lang: Lang,
    /// The profile id as given.
    pub policy: Option<String>,
    pub profile: Option<ProfileInfo>,
    /// No error-severity issue.
    pub valid: bool,
    /// `null` when errors or an unknown parameter prevent a decision.
    pub eligible: Option<bool>,
    pub size: Option<EnterpriseSize>,
    /// The class used for the threshold and rate (`large` or `sme`).
    pub rate_class: Option<RateClass>,
    /// Reduction ÷ monthly average, as a decimal ratio (not a percentage).
    pub layoff_rate: Option<String>,
    /// The threshold that applied, as a decimal ratio.
    pub threshold: Option<String>,
    /// `<` (2019: lower than) or `<=` (2020 on: not higher than).
    pub comparison: Option<String>,
    /// Premiums paid less arrears and late fees, yuan.
    pub refund_base: Option<String>,
    pub refund_rate: Option<String>,
    /// base × rate before rounding.
    pub refund_unrounded: Option<String>,
    /// Yuan to 2 decimals; `"0.00"` when not eligible.
    pub refund: Option<String>,
    pub route: Option<Route>,
    /// The refund at or above which the route is government review.
    pub review_threshold: Option<String>,
    /// How many more insured could have left and the unit still qualify.
    pub margin: Option<u64>,
    /// The trace: every criterion with its numbers and source.
    pub criteria: Vec<CriterionReport>,
    pub hardship: Option<HardshipReport>,
    /// Parameters used that no source confirmed.
    pub unconfirmed: Vec<UnconfirmedParameter>,
    /// Parameters whose values are unknown and kept something undecided.
    pub unknown: Vec<String>,
    pub issues: Vec<IssueReport>,
    /// One sentence: the answer.
    pub summary: String,
}

/// The profile a report was made under.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ProfileInfo {
    pub id: String,
    pub version: String,
    pub name: String,
    pub valid_from: String,
    pub valid_to: String,
    /// `sha256:` digest of the profile's canonical data.
    pub digest: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Source {
    pub document: String,
    pub clause: String,
    pub confirmed: bool,
}

impl From<&Citation> for Source {
    fn from(c: &Citation) -> Self {
        Source {
            document: c.document.clone(),
            clause: c.clause.clone(),
            confirmed: c.confirmed,
        }
    }
}

/// One trace entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CriterionReport {
    pub id: String,
    /// `null`: cannot be decided (an unknown parameter).
    pub passed: Option<bool>,
    /// The numbers used, as decimal strings.
    pub values: BTreeMap<String, String>,
    pub threshold: Option<String>,
    pub comparison: String,
    /// E.g. `small_unit` when the ≤ 30 insured rule applied.
    pub variant: Option<String>,
    pub source: Source,
    pub explanation: String,
}

impl CriterionReport {
    fn new(c: &Criterion, lang: Lang) -> Self {
        CriterionReport {
            id: c.id.as_str().to_owned(),
            passed: c.passed,
            values: named_values(&c.values),
            threshold: c.threshold.clone(),
            comparison: c.comparison.to_owned(),
            variant: c.variant.map(str::to_owned),
            source: Source::from(&c.citation),
            explanation: messages::criteria::explain(c, lang),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct HardshipReport {
    pub status: HardshipStatus,
    pub conditions: Vec<CriterionReport>,
    pub amounts: Vec<HardshipAmountReport>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct HardshipAmountReport {
    /// `benefit` or `contribution`.
    pub formula: String,
    /// Yuan; `null` when it cannot be computed.
    pub amount: Option<String>,
    pub values: BTreeMap<String, String>,
    /// What is unknown or missing.
    pub missing: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct UnconfirmedParameter {
    /// The criterion or figure it was used for.
    pub used_for: String,
    pub source: Source,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct IssueReport {
    /// A path such as `applicant.credit_code`.
    pub field: String,
    /// A stable code such as `credit_code.check`.
    pub code: String,
    pub severity: Severity,
    pub message: String,
}

impl Report {
    /// Builds the report of a validation and, when there is one, a decision.
    pub fn build(
        policy: Option<String>,
        validation: &Validation,
        decision: Option<&Decision>,
        lang: Lang,
    ) -> Report {
        let issues: Vec<IssueReport> = validation
            .issues
            .iter()
            .map(|i| IssueReport {
                field: i.field.clone(),
                code: i.kind.code().to_owned(),
                severity: i.severity(),
                message: messages::issue(i, lang),
            })
            .collect();
        let errors = issues
            .iter()
            .filter(|i| i.severity == Severity::Error)
            .count();
        let mut report = Report {
            format: REPORT_FORMAT.to_owned(),
            lang,
            policy,
            profile: validation.profile.map(|p| profile_info(p, lang)),
            valid: errors == 0,
            eligible: None,
            size: None,
            rate_class: None,
            layoff_rate: None,
            threshold: None,
            comparison: None,
            refund_base: None,
            refund_rate: None,
            refund_unrounded: None,
            refund: None,
            route: None,
            review_threshold: None,
            margin: None,
            criteria: Vec::new(),
            hardship: None,
            unconfirmed: Vec::new(),
            unknown: Vec::new(),
            issues,
            summary: String::new(),
        };
        match decision {
            Some(d) => report.fill(d, lang),
            None => {
                report.summary = messages::summary::summary(
                    &Outcome::Invalid {
                        errors: errors.max(1),
                    },
                    lang,
                )
            }
        }
        report
    }

    fn fill(&mut self, d: &Decision, lang: Lang) {
        self.eligible = d.eligible;
        self.size = Some(d.size);
        self.rate_class = Some(d.rate_class);
        self.layoff_rate = d.layoff.as_ref().map(|l| ratio(l.rate));
        self.threshold = d.threshold.map(|t| t.normalize().to_string());
        self.criteria = d
            .criteria
            .iter()
            .map(|c| CriterionReport::new(c, lang))
            .collect();
        self.comparison = d
            .criteria
            .iter()
            .find(|c| c.comparison == "<" || c.comparison == "<=")
            .map(|c| c.comparison.to_owned());
        self.margin = d.margin;
        self.unknown = d.unknown.iter().map(|s| (*s).to_owned()).collect();
        self.unconfirmed = d
            .used
            .iter()
            .filter(|(_, c)| !c.confirmed)
            .map(|(name, c)| UnconfirmedParameter {
                used_for: (*name).to_owned(),
                source: Source::from(c),
            })
            .collect();
        if let Some(r) = &d.refund {
            self.refund_base = Some(money(r.base));
            self.refund_rate = Some(r.rate.normalize().to_string());
            self.refund_unrounded = Some(r.exact.normalize().to_string());
            self.review_threshold = r.review_threshold.map(money);
        }
        let payout = crate::refund::payout(d.eligible, d.refund.as_ref());
        let outcome = match (d.eligible, payout) {
            (Some(true), Some((amount, route))) => {
                let amount = amount.to_string();
                self.route = Some(route);
                let review = route == Route::GovernmentReview;
                let text = messages::summary::summary(
                    &Outcome::Eligible {
                        refund: &amount,
                        review,
                    },
                    lang,
                );
                self.refund = Some(amount);
                text
            }
            (Some(false), Some((amount, route))) => {
                self.refund = Some(amount.to_string());
                self.route = Some(route);
                messages::summary::summary(&Outcome::NotEligible, lang)
            }
            _ => messages::summary::summary(&Outcome::Undecided, lang),
        };
        self.summary = outcome;
        self.hardship = d.hardship.as_ref().map(|h| HardshipReport {
            status: h.status,
            conditions: h
                .conditions
                .iter()
                .map(|c| CriterionReport::new(c, lang))
                .collect(),
            amounts: h
                .amounts
                .iter()
                .map(|a| HardshipAmountReport {
                    formula: a.formula.to_owned(),
                    amount: a.amount.map(|v| v.to_string()),
                    values: named_values(&a.values),
                    missing: a.missing.iter().map(|s| (*s).to_owned()).collect(),
                })
                .collect(),
        });
    }
}

fn profile_info(p: &LoadedProfile, lang: Lang) -> ProfileInfo {
    ProfileInfo {
        id: p.profile.id.clone(),
        version: p.profile.version.clone(),
        name: p.profile.name.get(lang).to_owned(),
        valid_from: p.profile.valid_from.clone(),
        valid_to: p.profile.valid_to.clone(),
        digest: p.digest().to_owned(),
    }
}
