//! The field registry (`wengang_engine::field`) against every surface that
//! reads it: each field is labelled in both languages, is in the JSON
//! Schema at its path with the schema of its kind, survives raw parsing
//! in both directions, and is a batch column.

use serde_json::{json, Value};
use wengang_engine::batch::{Column, Header};
use wengang_engine::field::{Field, Kind, MonthCell, MonthColumn, Months, Section};
use wengang_engine::internals::field_labels::{field_label, label};
use wengang_engine::{
    application_schema, internals::field_path, parse_application, Lang, RawApplication,
};

/// A value no two fields share, so a leaf read from the wrong place shows.
fn distinct(i: usize) -> Value {
    json!(format!("value-{i}"))
}

#[test]
fn every_field_has_a_label_in_both_languages() {
    let mut seen = Vec::new();
    for &field in Field::ALL {
        let zh = field_label(field, Lang::Zh);
        let en = field_label(field, Lang::En);
        assert!(!zh.is_ascii(), "{field}: the zh-CN label is Chinese: {zh}");
        assert!(!en.is_empty() && en != zh, "{field}: an English label");
        assert_eq!(label(field.path(), Lang::Zh), zh);
        assert_eq!(label(field.path(), Lang::En), en);
        assert!(!seen.contains(&zh), "{field}: its label is another field's");
        seen.push(zh);
    }
    assert_ne!(label(Section::Hardship.name(), Lang::Zh), "hardship");
    assert_eq!(label("no.such_field", Lang::En), "no.such_field");
}

/// Follows one `$ref` (a `#/$defs/` one) or an optional's `anyOf`.
fn resolve<'a>(schema: &'a Value, node: &'a Value) -> &'a Value {
    if let Some(reference) = node.get("$ref").and_then(Value::as_str) {
        let name = reference.trim_start_matches("#/$defs/");
        return &schema["$defs"][name];
    }
    if let Some(options) = node.get("anyOf").and_then(Value::as_array) {
        if let Some(object) = options.iter().find(|o| o.get("$ref").is_some()) {
            return resolve(schema, object);
        }
    }
    node
}

fn schema_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Text => "Text",
        Kind::Money => "Money",
        Kind::Count => "Count",
        Kind::Decimal => "Decimal",
        Kind::Flag => "Flag",
        Kind::Date => "Date",
        Kind::UnitType => "UnitType",
        Kind::Industry => "Industry",
        Kind::OfficialSize => "RateClass",
    }
}

#[test]
fn every_field_is_in_the_schema_at_its_path_with_its_kind() {
    let schema = application_schema();
    let mut in_schema = 0;
    for &field in Field::ALL {
        let properties = match field.section() {
            Section::Top => &schema["properties"],
            section => &resolve(&schema, &schema["properties"][section.name()])["properties"],
        };
        let leaf = &properties[field.leaf()];
        assert_eq!(
            leaf["$ref"],
            json!(format!("#/$defs/{}", schema_name(field.kind()))),
            "{field}"
        );
        in_schema += 1;
    }
    // The monthly records table: a list of rows with the registry's columns.
    let insured = &resolve(&schema, &schema["properties"][Months::SECTION.name()])["properties"];
    let table = resolve(&schema, &insured[Months::LEAF]);
    assert_eq!(table["type"], "array");
    assert_eq!(table["minItems"], json!(Months::ROWS));
    let columns = table["items"]["properties"]
        .as_object()
        .expect("row columns");
    assert_eq!(columns.len(), MonthColumn::ALL.len());
    for column in MonthColumn::ALL {
        let node = &columns[column.key()];
        match column {
            MonthColumn::Month => assert_eq!(node["maximum"], json!(12)),
            c => assert_eq!(
                node["$ref"],
                json!(format!("#/$defs/{}", schema_name(c.kind()))),
                "{c:?}"
            ),
        }
    }
    in_schema += 1;
    // And the schema has no leaf the registry lacks.
    let mut leaves = 0;
    for (key, node) in schema["properties"].as_object().into_iter().flatten() {
        match Section::from_name(key) {
            Some(_) => {
                leaves += resolve(&schema, node)["properties"]
                    .as_object()
                    .map_or(0, |p| p.len())
            }
            None => leaves += 1,
        }
    }
    assert_eq!(leaves, in_schema);
}

#[test]
fn every_field_round_trips_through_raw_parsing() {
    // Written through the registry, read back after a trip through JSON text.
    for (i, &field) in Field::ALL.iter().enumerate() {
        let mut raw = RawApplication::default();
        field.set_raw(&mut raw, distinct(i));
        let text = serde_json::to_string(&raw).expect("serialises");
        let json: Value = serde_json::from_str(&text).expect("JSON");
        assert_eq!(
            field_path::get(&json, field.path()),
            &distinct(i),
            "{field}"
        );
        let parsed = parse_application(&text).expect("parses");
        assert_eq!(parsed, raw, "{field}");
        for &other in Field::ALL {
            let expected = if other == field {
                distinct(i)
            } else {
                Value::Null
            };
            assert_eq!(other.raw(&parsed), &expected, "{field} / {other}");
        }
    }
    // Every field at once, from JSON built by path: nothing lands in `extra`.
    let mut json = json!({});
    for (i, &field) in Field::ALL.iter().enumerate() {
        field_path::set(&mut json, field.path(), distinct(i));
    }
    let raw = RawApplication::from_json(json.clone()).expect("parses");
    for (i, &field) in Field::ALL.iter().enumerate() {
        assert_eq!(field.raw(&raw), &distinct(i), "{field}");
    }
    assert!(raw.extra.is_empty() && raw.applicant.extra.is_empty());
    assert_eq!(serde_json::to_value(&raw).expect("serialises"), json);
}

#[test]
fn every_field_is_a_batch_column() {
    let header = Header::new(Field::ALL.iter().map(|f| f.path()));
    assert!(header.unknown.is_empty() && header.duplicated.is_empty());
    for (slot, &field) in header.slots.iter().zip(Field::ALL) {
        assert_eq!(*slot, Some(Column::Field(field)));
    }
    // The month columns, made from the table's registry, are the rest.
    let missing = header.missing();
    assert_eq!(missing.len(), MonthCell::ALL.len());
    for (path, cell) in missing.iter().zip(MonthCell::ALL) {
        assert_eq!(*path, Months::path(cell.month(), Some(cell.column())));
        assert_eq!(Column::from_path(path), Some(Column::Month(cell)));
    }
}

#[test]
fn the_monthly_records_round_trip_through_raw_parsing() {
    let rows = json!([{"month": 1, "insured": 3, "due": "1.00", "paid": "1.00", "note": "kept"}]);
    let mut json = json!({});
    field_path::set(&mut json, Months::PATH, rows.clone());
    let raw = RawApplication::from_json(json.clone()).expect("parses");
    assert_eq!(Months::raw(&raw), &rows);
    assert!(raw.insured.extra.is_empty());
    let written = serde_json::to_value(&raw).expect("serialises");
    assert_eq!(field_path::get(&written, Months::PATH), &rows);
    // Not given: not written out either (records made before it keep their form).
    let text = serde_json::to_string(&RawApplication::default()).expect("serialises");
    assert!(!text.contains(&format!("\"{}\"", Months::LEAF)), "{text}");
    for path in [Months::PATH, "insured.months.1", "insured.months.12.due"] {
        assert_ne!(label(path, Lang::Zh), path);
        assert_ne!(label(path, Lang::En), path);
    }
}
