//! The error summary at the top of a page: each entry links to and
//! focuses its field.

use yew::prelude::*;

use super::focus;
use crate::app::form::input_id;
use crate::app::text::t;
use crate::report::IssueReport;
use crate::{Lang, Severity};

#[derive(Properties, Clone, PartialEq)]
pub struct ErrorSummaryProps {
    pub issues: Vec<IssueReport>,
    pub lang: Lang,
}

#[function_component(ErrorSummary)]
pub fn error_summary(props: &ErrorSummaryProps) -> Html {
    let lang = props.lang;
    // Take focus when it appears, so keyboard and screen-reader users hear it.
    use_effect_with(props.issues.len(), |_| focus("error-summary"));
    html! {
        <div class="error-summary" id="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
            <h2 class="error-summary__title" id="error-summary-title">{ t(lang, "请先处理以下问题", "There is a problem") }</h2>
            <ul class="error-summary__list">
                { for props.issues.iter().map(|issue| {
                    let target = input_id(&issue.field);
                    let href = format!("#{target}");
                    let onclick = Callback::from(move |e: MouseEvent| {
                        e.prevent_default();
                        focus(&target);
                    });
                    let kind = if issue.severity == Severity::Warning { Some(t(lang, "（请核对）", " (please check)")) } else { None };
                    html! { <li><a {href} {onclick}>{ &issue.message }{ kind }</a></li> }
                }) }
            </ul>
        </div>
    }
}
