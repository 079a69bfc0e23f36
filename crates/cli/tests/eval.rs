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

/// Runs `idpool eval -` with `stdin` as standard input: (status, stdout, stderr).
fn run_stdin(
    args: &[&str],
    stdin: &[u8],
) -> Result<(i32, String, String), Box<dyn std::error::Error>> {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_idpool"))
        .arg("eval")
        .args(args)
        .arg("-")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()?;
    let mut input = child.stdin.take().ok_or("no stdin")?;
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output()?;
    writer.join().map_err(|_| "the writer panicked")?;
    Ok((
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout)?,
        String::from_utf8(out.stderr)?,
    ))
}

#[test]
fn garbage_input_exits_2_with_a_line_on_stderr() {
    for input in [
        "",
        "null",
        "42",
        "[{\"request\": {\"action\": \"s3:GetObject\"}",
        "{\"request\": {\"action\": \"s3:GetObject\"}, \"expected\": 5}",
    ] {
        let (code, _, stderr) = run_stdin(&[], input.as_bytes()).unwrap();
        assert_eq!(code, 2, "{input:?}: {stderr}");
        assert!(stderr.contains("error"), "{input:?}: {stderr}");
    }
}

#[test]
fn json_lines_on_stdin_give_one_answer_per_line() {
    let lines: Vec<String> = serde_json::from_str::<Vec<serde_json::Value>>(CASES)
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    let (code, stdout, _) = run_stdin(&[], lines.join("\n").as_bytes()).unwrap();
    assert_eq!(code, 0);
    let decisions: Vec<String> = stdout
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["decision"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(decisions, ["Allowed", "Error", "ImplicitDeny"]);
}

#[test]
fn a_file_over_one_mebibyte_is_read_case_by_case() {
    // 3,000 cases, over the per-document limit as a whole, each case under it.
    let case: serde_json::Value =
        serde_json::from_str::<Vec<serde_json::Value>>(CASES).unwrap()[0].clone();
    let text = serde_json::to_string_pretty(&vec![case; 3_000]).unwrap();
    assert!(text.len() > 1 << 20);
    let (code, lines, _) = run("big_file", &[], &text).unwrap();
    assert_eq!(code, 0);
    assert_eq!(lines.len(), 3_000);
    assert!(lines.iter().all(|l| l["decision"] == "Allowed"));
}

#[test]
fn control_characters_in_names_are_escaped_on_stderr() {
    let case = r#"{"name": "x\u001b]0;pwned\u0007\r\nok", "request": {"action": "s3:GetObject"}, "expected": "Allowed"}"#;
    let (code, _, stderr) = run("escapes", &[], case).unwrap();
    assert_eq!(code, 1);
    assert!(
        !stderr.contains('\u{1b}') && !stderr.contains('\r'),
        "{stderr:?}"
    );
    assert!(stderr.contains("\\u{1b}]0;pwned"), "{stderr:?}");
    assert_eq!(stderr.lines().count(), 1, "{stderr:?}");
}

#[test]
fn help_prints_and_exits_0() {
    let out = Command::new(env!("CARGO_BIN_EXE_idpool"))
        .arg("--help")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .contains("idpool eval"));
}

/// `idpool eval ARGS FILES...`: (status, stdout, stderr), bytes as printed.
fn run_files(args: &[&str], files: &[std::path::PathBuf]) -> (Option<i32>, Vec<u8>, Vec<u8>) {
    let out = Command::new(env!("CARGO_BIN_EXE_idpool"))
        .arg("eval")
        .args(args)
        .args(files)
        .output();
    out.map_or((None, Vec::new(), Vec::new()), |out| {
        (out.status.code(), out.stdout, out.stderr)
    })
}

#[test]
fn any_number_of_threads_prints_the_same_bytes_and_status() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/iam");
    let mut corpus: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    corpus.sort();
    // A batch with mismatches and input errors, then a case that is not JSON (it ends its
    // file's stream), then a file that cannot be opened: stderr's order and the status too.
    let cases: Vec<serde_json::Value> = serde_json::from_str(CASES).unwrap();
    let mut mixed: Vec<String> = cases
        .iter()
        .cycle()
        .take(300)
        .map(|c| c.to_string())
        .collect();
    mixed.push(
        r#"{"name": "mismatch", "request": {"action": "s3:GetObject"}, "expected": "Allowed"}"#
            .into(),
    );
    mixed.push(r#"{"request": {"action": "s3:Get"#.into());
    mixed.extend(cases.iter().map(|c| c.to_string()));
    let tmp = std::env::temp_dir().join(format!("idpool-eval-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    let mixed_file = tmp.join("threads_mixed.jsonl");
    std::fs::write(&mixed_file, mixed.join("\n")).unwrap();
    let runs: [Vec<std::path::PathBuf>; 3] = [
        corpus,
        vec![mixed_file.clone(), dir.join("null.json")],
        vec![
            dir.join("null.json"),
            tmp.join("no such file.json"),
            mixed_file,
        ],
    ];
    // The corpus holds cases that are input errors on purpose (`expected` is not a decision).
    for (files, status) in runs.iter().zip([Some(2), Some(2), Some(2)]) {
        let one = run_files(&["--threads", "1"], files);
        assert_eq!(one.0, status, "{}", String::from_utf8_lossy(&one.2));
        for threads in ["2", "4"] {
            let many = run_files(&["--threads", threads], files);
            assert!(one == many, "{threads} threads on {files:?}");
        }
        assert!(run_files(&[], files) == one, "the default on {files:?}");
    }
}

#[test]
fn threads_must_be_a_positive_number() {
    for args in [&["--threads"][..], &["--threads", "0"], &["--threads", "x"]] {
        let (code, _, _) = run_files(args, &[std::path::PathBuf::from("-")]);
        assert_eq!(code, Some(2), "{args:?}");
    }
}

#[test]
fn tricky_strings_on_stdin_print_the_same_bytes_on_any_number_of_threads() {
    // Over 64 KiB of JSON Lines whose strings hold brackets, escaped quotes and backslashes:
    // cut on the calling thread, answered on one or several.
    let tricky = [
        r#"{"name": "a } ] { [ \" \\", "identityPolicies": [{"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::b/{x}]\"[{"}]}], "request": {"action": "s3:GetObject", "resource": "arn:aws:s3:::b/{x}]\"[{"}, "expected": "Allowed"}"#,
        r#"{"name": "\\", "identityPolicies": [{"Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": {"StringEquals": {"aws:username": "}\\\"]"}}}}], "request": {"action": "s3:GetObject", "context": {"aws:username": "}\\\"]"}}, "expected": "Allowed"}"#,
        r#"{"name": "y_Y\u0022}", "request": {"action": "s3:PutObject", "resource": "arn:aws:s3:::b/\\"}, "expected": "Allowed"}"#,
    ];
    let lines: Vec<&str> = tricky.iter().copied().cycle().take(600).collect();
    let input = lines.join("\n");
    assert!(input.len() > 1 << 16);
    let one = run_stdin(&["--threads", "1"], input.as_bytes()).unwrap();
    assert_eq!(one.0, 1, "the third case is a mismatch: {}", one.2);
    assert_eq!(one.1.lines().count(), 600);
    assert_eq!(one.2.lines().count(), 200, "one stderr line per mismatch");
    for threads in ["2", "3"] {
        assert_eq!(
            run_stdin(&["--threads", threads], input.as_bytes()).unwrap(),
            one
        );
    }
}
