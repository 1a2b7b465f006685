//! Leaf fields of the raw application (read by `RawApplication::from_json`).
//!
//! Each keeps whatever JSON value arrived (a form may send `"12"` or `12`,
//! a file may hold anything), while its JSON Schema says what is expected.
//! Turning a leaf into a typed value is validation's job, not parsing's.

use std::borrow::Cow;
use std::marker::PhantomData;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::{Serialize, Serializer};
use serde_json::Value;

macro_rules! leaf {
    ($(#[$doc:meta])* $name:ident, $schema:tt) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Default, PartialEq, Serialize)]
        #[serde(transparent)]
        pub struct $name(pub Value);

        impl $name {
            /// The value as given.
            pub fn raw(&self) -> &Value {
                &self.0
            }

            /// The value as given, to replace.
            pub fn raw_mut(&mut self) -> &mut Value {
                &mut self.0
            }
        }

        impl From<Value> for $name {
            fn from(value: Value) -> Self {
                Self(value)
            }
        }

        impl JsonSchema for $name {
            fn schema_name() -> Cow<'static, str> {
                Cow::Borrowed(stringify!($name))
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!($schema)
            }
        }
    };
}

leaf!(
    /// Free text.
    Text,
    { "type": "string" }
);
leaf!(
    /// Yuan as a decimal string with at most two decimals (`"123456.78"`);
    /// a whole JSON number is accepted, a JSON number with a fraction is not.
    Money,
    { "type": "string", "pattern": "^[0-9]+(\\.[0-9]{1,2})?$" }
);
leaf!(
    /// A non-negative whole number (a JSON integer or a string of digits).
    Count,
    { "anyOf": [ { "type": "integer", "minimum": 0 }, { "type": "string", "pattern": "^[0-9]+$" } ] }
);
leaf!(
    /// A non-negative decimal string (`"103.5"`).
    Decimal,
    { "type": "string", "pattern": "^[0-9]+(\\.[0-9]+)?$" }
);
leaf!(
    /// `true` or `false`.
    Flag,
    { "type": "boolean" }
);
leaf!(
    /// A calendar date, `YYYY-MM-DD`.
    Date,
    { "type": "string", "format": "date" }
);

/// One of the values of `T`, kept as given until validated.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice<T> {
    pub value: Value,
    kind: PhantomData<T>,
}

impl<T> Choice<T> {
    /// The value as given.
    pub fn raw(&self) -> &Value {
        &self.value
    }

    /// The value as given, to replace.
    pub fn raw_mut(&mut self) -> &mut Value {
        &mut self.value
    }
}

impl<T> Default for Choice<T> {
    fn default() -> Self {
        Value::Null.into()
    }
}

impl<T> From<Value> for Choice<T> {
    fn from(value: Value) -> Self {
        Self {
            value,
            kind: PhantomData,
        }
    }
}

impl<T> Serialize for Choice<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(serializer)
    }
}

impl<T: JsonSchema> JsonSchema for Choice<T> {
    fn schema_name() -> Cow<'static, str> {
        T::schema_name()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        T::json_schema(generator)
    }
}

/// 参保缴费明细: the monthly records, kept as given (`null` when not
/// given). Its JSON Schema says what validation expects: twelve rows, one
/// per month, each with the month's insured count, the contributions due
/// and those paid (unit and employee shares together).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(transparent)]
pub struct MonthsTable(pub Value);

impl MonthsTable {
    /// The value as given.
    pub fn raw(&self) -> &Value {
        &self.0
    }

    /// The value as given, to replace.
    pub fn raw_mut(&mut self) -> &mut Value {
        &mut self.0
    }

    /// Not given (so not written out either).
    pub fn is_null(&self) -> bool {
        self.0.is_null()
    }
}

impl From<Value> for MonthsTable {
    fn from(value: Value) -> Self {
        Self(value)
    }
}

impl JsonSchema for MonthsTable {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("MonthsTable")
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        use crate::application::field::{MonthColumn, Months};
        let mut properties = serde_json::Map::new();
        for column in MonthColumn::ALL {
            let schema = match column {
                MonthColumn::Month => {
                    json_schema!({ "type": "integer", "minimum": 1, "maximum": 12 })
                }
                MonthColumn::Insured => generator.subschema_for::<Count>(),
                MonthColumn::Due | MonthColumn::Paid => generator.subschema_for::<Money>(),
            };
            properties.insert(column.key().to_owned(), schema.to_value());
        }
        let required: Vec<&str> = MonthColumn::ALL.iter().map(|c| c.key()).collect();
        json_schema!({
            "description": "参保缴费明细: one row per month (months 1-12 each once), unit and employee shares together; the figures derived from them fill the year's aggregate fields that are left out, and must agree with those given.",
            "type": "array",
            "minItems": Months::ROWS,
            "maxItems": Months::ROWS,
            "items": {
                "type": "object",
                "properties": properties,
                "required": required
            }
        })
    }
}
