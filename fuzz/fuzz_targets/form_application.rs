//! The app's form-to-application path, natively (the `app` feature; yew
//! compiles natively and the reducer needs no browser): a blank form or
//! the imported sample, then a sequence of edits decoded from the bytes,
//! each dispatched as the question component does it (the typed text
//! tidied for formatted fields, selects and ticks as their values, the
//! monthly records as the grid makes them: a paste through the engine's
//! statement reader, or one cell typed), then the report and, when
//! it is valid, the submission, as the result page makes them.
//!
//! Bytes: a mode byte (bit 0: start from the sample; bit 1: English), then
//! records `[what, len, len bytes of text]`: `what` picks a field of the
//! registry (`wengang::field`) or one of the other actions (monthly
//! records, hardship taken or not, place, continue, back).
//!
//! Invariants: nothing panics; `tidy` is idempotent; the field edited
//! holds what was dispatched; the application the app keeps always reads
//! back (`RawApplication::from_value`), so the app never checks a default
//! application in its place; the report does not depend on the language
//! but for its words; a valid report makes a submission, an invalid one
//! none, and a submission made verifies.
#![no_main]

use std::rc::Rc;

use libfuzzer_sys::fuzz_target;
use serde_json::Value;
use wengang_engine::app::form::{self, Kind, QUESTION_PAGES};
use wengang_engine::app::state::{rows_of_statement, Action, AppState, Notice};
use wengang_engine::field::{Field, MonthColumn};
use wengang_engine::tidy::tidy;
use wengang_engine::{check, submit, verify, Lang, RawApplication, Report};
use yew::Reducible;

const SAMPLE: &str = include_str!("../../samples/eligible-sme.json");
/// Actions other than a field's edit, after the registry's fields.
const OTHER_ACTIONS: usize = 10;

/// How the form asks a field (`None`: not asked, e.g. `format`).
fn kind_of(field: Field) -> Option<Kind> {
    QUESTION_PAGES
        .iter()
        .flat_map(|p| p.fields())
        .find(|p| p.field == field)
        .map(|p| p.kind)
}

/// The value the question component dispatches for `text` typed (or
/// chosen) in `field`'s input.
fn value_of(field: Field, text: &str) -> Value {
    match kind_of(field) {
        Some(Kind::Tick) => Value::Bool(text.starts_with('1')),
        Some(Kind::YesNo | Kind::UnitType | Kind::Industry | Kind::OfficialSize | Kind::Policy) => {
            match text {
                "" => Value::Null,
                "true" => Value::Bool(true),
                "false" => Value::Bool(false),
                _ => Value::String(text.to_owned()),
            }
        }
        // Names keep their text as typed; formatted fields are tidied.
        Some(Kind::Text) if field != Field::CreditCode => Value::String(text.to_owned()),
        _ => {
            let tidied = tidy(field, text);
            assert_eq!(tidy(field, &tidied), tidied, "tidy is idempotent ({field})");
            Value::String(tidied)
        }
    }
}

/// Issue codes and fields, and the decision, without the words.
fn skeleton(r: &Report) -> (bool, Option<bool>, Vec<(String, String)>, usize) {
    (
        r.valid,
        r.eligible,
        r.issues
            .iter()
            .map(|i| (i.field.clone(), i.code.clone()))
            .collect(),
        r.derived.len(),
    )
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, mut rest)) = data.split_first() else {
        return;
    };
    let lang = if mode & 2 != 0 { Lang::En } else { Lang::Zh };
    let mut state = Rc::new(AppState::new("2019-06-10", lang));
    if mode & 1 != 0 {
        let Ok(sample) = serde_json::from_str::<Value>(SAMPLE) else {
            return;
        };
        state = state.reduce(Action::Import {
            application: sample,
            notice: Notice::Imported,
        });
    }
    let mut edits = 0;
    while let [what, len, tail @ ..] = rest {
        let (bytes, next) = tail.split_at(usize::from(*len).min(tail.len()));
        rest = next;
        edits += 1;
        if edits > 64 {
            break;
        }
        let text = String::from_utf8_lossy(bytes);
        let what = usize::from(*what) % (Field::ALL.len() + OTHER_ACTIONS);
        let action = match Field::ALL.get(what) {
            Some(&field) => {
                let value = value_of(field, &text);
                let edited = state.reduce(Action::SetField {
                    field,
                    value: value.clone(),
                });
                assert_eq!(form::get(&edited.application, field.path()), &value);
                state = edited;
                continue;
            }
            None => match what - Field::ALL.len() {
                // A paste: read by the engine's reader, or refused (no change).
                0 => match wengang_engine::read_statement(&text, None) {
                    Ok(statement) => Action::SetMonths(rows_of_statement(&statement.months())),
                    Err(_) => Action::SetMonthCell {
                        row: text.len() % 13,
                        column: MonthColumn::FIGURES[text.len() % 3],
                        value: text.into_owned(),
                    },
                },
                1 => Action::SetHardship(text.len() % 2 == 1),
                2 => Action::SetPlace(text.into_owned()),
                3 => Action::Continue,
                4 => Action::Back,
                // Browser history, and the slips a clerk can undo.
                5 => Action::Visit(form::ALL_PAGES[text.len() % form::ALL_PAGES.len()]),
                6 => Action::Clear,
                7 => Action::ConfirmPending,
                8 => Action::Undo,
                _ => Action::Change(form::Page::Review),
            },
        };
        state = state.reduce(action);
    }
    let raw = RawApplication::from_value(&state.application)
        .expect("the app's application always reads back");
    let report = state.report();
    assert_eq!(report, check(&raw, lang));
    let other = check(&raw, if lang == Lang::Zh { Lang::En } else { Lang::Zh });
    assert_eq!(skeleton(&report), skeleton(&other), "only the words differ");
    match submit(&raw) {
        Ok(submission) => {
            assert!(report.valid, "a submission only from a valid report");
            let file = serde_json::to_string(&submission).expect("a submission serialises");
            verify(&file).expect("a fresh submission verifies");
        }
        Err(_) => assert!(!report.valid, "a valid report makes a submission"),
    }
});
