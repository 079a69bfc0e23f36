//! The reference solution: JSON Pointer patches applied to the starting scenario.

use serde_json::Value;

use super::model::{Exercise, Patch};

/// The solution's scenario text (pretty JSON), or why it cannot be made: the patch that
/// cannot be applied (`None`: the starting scenario itself) and a message.
pub fn apply_solution(exercise: &Exercise) -> Result<String, (Option<&Patch>, String)> {
    let mut doc: Value = serde_json::from_str(&exercise.scenario)
        .map_err(|e| (None, format!("the starting scenario is not JSON: {e}")))?;
    for patch in &exercise.solution {
        apply(&mut doc, patch).map_err(|why| (Some(patch), why))?;
    }
    serde_json::to_string_pretty(&doc).map_err(|e| (None, e.to_string()))
}

/// Puts `patch.value` at `patch.path`: replaces a member or an array item, adds a missing
/// member, and appends to an array for `-`. Every token but the last must exist.
fn apply(doc: &mut Value, patch: &Patch) -> Result<(), String> {
    let tokens: Vec<String> = patch
        .path
        .split('/')
        .skip(1)
        .map(|t| t.replace("~1", "/").replace("~0", "~"))
        .collect();
    let Some((last, parents)) = tokens.split_last() else {
        *doc = patch.value.clone();
        return Ok(());
    };
    let mut at = doc;
    for (depth, token) in parents.iter().enumerate() {
        let here = format!("/{}", tokens.get(..=depth).unwrap_or_default().join("/"));
        at = match at {
            Value::Object(map) => map.get_mut(token.as_str()),
            Value::Array(items) => token.parse::<usize>().ok().and_then(|i| items.get_mut(i)),
            _ => None,
        }
        .ok_or_else(|| format!("the starting scenario has nothing at `{here}`"))?;
    }
    match at {
        Value::Object(map) => {
            map.insert(last.clone(), patch.value.clone());
            Ok(())
        }
        Value::Array(items) if last == "-" => {
            items.push(patch.value.clone());
            Ok(())
        }
        Value::Array(items) => {
            let slot = last.parse::<usize>().ok().and_then(|i| items.get_mut(i));
            match slot {
                Some(slot) => {
                    *slot = patch.value.clone();
                    Ok(())
                }
                None => Err(format!(
                    "`{last}` is not an item of the array at the parent of `{}` ({} items)",
                    patch.path,
                    items.len()
                )),
            }
        }
        _ => Err(format!(
            "the parent of `{}` is neither an object nor an array",
            patch.path
        )),
    }
}
