//! 嵌入门户 — running inside a portal's iframe: a postMessage protocol
//! with the parent page, accepted only from origins on the allow-list
//! (`<meta name="wengang-allowed-parents">`). See `www/embed/wengang-embed.js`.

use serde_json::{json, Value};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

pub const PROTOCOL: u32 = 1;

/// The origins allowed to embed the app, from the page's meta tag.
fn allowed_parents() -> Vec<String> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector("meta[name=\"wengang-allowed-parents\"]")
                .ok()
                .flatten()
        })
        .and_then(|m| m.get_attribute("content"))
        .map(|c| {
            c.split_whitespace()
                .map(|o| o.trim_end_matches('/').to_owned())
                .collect()
        })
        .unwrap_or_default()
}

fn parent() -> Option<web_sys::Window> {
    let window = web_sys::window()?;
    let parent = window.parent().ok().flatten()?;
    // Not in a frame: the parent is the window itself.
    (!js_sys::Object::is(&parent, &window)).then_some(parent)
}

/// The embedding page's origin, when the app is framed by an allowed one.
pub fn allowed_parent_origin() -> Option<String> {
    parent()?;
    let window = web_sys::window()?;
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
    let (Some(parent), Ok(data)) = (parent(), js_sys::JSON::parse(&message.to_string())) else {
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
    let height = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .map(|e| e.scroll_height())
        .unwrap_or_default();
    post(
        origin,
        &json!({ "type": "wengang:height", "height": height }),
    );
}

/// Listens for prefills from `origin` (and only from the parent window);
/// returns the listener so the caller can remove it.
pub fn listen(
    origin: String,
    on_prefill: impl Fn(Value) + 'static,
) -> Option<Closure<dyn Fn(web_sys::MessageEvent)>> {
    let window = web_sys::window()?;
    let closure =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let from_parent = match (event.source(), parent()) {
                (Some(source), Some(parent)) => js_sys::Object::is(&source, &parent),
                _ => false,
            };
            if event.origin() != origin || !from_parent {
                return;
            }
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
        });
    window
        .add_event_listener_with_callback("message", closure.as_ref().unchecked_ref())
        .ok()?;
    Some(closure)
}

/// Stops listening.
pub fn unlisten(closure: &Closure<dyn Fn(web_sys::MessageEvent)>) {
    if let Some(window) = web_sys::window() {
        let _ =
            window.remove_event_listener_with_callback("message", closure.as_ref().unchecked_ref());
    }
}

/// A window event by name (used for the service worker's update offer).
pub fn listen_event(name: &str, handler: impl Fn() + 'static) -> Option<Closure<dyn Fn()>> {
    let window = web_sys::window()?;
    let closure = Closure::<dyn Fn()>::new(handler);
    window
        .add_event_listener_with_callback(name, closure.as_ref().unchecked_ref())
        .ok()?;
    Some(closure)
}

/// Fires a window event by name.
pub fn fire(name: &str) {
    if let (Some(window), Ok(event)) = (web_sys::window(), web_sys::Event::new(name)) {
        let _ = window.dispatch_event(&event);
    }
}

/// A boolean flag on `window` (set by the start-up script).
pub fn window_flag(name: &str) -> bool {
    web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &JsValue::from_str(name)).ok())
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}
