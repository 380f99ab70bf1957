//! attest's integration tests: one binary, one module per concern.

mod cli;
mod extract;
mod gold;
mod lint;
mod report;
