//! The per-document cap on diagnostics: a document with 30,000 copies of one mistake gets the
//! first [`MAX_PER_CODE`] of them and one summary, not a 27 MB report. Every front end reads
//! documents through the engine or the simulation, which apply it, so all of them agree.

use std::collections::HashMap;

use super::{Diagnostic, Severity};

/// How many diagnostics of one code a document reports before summarising the rest.
pub const MAX_PER_CODE: usize = 100;

/// The code of the summary that stands for the diagnostics left out.
pub const MORE_CODE: &str = "iam::limit::more_diagnostics";

/// Keeps the first [`MAX_PER_CODE`] diagnostics of each code, in order, and appends one
/// [`MORE_CODE`] diagnostic per code that had more, placed where the first left-out one was.
/// Summaries already present (from an embedded document) are kept and not counted.
pub fn cap_per_code(diagnostics: &mut Vec<Diagnostic>) {
    cap_counting(diagnostics, &[]);
}

/// [`cap_per_code`] for a list whose producer stopped building some codes past the cap:
/// `unbuilt` holds, per code, how many more there were than the list holds (the list
/// holds at least the first left out of each, so the summary has its place).
pub(crate) fn cap_counting(diagnostics: &mut Vec<Diagnostic>, unbuilt: &[(&str, usize)]) {
    if diagnostics.len() <= MAX_PER_CODE && unbuilt.is_empty() {
        return;
    }
    // Per code: how many so far, and the first left out. Codes are borrowed, not copied:
    // 30,000 warnings of one code cost a count each, not a string each.
    let mut counts: HashMap<&str, (usize, usize)> = HashMap::new();
    // The codes that had more, in the order of their first left-out diagnostic.
    let mut order = Vec::new();
    let mut keep = Vec::with_capacity(diagnostics.len());
    for (i, d) in diagnostics.iter().enumerate() {
        if d.code == MORE_CODE {
            keep.push(true);
            continue;
        }
        let (n, first_out) = counts.entry(d.code.as_str()).or_insert((0, 0));
        *n += 1;
        if *n == MAX_PER_CODE + 1 {
            *first_out = i;
            order.push(d.code.as_str());
        }
        keep.push(*n <= MAX_PER_CODE);
    }
    let summaries: Vec<Diagnostic> = order
        .iter()
        .filter_map(|code| {
            let (n, first_out) = counts.get(code)?;
            let more: usize = unbuilt
                .iter()
                .filter(|(c, _)| c == code)
                .map(|(_, m)| m)
                .sum();
            Some(summary(
                diagnostics.get(*first_out)?,
                n - MAX_PER_CODE + more,
            ))
        })
        .collect();
    if summaries.is_empty() {
        return;
    }
    let mut kept = keep.into_iter();
    diagnostics.retain(|_| kept.next().unwrap_or(true));
    diagnostics.extend(summaries);
}

fn summary(first: &Diagnostic, left_out: usize) -> Diagnostic {
    let message = format!(
        "and {left_out} more `{}` {}, not listed",
        first.code,
        if left_out == 1 {
            "diagnostic"
        } else {
            "diagnostics"
        }
    );
    let help = format!(
        "only the first {MAX_PER_CODE} of each code are listed, the first left out is here; fix these and check again"
    );
    let d = match first.severity {
        Severity::Error => Diagnostic::error(MORE_CODE, message, first.span),
        Severity::Warning => Diagnostic::warning(MORE_CODE, message, first.span),
    };
    d.with_help(help)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Span;

    fn warnings(code: &str, n: usize) -> Vec<Diagnostic> {
        (0..n)
            .map(|i| Diagnostic::warning(code, format!("w{i}"), Some(Span::new(i, i + 1))))
            .collect()
    }

    #[test]
    fn keeps_the_first_of_each_code_and_summarises_the_rest() {
        let mut ds = warnings("iam::a", 30_000);
        ds.extend(warnings("iam::b", 3));
        cap_per_code(&mut ds);
        assert_eq!(ds.len(), MAX_PER_CODE + 3 + 1);
        let more = ds.last().unwrap();
        assert_eq!(more.code, MORE_CODE);
        assert_eq!(more.severity, Severity::Warning);
        assert!(
            more.message
                .starts_with("and 29900 more `iam::a` diagnostics"),
            "{}",
            more.message
        );
        assert_eq!(more.span, Some(Span::new(100, 101)));
        assert_eq!(ds.iter().filter(|d| d.code == "iam::b").count(), 3);
    }

    #[test]
    fn few_diagnostics_are_untouched() {
        let mut ds = warnings("iam::a", MAX_PER_CODE);
        ds.extend(warnings("iam::b", MAX_PER_CODE));
        let before = ds.clone();
        cap_per_code(&mut ds);
        assert_eq!(ds, before);
    }
}
