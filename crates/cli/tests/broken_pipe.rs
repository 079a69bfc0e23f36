//! A reader that stops early (`idpool eval FILE | head -1`) must end the program quietly with
//! the status earned so far, not with a panic and status 101.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

/// Enough cases that the output overflows a pipe buffer (so a write meets the closed pipe)
/// while the input stays under the 1 MiB limit.
fn many_cases(count: usize) -> String {
    let case = r#"{"name": "reads", "identityPolicies": [{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}], "request": {"action": "s3:GetObject", "resource": "arn:aws:s3:::b/k"}}"#;
    // The first case's `expected` is wrong, so the status so far is 1 before anything prints.
    let wrong = case.replace(r#""request""#, r#""expected": "ImplicitDeny", "request""#);
    let mut cases = vec![wrong];
    cases.extend(std::iter::repeat_n(case.to_string(), count));
    format!("[{}]", cases.join(",\n"))
}

#[test]
fn a_closed_pipe_ends_eval_quietly_with_the_status_so_far() -> Result<(), Box<dyn std::error::Error>>
{
    let dir = std::env::temp_dir().join(format!("idpool-pipe-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let file = dir.join("many.json");
    std::fs::write(&file, many_cases(3_000))?;
    let mut child = Command::new(env!("CARGO_BIN_EXE_idpool"))
        .arg("eval")
        .arg(&file)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let stdout = child.stdout.take().ok_or("no stdout")?;
    let mut first = String::new();
    BufReader::new(stdout).read_line(&mut first)?; // reads one line, then drops the pipe
    let out = child.wait_with_output()?;
    let stderr = String::from_utf8(out.stderr)?;
    assert!(first.contains("\"decision\""), "first line: {first}");
    assert!(!stderr.contains("panicked"), "stderr: {stderr}");
    assert_eq!(out.status.code(), Some(1), "stderr: {stderr}");
    Ok(())
}
