//! The page's calls for reviewing permissions: load the AWS action catalog (fetched lazily,
//! never compiled into the wasm), effective permissions, the diff against a baseline and
//! the least-privilege coach. Each is one request to the lazily loaded API module
//! ([`super::lazy`]); the answers stay the JSON the API wrote, read by field name where
//! the page shows them (no copy of their types, and no deserializer per type in the page).

use std::rc::Rc;

use identity_pool::api::{ApiCall, DiffFormat, EffectiveFormat, ScenarioInput};
use identity_pool::effective::Outcome;
use identity_pool::scenario::Flow;
use serde::Deserialize;
use serde_json::Value;

use super::lazy::{ask, read, Envelope};

/// Where the page fetches the catalog: next to `index.html`, so a subpath host works.
pub const CATALOG_URL: &str = "./catalog.tsv";

/// The `loadCatalog` answer.
#[derive(Debug, Deserialize)]
pub struct CatalogLoaded {
    op: String,
    #[serde(default)]
    message: Option<String>,
    #[serde(default)]
    source: String,
    #[serde(default)]
    services: usize,
    #[serde(default)]
    actions: usize,
}

/// What a loaded catalog holds: `package@version: N services, M actions`.
pub fn read_catalog(answer: CatalogLoaded) -> Result<String, String> {
    match answer.message {
        Some(message) if answer.op == "error" => Err(message),
        _ => Ok(format!(
            "{}: {} services, {} actions",
            answer.source, answer.services, answer.actions
        )),
    }
}

/// Hands the catalog's text to the API module: what it holds.
pub async fn load_catalog(text: String) -> Result<String, String> {
    read_catalog(read(&ask(ApiCall::LoadCatalog { text }).await?)?)
}

/// An answer's payload as the API wrote it (`identity_pool::effective::EffectiveReport`,
/// `::diff::DiffReport`, `::coach::CoachReport`), read by field name where it is shown:
/// the page keeps no copy of their shapes.
pub type Report = Rc<Value>;

/// A text field (empty when absent).
pub fn text<'a>(value: &'a Value, key: &str) -> &'a str {
    value.get(key).and_then(Value::as_str).unwrap_or_default()
}

/// A text field that may be absent.
pub fn maybe_text<'a>(value: &'a Value, key: &str) -> Option<&'a str> {
    value.get(key).and_then(Value::as_str)
}

/// A count (0 when absent).
pub fn count(value: &Value, key: &str) -> usize {
    value
        .get(key)
        .and_then(Value::as_u64)
        .map_or(0, |n| usize::try_from(n).unwrap_or(usize::MAX))
}

/// A yes/no field (no when absent).
pub fn flag(value: &Value, key: &str) -> bool {
    value.get(key).and_then(Value::as_bool).unwrap_or(false)
}

/// A list field (empty when absent).
pub fn list<'a>(value: &'a Value, key: &str) -> &'a [Value] {
    value
        .get(key)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

/// The outcome a field names (`removedBySession`), when it names one.
pub fn outcome(value: &Value, key: &str) -> Option<Outcome> {
    let wire = maybe_text(value, key)?;
    Outcome::ALL.into_iter().find(|o| super::name(o) == wire)
}

fn effective_call(
    scenario_json: &str,
    basic: bool,
    rows_for: Option<Vec<String>>,
    format: Option<EffectiveFormat>,
) -> ApiCall {
    ApiCall::Effective {
        scenario: ScenarioInput::Text(scenario_json.to_owned()),
        flow: basic.then_some(Flow::Basic),
        services: Vec::new(),
        resource: None,
        rows_for,
        format,
    }
}

/// The effective permissions of the scenario's sign-in (`basic`: as if in the basic flow),
/// with the rows of the services in `rows_for` only (the counts cover every service): the
/// explorer lists the rows of the services the user opened, and an answer with every row
/// (430 KB of JSON for the seed's 2,830 decisions) cost more to write, pass and read than
/// the decisions themselves.
pub async fn effective(
    scenario_json: &str,
    basic: bool,
    rows_for: Vec<String>,
) -> Result<Report, String> {
    let call = effective_call(scenario_json, basic, Some(rows_for), None);
    let answer: Envelope<Value> = read(&ask(call).await?)?;
    answer.payload("the scenario cannot be read").map(Rc::new)
}

/// The effective permissions as CSV or Markdown (what `idpool effective --format` prints).
pub async fn effective_export(
    scenario_json: &str,
    basic: bool,
    markdown: bool,
) -> Result<String, String> {
    let format = if markdown {
        EffectiveFormat::Markdown
    } else {
        EffectiveFormat::Csv
    };
    let answer: Envelope<serde::de::IgnoredAny> =
        read(&ask(effective_call(scenario_json, basic, None, Some(format))).await?)?;
    answer.text.clone().ok_or_else(|| {
        answer
            .payload("the scenario cannot be read")
            .err()
            .unwrap_or_default()
    })
}

/// Whether anything changed for one identity of a diff
/// (`identity_pool::diff::IdentityDiff::changed`, whose fields these are).
pub fn identity_changed(identity: &Value) -> bool {
    text(identity, "outcomeBefore") != text(identity, "outcomeAfter")
        || maybe_text(identity, "roleBefore") != maybe_text(identity, "roleAfter")
        || !list(identity, "requests").is_empty()
        || count(identity, "newlyAllowed") > 0
        || count(identity, "newlyDenied") > 0
}

/// The number in the Changes tab (`identity_pool::diff::DiffReport::change_count`).
pub fn change_count(diff: &Value) -> usize {
    count(diff, "requestsChanged") + count(diff, "newlyAllowed") + count(diff, "newlyDenied")
}

/// What the change from `baseline_json` to `scenario_json` changes, for every identity, and
/// the same as Markdown for a pull request (what `idpool diff --format md` prints).
pub async fn diff(baseline_json: &str, scenario_json: &str) -> Result<(Report, Rc<str>), String> {
    let answer: Envelope<Value> = read(
        &ask(ApiCall::Diff {
            old: ScenarioInput::Text(baseline_json.to_owned()),
            new: ScenarioInput::Text(scenario_json.to_owned()),
            format: Some(DiffFormat::Markdown),
        })
        .await?,
    )?;
    let markdown: Rc<str> = answer.text.clone().unwrap_or_default().into();
    let report = answer.payload("fix the scenario's errors to compare it with the baseline")?;
    Ok((Rc::new(report), markdown))
}

/// The catalog actions an `Action` entry covers, as the API writes them in lines
/// (`iam_policy::catalog::ActionExpansion::to_text`: the count, each access level with its
/// first actions, "and N more"). Shown as text, the page keeps no view of its shape.
pub async fn expand_action(pattern: &str) -> Result<String, String> {
    let call = ApiCall::ExpandAction {
        pattern: pattern.to_owned(),
        limit: Some(HOVER_LISTED),
    };
    let answer: Value = read(&ask(call).await?)?;
    match (text(&answer, "text"), maybe_text(&answer, "message")) {
        (_, Some(message)) => Err(message.to_owned()),
        (lines, None) => Ok(lines.to_owned()),
    }
}

/// How many actions a hover names; the counts are complete.
const HOVER_LISTED: usize = 100;

/// The coach's findings on the scenario.
pub async fn coach(scenario_json: &str) -> Result<Report, String> {
    let answer: Envelope<Value> = read(
        &ask(ApiCall::Coach {
            scenario: ScenarioInput::Text(scenario_json.to_owned()),
        })
        .await?,
    )?;
    answer.payload("the scenario cannot be read").map(Rc::new)
}
