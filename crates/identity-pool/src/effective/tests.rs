//! Effective permissions of the web examples, checked against what their policies say.

use super::*;
use crate::load_scenario;

fn example(name: &str) -> Scenario {
    let path = format!(
        "{}/../../web/examples/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap();
    load_scenario(&text).scenario.unwrap()
}

fn run(name: &str, options: &EffectiveOptions) -> EffectiveReport {
    effective(&example(name), Catalog::embedded(), options)
}

fn allowed(report: &EffectiveReport) -> Vec<(String, String)> {
    report
        .services
        .iter()
        .flat_map(|s| s.rows.iter())
        .filter(|r| r.outcome == Outcome::Allowed)
        .map(|r| (r.action.clone(), r.resource.clone()))
        .collect()
}

#[test]
fn guest_in_the_enhanced_flow_reads_one_picture() {
    let report = run("guest-reads-public-picture", &EffectiveOptions::default());
    assert_eq!(report.outcome, "issued");
    assert_eq!(
        allowed(&report),
        [(
            "s3:GetObject".to_owned(),
            "arn:aws:s3:::mybucket/assets/my_picture.jpg".to_owned()
        )]
    );
    // The role's service comes first, then the scope-down's, each once.
    assert_eq!(
        report.services.first().map(|s| s.prefix.as_str()),
        Some("s3")
    );
    assert!(report.services.first().is_some_and(|s| s.from_role));
    assert!(report
        .services
        .iter()
        .any(|s| s.prefix == "dynamodb" && !s.from_role));
    let mut prefixes: Vec<&str> = report.services.iter().map(|s| s.prefix.as_str()).collect();
    let listed = prefixes.len();
    prefixes.dedup();
    assert_eq!(prefixes.len(), listed);
    // Every action of every listed service is decided at least once.
    let actions: usize = report
        .services
        .iter()
        .map(|s| {
            Catalog::embedded()
                .service(&s.prefix)
                .unwrap()
                .actions
                .len()
        })
        .sum();
    assert!(report.totals.total >= actions);
    assert_eq!(report.totals.removed_by_session, 0);
    assert_eq!(report.totals.allowed, 1);
    assert_eq!(report.totals.role_allowed, 1);
    assert_eq!(
        report.totals.total,
        report.totals.allowed + report.totals.denied_by_policies
    );
}

#[test]
fn the_basic_flow_switch_drops_the_scope_down() {
    let report = run(
        "guest-reads-public-picture",
        &EffectiveOptions {
            flow: Some(Flow::Basic),
            ..EffectiveOptions::default()
        },
    );
    assert_eq!(report.flow, Flow::Basic);
    assert_eq!(report.outcome, "issued");
    assert!(report.session_policies.is_empty());
    // Without session policies only the role's own service is in play.
    let prefixes: Vec<&str> = report.services.iter().map(|s| s.prefix.as_str()).collect();
    assert_eq!(prefixes, ["s3"]);
    assert_eq!(report.totals.allowed, 1);
    assert!(report
        .remarks
        .iter()
        .any(|r| r.contains("AllowClassicFlow")));
}

#[test]
fn the_scope_down_removes_ec2() {
    let report = run("scope-down-guest-enhanced", &EffectiveOptions::default());
    let ec2 = report.services.iter().find(|s| s.prefix == "ec2").unwrap();
    let describe = ec2
        .rows
        .iter()
        .find(|r| r.action == "ec2:DescribeInstances")
        .unwrap();
    assert_eq!(describe.role, Decision::Allowed);
    assert_eq!(describe.outcome, Outcome::RemovedBySession);
    assert_eq!(ec2.counts.removed_by_session, 1);
    assert_eq!(report.totals.allowed, 1);
    // Only EC2 is asked for: the filter keeps one service.
    let only = run(
        "scope-down-guest-enhanced",
        &EffectiveOptions {
            services: vec!["EC2".into()],
            ..EffectiveOptions::default()
        },
    );
    assert_eq!(only.services.len(), 1);
    assert_eq!(only.totals, ec2.counts);
}

#[test]
fn rows_for_keeps_the_rows_asked_for_and_every_count() {
    let full = run("scope-down-guest-enhanced", &EffectiveOptions::default());
    let lean = run(
        "scope-down-guest-enhanced",
        &EffectiveOptions {
            rows_for: Some(vec!["EC2".into()]),
            ..EffectiveOptions::default()
        },
    );
    assert_eq!(lean.totals, full.totals);
    assert_eq!(lean.services.len(), full.services.len());
    for (l, f) in lean.services.iter().zip(&full.services) {
        assert_eq!((&l.prefix, l.counts), (&f.prefix, f.counts));
        if l.prefix == "ec2" {
            assert_eq!(l.rows, f.rows);
        } else {
            assert!(l.rows.is_empty(), "{} has rows", l.prefix);
        }
    }
    assert!(full.services.len() > 1 && full.services.iter().all(|s| !s.rows.is_empty()));
}

#[test]
fn a_given_resource_is_used_for_every_action() {
    let report = run(
        "guest-reads-public-picture",
        &EffectiveOptions {
            services: vec!["s3".into()],
            resource: Some("arn:aws:s3:::mybucket/other.jpg".into()),
            ..EffectiveOptions::default()
        },
    );
    let s3 = &report.services[0];
    assert!(s3
        .rows
        .iter()
        .all(|r| r.resource == "arn:aws:s3:::mybucket/other.jpg"));
    assert_eq!(report.totals.allowed, 0);
}

#[test]
fn a_failed_sign_in_has_no_rows() {
    let report = run("error-guest-access-disabled", &EffectiveOptions::default());
    assert_ne!(report.outcome, "issued");
    assert!(report.error.is_some());
    assert!(report.services.is_empty());
}

#[test]
fn renderings_agree_with_the_counts() {
    let report = run("scope-down-guest-enhanced", &EffectiveOptions::default());
    let csv = to_csv(&report);
    assert_eq!(csv.lines().count(), report.totals.total + 1);
    assert!(csv.contains(
        "ec2,ec2:DescribeInstances,List,*,Allowed,ImplicitDeny,removed by session policy"
    ));
    let md = to_markdown(&report);
    assert!(md.contains("## Amazon EC2 (`ec2`)"));
    assert!(md.contains("| `ec2:DescribeInstances` | List | `*` | Allowed | ImplicitDeny | removed by session policy |"));
    let table = to_table(&report);
    assert!(table.contains(&summary(&report.totals)));
}

#[test]
fn variables_in_named_resources_take_the_session_values() {
    let mut context = iam_policy::Context::new();
    context.insert(
        "cognito-identity.amazonaws.com:sub",
        iam_policy::ContextValue::Single("us-east-1:abc".into()),
    );
    assert_eq!(
        scope::substitute(
            "arn:aws:s3:::b/${cognito-identity.amazonaws.com:sub}/*",
            &context
        ),
        "arn:aws:s3:::b/us-east-1:abc/*"
    );
    assert_eq!(
        scope::substitute("arn:aws:s3:::b/${aws:username}", &context),
        "arn:aws:s3:::b/${aws:username}"
    );
}
