//! Check your answers: every answer with a change link, then the result.

use serde_json::Value;
use yew::prelude::*;

use super::Ctx;
use crate::app::form::{self, Kind, Page, Prompt};
use crate::app::state::Action;
use crate::app::text::{self, t};
use crate::application::{Industry, Named, UnitType};
use crate::field::Section;
use crate::messages::app::{self as app_words, pick};
use crate::messages::fields::field_label;
use crate::messages::summary::group_thousands;
use crate::{policy, Lang, Severity};

/// An answer as a person reads it.
pub fn display(prompt: &Prompt, value: &Value, lang: Lang) -> String {
    let raw = form::as_text(value);
    if raw.trim().is_empty() {
        return t(lang, "未填写", "Not answered").to_owned();
    }
    match prompt.kind {
        Kind::YesNo | Kind::Tick => match value.as_bool() {
            Some(true) => t(lang, "是", "Yes").to_owned(),
            Some(false) => t(lang, "否", "No").to_owned(),
            None => raw,
        },
        Kind::Money => format!("{} {}", group_thousands(raw.trim()), t(lang, "元", "yuan")),
        Kind::UnitType => {
            UnitType::from_name(&raw).map_or(raw, |u| text::unit_type(u, lang).to_owned())
        }
        Kind::OfficialSize => crate::policy::RateClass::from_name(&raw)
            .map_or(raw, |c| text::rate_class(c, lang).to_owned()),
        Kind::Industry => {
            Industry::from_name(&raw).map_or(raw, |i| text::industry(i, lang).to_owned())
        }
        // The rules by their name, never their id.
        Kind::Policy => {
            policy::find(&raw).map_or(raw.clone(), |p| p.profile.name.get(lang).to_owned())
        }
        _ => raw,
    }
}

/// The answers of one page as a summary list; `change` adds change links.
pub fn answers(ctx: &Ctx, page: Page, change: bool) -> Html {
    let lang = ctx.state.lang;
    let app = &ctx.state.application;
    let taking_hardship = !form::get(app, Section::Hardship.name()).is_null();
    let mut rows: Vec<Html> = Vec::new();
    if page == Page::Hardship {
        let answer = if taking_hardship {
            t(lang, "是", "Yes")
        } else {
            t(lang, "否", "No")
        };
        rows.push(row(
            ctx,
            page,
            Section::Hardship.name(),
            t(lang, "按困难企业申请", "Hardship path").to_owned(),
            answer.to_owned(),
            false,
            change,
        ));
    }
    for prompt in page
        .fields()
        .iter()
        .filter(|_| page != Page::Hardship || taking_hardship)
        .filter(|f| ctx.state.asks(f.field))
    {
        let path = prompt.path();
        let value = form::get(app, path);
        let has_error = ctx
            .report
            .issues
            .iter()
            .any(|i| i.field == path && i.severity == Severity::Error);
        let mut shown = display(prompt, value, lang);
        // Left blank, a figure the monthly rows give: shown, and said so.
        if form::as_text(value).trim().is_empty() {
            if let Some(d) = ctx.report.derived.iter().find(|d| d.field == path) {
                let figure = super::question::shown_figure(prompt.field, &d.value, lang);
                shown = app_words::bracketed(&figure, pick(app_words::FROM_ROWS, lang), lang);
            }
        }
        if ctx.state.recheck.contains(path) {
            shown.push_str(t(
                lang,
                "（数据年度已更改，请确认）",
                " (the data year changed: confirm it)",
            ));
        }
        rows.push(row(
            ctx,
            page,
            path,
            field_label(prompt.field, lang).to_owned(),
            shown,
            has_error || ctx.state.recheck.contains(path),
            change,
        ));
    }
    html! {
        <>
            <dl class="summary-list">{ for rows }</dl>
            if page == Page::Headcount { { monthly_rows(ctx) } }
        </>
    }
}

/// The monthly rows the figures were derived from, as a table.
fn monthly_rows(ctx: &Ctx) -> Html {
    use crate::field::Months;
    let lang = ctx.state.lang;
    let Some(rows) = form::get(&ctx.state.application, Months::PATH).as_array() else {
        return Html::default();
    };
    if rows.is_empty() {
        return Html::default();
    }
    let cell = |row: &Value, key: &str, money: bool| {
        let text = form::as_text(row.get(key).unwrap_or(&Value::Null));
        if money && !text.is_empty() {
            group_thousands(&text)
        } else {
            text
        }
    };
    html! {
        <table class="table table--rows" id="review-months">
            <caption class="heading-s">{ pick(app_words::MONTHLY_ROWS, lang) }</caption>
            <thead><tr>
                <th scope="col">{ pick(app_words::MONTH, lang) }</th>
                <th scope="col">{ pick(app_words::INSURED, lang) }</th>
                <th scope="col">{ pick(app_words::DUE, lang) }</th>
                <th scope="col">{ pick(app_words::PAID, lang) }</th>
            </tr></thead>
            <tbody>
                { for rows.iter().map(|r| html! {
                    <tr>
                        <th scope="row">{ cell(r, "month", false) }</th>
                        <td>{ cell(r, "insured", false) }</td>
                        <td>{ cell(r, "due", true) }</td>
                        <td>{ cell(r, "paid", true) }</td>
                    </tr>
                }) }
            </tbody>
        </table>
    }
}

fn row(
    ctx: &Ctx,
    page: Page,
    path: &str,
    key: String,
    value: String,
    has_error: bool,
    change: bool,
) -> Html {
    let lang = ctx.state.lang;
    let on_change = {
        let dispatch = ctx.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::Change(page)))
    };
    html! {
        <div class={classes!("summary-list__row", has_error.then_some("summary-list__row--error"))}>
            <dt class="summary-list__key">{ &key }</dt>
            <dd class="summary-list__value">{ value }</dd>
            if change {
                <dd class="summary-list__actions">
                    <button type="button" class="link" id={format!("change-{}", path.replace('.', "-"))} onclick={on_change}>
                        { t(lang, "更改", "Change") }<span class="visually-hidden">{ format!(" {key}") }</span>
                    </button>
                </dd>
            }
        </div>
    }
}

#[function_component(Review)]
pub fn review(ctx: &Ctx) -> Html {
    let lang = ctx.state.lang;
    let on_submit = super::continue_on_submit(&ctx.dispatch);
    let on_back = super::back_on_click(&ctx.dispatch);
    let errors = ctx
        .report
        .issues
        .iter()
        .filter(|i| i.severity == Severity::Error)
        .count();
    html! {
        <div class="review">
            <button type="button" class="back-link" onclick={on_back}>{ t(lang, "返回", "Back") }</button>
            <h1 class="heading" id="page-heading" tabindex="-1">{ Page::Review.title(lang) }</h1>
            if !ctx.state.recheck.is_empty() {
                <p class="inset inset--warning" id="review-recheck">{ match lang {
                    Lang::Zh => format!("数据年度已改为 {year}：之前填写的 {n} 项数据可能属于另一年度，请逐项确认（标出的行），继续时会带您到第一处。", year = year_of(ctx), n = ctx.state.recheck.len()),
                    Lang::En => format!("The data year is now {year}: {n} figure(s) entered before may be another year's; confirm each (marked); continuing takes you to the first.", year = year_of(ctx), n = ctx.state.recheck.len()),
                } }</p>
            }
            if errors > 0 {
                <p class="inset inset--error" id="review-errors">{ match lang {
                    Lang::Zh => format!("还有 {errors} 处需要修改（标红的行），继续时会带您到第一处。"),
                    Lang::En => format!("{errors} answer(s) need correcting (marked red); continuing takes you to the first."),
                } }</p>
            }
            { for ctx.state.pages().into_iter().map(|page| html! {
                <section class="review__section">
                    <h2 class="heading-m">{ page.title(lang) }</h2>
                    { answers(ctx, page, true) }
                </section>
            }) }
            <form novalidate=true onsubmit={on_submit}>
                <button type="submit" class="button" id="continue">{ t(lang, "查看预审结果", "See the result") }</button>
            </form>
        </div>
    }
}

fn year_of(ctx: &Ctx) -> String {
    form::as_text(form::get(
        &ctx.state.application,
        crate::field::Field::Year.path(),
    ))
}
