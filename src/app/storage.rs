//! Drafts in local storage. A failure (quota, storage disabled) is
//! reported, never fatal: what is on screen stays.

use super::state::{Draft, DRAFT_VERSION};

const KEY: &str = "wengang.draft.v1";

fn storage() -> Result<web_sys::Storage, String> {
    let window = web_sys::window().ok_or("no window")?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(storage),
        Ok(None) => Err("local storage is not available".into()),
        Err(e) => Err(describe(&e)),
    }
}

fn describe(e: &wasm_bindgen::JsValue) -> String {
    js_sys::Error::from(e.clone())
        .message()
        .as_string()
        .unwrap_or_else(|| format!("{e:?}"))
}

/// Saves the draft.
pub fn save(draft: &Draft) -> Result<(), String> {
    let text = serde_json::to_string(draft).map_err(|e| e.to_string())?;
    storage()?.set_item(KEY, &text).map_err(|e| describe(&e))
}

/// The saved draft, if there is a readable one of this version.
pub fn load() -> Option<Draft> {
    let text = storage().ok()?.get_item(KEY).ok()??;
    serde_json::from_str::<Draft>(&text)
        .ok()
        .filter(|d| d.version == DRAFT_VERSION)
}

/// Forgets the draft.
pub fn clear() -> Result<(), String> {
    storage()?.remove_item(KEY).map_err(|e| describe(&e))
}
