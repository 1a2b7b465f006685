//! The profile the engine proposes for the data year and the credit code
//! (or the place chosen), offered with one click and a short reason; for
//! a year no published rules use, says so and offers the latest rules
//! only as a labelled estimate.

use serde_json::json;
use yew::prelude::*;

use super::Ctx;
use crate::app::form::{self, Page};
use crate::app::state::{self, Action};
use crate::app::text::t;
use crate::field::Field;
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
    let year = p.data_year;
    let Some(profile) = p.profile else {
        return no_rules(&p, &current, choose, lang);
    };
    let id = &profile.profile.id;
    let name = profile.profile.name.get(lang);
    let text = match lang {
        Lang::Zh => format!("{reason}，{year} 年度数据：建议“{name}”"),
        Lang::En => format!("{reason}, {year} figures: “{name}” is proposed"),
    };
    if *id == current {
        return html! {
            <p class="hint" id="proposal">{ text }{ t(lang, "（已选用）", " (chosen)") }</p>
        };
    }
    html! {
        <div class="inset" id="proposal">
            <p>{ text }</p>
            <button type="button" class="button button--secondary" id="use-proposal" onclick={choose(profile)}>
                { match lang { Lang::Zh => format!("改用“{name}”"), Lang::En => format!("Use “{name}”") } }
            </button>
        </div>
    }
}

/// No published rules use the year's figures: say so, and offer the
/// latest rules as an estimate, labelled as one (the data year stays the
/// user's; the result says it is an estimate).
fn no_rules(
    p: &state::Proposal,
    current: &str,
    choose: impl Fn(&LoadedProfile) -> Callback<MouseEvent>,
    lang: Lang,
) -> Html {
    let year = p.data_year;
    let estimate = p.latest.map(|latest| {
        let id = &latest.profile.id;
        let name = latest.profile.name.get(lang);
        let used = latest.profile.data_year;
        if id == current {
            html! {
                <p id="estimate-note"><span class="tag tag--unconfirmed">{ t(lang, "估算", "Estimate") }</span>
                    { match lang {
                        Lang::Zh => format!(" 正在按“{name}”估算，仅供参考；该政策按 {used} 年度数据计算，您的数据是 {year} 年度。"),
                        Lang::En => format!(" Estimating with “{name}”, for reference only; it uses {used} figures, yours are {year}."),
                    } }
                </p>
            }
        } else {
            html! {
                <button type="button" class="button button--secondary" id="use-estimate" onclick={choose(latest)}>
                    { match lang {
                        Lang::Zh => format!("按“{name}”估算（不是适用的规则）"),
                        Lang::En => format!("Estimate with “{name}” (not the rules that apply)"),
                    } }
                </button>
            }
        }
    });
    html! {
        <div class="inset inset--warning" id="no-rules">
            <h2 class="heading-s">{ t(lang, "该年度的数据尚无已公布的稳岗返还政策", "No published rules use this year's figures yet") }</h2>
            <p>{ match lang {
                Lang::Zh => format!("按 {year} 年度数据返还的政策尚未公布（以人社部门公布为准）。可以先按最近的政策估算，结果仅供参考。"),
                Lang::En => format!("Rules that refund on {year} figures are not published yet (the bureau's notice decides). You can estimate with the latest rules, for reference only."),
            } }</p>
            { estimate.unwrap_or_default() }
        </div>
    }
}
