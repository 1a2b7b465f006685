//! RFC 4180 CSV, read in two steps that agree on where records end: a
//! fast scan that finds record ends (a newline outside quotes), used to cut
//! a stream into chunks and a chunk into records, then a parse of one
//! record into its fields.
//!
//! A quote opens a quoted field only at the start of a field; elsewhere it
//! is taken literally (as spreadsheet exports and the `csv` crate do), so
//! one stray quote cannot swallow the rest of a file. Inside a quoted field
//! `""` is a quote and newlines are part of the value.

use std::fmt;

use memchr::{memchr, memchr2};

/// Where a scan stands between calls.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ScanState {
    /// Outside quotes (the start of a buffer is the start of a record).
    #[default]
    Outside,
    /// Inside a quoted field.
    Quoted,
    /// Just after a quote inside a quoted field: `""` or the closing one.
    QuotedQuote,
}

/// Scans `buf[from..]` (whose index 0 is the start of a record), calling
/// `newline(position, ends_record)` for every `\n`.
pub fn scan(buf: &[u8], from: usize, state: &mut ScanState, mut newline: impl FnMut(usize, bool)) {
    let mut i = from;
    while i < buf.len() {
        match *state {
            ScanState::Outside => {
                let Some(j) = memchr2(b'"', b'\n', &buf[i..]) else {
                    return;
                };
                let p = i + j;
                if buf[p] == b'\n' {
                    newline(p, true);
                } else if p == 0 || matches!(buf[p - 1], b',' | b'\n') {
                    *state = ScanState::Quoted;
                }
                i = p + 1;
            }
            ScanState::Quoted => {
                let Some(j) = memchr2(b'"', b'\n', &buf[i..]) else {
                    return;
                };
                let p = i + j;
                if buf[p] == b'\n' {
                    newline(p, false);
                } else {
                    *state = ScanState::QuotedQuote;
                }
                i = p + 1;
            }
            ScanState::QuotedQuote => {
                if buf[i] == b'"' {
                    *state = ScanState::Quoted;
                    i += 1;
                } else {
                    // The closing quote: what follows is read outside quotes.
                    *state = ScanState::Outside;
                }
            }
        }
    }
}

/// Why a row could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Malformed {
    /// A quoted field that never closes (it runs to the end of the input).
    UnclosedQuote { column: usize },
    /// Text between a closing quote and the next comma.
    TextAfterQuote { column: usize },
    /// Bytes that are not UTF-8.
    NotUtf8 { column: usize },
    /// Bytes that are not UTF-8 but read as GBK/GB18030 (the usual
    /// encoding of a Chinese spreadsheet saved as plain "CSV").
    NotUtf8Gbk { column: usize },
    /// A row with another number of fields than the header.
    FieldCount { found: usize, expected: usize },
    /// A JSON Lines row that is not a readable application.
    Json { message: String },
    /// A record longer than the reader takes (skipped to its end).
    TooLong { limit: usize },
    /// A spreadsheet cell that cannot be read as text (`batch::cells`).
    Cell { cell: String, reason: String },
}

impl fmt::Display for Malformed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Malformed::UnclosedQuote { column } => {
                write!(f, "column {column}: a quoted field is never closed")
            }
            Malformed::TextAfterQuote { column } => {
                write!(f, "column {column}: text after the closing quote")
            }
            Malformed::NotUtf8 { column } => write!(f, "column {column}: not UTF-8 text"),
            Malformed::NotUtf8Gbk { column } => write!(
                f,
                "column {column}: not UTF-8 text; it looks like GBK/GB18030 \
                 (save the file as UTF-8: in Excel, \"CSV UTF-8\")"
            ),
            Malformed::FieldCount { found, expected } => {
                write!(f, "{found} fields, but the header has {expected}")
            }
            Malformed::Json { message } => write!(f, "not a readable application: {message}"),
            Malformed::TooLong { limit } => write!(
                f,
                "a record longer than {limit} bytes, skipped to the next line end"
            ),
            Malformed::Cell { cell, reason } => write!(f, "cell {cell}: {reason}"),
        }
    }
}

/// The fields of one record, held in one reusable buffer.
#[derive(Debug, Default, Clone)]
pub struct Fields {
    text: String,
    ends: Vec<usize>,
}

impl Fields {
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The fields as text (after a successful [`Fields::parse`]).
    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        // Fields are separated by one byte (a comma) in `text`.
        let mut start = 0;
        self.ends.iter().map(move |&end| {
            let field = self.text.get(start..end).unwrap_or("");
            start = end + 1;
            field
        })
    }

    /// Parses one record (without its `\n`; a final `\r` is dropped).
    pub fn parse(&mut self, record: &[u8]) -> Result<(), Malformed> {
        self.ends.clear();
        let body = record.strip_suffix(b"\r").unwrap_or(record);
        // The usual record has no quote: one scan for commas, one UTF-8
        // check of the whole record, one copy.
        if split_plain(body, &mut self.ends) {
            self.text.clear();
            return match simdutf8::basic::from_utf8(body) {
                Ok(text) => {
                    self.text.push_str(text);
                    Ok(())
                }
                Err(_) => {
                    let at = std::str::from_utf8(body)
                        .err()
                        .map_or(body.len(), |e| e.valid_up_to());
                    let column = self.ends.iter().take_while(|&&end| end <= at).count() + 1;
                    self.ends.clear();
                    Err(not_utf8(column, body))
                }
            };
        }
        self.ends.clear();
        // The text buffer is reused as the byte buffer and back, so a
        // record is copied once and checked as UTF-8 once.
        let mut bytes = std::mem::take(&mut self.text).into_bytes();
        bytes.clear();
        self.ends.clear();
        if let Err(e) = self.split(record, &mut bytes) {
            bytes.clear();
            self.text = String::from_utf8(bytes).unwrap_or_default();
            return Err(e);
        }
        match String::from_utf8(bytes) {
            Ok(text) => {
                self.text = text;
                Ok(())
            }
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                let column = self.ends.iter().take_while(|&&end| end <= at).count() + 1;
                self.ends.clear();
                let error = not_utf8(column, record);
                let mut bytes = e.into_bytes();
                bytes.clear();
                self.text = String::from_utf8(bytes).unwrap_or_default();
                Err(error)
            }
        }
    }

    /// Splits a record into `bytes` (the fields' text, unquoted, each
    /// followed by a comma but the last) and `self.ends`.
    fn split(&mut self, record: &[u8], bytes: &mut Vec<u8>) -> Result<(), Malformed> {
        let len = record.len();
        let mut i = 0;
        loop {
            let column = self.ends.len() + 1;
            if i < len && record[i] == b'"' {
                i += 1;
                loop {
                    let Some(j) = memchr(b'"', &record[i..]) else {
                        return Err(Malformed::UnclosedQuote { column });
                    };
                    bytes.extend_from_slice(&record[i..i + j]);
                    i += j + 1;
                    if i < len && record[i] == b'"' {
                        bytes.push(b'"');
                        i += 1;
                    } else {
                        break;
                    }
                }
                self.ends.push(bytes.len());
                if i == len || (record[i] == b'\r' && i + 1 == len) {
                    break;
                }
                if record[i] != b',' {
                    return Err(Malformed::TextAfterQuote { column });
                }
                bytes.push(b',');
                i += 1;
            } else if let Some(j) = memchr(b',', &record[i..]) {
                bytes.extend_from_slice(&record[i..i + j + 1]);
                self.ends.push(bytes.len() - 1);
                i += j + 1;
            } else {
                let end = if record[i..].ends_with(b"\r") {
                    len - 1
                } else {
                    len
                };
                bytes.extend_from_slice(&record[i..end]);
                self.ends.push(bytes.len());
                break;
            }
        }
        Ok(())
    }
}

/// Splits a record without quotes at its commas: pushes the end of every
/// field to `ends` and returns `true`, or `false` (`ends` unspecified) at the
/// first quote. Eight bytes at a time (no `unsafe`, no SIMD intrinsics):
/// fields are short, and a call to `memchr` per field cost more than the
/// scan itself.
fn split_plain(record: &[u8], ends: &mut Vec<usize>) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    // The high bit of each byte of `x` that is zero, exactly (no carries).
    let zero_bytes = |x: u64| !(((x & LOW7) + LOW7) | x | LOW7);
    let mut chunks = record.chunks_exact(8);
    let mut base = 0;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let word = u64::from_le_bytes(word);
        if zero_bytes(word ^ (ONES * u64::from(b'"'))) != 0 {
            return false;
        }
        let mut commas = zero_bytes(word ^ (ONES * u64::from(b',')));
        while commas != 0 {
            ends.push(base + (commas.trailing_zeros() / 8) as usize);
            commas &= commas - 1;
        }
        base += 8;
    }
    for (i, &b) in chunks.remainder().iter().enumerate() {
        match b {
            b'"' => return false,
            b',' => ends.push(base + i),
            _ => {}
        }
    }
    ends.push(record.len());
    true
}

/// Why a record is not UTF-8: GBK/GB18030 when it reads as that.
pub fn not_utf8(column: usize, record: &[u8]) -> Malformed {
    if looks_like_gb18030(record) {
        Malformed::NotUtf8Gbk { column }
    } else {
        Malformed::NotUtf8 { column }
    }
}

/// Does `bytes` read as GB18030 (GBK's superset) with at least one
/// Chinese character: ASCII, two-byte characters (lead 0x81–0xFE, trail
/// 0x40–0x7E or 0x80–0xFE) and four-byte ones (lead, digit, lead, digit)?
/// Checked only for a record that is not UTF-8.
pub fn looks_like_gb18030(bytes: &[u8]) -> bool {
    let lead = |b: u8| (0x81..=0xFE).contains(&b);
    let mut i = 0;
    let mut wide = false;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            i += 1;
            continue;
        }
        if !lead(b) {
            return false;
        }
        match (bytes.get(i + 1), bytes.get(i + 2), bytes.get(i + 3)) {
            (Some(&t), _, _) if (0x40..=0x7E).contains(&t) || (0x80..=0xFE).contains(&t) => i += 2,
            (Some(&d1), Some(&l2), Some(&d2))
                if d1.is_ascii_digit() && lead(l2) && d2.is_ascii_digit() =>
            {
                i += 4
            }
            _ => return false,
        }
        wide = true;
    }
    wide
}

/// Is this record blank (an empty line)?
pub fn is_blank(record: &[u8]) -> bool {
    record.is_empty() || record == b"\r"
}

/// The records of a chunk that starts at a record start: (line of the
/// record's start, the record without its `\n`). A last record without a
/// newline is included.
pub fn records(chunk: &[u8], first_line: u64) -> Vec<(u64, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    let mut state = ScanState::Outside;
    let mut start = 0;
    let mut line = first_line;
    let mut start_line = first_line;
    scan(chunk, 0, &mut state, |p, ends| {
        line += 1;
        if ends {
            out.push((start_line, start..p));
            start = p + 1;
            start_line = line;
        }
    });
    if start < chunk.len() {
        out.push((start_line, start..chunk.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(record: &str) -> Result<Vec<String>, Malformed> {
        let mut f = Fields::default();
        f.parse(record.as_bytes())?;
        Ok(f.iter().map(str::to_owned).collect())
    }

    #[test]
    fn plain_quoted_and_escaped_fields() {
        assert_eq!(fields("a,b,c").unwrap(), ["a", "b", "c"]);
        assert_eq!(fields("a,,").unwrap(), ["a", "", ""]);
        assert_eq!(
            fields("\"a,b\",\"say \"\"hi\"\"\"").unwrap(),
            ["a,b", "say \"hi\""]
        );
        assert_eq!(fields("\"two\nlines\",x\r").unwrap(), ["two\nlines", "x"]);
        assert_eq!(fields("a\"b,c").unwrap(), ["a\"b", "c"]);
        assert_eq!(fields("").unwrap(), [""]);
        // Records with and without a quote (two paths) split alike.
        assert_eq!(fields("a,b,\r").unwrap(), ["a", "b", ""]);
        assert_eq!(fields("a,\"b\",\r").unwrap(), ["a", "b", ""]);
        assert_eq!(fields("苏州,b,c\r").unwrap(), ["苏州", "b", "c"]);
        assert_eq!(fields("苏州,\"b\",c\r").unwrap(), ["苏州", "b", "c"]);
        let mut f = Fields::default();
        assert_eq!(
            f.parse(b"\"a\",b\xff,c"),
            Err(Malformed::NotUtf8 { column: 2 })
        );
        assert_eq!(f.parse(b"\xff"), Err(Malformed::NotUtf8 { column: 1 }));
        f.parse(b"x,y").unwrap();
        assert_eq!(f.iter().collect::<Vec<_>>(), ["x", "y"]);
    }

    #[test]
    fn gbk_is_told_apart_from_other_bytes() {
        // 苏州 in GBK, a four-byte GB18030 character, and garbage.
        assert!(looks_like_gb18030(b"a,\xcb\xd5\xd6\xdd,1"));
        assert!(looks_like_gb18030(b"\x81\x30\x81\x30"));
        assert!(!looks_like_gb18030(b"plain ascii"));
        assert!(!looks_like_gb18030(b"\xff\xfe"));
        assert!(!looks_like_gb18030(b"\xcb"));
        let mut f = Fields::default();
        // After a one-byte or a wide character, wherever it starts.
        assert!(looks_like_gb18030(b"a\xcb\xd5"));
        assert!(looks_like_gb18030(b"a\x81\x30\x81\x30"));
        // 0x80 leads nothing; a trail byte below 0x40 or at 0x7F is no
        // trail; a four-byte character is digit, lead, digit after its lead.
        assert!(!looks_like_gb18030(b"\xcb\xd5\x80"));
        assert!(!looks_like_gb18030(b"\xcb\x20"));
        assert!(!looks_like_gb18030(b"\xcb\x7f"));
        assert!(!looks_like_gb18030(b"\x81\x30\x20\x30"));
        assert!(!looks_like_gb18030(b"\x81\x2f\x81\x30"));
        assert_eq!(
            f.parse(b"x,\xcb\xd5\xd6\xdd"),
            Err(Malformed::NotUtf8Gbk { column: 2 })
        );
        assert_eq!(
            f.parse(b"\"x\",\xcb\xd5\xd6\xdd"),
            Err(Malformed::NotUtf8Gbk { column: 2 })
        );
        assert!(Malformed::NotUtf8Gbk { column: 2 }
            .to_string()
            .contains("GBK/GB18030"));
    }

    #[test]
    fn malformed_fields() {
        assert_eq!(fields("a,\"b"), Err(Malformed::UnclosedQuote { column: 2 }));
        assert_eq!(
            fields("\"b\"x,c"),
            Err(Malformed::TextAfterQuote { column: 1 })
        );
        let mut f = Fields::default();
        assert_eq!(f.parse(b"a,b\xff,c"), Err(Malformed::NotUtf8 { column: 2 }));
    }

    #[test]
    fn records_end_at_newlines_outside_quotes() {
        let chunk = b"a,b\n\"x\ny\",z\r\nq\"r\n\nlast";
        let recs: Vec<(u64, &[u8])> = records(chunk, 2)
            .into_iter()
            .map(|(l, r)| (l, &chunk[r]))
            .collect();
        assert_eq!(
            recs,
            vec![
                (2, &b"a,b"[..]),
                (3, &b"\"x\ny\",z\r"[..]),
                (5, &b"q\"r"[..]),
                (6, &b""[..]),
                (7, &b"last"[..]),
            ]
        );
    }

    #[test]
    fn an_escaped_quote_before_a_line_break_keeps_the_field_open() {
        let chunk = b"\"a\"\"\nb\",1\n2,3\n";
        let recs: Vec<(u64, &[u8])> = records(chunk, 1)
            .into_iter()
            .map(|(l, r)| (l, &chunk[r]))
            .collect();
        assert_eq!(recs, vec![(1, &b"\"a\"\"\nb\",1"[..]), (3, &b"2,3"[..])]);
    }

    #[test]
    fn plain_records_split_at_commas_eight_bytes_at_a_time() {
        // Bytes one bit away from a comma or a quote (0xAC, 0xA2), 0x80
        // and UTF-8 Chinese, in the word-at-a-time part and the rest.
        let record = b"\xac\xa2,\xe8\x8b\x8f\xe5\xb7\x9e,x\xac\xa2\x80,y";
        let mut ends = Vec::new();
        assert!(split_plain(record, &mut ends));
        assert_eq!(ends, [2, 9, 14, 16]);
        let mut ends = Vec::new();
        assert!(split_plain(&[0xa2; 9], &mut ends));
        assert_eq!(ends, [9]);
        assert!(!split_plain(b"abcdefg\"hij", &mut Vec::new()));
        assert!(!split_plain(b"ab\"", &mut Vec::new()));
    }

    #[test]
    fn after_a_closing_quote_only_a_comma_or_the_end_may_follow() {
        let mut f = Fields::default();
        assert_eq!(
            f.parse(b"\"a\"x"),
            Err(Malformed::TextAfterQuote { column: 1 })
        );
        assert_eq!(
            f.parse(b"\"a\"\rb"),
            Err(Malformed::TextAfterQuote { column: 1 })
        );
        f.parse(b"\"a\",b\r").unwrap();
        assert_eq!(f.iter().collect::<Vec<_>>(), ["a", "b"]);
        f.parse(b"\"a\"\r").unwrap();
        assert_eq!(f.iter().collect::<Vec<_>>(), ["a"]);
    }

    #[test]
    fn a_record_has_fields_once_parsed() {
        let mut f = Fields::default();
        assert!(f.is_empty());
        f.parse(b"x,y").unwrap();
        assert!(!f.is_empty());
        assert_eq!(f.len(), 2);
    }

    #[test]
    fn a_scan_can_stop_and_resume_anywhere() {
        let chunk = b"a,\"b\"\"\nc\",d\ne,f\n";
        let whole = records(chunk, 1);
        for cut in 0..chunk.len() {
            let mut state = ScanState::Outside;
            let mut ends = Vec::new();
            scan(&chunk[..cut], 0, &mut state, |p, e| ends.push((p, e)));
            scan(chunk, cut, &mut state, |p, e| ends.push((p, e)));
            let record_ends: Vec<usize> = ends.iter().filter(|e| e.1).map(|e| e.0).collect();
            let expected: Vec<usize> = whole.iter().map(|(_, r)| r.end).collect();
            assert_eq!(record_ends, expected, "cut at {cut}");
        }
    }
}
