//! Infrastructure code in and out: import a template, a Terraform plan or source, or a
//! CloudTrail event; export the scenario as CloudFormation, Terraform or AWS CLI commands.
//! Both are answered by the lazily loaded API module ([`super::lazy`]): their readers
//! (YAML, HCL) and writers are not part of the page's first load.

use identity_pool::api::{ApiCall, Diagnostic, Position, ScenarioInput};
use identity_pool::export::ExportFormat;
use serde::Deserialize;

use super::lazy::{ask, read, Envelope};

/// What an import of infrastructure code took, left out and assumed, one line each with
/// its place in the imported text (as JSON, it crosses to the dialogs' module).
#[derive(Clone, Debug, PartialEq, Default, serde::Serialize, Deserialize)]
pub struct ImportAccountView {
    /// e.g. `CloudFormation template`.
    pub format: String,
    /// Lines of what was taken.
    pub took: Vec<String>,
    /// Lines of what was left out.
    pub left_out: Vec<String>,
    /// Lines of what was assumed.
    pub assumed: Vec<String>,
    /// Lines of values kept as placeholders.
    pub placeholders: Vec<String>,
}

/// One line of an import's account, as the answer gives it.
#[derive(Debug, Deserialize)]
pub struct Item {
    subject: String,
    message: String,
    #[serde(default)]
    start: Option<Position>,
}

/// The `import` payload: the fields the page shows.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Imported {
    format: String,
    scenario: serde_json::Value,
    #[serde(default)]
    took: Vec<Item>,
    #[serde(default)]
    left_out: Vec<Item>,
    #[serde(default)]
    assumed: Vec<Item>,
    #[serde(default)]
    placeholders: Vec<Item>,
    #[serde(default)]
    diagnostics: Vec<Diagnostic>,
}

/// The `export` payload.
#[derive(Debug, Deserialize)]
pub struct Exported {
    text: String,
    #[serde(default)]
    notes: Vec<String>,
}

/// The import request for `text`, into the scenario `scenario_json`.
pub fn import_call(scenario_json: &str, text: &str) -> ApiCall {
    ApiCall::Import {
        text: text.to_owned(),
        scenario: Some(ScenarioInput::Text(scenario_json.to_owned())),
        options: Default::default(),
    }
}

/// The new scenario text and the account, or why the text could not be read.
pub fn read_import(answer: Envelope<Imported>) -> Result<(String, ImportAccountView), String> {
    let import = answer.payload("the import answered nothing")?;
    if let Some(d) = import.diagnostics.first() {
        let at = d
            .start
            .map(|p| format!("line {}, column {}: ", p.line, p.column))
            .unwrap_or_default();
        return Err(format!("{at}{}", d.message));
    }
    let lines = |items: &[Item]| -> Vec<String> {
        items
            .iter()
            .map(|i| {
                let at = i
                    .start
                    .map(|p| format!("line {}: ", p.line))
                    .unwrap_or_default();
                format!("{at}{} — {}", i.subject, i.message)
            })
            .collect()
    };
    let account = ImportAccountView {
        format: match import.format.as_str() {
            "cloudFormation" => "CloudFormation template",
            "terraformPlan" => "Terraform plan/state",
            "terraformHcl" => "Terraform configuration",
            "cloudTrail" => "CloudTrail event",
            other => other,
        }
        .to_owned(),
        took: lines(&import.took),
        left_out: lines(&import.left_out),
        assumed: lines(&import.assumed),
        placeholders: lines(&import.placeholders),
    };
    let scenario = serde_json::to_string_pretty(&import.scenario).map_err(|e| e.to_string())?;
    Ok((scenario, account))
}

/// Imports a template, a Terraform plan/state or source, or a CloudTrail event into the
/// scenario: the new scenario text and the account, or why the text could not be read.
pub async fn import_code(
    scenario_json: &str,
    text: &str,
) -> Result<(String, ImportAccountView), String> {
    read_import(read(&ask(import_call(scenario_json, text)).await?)?)
}

/// The export request.
pub fn export_call(scenario_json: &str, format: ExportFormat) -> ApiCall {
    ApiCall::Export {
        scenario: ScenarioInput::Text(scenario_json.to_owned()),
        format,
    }
}

/// The exported text and its notes.
pub fn read_export(answer: Envelope<Exported>) -> Result<(String, Vec<String>), String> {
    answer
        .payload("the export answered nothing")
        .map(|e| (e.text, e.notes))
}

/// The scenario exported as code (`cloudFormation`, `terraform` or `awsCli`): the text
/// and its notes, or why there is none.
pub async fn export_code(
    scenario_json: &str,
    format: ExportFormat,
) -> Result<(String, Vec<String>), String> {
    read_export(read(&ask(export_call(scenario_json, format)).await?)?)
}
