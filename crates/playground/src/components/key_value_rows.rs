//! An editable list of (key, value) text pairs: login providers, principal tags.

use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The pairs, in display order.
type Rows = Vec<(String, String)>;

/// Props of [`KeyValueRows`].
#[derive(Properties, PartialEq)]
pub struct KeyValueRowsProps {
    /// The rows.
    pub rows: Vec<(String, String)>,
    /// Called with all rows after any change.
    pub on_change: Callback<Vec<(String, String)>>,
    /// Accessible names (and placeholders) of the two columns.
    pub labels: (AttrValue, AttrValue),
    /// What the remove buttons say to assistive technology, e.g. "Remove provider".
    pub remove_label: AttrValue,
    /// The add button's text.
    pub add_label: AttrValue,
    /// The key of a new row; `{n}` is replaced by its number.
    pub new_key: AttrValue,
    /// Optional `<datalist>` id suggesting keys.
    #[prop_or_default]
    pub key_list: Option<AttrValue>,
}

/// One row of two inputs and a remove button per pair, then an add button.
#[component]
pub fn KeyValueRows(props: &KeyValueRowsProps) -> Html {
    let changed = |edit: Box<dyn Fn(&mut Rows)>| {
        let rows = props.rows.clone();
        let on_change = props.on_change.clone();
        move || {
            let mut rows = rows.clone();
            edit(&mut rows);
            on_change.emit(rows);
        }
    };
    let add = {
        let n = props.rows.len() + 1;
        let key = props.new_key.replace("{n}", &n.to_string());
        let apply = changed(Box::new(move |rows| {
            rows.push((key.clone(), String::new()))
        }));
        Callback::from(move |_: MouseEvent| apply())
    };
    html! {
        <>
            { for props.rows.iter().enumerate().map(|(i, (key, value))| {
                let edit = |column: usize| {
                    let rows = props.rows.clone();
                    let on_change = props.on_change.clone();
                    Callback::from(move |e: InputEvent| {
                        let input: HtmlInputElement = e.target_unchecked_into();
                        let mut rows = rows.clone();
                        if let Some(row) = rows.get_mut(i) {
                            if column == 0 { row.0 = input.value() } else { row.1 = input.value() }
                        }
                        on_change.emit(rows);
                    })
                };
                let remove = {
                    let apply = changed(Box::new(move |rows| { if i < rows.len() { rows.remove(i); } }));
                    Callback::from(move |_: MouseEvent| apply())
                };
                html! {
                    <div class="row">
                        <input type="text" aria-label={props.labels.0.clone()} placeholder={props.labels.0.clone()}
                            list={props.key_list.clone()} value={key.clone()} oninput={edit(0)} />
                        <input type="text" aria-label={props.labels.1.clone()} placeholder={props.labels.1.clone()}
                            value={value.clone()} oninput={edit(1)} />
                        <button type="button" aria-label={props.remove_label.clone()} onclick={remove}>{ "×" }</button>
                    </div>
                }
            }) }
            <button type="button" onclick={add}>{ props.add_label.clone() }</button>
        </>
    }
}
