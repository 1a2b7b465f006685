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

/// The monthly records table (参保缴费明细): `insured.months`, optional,
/// a list of rows `{ "month", "insured", "due", "paid" }`, unit and
/// employee shares together. Not a [`Field`] (a form asks it as a table,
/// not one by one); its cells are named here like fields are.
pub struct Months;

impl Months {
    /// The section the table belongs to.
    pub const SECTION: Section = Section::Insured;
    /// The table's key within its section.
    pub const LEAF: &'static str = "months";
    /// The table's dotted path; issues about the table as a whole name it.
    pub const PATH: &'static str = "insured.months";
    /// Rows a complete table has: one per calendar month.
    pub const ROWS: usize = 12;

    /// The table's raw JSON value (`null` where none was given).
    pub fn raw(raw: &RawApplication) -> &Value {
        raw.insured.months.raw()
    }

    /// The table's raw JSON value, to write.
    pub fn raw_mut(raw: &mut RawApplication) -> &mut Value {
        raw.insured.months.raw_mut()
    }

    /// The path of a row (`row` counts from 1, as months do) or of one of
    /// its cells: `insured.months.3` or `insured.months.3.paid`.
    pub fn path(row: usize, column: Option<MonthColumn>) -> String {
        match column {
            Some(c) => format!("{}.{row}.{}", Self::PATH, c.key()),
            None => format!("{}.{row}", Self::PATH),
        }
    }

    /// Reads a path of the table: `Some((None, None))` for the table,
    /// `Some((Some(row), column))` for a row or a cell.
    pub fn parse_path(path: &str) -> Option<(Option<usize>, Option<MonthColumn>)> {
        let rest = path.strip_prefix(Self::PATH)?;
        if rest.is_empty() {
            return Some((None, None));
        }
        let rest = rest.strip_prefix('.')?;
        let (row, column) = match rest.split_once('.') {
            Some((row, key)) => (row, Some(MonthColumn::from_key(key)?)),
            None => (rest, None),
        };
        if row.is_empty() || !row.bytes().all(|b| b.is_ascii_digit()) || row.starts_with('0') {
            return None;
        }
        Some((Some(row.parse().ok()?), column))
    }
}

/// A column of the monthly records table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MonthColumn {
    /// 月份: 1–12.
    Month,
    /// 参保人数 that month.
    Insured,
    /// 应缴 unemployment-insurance contributions, unit and employee shares, yuan.
    Due,
    /// 实缴: what was paid of them, yuan.
    Paid,
}

impl MonthColumn {
    /// Every column, in row order.
    pub const ALL: [MonthColumn; 4] = [
        MonthColumn::Month,
        MonthColumn::Insured,
        MonthColumn::Due,
        MonthColumn::Paid,
    ];
    /// The columns that carry a month's figures (a batch file has one
    /// column per month for each; the month itself is the column's number).
    pub const FIGURES: [MonthColumn; 3] =
        [MonthColumn::Insured, MonthColumn::Due, MonthColumn::Paid];

    /// The key within a row.
    pub const fn key(self) -> &'static str {
        match self {
            MonthColumn::Month => "month",
            MonthColumn::Insured => "insured",
            MonthColumn::Due => "due",
            MonthColumn::Paid => "paid",
        }
    }

    /// The column a row key names.
    pub fn from_key(key: &str) -> Option<MonthColumn> {
        MonthColumn::ALL.into_iter().find(|c| c.key() == key)
    }

    /// The kind of value the column takes.
    pub const fn kind(self) -> Kind {
        match self {
            MonthColumn::Month | MonthColumn::Insured => Kind::Count,
            MonthColumn::Due | MonthColumn::Paid => Kind::Money,
        }
    }
}

/// One figure of one month: a cell of the table, as a batch column names
/// it (`insured.months.3.paid` is March's payment: in a batch file the
/// row of month N is row N).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MonthCell {
    month: u8,
    column: MonthColumn,
}

impl MonthCell {
    /// Every cell, month by month, in the order of [`MonthColumn::FIGURES`].
    pub const ALL: [MonthCell; Months::ROWS * MonthColumn::FIGURES.len()] = {
        let mut all = [MonthCell {
            month: 1,
            column: MonthColumn::Insured,
        }; Months::ROWS * MonthColumn::FIGURES.len()];
        let mut i = 0;
        while i < all.len() {
            all[i] = MonthCell {
                month: (i / MonthColumn::FIGURES.len()) as u8 + 1,
                column: MonthColumn::FIGURES[i % MonthColumn::FIGURES.len()],
            };
            i += 1;
        }
        all
    };

    /// The cell of `month` (1–12) in `column` (not [`MonthColumn::Month`]).
    pub fn new(month: usize, column: MonthColumn) -> Option<MonthCell> {
        let figure = column != MonthColumn::Month;
        (figure && (1..=Months::ROWS).contains(&month)).then_some(MonthCell {
            month: month as u8,
            column,
        })
    }

    /// The month, 1–12.
    pub const fn month(self) -> usize {
        self.month as usize
    }

    pub const fn column(self) -> MonthColumn {
        self.column
    }

    pub const fn kind(self) -> Kind {
        self.column.kind()
    }

    /// `insured.months.N.column`, made once from the table's names.
    pub fn path(self) -> &'static str {
        static PATHS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
        let paths = PATHS.get_or_init(|| {
            MonthCell::ALL
                .iter()
                .map(|c| Months::path(c.month(), Some(c.column)))
                .collect()
        });
        let index = (self.month() - 1) * MonthColumn::FIGURES.len()
            + MonthColumn::FIGURES
                .iter()
                .position(|c| *c == self.column)
                .unwrap_or(0);
        paths.get(index).map_or("", String::as_str)
    }

    /// The cell a path names.
    pub fn from_path(path: &str) -> Option<MonthCell> {
        match Months::parse_path(path)? {
            (Some(row), Some(column)) => MonthCell::new(row, column),
            _ => None,
        }
    }

    /// The cell's raw JSON leaf, to write: the table is made a list of at
    /// least `month` rows on demand, row N an object with `"month": N`.
    pub fn raw_mut(self, raw: &mut RawApplication) -> &mut Value {
        let month = self.month();
        let table = Months::raw_mut(raw);
        let mut rows = match std::mem::take(table) {
            Value::Array(rows) => rows,
            _ => Vec::new(),
        };
        while rows.len() < month {
            let mut row = serde_json::Map::new();
            row.insert(
                MonthColumn::Month.key().to_owned(),
                Value::from(rows.len() + 1),
            );
            rows.push(Value::Object(row));
        }
        if let Some(row) = rows.get_mut(month - 1).filter(|r| !r.is_object()) {
            *row = Value::Object(serde_json::Map::new());
        }
        *table = Value::Array(rows);
        // A list of at least `month` rows, row `month` an object: indexing
        // it (which inserts the key when missing) cannot fail.
        &mut table[month - 1][self.column.key()]
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
