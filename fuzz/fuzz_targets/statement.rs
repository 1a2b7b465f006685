//! The statement reader (`read_statement`, src/statement) on any text, for
//! no data year or one from the first byte.
//!
//! Bytes: a mode byte (bit 0: a data year, 2020 + the byte's upper bits
//! mod 8), then the text (UTF-8; other bytes are skipped).
//!
//! Invariants: nothing panics. Refused: a `statement.` code, a message in
//! both languages, a line within the text. Read: one to twelve rows,
//! months 1–12 each once in order, the missing months the rest, each
//! row's line within the text; every figure is one validation accepts,
//! and a complete year with its dues validates with its five figures
//! derived; the rows written back as a plain tab-separated statement read
//! back to the same rows.
#![no_main]

use libfuzzer_sys::fuzz_target;
use serde_json::Value;
use wengang_engine::internals::fields;
use wengang_engine::{check, read_statement, Lang, RawApplication};

const SAMPLE: &str = include_str!("../../samples/eligible-sme.json");

fuzz_target!(|data: &[u8]| {
    let Some((&mode, body)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(body) else {
        return;
    };
    let year = (mode & 1 != 0).then(|| 2020 + u16::from(mode >> 1) % 8);
    let lines = text.split('\n').flat_map(|l| l.split('\r')).count().max(1);
    let s = match read_statement(text, year) {
        Err(e) => {
            assert!(e.code().starts_with("statement."));
            assert!(e.line() <= lines, "line {} of {lines}", e.line());
            assert!(!e.message(Lang::Zh).is_empty() && !e.message(Lang::En).is_empty());
            return;
        }
        Ok(s) => s,
    };
    assert!(!s.rows.is_empty() && s.rows.len() <= 12);
    assert!(s.rows.windows(2).all(|w| w[0].month < w[1].month));
    assert!(s.rows.iter().all(|r| (1..=12).contains(&r.month) && (1..=lines).contains(&r.line)));
    assert_eq!(s.rows.len() + s.missing_months.len(), 12);
    if let (Some(read), Some(given)) = (s.year, year) {
        assert_eq!(read, given);
    }
    let months = s.months();
    for row in months.as_array().into_iter().flatten() {
        assert!(fields::count(&row["insured"]).is_ok(), "{row}");
        assert!(fields::money(&row["paid"]).is_ok(), "{row}");
        assert!(row["due"].is_null() || fields::money(&row["due"]).is_ok(), "{row}");
    }
    if s.rows.len() == 12 && s.due_given() {
        let mut app: Value = serde_json::from_str(SAMPLE).expect("the sample");
        app["insured"]["months"] = months;
        for field in ["start", "end", "monthly_average", "premiums_paid", "months_paid_in_full"] {
            app["insured"][field] = Value::Null;
        }
        let raw = RawApplication::from_value(&app).expect("the sample with rows reads");
        let report = check(&raw, Lang::En);
        assert!(
            !report.issues.iter().any(|i| i.field.starts_with("insured.months")),
            "validation refuses rows the reader read: {:?}",
            report.issues
        );
        assert_eq!(report.derived.len(), 5);
    }
    // Written back plainly, the rows read the same.
    let mut plain = String::from("月份\t参保人数\t应缴\t实缴\n");
    if !s.due_given() {
        plain = String::from("月份\t参保人数\t实缴\n");
    }
    for r in &s.rows {
        match r.due {
            Some(due) => plain.push_str(&format!("{}\t{}\t{due}\t{}\n", r.month, r.insured, r.paid)),
            None => plain.push_str(&format!("{}\t{}\t{}\n", r.month, r.insured, r.paid)),
        }
    }
    let again = read_statement(&plain, None).expect("the rows written back read");
    let figures = |s: &wengang_engine::Statement| -> Vec<_> {
        s.rows.iter().map(|r| (r.month, r.insured, r.due, r.paid)).collect()
    };
    assert_eq!(figures(&again), figures(&s));
});
