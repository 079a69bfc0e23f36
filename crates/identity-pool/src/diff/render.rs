//! The comparison as text for a terminal and as Markdown for a pull-request comment. The
//! CLI and the playground print through these, so both say the same thing.

use std::fmt::Write as _;

use iam_policy::Verdict;

use super::{ActionChange, DiffReport, IdentityDiff};
use crate::effective::Outcome;

/// The most actions listed per service and direction before "and N more".
const LIST_LIMIT: usize = 50;

fn verdict(v: Verdict) -> &'static str {
    match v {
        Verdict::Allowed => "Allowed",
        Verdict::ExplicitDeny => "ExplicitDeny",
        Verdict::ImplicitDeny => "ImplicitDeny",
        Verdict::Error => "Error",
    }
}

fn outcome(o: Option<Outcome>) -> &'static str {
    o.map_or("no credentials", Outcome::label)
}

/// `2 newly allowed, 1 newly denied, 1 listed request changed`, the headline of both forms.
pub fn headline(report: &DiffReport) -> String {
    if report.identities_changed == 0 {
        return "no change in what any identity may do".to_owned();
    }
    format!(
        "{} newly allowed, {} newly denied, {} listed request{} changed, over {} identit{}",
        report.newly_allowed,
        report.newly_denied,
        report.requests_changed,
        if report.requests_changed == 1 {
            ""
        } else {
            "s"
        },
        report.identities_changed,
        if report.identities_changed == 1 {
            "y"
        } else {
            "ies"
        },
    )
}

fn sign_in_line(identity: &IdentityDiff) -> Option<String> {
    if identity.outcome_before == identity.outcome_after
        && identity.role_before == identity.role_after
    {
        return None;
    }
    let side = |outcome: &str, role: &Option<String>| match role {
        Some(role) => format!("{outcome} (`{role}`)"),
        None => outcome.to_owned(),
    };
    Some(format!(
        "sign-in: {} → {}",
        side(&identity.outcome_before, &identity.role_before),
        side(&identity.outcome_after, &identity.role_after)
    ))
}

/// Plain text, one block per identity that changed.
pub fn to_text(report: &DiffReport) -> String {
    let mut out = String::new();
    let grants = if report.grants_new {
        " (grants new access)"
    } else {
        ""
    };
    let _ = writeln!(out, "{}{grants}", headline(report));
    for identity in report.identities.iter().filter(|i| i.changed()) {
        let _ = writeln!(out, "\n== {} ==", identity.label);
        if let Some(line) = sign_in_line(identity) {
            let _ = writeln!(out, "{line}");
        }
        for r in &identity.requests {
            let _ = writeln!(
                out,
                "request {} {} on {}: {} ({}) → {} ({})",
                r.index,
                r.action,
                r.resource,
                verdict(r.before),
                r.before_because,
                verdict(r.after),
                r.after_because
            );
        }
        for service in &identity.services {
            for (sign, list) in [("+", &service.newly_allowed), ("-", &service.newly_denied)] {
                for c in list.iter().take(LIST_LIMIT) {
                    let _ = writeln!(
                        out,
                        "{sign} {} [{}] on {}: {} → {}",
                        c.action,
                        c.level,
                        c.resource,
                        outcome(c.before),
                        outcome(c.after)
                    );
                }
                if list.len() > LIST_LIMIT {
                    let _ = writeln!(
                        out,
                        "{sign} … and {} more {} actions",
                        list.len() - LIST_LIMIT,
                        service.prefix
                    );
                }
            }
        }
    }
    let _ = writeln!(out, "\ncatalog: {}", report.catalog);
    out
}

fn md_escape(text: &str) -> String {
    text.replace('|', "\\|")
}

fn md_rows(out: &mut String, list: &[ActionChange], prefix: &str) {
    for c in list.iter().take(LIST_LIMIT) {
        let _ = writeln!(
            out,
            "| `{}` | {} | `{}` | {} → {} |",
            c.action,
            c.level,
            md_escape(&c.resource),
            outcome(c.before),
            outcome(c.after)
        );
    }
    if list.len() > LIST_LIMIT {
        let _ = writeln!(
            out,
            "| … {} more `{prefix}` actions | | | |",
            list.len() - LIST_LIMIT
        );
    }
}

/// Markdown fit for a pull-request comment: a headline, then per identity that changed its
/// sign-in, its listed requests and, folded, its newly allowed and denied actions.
pub fn to_markdown(report: &DiffReport) -> String {
    let mut out = String::new();
    let mark = if report.grants_new {
        "**Grants new access.**"
    } else {
        "No new access."
    };
    let _ = writeln!(
        out,
        "### Identity pool permission changes\n\n{mark} {}\n",
        headline(report)
    );
    for identity in report.identities.iter().filter(|i| i.changed()) {
        let _ = writeln!(
            out,
            "#### {} ({} newly allowed, {} newly denied)\n",
            md_escape(&identity.label),
            identity.newly_allowed,
            identity.newly_denied
        );
        if let Some(line) = sign_in_line(identity) {
            let _ = writeln!(out, "- {}\n", md_escape(&line));
        }
        if !identity.requests.is_empty() {
            let _ = writeln!(out, "| request | before | after |\n|---|---|---|");
            for r in &identity.requests {
                let _ = writeln!(
                    out,
                    "| {} `{}` on `{}` | {} ({}) | {} ({}) |",
                    r.index,
                    r.action,
                    md_escape(&r.resource),
                    verdict(r.before),
                    md_escape(&r.before_because),
                    verdict(r.after),
                    md_escape(&r.after_because)
                );
            }
            out.push('\n');
        }
        for service in &identity.services {
            let _ = writeln!(
                out,
                "<details><summary><code>{}</code> ({}): {} newly allowed, {} newly denied</summary>\n",
                service.prefix,
                service.name,
                service.newly_allowed.len(),
                service.newly_denied.len()
            );
            let _ = writeln!(
                out,
                "| action | level | resource | change |\n|---|---|---|---|"
            );
            md_rows(&mut out, &service.newly_allowed, &service.prefix);
            md_rows(&mut out, &service.newly_denied, &service.prefix);
            let _ = writeln!(out, "\n</details>\n");
        }
    }
    let _ = writeln!(out, "<sub>catalog {}; `idpool diff`</sub>", report.catalog);
    out
}
