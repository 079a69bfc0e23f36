//! Validation warnings in the spirit of IAM Access Analyzer's policy checks. Filled in below
//! the parser: errors stop evaluation, these only inform.

use crate::policy::{Policy, PolicyKind};
use crate::Diagnostic;

/// Checks on the raw text (size limits, character range).
pub(crate) fn check_text(_text: &str, _kind: PolicyKind, _out: &mut Vec<Diagnostic>) {}

/// Checks on the parsed document.
pub(crate) fn check_policy(_policy: &Policy, _out: &mut Vec<Diagnostic>) {}
