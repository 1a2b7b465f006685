//! The monthly records (`insured.months`, POLICY.md "Monthly records"):
//! any text through the engine's statement reader as the app's grid
//! pastes it (`app::state::rows_of_statement`, the `app` feature), or a
//! table of rows built from the bytes (twelve by default, with
//! months, counts and amounts that may repeat, fall out of range, be
//! numbers or text), checked inside the sample application with its
//! year's figures left blank (derived) or given (held against the table).
//!
//! Bytes: a mode byte (bit 0: a table from the bytes, else pasted text;
//! bit 1: keep the sample's figures; bit 2: a row count from the next
//! byte), then the text or the rows.
//!
//! Invariants: nothing panics; a paste gives twelve rows, no more read
//! than lines; the figures are derived exactly when the table is a valid
//! year (twelve rows, months 1–12 each once, every count and amount
//! valid, the amounts due given in every row or in none), and then
//! start = month 1's count, end = month 12's, min ≤ average ≤ max with
//! average = sum ÷ 12 (to the ten decimals shown), premiums = the sum of
//! the payments, months paid in full = the months with paid ≥ due (not
//! derived without them).
#![no_main]

use libfuzzer_sys::fuzz_target;
use rust_decimal::{Decimal, RoundingStrategy};
use serde_json::{json, Value};
use wengang_engine::app::state::rows_of_statement;
use wengang_engine::field::{Field, Months};
use wengang_engine::internals::fields;
use wengang_engine::{check, Lang, RawApplication};

const SAMPLE: &str = include_str!("../../samples/eligible-sme.json");
/// The year's figures the table can give.
const DERIVED: [Field; 5] = [
    Field::Start,
    Field::End,
    Field::MonthlyAverage,
    Field::PremiumsPaid,
    Field::MonthsPaidInFull,
];

struct Bytes<'a>(&'a [u8]);

impl Bytes<'_> {
    fn byte(&mut self) -> u8 {
        match self.0.split_first() {
            Some((&b, rest)) => {
                self.0 = rest;
                b
            }
            None => 0,
        }
    }
    fn number(&mut self, bytes: usize) -> u64 {
        (0..bytes).fold(0, |n, _| n << 8 | u64::from(self.byte()))
    }
}

/// A row from the bytes: each cell a JSON number or text, in or out of range.
fn row(b: &mut Bytes<'_>, i: usize) -> Value {
    let f = b.byte();
    let month = if f & 1 != 0 {
        u64::from(b.byte() % 14)
    } else {
        i as u64 + 1
    };
    let insured = if f & 2 != 0 { b.number(8) } else { b.number(2) };
    let due = b.number(3);
    let paid = match f >> 5 {
        0 => due,
        1 => due.saturating_sub(1),
        2 => due + 1,
        _ => b.number(3),
    };
    let cents = |c: u64| format!("{}.{:02}", c / 100, c % 100);
    let cell = |n: u64, text: bool| if text { json!(n.to_string()) } else { json!(n) };
    json!({
        "month": cell(month, f & 4 != 0),
        "insured": cell(insured, f & 8 != 0),
        "due": if f & 16 != 0 { json!(due / 100) } else { json!(cents(due)) },
        "paid": json!(cents(paid)),
    })
}

/// The rows as validation reads them, when the table is a valid year:
/// (insured, due, paid) in month order; due `None` in every row when no
/// row gives one (a statement without 应缴).
fn year(table: &Value) -> Option<Vec<(u64, Option<Decimal>, Decimal)>> {
    let rows = table.as_array()?;
    if rows.len() != Months::ROWS {
        return None;
    }
    let cell = |r: &Value, k: &str| r.get(k).cloned().unwrap_or(Value::Null);
    let no_due = rows.iter().all(|r| fields::is_blank(&cell(r, "due")));
    let mut by_month: Vec<Option<(u64, Option<Decimal>, Decimal)>> = vec![None; Months::ROWS];
    for r in rows {
        let month = fields::count(&cell(r, "month")).ok()?;
        let due = match no_due {
            true => None,
            false => Some(fields::money(&cell(r, "due")).ok()?),
        };
        let figures = (
            fields::count(&cell(r, "insured")).ok()?,
            due,
            fields::money(&cell(r, "paid")).ok()?,
        );
        let slot = by_month.get_mut(usize::try_from(month).ok()?.checked_sub(1)?)?;
        if slot.replace(figures).is_some() {
            return None;
        }
    }
    by_month.into_iter().collect()
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, body)) = data.split_first() else {
        return;
    };
    let table = if mode & 1 == 0 {
        let Ok(pasted) = std::str::from_utf8(body) else {
            return;
        };
        let Ok(statement) = wengang_engine::read_statement(pasted, None) else {
            return;
        };
        assert!(statement.rows.len() <= pasted.split(['\n', '\r']).count());
        let table = rows_of_statement(&statement.months());
        assert_eq!(table.as_array().map(Vec::len), Some(Months::ROWS));
        table
    } else {
        let mut b = Bytes(body);
        let n = if mode & 4 != 0 {
            usize::from(b.byte() % 16)
        } else {
            Months::ROWS
        };
        Value::Array((0..n).map(|i| row(&mut b, i)).collect())
    };

    let Ok(mut app) = serde_json::from_str::<Value>(SAMPLE) else {
        return;
    };
    app["insured"]["months"] = table.clone();
    if mode & 2 == 0 {
        for field in DERIVED {
            app["insured"][field.path().rsplit('.').next().unwrap_or("")] = Value::Null;
        }
    }
    let raw = RawApplication::from_value(&app).expect("the sample with a table reads");
    let report = check(&raw, Lang::En);
    let derived = |field: Field| -> Decimal {
        let d = report
            .derived
            .iter()
            .find(|d| d.field == field.path())
            .expect("every figure is derived");
        d.value.parse().expect("a derived figure is a decimal")
    };
    match year(&table) {
        None => assert!(report.derived.is_empty(), "derived from an invalid table"),
        Some(year) => {
            let due_given = year.iter().all(|r| r.1.is_some());
            assert_eq!(
                report.derived.len(),
                DERIVED.len() - usize::from(!due_given),
                "a valid year gives every figure (months paid in full only with the amounts due)"
            );
            let counts = year.iter().map(|r| r.0);
            let (min, max) = (counts.clone().min(), counts.clone().max());
            let (Some(min), Some(max)) = (min, max) else {
                return;
            };
            assert_eq!(derived(Field::Start), Decimal::from(year[0].0));
            assert_eq!(derived(Field::End), Decimal::from(year[11].0));
            let average = derived(Field::MonthlyAverage);
            assert!(Decimal::from(min) <= average && average <= Decimal::from(max));
            let exact = Decimal::from(counts.sum::<u64>()) / Decimal::from(12);
            assert_eq!(
                average,
                exact.round_dp_with_strategy(10, RoundingStrategy::MidpointAwayFromZero)
            );
            let paid: Decimal = year.iter().map(|r| r.2).sum();
            assert_eq!(derived(Field::PremiumsPaid), paid);
            if due_given {
                let in_full = year.iter().filter(|r| Some(r.2) >= r.1).count();
                assert_eq!(derived(Field::MonthsPaidInFull), Decimal::from(in_full));
            }
        }
    }
});
