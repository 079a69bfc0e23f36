//! The baseline side of a comparison, kept between comparisons (issue 15): while the user
//! types, the baseline does not change, yet each comparison decided it again, half of the
//! cost. [`BaselineCache`] keeps each identity's baseline side (its simulation, its
//! effective permissions and what they cover), keyed by the baseline's text and the
//! catalog, and answers a scenario equal to its baseline (an undo back to it) without
//! deciding any action. The answers are the same as [`super::diff`]'s, with or without it.

use std::rc::Rc;

use aws_catalog::Catalog;

use super::{as_identity, identities, summarize, unchanged, DiffReport, Identity, Side};
use crate::scenario::{ClaimValue, Flow, IdentityType, Scenario, Spanned};

/// The baseline sides of one baseline text, by identity.
#[derive(Default)]
pub struct BaselineCache {
    /// The catalog (`package@version`) and the baseline text the sides belong to.
    key: Option<(String, String)>,
    /// Each identity's side: the identity's sign-in as text (`current` for the baseline's
    /// own), so a changed made-up sign-in is a different side.
    sides: Vec<(String, Rc<Side>)>,
    /// How many sides were taken from the cache (for tests and measurements).
    hits: usize,
}

impl BaselineCache {
    /// How many identity sides came from the cache since it was made.
    pub fn hits(&self) -> usize {
        self.hits
    }

    /// How many identity sides it keeps now.
    pub fn kept(&self) -> usize {
        self.sides.len()
    }

    /// [`super::diff`] of `old` (whose text is `old_text`) with `new` (`new_text`), keeping
    /// the baseline sides for the next call with the same baseline.
    pub fn diff(
        &mut self,
        (old_text, old): (&str, &Scenario),
        (new_text, new): (&str, &Scenario),
        catalog: &Catalog,
    ) -> DiffReport {
        self.baseline(old_text, catalog);
        let identical = old_text == new_text;
        let diffs = identities(new)
            .iter()
            .map(|identity| {
                let old_as = as_identity(old, identity);
                if identical {
                    // Nothing can differ: the outcome of one simulation, no action decided.
                    let report = match self.cached(identity) {
                        Some(side) => side.report.clone(),
                        None => crate::simulate::simulate(&old_as),
                    };
                    return unchanged(identity, &report);
                }
                let side = self.side(&old_as, identity, catalog);
                super::diff_identity(&old_as, &side, new, identity, catalog)
            })
            .collect();
        summarize(diffs, catalog)
    }

    /// Decides now, and keeps, the baseline side of every identity `baseline` (whose text is
    /// `text`) describes, so the first comparison with it after an edit decides only the
    /// edited side: what a page does while the user has not edited yet (in a worker, off its
    /// thread). Returns how many identities it describes.
    pub fn keep(&mut self, (text, baseline): (&str, &Scenario), catalog: &Catalog) -> usize {
        self.baseline(text, catalog);
        let identities = identities(baseline);
        for identity in &identities {
            self.side(&as_identity(baseline, identity), identity, catalog);
        }
        identities.len()
    }

    /// Drops the kept sides unless they belong to `text` and `catalog`.
    fn baseline(&mut self, text: &str, catalog: &Catalog) {
        let catalog_id = super::catalog_id(catalog);
        let same_key = self
            .key
            .as_ref()
            .is_some_and(|(c, t)| *c == catalog_id && t == text);
        if !same_key {
            self.key = Some((catalog_id, text.to_owned()));
            self.sides.clear();
        }
    }

    /// The kept side of `identity` (`old` signed in as it), decided and kept when missing.
    fn side(&mut self, old: &Scenario, identity: &Identity, catalog: &Catalog) -> Rc<Side> {
        if let Some(side) = self.cached(identity) {
            return side;
        }
        let side = Rc::new(Side::of(old, catalog));
        if let Some(key) = key_of(identity) {
            self.sides.push((key, side.clone()));
        }
        side
    }

    /// The kept side of `identity`, counted as a hit.
    fn cached(&mut self, identity: &Identity) -> Option<Rc<Side>> {
        let key = key_of(identity)?;
        let side = self.sides.iter().find(|(k, _)| *k == key)?.1.clone();
        self.hits += 1;
        Some(side)
    }
}

/// What tells two identities' baseline sides apart: every field of the sign-in given to
/// both sides, written out (not `Debug`, whose code for the scenario's types would weigh
/// about 10 KB in the module). Positions are left out: they do not change a decision.
pub(super) fn key_of(identity: &Identity) -> Option<String> {
    let Some(s) = &identity.sign_in else {
        return Some("current".to_owned());
    };
    let text = |v: &Option<Spanned<String>>| v.as_ref().map_or("", |v| v.value.as_str()).to_owned();
    let mut key = vec![
        format!("{}", s.identity == IdentityType::Authenticated),
        text(&s.provider),
        text(&s.identity_id),
        format!("{}", s.flow == Flow::Basic),
        text(&s.custom_role_arn),
        s.time
            .as_ref()
            .map(|t| t.value.to_string())
            .unwrap_or_default(),
        format!("{}", s.claims_unreadable),
    ];
    for (name, value) in &s.claims {
        key.push(name.clone());
        key.push(match value {
            ClaimValue::Text(t) => t.clone(),
            ClaimValue::List(items) => items.join("\u{1}"),
        });
    }
    if let Some(basic) = &s.basic {
        key.push(text(&basic.role_arn));
        key.push(text(&basic.role_session_name));
        key.extend(basic.policy_arns.iter().map(|a| a.value.clone()));
        key.push(
            basic
                .duration_seconds
                .as_ref()
                .map(|d| d.value.to_string())
                .unwrap_or_default(),
        );
        if basic.policy.is_some() {
            // Made-up sign-ins never carry an inline session policy; one that did is not
            // kept rather than compared.
            return None;
        }
    }
    Some(key.join("\u{0}"))
}
