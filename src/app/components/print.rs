//! The print view. The printout itself (申请表 and 承诺书, or the
//! self-check record under 免申即享 rules) is made by the engine's print
//! module, a second small WebAssembly module the start-up code loads only
//! when someone prints (`window.wengangPrint`, www/print-loader.js): the
//! form and its QR encoder cost the app's first load nothing. The module is
//! same-origin and precached by the service worker, so printing works
//! offline; the single-file build inlines it. A build without it says so.

use wasm_bindgen::JsValue;
use yew::prelude::*;

use super::Ctx;
use crate::app::form::Page;
use crate::app::later::{self, Unavailable};
use crate::app::state::Action;
use crate::app::text::t;
use crate::policy::Procedure;
use crate::Lang;

/// Where the printout stands.
#[derive(Clone, PartialEq)]
enum Printout {
    Loading,
    Ready(AttrValue),
    /// This build has no print module (built without scripts/build-print.sh).
    Missing,
    /// The module did not load or failed; the reason, for the curious.
    Failed(String),
}

#[function_component(PrintView)]
pub fn print_view(ctx: &Ctx) -> Html {
    let lang = ctx.state.lang;
    let printout = use_state(|| Printout::Loading);
    {
        let printout = printout.clone();
        let json = serde_json::to_string(&ctx.state.application).unwrap_or_default();
        let sample = ctx.state.demo.is_some();
        use_effect_with((json, lang, sample), move |(json, lang, sample)| {
            printout.set(Printout::Loading);
            let (json, lang, sample) = (json.clone(), *lang, *sample);
            wasm_bindgen_futures::spawn_local(async move {
                printout.set(load(&json, lang, sample).await);
            });
        });
    }
    let on_print = Callback::from(|_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    });
    let on_back = {
        let dispatch = ctx.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::Goto(Page::Result)))
    };
    let automatic = ctx.report.procedure == Some(Procedure::Automatic);
    let ready = matches!(*printout, Printout::Ready(_));
    html! {
        <div class="print">
            <div class="no-print">
                <button type="button" class="back-link" onclick={on_back}>{ t(lang, "返回结果", "Back to the result") }</button>
                <h1 class="heading" id="page-heading" tabindex="-1">{ if automatic {
                    t(lang, "打印自查记录", "Print the self-check record")
                } else {
                    Page::Print.title(lang)
                } }</h1>
                <p class="body">{ t(lang,
                    "打印件为中文，供窗口受理；签名、盖章和日期请在纸上手写。",
                    "The printout is in Chinese for the counter (with an English gloss); sign, seal and date it by hand.") }</p>
                <div class="actions">
                    <button type="button" class="button" id="print-now" onclick={on_print} disabled={!ready}>{ t(lang, "打印", "Print") }</button>
                </div>
            </div>
            { match &*printout {
                Printout::Loading => html! {
                    <p class="body" id="print-loading" role="status">{ t(lang, "正在准备打印件……", "Preparing the printout…") }</p>
                },
                Printout::Ready(fragment) => Html::from_html_unchecked(fragment.clone()),
                Printout::Missing => html! {
                    <div class="inset inset--error" id="print-error" role="alert">
                        <p lang="zh-CN">{ "此版本不含打印模块，无法在此打印。请用网页版或已安装的应用打印，或用命令行 wengang print 生成打印件。" }</p>
                        <p lang="en">{ "This copy was built without the print module and cannot print. Print from the web or installed app, or make the printout with the command line: wengang print." }</p>
                    </div>
                },
                Printout::Failed(reason) => html! {
                    <div class="inset inset--error" id="print-error" role="alert">
                        <p lang="zh-CN">{ "打印模块未能加载，请检查网络连接后返回结果页再试。" }</p>
                        <p lang="en">{ "The print module could not be loaded: check the connection, go back to the result and try again." }</p>
                        <p class="hint">{ reason.clone() }</p>
                    </div>
                },
            } }
        </div>
    }
}

/// Asks the second module for the printout.
async fn load(json: &str, lang: Lang, sample: bool) -> Printout {
    let tag = match lang {
        Lang::Zh => "zh",
        Lang::En => "en",
    };
    let args = [
        JsValue::from_str(json),
        JsValue::from_str(tag),
        JsValue::from_bool(sample),
    ];
    match later::call("wengangPrint", &args).await {
        Ok(html) => Printout::Ready(html.into()),
        Err(Unavailable::Missing) => Printout::Missing,
        Err(Unavailable::Failed(reason)) => Printout::Failed(reason),
    }
}
