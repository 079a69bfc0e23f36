//! Moving a read policy to another place in a larger text: a policy read once on its own
//! and then embedded at `offset` in a document keeps every span pointing at its own text,
//! without being read again (the simulation's workspace reuses policies this way).

use super::{ConditionBlock, NameList, Policy, PrincipalElement, Spanned, Statement};
use crate::compile::CompiledPolicy;
use crate::Span;

fn span(s: &mut Span, offset: usize) {
    s.start += offset;
    s.end += offset;
}

fn spanned<T>(s: &mut Spanned<T>, offset: usize) {
    span(&mut s.span, offset);
}

fn names(list: &mut NameList, offset: usize) {
    span(&mut list.key_span, offset);
    for v in &mut list.values {
        spanned(v, offset);
    }
}

fn principal(p: &mut PrincipalElement, offset: usize) {
    span(&mut p.key_span, offset);
    for (ty, values) in &mut p.entries {
        spanned(ty, offset);
        for v in values {
            spanned(v, offset);
        }
    }
}

fn condition(block: &mut ConditionBlock, offset: usize) {
    spanned(&mut block.operator, offset);
    for entry in &mut block.entries {
        spanned(&mut entry.key, offset);
        for v in &mut entry.values {
            spanned(v, offset);
        }
    }
}

fn statement(st: &mut Statement, offset: usize) {
    span(&mut st.span, offset);
    if let Some(sid) = &mut st.sid {
        spanned(sid, offset);
    }
    spanned(&mut st.effect, offset);
    if let Some(p) = &mut st.principal {
        principal(p, offset);
    }
    for list in [&mut st.action, &mut st.resource].into_iter().flatten() {
        names(list, offset);
    }
    for block in &mut st.conditions {
        condition(block, offset);
    }
}

impl Policy {
    /// Moves every span `offset` bytes on: the policy as if read at `offset` in a larger text.
    pub fn shift(&mut self, offset: usize) {
        span(&mut self.span, offset);
        if let Some(id) = &mut self.id {
            spanned(id, offset);
        }
        for st in &mut self.statements {
            statement(st, offset);
        }
    }
}

impl CompiledPolicy {
    /// Moves every span `offset` bytes on, like [`Policy::shift`].
    pub fn shift(&mut self, offset: usize) {
        for st in &mut self.statements {
            span(&mut st.span, offset);
            for c in &mut st.conditions {
                span(&mut c.span, offset);
            }
            let actions = st.action.iter_mut().map(|list| &mut list.spans);
            let resources = st.resource.iter_mut().map(|list| &mut list.spans);
            for spans in actions.chain(resources) {
                spans.shift(offset);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{parse_policy, CompiledPolicy, PolicyKind, PolicySource};

    const POLICY: &str = r#"{"Version": "2012-10-17", "Id": "x", "Statement": [
        {"Sid": "A", "Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::1:root"]},
         "Action": "s3:GetObject", "NotResource": ["arn:aws:s3:::b/*"],
         "Condition": {"StringEquals": {"aws:username": ["a", "b"]}}}]}"#;

    #[test]
    fn a_shifted_policy_equals_the_policy_read_in_place() {
        let padding = "    \n  ";
        let alone = parse_policy(POLICY, PolicyKind::Resource);
        let embedded = parse_policy(&format!("{padding}{POLICY}"), PolicyKind::Resource);
        let (Some(mut moved), Some(there)) = (alone.policy, embedded.policy) else {
            panic!("the policy reads");
        };
        moved.shift(padding.len());
        assert_eq!(moved, there);
        let source = || PolicySource {
            name: "p".to_owned(),
            kind: PolicyKind::Resource,
        };
        let mut compiled = CompiledPolicy::compile(&moved, source());
        let mut unmoved = parse_policy(POLICY, PolicyKind::Resource)
            .policy
            .map(|p| CompiledPolicy::compile(&p, source()));
        if let Some(c) = &mut unmoved {
            c.shift(padding.len());
        }
        assert_eq!(Some(&mut compiled), unmoved.as_mut());
    }
}
