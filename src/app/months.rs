//! The monthly records table (`insured.months`: rows `{month, insured,
//! due, paid}`) as the form edits it: text, one row a line, as a
//! spreadsheet copies it.

use serde_json::{json, Value};

use crate::field::Field;
use crate::tidy::tidy;

/// The rows in text typed or pasted from a spreadsheet: tab-separated (as
/// a spreadsheet copies) or comma-separated, each cell tidied (`12,345.00` → `12345.00`). A
/// line of four cells or more starts with its month (`1`, `1月`,
/// `2018-01`), a line of three is the next month; lines without a digit
/// among their figures (a header) are skipped. `null` when none is left.
pub fn rows(text: &str) -> Value {
    let mut rows = Vec::new();
    for line in text.lines() {
        let cells = split(line);
        let (month, [insured, due, paid]) = match cells.as_slice() {
            [a, b, c] => (None, [a, b, c]),
            [m, a, b, c, ..] => (Some(m), [a, b, c]),
            _ => continue,
        };
        if ![insured, due, paid]
            .iter()
            .any(|f| f.bytes().any(|b| b.is_ascii_digit()))
        {
            continue;
        }
        let month = month
            .and_then(|m| {
                tidy(Field::Start, m)
                    .rsplit(|c: char| !c.is_ascii_digit())
                    .find(|s| !s.is_empty())
                    .and_then(|s| s.parse().ok())
            })
            .unwrap_or(rows.len() + 1);
        let money = |s: &str| tidy(Field::PremiumsPaid, s);
        rows.push(json!({
            "month": month,
            "insured": tidy(Field::Start, insured),
            "due": money(due),
            "paid": money(paid),
        }));
    }
    if rows.is_empty() {
        Value::Null
    } else {
        Value::Array(rows)
    }
}

/// The rows as text, tab-separated, one a line.
pub fn text(table: &Value) -> String {
    let cell = |row: &Value, key| super::form::as_text(row.get(key).unwrap_or(&Value::Null));
    table
        .as_array()
        .into_iter()
        .flatten()
        .map(|r| {
            let [m, i, d, p] = ["month", "insured", "due", "paid"].map(|k| cell(r, k));
            format!("{m}\t{i}\t{d}\t{p}\n")
        })
        .collect()
}

/// A line's cells: split at tabs (a spreadsheet's copy, whose figures
/// may hold thousands separators), else at commas.
fn split(line: &str) -> Vec<&str> {
    let at = if line.contains('\t') { '\t' } else { ',' };
    line.split(at).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_spreadsheet_paste_with_a_header_and_separators_gives_rows() {
        let table = rows("月份\t参保人数\t应缴\t实缴\n2018-01\t1,200\t7,070.00\t7,070.00\n2月\t１２００\t7070\t7070\n");
        assert_eq!(
            table,
            json!([
                {"month": 1, "insured": "1200", "due": "7070.00", "paid": "7070.00"},
                {"month": 2, "insured": "1200", "due": "7070", "paid": "7070"},
            ])
        );
        assert_eq!(
            text(&table),
            "1\t1200\t7070.00\t7070.00\n2\t1200\t7070\t7070\n"
        );
        assert_eq!(rows(&text(&table)), table, "the text reads back");
    }

    #[test]
    fn comma_separated_rows_without_months_follow_on() {
        let table = rows("100,1000.50,1000.5\r\n101,1000,900\n");
        assert_eq!(table[0]["due"], json!("1000.50"));
        assert_eq!(table[1]["month"], json!(2));
        assert_eq!(table[1]["paid"], json!("900"));
    }

    #[test]
    fn nothing_but_a_header_or_one_cell_is_no_table() {
        assert_eq!(rows("月份\t参保人数\t应缴\t实缴\n"), Value::Null);
        assert_eq!(rows("1,200"), Value::Null);
        assert_eq!(rows(""), Value::Null);
    }
}
