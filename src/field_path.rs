//! Dotted field paths (`applicant.credit_code`) into a JSON application,
//! as issues name fields and forms address them.

use serde_json::Value;

/// The value at a dotted path (`null` where there is none).
pub fn get<'a>(application: &'a Value, path: &str) -> &'a Value {
    path.split('.').fold(application, |here, key| {
        here.get(key).unwrap_or(&Value::Null)
    })
}

/// Sets the value at a dotted path, creating objects on the way.
pub fn set(application: &mut Value, path: &str, value: Value) {
    let mut here = application;
    let mut parts = path.split('.').peekable();
    while let Some(key) = parts.next() {
        if !here.is_object() {
            *here = Value::Object(Default::default());
        }
        let Value::Object(map) = here else { return };
        if parts.peek().is_none() {
            map.insert(key.to_owned(), value);
            return;
        }
        here = map.entry(key.to_owned()).or_insert(Value::Null);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn paths_set_and_get() {
        let name = crate::application::field::Field::ApplicantName.path();
        let mut app = json!({});
        set(&mut app, name, json!("甲"));
        set(&mut app, "policy", json!("cn-2024"));
        assert_eq!(get(&app, name), &json!("甲"));
        let missing = format!(
            "{}.missing",
            crate::application::field::Section::Applicant.name()
        );
        assert_eq!(get(&app, &missing), &Value::Null);
        assert_eq!(
            app,
            json!({"applicant": {"name": "甲"}, "policy": "cn-2024"})
        );
        set(&mut app, "policy.x", json!(1));
        assert_eq!(
            get(&app, "policy.x"),
            &json!(1),
            "a scalar on the way becomes an object"
        );
    }
}
