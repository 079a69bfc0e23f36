//! The editor's title and buttons: Undo, Redo, Format, Wrap lines.

use yew::prelude::*;

/// Properties of [`Toolbar`].
#[derive(Properties, PartialEq)]
pub(super) struct ToolbarProps {
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

/// The editor's label and its buttons.
#[component]
pub(super) fn Toolbar(props: &ToolbarProps) -> Html {
    html! {
        <div class="pe-toolbar">
            <span class="pe-label">{ props.label.clone() }</span>
            if props.editable {
                <button type="button" class="pe-button" disabled={!props.can_undo}
                    title="Undo (Ctrl+Z)" onclick={props.on_step.reform(|_| false)}>{ "Undo" }</button>
                <button type="button" class="pe-button" disabled={!props.can_redo}
                    title="Redo (Ctrl+Shift+Z)" onclick={props.on_step.reform(|_| true)}>{ "Redo" }</button>
                if props.formattable {
                    <button type="button" class="pe-button" data-testid="format-policy"
                        title="Format (Alt+Shift+F)" onclick={props.on_format.reform(|_| ())}>{ "Format" }</button>
                    <button type="button" class="pe-button" data-testid="wrap-lines" aria-pressed={props.wrap.to_string()}
                        title="Fold long lines at the editor's width"
                        onclick={props.on_wrap.reform(|_| ())}>{ "Wrap lines" }</button>
                }
            }
        </div>
    }
}

/// Properties of [`KeysHint`].
#[derive(Properties, PartialEq)]
pub(super) struct KeysHintProps {
    /// Ctrl+M is on: Tab moves focus.
    pub tab_moves_focus: bool,
}

/// The line under the toolbar that says what Tab does.
#[component]
pub(super) fn KeysHint(props: &KeysHintProps) -> Html {
    html! {
        <p class="pe-keys-hint" data-testid="editor-keys-hint">
            { if props.tab_moves_focus {
                "Tab moves to the next control · Ctrl+M: Tab indents again"
            } else {
                "Tab indents · Esc then Tab leaves the editor · Ctrl+M: Tab moves focus"
            } }
        </p>
    }
}
