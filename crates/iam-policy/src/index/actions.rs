//! A long `Action` list by service: Cognito's guest scope-down allows some forty services in
//! one statement, so every decision under it compared the request's action with each of
//! them, and the effective-permissions table (thousands of decisions) spent most of its
//! time there. The list is keyed by each entry's service (its literal text before the first
//! `:`, lowercase ASCII), and a request meets only the entries of its own service plus those
//! that may match any service.
//!
//! Exact, not a heuristic: an entry whose literal head is `svc:...` (ASCII `svc`) matches
//! only an action whose text up to its first `:` is `svc` in ASCII case-insensitive
//! comparison (an ASCII pattern character matches only ASCII characters, see
//! `pattern::same`), so it can be skipped for any other action.

use std::cmp::Ordering;

use crate::pattern::Template;

/// Shorter lists are scanned: the lookup would cost more than it saves.
const MIN_ITEMS: usize = 8;

/// The entries of one `Action` list by service.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct ActionsByService {
    /// `(service in lowercase ASCII, entry index)`, sorted.
    keyed: Vec<(Box<str>, usize)>,
    /// Entries that may match an action of any service (a wildcard or non-ASCII text before
    /// the first `:`, or no `:` at all).
    any: Vec<usize>,
}

impl ActionsByService {
    /// The lookup for a list's entries, when it is long enough to pay.
    pub(crate) fn build(items: &[(String, Template)]) -> Option<Self> {
        if items.len() < MIN_ITEMS {
            return None;
        }
        let mut out = Self::default();
        for (i, (_, pattern)) in items.iter().enumerate() {
            match pattern.leading_literal().split_once(':') {
                Some((service, _)) if service.is_ascii() => {
                    out.keyed.push((service.to_ascii_lowercase().into(), i));
                }
                _ => out.any.push(i),
            }
        }
        out.keyed.sort_unstable();
        Some(out)
    }

    /// Whether `hit` holds for one of the entries that may match `action`.
    pub(crate) fn any_match(&self, action: &str, mut hit: impl FnMut(usize) -> bool) -> bool {
        if self.any.iter().any(|&i| hit(i)) {
            return true;
        }
        // Without a `:` the action cannot start with any keyed entry's `svc:`.
        let Some((service, _)) = action.split_once(':') else {
            return false;
        };
        let from = self
            .keyed
            .partition_point(|(s, _)| folded_cmp(s, service) == Ordering::Less);
        self.keyed
            .get(from..)
            .unwrap_or_default()
            .iter()
            .take_while(|(s, _)| folded_cmp(s, service) == Ordering::Equal)
            .any(|&(_, i)| hit(i))
    }
}

/// `stored` (lowercase) against `service` lowercased in ASCII, without allocating.
fn folded_cmp(stored: &str, service: &str) -> Ordering {
    stored
        .bytes()
        .cmp(service.bytes().map(|b| b.to_ascii_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pattern::Matched;
    use crate::Context;
    use proptest::prelude::*;

    fn items(texts: &[String]) -> Vec<(String, Template)> {
        texts
            .iter()
            .map(|t| (t.clone(), Template::compile(t, true, false)))
            .collect()
    }

    fn scan(items: &[(String, Template)], action: &str) -> bool {
        let ctx = Context::new();
        items
            .iter()
            .any(|(_, p)| p.matches(action, &ctx, true) == Matched::Yes)
    }

    fn indexed(items: &[(String, Template)], action: &str) -> bool {
        let ctx = Context::new();
        let index = ActionsByService::build(items).expect("long enough");
        index.any_match(action, |i| {
            items
                .get(i)
                .is_some_and(|(_, p)| p.matches(action, &ctx, true) == Matched::Yes)
        })
    }

    fn entry() -> impl Strategy<Value = String> {
        prop::sample::select(vec![
            "s3:*",
            "S3:Get*",
            "s3:GetObject",
            "sqs:*",
            "sqs:Send?essage",
            "*",
            "s*:Get*",
            "*:List*",
            "kms:Decrypt",
            "ec2:Describe*",
            "iam",
            "ıam:*",
            "K:*",
            "k:x",
            "s3",
            ":*",
            "cognito-identity:*",
            "Dynamodb:Query",
        ])
        .prop_map(str::to_string)
    }

    fn action() -> impl Strategy<Value = String> {
        prop::sample::select(vec![
            "s3:GetObject",
            "S3:getobject",
            "sqs:SendMessage",
            "sqs:Send",
            "iam",
            "iam:x",
            "ıam:x",
            "K:x",
            "\u{212a}:x",
            "k:X",
            "",
            ":",
            "s3",
            "s3:",
            "ec2:DescribeImages",
            "dynamodb:Query",
            "cognito-identity:GetId",
            "x:List",
            "kms:decrypt",
        ])
        .prop_map(str::to_string)
    }

    proptest! {
        #[test]
        fn the_lookup_decides_as_the_scan(
            texts in prop::collection::vec(entry(), 8..30),
            action in action(),
        ) {
            let items = items(&texts);
            prop_assert_eq!(indexed(&items, &action), scan(&items, &action));
        }
    }
}
