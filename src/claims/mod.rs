//! Claim files: the YAML an editor writes, read with spans, and the claim language of its values.
//!
//! [`parse`] reads one file and returns every claim it could read together with every problem it
//! found, so that one run reports all bad claims of all files rather than the first one.

mod dsl;
mod yaml;

use std::fmt;
use std::path::PathBuf;

use crate::diagnostic::Diagnostic;
use crate::source::{SourceId, SourceMap, Span, Spanned};
use crate::value::cite::Reference;
use crate::value::date::HistDate;
use crate::value::figure::Figure;

pub use yaml::parse;

/// A claim's id: `[a-z0-9-]+`, unique across every file checked in one run.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClaimId(String);

impl ClaimId {
    /// `None` unless the id is made of lowercase ASCII letters, digits and hyphens.
    pub fn new(id: &str) -> Option<ClaimId> {
        let valid = !id.is_empty()
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        valid.then(|| ClaimId(id.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ClaimId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The verdict a claim file says it expects.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Expect {
    Supported,
    Conflicting,
    Contested,
    Unsupported,
}

impl Expect {
    pub const ALL: [(&'static str, Expect); 4] = [
        ("supported", Expect::Supported),
        ("conflicting", Expect::Conflicting),
        ("contested", Expect::Contested),
        ("unsupported", Expect::Unsupported),
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Expect::Supported => "supported",
            Expect::Conflicting => "conflicting",
            Expect::Contested => "contested",
            Expect::Unsupported => "unsupported",
        }
    }
}

/// One claim of an article, every value parsed and located in its file.
#[derive(Clone, Debug)]
pub struct Claim {
    pub id: Spanned<ClaimId>,
    /// The file the claim is in.
    pub source: SourceId,
    /// The article's sentence.
    pub text: Option<Spanned<String>>,
    /// Words naming the subject and what happened.
    pub event: Spanned<String>,
    pub date: Option<Spanned<HistDate>>,
    pub figure: Option<Spanned<Figure>>,
    pub place: Option<Spanned<String>>,
    pub participants: Vec<Spanned<String>>,
    pub quote: Option<Spanned<String>>,
    /// Who said or wrote the quote.
    pub by: Option<Spanned<String>>,
    /// The source the article cites.
    pub cites: Option<Spanned<Reference>>,
    pub expect: Option<Spanned<Expect>>,
}

/// A claim file as read: its claims and its file-level settings.
#[derive(Clone, Debug)]
pub struct ClaimFile {
    pub path: PathBuf,
    pub source: SourceId,
    pub article: Option<String>,
    /// The corpus folder, resolved against the claim file's folder.
    pub corpus: Option<Spanned<PathBuf>>,
    /// Other spellings of names: `Angora: [Ankara]`.
    pub aliases: Vec<(String, Vec<String>)>,
    pub claims: Vec<Claim>,
    /// The id of every claim in the file, including claims dropped for other errors, so that
    /// duplicates are found either way.
    pub ids: Vec<Spanned<ClaimId>>,
}

/// Diagnostics for ids used more than once across all the files of one run.
pub fn duplicate_ids(files: &[ClaimFile], sources: &SourceMap) -> Vec<Diagnostic> {
    let mut seen: std::collections::HashMap<&ClaimId, &Span> = std::collections::HashMap::new();
    let mut out = Vec::new();
    for id in files.iter().flat_map(|f| &f.ids) {
        match seen.get(&id.value) {
            Some(first) => {
                let (line, _) = sources.line_col(first);
                out.push(
                    Diagnostic::error(
                        "attest::claims::duplicate_id",
                        format!("claim id `{}` is used more than once", id.value),
                    )
                    .with_label(crate::diagnostic::Label::new(id.span.clone(), "used again here"))
                    .with_secondary(crate::diagnostic::Label::new((*first).clone(), "first used here"))
                    .with_help(format!(
                        "ids are unique across every file checked; rename this one (first use: {}:{line})",
                        sources.name(first.source)
                    )),
                );
            }
            None => {
                seen.insert(&id.value, &id.span);
            }
        }
    }
    out
}
