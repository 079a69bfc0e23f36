//! The page's dialogs (keyboard help, import, export as code), the module's third part: the
//! page mounts them with [`mount_overlays`] and tells them which is open with
//! [`Overlays::update`] (`playground::overlay_module::OverlayInput`, as JSON); they ask the
//! page to close, for the scenario's JSON, to load what an import read and to show a notice
//! (`OverlayEvent`, as JSON). The import's reading runs here (`use_import`).

use playground::components::export_code_dialog::ExportCodeDialog;
use playground::components::help_overlay::HelpOverlay;
use playground::components::import_dialog::ImportDialog;
use playground::hooks::use_import::{use_import, Imported};
use playground::overlay_module::{OverlayEvent, OverlayInput};
use playground::state::page::Overlay;
use wasm_bindgen::prelude::*;
use yew::{function_component, html, use_effect_with, AppHandle, Callback, Html, Properties};

/// What the dialogs' root renders from.
#[derive(Clone, Properties, PartialEq)]
pub struct OverlaysProps {
    /// What the page says to show.
    pub input: OverlayInput,
    /// Asks the page.
    pub ask: Callback<OverlayEvent, String>,
}

/// The open dialog, if any, with the import's work next to its dialog.
#[function_component]
fn OverlaysRoot(props: &OverlaysProps) -> Html {
    let ask = &props.ask;
    let on_close = {
        let ask = ask.clone();
        Callback::from(move |()| {
            ask.emit(OverlayEvent::Close);
        })
    };
    let notify = {
        let ask = ask.clone();
        Callback::from(move |text| {
            ask.emit(OverlayEvent::Notify(text));
        })
    };
    let scenario_json = ask.reform(|()| OverlayEvent::Scenario);
    let load = {
        let ask = ask.clone();
        Callback::from(move |imported: Imported| {
            ask.emit(OverlayEvent::Load {
                scenario: imported.doc.to_json(),
                baseline: imported.baseline.to_owned(),
            });
        })
    };
    let importer = use_import(&scenario_json, &load, &notify, &on_close);
    // The import dialog always opens fresh, without the last import's account.
    {
        let forget = importer.forget_account.clone();
        use_effect_with(props.input.open, move |_| forget.emit(()));
    }
    match props.input.open {
        Overlay::None => Html::default(),
        Overlay::Help => html! { <HelpOverlay {on_close} /> },
        Overlay::Import => html! {
            <ImportDialog on_import={importer.import} {on_close} account={importer.account}
                busy={importer.busy} />
        },
        Overlay::ExportCode => html! { <ExportCodeDialog {scenario_json} {on_close} /> },
    }
}

/// The mounted dialogs, as the page holds them.
#[wasm_bindgen]
pub struct Overlays {
    app: AppHandle<OverlaysRoot>,
    props: OverlaysProps,
}

/// Mounts the dialogs into `host`, showing `start` (`OverlayInput` as JSON); `on_event` is
/// called with each `OverlayEvent` as JSON text and returns the page's answer.
#[wasm_bindgen]
pub fn mount_overlays(
    host: web_sys::Element,
    start: &str,
    on_event: js_sys::Function,
) -> Result<Overlays, JsValue> {
    let input: OverlayInput = playground::lazy_panel::read_start(start)?;
    let ask = playground::lazy_panel::asker::<OverlayEvent>(on_event);
    let props = OverlaysProps { input, ask };
    // Slot 1, the module's (see `playground::lazy_panel::step_past_subtree_ids`).
    let app = playground::lazy_panel::render::<OverlaysRoot>(host, props.clone(), 1);
    Ok(Overlays { app, props })
}

#[wasm_bindgen]
impl Overlays {
    /// Tells the dialogs what to show now (`OverlayInput` as JSON; an unreadable message, or
    /// one that changes nothing, is ignored).
    pub fn update(&mut self, input: &str) {
        if playground::lazy_panel::apply_update(&mut self.props.input, input) {
            self.app.update(self.props.clone());
        }
    }
}
