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

/// A statement (参保缴费明细) as pasted into the app's monthly grid, read
/// by the engine's reader, as JSON text: what the package's
/// `readStatement` gives (`ok`, the rows and where each was read from, or
/// `ok: false` with the line, the column and why), and `how`: how it was
/// read, in words. `data_year`: the
/// year the periods must be in (blank: any one year). Here, not in the
/// first load: the reader is a fifth of the app's size.
#[wasm_bindgen]
pub fn statement_read(text: &str, data_year: &str, lang: &str) -> String {
    let lang = Lang::parse(lang).unwrap_or_default();
    let result = match crate::read_statement(text, data_year.trim().parse().ok()) {
        Ok(statement) => {
            let mut json = statement.to_json(lang);
            // How it was read, in words: the grid shows them as they are.
            json["how"] = crate::messages::statement_read::how(&statement, lang).into();
            json
        }
        Err(refused) => refused.to_json(lang),
    };
    result.to_string()
}

/// What to do next, the hardship path and a result's working (each
/// criterion with its source, the refund step by step, the unconfirmed
/// parameters, the rules used), as HTML fragments in JSON text (`next`,
/// `hardship`, `working`), for the app's result page; in English every
/// quoted clause is glossed. `suzhou`: give Suzhou's published contacts.
#[wasm_bindgen]
pub fn working_html(application_json: &str, lang: &str, suzhou: bool) -> String {
    let Ok(raw) = crate::parse_application(application_json) else {
        return "{}".to_owned();
    };
    let w = super::working::working(&raw, Lang::parse(lang).unwrap_or_default(), suzhou);
    serde_json::json!({ "next": w.next, "working": w.working, "hardship": w.hardship }).to_string()
}
