//! The JavaScript API over the shared request/answer API.
