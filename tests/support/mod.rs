//! What the test suites share: the case files, running the `wengang`
//! binary, and reading the CSV it writes.

#![allow(dead_code)]

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::{Map, Value};
use wengang_engine::Lang;

/// The shipped policy profiles, in the order the registry lists them.
pub const SHIPPED_PROFILES: [&str; 15] = [
    "cn-2019",
    "suzhou-2019",
    "suzhou-2020",
    "cn-2021",
    "jiangsu-2021",
    "cn-2022",
    "jiangsu-2022",
    "cn-2023",
    "jiangsu-2023",
    "cn-2024",
    "jiangsu-2024",
    "cn-2025",
    "jiangsu-2025",
    "cn-2026",
    "jiangsu-2026",
];

pub fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases")
}

/// Every sample application in `samples/`, sorted by name.
pub fn sample_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .map(|dir| dir.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "json"));
    files.sort();
    files
}

/// Every case file, sorted by name.
pub fn case_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(cases_dir())
        .map(|dir| dir.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "json"));
    files.sort();
    files
}

pub struct Case {
    pub name: String,
    pub application: Value,
    pub lang: Lang,
    /// Dotted report paths and the values expected there.
    pub expect: Map<String, Value>,
}

pub fn load_case(path: &Path) -> Result<Case, String> {
    let text = fs::read_to_string(path).map_err(|e| e.to_string())?;
    let case: Value = serde_json::from_str(&text).map_err(|e| format!("not JSON: {e}"))?;
    let name = case["case"]
        .as_str()
        .ok_or("no `case` description")?
        .to_owned();
    let mut application = match (&case["base"], &case["application"]) {
        (Value::String(base), _) => {
            let base_path = cases_dir().join("bases").join(format!("{base}.json"));
            let text = fs::read_to_string(&base_path).map_err(|e| format!("base {base}: {e}"))?;
            serde_json::from_str(&text).map_err(|e| format!("base {base}: {e}"))?
        }
        (_, Value::Object(_)) => case["application"].clone(),
        _ => return Err("needs `base` or `application`".into()),
    };
    merge_patch(&mut application, &case["patch"]);
    let lang = match case["lang"].as_str() {
        None | Some("zh") => Lang::Zh,
        Some("en") => Lang::En,
        Some(other) => return Err(format!("unknown lang {other}")),
    };
    let expect = case["expect"]
        .as_object()
        .cloned()
        .ok_or("no `expect` object")?;
    Ok(Case {
        name,
        application,
        lang,
        expect,
    })
}

/// RFC 7396 JSON merge patch: objects merge, `null` removes, anything else replaces.
pub fn merge_patch(target: &mut Value, patch: &Value) {
    let Value::Object(patch) = patch else {
        if !patch.is_null() {
            *target = patch.clone();
        }
        return;
    };
    if !target.is_object() {
        *target = Value::Object(Map::new());
    }
    if let Value::Object(map) = target {
        for (key, value) in patch {
            if value.is_null() {
                map.remove(key);
            } else {
                merge_patch(map.entry(key.clone()).or_insert(Value::Null), value);
            }
        }
    }
}

/// The first text in a value that reads as prose (whitespace or any
/// non-ASCII character, as every sentence in either language has), with
/// its path; ids, numbers, dates, digests and pointers have neither.
pub fn prose_in(path: &str, value: &Value) -> Option<String> {
    match value {
        Value::String(s) if s.chars().any(|c| c.is_whitespace() || !c.is_ascii()) => {
            Some(format!("{path}: {s}"))
        }
        Value::Object(map) => map
            .iter()
            .find_map(|(k, v)| prose_in(&format!("{path}.{k}"), v)),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(i, v)| prose_in(&format!("{path}[{i}]"), v)),
        _ => None,
    }
}

/// A sample application (`samples/NAME.json`) as JSON, to patch in a test.
pub fn sample(name: &str) -> Value {
    let path = repo_path(&format!("samples/{name}.json"));
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// An application given as JSON, read as the engine reads one.
pub fn raw(app: &Value) -> wengang_engine::RawApplication {
    wengang_engine::parse_application(&app.to_string()).expect("an application")
}

/// The submission the engine makes of an application, as JSON; `None`
/// when it cannot be made (the application has errors).
pub fn submission_of(app: &Value) -> Option<Value> {
    let made = wengang_engine::submit(&raw(app)).ok()?;
    serde_json::to_value(made).ok()
}

/// A path inside the repository.
pub fn repo_path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// Runs the `wengang` binary with no standard input.
pub fn wengang(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_wengang"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("the binary runs")
}

/// Runs the `wengang` binary with `stdin` as its standard input.
pub fn wengang_with_input(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_wengang"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("write stdin");
    child.wait_with_output().expect("it finishes")
}

/// A temporary path as text.
pub fn path_str(p: &Path) -> &str {
    p.to_str().expect("UTF-8 temp path")
}

/// The rows of a CSV file (header included), as text.
pub fn read_csv(text: &str) -> Vec<Vec<String>> {
    use wengang_engine::batch::csv::{is_blank, records, Fields};
    let mut fields = Fields::default();
    records(text.as_bytes(), 1)
        .into_iter()
        .filter(|(_, r)| !is_blank(&text.as_bytes()[r.clone()]))
        .map(|(_, r)| {
            fields.parse(&text.as_bytes()[r]).expect("well-formed CSV");
            fields.iter().map(str::to_owned).collect()
        })
        .collect()
}
