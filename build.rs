//! Prepares the policy profiles for embedding: the SHA-256 digest of each
//! data file's canonical JSON (what submissions stamp), and for the browser
//! build a compact copy without the maintainers' `note`/`notes` (no surface
//! shows them), so the first load carries only what is used. The digest is
//! always of the full file, so a browser and a server agree on it.

use std::fmt::Write as _;
use std::path::Path;

#[path = "src/canonical.rs"]
#[allow(dead_code)]
mod canonical;

fn main() {
    let dir = Path::new("src/policy/profiles");
    println!("cargo:rerun-if-changed={}", dir.display());
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("src/policy/profiles is readable")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    entries.sort();
    let mut digests = String::from("&[\n");
    for path in entries {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .expect("a UTF-8 name");
        let text = std::fs::read_to_string(&path).expect("a readable profile");
        let mut value: serde_json::Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let digest = canonical::digest(&value);
        writeln!(
            digests,
            "    ({:?}, {:?}),",
            name.trim_end_matches(".json"),
            digest
        )
        .expect("writing to a string");
        strip_notes(&mut value);
        let compact = serde_json::to_string(&value).expect("JSON writes");
        std::fs::write(Path::new(&out).join(name), compact).expect("OUT_DIR is writable");
    }
    digests.push(']');
    std::fs::write(Path::new(&out).join("profile_digests.rs"), digests)
        .expect("OUT_DIR is writable");
}

fn strip_notes(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            map.remove("note");
            map.remove("notes");
            map.values_mut().for_each(strip_notes);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(strip_notes),
        _ => {}
    }
}
