//! The kept baseline side: the same answers as [`diff`] with and without it, dropped when
//! the baseline changes, and no action decided for a scenario equal to its baseline.

use aws_catalog::Catalog;
use serde_json::{json, Value};

use super::*;
use crate::corpus_support::{cases, scenario_text};

/// The case's two sides, text and scenario.
fn sides(case: &Value) -> ((String, Scenario), (String, Scenario)) {
    let load = |field: &str| {
        let text = scenario_text(case, field);
        let loaded = crate::load_scenario(&text).scenario.unwrap();
        (text, loaded)
    };
    (load("oldSet"), load("set"))
}

#[test]
fn kept_sides_give_the_answers_of_a_fresh_comparison() {
    let catalog = Catalog::embedded();
    for (file, case) in cases("diff") {
        let ((old_text, old), (new_text, new)) = sides(&case);
        let fresh = diff(&old, &new, catalog);
        let mut cache = BaselineCache::default();
        let first = cache.diff((&old_text, &old), (&new_text, &new), catalog);
        assert_eq!(first, fresh, "{file}: {}: first comparison", case["name"]);
        assert_eq!(cache.hits(), 0);
        assert_eq!(cache.kept(), fresh.identities.len());
        let again = cache.diff((&old_text, &old), (&new_text, &new), catalog);
        assert_eq!(
            again, fresh,
            "{file}: {}: from the kept sides",
            case["name"]
        );
        assert_eq!(
            cache.hits(),
            fresh.identities.len(),
            "{file}: every side kept"
        );
    }
}

#[test]
fn another_baseline_drops_the_kept_sides() {
    let catalog = Catalog::embedded();
    let all = cases("diff");
    let ((a_text, a), (n_text, n)) = sides(&all[0].1);
    let mut cache = BaselineCache::default();
    cache.diff((&a_text, &a), (&n_text, &n), catalog);
    // The user pins the edited scenario as the new baseline and edits again.
    let edit = json!({ "example": all[1].1["example"], "set": all[1].1["set"] });
    let (_, (e_text, e)) = sides(&edit);
    let hits = cache.hits();
    let pinned = cache.diff((&n_text, &n), (&e_text, &e), catalog);
    assert_eq!(pinned, diff(&n, &e, catalog));
    assert_eq!(cache.hits(), hits, "nothing of the old baseline was used");
    assert_eq!(cache.kept(), pinned.identities.len());
    // Back to the first baseline: decided anew, still the fresh answer.
    let back = cache.diff((&a_text, &a), (&n_text, &n), catalog);
    assert_eq!(back, diff(&a, &n, catalog));
    assert_eq!(cache.hits(), hits);
}

#[test]
fn a_scenario_equal_to_its_baseline_is_answered_without_deciding_actions() {
    let catalog = Catalog::embedded();
    for id in [
        "guest-reads-public-picture",
        "rules-first-match-wins",
        "scope-down-guest-enhanced",
        "token-preferred-role",
    ] {
        let (_, (text, s)) = sides(&json!({ "example": id }));
        let mut cache = BaselineCache::default();
        let same = cache.diff((&text, &s), (&text, &s), catalog);
        assert_eq!(same, diff(&s, &s, catalog), "{id}");
        assert_eq!(same.identities_changed, 0, "{id}");
        assert_eq!(cache.kept(), 0, "{id}: no side decided");
    }
}

#[test]
fn a_baseline_kept_in_advance_leaves_only_the_edited_side_to_decide() {
    let catalog = Catalog::embedded();
    for (file, case) in cases("diff") {
        let ((old_text, old), (new_text, new)) = sides(&case);
        let mut cache = BaselineCache::default();
        let described = cache.keep((&old_text, &old), catalog);
        assert_eq!(
            described,
            identities(&old).len(),
            "{file}: {}",
            case["name"]
        );
        assert_eq!(cache.kept(), described, "{file}: every side kept");
        assert_eq!(cache.hits(), 0);
        // The first comparison after the edit: the same answer as a fresh one, each of the
        // new scenario's identities the baseline also describes taken from the cache.
        let first = cache.diff((&old_text, &old), (&new_text, &new), catalog);
        assert_eq!(first, diff(&old, &new, catalog), "{file}: {}", case["name"]);
        let old_keys: Vec<_> = identities(&old)
            .iter()
            .filter_map(baseline::key_of)
            .collect();
        let shared = identities(&new)
            .iter()
            .filter_map(baseline::key_of)
            .filter(|key| old_keys.contains(key))
            .count();
        assert!(
            shared > 0,
            "{file}: {}: the scenario's own sign-in at least",
            case["name"]
        );
        assert_eq!(
            cache.hits(),
            shared,
            "{file}: {}: sides decided in advance used",
            case["name"]
        );
        // Keeping the same baseline again decides nothing new.
        let kept = cache.kept();
        cache.keep((&old_text, &old), catalog);
        assert_eq!(cache.kept(), kept, "{file}: kept once");
    }
}
