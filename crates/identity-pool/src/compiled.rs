//! Every policy of a scenario compiled once, so the flow and each request reuse them.

use iam_policy::{CompiledPolicy, PolicySource};

use crate::kms_default::default_key_policy;
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
    /// KMS's default key policy for each key a request uses that has no entry in
    /// `resourcePolicies` (see `kms_default`), by key ARN.
    pub default_key_policies: Vec<(String, CompiledPolicy)>,
}

/// Compiles a document when it could be read.
pub fn compile_doc(doc: &PolicyDoc) -> Option<CompiledPolicy> {
    if let Some(compiled) = &doc.compiled {
        return Some(compiled.clone());
    }
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
        let resource_policies: Vec<(String, CompiledPolicy)> =
            compile_map(&scenario.resource_policies);
        let mut default_key_policies: Vec<(String, CompiledPolicy)> = Vec::new();
        for request in &scenario.requests {
            let key = &request.resource;
            let known = scenario
                .resource_policies
                .iter()
                .any(|(a, _)| a.value == *key)
                || default_key_policies.iter().any(|(a, _)| a == key);
            if let Some(policy) = (!known).then(|| default_key_policy(key)).flatten() {
                default_key_policies.push((key.clone(), policy));
            }
        }
        Self {
            roles,
            resource_policies,
            managed_policies: compile_map(&scenario.managed_policies),
            default_key_policies,
        }
    }

    /// The role with ARN `arn`.
    pub fn role(&self, arn: &str) -> Option<&CompiledRole<'s>> {
        self.roles.iter().find(|r| r.role.arn.value == arn)
    }

    /// The resource-based policy governing `resource`: an exact ARN match, else the policy
    /// of the bucket that holds an S3 object, else KMS's default key policy for a key without
    /// one, else the trust policy of a role of the scenario.
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
        let default_key = || {
            self.default_key_policies
                .iter()
                .find(|(a, _)| a == resource)
        };
        // A role's resource-based policy is its trust policy: `sts:AssumeRole*` on a role of
        // the scenario is decided by it (the engine requires it to allow).
        let trust = || self.role(resource).and_then(|r| r.trust.as_ref());
        exact
            .or_else(bucket)
            .or_else(default_key)
            .map(|(_, c)| c)
            .or_else(trust)
    }
}
