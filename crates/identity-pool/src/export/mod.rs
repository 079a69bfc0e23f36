//! Taking the fix back out in the form the user keeps it in: a CloudFormation YAML snippet,
//! Terraform, or the AWS CLI commands that apply it. All three are written from the
//! scenario document's pool, role attachment, principal tags and roles ([`model`]).

mod cli;
mod cloudformation;
mod model;
mod terraform;
mod yaml;

use serde::{Deserialize, Serialize};
use serde_json::Value;

pub use model::ExportModel;

/// The form to export in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum ExportFormat {
    /// A CloudFormation YAML template.
    CloudFormation,
    /// Terraform (HCL).
    Terraform,
    /// AWS CLI commands.
    AwsCli,
}

/// The exported text and what the reader should know about it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Exported {
    /// The form.
    pub format: ExportFormat,
    /// The text.
    pub text: String,
    /// What the export could not carry or chose.
    pub notes: Vec<String>,
}

/// Exports the scenario document `scenario`.
pub fn export(scenario: &Value, format: ExportFormat) -> Exported {
    let model = ExportModel::from_scenario(scenario);
    let mut notes = model.notes.clone();
    let text = match format {
        ExportFormat::CloudFormation => cloudformation::write(&model),
        ExportFormat::Terraform => terraform::write(&model),
        ExportFormat::AwsCli => cli::write(&model, &mut notes),
    };
    Exported {
        format,
        text,
        notes,
    }
}

#[cfg(test)]
mod tests;
