//! Provider-token expiry (facts §9, observed): GetId refuses a token once the moment of
//! sign-in, less a five-minute allowance for clock skew, has reached its `exp`. The
//! scenario gives that moment as `signIn.time`; without it there is no clock to compare
//! with, so nothing is checked and a note says so.

use crate::error::{code, message, AwsError, Step};
use crate::note::{Confidence, Note, Topic};
use crate::provider::ProviderKind;
use crate::scenario::SignIn;

/// Seconds GetId subtracts from its clock before comparing with `exp`. Two public logs of
/// the real message print the server time minus exactly this (aws-sdk-android#809, whose
/// request ID carries the server time; JciHitachiHA#33), so a token is accepted until five
/// minutes after its `exp`.
pub const CLOCK_SKEW_ALLOWANCE: i64 = 300;

/// Whether the provider's token is a JWT whose `exp` GetId reads. Only these have been
/// seen failing with `Token expired`; opaque social tokens and SAML assertions fail
/// differently (or are checked by the provider), and developer identities have no token.
pub fn checks_expiry(kind: ProviderKind) -> bool {
    matches!(
        kind,
        ProviderKind::UserPool | ProviderKind::Oidc | ProviderKind::Google | ProviderKind::Apple
    )
}

/// The token's `exp` and the sign-in's time, when both are given.
fn times(sign_in: &SignIn) -> Option<(i64, &str, f64)> {
    let time = sign_in.time.as_ref()?.value;
    let exp_text = sign_in.claim_text("exp")?;
    // The loader only lets numbers through as `exp`; fractional NumericDates compare too.
    let exp = exp_text.parse::<f64>().ok()?;
    Some((time, exp_text, exp))
}

/// Epoch seconds up to year 9999 are exact in an f64.
#[allow(
    clippy::cast_precision_loss,
    reason = "epoch seconds stay below 2^53, exact in f64"
)]
fn as_f64(seconds: i64) -> f64 {
    seconds as f64
}

/// `Token expired: <time - 300> >= <exp>` when `signIn.time` is given and, less the
/// allowance, not before `exp`. `iat` is not compared: a token issued "after" the sign-in
/// is not an error AWS documents.
pub fn check_expiry(sign_in: &SignIn) -> Result<(), AwsError> {
    let Some((time, exp_text, exp)) = times(sign_in) else {
        return Ok(());
    };
    let skewed = time.saturating_sub(CLOCK_SKEW_ALLOWANCE);
    if as_f64(skewed) < exp {
        return Ok(());
    }
    Err(AwsError::new(
        code::NOT_AUTHORIZED,
        format!("{}{skewed} >= {exp_text}", message::TOKEN_EXPIRED_PREFIX),
        Step::GetId,
    )
.about(Topic::TokenExpiry)
    .explained(
        format!("the provider token expired at `{exp_text}` (its `exp` claim, epoch seconds); the sign-in happened at `{time}`, more than five minutes later. GetId allows five minutes of clock skew: it compares `exp` with its own clock minus 300 seconds, which is the first number in the message (`{time}` - 300 = `{skewed}`)"),
        "sign in again or refresh the token (user pools: use the refresh token) and pass the fresh ID token in Logins; SDK credential providers must be given the new token, not the one cached at first sign-in. The five-minute allowance is for clocks that disagree slightly, not for reusing stale tokens: refresh before `exp`",
    ))
}

/// The note for a token accepted only thanks to the allowance: past its `exp`, but by
/// less than five minutes.
pub fn within_allowance_note(sign_in: &SignIn) -> Option<Note> {
    let (time, exp_text, exp) = times(sign_in)?;
    let late = as_f64(time) >= exp && as_f64(time.saturating_sub(CLOCK_SKEW_ALLOWANCE)) < exp;
    late.then(|| {
        Note::new(
            Topic::TokenExpiry,
            Confidence::Observed,
            format!("the token's `exp` ({exp_text}) is before the sign-in time ({time}), but by less than five minutes: GetId accepts it, because it compares `exp` with its clock minus 300 seconds (seen in two public logs of the `Token expired` message)"),
        )
    })
}

/// The note for a token with `exp` whose expiry was not checked for want of `signIn.time`.
pub fn unchecked_note(sign_in: &SignIn, kind: ProviderKind) -> Option<Note> {
    let exp = sign_in.claim_text("exp")?;
    (sign_in.time.is_none() && checks_expiry(kind)).then(|| {
        Note::new(
            Topic::TokenExpiry,
            Confidence::Assumed,
            format!("the token's `exp` ({exp}) was not checked: the scenario gives no `signIn.time`, and the simulation has no clock of its own; add `signIn.time` to see whether GetId would refuse the token as expired (it allows five minutes past `exp`)"),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::Spanned;
    use crate::token::tests::signed_in;
    use iam_policy::Span;

    fn sign_in(time: Option<i64>, claims: &[(&str, &str)]) -> SignIn {
        SignIn {
            time: time.map(|t| Spanned::new(t, Span::default())),
            ..signed_in(claims)
        }
    }

    #[test]
    fn a_sign_in_five_minutes_after_exp_is_refused_with_the_observed_message() {
        // I-HITACHI-33's message; the server's clock read 300 s more than its first number.
        let late = sign_in(Some(1_667_366_098), &[("exp", "1667235770")]);
        let error = check_expiry(&late).err().unwrap();
        assert_eq!(error.code, code::NOT_AUTHORIZED);
        assert_eq!(
            error.message,
            "Invalid login token. Token expired: 1667365798 >= 1667235770"
        );
        assert_eq!(error.step, Step::GetId);
        assert!(error.fix.contains("sign in again"), "{}", error.fix);
        // `>=`: the very second the allowance runs out is already too late.
        let at = sign_in(Some(1_667_236_070), &[("exp", "1667235770")]);
        let error = check_expiry(&at).err().unwrap();
        assert_eq!(
            error.message,
            "Invalid login token. Token expired: 1667235770 >= 1667235770"
        );
        assert!(error.fix.contains("five-minute"), "{}", error.fix);
    }

    #[test]
    fn within_five_minutes_after_exp_the_token_is_accepted_with_a_note() {
        for time in [1_667_235_770, 1_667_236_010, 1_667_236_069] {
            let late = sign_in(Some(time), &[("exp", "1667235770")]);
            assert!(check_expiry(&late).is_ok(), "{time}");
            let note = within_allowance_note(&late).unwrap();
            assert_eq!(note.confidence, Confidence::Observed);
        }
        let early = sign_in(Some(1_667_235_769), &[("exp", "1667235770")]);
        assert!(within_allowance_note(&early).is_none());
    }

    #[test]
    fn before_exp_without_time_or_without_exp_nothing_fails() {
        assert!(check_expiry(&sign_in(Some(1_667_235_769), &[("exp", "1667235770")])).is_ok());
        assert!(check_expiry(&sign_in(None, &[("exp", "1")])).is_ok());
        assert!(check_expiry(&sign_in(Some(1_667_365_798), &[])).is_ok());
    }

    #[test]
    fn iat_after_the_sign_in_is_not_an_error() {
        let early = sign_in(Some(1_000), &[("iat", "2000000000"), ("exp", "2000003600")]);
        assert!(check_expiry(&early).is_ok());
    }

    #[test]
    fn the_note_appears_only_when_exp_went_unchecked() {
        let unchecked = sign_in(None, &[("exp", "1667235770")]);
        let note = unchecked_note(&unchecked, ProviderKind::UserPool).unwrap();
        assert_eq!(note.topic, crate::note::Topic::TokenExpiry);
        assert!(note.text.contains("signIn.time"), "{}", note.text);
        assert!(unchecked_note(&unchecked, ProviderKind::Facebook).is_none());
        let checked = sign_in(Some(1), &[("exp", "1667235770")]);
        assert!(unchecked_note(&checked, ProviderKind::UserPool).is_none());
    }
}
