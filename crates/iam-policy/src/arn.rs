//! ARN-aware matching for `Resource` and the `Arn*` operators: the six colon-separated
//! components are matched one by one, so a wildcard never spans a component boundary,
//! except in the last (resource) component, which may itself contain colons.

use crate::pattern::{split_arn, Matched, Template};
use crate::Context;

/// A compiled resource or ARN pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArnPattern {
    /// The whole text, used when either side is not an ARN.
    whole: Template,
    /// The six components, when the pattern is an ARN.
    parts: Option<Box<[Template; 6]>>,
    /// `arn:aws:s3:::` when the first five components are plain text: then matching is one
    /// prefix comparison plus the resource component.
    head: Option<Box<str>>,
}

impl ArnPattern {
    /// Compiles `text`; `variables` enables `${...}` substitution.
    pub fn compile(text: &str, variables: bool) -> Self {
        let parts = split_arn(text, variables)
            .map(|p| Box::new(p.map(|part| Template::compile(part, true, variables))));
        let head = parts.as_ref().and_then(|p| {
            let mut head = String::new();
            for part in p.iter().take(5) {
                head.push_str(part.literal()?);
                head.push(':');
            }
            Some(head.into_boxed_str())
        });
        ArnPattern {
            whole: Template::compile(text, true, variables),
            parts,
            head,
        }
    }

    /// The whole pattern, for explanations.
    pub fn template(&self) -> &Template {
        &self.whole
    }

    /// Matches `text` (case-sensitive).
    pub fn matches<'a>(&'a self, text: &str, ctx: &Context) -> Matched<'a> {
        if let (Some(head), Some(parts)) = (&self.head, &self.parts) {
            // A text without this literal head cannot match: it differs in a component, or it
            // is not an ARN and so lacks the head's five colons.
            return match text.strip_prefix(&**head) {
                Some(rest) => parts
                    .get(5)
                    .map_or(Matched::No, |p| p.matches(rest, ctx, false)),
                None => Matched::No,
            };
        }
        let (Some(parts), Some(actual)) = (&self.parts, split_arn(text, false)) else {
            return self.whole.matches(text, ctx, false);
        };
        let mut result = Matched::Yes;
        for (pattern, value) in parts.iter().zip(actual) {
            match pattern.matches(value, ctx, false) {
                Matched::Yes => {}
                Matched::No => result = Matched::No,
                unresolved @ Matched::Unresolved(_) => return unresolved,
            }
        }
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ContextValue;

    fn m(pattern: &str, text: &str) -> Matched<'static> {
        let p = Box::leak(Box::new(ArnPattern::compile(pattern, true)));
        let mut ctx = Context::new();
        ctx.insert("aws:username", ContextValue::Single("bob".into()));
        p.matches(text, Box::leak(Box::new(ctx)))
    }

    #[test]
    fn components_do_not_leak() {
        assert_eq!(
            m("arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket/a:b/c"),
            Matched::Yes
        );
        assert_eq!(m("arn:*:s3:::bucket", "arn:aws:s3:::bucket"), Matched::Yes);
        assert_eq!(
            m("arn:aws:iam::*:role/R", "arn:aws:iam::123:role/R"),
            Matched::Yes
        );
        assert_eq!(
            m("arn:aws:iam::*:role/R", "arn:aws:iam::123:role/r"),
            Matched::No
        );
        assert_eq!(
            m("arn:aws:s3:::b/${aws:username}/*", "arn:aws:s3:::b/bob/k"),
            Matched::Yes
        );
        assert_eq!(
            m("arn:aws:s3:::b/${aws:userid}/*", "arn:aws:s3:::b/bob/k"),
            Matched::Unresolved("aws:userid")
        );
        assert_eq!(m("*", "anything"), Matched::Yes);
        assert_eq!(m("arn:aws:*", "arn:aws:s3:::x"), Matched::Yes);
        assert_eq!(m("arn:aws:s3:::x", "not-an-arn"), Matched::No);
    }
}
