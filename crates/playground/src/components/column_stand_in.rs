//! What a column drawn by the second module shows until the module has mounted it: the
//! column's heading and a status line, loading or why it failed with Try again.

use yew::prelude::*;

use crate::hooks::use_panel_mount::{PanelMount, PanelStatus};

/// The words of one column's stand-in.
pub struct StandIn {
    /// The heading's id (the column's own heading has it once mounted).
    pub heading_id: &'static str,
    /// The heading.
    pub heading: &'static str,
    /// `pool` gives `data-testid="pool-status"` and `"pool-retry"`.
    pub testid: &'static str,
    /// The status line while loading.
    pub loading: &'static str,
}

/// The stand-in for `panel` (nothing once it is mounted).
pub fn column_stand_in(words: &StandIn, panel: &PanelMount) -> Html {
    let status = format!("{}-status", words.testid);
    let retry_id = format!("{}-retry", words.testid);
    let line = match &panel.status {
        PanelStatus::Mounted => return Html::default(),
        PanelStatus::Failed(reason) => {
            let retry = panel.retry.reform(|_: MouseEvent| ());
            html! {
                <p class="outcome failed" data-testid={status} data-state="failed" role="alert">
                    { reason.clone() }{ " " }
                    <button type="button" data-testid={retry_id} onclick={retry}>{ "Try again" }</button>
                </p>
            }
        }
        PanelStatus::Loading => html! {
            <p class="muted" data-testid={status} data-state="loading">{ words.loading }</p>
        },
    };
    html! {
        <section class="panel" aria-labelledby={words.heading_id}>
            <h2 id={words.heading_id}>{ words.heading }</h2>
            { line }
        </section>
    }
}
