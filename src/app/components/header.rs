//! The top bar: the app's name, the language switch, the demo menu and
//! "clear my data".

use yew::prelude::*;

use super::Ctx;
use crate::app::demos::{self, DEMOS};
use crate::app::state::{Action, Notice};
use crate::app::storage;
use crate::app::text::t;
use crate::Lang;

#[function_component(Header)]
pub fn header(ctx: &Ctx) -> Html {
    let lang = ctx.state.lang;
    let demo_choice = use_state(|| DEMOS[0].0.to_owned());
    let switch = {
        let dispatch = ctx.dispatch.clone();
        let other = if lang == Lang::Zh { Lang::En } else { Lang::Zh };
        Callback::from(move |_| dispatch.dispatch(Action::SetLang(other)))
    };
    let choose = {
        let demo_choice = demo_choice.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            demo_choice.set(select.value());
        })
    };
    let load = {
        let dispatch = ctx.dispatch.clone();
        let demo_choice = demo_choice.clone();
        Callback::from(move |_| {
            if let Some((id, _, _, text)) = demos::find(&demo_choice) {
                if let Ok(application) = serde_json::from_str(text) {
                    dispatch.dispatch(Action::Load {
                        application,
                        notice: Notice::DemoLoaded(id),
                        demo: true,
                    });
                }
            }
        })
    };
    let clear = {
        let dispatch = ctx.dispatch.clone();
        Callback::from(move |_| {
            let _ = storage::clear();
            dispatch.dispatch(Action::Clear);
        })
    };
    html! {
        <header class="site-header no-print">
            <div class="site-header__inner">
                <p class="site-header__name">
                    { t(lang, "稳岗返还自助预审", "Job-retention refund pre-check") }
                </p>
                <div class="site-header__tools">
                    <button type="button" class="button button--secondary" id="lang-switch" onclick={switch}
                        lang={if lang == Lang::Zh { "en" } else { "zh-CN" }}>
                        { if lang == Lang::Zh { "English" } else { "中文" } }
                    </button>
                    <div class="demo">
                        <label for="demo-select">{ t(lang, "演示企业", "Demo enterprise") }</label>
                        <select id="demo-select" onchange={choose}>
                            { for DEMOS.iter().map(|(id, zh, en, _)| html! {
                                <option value={*id} selected={*demo_choice == *id}>{ if lang == Lang::Zh { *zh } else { *en } }</option>
                            }) }
                        </select>
                        <button type="button" class="button button--secondary" id="demo-load" onclick={load}>
                            { t(lang, "载入演示", "Load demo") }
                        </button>
                    </div>
                    <button type="button" class="button button--warning" id="clear-data" onclick={clear}>
                        { if ctx.state.demo { t(lang, "重置演示", "Reset demo") } else { t(lang, "清除我的数据", "Clear my data") } }
                    </button>
                </div>
            </div>
        </header>
    }
}
