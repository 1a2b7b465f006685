//! The columns of a batch file: one per leaf of `wengang.application/1`,
//! named by its dotted path (`applicant.credit_code`) or its zh-CN label
//! (`统一社会信用代码`, from `messages::fields`), and one per figure of each
//! month of the monthly records (`insured.months.3.paid`), made from the
//! registry's table and its columns.

use serde_json::Value;

pub use crate::application::field::Kind;
use crate::application::field::{Field, MonthCell, Section};
use crate::application::RawApplication;

/// A column of a batch file: a [`Field`] of the registry, or one figure of
/// one month of the monthly records ([`MonthCell`]). Every one, in form
/// order (the months after the rest of the insured section), is
/// `Column::ALL`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    Field(Field),
    Month(MonthCell),
}

const COLUMNS: usize = Field::ALL.len() + MonthCell::ALL.len();

/// Field::ALL with the month cells after the last insured field.
const ALL_COLUMNS: [Column; COLUMNS] = {
    let mut all = [Column::Field(Field::Format); COLUMNS];
    let (mut i, mut f) = (0, 0);
    while f < Field::ALL.len() {
        all[i] = Column::Field(Field::ALL[f]);
        i += 1;
        // Sections follow the insured one, so `f + 1` is in bounds here
        // (were the insured section last, this would not compile).
        let last_insured = matches!(Field::ALL[f].section(), Section::Insured)
            && !matches!(Field::ALL[f + 1].section(), Section::Insured);
        if last_insured {
            let mut m = 0;
            while m < MonthCell::ALL.len() {
                all[i] = Column::Month(MonthCell::ALL[m]);
                i += 1;
                m += 1;
            }
        }
        f += 1;
    }
    all
};

impl Column {
    /// Every column, in form order.
    pub const ALL: &'static [Column] = &ALL_COLUMNS;

    /// The column's name: its dotted path.
    pub fn path(self) -> &'static str {
        match self {
            Column::Field(f) => f.path(),
            Column::Month(c) => c.path(),
        }
    }

    /// The column a name names.
    pub fn from_path(path: &str) -> Option<Column> {
        Field::from_path(path)
            .map(Column::Field)
            .or_else(|| MonthCell::from_path(path).map(Column::Month))
    }

    /// The kind of value the column takes.
    pub fn kind(self) -> Kind {
        match self {
            Column::Field(f) => f.kind(),
            Column::Month(c) => c.kind(),
        }
    }

    /// The raw JSON leaf the column fills (a hardship column makes the
    /// hardship section, a month column the month's row).
    pub fn raw_mut(self, raw: &mut RawApplication) -> &mut Value {
        match self {
            Column::Field(f) => f.raw_mut(raw),
            Column::Month(c) => c.raw_mut(raw),
        }
    }

    /// Is this one of the hardship path's columns?
    pub fn is_hardship(self) -> bool {
        matches!(self, Column::Field(f) if f.is_hardship())
    }
}

impl From<Field> for Column {
    fn from(field: Field) -> Column {
        Column::Field(field)
    }
}

impl From<MonthCell> for Column {
    fn from(cell: MonthCell) -> Column {
        Column::Month(cell)
    }
}

impl Field {
    /// Is this one of the hardship path's columns? The path is taken when
    /// any of them has a value.
    pub fn is_hardship(self) -> bool {
        self.section() == Section::Hardship
    }
}

/// Sets a leaf from a cell: empty is missing (`null`), a flag column's
/// `true`/`false` (any case) is a boolean, anything else is the text as
/// given (the engine reads counts, money and dates from text; a flag
/// column's other text is reported by validation). An
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
            let column = Column::from_path(name)
                .or_else(|| crate::messages::fields::field_from_label(name).map(Column::Field));
            match column {
                Some(c) if header.slots.contains(&Some(c)) => header.duplicated.push(c.path()),
                Some(_) => {}
                None => header.unknown.push(name.to_owned()),
            }
            header.slots.push(column);
        }
        header
    }

    /// Is `column` (a [`Column`] or a [`Field`]) in the file?
    pub fn has(&self, column: impl Into<Column>) -> bool {
        self.slots.contains(&Some(column.into()))
    }

    /// Known columns missing from the file.
    pub fn missing(&self) -> Vec<&'static str> {
        Column::ALL
            .iter()
            .filter(|c| !self.has(**c))
            .map(|c| c.path())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for c in Column::ALL {
            assert_eq!(Column::from_path(c.path()), Some(*c));
        }
        assert_eq!(Column::ALL.len(), 36 + 36);
        let months: Vec<&str> = Column::ALL
            .iter()
            .filter(|c| matches!(c, Column::Month(_)))
            .map(|c| c.path())
            .collect();
        assert_eq!(months[0], "insured.months.1.insured");
        assert_eq!(months[35], "insured.months.12.paid");
        // The months follow the rest of the insured section.
        let at = |path| Column::ALL.iter().position(|c| c.path() == path);
        assert_eq!(
            at("insured.months.1.insured"),
            at(Field::ArrearsAndLateFees.path()).map(|i| i + 1)
        );
        assert_eq!(Column::from_path("insured.months.13.paid"), None);
        assert_eq!(Column::from_path("insured.months.1.month"), None);
    }

    #[test]
    fn header_with_bom_unknown_and_duplicates() {
        let (policy, name) = (Field::Policy.path(), Field::ApplicantName.path());
        let h = Header::new([
            &format!("\u{feff}{policy}"),
            "x",
            &format!(" {name} "),
            policy,
        ]);
        assert_eq!(
            h.slots,
            vec![
                Some(Column::Field(Field::Policy)),
                None,
                Some(Column::Field(Field::ApplicantName)),
                Some(Column::Field(Field::Policy))
            ]
        );
        assert_eq!(h.unknown, vec!["x".to_owned()]);
        assert_eq!(h.duplicated, vec![policy]);
    }

    #[test]
    fn month_cells_fill_their_month_row() {
        let mut raw = RawApplication::default();
        let paid = Column::from_path("insured.months.3.paid").unwrap();
        set_leaf(paid.raw_mut(&mut raw), paid.kind(), "700.00");
        assert_eq!(
            raw.insured.months.raw(),
            &serde_json::json!([
                {"month": 1}, {"month": 2}, {"month": 3, "paid": "700.00"}
            ])
        );
        // A table that is not a list (from elsewhere) is replaced.
        *raw.insured.months.raw_mut() = Value::from("x");
        set_leaf(paid.raw_mut(&mut raw), paid.kind(), "");
        assert_eq!(raw.insured.months.raw()[2]["paid"], Value::Null);
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

    #[test]
    fn columns_may_be_named_by_their_zh_labels() {
        let h = Header::new([
            "统一社会信用代码",
            "年初参保人数",
            "applicant.name",
            "单位名称",
            "x",
        ]);
        assert_eq!(
            h.slots,
            vec![
                Some(Column::Field(Field::CreditCode)),
                Some(Column::Field(Field::Start)),
                Some(Column::Field(Field::ApplicantName)),
                Some(Column::Field(Field::ApplicantName)),
                None
            ]
        );
        assert_eq!(h.duplicated, vec!["applicant.name"]);
        assert_eq!(h.unknown, vec!["x".to_owned()]);
    }
}
