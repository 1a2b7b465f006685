//! The app's second module (`dist/print-…/`, loaded only when someone
//! prints or saves): the printout of an application's JSON text with its
//! stylesheet, and the submission file, so the printout, the QR encoder
//! and the digest code cost the app's first load nothing.

use wasm_bindgen::prelude::*;

use crate::text::Lang;

/// The printout of an application (its JSON text, as typed) as an HTML
/// fragment; `lang` `en` adds the English gloss; `sample` marks every
/// sheet 样例 / SAMPLE.
#[wasm_bindgen]
pub fn print_html(application_json: &str, lang: &str, sample: bool) -> String {
    super::fragment_from_json(
        application_json,
        Lang::parse(lang).unwrap_or_default(),
        sample,
    )
}

/// The stylesheet the fragment needs (the app adopts it as a constructed
/// stylesheet: no inline style under the CSP).
#[wasm_bindgen]
pub fn print_style() -> String {
    super::STYLE.to_owned()
}

/// The submission file (`wengang.submission/2`) of an application (its
/// JSON text, as typed), as the app exports it or sends it to a portal.
/// Throws the reason when the application cannot be submitted.
#[wasm_bindgen]
pub fn submission_json(application_json: &str) -> Result<String, JsError> {
    let raw = crate::application::parse_application(application_json)
        .map_err(|e| JsError::new(&e.to_string()))?;
    let submission = crate::receipt::submit(&raw).map_err(|e| JsError::new(&e.to_string()))?;
    serde_json::to_string(&submission).map_err(|e| JsError::new(&e.to_string()))
}

/// The English gloss of every clause the shipped profiles quote, as JSON
/// text: one object, exact Chinese clause → English gloss (as a report's
/// `source.clause` → `source.clause_en`), for the app to gloss its sources
/// in English without carrying the table in its first load.
#[wasm_bindgen]
pub fn clause_glosses() -> String {
    crate::policy::CLAUSE_GLOSSES.to_owned()
}

/// A demonstration enterprise's application (`samples/<id>.json`), for
/// the app's demo menu; `None` for an unknown id.
#[wasm_bindgen]
pub fn sample_application(id: &str) -> Option<String> {
    let text = match id {
        "eligible-sme" => include_str!("../../samples/eligible-sme.json"),
        "large-enterprise-review" => include_str!("../../samples/large-enterprise-review.json"),
        "over-layoff-threshold" => include_str!("../../samples/over-layoff-threshold.json"),
        "missing-months" => include_str!("../../samples/missing-months.json"),
        "hardship" => include_str!("../../samples/hardship.json"),
        _ => return None,
    };
    Some(text.to_owned())
}
