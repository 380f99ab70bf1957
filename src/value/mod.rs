//! The value types of the claim language and their grammars, shared by claim files and by
//! extraction from the corpus: a date in a claim and a date in a source are the same type, so
//! they can be compared.
//!
//! Each parser works on a plain `&str` and reports byte ranges relative to it; callers turn them
//! into [`crate::source::Span`]s.

pub mod cite;
pub mod date;
pub mod figure;
pub mod number;

use std::ops::Range;

/// Why a value could not be read, and where in the value the problem is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValueError {
    /// Stable code, e.g. `attest::date::invalid_day`.
    pub code: &'static str,
    /// One line, lowercase start, no trailing period: `September has 30 days`.
    pub message: String,
    /// Byte range in the parsed input that the label points at.
    pub span: Range<usize>,
    /// What to do about it, e.g. `did you mean "September"?`.
    pub help: Option<String>,
}

impl ValueError {
    pub fn new(code: &'static str, message: impl Into<String>, span: Range<usize>) -> ValueError {
        ValueError {
            code,
            message: message.into(),
            span,
            help: None,
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> ValueError {
        self.help = Some(help.into());
        self
    }
}
