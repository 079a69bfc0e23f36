//! The versioned serde request/answer API for raw IAM evaluation (the evaluation-case
//! document of `formats.md`, section 1). Filled in by the engine work.
