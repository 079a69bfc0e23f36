//! Reading `signIn.time`, the moment of the sign-in: epoch seconds (a JSON whole number)
//! or an ISO 8601 UTC string such as `2022-11-02T05:09:58Z`, read by the engine's one date
//! model ([`iam_policy::date`]). GetId compares it with the provider token's `exp`.

pub use iam_policy::date::{format_iso_utc, parse_iso_utc};
use iam_policy::json::{JsonNode, JsonValue};

use super::model::Spanned;
use super::reader::Reader;

const PATH: &str = "signIn.time";
const HELP: &str = "write epoch seconds (`1667365798`) or UTC ISO 8601 (`2022-11-02T05:09:58Z`)";

/// Reads `signIn.time` as epoch seconds; `null` is absent.
pub fn read_time(r: &mut Reader, node: &JsonNode) -> Option<Spanned<i64>> {
    let seconds = match &node.value {
        JsonValue::Null => return None,
        JsonValue::Number(text) => text.parse::<i64>().ok().filter(|s| *s >= 0),
        JsonValue::String(text) => parse_iso_utc(text),
        _ => {
            r.error(
                "wrong_type",
                format!(
                    "`{PATH}` must be a string or a number, found {}",
                    node.type_name()
                ),
                node.span,
                HELP,
            );
            return None;
        }
    };
    if seconds.is_none() {
        let shown = match &node.value {
            JsonValue::String(text) | JsonValue::Number(text) => text.as_str(),
            _ => "",
        };
        r.error(
            "invalid_value",
            format!(
                "`{PATH}` is `{shown}`; it must be whole epoch seconds or a UTC ISO 8601 date-time"
            ),
            node.span,
            HELP,
        );
    }
    seconds.map(|s| Spanned::new(s, node.span))
}
