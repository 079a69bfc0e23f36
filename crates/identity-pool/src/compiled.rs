//! Every policy of a scenario compiled once, so the flow and each request reuse them.

use iam_policy::{CompiledPolicy, PolicySource};

use crate::scenario::{PolicyDoc, Role, Scenario};

/// A role's compiled policies.
#[derive(Debug)]
pub struct CompiledRole<'s> {
    /// The role as written.
    pub role: &'s Role,
    /// Its trust policy, when given and readable.
    pub trust: Option<CompiledPolicy>,
    /// Its permission policies.
    pub policies: Vec<CompiledPolicy>,
    /// Its permissions boundary.
    pub boundary: Option<CompiledPolicy>,
}

/// The scenario's policies, compiled.
#[derive(Debug)]
pub struct CompiledScenario<'s> {
    /// Roles in file order.
    pub roles: Vec<CompiledRole<'s>>,
    /// Resource-based policies by resource ARN.
    pub resource_policies: Vec<(String, CompiledPolicy)>,
    /// Managed policies the scenario defines, by ARN.
    pub managed_policies: Vec<(String, CompiledPolicy)>,
}

/// Compiles a document when it could be read.
pub fn compile_doc(doc: &PolicyDoc) -> Option<CompiledPolicy> {
    let policy = doc.policy.as_ref()?;
    Some(CompiledPolicy::compile(
        policy,
        PolicySource {
            name: doc.name.clone(),
            kind: doc.kind,
        },
    ))
}

impl<'s> CompiledScenario<'s> {
    /// Compiles every policy of `scenario`.
    pub fn new(scenario: &'s Scenario) -> Self {
        let roles = scenario
            .roles
            .iter()
            .map(|role| CompiledRole {
                role,
                trust: role.trust.as_ref().and_then(compile_doc),
                policies: role.policies.iter().filter_map(compile_doc).collect(),
                boundary: role.boundary.as_ref().and_then(compile_doc),
            })
            .collect();
        let compile_map = |list: &[(crate::scenario::Spanned<String>, PolicyDoc)]| {
            list.iter()
                .filter_map(|(arn, doc)| compile_doc(doc).map(|c| (arn.value.clone(), c)))
                .collect()
        };
        Self {
            roles,
            resource_policies: compile_map(&scenario.resource_policies),
            managed_policies: compile_map(&scenario.managed_policies),
        }
    }

    /// The role with ARN `arn`.
    pub fn role(&self, arn: &str) -> Option<&CompiledRole<'s>> {
        self.roles.iter().find(|r| r.role.arn.value == arn)
    }

    /// The resource-based policy governing `resource`: an exact ARN match, else the policy
    /// of the bucket that holds an S3 object.
    pub fn resource_policy(&self, resource: &str) -> Option<&CompiledPolicy> {
        let exact = self
            .resource_policies
            .iter()
            .find(|(arn, _)| arn == resource);
        let bucket = || {
            let rest = resource.strip_prefix("arn:aws:s3:::")?;
            let bucket = rest.split('/').next()?;
            let arn = format!("arn:aws:s3:::{bucket}");
            self.resource_policies.iter().find(|(a, _)| *a == arn)
        };
        exact.or_else(bucket).map(|(_, c)| c)
    }
}
