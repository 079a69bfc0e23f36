//! The page's ready mark: set once the first evaluation is on screen, so a test (or a host
//! page waiting on an embed) knows the decisions it reads are real.

use yew::prelude::*;

/// Marks the page ready after the first of `evaluations`.
#[hook]
pub fn use_ready_mark(evaluations: u32) {
    use_effect_with(evaluations, |count| {
        if *count > 0 {
            crate::dom::set_ready();
        }
    });
}
