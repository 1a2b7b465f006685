//! The bureau's desk: `wengang verify` on many submissions and `wengang
//! notice`, the published list, driving the built binary.

mod support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use support::wengang_with_input as wengang;

use serde_json::Value;
use wengang_engine::internals::identifiers::credit_code_check_char;

const SAMPLE: &str = include_str!("../samples/eligible-sme.json");

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A fresh, empty folder for one test.
fn folder(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("wengang-desk-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn path(p: &Path) -> &str {
    p.to_str().expect("UTF-8 temp path")
}

fn submit(application: &str) -> Option<Value> {
    let out = wengang(&["submit", "-"], application);
    out.status
        .success()
        .then(|| serde_json::from_slice(&out.stdout).expect("a submission is JSON"))
}

/// Reads CSV rows into maps from column to cell.
fn csv_rows(bytes: &[u8]) -> (Vec<String>, Vec<BTreeMap<String, String>>) {
    let mut reader = csv::Reader::from_reader(bytes);
    let header: Vec<String> = reader
        .headers()
        .expect("a header")
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = reader
        .records()
        .map(|r| {
            let r = r.expect("a CSV row");
            header
                .iter()
                .cloned()
                .zip(r.iter().map(str::to_owned))
                .collect()
        })
        .collect();
    (header, rows)
}

/// A folder of submissions made from every sample and case, with five of
/// them spoiled; returns the folder and each spoiled file's outcome.
fn batch(name: &str) -> (PathBuf, BTreeMap<String, &'static str>, usize) {
    let dir = folder(name);
    let mut made = 0;
    let mut write = |file: String, submission: &Value| {
        std::fs::write(dir.join(file), submission.to_string()).expect("write");
        made += 1;
    };
    for sample in support::sample_files() {
        let application = std::fs::read_to_string(&sample).expect("sample");
        if let Some(s) = submit(&application) {
            let stem = sample.file_stem().unwrap().to_string_lossy().into_owned();
            write(format!("sample-{stem}.json"), &s);
        }
    }
    for case in support::case_files() {
        let loaded = support::load_case(&case).expect("case");
        if let Some(s) = submit(&loaded.application.to_string()) {
            let stem = case.file_stem().unwrap().to_string_lossy().into_owned();
            write(format!("case-{stem}.json"), &s);
        }
    }
    let base = submit(SAMPLE).expect("the sample submits");
    let mut spoiled = BTreeMap::new();
    let mut spoil = |file: &str, outcome: &'static str, edit: &dyn Fn(&mut Value), reseal: bool| {
        let mut s = base.clone();
        edit(&mut s);
        if reseal {
            s["digest"] = wengang_engine::digest_of(&s).into();
        }
        std::fs::write(dir.join(file), s.to_string()).expect("write");
        spoiled.insert(file.to_owned(), outcome);
    };
    spoil(
        "x-edited-decision.json",
        "altered",
        &|s| s["decision"]["refund"] = "52420.00".into(),
        false,
    );
    spoil(
        "x-edited-application.json",
        "altered",
        &|s| s["application"]["insured"]["premiums_paid"] = "96040.00".into(),
        true,
    );
    spoil(
        "x-older-engine.json",
        "other_version",
        &|s| s["engine"]["version"] = "0.0.9".into(),
        true,
    );
    spoil(
        "x-old-format.json",
        "old_format",
        &|s| s["format"] = "wengang.submission/1".into(),
        true,
    );
    std::fs::write(dir.join("x-not-json.json"), "this is not JSON {").expect("write");
    spoiled.insert("x-not-json.json".to_owned(), "unreadable");
    // Not a *.json file: not read.
    std::fs::write(dir.join("notes.txt"), "ignored").expect("write");
    (dir, spoiled, made)
}

#[test]
fn bulk_verification_flags_exactly_the_spoiled_files() {
    let (dir, spoiled, made) = batch("folder");
    assert!(made >= 200, "only {made} submissions were made");
    let out = wengang(&["verify", path(&dir), "--jobs", "2"], "");
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let (header, rows) = csv_rows(&out.stdout);
    assert_eq!(
        header,
        [
            "source",
            "outcome",
            "credit_code",
            "name",
            "refund",
            "field",
            "reason"
        ]
    );
    assert_eq!(rows.len(), made + spoiled.len());
    // In the folder's order (by name).
    let sources: Vec<&str> = rows.iter().map(|r| r["source"].as_str()).collect();
    let mut sorted = sources.clone();
    sorted.sort_unstable();
    assert_eq!(sources, sorted);
    let mut flagged = BTreeMap::new();
    for row in &rows {
        let file = Path::new(&row["source"])
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        if row["outcome"] != "holds" {
            flagged.insert(file, row["outcome"].clone());
        } else {
            assert_eq!(row["reason"], "", "{row:?}");
        }
    }
    let expected: BTreeMap<String, String> = spoiled
        .iter()
        .map(|(f, o)| (f.clone(), (*o).to_owned()))
        .collect();
    assert_eq!(flagged, expected);
    let by_file = |name: &str| {
        rows.iter()
            .find(|r| r["source"].ends_with(name))
            .expect("the row")
    };
    let edited = by_file("x-edited-decision.json");
    assert_eq!(edited["field"], "decision.refund");
    assert!(edited["reason"].contains("42420.00"), "{edited:?}");
    assert_eq!(edited["credit_code"], "91320594MA1MXL2K87");
    assert_eq!(edited["name"], "苏州示例精密机械有限公司");
    assert_eq!(edited["refund"], "52420.00");
    assert_eq!(
        by_file("x-edited-application.json")["field"],
        "decision.refund"
    );
    assert_eq!(by_file("x-older-engine.json")["field"], "engine.version");
    assert_eq!(by_file("x-old-format.json")["field"], "format");
    let summary = text(&out.stderr);
    assert!(
        summary.contains(&format!("{} submissions", made + 5)),
        "{summary}"
    );
    for (outcome, n) in [
        ("holds", made),
        ("altered", 2),
        ("unreadable", 1),
        ("other_version", 1),
        ("old_format", 1),
    ] {
        let line = summary
            .lines()
            .find(|l| l.trim_start().starts_with(&format!("{outcome}:")))
            .unwrap_or_else(|| panic!("no count of {outcome}: {summary}"));
        assert!(line.contains(&format!(" {n} ")), "{line}");
    }
}

#[test]
fn the_most_serious_outcome_decides_the_exit_code() {
    let (dir, _, _) = batch("worst");
    let f = |name: &str| path(&dir).to_owned() + "/" + name;
    let good = f("sample-eligible-sme.json");
    for (files, code) in [
        (vec![good.clone(), f("sample-hardship.json")], 0),
        (vec![good.clone(), f("x-old-format.json")], 4),
        (vec![f("x-old-format.json"), f("x-older-engine.json")], 3),
        (
            vec![f("x-older-engine.json"), f("x-not-json.json"), good.clone()],
            2,
        ),
        (vec![f("x-not-json.json"), f("x-edited-decision.json")], 1),
        (
            vec![f("x-edited-application.json"), f("x-old-format.json")],
            1,
        ),
    ] {
        let args: Vec<&str> = ["verify"]
            .into_iter()
            .chain(files.iter().map(String::as_str))
            .collect();
        let out = wengang(&args, "");
        assert_eq!(
            out.status.code(),
            Some(code),
            "{files:?}: {}",
            text(&out.stderr)
        );
        assert_eq!(csv_rows(&out.stdout).1.len(), files.len());
    }
    // A missing file is an unreadable row, not the end of the run.
    let out = wengang(&["verify", &good, &f("nowhere.json")], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stdout).contains("nowhere.json,unreadable"));
    // An empty folder holds no submission.
    let empty = folder("empty");
    let out = wengang(&["verify", path(&empty)], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("no *.json files"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn one_file_keeps_todays_behaviour_and_output_makes_a_row() {
    let (dir, _, _) = batch("single");
    let good = path(&dir).to_owned() + "/sample-eligible-sme.json";
    let out = wengang(&["verify", &good], "");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        text(&out.stdout),
        format!("ok: {good} holds (suzhou-2019, refund 42420.00)\n")
    );
    assert!(out.stderr.is_empty());
    let bad = path(&dir).to_owned() + "/x-edited-decision.json";
    let out = wengang(&["verify", &bad], "");
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(text(&out.stderr).starts_with(&format!(
        "wengang: {bad}: altered: altered after it was made"
    )));
    // --output: the row, even for one file.
    let rows = dir.join("rows.csv");
    let out = wengang(&["verify", &bad, "--output", path(&rows)], "");
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let (_, rows) = csv_rows(&std::fs::read(&rows).expect("rows written"));
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["outcome"], "altered");
}

#[test]
fn json_lines_are_verified_line_by_line() {
    let (dir, spoiled, _) = batch("jsonl");
    let mut lines = String::new();
    let mut expected = Vec::new();
    for name in [
        "sample-eligible-sme.json",
        "x-edited-decision.json",
        "x-old-format.json",
    ] {
        let s = std::fs::read_to_string(dir.join(name)).expect("read");
        lines.push_str(&s);
        lines.push('\n');
        expected.push(spoiled.get(name).copied().unwrap_or("holds"));
        lines.push('\n'); // blank lines are skipped, but counted
    }
    lines.push_str("{ not json\n");
    expected.push("unreadable");
    let file = dir.join("uploads.jsonl");
    std::fs::write(&file, lines).expect("write");
    let out = wengang(&["verify", path(&file)], "");
    assert_eq!(out.status.code(), Some(1));
    let (_, rows) = csv_rows(&out.stdout);
    let got: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (r["source"].as_str(), r["outcome"].as_str()))
        .collect();
    let name = path(&file);
    assert_eq!(
        got,
        [
            (format!("{name}:1").as_str(), expected[0]),
            (format!("{name}:3").as_str(), expected[1]),
            (format!("{name}:5").as_str(), expected[2]),
            (format!("{name}:7").as_str(), expected[3]),
        ]
    );
}

#[test]
fn text_cells_of_the_rows_are_defused() {
    let mut app = support::sample("eligible-sme");
    app["applicant"]["name"] = "=HYPERLINK(\"http://x\",\"点此\")".into();
    let s = submit(&app.to_string()).expect("a name is any text");
    let dir = folder("defuse");
    std::fs::write(dir.join("a.json"), s.to_string()).unwrap();
    let out = wengang(&["verify", path(&dir)], "");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let (_, rows) = csv_rows(&out.stdout);
    assert_eq!(rows[0]["name"], "'=HYPERLINK(\"http://x\",\"点此\")");
}

// ---------------------------------------------------------------- notice

/// A credit code with its check character: `91` + division + serial.
fn credit_code(division: &str, serial: &str) -> String {
    let first17 = format!("91{division}{serial}");
    let check = credit_code_check_char(&first17).expect("a 17-character stem");
    format!("{first17}{check}")
}

struct Enterprise {
    code: String,
    name: &'static str,
    premiums: &'static str,
    eligible: bool,
}

/// Personal and bank data put into every application, none of which may
/// reach the list.
fn personal(i: usize) -> [String; 5] {
    [
        format!("1391234{i:04}"),
        format!("62220209000{i:06}"),
        format!("联系人{i}号"),
        format!("签字人{i}号"),
        format!("示例银行第{i}支行"),
    ]
}

fn enterprises() -> Vec<Enterprise> {
    let e = |division: &str, serial: &str, name, premiums, eligible| Enterprise {
        code: credit_code(division, serial),
        name,
        premiums,
        eligible,
    };
    vec![
        e("320594", "MA1AAAA10", "园区甲有限公司", "86040.00", true),
        e("320102", "MA1BBBB20", "南京乙有限公司", "50000.00", true),
        e("320594", "MA1CCCC30", "=园区丙有限公司", "20000.00", true),
        e("990101", "MA1DDDD40", "未知丁有限公司", "10000.00", true),
        e("100000", "MA1EEEE50", "国家戊有限公司", "30000.00", true),
        e("320583", "MA1FFFF60", "昆山己有限公司", "40000.00", false),
    ]
}

fn applications() -> Vec<Value> {
    enterprises()
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let mut app = support::sample("eligible-sme");
            app["applicant"]["credit_code"] = e.code.clone().into();
            app["applicant"]["name"] = e.name.into();
            app["insured"]["premiums_paid"] = e.premiums.into();
            app["declarations"]["zombie"] = (!e.eligible).into();
            let [phone, account, contact, signatory, bank] = personal(i);
            app["contact"]["phone"] = phone.into();
            app["contact"]["name"] = contact.into();
            app["bank"]["account_number"] = account.into();
            app["bank"]["bank_name"] = bank.into();
            app["commitment"]["signatory"] = signatory.into();
            app
        })
        .collect()
}

/// The refund the engine gives each application (from `check`).
fn refunds() -> Vec<String> {
    applications()
        .iter()
        .map(|app| {
            let out = wengang(&["check", "-"], &app.to_string());
            let report: Value = serde_json::from_slice(&out.stdout).unwrap();
            assert_eq!(report["valid"], true, "{report}");
            report["refund"].as_str().unwrap().to_owned()
        })
        .collect()
}

fn assert_nothing_personal(what: &str, output: &str) {
    for i in 0..enterprises().len() {
        for value in personal(i) {
            assert!(!output.contains(&value), "{what} holds {value}");
        }
    }
    for word in [
        "phone",
        "account",
        "contact",
        "bank",
        "电话",
        "账号",
        "联系人",
        "开户",
    ] {
        assert!(!output.contains(word), "{what} names {word}");
    }
}

fn dec(s: &str) -> rust_decimal::Decimal {
    s.parse().expect("a decimal")
}

/// The submissions folder and screen's result file of the same enterprises.
fn notice_inputs(name: &str) -> (PathBuf, PathBuf) {
    let dir = folder(name);
    let subs = dir.join("uploads");
    std::fs::create_dir_all(&subs).unwrap();
    let mut lines = String::new();
    for (i, app) in applications().iter().enumerate() {
        let s = submit(&app.to_string()).expect("submits");
        std::fs::write(subs.join(format!("{i:02}.json")), s.to_string()).unwrap();
        lines.push_str(&app.to_string());
        lines.push('\n');
    }
    // One that does not hold stays off the list.
    let mut bad = submit(&applications()[0].to_string()).unwrap();
    bad["decision"]["refund"] = "99999.00".into();
    bad["application"]["applicant"]["name"] = "篡改庚有限公司".into();
    std::fs::write(subs.join("99-altered.json"), bad.to_string()).unwrap();
    let input = dir.join("city.jsonl");
    std::fs::write(&input, lines).unwrap();
    let results = dir.join("results.csv");
    let out = wengang(&["screen", path(&input), "--output", path(&results)], "");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    (subs, results)
}

#[test]
fn the_notice_list_groups_and_totals_by_district() {
    let (subs, results) = notice_inputs("notice-csv");
    let refund = refunds();
    let r = |i: usize| dec(&refund[i]);
    for source in [&subs, &results] {
        let out = wengang(&["notice", path(source)], "");
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let csv = text(&out.stdout);
        assert_nothing_personal("the CSV list", &csv);
        assert!(!csv.contains("篡改庚"), "an altered submission is listed");
        assert!(
            !csv.contains("昆山己"),
            "an ineligible enterprise is listed"
        );
        let (header, rows) = csv_rows(csv.as_bytes());
        assert_eq!(
            header,
            [
                "kind",
                "number",
                "district_code",
                "district",
                "name",
                "credit_code",
                "refund",
                "count"
            ]
        );
        let e = enterprises();
        let line = |kind: &str,
                    number: &str,
                    code: &str,
                    district: &str,
                    name: &str,
                    cc: &str,
                    refund: String,
                    count: &str| {
            [kind, number, code, district, name, cc, &refund, count]
                .map(str::to_owned)
                .to_vec()
        };
        let got: Vec<Vec<String>> = rows
            .iter()
            .map(|row| header.iter().map(|h| row[h].clone()).collect())
            .collect();
        let sip = "江苏省 苏州市 苏州工业园区 (320594)";
        let expected = vec![
            line(
                "enterprise",
                "1",
                "100000",
                "国家级登记 (100000)",
                e[4].name,
                &e[4].code,
                refund[4].clone(),
                "",
            ),
            line(
                "subtotal",
                "",
                "100000",
                "国家级登记 (100000)",
                "",
                "",
                refund[4].clone(),
                "1",
            ),
            line(
                "enterprise",
                "2",
                "320102",
                "江苏省 南京市 (320102)",
                e[1].name,
                &e[1].code,
                refund[1].clone(),
                "",
            ),
            line(
                "subtotal",
                "",
                "320102",
                "江苏省 南京市 (320102)",
                "",
                "",
                refund[1].clone(),
                "1",
            ),
            line(
                "enterprise",
                "3",
                "320594",
                sip,
                e[0].name,
                &e[0].code,
                refund[0].clone(),
                "",
            ),
            line(
                "enterprise",
                "4",
                "320594",
                sip,
                "'=园区丙有限公司",
                &e[2].code,
                refund[2].clone(),
                "",
            ),
            line(
                "subtotal",
                "",
                "320594",
                sip,
                "",
                "",
                (r(0) + r(2)).to_string(),
                "2",
            ),
            line(
                "enterprise",
                "5",
                "990101",
                "990101",
                e[3].name,
                &e[3].code,
                refund[3].clone(),
                "",
            ),
            line(
                "subtotal",
                "",
                "990101",
                "990101",
                "",
                "",
                refund[3].clone(),
                "1",
            ),
            line(
                "total",
                "",
                "",
                "",
                "",
                "",
                (r(0) + r(1) + r(2) + r(3) + r(4)).to_string(),
                "5",
            ),
        ];
        assert_eq!(got, expected, "from {}", source.display());
    }
    // By prefecture: both Jiangsu prefectures and the rest.
    let out = wengang(&["notice", path(&subs), "--by", "prefecture"], "");
    let (_, rows) = csv_rows(&out.stdout);
    let groups: Vec<&str> = rows
        .iter()
        .filter(|r| r["kind"] == "subtotal")
        .map(|r| r["district"].as_str())
        .collect();
    assert_eq!(
        groups,
        [
            "国家级登记 (100000)",
            "江苏省 南京市 (320100)",
            "江苏省 苏州市 (320500)",
            "990100"
        ]
    );
}

#[test]
fn the_printable_page_is_self_contained_and_strict() {
    let (subs, _) = notice_inputs("notice-html");
    let file = folder("notice-html-out").join("公示.html");
    let out = wengang(
        &[
            "notice",
            path(&subs),
            "--output",
            path(&file),
            "--title",
            "2024年度<稳岗返还>公示",
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let html = std::fs::read_to_string(&file).expect("written");
    assert_nothing_personal("the page", &html);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
    assert!(html.contains(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'sha256-"
    ));
    assert!(html.contains("@page { size: A4;"));
    assert!(html.contains("<h1>2024年度&lt;稳岗返还&gt;公示</h1>"));
    for needle in ["<script", "src=", "href=", "url(", "@import"] {
        assert!(!html.contains(needle), "the page has {needle}");
    }
    for heading in [
        "序号",
        "企业名称",
        "统一社会信用代码",
        "返还金额（元）",
        "小计：2 家",
        "总计：5 家",
    ] {
        assert!(html.contains(heading), "no {heading}");
    }
    assert!(html.contains("<h2>江苏省 苏州市 苏州工业园区 (320594)</h2>"));
    assert!(html.contains("<h2>990101</h2>"));
    // The style's hash is the one the policy allows.
    let style = html
        .split("<style>")
        .nth(1)
        .and_then(|s| s.split("</style>").next())
        .expect("a style element");
    use sha2::Digest;
    let digest = sha2::Sha256::digest(style.as_bytes());
    let hash = base64(&digest);
    assert!(
        html.contains(&format!("'sha256-{hash}'")),
        "style hash {hash}"
    );
}

fn base64(bytes: &[u8]) -> String {
    const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for c in bytes.chunks(3) {
        let n = (u32::from(c[0]) << 16)
            | (u32::from(*c.get(1).unwrap_or(&0)) << 8)
            | u32::from(*c.get(2).unwrap_or(&0));
        for i in 0..4 {
            out.push(if i <= c.len() {
                A[(n >> (18 - 6 * i)) as usize & 63] as char
            } else {
                '='
            });
        }
    }
    out
}

#[test]
fn the_spreadsheet_keeps_text_as_text_and_nothing_personal() {
    use calamine::{open_workbook, Data, Reader, Xlsx};
    let (_, results) = notice_inputs("notice-xlsx");
    let file = folder("notice-xlsx-out").join("list.xlsx");
    let out = wengang(&["notice", path(&results), "--output", path(&file)], "");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let mut book: Xlsx<_> = open_workbook(&file).expect("an xlsx file");
    let sheet = book.worksheet_range("公示名单").expect("the sheet");
    let cells: Vec<Vec<Data>> = sheet.rows().map(<[Data]>::to_vec).collect();
    let all: String = cells
        .iter()
        .flatten()
        .map(|c| c.to_string())
        .collect::<Vec<_>>()
        .join("\n");
    assert_nothing_personal("the spreadsheet", &all);
    let header: Vec<String> = cells[2].iter().map(ToString::to_string).collect();
    assert_eq!(
        header,
        [
            "序号",
            "地区代码",
            "地区",
            "企业名称",
            "统一社会信用代码",
            "返还金额（元）"
        ]
    );
    // The hostile name is a string cell, defused; codes stay text.
    let hostile = cells
        .iter()
        .find(|r| r.get(3).is_some_and(|c| c.to_string().contains("园区丙")))
        .expect("the row");
    assert_eq!(hostile[3], Data::String("'=园区丙有限公司".to_owned()));
    assert!(matches!(hostile[1], Data::String(_)));
    assert!(matches!(hostile[4], Data::String(_)));
    // Subtotals and the total, to the fen.
    let refund = refunds();
    let r = |i: usize| dec(&refund[i]);
    let amount = |row: &[Data]| match row.get(5) {
        Some(Data::Float(f)) => format!("{f:.2}"),
        other => panic!("not an amount: {other:?}"),
    };
    let subtotal = cells
        .iter()
        .find(|row| row.get(3).is_some_and(|c| *c == "小计：2 家"))
        .expect("the park's subtotal");
    assert_eq!(amount(subtotal), (r(0) + r(2)).round_dp(2).to_string());
    let total = cells
        .iter()
        .find(|row| row.get(3).is_some_and(|c| *c == "总计：5 家"))
        .expect("the total");
    assert_eq!(
        amount(total),
        (r(0) + r(1) + r(2) + r(3) + r(4)).to_string()
    );
    // No formula anywhere.
    let formulas = book.worksheet_formula("公示名单").expect("formulas");
    assert!(formulas.cells().all(|(_, _, f)| f.is_empty()));
}

#[test]
fn the_notice_refuses_screens_input_and_needs_a_file_for_xlsx() {
    let dir = folder("notice-refuse");
    let input = dir.join("city.csv");
    let out = wengang(&["gen", "--rows", "3", "--output", path(&input)], "");
    assert_eq!(out.status.code(), Some(0));
    let out = wengang(&["notice", path(&input)], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("screen's input"),
        "{}",
        text(&out.stderr)
    );
    let out = wengang(&["notice", path(&input), "--format", "xlsx"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(wengang(&["notice"], "").status.code() == Some(2));
}
