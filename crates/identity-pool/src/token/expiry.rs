//! Provider-token expiry (facts §8.6, observed): GetId refuses a token whose `exp` is not
//! after the moment of sign-in. The scenario gives that moment as `signIn.time`; without
//! it there is no clock to compare with, so nothing is checked and a note says so.

use crate::error::{code, message, AwsError, Step};
use crate::note::{Confidence, Note};
use crate::provider::ProviderKind;
use crate::scenario::SignIn;

/// Whether the provider's token is a JWT whose `exp` GetId reads. Only these have been
/// seen failing with `Token expired`; opaque social tokens and SAML assertions fail
/// differently (or are checked by the provider), and developer identities have no token.
pub fn checks_expiry(kind: ProviderKind) -> bool {
    matches!(
        kind,
        ProviderKind::UserPool | ProviderKind::Oidc | ProviderKind::Google | ProviderKind::Apple
    )
}

/// `Token expired: <time> >= <exp>` when `signIn.time` is given and not before `exp`.
/// `iat` is not compared: a token issued "after" the sign-in is not an error AWS documents.
pub fn check_expiry(sign_in: &SignIn) -> Result<(), AwsError> {
    let (Some(time), Some(exp_text)) = (sign_in.time.as_ref(), sign_in.claim_text("exp")) else {
        return Ok(());
    };
    // The loader only lets numbers through as `exp`; fractional NumericDates compare too.
    let Ok(exp) = exp_text.parse::<f64>() else {
        return Ok(());
    };
    // Epoch seconds up to year 9999 are exact in an f64.
    #[allow(clippy::cast_precision_loss)]
    let now = time.value as f64;
    if now < exp {
        return Ok(());
    }
    let seconds = time.value.to_string();
    Err(AwsError::new(
        code::NOT_AUTHORIZED,
        format!("{}{seconds} >= {exp_text}", message::TOKEN_EXPIRED_PREFIX),
        Step::GetId,
    )
    .explained(
        format!("the provider token expired at `{exp_text}` (its `exp` claim, epoch seconds), and the sign-in happened at `{seconds}`, which is not before it; identity pools accept only unexpired ID tokens"),
        "sign in again or refresh the token (user pools: use the refresh token) and pass the fresh ID token in Logins; SDK credential providers must be given the new token, not the one cached at first sign-in",
    ))
}

/// The note for a token with `exp` whose expiry was not checked for want of `signIn.time`.
pub fn unchecked_note(sign_in: &SignIn, kind: ProviderKind) -> Option<Note> {
    let exp = sign_in.claim_text("exp")?;
    (sign_in.time.is_none() && checks_expiry(kind)).then(|| {
        Note::new(
            "token-expiry",
            Confidence::Assumed,
            format!("the token's `exp` ({exp}) was not checked: the scenario gives no `signIn.time`, and the simulation has no clock of its own; add `signIn.time` to see whether GetId would refuse the token as expired"),
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
    fn a_sign_in_at_or_after_exp_is_refused_with_the_observed_message() {
        let late = sign_in(Some(1_667_365_798), &[("exp", "1667235770")]);
        let error = check_expiry(&late).err().unwrap();
        assert_eq!(error.code, code::NOT_AUTHORIZED);
        assert_eq!(
            error.message,
            "Invalid login token. Token expired: 1667365798 >= 1667235770"
        );
        assert_eq!(error.step, Step::GetId);
        assert!(error.fix.contains("sign in again"), "{}", error.fix);
        // `>=`: the very second of expiry is already too late.
        let at = sign_in(Some(1_667_235_770), &[("exp", "1667235770")]);
        assert!(check_expiry(&at).is_err());
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
        assert_eq!(note.topic, "token-expiry");
        assert!(note.text.contains("signIn.time"), "{}", note.text);
        assert!(unchecked_note(&unchecked, ProviderKind::Facebook).is_none());
        let checked = sign_in(Some(1), &[("exp", "1667235770")]);
        assert!(unchecked_note(&checked, ProviderKind::UserPool).is_none());
    }
}
