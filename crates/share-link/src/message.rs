//! The messages an embedded widget (`#embed=…`) and its host page exchange with
//! `postMessage`, version 1. The shapes are a contract (docs/embedding.md): hosts written
//! against version 1 keep working, and a widget ignores anything it does not recognise.
//!
//! Widget → host (posted to `window.parent` with target origin `*`: the widget does not
//! know its host, and nothing in a message is more private than the link the host wrote):
//!
//! ```json
//! {"source": "idpool-embed", "version": 1, "id": "w1", "type": "ready"}
//! {"source": "idpool-embed", "version": 1, "id": "w1", "type": "height", "height": 412}
//! {"source": "idpool-embed", "version": 1, "id": "w1", "type": "result", "evaluation": 3,
//!  "outcome": "issued", "role": "arn:aws:iam::123456789012:role/Guest",
//!  "decisions": [{"index": 0, "action": "s3:GetObject", "resource": "arn:…", "decision": "Allowed"}]}
//! ```
//!
//! Host → widget (accepted only from the parent window, only in exactly these shapes):
//!
//! ```json
//! {"source": "idpool-host", "version": 1, "type": "theme", "theme": "dark"}
//! {"source": "idpool-host", "version": 1, "type": "scenario", "scenario": "{…scenario JSON text…}"}
//! {"source": "idpool-host", "version": 1, "type": "measure"}
//! ```

use serde::Serialize;
use serde_json::{Map, Value};

use crate::codec::MAX_SCENARIO_LEN;
use crate::fragment::Theme;

/// The `source` of every message a widget posts.
pub const WIDGET_SOURCE: &str = "idpool-embed";
/// The `source` a host's message must carry.
pub const HOST_SOURCE: &str = "idpool-host";
/// The protocol version this build speaks.
pub const VERSION: u64 = 1;

/// One request's decision, as a result message lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DecisionMessage {
    /// Position in the scenario's `requests`.
    pub index: usize,
    /// The request's action.
    pub action: String,
    /// The request's resource.
    pub resource: String,
    /// `Allowed`, `ExplicitDeny`, `ImplicitDeny` or `Error`.
    pub decision: String,
}

/// What a widget tells its host.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum WidgetMessage {
    /// The widget is listening (a host may now send a scenario or a theme).
    Ready,
    /// The height of the widget's content, in CSS pixels.
    Height {
        /// Pixels, rounded up.
        height: u32,
    },
    /// After every evaluation: the sign-in outcome and every request's decision.
    Result {
        /// Counts evaluations since the widget loaded (1 is the first).
        evaluation: u32,
        /// `issued`, or the AWS exception name.
        outcome: String,
        /// The role of the session, or the role chosen when a later step failed.
        role: Option<String>,
        /// Every request's decision, in order.
        decisions: Vec<DecisionMessage>,
    },
}

impl WidgetMessage {
    /// The message as the JSON text to post, with `source`, `version` and the widget `id`.
    pub fn to_json(&self, id: &str) -> String {
        let mut object = Map::new();
        object.insert("source".into(), WIDGET_SOURCE.into());
        object.insert("version".into(), VERSION.into());
        object.insert("id".into(), id.into());
        if let Ok(Value::Object(body)) = serde_json::to_value(self) {
            object.extend(body);
        }
        Value::Object(object).to_string()
    }
}

/// What a host may ask of a widget.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HostMessage {
    /// Use this colour scheme (`None`: follow the browser's preference again).
    Theme(Option<Theme>),
    /// Show this scenario (its JSON text), e.g. one written inline in the host page.
    Scenario(String),
    /// Post the height and the latest result again.
    Measure,
}

impl HostMessage {
    /// Reads a message a host posted (its JSON form). `None` for anything that is not
    /// exactly one of the documented shapes: another source or version, an unknown type,
    /// a missing, extra or mistyped field, a scenario over the size limit.
    pub fn parse(value: &Value) -> Option<Self> {
        let object = value.as_object()?;
        if object.get("source")?.as_str()? != HOST_SOURCE
            || object.get("version")?.as_u64()? != VERSION
        {
            return None;
        }
        let kind = object.get("type")?.as_str()?;
        let (message, field) = match kind {
            "theme" => {
                let theme = match object.get("theme")?.as_str()? {
                    "light" => Some(Theme::Light),
                    "dark" => Some(Theme::Dark),
                    "auto" => None,
                    _ => return None,
                };
                (HostMessage::Theme(theme), Some("theme"))
            }
            "scenario" => {
                let text = object.get("scenario")?.as_str()?;
                if text.len() > MAX_SCENARIO_LEN {
                    return None;
                }
                (HostMessage::Scenario(text.to_owned()), Some("scenario"))
            }
            "measure" => (HostMessage::Measure, None),
            _ => return None,
        };
        let allowed = ["source", "version", "type"];
        let extra = object
            .keys()
            .any(|k| !allowed.contains(&k.as_str()) && Some(k.as_str()) != field);
        (!extra).then_some(message)
    }

    /// Reads a message from its JSON text (what a front end gets from `JSON.stringify`).
    pub fn parse_text(text: &str) -> Option<Self> {
        serde_json::from_str::<Value>(text)
            .ok()
            .and_then(|v| Self::parse(&v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn widget_messages_carry_source_version_id_and_type() {
        let text = WidgetMessage::Height { height: 412 }.to_json("w1");
        let value: Value = serde_json::from_str(&text).unwrap_or_default();
        assert_eq!(
            value,
            json!({"source": "idpool-embed", "version": 1, "id": "w1", "type": "height", "height": 412})
        );
        let result = WidgetMessage::Result {
            evaluation: 2,
            outcome: "NotAuthorizedException".into(),
            role: None,
            decisions: vec![DecisionMessage {
                index: 0,
                action: "s3:GetObject".into(),
                resource: "arn:aws:s3:::b/k".into(),
                decision: "Error".into(),
            }],
        };
        let value: Value = serde_json::from_str(&result.to_json("a\"b")).unwrap_or_default();
        assert_eq!(value["type"], "result");
        assert_eq!(value["id"], "a\"b");
        assert_eq!(value["role"], Value::Null);
        assert_eq!(value["decisions"][0]["decision"], "Error");
        let ready: Value =
            serde_json::from_str(&WidgetMessage::Ready.to_json("")).unwrap_or_default();
        assert_eq!(
            ready,
            json!({"source": "idpool-embed", "version": 1, "id": "", "type": "ready"})
        );
    }

    #[test]
    fn the_documented_host_messages_are_read() {
        let host = |body: Value| {
            let mut v = json!({"source": "idpool-host", "version": 1});
            if let (Some(o), Value::Object(b)) = (v.as_object_mut(), body) {
                o.extend(b);
            }
            HostMessage::parse(&v)
        };
        assert_eq!(
            host(json!({"type": "theme", "theme": "dark"})),
            Some(HostMessage::Theme(Some(Theme::Dark)))
        );
        assert_eq!(
            host(json!({"type": "theme", "theme": "auto"})),
            Some(HostMessage::Theme(None))
        );
        assert_eq!(
            host(json!({"type": "scenario", "scenario": "{}"})),
            Some(HostMessage::Scenario("{}".into()))
        );
        assert_eq!(host(json!({"type": "measure"})), Some(HostMessage::Measure));
    }

    #[test]
    fn anything_else_is_ignored() {
        let ignored = [
            json!(null),
            json!("measure"),
            json!({"type": "measure"}),
            json!({"source": "idpool-embed", "version": 1, "type": "measure"}),
            json!({"source": "idpool-host", "version": 2, "type": "measure"}),
            json!({"source": "idpool-host", "version": "1", "type": "measure"}),
            json!({"source": "idpool-host", "version": 1, "type": "reload"}),
            json!({"source": "idpool-host", "version": 1, "type": "measure", "extra": true}),
            json!({"source": "idpool-host", "version": 1, "type": "theme", "theme": "blue"}),
            json!({"source": "idpool-host", "version": 1, "type": "theme"}),
            json!({"source": "idpool-host", "version": 1, "type": "scenario", "scenario": {}}),
            json!({"source": "idpool-host", "version": 1, "type": "scenario", "scenario": "x".repeat(MAX_SCENARIO_LEN + 1)}),
        ];
        for value in ignored {
            assert_eq!(HostMessage::parse(&value), None, "{value}");
        }
        assert_eq!(HostMessage::parse_text("not json"), None);
        assert_eq!(
            HostMessage::parse_text(r#"{"source":"idpool-host","version":1,"type":"measure"}"#),
            Some(HostMessage::Measure)
        );
    }
}
