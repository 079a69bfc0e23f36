//! Terraform to a scenario: the JSON of `terraform show -json` (a saved plan or the state)
//! and HCL source (`.tf` files). In a plan, values that are "known after apply" are absent;
//! they are rebuilt from the configuration's references where the import knows the value
//! (the pool's ID, a role's ARN from its name) and otherwise become listed placeholders. HCL
//! source is evaluated statically ([`hcl`]) and goes through the same importer.

pub mod hcl;
mod plan;

pub use hcl::{import_terraform_hcl, is_terraform_hcl};
pub use plan::import_terraform_json;

/// Whether a JSON document is `terraform show -json` output.
pub fn is_terraform_json(root: &serde_json::Value) -> bool {
    root.get("format_version").is_some()
        && (root.get("planned_values").is_some()
            || root.get("values").is_some()
            || root.get("resource_changes").is_some())
}
