//! The import dialog's work: a scenario or CLI output read here, anything else
//! (infrastructure code, a CloudTrail event) read by the lazily loaded API module. It runs in
//! the second module, next to the dialog (`review_panel::overlays`): the scenario is asked
//! for as JSON when something is imported, and the imported one handed back as a load.

use std::rc::Rc;

use yew::prelude::*;

use crate::backend::code::ImportAccountView;
use crate::state::import::{import, Input};
use crate::state::ScenarioDoc;

/// What an import replaces the scenario with: the scenario, and what the Changes view
/// compares with from now on (`the imported scenario`).
pub struct Imported {
    /// The new scenario.
    pub doc: ScenarioDoc,
    /// The baseline's label.
    pub baseline: &'static str,
}

/// The import's state and its callbacks.
pub struct Importer {
    /// Pasted or uploaded input to read.
    pub import: Callback<Input>,
    /// Set while the lazily loaded module reads infrastructure code.
    pub busy: bool,
    /// What the last code import took, left out and assumed, shown in the dialog.
    pub account: Option<Rc<ImportAccountView>>,
    /// Forget that account (the dialog opens fresh).
    pub forget_account: Callback<()>,
}

/// The importer over the scenario `scenario_json` writes; `load` replaces the scenario,
/// `notify` shows a notice, and `done` runs after a successful import (the dialog closes).
#[hook]
pub fn use_import(
    scenario_json: &Callback<(), String>,
    load: &Callback<Imported>,
    notify: &Callback<String>,
    done: &Callback<()>,
) -> Importer {
    let busy = use_state(bool::default);
    let account = use_state(|| None::<Rc<ImportAccountView>>);
    let import = {
        let (scenario_json, load, notify, done) = (
            scenario_json.clone(),
            load.clone(),
            notify.clone(),
            done.clone(),
        );
        let (busy, account) = (busy.clone(), account.clone());
        Callback::from(move |input: Input| {
            let json = scenario_json.emit(());
            let current = ScenarioDoc::from_json(&json).unwrap_or_default();
            match import(&current, &input) {
                Ok(imported) => {
                    load.emit(loaded(imported.doc, "the imported scenario"));
                    notify.emit(imported.summary);
                    done.emit(());
                }
                // A file that could not be read at all (too large, not UTF-8) is not tried as code.
                Err(e) if input.text.is_err() => {
                    notify.emit(format!("import failed: {}", e.message))
                }
                Err(e) => {
                    let text = input.text.unwrap_or_default();
                    let (load, notify) = (load.clone(), notify.clone());
                    let (busy, account) = (busy.clone(), account.clone());
                    busy.set(true);
                    yew::platform::spawn_local(async move {
                        let read = read_code(&json, &text).await;
                        busy.set(false);
                        match read {
                            Ok((doc, view)) => {
                                load.emit(loaded(doc, "the imported code"));
                                notify.emit(code_summary(&view));
                                account.set(Some(Rc::new(view)));
                            }
                            Err(code_error) => notify.emit(format!(
                                "import failed: {} (read as code: {code_error})",
                                e.message
                            )),
                        }
                    });
                }
            }
        })
    };
    let forget_account = {
        let account = account.clone();
        Callback::from(move |()| account.set(None))
    };
    Importer {
        import,
        busy: *busy,
        account: (*account).clone(),
        forget_account,
    }
}

fn loaded(doc: ScenarioDoc, baseline: &'static str) -> Imported {
    Imported { doc, baseline }
}

/// Infrastructure code read by the lazily loaded module into a scenario.
async fn read_code(json: &str, text: &str) -> Result<(ScenarioDoc, ImportAccountView), String> {
    let (json, account) = crate::backend::code::import_code(json, text).await?;
    let doc = ScenarioDoc::from_json(&json).map_err(|e| e.message)?;
    Ok((doc, account))
}

/// The notice after a code import: what it took, left out, assumed and stood in for.
fn code_summary(account: &ImportAccountView) -> String {
    format!(
        "imported a {}: {} taken, {} left out, {} assumed, {} placeholders",
        account.format,
        account.took.len(),
        account.left_out.len(),
        account.assumed.len(),
        account.placeholders.len()
    )
}
