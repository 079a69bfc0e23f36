//! The share link: copied to the clipboard, its outcome shown as a notice.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::mode::WorkshopLink;
use crate::state::Editor;

/// Share the editor's scenario. In a workshop the link keeps the recipient in the workshop,
/// at `exercise_open`.
#[hook]
pub fn use_share(
    editor: &UseReducerHandle<Editor>,
    workshop: Option<Rc<WorkshopLink>>,
    exercise_open: &Rc<RefCell<Option<String>>>,
    notify: &Callback<String>,
) -> Callback<()> {
    let (editor, exercise_open, notify) = (editor.clone(), exercise_open.clone(), notify.clone());
    Callback::from(move |()| {
        let json = editor.doc.to_json();
        notify.emit(match &workshop {
            Some(link) => crate::startup::share_in_workshop(
                &json,
                &link.id,
                exercise_open.borrow().as_deref(),
            ),
            None => crate::startup::share(&json),
        });
    })
}
