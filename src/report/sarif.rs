//! The `sarif` output format.

use std::io::{self, Write};

use crate::{Linted, Outcome};

/// Render the result of `attest check`.
pub fn check(out: &mut dyn Write, outcome: &Outcome) -> io::Result<()> {
    let _ = (out, outcome);
    Ok(())
}

/// Render the result of `attest lint`: the problems in the claim files.
pub fn lint(out: &mut dyn Write, linted: &Linted) -> io::Result<()> {
    let _ = (out, linted);
    Ok(())
}
