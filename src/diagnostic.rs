//! The one diagnostic type. Every stage reports problems in the user's input as [`Diagnostic`]
//! values; [`crate::report`] renders them (miette for people, JSON and SARIF for machines) and
//! nothing else formats them.

use crate::source::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Advice,
    Warning,
    Error,
}

/// A labelled place in a source file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub span: Span,
    pub message: Option<String>,
}

impl Label {
    pub fn new(span: Span, message: impl Into<String>) -> Label {
        Label {
            span,
            message: Some(message.into()),
        }
    }

    pub fn bare(span: Span) -> Label {
        Label {
            span,
            message: None,
        }
    }
}

/// A problem, or a finding, with a stable code such as `attest::date::invalid_day`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: &'static str,
    pub severity: Severity,
    /// One line, lowercase start, no trailing period.
    pub message: String,
    /// Where the problem is; `None` only for problems that have no place in a file (an empty
    /// corpus folder, say).
    pub primary: Option<Label>,
    /// Further places: in the same file, or in another one (a corpus passage).
    pub secondary: Vec<Label>,
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn error(code: &'static str, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(code, Severity::Error, message)
    }

    pub fn warning(code: &'static str, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(code, Severity::Warning, message)
    }

    pub fn new(code: &'static str, severity: Severity, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            code,
            severity,
            message: message.into(),
            primary: None,
            secondary: Vec::new(),
            help: None,
        }
    }

    pub fn with_label(mut self, label: Label) -> Diagnostic {
        self.primary = Some(label);
        self
    }

    pub fn with_secondary(mut self, label: Label) -> Diagnostic {
        self.secondary.push(label);
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// The candidate closest to a misspelt word, if one is close enough to be what was meant.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let word = word.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&word, &c.to_lowercase()), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn did_you_mean_suggests_close_words_only() {
        let keys = ["date", "figure", "participants", "quote"];
        assert_eq!(did_you_mean("dat", keys), Some("date"));
        assert_eq!(did_you_mean("particpants", keys), Some("participants"));
        assert_eq!(did_you_mean("Figures", keys), Some("figure"));
        assert_eq!(did_you_mean("xyz", keys), None);
    }
}
