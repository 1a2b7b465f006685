//! Pages in the browser's history: each page is one entry (`#/premiums`),
//! so Back and Forward move between pages and a link opens its page.

use gloo_events::EventListener;
use wasm_bindgen::JsValue;

use super::form::Page;

/// The page the address names, if it names one.
pub fn page_in_address() -> Option<Page> {
    let hash = gloo_utils::window().location().hash().ok()?;
    Page::from_slug(hash.strip_prefix("#/")?)
}

/// Puts `page` in the address: a new history entry, or, for the page
/// the app opened on, the current one (so Back still leaves the app).
pub fn show(page: Page, opened_on: bool) {
    let target = format!("#/{}", page.slug());
    let window = gloo_utils::window();
    if window.location().hash().ok().as_deref() == Some(target.as_str()) {
        return;
    }
    let Ok(history) = window.history() else {
        return;
    };
    // A refusal (some file:// or sandboxed pages) only costs the entry.
    let _ = if opened_on {
        history.replace_state_with_url(&JsValue::NULL, "", Some(&target))
    } else {
        history.push_state_with_url(&JsValue::NULL, "", Some(&target))
    };
}

/// Calls `on_page` when Back, Forward or an edited address moves to a page.
pub fn listen(on_page: impl Fn(Page) + 'static) -> EventListener {
    EventListener::new(&gloo_utils::window(), "popstate", move |_| {
        if let Some(page) = page_in_address() {
            on_page(page);
        }
    })
}
