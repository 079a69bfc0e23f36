//! The share link: copied to the clipboard, its outcome shown as a notice.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::mode::WorkshopLink;
use crate::share_module::{self, Around};
use crate::startup::{publish, share_what};
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
        let around = Around {
            workshop: workshop.as_ref().map(|link| link.id.clone()),
            exercise: workshop.as_ref().and(exercise_open.borrow().clone()),
        };
        let what = share_what(&around);
        // Inside the click when the encoder is loaded, so the clipboard accepts the link.
        match share_module::encode_now(&json, &around) {
            Some(encoded) => notify.emit(publish(encoded, &what)),
            None => {
                let notify = notify.clone();
                yew::platform::spawn_local(async move {
                    let encoded = share_module::encode(&json, &around).await;
                    notify.emit(publish(encoded, &what));
                });
            }
        }
    })
}
