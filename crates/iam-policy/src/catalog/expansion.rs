//! The actions a wildcard `Action` entry covers (`s3:Get*`, `*`), for hovers and
//! explanations: how many, in how many services, by access level, the first of them named.

use aws_catalog::{AccessLevel, ActionRef, Catalog};
use serde::Serialize;

use crate::Explanation;

/// How many action names an expansion lists; the counts are always complete.
pub const LISTED: usize = 50;

/// The actions one wildcard entry covers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ActionExpansion {
    /// The entry as written, e.g. `s3:Get*`.
    pub pattern: String,
    /// How many actions of the catalog it covers (IAM compares actions case-insensitively).
    pub count: usize,
    /// The first [`LISTED`] of them, `service:Name`, in catalog order.
    pub actions: Vec<String>,
    /// How many services the covered actions belong to.
    pub services: usize,
    /// The covered actions per access level, in the reference's order (empty levels left
    /// out); each level's list is capped, fairly: every level gets its turn, so the one
    /// `Write` action is named even when `Read` has hundreds.
    pub levels: Vec<LevelActions>,
    /// How many covered actions `levels` does not name ("and N more").
    pub more: usize,
    /// For an entry that covers nothing: the closest known action (or service prefix).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
}

/// The covered actions of one access level.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct LevelActions {
    /// `List`, `Read`, `Write`, `Permissions management` or `Tagging`.
    pub level: String,
    /// How many actions of this level the entry covers.
    pub count: usize,
    /// The first of them, in catalog order.
    pub actions: Vec<String>,
}

/// The expansion of one pattern, naming at most [`LISTED`] actions.
pub fn expand(pattern: &str, catalog: &Catalog) -> ActionExpansion {
    expand_limited(pattern, catalog, LISTED)
}

/// The expansion of one pattern, naming at most `limit` actions.
pub fn expand_limited(pattern: &str, catalog: &Catalog, limit: usize) -> ActionExpansion {
    let all = catalog.expand(pattern.trim());
    let mut by_level: Vec<Vec<String>> = vec![Vec::new(); AccessLevel::ALL.len()];
    let services = walk_levels(&all, |level, a| {
        if let Some(names) = by_level.get_mut(level) {
            names.push(a.full_name());
        }
    });
    let counts: Vec<usize> = by_level.iter().map(Vec::len).collect();
    let levels: Vec<LevelActions> = AccessLevel::ALL
        .iter()
        .zip(by_level)
        .zip(fair_shares(&counts, limit))
        .filter(|((_, names), _)| !names.is_empty())
        .map(|((level, mut names), keep)| {
            let count = names.len();
            names.truncate(keep);
            LevelActions {
                level: level.name().to_owned(),
                count,
                actions: names,
            }
        })
        .collect();
    let named: usize = levels.iter().map(|l| l.actions.len()).sum();
    ActionExpansion {
        pattern: pattern.to_owned(),
        count: all.len(),
        actions: all.iter().take(limit).map(|a| a.full_name()).collect(),
        services,
        levels,
        more: all.len().saturating_sub(named),
        suggestion: if all.is_empty() {
            suggest(catalog, pattern.trim())
        } else {
            None
        },
    }
}

/// Hands each action of `all` (in catalog order, so one service's actions are together) to
/// `each` with its access level's place in [`AccessLevel::ALL`], and returns how many
/// services they belong to: the one walk [`expand_limited`] and [`coverage_words`] share.
fn walk_levels<'c>(all: &[ActionRef<'c>], mut each: impl FnMut(usize, &ActionRef<'c>)) -> usize {
    let mut services = 0;
    let mut last_service: Option<&str> = None;
    for a in all {
        if last_service != Some(&*a.service.prefix) {
            services += 1;
            last_service = Some(&a.service.prefix);
        }
        if let Some(level) = AccessLevel::ALL.iter().position(|l| *l == a.action.level) {
            each(level, a);
        }
    }
    services
}

impl ActionExpansion {
    /// The expansion as lines of text (what `idpool actions` prints): the count, then each
    /// access level with its named actions, then how many are not named.
    pub fn to_text(&self) -> String {
        let mut out = match (self.count, &self.suggestion) {
            (0, Some(s)) => format!("`{}` covers no action; did you mean `{s}`?\n", self.pattern),
            (0, None) => format!("`{}` covers no action\n", self.pattern),
            (n, _) => format!(
                "`{}` covers {n} action{} in {} service{}\n",
                self.pattern,
                plural(n),
                self.services,
                plural(self.services)
            ),
        };
        for level in &self.levels {
            out.push_str(&format!("{} ({}):\n", level.level, level.count));
            for action in &level.actions {
                out.push_str(&format!("  {action}\n"));
            }
        }
        if self.more > 0 {
            out.push_str(&format!("and {} more\n", self.more));
        }
        out
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// How many of each group to name, `limit` in all: round by round, one more for each group
/// that has more, so small groups are named in full and large ones share what is left.
fn fair_shares(counts: &[usize], limit: usize) -> Vec<usize> {
    let mut shares = vec![0; counts.len()];
    let mut left = limit;
    loop {
        let mut gave = false;
        for (share, &count) in shares.iter_mut().zip(counts) {
            if left > 0 && *share < count {
                *share += 1;
                left -= 1;
                gave = true;
            }
        }
        if !gave || left == 0 {
            return shares;
        }
    }
}

/// The closest action to an entry without wildcards, or the entry with the closest service
/// prefix (`sqss:Get*` → `sqs:Get*`).
fn suggest(catalog: &Catalog, pattern: &str) -> Option<String> {
    let (prefix, name) = pattern.split_once(':')?;
    if prefix.contains(['*', '?']) {
        return None;
    }
    if name.contains(['*', '?']) || catalog.service(prefix).is_none() {
        return catalog
            .suggest_service(prefix)
            .map(|p| format!("{p}:{name}"));
    }
    catalog.suggest_action(pattern)
}

/// The expansion of every wildcard `Action`/`NotAction` entry the explanation's statements
/// compared the request's action with, each pattern once, in order of appearance.
pub fn expansions(explanation: &Explanation, catalog: &Catalog) -> Vec<ActionExpansion> {
    let mut seen: Vec<&str> = Vec::new();
    for st in &explanation.statements {
        for value in &st.action.values {
            if value.contains(['*', '?']) && !seen.contains(&value.as_str()) {
                seen.push(value);
            }
        }
    }
    seen.into_iter().map(|p| expand(p, catalog)).collect()
}

/// What a wildcard action entry covers, in the few words an explanation gives it:
/// `63 actions, all Read`, `98 actions: 10 List, 63 Read, 25 Write` (one service), or
/// `22091 actions in 456 services`. The counts are the catalog's, as [`expand`] counts.
pub fn coverage_words(pattern: &str, catalog: &Catalog) -> String {
    let all = catalog.expand(pattern.trim());
    let mut per_level = [0usize; AccessLevel::ALL.len()];
    let services = walk_levels(&all, |level, _| {
        if let Some(n) = per_level.get_mut(level) {
            *n += 1;
        }
    });
    let levels: Vec<(&str, usize)> = AccessLevel::ALL
        .iter()
        .zip(per_level)
        .filter(|(_, n)| *n > 0)
        .map(|(level, n)| (level.name(), n))
        .collect();
    let n = all.len();
    match levels.as_slice() {
        [] => "no action in the catalog".to_owned(),
        [(level, _)] if n == 1 => format!("1 action, {level}"),
        [(level, _)] => format!("{n} actions, all {level}"),
        _ if services > 1 => format!("{n} actions in {services} services"),
        _ => {
            let each: Vec<String> = levels.iter().map(|(l, c)| format!("{c} {l}")).collect();
            format!("{n} actions: {}", each.join(", "))
        }
    }
}

/// Rewrites the `reason` of each statement whose wildcard action entry decided it, naming
/// what the entry covers over `catalog` ([`coverage_words`], each pattern counted once for
/// all the explanations given). The words are the engine's
/// ([`crate::StatementExplanation::describe_with`]); without a catalog they leave the count out.
pub fn name_coverage<'e>(
    explanations: impl IntoIterator<Item = &'e mut Explanation>,
    catalog: &Catalog,
) {
    let counted: std::cell::RefCell<Vec<(String, String)>> = Default::default();
    let covers = |pattern: &str| {
        if let Some((_, words)) = counted.borrow().iter().find(|(p, _)| p == pattern) {
            return Some(words.clone());
        }
        let words = coverage_words(pattern, catalog);
        counted
            .borrow_mut()
            .push((pattern.to_owned(), words.clone()));
        Some(words)
    };
    for explanation in explanations {
        for st in &mut explanation.statements {
            let action = &st.action;
            let wildcard = action
                .entry
                .as_ref()
                .and_then(|e| action.values.get(e.index))
                .is_some_and(|v| v.contains(['*', '?']));
            if wildcard {
                st.reason = st.describe_with(covers);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CATALOG: &str = "s\ts3\tAmazon S3\n\
        a\tGetBucketPolicy\tR\t\t\na\tGetObject\tR\t\t\na\tGetObjectTagging\tR\t\t\n\
        a\tListBucket\tL\t\t\na\tPutObject\tW\t\t\n\
        s\tsqs\tAmazon SQS\na\tGetQueueUrl\tR\t\t\na\tListQueues\tL\t\t\n";

    fn catalog() -> Catalog {
        Catalog::parse(CATALOG).unwrap_or_default()
    }

    fn shape(e: &ActionExpansion) -> Vec<(&str, usize, Vec<&str>)> {
        e.levels
            .iter()
            .map(|l| {
                let names = l.actions.iter().map(String::as_str).collect();
                (l.level.as_str(), l.count, names)
            })
            .collect()
    }

    #[test]
    fn a_prefix_wildcard_names_its_actions_by_access_level() {
        let e = expand("s3:Get*", &catalog());
        assert_eq!((e.count, e.services, e.more), (3, 1, 0));
        assert_eq!(
            shape(&e),
            [(
                "Read",
                3,
                vec!["s3:GetBucketPolicy", "s3:GetObject", "s3:GetObjectTagging"]
            )]
        );
    }

    #[test]
    fn the_star_covers_every_service_and_the_names_are_shared_by_level() {
        let e = expand_limited("*", &catalog(), 3);
        assert_eq!((e.count, e.services, e.more), (7, 2, 4));
        // One per level first, so the single Write action is named.
        assert_eq!(
            shape(&e),
            [
                ("List", 2, vec!["s3:ListBucket"]),
                ("Read", 4, vec!["s3:GetBucketPolicy"]),
                ("Write", 1, vec!["s3:PutObject"]),
            ]
        );
        assert_eq!(
            e.actions.len(),
            3,
            "the catalog-order list has the same cap"
        );
    }

    #[test]
    fn case_does_not_matter_as_in_iam() {
        assert_eq!(expand("S3:get*", &catalog()).count, 3);
        assert_eq!(expand("*:list*", &catalog()).count, 2);
        assert_eq!(expand(" s3:PutObject ", &catalog()).count, 1);
    }

    #[test]
    fn an_entry_that_covers_nothing_suggests_the_closest_name() {
        let e = expand("s3:GetObjekt", &catalog());
        assert_eq!((e.count, e.services, e.levels.len()), (0, 0, 0));
        assert_eq!(e.suggestion.as_deref(), Some("s3:GetObject"));
        assert_eq!(
            expand("sqss:Get*", &catalog()).suggestion.as_deref(),
            Some("sqs:Get*")
        );
        assert_eq!(expand("*:Frobnicate", &catalog()).suggestion, None);
    }

    #[test]
    fn the_text_names_levels_and_what_is_left_out() {
        let text = expand_limited("*", &catalog(), 3).to_text();
        assert_eq!(
            text,
            "`*` covers 7 actions in 2 services\nList (2):\n  s3:ListBucket\nRead (4):\n  s3:GetBucketPolicy\nWrite (1):\n  s3:PutObject\nand 4 more\n"
        );
        assert_eq!(
            expand("s3:GetObjekt", &catalog()).to_text(),
            "`s3:GetObjekt` covers no action; did you mean `s3:GetObject`?\n"
        );
    }

    #[test]
    fn coverage_in_words_counts_levels_and_services() {
        let c = catalog();
        assert_eq!(coverage_words("s3:Get*", &c), "3 actions, all Read");
        assert_eq!(coverage_words("s3:Put*", &c), "1 action, Write");
        assert_eq!(
            coverage_words("s3:*", &c),
            "5 actions: 1 List, 3 Read, 1 Write"
        );
        assert_eq!(coverage_words("*", &c), "7 actions in 2 services");
        assert_eq!(coverage_words("s3:Frob*", &c), "no action in the catalog");
    }

    #[test]
    fn shares_fill_small_groups_first() {
        assert_eq!(fair_shares(&[0, 10, 1, 0, 0], 4), [0, 3, 1, 0, 0]);
        assert_eq!(fair_shares(&[2, 2], 10), [2, 2]);
        assert_eq!(fair_shares(&[5], 0), [0]);
    }
}
