//! Judgement: for each claim, which passages speak of its event, and whether what they say
//! supports or contradicts each stated value.

use crate::corpus::SourceKind;
use crate::source::Span;

/// The verdict on one claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Supported,
    Conflicting,
    Contested,
    Unsupported,
}

impl Verdict {
    pub const ALL: [Verdict; 4] = [
        Verdict::Supported,
        Verdict::Conflicting,
        Verdict::Contested,
        Verdict::Unsupported,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Supported => "supported",
            Verdict::Conflicting => "conflicting",
            Verdict::Contested => "contested",
            Verdict::Unsupported => "unsupported",
        }
    }
}

/// How one piece of evidence bears on a claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Relation {
    Supports,
    Conflicts,
}

/// Which part of the claim a piece of evidence speaks to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Aspect {
    Event,
    Date,
    Figure,
    Place,
    Participants,
    Quote,
    Cites,
}

/// A passage's statement about a claim, located in the raw source file.
#[derive(Clone, Debug, PartialEq)]
pub struct Evidence {
    pub relation: Relation,
    pub aspect: Aspect,
    /// The file's name within the corpus.
    pub source: String,
    /// Where the deciding value (date, figure, quote, …) stands in the raw file.
    pub value_span: Span,
    /// The sentence it stands in, in the raw file.
    pub excerpt_span: Span,
    /// The sentence, normalised (hyphenation joined, wraps folded).
    pub excerpt: String,
    /// The value found, as the source writes it.
    pub value: String,
    /// What the value means, when it differs from how it is written (`1921-03-16`).
    pub reading: Option<String>,
    /// The passage's references, as written.
    pub citations: Vec<String>,
    pub source_kind: SourceKind,
    pub source_title: String,
    /// Why it supports or conflicts, in a few words (`26 November 1921 ≠ 25 November 1921`).
    pub note: String,
}

/// The verdict on one claim, with its reasons.
#[derive(Clone, Debug, PartialEq)]
pub struct Judgement {
    pub verdict: Verdict,
    /// One line.
    pub reason: String,
    pub evidence: Vec<Evidence>,
    /// Caveats a reader must know (`the only support is reader comments`).
    pub warnings: Vec<String>,
}

/// What judging needs besides the claim: the corpus and the name and term knowledge built
/// over it.
pub struct Context<'a> {
    pub corpus: &'a crate::corpus::Corpus,
    pub sources: &'a crate::source::SourceMap,
}

impl<'a> Context<'a> {
    pub fn new(
        corpus: &'a crate::corpus::Corpus,
        sources: &'a crate::source::SourceMap,
        aliases: &[(String, Vec<String>)],
    ) -> Context<'a> {
        let _ = aliases;
        Context { corpus, sources }
    }
}

/// Judge one claim.
pub fn claim(context: &Context<'_>, claim: &crate::claims::Claim) -> Judgement {
    let _ = (context, claim);
    Judgement {
        verdict: Verdict::Unsupported,
        reason: "no passage speaks of this event".to_string(),
        evidence: Vec::new(),
        warnings: Vec::new(),
    }
}
