//! The example library, embedded at build time by `build.rs`.

include!(concat!(env!("OUT_DIR"), "/examples.rs"));

/// The example the page opens with when there is no share link and no saved work.
pub const DEFAULT_ID: &str = "guest-reads-public-picture";

/// One entry of the example picker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExampleInfo {
    /// The file stem, used as the picker's option value.
    pub id: String,
    /// The label shown.
    pub title: String,
    /// The group it is listed under (empty: none).
    pub category: String,
}

/// The examples in the order of `index.json` (entries it does not list come after, by id).
/// Titles come from the index when it has one, else from the scenario's `name`.
pub fn list() -> Vec<ExampleInfo> {
    let index = INDEX.map(read_index).unwrap_or_default();
    let mut out: Vec<ExampleInfo> = Vec::new();
    for (id, title, category) in &index {
        if text(id).is_some() {
            out.push(ExampleInfo {
                id: id.clone(),
                title: title.clone().unwrap_or_else(|| name_of(id)),
                category: category.clone().unwrap_or_default(),
            });
        }
    }
    for (id, _) in EMBEDDED {
        if !out.iter().any(|e| e.id == *id) {
            out.push(ExampleInfo {
                id: (*id).to_string(),
                title: name_of(id),
                category: String::new(),
            });
        }
    }
    out
}

/// The scenario text of example `id`.
pub fn text(id: &str) -> Option<&'static str> {
    EMBEDDED.iter().find(|(k, _)| *k == id).map(|(_, v)| *v)
}

fn name_of(id: &str) -> String {
    text(id)
        .and_then(|t| serde_json::from_str::<serde_json::Value>(t).ok())
        .and_then(|v| v.get("name").and_then(|n| n.as_str()).map(str::to_string))
        .unwrap_or_else(|| id.to_string())
}

/// Reads the index leniently: a list (or `{"examples": [...]}`) of ids or of objects with
/// an `id` (or `file`) and an optional `title` (or `name`).
fn read_index(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
    let value: serde_json::Value = serde_json::from_str(text).unwrap_or_default();
    let list = value
        .as_array()
        .or_else(|| value.get("examples").and_then(|e| e.as_array()))
        .cloned()
        .unwrap_or_default();
    list.iter()
        .filter_map(|entry| {
            let field = |k: &str| entry.get(k).and_then(|v| v.as_str()).map(str::to_string);
            let id = entry
                .as_str()
                .map(str::to_string)
                .or_else(|| field("id"))
                .or_else(|| field("file").map(|f| f.trim_end_matches(".json").to_string()))?;
            Some((
                id,
                field("title").or_else(|| field("name")),
                field("category"),
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_library_lists_every_embedded_example_once_with_the_default_first() {
        let list = super::list();
        assert_eq!(list.len(), super::EMBEDDED.len());
        assert_eq!(list.first().map(|e| e.id.as_str()), Some(super::DEFAULT_ID));
        assert!(list.iter().all(|e| !e.title.is_empty()));
    }
}
