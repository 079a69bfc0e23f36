//! The test corpora of the diff and the coach (`tests/diff`, `tests/coach`): each case starts
//! from an example of the library and applies edits, JSON pointers to new values (a last
//! segment `-` appends to an array; a `null` value removes the member).

use serde_json::Value;

/// The repository's root.
pub fn root() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every case of every `.json` file of `tests/<dir>`, with its file name.
pub fn cases(dir: &str) -> Vec<(String, Value)> {
    let mut paths: Vec<_> = std::fs::read_dir(root().join("tests").join(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    let mut out = Vec::new();
    for path in paths {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            name.ends_with(".json"),
            "only .json files belong in tests/{dir}: {name}"
        );
        let text = std::fs::read_to_string(&path).unwrap();
        let list: Vec<Value> = serde_json::from_str(&text).unwrap();
        assert!(!list.is_empty(), "{name} has no cases");
        for case in list {
            for field in ["name", "note", "source"] {
                assert!(
                    case[field].as_str().is_some_and(|s| !s.is_empty()),
                    "{name}: every case needs a `{field}`: {case}"
                );
            }
            out.push((name.clone(), case));
        }
    }
    out
}

/// The example `id` of `web/examples` as JSON.
pub fn example(id: &str) -> Value {
    let path = root().join("web/examples").join(format!("{id}.json"));
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

/// `base` with `edits` (an object of pointer → value) applied.
pub fn edited(mut base: Value, edits: Option<&Value>) -> Value {
    let Some(edits) = edits.and_then(Value::as_object) else {
        return base;
    };
    for (pointer, value) in edits {
        let (parent, last) = pointer.rsplit_once('/').unwrap();
        let target = base
            .pointer_mut(parent)
            .unwrap_or_else(|| panic!("no `{parent}` to edit"));
        match target {
            Value::Array(items) if last == "-" => items.push(value.clone()),
            Value::Array(items) => {
                let i: usize = last.parse().unwrap();
                if value.is_null() {
                    items.remove(i);
                } else {
                    items[i] = value.clone();
                }
            }
            Value::Object(map) => {
                if value.is_null() {
                    map.shift_remove(last);
                } else {
                    map.insert(last.to_owned(), value.clone());
                }
            }
            other => panic!("cannot edit `{pointer}` inside {other}"),
        }
    }
    base
}

/// The case's scenario: its `example` with the edits of `field` applied, as loaded text.
pub fn scenario(case: &Value, field: &str) -> crate::Scenario {
    crate::load_scenario(&scenario_text(case, field))
        .scenario
        .unwrap()
}

/// The text [`scenario`] loads.
pub fn scenario_text(case: &Value, field: &str) -> String {
    let base = example(case["example"].as_str().unwrap());
    let value = edited(base, case.get(field));
    serde_json::to_string_pretty(&value).unwrap()
}
