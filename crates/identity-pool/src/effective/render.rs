//! The effective-permissions report as text: a terminal table, CSV and Markdown. The CLI
//! and the playground's export both print through these, so they say the same thing.

use std::fmt::Write as _;

use aws_catalog::AccessLevel;
use iam_policy::Decision;

use super::{Counts, EffectiveReport, Outcome, Row};

const COLUMNS: [&str; 7] = [
    "service", "action", "level", "resource", "role", "session", "outcome",
];

fn decision(d: Decision) -> &'static str {
    match d {
        Decision::Allowed => "Allowed",
        Decision::ExplicitDeny => "ExplicitDeny",
        Decision::ImplicitDeny => "ImplicitDeny",
    }
}

/// `3 allowed, 1 removed by session policy, ...` (zero counts left out), of `total`.
pub fn summary(counts: &Counts) -> String {
    let parts: Vec<String> = Outcome::ALL
        .iter()
        .filter(|o| counts.get(**o) > 0)
        .map(|o| format!("{} {}", counts.get(*o), o.label()))
        .collect();
    format!(
        "{} decisions: {}; the role alone allows {}",
        counts.total,
        if parts.is_empty() {
            "none".to_owned()
        } else {
            parts.join(", ")
        },
        counts.role_allowed
    )
}

/// Rows of one service in access-level order (List, Read, Write, Permissions management,
/// Tagging), catalog order within a level.
fn by_level(rows: &[Row]) -> Vec<&Row> {
    let rank = |level: &str| {
        AccessLevel::ALL
            .iter()
            .position(|l| l.name() == level)
            .unwrap_or(usize::MAX)
    };
    let mut out: Vec<&Row> = rows.iter().collect();
    out.sort_by_key(|r| rank(r.level));
    out
}

fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// One line per decision, with a header.
pub fn to_csv(report: &EffectiveReport) -> String {
    let mut out = COLUMNS.join(",");
    out.push('\n');
    for service in &report.services {
        for row in by_level(&service.rows) {
            let fields = [
                service.prefix.as_str(),
                &row.action,
                row.level,
                &row.resource,
                decision(row.role),
                decision(row.decision),
                row.outcome.label(),
            ];
            let line: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
            out.push_str(&line.join(","));
            out.push('\n');
        }
    }
    out
}

fn markdown_cell(text: &str) -> String {
    text.replace('|', "\\|")
}

/// A heading and a table per service, the counts first.
pub fn to_markdown(report: &EffectiveReport) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Effective permissions ({} flow, {})\n\n{}\n",
        flow_name(report),
        report.role_arn.as_deref().unwrap_or(&report.outcome),
        summary(&report.totals)
    );
    for service in &report.services {
        let _ = writeln!(
            out,
            "## {} (`{}`)\n\n{}\n\n| action | level | resource | role | session | outcome |\n|---|---|---|---|---|---|",
            service.name,
            service.prefix,
            summary(&service.counts)
        );
        for row in by_level(&service.rows) {
            let _ = writeln!(
                out,
                "| `{}` | {} | `{}` | {} | {} | {} |",
                markdown_cell(&row.action),
                row.level,
                markdown_cell(&row.resource),
                decision(row.role),
                decision(row.decision),
                row.outcome.label()
            );
        }
        out.push('\n');
    }
    out
}

fn flow_name(report: &EffectiveReport) -> &'static str {
    match report.flow {
        crate::scenario::Flow::Enhanced => "enhanced",
        crate::scenario::Flow::Basic => "basic",
    }
}

/// For a terminal: the totals, then per service its counts and its rows by access level.
pub fn to_table(report: &EffectiveReport) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "effective permissions, {} flow: {}",
        flow_name(report),
        match &report.error {
            Some(message) => format!("sign-in fails with {}: {message}", report.outcome),
            None => report
                .role_arn
                .clone()
                .unwrap_or_else(|| report.outcome.clone()),
        }
    );
    let _ = writeln!(out, "total: {}", summary(&report.totals));
    let width = report
        .services
        .iter()
        .flat_map(|s| s.rows.iter())
        .map(|r| r.action.len())
        .max()
        .unwrap_or(0);
    for service in &report.services {
        let _ = writeln!(
            out,
            "\n{} ({}): {}",
            service.prefix,
            service.name,
            summary(&service.counts)
        );
        for row in by_level(&service.rows) {
            let _ = writeln!(
                out,
                "  {:<22} {:<width$}  {:<12} {:<12} {:<26} {}",
                row.level,
                row.action,
                decision(row.role),
                decision(row.decision),
                row.outcome.label(),
                row.resource
            );
        }
    }
    for remark in &report.remarks {
        let _ = writeln!(out, "note: {remark}");
    }
    for note in &report.notes {
        let _ = writeln!(out, "note: {}", note.text);
    }
    out
}
