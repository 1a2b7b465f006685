//! RFC 4180's edge cases read by `batch::csv` (the scan that cuts records,
//! then the parse of each record) and by the `csv` and `csv-core` crates:
//! the two must give the same records and fields. The speed of each is
//! `benches/csv_scan.rs`; the comparison is in docs/screening.md.

use wengang_engine::batch::csv::{is_blank, records, Fields, Malformed};
use wengang_engine::batch::read_header;

type Rows = Vec<Vec<String>>;

/// `batch::csv` as `wengang screen` reads data rows (blank lines skipped).
fn ours(input: &[u8]) -> Result<Rows, Malformed> {
    let mut fields = Fields::default();
    let mut rows = Vec::new();
    for (_, range) in records(input, 1) {
        let record = &input[range];
        if is_blank(record) {
            continue;
        }
        fields.parse(record)?;
        rows.push(fields.iter().map(str::to_owned).collect());
    }
    Ok(rows)
}

/// The `csv` crate, flexible (no field-count check) and without a header.
fn csv_crate(input: &[u8]) -> Result<Rows, String> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(input);
    reader
        .records()
        .map(|r| {
            r.map(|r| r.iter().map(str::to_owned).collect())
                .map_err(|e| e.to_string())
        })
        .collect()
}

/// `csv-core` over the whole input (it strips a BOM and skips blank lines).
fn csv_core(input: &[u8]) -> Result<Rows, String> {
    let mut reader = csv_core::Reader::new();
    let mut out = vec![0u8; 1 << 12];
    let mut ends = vec![0usize; 64];
    let mut rest = input;
    let mut rows = Vec::new();
    // A record cut by the end of the input continues where it stopped (as the
    // csv crate does it; the ends count from the start of `out`).
    let (mut outlen, mut endlen) = (0, 0);
    loop {
        let (result, read, written, nends) =
            reader.read_record(rest, &mut out[outlen..], &mut ends[endlen..]);
        rest = &rest[read..];
        outlen += written;
        endlen += nends;
        let n = endlen;
        match result {
            csv_core::ReadRecordResult::Record => {
                (outlen, endlen) = (0, 0);
                let text = std::str::from_utf8(&out[..ends[n - 1]]).map_err(|e| e.to_string())?;
                let mut start = 0;
                rows.push(
                    ends[..n]
                        .iter()
                        .map(|&end| {
                            let field = text[start..end].to_owned();
                            start = end;
                            field
                        })
                        .collect(),
                );
            }
            csv_core::ReadRecordResult::End => return Ok(rows),
            csv_core::ReadRecordResult::InputEmpty => {}
            _ => return Err("output full".into()),
        }
    }
}

fn rows(expected: &[&[&str]]) -> Rows {
    expected
        .iter()
        .map(|r| r.iter().map(|f| (*f).to_owned()).collect())
        .collect()
}

/// All three read `input` as `expected`.
#[track_caller]
fn agree(input: &str, expected: &[&[&str]]) {
    let expected = rows(expected);
    assert_eq!(
        ours(input.as_bytes()).unwrap(),
        expected,
        "batch::csv on {input:?}"
    );
    assert_eq!(
        csv_crate(input.as_bytes()).unwrap(),
        expected,
        "csv on {input:?}"
    );
    assert_eq!(
        csv_core(input.as_bytes()).unwrap(),
        expected,
        "csv-core on {input:?}"
    );
}

#[test]
fn quoted_fields_with_commas() {
    agree("a,\"b, c\",d\n", &[&["a", "b, c", "d"]]);
    agree("\"苏州, 分公司\",1\n", &[&["苏州, 分公司", "1"]]);
}

#[test]
fn doubled_quotes() {
    agree("\"say \"\"hi\"\"\",x\n", &[&["say \"hi\"", "x"]]);
    agree("\"\"\"\"\n", &[&["\""]]);
    agree("\"\",x\n", &[&["", "x"]]);
}

#[test]
fn crlf_line_ends() {
    agree("a,b\r\nc,d\r\n", &[&["a", "b"], &["c", "d"]]);
    agree("\"a\",\"b\"\r\nc,\"d\"\r\n", &[&["a", "b"], &["c", "d"]]);
}

#[test]
fn newlines_inside_quotes() {
    agree(
        "\"two\nlines\",x\ny,z\n",
        &[&["two\nlines", "x"], &["y", "z"]],
    );
    agree("\"two\r\nlines\",x\r\n", &[&["two\r\nlines", "x"]]);
}

#[test]
fn empty_trailing_fields() {
    agree("a,b,\n", &[&["a", "b", ""]]);
    agree("a,,\n,,\n", &[&["a", "", ""], &["", "", ""]]);
    agree("a,\"\"\n", &[&["a", ""]]);
}

#[test]
fn final_line_without_newline() {
    agree("a,b\nc,d", &[&["a", "b"], &["c", "d"]]);
    agree("a,\"b\nc\"", &[&["a", "b\nc"]]);
    agree("a,b,", &[&["a", "b", ""]]);
}

#[test]
fn blank_lines_are_skipped() {
    agree("a\n\nb\n", &[&["a"], &["b"]]);
}

#[test]
fn a_quote_inside_an_unquoted_field_is_literal() {
    agree("a\"b,c\n", &[&["a\"b", "c"]]);
}

#[test]
fn a_bom_before_the_header() {
    // `batch::csv` reads the BOM with the header (Header::new drops it from
    // the first name); the `csv` crate and csv-core strip it.
    let input = "\u{feff}policy,applicant.name\nsuzhou-2019,x\n";
    let (header, used) = read_header(input.as_bytes(), true).unwrap().unwrap();
    assert!(header.unknown.is_empty() && header.slots.iter().all(Option::is_some));
    assert_eq!(
        ours(&input.as_bytes()[used..]).unwrap(),
        rows(&[&["suzhou-2019", "x"]])
    );
    assert_eq!(
        csv_crate(input.as_bytes()).unwrap(),
        rows(&[&["policy", "applicant.name"], &["suzhou-2019", "x"]])
    );
    assert_eq!(csv_core(input.as_bytes()).unwrap()[0][0], "policy");
}

/// Where they part: input RFC 4180 does not allow. Each choice is recorded
/// here so a change is seen.
#[test]
fn non_rfc_input_differs() {
    // Text after a closing quote: ours refuses the row (a malformed row in
    // the results); the crates run the text on.
    assert_eq!(
        ours(b"\"a\"b,c\n"),
        Err(Malformed::TextAfterQuote { column: 1 })
    );
    assert_eq!(csv_crate(b"\"a\"b,c\n").unwrap(), rows(&[&["ab", "c"]]));
    // An unclosed quote: ours refuses it; the crates take the rest of the
    // input as the field.
    assert_eq!(
        ours(b"a,\"b\n"),
        Err(Malformed::UnclosedQuote { column: 2 })
    );
    assert_eq!(csv_crate(b"a,\"b\n").unwrap(), rows(&[&["a", "b\n"]]));
    // A lone CR: the crates end a record there (old Mac files); ours keeps
    // it in the field (only a CR before LF is a line end).
    assert_eq!(ours(b"a\rb\n").unwrap(), rows(&[&["a\rb"]]));
    assert_eq!(csv_crate(b"a\rb\n").unwrap(), rows(&[&["a"], &["b"]]));
}
