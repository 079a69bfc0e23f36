//! The editor's edits, carried out: each reads the textarea, applies one of the pure
//! functions (`super::edit`, `super::history`, the engine's formatter) and hands the new
//! text to the parent. Kept apart from the component so each is one small function.

use std::cell::RefCell;
use std::rc::Rc;

use identity_pool::api::{format_json, Diagnostic};
use yew::prelude::*;

use super::caret::{read, show};
use super::edit::{close_bracket, dedent, indent, newline, INDENT};
use super::history::{EditKind, History};
use super::keys::{key_command, KeyCommand, KeyEdit, KeyState, Modifiers};
use super::text::{byte_to_utf16, map_caret, Snapshot};

/// Everything an edit needs; shared (`Rc`) by the callbacks.
pub(super) struct Editing {
    pub textarea: NodeRef,
    pub history: Rc<RefCell<History>>,
    pub on_change: Callback<String>,
    /// A failed Format's message, until the next edit makes it stale.
    pub format_error: UseStateHandle<Option<Diagnostic>>,
    pub keys: Rc<RefCell<KeyState>>,
    pub refresh: UseForceUpdateHandle,
}

/// The editor's undo history, key state and format error for the document `policy_id`,
/// kept in step with `value` (the parent's text).
#[hook]
pub(super) fn use_editing(
    policy_id: &AttrValue,
    value: &AttrValue,
    on_change: &Callback<String>,
    textarea: NodeRef,
) -> Rc<Editing> {
    let history = use_mut_ref(|| History::new(Snapshot::with_caret(value.as_str(), 0)));
    let format_error = use_state(|| None::<Diagnostic>);
    let keys = use_mut_ref(KeyState::default);
    let refresh = use_force_update();
    // Yew reuses a component in place when a list shifts (a role or policy removed above
    // this one): a new policy id means a new document, whose undo must not bring back
    // another policy's text.
    let owner = use_mut_ref(|| policy_id.clone());
    if *owner.borrow() != *policy_id {
        *owner.borrow_mut() = policy_id.clone();
        *history.borrow_mut() = History::new(Snapshot::with_caret(value.as_str(), 0));
        if format_error.is_some() {
            format_error.set(None);
        }
    }
    history.borrow_mut().follow(value);
    Rc::new(Editing {
        textarea,
        history,
        on_change: on_change.clone(),
        format_error,
        keys,
        refresh,
    })
}

impl Editing {
    /// What the textarea shows: the user's latest text (the parent's text follows it,
    /// sometimes a task later; see [`History::follow`]).
    pub fn text(&self) -> AttrValue {
        self.history
            .borrow()
            .current()
            .map(|snapshot| AttrValue::from(snapshot.text.clone()))
            .unwrap_or_default()
    }

    /// Shows a snapshot, records it and tells the parent.
    pub fn commit(&self, snapshot: Snapshot, kind: EditKind) {
        show(&self.textarea, &snapshot);
        let text = snapshot.text.clone();
        self.history
            .borrow_mut()
            .record(snapshot, kind, js_sys::Date::now());
        self.clear_format_error();
        self.on_change.emit(text);
    }

    /// Replaces the whole text (a file read in, or cleared to paste anew); one undo step.
    pub fn replace(&self, text: String) {
        let caret = text.encode_utf16().count();
        self.commit(Snapshot::with_caret(text, caret), EditKind::Other);
    }

    /// Undo (`forward == false`) or redo.
    pub fn step(&self, forward: bool) {
        let snapshot = {
            let mut history = self.history.borrow_mut();
            let next = if forward {
                history.redo()
            } else {
                history.undo()
            };
            next.cloned()
        };
        if let Some(snapshot) = snapshot {
            show(&self.textarea, &snapshot);
            self.on_change.emit(snapshot.text);
            self.refresh.force_update();
        }
    }

    /// Formats the text with the engine's formatter, keeping the caret on its character.
    pub fn format(&self) {
        let Some(current) = read(&self.textarea) else {
            return;
        };
        match format_json(&current.text, INDENT) {
            Ok(formatted) if formatted == current.text => {}
            Ok(formatted) => {
                let (caret, _) = current.byte_selection();
                let caret = map_caret(&current.text, &formatted, caret);
                let caret = byte_to_utf16(&formatted, caret);
                self.commit(Snapshot::with_caret(formatted, caret), EditKind::Other);
            }
            Err(error) => self.format_error.set(Some(error)),
        }
    }

    /// The browser changed the text (typing, paste, cut, drop).
    pub fn input(&self, event: &InputEvent) {
        // A format error describes the text as it was; any edit makes it stale.
        self.clear_format_error();
        let Some(snapshot) = read(&self.textarea) else {
            return;
        };
        let kind = EditKind::from_input_type(&event.input_type());
        let text = snapshot.text.clone();
        self.history
            .borrow_mut()
            .record(snapshot, kind, js_sys::Date::now());
        self.on_change.emit(text);
    }

    /// A key went down in the textarea: the editor's own keys (see `super::keys`).
    pub fn key(&self, event: &KeyboardEvent) {
        let modifiers = Modifiers {
            ctrl: event.ctrl_key(),
            meta: event.meta_key(),
            shift: event.shift_key(),
            alt: event.alt_key(),
            composing: event.is_composing(),
        };
        let command = key_command(&event.key(), modifiers, &mut self.keys.borrow_mut());
        match command {
            KeyCommand::Default => {}
            KeyCommand::Edit(edit) => {
                let edit: fn(&Snapshot) -> Snapshot = match edit {
                    KeyEdit::Indent => indent,
                    KeyEdit::Dedent => dedent,
                    KeyEdit::Newline => newline,
                };
                if let Some(current) = read(&self.textarea) {
                    event.prevent_default();
                    self.commit(edit(&current), EditKind::Other);
                }
            }
            KeyCommand::Step(forward) => {
                event.prevent_default();
                self.step(forward);
            }
            KeyCommand::ToggleTabFocus => {
                event.prevent_default();
                let mut keys = self.keys.borrow_mut();
                keys.tab_moves_focus = !keys.tab_moves_focus;
                self.refresh.force_update();
            }
            KeyCommand::Format => {
                event.prevent_default();
                self.format();
            }
            KeyCommand::Character(c) => {
                let closed = read(&self.textarea).and_then(|current| close_bracket(&current, c));
                if let Some(closed) = closed {
                    event.prevent_default();
                    self.commit(closed, EditKind::Typing);
                }
            }
        }
    }

    fn clear_format_error(&self) {
        if self.format_error.is_some() {
            self.format_error.set(None);
        }
    }
}
