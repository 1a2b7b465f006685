//! Reads profile data out of a parsed JSON value, field by field.
//!
//! One small reader for every profile type, instead of a derived
//! deserializer per type: the browser build carries all thirteen profiles,
//! and derived code for each shape cost it about as much as the data.
//! Unknown keys are refused where the shape is strict, as
//! `deny_unknown_fields` did, so a typo in a data file fails the tests.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::param::{Param, ParamValue};

/// A type read from profile data.
pub(crate) trait Data: Sized {
    /// `at` names the place in the file, for the error.
    fn read(value: &Value, at: &str) -> Result<Self, String>;
}

/// The fields of one JSON object, taken one by one.
pub(crate) struct Fields<'a> {
    map: &'a Map<String, Value>,
    at: &'a str,
}

impl<'a> Fields<'a> {
    pub(crate) fn of(value: &'a Value, at: &'a str) -> Result<Self, String> {
        match value {
            Value::Object(map) => Ok(Fields { map, at }),
            other => Err(format!("{at}: expected an object, found {other}")),
        }
    }

    /// The field `key` (absent reads as `null`).
    pub(crate) fn take<T: Data>(&self, key: &str) -> Result<T, String> {
        let at = format!("{}/{key}", self.at);
        T::read(self.map.get(key).unwrap_or(&Value::Null), &at)
    }

    /// Refuses keys other than `known`.
    pub(crate) fn only(&self, known: &[&str]) -> Result<(), String> {
        match self.map.keys().find(|k| !known.contains(&k.as_str())) {
            Some(k) => Err(format!("{}: unknown field `{k}`", self.at)),
            None => Ok(()),
        }
    }
}

/// Implements [`Data`] for a struct from its fields' names; `strict`
/// refuses unknown keys.
macro_rules! data_struct {
    ($ty:ident { $($field:ident),* $(,)? }, strict = $strict:expr) => {
        impl $crate::policy::read::Data for $ty {
            fn read(value: &serde_json::Value, at: &str) -> Result<Self, String> {
                let fields = $crate::policy::read::Fields::of(value, at)?;
                if $strict {
                    fields.only(&[$(stringify!($field)),*])?;
                }
                Ok($ty {
                    $($field: fields.take(stringify!($field))?,)*
                })
            }
        }
    };
}
pub(crate) use data_struct;

impl<T: Data> Data for Option<T> {
    fn read(value: &Value, at: &str) -> Result<Self, String> {
        match value {
            Value::Null => Ok(None),
            v => T::read(v, at).map(Some),
        }
    }
}

impl Data for String {
    fn read(value: &Value, at: &str) -> Result<Self, String> {
        value
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| format!("{at}: expected text, found {value}"))
    }
}

impl Data for bool {
    fn read(value: &Value, at: &str) -> Result<Self, String> {
        value
            .as_bool()
            .ok_or_else(|| format!("{at}: expected true or false, found {value}"))
    }
}

impl Data for u16 {
    fn read(value: &Value, at: &str) -> Result<Self, String> {
        value
            .as_u64()
            .and_then(|n| u16::try_from(n).ok())
            .ok_or_else(|| format!("{at}: expected a year, found {value}"))
    }
}

/// A list; absent reads as empty (as `notes` may be).
impl<T: Data> Data for Vec<T> {
    fn read(value: &Value, at: &str) -> Result<Self, String> {
        match value {
            Value::Null => Ok(Vec::new()),
            Value::Array(items) => items
                .iter()
                .enumerate()
                .map(|(i, v)| T::read(v, &format!("{at}/{i}")))
                .collect(),
            other => Err(format!("{at}: expected a list, found {other}")),
        }
    }
}

impl<T: Data> Data for BTreeMap<String, T> {
    fn read(value: &Value, at: &str) -> Result<Self, String> {
        let fields = Fields::of(value, at)?;
        let mut map = BTreeMap::new();
        for (k, v) in fields.map {
            map.insert(k.clone(), T::read(v, &format!("{at}/{k}"))?);
        }
        Ok(map)
    }
}

impl<T: ParamValue> Data for Param<T> {
    fn read(value: &Value, at: &str) -> Result<Self, String> {
        let fields = Fields::of(value, at)?;
        fields.only(&["value", "source", "clause", "confirmed", "note"])?;
        let value = match fields.map.get("value").unwrap_or(&Value::Null) {
            Value::Null => None,
            v => Some(T::from_json(v).ok_or_else(|| format!("{at}: unexpected value {v}"))?),
        };
        Ok(Param {
            value,
            source: fields.take("source")?,
            clause: fields.take("clause")?,
            confirmed: fields.take("confirmed")?,
            note: fields.take("note")?,
        })
    }
}

/// A closed set of names (an industry, a measure).
impl<T: crate::named::Named> Data for T {
    fn read(value: &Value, at: &str) -> Result<Self, String> {
        value
            .as_str()
            .and_then(T::from_name)
            .ok_or_else(|| format!("{at}: unknown name {value}"))
    }
}

/// A map keyed by names to decimals written as strings (the size bounds).
impl<K: crate::named::Named + Ord> Data for BTreeMap<K, rust_decimal::Decimal> {
    fn read(value: &Value, at: &str) -> Result<Self, String> {
        let fields = Fields::of(value, at)?;
        let mut map = BTreeMap::new();
        for (k, v) in fields.map {
            let key = K::from_name(k).ok_or_else(|| format!("{at}: unknown name `{k}`"))?;
            let bound = <rust_decimal::Decimal as ParamValue>::from_json(v)
                .ok_or_else(|| format!("{at}/{k}: expected a decimal string, found {v}"))?;
            map.insert(key, bound);
        }
        Ok(map)
    }
}

/// Parses a data file's text and reads it as `T`.
pub(crate) fn from_str<T: Data>(text: &str) -> Result<T, String> {
    let value: Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    T::read(&value, "")
}
