//! Any text as an application: parsing and check never panic, and a valid
//! application's submission always verifies.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wengang_engine::{check, check_str, submit, verify, Lang};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = check_str(text, Lang::En);
    if let Ok(raw) = wengang_engine::parse_application(text) {
        let report = check(&raw, Lang::Zh);
        if report.valid {
            let submission =
                submit(&raw).expect("a valid application makes a submission");
            let file = serde_json::to_string(&submission).expect("a submission serialises");
            verify(&file).expect("a fresh submission verifies");
        }
    }
});
