//! 字段 — the one list of the fields of `wengang.application/1`.
//!
//! Like ripgrep's single `FLAGS` list that drives its parsing, help and
//! completions, this table is where a field is defined: its dotted path
//! (spelled here and nowhere else in `src/`), its section, the kind of
//! value it takes and where its raw JSON leaf lives in a
//! [`RawApplication`]. Every surface reads it: raw parsing
//! (`RawApplication::from_json`), validation (issues name fields by
//! [`Field::path`]), the labels in `messages::fields` (an exhaustive
//! `match` on [`Field`], which is the message key: a new field does not
//! compile until it is labelled in both languages), batch columns, the
//! generator, the app's form and the bindings' `validateField`.
//!
//! A `&'static` table and `match`es, no map: it costs the browser build
//! next to nothing.

use serde_json::Value;

use crate::application::{RawApplication, RawHardship};

/// A part of the application: one JSON object under the top level, or the
/// top level itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    /// The top-level object (`format`, `policy`).
    Top,
    /// 申请单位.
    Applicant,
    /// 上年度参保情况.
    Insured,
    /// 申请人声明.
    Declarations,
    /// 困难企业: `null` or absent unless the enterprise takes that path.
    Hardship,
    /// 收款账户.
    Bank,
    /// 联系人.
    Contact,
    /// 申请人承诺.
    Commitment,
}

impl Section {
    /// Every section, in form order.
    pub const ALL: [Section; 8] = [
        Section::Top,
        Section::Applicant,
        Section::Insured,
        Section::Declarations,
        Section::Hardship,
        Section::Bank,
        Section::Contact,
        Section::Commitment,
    ];

    /// The key of the section's object in the application (empty for the
    /// top level). Also the field path of issues about a whole section.
    pub const fn name(self) -> &'static str {
        match self {
            Section::Top => "",
            Section::Applicant => "applicant",
            Section::Insured => "insured",
            Section::Declarations => "declarations",
            Section::Hardship => "hardship",
            Section::Bank => "bank",
            Section::Contact => "contact",
            Section::Commitment => "commitment",
        }
    }

    /// The section an object key names (not the top level).
    pub fn from_name(name: &str) -> Option<Section> {
        Section::ALL
            .into_iter()
            .find(|s| *s != Section::Top && s.name() == name)
    }

    /// The section's fields, in form order.
    pub fn fields(self) -> impl Iterator<Item = Field> {
        Field::ALL
            .iter()
            .copied()
            .filter(move |f| f.section() == self)
    }
}

/// The kind of value a field takes. The raw leaf keeps whatever JSON was
/// given; this says what validation expects of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Free text.
    Text,
    /// Yuan, a decimal with at most two decimals.
    Money,
    /// A non-negative whole number (persons, months, a year).
    Count,
    /// A non-negative decimal (a monthly average).
    Decimal,
    /// `true` or `false`.
    Flag,
    /// `YYYY-MM-DD`.
    Date,
    /// One of the names of [`crate::application::UnitType`].
    UnitType,
    /// One of the names of [`crate::application::Industry`].
    Industry,
    /// One of the names of [`super::RateClass`]: the office's
    /// classification (划型), `large` or `sme`.
    OfficialSize,
}

/// The raw leaf of a field: `raw.section.leaf`, or `raw.leaf` at the top.
/// The hardship section is optional: absent, its leaves read as `null`.
macro_rules! leaf_ref {
    ($raw:ident, hardship . $leaf:ident) => {
        match &$raw.hardship {
            Some(h) => h.$leaf.raw(),
            None => &NULL,
        }
    };
    ($raw:ident, $section:ident . $leaf:ident) => {
        $raw.$section.$leaf.raw()
    };
    ($raw:ident, $leaf:ident) => {
        $raw.$leaf.raw()
    };
}

/// As `leaf_ref`, mutable; the hardship section is made on demand.
macro_rules! leaf_mut {
    ($raw:ident, hardship . $leaf:ident) => {
        $raw.hardship
            .get_or_insert_with(RawHardship::default)
            .$leaf
            .raw_mut()
    };
    ($raw:ident, $section:ident . $leaf:ident) => {
        $raw.$section.$leaf.raw_mut()
    };
    ($raw:ident, $leaf:ident) => {
        $raw.$leaf.raw_mut()
    };
}

static NULL: Value = Value::Null;

macro_rules! fields {
    ($($variant:ident => $path:literal, $section:ident, $kind:ident, $($access:ident).+;)*) => {
        /// A leaf of `wengang.application/1`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Field {
            $($variant,)*
        }

        impl Field {
            /// Every field, in form order (and so in section order).
            pub const ALL: &'static [Field] = &[$(Field::$variant,)*];

            /// The dotted path that names the field, e.g.
            /// `applicant.credit_code` (the leaf itself at the top level).
            pub const fn path(self) -> &'static str {
                match self {
                    $(Field::$variant => $path,)*
                }
            }

            /// The field a dotted path names.
            pub fn from_path(path: &str) -> Option<Field> {
                match path {
                    $($path => Some(Field::$variant),)*
                    _ => None,
                }
            }

            /// The section the field belongs to.
            pub const fn section(self) -> Section {
                match self {
                    $(Field::$variant => Section::$section,)*
                }
            }

            /// The kind of value the field takes.
            pub const fn kind(self) -> Kind {
                match self {
                    $(Field::$variant => Kind::$kind,)*
                }
            }

            /// The field's raw JSON leaf (`null` where none was given).
            pub fn raw(self, raw: &RawApplication) -> &Value {
                match self {
                    $(Field::$variant => leaf_ref!(raw, $($access).+),)*
                }
            }

            /// The field's raw JSON leaf, to write (a hardship field makes
            /// the hardship section).
            pub fn raw_mut(self, raw: &mut RawApplication) -> &mut Value {
                match self {
                    $(Field::$variant => leaf_mut!(raw, $($access).+),)*
                }
            }
        }
    };
}

fields! {
    Format => "format", Top, Text, format;
    Policy => "policy", Top, Text, policy;
    ApplicantName => "applicant.name", Applicant, Text, applicant.name;
    CreditCode => "applicant.credit_code", Applicant, Text, applicant.credit_code;
    UnitType => "applicant.unit_type", Applicant, UnitType, applicant.unit_type;
    Industry => "applicant.industry", Applicant, Industry, applicant.industry;
    Employees => "applicant.employees", Applicant, Count, applicant.employees;
    Revenue => "applicant.revenue", Applicant, Money, applicant.revenue;
    Assets => "applicant.assets", Applicant, Money, applicant.assets;
    OfficialSize => "applicant.official_size", Applicant, OfficialSize, applicant.official_size;
    Year => "insured.year", Insured, Count, insured.year;
    Start => "insured.start", Insured, Count, insured.start;
    End => "insured.end", Insured, Count, insured.end;
    MonthlyAverage => "insured.monthly_average", Insured, Decimal, insured.monthly_average;
    RetiredOrDeceased => "insured.retired_or_deceased", Insured, Count, insured.retired_or_deceased;
    NewBenefitClaimants => "insured.new_benefit_claimants", Insured, Count, insured.new_benefit_claimants;
    MonthsPaidInFull => "insured.months_paid_in_full", Insured, Count, insured.months_paid_in_full;
    PremiumsPaid => "insured.premiums_paid", Insured, Money, insured.premiums_paid;
    ArrearsAndLateFees => "insured.arrears_and_late_fees", Insured, Money, insured.arrears_and_late_fees;
    IndustrialPolicy => "declarations.industrial_policy_compliant", Declarations, Flag, declarations.industrial_policy_compliant;
    Environmental => "declarations.environmental_compliant", Declarations, Flag, declarations.environmental_compliant;
    SeriouslyDishonest => "declarations.seriously_dishonest", Declarations, Flag, declarations.seriously_dishonest;
    Zombie => "declarations.zombie", Declarations, Flag, declarations.zombie;
    NoOutstandingArrears => "declarations.no_outstanding_arrears", Declarations, Flag, declarations.no_outstanding_arrears;
    TemporaryDifficulty => "hardship.temporary_difficulty", Hardship, Flag, hardship.temporary_difficulty;
    UnionAgreedPlan => "hardship.union_agreed_plan", Hardship, Flag, hardship.union_agreed_plan;
    NoLayoffCommitment => "hardship.no_layoff_commitment", Hardship, Flag, hardship.no_layoff_commitment;
    MonthlyContributions => "hardship.monthly_contributions_payable", Hardship, Money, hardship.monthly_contributions_payable;
    AccountName => "bank.account_name", Bank, Text, bank.account_name;
    BankName => "bank.bank_name", Bank, Text, bank.bank_name;
    AccountNumber => "bank.account_number", Bank, Text, bank.account_number;
    ContactName => "contact.name", Contact, Text, contact.name;
    ContactPhone => "contact.phone", Contact, Text, contact.phone;
    Accepted => "commitment.accepted", Commitment, Flag, commitment.accepted;
    Signatory => "commitment.signatory", Commitment, Text, commitment.signatory;
    CommitmentDate => "commitment.date", Commitment, Date, commitment.date;
}

impl Field {
    /// The key within its section (`credit_code` of `applicant.credit_code`).
    pub fn leaf(self) -> &'static str {
        let path = self.path();
        path.split_once('.').map_or(path, |(_, leaf)| leaf)
    }

    /// Writes the field's raw JSON leaf (a hardship field makes the
    /// hardship section).
    pub fn set_raw(self, raw: &mut RawApplication, value: Value) {
        *self.raw_mut(raw) = value;
    }
}

impl std::fmt::Display for Field {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.path())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_section_dot_leaf_and_round_trip() {
        assert_eq!(Field::ALL.len(), 36);
        for f in Field::ALL {
            assert_eq!(Field::from_path(f.path()), Some(*f));
            let expected = match f.section() {
                Section::Top => f.leaf().to_owned(),
                s => format!("{}.{}", s.name(), f.leaf()),
            };
            assert_eq!(f.path(), expected);
        }
        assert_eq!(Field::from_path("applicant"), None);
        assert_eq!(Field::from_path(""), None);
        assert_eq!(Section::from_name(""), None);
        for (i, s) in Section::ALL.into_iter().enumerate() {
            assert_eq!(
                s as usize, i,
                "raw parsing indexes sections by discriminant"
            );
        }
        for s in Section::ALL.into_iter().skip(1) {
            assert_eq!(Section::from_name(s.name()), Some(s));
            assert!(s.fields().count() > 0);
        }
    }

    #[test]
    fn all_is_in_section_order() {
        let sections: Vec<Section> = Field::ALL.iter().map(|f| f.section()).collect();
        let mut sorted = sections.clone();
        sorted.sort();
        assert_eq!(sections, sorted);
    }

    #[test]
    fn hardship_leaves_read_null_until_written() {
        let mut raw = RawApplication::default();
        assert_eq!(Field::TemporaryDifficulty.raw(&raw), &Value::Null);
        assert!(raw.hardship.is_none());
        Field::TemporaryDifficulty.set_raw(&mut raw, Value::Bool(true));
        assert!(raw.hardship.is_some());
        assert_eq!(Field::TemporaryDifficulty.raw(&raw), &Value::Bool(true));
    }
}
