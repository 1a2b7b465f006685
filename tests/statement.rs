//! Every statement layout in `tests/statements/`: the text as a clerk
//! pastes or exports it (`NAME.txt`, bytes as they are: BOM, CR, CRLF) and
//! what a policy officer expects of it (`NAME.json`): the `insured.months`
//! rows read, or the refusal's code, line and column.
//!
//! Expected: `case` (what is shown), optional `data_year`; then either
//! `months` (exactly the array the CLI prints) with any of `columns`
//! (each field's 1-based column; `ignored`), `header_line`, `separator`,
//! `year`, `missing_months`, `due_given`, `skipped`; or `refused`
//! (`code`, `line`, `column`).

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::{json, Value};
use wengang_engine::{check, read_statement, Lang, RawApplication, Statement, StatementError};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/statements")
}

fn case_names() -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir())
        .expect("tests/statements")
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.strip_suffix(".json").map(str::to_owned)
        })
        .collect();
    names.sort();
    names
}

#[test]
fn every_layout_is_read_or_refused_as_expected() {
    let names = case_names();
    assert!(names.len() >= 50, "found {} cases", names.len());
    let mut failures = Vec::new();
    for name in &names {
        if let Err(message) = run(name) {
            failures.push(format!("{name}: {message}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} statements:\n{}",
        failures.len(),
        names.len(),
        failures.join("\n")
    );
    println!("{} statements as expected", names.len());
}

#[test]
fn every_text_has_its_expectation() {
    let texts: Vec<String> = fs::read_dir(dir())
        .expect("tests/statements")
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.strip_suffix(".txt").map(str::to_owned)
        })
        .collect();
    let mut texts = texts;
    texts.sort();
    assert_eq!(texts, case_names());
}

fn run(name: &str) -> Result<(), String> {
    let text = fs::read_to_string(dir().join(format!("{name}.txt"))).map_err(|e| e.to_string())?;
    let expected: Value = serde_json::from_str(
        &fs::read_to_string(dir().join(format!("{name}.json"))).map_err(|e| e.to_string())?,
    )
    .map_err(|e| e.to_string())?;
    if expected["case"].as_str().is_none_or(str::is_empty) {
        return Err("no `case`".into());
    }
    let data_year = expected["data_year"].as_u64().map(|y| y as u16);
    match (read_statement(&text, data_year), expected.get("refused")) {
        (Ok(s), None) => read_as_expected(&s, &expected),
        (Err(e), Some(refused)) => refused_as_expected(&e, refused),
        (Ok(s), Some(_)) => Err(format!("read, but should be refused: {}", s.months())),
        (Err(e), None) => Err(format!("refused: {} {e}", e.code())),
    }
}

fn read_as_expected(s: &Statement, expected: &Value) -> Result<(), String> {
    let same = |what: &str, found: Value| match expected.get(what) {
        Some(want) if *want != found => Err(format!("{what}: expected {want}, found {found}")),
        _ => Ok(()),
    };
    if s.months() != expected["months"] {
        return Err(format!(
            "months:\nexpected {}\nfound    {}",
            expected["months"],
            s.months()
        ));
    }
    let missing: Vec<u8> = (1..=12)
        .filter(|m| !s.rows.iter().any(|r| r.month == *m))
        .collect();
    same("missing_months", json!(s.missing_months))?;
    if s.missing_months != missing {
        return Err(format!("missing_months {:?}", s.missing_months));
    }
    same("due_given", json!(s.due_given()))?;
    same("header_line", json!(s.header_line))?;
    same("separator", json!(s.separator))?;
    same("year", json!(s.year))?;
    same("skipped", json!(s.skipped))?;
    if let Some(columns) = expected.get("columns") {
        let c = &s.columns;
        let found = json!({
            "month": c.month.index,
            "insured": c.insured.index,
            "due": c.due.as_ref().map(|d| d.index),
            "paid": c.paid.index,
            "ignored": c.ignored.iter().map(|i| i.index).collect::<Vec<_>>(),
        });
        for (key, want) in columns.as_object().into_iter().flatten() {
            if found[key] != *want {
                return Err(format!(
                    "columns.{key}: expected {want}, found {}",
                    found[key]
                ));
            }
        }
    }
    // Each row says where it came from: its line holds its cells.
    for row in &s.rows {
        if row.line == 0 || row.cells.month.is_empty() {
            return Err(format!("row of month {} without its source", row.month));
        }
    }
    let notes = s.notes(Lang::En);
    if s.due_given() == notes.iter().any(|(code, _)| *code == "statement.no_due") {
        return Err("the no-due note is missing or wrong".into());
    }
    validates(s)
}

/// A complete year with its dues is an `insured.months` validation takes:
/// no issue on the table, and the year's figures derived from it.
fn validates(s: &Statement) -> Result<(), String> {
    if s.rows.len() != 12 || !s.due_given() {
        return Ok(());
    }
    let mut app: Value = serde_json::from_str(include_str!("../samples/eligible-sme.json"))
        .map_err(|e| e.to_string())?;
    app["insured"]["months"] = s.months();
    for field in [
        "start",
        "end",
        "monthly_average",
        "premiums_paid",
        "months_paid_in_full",
    ] {
        app["insured"][field] = Value::Null;
    }
    let raw = RawApplication::from_value(&app).map_err(|e| e.to_string())?;
    let report = check(&raw, Lang::En);
    let table_issues: Vec<_> = report
        .issues
        .iter()
        .filter(|i| i.field.starts_with("insured.months"))
        .map(|i| format!("{} {}", i.field, i.code))
        .collect();
    if !table_issues.is_empty() {
        return Err(format!("validation: {table_issues:?}"));
    }
    if report.derived.len() != 5 {
        return Err(format!("derived {} figures, not 5", report.derived.len()));
    }
    Ok(())
}

fn refused_as_expected(e: &StatementError, refused: &Value) -> Result<(), String> {
    let found = json!({"code": e.code(), "line": e.line(), "column": e.column()});
    if found != *refused {
        return Err(format!("expected refusal {refused}, found {found} ({e})"));
    }
    // The message names the line, in both languages.
    let (zh, en) = (e.message(Lang::Zh), e.message(Lang::En));
    if e.line() > 0
        && !(zh.contains(&format!("第 {} 行", e.line()))
            && en.contains(&format!("Line {}", e.line())))
    {
        return Err(format!(
            "the message does not name line {}: {zh} / {en}",
            e.line()
        ));
    }
    if let Some(column) = e.column() {
        if !zh.contains(&format!("第 {column} 列")) {
            return Err(format!("the message does not name column {column}: {zh}"));
        }
    }
    Ok(())
}

/// The failure of issue 19, exactly: 月份 / 参保人数 / 实缴 pasted without
/// the header. Read by position it gave 年初 = 1, 年末 = 12, 月平均 = 6.5
/// and "eligible"; now it is refused, and with its header it is read with
/// no due, the counts from 46 down to 40.
#[test]
fn the_three_column_paste_of_issue_19() {
    let counts = [46, 46, 45, 45, 44, 44, 43, 42, 42, 41, 40, 40];
    let body: String = (1..=12)
        .map(|m| format!("{m}月\t{}\t3,220.00\n", counts[m - 1]))
        .collect();
    let e = read_statement(&body, Some(2025)).expect_err("refused");
    assert_eq!(e.code(), "statement.headerless_columns");
    assert_eq!(e.line(), 1);
    assert!(e.message(Lang::Zh).contains("没有表头"), "{e}");
    let headed =
        read_statement(&format!("月份\t参保人数\t实缴\n{body}"), Some(2025)).expect("read");
    assert!(!headed.due_given());
    assert_eq!(headed.rows[0].insured, 46);
    assert_eq!(headed.rows[11].insured, 40);
    assert!(headed.rows.iter().all(|r| r.due.is_none()));
    assert_eq!(headed.months()[0]["due"], Value::Null);
}

#[test]
fn rows_say_how_each_cell_was_read() {
    let s = read_statement(
        "单位名称,费款所属期,参保人数,实缴金额（元）,应缴金额（元）\n示例,2025年1月,４６人,\"3,220.00\",\"¥3,220.00\"\n",
        Some(2025),
    )
    .expect("read");
    let row = &s.rows[0];
    assert_eq!(row.line, 2);
    assert_eq!(row.cells.month, "2025年1月");
    assert_eq!(row.cells.insured, "４６人");
    assert_eq!(row.cells.paid, "3,220.00");
    assert_eq!(row.cells.due.as_deref(), Some("¥3,220.00"));
    assert_eq!(s.columns.paid.index, 4);
    assert_eq!(s.columns.paid.heading.as_deref(), Some("实缴金额（元）"));
    assert_eq!(s.columns.ignored.len(), 1);
    assert_eq!(s.columns.ignored[0].heading.as_deref(), Some("单位名称"));
    assert_eq!(s.year, Some(2025));
    assert_eq!(
        s.months(),
        json!([{"month": 1, "insured": 46, "due": "3220.00", "paid": "3220.00"}])
    );
    let notes = s.notes(Lang::Zh);
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].0, "statement.months_missing");
    assert!(notes[0].1.contains("2、3、4"), "{}", notes[0].1);
}

#[test]
fn every_refusal_has_a_code_and_words_in_both_languages() {
    for name in case_names() {
        let text = fs::read_to_string(dir().join(format!("{name}.txt"))).unwrap();
        if let Err(e) = read_statement(&text, Some(2025)) {
            assert!(e.code().starts_with("statement."), "{name}");
            let (zh, en) = (e.message(Lang::Zh), e.message(Lang::En));
            assert!(
                zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{name}: {zh}"
            );
            // English punctuation outside the cells quoted back.
            let words: String = en
                .split('“')
                .map(|part| part.split_once('”').map_or(part, |(_, after)| after))
                .collect();
            assert!(
                !words.chars().any(|c| "，。：；（）、".contains(c)),
                "{name}: {en}"
            );
        }
    }
}
