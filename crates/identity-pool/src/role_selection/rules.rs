//! Rule matching for rules-based role mapping (facts §3.2).

use serde::Serialize;

use crate::scenario::{ClaimValue, MappingRule, MatchType};

/// At most this many rules per provider (not adjustable).
pub const MAX_RULES: usize = 25;

/// What happened to one rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum RuleOutcome {
    /// The claim satisfied the rule.
    Matched,
    /// The claim did not satisfy the rule.
    NoMatch,
    /// The claim is absent, so the rule cannot match.
    ClaimMissing,
    /// `NotEqual` with an absent claim: AWS does not evaluate the rule at all.
    Skipped,
    /// An earlier rule already matched.
    NotReached,
}

/// Evaluates `rule` against the token's `claim`. For a list claim (e.g. `cognito:groups`)
/// the positive match types hold when any member matches and `NotEqual` holds when no
/// member equals the value (our choice; AWS documents string claims only).
pub fn evaluate_rule(rule: &MappingRule, claim: Option<&ClaimValue>) -> RuleOutcome {
    let Some(claim) = claim else {
        return if rule.match_type == MatchType::NotEqual {
            RuleOutcome::Skipped
        } else {
            RuleOutcome::ClaimMissing
        };
    };
    let members: Vec<&str> = match claim {
        ClaimValue::Text(text) => vec![text.as_str()],
        ClaimValue::List(items) => items.iter().map(String::as_str).collect(),
    };
    let value = rule.value.as_str();
    let matched = match rule.match_type {
        MatchType::Equals => members.contains(&value),
        MatchType::Contains => members.iter().any(|m| m.contains(value)),
        MatchType::StartsWith => members.iter().any(|m| m.starts_with(value)),
        MatchType::NotEqual => members.iter().all(|m| *m != value),
    };
    if matched {
        RuleOutcome::Matched
    } else {
        RuleOutcome::NoMatch
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use iam_policy::Span;

    fn rule(match_type: MatchType, value: &str) -> MappingRule {
        MappingRule {
            claim: "custom:dept".to_owned(),
            match_type,
            value: value.to_owned(),
            role_arn: "arn:aws:iam::123456789012:role/R".to_owned(),
            span: Span::default(),
        }
    }

    fn text(v: &str) -> ClaimValue {
        ClaimValue::Text(v.to_owned())
    }

    #[test]
    fn each_match_type_on_a_string_claim() {
        let cases = [
            (MatchType::Equals, "admin", "admin", RuleOutcome::Matched),
            (MatchType::Equals, "admin", "Admin", RuleOutcome::NoMatch),
            (MatchType::Contains, "min", "admin", RuleOutcome::Matched),
            (MatchType::Contains, "x", "admin", RuleOutcome::NoMatch),
            (MatchType::StartsWith, "ad", "admin", RuleOutcome::Matched),
            (MatchType::StartsWith, "min", "admin", RuleOutcome::NoMatch),
            (MatchType::NotEqual, "admin", "sales", RuleOutcome::Matched),
            (MatchType::NotEqual, "admin", "admin", RuleOutcome::NoMatch),
        ];
        for (match_type, value, claim, expected) in cases {
            assert_eq!(
                evaluate_rule(&rule(match_type, value), Some(&text(claim))),
                expected,
                "{match_type:?} {value} {claim}"
            );
        }
    }

    #[test]
    fn missing_claims_never_match_and_not_equal_is_skipped() {
        assert_eq!(
            evaluate_rule(&rule(MatchType::Equals, "a"), None),
            RuleOutcome::ClaimMissing
        );
        assert_eq!(
            evaluate_rule(&rule(MatchType::NotEqual, "a"), None),
            RuleOutcome::Skipped
        );
    }

    #[test]
    fn list_claims_match_any_member() {
        let groups = ClaimValue::List(vec!["readers".to_owned(), "admins".to_owned()]);
        assert_eq!(
            evaluate_rule(&rule(MatchType::Equals, "admins"), Some(&groups)),
            RuleOutcome::Matched
        );
        assert_eq!(
            evaluate_rule(&rule(MatchType::Contains, "dmin"), Some(&groups)),
            RuleOutcome::Matched
        );
        assert_eq!(
            evaluate_rule(&rule(MatchType::NotEqual, "admins"), Some(&groups)),
            RuleOutcome::NoMatch
        );
        assert_eq!(
            evaluate_rule(&rule(MatchType::NotEqual, "x"), Some(&groups)),
            RuleOutcome::Matched
        );
    }

    proptest::proptest! {
        /// Equals implies StartsWith implies Contains; NotEqual on a present string claim is
        /// exactly "not Equals".
        #[test]
        fn match_types_nest(claim in "[a-c]{0,6}", value in "[a-c]{1,3}") {
            let c = text(&claim);
            let m = |t| evaluate_rule(&rule(t, &value), Some(&c)) == RuleOutcome::Matched;
            proptest::prop_assert!(!m(MatchType::Equals) || m(MatchType::StartsWith));
            proptest::prop_assert!(!m(MatchType::StartsWith) || m(MatchType::Contains));
            proptest::prop_assert_eq!(m(MatchType::NotEqual), !m(MatchType::Equals));
        }
    }
}
