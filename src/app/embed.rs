//! 嵌入门户 — running inside a portal's iframe: a postMessage protocol
//! with the parent page, accepted only from origins on the allow-list
//! (`<meta name="wengang-allowed-parents">`). See `www/embed/wengang-embed.js`.

use gloo_events::EventListener;
use gloo_utils::format::JsValueSerdeExt;
use serde_json::{json, Value};
use wasm_bindgen::{JsCast, JsValue};

pub const PROTOCOL: u32 = 1;

/// The origins allowed to embed the app, from the page's meta tag.
fn allowed_parents() -> Vec<String> {
    gloo_utils::document()
        .query_selector("meta[name=\"wengang-allowed-parents\"]")
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
        .map(|c| {
            c.split_whitespace()
                .map(|o| o.trim_end_matches('/').to_owned())
                .collect()
        })
        .unwrap_or_default()
}

fn parent() -> Option<web_sys::Window> {
    let window = gloo_utils::window();
    let parent = window.parent().ok().flatten()?;
    // Not in a frame: the parent is the window itself.
    (!js_sys::Object::is(&parent, &window)).then_some(parent)
}

/// The embedding page's origin, when the app is framed by an allowed one.
pub fn allowed_parent_origin() -> Option<String> {
    parent()?;
    let window = gloo_utils::window();
    // location.ancestorOrigins (Chromium, Safari) names the embedding origin;
    // elsewhere the referrer does.
    let ancestors =
        js_sys::Reflect::get(&window.location(), &JsValue::from_str("ancestorOrigins")).ok();
    let origin = ancestors
        .and_then(|list| js_sys::Reflect::get(&list, &JsValue::from_f64(0.0)).ok())
        .and_then(|o| o.as_string())
        .or_else(|| {
            let referrer = window.document()?.referrer();
            let url = web_sys::Url::new(&referrer).ok()?;
            Some(url.origin())
        })?;
    allowed_parents().into_iter().find(|o| *o == origin)
}

/// Sends a message to the parent, to its origin only.
pub fn post(origin: &str, message: &Value) {
    let (Some(parent), Ok(data)) = (parent(), JsValue::from_serde(message)) else {
        return;
    };
    let _ = parent.post_message(&data, origin);
}

pub fn ready(origin: &str) {
    post(
        origin,
        &json!({ "type": "wengang:ready", "protocol": PROTOCOL, "version": crate::ENGINE_VERSION }),
    );
}

pub fn height(origin: &str) {
    let height = gloo_utils::document_element().scroll_height();
    post(
        origin,
        &json!({ "type": "wengang:height", "height": height }),
    );
}

/// Listens for prefills from `origin` (and only from the parent window);
/// dropping the listener stops it.
pub fn listen(origin: String, on_prefill: impl Fn(Value) + 'static) -> EventListener {
    EventListener::new(&gloo_utils::window(), "message", move |event| {
        let Some(event) = event.dyn_ref::<web_sys::MessageEvent>() else {
            return;
        };
        let from_parent = match (event.source(), parent()) {
            (Some(source), Some(parent)) => js_sys::Object::is(&source, &parent),
            _ => false,
        };
        if event.origin() != origin || !from_parent {
            return;
        }
        // Not gloo's `into_serde`: it throws on data JSON cannot hold
        // (a BigInt, a cycle); such a message is dropped instead.
        let Some(text) = js_sys::JSON::stringify(&event.data())
            .ok()
            .and_then(|t| t.as_string())
        else {
            return;
        };
        let Ok(message) = serde_json::from_str::<Value>(&text) else {
            return;
        };
        if message.get("type").and_then(Value::as_str) == Some("wengang:prefill") {
            if let Some(application @ Value::Object(_)) = message.get("application") {
                on_prefill(application.clone());
            }
        }
    })
}

/// A window event by name (used for the service worker's update offer);
/// dropping the listener stops it.
pub fn listen_event(name: &'static str, handler: impl Fn() + 'static) -> EventListener {
    EventListener::new(&gloo_utils::window(), name, move |_| handler())
}

/// Fires a window event by name.
pub fn fire(name: &str) {
    if let Ok(event) = web_sys::Event::new(name) {
        let _ = gloo_utils::window().dispatch_event(&event);
    }
}

/// A boolean flag on `window` (set by the start-up script).
pub fn window_flag(name: &str) -> bool {
    js_sys::Reflect::get(&gloo_utils::window(), &JsValue::from_str(name))
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}
