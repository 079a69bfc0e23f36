//! Text from the simulation marks names with backticks (`Guest/ReadPicture`); this shows
//! those spans as code. Everything stays a text node: nothing is parsed as markup.

use yew::prelude::*;

/// Props of [`RichText`].
#[derive(Properties, PartialEq)]
pub struct RichTextProps {
    /// The text, with `code` spans in backticks.
    pub text: AttrValue,
}

/// Alternating text and `<code>` spans.
#[component]
pub fn RichText(props: &RichTextProps) -> Html {
    props
        .text
        .split('`')
        .enumerate()
        .map(|(i, part)| {
            if i % 2 == 1 {
                html! { <code>{ part.to_string() }</code> }
            } else {
                html! { { part.to_string() } }
            }
        })
        .collect::<Html>()
}
