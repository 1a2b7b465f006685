//! A question page: heading, error summary, its questions, back and continue.

use yew::prelude::*;

use super::error_summary::ErrorSummary;
use super::proposal::proposal;
use super::question::Question;
use super::Ctx;
use crate::app::form::{self, input_id, Page};
use crate::app::state::Action;
use crate::app::text::t;
use crate::field::{Field, Section};
use crate::{policy, Lang};

#[function_component(QuestionPage)]
pub fn question_page(ctx: &Ctx) -> Html {
    let state = &ctx.state;
    let lang = state.lang;
    let page = state.page;
    let pages = state.pages();
    let step = pages.iter().position(|p| *p == page).map_or(1, |i| i + 1);
    let blocking: Vec<_> = state
        .blocking(&ctx.report, page)
        .into_iter()
        .cloned()
        .collect();
    let show_summary = state.attempted.contains(&page) && !blocking.is_empty();
    let on_submit = super::continue_on_submit(&ctx.dispatch);
    let on_back = super::back_on_click(&ctx.dispatch);
    let taking_hardship = !form::get(&state.application, Section::Hardship.name()).is_null();
    let mut questions: Vec<Html> = Vec::new();
    for f in page
        .fields()
        .iter()
        .filter(|_| page != Page::Hardship || taking_hardship)
        .filter(|f| state.asks(f.field))
    {
        questions.push(html! { <Question key={f.path()} prompt={*f} ctx={ctx.clone()} /> });
        // The proposal right below what it is proposed from.
        if matches!(f.field, Field::Policy | Field::CreditCode) {
            questions.push(
                html! { <div key={"proposal"} aria-live="polite">{ proposal(ctx, page) }</div> },
            );
        }
    }
    html! {
        <div class={classes!("question-page", format!("page--{}", page.slug()))}>
            if step > 1 || state.returning {
                <button type="button" class="back-link" onclick={on_back}>{ t(lang, "返回", "Back") }</button>
            }
            if show_summary {
                <ErrorSummary issues={blocking} {lang} />
            }
            <p class="caption">{ step_caption(step, pages.len(), lang) }</p>
            <h1 class="heading" id="page-heading" tabindex="-1">{ page.title(lang) }</h1>
            <form novalidate=true onsubmit={on_submit}>
                { intro(ctx, page) }
                { for questions }
                <button type="submit" class="button" id="continue">
                    { if state.returning { t(lang, "保存并返回核对", "Save and return to check") } else { t(lang, "继续", "Continue") } }
                </button>
            </form>
            if page == Page::Policy {
                <super::import::Import ..ctx.clone() />
            }
        </div>
    }
}

fn step_caption(step: usize, of: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("第 {step} 步，共 {of} 步"),
        Lang::En => format!("Step {step} of {of}"),
    }
}

/// What a page says before its questions.
fn intro(ctx: &Ctx, page: Page) -> Html {
    let lang = ctx.state.lang;
    match page {
        Page::Policy => place(ctx),
        Page::Headcount => html! {
            <>
                <p class="body">{ t(lang,
                    "请按社保经办机构的参保记录填写上一年度的人数。裁员率 =（年初人数 − 年末人数）÷ 月平均参保人数，具体口径以所选政策为准。",
                    "Use the social-insurance agency's records for last year. Layoff rate = (start − end) ÷ monthly average insured; the chosen policy sets the exact formula.") }</p>
                <super::months::MonthsTable ..ctx.clone() />
            </>
        },
        Page::Declarations => html! {
            <p class="body">{ t(lang,
                "联合会审时，发改、生态环境、信用等部门会核实这些声明。",
                "The joint review checks these declarations with the development, environment and credit authorities.") }</p>
        },
        Page::Hardship => hardship_choice(ctx),
        Page::Commitment => html! { <div class="commitment-text">{ commitment_text(ctx) }</div> },
        _ => Html::default(),
    }
}

fn place(ctx: &Ctx) -> Html {
    let lang = ctx.state.lang;
    let dispatch = ctx.dispatch.clone();
    let onchange = Callback::from(move |e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        dispatch.dispatch(Action::SetPlace(select.value()));
    });
    let current = ctx.state.place.as_str();
    let id = input_id("place");
    html! {
        <div class="form-group">
            <label class="label" for={id.clone()}>{ t(lang, "申请地区", "Where you apply") }</label>
            <select class="select" id={id} {onchange}>
                <option value="suzhou" selected={current == "suzhou"}>{ t(lang, "苏州市", "Suzhou") }</option>
                <option value="jiangsu" selected={current == "jiangsu"}>{ t(lang, "江苏省其他地区", "Elsewhere in Jiangsu") }</option>
                <option value="other" selected={current != "suzhou" && current != "jiangsu"}>{ t(lang, "其他地区（按全国政策）", "Elsewhere (national rules)") }</option>
            </select>
        </div>
    }
}

fn hardship_choice(ctx: &Ctx) -> Html {
    let lang = ctx.state.lang;
    let taking = !form::get(&ctx.state.application, Section::Hardship.name()).is_null();
    let set = |taken: bool| {
        let dispatch = ctx.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::SetHardship(taken)))
    };
    let id = input_id(Section::Hardship.name());
    let missing: Vec<String> = {
        let id = form::as_text(form::get(&ctx.state.application, Field::Policy.path()));
        policy::find(&id)
            .ok()
            .and_then(|p| p.profile.hardship.as_ref())
            .map(|h| {
                let mut missing = Vec::new();
                if h.benefit
                    .as_ref()
                    .is_some_and(|b| b.monthly_benefit.value.is_none())
                {
                    missing.push(
                        t(
                            lang,
                            "当地月人均失业保险金",
                            "the local monthly average unemployment benefit",
                        )
                        .to_owned(),
                    );
                }
                missing
            })
            .unwrap_or_default()
    };
    html! {
        <>
            <p class="body">{ t(lang,
                "面临暂时性生产经营困难且恢复有望、坚持不裁员或少裁员的企业，可按困难企业标准申请。",
                "Units in temporary difficulty with prospects of recovery that keep their staff may apply on the hardship path.") }</p>
            if !missing.is_empty() {
                <p class="inset">{ match lang {
                    Lang::Zh => format!("注意：所选政策的{}尚未确认，按该公式的金额暂时无法计算。", missing.join("、")),
                    Lang::En => format!("Note: {} is not confirmed for this policy, so that formula's amount cannot be computed yet.", missing.join(", ")),
                } }</p>
            }
            <div class="form-group">
                <fieldset class="fieldset">
                    <legend class="label">{ t(lang, "是否按困难企业申请？", "Apply on the hardship path?") }</legend>
                    <div class="radios">
                        <div class="radio">
                            <input type="radio" id={id.clone()} name={Section::Hardship.name()} checked={taking} onchange={set(true)} />
                            <label for={id.clone()}>{ t(lang, "是", "Yes") }</label>
                        </div>
                        <div class="radio">
                            <input type="radio" id={format!("{id}-no")} name={Section::Hardship.name()} checked={!taking} onchange={set(false)} />
                            <label for={format!("{id}-no")}>{ t(lang, "否", "No") }</label>
                        </div>
                    </div>
                </fieldset>
            </div>
        </>
    }
}

/// The commitment letter (承诺书), also printed.
pub fn commitment_text(ctx: &Ctx) -> Html {
    use crate::messages::commitment::{clauses, OPENING, OUR_UNIT};
    let lang = ctx.state.lang;
    let name = form::as_text(form::get(
        &ctx.state.application,
        Field::ApplicantName.path(),
    ));
    let name = if name.trim().is_empty() {
        t(lang, OUR_UNIT.0, OUR_UNIT.1).to_owned()
    } else {
        name
    };
    html! {
        <>
            <p>{ match lang {
                Lang::Zh => format!("{name}{}", OPENING.0),
                Lang::En => format!("{name} {}", OPENING.1),
            } }</p>
            <ol>
                // 免申即享: nothing is applied for; the clerk vouches for the self-check.
                { for clauses(ctx.report.procedure == Some(crate::policy::Procedure::Automatic))
                    .into_iter()
                    .map(|(zh, en)| html! { <li>{ t(lang, zh, en) }</li> }) }
            </ol>
        </>
    }
}
