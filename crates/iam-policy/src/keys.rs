//! A catalogue of condition keys the validator knows: AWS global keys and the service keys
//! that identity-pool policies use. Used to catch misspellings (with a suggestion) and
//! multi-valued keys used without a set operator. Keys outside the catalogue from other
//! services are not flagged: the catalogue is not exhaustive.

/// Global (`aws:`) keys, lowercase. Tag keys with a `/suffix` are handled by prefix.
const GLOBAL: &[&str] = &[
    "aws:calledvia",
    "aws:calledviafirst",
    "aws:calledvialast",
    "aws:currenttime",
    "aws:epochtime",
    "aws:federatedprovider",
    "aws:multifactorauthage",
    "aws:multifactorauthpresent",
    "aws:principalaccount",
    "aws:principalarn",
    "aws:principalisawsservice",
    "aws:principalorgid",
    "aws:principalorgpaths",
    "aws:principalservicename",
    "aws:principalservicenameslist",
    "aws:principaltype",
    "aws:referer",
    "aws:requestedregion",
    "aws:resourceaccount",
    "aws:resourceorgid",
    "aws:resourceorgpaths",
    "aws:securetransport",
    "aws:sourceaccount",
    "aws:sourcearn",
    "aws:sourceip",
    "aws:sourceorgid",
    "aws:sourceorgpaths",
    "aws:sourcevpc",
    "aws:sourcevpce",
    "aws:sourceidentity",
    "aws:tagkeys",
    "aws:tokenissuetime",
    "aws:useragent",
    "aws:userid",
    "aws:username",
    "aws:viaawsservice",
    "aws:vpcsourceip",
    "aws:ec2instancesourcevpc",
    "aws:ec2instancesourceprivateipv4",
    "aws:rolesessionname",
    "aws:assumedroot",
];

/// Tag-style keys: a prefix followed by a tag key.
const TAG_PREFIXES: &[&str] = &["aws:principaltag/", "aws:requesttag/", "aws:resourcetag/"];

/// Service keys that identity-pool policies use, lowercase.
const SERVICE: &[&str] = &[
    "cognito-identity.amazonaws.com:aud",
    "cognito-identity.amazonaws.com:amr",
    "cognito-identity.amazonaws.com:sub",
    "sts:rolesessionname",
    "sts:externalid",
    "sts:sourceidentity",
    "sts:transitivetagkeys",
    "s3:prefix",
    "s3:delimiter",
    "s3:max-keys",
    "s3:x-amz-acl",
    "s3:x-amz-server-side-encryption",
    "s3:existingobjecttag",
    "s3:versionid",
    "s3:signatureversion",
    "s3:authtype",
    "s3:resourceaccount",
    "dynamodb:leadingkeys",
    "dynamodb:attributes",
    "dynamodb:select",
    "dynamodb:returnvalues",
    "accounts.google.com:aud",
    "accounts.google.com:sub",
    "accounts.google.com:oaud",
    "graph.facebook.com:app_id",
    "graph.facebook.com:id",
    "www.amazon.com:app_id",
    "www.amazon.com:user_id",
];

/// Keys whose request value is a set: they need `ForAnyValue:` or `ForAllValues:`.
const MULTI_VALUED: &[&str] = &[
    "cognito-identity.amazonaws.com:amr",
    "aws:tagkeys",
    "aws:calledvia",
    "aws:principalservicenameslist",
    "aws:principalorgpaths",
    "aws:resourceorgpaths",
    "aws:sourceorgpaths",
    "dynamodb:leadingkeys",
    "dynamodb:attributes",
    "sts:transitivetagkeys",
];

/// Whether `key` is a known key (any case).
pub fn is_known(key: &str) -> bool {
    let lower = key.to_ascii_lowercase();
    let tagged = TAG_PREFIXES
        .iter()
        .any(|p| lower.starts_with(p) && lower.len() > p.len());
    tagged
        || GLOBAL
            .iter()
            .chain(SERVICE)
            .any(|k| k.eq_ignore_ascii_case(&lower))
}

/// Whether the key's value is a set.
pub fn is_multi_valued(key: &str) -> bool {
    MULTI_VALUED.iter().any(|k| k.eq_ignore_ascii_case(key))
}

/// Whether the key is known to be single-valued.
pub fn is_single_valued(key: &str) -> bool {
    is_known(key)
        && !is_multi_valued(key)
        && !key.to_ascii_lowercase().starts_with("aws:requesttag/")
}

/// For an unknown key: the known key it most likely misspells. `aws:` keys not in the
/// catalogue get a suggestion or `Some("")` (unknown global key without a near match).
pub fn misspelling(key: &str) -> Option<String> {
    if is_known(key) {
        return None;
    }
    let lower = key.to_ascii_lowercase();
    let chars: Vec<char> = lower.chars().collect();
    // The first of the closest keys, if within 4 edits and a fifth of the key's length. Each
    // distance is measured only up to what could still win (a hostile key can be megabytes
    // long, and the fuzzer's mutated keys are many).
    let limit = (lower.len() / 5).min(4);
    let mut best: Option<(usize, &str)> = None;
    for k in GLOBAL.iter().chain(SERVICE) {
        let bound = match best {
            Some((0, _)) => break,
            Some((d, _)) => d - 1,
            None => limit,
        };
        let candidate: Vec<char> = k.chars().collect();
        if let Some(d) = crate::condition::distance_within(&chars, &candidate, bound) {
            best = Some((d, k));
        }
    }
    match best {
        Some((_, k)) => Some(canonical(k)),
        None if lower.starts_with("aws:") => Some(String::new()),
        None => None,
    }
}

/// The documented spelling of a catalogue key (the catalogue is lowercase).
fn canonical(lower: &str) -> String {
    const SPELLED: &[&str] = &[
        "aws:PrincipalArn",
        "aws:PrincipalTag",
        "aws:SourceIp",
        "aws:SourceArn",
        "aws:SourceAccount",
        "aws:SecureTransport",
        "aws:CurrentTime",
        "aws:EpochTime",
        "aws:TagKeys",
        "aws:userid",
        "aws:username",
        "aws:PrincipalAccount",
        "aws:RequestedRegion",
        "aws:MultiFactorAuthPresent",
        "aws:MultiFactorAuthAge",
        "aws:FederatedProvider",
        "aws:PrincipalType",
        "aws:PrincipalOrgID",
        "aws:ResourceAccount",
        "aws:CalledVia",
        "aws:Referer",
        "aws:UserAgent",
        "aws:SourceVpc",
        "aws:SourceVpce",
        "aws:ViaAWSService",
        "aws:TokenIssueTime",
        "aws:PrincipalIsAWSService",
        "dynamodb:LeadingKeys",
        "dynamodb:Attributes",
        "sts:RoleSessionName",
        "sts:ExternalId",
    ];
    SPELLED
        .iter()
        .find(|s| s.eq_ignore_ascii_case(lower))
        .map_or_else(|| lower.to_string(), |s| (*s).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_and_tag_keys() {
        assert!(is_known("Cognito-Identity.amazonaws.com:AMR"));
        assert!(is_known("aws:PrincipalTag/department"));
        assert!(!is_known("aws:PrincipalTag/"));
    }

    #[test]
    fn suggests_the_cognito_key_for_the_classic_typo() {
        assert_eq!(
            misspelling("cognito-identity.amazon.com:amr").as_deref(),
            Some("cognito-identity.amazonaws.com:amr")
        );
        assert_eq!(misspelling("aws:SourceIP"), None);
        assert_eq!(misspelling("aws:SorceIp").as_deref(), Some("aws:SourceIp"));
        assert_eq!(misspelling("aws:frobnicate").as_deref(), Some(""));
        assert_eq!(misspelling("ec2:InstanceType"), None);
    }

    #[test]
    fn multi_valued() {
        assert!(is_multi_valued("cognito-identity.amazonaws.com:amr"));
        assert!(is_single_valued("cognito-identity.amazonaws.com:aud"));
        assert!(!is_single_valued("ec2:InstanceType"));
    }
}
