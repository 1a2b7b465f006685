//! Every identifier and field validator on any text (and on any JSON
//! value): an answer, never a panic, and answers that hold together.
#![no_main]

use libfuzzer_sys::fuzz_target;
use serde_json::Value;
use wengang_engine::internals::{Industry, UnitType};
use wengang_engine::internals::{contact, fields, identifiers};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let issues = identifiers::credit_code(text);
    if issues.is_empty() {
        // A clean code's check character is the one computed.
        let first17: String = text.chars().take(17).collect();
        assert_eq!(
            identifiers::credit_code_check_char(&first17),
            text.chars().nth(17)
        );
    }
    let _ = identifiers::credit_code_check_char(text);
    let _ = contact::account_number(text);
    if contact::mobile_phone(text).is_none() {
        assert_eq!(text.len(), 11);
    }
    assert_eq!(fields::trimmed(text), text.trim());

    let mut values = vec![Value::String(text.to_owned())];
    if let Ok(v) = serde_json::from_str::<Value>(text) {
        values.push(v);
    }
    for v in &values {
        let _ = fields::text(v);
        let _ = fields::flag(v);
        let _ = fields::choice::<UnitType>(v);
        let _ = fields::choice::<Industry>(v);
        let _ = fields::is_blank(v);
        let _ = fields::count(v);
        if let Ok(m) = fields::money(v) {
            assert!(m >= 0.into() && m.scale() <= 2);
        }
        for places in 0..=7 {
            if let Ok(d) = fields::decimal(v, places) {
                assert!(d >= 0.into() && d.scale() <= places);
            }
        }
        if let Ok(date) = fields::date(v) {
            if let Value::String(s) = v {
                assert_eq!(date.to_string(), s.trim());
            }
        }
    }
});
