//! The small inputs of a role mapping's card: each edits one string of the mappings
//! document and hands the new value to a setter.

use serde_json::Value;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::state::pool_edit::{set_path, PathStep};

/// A setter for the string at `path` in `current`: the whole document, with that one value
/// replaced, goes to `set`.
pub fn setter(current: &Value, path: Vec<PathStep>, set: &Callback<Value>) -> Callback<Value> {
    let (current, set) = (current.clone(), set.clone());
    Callback::from(move |new: Value| set.emit(set_path(&current, &path, new)))
}

/// A choice among `options`, `selected` shown chosen.
pub fn select(
    options: &'static [&'static str],
    selected: &str,
    label: &'static str,
    apply: Callback<Value>,
) -> Html {
    let onchange = Callback::from(move |e: Event| {
        let s: HtmlSelectElement = e.target_unchecked_into();
        apply.emit(Value::String(s.value()));
    });
    html! {
        <select aria-label={label} {onchange}>
            { for options.iter().map(|o| html! { <option value={*o} selected={selected == *o}>{ *o }</option> }) }
        </select>
    }
}

/// A text input labelled (and hinted) `label`; `list` names a datalist of suggestions.
pub fn text(
    value: String,
    label: &'static str,
    list: Option<&'static str>,
    apply: Callback<Value>,
) -> Html {
    let oninput = Callback::from(move |e: InputEvent| {
        let i: HtmlInputElement = e.target_unchecked_into();
        apply.emit(Value::String(i.value()));
    });
    html! { <input type="text" {list} aria-label={label} placeholder={label} {value} {oninput} /> }
}
