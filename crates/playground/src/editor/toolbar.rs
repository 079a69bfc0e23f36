//! The editor's title and buttons (Undo, Redo, Format, Wrap lines), and the line that says
//! what Tab does. Plain functions, not components: they hold no state of their own, and
//! each component costs the page's initial bundle its own machinery.

use yew::prelude::*;

/// What the toolbar shows and calls.
pub(super) struct Toolbar {
    /// The editor's label (e.g. `Guest: trust policy`).
    pub label: AttrValue,
    /// Whether to show the edit buttons at all (not in a read-only embed).
    pub editable: bool,
    /// Whether Format and Wrap lines apply (not to a long document shown read-only).
    pub formattable: bool,
    pub can_undo: bool,
    pub can_redo: bool,
    /// Soft wrap is on.
    pub wrap: bool,
    /// Undo (`false`) or redo (`true`).
    pub on_step: Callback<bool>,
    pub on_format: Callback<()>,
    pub on_wrap: Callback<()>,
}

impl Toolbar {
    /// The editor's label and its buttons.
    pub fn view(&self) -> Html {
        html! {
            <div class="pe-toolbar">
                <span class="pe-label">{ self.label.clone() }</span>
                if self.editable {
                    <button type="button" class="pe-button" disabled={!self.can_undo}
                        title="Undo (Ctrl+Z)" onclick={self.on_step.reform(|_| false)}>{ "Undo" }</button>
                    <button type="button" class="pe-button" disabled={!self.can_redo}
                        title="Redo (Ctrl+Shift+Z)" onclick={self.on_step.reform(|_| true)}>{ "Redo" }</button>
                    if self.formattable {
                        <button type="button" class="pe-button" data-testid="format-policy"
                            title="Format (Alt+Shift+F)" onclick={self.on_format.reform(|_| ())}>{ "Format" }</button>
                        <button type="button" class="pe-button" data-testid="wrap-lines" aria-pressed={self.wrap.to_string()}
                            title="Fold long lines at the editor's width"
                            onclick={self.on_wrap.reform(|_| ())}>{ "Wrap lines" }</button>
                    }
                }
            </div>
        }
    }
}

/// The line under the toolbar that says what Tab does (`tab_moves_focus`: Ctrl+M is on).
pub(super) fn keys_hint(tab_moves_focus: bool) -> Html {
    html! {
        <p class="pe-keys-hint" data-testid="editor-keys-hint">
            { if tab_moves_focus {
                "Tab moves to the next control · Ctrl+M: Tab indents again"
            } else {
                "Tab indents · Esc then Tab leaves the editor · Ctrl+M: Tab moves focus"
            } }
        </p>
    }
}
