//! 校验 — raw application in, typed [`Application`] plus issues out.
//!
//! Every field is checked, not just the first bad one, so a form can show
//! all its problems at once. An application is built only when no issue
//! is an error.

pub mod asked;
mod consistency;
pub mod contact;
pub mod fields;
pub mod identifiers;
mod issue;
pub mod months;
pub mod tidy;
pub mod unknown;

pub use issue::{Issue, IssueKind, Severity};

use serde_json::Value;

use crate::application::field::{Field, Section};
use crate::application::*;
use crate::policy::{self, size_table::Measure, LoadedProfile};

/// The outcome of validation.
#[derive(Debug, Clone)]
pub struct Validation {
    /// `Some` when no issue is an error.
    pub application: Option<Application>,
    /// The profile named by `policy`, when it exists.
    pub profile: Option<&'static LoadedProfile>,
    /// Every issue found, in form order.
    pub issues: Vec<Issue>,
    /// The monthly records, when given and valid (whatever else is wrong):
    /// reports show the figures derived from them.
    pub months: Option<crate::application::months::MonthlyRecords>,
}

/// Collects issues while typed values are taken out of raw fields.
struct Collector {
    issues: Vec<Issue>,
}

impl Collector {
    #[inline]
    fn take<T>(&mut self, field: Field, result: Result<T, IssueKind>) -> Option<T> {
        result
            .map_err(|kind| self.issues.push(Issue::new(field.path(), kind)))
            .ok()
    }

    fn flag(&mut self, field: Field, kind: Option<IssueKind>) {
        if let Some(kind) = kind {
            self.issues.push(Issue::new(field.path(), kind));
        }
    }

    /// Money that is only needed sometimes: blank is fine when not needed.
    fn optional_money(
        &mut self,
        field: Field,
        value: &Value,
        needed: bool,
    ) -> Option<Option<rust_decimal::Decimal>> {
        self.optional(field, value, needed, fields::money)
    }

    /// A value that is only needed sometimes: blank is fine when not
    /// needed; given, it is checked all the same.
    fn optional<T>(
        &mut self,
        field: Field,
        value: &Value,
        needed: bool,
        parse: impl FnOnce(&Value) -> Result<T, IssueKind>,
    ) -> Option<Option<T>> {
        if !needed && fields::is_blank(value) {
            return Some(None);
        }
        self.take(field, parse(value)).map(Some)
    }
}

/// Where a record's answers come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// An application or a clerk's self-check: every answer typed.
    Application,
    /// The bureau's own record of a unit (免申即享): no bank, contact,
    /// commitment, declaration or hardship is asked; the conditions are
    /// what the bureau found on other offices' lists.
    UnitRecord(Declarations),
}

/// Validates a record from `origin`: an application, or a bureau's unit
/// record with the lists' findings.
pub fn validate_as(raw: &RawApplication, origin: Origin) -> Validation {
    let mut c = Collector { issues: Vec::new() };

    if let Value::String(found) = raw.format.raw() {
        if found.trim() != APPLICATION_FORMAT {
            c.flag(
                Field::Format,
                Some(IssueKind::FormatUnsupported {
                    // Echoed in the message: escaped and cut, never 60 MB.
                    found: crate::controls::shown(found).into_owned(),
                }),
            );
        }
    }
    let policy_id = c.take(Field::Policy, fields::free_text(raw.policy.raw()));
    let profile = policy_id.as_deref().and_then(|id| match policy::find(id) {
        Ok(p) => Some(p),
        Err(_) => {
            c.flag(
                Field::Policy,
                Some(IssueKind::PolicyUnknown { id: id.to_owned() }),
            );
            None
        }
    });

    let applicant = applicant(&mut c, &raw.applicant, profile);
    let table = months::table(&mut c.issues, raw.insured.months.raw());
    let insured = insured(&mut c, &raw.insured, &table, profile);
    // `hardship_refused`: a hardship section was given and did not
    // validate (its issues say why), so the application is not whole.
    let (declarations, hardship, commitment_date, hardship_refused) = match origin {
        Origin::Application => {
            let declarations = declarations(&mut c, &raw.declarations, profile);
            let hardship = raw
                .hardship
                .as_ref()
                .and_then(|h| hardship(&mut c, h, profile));
            let hardship_refused = raw.hardship.is_some() && hardship.is_none();
            bank_and_contact(&mut c, raw);
            let commitment_date = commitment(&mut c, &raw.commitment, profile);
            (declarations, hardship, commitment_date, hardship_refused)
        }
        // A unit record takes no hardship path (that one is applied for).
        Origin::UnitRecord(found) => (Some(found), None, Some(None), false),
    };
    unknown::issues(raw, &mut c.issues);

    let application = match (policy_id, applicant, insured, declarations, commitment_date) {
        (
            Some(policy),
            Some(applicant),
            Some(insured),
            Some(declarations),
            Some(commitment_date),
        ) if !c.issues.iter().any(Issue::is_error) && !hardship_refused => Some(Application {
            policy,
            applicant,
            insured,
            declarations,
            hardship,
            commitment_date,
        }),
        _ => None,
    };
    Validation {
        application,
        profile,
        issues: c.issues,
        months: match table {
            months::Table::Valid(records) => Some(records),
            _ => None,
        },
    }
}

fn applicant(
    c: &mut Collector,
    raw: &RawApplicant,
    profile: Option<&LoadedProfile>,
) -> Option<Applicant> {
    let name = c.take(Field::ApplicantName, fields::free_text(raw.name.raw()));
    let credit_code = c.take(Field::CreditCode, fields::text(raw.credit_code.raw()));
    if let Some(code) = &credit_code {
        for kind in identifiers::credit_code(code) {
            c.flag(Field::CreditCode, Some(kind));
        }
    }
    let unit_type = c.take(
        Field::UnitType,
        fields::choice::<UnitType>(raw.unit_type.raw()),
    );
    // Optional: blank when the office's classification is not known.
    let official_size = c.optional(
        Field::OfficialSize,
        raw.official_size.raw(),
        false,
        fields::choice::<policy::RateClass>,
    );
    // The self-assessed size is asked only where it can decide the rate:
    // no office classification given, and rules that class this type of
    // unit by its size (or the type or the rules are not known yet).
    let size_needed = fields::is_blank(raw.official_size.raw())
        && match (profile, unit_type) {
            (Some(p), Some(t)) => p.profile.treatment(t) == Some(policy::Treatment::BySize),
            _ => true,
        };
    let industry = c.optional(
        Field::Industry,
        raw.industry.raw(),
        size_needed,
        fields::choice::<Industry>,
    );
    let employees = c.optional(
        Field::Employees,
        raw.employees.raw(),
        size_needed,
        fields::count,
    );
    // Revenue and assets are required only where the industry's size row uses them.
    let needs = |m| size_needed && industry.flatten().is_none_or(|i| crate::size::needs(i, m));
    let revenue = c.optional_money(Field::Revenue, raw.revenue.raw(), needs(Measure::Revenue));
    let assets = c.optional_money(Field::Assets, raw.assets.raw(), needs(Measure::Assets));
    Some(Applicant {
        name: name?,
        credit_code: credit_code?,
        unit_type: unit_type?,
        industry: industry?,
        employees: employees?,
        revenue: revenue?,
        assets: assets?,
        official_size: official_size?,
    })
}

fn insured(
    c: &mut Collector,
    raw: &RawInsured,
    table: &months::Table,
    profile: Option<&LoadedProfile>,
) -> Option<Insured> {
    let year = c.take(Field::Year, fields::count(raw.year.raw()));
    match (year, profile) {
        (Some(y), _) if !(1990..=2100).contains(&y) => {
            c.flag(Field::Year, Some(IssueKind::YearImplausible))
        }
        (Some(y), Some(p)) if y != u64::from(p.profile.data_year) => c.flag(
            Field::Year,
            Some(IssueKind::YearMismatch {
                expected: p.profile.data_year,
            }),
        ),
        _ => {}
    }
    // The figures the monthly records give: left blank, they are derived;
    // given, they must agree.
    let records = table.records();
    let issues = &mut c.issues;
    let count = |field: Field, value: &Value, derived: Option<u64>, issues: &mut Vec<Issue>| {
        months::aggregate(
            issues,
            table,
            months::Aggregate {
                field,
                value,
                parse: fields::count,
                derived,
            },
            |a, b| a == b,
            |v| v.to_string(),
        )
    };
    let start = count(
        Field::Start,
        raw.start.raw(),
        records.map(|m| m.start()),
        issues,
    );
    let end = count(Field::End, raw.end.raw(), records.map(|m| m.end()), issues);
    let monthly_average = months::aggregate(
        issues,
        table,
        months::Aggregate {
            field: Field::MonthlyAverage,
            value: raw.monthly_average.raw(),
            parse: |v| fields::decimal(v, fields::MAX_AVERAGE_DECIMALS),
            derived: records.map(|m| m.monthly_average()),
        },
        months::averages_agree,
        months::show_average,
    );
    // Asked only where the profile's layoff formula counts them: left
    // blank elsewhere they are 0, since the answer changes nothing.
    let mut headcount = |field: Field, value: &Value| {
        let asked = profile.is_none_or(|p| p.profile.counts_in_layoff_rate(field));
        if !asked && fields::is_blank(value) {
            Some(0)
        } else {
            c.take(field, fields::count(value))
        }
    };
    let retired_or_deceased = headcount(Field::RetiredOrDeceased, raw.retired_or_deceased.raw());
    let new_benefit_claimants =
        headcount(Field::NewBenefitClaimants, raw.new_benefit_claimants.raw());
    let issues = &mut c.issues;
    let months_paid_in_full = count(
        Field::MonthsPaidInFull,
        raw.months_paid_in_full.raw(),
        records.and_then(|m| m.months_paid_in_full()),
        issues,
    );
    let premiums_paid = months::aggregate(
        issues,
        table,
        months::Aggregate {
            field: Field::PremiumsPaid,
            value: raw.premiums_paid.raw(),
            parse: fields::money,
            derived: records.map(|m| m.premiums_paid()),
        },
        |a, b| a == b,
        crate::figures::money,
    );
    let arrears_and_late_fees = c.take(
        Field::ArrearsAndLateFees,
        fields::money(raw.arrears_and_late_fees.raw()),
    );
    let insured = Insured {
        year: year?,
        start: start?,
        end: end?,
        monthly_average: monthly_average?,
        retired_or_deceased: retired_or_deceased?,
        new_benefit_claimants: new_benefit_claimants?,
        months_paid_in_full: months_paid_in_full?,
        premiums_paid: premiums_paid?,
        arrears_and_late_fees: arrears_and_late_fees?,
        months: records.cloned(),
    };
    c.issues.extend(consistency::insured(&insured));
    Some(insured)
}

fn declarations(
    c: &mut Collector,
    raw: &RawDeclarations,
    profile: Option<&LoadedProfile>,
) -> Option<Declarations> {
    // Required only where the rules exclude historical arrears; elsewhere
    // accepted and ignored (never an error when blank).
    let arrears_required = profile.is_some_and(|p| {
        p.profile
            .declarations
            .no_historical_arrears
            .as_ref()
            .is_some_and(|r| r.value == Some(true))
    });
    let no_arrears = raw.no_outstanding_arrears.raw();
    let no_outstanding_arrears = if !arrears_required && fields::is_blank(no_arrears) {
        Some(None)
    } else {
        c.take(Field::NoOutstandingArrears, fields::flag(no_arrears))
            .map(|answer| Some(Finding::Declared(answer)))
    };
    let mut flag =
        |field: Field, value: &Value| c.take(field, fields::flag(value)).map(Finding::Declared);
    let industrial = flag(
        Field::IndustrialPolicy,
        raw.industrial_policy_compliant.raw(),
    );
    let environmental = flag(Field::Environmental, raw.environmental_compliant.raw());
    let dishonest = flag(Field::SeriouslyDishonest, raw.seriously_dishonest.raw());
    let zombie = flag(Field::Zombie, raw.zombie.raw());
    Some(Declarations {
        industrial_policy_compliant: industrial?,
        environmental_compliant: environmental?,
        seriously_dishonest: dishonest?,
        zombie: zombie?,
        no_outstanding_arrears: no_outstanding_arrears?,
    })
}

fn hardship(
    c: &mut Collector,
    raw: &RawHardship,
    profile: Option<&LoadedProfile>,
) -> Option<Hardship> {
    let rules = profile.map(|p| p.profile.hardship.as_ref());
    if let Some(None) = rules {
        c.issues.push(Issue::new(
            Section::Hardship.name(),
            IssueKind::HardshipNotCovered,
        ));
    }
    let needs_contributions = matches!(rules, Some(Some(r)) if r.contribution.is_some());
    let mut flag = |field: Field, value: &Value| c.take(field, fields::flag(value));
    let temporary_difficulty = flag(Field::TemporaryDifficulty, raw.temporary_difficulty.raw());
    let union_agreed_plan = flag(Field::UnionAgreedPlan, raw.union_agreed_plan.raw());
    let no_layoff_commitment = flag(Field::NoLayoffCommitment, raw.no_layoff_commitment.raw());
    let contributions = c.optional_money(
        Field::MonthlyContributions,
        raw.monthly_contributions_payable.raw(),
        needs_contributions,
    );
    Some(Hardship {
        temporary_difficulty: temporary_difficulty?,
        union_agreed_plan: union_agreed_plan?,
        no_layoff_commitment: no_layoff_commitment?,
        monthly_contributions_payable: contributions?,
    })
}

fn bank_and_contact(c: &mut Collector, raw: &RawApplication) {
    c.take(
        Field::AccountName,
        fields::free_text_ref(raw.bank.account_name.raw()),
    );
    c.take(
        Field::BankName,
        fields::free_text_ref(raw.bank.bank_name.raw()),
    );
    if let Some(number) = c.take(
        Field::AccountNumber,
        fields::text_ref(raw.bank.account_number.raw()),
    ) {
        c.flag(Field::AccountNumber, contact::account_number(number));
    }
    c.take(
        Field::ContactName,
        fields::free_text_ref(raw.contact.name.raw()),
    );
    if let Some(phone) = c.take(
        Field::ContactPhone,
        fields::text_ref(raw.contact.phone.raw()),
    ) {
        c.flag(Field::ContactPhone, contact::mobile_phone(phone));
    }
}

/// The commitment (承诺书): asked only where the rules take applications.
/// Under automatic rules (免申即享) nobody signs, so nothing of it is
/// required and no date warns; what was typed is kept as it is. Under
/// application rules the signing date is held against the application
/// window the notice states, and against nothing else.
fn commitment(
    c: &mut Collector,
    raw: &RawCommitment,
    profile: Option<&LoadedProfile>,
) -> Option<Option<CalendarDate>> {
    if profile.is_some_and(|p| !p.profile.takes_applications()) {
        return Some(None);
    }
    if c.take(Field::Accepted, fields::flag(raw.accepted.raw())) == Some(false) {
        c.flag(Field::Accepted, Some(IssueKind::CommitmentNotAccepted));
    }
    c.take(Field::Signatory, fields::free_text_ref(raw.signatory.raw()));
    let date = c.take(Field::CommitmentDate, fields::date(raw.date.raw()))?;
    let window = profile
        .and_then(|p| p.profile.application_window.as_ref())
        .and_then(|w| w.value.as_ref());
    if let Some(window) = window.filter(|w| outside(date, w)) {
        c.flag(
            Field::CommitmentDate,
            Some(IssueKind::DateOutsideWindow {
                from: window.from.clone(),
                to: window.to.clone(),
            }),
        );
    }
    Some(Some(date))
}

/// Is `date` outside the window (both ends inside)? Compared as dates:
/// formatting one per application cost batch screening a tenth of its time.
fn outside(date: CalendarDate, window: &policy::DateWindow) -> bool {
    let before = fields::date_text(&window.from).is_ok_and(|from| date < from);
    let after = fields::date_text(&window.to).is_ok_and(|to| date > to);
    before || after
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signing_date_is_inside_its_window_on_both_end_days() {
        let window = policy::DateWindow {
            from: "2019-03-01".into(),
            to: "2019-10-31".into(),
        };
        let day = |d: &str| fields::date_text(d).unwrap();
        assert!(outside(day("2019-02-28"), &window));
        assert!(!outside(day("2019-03-01"), &window));
        assert!(!outside(day("2019-10-31"), &window));
        assert!(outside(day("2019-11-01"), &window));
        // An unreadable end (a data defect) checks nothing on that side.
        let open = policy::DateWindow {
            from: "soon".into(),
            to: "2019-10-31".into(),
        };
        assert!(!outside(day("1990-01-01"), &open));
    }
}
