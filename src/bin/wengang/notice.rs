//! `wengang notice`: the list a bureau publishes (公示名单) before paying
//! the refund without application (免申即享): number, enterprise name,
//! credit code and refund, grouped by the district of the credit code, with
//! a count and a total per group and overall.
//!
//! Two sources, and from either only four facts are read (name, credit
//! code, refund, and whether it is a valid, eligible decision), so no
//! contact, phone or bank data can reach the list:
//!
//! - `wengang screen`'s result CSV: its valid, eligible rows with a refund
//!   above zero. The result file already carries the credit code, name and
//!   refund, and nothing personal (the reminders file has the phone, and
//!   only eligible rows; the input file has everything). A text cell
//!   written defused (`'=…`) is read back as it was given.
//! - submissions (files, folders, JSON Lines, as for `wengang verify`):
//!   those that hold and are eligible. The others are counted on stderr.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs::File;
use std::io::{Read, Write};
use std::path::Path;
use std::process::ExitCode;
use std::str::FromStr;
use std::thread;

use rust_decimal::Decimal;
use wengang_engine::batch::csv::{is_blank, records, Fields};
use wengang_engine::batch::screen::{push_text, INCOMPLETE, RESULT_HEADER};
use wengang_engine::controls::shown;
use wengang_engine::division::{Level, Place};
use wengang_engine::html::{escape, style_hash};
use wengang_engine::internals::{fields, identifiers};
use wengang_engine::Severity;

use crate::args::{Input, Notice, NoticeFormat};
use crate::exit::Exit;
use crate::outputs::{self, Dest, Output};
use crate::submissions;

/// The default heading.
pub const DEFAULT_TITLE: &str = "失业保险稳岗返还公示名单";
/// The header of the CSV list.
pub const NOTICE_HEADER: &str =
    "kind,number,district_code,district,name,credit_code,refund,count\n";

/// One enterprise on the list.
#[derive(Debug, Clone)]
struct Entry {
    name: String,
    credit_code: String,
    refund: Decimal,
}

/// The enterprises of one district, in input order.
#[derive(Debug, Clone)]
struct Group {
    /// Six digits, or empty when the credit code gives no division.
    code: String,
    label: String,
    entries: Vec<Entry>,
    total: Decimal,
}

struct List {
    title: String,
    by: Level,
    groups: Vec<Group>,
    count: usize,
    total: Decimal,
}

pub fn run(options: &Notice) -> ExitCode {
    match notice(options) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("wengang: {message}");
            ExitCode::from(Exit::Unreadable)
        }
    }
}

fn notice(options: &Notice) -> Result<ExitCode, String> {
    // Before anything is opened for writing: the list may not replace an input.
    outputs::check(
        &options.inputs,
        &[("--output", Dest::of(options.output.as_ref()))],
    )?;
    let results_csv = match options.inputs.as_slice() {
        [Input::Path(p)] => Path::new(p)
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("csv")),
        _ => false,
    };
    let entries = if results_csv {
        let [input] = options.inputs.as_slice() else {
            return Err("one result file at a time".to_owned());
        };
        from_results(input)?
    } else {
        from_submissions(options)?
    };
    let list = build(
        entries,
        options.by,
        options
            .title
            .clone()
            .unwrap_or_else(|| DEFAULT_TITLE.to_owned()),
    );
    let dest = Dest::of(options.output.as_ref());
    let mut output = Output::open("the list", dest)?;
    match options.format {
        NoticeFormat::Csv => {
            let bytes = csv(&list);
            output.write_all(&bytes).map_err(|e| output.error(&e))?;
        }
        NoticeFormat::Html => {
            let page = html(&list);
            output
                .write_all(page.as_bytes())
                .map_err(|e| output.error(&e))?;
        }
        NoticeFormat::Xlsx => {
            let path = output
                .path()
                .ok_or_else(|| "a spreadsheet (xlsx) needs --output FILE".to_owned())?
                .to_path_buf();
            xlsx(&list, &path).map_err(|e| output.error(&e))?;
        }
    }
    output.commit()?;
    eprintln!(
        "wengang notice: {} enterprises in {} groups, total refund {} yuan",
        list.count,
        list.groups.len(),
        list.total
    );
    Ok(ExitCode::SUCCESS)
}

/// Undoes screen's formula defusing: `'` before `=`, `+`, `-`, `@`, tab,
/// carriage return or `'` was added by `push_text` (text that began with
/// `'` got a second one, so the way back is never in doubt).
fn undefused(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(DEFUSED) => rest,
        _ => text,
    }
}

/// What `push_text` puts a `'` before.
const DEFUSED: [char; 7] = ['=', '+', '-', '@', '\t', '\r', '\''];

/// The largest result file read (held whole): about ten million rows.
const MAX_RESULTS_BYTES: u64 = 1 << 30;

/// The valid, eligible rows of screen's result file. Only a file screen
/// could have written is taken: its header, ten fields a row, `true` or
/// `false` where screen writes them, and in every row that goes on the
/// list a credit code that passes the credit-code check, a name screen
/// would have accepted and a refund in yuan with two decimals. Anything
/// else is refused, naming the line and the field (a hand-edited file
/// must not reach a published list).
fn from_results(input: &Input) -> Result<Vec<Entry>, String> {
    let name = shown(&input.name()).into_owned();
    let bytes = match input {
        Input::Path(p) => {
            let mut bytes = Vec::new();
            File::open(p)
                .and_then(|f| f.take(MAX_RESULTS_BYTES + 1).read_to_end(&mut bytes))
                .map_err(|e| format!("{name}: {e}"))?;
            if bytes.len() as u64 > MAX_RESULTS_BYTES {
                return Err(format!(
                    "{name}: longer than {MAX_RESULTS_BYTES} bytes (wengang's limit for a result file)"
                ));
            }
            bytes
        }
        Input::Stdin => return Err("screen's result file is read from a FILE".to_owned()),
    };
    let mut fields = Fields::default();
    let mut rows = records(&bytes, 1).into_iter();
    let header: Vec<String> = match rows.next() {
        Some((_, range)) => {
            fields
                .parse(bytes.get(range).unwrap_or_default())
                .map_err(|e| format!("{name}:1: unreadable header: {e}"))?;
            fields
                .iter()
                .map(|f| f.trim_start_matches('\u{feff}').to_owned())
                .collect()
        }
        None => return Err(format!("{name}: empty")),
    };
    let expected: Vec<&str> = RESULT_HEADER.trim_end().split(',').collect();
    if header != expected {
        let hint = if header.iter().any(|h| h == "applicant.credit_code") {
            " (this is screen's input: give its result file, `wengang screen --output`)"
        } else {
            ""
        };
        return Err(format!(
            "{name}:1: not a result file of `wengang screen`: its header must be `{}`{hint}",
            RESULT_HEADER.trim_end()
        ));
    }
    let at = |column: &str| expected.iter().position(|h| *h == column).unwrap_or(0);
    let (line_at, code_at, name_at, valid_at, eligible_at, refund_at, issues_at) = (
        at("line"),
        at("credit_code"),
        at("name"),
        at("valid"),
        at("eligible"),
        at("refund"),
        at("issues"),
    );
    let refused = |line: u64, column: &str, value: &str, why: &str| {
        format!(
            "{name}:{line}: {column} `{}` {why}: not what `wengang screen` writes (an edited \
             file?); screen the input again",
            shown(value)
        )
    };
    let mut entries = Vec::new();
    let mut no_refund = 0u64;
    for (line, range) in rows {
        let record = bytes.get(range).unwrap_or_default();
        if is_blank(record) {
            continue;
        }
        fields
            .parse(record)
            .map_err(|e| format!("{name}:{line}: unreadable row: {e}"))?;
        let cells: Vec<&str> = fields.iter().collect();
        if cells.len() != expected.len() {
            return Err(format!(
                "{name}:{line}: {} fields, but screen writes {}",
                cells.len(),
                expected.len()
            ));
        }
        if cells[issues_at].starts_with(INCOMPLETE) {
            return Err(format!(
                "{name}:{line}: the results are incomplete ({}): screen the whole input first",
                shown(cells[issues_at])
            ));
        }
        if cells[line_at].is_empty() || !cells[line_at].bytes().all(|b| b.is_ascii_digit()) {
            return Err(refused(
                line,
                "line",
                cells[line_at],
                "is not a line number",
            ));
        }
        let valid = match cells[valid_at] {
            "true" => true,
            "false" => false,
            other => return Err(refused(line, "valid", other, "is neither true nor false")),
        };
        let eligible = match cells[eligible_at] {
            "true" => true,
            "false" | "" => false,
            other => {
                return Err(refused(
                    line,
                    "eligible",
                    other,
                    "is neither true, false nor empty",
                ))
            }
        };
        // A credit code of an earlier row: screen counted the first row only.
        if !(valid && eligible) || cells[issues_at].contains("credit_code.duplicate") {
            continue;
        }
        let code = undefused(cells[code_at]);
        if identifiers::credit_code(code)
            .iter()
            .any(|k| k.severity() == Severity::Error)
        {
            return Err(refused(
                line,
                "credit_code",
                code,
                "is not a valid credit code",
            ));
        }
        let enterprise = undefused(cells[name_at]);
        if fields::free_text_ref(&serde_json::Value::String(enterprise.to_owned())).is_err() {
            return Err(refused(
                line,
                "name",
                enterprise,
                "is not a name screen accepts (empty, too long, or with a control character)",
            ));
        }
        let refund = cells[refund_at];
        let two_decimals = refund.split_once('.').is_some_and(|(whole, cents)| {
            !whole.is_empty()
                && whole.len() <= 16
                && whole.bytes().all(|b| b.is_ascii_digit())
                && cents.len() == 2
                && cents.bytes().all(|b| b.is_ascii_digit())
        });
        let amount = Decimal::from_str(refund).ok().filter(|_| two_decimals);
        match amount {
            Some(amount) if amount > Decimal::ZERO => entries.push(Entry {
                name: enterprise.to_owned(),
                credit_code: code.to_owned(),
                refund: amount,
            }),
            Some(_) => no_refund += 1,
            None => {
                return Err(refused(
                    line,
                    "refund",
                    refund,
                    "is not an amount of yuan with two decimals",
                ))
            }
        }
    }
    if no_refund > 0 {
        eprintln!("wengang: {name}: {no_refund} eligible rows left out (a refund of 0.00)");
    }
    Ok(entries)
}

/// The submissions that hold and are eligible, verified in parallel.
fn from_submissions(options: &Notice) -> Result<Vec<Entry>, String> {
    let jobs = options
        .jobs
        .unwrap_or_else(|| thread::available_parallelism().map_or(1, |n| n.get()));
    let mut entries = Vec::new();
    let mut not_holding: BTreeMap<&'static str, u64> = BTreeMap::new();
    let mut not_eligible = 0u64;
    let mut total = 0u64;
    submissions::verify_all(&options.inputs, jobs, |checked| {
        total += 1;
        let verified = match &checked.result {
            Ok(verified) => verified,
            Err(_) => {
                *not_holding.entry(checked.outcome().as_str()).or_default() += 1;
                return true;
            }
        };
        let refund = verified
            .decision
            .refund
            .as_deref()
            .and_then(|r| Decimal::from_str(r).ok());
        match refund {
            Some(refund) if verified.decision.eligible == Some(true) && refund > Decimal::ZERO => {
                entries.push(Entry {
                    name: checked.name.clone(),
                    credit_code: checked.credit_code.clone(),
                    refund,
                })
            }
            _ => not_eligible += 1,
        }
        true
    });
    if total == 0 {
        return Err("no submissions found".to_owned());
    }
    if !not_holding.is_empty() {
        let told: Vec<String> = not_holding
            .iter()
            .map(|(outcome, n)| format!("{n} {outcome}"))
            .collect();
        eprintln!(
            "wengang notice: left out {} submissions that do not hold ({}; `wengang verify` names why)",
            not_holding.values().sum::<u64>(),
            told.join(", ")
        );
    }
    if not_eligible > 0 {
        eprintln!(
            "wengang notice: left out {not_eligible} submissions that hold but are not eligible (or decide no refund)"
        );
    }
    Ok(entries)
}

/// Groups the entries by division (sorted by code; no division last),
/// keeping the first entry of a credit code given twice.
fn build(entries: Vec<Entry>, by: Level, title: String) -> List {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut groups: BTreeMap<(bool, String), Group> = BTreeMap::new();
    for entry in entries {
        let times = seen.entry(entry.credit_code.clone()).or_default();
        *times += 1;
        if *times > 1 {
            continue;
        }
        let place = Place::of_credit_code(&entry.credit_code).map(|p| p.at(by));
        let (code, label) = match &place {
            Some(p) => (p.code.clone(), p.label_zh()),
            None => (String::new(), "地区不详（信用代码无法识别）".to_owned()),
        };
        let group = groups
            .entry((code.is_empty(), code.clone()))
            .or_insert_with(|| Group {
                code,
                label,
                entries: Vec::new(),
                total: Decimal::ZERO,
            });
        group.total += entry.refund;
        group.entries.push(entry);
    }
    for (code, times) in &seen {
        if *times > 1 {
            eprintln!(
                "wengang notice: credit code {code} appears {times} times; listed once (the first)"
            );
        }
    }
    let groups: Vec<Group> = groups.into_values().collect();
    let count = groups.iter().map(|g| g.entries.len()).sum();
    let total = groups.iter().map(|g| g.total).sum();
    List {
        title,
        by,
        groups,
        count,
        total,
    }
}

/// The CSV list: a row per enterprise, a `subtotal` row per group and a
/// `total` row; text defused as screen's.
fn csv(list: &List) -> Vec<u8> {
    let mut out = NOTICE_HEADER.as_bytes().to_vec();
    let mut number = 0usize;
    for g in &list.groups {
        for e in &g.entries {
            number += 1;
            let _ = write!(Text(&mut out), "enterprise,{number},{},", g.code);
            push_text(&mut out, &g.label);
            out.push(b',');
            push_text(&mut out, &e.name);
            out.push(b',');
            push_text(&mut out, &e.credit_code);
            let _ = writeln!(Text(&mut out), ",{},", e.refund);
        }
        let _ = write!(Text(&mut out), "subtotal,,{},", g.code);
        push_text(&mut out, &g.label);
        let _ = writeln!(Text(&mut out), ",,,{},{}", g.total, g.entries.len());
    }
    let _ = writeln!(Text(&mut out), "total,,,,,,{},{}", list.total, list.count);
    out
}

/// `write!` into a byte buffer.
struct Text<'a>(&'a mut Vec<u8>);

impl std::fmt::Write for Text<'_> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0.extend_from_slice(s.as_bytes());
        Ok(())
    }
}

/// Text a spreadsheet would run as a formula (and text that begins with
/// `'`), with a leading `'`, as screen's `push_text` writes it.
fn defused(text: &str) -> String {
    if text.starts_with(DEFUSED) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// Yuan with thousands separators, for reading: `1,234,567.80`.
fn grouped(amount: Decimal) -> String {
    let text = amount.to_string();
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    let (whole, fraction) = match digits.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (digits, None),
    };
    let mut out = String::from(sign);
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = fraction {
        out.push('.');
        out.push_str(f);
    }
    out
}

const STYLE: &str = "\
@page { size: A4; margin: 16mm 14mm; }
body { font-family: 'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif; font-size: 11pt; color: #000; margin: 0 auto; max-width: 182mm; }
h1 { font-size: 16pt; text-align: center; margin: 0 0 4mm; }
h2 { font-size: 12pt; margin: 6mm 0 2mm; break-after: avoid; }
p { margin: 0 0 3mm; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
thead th:nth-child(1) { width: 9%; } thead th:nth-child(3) { width: 30%; } thead th:nth-child(4) { width: 19%; }
td { overflow-wrap: anywhere; }
th, td { border: 0.5pt solid #000; padding: 1.2mm 2mm; text-align: left; vertical-align: top; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.code { font-family: monospace; white-space: nowrap; }
tfoot th, tfoot td { font-weight: bold; }
.total { font-weight: bold; margin-top: 6mm; }
";

fn by_zh(by: Level) -> &'static str {
    match by {
        Level::Province => "省级",
        Level::Prefecture => "地市",
        Level::National | Level::District => "区县",
    }
}

/// A printable page: self-contained, no script, a CSP that allows only its
/// own style (by hash), A4 print layout.
fn html(list: &List) -> String {
    let style_hash = style_hash(STYLE);
    let title = escape(&list.title);
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'sha256-{style_hash}'; img-src 'none'; base-uri 'none'; form-action 'none'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{title}</h1>\n\
         <p>共 {} 家企业，返还金额合计 {} 元。按统一社会信用代码第 3–8 位（登记机关行政区划代码）分{}列示；\
         未能确定名称的地区只列代码。</p>\n",
        list.count,
        grouped(list.total),
        by_zh(list.by),
    );
    let mut number = 0usize;
    for g in &list.groups {
        let _ = write!(
            out,
            "<section>\n<h2>{}</h2>\n<table>\n<thead><tr><th scope=\"col\">序号</th>\
             <th scope=\"col\">企业名称</th><th scope=\"col\">统一社会信用代码</th>\
             <th scope=\"col\" class=\"num\">返还金额（元）</th></tr></thead>\n<tbody>\n",
            escape(&g.label)
        );
        for e in &g.entries {
            number += 1;
            let _ = writeln!(
                out,
                "<tr><td class=\"num\">{number}</td><td>{}</td><td class=\"code\">{}</td>\
                 <td class=\"num\">{}</td></tr>",
                escape(&e.name),
                escape(&e.credit_code),
                grouped(e.refund)
            );
        }
        let _ = write!(
            out,
            "</tbody>\n<tfoot><tr><th scope=\"row\" colspan=\"3\">小计：{} 家</th>\
             <td class=\"num\">{}</td></tr></tfoot>\n</table>\n</section>\n",
            g.entries.len(),
            grouped(g.total)
        );
    }
    let _ = write!(
        out,
        "<p class=\"total\">总计：{} 家，{} 元</p>\n</body>\n</html>\n",
        list.count,
        grouped(list.total)
    );
    out
}

/// The spreadsheet: one sheet, a row per enterprise with its district, a
/// subtotal row per group and a total row. Text cells are strings (never
/// formulas) and defused as in the CSV; amounts are numbers to the fen.
fn xlsx(list: &List, path: &Path) -> Result<(), String> {
    use rust_xlsxwriter::{Format, FormatBorder, Workbook};
    let fail = |e: rust_xlsxwriter::XlsxError| format!("{}: {e}", path.display());
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("公示名单").map_err(fail)?;
    let bold = Format::new().set_bold();
    let title = Format::new().set_bold().set_font_size(14);
    let head = Format::new().set_bold().set_border(FormatBorder::Thin);
    let cell = Format::new().set_border(FormatBorder::Thin);
    let money = Format::new()
        .set_num_format("#,##0.00")
        .set_border(FormatBorder::Thin);
    let money_bold = Format::new()
        .set_num_format("#,##0.00")
        .set_bold()
        .set_border(FormatBorder::Thin);
    let yuan = |d: Decimal| d.to_string().parse::<f64>().unwrap_or(0.0);

    sheet
        .write_string_with_format(0, 0, defused(&list.title), &title)
        .map_err(fail)?;
    sheet
        .write_string(
            1,
            0,
            format!(
                "共 {} 家企业，返还金额合计 {} 元；按统一社会信用代码第 3–8 位分{}列示",
                list.count,
                list.total,
                by_zh(list.by)
            ),
        )
        .map_err(fail)?;
    let headings = [
        "序号",
        "地区代码",
        "地区",
        "企业名称",
        "统一社会信用代码",
        "返还金额（元）",
    ];
    for (col, h) in headings.iter().enumerate() {
        sheet
            .write_string_with_format(2, col as u16, *h, &head)
            .map_err(fail)?;
    }
    let mut row = 3u32;
    let mut number = 0u32;
    for g in &list.groups {
        for e in &g.entries {
            number += 1;
            sheet
                .write_number_with_format(row, 0, f64::from(number), &cell)
                .map_err(fail)?;
            sheet
                .write_string_with_format(row, 1, &g.code, &cell)
                .map_err(fail)?;
            sheet
                .write_string_with_format(row, 2, defused(&g.label), &cell)
                .map_err(fail)?;
            sheet
                .write_string_with_format(row, 3, defused(&e.name), &cell)
                .map_err(fail)?;
            sheet
                .write_string_with_format(row, 4, defused(&e.credit_code), &cell)
                .map_err(fail)?;
            sheet
                .write_number_with_format(row, 5, yuan(e.refund), &money)
                .map_err(fail)?;
            row += 1;
        }
        sheet
            .write_string_with_format(row, 1, &g.code, &head)
            .map_err(fail)?;
        sheet
            .write_string_with_format(row, 2, defused(&g.label), &head)
            .map_err(fail)?;
        sheet
            .write_string_with_format(row, 3, format!("小计：{} 家", g.entries.len()), &head)
            .map_err(fail)?;
        sheet
            .write_number_with_format(row, 5, yuan(g.total), &money_bold)
            .map_err(fail)?;
        row += 1;
    }
    sheet
        .write_string_with_format(row, 3, format!("总计：{} 家", list.count), &bold)
        .map_err(fail)?;
    sheet
        .write_number_with_format(row, 5, yuan(list.total), &money_bold)
        .map_err(fail)?;
    for (col, width) in [
        (0u16, 6.0),
        (1, 10.0),
        (2, 30.0),
        (3, 36.0),
        (4, 22.0),
        (5, 16.0),
    ] {
        sheet.set_column_width(col, width).map_err(fail)?;
    }
    sheet.set_paper_size(9); // A4
    sheet.set_repeat_rows(2, 2).map_err(fail)?;
    sheet.set_print_fit_to_pages(1, 0);
    book.save(path).map_err(fail)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_grouped_by_thousands() {
        for (d, s) in [
            ("0.00", "0.00"),
            ("999.50", "999.50"),
            ("1000.00", "1,000.00"),
            ("1234567.8", "1,234,567.8"),
            ("-42420.00", "-42,420.00"),
        ] {
            assert_eq!(grouped(Decimal::from_str(d).unwrap()), s);
        }
    }

    #[test]
    fn defusing_is_undone_only_where_it_was_done() {
        assert_eq!(undefused("'=SUM(A1)"), "=SUM(A1)");
        assert_eq!(undefused("'-1"), "-1");
        assert_eq!(undefused("'s Bakery"), "'s Bakery");
        assert_eq!(defused("=SUM(A1)"), "'=SUM(A1)");
        // Text that began with `'` reads back as it was: never as a formula.
        for text in ["'=2+2", "'s Bakery", "''", "=2+2", "苏州", "'"] {
            let mut csv = Vec::new();
            push_text(&mut csv, text);
            let written = String::from_utf8(csv).unwrap();
            assert_eq!(undefused(&written), text, "{written}");
            assert_eq!(defused(text), written, "{text}");
        }
        for text in ["=1", "+1", "-1", "@x", "\tx", "\rx", "苏州", "'x"] {
            let mut csv = Vec::new();
            push_text(&mut csv, text);
            let quoted = String::from_utf8(csv).unwrap();
            let plain = defused(text);
            assert!(quoted == plain || quoted.contains(&plain), "{text}");
        }
    }
}
