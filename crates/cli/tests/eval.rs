//! `idpool eval` end to end: one JSON line per case, `--explain`, errors that do not stop the
//! other cases, and the exit status on `expected` mismatches.

use std::process::Command;

type Outcome = (i32, Vec<serde_json::Value>, String);

/// Runs `idpool eval` on `file_text` written to a file named after the calling test.
fn run(test: &str, args: &[&str], file_text: &str) -> Result<Outcome, Box<dyn std::error::Error>> {
    let dir = std::env::temp_dir().join(format!("idpool-eval-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let file = dir.join(format!("{test}.json"));
    std::fs::write(&file, file_text)?;
    let out = Command::new(env!("CARGO_BIN_EXE_idpool"))
        .arg("eval")
        .arg(&file)
        .args(args)
        .output()?;
    let stdout = String::from_utf8(out.stdout)?;
    let lines = stdout
        .lines()
        .map(serde_json::from_str)
        .collect::<Result<_, _>>()?;
    Ok((
        out.status.code().unwrap_or(-1),
        lines,
        String::from_utf8(out.stderr)?,
    ))
}

const CASES: &str = r#"[
  {"name": "reads", "identityPolicies": [{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}],
   "request": {"action": "s3:GetObject", "resource": "arn:aws:s3:::b/k"}, "expected": "Allowed"},
  {"name": "broken", "identityPolicies": [{"Version": "2012-10-17", "Statement": [{"Effect": "Permit", "Action": "*", "Resource": "*"}]}],
   "request": {"action": "s3:GetObject"}},
  {"name": "writes", "identityPolicies": [], "request": {"action": "s3:PutObject", "resource": "arn:aws:s3:::b/k"}, "expected": "ImplicitDeny"}
]"#;

#[test]
fn one_line_per_case_and_errors_do_not_stop_the_rest() {
    let (code, lines, _) = run("one_line", &[], CASES).unwrap();
    assert_eq!(code, 0);
    let decisions: Vec<_> = lines
        .iter()
        .map(|l| l["decision"].as_str().unwrap())
        .collect();
    assert_eq!(decisions, ["Allowed", "Error", "ImplicitDeny"]);
    assert_eq!(
        lines[1]["diagnostics"][0]["code"],
        "iam::parse::invalid_effect"
    );
    assert!(lines[0].get("explanation").is_none());
}

#[test]
fn explain_adds_the_explanation() {
    let (_, lines, _) = run("explain", &["--explain"], CASES).unwrap();
    assert_eq!(lines[0]["explanation"]["decidingLayer"], "Identity");
    assert!(lines[1].get("explanation").is_none());
}

#[test]
fn mismatches_make_the_exit_status_non_zero() {
    let wrong = CASES.replace(
        "\"expected\": \"ImplicitDeny\"",
        "\"expected\": \"Allowed\"",
    );
    let (code, lines, stderr) = run("mismatch", &[], &wrong).unwrap();
    assert_eq!(code, 1);
    assert_eq!(lines.len(), 3);
    assert!(
        stderr.contains("case `writes`: expected Allowed, got ImplicitDeny"),
        "{stderr}"
    );
}

#[test]
fn usage_errors_exit_2() {
    let out = Command::new(env!("CARGO_BIN_EXE_idpool"))
        .arg("eval")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}
