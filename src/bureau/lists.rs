//! 名单 — other offices' lists of units excluded from the refund, as a
//! bureau receives them (a CSV or a sheet with a credit-code column), and
//! what they say of one unit.
//!
//! Nothing in a list is dropped in silence: a malformed code, a code
//! listed twice and an empty list are each reported with their line.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use crate::application::{Declarations, Finding, ListKind};
use crate::validate::{identifiers, Severity};

/// The names a list's credit-code column goes by.
const CODE_COLUMNS: [&str; 3] = ["credit_code", "统一社会信用代码", "applicant.credit_code"];
/// The names of its optional date column (when the unit was listed).
const DATE_COLUMNS: [&str; 4] = ["date", "日期", "列入日期", "listed_on"];

/// Where a unit appears on a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListEntry {
    /// 1-based line (or sheet row) of the list.
    pub line: u64,
    /// The listing date, as the list gives it, where it has a date column.
    pub date: Option<String>,
}

/// Something in a list that could not be taken as it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListProblem {
    /// A code that is not a credit code (length, characters, division):
    /// left out, since it can match no unit.
    MalformedCode { line: u64, code: String },
    /// A code whose check character is wrong (as some early pilot codes
    /// are): kept, since such codes are legal.
    CheckCharacter { line: u64, code: String },
    /// A code listed again; the first line stands.
    Duplicate { line: u64, first: u64 },
    /// A blank code cell.
    BlankCode { line: u64 },
    /// No unit on the list: checked, or a file exported empty by mistake.
    Empty,
}

impl ListProblem {
    /// Whether the list can still be used as it stands.
    pub fn severity(&self) -> Severity {
        match self {
            ListProblem::MalformedCode { .. } | ListProblem::BlankCode { .. } => Severity::Error,
            _ => Severity::Warning,
        }
    }
}

impl fmt::Display for ListProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ListProblem::MalformedCode { line, code } => write!(
                f,
                "第 {line} 行：{code:?} 不是统一社会信用代码，未采用 / line {line}: {code:?} is not a credit code; left out"
            ),
            ListProblem::CheckCharacter { line, code } => write!(
                f,
                "第 {line} 行：{code} 校验码不符（早期试点代码可能如此），仍采用 / line {line}: {code} fails its check character (some early pilot codes do); kept"
            ),
            ListProblem::Duplicate { line, first } => write!(
                f,
                "第 {line} 行：与第 {first} 行重复 / line {line}: listed again (first on line {first})"
            ),
            ListProblem::BlankCode { line } => write!(
                f,
                "第 {line} 行：统一社会信用代码为空 / line {line}: no credit code"
            ),
            ListProblem::Empty => write!(
                f,
                "名单中没有任何单位（如确实无人列入，可忽略）/ the list names no unit (fine if truly nobody is listed)"
            ),
        }
    }
}

/// A list that cannot be read at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListError {
    /// No column is named `credit_code` or `统一社会信用代码`.
    NoCodeColumn,
    /// Two lists of one kind were given.
    Twice(ListKind),
}

impl fmt::Display for ListError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ListError::NoCodeColumn => write!(
                f,
                "名单没有“统一社会信用代码”（credit_code）列 / the list has no credit_code (统一社会信用代码) column"
            ),
            ListError::Twice(kind) => write!(
                f,
                "{kind} 名单给了两次 / the {kind} list is given twice",
                kind = crate::named::Named::name(*kind)
            ),
        }
    }
}

impl std::error::Error for ListError {}

/// One office's list, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficeList {
    pub kind: ListKind,
    /// Where it was read from (a file name), cited as evidence.
    pub source: String,
    entries: HashMap<String, ListEntry>,
    /// What could not be taken as it stands, in line order.
    pub problems: Vec<ListProblem>,
}

impl OfficeList {
    /// Reads a list from its header and rows (each row's 1-based line and
    /// cells), as a CSV file or a sheet gives them.
    pub fn from_rows<I, R, C>(
        kind: ListKind,
        source: impl Into<String>,
        header: &[&str],
        rows: I,
    ) -> Result<OfficeList, ListError>
    where
        I: IntoIterator<Item = (u64, R)>,
        R: AsRef<[C]>,
        C: AsRef<str>,
    {
        let column = |names: &[&str]| {
            header
                .iter()
                .position(|h| names.contains(&h.trim().trim_start_matches('\u{feff}')))
        };
        let code_at = column(&CODE_COLUMNS).ok_or(ListError::NoCodeColumn)?;
        let date_at = column(&DATE_COLUMNS);
        let mut list = OfficeList {
            kind,
            source: source.into(),
            entries: HashMap::new(),
            problems: Vec::new(),
        };
        for (line, row) in rows {
            let cells = row.as_ref();
            let cell = |at: usize| cells.get(at).map_or("", |c| c.as_ref().trim());
            if cells.iter().all(|c| c.as_ref().trim().is_empty()) {
                continue;
            }
            let code = normalise(cell(code_at));
            if code.is_empty() {
                list.problems.push(ListProblem::BlankCode { line });
                continue;
            }
            match identifiers::credit_code(&code).first() {
                Some(issue) if issue.severity() == Severity::Error => {
                    list.problems
                        .push(ListProblem::MalformedCode { line, code });
                    continue;
                }
                Some(_) => list.problems.push(ListProblem::CheckCharacter {
                    line,
                    code: code.clone(),
                }),
                None => {}
            }
            if let Some(first) = list.entries.get(&code) {
                list.problems.push(ListProblem::Duplicate {
                    line,
                    first: first.line,
                });
                continue;
            }
            let date = date_at
                .map(cell)
                .filter(|d| !d.is_empty())
                .map(str::to_owned);
            list.entries.insert(code, ListEntry { line, date });
        }
        if list.entries.is_empty() {
            list.problems.push(ListProblem::Empty);
        }
        Ok(list)
    }

    /// Where the unit with this credit code is on the list.
    pub fn get(&self, credit_code: &str) -> Option<&ListEntry> {
        self.entries.get(&normalise(credit_code))
    }

    /// How many units it names.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// A code as lists and registers are matched: trimmed, upper-case.
fn normalise(code: &str) -> String {
    code.trim().to_ascii_uppercase()
}

/// The lists given for a run, at most one of each kind.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListSet {
    lists: BTreeMap<ListKind, OfficeList>,
}

impl ListSet {
    /// Adds a list; a second list of one kind is refused.
    pub fn add(&mut self, list: OfficeList) -> Result<(), ListError> {
        if self.lists.contains_key(&list.kind) {
            return Err(ListError::Twice(list.kind));
        }
        self.lists.insert(list.kind, list);
        Ok(())
    }

    /// The list of a kind, when given.
    pub fn get(&self, kind: ListKind) -> Option<&OfficeList> {
        self.lists.get(&kind)
    }

    /// Every list given.
    pub fn iter(&self) -> impl Iterator<Item = &OfficeList> {
        self.lists.values()
    }

    /// What the list of `kind` says of a unit: on it (and where), not on
    /// it, or nothing at all when the list was not given.
    pub fn finding(&self, kind: ListKind, credit_code: &str) -> Finding {
        match self.lists.get(&kind) {
            Some(list) => Finding::Listed {
                list: kind,
                row: list.get(credit_code).map(|e| e.line),
            },
            None => Finding::Unchecked(kind),
        }
    }

    /// The conditions an application would declare, as the lists find
    /// them for the unit with this credit code.
    pub fn findings(&self, credit_code: &str) -> Declarations {
        let find = |kind| self.finding(kind, credit_code);
        Declarations {
            industrial_policy_compliant: find(ListKind::Industrial),
            environmental_compliant: find(ListKind::Environmental),
            seriously_dishonest: find(ListKind::Dishonest),
            zombie: find(ListKind::Zombie),
            no_outstanding_arrears: Some(find(ListKind::Arrears)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: [&str; 3] = ["统一社会信用代码", "单位名称", "列入日期"];

    fn list(rows: &[(u64, [&str; 3])]) -> OfficeList {
        OfficeList::from_rows(
            ListKind::Dishonest,
            "dishonest.csv",
            &HEADER,
            rows.iter().map(|(l, r)| (*l, r.to_vec())),
        )
        .unwrap()
    }

    #[test]
    fn a_unit_on_the_list_is_found_with_its_line_and_date() {
        let l = list(&[
            (2, ["91320594MA1MXL2K87", "甲", "2025-03-01"]),
            (3, ["91110000ma1mxl2k8n ", "乙", ""]),
        ]);
        let entry = l.get("91320594MA1MXL2K87").unwrap();
        assert_eq!((entry.line, entry.date.as_deref()), (2, Some("2025-03-01")));
        // Matched as registers write codes: trimmed, upper-case.
        assert_eq!(l.get("91110000MA1MXL2K8N").map(|e| e.line), Some(3));
        assert!(l.problems.is_empty(), "{:?}", l.problems);
    }

    #[test]
    fn malformed_blank_and_repeated_codes_are_reported_with_their_lines() {
        let l = list(&[
            (2, ["9132059", "短", ""]),
            (3, ["", "空", ""]),
            (4, ["91350100M0001TGQXM", "试点", ""]),
            (5, ["91320594MA1MXL2K87", "甲", ""]),
            (6, ["91320594MA1MXL2K87", "甲", ""]),
        ]);
        assert_eq!(
            l.problems,
            vec![
                ListProblem::MalformedCode {
                    line: 2,
                    code: "9132059".into()
                },
                ListProblem::BlankCode { line: 3 },
                ListProblem::CheckCharacter {
                    line: 4,
                    code: "91350100M0001TGQXM".into()
                },
                ListProblem::Duplicate { line: 6, first: 5 },
            ]
        );
        // The pilot code is kept; the malformed one matches nothing.
        assert_eq!(l.len(), 2);
    }

    #[test]
    fn an_empty_list_is_said_and_a_list_without_a_code_column_refused() {
        assert_eq!(list(&[]).problems, vec![ListProblem::Empty]);
        let none: [(u64, Vec<&str>); 0] = [];
        assert_eq!(
            OfficeList::from_rows(ListKind::Zombie, "z.csv", &["name"], none),
            Err(ListError::NoCodeColumn)
        );
    }

    #[test]
    fn no_list_means_no_check_and_a_second_list_of_a_kind_is_refused() {
        let mut set = ListSet::default();
        set.add(list(&[(2, ["91320594MA1MXL2K87", "甲", ""])]))
            .unwrap();
        assert_eq!(
            set.finding(ListKind::Dishonest, "91320594MA1MXL2K87"),
            Finding::Listed {
                list: ListKind::Dishonest,
                row: Some(2)
            }
        );
        assert_eq!(
            set.finding(ListKind::Dishonest, "91110000MA1MXL2K8N"),
            Finding::Listed {
                list: ListKind::Dishonest,
                row: None
            }
        );
        assert_eq!(
            set.finding(ListKind::Zombie, "91320594MA1MXL2K87"),
            Finding::Unchecked(ListKind::Zombie)
        );
        assert_eq!(
            set.add(list(&[])),
            Err(ListError::Twice(ListKind::Dishonest))
        );
    }
}
