//! One policy parameter: a typed value (or unknown), its source and
//! clause, and whether a source confirmed it.

use std::collections::BTreeMap;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::Value;

use crate::named::Named;

/// A parameter with a value of type `T`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Param<T> {
    /// `None` is *unknown*, never zero.
    pub value: Option<T>,
    /// A key of the profile's `sources`.
    pub source: String,
    /// The clause or passage of the source.
    pub clause: String,
    pub confirmed: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A type a parameter's JSON value can be read as.
pub trait ParamValue: Sized {
    fn from_json(value: &Value) -> Option<Self>;
}

/// Decimals are written as strings (`"0.0178"`), never binary floats.
impl ParamValue for Decimal {
    fn from_json(value: &Value) -> Option<Self> {
        value.as_str().and_then(|s| Decimal::from_str(s).ok())
    }
}

impl ParamValue for u64 {
    fn from_json(value: &Value) -> Option<Self> {
        value.as_u64()
    }
}

impl ParamValue for bool {
    fn from_json(value: &Value) -> Option<Self> {
        value.as_bool()
    }
}

impl<T: Named> ParamValue for T {
    fn from_json(value: &Value) -> Option<Self> {
        value.as_str().and_then(T::from_name)
    }
}

/// A window of days: `{"from": "YYYY-MM-DD", "to": "YYYY-MM-DD"}`.
impl ParamValue for super::DateWindow {
    fn from_json(value: &Value) -> Option<Self> {
        let day = |key| value.get(key)?.as_str().map(str::to_owned);
        Some(super::DateWindow {
            from: day("from")?,
            to: day("to")?,
        })
    }
}

impl ParamValue for String {
    fn from_json(value: &Value) -> Option<Self> {
        value.as_str().map(str::to_owned)
    }
}

/// A map of named values; a `null` value is *unknown* for that key.
impl<K: Named + Ord, V: Named> ParamValue for BTreeMap<K, Option<V>> {
    fn from_json(value: &Value) -> Option<Self> {
        let mut map = BTreeMap::new();
        for (k, v) in value.as_object()? {
            let v = match v {
                Value::Null => None,
                v => Some(V::from_json(v)?),
            };
            map.insert(K::from_name(k)?, v);
        }
        Some(map)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn param<T: ParamValue>(json: &str) -> Result<Param<T>, String> {
        crate::policy::read::from_str(json)
    }

    #[test]
    fn an_application_window_reads_its_two_days() {
        use crate::policy::DateWindow;
        let p: Param<DateWindow> = param(
            r#"{"value":{"from":"2019-05-01","to":"2019-06-30"},"source":"s","clause":"c","confirmed":true}"#,
        )
        .unwrap();
        let window = DateWindow {
            from: "2019-05-01".into(),
            to: "2019-06-30".into(),
        };
        assert_eq!(p.value, Some(window));
        // A window without its last day is no window.
        assert!(param::<DateWindow>(
            r#"{"value":{"from":"2019-05-01"},"source":"s","clause":"c","confirmed":true}"#
        )
        .is_err());
    }

    #[test]
    fn values_are_typed_and_null_is_unknown() {
        let p: Param<Decimal> =
            param(r#"{"value":"0.0178","source":"s","clause":"c","confirmed":true}"#).unwrap();
        assert_eq!(p.value, Some(Decimal::new(178, 4)));
        let p: Param<Decimal> =
            param(r#"{"value":null,"source":"s","clause":"c","confirmed":false,"note":"n"}"#)
                .unwrap();
        assert_eq!(p.value, None);
    }

    #[test]
    fn a_text_parameter_reads_as_its_text() {
        // Jiangsu 2024's late-payment cut-off date.
        let p: Param<String> =
            param(r#"{"value":"2024-04-30","source":"s","clause":"c","confirmed":true}"#).unwrap();
        assert_eq!(p.value.as_deref(), Some("2024-04-30"));
        assert!(param::<String>(
            r#"{"value":20240430,"source":"s","clause":"c","confirmed":true}"#
        )
        .is_err());
    }

    #[test]
    fn a_float_or_a_typo_is_refused() {
        assert!(
            param::<Decimal>(r#"{"value":0.0178,"source":"s","clause":"c","confirmed":true}"#)
                .is_err()
        );
        assert!(
            param::<u64>(r#"{"value":"12","source":"s","clause":"c","confirmed":true}"#).is_err()
        );
        assert!(param::<bool>(
            r#"{"value":true,"source":"s","clause":"c","confirmed":true,"extra":1}"#
        )
        .is_err());
    }
}
