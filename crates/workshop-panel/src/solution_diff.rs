//! The exercise's solution next to the learner's version, as a line diff, with a button to
//! take the solution into the editor.

use yew::prelude::*;

use crate::line_diff::{line_diff, normalized_json, DiffLine};

/// Props of [`SolutionDiff`].
#[derive(Properties, PartialEq)]
pub struct SolutionDiffProps {
    /// The learner's scenario text.
    pub mine: AttrValue,
    /// The solved scenario text.
    pub solution: AttrValue,
    /// Loads the solution into the editor.
    pub on_use: Callback<()>,
}

/// `-` lines are only in the learner's version, `+` lines only in the solution.
#[component]
pub fn SolutionDiff(props: &SolutionDiffProps) -> Html {
    let diff = use_memo(
        (props.mine.clone(), props.solution.clone()),
        |(mine, solution)| line_diff(&normalized_json(mine), &normalized_json(solution)),
    );
    let changed = diff.as_ref().as_ref().map_or(0, |lines| {
        lines
            .iter()
            .filter(|l| !matches!(l, DiffLine::Same(_)))
            .count()
    });
    let on_use = props.on_use.reform(|_: MouseEvent| ());
    html! {
        <div class="solution" data-testid="solution">
            <p>{ format!("The solution, compared with your version ({changed} lines differ; − yours, + the solution):") }</p>
            <pre class="diff">
                { match &*diff {
                    Some(lines) => lines.iter().map(|line| match line {
                        DiffLine::Same(t) => html! { <span class="same">{ format!("  {t}\n") }</span> },
                        DiffLine::Removed(t) => html! { <del class="removed">{ format!("− {t}\n") }</del> },
                        DiffLine::Added(t) => html! { <ins class="added">{ format!("+ {t}\n") }</ins> },
                    }).collect::<Html>(),
                    None => html! { { props.solution.clone() } },
                } }
            </pre>
            <button type="button" onclick={on_use}>{ "Use the solution" }</button>
        </div>
    }
}
