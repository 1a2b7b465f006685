//! `wengang screen` and `gen` with Excel workbooks and zh-CN column names,
//! as an operator runs them: the same rows screen alike from .xlsx and
//! CSV under either kind of header, result workbooks hold text as text
//! (no formula), and a broken workbook is exit 2 with a clear message.

mod support;

use std::path::{Path, PathBuf};
use std::process::Output;
use support::{path_str, read_csv, wengang};

use calamine::{Data, Reader, Xlsx};
use wengang_engine::batch::screen::push_field;

fn temp_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("wengang-xlsx-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn ok(out: &Output) -> String {
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    stderr
}

/// Every cell of a workbook's first sheet, as calamine reads it.
fn sheet(path: &Path) -> Vec<Vec<Data>> {
    let mut book: Xlsx<_> = calamine::open_workbook(path).expect("a workbook");
    let name = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&name).expect("a sheet");
    range.rows().map(<[Data]>::to_vec).collect()
}

#[test]
fn xlsx_and_csv_of_the_same_rows_screen_alike_under_either_header() {
    let dir = temp_dir();
    let mut screened = Vec::new();
    for (file, header) in [
        ("same.csv", "path"),
        ("same.xlsx", "path"),
        ("same-zh.csv", "zh"),
        ("same-zh.xlsx", "zh"),
    ] {
        let input = dir.join(file);
        ok(&wengang(&[
            "gen",
            "--rows",
            "3000",
            "--seed",
            "7",
            "--header",
            header,
            "--output",
            path_str(&input),
        ]));
        let results = dir.join(format!("{file}.results.csv"));
        let reminders = dir.join(format!("{file}.reminders.csv"));
        let stderr = ok(&wengang(&[
            "screen",
            path_str(&input),
            "--output",
            path_str(&results),
            "--reminders",
            path_str(&reminders),
            "--jobs",
            "2",
        ]));
        assert!(stderr.contains("3000 rows read"), "{file}: {stderr}");
        assert!(
            stderr.contains("rejected:              0"),
            "{file}: {stderr}"
        );
        assert!(!stderr.contains("ignored columns"), "{file}: {stderr}");
        screened.push((
            file,
            std::fs::read(&results).expect("results"),
            std::fs::read(&reminders).expect("reminders"),
        ));
    }
    let (_, results, reminders) = &screened[0];
    let rows = read_csv(std::str::from_utf8(results).expect("UTF-8"));
    assert_eq!(rows.len(), 3001);
    // Line numbers are the sheet's row numbers (the header is row 1).
    assert_eq!(rows[1][0], "2");
    assert_eq!(rows[3000][0], "3001");
    let invalid = rows[1..].iter().filter(|r| r[3] == "false").count();
    assert!((1..100).contains(&invalid), "the typing slips: {invalid}");
    for (file, r, m) in &screened[1..] {
        assert!(r == results, "{file}: results differ from CSV's");
        assert!(m == reminders, "{file}: reminders differ from CSV's");
    }
    // The zh header is the labels.
    let zh = std::fs::read_to_string(dir.join("same-zh.csv")).expect("zh");
    assert!(
        zh.starts_with("适用政策,单位名称,统一社会信用代码,"),
        "{}",
        &zh[..80]
    );
}

#[test]
fn a_workbook_sheet_is_chosen_and_result_workbooks_keep_text_as_text() {
    let dir = temp_dir();
    // Three rows of gen, each named as a formula (a name is free text, so
    // the rows stay valid and most are eligible).
    let gen = wengang(&["gen", "--rows", "3", "--seed", "7"]);
    let rows = read_csv(&String::from_utf8(gen.stdout).expect("UTF-8"));
    let at = |name: &str| rows[0].iter().position(|h| h == name).expect(name);
    let mut rows = rows.clone();
    for row in &mut rows[1..] {
        row[at("applicant.name")] = "=HYPERLINK(\"http://x\",\"点我\")".into();
    }
    let mut text = Vec::new();
    for row in &rows {
        for (i, cell) in row.iter().enumerate() {
            if i > 0 {
                text.push(b',');
            }
            push_field(&mut text, cell);
        }
        text.push(b'\n');
    }
    // As a workbook whose wanted sheet is the second one.
    let input = dir.join("formula.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    book.add_worksheet()
        .set_name("说明")
        .expect("name")
        .write_string(0, 0, "本表第二页为申请")
        .expect("write");
    let sheet_two = book.add_worksheet().set_name("申请").expect("name");
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            if !cell.is_empty() {
                sheet_two
                    .write_string(r as u32, c as u16, cell)
                    .expect("write");
            }
        }
    }
    book.save(&input).expect("save");

    let results = dir.join("formula.results.xlsx");
    let reminders = dir.join("formula.reminders.xlsx");
    let out = wengang(&["screen", path_str(&input)]);
    assert_eq!(out.status.code(), Some(2), "the first sheet has no header");
    assert!(String::from_utf8_lossy(&out.stderr).contains("names no field"));
    ok(&wengang(&[
        "screen",
        path_str(&input),
        "--sheet",
        "申请",
        "--output",
        path_str(&results),
        "--reminders",
        path_str(&reminders),
    ]));
    let cells = sheet(&results);
    assert_eq!(cells[0][0], Data::String("line".into()));
    assert_eq!(cells[1][0], Data::Float(2.0));
    assert_eq!(
        cells[1][2],
        Data::String("'=HYPERLINK(\"http://x\",\"点我\")".into()),
        "defused and kept as a string"
    );
    assert_eq!(cells.len(), 4);
    let eligible: Vec<&Vec<Data>> = cells[1..]
        .iter()
        .filter(|r| r[4] == Data::Bool(true))
        .collect();
    assert!(!eligible.is_empty(), "{cells:?}");
    for row in &eligible {
        assert!(matches!(row[5], Data::Float(x) if x > 0.0), "{row:?}");
    }
    let reminded = sheet(&reminders);
    assert_eq!(reminded.len(), eligible.len() + 1);
    for row in &reminded[1..] {
        assert_eq!(
            row[1],
            Data::String("'=HYPERLINK(\"http://x\",\"点我\")".into())
        );
        assert!(
            matches!(&row[2], Data::String(p) if p.len() == 11),
            "{row:?}"
        );
    }
    // No cell of either workbook is a formula.
    for path in [&results, &reminders] {
        let mut book: Xlsx<_> = calamine::open_workbook(path).expect("a workbook");
        let name = book.sheet_names()[0].clone();
        let formulas = book.worksheet_formula(&name).expect("formulas");
        assert!(
            formulas.used_cells().all(|(_, _, f)| f.is_empty()),
            "{}: a formula",
            path.display()
        );
    }
    // The same rows as CSV give the same results.
    let csv = dir.join("formula.csv");
    std::fs::write(&csv, &text).expect("write");
    let from_csv = wengang(&["screen", path_str(&csv)]);
    let from_xlsx = wengang(&["screen", path_str(&input), "--sheet", "申请"]);
    assert_eq!(from_csv.stdout, from_xlsx.stdout);
}

#[test]
fn cells_a_row_cannot_take_are_reported_by_row_number() {
    let dir = temp_dir();
    let input = dir.join("cells.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let s = book.add_worksheet();
    for (c, name) in ["统一社会信用代码", "bank.account_number", "年初参保人数"]
        .iter()
        .enumerate()
    {
        s.write_string(0, c as u16, *name).expect("write");
    }
    // Row 2: an account number typed as a number (Excel kept 15 digits).
    s.write_string(1, 0, "91320500MA1MXL2K8X").expect("write");
    s.write_number(1, 1, 6_222_021_234_567_890_123.0)
        .expect("write");
    // Row 3 blank; row 4: a value right of the header.
    s.write_string(3, 0, "91320500MA1MXL2K8X").expect("write");
    s.write_string(3, 5, "备注").expect("write");
    // Row 5: fine.
    s.write_string(4, 0, "91320500MA1MXL2K8X").expect("write");
    s.write_number(4, 2, 12.0).expect("write");
    book.save(&input).expect("save");
    let out = wengang(&["screen", path_str(&input), "--policy", "suzhou-2019"]);
    // Two rows could not be read: written and told, and exit 2 (issue 22).
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("2 of 3 rows could not be read"), "{stderr}");
    assert!(
        stderr.contains("cells.xlsx:2: malformed row: cell B2: the number 6.22202123456789e18"),
        "{stderr}"
    );
    assert!(stderr.contains("store it as text"), "{stderr}");
    assert!(
        stderr.contains(
            "cells.xlsx:4: malformed row: cell F4: a value right of the header's last column (C)"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("3 rows read"), "{stderr}");
    assert!(stderr.contains("rejected:              2"), "{stderr}");
    let rows = read_csv(&String::from_utf8(out.stdout).expect("UTF-8"));
    let lines: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(lines, ["2", "4", "5"]);
    assert!(rows[3][9].contains("insured.end"), "{:?}", rows[3]);
    assert!(!rows[3][9].contains("insured.start"), "{:?}", rows[3]);
}

#[test]
fn a_broken_workbook_is_exit_2_with_a_clear_message() {
    let dir = temp_dir();
    let good = dir.join("good.xlsx");
    ok(&wengang(&[
        "gen",
        "--rows",
        "50",
        "--output",
        path_str(&good),
    ]));
    let bytes = std::fs::read(&good).expect("read");
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("text.xlsx", b"credit_code,name\n1,2\n".to_vec()),
        ("empty.xlsx", Vec::new()),
        ("truncated.xlsx", bytes[..bytes.len() / 2].to_vec()),
        ("zeroed.xlsx", {
            // The compressed parts zeroed, the zip directory intact.
            let mut b = bytes.clone();
            let end = b.len() * 3 / 4;
            for x in &mut b[200..end] {
                *x = 0;
            }
            b
        }),
    ];
    for (name, content) in cases {
        let path = dir.join(name);
        std::fs::write(&path, content).expect("write");
        let out = wengang(&["screen", path_str(&path)]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{name}: {stderr}");
        assert!(
            stderr.starts_with(&format!("wengang: {}", path_str(&path))),
            "{name}: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{name}: {stderr}");
        println!("{name}: {}", stderr.trim());
    }
    let out = wengang(&["screen", path_str(&good), "--sheet", "没有"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("no sheet `没有` (its sheets: applications)")
    );
}
