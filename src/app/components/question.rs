//! One question: label, hint, the input, and its issues inline (errors,
//! and warnings the user can confirm), tied together with aria-describedby.

use serde_json::Value;
use yew::prelude::*;

use super::Ctx;
use crate::app::form::{self, input_id, Kind, Prompt};
use crate::app::state::{warning_key, Action};
use crate::app::text::{self, t};
use crate::application::{Industry, Named, UnitType};
use crate::messages::app as app_words;
use crate::messages::fields::field_label;
use crate::messages::summary::group_thousands;
use crate::policy::RateClass;
use crate::report::IssueReport;
use crate::tidy::{self, tidy};
use crate::{policy, Lang, Severity};

#[derive(Properties, Clone, PartialEq)]
pub struct QuestionProps {
    pub prompt: Prompt,
    pub ctx: Ctx,
}

#[function_component(Question)]
pub fn question(props: &QuestionProps) -> Html {
    let Ctx {
        state,
        report,
        dispatch,
    } = &props.ctx;
    let prompt = props.prompt;
    let field = prompt.field;
    let lang = state.lang;
    let path = field.path();
    let id = input_id(path);
    let value = form::get(&state.application, path).clone();
    let issues: Vec<&IssueReport> = if state.shows_issues_of(path) {
        report.issues.iter().filter(|i| i.field == path).collect()
    } else {
        Vec::new()
    };
    let error = issues
        .iter()
        .find(|i| i.severity == Severity::Error)
        .copied();
    let warnings: Vec<&IssueReport> = issues
        .iter()
        .filter(|i| i.severity == Severity::Warning)
        .copied()
        .collect();
    let hint_id = format!("h-{id}");
    let error_id = format!("e-{id}");
    let mut described: Vec<String> = Vec::new();
    if prompt.hint.is_some() {
        described.push(hint_id.clone());
    }
    if error.is_some() {
        described.push(error_id.clone());
    }
    described.extend(
        warnings
            .iter()
            .map(|w| format!("w-{id}-{}", w.code.replace('.', "-"))),
    );
    // Money echoed beside the field, and read with it: as 万元 in Chinese,
    // as yuan with separators in English.
    let wan = matches!(prompt.kind, Kind::Money)
        .then(|| {
            let text = form::as_text(&value);
            let wan = tidy::wan_yuan_of(&text)?;
            let grouped = group_thousands(&tidy::tidy(field, &text));
            Some(app_words::echo(&grouped, &wan, lang))
        })
        .flatten();
    if wan.is_some() {
        described.push(format!("wan-{id}"));
    }
    // Left blank, a figure the monthly rows give is shown as derived.
    let derived = form::as_text(&value)
        .trim()
        .is_empty()
        .then(|| derived_figure(report, field, lang))
        .flatten();
    if derived.is_some() {
        described.push(format!("d-{id}"));
    }
    // Entered for another data year: said once, until edited or kept.
    let recheck = state.recheck.contains(path).then(|| {
        let year = form::as_text(form::get(&state.application, crate::field::Field::Year.path()));
        described.push(format!("r-{id}"));
        html! {
            <p class="recheck" id={format!("r-{id}")}><span class="tag tag--unconfirmed">{ t(lang, "请确认", "Confirm") }</span>{ match lang {
                Lang::Zh => format!(" 数据年度已改为 {year}：这是 {year} 年度的数据吗？改正，或继续以保留。"),
                Lang::En => format!(" The data year is now {year}: is this the {year} figure? Correct it, or continue to keep it."),
            } }</p>
        }
    });
    let describedby = (!described.is_empty()).then(|| described.join(" "));
    let invalid = error.is_some().then_some("true");

    let set = {
        let dispatch = dispatch.clone();
        move |value: Value| dispatch.dispatch(Action::SetField { field, value })
    };
    // What is typed is tidied before it is stored (12,345.00 → 12345.00);
    // the input keeps showing the text as typed until it loses focus.
    // Names keep their full-width brackets: only formatted fields are tidied.
    let tidies = !matches!(prompt.kind, Kind::Text) || field == crate::field::Field::CreditCode;
    let typed = use_state(|| None::<String>);
    let on_text = {
        let set = set.clone();
        let typed = typed.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let text = input.value();
            set(Value::String(if tidies {
                tidy(field, &text)
            } else {
                text.clone()
            }));
            typed.set(Some(text));
        })
    };
    let on_blur = {
        let typed = typed.clone();
        Callback::from(move |_: FocusEvent| typed.set(None))
    };
    let shown = match &*typed {
        Some(text) if tidies && tidy(field, text) == form::as_text(&value) => text.clone(),
        _ => form::as_text(&value),
    };
    let on_select = {
        let set = set.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let v = select.value();
            set(match v.as_str() {
                "" => Value::Null,
                "true" => Value::Bool(true),
                "false" => Value::Bool(false),
                _ => Value::String(v),
            });
        })
    };
    // The name and the code are on the unit's registration certificate
    // (登记证书) or licence, not always a business licence.
    let hint_text = match field {
        crate::field::Field::ApplicantName => Some(app_words::name_hint(state.unit_type(), lang)),
        crate::field::Field::CreditCode => {
            Some(app_words::credit_code_hint(state.unit_type(), lang))
        }
        _ => prompt.hint.map(|(zh, en)| t(lang, zh, en).to_owned()),
    };
    let hint = hint_text.map(|text| html! { <p class="hint" id={hint_id.clone()}>{ text }</p> });
    let error_html = error.map(|e| {
        html! {
            <p class="error-message" id={error_id.clone()}>
                <span class="visually-hidden">{ t(lang, "错误：", "Error: ") }</span>{ &e.message }
            </p>
        }
    });
    let warnings_html = warnings
        .iter()
        .map(|w| {
            warning(
                w,
                &id,
                state.confirmed.contains(&warning_key(path, &w.code)),
                lang,
                dispatch.clone(),
            )
        })
        .collect::<Html>();
    let group_class = classes!("form-group", error.is_some().then_some("form-group--error"));
    let label_text = match prompt.question {
        Some((zh, en)) => t(lang, zh, en),
        None => field_label(field, lang),
    };

    let control = match prompt.kind {
        Kind::Tick => {
            let on_tick = {
                let set = set.clone();
                Callback::from(move |e: Event| {
                    let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                    set(Value::Bool(input.checked()));
                })
            };
            return html! {
                <div class={group_class}>
                    { error_html }
                    <div class="checkbox">
                        <input type="checkbox" id={id.clone()} checked={value.as_bool() == Some(true)} onchange={on_tick}
                            aria-describedby={describedby} aria-invalid={invalid} />
                        <label for={id.clone()}>{ t(lang, "我已阅读并同意以上承诺", "I have read and accept the commitment above") }</label>
                    </div>
                </div>
            };
        }
        Kind::YesNo => select(
            &id,
            &value,
            [
                ("true", t(lang, "是", "Yes")),
                ("false", t(lang, "否", "No")),
            ]
            .into_iter()
            .map(|(v, l)| (v.to_owned(), l.to_owned())),
            lang,
            on_select,
            describedby,
            invalid,
        ),
        Kind::UnitType => select(
            &id,
            &value,
            UnitType::ALL
                .iter()
                .map(|u| (u.name().to_owned(), text::unit_type(*u, lang).to_owned())),
            lang,
            on_select,
            describedby,
            invalid,
        ),
        Kind::OfficialSize => select(
            &id,
            &value,
            [
                ("large", text::rate_class(RateClass::Large, lang)),
                ("sme", text::rate_class(RateClass::Sme, lang)),
            ]
            .into_iter()
            .map(|(v, l)| (v.to_owned(), l.to_owned())),
            lang,
            on_select,
            describedby,
            invalid,
        ),
        Kind::Industry => select(
            &id,
            &value,
            Industry::ALL
                .iter()
                .map(|i| (i.name().to_owned(), text::industry(*i, lang).to_owned())),
            lang,
            on_select,
            describedby,
            invalid,
        ),
        Kind::DataYear => {
            let years = policy::data_years();
            // The year after the newest: its rules are not published yet.
            let next = years.last().map(|y| y + 1);
            let options = years
                .into_iter()
                .map(|y| {
                    (
                        y.to_string(),
                        match lang {
                            Lang::Zh => format!("{y} 年"),
                            Lang::En => y.to_string(),
                        },
                    )
                })
                .chain(next.map(|y| {
                    (
                        y.to_string(),
                        match lang {
                            Lang::Zh => format!("{y} 年（尚无已公布的政策）"),
                            Lang::En => format!("{y} (no rules published yet)"),
                        },
                    )
                }));
            select(&id, &value, options, lang, on_select, describedby, invalid)
        }
        Kind::Policy => {
            let options = policy::profiles()
                .iter()
                .filter_map(|p| p.as_ref().ok())
                .map(|p| {
                    let pr = &p.profile;
                    let dates = format!("{} – {}", pr.valid_from, pr.valid_to);
                    (
                        pr.id.clone(),
                        app_words::bracketed(pr.name.get(lang), &dates, lang),
                    )
                });
            select(&id, &value, options, lang, on_select, describedby, invalid)
        }
        kind => {
            let (input_type, inputmode, width) = match kind {
                Kind::Count => ("text", Some("numeric"), "input--w5"),
                Kind::Money => ("text", Some("decimal"), "input--w10"),
                Kind::Decimal => ("text", Some("decimal"), "input--w5"),
                Kind::Date => ("text", None, "input--w10"),
                Kind::Tel => ("tel", Some("tel"), "input--w10"),
                Kind::Account => ("text", Some("numeric"), "input--w20"),
                _ => ("text", None, "input--full"),
            };
            html! {
                <input class={classes!("input", width)} type={input_type} id={id.clone()} name={path}
                    value={shown} oninput={on_text} onblur={on_blur} inputmode={inputmode}
                    autocomplete={prompt.autocomplete.unwrap_or("off")} spellcheck="false"
                    aria-describedby={describedby} aria-invalid={invalid} />
            }
        }
    };
    let suffix = matches!(prompt.kind, Kind::Money).then(|| {
        html! {
            <>
                <span class="suffix" aria-hidden="true">{ t(lang, "元", "yuan") }</span>
                if let Some(wan) = wan { <span class="wan" id={format!("wan-{id}")}>{ wan }</span> }
            </>
        }
    });
    let derived =
        derived.map(|text| html! { <p class="derived-value" id={format!("d-{id}")}>{ text }</p> });
    html! {
        <div class={group_class}>
            <label class="label" for={id.clone()}>{ label_text }</label>
            { hint }{ recheck }{ error_html }{ warnings_html }
            <div class="input-wrap">{ control }{ suffix }</div>
            { derived }
        </div>
    }
}

fn select(
    id: &str,
    value: &Value,
    options: impl Iterator<Item = (String, String)>,
    lang: Lang,
    onchange: Callback<Event>,
    describedby: Option<String>,
    invalid: Option<&'static str>,
) -> Html {
    let current = form::as_text(value);
    html! {
        <select class="select" id={id.to_owned()} {onchange} aria-describedby={describedby} aria-invalid={invalid}>
            <option value="" selected={current.is_empty()}>{ t(lang, "请选择", "Choose") }</option>
            { for options.map(|(v, text)| html! { <option value={v.clone()} selected={v == current}>{ text }</option> }) }
        </select>
    }
}

fn warning(
    w: &IssueReport,
    id: &str,
    confirmed: bool,
    lang: Lang,
    dispatch: UseReducerDispatcher<crate::app::state::AppState>,
) -> Html {
    let warning_id = format!("w-{id}-{}", w.code.replace('.', "-"));
    let confirm_id = format!("c-{id}-{}", w.code.replace('.', "-"));
    let key = warning_key(&w.field, &w.code);
    let on_confirm = Callback::from(move |e: Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        dispatch.dispatch(Action::Confirm {
            key: key.clone(),
            confirmed: input.checked(),
        });
    });
    html! {
        <div class="warning-message">
            <p id={warning_id}>
                <span class="visually-hidden">{ t(lang, "提醒：", "Warning: ") }</span>{ &w.message }
            </p>
            <div class="checkbox checkbox--small">
                <input type="checkbox" id={confirm_id.clone()} checked={confirmed} onchange={on_confirm} />
                <label for={confirm_id}>{ t(lang, "我已核对，确认无误", "I have checked: this is right") }</label>
            </div>
        </div>
    }
}

/// The figure the engine derived for `field` from the monthly rows, as
/// shown beside its empty box ("按月明细得出：86,040.00 元").
pub fn derived_figure(
    report: &crate::Report,
    field: crate::field::Field,
    lang: Lang,
) -> Option<String> {
    let d = report.derived.iter().find(|d| d.field == field.path())?;
    Some(app_words::from_rows(
        &shown_figure(field, &d.value, lang),
        lang,
    ))
}

/// A figure as a reader is shown it: money grouped with its unit, an
/// average to two decimals.
pub fn shown_figure(field: crate::field::Field, value: &str, lang: Lang) -> String {
    use crate::field::Kind as FieldKind;
    match field.kind() {
        FieldKind::Money => format!("{} {}", group_thousands(value), t(lang, "元", "yuan")),
        FieldKind::Decimal => value
            .parse()
            .map_or_else(|_| value.to_owned(), |v| crate::messages::average(v, lang)),
        _ => value.to_owned(),
    }
}
