//! Terraform HCL source (`.tf`) to a scenario. The file is read by a small, bounded HCL
//! reader ([`parser`]), its expressions are evaluated statically ([`eval`]) and its
//! resources go through the same importer as `terraform show -json` output, so both give the
//! same scenario for the same configuration. What the source cannot tell before apply
//! (generated IDs, names, the account) is assumed and listed; what cannot be evaluated
//! (variables without defaults, `for` expressions, unknown functions) stays a visible
//! `UNRESOLVED(...)` placeholder, listed with its place.

pub mod ast;
mod eval;
mod functions;
pub mod parser;
mod policy_document;

use serde_json::{Map, Value};

use super::plan::{resource_parts, Resource};
use crate::import::parts::ImportOptions;
use crate::import::plain;
use crate::import::report::{ImportFormat, Imported};
use ast::{Block, Body};
use eval::{Config, Evaluator};

/// The top-level block types of Terraform files.
const TOP_LEVEL: &[&str] = &[
    "resource",
    "data",
    "variable",
    "locals",
    "provider",
    "terraform",
    "module",
    "output",
    "moved",
    "import",
    "check",
    "removed",
];

/// Meta-arguments: how Terraform manages a resource, not what AWS is told.
const META: &[&str] = &[
    "depends_on",
    "provider",
    "lifecycle",
    "timeouts",
    "provisioner",
    "connection",
];

/// Whether `text` looks like Terraform HCL: its first word (past comments) is a top-level
/// block type followed by a label or `{`.
pub fn is_terraform_hcl(text: &str) -> bool {
    let mut rest = text.trim_start_matches('\u{feff}');
    loop {
        rest = rest.trim_start();
        if rest.starts_with('#') || rest.starts_with("//") {
            rest = rest.split_once('\n').map_or("", |(_, r)| r);
        } else if let Some(after) = rest.strip_prefix("/*") {
            rest = after.split_once("*/").map_or("", |(_, r)| r);
        } else {
            break;
        }
    }
    let word: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    let after = rest
        .get(word.len()..)
        .unwrap_or_default()
        .trim_start_matches([' ', '\t']);
    TOP_LEVEL.contains(&word.as_str()) && (after.starts_with('"') || after.starts_with('{'))
}

/// Imports Terraform HCL source.
pub fn import_terraform_hcl(text: &str, base: Option<&Value>, options: &ImportOptions) -> Imported {
    let body = match parser::parse(text) {
        Ok(body) => body,
        Err(d) => {
            return crate::import::report::Account::default().finish(
                ImportFormat::TerraformHcl,
                base.cloned().unwrap_or(Value::Null),
                vec![d],
                text,
            )
        }
    };
    let mut options = options.clone();
    let provider_region = provider_region(&body);
    if options.region.is_none() {
        options.region = provider_region.clone();
    }
    let deployment = options.deployment(base);
    let config = Config::new(&body);
    let mut ev = Evaluator::new(text, &config, &deployment);
    if let (Some(region), Some(block)) = (provider_region, aws_provider(&body)) {
        ev.account.took(
            "provider \"aws\"",
            format!("the region `{region}`"),
            Some(block.span),
        );
    }
    let mut resources = Vec::new();
    for block in &body.blocks {
        match (block.kind.as_str(), block.labels.as_slice()) {
            ("resource", [kind, name]) => {
                let address = format!("{kind}.{name}");
                let values = values_of(&mut ev, &address, &block.body);
                resources.push(resource(address, kind, "managed", values, block));
            }
            ("data", [kind, name]) => {
                let address = format!("data.{kind}.{name}");
                resources.push(resource(address, kind, "data", Map::new(), block));
            }
            ("module", labels) => ev.account.left_out(
                &format!("module \"{}\"", labels.join(" ")),
                "a module's resources are in its own files; import `terraform show -json` of a plan to include them",
                Some(block.span),
            ),
            _ => {}
        }
    }
    // Evaluation lines (assumptions, placeholders) come before the importer's.
    let mut account = std::mem::take(&mut ev.account);
    let parts = resource_parts(
        &resources,
        deployment.clone(),
        "the configuration",
        &mut account,
    );
    let scenario = parts.into_scenario(base, "Imported from Terraform", &mut account);
    account.finish(ImportFormat::TerraformHcl, scenario, Vec::new(), text)
}

fn aws_provider(body: &Body) -> Option<&Block> {
    body.blocks.iter().find(|b| {
        b.kind == "provider"
            && b.labels.first().map(String::as_str) == Some("aws")
            && b.body.attribute("alias").is_none()
    })
}

/// The default `aws` provider's region, when written as plain text.
fn provider_region(body: &Body) -> Option<String> {
    let region = aws_provider(body)?.body.attribute("region")?;
    match &region.expr.kind {
        ast::ExprKind::Template(parts) => match parts.as_slice() {
            [ast::Part::Literal(text)] => Some(text.clone()),
            _ => None,
        },
        _ => None,
    }
}

fn resource(
    address: String,
    kind: &str,
    mode: &str,
    values: Map<String, Value>,
    block: &Block,
) -> Resource {
    Resource {
        address,
        kind: kind.to_owned(),
        mode: mode.to_owned(),
        values,
        span: block.span,
        ..Resource::default()
    }
}

/// A resource body's attributes and nested blocks (as lists of objects, as in a plan).
fn values_of(ev: &mut Evaluator<'_>, address: &str, body: &Body) -> Map<String, Value> {
    let mut values = Map::new();
    for a in &body.attributes {
        match a.name.as_str() {
            "count" | "for_each" => {
                let n = plain(&ev.eval(&a.expr));
                ev.account.assumed(
                    address,
                    format!("`{}` makes several instances (`{n}`); one is imported, and `count.index`/`each` stay placeholders", a.name),
                    Some(a.span),
                );
            }
            name if META.contains(&name) => {}
            name => {
                let value = ev.eval(&a.expr);
                values.insert(name.to_owned(), value);
            }
        }
    }
    for b in &body.blocks {
        if META.contains(&b.kind.as_str()) {
            continue;
        }
        if b.kind == "dynamic" {
            ev.account.left_out(
                &format!("{address} dynamic \"{}\"", b.labels.join(" ")),
                "a `dynamic` block is not expanded by the import; write its blocks out to simulate them",
                Some(b.span),
            );
            continue;
        }
        let inner = Value::Object(values_of(ev, address, &b.body));
        match values.get_mut(&b.kind) {
            Some(Value::Array(items)) => items.push(inner),
            _ => {
                values.insert(b.kind.clone(), Value::Array(vec![inner]));
            }
        }
    }
    values
}

#[cfg(test)]
#[path = "import_tests.rs"]
mod tests;
