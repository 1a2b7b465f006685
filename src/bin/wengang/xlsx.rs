//! `.xlsx` for `wengang screen` and `gen`: a sheet read with the engine's
//! bounded reader (`wengang_engine::batch::workbook`) into the workers'
//! [`CellRows`] (cells by the rules of `batch::cells`), and rows written
//! with rust_xlsxwriter in its constant-memory mode.
//!
//! The sheet's XML is read cell by cell, so only the workbook's
//! shared-strings table is held whole (within its limits); rows go to the
//! same workers as CSV chunks do.

use std::io::{Read, Seek};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::SyncSender;

use rust_xlsxwriter::{Format as CellFormat, Workbook, Worksheet, XlsxError};
use wengang_engine::batch::cells::{column_letters, refused};
use wengang_engine::batch::workbook::{self, Limits};
use wengang_engine::batch::{csv, CellRows, Malformed};
use wengang_engine::controls::shown;

/// A workbook to read: a file or standard input held in memory.
pub trait Source: Read + Seek + Send {}
impl<T: Read + Seek + Send> Source for T {}

/// The rows a sheet has room for (Excel's limit), header included.
const MAX_SHEET_ROWS: u32 = workbook::MAX_ROWS;

/// A workbook on standard input, read whole (a zip is read from its end),
/// at most [`Limits::file_bytes`].
pub fn read_stdin() -> Result<Vec<u8>, String> {
    let limit = Limits::DEFAULT.file_bytes;
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("<stdin>: {e}"))?;
    if bytes.len() as u64 > limit {
        return Err(format!(
            "<stdin>: a workbook longer than {limit} bytes (wengang's limit for a workbook)"
        ));
    }
    Ok(bytes)
}

/// What the reader found at the top of the sheet: the header's names and
/// the row it is on; or why the workbook cannot be read.
pub type HeaderFound = Result<(Vec<String>, u64), String>;

/// Reads the sheet named `sheet` (or the first): the header goes to
/// `header`, then chunks of about `chunk_bytes` of rows to `send`, until
/// the end or `stop`. An error after the header is returned, after every
/// whole row before it is sent (they are screened).
pub fn read_sheet(
    source: Box<dyn Source>,
    sheet: Option<&str>,
    chunk_bytes: usize,
    header: SyncSender<HeaderFound>,
    mut send: impl FnMut(CellRows) -> bool,
    stop: &AtomicBool,
    rows_read: &AtomicU64,
) -> Result<(), String> {
    let mut book = match workbook::Workbook::open(source, Limits::DEFAULT) {
        Ok(w) => w,
        Err(e) => {
            let _ = header.send(Err(format!("not a readable .xlsx workbook: {e}")));
            return Ok(());
        }
    };
    let names = book.sheet_names();
    let listed: Vec<String> = names.iter().map(|n| shown(n).into_owned()).collect();
    let name = match sheet {
        Some(wanted) if names.iter().any(|n| n == wanted) => wanted.to_owned(),
        Some(wanted) => {
            let _ = header.send(Err(format!(
                "the workbook has no sheet `{}` (its sheets: {})",
                shown(wanted),
                listed.join(", ")
            )));
            return Ok(());
        }
        None => match names.first() {
            Some(first) => first.clone(),
            None => {
                let _ = header.send(Err("the workbook has no sheet".to_owned()));
                return Ok(());
            }
        },
    };
    // The sheet's name as messages show it (it comes from the file).
    let shown_name = shown(&name).into_owned();
    let mut reader = match book.sheet(&name) {
        Ok(r) => r,
        Err(e) => {
            let _ = header.send(Err(format!("sheet `{shown_name}`: {e}")));
            return Ok(());
        }
    };

    // Cells of the row being read, one text per column (up to the header's
    // width; a value further right is an error of the row).
    let mut width: Option<usize> = None;
    let mut row_cells: Vec<String> = Vec::new();
    let mut row_error: Option<Malformed> = None;
    let mut row_number: Option<u32> = None;
    let mut chunk = CellRows::default();
    let mut header = Some(header);

    // Ends the current row: the header, a row for the chunk, or nothing
    // (a blank row). `false`: stop.
    let mut end_row = |line: u32,
                       cells: &mut Vec<String>,
                       error: &mut Option<Malformed>,
                       width: &mut Option<usize>,
                       chunk: &mut CellRows,
                       header: &mut Option<SyncSender<HeaderFound>>|
     -> bool {
        let line = u64::from(line);
        let blank = error.is_none() && cells.iter().all(String::is_empty);
        let result = if blank {
            true
        } else if let Some(tx) = header.take() {
            while cells.last().is_some_and(String::is_empty) {
                cells.pop();
            }
            *width = Some(cells.len());
            match error.take() {
                Some(e) => {
                    let _ = tx.send(Err(format!("{line}: unreadable header: {e}")));
                    false
                }
                None => tx.send(Ok((std::mem::take(cells), line))).is_ok(),
            }
        } else {
            match error.take() {
                Some(e) => chunk.push_rejected(line, e),
                None => chunk.push_row(line, width.unwrap_or(0), cells.iter().map(String::as_str)),
            }
            rows_read.fetch_add(1, Ordering::Relaxed);
            if chunk.bytes() >= chunk_bytes || chunk.len() >= 8192 {
                let full = std::mem::take(chunk);
                send(full)
            } else {
                true
            }
        };
        for c in cells.iter_mut() {
            c.clear();
        }
        result
    };

    loop {
        if stop.load(Ordering::Relaxed) {
            return Ok(());
        }
        let (r, c) = match reader.next_cell() {
            Ok(Some(cell)) => cell,
            Ok(None) => break,
            Err(e) => {
                let e = wengang_engine::controls::shown(&e).into_owned();
                if let Some(tx) = header.take() {
                    let _ = tx.send(Err(format!("sheet `{shown_name}`: {e}")));
                    return Ok(());
                }
                // The damage is in the row being read: every row before it
                // is sent whole (the last one too, when the damage is in a
                // later row than its cells).
                if let Some(previous) = row_number.filter(|r| reader.row_is_whole(*r)) {
                    let go_on = end_row(
                        previous,
                        &mut row_cells,
                        &mut row_error,
                        &mut width,
                        &mut chunk,
                        &mut header,
                    );
                    if !go_on {
                        return Ok(());
                    }
                    row_number = reader.row();
                }
                if !chunk.is_empty() {
                    send(std::mem::take(&mut chunk));
                }
                let row = row_number.map_or(String::new(), |r| format!(" in row {r}"));
                return Err(format!("sheet `{shown_name}` unreadable{row}: {e}"));
            }
        };
        if row_number != Some(r) {
            if let Some(previous) = row_number {
                let go_on = end_row(
                    previous,
                    &mut row_cells,
                    &mut row_error,
                    &mut width,
                    &mut chunk,
                    &mut header,
                );
                if !go_on {
                    return Ok(());
                }
            }
            row_number = Some(r);
        }
        if reader.is_blank() || row_error.is_some() {
            continue;
        }
        let c = c as usize;
        let limit = width.unwrap_or(workbook::MAX_COLUMNS as usize);
        if c >= limit {
            row_error = Some(refused(
                &cell_name(r, c as u32),
                format!(
                    "a value right of the header's last column ({})",
                    column_letters(limit.saturating_sub(1) as u32)
                ),
            ));
            continue;
        }
        if row_cells.len() <= c {
            row_cells.resize_with(c + 1, String::new);
        }
        if let Err(reason) = reader.text(&mut row_cells[c]) {
            row_error = Some(refused(&cell_name(r, c as u32), reason));
        }
    }
    if let Some(last) = row_number {
        if !end_row(
            last,
            &mut row_cells,
            &mut row_error,
            &mut width,
            &mut chunk,
            &mut header,
        ) {
            return Ok(());
        }
    }
    if let Some(tx) = header.take() {
        let _ = tx.send(Err(format!(
            "sheet `{shown_name}` is empty (no header row)"
        )));
        return Ok(());
    }
    if !chunk.is_empty() {
        send(chunk);
    }
    Ok(())
}

fn cell_name(row: u32, column: u32) -> String {
    format!("{}{row}", column_letters(column))
}

/// How a column of a written sheet holds its cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellKind {
    /// Always a string, whatever it looks like (codes, names, phones): the
    /// formula defusing of `batch::screen::push_text` holds, and a phone
    /// keeps its digits.
    Text,
    /// A number where the text is one (a plain decimal), else a string.
    Number,
    /// A number shown with two decimals (yuan).
    Money,
    /// `true`/`false` as booleans, else a string.
    Flag,
    /// `YYYY-MM-DD` as a date, else a string.
    Date,
}

/// A sheet being written row by row, in constant memory (each row goes to
/// a temporary file); past Excel's row limit it goes on in a new sheet
/// named `NAME 2`, `NAME 3`, … with the header again.
pub struct SheetWriter {
    workbook: Workbook,
    /// Where its temporary files go.
    tempdir: std::path::PathBuf,
    name: String,
    header: Vec<String>,
    kinds: Vec<CellKind>,
    sheet: usize,
    row: u32,
    /// Rows a sheet takes, header included (Excel's limit; less in tests).
    max_rows: u32,
    money: CellFormat,
    date: CellFormat,
    fields: csv::Fields,
}

impl SheetWriter {
    /// A writer whose temporary files (one a sheet, rust_xlsxwriter's
    /// constant-memory mode) go to `tempdir`: the folder of the file being
    /// written, so a full or missing `TMPDIR` does not matter.
    pub fn new(
        name: &str,
        header: &[&str],
        kinds: &[CellKind],
        tempdir: &std::path::Path,
    ) -> Result<SheetWriter, String> {
        let tempdir = if tempdir.as_os_str().is_empty() {
            std::path::Path::new(".")
        } else {
            tempdir
        };
        let mut workbook = Workbook::new();
        guarded(tempdir, || workbook.set_tempdir(tempdir).map(|_| ()))?;
        let mut writer = SheetWriter {
            tempdir: tempdir.to_path_buf(),
            workbook,
            name: name.to_owned(),
            header: header.iter().map(|h| (*h).to_owned()).collect(),
            kinds: kinds.to_vec(),
            sheet: 0,
            row: 0,
            max_rows: MAX_SHEET_ROWS,
            money: CellFormat::new().set_num_format("0.00"),
            date: CellFormat::new().set_num_format("yyyy-mm-dd"),
            fields: csv::Fields::default(),
        };
        let tempdir = writer.tempdir.clone();
        guarded(&tempdir, || writer.new_sheet())?;
        Ok(writer)
    }

    fn new_sheet(&mut self) -> Result<(), XlsxError> {
        let count = self.workbook.worksheets().len();
        let name = if count == 0 {
            self.name.clone()
        } else {
            format!("{} {}", self.name, count + 1)
        };
        let sheet = self.workbook.add_worksheet_with_constant_memory();
        sheet.set_name(name)?;
        for (c, h) in self.header.iter().enumerate() {
            sheet.write_string(0, c as u16, h)?;
        }
        self.sheet = count;
        self.row = 1;
        Ok(())
    }

    fn sheet(&mut self) -> Result<&mut Worksheet, XlsxError> {
        self.workbook.worksheet_from_index(self.sheet)
    }

    /// Writes one row of cells.
    pub fn write_row<'a>(
        &mut self,
        cells: impl IntoIterator<Item = &'a str>,
    ) -> Result<(), String> {
        let tempdir = self.tempdir.clone();
        guarded(&tempdir, || self.write_cells(cells))
    }

    fn write_cells<'a>(
        &mut self,
        cells: impl IntoIterator<Item = &'a str>,
    ) -> Result<(), XlsxError> {
        if self.row >= self.max_rows {
            self.new_sheet()?;
        }
        let row = self.row;
        let (money, date) = (self.money.clone(), self.date.clone());
        let kinds = self.kinds.clone();
        let sheet = self.sheet()?;
        for (c, text) in cells.into_iter().enumerate() {
            if text.is_empty() {
                continue;
            }
            let col = c as u16;
            match kinds.get(c).copied().unwrap_or(CellKind::Text) {
                CellKind::Text => {
                    sheet.write_string(row, col, text)?;
                }
                CellKind::Number | CellKind::Money => match plain_number(text) {
                    Some(x) if kinds.get(c) == Some(&CellKind::Money) => {
                        sheet.write_number_with_format(row, col, x, &money)?;
                    }
                    Some(x) => {
                        sheet.write_number(row, col, x)?;
                    }
                    None => {
                        sheet.write_string(row, col, text)?;
                    }
                },
                CellKind::Flag => match text {
                    "true" => {
                        sheet.write_boolean(row, col, true)?;
                    }
                    "false" => {
                        sheet.write_boolean(row, col, false)?;
                    }
                    _ => {
                        sheet.write_string(row, col, text)?;
                    }
                },
                CellKind::Date => match iso_date(text) {
                    Some(d) => {
                        sheet.write_datetime_with_format(row, col, d, &date)?;
                    }
                    None => {
                        sheet.write_string(row, col, text)?;
                    }
                },
            }
        }
        self.row += 1;
        Ok(())
    }

    /// Writes rows given as CSV records (the workers' result rows).
    pub fn write_csv(&mut self, bytes: &[u8]) -> Result<(), String> {
        let mut fields = std::mem::take(&mut self.fields);
        let mut result = Ok(());
        for (_, range) in csv::records(bytes, 1) {
            let record = &bytes[range];
            if csv::is_blank(record) {
                continue;
            }
            if let Err(e) = fields.parse(record) {
                result = Err(format!("a result row could not be read back: {e}"));
                break;
            }
            if let Err(e) = self.write_row(fields.iter()) {
                result = Err(e);
                break;
            }
        }
        self.fields = fields;
        result
    }

    /// Writes the workbook to `path`.
    pub fn save(mut self, path: &std::path::Path) -> Result<(), String> {
        let tempdir = self.tempdir.clone();
        guarded(&tempdir, || self.workbook.save(path))
    }
}

/// rust_xlsxwriter's work, with its panics turned into errors: it panics
/// ("Couldn't write to xml file") when a temporary file of a
/// constant-memory sheet cannot be made or written (a full disk).
fn guarded<T>(
    tempdir: &std::path::Path,
    work: impl FnOnce() -> Result<T, XlsxError>,
) -> Result<T, String> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)) {
        Ok(result) => result.map_err(|e| e.to_string()),
        Err(panic) => {
            let why = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            Err(format!(
                "the workbook's temporary files in {} (or the system's temporary folder, {})                  could not be written: {why} (a full disk?)",
                wengang_engine::controls::shown(&tempdir.to_string_lossy()),
                wengang_engine::controls::shown(&std::env::temp_dir().to_string_lossy())
            ))
        }
    }
}

/// Keeps rust_xlsxwriter's panics off stderr (the panic is caught and told
/// as an error by [`guarded`]); every other panic is told as usual.
pub fn quiet_writer_panics() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let from_writer = info
            .location()
            .is_some_and(|l| l.file().contains("rust_xlsxwriter"));
        if !from_writer {
            default(info);
        }
    }));
}

/// A plain decimal (`-`? digits, at most one `.`, digits) as a float; not
/// `1e5`, `inf`, `0x10` or text with spaces.
fn plain_number(text: &str) -> Option<f64> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let mut parts = digits.splitn(2, '.');
    let whole = parts.next().unwrap_or("");
    let fraction = parts.next();
    let ok = !whole.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
        && digits.len() <= 16;
    if ok {
        text.parse().ok()
    } else {
        None
    }
}

/// `YYYY-MM-DD` as a date Excel has (1900 on), or `None`.
fn iso_date(text: &str) -> Option<rust_xlsxwriter::ExcelDateTime> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let year: u16 = text.get(..4)?.parse().ok()?;
    let month: u8 = text.get(5..7)?.parse().ok()?;
    let day: u8 = text.get(8..)?.parse().ok()?;
    if year < 1900 {
        return None;
    }
    rust_xlsxwriter::ExcelDateTime::from_ymd(year, month, day).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_numbers_become_numbers() {
        assert_eq!(plain_number("12"), Some(12.0));
        assert_eq!(plain_number("-1234.50"), Some(-1234.5));
        for text in [
            "",
            "1e5",
            "inf",
            "NaN",
            "12,345.00",
            "1.",
            ".5",
            " 1",
            "12345678901234567890",
        ] {
            assert_eq!(plain_number(text), None, "{text}");
        }
    }

    #[test]
    fn rows_past_a_full_sheet_go_on_in_the_next() {
        let path = std::env::temp_dir().join(format!("wengang-sheets-{}.xlsx", std::process::id()));
        let mut w = SheetWriter::new(
            "results",
            &["a", "b"],
            &[CellKind::Number, CellKind::Text],
            &std::env::temp_dir(),
        )
        .unwrap();
        w.max_rows = 3;
        w.write_csv(b"1,x\n2,=y\n3,z\n4,w\n5,v\n").unwrap();
        w.save(&path).unwrap();
        use calamine::Reader;
        let mut book: calamine::Xlsx<_> = calamine::open_workbook(&path).unwrap();
        assert_eq!(book.sheet_names(), ["results", "results 2", "results 3"]);
        let second = book.worksheet_range("results 2").unwrap();
        let rows: Vec<Vec<calamine::Data>> = second.rows().map(<[_]>::to_vec).collect();
        assert_eq!(rows[0][0], calamine::Data::String("a".into()));
        assert_eq!(rows[1][0], calamine::Data::Float(3.0));
        assert_eq!(rows[2][1], calamine::Data::String("w".into()));
        let _ = std::fs::remove_file(&path);
    }

    #[test]
    fn dates_only_when_real() {
        assert!(iso_date("2020-05-01").is_some());
        assert!(iso_date("2019-02-30").is_none());
        assert!(iso_date("2019-2-3").is_none());
        assert!(iso_date("1899-12-31").is_none());
    }
}
