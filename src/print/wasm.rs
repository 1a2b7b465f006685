//! The print module for the app (`dist/print-…/`, loaded only when someone
//! prints): the printout of an application's JSON text, and its stylesheet.

use wasm_bindgen::prelude::*;

use crate::Lang;

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
