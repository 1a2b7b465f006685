//! The profile the engine proposes for the date and the credit code (or
//! the place chosen), offered with one click and a short reason; for a
//! date with no published rules, says so and offers the latest rules only
//! as a labelled estimate.

use serde_json::json;
use yew::prelude::*;

use super::Ctx;
use crate::app::form::{self, Page};
use crate::app::state::{self, Action};
use crate::app::text::t;
use crate::field::Field;
use crate::messages::notices::{self, Notice};
use crate::policy::LoadedProfile;
use crate::Lang;

/// Why this place: the credit code's division, else the place chosen.
fn reason(code: &str, place: &str, lang: Lang) -> String {
    match state::division(code) {
        Some(d) if d.starts_with("3205") => {
            t(lang, "信用代码 3205…（苏州）", "Credit code 3205… (Suzhou)").to_owned()
        }
        Some(d) if d.starts_with("32") => {
            t(lang, "信用代码 32…（江苏）", "Credit code 32… (Jiangsu)").to_owned()
        }
        Some(d) => {
            let province = d.get(..2).unwrap_or(d);
            match lang {
                Lang::Zh => format!("信用代码 {province}…（江苏省以外，按全国政策）"),
                Lang::En => format!("Credit code {province}… (outside Jiangsu: national rules)"),
            }
        }
        None => match place {
            "suzhou" => t(lang, "申请地区苏州市", "Applying in Suzhou"),
            "jiangsu" => t(lang, "申请地区江苏省", "Applying in Jiangsu"),
            _ => t(lang, "其他地区（全国政策）", "Elsewhere (national rules)"),
        }
        .to_owned(),
    }
}

/// The proposal for `page` (the policy page, or the enterprise page once
/// the credit code names a division).
pub fn proposal(ctx: &Ctx, page: Page) -> Html {
    let lang = ctx.state.lang;
    let app = &ctx.state.application;
    let code = form::as_text(form::get(app, Field::CreditCode.path()));
    if page == Page::Enterprise && state::division(&code).is_none() {
        return Html::default();
    }
    let Some(p) = state::proposal(app, &ctx.state.place) else {
        return Html::default();
    };
    let current = form::as_text(form::get(app, Field::Policy.path()));
    let reason = reason(&code, &ctx.state.place, lang);
    let choose = |profile: &LoadedProfile| {
        let dispatch = ctx.dispatch.clone();
        let id = profile.profile.id.clone();
        Callback::from(move |_| {
            dispatch.dispatch(Action::SetField {
                field: Field::Policy,
                value: json!(id),
            })
        })
    };
    let date = &p.date;
    let Some(profile) = p.profile else {
        return no_rules(&p, &current, choose, lang);
    };
    let id = &profile.profile.id;
    let text = match lang {
        Lang::Zh => format!("{reason}，{date}：建议 {id}"),
        Lang::En => format!("{reason}, {date}: {id} is proposed"),
    };
    if *id == current {
        return html! {
            <p class="hint" id="proposal">{ text }{ t(lang, "（已选用）", " (chosen)") }</p>
        };
    }
    html! {
        <div class="inset" id="proposal">
            <p>{ text }{ format!("（{}）", profile.profile.name.get(lang)) }</p>
            <button type="button" class="button button--secondary" id="use-proposal" onclick={choose(profile)}>
                { match lang { Lang::Zh => format!("改用 {id}"), Lang::En => format!("Use {id}") } }
            </button>
        </div>
    }
}

/// No rules are published for the date: say so (the engine's notice,
/// with the date's data year), and offer the latest rules as an
/// estimate, labelled as one.
fn no_rules(
    p: &crate::policy::Proposal,
    current: &str,
    choose: impl Fn(&LoadedProfile) -> Callback<MouseEvent>,
    lang: Lang,
) -> Html {
    let notice = Notice::NoRulesPublished {
        date: p.date.clone(),
        data_year: p.data_year,
        latest: p.latest.map(|l| l.profile.id.clone()),
    };
    let year = p.data_year.map(|y| y.to_string()).unwrap_or_default();
    let estimate = p.latest.map(|latest| {
        let id = &latest.profile.id;
        if id == current {
            let used = latest.profile.data_year;
            html! {
                <p id="estimate-note"><span class="tag tag--unconfirmed">{ t(lang, "估算", "Estimate") }</span>
                    { match lang {
                        Lang::Zh => format!(" 正在按 {id} 估算，仅供参考；该政策按 {used} 年度数据计算，不是 {year} 年度。"),
                        Lang::En => format!(" Estimating with {id}, for reference only; it uses {used} figures, not {year}."),
                    } }
                </p>
            }
        } else {
            html! {
                <button type="button" class="button button--secondary" id="use-estimate" onclick={choose(latest)}>
                    { match lang {
                        Lang::Zh => format!("按 {id} 估算（不是适用的规则）"),
                        Lang::En => format!("Estimate with {id} (not the rules that apply)"),
                    } }
                </button>
            }
        }
    });
    html! {
        <div class="inset inset--warning" id="no-rules">
            <h2 class="heading-s">{ t(lang, "该日期没有已公布的稳岗返还政策", "No rules are published for this date") }</h2>
            <p>{ notices::text(&notice, lang) }</p>
            { estimate.unwrap_or_default() }
        </div>
    }
}
