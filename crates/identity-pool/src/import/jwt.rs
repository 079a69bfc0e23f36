//! Reading a pasted JWT (an ID token or an access token) into a scenario's `signIn`.
//!
//! The token is decoded locally and never verified: the playground has no signing keys and
//! never fetches any, so a forged token decodes like a real one. The claims fill
//! `signIn.claims`; the provider is recognised from `iss`; the simulation's own rules
//! ([`validate_login`], [`check_expiry`]) say whether GetId would take it.

use iam_policy::{Diagnostic, Span};
use serde::Serialize;
use serde_json::{json, Map, Value};

use super::base64url::{self, Base64Error};
use crate::provider::{parse_user_pool, ProviderKind};
use crate::scenario::load_scenario;
use crate::token::{check_expiry, validate_login};

/// Diagnostic code prefix for token problems.
const PREFIX: &str = "import::token::";

/// Longest token read, in bytes (real ID tokens are a few kilobytes).
pub const MAX_TOKEN_BYTES: usize = 64 * 1024;

/// What the token's issuer says about its provider.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Issuer {
    /// The `iss` claim as written.
    pub iss: String,
    /// The kind of provider.
    pub kind: ProviderKind,
    /// The key the app puts in `Logins` for this token.
    pub logins_key: String,
}

/// A decoded token and what it means for the scenario.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct DecodedToken {
    /// The JOSE header, when it decodes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub header: Option<Value>,
    /// The claims, when they decode.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub claims: Option<Map<String, Value>>,
    /// The provider, when `iss` is present.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuer: Option<Issuer>,
    /// `id` or `access` for user pool tokens (`token_use`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub token_use: Option<String>,
    /// The `signIn` section the token gives.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sign_in: Option<Value>,
    /// The scenario with this `signIn`, when a scenario was given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scenario: Option<Value>,
    /// Problems, located in the token text (line/column of the pasted text).
    pub diagnostics: Vec<Diagnostic>,
    /// What the decoding did not do or assumed.
    pub notes: Vec<String>,
}

/// The note every decoded token carries.
pub const NOT_VERIFIED: &str = "the token was decoded locally and its signature was NOT checked: the playground has no signing keys and sends the token nowhere, so a forged or tampered token reads like a real one; AWS verifies the signature against the provider's published keys";

/// Decodes `text` (a JWT, optionally after `Bearer `). With `scenario` (a scenario
/// document), the token's `signIn` replaces the scenario's and the pool's providers are
/// checked as GetId checks them. `now` (epoch seconds) is the moment of the sign-in: `exp`
/// is tested against it and the scenario handed back holds it as `signIn.time`; without it
/// the expiry is not judged.
pub fn decode_token(text: &str, scenario: Option<&Value>, now: Option<i64>) -> DecodedToken {
    let mut out = DecodedToken {
        header: None,
        claims: None,
        issuer: None,
        token_use: None,
        sign_in: None,
        scenario: None,
        diagnostics: Vec::new(),
        notes: vec![NOT_VERIFIED.to_owned()],
    };
    if text.len() > MAX_TOKEN_BYTES {
        out.diagnostics.push(malformed(
            format!(
                "the token is {} bytes; at most {MAX_TOKEN_BYTES} are read",
                text.len()
            ),
            Span::new(0, 0),
            "paste only the token, not the whole log",
        ));
        return out;
    }
    let (start, token) = strip_token(text);
    decode_parts(&mut out, token, start);
    if let Some(claims) = out.claims.clone() {
        describe_claims(&mut out, &claims);
        judge(
            &mut out,
            &claims,
            scenario,
            now,
            Span::new(start, start + token.len()),
        );
    }
    iam_policy::locate_all(&mut out.diagnostics, text);
    out
}

/// The token within `text` and its byte offset: surrounding whitespace and quotes, and a
/// `Bearer ` prefix (an Authorization header copied whole), are dropped.
fn strip_token(text: &str) -> (usize, &str) {
    let trimmed = text.trim_start();
    let mut start = text.len() - trimmed.len();
    let mut token = trimmed.trim_end();
    for prefix in ["Bearer ", "bearer "] {
        if let Some(rest) = token.strip_prefix(prefix) {
            start += prefix.len();
            token = rest;
        }
    }
    if let Some(inner) = token.strip_prefix('"').and_then(|t| t.strip_suffix('"')) {
        start += 1;
        token = inner;
    }
    (start, token)
}

fn malformed(message: String, span: Span, help: &str) -> Diagnostic {
    Diagnostic::error(&format!("{PREFIX}malformed"), message, Some(span)).with_help(help)
}

fn decode_parts(out: &mut DecodedToken, token: &str, start: usize) {
    let parts: Vec<&str> = token.split('.').collect();
    let whole = Span::new(start, start + token.len());
    if token.is_empty() {
        out.diagnostics.push(malformed(
            "the token is empty".to_owned(),
            whole,
            "paste the ID token: three base64url parts separated by dots, starting with `eyJ`",
        ));
        return;
    }
    if parts.len() == 5 {
        out.diagnostics.push(malformed(
            "the token has five parts: it is an encrypted JWE, whose claims only the provider can read".to_owned(),
            whole,
            "paste the ID token the provider returned to the app (three parts); identity pools take signed ID tokens, not encrypted ones",
        ));
        return;
    }
    let [header, payload, _signature] = parts.as_slice() else {
        out.diagnostics.push(malformed(
            format!("the token has {} part(s) separated by dots; a JWT has three (header.payload.signature)", parts.len()),
            whole,
            "copy the whole token; a token cut in a log line or copied without its signature has fewer parts",
        ));
        return;
    };
    let header_start = start;
    let payload_start = start + header.len() + 1;
    out.header = decode_part(out, "header", header, header_start).map(Value::Object);
    out.claims = decode_part(out, "payload", payload, payload_start);
    if let Some(alg) = out
        .header
        .as_ref()
        .and_then(|h| h.get("alg"))
        .and_then(Value::as_str)
    {
        if alg.eq_ignore_ascii_case("none") {
            out.diagnostics.push(
                Diagnostic::warning(
                    &format!("{PREFIX}unsigned"),
                    "the token's header says `\"alg\": \"none\"`: it is unsigned, and no identity pool accepts it",
                    Some(Span::new(header_start, header_start + header.len())),
                )
                .with_help("use the token the provider signed (user pools and social providers sign with RS256)"),
            );
        }
    }
}

/// One part decoded to a JSON object, or a positioned diagnostic naming the part.
fn decode_part(
    out: &mut DecodedToken,
    name: &str,
    part: &str,
    offset: usize,
) -> Option<Map<String, Value>> {
    let span = Span::new(offset, offset + part.len());
    let bytes = match base64url::decode(part) {
        Ok(bytes) => bytes,
        Err(Base64Error::BadChar(i)) => {
            let c = part.get(i..).and_then(|s| s.chars().next()).unwrap_or('?');
            out.diagnostics.push(malformed(
                format!("the {name} has `{c}` at character {}, which base64url does not use", i + 1),
                Span::new(offset + i, offset + i + c.len_utf8()),
                "the token was altered when copied (line breaks, `...` from a shortened log, quotes); copy it again whole",
            ));
            return None;
        }
        Err(Base64Error::BadLength) => {
            out.diagnostics.push(malformed(
                format!(
                    "the {name} is {} characters long, which no base64url text is; it was cut",
                    part.len()
                ),
                span,
                "copy the token again whole",
            ));
            return None;
        }
    };
    match serde_json::from_slice::<Value>(&bytes) {
        Ok(Value::Object(map)) => Some(map),
        Ok(_) => {
            out.diagnostics.push(malformed(
                format!("the {name} decodes to JSON that is not an object"),
                span,
                "a JWT's header and payload are JSON objects; this is not a JWT",
            ));
            None
        }
        Err(e) => {
            out.diagnostics.push(malformed(
                format!("the {name} does not decode to JSON ({e})"),
                span,
                "copy the token again whole; an opaque token (Facebook or Amazon access tokens) cannot be decoded, enter its claims by hand",
            ));
            None
        }
    }
}

/// The provider named by an issuer URL, and its Logins key.
pub fn issuer_provider(iss: &str) -> Issuer {
    let bare = iss
        .strip_prefix("https://")
        .unwrap_or(iss)
        .trim_end_matches('/');
    let (kind, key) = if parse_user_pool(bare).is_some() {
        (ProviderKind::UserPool, bare.to_owned())
    } else {
        match bare {
            "accounts.google.com" => (ProviderKind::Google, bare.to_owned()),
            "appleid.apple.com" => (ProviderKind::Apple, bare.to_owned()),
            // Facebook Limited Login issues OIDC tokens from www.facebook.com; the identity
            // pool takes them under the Facebook provider's key.
            "www.facebook.com" | "facebook.com" => {
                (ProviderKind::Facebook, "graph.facebook.com".to_owned())
            }
            _ => (ProviderKind::Oidc, bare.to_owned()),
        }
    };
    Issuer {
        iss: iss.to_owned(),
        kind,
        logins_key: key,
    }
}

fn describe_claims(out: &mut DecodedToken, claims: &Map<String, Value>) {
    out.token_use = claims
        .get("token_use")
        .and_then(Value::as_str)
        .map(str::to_owned);
    match claims.get("iss").and_then(Value::as_str) {
        Some(iss) => out.issuer = Some(issuer_provider(iss)),
        None => out.diagnostics.push(
            Diagnostic::warning(
                &format!("{PREFIX}no_issuer"),
                "the token has no `iss` claim, so its provider cannot be recognised",
                None,
            )
            .with_help("set `signIn.provider` to the pool's provider by hand"),
        ),
    }
    let mut sign_in = Map::new();
    sign_in.insert("identity".into(), json!("authenticated"));
    if let Some(issuer) = &out.issuer {
        sign_in.insert("provider".into(), json!(issuer.logins_key));
    }
    sign_in.insert("claims".into(), Value::Object(claims.clone()));
    out.sign_in = Some(Value::Object(sign_in));
}

/// Judges the token with the simulation's GetId rules: the token's use, its expiry, and
/// (with a scenario) whether the pool takes its provider and audience.
fn judge(
    out: &mut DecodedToken,
    claims: &Map<String, Value>,
    scenario: Option<&Value>,
    now: Option<i64>,
    span: Span,
) {
    if out.token_use.as_deref() == Some("access") {
        out.diagnostics.push(
            Diagnostic::warning(
                &format!("{PREFIX}access_token"),
                "this is a user pool access token (`token_use` is `access`); identity pools take the ID token, and GetId refuses an access token (it has no `aud`)",
                Some(span),
            )
            .with_help("pass the ID token in Logins: `idToken` / `id_token` in the sign-in result, not `accessToken`"),
        );
    }
    let Some(mut sign_in) = out.sign_in.clone() else {
        return;
    };
    let mut document = match scenario {
        Some(Value::Object(doc)) => doc.clone(),
        _ => Map::new(),
    };
    if let Some(previous) = document.get("signIn").and_then(Value::as_object) {
        // Keep how the app signs in (flow, custom role, basic request); the token replaces who.
        for key in ["flow", "customRoleArn", "basic", "identityId"] {
            if let (Some(v), Value::Object(s)) = (previous.get(key), &mut sign_in) {
                s.insert(key.to_owned(), v.clone());
            }
        }
    }
    // The sign-in happens at `now`: the simulation's rules, and the scenario handed back,
    // hold that moment, so simulating it checks `exp` as GetId would at the time of use.
    if let (Some(now), Value::Object(s)) = (now, &mut sign_in) {
        s.insert("time".into(), json!(now));
    }
    document.insert("signIn".into(), sign_in);
    if scenario.is_some() {
        out.scenario = Some(Value::Object(document.clone()));
    }
    let text = serde_json::to_string(&Value::Object(document)).unwrap_or_default();
    let Some(loaded) = load_scenario(&text).scenario else {
        return;
    };
    if now.is_some() {
        if let Err(e) = check_expiry(&loaded.sign_in) {
            out.diagnostics.push(
                Diagnostic::warning(
                    &format!("{PREFIX}expired"),
                    format!(
                        "the token has expired: GetId would answer `{}`; {}",
                        e.message, e.explanation
                    ),
                    Some(span),
                )
                .with_help(e.fix),
            );
        }
    } else if claims.contains_key("exp") {
        out.notes.push(
            "the token's `exp` was not compared with a clock (no current time given)".to_owned(),
        );
    }
    if scenario.is_some() && out.issuer.is_some() {
        if let Err(e) = validate_login(&loaded.pool, &loaded.sign_in) {
            out.diagnostics.push(
                Diagnostic::warning(
                    &format!("{PREFIX}pool_mismatch"),
                    format!(
                        "the pool would not take this token: GetId would answer `{}`; {}",
                        e.message, e.explanation
                    ),
                    Some(span),
                )
                .with_help(e.fix),
            );
        }
    }
}

#[cfg(test)]
#[path = "jwt_tests.rs"]
mod tests;
