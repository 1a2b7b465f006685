//! 拆分单元格 — a statement's text into records of cells.
//!
//! Three layouts, decided once for the whole text ([`separator`]):
//! - tab-separated: what a spreadsheet copies (any tab in the text);
//! - comma-separated (CSV, RFC 4180): a comma that is not a thousands
//!   separator, or a quote opening a cell;
//! - runs of white space: a line copied from a PDF or a text export
//!   (`2025年1月 46 3,220.00 3,220.00`), where commas sit only inside
//!   numbers.
//!
//! Tab- and comma-separated text takes RFC 4180 quoting (spreadsheets
//! quote a tab-separated cell the same way): a quote opens a quoted cell
//! at its start, `""` is a quote, and a quoted cell may hold separators
//! and line breaks. Line ends are `\r\n`, `\n` or a lone `\r`.

use serde::Serialize;

use super::StatementError;

/// How the cells of a line are separated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Separator {
    Tab,
    Comma,
    /// Runs of spaces (ASCII, ideographic or no-break).
    Spaces,
}

/// One record: the line it starts on (1-based) and its cells as written
/// (quotes removed; not trimmed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub line: usize,
    pub cells: Vec<String>,
}

impl Record {
    /// Nothing but blanks (an empty line, or `,,,`).
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.trim().is_empty())
    }

    /// The cells that are not blank.
    pub fn filled(&self) -> usize {
        self.cells.iter().filter(|c| !c.trim().is_empty()).count()
    }

    /// The cells without the blank ones at the end past `width` (a
    /// spreadsheet's copy of a wider range ends in empty cells).
    pub fn trim_end(&mut self, width: usize) {
        while self.cells.len() > width && self.cells.last().is_some_and(|c| c.trim().is_empty()) {
            self.cells.pop();
        }
    }
}

/// The layout of the whole text (see the module's notes).
pub fn separator(text: &str) -> Separator {
    if text.contains('\t') {
        return Separator::Tab;
    }
    let b = text.as_bytes();
    let mut spaced = false;
    for (i, &c) in b.iter().enumerate() {
        match c {
            b',' if !thousands(b, i) => return Separator::Comma,
            b'"' if opens_cell(b, i) => return Separator::Comma,
            _ => {}
        }
    }
    for line in lines(text) {
        if line
            .split(is_space)
            .filter(|t| !t.is_empty())
            .nth(1)
            .is_some()
        {
            spaced = true;
            break;
        }
    }
    if spaced {
        Separator::Spaces
    } else {
        Separator::Comma
    }
}

/// Is the comma at `i` a thousands separator: a digit before it, exactly
/// three digits after it?
fn thousands(b: &[u8], i: usize) -> bool {
    let digit = |j: usize| b.get(j).is_some_and(u8::is_ascii_digit);
    i > 0 && digit(i - 1) && digit(i + 1) && digit(i + 2) && digit(i + 3) && !digit(i + 4)
}

/// Does the quote at `i` open a cell (at a line's start or after a comma,
/// spaces between allowed)?
fn opens_cell(b: &[u8], i: usize) -> bool {
    let before = b[..i].iter().rev().find(|&&c| c != b' ');
    matches!(before, None | Some(b',' | b'\n' | b'\r'))
}

/// White space between the cells of a line copied from a PDF or text.
fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// The lines of a text, at `\r\n`, `\n` or a lone `\r`.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.split('\n')
        .flat_map(|l| l.split('\r'))
        .filter(|l| !l.is_empty())
}

/// The records of `text` in the layout `separator`, one at a time; after an
/// error, none.
pub fn records(text: &str, separator: Separator) -> Records<'_> {
    Records {
        rest: text,
        line: 1,
        separator,
        failed: false,
    }
}

/// The iterator of [`records`].
pub struct Records<'a> {
    rest: &'a str,
    /// The line `rest` starts on.
    line: usize,
    separator: Separator,
    failed: bool,
}

impl Iterator for Records<'_> {
    type Item = Result<Record, StatementError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.rest.is_empty() || self.failed {
            return None;
        }
        let result = match self.separator {
            Separator::Spaces => Ok(self.spaced()),
            Separator::Tab => self.quoted('\t'),
            Separator::Comma => self.quoted(','),
        };
        self.failed = result.is_err();
        Some(result)
    }
}

impl Records<'_> {
    /// Takes the rest of the line and its end.
    fn take_line(&mut self) -> &str {
        let end = self.rest.find(['\n', '\r']).unwrap_or(self.rest.len());
        let (line, after) = self.rest.split_at(end);
        self.rest = after
            .strip_prefix("\r\n")
            .or_else(|| after.strip_prefix('\n'))
            .or_else(|| after.strip_prefix('\r'))
            .unwrap_or(after);
        line
    }

    fn spaced(&mut self) -> Record {
        let line = self.line;
        let cells = self
            .take_line()
            .split(is_space)
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
            .collect();
        self.line += 1;
        Record { line, cells }
    }

    /// One record of tab- or comma-separated text, with RFC 4180 quoting.
    fn quoted(&mut self, separator: char) -> Result<Record, StatementError> {
        let start = self.line;
        let mut cells = Vec::new();
        let mut cell = String::new();
        let mut chars = self.rest.char_indices().peekable();
        let mut end = self.rest.len();
        // Where the open quote of the current cell was, while inside it.
        let mut quote_line = 0;
        let mut state = State::Plain;
        while let Some((_, c)) = chars.next() {
            match state {
                State::Plain if c == separator => cells.push(std::mem::take(&mut cell)),
                State::Plain | State::Closed if c == '\n' || c == '\r' => {
                    if c == '\r' && chars.peek().is_some_and(|&(_, n)| n == '\n') {
                        chars.next();
                    }
                    end = chars.peek().map_or(self.rest.len(), |&(j, _)| j);
                    self.line += 1;
                    break;
                }
                State::Plain if c == '"' && cell.chars().all(|c| c == ' ') => {
                    cell.clear();
                    quote_line = self.line;
                    state = State::Quoted;
                }
                State::Plain => cell.push(c),
                State::Quoted if c == '"' => {
                    if chars.peek().is_some_and(|&(_, n)| n == '"') {
                        chars.next();
                        cell.push('"');
                    } else {
                        state = State::Closed;
                    }
                }
                State::Quoted if c == '\n' || c == '\r' => {
                    if c == '\r' && chars.peek().is_some_and(|&(_, n)| n == '\n') {
                        chars.next();
                    }
                    self.line += 1;
                    cell.push('\n');
                }
                State::Quoted => cell.push(c),
                State::Closed if c == separator => {
                    cells.push(std::mem::take(&mut cell));
                    state = State::Plain;
                }
                State::Closed if c == ' ' => {}
                State::Closed => {
                    return Err(StatementError::TextAfterQuote {
                        line: self.line,
                        column: cells.len() + 1,
                    });
                }
            }
        }
        if state == State::Quoted {
            return Err(StatementError::UnclosedQuote {
                line: quote_line,
                column: cells.len() + 1,
            });
        }
        cells.push(cell);
        self.rest = &self.rest[end..];
        Ok(Record { line: start, cells })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// In a cell without quotes.
    Plain,
    /// Inside quotes.
    Quoted,
    /// After a cell's closing quote.
    Closed,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<(usize, Vec<String>)> {
        records(text, separator(text))
            .map(|r| r.map(|r| (r.line, r.cells)).unwrap())
            .collect()
    }

    fn cells(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn the_layout_is_decided_once() {
        assert_eq!(separator("1\t46\t3,220.00\t3,220.00"), Separator::Tab);
        assert_eq!(separator("月份,参保人数\n1,46"), Separator::Comma);
        assert_eq!(separator("1,\"3,220.00\""), Separator::Comma);
        assert_eq!(
            separator("2025年1月 46 3,220.00 3,220.00\n2月 46 3,220.00 3,220.00"),
            Separator::Spaces
        );
        // A comma before four digits is no thousands separator.
        assert_eq!(separator("1 2,2000"), Separator::Comma);
        // One cell a line: nothing to split, commas it is.
        assert_eq!(separator("1,200"), Separator::Comma);
        assert_eq!(separator(""), Separator::Comma);
    }

    #[test]
    fn rfc_4180_quoting() {
        assert_eq!(
            read("1,\"3,220.00\", \"a \"\"b\"\"\" ,x\r\n2,\"line\r\nbreak\",,\n"),
            vec![
                (1, cells(&["1", "3,220.00", "a \"b\"", "x"])),
                (2, cells(&["2", "line\nbreak", "", ""])),
            ]
        );
        // A quote inside a cell is a quote.
        assert_eq!(read("a\"b,c"), vec![(1, cells(&["a\"b", "c"]))]);
        assert_eq!(
            records("\"a\"b,c", Separator::Comma).next(),
            Some(Err(StatementError::TextAfterQuote { line: 1, column: 1 }))
        );
        assert_eq!(
            records("x\n1,\"open\nstill", Separator::Comma).nth(1),
            Some(Err(StatementError::UnclosedQuote { line: 2, column: 2 }))
        );
    }

    #[test]
    fn line_ends_and_spaces() {
        assert_eq!(
            read("a\tb\rc\td\r\n\re\tf"),
            vec![
                (1, cells(&["a", "b"])),
                (2, cells(&["c", "d"])),
                (3, cells(&[""])),
                (4, cells(&["e", "f"])),
            ]
        );
        assert_eq!(
            read("2025年1月  46\u{3000}3,220.00 \n\n2月 1 2 3"),
            vec![
                (1, cells(&["2025年1月", "46", "3,220.00"])),
                (2, vec![]),
                (3, cells(&["2月", "1", "2", "3"])),
            ]
        );
    }
}
