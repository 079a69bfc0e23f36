//! The new empty scenario: a pool with guest access and nothing else, so an import of AWS
//! CLI output fills a clean scenario instead of merging into the example that was open.

use super::scenario::ScenarioDoc;

/// The example picker's value for it.
pub const NEW_ID: &str = "new";

const EMPTY: &str = r#"{
  "name": "New scenario",
  "identityPool": {
    "IdentityPoolId": "us-east-1:00000000-0000-0000-0000-000000000000",
    "IdentityPoolName": "NewPool",
    "AllowUnauthenticatedIdentities": true,
    "AllowClassicFlow": false
  },
  "identityPoolRoles": { "Roles": {} },
  "roles": [],
  "signIn": { "identity": "unauthenticated", "flow": "enhanced" },
  "requests": []
}"#;

/// A scenario with an empty pool: no providers, roles or requests.
pub fn empty_scenario() -> ScenarioDoc {
    ScenarioDoc::from_json(EMPTY).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_empty_scenario_reads_and_has_nothing_in_it() {
        let doc = ScenarioDoc::from_json(EMPTY).expect("the empty scenario reads");
        assert_eq!(doc.name, "New scenario");
        assert!(doc.roles.is_empty());
        assert!(doc.requests.is_empty());
        assert_eq!(doc, empty_scenario());
    }
}
