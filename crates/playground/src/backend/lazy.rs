//! Calls answered by the lazily loaded API module ([`crate::api_module`]): the request is
//! `identity_pool::api`'s own [`ApiRequest`] as JSON, the answer JSON is read into the few
//! fields the page shows. Natively (tests) the same text goes to [`api::answer_json`], the
//! function the module itself calls, so the tests read exactly what the page reads.

use identity_pool::api::{self, ApiCall, ApiRequest, Diagnostic, API_VERSION};
use serde::de::DeserializeOwned;
use serde::Deserialize;

/// The request's JSON text.
pub fn request_text(call: ApiCall) -> Result<String, String> {
    serde_json::to_string(&ApiRequest {
        api_version: API_VERSION,
        call,
    })
    .map_err(|e| format!("the request could not be written: {e}"))
}

/// An answer's JSON text read as `T` (an [`Envelope`] of the op's payload).
pub fn read<T: DeserializeOwned>(answer: &str) -> Result<T, String> {
    serde_json::from_str(answer)
        .map_err(|e| format!("the API module's answer could not be read: {e}"))
}

/// Asks the lazily loaded module (loading it on first use): the answer's JSON text, for
/// [`read`]. Not generic on purpose: every answer type shares this one async call (each
/// generic copy of it cost the first load about 3 KB of wasm).
pub async fn ask(call: ApiCall) -> Result<String, String> {
    let request = request_text(call)?;
    crate::api_module::answer_json(&request).await
}

/// Asks the module's worker, off the page's thread (the slow questions: the comparison, the
/// coach); the module on this thread when the worker cannot answer.
pub async fn ask_off_thread(call: ApiCall) -> Result<String, String> {
    let request = request_text(call)?;
    crate::api_module::answer_off_thread(&request).await
}

/// Asks the API directly, as the module would answer (native tests).
pub fn ask_here<T: DeserializeOwned>(call: ApiCall) -> Result<T, String> {
    read(&api::answer_json(&request_text(call)?))
}

/// Every answer the page reads from the module: `{"apiVersion", "op", ...}` with the op's
/// payload under the op's own name (`import`, `export`, `effective`, `diff`, `coach`), or
/// `op: "error"` and a `message`. Read in one pass, without buffering a large answer.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Envelope<T> {
    /// The answer's op (`error` when the request was refused).
    pub op: String,
    /// Why, for `error`.
    #[serde(default)]
    pub message: Option<String>,
    /// The payload (absent when the scenario could not be read).
    #[serde(
        alias = "import",
        alias = "export",
        alias = "effective",
        alias = "diff",
        alias = "coach"
    )]
    pub payload: Option<T>,
    /// The payload rendered as text, where asked for (`diff` with a format).
    #[serde(default)]
    pub text: Option<String>,
    /// The (new) scenario's problems, when there is no payload.
    #[serde(default, alias = "newDiagnostics")]
    pub diagnostics: Vec<Diagnostic>,
    /// The old scenario's problems (`diff`).
    #[serde(default)]
    pub old_diagnostics: Vec<Diagnostic>,
}

impl<T> Envelope<T> {
    /// The payload; else the error the module answered with, or the first problem of the
    /// scenario (`what` names it when there is none).
    pub fn payload(self, what: &str) -> Result<T, String> {
        if self.op == "error" {
            return Err(self
                .message
                .unwrap_or_else(|| "the API module refused the request".to_owned()));
        }
        match self.payload {
            Some(payload) => Ok(payload),
            None => Err(self
                .old_diagnostics
                .iter()
                .chain(&self.diagnostics)
                .find(|d| d.is_error())
                .map_or_else(|| what.to_owned(), |d| d.message.clone())),
        }
    }
}
