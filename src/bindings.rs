//! 门户接口 — the engine for JavaScript (`wasm-pack` → `pkg/`): portals
//! checking applications in their own forms (and reading a pasted
//! statement into their monthly rows), and Node back ends re-verifying
//! uploads. Plain JS objects in and out, with the report's
//! field names; the TypeScript types and signatures are in `bindings.d.ts`
//! (written by hand so optional arguments stay optional and nothing is `any`;
//! `tests/typescript.rs` checks them against the Rust types).
//!
//! Values cross as JSON text (JSON.stringify / JSON.parse), so money stays
//! a decimal string on both sides and no float ever appears.

use serde::Serialize;
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;

use crate::application::field::Field;
use crate::application::RawApplication;
use crate::policy;
use crate::text::Lang;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("bindings.d.ts");

/// A JS value (an object, or JSON text) as a JSON value.
fn from_js(value: &JsValue) -> Result<Value, JsError> {
    let text = match value.as_string() {
        Some(text) => text,
        None => js_sys::JSON::stringify(value)
            .map_err(|_| JsError::new("the value cannot be written as JSON"))?
            .as_string()
            .unwrap_or_default(),
    };
    serde_json::from_str(crate::application::without_bom(&text))
        .map_err(|e| JsError::new(&format!("not JSON: {e}")))
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let text = serde_json::to_string(value).map_err(|e| JsError::new(&e.to_string()))?;
    js_sys::JSON::parse(&text).map_err(|_| JsError::new("the engine produced invalid JSON"))
}

fn lang(tag: Option<String>) -> Lang {
    tag.as_deref().and_then(Lang::parse).unwrap_or_default()
}

fn application(value: Value) -> Result<RawApplication, JsError> {
    RawApplication::from_json(value).map_err(|e| JsError::new(&e))
}

/// Validates, decides and reports on an application (`wengang.application/1`).
#[wasm_bindgen(js_name = check, skip_typescript)]
pub fn check(application_value: JsValue, lang_tag: Option<String>) -> Result<JsValue, JsError> {
    let raw = application(from_js(&application_value)?)?;
    let mut report = crate::report::check(&raw, lang(lang_tag));
    report.gloss_sources();
    to_js(&report)
}

/// The issues of one field, for live validation in a portal's own form.
/// `path` names a field of the registry (`applicant.credit_code`); any
/// other path is an error. `context` is the rest of the application where
/// the field depends on it (e.g. revenue is required only for some
/// industries; the data year follows the policy).
#[wasm_bindgen(js_name = validateField, skip_typescript)]
pub fn validate_field(
    path: &str,
    value: JsValue,
    context: Option<JsValue>,
    lang_tag: Option<String>,
) -> Result<JsValue, JsError> {
    let field = Field::from_path(path).ok_or_else(|| {
        let shown: String = path.chars().take(80).collect();
        JsError::new(&format!(
            "`{shown}` is not a field of the application (a path such as `{}`)",
            Field::CreditCode.path()
        ))
    })?;
    let mut app = match &context {
        Some(c) if !c.is_undefined() && !c.is_null() => from_js(c)?,
        _ => json!({}),
    };
    // A field's value is a value, not JSON text: "12" stays the string "12".
    let value = match value.as_string() {
        Some(text) => Value::String(text),
        None if value.is_undefined() => Value::Null,
        None => from_js(&value)?,
    };
    crate::field_path::set(&mut app, field.path(), value);
    let report = crate::report::check(&application(app)?, lang(lang_tag));
    let issues: Vec<_> = report
        .issues
        .into_iter()
        .filter(|i| i.field == field.path())
        .collect();
    to_js(&issues)
}

/// Re-verifies a submission (an object or the uploaded file's text): the
/// outcome (`holds`, `altered`, `other_version`, `old_format`,
/// `unreadable`), the CLI's exit code for it, and the report in `lang`
/// when it holds.
#[wasm_bindgen(js_name = verify, skip_typescript)]
pub fn verify(submission: JsValue, lang_tag: Option<String>) -> Result<JsValue, JsError> {
    let text = match submission.as_string() {
        Some(text) => text,
        None => from_js(&submission)?.to_string(),
    };
    let result = match crate::receipt::verify(&text) {
        Ok(v) => {
            let mut report = v.report(lang(lang_tag));
            report.gloss_sources();
            json!({
                "ok": true,
                "outcome": crate::receipt::VerifyOutcome::Holds.as_str(),
                "exitCode": crate::receipt::VerifyOutcome::Holds.exit_code(),
                "policy": v.policy,
                "decision": v.decision,
                "report": report,
            })
        }
        Err(e) => json!({
            "ok": false,
            "outcome": e.outcome().as_str(),
            "exitCode": e.outcome().exit_code(),
            "reason": e.to_string(),
        }),
    };
    to_js(&result)
}

/// Makes the submission file (`wengang.submission/2`) of a valid
/// application, the same in every language; throws with the reason otherwise.
#[wasm_bindgen(js_name = submit, skip_typescript)]
pub fn submit(application_value: JsValue) -> Result<JsValue, JsError> {
    let raw = application(from_js(&application_value)?)?;
    let submission = crate::receipt::submit(&raw).map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&submission)
}

/// Reads a social-insurance statement (参保缴费明细) as a clerk copies or
/// exports it: `{ ok: true, months, rows, columns, missing_months, … }`
/// (`months` is `insured.months` as the application takes it), or
/// `{ ok: false, code, line, column, role, message }` naming what it cannot
/// read. `data_year`: the year every period that names one must be in.
/// Throws only when `text` is not a string or `data_year` not a year.
#[wasm_bindgen(js_name = readStatement, skip_typescript)]
pub fn read_statement(
    text: JsValue,
    data_year: Option<f64>,
    lang_tag: Option<String>,
) -> Result<JsValue, JsError> {
    let text = text.as_string().ok_or_else(|| {
        JsError::new("the statement must be a string (the text as pasted or read)")
    })?;
    let data_year = match data_year {
        None => None,
        Some(y) if y.fract() == 0.0 && (1900.0..=2100.0).contains(&y) => Some(y as u16),
        Some(y) => {
            return Err(JsError::new(&format!(
                "dataYear must be a year from 1900 to 2100, not {y}"
            )))
        }
    };
    let lang = lang(lang_tag);
    let result = match crate::statement::read_statement(&text, data_year) {
        Ok(statement) => statement.to_json(lang),
        Err(refused) => refused.to_json(lang),
    };
    to_js(&result)
}

/// The shipped policy profiles with their dates, versions and sources.
#[wasm_bindgen(js_name = policies, skip_typescript)]
pub fn policies() -> Result<JsValue, JsError> {
    to_js(&policy::listing().0)
}

/// The JSON Schema of `wengang.application/1`.
#[wasm_bindgen(js_name = schema, skip_typescript)]
pub fn schema() -> Result<JsValue, JsError> {
    to_js(&crate::application::application_schema())
}

/// The engine's version, as stamped on submissions.
#[wasm_bindgen(js_name = engineVersion)]
pub fn engine_version() -> String {
    crate::receipt::ENGINE_VERSION.to_owned()
}
