//! Drafts in local storage (gloo-storage, JSON through serde_json). A
//! failure (quota, storage disabled) is reported, never fatal: what is on
//! screen stays.

use gloo_storage::errors::StorageError;
use gloo_storage::{LocalStorage, Storage};

use super::state::{Draft, DRAFT_VERSION};

const KEY: &str = "wengang.draft.v1";
/// A demo shown, saved apart from the user's draft (it survives a reload
/// and never overwrites the draft); the draft names the demo.
const DEMO_KEY: &str = "wengang.demo.v1";

/// Whether local storage can be reached. gloo's `LocalStorage::raw()`
/// throws when it cannot (storage disabled, a sandboxed frame), and a
/// throw through the app's frames would leave Yew half-updated; so this
/// asks first and turns that case into an error the user is told.
fn available() -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    match window.local_storage() {
        Ok(Some(_)) => Ok(()),
        Ok(None) => Err("local storage is not available".into()),
        Err(e) => Err(js_sys::Error::from(e)
            .message()
            .as_string()
            .unwrap_or_else(|| "local storage is not available".into())),
    }
}

/// The reason told to the user: the browser's own message (e.g. "quota
/// exceeded"), not gloo's "Name: message".
fn describe(e: StorageError) -> String {
    match e {
        StorageError::JsError(e) => e.message,
        other => other.to_string(),
    }
}

/// Saves the draft.
pub fn save(draft: &Draft) -> Result<(), String> {
    available()?;
    LocalStorage::set(KEY, draft.to_json()).map_err(describe)
}

/// A stored draft of this version, if the key holds one.
fn read(key: &str) -> Option<Draft> {
    available().ok()?;
    let value = LocalStorage::get::<serde_json::Value>(key).ok()?;
    Draft::from_json(&value).filter(|d| d.version == DRAFT_VERSION)
}

/// The saved draft, if there is a readable one of this version.
pub fn load() -> Option<Draft> {
    read(KEY)
}

/// Forgets the draft.
pub fn clear() -> Result<(), String> {
    available()?;
    LocalStorage::delete(KEY);
    Ok(())
}

/// Saves the demo shown (apart from the user's draft).
pub fn save_demo(id: &str, draft: &Draft) -> Result<(), String> {
    available()?;
    let mut demo = draft.clone();
    demo.demo = Some(id.to_owned());
    LocalStorage::set(DEMO_KEY, demo.to_json()).map_err(describe)
}

/// The demo shown before a reload, if any: its id and where it stood.
pub fn load_demo() -> Option<(String, Draft)> {
    let draft = read(DEMO_KEY)?;
    Some((draft.demo.clone()?, draft))
}

/// Forgets the demo (it was left).
pub fn clear_demo() {
    if available().is_ok() {
        LocalStorage::delete(DEMO_KEY);
    }
}
