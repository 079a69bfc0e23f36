//! The TypeScript declarations of the API's requests and answers, generated from the Rust
//! types themselves: their JSON Schema (schemars reads the same serde attributes that
//! shape the wire format: tags, renames, flattening, optional fields) turned into
//! TypeScript. The package ships them as `idpool-api.d.ts`; nothing is written by hand, so
//! the declarations cannot drift from the API.

use std::collections::BTreeMap;
use std::fmt::Write;

use identity_pool::api::{ApiAnswer, ApiRequest};
use schemars::gen::SchemaSettings;
use schemars::schema::{InstanceType, Schema, SchemaObject, SingleOrVec};

/// The declarations: `ApiRequest`, `ApiAnswer` and every type they are made of.
pub fn declarations() -> String {
    let mut gen = SchemaSettings::draft07().into_generator();
    let mut roots = BTreeMap::new();
    roots.insert("ApiRequest", gen.subschema_for::<ApiRequest>());
    roots.insert("ApiAnswer", gen.subschema_for::<ApiAnswer>());
    let mut out = String::from(
        "// Generated from the Rust API types by `cargo xtask js` (crates/js-api/src/typescript.rs).\n\
         // Do not edit: change the Rust types instead.\n\n",
    );
    let definitions = gen.definitions().clone();
    for (name, schema) in &definitions {
        declare(&mut out, name, schema);
    }
    for (name, schema) in roots {
        if !definitions.contains_key(name) {
            declare(&mut out, name, &schema);
        }
    }
    out
}

fn declare(out: &mut String, name: &str, schema: &Schema) {
    if let Some(text) = description(schema) {
        doc(out, &text, "");
    }
    let _ = writeln!(out, "export type {name} = {};\n", ts(schema, ""));
}

fn description(schema: &Schema) -> Option<String> {
    match schema {
        Schema::Object(o) => o.metadata.as_ref()?.description.clone(),
        Schema::Bool(_) => None,
    }
}

fn doc(out: &mut String, text: &str, indent: &str) {
    let _ = writeln!(out, "{indent}/**");
    for line in text.lines() {
        let _ = writeln!(out, "{indent} * {}", line.replace("*/", "*\\/"));
    }
    let _ = writeln!(out, "{indent} */");
}

/// The TypeScript type of `schema`; `indent` is the indentation of the line it starts on.
fn ts(schema: &Schema, indent: &str) -> String {
    match schema {
        Schema::Bool(true) => "unknown".to_owned(),
        Schema::Bool(false) => "never".to_owned(),
        Schema::Object(o) => object_ts(o, indent),
    }
}

fn object_ts(o: &SchemaObject, indent: &str) -> String {
    if let Some(reference) = &o.reference {
        return reference.rsplit('/').next().unwrap_or(reference).to_owned();
    }
    if let Some(value) = &o.const_value {
        return value.to_string();
    }
    if let Some(values) = &o.enum_values {
        return values
            .iter()
            .map(serde_json::Value::to_string)
            .collect::<Vec<_>>()
            .join(" | ");
    }
    let mut parts = Vec::new();
    if let Some(types) = &o.instance_type {
        let types: Vec<&InstanceType> = match types {
            SingleOrVec::Single(t) => vec![t.as_ref()],
            SingleOrVec::Vec(list) => list.iter().collect(),
        };
        let shaped: Vec<String> = types.iter().map(|t| instance(t, o, indent)).collect();
        parts.push(union(shaped));
    } else if o.object.is_some() {
        parts.push(instance(&InstanceType::Object, o, indent));
    }
    if let Some(sub) = &o.subschemas {
        if let Some(all) = &sub.all_of {
            parts.extend(all.iter().map(|s| paren(ts(s, indent))));
        }
        for list in [&sub.one_of, &sub.any_of].into_iter().flatten() {
            let alternatives: Vec<String> = list.iter().map(|s| ts(s, indent)).collect();
            parts.push(paren(union(alternatives)));
        }
    }
    match parts.len() {
        0 => "unknown".to_owned(),
        1 => parts.swap_remove(0),
        _ => parts.join(" & "),
    }
}

fn union(mut alternatives: Vec<String>) -> String {
    alternatives.dedup();
    if alternatives.len() == 1 {
        return alternatives.swap_remove(0);
    }
    alternatives.join(" | ")
}

fn paren(text: String) -> String {
    if text.contains(" | ") || text.contains(" & ") {
        format!("({text})")
    } else {
        text
    }
}

fn instance(t: &InstanceType, o: &SchemaObject, indent: &str) -> String {
    match t {
        InstanceType::Null => "null".to_owned(),
        InstanceType::Boolean => "boolean".to_owned(),
        InstanceType::Integer | InstanceType::Number => "number".to_owned(),
        InstanceType::String => "string".to_owned(),
        InstanceType::Array => array(o, indent),
        InstanceType::Object => object(o, indent),
    }
}

fn array(o: &SchemaObject, indent: &str) -> String {
    let items = o.array.as_ref().and_then(|a| a.items.as_ref());
    match items {
        Some(SingleOrVec::Single(item)) => format!("{}[]", paren(ts(item, indent))),
        Some(SingleOrVec::Vec(items)) => {
            let items: Vec<String> = items.iter().map(|i| ts(i, indent)).collect();
            format!("[{}]", items.join(", "))
        }
        None => "unknown[]".to_owned(),
    }
}

fn object(o: &SchemaObject, indent: &str) -> String {
    let Some(v) = &o.object else {
        return "Record<string, unknown>".to_owned();
    };
    let inner = format!("{indent}  ");
    let mut out = String::from("{\n");
    for (name, schema) in &v.properties {
        if let Some(text) = description(schema) {
            doc(&mut out, &text, &inner);
        }
        let optional = if v.required.contains(name) { "" } else { "?" };
        let key = if name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            name.clone()
        } else {
            serde_json::Value::String(name.clone()).to_string()
        };
        let _ = writeln!(out, "{inner}{key}{optional}: {};", ts(schema, &inner));
    }
    if let Some(extra) = &v.additional_properties {
        if !matches!(**extra, Schema::Bool(false)) {
            let _ = writeln!(out, "{inner}[key: string]: {};", ts(extra, &inner));
        }
    }
    if v.properties.is_empty() && v.additional_properties.is_none() {
        return "Record<string, unknown>".to_owned();
    }
    out.push_str(indent);
    out.push('}');
    out
}

#[cfg(test)]
mod tests {
    use super::declarations;

    #[test]
    fn every_op_is_declared_by_its_wire_name_and_nothing_is_any() {
        let text = declarations();
        for wanted in [
            "export type ApiRequest = ",
            "export type ApiAnswer = ",
            "op: \"simulate\";",
            "op: \"parsePolicy\";",
            "op: \"error\";",
            "export type Report = ",
            "export type Diagnostic = ",
        ] {
            assert!(text.contains(wanted), "missing `{wanted}`");
        }
        assert!(!text.contains(": any"), "a type fell back to `any`");
    }
}
