//! attest's integration tests: one binary, one module per concern.

// Tests print what they measure (the gold confusion matrix) for whoever reads the log.
#![allow(clippy::print_stderr, clippy::print_stdout)]

mod cli;
mod extract;
mod formats;
mod gold;
mod html;
mod lint;
mod report;
