//! Export (download) and import of files, entirely in the browser.

use gloo_file::{Blob, ObjectUrl};
use wasm_bindgen::JsCast;

use crate::app::state::Notice;

/// Offers `text` as a download named `name`; nothing leaves the browser.
pub fn download(name: &str, text: &str) -> Result<(), String> {
    let fail = |what: &str| format!("download failed: {what}");
    let blob = Blob::new_with_options(text, Some("application/json"));
    // Revoked when `url` is dropped, after the click has started the download.
    let url = ObjectUrl::from(blob);
    let anchor: web_sys::HtmlAnchorElement = gloo_utils::document()
        .create_element("a")
        .map_err(|_| fail("anchor"))?
        .dyn_into()
        .map_err(|_| fail("anchor"))?;
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    Ok(())
}

/// A file name from the enterprise's name and the date, safe on every system.
pub fn file_name(enterprise: &str, date: &str) -> String {
    let cleaned: String = enterprise
        .chars()
        .filter(|c| {
            !matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') && !c.is_control()
        })
        .collect();
    let name = cleaned.trim();
    let name = if name.is_empty() { "application" } else { name };
    format!("{name}-{date}.json")
}

/// The application inside an imported file: a submission's `application`,
/// or the file itself when it is an application.
pub fn application_in(text: &str) -> Result<(serde_json::Value, Notice), String> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let application = |notice| {
        value
            .get("application")
            .cloned()
            .map(|a| (a, notice))
            .ok_or_else(|| "the submission has no application".to_owned())
    };
    match value.get("format").and_then(|f| f.as_str()) {
        Some(crate::receipt::SUBMISSION_FORMAT) => application(Notice::Imported),
        // An older submission's application reads the same, but the file
        // no longer verifies: the user is asked to export again.
        Some(crate::receipt::SUBMISSION_FORMAT_1) => application(Notice::ImportedOldFormat),
        Some(crate::APPLICATION_FORMAT) => Ok((value, Notice::Imported)),
        Some(other) => Err(format!("unsupported format {other}")),
        // Untagged: an application only if it says who applies.
        None if value.get("applicant").is_some_and(|a| a.is_object()) => {
            Ok((value, Notice::Imported))
        }
        None => Err("not an application or a submission".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_that_is_neither_an_application_nor_a_submission_is_refused() {
        assert!(application_in(r#"{"hello":1}"#).is_err());
        assert!(application_in("[1]").is_err());
        let sample = include_str!("../../samples/eligible-sme.json");
        assert!(application_in(sample).is_ok());
        assert!(
            application_in(r#"{"applicant":{"name":"甲"}}"#).is_ok(),
            "untagged, with a section"
        );
    }
}
