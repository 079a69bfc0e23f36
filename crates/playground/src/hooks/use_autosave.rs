//! Autosave: the scenario saved in the browser after each evaluation (evaluations are
//! already debounced), a failure reported once.

use yew::prelude::*;

use crate::state::Editor;

/// Save after each evaluation but the first (the first is of what was just restored or
/// opened). `enabled` is false in a workshop, whose work is kept per workshop and must not
/// overwrite the playground's.
#[hook]
pub fn use_autosave(
    editor: &UseReducerHandle<Editor>,
    evaluations: u32,
    enabled: bool,
    notify: &Callback<String>,
) {
    let warned = use_mut_ref(|| false);
    let (editor, notify) = (editor.clone(), notify.clone());
    use_effect_with(evaluations, move |count| {
        if *count > 1 && enabled {
            if let Err(e) = crate::storage::browser::save(&editor.doc.to_json()) {
                if !*warned.borrow() {
                    *warned.borrow_mut() = true;
                    notify.emit(format!("{} ({})", e.message, e.help));
                }
            }
        }
    });
}
