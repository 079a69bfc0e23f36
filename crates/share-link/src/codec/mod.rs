//! Share links: the whole scenario in the URL fragment, so sharing needs no server.
//!
//! A link's fragment is `#s=<version>.<payload>`, where the payload is the scenario JSON,
//! raw-deflated, then base64url-encoded without padding. Version 1 is the only one so far;
//! a newer version is refused with its own error rather than read as damage, so a user
//! knows to open the link in a newer playground.
//!
//! The shell uses it like this:
//! - Share button: [`encode_fragment`] the current scenario JSON; on `Ok(fragment)` set
//!   `location.hash` to it (and copy the full URL); on `Err(e)` show `e.message` and `e.help`.
//! - Start-up: [`decode_fragment`] `location.hash`; `Ok(None)` means "not a share link",
//!   `Ok(Some(json))` is the scenario to load, `Err(e)` becomes a `[data-testid="notice"]`
//!   with `e.message` (the app then starts from saved state or the default example).

mod error;

pub use error::{ShareError, ShareErrorKind};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;

/// The link format this build writes, and the newest it reads.
pub const VERSION: u32 = 1;

/// The longest fragment we write or read, in bytes (`#` included). Browsers and chat tools
/// start truncating URLs somewhere above this, and a longer link is better shared as a file.
pub const MAX_FRAGMENT_LEN: usize = 64 * 1024;

/// The largest scenario a link may inflate to. Guards against a small link that inflates to
/// gigabytes (a decompression bomb).
pub const MAX_SCENARIO_LEN: usize = 1024 * 1024;

/// The fragment parameter that holds the scenario.
const PARAM: &str = "s=";

/// Turns scenario JSON into a URL fragment (`#s=1.…`, with the `#`).
///
/// Fails with [`ShareErrorKind::TooLong`] when the link would exceed [`MAX_FRAGMENT_LEN`],
/// or [`ShareErrorKind::TooLarge`] when the scenario itself exceeds [`MAX_SCENARIO_LEN`]
/// (such a link could not be opened again).
pub fn encode_fragment(scenario_json: &str) -> Result<String, ShareError> {
    if scenario_json.len() > MAX_SCENARIO_LEN {
        return Err(ShareError::too_large(scenario_json.len()));
    }
    // Level 9: links are made rarely and read often, and every byte counts against the ceiling.
    let compressed = miniz_oxide::deflate::compress_to_vec(scenario_json.as_bytes(), 9);
    let fragment = format!("#{PARAM}{VERSION}.{}", URL_SAFE_NO_PAD.encode(compressed));
    if fragment.len() > MAX_FRAGMENT_LEN {
        return Err(ShareError::too_long(fragment.len()));
    }
    Ok(fragment)
}

/// Like [`encode_fragment`], with the scenario placed among the other parameters of
/// `around` (for example a workshop and its exercise: `#workshop=…&exercise=…&s=1.…`).
/// The whole fragment is held to [`MAX_FRAGMENT_LEN`].
pub fn encode_fragment_in(
    scenario_json: &str,
    mut around: crate::Fragment,
) -> Result<String, ShareError> {
    let alone = encode_fragment(scenario_json)?;
    around.scenario = crate::Fragment::parse(&alone).scenario;
    let fragment = around.to_hash();
    if fragment.len() > MAX_FRAGMENT_LEN {
        return Err(ShareError::too_long(fragment.len()));
    }
    Ok(fragment)
}

/// Reads a URL fragment (with or without the leading `#`) and returns the scenario JSON in it.
///
/// `Ok(None)` when the fragment carries no scenario (empty, or other parameters only).
/// The fragment may hold other `&`-separated parameters; they are ignored.
pub fn decode_fragment(fragment: &str) -> Result<Option<String>, ShareError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let Some(value) = fragment.split('&').find_map(|p| p.strip_prefix(PARAM)) else {
        return Ok(None);
    };
    if fragment.len() + 1 > MAX_FRAGMENT_LEN {
        return Err(ShareError::received_too_long(fragment.len() + 1));
    }
    decode_value(value).map(Some)
}

/// Decodes the `<version>.<payload>` part.
fn decode_value(value: &str) -> Result<String, ShareError> {
    let Some((version, payload)) = value.split_once('.') else {
        return Err(ShareError::no_version());
    };
    let version: u32 = version
        .parse()
        .map_err(|_| ShareError::bad_version(version))?;
    if version > VERSION {
        return Err(ShareError::newer_version(version));
    }
    if version == 0 {
        return Err(ShareError::bad_version("0"));
    }
    // The decoder reports a bad byte where its block ends; the user needs the first one.
    if let Some((at, bad)) = payload
        .chars()
        .enumerate()
        .find(|(_, c)| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '_'))
    {
        return Err(ShareError::bad_character(bad, at + 1));
    }
    let compressed = URL_SAFE_NO_PAD
        .decode(payload)
        .map_err(|e| ShareError::bad_base64(&e))?;
    let bytes = miniz_oxide::inflate::decompress_to_vec_with_limit(&compressed, MAX_SCENARIO_LEN)
        .map_err(|e| {
        use miniz_oxide::inflate::TINFLStatus;
        match e.status {
            TINFLStatus::HasMoreOutput => ShareError::inflates_too_large(),
            TINFLStatus::FailedCannotMakeProgress | TINFLStatus::NeedsMoreInput => {
                ShareError::bad_deflate(true)
            }
            _ => ShareError::bad_deflate(false),
        }
    })?;
    let json = String::from_utf8(bytes).map_err(|_| ShareError::bad_utf8())?;
    // Only syntax is checked here; what the scenario means is the loader's job, with positions.
    serde_json::from_str::<serde::de::IgnoredAny>(&json).map_err(|_| ShareError::bad_json())?;
    Ok(json)
}

// Native only: proptest does not build for wasm32, and these tests need no browser.
#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
#[path = "tests.rs"]
mod tests;
