//! 免申即享 — the bureau's run from its own records: each row of a unit
//! register is the bureau's record of a unit, not an application. Its
//! monthly figures may come from a long-form months file (the sums of the
//! person-month contribution records), and the conditions an application
//! would declare come from other offices' lists. Nothing else is asked:
//! no bank, contact, commitment, declaration or hardship.
//!
//! The same validation and decision as for an application decide it
//! ([`crate::assessment::assess_as`]); a list nobody gave leaves its
//! criterion undecided, so no unit passes a check nobody made.

pub mod lists;
pub mod unit_months;

pub use lists::{ListEntry, ListError, ListProblem, ListSet, OfficeList};
pub use unit_months::{MissingColumns, MonthsCounts, MonthsProblem, UnitMonths};

use serde_json::Value;

use crate::application::field::Section;
use crate::application::RawApplication;
use crate::assessment::{assess_as, Assessment};
use crate::validate::{fields, Origin};

/// What a bureau's run brings besides the register: the lists, and the
/// unit months when they come in a file of their own.
#[derive(Debug, Default)]
pub struct Bureau {
    pub lists: ListSet,
    pub months: Option<UnitMonths>,
}

impl Bureau {
    /// Assesses one unit record: its months joined from the months file
    /// (when the record gives none of its own), its conditions from the
    /// lists.
    pub fn assess(&self, raw: &mut RawApplication) -> Assessment {
        let code = fields::text_ref(raw.applicant.credit_code.raw()).unwrap_or("");
        let found = self.lists.findings(code);
        let code = code.to_owned();
        if let Some(months) = &self.months {
            let leaf = raw.insured.months.raw_mut();
            if fields::is_blank(leaf) || *leaf == Value::Array(Vec::new()) {
                if let Some(rows) = months.months_of(&code) {
                    *leaf = rows;
                }
            }
        }
        assess_as(raw, Origin::UnitRecord(found))
    }
}

/// Whether a register column is read in a unit record: what a bureau
/// holds, not what only an applicant gives (bank, contact, commitment,
/// declarations, hardship).
pub fn reads_section(section: Section) -> bool {
    matches!(
        section,
        Section::Top | Section::Applicant | Section::Insured
    )
}
