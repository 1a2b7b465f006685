//! Rows that come already split into cells (a spreadsheet's), and the rules
//! that turn a spreadsheet's typed cells into the text a CSV cell would
//! carry, so the rest of screening is the CSV path's.
//!
//! **Numbers.** Excel keeps a number as a binary float and shows it with at
//! most 15 significant digits. A number cell becomes that text: rounded to
//! 15 significant digits (exact for anything typed, since Excel keeps no
//! more; a binary artefact such as `0.1 + 0.2` = 0.30000000000000004 reads
//! `0.3`), trailing zeros dropped, never in exponent form, a whole number
//! without `.0`. The cell's display format (`0.00`, thousands separators)
//! is not applied: 1234.5 in a cell shown as `1,234.50` reads `1234.5`, and
//! a money cell holding 1234.567 reads `1234.567`, which validation refuses
//! as it refuses that CSV cell (`money.decimals`: money is yuan to the fen);
//! nothing is rounded to the fen on the way. A number of 10^15 or more is
//! refused (Excel has already dropped its digits past the 15th: an account
//! number typed as a number); so are error cells (`#DIV/0!`).
//!
//! **Dates** (a date-formatted cell): `YYYY-MM-DD` (a time of day is
//! dropped). **Booleans**: `true`/`false`. An empty cell, or one holding
//! empty text, is a missing value. Text stays as given.

use super::csv::Malformed;

/// Rows of cells, each with its line (a spreadsheet's row number), held in
/// one text buffer; a chunk of a spreadsheet for a worker.
#[derive(Debug, Clone, Default)]
pub struct CellRows {
    text: String,
    /// Where each cell ends in `text`.
    ends: Vec<usize>,
    rows: Vec<CellRow>,
}

#[derive(Debug, Clone)]
struct CellRow {
    line: u64,
    /// One past the row's last cell in `ends`.
    cells_end: usize,
    /// Why the row cannot be read.
    error: Option<Malformed>,
}

impl CellRows {
    /// Adds a row of `width` cells: `cells`, cut or padded with empty
    /// (missing) ones.
    pub fn push_row<'a>(
        &mut self,
        line: u64,
        width: usize,
        cells: impl IntoIterator<Item = &'a str>,
    ) {
        let mut n = 0;
        for cell in cells.into_iter().take(width) {
            self.text.push_str(cell);
            self.ends.push(self.text.len());
            n += 1;
        }
        for _ in n..width {
            self.ends.push(self.text.len());
        }
        self.rows.push(CellRow {
            line,
            cells_end: self.ends.len(),
            error: None,
        });
    }

    /// Adds a row that cannot be read.
    pub fn push_rejected(&mut self, line: u64, reason: Malformed) {
        self.rows.push(CellRow {
            line,
            cells_end: self.ends.len(),
            error: Some(reason),
        });
    }

    /// Rows held.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Bytes of text held.
    pub fn bytes(&self) -> usize {
        self.text.len()
    }

    pub fn clear(&mut self) {
        self.text.clear();
        self.ends.clear();
        self.rows.clear();
    }

    /// Each row: its line, and its cells or why it cannot be read.
    pub fn rows(&self) -> impl Iterator<Item = (u64, Result<RowCells<'_>, &Malformed>)> {
        let mut first = 0;
        self.rows.iter().map(move |row| {
            let cells = &self.ends[first..row.cells_end];
            let start = if first == 0 { 0 } else { self.ends[first - 1] };
            first = row.cells_end;
            let read = match &row.error {
                Some(e) => Err(e),
                None => Ok(RowCells {
                    text: &self.text,
                    start,
                    ends: cells,
                }),
            };
            (row.line, read)
        })
    }
}

/// The cells of one row of [`CellRows`].
#[derive(Debug, Clone, Copy)]
pub struct RowCells<'a> {
    text: &'a str,
    start: usize,
    ends: &'a [usize],
}

impl<'a> RowCells<'a> {
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &'a str> + 'a {
        let text = self.text;
        let mut start = self.start;
        self.ends.iter().map(move |&end| {
            let cell = text.get(start..end).unwrap_or("");
            start = end;
            cell
        })
    }
}

/// Why a spreadsheet cell is refused.
pub fn refused(cell: &str, reason: impl Into<String>) -> Malformed {
    Malformed::Cell {
        cell: cell.to_owned(),
        reason: reason.into(),
    }
}

/// A spreadsheet column's letters (0 → `A`, 26 → `AA`).
pub fn column_letters(mut column: u32) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(b'A' + (column % 26) as u8);
        if column < 26 {
            break;
        }
        column = column / 26 - 1;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// The largest magnitude a number cell may have: Excel keeps 15 digits.
const MAX_DIGITS_VALUE: f64 = 1e15;

/// Appends the text of a number cell (see the module's rule), or says why
/// it is refused.
pub fn number_text(x: f64, out: &mut String) -> Result<(), String> {
    if !x.is_finite() {
        return Err(format!("{x} is not a number"));
    }
    if x.abs() >= MAX_DIGITS_VALUE {
        return Err(format!(
            "the number {x:e} has more than the 15 digits Excel keeps (store it as text)"
        ));
    }
    // The usual case: at most two decimals.
    if let Some(c) = whole_cents(x) {
        if c < 0 {
            out.push('-');
        }
        let c = c.unsigned_abs();
        let (whole, cents) = (c / 100, c % 100);
        out.push_str(&whole.to_string());
        if cents != 0 {
            out.push('.');
            out.push(char::from(b'0' + (cents / 10) as u8));
            if cents % 10 != 0 {
                out.push(char::from(b'0' + (cents % 10) as u8));
            }
        }
        return Ok(());
    }
    // 15 significant digits (Rust rounds the exact binary value), then
    // written out in positional form.
    let sci = format!("{:.14e}", x.abs());
    let (mantissa, exponent) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exponent: i32 = exponent.parse().unwrap_or(0);
    let mut digits: Vec<u8> = mantissa.bytes().filter(u8::is_ascii_digit).collect();
    // x is not 0 here (0 and -0 took the shortcut), so its leading digit
    // is not 0 and it has a sign worth writing.
    while digits.last() == Some(&b'0') {
        digits.pop();
    }
    if x.is_sign_negative() {
        out.push('-');
    }
    let mut text = Vec::with_capacity(digits.len() + 20);
    if exponent >= 0 {
        let whole = exponent as usize + 1;
        for i in 0..whole.max(1) {
            text.push(digits.get(i).copied().unwrap_or(b'0'));
        }
        if digits.len() > whole {
            text.push(b'.');
            text.extend_from_slice(&digits[whole..]);
        }
    } else {
        text.extend_from_slice(b"0.");
        text.resize(text.len() + (-exponent - 1) as usize, b'0');
        text.extend_from_slice(&digits);
    }
    out.push_str(std::str::from_utf8(&text).unwrap_or("0"));
    Ok(())
}

/// `x` as a whole number of cents, when it is one: the float nearest c/100
/// for some |c| < 10^15. `c / 100` is correctly rounded, so if it gives back
/// `x`, that decimal (at most 15 significant digits) is what the general
/// rule of [`number_text`] would write, and writing `c` is a shortcut.
fn whole_cents(x: f64) -> Option<i64> {
    let c = (x * 100.0).round();
    (c.abs() < MAX_DIGITS_VALUE && c / 100.0 == x).then_some(c as i64)
}

/// Appends a date as `YYYY-MM-DD`.
pub fn date_text(year: u16, month: u8, day: u8, out: &mut String) {
    use std::fmt::Write;
    let _ = write!(out, "{year:04}-{month:02}-{day:02}");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(x: f64) -> Result<String, String> {
        let mut out = String::new();
        number_text(x, &mut out).map(|()| out)
    }

    #[test]
    fn numbers_read_as_excel_shows_them() {
        for (x, t) in [
            (0.0, "0"),
            (-0.0, "0"),
            (12.0, "12"),
            (2019.0, "2019"),
            (13912345678.0, "13912345678"),
            (1234.5, "1234.5"),
            (1234.56, "1234.56"),
            (1234.50, "1234.5"),
            (0.05, "0.05"),
            (-42.1, "-42.1"),
            (0.1 + 0.2, "0.3"),
            (1234.56 * 3.0, "3703.68"),
            (1234.567, "1234.567"),
            (-1234.567, "-1234.567"),
            (-0.125, "-0.125"),
            (12.3456789, "12.3456789"),
            (1.0 / 3.0, "0.333333333333333"),
            (0.000123, "0.000123"),
            (1e-7, "0.0000001"),
            (999_999_999_999_999.0, "999999999999999"),
            (12_345_678_901_234.5, "12345678901234.5"),
            (99_999_999_999.99, "99999999999.99"),
        ] {
            assert_eq!(text(x).as_deref(), Ok(t), "{x:?}");
        }
        // Every two-decimal amount comes back as typed (trailing zeros off).
        for cents in (0..2_000_000u64).step_by(7).chain([10u64.pow(14) - 1]) {
            let typed = format!("{}.{:02}", cents / 100, cents % 100);
            let x: f64 = typed.parse().unwrap();
            let expected = typed.trim_end_matches('0').trim_end_matches('.');
            assert_eq!(text(x).unwrap(), expected, "{typed}");
        }
    }

    #[test]
    fn numbers_excel_cannot_hold_are_refused() {
        for x in [1e15, 6.222e18, -1e20, f64::NAN, f64::INFINITY] {
            assert!(text(x).is_err(), "{x}");
        }
        assert!(text(6.222e18).unwrap_err().contains("store it as text"));
    }

    #[test]
    fn column_letters_as_a_spreadsheet_names_them() {
        for (c, l) in [
            (0, "A"),
            (25, "Z"),
            (26, "AA"),
            (35, "AJ"),
            (701, "ZZ"),
            (702, "AAA"),
        ] {
            assert_eq!(column_letters(c), l);
        }
    }

    /// The shortcut of `number_text`: taken for exactly the numbers that
    /// are a whole number of cents below 10^13 yuan.
    #[test]
    fn whole_cents_are_the_shortcut() {
        for (x, cents) in [
            (0.0, 0),
            (1.5, 150),
            (1.01, 101),
            (-1234.56, -123456),
            (100.0, 10000),
            (9999999999999.99, 999999999999999),
        ] {
            assert_eq!(whole_cents(x), Some(cents), "{x}");
        }
        // A binary artefact, a third decimal, 10^13 and beyond: the general rule.
        for x in [0.1 + 0.2, 1.005, 0.125, 1e13, -1e13, 1e14] {
            assert_eq!(whole_cents(x), None, "{x}");
        }
    }

    #[test]
    fn a_date_cell_reads_as_yyyy_mm_dd() {
        let mut out = String::from("x,");
        date_text(2019, 6, 1, &mut out);
        assert_eq!(out, "x,2019-06-01");
    }

    #[test]
    fn a_chunk_of_rows_is_emptied_for_the_next_and_each_row_has_every_column() {
        let mut rows = CellRows::default();
        assert!(rows.is_empty());
        rows.push_row(2, 3, ["x"]);
        assert!(!rows.is_empty());
        let cells = rows
            .rows()
            .next()
            .map(|(_, r)| r.map(|c| (c.len(), c.is_empty())));
        assert_eq!(cells, Some(Ok((3, false))));
        // A sheet without columns gives rows without cells.
        let mut none = CellRows::default();
        none.push_row(2, 0, ["x"]);
        let cells = none
            .rows()
            .next()
            .map(|(_, r)| r.map(|c| (c.len(), c.is_empty())));
        assert_eq!(cells, Some(Ok((0, true))));
        rows.clear();
        assert!(rows.is_empty());
        assert_eq!((rows.len(), rows.bytes(), rows.rows().count()), (0, 0, 0));
    }

    #[test]
    fn rows_keep_their_cells_and_lines() {
        let mut rows = CellRows::default();
        rows.push_row(2, 3, ["a", "", "c", "dropped"]);
        rows.push_rejected(3, refused("B3", "#DIV/0!"));
        rows.push_row(5, 3, ["x"]);
        let read: Vec<_> = rows
            .rows()
            .map(|(line, r)| (line, r.map(|c| c.iter().collect::<Vec<_>>())))
            .collect();
        assert_eq!(read[0], (2, Ok(vec!["a", "", "c"])));
        assert_eq!(read[1].0, 3);
        assert_eq!(
            read[1].1.as_ref().map_err(|e| e.to_string()),
            Err("cell B3: #DIV/0!".to_owned())
        );
        assert_eq!(read[2], (5, Ok(vec!["x", "", ""])));
        assert_eq!(rows.len(), 3);
        // The reader cuts chunks by the text held: "a", "c" and "x", not
        // the cell past the width.
        assert_eq!(rows.bytes(), 3);
    }
}
