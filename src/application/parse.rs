//! Reading an application's JSON text: leaves are kept as given, so only
//! text that is not JSON or not shaped like an application fails here.

use std::fmt;

use super::RawApplication;

/// Input that is not a readable application (not JSON, or not shaped like one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// 1-based; 0 when unknown.
    pub line: usize,
    /// 1-based; 0 when unknown.
    pub column: usize,
    pub message: String,
}

impl ParseError {
    pub(crate) fn from_json(e: &serde_json::Error) -> Self {
        ParseError {
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        }
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // serde_json's message already ends with "at line L column C".
        f.write_str(&self.message)
    }
}

impl std::error::Error for ParseError {}

/// Parses the JSON text of an application. Leaves are kept as given, so
/// only text that is not JSON or not shaped like an application fails.
pub fn parse_application(text: &str) -> Result<RawApplication, ParseError> {
    serde_json::from_str(without_bom(text)).map_err(|e| ParseError::from_json(&e))
}

/// JSON text without the UTF-8 byte order mark some editors (Windows
/// Notepad) put first: read as CSV is read with one, wherever JSON is read.
pub(crate) fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// The JSON Schema of `wengang.application/1`, generated from the types.
pub fn application_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(RawApplication)).unwrap_or_default()
}
