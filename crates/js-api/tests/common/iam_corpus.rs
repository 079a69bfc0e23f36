//! The IAM conformance corpus (`tests/iam/*.json`), compiled into the browser test.
//! `corpus_list` (native) checks that this list names every file in the folder.

/// (file name, file text) for every corpus file.
pub const IAM_CORPUS: &[(&str, &str)] = &[
    (
        "actions.json",
        include_str!("../../../../tests/iam/actions.json"),
    ),
    ("arn.json", include_str!("../../../../tests/iam/arn.json")),
    (
        "bool-binary.json",
        include_str!("../../../../tests/iam/bool-binary.json"),
    ),
    (
        "case-sensitivity.json",
        include_str!("../../../../tests/iam/case-sensitivity.json"),
    ),
    (
        "cognito-keys.json",
        include_str!("../../../../tests/iam/cognito-keys.json"),
    ),
    (
        "condition-logic.json",
        include_str!("../../../../tests/iam/condition-logic.json"),
    ),
    ("date.json", include_str!("../../../../tests/iam/date.json")),
    (
        "diagnostics-cases.json",
        include_str!("../../../../tests/iam/diagnostics-cases.json"),
    ),
    (
        "diagnostics-errors.json",
        include_str!("../../../../tests/iam/diagnostics-errors.json"),
    ),
    (
        "diagnostics-warnings.json",
        include_str!("../../../../tests/iam/diagnostics-warnings.json"),
    ),
    (
        "evaluation-basics.json",
        include_str!("../../../../tests/iam/evaluation-basics.json"),
    ),
    (
        "if-exists.json",
        include_str!("../../../../tests/iam/if-exists.json"),
    ),
    ("ip.json", include_str!("../../../../tests/iam/ip.json")),
    (
        "layers-boundary.json",
        include_str!("../../../../tests/iam/layers-boundary.json"),
    ),
    (
        "layers-identity-resource.json",
        include_str!("../../../../tests/iam/layers-identity-resource.json"),
    ),
    (
        "layers-session.json",
        include_str!("../../../../tests/iam/layers-session.json"),
    ),
    (
        "not-elements.json",
        include_str!("../../../../tests/iam/not-elements.json"),
    ),
    ("null.json", include_str!("../../../../tests/iam/null.json")),
    (
        "numeric.json",
        include_str!("../../../../tests/iam/numeric.json"),
    ),
    (
        "principals.json",
        include_str!("../../../../tests/iam/principals.json"),
    ),
    (
        "resources.json",
        include_str!("../../../../tests/iam/resources.json"),
    ),
    ("scp.json", include_str!("../../../../tests/iam/scp.json")),
    (
        "set-operators.json",
        include_str!("../../../../tests/iam/set-operators.json"),
    ),
    (
        "string-operators.json",
        include_str!("../../../../tests/iam/string-operators.json"),
    ),
    (
        "variables.json",
        include_str!("../../../../tests/iam/variables.json"),
    ),
    (
        "version.json",
        include_str!("../../../../tests/iam/version.json"),
    ),
];
