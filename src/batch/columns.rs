//! The columns of a batch file: one per leaf of `wengang.application/1`,
//! named by its dotted path (`applicant.credit_code`) or its zh-CN label
//! (`统一社会信用代码`, from `messages::fields`).

use serde_json::Value;

pub use crate::field::Kind;
use crate::field::{Field, Section};

/// A leaf of the application that a column fills: a [`Field`] of the
/// registry, named by its dotted path. Every field is a column, in form
/// order (`Column::ALL`).
pub type Column = Field;

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
            let column =
                Field::from_path(name).or_else(|| crate::messages::fields::field_from_label(name));
            match column {
                Some(c) if header.slots.contains(&Some(c)) => header.duplicated.push(c.path()),
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
        assert_eq!(Column::ALL.len(), 36);
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
                Some(Column::Policy),
                None,
                Some(Column::ApplicantName),
                Some(Column::Policy)
            ]
        );
        assert_eq!(h.unknown, vec!["x".to_owned()]);
        assert_eq!(h.duplicated, vec![policy]);
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
                Some(Column::CreditCode),
                Some(Column::Start),
                Some(Column::ApplicantName),
                Some(Column::ApplicantName),
                None
            ]
        );
        assert_eq!(h.duplicated, vec!["applicant.name"]);
        assert_eq!(h.unknown, vec!["x".to_owned()]);
    }
}
