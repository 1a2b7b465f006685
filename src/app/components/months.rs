//! The monthly grid (参保缴费明细), optional: twelve rows of month, insured,
//! due and paid. A statement pasted anywhere in it is read by the
//! engine's reader (in the second module: the reader is not in the first
//! load) by its headings, or refused with the line and the reason, never
//! guessed; the grid then shows how each row was read (its line, and
//! which column each figure came from). Each cell can be typed into, and
//! has its own message from the engine's validation, which the page's
//! error summary links to. The figures derived from the rows follow.

use std::rc::Rc;

use serde_json::Value;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use super::Ctx;
use crate::app::form::{self, input_id};
use crate::app::later::{self, Unavailable};
use crate::app::state::{self, Action};
use crate::field::{Field, MonthColumn, Months};
use crate::messages::app::{self as words, pick};
use crate::report::IssueReport;
use crate::{Lang, Severity};

/// How the last pasted statement was read, as the grid shows it.
#[derive(Clone, PartialEq)]
enum Pasted {
    None,
    Reading,
    /// Read: how (the column each figure came from, the lines skipped,
    /// the engine's notes) and each month's line.
    Read {
        how: Rc<Vec<String>>,
        lines: Rc<[Option<u64>; Months::ROWS]>,
    },
    /// Refused by the reader, or no reader in this copy: why.
    Refused(String),
}

#[function_component(MonthsTable)]
pub fn months_table(ctx: &Ctx) -> Html {
    let lang = ctx.state.lang;
    let app = &ctx.state.application;
    let given = !form::get(app, Months::PATH).is_null();
    let pasted = use_state(|| Pasted::None);
    let shows = ctx.state.shows_issues_of(Months::PATH);
    let errors: Vec<&IssueReport> = ctx
        .report
        .issues
        .iter()
        .filter(|i| {
            shows && i.severity == Severity::Error && Months::parse_path(&i.field).is_some()
        })
        .collect();
    // Anything with a line break or a tab inside it is a statement: the
    // reader reads it; one value pastes into its cell as usual.
    let on_paste = {
        let dispatch = ctx.dispatch.clone();
        let pasted = pasted.clone();
        let year = form::as_text(form::get(app, Field::Year.path()));
        Callback::from(move |e: Event| {
            let Some(text) = e
                .dyn_ref::<web_sys::ClipboardEvent>()
                .and_then(|c| c.clipboard_data())
                .and_then(|d| d.get_data("text").ok())
            else {
                return;
            };
            // One cell copied from a spreadsheet ends with a line break.
            if !text.trim().contains(['\n', '\r', '\t']) {
                return;
            }
            e.prevent_default();
            pasted.set(Pasted::Reading);
            let (dispatch, pasted, year) = (dispatch.clone(), pasted.clone(), year.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let tag = if lang == Lang::Zh { "zh" } else { "en" };
                let args = [
                    JsValue::from_str(&text),
                    JsValue::from_str(&year),
                    JsValue::from_str(tag),
                ];
                let read = later::call("wengangStatement", &args)
                    .await
                    .map(|json| serde_json::from_str::<Value>(&json).unwrap_or_default());
                pasted.set(match read {
                    Ok(statement) if statement["ok"] == Value::Bool(true) => {
                        dispatch.dispatch(Action::SetMonths(state::rows_of_statement(
                            &statement["months"],
                        )));
                        // How it was read, in the engine's words.
                        let how = statement["how"].as_array().into_iter().flatten();
                        Pasted::Read {
                            how: Rc::new(
                                how.filter_map(|h| h.as_str().map(str::to_owned)).collect(),
                            ),
                            lines: Rc::new(lines(&statement)),
                        }
                    }
                    Ok(refused) => Pasted::Refused(words::not_read(
                        refused["message"].as_str().unwrap_or_default(),
                        lang,
                    )),
                    Err(Unavailable::Missing) => {
                        Pasted::Refused(pick(words::GRID_NO_READER, lang).to_owned())
                    }
                    Err(Unavailable::Failed(reason)) => Pasted::Refused(reason),
                });
            });
        })
    };
    let on_clear = {
        let dispatch = ctx.dispatch.clone();
        let pasted = pasted.clone();
        Callback::from(move |_| {
            pasted.set(Pasted::None);
            dispatch.dispatch(Action::SetMonths(Value::Null));
        })
    };
    let rows = state::month_rows(app);
    let no_lines = [None; Months::ROWS];
    let lines = match &*pasted {
        Pasted::Read { lines, .. } => lines.as_ref(),
        _ => &no_lines,
    };
    html! {
        <details class="months" open={given}>
            <summary>{ pick(words::GRID_SUMMARY, lang) }</summary>
            <p class="hint" id="months-hint">{ pick(words::GRID_HINT, lang) }</p>
            <div class="months__grid" onpaste={on_paste}>
                { status(&pasted, lang) }
                <table class="months-grid" id={input_id(Months::PATH)} tabindex="-1" aria-describedby="months-hint">
                    <thead><tr>
                        <th scope="col">{ pick(words::MONTH, lang) }</th>
                        <th scope="col">{ pick(words::INSURED, lang) }</th>
                        <th scope="col">{ pick(words::DUE, lang) }</th>
                        <th scope="col">{ pick(words::PAID, lang) }</th>
                    </tr></thead>
                    <tbody>
                        { for rows.iter().enumerate().map(|(i, row)| grid_row(ctx, i, row, lines.get(i).copied().flatten(), &errors)) }
                    </tbody>
                </table>
                // Each message under the grid, the cell it is about described by it.
                <ul class="months__errors">
                    { for errors.iter().map(|e| html! { <li class="error-message" id={format!("e-{}", input_id(&e.field))}>{ &e.message }</li> }) }
                </ul>
            </div>
            if given {
                <button type="button" class="link-button" id="months-clear" onclick={on_clear}>{ pick(words::GRID_CLEAR, lang) }</button>
            }
            <ul class="derived" id="derived" aria-live="polite">
                { for ctx.report.derived.iter().map(|d| html! { <li>{ &d.explanation }</li> }) }
            </ul>
        </details>
    }
}

/// What the last paste came to: reading, read (and how), or refused.
fn status(pasted: &Pasted, lang: Lang) -> Html {
    match pasted {
        Pasted::None => Html::default(),
        Pasted::Reading => {
            html! { <p class="hint" role="status">{ pick(words::GRID_READING, lang) }</p> }
        }
        Pasted::Refused(why) => {
            html! { <p class="error-message" id="statement-error" role="alert">{ why }</p> }
        }
        Pasted::Read { how, .. } => html! {
            <div class="inset" id="statement-read" role="status">
                <p class="heading-s">{ pick(words::GRID_READ_AS, lang) }</p>
                <ul>{ for how.iter().map(|line| html! { <li>{ line }</li> }) }</ul>
            </div>
        },
    }
}

/// One month: its label (and the statement's line it came from) and its
/// three cells; a cell with a message is described by it.
fn grid_row(ctx: &Ctx, i: usize, row: &Value, line: Option<u64>, errors: &[&IssueReport]) -> Html {
    let lang = ctx.state.lang;
    let n = i + 1;
    let month = row.get("month").and_then(Value::as_u64).unwrap_or(n as u64);
    let label = words::month(month, lang);
    let cells = MonthColumn::FIGURES.map(|column| {
        let path = Months::path(n, Some(column));
        let error = errors
            .iter()
            .any(|e| e.field == path)
            .then(|| format!("e-{}", input_id(&path)));
        let value = form::as_text(row.get(column.key()).unwrap_or(&Value::Null));
        let name = format!("{label} {}", column_name(column, lang));
        html! { <td>{ cell(ctx, i, column, value, name, error) }</td> }
    });
    html! {
        <tr>
            <th scope="row" id={input_id(&Months::path(n, Some(MonthColumn::Month)))} tabindex="-1">
                { label.clone() }
                if let Some(line) = line { <span class="hint months-grid__line">{ words::line(line, lang) }</span> }
            </th>
            { for cells }
        </tr>
    }
}

fn column_name(column: MonthColumn, lang: Lang) -> &'static str {
    pick(
        match column {
            MonthColumn::Month => words::MONTH,
            MonthColumn::Insured => words::INSURED,
            MonthColumn::Due => words::DUE,
            MonthColumn::Paid => words::PAID,
        },
        lang,
    )
}

/// One cell. Stored when it is left (on change), tidied as the engine
/// reads it (7,170.00 → 7170.00): while typed, it shows as typed.
fn cell(
    ctx: &Ctx,
    row: usize,
    column: MonthColumn,
    value: String,
    label: String,
    error: Option<String>,
) -> Html {
    let dispatch = ctx.dispatch.clone();
    let onchange = Callback::from(move |e: Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        let value = input.value();
        dispatch.dispatch(Action::SetMonthCell { row, column, value });
    });
    let id = input_id(&Months::path(row + 1, Some(column)));
    html! {
        <input class="input input--cell" type="text" {id} {value} {onchange}
            inputmode={if column == MonthColumn::Insured { "numeric" } else { "decimal" }}
            autocomplete="off" spellcheck="false" aria-label={label}
            aria-invalid={error.is_some().then_some("true")} aria-describedby={error} />
    }
}

/// The statement's line each month was read from.
fn lines(statement: &Value) -> [Option<u64>; Months::ROWS] {
    let mut lines = [None; Months::ROWS];
    for row in statement["rows"].as_array().into_iter().flatten() {
        let month = row["month"].as_u64().unwrap_or_default() as usize;
        if let Some(slot) = month.checked_sub(1).and_then(|i| lines.get_mut(i)) {
            *slot = row["line"].as_u64();
        }
    }
    lines
}
