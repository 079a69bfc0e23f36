//! What a key press in the editor does, decided from the key and its modifiers alone, so
//! every shortcut is tested natively; the component only carries the command out.

/// The modifier keys held, and whether an IME composition is under way.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Modifiers {
    /// Ctrl.
    pub ctrl: bool,
    /// Cmd on a Mac (Ctrl's stand-in for the shortcuts).
    pub meta: bool,
    /// Shift.
    pub shift: bool,
    /// Alt (Option).
    pub alt: bool,
    /// An IME is composing: Enter confirms the composition, it is no line break.
    pub composing: bool,
}

impl Modifiers {
    fn command(self) -> bool {
        self.ctrl || self.meta
    }
}

/// An edit of the text a key makes (see `super::edit`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyEdit {
    /// Tab: indent the line or selection.
    Indent,
    /// Shift+Tab.
    Dedent,
    /// Enter, keeping the indentation.
    Newline,
}

/// What a key press does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyCommand {
    /// Nothing of the editor's own: the browser does its default (types the character,
    /// moves focus on Tab after Escape, ...).
    Default,
    /// An edit made by the editor instead of the browser.
    Edit(KeyEdit),
    /// Undo (`false`) or redo (`true`).
    Step(bool),
    /// Ctrl+M: Tab moves focus instead of indenting, or indents again.
    ToggleTabFocus,
    /// Alt+Shift+F.
    Format,
    /// A single printable character, which may close a bracket on a blank line.
    Character(char),
}

/// The keyboard state that lives between key presses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct KeyState {
    /// Escape was the last key: the next Tab leaves the editor (keyboard users must be
    /// able to get out).
    pub tab_released: bool,
    /// Ctrl+M is on: Tab always moves focus.
    pub tab_moves_focus: bool,
}

/// The command for `key` (a `KeyboardEvent.key`) with `modifiers`; updates `state`'s
/// Escape-then-Tab memory.
pub fn key_command(key: &str, modifiers: Modifiers, state: &mut KeyState) -> KeyCommand {
    let (command, shift, alt) = (modifiers.command(), modifiers.shift, modifiers.alt);
    if key != "Tab" && key != "Shift" {
        state.tab_released = key == "Escape";
    }
    match key {
        "Tab" if !command && !alt => {
            if std::mem::take(&mut state.tab_released) || state.tab_moves_focus {
                KeyCommand::Default
            } else if shift {
                KeyCommand::Edit(KeyEdit::Dedent)
            } else {
                KeyCommand::Edit(KeyEdit::Indent)
            }
        }
        "Enter" if !command && !alt && !shift && !modifiers.composing => {
            KeyCommand::Edit(KeyEdit::Newline)
        }
        "z" | "Z" if command && !alt => KeyCommand::Step(shift),
        "y" | "Y" if command && !alt && !shift => KeyCommand::Step(true),
        "m" | "M" if modifiers.ctrl && !alt && !shift => KeyCommand::ToggleTabFocus,
        "f" | "F" if alt && shift && !command => KeyCommand::Format,
        _ if command || alt => KeyCommand::Default,
        _ => {
            let mut chars = key.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => KeyCommand::Character(c),
                _ => KeyCommand::Default,
            }
        }
    }
}

#[cfg(test)]
#[path = "keys_tests.rs"]
mod tests;
