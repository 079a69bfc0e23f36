//! Export: the scenario file downloaded, named after the scenario.

use yew::prelude::*;

use crate::state::Editor;

/// Download the editor's scenario as `<name>.json`, saying which fields kept invalid JSON
/// as text (the file still loads; those fields are reported when it does).
#[hook]
pub fn use_export(editor: &UseReducerHandle<Editor>, notify: &Callback<String>) -> Callback<()> {
    let (editor, notify) = (editor.clone(), notify.clone());
    Callback::from(move |()| {
        let broken = editor.doc.broken_fields();
        if !broken.is_empty() {
            notify.emit(format!(
                "exported with invalid JSON kept as text in: {}",
                broken.join(", ")
            ));
        }
        let name = slug(&editor.doc.name);
        crate::dom::download(&format!("{name}.json"), &editor.doc.to_json());
    })
}

/// A file name from the scenario name: lower-case ASCII letters and digits, runs of
/// anything else as `-`, "scenario" when nothing is left.
fn slug(name: &str) -> String {
    let slug: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let slug = slug.trim_matches('-');
    if slug.is_empty() {
        "scenario".into()
    } else {
        slug.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::slug;

    #[test]
    fn slug_keeps_letters_and_digits_and_falls_back() {
        assert_eq!(slug("Guest S3 read-only!"), "guest-s3-read-only");
        assert_eq!(slug("  ***  "), "scenario");
        assert_eq!(slug("Übung"), "bung");
    }
}
