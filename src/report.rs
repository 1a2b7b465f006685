//! 预审结果 — the report every surface shows (`wengang.report/1`).

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::application::{parse_application, ParseError, RawApplication};
use crate::assessment::{assess, Assessment};
use crate::eligibility::{Decision, HardshipStatus, SizeSource, Verdict};
use crate::messages::summary::Standing;
use crate::messages::{self, notices::Notice, summary::Outcome};
use crate::policy::{
    Citation, LoadedProfile, Procedure, ProfileStatus, RateClass, RateKind, Treatment,
};
use crate::record::{CriterionRecord, DecisionRecord};
use crate::refund::Route;
use crate::size::EnterpriseSize;
use crate::text::Lang;
use crate::validate::Severity;

pub use crate::record::HardshipAmountRecord as HardshipAmountReport;

/// The format tag of a report.
pub const REPORT_FORMAT: &str = "wengang.report/1";

/// Validates, decides and reports on one application.
pub fn check(raw: &RawApplication, lang: Lang) -> Report {
    Report::render(&assess(raw), lang)
}

/// Parses and checks the JSON text of an application.
pub fn check_str(text: &str, lang: Lang) -> Result<Report, ParseError> {
    parse_application(text).map(|raw| check(&raw, lang))
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
    /// The profile the data year and the credit code's place of
    /// registration propose (`null` when no shipped rules use that year's
    /// figures, or the year is unreadable).
    pub proposed_profile: Option<String>,
    /// `application` (the 2019 eight stages) or `automatic` (免申即享), from
    /// the profile; `null` while unknown.
    pub procedure: Option<Procedure>,
    /// No error-severity issue.
    pub valid: bool,
    /// `null` when errors or an unknown parameter prevent a decision.
    pub eligible: Option<bool>,
    pub size: Option<EnterpriseSize>,
    /// `official` (the office's classification was given and decides) or
    /// `estimate` (the self-assessment, an estimate of it).
    pub size_source: Option<SizeSource>,
    /// The class used for the threshold and rate (`large` or `sme`);
    /// `null` also when the rules give the unit type no rate class.
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
    /// `fixed` (the text states the rate paid) or `cap` (按不超过…返还:
    /// the refund is "up to" the amount; a city may pay less).
    pub refund_rate_kind: Option<RateKind>,
    /// base × rate before rounding.
    pub refund_unrounded: Option<String>,
    /// Yuan to 2 decimals; `"0.00"` when not eligible.
    pub refund: Option<String>,
    pub route: Option<Route>,
    /// The refund at or above which the route is government review.
    pub review_threshold: Option<String>,
    /// How many more insured could have left and the unit still qualify.
    pub margin: Option<u64>,
    /// How many fewer departures would have met the layoff-rate standard,
    /// when it was not met (the margin's mirror image; the other criteria
    /// aside). Not part of the submission: it follows from its figures.
    #[serde(default)]
    pub gap: Option<u64>,
    /// The trace: every criterion with its numbers and source.
    pub criteria: Vec<CriterionReport>,
    pub hardship: Option<HardshipReport>,
    /// Parameters used that no source confirmed.
    pub unconfirmed: Vec<UnconfirmedParameter>,
    /// Parameters whose values are unknown and kept something undecided.
    pub unknown: Vec<String>,
    pub issues: Vec<IssueReport>,
    /// The figures derived from the monthly records (参保缴费明细), each
    /// with its formula; empty when none were given.
    #[serde(default)]
    pub derived: Vec<DerivedReport>,
    /// What else the enterprise should know: whose classification decides,
    /// how the refund is obtained, whether rules exist for the data year,
    /// whether they are provisional, whether the rate is a cap.
    pub notices: Vec<NoticeReport>,
    /// How the rules stand when they are not published rules for the
    /// user's own year (provisional, or another year's rules: an
    /// estimate), as the headline's first words; `null` otherwise. The
    /// summary starts with it too.
    #[serde(default)]
    pub standing: Option<String>,
    /// One sentence: the answer.
    pub summary: String,
}

/// A figure derived from the monthly records.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DerivedReport {
    /// The field it fills or is held against, e.g. `insured.start`.
    pub field: String,
    /// A count, yuan to the fen, or the average as a decimal ratio.
    pub value: String,
    /// The formula's stable id, e.g. `sum_insured_div_12`.
    pub formula: String,
    /// `false` where the formula is our documented reading of the policy
    /// (the start and end counts: 年初 / 年末 read as months 1 and 12).
    pub confirmed: bool,
    /// The figure, its formula and its value, in words.
    pub explanation: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct NoticeReport {
    /// A stable code such as `size.estimate` or `date.no_rules_published`.
    pub code: String,
    /// `info` or `warning`.
    pub level: String,
    pub message: String,
}

/// The profile a report was made under.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ProfileInfo {
    pub id: String,
    pub version: String,
    pub name: String,
    pub valid_from: String,
    pub valid_to: String,
    /// `published`, or `provisional`: the official text is not verified
    /// (every summary under such rules says so first).
    pub status: ProfileStatus,
    /// `sha256:` digest of the profile's canonical data.
    pub digest: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Source {
    pub document: String,
    pub clause: String,
    /// The clause's English gloss, in an English report once
    /// [`Report::gloss_sources`] has run; absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clause_en: Option<String>,
    pub confirmed: bool,
}

impl From<&Citation> for Source {
    fn from(c: &Citation) -> Self {
        Source {
            document: c.document.clone(),
            clause: c.clause.clone(),
            clause_en: None,
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
    /// The cited parameter, as a JSON Pointer into the profile's data.
    pub param: String,
    pub source: Source,
    pub explanation: String,
}

impl CriterionReport {
    fn new(
        record: CriterionRecord,
        verdict: &Verdict,
        profile: &LoadedProfile,
        lang: Lang,
    ) -> Self {
        let source = profile
            .profile
            .citation(verdict.param)
            .map(|c| Source::from(&c))
            .unwrap_or_else(|| Source {
                document: String::new(),
                clause: record.param.clone(),
                clause_en: None,
                confirmed: false,
            });
        CriterionReport {
            id: record.id,
            passed: record.passed,
            values: record.values,
            threshold: record.threshold,
            comparison: record.comparison,
            variant: record.variant,
            param: record.param,
            source,
            explanation: messages::criteria::explain(verdict, lang),
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
pub struct UnconfirmedParameter {
    /// The criterion or figure it was used for.
    pub used_for: String,
    /// The parameter, as a JSON Pointer into the profile's data.
    pub param: String,
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
    /// Renders an assessment in one language. Every figure comes from its
    /// [`DecisionRecord`], so reports and submissions never disagree; only
    /// the words are made here.
    pub fn render(assessment: &Assessment, lang: Lang) -> Report {
        let record = DecisionRecord::of(assessment);
        let validation = &assessment.validation;
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
        let profile = validation.profile;
        let mut report = Report {
            format: REPORT_FORMAT.to_owned(),
            lang,
            policy: assessment.policy.clone(),
            profile: profile.map(|p| profile_info(p, lang)),
            proposed_profile: assessment
                .proposal
                .as_ref()
                .and_then(|p| p.profile)
                .map(|p| p.profile.id.clone()),
            procedure: profile.and_then(|p| p.profile.procedure.value),
            valid: record.valid,
            eligible: record.eligible,
            size: record.size,
            size_source: record.size_source,
            rate_class: record.rate_class,
            layoff_rate: record.layoff_rate,
            threshold: record.threshold,
            comparison: record.comparison,
            refund_base: record.refund_base,
            refund_rate: record.refund_rate,
            refund_rate_kind: record.refund_rate_kind,
            refund_unrounded: record.refund_unrounded,
            refund: record.refund,
            route: record.route,
            review_threshold: record.review_threshold,
            margin: record.margin,
            gap: assessment.decision.as_ref().and_then(|d| d.gap),
            criteria: Vec::new(),
            hardship: None,
            unconfirmed: Vec::new(),
            unknown: Vec::new(),
            issues,
            derived: record
                .derived
                .iter()
                .map(|d| DerivedReport {
                    field: d.field.clone(),
                    value: d.value.clone(),
                    formula: d.formula.clone(),
                    confirmed: d.confirmed,
                    explanation: messages::derived::explain(&d.formula, &d.value, lang),
                })
                .collect(),
            notices: Vec::new(),
            standing: None,
            summary: String::new(),
        };
        let standing = standing(assessment);
        report.standing =
            Some(messages::summary::standing(standing, lang)).filter(|s| !s.is_empty());
        report.notices = notices(assessment)
            .iter()
            .map(|n| NoticeReport {
                code: n.code().to_owned(),
                level: n.level().to_owned(),
                message: messages::notices::text(n, lang),
            })
            .collect();
        report.summary = match (&assessment.decision, profile) {
            (Some(d), Some(p)) => {
                report.words(d, record.criteria, record.hardship, p, lang);
                summary(d, report.refund.as_deref(), standing, lang)
            }
            _ => messages::summary::summary(
                &Outcome::Invalid {
                    errors: assessment.errors().max(1),
                },
                Standing::default(),
                lang,
            ),
        };
        report
    }

    /// Adds the English gloss of each quoted clause (`clause_en`) to an
    /// English report; a Chinese report is left as it is. Not part of
    /// [`Report::render`], so a surface that never glosses (the app's first
    /// load) does not carry the table; the CLI, the JavaScript package and
    /// the printout call it.
    pub fn gloss_sources(&mut self) {
        if self.lang != Lang::En {
            return;
        }
        let criteria = self.criteria.iter_mut();
        let hardship = self
            .hardship
            .iter_mut()
            .flat_map(|h| h.conditions.iter_mut());
        let sources = criteria
            .chain(hardship)
            .map(|c| &mut c.source)
            .chain(self.unconfirmed.iter_mut().map(|u| &mut u.source));
        for source in sources {
            source.clause_en = crate::policy::clause_gloss(&source.clause).map(str::to_owned);
        }
    }

    /// The parts of a decided report that carry words: criteria with
    /// their sources and explanations, unconfirmed and unknown parameters.
    fn words(
        &mut self,
        d: &Decision,
        criteria: Vec<CriterionRecord>,
        hardship: Option<crate::record::HardshipRecord>,
        p: &LoadedProfile,
        lang: Lang,
    ) {
        self.criteria = criteria
            .into_iter()
            .zip(d.verdicts())
            .map(|(record, verdict)| CriterionReport::new(record, verdict, p, lang))
            .collect();
        self.hardship = match (hardship, &d.hardship) {
            (Some(h), Some(outcome)) => Some(HardshipReport {
                status: h.status,
                conditions: h
                    .conditions
                    .into_iter()
                    .zip(&outcome.conditions)
                    .map(|(record, verdict)| CriterionReport::new(record, verdict, p, lang))
                    .collect(),
                amounts: h.amounts,
            }),
            _ => None,
        };
        self.unknown = d
            .unknown
            .iter()
            .map(|id| id.used_for().to_owned())
            .collect();
        self.unconfirmed = d
            .params_used(&p.profile)
            .into_iter()
            .filter_map(|id| {
                let citation = p.profile.citation(id).filter(|c| !c.confirmed)?;
                Some(UnconfirmedParameter {
                    used_for: id.used_for().to_owned(),
                    param: id.pointer().to_owned(),
                    source: Source::from(&citation),
                })
            })
            .collect();
    }
}

/// How the rules of a decided assessment stand: provisional, or another
/// year's rules (an estimate).
fn standing(assessment: &Assessment) -> Standing {
    let Some(p) = assessment.validation.profile else {
        return Standing::default();
    };
    let user_year = assessment
        .validation
        .application
        .as_ref()
        .map(|a| a.insured.year);
    Standing::of(&p.profile, user_year)
}

/// The notices of an assessment, in a fixed order: how the rules stand,
/// the data year's rules, the procedure, then the size and the rate.
fn notices(assessment: &Assessment) -> Vec<Notice> {
    let mut out = Vec::new();
    let profile = assessment.validation.profile;
    if profile.is_some_and(|p| p.profile.status == ProfileStatus::Provisional) {
        out.push(Notice::Provisional);
    }
    if let Some(proposal) = &assessment.proposal {
        match (proposal.profile, profile) {
            (None, _) => out.push(Notice::NoRulesForDataYear {
                data_year: proposal.data_year,
                latest: proposal.latest.map(|p| p.profile.name.clone()),
            }),
            (Some(proposed), Some(used)) if proposed.profile.id != used.profile.id => {
                out.push(Notice::OtherProfileProposed {
                    proposed: proposed.profile.name.clone(),
                })
            }
            _ => {}
        }
    }
    if let Some(procedure) = profile.and_then(|p| p.profile.procedure.value) {
        out.push(Notice::Procedure(procedure));
    }
    let window_unknown = profile
        .and_then(|p| p.profile.application_window.as_ref())
        .is_some_and(|w| w.value.is_none());
    if window_unknown {
        out.push(Notice::ApplicationWindowUnknown);
    }
    let (Some(d), Some(p)) = (&assessment.decision, profile) else {
        return out;
    };
    let estimate = d.size.map(|s| {
        if s.is_large() {
            RateClass::Large
        } else {
            RateClass::Sme
        }
    });
    let unit_type = assessment
        .validation
        .application
        .as_ref()
        .map(|a| a.applicant.unit_type);
    let by_unit_type = unit_type.filter(|t| {
        matches!(
            p.profile.treatment(*t),
            Some(Treatment::Large | Treatment::Sme)
        )
    });
    match (d.size_source, d.rate_class, estimate) {
        (_, None, _) => out.push(Notice::NoRateClass),
        // The rules class this type of unit outright: its size is beside the point.
        (_, Some(class), _) if by_unit_type.is_some() => {
            if let Some(unit_type) = by_unit_type {
                out.push(Notice::ClassByUnitType {
                    unit_type,
                    class,
                    rate: p.profile.refund_rate.get(class).value,
                    cap: p.profile.refund_rate_kind.get(class).value == Some(RateKind::Cap),
                    place: p.profile.place.clone(),
                    document: p
                        .profile
                        .citation(crate::policy::ParamId::UnitTreatment)
                        .map(|c| c.document)
                        .unwrap_or_default(),
                })
            }
        }
        (Some(SizeSource::Official), Some(class), _) => out.push(Notice::SizeOfficial { class }),
        (_, Some(_), Some(class)) => out.push(Notice::SizeEstimate { class }),
        (_, Some(_), None) => {}
    }
    let min_insured = p
        .profile
        .size_headcount_rule
        .as_ref()
        .and_then(|r| r.min_insured_large.value);
    if let (Some(rule), Some(min_insured), Some(SizeSource::Estimate), Some(estimate)) =
        (d.headcount_rule_class, min_insured, d.size_source, estimate)
    {
        if rule != estimate && by_unit_type.is_none() {
            out.push(Notice::HeadcountRuleDisagrees {
                min_insured,
                rule,
                estimate,
            });
        }
    }
    if d.refund.as_ref().and_then(|r| r.kind) == Some(RateKind::Cap) {
        out.push(Notice::RateCap);
    }
    out
}

/// The one-sentence answer of a decided report, after how its rules stand.
fn summary(d: &Decision, refund: Option<&str>, standing: Standing, lang: Lang) -> String {
    let outcome = match (d.eligible, d.payout(), refund) {
        (Some(true), Some((_, route)), Some(amount)) => Outcome::Eligible {
            refund: amount,
            review: route == Route::GovernmentReview,
            cap: d.refund.as_ref().and_then(|r| r.kind) == Some(RateKind::Cap),
        },
        (Some(false), Some(_), _) => Outcome::NotEligible,
        _ => Outcome::Undecided,
    };
    messages::summary::summary(&outcome, standing, lang)
}

fn profile_info(p: &LoadedProfile, lang: Lang) -> ProfileInfo {
    ProfileInfo {
        id: p.profile.id.clone(),
        version: p.profile.version.clone(),
        name: p.profile.name.get(lang).to_owned(),
        valid_from: p.profile.valid_from.clone(),
        valid_to: p.profile.valid_to.clone(),
        status: p.profile.status,
        digest: p.digest().to_owned(),
    }
}
