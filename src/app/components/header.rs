//! The top bar: the app's name, the language switch, the demo menu and
//! "clear my data". On a phone the tools fold into one menu button, which
//! closes on a new page, on Escape and on a click outside it (focus back
//! on the button), with `aria-expanded` saying whether it is open.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::{focus, Ctx};
use crate::app::demos::DEMOS;
use crate::app::later::{self, Unavailable};
use crate::app::state::{Action, Notice};
use crate::app::text::t;
use crate::Lang;

#[function_component(Header)]
pub fn header(ctx: &Ctx) -> Html {
    let lang = ctx.state.lang;
    let demo_choice = use_state(|| DEMOS[0].0);
    let menu_open = use_state(|| false);
    let switch = {
        let dispatch = ctx.dispatch.clone();
        let menu_open = menu_open.clone();
        let other = if lang == Lang::Zh { Lang::En } else { Lang::Zh };
        Callback::from(move |_| {
            // Done with the menu: closed, the focus back on its button.
            if *menu_open {
                menu_open.set(false);
                focus("menu-toggle");
            }
            dispatch.dispatch(Action::SetLang(other))
        })
    };
    let choose = {
        let demo_choice = demo_choice.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let value = select.value();
            if let Some((id, ..)) = DEMOS.iter().find(|d| d.0 == value) {
                demo_choice.set(id);
            }
        })
    };
    // The sample's application comes from the second module (not in the
    // first load); if it cannot load, that is said as an import would be.
    let load = {
        let dispatch = ctx.dispatch.clone();
        let demo_choice = demo_choice.clone();
        let menu_open = menu_open.clone();
        Callback::from(move |_| {
            menu_open.set(false);
            let id: &'static str = *demo_choice;
            let dispatch = dispatch.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let arg = [wasm_bindgen::JsValue::from_str(id)];
                let loaded = later::call("wengangSample", &arg).await;
                let action = match loaded.map(|text| serde_json::from_str(&text)) {
                    Ok(Ok(application)) => Action::Demo { id, application },
                    Ok(Err(e)) => Action::Notify(Notice::DemoFailed(e.to_string())),
                    Err(Unavailable::Missing) => Action::Notify(Notice::DemoFailed(
                        "this copy has no demonstration module".into(),
                    )),
                    Err(Unavailable::Failed(reason)) => Action::Notify(Notice::DemoFailed(reason)),
                };
                dispatch.dispatch(action);
            });
        })
    };
    let demo = ctx.state.demo.is_some();
    // A new page closes the menu (it would hide the page's heading).
    {
        let menu_open = menu_open.clone();
        use_effect_with(ctx.state.page, move |_| menu_open.set(false));
    }
    // Escape closes it and gives the focus back to its button; the focus
    // leaving it (a click or a tab outside) closes it. Handled on the bar
    // itself: no listener on the document.
    let on_key = {
        let menu_open = menu_open.clone();
        Callback::from(move |e: KeyboardEvent| {
            if *menu_open && e.key() == "Escape" {
                menu_open.set(false);
                focus("menu-toggle");
            }
        })
    };
    let on_focus_out = {
        let menu_open = menu_open.clone();
        Callback::from(move |e: FocusEvent| {
            let inside = e
                .related_target()
                .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
                .zip(gloo_utils::document().get_element_by_id("site-header"))
                .is_some_and(|(to, header)| header.contains(Some(&to)));
            if *menu_open && !inside {
                menu_open.set(false);
            }
        })
    };
    let clear = {
        let dispatch = ctx.dispatch.clone();
        let menu_open = menu_open.clone();
        Callback::from(move |_| {
            menu_open.set(false);
            // Leaving a demo loses nothing; clearing the user's answers asks first.
            dispatch.dispatch(if demo {
                Action::LeaveDemo
            } else {
                Action::Clear
            });
        })
    };
    let toggle = {
        let menu_open = menu_open.clone();
        Callback::from(move |_| menu_open.set(!*menu_open))
    };
    html! {
        <header class="site-header no-print" id="site-header" onkeydown={on_key} onfocusout={on_focus_out}>
            <div class="site-header__inner">
                <p class="site-header__name">
                    { t(lang, "稳岗返还自助预审", "Job-retention refund pre-check") }
                </p>
                <button type="button" class="button button--secondary site-header__menu" id="menu-toggle"
                    aria-expanded={(*menu_open).to_string()} aria-controls="site-tools" onclick={toggle}>
                    { t(lang, "菜单", "Menu") }
                </button>
                <div class={classes!("site-header__tools", menu_open.then_some("is-open"))} id="site-tools">
                    <button type="button" class="button button--secondary" id="lang-switch" onclick={switch}
                        lang={if lang == Lang::Zh { "en" } else { "zh-CN" }}>
                        { if lang == Lang::Zh { "English" } else { "中文" } }
                    </button>
                    <div class="demo">
                        <label for="demo-select">{ t(lang, "演示企业", "Demo enterprise") }</label>
                        <select id="demo-select" onchange={choose}>
                            { for DEMOS.iter().map(|(id, zh, en)| html! {
                                <option value={*id} selected={*demo_choice == *id}>{ if lang == Lang::Zh { *zh } else { *en } }</option>
                            }) }
                        </select>
                        <button type="button" class="button button--secondary" id="demo-load" onclick={load}>
                            { t(lang, "载入演示", "Load demo") }
                        </button>
                    </div>
                    <button type="button" class="button button--warning" id="clear-data" onclick={clear}>
                        { if demo { t(lang, "退出演示", "Leave the demo") } else { t(lang, "清除我的数据", "Clear my data") } }
                    </button>
                </div>
            </div>
        </header>
    }
}
