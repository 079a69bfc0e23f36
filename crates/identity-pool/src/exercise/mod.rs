//! Exercises and workshops (`docs/exercises.md`): a starting scenario, a brief, ordered
//! hints, goals the learner must make true, and a reference solution as patches.
//!
//! The same code judges a learner's scenario in the playground (through [`crate::api`]),
//! verifies an exercise file in `idpool check` (the solution meets every goal, the start
//! fails at least one), and runs the workshop tests.

mod goals;
mod load;
mod model;
mod solution;
mod verify;
mod view;

pub use goals::{evaluate_goals, GoalResult};
pub use load::{load_exercise_file, LoadedExercises};
pub use model::{Exercise, ExpectedDecision, Goal, GoalKind, Patch, Workshop};
pub use solution::apply_solution;
pub use verify::{check_exercise_file, is_exercise_file, verify_exercise};
pub use view::{judge, workshop_view, ExerciseView, GoalsVerdict, WorkshopView};

#[cfg(test)]
mod tests;
