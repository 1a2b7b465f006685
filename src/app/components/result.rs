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
use crate::app::text::{self, t, STAGES};
use crate::field::Field;
use crate::messages::app::{self as app_words, pick};
use crate::messages::criteria::percent;
use crate::messages::summary::{self, group_thousands, Standing};
use crate::policy::{Procedure, RateKind};
use crate::refund::Route;
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
    // In English, the Chinese clauses get their glosses from the second
    // module (the table is not in the first load).
    let glosses = use_state(|| None::<std::rc::Rc<serde_json::Value>>);
    {
        let glosses = glosses.clone();
        use_effect_with(lang, move |lang| {
            if *lang == Lang::En && glosses.is_none() {
                wasm_bindgen_futures::spawn_local(async move {
                    if let Ok(text) = later::call("wengangGlosses", &[]).await {
                        if let Ok(table) = serde_json::from_str(&text) {
                            glosses.set(Some(std::rc::Rc::new(table)));
                        }
                    }
                });
            }
        });
    }
    let glosses = (*glosses).clone();
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
    let suzhou = in_suzhou(ctx);
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
            { next_steps(r, automatic, suzhou, rate_class.is_some(), lang) }
            { hardship(r, lang) }
            { notices(r) }
            <details class="details" id="working">
                <summary class="details__summary" id="working-summary">{ t(lang, "逐项判定、计算过程和政策依据", "Each criterion, the working and the legal sources") }</summary>
                { unconfirmed(r, lang, glosses.as_deref()) }
                if eligible {
                    { refund_breakdown(ctx, r, lang) }
                }
                <ul class="criteria" id="criteria">{ for r.criteria.iter().map(|c| criterion(c, lang, glosses.as_deref())) }</ul>
                { profile(r, lang) }
            </details>
            { actions(ctx, r, automatic, lang, on_export, on_send, on_print) }
            if let Some(e) = (*export_error).clone() {
                <p class="error-message" role="alert">{ e }</p>
            }
            <p class="body" id="export-done" role="status">{ (*exported).as_deref().map(|f| app_words::saved_as(f, lang)).unwrap_or_default() }</p>
        </div>
    }
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

/// What to do next: apply (and how), or, under 免申即享, what to check;
/// and whom to ask.
fn next_steps(r: &Report, automatic: bool, suzhou: bool, outright: bool, lang: Lang) -> Html {
    let steps: Html = match (r.eligible, automatic) {
        (Some(true), true) => checklist(outright, lang),
        (Some(true), false) => route(r, lang),
        (Some(false), true) => html! {
            <ul class="list list--bullet">
                <li>{ t(lang,
                    "按所填数据，单位不会出现在拟返还名单上。如数据有误（例如参保人数或缴费记录），请先向社保经办机构核对记录。",
                    "On these figures the unit will not be on the list of units to be refunded. If a figure is wrong (the insured counts or the premium records), check the records with the social-insurance office first.") }</li>
                <li>{ t(lang,
                    "公示期内发现遗漏的，可凭导出的自查记录提出异议。",
                    "If you find the unit wrongly left out during the notice period, object with the exported self-check record.") }</li>
            </ul>
        },
        (Some(false), false) => html! {
            <ul class="list list--bullet">
                <li>{ t(lang,
                    "按所填数据不符合条件，不需要提交申请。如数据有误，请改正后重新预审。",
                    "On these figures the unit does not qualify, so there is nothing to submit. If a figure is wrong, correct it and check again.") }</li>
                <li>{ t(lang,
                    "可保存本次自查记录，日后核对或咨询时使用。",
                    "You can save this self-check record to compare or ask about later.") }</li>
            </ul>
        },
        (None, _) => html! {
            <ul class="list list--bullet">
                <li>{ t(lang,
                    "暂时无法判定：请补全上面所说的信息，或向经办机构确认未知的政策参数。",
                    "No decision yet: give what is said above, or ask the office about the unknown policy values.") }</li>
            </ul>
        },
    };
    html! {
        <section id="next-steps">
            <h2 class="heading-m">{ t(lang, "接下来怎么做", "What to do next") }</h2>
            { steps }
            { contacts(suzhou, lang) }
        </section>
    }
}

/// Whom to ask: Suzhou's published contacts with their source's date;
/// elsewhere 12333, never an invented number.
fn contacts(suzhou: bool, lang: Lang) -> Html {
    let text = if suzhou {
        pick(app_words::SUZHOU_CONTACTS, lang)
    } else {
        pick(app_words::OTHER_CONTACTS, lang)
    };
    html! { <p class="body" id="contacts">{ text }</p> }
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

fn unconfirmed(r: &Report, lang: Lang, glosses: Option<&serde_json::Value>) -> Html {
    if r.unconfirmed.is_empty() && r.unknown.is_empty() {
        return Html::default();
    }
    html! {
        <div class="inset inset--warning" id="unconfirmed">
            <h2 class="heading-s">{ t(lang, "请注意：部分政策参数未经确认", "Note: some policy parameters are not confirmed") }</h2>
            if !r.unknown.is_empty() {
                <p>{ t(lang, "以下参数数值未知，相关判定暂无法作出：", "These values are unknown, so what depends on them cannot be decided:") }
                    { names(&r.unknown, lang) }</p>
            }
            <ul>
                { for r.unconfirmed.iter().map(|u| {
                    let source = format!("{} — {}", u.source.document, u.source.clause);
                    html! {
                        <li><span class="tag tag--unconfirmed">{ t(lang, "未确认", "Unconfirmed") }</span>
                            { " " }{ app_words::labelled(text::parameter(&u.used_for, lang), &source, lang) }
                            if let Some(gloss) = gloss(glosses, &u.source.clause, lang) {
                                <span class="hint" lang="en">{ format!(" “{gloss}”") }</span>
                            }
                        </li>
                    }
                }) }
            </ul>
            <p class="hint">{ t(lang, "结果仅供预审参考，以人社部门审核为准。", "This is a pre-check; the human-resources bureau's review decides.") }</p>
        </div>
    }
}

fn refund_breakdown(ctx: &Ctx, r: &Report, lang: Lang) -> Html {
    // The rate as the engine decided it: the report's decimal ratio.
    let rate = r
        .refund_rate
        .as_deref()
        .and_then(|rate| rate.parse::<rust_decimal::Decimal>().ok());
    let (Some(base), Some(rate), Some(exact)) = (&r.refund_base, rate, &r.refund_unrounded) else {
        return Html::default();
    };
    // Left blank, the premiums are the monthly rows' sum (the engine's).
    let premiums = form::as_text(form::get(
        &ctx.state.application,
        Field::PremiumsPaid.path(),
    ));
    let from_rows = premiums.trim().is_empty();
    let premiums = match r
        .derived
        .iter()
        .find(|d| d.field == Field::PremiumsPaid.path())
    {
        Some(d) if from_rows => d.value.clone(),
        _ => premiums,
    };
    let arrears = form::as_text(form::get(
        &ctx.state.application,
        Field::ArrearsAndLateFees.path(),
    ));
    let yuan = |s: &str| format!("{} {}", group_thousands(s), t(lang, "元", "yuan"));
    let refund = r.refund.clone().unwrap_or_default();
    html! {
        <section>
            <h2 class="heading-m">{ t(lang, "返还金额怎么算", "How the refund is computed") }</h2>
            <table class="table" id="refund-breakdown">
                <tbody>
                    <tr><th scope="row">{ t(lang, "上年度实际缴纳失业保险费", "Premiums paid last year") }
                        if from_rows { <span class="hint">{ app_words::bracketed("", pick(app_words::FROM_ROWS, lang), lang) }</span> }
                    </th><td>{ yuan(&premiums) }</td></tr>
                    <tr><th scope="row">{ t(lang, "减：补缴历年欠费和滞纳金", "Less back payments and late fees") }</th><td>{ yuan(&arrears) }</td></tr>
                    <tr><th scope="row">{ t(lang, "返还基数", "Refund base") }</th><td>{ yuan(base) }</td></tr>
                    <tr><th scope="row">{ app_words::bracketed(t(lang, "返还比例", "Refund rate"), &size_class(r, lang), lang) }</th><td>{ percent(rate) }</td></tr>
                    <tr><th scope="row">{ t(lang, "基数 × 比例", "Base × rate") }</th><td>{ yuan(exact) }</td></tr>
                    <tr><th scope="row">{ t(lang, "四舍五入到分", "Rounded half away from zero to the fen") }</th><td>{ yuan(&refund) }</td></tr>
                </tbody>
            </table>
            if r.eligible == Some(false) {
                <p class="hint">{ t(lang, "不符合条件，返还金额为 0。", "Not eligible, so the refund is 0.") }</p>
            }
        </section>
    }
}

fn size_class(r: &Report, lang: Lang) -> String {
    let size = r.size.map(|s| text::size(s, lang));
    let class = match r.rate_class {
        Some(crate::policy::RateClass::Large) => t(lang, "按大型企业比例", "large-unit rate"),
        Some(crate::policy::RateClass::Sme) => t(lang, "按中小微企业比例", "SME rate"),
        None => "",
    };
    match size {
        Some(size) => [size, class].join(t(lang, "，", ", ")),
        None => class.to_owned(),
    }
}

/// One criterion with its numbers and source; in English the source's
/// Chinese clause is followed by its gloss, once the table has arrived.
fn criterion(c: &CriterionReport, lang: Lang, glosses: Option<&serde_json::Value>) -> Html {
    let gloss = gloss(glosses, &c.source.clause, lang);
    let (mark, class, status) = match c.passed {
        Some(true) => ("✓", "criterion criterion--passed", t(lang, "符合", "Met")),
        Some(false) => (
            "✗",
            "criterion criterion--failed",
            t(lang, "不符合", "Not met"),
        ),
        None => (
            "?",
            "criterion criterion--unknown",
            t(lang, "无法判定", "Cannot decide"),
        ),
    };
    html! {
        <li class={class} id={format!("criterion-{}", c.id)}>
            <p class="criterion__title"><span aria-hidden="true" class="criterion__mark">{ mark }</span>
                { text::criterion(&c.id, lang) }<span class="criterion__status">{ app_words::status(status, lang) }</span></p>
            <p class="criterion__explanation">{ &c.explanation }</p>
            <p class="criterion__source">
                { t(lang, "依据：", "Source: ") }{ &c.source.document }{ " — " }{ &c.source.clause }
                if !c.source.confirmed {
                    <span class="tag tag--unconfirmed">{ t(lang, "未确认", "Unconfirmed") }</span>
                }
            </p>
            if let Some(gloss) = gloss {
                <p class="criterion__gloss hint" lang="en">{ format!("“{gloss}”") }</p>
            }
        </li>
    }
}

fn hardship(r: &Report, lang: Lang) -> Html {
    let Some(h) = &r.hardship else {
        return Html::default();
    };
    use crate::eligibility::HardshipStatus::*;
    let status = match h.status {
        Computed => t(
            lang,
            "可按困难企业标准计算",
            "Computed on the hardship path",
        ),
        ConditionsNotMet => t(lang, "不满足困难企业条件", "Hardship conditions not met"),
        CannotCompute => t(
            lang,
            "所需参数未确认，暂无法计算金额",
            "A parameter is not confirmed: the amount cannot be computed",
        ),
        NotCovered => t(
            lang,
            "所选政策不含困难企业返还",
            "The chosen policy has no hardship path",
        ),
    };
    html! {
        <section id="hardship-result">
            <h2 class="heading-m">{ t(lang, "困难企业返还", "Hardship path") }</h2>
            <p class="body">{ status }</p>
            <ul class="criteria">{ for h.conditions.iter().map(|c| criterion(c, lang, None)) }</ul>
            <ul class="list">
                { for h.amounts.iter().map(|a| {
                    let name = if a.formula == "benefit" {
                        t(lang, "按失业保险金标准（月数 × 月人均失业保险金 × 参保人数）", "Benefit formula (months × monthly benefit × insured)")
                    } else {
                        t(lang, "按社会保险费标准（月数 × 比例 × 每月应缴社会保险费）", "Contribution formula (months × share × monthly contributions)")
                    };
                    let amount = match &a.amount {
                        Some(v) => format!("{} {}", group_thousands(v), t(lang, "元", "yuan")),
                        None => app_words::bracketed(t(lang, "无法计算", "cannot be computed"), &names(&a.missing, lang), lang),
                    };
                    html! { <li>{ name }{ t(lang, "：", ": ") }<strong>{ amount }</strong></li> }
                }) }
            </ul>
        </section>
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

/// 免申即享: nothing to submit; what the enterprise should check instead.
fn checklist(outright: bool, lang: Lang) -> Html {
    html! {
        <section id="automatic-checklist">
            <h2 class="heading-m">{ t(lang, "免申即享：无需提交申请，请核对以下事项", "Paid without application: nothing to submit; check these instead") }</h2>
            <ul class="list list--bullet">
                <li>{ t(lang,
                    "收款账户：经办机构把返还款直接拨付到单位在社保或税务部门登记的银行账户（没有对公账户的，拨付到缴纳社保费的账户）。请确认该账户正确、可用。",
                    "Bank account: the office pays straight to the account on file with the social-insurance or tax office (without a corporate account, to the account premiums are paid from). Check that it is right and open.") }</li>
                // A unit the rules class outright has no size to check.
                if !outright {
                    <li>{ t(lang,
                        "企业划型：经办机构按其自己的划型（大型或中小微）确定返还比例，本工具的规模只是估计。请向经办机构核实划型。",
                        "Size classification: the office applies its own classification (large or SME), which sets the rate; this tool's size is an estimate. Check it with the office.") }</li>
                }
                <li>{ t(lang,
                    "公示名单：留意经办机构公布的拟返还名单和公示期；不在名单上或金额不符的，在公示期内提出异议，并以本工具导出的自查记录作为依据。",
                    "The public notice: watch for the office's list of units to be refunded and its notice period; if you are missing or the amount differs, object within that period, using this tool's exported self-check record as evidence.") }</li>
            </ul>
        </section>
    }
}

fn route(r: &Report, lang: Lang) -> Html {
    let Some(route) = r.route else {
        return Html::default();
    };
    if route == Route::None {
        return Html::default();
    }
    let review = route == Route::GovernmentReview;
    let text = match (review, r.review_threshold.as_deref()) {
        (true, Some(limit)) => match lang {
            Lang::Zh => format!("返还金额达到 {} 元，须报市政府审议。", group_thousands(limit)),
            Lang::En => format!("The refund reaches {} yuan, so it goes to the municipal government for deliberation.", group_thousands(limit)),
        },
        _ => t(lang, "按一般程序办理。", "It follows the standard procedure.").to_owned(),
    };
    html! {
        <section id="route">
            <h2 class="heading-m">{ t(lang, "接下来的办理环节", "What happens next") }</h2>
            <p class="body" id="route-text">{ text }</p>
            <ol class="stages">
                { for STAGES.iter().enumerate().map(|(i, (zh, en))| {
                    let skipped = i == 4 && !review;
                    html! {
                        <li class={classes!("stage", skipped.then_some("stage--skipped"), (i == 4 && review).then_some("stage--highlight"))}>
                            { if lang == Lang::Zh { *zh } else { *en } }
                            if skipped { <span class="hint">{ t(lang, "（本申请不需要）", " (not needed here)") }</span> }
                        </li>
                    }
                }) }
            </ol>
        </section>
    }
}

fn profile(r: &Report, lang: Lang) -> Html {
    let Some(p) = &r.profile else {
        return Html::default();
    };
    html! {
        <section class="profile" id="profile-info">
            <h2 class="heading-s">{ t(lang, "所用政策档案", "Policy profile used") }</h2>
            <p class="hint">
                { match lang {
                    Lang::Zh => format!("{}，版本 {}，有效期 {} – {}", p.name, p.version, p.valid_from, p.valid_to),
                    Lang::En => format!("{}, version {}, valid {} – {}", p.name, p.version, p.valid_from, p.valid_to),
                } }
            </p>
            <p class="hint" id="engine-version">
                { format!("{} {}", t(lang, "预审引擎版本", "Engine version"), crate::ENGINE_VERSION) }
            </p>
        </section>
    }
}

/// Parameter names as a reader knows them, joined.
fn names(names: &[String], lang: Lang) -> String {
    let separator = if lang == Lang::Zh { "、" } else { ", " };
    names
        .iter()
        .map(|n| text::parameter(n, lang))
        .collect::<Vec<_>>()
        .join(separator)
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

/// The English gloss of a quoted Chinese clause, once the table has
/// arrived (English only).
fn gloss(glosses: Option<&serde_json::Value>, clause: &str, lang: Lang) -> Option<String> {
    glosses
        .filter(|_| lang == Lang::En)
        .and_then(|g| g.get(clause))
        .and_then(|g| g.as_str())
        .map(str::to_owned)
}
