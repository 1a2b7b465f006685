//! An .xlsx workbook read for screening: the sheet list, the date
//! formats, the shared strings, then one sheet's cells one at a time,
//! each turned into the text a CSV cell would carry ([`super::cells`]).
//!
//! Everything is bounded ([`Limits`]): the file, the zip directory, the
//! unpacked size of the workbook and of each part (counted while
//! inflating), one cell's text, the number and total size of the shared
//! strings (held as one text and one offset a string: 4 bytes each, not a
//! `String` each), the styles. Everything is checked: a shared-string
//! index that is not a whole number in the table (`-1`, `1.9`, `abc`, one
//! past the end) refuses its cell; a row number outside 1–1,048,576, rows
//! out of order, a cell reference that is not in its row stop the sheet
//! (the rows before are screened).

use std::io::{BufReader, Read, Seek};

use super::cells;
use super::xml::{self, Reader, Token};
pub use super::zip::Limits;
use super::zip::{Archive, Part};

/// The rows a sheet has room for (Excel's limit).
pub const MAX_ROWS: u32 = 1_048_576;
/// The columns a sheet has room for (A to XFD).
pub const MAX_COLUMNS: u32 = 16_384;
/// The last serial day Excel has (9999-12-31), plus one.
const MAX_SERIAL_DAY: f64 = 2_958_466.0;

/// What a number in a cell of some format is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NumberKind {
    Number,
    Date,
    Duration,
}

/// The shared-strings table: one text, and where each string ends.
#[derive(Debug, Default)]
struct SharedStrings {
    text: String,
    ends: Vec<u32>,
}

impl SharedStrings {
    fn get(&self, i: usize) -> Option<&str> {
        let end = *self.ends.get(i)? as usize;
        let start = match i {
            0 => 0,
            _ => self.ends[i - 1] as usize,
        };
        self.text.get(start..end)
    }
}

/// A workbook whose sheet list, styles and shared strings are read.
pub struct Workbook<R> {
    archive: Archive<R>,
    /// Each sheet's name and part.
    sheets: Vec<(String, String)>,
    is_1904: bool,
    /// By cell format (`s`), what a number is.
    styles: Vec<NumberKind>,
    strings: SharedStrings,
}

/// Reads a whole part's XML, handing each tag to `each`.
fn read_part<R: Read + Seek>(
    archive: &mut Archive<R>,
    name: &str,
    limit: u64,
    mut each: impl FnMut(&mut Reader<BufReader<Part<'_>>>, Token) -> Result<(), String>,
) -> Result<bool, String> {
    let token_bytes = archive.limits.token_bytes;
    let Some(part) = archive.part(name, limit)? else {
        return Ok(false);
    };
    let mut xml = Reader::new(BufReader::with_capacity(1 << 16, part));
    xml.max_token = token_bytes;
    loop {
        let token = xml.next_token().map_err(|e| format!("{name}: {e}"))?;
        if token == Token::Eof {
            return Ok(true);
        }
        each(&mut xml, token).map_err(|e| format!("{name}: {e}"))?;
    }
}

/// `folder/target`, as a relationship's target names a part.
fn resolve(folder: &str, target: &str) -> String {
    if let Some(absolute) = target.strip_prefix('/') {
        return absolute.to_owned();
    }
    let mut parts: Vec<&str> = folder.split('/').filter(|p| !p.is_empty()).collect();
    for piece in target.split('/') {
        match piece {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            p => parts.push(p),
        }
    }
    parts.join("/")
}

/// The relationships of a part: (id, type, part named).
fn relationships<R: Read + Seek>(
    archive: &mut Archive<R>,
    rels: &str,
    folder: &str,
) -> Result<Vec<(String, String, String)>, String> {
    let limit = archive.limits.part_bytes;
    let max = archive.limits.entries as usize;
    let mut found = Vec::new();
    read_part(archive, rels, limit, |xml, token| {
        if token == Token::Start && xml.name() == b"Relationship" {
            if found.len() >= max {
                return Err("too many relationships".to_owned());
            }
            let id = xml.attr(b"Id")?.unwrap_or_default().into_owned();
            let kind = xml.attr(b"Type")?.unwrap_or_default().into_owned();
            let target = xml.attr(b"Target")?.unwrap_or_default();
            found.push((id, kind, resolve(folder, &target)));
        }
        Ok(())
    })?;
    Ok(found)
}

impl<R: Read + Seek> Workbook<R> {
    /// Reads the workbook in `source`: its sheets, styles and shared strings.
    pub fn open(source: R, limits: Limits) -> Result<Workbook<R>, String> {
        let mut archive = Archive::open(source, limits)?;
        let top = relationships(&mut archive, "_rels/.rels", "")?;
        let main = top
            .iter()
            .find(|(_, kind, _)| kind.ends_with("/officeDocument"))
            .map(|(_, _, part)| part.clone())
            .unwrap_or_else(|| "xl/workbook.xml".to_owned());
        if !archive.has(&main) {
            return Err(format!(
                "not an .xlsx workbook (it has no {main}: another kind of zip file?)"
            ));
        }
        let (folder, file) = main.rsplit_once('/').unwrap_or(("", &main));
        let rels = relationships(&mut archive, &format!("{folder}/_rels/{file}.rels"), folder)?;
        let named = |suffix: &str, default: &str| {
            rels.iter()
                .find(|(_, kind, _)| kind.ends_with(suffix))
                .map_or_else(|| resolve(folder, default), |(_, _, p)| p.clone())
        };
        let styles_part = named("/styles", "styles.xml");
        let strings_part = named("/sharedStrings", "sharedStrings.xml");

        let mut sheets = Vec::new();
        let mut is_1904 = false;
        let max_sheets = limits.entries as usize;
        read_part(&mut archive, &main, limits.part_bytes, |xml, token| {
            if token != Token::Start {
                return Ok(());
            }
            match xml.name() {
                b"workbookPr" => {
                    is_1904 = matches!(xml.attr(b"date1904")?.as_deref(), Some("1" | "true"));
                }
                b"sheet" if sheets.len() < max_sheets => {
                    let name = xml.attr(b"name")?.unwrap_or_default().into_owned();
                    let id = xml.attr(b"id")?.unwrap_or_default().into_owned();
                    let part = rels
                        .iter()
                        .find(|(rid, _, _)| *rid == id)
                        .map(|(_, _, p)| p.clone())
                        .unwrap_or_default();
                    sheets.push((name, part));
                }
                _ => {}
            }
            Ok(())
        })?;
        let styles = read_styles(&mut archive, &styles_part)?;
        let strings = read_shared_strings(&mut archive, &strings_part)?;
        Ok(Workbook {
            archive,
            sheets,
            is_1904,
            styles,
            strings,
        })
    }

    /// The sheets' names, in the workbook's order.
    pub fn sheet_names(&self) -> Vec<String> {
        self.sheets.iter().map(|(n, _)| n.clone()).collect()
    }

    /// The cells of the sheet named `name`, one at a time.
    pub fn sheet(&mut self, name: &str) -> Result<Sheet<'_>, String> {
        let part = self
            .sheets
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, p)| p.clone())
            .ok_or_else(|| format!("the workbook has no sheet `{name}`"))?;
        let token_bytes = self.archive.limits.token_bytes;
        let limit = self.archive.limits.unpacked_bytes;
        let input = self
            .archive
            .part(&part, limit)?
            .ok_or_else(|| format!("sheet `{name}`: its part {part} is missing"))?;
        let mut xml = Reader::new(BufReader::with_capacity(1 << 16, input));
        xml.max_token = token_bytes;
        // Up to the rows.
        loop {
            match xml.next_token()? {
                Token::Start if xml.name() == b"sheetData" => break,
                Token::Eof => return Err(format!("sheet `{name}` has no cells (not a worksheet)")),
                _ => {}
            }
        }
        Ok(Sheet {
            xml,
            strings: &self.strings,
            styles: &self.styles,
            is_1904: self.is_1904,
            row: None,
            column: None,
            row_ended: false,
            kind: Vec::new(),
            style: 0,
            value: Vec::new(),
            inline: String::new(),
        })
    }
}

/// Builtin number formats that are dates or durations (ECMA-376 18.8.30,
/// with the East Asian date formats 27–36 and 50–58).
fn builtin_kind(id: u32) -> NumberKind {
    match id {
        14..=22 | 27..=36 | 45 | 47 | 50..=58 => NumberKind::Date,
        46 => NumberKind::Duration,
        _ => NumberKind::Number,
    }
}

/// What a custom number format shows a number as: a date when its first
/// section has a date or time letter outside quotes, brackets and
/// escapes; a duration when it has `[h]`, `[m]` or `[s]`.
fn custom_kind(format: &str) -> NumberKind {
    let mut chars = format.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match c {
            '"' => quoted = !quoted,
            _ if quoted => {}
            '\\' | '_' | '*' => {
                chars.next();
            }
            ';' => break,
            '[' => {
                let mut inside = String::new();
                for c in chars.by_ref() {
                    if c == ']' {
                        break;
                    }
                    inside.push(c);
                }
                let lower = inside.to_ascii_lowercase();
                if !lower.is_empty() && lower.chars().all(|c| matches!(c, 'h' | 'm' | 's')) {
                    return NumberKind::Duration;
                }
            }
            'd' | 'D' | 'm' | 'M' | 'y' | 'Y' | 'h' | 'H' | 's' | 'S' => return NumberKind::Date,
            _ => {}
        }
    }
    NumberKind::Number
}

fn read_styles<R: Read + Seek>(
    archive: &mut Archive<R>,
    part: &str,
) -> Result<Vec<NumberKind>, String> {
    let limits = archive.limits;
    let mut formats: std::collections::HashMap<u32, NumberKind> = Default::default();
    let mut styles = Vec::new();
    let mut in_cell_xfs = false;
    read_part(archive, part, limits.part_bytes, |xml, token| {
        match (token, xml.name()) {
            (Token::Start, b"numFmt") => {
                if formats.len() >= limits.styles {
                    return Err(format!(
                        "more than {} number formats (wengang's limit)",
                        limits.styles
                    ));
                }
                let id = xml.attr(b"numFmtId")?.and_then(|v| v.parse().ok());
                let code = xml.attr(b"formatCode")?.unwrap_or_default();
                if let Some(id) = id {
                    formats.insert(id, custom_kind(&code));
                }
            }
            (Token::Start, b"cellXfs") => in_cell_xfs = true,
            (Token::End, b"cellXfs") => in_cell_xfs = false,
            (Token::Start, b"xf") if in_cell_xfs => {
                if styles.len() >= limits.styles {
                    return Err(format!(
                        "more than {} cell formats (wengang's limit)",
                        limits.styles
                    ));
                }
                let id: u32 = xml
                    .attr(b"numFmtId")?
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(0);
                styles.push(
                    formats
                        .get(&id)
                        .copied()
                        .unwrap_or_else(|| builtin_kind(id)),
                );
            }
            _ => {}
        }
        Ok(())
    })?;
    Ok(styles)
}

fn read_shared_strings<R: Read + Seek>(
    archive: &mut Archive<R>,
    part: &str,
) -> Result<SharedStrings, String> {
    let limits = archive.limits;
    let mut strings = SharedStrings::default();
    let mut one = String::new();
    let mut phonetic = false;
    let mut in_item = false;
    read_part(archive, part, limits.shared_strings_bytes, |xml, token| {
        match (token, xml.name()) {
            (Token::Start, b"si") => {
                in_item = true;
                one.clear();
            }
            (Token::Start, b"rPh") => phonetic = true,
            (Token::End, b"rPh") => phonetic = false,
            (Token::Start, b"t") if in_item && !phonetic => xml.keep_text(),
            (Token::End, b"t") if in_item && !phonetic => {
                xml::decode(xml.take_text(), &mut one)?;
                if one.len() > limits.token_bytes {
                    return Err(format!(
                        "a shared string longer than {} bytes (the limit of one cell)",
                        limits.token_bytes
                    ));
                }
            }
            (Token::End, b"si") => {
                in_item = false;
                if strings.ends.len() as u64 >= limits.shared_strings {
                    return Err(format!(
                        "more than {} shared strings (wengang's limit; save the sheet as CSV)",
                        limits.shared_strings
                    ));
                }
                strings.text.push_str(&xml::unescape_ooxml(&one));
                let end = u32::try_from(strings.text.len())
                    .map_err(|_| "shared strings of more than 4 GiB".to_owned())?;
                strings.ends.push(end);
            }
            _ => {}
        }
        Ok(())
    })?;
    Ok(strings)
}

/// One sheet's cells, read one at a time.
pub struct Sheet<'a> {
    xml: Reader<BufReader<Part<'a>>>,
    strings: &'a SharedStrings,
    styles: &'a [NumberKind],
    is_1904: bool,
    /// The row being read (its number, from 1), and the last column read.
    row: Option<u32>,
    column: Option<u32>,
    /// The row's `</row>` has been read.
    row_ended: bool,
    /// The current cell's type (`t`), format (`s`), raw value (`<v>`) and
    /// inline text (`<is>`).
    kind: Vec<u8>,
    style: usize,
    value: Vec<u8>,
    inline: String,
}

/// A cell reference's column (0-based) and row (1-based).
fn cell_ref(reference: &str) -> Option<(u32, u32)> {
    let split = reference
        .find(|c: char| c.is_ascii_digit())
        .filter(|&i| (1..=3).contains(&i))?;
    let (letters, digits) = reference.split_at(split);
    let mut column = 0u32;
    for b in letters.bytes() {
        if !b.is_ascii_alphabetic() {
            return None;
        }
        column = column * 26 + u32::from(b.to_ascii_uppercase() - b'A') + 1;
    }
    let row = row_number(digits)?;
    (column <= MAX_COLUMNS).then_some((column - 1, row))
}

/// A row number: digits only, 1 to [`MAX_ROWS`].
fn row_number(digits: &str) -> Option<u32> {
    if digits.is_empty() || digits.len() > 7 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits
        .parse::<u32>()
        .ok()
        .filter(|r| (1..=MAX_ROWS).contains(r))
}

impl Sheet<'_> {
    /// The number of the row being read (from 1), once one has begun.
    pub fn row(&self) -> Option<u32> {
        self.row
    }

    /// Has row `number` been read to its end (`</row>`)? Then its cells
    /// are whole, whatever comes after.
    pub fn row_is_whole(&self, number: u32) -> bool {
        self.row != Some(number) || self.row_ended
    }

    /// The next cell: `(row, column)`, the row numbered from 1 as Excel
    /// shows it, the column from 0; its text is [`Sheet::text`]. `None`
    /// at the end of the sheet. An error here ends the sheet.
    pub fn next_cell(&mut self) -> Result<Option<(u32, u32)>, String> {
        loop {
            let token = self.xml.next_token()?;
            match (token, self.xml.name()) {
                (Token::Eof, _) => return Err("the sheet ends before its last row".to_owned()),
                (Token::End, b"sheetData") => return Ok(None),
                (Token::Start, b"row") => {
                    let after = self.row.unwrap_or(0);
                    let number = match self.xml.attr(b"r")? {
                        Some(r) => row_number(&r).ok_or_else(|| {
                            format!(
                                "row number `{}` after row {after}: a sheet's rows are 1 to {MAX_ROWS}",
                                crate::controls::shown(&r)
                            )
                        })?,
                        None => after + 1,
                    };
                    if number <= after || number > MAX_ROWS {
                        return Err(format!(
                            "row {number} after row {after}: rows out of order (a damaged sheet)"
                        ));
                    }
                    self.row = Some(number);
                    self.row_ended = false;
                    self.column = None;
                }
                (Token::End, b"row") => self.row_ended = true,
                (Token::Start, b"c") => return self.cell().map(Some),
                _ => {}
            }
        }
    }

    /// Reads a `<c>` element.
    fn cell(&mut self) -> Result<(u32, u32), String> {
        let row = self
            .row
            .ok_or_else(|| "a cell outside any row (a damaged sheet)".to_owned())?;
        let column = match self.xml.attr(b"r")? {
            Some(r) => {
                let (column, in_row) = cell_ref(&r).ok_or_else(|| {
                    format!(
                        "the cell reference `{}` in row {row} is not one (A1 to XFD{MAX_ROWS})",
                        crate::controls::shown(&r)
                    )
                })?;
                if in_row != row {
                    return Err(format!(
                        "the cell reference `{r}` is in row {row} (a damaged sheet)"
                    ));
                }
                column
            }
            None => self.column.map_or(0, |c| c + 1),
        };
        if self.column.is_some_and(|c| column <= c) || column >= MAX_COLUMNS {
            return Err(format!(
                "cell {}{row} comes after a cell right of it (a damaged sheet)",
                cells::column_letters(column)
            ));
        }
        self.column = Some(column);
        self.kind.clear();
        if let Some(t) = self.xml.attr(b"t")? {
            self.kind.extend_from_slice(t.as_bytes());
        }
        self.style = self
            .xml
            .attr(b"s")?
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        self.value.clear();
        self.inline.clear();
        let mut phonetic = false;
        let mut in_inline = false;
        loop {
            let token = self.xml.next_token()?;
            match (token, self.xml.name()) {
                (Token::Eof, _) => return Err("the sheet ends inside a cell".to_owned()),
                (Token::End, b"c") => return Ok((row, column)),
                (Token::Start, b"v") => self.xml.keep_text(),
                (Token::End, b"v") => {
                    let raw = self.xml.take_text();
                    self.value.clear();
                    self.value.extend_from_slice(raw);
                }
                (Token::Start, b"is") => in_inline = true,
                (Token::End, b"is") => in_inline = false,
                (Token::Start, b"rPh") => phonetic = true,
                (Token::End, b"rPh") => phonetic = false,
                (Token::Start, b"t") if in_inline && !phonetic => self.xml.keep_text(),
                (Token::End, b"t") if in_inline && !phonetic => {
                    let raw = self.xml.take_text();
                    xml::decode(raw, &mut self.inline)?;
                    if self.inline.len() > self.xml.max_token {
                        return Err(format!(
                            "cell {}{row}: text longer than {} bytes (the limit of one cell)",
                            cells::column_letters(column),
                            self.xml.max_token
                        ));
                    }
                }
                _ => {}
            }
        }
    }

    /// Is the current cell empty (no value, or empty text)?
    pub fn is_blank(&self) -> bool {
        match self.kind.as_slice() {
            b"inlineStr" => self.inline.is_empty(),
            b"s" => {
                self.value.is_empty()
                    || index(&self.value)
                        .and_then(|i| self.strings.get(i))
                        .is_some_and(str::is_empty)
            }
            _ => self.value.is_empty(),
        }
    }

    /// Appends the current cell's text by the rules of [`super::cells`],
    /// or says why the cell is refused.
    pub fn text(&self, out: &mut String) -> Result<(), String> {
        match self.kind.as_slice() {
            b"inlineStr" => {
                out.push_str(&xml::unescape_ooxml(&self.inline));
                Ok(())
            }
            _ if self.value.is_empty() => Ok(()),
            b"s" => {
                let text = index(&self.value)
                    .and_then(|i| self.strings.get(i))
                    .ok_or_else(|| {
                        format!(
                            "the shared string `{}` is not in the workbook's table of {} \
                             (a damaged workbook)",
                            crate::controls::shown(&String::from_utf8_lossy(&self.value)),
                            self.strings.ends.len()
                        )
                    })?;
                out.push_str(text);
                Ok(())
            }
            b"str" => {
                let mut text = String::new();
                xml::decode(&self.value, &mut text)?;
                out.push_str(&xml::unescape_ooxml(&text));
                Ok(())
            }
            b"b" => match self.value.as_slice() {
                b"1" | b"true" => {
                    out.push_str("true");
                    Ok(())
                }
                b"0" | b"false" => {
                    out.push_str("false");
                    Ok(())
                }
                other => Err(format!(
                    "the boolean `{}` is neither 0 nor 1",
                    crate::controls::shown(&String::from_utf8_lossy(other))
                )),
            },
            b"e" => Err(format!(
                "the cell holds the error {}",
                crate::controls::shown(&String::from_utf8_lossy(&self.value))
            )),
            b"d" => {
                // `2020-05-01T…`: the date.
                let mut text = String::new();
                xml::decode(&self.value, &mut text)?;
                let date = text.get(..10).filter(|d| {
                    d.bytes().enumerate().all(|(i, b)| {
                        if i == 4 || i == 7 {
                            b == b'-'
                        } else {
                            b.is_ascii_digit()
                        }
                    })
                });
                out.push_str(date.unwrap_or(&text));
                Ok(())
            }
            b"n" | b"" => {
                let raw = std::str::from_utf8(&self.value)
                    .map_err(|_| "a number that is not text".to_owned())?
                    .trim();
                let Some(x) = number(raw) else {
                    if self.kind.is_empty() {
                        // No type and not a number: text, as written.
                        let mut text = String::new();
                        xml::decode(&self.value, &mut text)?;
                        out.push_str(&text);
                        return Ok(());
                    }
                    return Err(format!("`{}` is not a number", crate::controls::shown(raw)));
                };
                match self.styles.get(self.style).copied() {
                    Some(NumberKind::Date) => date_text(x, self.is_1904, out),
                    Some(NumberKind::Duration) => Err(format!("a duration ({x}), not a date")),
                    _ => cells::number_text(x, out),
                }
            }
            other => Err(format!(
                "a cell of unknown type `{}`",
                crate::controls::shown(&String::from_utf8_lossy(other))
            )),
        }
    }
}

/// A shared-string index: digits only, nothing else (`-1`, `1.9`, `abc`
/// are not one).
fn index(raw: &[u8]) -> Option<usize> {
    if raw.is_empty() || raw.len() > 10 || !raw.iter().all(u8::is_ascii_digit) {
        return None;
    }
    std::str::from_utf8(raw).ok()?.parse().ok()
}

/// A number cell's value: a plain decimal, with an exponent allowed
/// (never `inf`, `nan` or hex).
fn number(raw: &str) -> Option<f64> {
    let plain = !raw.is_empty()
        && raw
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+' | b'e' | b'E'))
        && raw.bytes().any(|b| b.is_ascii_digit());
    if plain {
        raw.parse().ok()
    } else {
        None
    }
}

/// Appends the date of a serial day number (the time of day dropped).
fn date_text(serial: f64, is_1904: bool, out: &mut String) -> Result<(), String> {
    if !(0.0..MAX_SERIAL_DAY).contains(&serial) {
        return Err(format!("the date serial {serial} is outside Excel's dates"));
    }
    let day = serial.floor() as i64;
    // Days from 1970-01-01: Excel's 1900 system counts 1900-02-29, which
    // never was, so days from 1900-03-01 on are one less.
    let unix = if is_1904 {
        day - 24_107
    } else if day >= 61 {
        day - 25_569
    } else {
        day - 25_568
    };
    let (year, month, day) = civil(unix);
    let year = u16::try_from(year).map_err(|_| format!("the date serial {serial}"))?;
    cells::date_text(year, month, day, out);
    Ok(())
}

/// The calendar date of a day counted from 1970-01-01 (H. Hinnant's
/// `civil_from_days`).
fn civil(days: i64) -> (i64, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A zip of stored parts (a test's workbook).
    fn stored_zip(parts: &[(&str, &[u8])]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut directory = Vec::new();
        for (name, data) in parts {
            let offset = out.len() as u32;
            let crc = crc32fast::hash(data);
            let mut fixed = Vec::new();
            fixed.extend_from_slice(&[20, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
            fixed.extend_from_slice(&crc.to_le_bytes());
            fixed.extend_from_slice(&(data.len() as u32).to_le_bytes());
            fixed.extend_from_slice(&(data.len() as u32).to_le_bytes());
            fixed.extend_from_slice(&(name.len() as u16).to_le_bytes());
            fixed.extend_from_slice(&[0, 0]);
            out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
            out.extend_from_slice(&fixed);
            out.extend_from_slice(name.as_bytes());
            out.extend_from_slice(data);
            directory.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
            directory.extend_from_slice(&[20, 0]);
            directory.extend_from_slice(&fixed);
            // Comment length, disk, attributes.
            directory.extend_from_slice(&[0; 10]);
            directory.extend_from_slice(&offset.to_le_bytes());
            directory.extend_from_slice(name.as_bytes());
        }
        let at = out.len() as u32;
        out.extend_from_slice(&directory);
        out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
        out.extend_from_slice(&[0, 0, 0, 0]);
        out.extend_from_slice(&(parts.len() as u16).to_le_bytes());
        out.extend_from_slice(&(parts.len() as u16).to_le_bytes());
        out.extend_from_slice(&(directory.len() as u32).to_le_bytes());
        out.extend_from_slice(&at.to_le_bytes());
        out.extend_from_slice(&[0, 0]);
        out
    }

    const BOOK: &[u8] = br#"<workbook><sheets><sheet name="s" r:id="rId1"/></sheets></workbook>"#;
    const RELS: &[u8] = br#"<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="sheet1.xml"/></Relationships>"#;

    fn book(sheet: &[u8], strings: &[u8]) -> Vec<u8> {
        stored_zip(&[
            ("xl/workbook.xml", BOOK),
            ("xl/_rels/workbook.xml.rels", RELS),
            ("xl/sheet1.xml", sheet),
            ("xl/sharedStrings.xml", strings),
        ])
    }

    /// A cell read: its row, its column, its text or why it is refused.
    type Read = (u32, u32, Result<String, String>);

    /// Every cell of the first sheet as text (or the error), or why the
    /// workbook cannot be read.
    fn cells(bytes: Vec<u8>, limits: Limits) -> Result<Vec<Read>, String> {
        let mut wb = Workbook::open(std::io::Cursor::new(bytes), limits)?;
        let name = wb.sheet_names()[0].clone();
        let mut sheet = wb.sheet(&name)?;
        let mut out = Vec::new();
        while let Some((r, c)) = sheet.next_cell()? {
            let mut text = String::new();
            out.push((r, c, sheet.text(&mut text).map(|()| text)));
        }
        Ok(out)
    }

    const SHEET: &[u8] = br#"<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="inlineStr"><is><t>x&amp;y_x000D_</t></is></c><c r="C1" s="1"><v>43586</v></c><c r="D1"><v>1234.5</v></c><c r="E1" t="b"><v>1</v></c><c r="F1" t="e"><v>#N/A</v></c></row><row r="3"><c r="A3" t="s"><v>-1</v></c></row></sheetData></worksheet>"#;
    const STRINGS: &[u8] = br#"<sst><si><t>a</t></si><si><r><t>b</t></r><r><t>c</t></r><rPh><t>ignored</t></rPh></si></sst>"#;

    #[test]
    fn a_small_workbook_reads_cell_by_cell() {
        let styles =
            br#"<styleSheet><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>"#;
        let bytes = stored_zip(&[
            ("xl/workbook.xml", BOOK),
            ("xl/_rels/workbook.xml.rels", RELS),
            ("xl/sheet1.xml", SHEET),
            ("xl/sharedStrings.xml", STRINGS),
            ("xl/styles.xml", styles),
        ]);
        let got = cells(bytes, Limits::DEFAULT).unwrap();
        let texts: Vec<(u32, u32, Result<&str, &str>)> = got
            .iter()
            .map(|(r, c, t)| (*r, *c, t.as_deref().map_err(String::as_str)))
            .collect();
        assert_eq!(texts[0], (1, 0, Ok("bc")));
        assert_eq!(texts[1], (1, 1, Ok("x&y\r")));
        assert_eq!(texts[2], (1, 2, Ok("2019-05-01")));
        assert_eq!(texts[3], (1, 3, Ok("1234.5")));
        assert_eq!(texts[4], (1, 4, Ok("true")));
        assert_eq!(texts[5], (1, 5, Err("the cell holds the error #N/A")));
        assert_eq!(texts[6].0, 3);
        assert!(texts[6]
            .2
            .unwrap_err()
            .contains("the shared string `-1` is not in the workbook's table of 2"));
    }

    #[test]
    fn every_limit_is_named_when_reached() {
        let small = |f: fn(&mut Limits)| {
            let mut l = Limits::DEFAULT;
            f(&mut l);
            l
        };
        let cases: Vec<(Limits, Vec<u8>, &str)> = vec![
            (
                small(|l| l.file_bytes = 100),
                book(SHEET, STRINGS),
                "more than the 100 a workbook may have",
            ),
            (
                small(|l| l.entries = 3),
                book(SHEET, STRINGS),
                "4 parts, more than 3",
            ),
            (
                small(|l| l.directory_bytes = 10),
                book(SHEET, STRINGS),
                "a zip directory of",
            ),
            (
                small(|l| l.part_bytes = 20),
                book(SHEET, STRINGS),
                "xl/_rels/workbook.xml.rels: unpacks to more than 20 bytes (wengang's limit for this part)",
            ),
            (
                small(|l| l.shared_strings_bytes = 20),
                book(SHEET, STRINGS),
                "xl/sharedStrings.xml: unpacks to more than 20",
            ),
            (
                small(|l| l.shared_strings = 1),
                book(SHEET, STRINGS),
                "more than 1 shared strings",
            ),
            (
                small(|l| l.unpacked_bytes = 200),
                book(SHEET, STRINGS),
                "the workbook unpacks to more than 200 bytes",
            ),
            (
                small(|l| l.token_bytes = 10),
                book(SHEET, STRINGS),
                "longer than 10 bytes",
            ),
        ];
        for (limits, bytes, says) in cases {
            let err = cells(bytes, limits).unwrap_err();
            assert!(err.contains(says), "{says}: {err}");
        }
        // The values `screen` reads with.
        let d = Limits::DEFAULT;
        assert_eq!(
            (d.file_bytes, d.entries, d.directory_bytes, d.unpacked_bytes),
            (512 << 20, 10_000, 16 << 20, 4 << 30)
        );
        assert_eq!(
            (
                d.part_bytes,
                d.shared_strings_bytes,
                d.shared_strings,
                d.token_bytes,
                d.styles
            ),
            (64 << 20, 512 << 20, 16_777_216, 1 << 20, 65_536)
        );
    }

    #[test]
    fn a_damaged_part_or_sheet_is_an_error_not_a_guess() {
        let mut bytes = book(SHEET, STRINGS);
        // One byte of the sheet changed: its checksum no longer holds.
        let at = bytes.windows(9).position(|w| w == b"<sheetDat").unwrap();
        bytes[at + 5] = b'X';
        assert!(cells(bytes, Limits::DEFAULT)
            .unwrap_err()
            .contains("damaged"));
        for (sheet, says) in [
            (&br#"<worksheet><sheetData><row r="2"/><row r="1"/></sheetData></worksheet>"#[..], "rows out of order"),
            (br#"<worksheet><sheetData><row r="0"/></sheetData></worksheet>"#, "row number `0`"),
            (br#"<worksheet><sheetData><row r="1"><c r="B2"/></row></sheetData></worksheet>"#, "is in row 1"),
            (br#"<worksheet><sheetData><row r="1"><c r="B1"/><c r="A1"/></row></sheetData></worksheet>"#, "comes after a cell right of it"),
            (br#"<worksheet><sheetData><c r="A1"/></sheetData></worksheet>"#, "outside any row"),
            (br#"<worksheet><sheetData><row r="1">"#, "ends before its last row"),
        ] {
            let err = cells(book(sheet, STRINGS), Limits::DEFAULT).unwrap_err();
            assert!(err.contains(says), "{says}: {err}");
        }
        assert!(cells(b"not a zip".to_vec(), Limits::DEFAULT)
            .unwrap_err()
            .contains("not an .xlsx workbook"));
    }

    #[test]
    fn serial_days_are_excel_dates() {
        let date = |x: f64, is_1904: bool| {
            let mut out = String::new();
            date_text(x, is_1904, &mut out).map(|()| out)
        };
        assert_eq!(date(43586.0, false).unwrap(), "2019-05-01");
        assert_eq!(date(43586.75, false).unwrap(), "2019-05-01");
        assert_eq!(date(42124.0, true).unwrap(), "2019-05-01");
        assert_eq!(date(1.0, false).unwrap(), "1900-01-01");
        assert_eq!(date(59.0, false).unwrap(), "1900-02-28");
        assert_eq!(date(61.0, false).unwrap(), "1900-03-01");
        assert_eq!(date(2_958_465.0, false).unwrap(), "9999-12-31");
        assert_eq!(date(0.0, true).unwrap(), "1904-01-01");
        assert!(date(-1.0, false).is_err());
        assert!(date(1e300, false).is_err());
        assert!(date(f64::NAN, false).is_err());
    }

    #[test]
    fn number_formats_that_are_dates() {
        for f in [
            "yyyy-mm-dd",
            "DD/MM/YY",
            "m\"M\"d\"D\";@",
            "[$-404]e/m/d",
            "H:MM:SS;@",
        ] {
            assert_eq!(custom_kind(f), NumberKind::Date, "{f}");
        }
        for f in ["[h]:mm:ss", "[mm]", "[ss].000"] {
            assert_eq!(custom_kind(f), NumberKind::Duration, "{f}");
        }
        for f in [
            "0.00",
            "#,##0.00",
            "\"Y: \"0.00",
            "\\Y000000",
            "[Red]0.00",
            "0_ ;[Red]\\-0\\ ",
            "0.00E+00",
            "General",
            "[$¥-804]#,##0.00",
        ] {
            assert_eq!(custom_kind(f), NumberKind::Number, "{f}");
        }
        assert_eq!(builtin_kind(14), NumberKind::Date);
        assert_eq!(builtin_kind(31), NumberKind::Date);
        assert_eq!(builtin_kind(46), NumberKind::Duration);
        assert_eq!(builtin_kind(2), NumberKind::Number);
    }

    #[test]
    fn indexes_and_references_are_strict() {
        for bad in ["-1", "1.9", "abc", "", " 1", "1e2", "99999999999"] {
            assert_eq!(index(bad.as_bytes()), None, "{bad}");
        }
        assert_eq!(index(b"0"), Some(0));
        assert_eq!(index(b"17"), Some(17));
        assert_eq!(cell_ref("A1"), Some((0, 1)));
        assert_eq!(cell_ref("XFD1048576"), Some((16_383, 1_048_576)));
        for bad in [
            "A0",
            "A4294967297",
            "A1048577",
            "XFE1",
            "1",
            "A",
            "AAAA1",
            "A-1",
            "A1x",
        ] {
            assert_eq!(cell_ref(bad), None, "{bad}");
        }
        assert_eq!(row_number("4294967297"), None);
        assert_eq!(row_number("1048576"), Some(1_048_576));
        assert_eq!(number("1234.5"), Some(1234.5));
        assert_eq!(number("-1e3"), Some(-1000.0));
        for bad in ["inf", "NaN", "0x10", "", "1,5", "e"] {
            assert_eq!(number(bad), None, "{bad}");
        }
        assert_eq!(
            resolve("xl", "worksheets/sheet1.xml"),
            "xl/worksheets/sheet1.xml"
        );
        assert_eq!(resolve("xl", "/xl/a.xml"), "xl/a.xml");
        assert_eq!(
            resolve("xl/worksheets", "../sharedStrings.xml"),
            "xl/sharedStrings.xml"
        );
    }
}
