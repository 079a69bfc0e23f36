//! Bringing the user's own material in: a pasted JWT ([`jwt`]), infrastructure code that
//! defines the pool and its roles, and CloudTrail events. Every importer reports what it
//! took, what it left out (with positions in the user's text) and what it assumed.

pub mod base64url;
pub mod jwt;

pub use jwt::{decode_token, DecodedToken, Issuer};
