//! A sheet's cells, rows and shared strings (`batch::workbook`): a valid
//! zip is built here around the fuzzed XML, so every input reaches the
//! sheet and shared-strings parsers at once.
//!
//! Bytes: a mode byte, then segments split at 0xFF (a byte UTF-8 never has).
//!
//! Mode bit 0 clear, **raw**: segment 0 is the sheet's XML (bit 1: inside
//! `<worksheet><sheetData>…</sheetData></worksheet>`), segment 1 the
//! shared-strings part, segment 2 the styles (else a styles part with a
//! date, a duration and a custom date format); bit 2: the 1904 date
//! system; bit 3: a token limit of 64 bytes. Invariants: nothing panics;
//! rows are 1 to 1,048,576 and strictly increasing, columns below 16,384
//! and strictly increasing within a row; where the cells are (and how
//! the sheet ends) does not depend on the shared strings or the styles;
//! the same bytes read twice give the same cells.
//!
//! Mode bit 0 set, **built**: segment 0 is a script of rows and cells,
//! the other segments the shared strings' texts; the sheet and the table
//! are written as Excel writes them (bit 1: strings split into rich-text
//! runs; bit 2: a phonetic run in each, which is not text; bit 3: the
//! 1904 date system; bit 4: a namespace prefix on every element; bit 5:
//! white space and comments between elements). Invariant: every cell is
//! read exactly as written: its row and column, a shared string that is
//! in the table is its text and one that is not (past the end, `-1`,
//! `1.5`) is refused, inline text and numbers as written, dates as Excel
//! shows them; a row number past 1,048,576 (`4294967297` too) stops the
//! sheet with an error naming it.
#![no_main]

use std::io::Cursor;

use libfuzzer_sys::fuzz_target;
use wengang_engine::batch::cells::column_letters;
use wengang_engine::batch::workbook::{Limits, Workbook, MAX_COLUMNS, MAX_ROWS};
use wengang_engine::batch::xml::unescape_ooxml;

/// A zip of stored parts, as small as a zip can be.
fn stored_zip(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut directory = Vec::new();
    for (name, data) in parts {
        let offset = out.len() as u32;
        let mut fixed = Vec::new();
        fixed.extend_from_slice(&[20, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        fixed.extend_from_slice(&crc32(data).to_le_bytes());
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

/// CRC-32 (zip's), by a table made at compile time (a bit-by-bit loop
/// would be most of the target's time under coverage tracing).
fn crc32(data: &[u8]) -> u32 {
    const TABLE: [u32; 256] = {
        let mut table = [0u32; 256];
        let mut i = 0;
        while i < 256 {
            let mut c = i as u32;
            let mut k = 0;
            while k < 8 {
                c = if c & 1 != 0 {
                    (c >> 1) ^ 0xEDB8_8320
                } else {
                    c >> 1
                };
                k += 1;
            }
            table[i] = c;
            i += 1;
        }
        table
    };
    !data.iter().fold(!0u32, |crc, &b| {
        TABLE[((crc ^ u32::from(b)) & 0xFF) as usize] ^ (crc >> 8)
    })
}

const STYLES: &str = r#"<styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\-mm\-dd"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="46"/><xf numFmtId="164"/></cellXfs></styleSheet>"#;
// Short enough for a token limit of 64 bytes (the type is not read).
const RELS: &str =
    r#"<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="s.xml"/></Relationships>"#;

fn book(is_1904: bool, prefix: &str) -> String {
    let p = prefix;
    let pr = if is_1904 {
        format!(r#"<{p}workbookPr date1904="1"/>"#)
    } else {
        String::new()
    };
    format!(
        r#"<{p}workbook>{pr}<{p}sheets><{p}sheet name="s" sheetId="1" r:id="rId1"/></{p}sheets></{p}workbook>"#
    )
}

/// A workbook of one sheet, its shared strings (if any) and styles.
fn workbook(is_1904: bool, sheet: &[u8], strings: Option<&[u8]>, styles: &[u8]) -> Vec<u8> {
    let book = book(is_1904, "");
    let mut parts: Vec<(&str, &[u8])> = vec![
        ("xl/workbook.xml", book.as_bytes()),
        ("xl/_rels/workbook.xml.rels", RELS.as_bytes()),
        ("xl/s.xml", sheet),
        ("xl/styles.xml", styles),
    ];
    if let Some(strings) = strings {
        parts.push(("xl/sharedStrings.xml", strings));
    }
    stored_zip(&parts)
}

/// A cell as read: row, column, its text or (the start of) why it is refused.
type Cell = (u32, u32, Result<String, String>);

/// The first sheet's cells and how the sheet ended; or why the workbook
/// does not open.
fn read(bytes: Vec<u8>, limits: Limits) -> Result<(Vec<Cell>, Result<(), String>), String> {
    let mut book = Workbook::open(Cursor::new(bytes), limits)?;
    let mut sheet = book.sheet("s")?;
    let mut cells: Vec<Cell> = Vec::new();
    loop {
        match sheet.next_cell() {
            Err(e) => return Ok((cells, Err(e))),
            Ok(None) => return Ok((cells, Ok(()))),
            Ok(Some((row, column))) => {
                assert!((1..=MAX_ROWS).contains(&row), "row {row}");
                assert!(column < MAX_COLUMNS, "column {column}");
                assert_eq!(sheet.row(), Some(row));
                if let Some((r, c, _)) = cells.last() {
                    assert!(
                        row > *r || row == *r && column > *c,
                        "({row}, {column}) after ({r}, {c})"
                    );
                }
                let mut text = String::new();
                let read = sheet.text(&mut text).map(|()| text);
                cells.push((row, column, read));
            }
        }
    }
}

fn raw(mode: u8, segments: &[&[u8]]) {
    let mut sheet = segments[0].to_vec();
    if mode & 2 != 0 {
        sheet = [
            &b"<worksheet><sheetData>"[..],
            &sheet,
            b"</sheetData></worksheet>",
        ]
        .concat();
    }
    let strings = segments.get(1).copied();
    let styles = segments.get(2).copied().unwrap_or(STYLES.as_bytes());
    let mut limits = Limits::DEFAULT;
    if mode & 8 != 0 {
        limits.token_bytes = 64;
    }
    let is_1904 = mode & 4 != 0;
    let bytes = workbook(is_1904, &sheet, strings, styles);
    let first = read(bytes.clone(), limits);
    assert_eq!(read(bytes, limits), first, "the same bytes read twice");
    // Where the cells are does not depend on the strings or the styles.
    let Ok((cells, end)) = first else { return };
    let plain = workbook(is_1904, &sheet, None, STYLES.as_bytes());
    let (plain_cells, plain_end) =
        read(plain, limits).expect("the sheet opens without its strings");
    let at = |c: &[Cell]| c.iter().map(|(r, c, _)| (*r, *c)).collect::<Vec<_>>();
    assert_eq!(at(&cells), at(&plain_cells));
    assert_eq!(end, plain_end);
}

/// Text as XML holds it (CR as a reference, which is not a line end).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#13;"),
            c => out.push(c),
        }
    }
    out
}

/// `<t>` elements holding `text`: one, or two runs split in the middle.
fn runs(text: &str, split: bool, p: &str) -> String {
    let t = |s: &str| format!(r#"<{p}t xml:space="preserve">{}</{p}t>"#, escape(s));
    if !split {
        return t(text);
    }
    let mut mid = text.len() / 2;
    while !text.is_char_boundary(mid) {
        mid -= 1;
    }
    format!(
        "<{p}r>{}</{p}r><{p}r><{p}rPr><{p}b/></{p}rPr>{}</{p}r>",
        t(&text[..mid]),
        t(&text[mid..])
    )
}

/// Serial days and the dates Excel shows for them (1900 and 1904 systems;
/// the 1900 system counts a 29 February 1900 that never was).
const DATES: [(u32, &str, &str); 4] = [
    (1, "1900-01-01", "1904-01-02"),
    (61, "1900-03-01", "1904-03-02"),
    (43586, "2019-05-01", "2023-05-02"),
    (2_957_003, "9995-12-30", "9999-12-31"),
];

/// What a cell must read as: its text, or a words its refusal holds.
type Expected = (u32, u32, Result<String, &'static str>);

fn built(mode: u8, segments: &[&[u8]]) {
    let texts: Vec<String> = segments[1..]
        .iter()
        .map(|s| String::from_utf8_lossy(s).into_owned())
        .collect();
    let (split, phonetic, is_1904) = (mode & 2 != 0, mode & 4 != 0, mode & 8 != 0);
    let p = if mode & 16 != 0 { "x:" } else { "" };
    let gap = if mode & 32 != 0 {
        "\n  <!-- - -->\r\n"
    } else {
        ""
    };

    let mut sst = format!(r#"<{p}sst count="{0}" uniqueCount="{0}">"#, texts.len());
    for t in &texts {
        sst.push_str(&format!("{gap}<{p}si>{}", runs(t, split, p)));
        if phonetic {
            sst.push_str(&format!(
                r#"<{p}rPh sb="0" eb="1"><{p}t>カナ &amp; 1</{p}t></{p}rPh>"#
            ));
        }
        sst.push_str(&format!("</{p}si>"));
    }
    sst.push_str(&format!("</{p}sst>"));

    let mut sheet = format!(r#"<{p}worksheet><{p}dimension ref="A1"/><{p}sheetData>"#);
    let mut expected: Vec<Expected> = Vec::new();
    let mut end: Result<(), &str> = Ok(());
    let mut script = segments[0].iter().copied();
    let mut row = 0u32;
    let mut column: Option<u32> = None;
    let mut open = false;
    while let Some(op) = script.next() {
        sheet.push_str(gap);
        if op % 4 == 0 || !open {
            // A new row.
            let step = u32::from(script.next().unwrap_or(0));
            let wide = if op & 0x40 != 0 { 4099 } else { 1 };
            let number = row + 1 + step * wide;
            if open {
                sheet.push_str(&format!("</{p}row>{gap}"));
            }
            if op & 0x80 != 0 && op % 4 == 0 {
                // Past the sheet's last row: the sheet stops here.
                let bad = if op & 0x20 != 0 {
                    4_294_967_297
                } else {
                    u64::from(MAX_ROWS) + u64::from(step) + 1
                };
                sheet.push_str(&format!(r#"<{p}row r="{bad}">"#));
                end = Err("a sheet's rows are 1 to 1048576");
                break;
            }
            if number > MAX_ROWS {
                break;
            }
            let spans = if op & 0x08 != 0 {
                r#" spans="1:3" ht="15" customHeight='1'"#
            } else {
                ""
            };
            if step == 0 && op & 0x10 != 0 {
                sheet.push_str(&format!("<{p}row{spans}>"));
            } else {
                sheet.push_str(&format!(r#"<{p}row r="{number}"{spans}>"#));
            }
            row = number;
            column = None;
            open = true;
            if op % 4 == 0 {
                continue;
            }
        }
        // A cell, right of the last one.
        let step = u32::from(script.next().unwrap_or(0) % 8);
        let at = column.map_or(step, |c| c + 1 + step);
        if at >= MAX_COLUMNS {
            continue;
        }
        let reference = if step == 0 && op & 0x10 != 0 {
            String::new()
        } else {
            format!(r#" r="{}{row}""#, column_letters(at))
        };
        column = Some(at);
        let value = script.next().unwrap_or(0);
        let (xml, read): (String, Result<String, &str>) = match op % 4 {
            1 => {
                let i = usize::from(value);
                let (written, found) = match op >> 6 {
                    0 => (i.to_string(), texts.get(i)),
                    1 => (format!("00{i}"), texts.get(i)),
                    2 => (["-1", "1.5", " 0", "abc"][i % 4].to_owned(), None),
                    _ => ((texts.len() + i).to_string(), None),
                };
                let read = match found {
                    Some(t) => Ok(unescape_ooxml(t).into_owned()),
                    None => Err("is not in the workbook's table of"),
                };
                (
                    format!(r#"<{p}c{reference} t="s"><{p}v>{written}</{p}v></{p}c>"#),
                    read,
                )
            }
            2 => {
                let text = texts
                    .get(usize::from(value) % texts.len().max(1))
                    .map_or("", String::as_str);
                let inline = runs(text, op & 0x40 != 0, p);
                (
                    format!(r#"<{p}c{reference} t="inlineStr"><{p}is>{inline}</{p}is></{p}c>"#),
                    Ok(unescape_ooxml(text).into_owned()),
                )
            }
            _ => match op >> 6 {
                0 => {
                    let n = u32::from(value) * 1009;
                    (
                        format!("<{p}c{reference}><{p}v>{n}</{p}v></{p}c>"),
                        Ok(n.to_string()),
                    )
                }
                1 => {
                    let (b, read) = if value & 1 != 0 {
                        ("1", "true")
                    } else {
                        ("0", "false")
                    };
                    (
                        format!(r#"<{p}c{reference} t="b"><{p}v>{b}</{p}v></{p}c>"#),
                        Ok(read.to_owned()),
                    )
                }
                2 => {
                    let (serial, d1900, d1904) = DATES[usize::from(value) % DATES.len()];
                    let style = if value & 4 != 0 { 1 } else { 3 };
                    let date = if is_1904 { d1904 } else { d1900 };
                    (
                        format!(r#"<{p}c{reference} s="{style}"><{p}v>{serial}.25</{p}v></{p}c>"#),
                        Ok(date.to_owned()),
                    )
                }
                _ => (format!("<{p}c{reference} s=\"1\"/>"), Ok(String::new())),
            },
        };
        sheet.push_str(&xml);
        expected.push((row, at, read));
    }
    if end.is_ok() {
        if open {
            sheet.push_str(&format!("</{p}row>"));
        }
        sheet.push_str(&format!("</{p}sheetData></{p}worksheet>"));
    }

    let book_xml = book(is_1904, p);
    let styles = STYLES
        .replace('<', &format!("<{p}"))
        .replace(&format!("<{p}/"), &format!("</{p}"));
    let bytes = stored_zip(&[
        ("xl/workbook.xml", book_xml.as_bytes()),
        ("xl/_rels/workbook.xml.rels", RELS.as_bytes()),
        ("xl/s.xml", sheet.as_bytes()),
        ("xl/styles.xml", styles.as_bytes()),
        ("xl/sharedStrings.xml", sst.as_bytes()),
    ]);
    let (cells, got_end) =
        read(bytes, Limits::DEFAULT).expect("a workbook written as Excel does opens");
    assert_eq!(cells.len(), expected.len(), "{sheet}");
    for ((r, c, got), (er, ec, want)) in cells.iter().zip(&expected) {
        assert_eq!((r, c), (er, ec), "{sheet}");
        match (got, want) {
            (Ok(g), Ok(w)) => assert_eq!(g, w, "cell ({r}, {c})"),
            (Err(g), Err(w)) => assert!(g.contains(w), "cell ({r}, {c}): {g}"),
            _ => panic!("cell ({r}, {c}): read {got:?}, written {want:?}"),
        }
    }
    match (got_end, end) {
        (Ok(()), Ok(())) => {}
        (Err(g), Err(w)) => assert!(g.contains(w), "{g}"),
        (g, w) => panic!("the sheet ended {g:?}, written {w:?}"),
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, body)) = data.split_first() else {
        return;
    };
    let segments: Vec<&[u8]> = body.split(|&b| b == 0xFF).collect();
    if mode & 1 == 0 {
        raw(mode, &segments);
    } else {
        built(mode, &segments);
    }
});
