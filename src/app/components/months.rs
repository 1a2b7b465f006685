//! The optional monthly records table (参保缴费明细): twelve rows typed or
//! pasted from a spreadsheet, and the figures the engine derives from them.

use yew::prelude::*;

use super::Ctx;
use crate::app::form::{self, input_id};
use crate::app::months::{rows, text};
use crate::app::state::Action;
use crate::app::text::t;
use crate::field::Months;
use crate::Severity;

#[function_component(MonthsTable)]
pub fn months_table(ctx: &Ctx) -> Html {
    let lang = ctx.state.lang;
    let table = form::get(&ctx.state.application, Months::PATH);
    let shows = ctx.state.shows_issues_of(Months::PATH);
    let errors: Vec<&crate::report::IssueReport> = ctx
        .report
        .issues
        .iter()
        .filter(|i| {
            shows && i.severity == Severity::Error && Months::parse_path(&i.field).is_some()
        })
        .collect();
    // Typed or pasted, the text is the table: read on every change.
    let oninput = {
        let dispatch = ctx.dispatch.clone();
        Callback::from(move |e: InputEvent| {
            // web-sys reads `value` by name, so a textarea reads as an input does.
            let area: web_sys::HtmlInputElement = e.target_unchecked_into();
            dispatch.dispatch(Action::SetMonths(rows(&area.value())));
        })
    };
    html! {
        <details class="months" open={!table.is_null()}>
            <summary>{ t(lang, "按月填写明细（可选，代替下面的合计）", "Monthly records (optional, instead of the totals)") }</summary>
            <label class="label" for={input_id(Months::PATH)}>{ t(lang, "每月一行：月份、参保人数、应缴、实缴（元），可从表格粘贴", "A line a month: month, insured, due, paid (yuan); paste from a spreadsheet") }</label>
            <textarea class="input input--full" id={input_id(Months::PATH)} rows="6" {oninput} defaultvalue={text(table)}
                aria-invalid={(!errors.is_empty()).then_some("true")} spellcheck="false" />
            { for errors.iter().map(|e| html! { <p class="error-message">{ &e.message }</p> }) }
            <ul class="derived" id="derived" aria-live="polite">
                { for ctx.report.derived.iter().map(|d| html! { <li>{ &d.explanation }</li> }) }
            </ul>
        </details>
    }
}
