//! The HCL reader: what it builds, where its errors point, and that no input makes it panic.

use iam_policy::position_of;
use proptest::prelude::*;

use super::super::ast::{ExprKind, Part, Step};
use super::{parse, MAX_DEPTH};

/// The line and column of the first error.
fn error_at(text: &str) -> (String, usize, usize) {
    match parse(text) {
        Ok(body) => panic!("read without error: {body:?}"),
        Err(d) => {
            let span = d.span.unwrap_or_default();
            let p = position_of(text, span.start);
            (d.code, p.line, p.column)
        }
    }
}

#[test]
fn blocks_attributes_and_one_line_blocks() {
    let body = parse(
        "resource \"aws_iam_role\" \"auth\" {\n  name = \"Auth\" # comment\n  tags = { team = \"x\" }\n  inline_policy { name = \"p\" }\n}\nlocals {}\n",
    )
    .unwrap();
    let role = &body.blocks[0];
    assert_eq!(role.kind, "resource");
    assert_eq!(role.labels, ["aws_iam_role", "auth"]);
    assert_eq!(role.body.attributes.len(), 2);
    assert_eq!(role.body.blocks[0].kind, "inline_policy");
    assert_eq!(role.body.blocks[0].body.attributes[0].name, "name");
    assert_eq!(body.blocks[1].kind, "locals");
}

#[test]
fn windows_files_read_like_any_other() {
    let text = "\u{feff}locals {\r\n  p = <<EOT\r\n{}\r\nEOT\r\n  q = \"x\"\r\n}\r\n";
    let body = parse(text).unwrap();
    let locals = &body.blocks[0].body;
    assert_eq!(locals.attributes.len(), 2);
    assert_eq!(locals.attributes[1].name, "q");
}

#[test]
fn templates_keep_interpolations_and_escapes() {
    let body = parse("a = \"x-${var.env}-$${literal}\\n\\u00e9\"\n").unwrap();
    let ExprKind::Template(parts) = &body.attributes[0].expr.kind else {
        panic!("not a template");
    };
    assert_eq!(parts[0], Part::Literal("x-".into()));
    let Part::Interpolation(e) = &parts[1] else {
        panic!("no interpolation");
    };
    assert_eq!(
        e.kind,
        ExprKind::Traversal(vec![Step::Name("var".into()), Step::Name("env".into())])
    );
    assert_eq!(parts[2], Part::Literal("-${literal}\n\u{e9}".into()));
}

#[test]
fn indented_heredocs_lose_their_common_indent() {
    let body = parse("p = <<-EOT\n    {\n      \"a\": 1\n    }\n  EOT\nq = 1\n").unwrap();
    assert_eq!(
        body.attributes[0].expr.kind,
        ExprKind::Template(vec![Part::Literal("{\n  \"a\": 1\n}\n".into())])
    );
    assert_eq!(body.attributes[1].name, "q");
}

#[test]
fn operators_for_expressions_and_splats_are_read_not_evaluated() {
    let body = parse(
        "a = var.n + 1\nb = [for x in var.l : upper(x) if x != \"\"]\nc = {for k, v in var.m : k => v}\nd = aws_iam_role.r[*].arn\ne = -1\n",
    )
    .unwrap();
    let kinds: Vec<&ExprKind> = body.attributes.iter().map(|a| &a.expr.kind).collect();
    assert_eq!(kinds[0], &ExprKind::Unsupported("an operator expression"));
    assert_eq!(kinds[1], &ExprKind::Unsupported("a `for` expression"));
    assert_eq!(kinds[2], &ExprKind::Unsupported("a `for` expression"));
    assert!(matches!(kinds[3], ExprKind::Traversal(steps) if steps.contains(&Step::Splat)));
    assert_eq!(kinds[4], &ExprKind::Number("-1".into()));
}

#[test]
fn errors_point_at_the_users_text() {
    // An unclosed string: where it opens.
    assert_eq!(
        error_at("resource \"a\" \"b\" {\n  name = \"Auth\n}\n"),
        ("import::hcl::syntax".into(), 2, 10)
    );
    // A block never closed: where it starts, named as written.
    assert_eq!(
        error_at("locals {\n  a = 1\n"),
        ("import::hcl::syntax".into(), 1, 1)
    );
    let message = parse("resource \"aws_iam_role\" \"auth\" {\n")
        .unwrap_err()
        .message;
    assert!(
        message.contains("the block `resource \"aws_iam_role\" \"auth\"` is not closed"),
        "{message}"
    );
    // Two values on one line: the second.
    assert_eq!(error_at("a = 1 2\n"), ("import::hcl::syntax".into(), 1, 7));
    // A missing comma in a list.
    assert_eq!(
        error_at("a = [\"x\" \"y\"]\n"),
        ("import::hcl::syntax".into(), 1, 10)
    );
    // A heredoc without its end marker: where it starts.
    assert_eq!(
        error_at("a = <<EOT\ntext\n"),
        ("import::hcl::syntax".into(), 1, 5)
    );
    // An unknown escape.
    assert_eq!(
        error_at("a = \"\\q\"\n"),
        ("import::hcl::syntax".into(), 1, 6)
    );
}

#[test]
fn nesting_is_capped() {
    let deep = format!(
        "a = {}1{}\n",
        "[".repeat(MAX_DEPTH + 5),
        "]".repeat(MAX_DEPTH + 5)
    );
    assert_eq!(error_at(&deep).0, "import::hcl::too_deep");
    let blocks = format!(
        "{}{}",
        "b {\n".repeat(MAX_DEPTH + 5),
        "}\n".repeat(MAX_DEPTH + 5)
    );
    assert_eq!(error_at(&blocks).0, "import::hcl::too_deep");
    // A hundred thousand levels: an error, not a stack overflow.
    let huge = format!("a = {}", "(".repeat(100_000));
    assert_eq!(error_at(&huge).0, "import::hcl::too_deep");
}

/// Pieces of Terraform syntax, to build inputs close to real files.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("resource \"aws_iam_role\" \"r\" {".to_owned()),
        Just("data \"aws_iam_policy_document\" \"d\" {".to_owned()),
        Just("statement {".to_owned()),
        Just("}".to_owned()),
        Just("\n".to_owned()),
        Just("name = ".to_owned()),
        Just("\"text ${var.x} $${y}\"".to_owned()),
        Just("\"".to_owned()),
        Just("${".to_owned()),
        Just("%{ if x }".to_owned()),
        Just("<<-EOT\n  a\n  EOT".to_owned()),
        Just("<<EOT".to_owned()),
        Just("jsonencode({ a = [1, 2], b = { c = true } })".to_owned()),
        Just("[for x in y : x]".to_owned()),
        Just("aws_iam_role.r.arn".to_owned()),
        Just("[*]".to_owned()),
        Just("a ? b : c".to_owned()),
        Just("/* c */".to_owned()),
        Just("# c".to_owned()),
        Just("é".to_owned()),
        Just("\\u00".to_owned()),
        "[ -~]{0,8}".prop_map(|s| s),
    ]
}

/// Reads `text`; an error's span must lie within it, on character boundaries.
fn error_span_fits(text: &str) -> bool {
    match parse(text) {
        Ok(_) => true,
        Err(d) => {
            let span = d.span.unwrap_or_default();
            span.start <= span.end
                && span.end <= text.len()
                && text.is_char_boundary(span.start)
                && text.is_char_boundary(span.end)
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// Any text: a body or a located error, never a panic, and the error's span is within
    /// the text on character boundaries.
    #[test]
    fn never_panics_on_arbitrary_text(text in "\\PC{0,200}") {
        prop_assert!(error_span_fits(&text));
    }

    /// Texts built from Terraform's own pieces reach deep into the reader.
    #[test]
    fn never_panics_on_terraform_like_text(pieces in proptest::collection::vec(fragment(), 0..40)) {
        prop_assert!(error_span_fits(&pieces.concat()));
    }
}
