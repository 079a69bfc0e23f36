//! Evaluation bounds and the whole HCL import on generated input.

use proptest::prelude::*;

use super::{import_terraform_hcl, is_terraform_hcl};
use crate::import::ImportOptions;

fn import(text: &str) -> crate::import::Imported {
    import_terraform_hcl(text, None, &ImportOptions::default())
}

#[test]
fn recognises_terraform_and_not_yaml() {
    assert!(is_terraform_hcl(
        "# c\n/* c */\nresource \"aws_iam_role\" \"r\" {}"
    ));
    assert!(is_terraform_hcl("locals {\n}"));
    assert!(!is_terraform_hcl(
        "Resources:\n  Pool:\n    Type: AWS::Cognito::IdentityPool\n"
    ));
    assert!(!is_terraform_hcl("resource: x\n"));
}

#[test]
fn multiplying_locals_stop_at_the_value_budget() {
    // Each local holds eight copies of the last: 72 × 8^12 characters if built naively.
    let mut text = String::from("locals {\n  a0 = \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"\n");
    for i in 1..=12 {
        let last = format!("${{local.a{}}}", i - 1);
        text.push_str(&format!("  a{i} = \"{}\"\n", last.repeat(8)));
    }
    text.push_str(
        "}\nresource \"aws_cognito_identity_pool\" \"p\" {\n  identity_pool_name = local.a12\n}\n",
    );
    let imported = import(&text);
    assert!(imported
        .left_out
        .iter()
        .any(|i| i.subject == "evaluation" && i.message.contains("more than")));
    let name = imported.scenario["identityPool"]["IdentityPoolName"]
        .as_str()
        .unwrap_or_default();
    assert!(name.len() < 1024 * 1024, "{} bytes", name.len());
}

#[test]
fn long_reference_chains_are_cut() {
    let mut text = String::from("locals {\n  a0 = \"x\"\n");
    for i in 1..=40 {
        text.push_str(&format!("  a{i} = local.a{}\n", i - 1));
    }
    text.push_str(
        "}\nresource \"aws_cognito_identity_pool\" \"p\" {\n  identity_pool_name = local.a40\n}\n",
    );
    let imported = import(&text);
    assert!(imported
        .placeholders
        .iter()
        .any(|p| p.message.contains("too long to follow")));
}

#[test]
fn reference_cycles_become_placeholders() {
    let imported = import(
        "locals {\n  a = local.b\n  b = local.a\n}\nresource \"aws_cognito_identity_pool\" \"p\" {\n  identity_pool_name = local.a\n}\n",
    );
    assert_eq!(
        imported.scenario["identityPool"]["IdentityPoolName"],
        "UNRESOLVED(local.a)"
    );
    assert!(imported
        .placeholders
        .iter()
        .any(|p| p.message.contains("refers back to itself") && p.start.is_some()));
}

#[test]
fn syntax_errors_are_located_diagnostics() {
    let imported = import("resource \"aws_iam_role\" \"r\" {\n  name = [1, 2\n}\n");
    let d = &imported.diagnostics[0];
    assert_eq!(d.code, "import::hcl::syntax");
    assert!(d.message.contains('`'), "{}", d.message);
    assert!(d.help.is_some());
    assert_eq!(d.start.map(|p| p.line), Some(3));
}

fn fragment() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        Just("resource \"aws_iam_role\" \"r\" {\n"),
        Just("resource \"aws_cognito_identity_pool\" \"p\" {\n"),
        Just("resource \"aws_cognito_identity_pool_roles_attachment\" \"a\" {\n"),
        Just("data \"aws_iam_policy_document\" \"d\" {\n"),
        Just("locals {\n"),
        Just("variable \"v\" {\n"),
        Just("statement {\n"),
        Just("principals {\n"),
        Just("role_mapping {\n"),
        Just("}\n"),
        Just("name = \"n\"\n"),
        Just("default = [1, \"two\", { x = 3 }]\n"),
        Just("a = local.a\n"),
        Just("b = \"${local.a}${local.b}\"\n"),
        Just("assume_role_policy = data.aws_iam_policy_document.d.json\n"),
        Just("policy = jsonencode({ Statement = [{ Effect = \"Allow\", Action = var.v }] })\n"),
        Just("roles = { authenticated = aws_iam_role.r.arn }\n"),
        Just("identity_pool_id = aws_cognito_identity_pool.p.id\n"),
        Just("actions = concat([\"s3:*\"], var.v, local.a)\n"),
        Just("identifiers = [for x in var.v : x]\n"),
        Just("values = [merge(local.a, var.v)[\"k\"]]\n"),
        Just("x = element(var.v, 7) == 1 ? local.b : format(\"%s-%d\", var.v, 2)\n"),
        Just("count = 3\n"),
        Just("dynamic \"statement\" {\n"),
        Just("\"unclosed\n"),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    /// Terraform-like files of any shape: a scenario or located diagnostics, never a panic.
    #[test]
    fn import_never_panics(pieces in proptest::collection::vec(fragment(), 0..30)) {
        let text = pieces.concat();
        let imported = import(&text);
        prop_assert!(imported.scenario.is_object() || !imported.diagnostics.is_empty());
        for d in &imported.diagnostics {
            prop_assert!(d.start.is_some());
        }
    }
}
