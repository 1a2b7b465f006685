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
use std::io::{self, BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;
use std::str::FromStr;
use std::thread;

use rust_decimal::Decimal;
use wengang_engine::batch::csv::{is_blank, records, Fields};
use wengang_engine::batch::page::{escape, style_hash};
use wengang_engine::batch::screen::push_text;
use wengang_engine::division::{Level, Place};

use crate::args::{Input, Notice, NoticeFormat};
use crate::submissions;

const UNREADABLE: u8 = 2;
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
            ExitCode::from(UNREADABLE)
        }
    }
}

fn notice(options: &Notice) -> Result<ExitCode, String> {
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
    let written = match options.format {
        NoticeFormat::Csv => write_bytes(&options.output, &csv(&list)),
        NoticeFormat::Html => write_bytes(&options.output, html(&list).as_bytes()),
        NoticeFormat::Xlsx => match &options.output {
            Some(path) => xlsx(&list, Path::new(path)),
            None => Err("a spreadsheet (xlsx) needs --output FILE".to_owned()),
        },
    };
    written?;
    eprintln!(
        "wengang notice: {} enterprises in {} groups, total refund {} yuan",
        list.count,
        list.groups.len(),
        list.total
    );
    Ok(ExitCode::SUCCESS)
}

fn write_bytes(output: &Option<std::ffi::OsString>, bytes: &[u8]) -> Result<(), String> {
    let result = match output {
        Some(p) if p != "-" => File::create(p)
            .and_then(|f| {
                let mut w = BufWriter::new(f);
                w.write_all(bytes)?;
                w.flush()
            })
            .map_err(|e| format!("{}: {e}", p.to_string_lossy())),
        _ => {
            let mut out = io::stdout().lock();
            match out.write_all(bytes).and_then(|()| out.flush()) {
                Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
                    Err(format!("writing the list: {e}"))
                }
                _ => Ok(()),
            }
        }
    };
    result
}

/// Undoes screen's formula defusing: `'` before `=`, `+`, `-`, `@`, tab or
/// carriage return was added by `push_text`.
fn undefused(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => text,
    }
}

/// The valid, eligible rows of screen's result file.
fn from_results(input: &Input) -> Result<Vec<Entry>, String> {
    let name = input.name();
    let bytes = match input {
        Input::Path(p) => std::fs::read(p).map_err(|e| format!("{name}: {e}"))?,
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
    let at = |column: &str| header.iter().position(|h| h == column);
    let (Some(code_at), Some(name_at), Some(valid_at), Some(eligible_at), Some(refund_at)) = (
        at("credit_code"),
        at("name"),
        at("valid"),
        at("eligible"),
        at("refund"),
    ) else {
        let hint = if at("applicant.credit_code").is_some() {
            " (this is screen's input: give its result file, `wengang screen --output`)"
        } else {
            ""
        };
        return Err(format!(
            "{name}:1: not a result file of `wengang screen`: it needs the columns \
             credit_code, name, valid, eligible and refund{hint}"
        ));
    };
    let mut entries = Vec::new();
    let mut skipped = 0u64;
    for (line, range) in rows {
        let record = bytes.get(range).unwrap_or_default();
        if is_blank(record) {
            continue;
        }
        if let Err(e) = fields.parse(record) {
            eprintln!("wengang: {name}:{line}: skipped, unreadable row: {e}");
            skipped += 1;
            continue;
        }
        let cells: Vec<&str> = fields.iter().collect();
        let cell = |i: usize| cells.get(i).copied().unwrap_or("");
        if cell(valid_at) != "true" || cell(eligible_at) != "true" {
            continue;
        }
        match Decimal::from_str(cell(refund_at)) {
            Ok(refund) if refund > Decimal::ZERO => entries.push(Entry {
                name: undefused(cell(name_at)).to_owned(),
                credit_code: undefused(cell(code_at)).to_owned(),
                refund,
            }),
            _ => skipped += 1,
        }
    }
    if skipped > 0 {
        eprintln!("wengang: {name}: {skipped} eligible rows left out (unreadable, or no refund)");
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

/// Text a spreadsheet would run as a formula, with a leading `'`, as
/// screen's `push_text` writes it.
fn defused(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
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
        for text in ["=1", "+1", "-1", "@x", "\tx", "\rx", "苏州", "'x"] {
            let mut csv = Vec::new();
            push_text(&mut csv, text);
            let quoted = String::from_utf8(csv).unwrap();
            let plain = defused(text);
            assert!(quoted == plain || quoted.contains(&plain), "{text}");
        }
    }
}
