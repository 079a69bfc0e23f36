//! Long problem lists, folded: the first few items and a "Show all N" button, so a policy
//! with hundreds of warnings (the hostile share link of issue 13: 30,000 capped to 101)
//! does not push the first request's decision off a phone's first screen (390x844), nor
//! cost the page a few hundred elements to build on every render. View functions, not a
//! component (a component type costs the initial bundle about a kilobyte gzipped): the
//! component that shows the list keeps whether it is unfolded.

use yew::prelude::*;

/// Lists longer than this fold.
pub const FOLD_FROM: usize = 3;

/// How many items a folded list shows: one, so that on a phone the results list, folded,
/// leaves the first request's decision on the first screen (with two, the hostile link's
/// decision ended 3 pixels below it: its first problem takes three lines at 390 pixels).
pub const FOLDED_SHOWN: usize = 1;

/// How many of `count` items to show: all of a short or unfolded list, else the first
/// [`FOLDED_SHOWN`].
pub fn shown(count: usize, unfolded: bool) -> usize {
    if unfolded || count <= FOLD_FROM {
        count
    } else {
        FOLDED_SHOWN
    }
}

/// The button that unfolds (or folds again) a list of `count` problems; nothing for a
/// list too short to fold. It stays where it is either way, so the keyboard's focus does.
pub fn fold_button(count: usize, unfolded: &UseStateHandle<bool>) -> Html {
    if count <= FOLD_FROM {
        return Html::default();
    }
    let open = **unfolded;
    let onclick = {
        let unfolded = unfolded.clone();
        Callback::from(move |_: MouseEvent| unfolded.set(!open))
    };
    let label = if open {
        "Show fewer".to_owned()
    } else {
        format!("Show all {count} problems")
    };
    html! {
        <button type="button" class="link fold" data-testid="show-all-problems"
            aria-expanded={if open { "true" } else { "false" }} {onclick}>{ label }</button>
    }
}

#[cfg(test)]
mod tests {
    use super::{shown, FOLDED_SHOWN, FOLD_FROM};

    #[test]
    fn a_long_list_shows_its_first_items_until_unfolded() {
        assert_eq!(shown(0, false), 0);
        assert_eq!(shown(FOLD_FROM, false), FOLD_FROM);
        assert_eq!(shown(FOLD_FROM + 1, false), FOLDED_SHOWN);
        assert_eq!(shown(201, false), FOLDED_SHOWN);
        assert_eq!(shown(201, true), 201);
    }
}
