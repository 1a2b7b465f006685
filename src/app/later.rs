//! What the first paint does not need lives in a second module (the
//! printout, the submission file and its digest), which the start-up
//! code's loader (`www/print-loader.js`) fetches the first time it is
//! asked: `window.wengangPrint`, `window.wengangSubmission`.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Why the second module gave no answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Unavailable {
    /// This build has no second module (built without scripts/build-print.sh).
    Missing,
    /// It did not load, or refused: the reason.
    Failed(String),
}

/// Calls the loader `name` with `args` and waits for its text.
pub async fn call(name: &str, args: &[JsValue]) -> Result<String, Unavailable> {
    let window = web_sys::window().ok_or(Unavailable::Missing)?;
    let loader = js_sys::Reflect::get(&window, &JsValue::from_str(name))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or(Unavailable::Missing)?;
    let list: js_sys::Array = args.iter().collect();
    let promise = loader
        .apply(&JsValue::NULL, &list)
        .map_err(|e| Unavailable::Failed(reason(&e)))?;
    let text = JsFuture::from(js_sys::Promise::from(promise))
        .await
        .map_err(|e| Unavailable::Failed(reason(&e)))?;
    text.as_string()
        .ok_or_else(|| Unavailable::Failed("not text".to_owned()))
}

/// The submission file of an application (its JSON text).
pub async fn submission(application_json: &str) -> Result<String, Unavailable> {
    call("wengangSubmission", &[JsValue::from_str(application_json)]).await
}

fn reason(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_default()
}
