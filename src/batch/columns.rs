//! The columns of a batch file: one per leaf of `wengang.application/1`,
//! named by its dotted path (`applicant.credit_code`).

use serde_json::Value;

use crate::application::{RawApplication, RawHardship};

macro_rules! columns {
    ($($variant:ident => $name:literal, $kind:ident;)*) => {
        /// A leaf of the application that a column fills.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Column {
            $($variant,)*
        }

        impl Column {
            /// Every column, in form order.
            pub const ALL: &'static [Column] = &[$(Column::$variant,)*];

            /// The dotted path that names the column.
            pub fn name(self) -> &'static str {
                match self {
                    $(Column::$variant => $name,)*
                }
            }

            /// How a cell is read into the leaf.
            pub fn kind(self) -> Kind {
                match self {
                    $(Column::$variant => Kind::$kind,)*
                }
            }

            /// The column a dotted path names.
            pub fn from_name(name: &str) -> Option<Column> {
                match name {
                    $($name => Some(Column::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

/// How a cell becomes a JSON leaf.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Kept as text (the engine reads counts, money and dates from text).
    Text,
    /// `true` / `false` (any case) become JSON booleans; anything else stays
    /// text, which validation then reports.
    Flag,
}

columns! {
    Format => "format", Text;
    Policy => "policy", Text;
    ApplicantName => "applicant.name", Text;
    CreditCode => "applicant.credit_code", Text;
    UnitType => "applicant.unit_type", Text;
    Industry => "applicant.industry", Text;
    Employees => "applicant.employees", Text;
    Revenue => "applicant.revenue", Text;
    Assets => "applicant.assets", Text;
    Year => "insured.year", Text;
    Start => "insured.start", Text;
    End => "insured.end", Text;
    MonthlyAverage => "insured.monthly_average", Text;
    RetiredOrDeceased => "insured.retired_or_deceased", Text;
    NewBenefitClaimants => "insured.new_benefit_claimants", Text;
    MonthsPaidInFull => "insured.months_paid_in_full", Text;
    PremiumsPaid => "insured.premiums_paid", Text;
    ArrearsAndLateFees => "insured.arrears_and_late_fees", Text;
    IndustrialPolicy => "declarations.industrial_policy_compliant", Flag;
    Environmental => "declarations.environmental_compliant", Flag;
    SeriouslyDishonest => "declarations.seriously_dishonest", Flag;
    Zombie => "declarations.zombie", Flag;
    TemporaryDifficulty => "hardship.temporary_difficulty", Flag;
    UnionAgreedPlan => "hardship.union_agreed_plan", Flag;
    NoLayoffCommitment => "hardship.no_layoff_commitment", Flag;
    MonthlyContributions => "hardship.monthly_contributions_payable", Text;
    AccountName => "bank.account_name", Text;
    BankName => "bank.bank_name", Text;
    AccountNumber => "bank.account_number", Text;
    ContactName => "contact.name", Text;
    ContactPhone => "contact.phone", Text;
    Accepted => "commitment.accepted", Flag;
    Signatory => "commitment.signatory", Text;
    CommitmentDate => "commitment.date", Text;
}

impl Column {
    /// Is this one of the hardship path's columns? The path is taken when
    /// any of them has a value.
    pub fn is_hardship(self) -> bool {
        matches!(
            self,
            Column::TemporaryDifficulty
                | Column::UnionAgreedPlan
                | Column::NoLayoffCommitment
                | Column::MonthlyContributions
        )
    }

    /// The leaf this column fills (the hardship section is made on demand).
    pub fn leaf_mut(self, raw: &mut RawApplication) -> &mut Value {
        use Column::*;
        match self {
            Format => &mut raw.format.0,
            Policy => &mut raw.policy.0,
            ApplicantName => &mut raw.applicant.name.0,
            CreditCode => &mut raw.applicant.credit_code.0,
            UnitType => &mut raw.applicant.unit_type.value,
            Industry => &mut raw.applicant.industry.value,
            Employees => &mut raw.applicant.employees.0,
            Revenue => &mut raw.applicant.revenue.0,
            Assets => &mut raw.applicant.assets.0,
            Year => &mut raw.insured.year.0,
            Start => &mut raw.insured.start.0,
            End => &mut raw.insured.end.0,
            MonthlyAverage => &mut raw.insured.monthly_average.0,
            RetiredOrDeceased => &mut raw.insured.retired_or_deceased.0,
            NewBenefitClaimants => &mut raw.insured.new_benefit_claimants.0,
            MonthsPaidInFull => &mut raw.insured.months_paid_in_full.0,
            PremiumsPaid => &mut raw.insured.premiums_paid.0,
            ArrearsAndLateFees => &mut raw.insured.arrears_and_late_fees.0,
            IndustrialPolicy => &mut raw.declarations.industrial_policy_compliant.0,
            Environmental => &mut raw.declarations.environmental_compliant.0,
            SeriouslyDishonest => &mut raw.declarations.seriously_dishonest.0,
            Zombie => &mut raw.declarations.zombie.0,
            TemporaryDifficulty => &mut hardship(raw).temporary_difficulty.0,
            UnionAgreedPlan => &mut hardship(raw).union_agreed_plan.0,
            NoLayoffCommitment => &mut hardship(raw).no_layoff_commitment.0,
            MonthlyContributions => &mut hardship(raw).monthly_contributions_payable.0,
            AccountName => &mut raw.bank.account_name.0,
            BankName => &mut raw.bank.bank_name.0,
            AccountNumber => &mut raw.bank.account_number.0,
            ContactName => &mut raw.contact.name.0,
            ContactPhone => &mut raw.contact.phone.0,
            Accepted => &mut raw.commitment.accepted.0,
            Signatory => &mut raw.commitment.signatory.0,
            CommitmentDate => &mut raw.commitment.date.0,
        }
    }
}

fn hardship(raw: &mut RawApplication) -> &mut RawHardship {
    raw.hardship.get_or_insert_with(RawHardship::default)
}

/// Sets a leaf from a cell: empty is missing (`null`), a flag column's
/// `true`/`false` is a boolean, anything else is the text as given. An
/// existing string's buffer is reused, so steady-state filling allocates
/// nothing.
pub fn set_leaf(leaf: &mut Value, kind: Kind, cell: &str) {
    if cell.is_empty() {
        *leaf = Value::Null;
        return;
    }
    if kind == Kind::Flag {
        if cell.eq_ignore_ascii_case("true") {
            *leaf = Value::Bool(true);
            return;
        }
        if cell.eq_ignore_ascii_case("false") {
            *leaf = Value::Bool(false);
            return;
        }
    }
    match leaf {
        Value::String(s) => {
            s.clear();
            s.push_str(cell);
        }
        other => *other = Value::String(cell.to_owned()),
    }
}

/// A header read: which column each position fills.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// One entry per column of the file; `None` for a column the
    /// application does not have (ignored).
    pub slots: Vec<Option<Column>>,
    /// Names of the ignored columns.
    pub unknown: Vec<String>,
    /// Known columns given more than once (the last one wins).
    pub duplicated: Vec<&'static str>,
}

impl Header {
    /// Reads the names of a header row (a UTF-8 byte-order mark and
    /// surrounding spaces are ignored).
    pub fn new<'a>(names: impl IntoIterator<Item = &'a str>) -> Header {
        let mut header = Header {
            slots: Vec::new(),
            unknown: Vec::new(),
            duplicated: Vec::new(),
        };
        for (i, name) in names.into_iter().enumerate() {
            let name = if i == 0 {
                name.trim_start_matches('\u{feff}')
            } else {
                name
            }
            .trim();
            let column = Column::from_name(name);
            match column {
                Some(c) if header.slots.contains(&Some(c)) => header.duplicated.push(c.name()),
                Some(_) => {}
                None => header.unknown.push(name.to_owned()),
            }
            header.slots.push(column);
        }
        header
    }

    /// Is `column` in the file?
    pub fn has(&self, column: Column) -> bool {
        self.slots.contains(&Some(column))
    }

    /// Known columns missing from the file.
    pub fn missing(&self) -> Vec<&'static str> {
        Column::ALL
            .iter()
            .filter(|c| !self.has(**c))
            .map(|c| c.name())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for c in Column::ALL {
            assert_eq!(Column::from_name(c.name()), Some(*c));
        }
        assert_eq!(Column::ALL.len(), 34);
    }

    #[test]
    fn header_with_bom_unknown_and_duplicates() {
        let h = Header::new(["\u{feff}policy", "x", " applicant.name ", "policy"]);
        assert_eq!(
            h.slots,
            vec![
                Some(Column::Policy),
                None,
                Some(Column::ApplicantName),
                Some(Column::Policy)
            ]
        );
        assert_eq!(h.unknown, vec!["x".to_owned()]);
        assert_eq!(h.duplicated, vec!["policy"]);
    }

    #[test]
    fn cells_become_leaves() {
        let mut v = Value::Null;
        set_leaf(&mut v, Kind::Flag, "TRUE");
        assert_eq!(v, Value::Bool(true));
        set_leaf(&mut v, Kind::Flag, "yes");
        assert_eq!(v, Value::String("yes".into()));
        set_leaf(&mut v, Kind::Text, "");
        assert_eq!(v, Value::Null);
        set_leaf(&mut v, Kind::Text, "12");
        assert_eq!(v, Value::String("12".into()));
    }
}
