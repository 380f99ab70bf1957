//! attest checks the claims of a historical article against a corpus of sources.

pub mod claims;
pub mod corpus;
pub mod diagnostic;
pub mod extract;
pub mod judge;
pub mod report;
pub mod retrieve;
pub mod source;
pub mod value;
