//! The share link's encoder (deflate at level 9, then base64url: `share_link::codec`) lives
//! in the second module (crate `review-panel`), which the page loads right after the first
//! decision: the page only reads links at start-up, and a first visit's download carries
//! none of the compressor (docs/bundle.md has the sizes).
//!
//! Share must put the link on the clipboard inside the click (Safari refuses a clipboard
//! write that comes after an await), so the page asks the module synchronously when it is
//! already loaded ([`encode_now`]), which it is unless Share is pressed within a moment of
//! the page opening; only then does the page wait for it ([`encode`]) and copy on a best
//! effort. The module's export calls [`fragment_for`], so the page and the command line's
//! `idpool link` encode with the same code.

use wasm_bindgen::prelude::*;

use crate::review_module::META;

// The JS side is in `page.js` (why one file: `lazy_module.rs`).
#[wasm_bindgen(module = "/src/page.js")]
extern "C" {
    fn idpool_lazy_ready(meta: &str) -> JsValue;

    #[wasm_bindgen(catch)]
    fn idpool_share_encode(
        module: &JsValue,
        scenario_json: &str,
        workshop: Option<String>,
        exercise: Option<String>,
    ) -> Result<JsValue, JsValue>;
}

/// Where a shared link takes its recipient besides the scenario: in a workshop, that
/// workshop and the exercise open.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Around {
    /// The workshop's id, in workshop mode.
    pub workshop: Option<String>,
    /// The exercise open in that workshop.
    pub exercise: Option<String>,
}

/// The link's fragment for `scenario_json` (`#s=1.…`, or `#workshop=…&exercise=…&s=1.…`),
/// or the one-line reason it cannot be made (the link would be too long, say, with its
/// help). This is the module's side; the page calls [`encode_now`] or [`encode`].
pub fn fragment_for(scenario_json: &str, around: Around) -> Result<String, String> {
    let encoded = match around.workshop {
        None => crate::share::encode_fragment(scenario_json),
        Some(workshop) => crate::share::encode_fragment_in(
            scenario_json,
            share_link::Fragment {
                workshop: Some(workshop),
                exercise: around.exercise,
                ..share_link::Fragment::default()
            },
        ),
    };
    encoded.map_err(|e| format!("{} ({})", e.message, e.help))
}

/// The fragment made by the module, if it is loaded; `None` when it is not yet.
pub fn encode_now(scenario_json: &str, around: &Around) -> Option<Result<String, String>> {
    let module = idpool_lazy_ready(META);
    if module.is_undefined() {
        return None;
    }
    Some(ask(&module, scenario_json, around))
}

/// The fragment made by the module, loading it first.
pub async fn encode(scenario_json: &str, around: &Around) -> Result<String, String> {
    let module = crate::lazy_module::load(META).await.map_err(|e| {
        format!("the share link could not be made: its encoder could not be loaded ({e}); check the connection and try again")
    })?;
    ask(&module, scenario_json, around)
}

fn ask(module: &JsValue, scenario_json: &str, around: &Around) -> Result<String, String> {
    idpool_share_encode(
        module,
        scenario_json,
        around.workshop.clone(),
        around.exercise.clone(),
    )
    .map(|fragment| fragment.as_string().unwrap_or_default())
    .map_err(|e| crate::lazy_module::reason(&e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fragment_reads_back_as_the_same_scenario_alone_or_in_a_workshop() {
        let json = crate::examples::DEFAULT_TEXT;
        let alone = fragment_for(json, Around::default()).expect("encodes");
        assert!(alone.starts_with("#s=1."), "{alone}");
        assert_eq!(
            crate::share::decode_fragment(&alone)
                .expect("decodes")
                .as_deref(),
            Some(json)
        );
        let around = Around {
            workshop: Some("iam-roles".into()),
            exercise: Some("first-trust".into()),
        };
        let in_workshop = fragment_for(json, around).expect("encodes");
        let read = share_link::Fragment::parse(&in_workshop);
        assert_eq!(read.workshop.as_deref(), Some("iam-roles"));
        assert_eq!(read.exercise.as_deref(), Some("first-trust"));
        assert_eq!(
            crate::share::decode_fragment(&in_workshop)
                .expect("decodes")
                .as_deref(),
            Some(json)
        );
    }

    #[test]
    fn a_scenario_too_large_for_a_link_says_why_with_its_help() {
        let huge = format!("{{\"name\":\"{}\"}}", "x".repeat(2 * 1024 * 1024));
        let reason = fragment_for(&huge, Around::default()).expect_err("too large");
        assert!(reason.contains('(') && reason.ends_with(')'), "{reason}");
    }
}
