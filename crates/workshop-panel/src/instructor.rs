//! For instructors: the link to the exercise open, and opening their own workshop file.

use share_link::fragment::percent_encode;
use yew::prelude::*;

/// Props of [`Instructor`].
#[derive(Properties, PartialEq)]
pub struct InstructorProps {
    /// The workshop's id.
    pub workshop: AttrValue,
    /// The exercise open.
    pub exercise: AttrValue,
    /// The file picker.
    pub children: Html,
}

/// A folded section at the panel's end.
#[component]
pub fn Instructor(props: &InstructorProps) -> Html {
    let link = format!(
        "#workshop={}&exercise={}",
        percent_encode(&props.workshop),
        percent_encode(&props.exercise)
    );
    html! {
        <details class="instructor">
            <summary>{ "For instructors" }</summary>
            <p>{ "Link to this exercise: " }<a href={link.clone()}>{ link }</a></p>
            { props.children.clone() }
        </details>
    }
}
