//! Explanations in plain words: why a trust policy refused the token, and what decided a
//! request made with the credentials.

pub mod request;
pub mod trust;
