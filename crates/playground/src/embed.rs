//! What an embedded widget decides without the browser: which role's policies it shows,
//! the result message it posts to its host, and the "Open in playground" link. Tested
//! natively; `components/embed_app.rs` and `host.rs` do the browser side.

use share_link::{DecisionMessage, WidgetMessage};

use crate::backend::ReportView;
use crate::state::scenario::{RequestDoc, RoleDoc};

/// The role whose trust and access policies the widget shows: the one the sign-in used
/// (or chose, when a later step failed), else the first. Decided once per loaded scenario,
/// so an edit that changes the outcome never swaps the editor under the author's caret.
pub fn focus_role(roles: &[RoleDoc], role_arn: Option<&str>) -> usize {
    role_arn
        .and_then(|arn| roles.iter().position(|r| r.arn == arn))
        .unwrap_or(0)
}

/// The message posted after evaluation number `evaluation`.
pub fn result_message(
    report: &ReportView,
    requests: &[RequestDoc],
    evaluation: u32,
) -> WidgetMessage {
    WidgetMessage::Result {
        evaluation,
        outcome: report.outcome(),
        role: report.role.clone(),
        decisions: report
            .requests
            .iter()
            .enumerate()
            .map(|(index, result)| {
                let request = requests.get(index);
                DecisionMessage {
                    index,
                    action: request.map(|r| r.action.clone()).unwrap_or_default(),
                    resource: request.map(|r| r.resource.clone()).unwrap_or_default(),
                    decision: result.decision.clone(),
                }
            })
            .collect(),
    }
}

/// The full playground at `page` (the widget's own URL; its fragment is dropped) opened on
/// `scenario_json`, or why no link can carry it.
pub fn playground_link(page: &str, scenario_json: &str) -> Result<String, String> {
    let base = crate::pages::folder_of(page);
    share_link::codec::encode_fragment(scenario_json)
        .map(|fragment| format!("{base}{fragment}"))
        .map_err(|e| format!("{} ({})", e.message, e.help))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backend::RequestResultView;
    use std::rc::Rc;

    fn role(name: &str) -> RoleDoc {
        RoleDoc {
            id: identity_pool::edit::ItemId::default(),
            name: name.into(),
            arn: format!("arn:aws:iam::123456789012:role/{name}"),
            trust: String::new(),
            policies: Vec::new(),
            boundary: None,
            extra: serde_json::Map::new(),
        }
    }

    #[test]
    fn the_role_in_play_is_shown_else_the_first() {
        let roles = [role("Auth"), role("Guest")];
        assert_eq!(
            focus_role(&roles, Some("arn:aws:iam::123456789012:role/Guest")),
            1
        );
        assert_eq!(focus_role(&roles, Some("arn:aws:iam::1:role/Other")), 0);
        assert_eq!(focus_role(&roles, None), 0);
        assert_eq!(focus_role(&[], None), 0);
    }

    #[test]
    fn the_result_message_lists_every_decision_with_its_request() {
        let report = ReportView {
            outcome: "issued".into(),
            role: Some("arn:aws:iam::123456789012:role/Guest".into()),
            requests: vec![Rc::new(RequestResultView {
                decision: "ImplicitDeny".into(),
                ..RequestResultView::default()
            })],
            ..ReportView::default()
        };
        let requests = [RequestDoc {
            action: "s3:GetObject".into(),
            resource: "arn:aws:s3:::b/k".into(),
            context: String::new(),
            expect: None,
        }];
        let WidgetMessage::Result {
            evaluation,
            outcome,
            role,
            decisions,
        } = result_message(&report, &requests, 3)
        else {
            panic!("a result message");
        };
        assert_eq!((evaluation, outcome.as_str()), (3, "issued"));
        assert_eq!(
            role.as_deref(),
            Some("arn:aws:iam::123456789012:role/Guest")
        );
        assert_eq!(
            decisions,
            vec![DecisionMessage {
                index: 0,
                action: "s3:GetObject".into(),
                resource: "arn:aws:s3:::b/k".into(),
                decision: "ImplicitDeny".into(),
            }]
        );
    }

    #[test]
    fn the_playground_link_from_the_widget_page_opens_the_full_page() {
        let link = playground_link(
            "https://example.org/tools/idpool/embed.html#embed=result&id=w1",
            "{\"name\":\"x\"}",
        )
        .unwrap();
        assert!(
            link.starts_with("https://example.org/tools/idpool/#s=1."),
            "{link}"
        );
    }

    #[test]
    fn the_playground_link_replaces_the_embed_fragment_and_decodes_back() {
        let link = playground_link(
            "https://example.org/tools/idpool/#embed=result&id=w1&s=1.abc",
            "{\"name\":\"x\"}",
        )
        .unwrap();
        let (base, fragment) = link.split_once('#').unwrap();
        assert_eq!(base, "https://example.org/tools/idpool/");
        assert!(!fragment.contains("embed="), "{fragment}");
        assert_eq!(
            share_link::codec::decode_fragment(fragment).unwrap(),
            Some("{\"name\":\"x\"}".to_owned())
        );
    }
}
