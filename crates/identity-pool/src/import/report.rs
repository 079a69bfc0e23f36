//! What every importer answers: the scenario it built, and what it took, left out and
//! assumed, each with its place in the user's file.

use iam_policy::{Diagnostic, LineIndex, Position, Span};
use serde::Serialize;
use serde_json::Value;

/// The kind of text that was imported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum ImportFormat {
    /// A CloudFormation or SAM template (JSON or YAML), or `cdk synth` output.
    CloudFormation,
    /// `terraform show -json` of a plan or a state.
    TerraformPlan,
    /// Terraform HCL source.
    TerraformHcl,
    /// A CloudTrail event (or a `Records` file).
    CloudTrail,
}

/// One line of the import's account, located in the imported text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ImportItem {
    /// What it is about, e.g. `AWS::IAM::Role AuthRole`.
    pub subject: String,
    /// What happened to it and why.
    pub message: String,
    /// Where it is in the imported text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<Position>,
    /// The byte span in the imported text (for editors).
    #[serde(skip)]
    pub span: Option<Span>,
}

/// The import's answer.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Imported {
    /// What the text was read as.
    pub format: ImportFormat,
    /// The scenario document built (formats.md section 2).
    pub scenario: Value,
    /// What was taken into the scenario.
    pub took: Vec<ImportItem>,
    /// What was not, and why.
    pub left_out: Vec<ImportItem>,
    /// Values the import chose because the text does not fix them (generated names, the
    /// account, the region).
    pub assumed: Vec<ImportItem>,
    /// Values that could not be resolved; the scenario holds a visible placeholder for each.
    pub placeholders: Vec<ImportItem>,
    /// Why the text could not be read (parse errors), located.
    pub diagnostics: Vec<Diagnostic>,
}

/// Collects the account while an importer runs; spans are located at the end.
#[derive(Debug, Default)]
pub struct Account {
    /// Taken.
    pub took: Vec<ImportItem>,
    /// Left out.
    pub left_out: Vec<ImportItem>,
    /// Assumed.
    pub assumed: Vec<ImportItem>,
    /// Placeholders.
    pub placeholders: Vec<ImportItem>,
}

fn item(subject: &str, message: String, span: Option<Span>) -> ImportItem {
    ImportItem {
        subject: subject.to_owned(),
        message,
        start: None,
        span,
    }
}

impl Account {
    /// Records something taken.
    pub fn took(&mut self, subject: &str, message: impl Into<String>, span: Option<Span>) {
        self.took.push(item(subject, message.into(), span));
    }
    /// Records something left out.
    pub fn left_out(&mut self, subject: &str, message: impl Into<String>, span: Option<Span>) {
        self.left_out.push(item(subject, message.into(), span));
    }
    /// Records an assumption (once per subject and message).
    pub fn assumed(&mut self, subject: &str, message: impl Into<String>, span: Option<Span>) {
        let message = message.into();
        if !self
            .assumed
            .iter()
            .any(|i| i.subject == subject && i.message == message)
        {
            self.assumed.push(item(subject, message, span));
        }
    }
    /// Records a placeholder (once per subject).
    pub fn placeholder(&mut self, subject: &str, message: impl Into<String>, span: Option<Span>) {
        if !self.placeholders.iter().any(|i| i.subject == subject) {
            self.placeholders.push(item(subject, message.into(), span));
        }
    }

    /// Adds another account's lines (assumptions and placeholders once each).
    pub fn merge(&mut self, other: Account) {
        self.took.extend(other.took);
        self.left_out.extend(other.left_out);
        for i in other.assumed {
            self.assumed(&i.subject, i.message, i.span);
        }
        for i in other.placeholders {
            self.placeholder(&i.subject, i.message, i.span);
        }
    }

    /// The answer, with every span turned into a line and column of `source`.
    pub fn finish(
        self,
        format: ImportFormat,
        scenario: Value,
        diagnostics: Vec<Diagnostic>,
        source: &str,
    ) -> Imported {
        // One pass over the text, then a binary search per item: an import that lists
        // thousands of resources stays linear in the text.
        let lines = LineIndex::new(source);
        let locate = |mut items: Vec<ImportItem>| {
            for i in &mut items {
                i.start = i.span.map(|s| lines.position(s.start));
            }
            items
        };
        let diagnostics = diagnostics
            .into_iter()
            .map(|mut d| {
                d.locate_with(&lines);
                d
            })
            .collect();
        Imported {
            format,
            scenario,
            took: locate(self.took),
            left_out: locate(self.left_out),
            assumed: locate(self.assumed),
            placeholders: locate(self.placeholders),
            diagnostics,
        }
    }
}
