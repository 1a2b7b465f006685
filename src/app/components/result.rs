//! The result, answer first: the decision with the amount or the one
//! failing rule in plain words and the gap, then what to do next and whom
//! to ask; the working (each criterion with its numbers and source, the
//! refund computation, the profile) folds away below. An ineligible
//! result offers to save the record, not to submit it.

use yew::prelude::*;

use super::Ctx;
use crate::app::files;
use crate::app::form::{self, Page};
use crate::app::later::{self, Unavailable};
use crate::app::state::Action;
use crate::app::text::{self, t};
use crate::field::Field;
use crate::messages::app::{self as app_words, pick};
use crate::messages::summary::{self, group_thousands, Standing};
use crate::policy::{Procedure, RateKind};
use crate::report::{CriterionReport, Report};
use crate::Lang;

#[function_component(ResultPage)]
pub fn result_page(ctx: &Ctx) -> Html {
    let lang = ctx.state.lang;
    let r = &*ctx.report;
    let export_error = use_state(|| None::<String>);
    // The file saved, said once it is (its name, and where it went).
    let exported = use_state(|| None::<String>);
    let on_back = super::back_on_click(&ctx.dispatch);
    // The submission file comes from the second module (its digest code
    // is not in the first load); a failure is said under the buttons.
    let on_export = {
        let application = ctx.state.application.clone();
        let export_error = export_error.clone();
        let exported = exported.clone();
        let lang = ctx.state.lang;
        Callback::from(move |_| {
            let application = application.clone();
            let export_error = export_error.clone();
            let exported = exported.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let json = serde_json::to_string(&application).unwrap_or_default();
                let outcome = match later::submission(&json).await {
                    Ok(text) => {
                        let name =
                            form::as_text(form::get(&application, Field::ApplicantName.path()));
                        let date =
                            form::as_text(form::get(&application, Field::CommitmentDate.path()));
                        let file = files::file_name(&name, &date);
                        files::download(&file, &text).map(|()| file)
                    }
                    Err(e) => Err(unavailable(&e, lang)),
                };
                match outcome {
                    Ok(file) => {
                        export_error.set(None);
                        exported.set(Some(file));
                    }
                    Err(e) => {
                        exported.set(None);
                        export_error.set(Some(e));
                    }
                }
            });
        })
    };
    let on_send = {
        let application = ctx.state.application.clone();
        let origin = ctx.state.embedded.clone();
        let dispatch = ctx.dispatch.clone();
        let export_error = export_error.clone();
        let lang = ctx.state.lang;
        Callback::from(move |_| {
            let Some(origin) = origin.clone() else {
                return;
            };
            let json = serde_json::to_string(&application).unwrap_or_default();
            let dispatch = dispatch.clone();
            let export_error = export_error.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let submission = later::submission(&json)
                    .await
                    .map_err(|e| unavailable(&e, lang))
                    .and_then(|text| {
                        serde_json::from_str::<serde_json::Value>(&text).map_err(|e| e.to_string())
                    });
                match submission {
                    Ok(submission) => {
                        let message = serde_json::json!({ "type": "wengang:submission", "submission": submission });
                        crate::app::embed::post(&origin, &message);
                        dispatch.dispatch(Action::Notify(crate::app::state::Notice::SentToPortal));
                    }
                    Err(e) => export_error.set(Some(e)),
                }
            });
        })
    };
    // The working and the hardship path come from the second module as
    // HTML (their words and layout are not in the first load), once the
    // answer is shown; in English with each clause glossed.
    let fragments = use_state(|| None::<Fragments>);
    let suzhou = in_suzhou(ctx);
    {
        let fragments = fragments.clone();
        let json = serde_json::to_string(&ctx.state.application).unwrap_or_default();
        use_effect_with((json, lang, suzhou), move |(json, lang, suzhou)| {
            let lang = *lang;
            let args = [
                wasm_bindgen::JsValue::from_str(json),
                wasm_bindgen::JsValue::from_str(if lang == Lang::Zh { "zh" } else { "en" }),
                wasm_bindgen::JsValue::from_bool(*suzhou),
            ];
            wasm_bindgen_futures::spawn_local(async move {
                let parts = later::call("wengangWorking", &args)
                    .await
                    .ok()
                    .and_then(|text| serde_json::from_str::<serde_json::Value>(&text).ok());
                let part = |key: &str| match &parts {
                    Some(p) => AttrValue::from(p[key].as_str().unwrap_or_default().to_owned()),
                    // No second module (or it failed): said, with whom to ask.
                    None if key == "next" => AttrValue::from(format!(
                        "<section id=\"next-steps\"><p class=\"body\">{}</p></section>",
                        pick(app_words::WORKING_UNAVAILABLE, lang)
                    )),
                    None => AttrValue::default(),
                };
                fragments.set(Some(Fragments {
                    next: part("next"),
                    working: part("working"),
                    hardship: part("hardship"),
                }));
            });
        });
    }
    let on_print = {
        let dispatch = ctx.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::Goto(Page::Print)))
    };
    let automatic = r.procedure == Some(Procedure::Automatic);
    let eligible = r.eligible == Some(true);
    // The refund the figures would give if eligible: what is at stake
    // (base × rate, rounded as the engine rounds; read from the report).
    let at_stake = r
        .refund_unrounded
        .as_deref()
        .and_then(|exact| exact.parse().ok())
        .map(|exact| crate::refund::round_yuan(exact).to_string());
    // Provisional rules, or another year's: the answer is what they would
    // give, said in the headline itself (never a block further down).
    let caveat = caveat(ctx, r, lang);
    let (heading, panel_class) = match (r.eligible, caveat.is_some()) {
        (Some(true), false) => (
            t(lang, "符合稳岗返还条件", "Eligible for the refund"),
            "panel panel--eligible",
        ),
        (Some(true), true) => (
            pick(app_words::LIKELY_ELIGIBLE, lang),
            "panel panel--provisional",
        ),
        (Some(false), false) => (
            t(lang, "不符合稳岗返还条件", "Not eligible"),
            "panel panel--not-eligible",
        ),
        (Some(false), true) => (
            pick(app_words::LIKELY_NOT_ELIGIBLE, lang),
            "panel panel--not-eligible",
        ),
        (None, _) => (
            t(lang, "暂时无法判定", "No decision yet"),
            "panel panel--undecided",
        ),
    };
    // A unit the rules class outright: its class, rate and source, first.
    let rate_class = r.notices.iter().find(|n| n.code == UNIT_TREATMENT);
    let amount_shown = eligible && r.refund.is_some();
    html! {
        <div class="result">
            <button type="button" class="back-link no-print" onclick={on_back}>{ t(lang, "返回核对答案", "Back to your answers") }</button>
            <div class={panel_class} id="result-panel">
                <h1 class="panel__title" id="page-heading" tabindex="-1">{ heading }</h1>
                if let (true, Some(refund)) = (eligible, r.refund.as_ref()) {
                    <p class="panel__amount" id="refund-amount">{ app_words::amount(&group_thousands(refund), r.refund_rate_kind == Some(RateKind::Cap), caveat.as_deref(), lang) }</p>
                } else if let Some(standing) = &r.standing {
                    // No amount to carry it: how the rules stand, first.
                    <p class="panel__standing" id="standing"><span class="tag tag--unconfirmed">{ standing.trim_end_matches(['：', ':', ' ']) }</span></p>
                }
                if let Some(n) = rate_class {
                    <p class="panel__body" id="rate-class">{ &n.message }</p>
                }
                if let (true, Some(n)) = (eligible, r.margin) {
                    <p class="panel__body" id="margin">{ app_words::margin(n, lang) }</p>
                }
                // The amount says it already; when not eligible, the reason
                // below says it better than the summary's "see below".
                if r.eligible != Some(false) && !amount_shown {
                    <p class="panel__body" id="summary">{ &r.summary }</p>
                }
                { reason(r, at_stake.as_deref(), lang) }
            </div>
            { (*fragments).as_ref().map(|f| Html::from_html_unchecked(f.next.clone())).unwrap_or_default() }
            { (*fragments).as_ref().map(|f| Html::from_html_unchecked(f.hardship.clone())).unwrap_or_default() }
            { notices(r) }
            <details class="details" id="working">
                <summary class="details__summary" id="working-summary">{ t(lang, "逐项判定、计算过程和政策依据", "Each criterion, the working and the legal sources") }</summary>
                { match &*fragments {
                    Some(f) => Html::from_html_unchecked(f.working.clone()),
                    None => html! { <p class="hint" role="status">{ pick(app_words::WORKING_LOADING, lang) }</p> },
                } }
            </details>
            { actions(ctx, r, automatic, lang, on_export, on_send, on_print) }
            if let Some(e) = (*export_error).clone() {
                <p class="error-message" role="alert">{ e }</p>
            }
            <p class="body" id="export-done" role="status">{ (*exported).as_deref().map(|f| app_words::saved_as(f, lang)).unwrap_or_default() }</p>
        </div>
    }
}

/// The working and the hardship path, as the second module makes them.
#[derive(Clone, PartialEq)]
struct Fragments {
    next: AttrValue,
    working: AttrValue,
    hardship: AttrValue,
}

/// The notice of a unit the rules class outright (shown in the headline).
const UNIT_TREATMENT: &str = "rate_class.by_unit_type";

/// How the rules stand in a few words, for after the amount ("暂按 2026
/// 年待核实规则"); `None` for published rules of the user's own year.
fn caveat(ctx: &Ctx, r: &Report, lang: Lang) -> Option<String> {
    let rules = crate::policy::find(&r.profile.as_ref()?.id).ok()?;
    let year = form::as_text(form::get(&ctx.state.application, Field::Year.path()))
        .trim()
        .parse()
        .ok();
    summary::caveat(Standing::of(&rules.profile, year), lang)
}

/// Is the unit in Suzhou (its credit code's division, else the place
/// chosen)? Its contacts are the ones Suzhou published.
fn in_suzhou(ctx: &Ctx) -> bool {
    crate::app::state::places(&ctx.state.application, &ctx.state.place).first() == Some(&"suzhou")
}

/// Why not, in plain words: the failing rule (and how many others), the
/// gap, and the refund it would have meant; or what keeps it undecided.
fn reason(r: &Report, at_stake: Option<&str>, lang: Lang) -> Html {
    let failed: Vec<&CriterionReport> = r
        .criteria
        .iter()
        .filter(|c| c.passed == Some(false))
        .collect();
    let Some(first) = failed.first() else {
        if r.eligible.is_none() && r.valid {
            let open: Vec<&CriterionReport> =
                r.criteria.iter().filter(|c| c.passed.is_none()).collect();
            return html! {
                <div id="reason">
                    { for open.iter().map(|c| html! {
                        <p class="panel__reason"><strong>{ text::criterion(&c.id, lang) }{ t(lang, "：", ": ") }</strong>{ &c.explanation }</p>
                    }) }
                </div>
            };
        }
        return Html::default();
    };
    let others = failed.len() - 1;
    let layoff_failed = failed.iter().any(|c| c.id == "layoff_rate");
    let gap = match (layoff_failed, r.gap) {
        (true, Some(n)) => Some(match (lang, others) {
            (Lang::Zh, 0) => format!("在月平均参保人数不变的情况下，上年度少减员 {n} 人即可达到裁员率标准。"),
            (Lang::Zh, _) => format!("在月平均参保人数不变的情况下，少减员 {n} 人即可达到裁员率标准，但还有其他不符合项。"),
            (Lang::En, 0) => format!("With the monthly average unchanged, {n} fewer {} last year would have met the layoff-rate standard.", if n == 1 { "departure" } else { "departures" }),
            (Lang::En, _) => format!("With the monthly average unchanged, {n} fewer {} would have met the layoff-rate standard, but other criteria are not met either.", if n == 1 { "departure" } else { "departures" }),
        }),
        _ => None,
    };
    let stake = at_stake.filter(|a| *a != "0.00").map(|amount| match lang {
        Lang::Zh => format!(
            "如符合条件，按所填数据可返还 {} 元。",
            group_thousands(amount)
        ),
        Lang::En => format!(
            "Had it qualified, these figures would give a refund of {} yuan.",
            group_thousands(amount)
        ),
    });
    html! {
        <div id="reason">
            <p class="panel__reason" id="failed-rule"><strong>{ t(lang, "原因：", "Why: ") }{ text::criterion(&first.id, lang) }{ t(lang, "。", ". ") }</strong>{ &first.explanation }</p>
            if others > 0 {
                <p class="panel__reason">{ match lang {
                    Lang::Zh => format!("另有 {others} 项不符合，见下方逐项判定。"),
                    Lang::En => format!("{others} more {} not met: see each criterion below.", if others == 1 { "criterion is" } else { "criteria are" }),
                } }</p>
            }
            if let Some(gap) = gap {
                <p class="panel__reason" id="gap">{ gap }</p>
            }
            if let Some(stake) = stake {
                <p class="panel__reason" id="at-stake">{ stake }</p>
            }
        </div>
    }
}

/// Save, send, print: a submission for an eligible application, a record
/// to keep otherwise.
fn actions(
    ctx: &Ctx,
    r: &Report,
    automatic: bool,
    lang: Lang,
    on_export: Callback<MouseEvent>,
    on_send: Callback<MouseEvent>,
    on_print: Callback<MouseEvent>,
) -> Html {
    // Undecided (e.g. the hardship path) still goes to the office to decide.
    let submit = r.eligible != Some(false) && !automatic;
    let heading = if submit {
        t(lang, "保存和提交", "Save and submit")
    } else {
        t(lang, "保存我的自查记录", "Save my record")
    };
    let export_label = if submit {
        t(
            lang,
            "导出提交文件（.json）",
            "Export the submission (.json)",
        )
    } else {
        t(
            lang,
            "保存我的自查记录（.json，可验证）",
            "Save my record (.json, verifiable)",
        )
    };
    html! {
        <>
            <h2 class="heading-m no-print">{ heading }</h2>
            <div class="actions no-print">
                if ctx.state.embedded.is_some() && submit {
                    <button type="button" class="button" id="send-to-portal" onclick={on_send} disabled={!r.valid}>
                        { t(lang, "发送到门户", "Send to the portal") }
                    </button>
                }
                <button type="button" class="button" id="export" onclick={on_export} disabled={!r.valid}>
                    { export_label }
                </button>
                if r.eligible != Some(false) {
                    <button type="button" class="button button--secondary" id="print" onclick={on_print} disabled={!r.valid}>
                        { if automatic {
                            t(lang, "打印自查记录", "Print the self-check record")
                        } else {
                            t(lang, "打印申请表和承诺书", "Print the form and commitment")
                        } }
                    </button>
                }
                <super::import::Import ..ctx.clone() />
            </div>
        </>
    }
}

/// The report's notices (size source, procedure, dates without rules).
fn notices(r: &Report) -> Html {
    if r.notices.is_empty() {
        return Html::default();
    }
    html! {
        <ul class="list notices" id="notices">
            { for r.notices.iter().filter(|n| n.code != UNIT_TREATMENT).map(|n| html! {
                <li class={classes!("notice", (n.level == "warning").then_some("notice--warning"))} data-code={n.code.clone()}>{ &n.message }</li>
            }) }
        </ul>
    }
}

/// Why the file could not be made, for the line under the buttons.
fn unavailable(e: &Unavailable, lang: Lang) -> String {
    match e {
        Unavailable::Missing => t(
            lang,
            "此版本不含生成文件的模块，无法导出；请用网页版或命令行 wengang submit。",
            "This copy was built without the module that makes the file: use the web app or the command line (wengang submit).",
        )
        .to_owned(),
        Unavailable::Failed(reason) => match lang {
            Lang::Zh => format!("无法生成文件：{reason}"),
            Lang::En => format!("The file could not be made: {reason}"),
        },
    }
}
