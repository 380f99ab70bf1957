//! The corpus: source documents, their catalogue, their normalised text and its passages.
//!
//! STUB: filled in by the owner of `src/corpus/`; the types and signatures are the contract.

use std::ops::Range;
use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostic;
use crate::source::{SourceId, SourceMap, Span};
use crate::value::cite::Reference;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DocId(pub u32);

/// A passage is a paragraph of one document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PassageId {
    pub doc: DocId,
    pub index: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    PrimaryDocument,
    Translation,
    Scholarship,
    Journalism,
    ReaderComments,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    Ru,
    Other,
}

/// What the catalogue says of a file (or what was detected, for a file it does not list).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct SourceMeta {
    pub title: String,
    pub author: Option<String>,
    pub year: Option<i32>,
    pub language: Lang,
    pub kind: SourceKind,
    /// False when the file is not in the catalogue and its language was detected.
    pub catalogued: bool,
}

/// A reference attached to the text: an inline parenthesised reference, or a note marker
/// (`[5]`, or a superscript digit flattened into the text) resolved to its note.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Citation {
    /// Where the reference or marker stands, in the normalised text.
    pub at: Range<usize>,
    /// For a marker, where its note's text stands (normalised text); for an inline reference,
    /// the same as `at`.
    pub note: Range<usize>,
    /// The stretch of text the citation vouches for: from the previous citation in the same
    /// paragraph (or the paragraph's start) to this one.
    pub covers: Range<usize>,
    pub reference: Reference,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Passage {
    pub id: PassageId,
    /// Byte range in the document's normalised text.
    pub bytes: Range<usize>,
    /// Sentences, as byte ranges in the normalised text, in order.
    pub sentences: Vec<Range<usize>>,
    /// The kind of the section the passage is in (reader comments inside scholarship, say).
    pub kind: SourceKind,
}

#[derive(Debug)]
pub struct Document {
    pub id: DocId,
    /// The file's path relative to the corpus folder, e.g. `004_943bfa2c0ced0905.txt`.
    pub name: String,
    /// The raw file as read, registered in the run's [`SourceMap`].
    pub source: SourceId,
    pub meta: SourceMeta,
    /// Normalised text: hyphenation across line ends joined, hard wraps folded, quotes, dashes
    /// and spaces normalised, note markers removed (they are kept as [`Citation`]s).
    pub text: String,
    pub passages: Vec<Passage>,
    pub citations: Vec<Citation>,
}

impl Document {
    /// The raw-file byte offset of a normalised-text byte offset.
    pub fn raw_offset(&self, norm: usize) -> usize {
        norm
    }

    /// A span in the raw file for a range of the normalised text.
    pub fn raw_span(&self, norm: Range<usize>) -> Span {
        Span::new(
            self.source,
            self.raw_offset(norm.start)..self.raw_offset(norm.end),
        )
    }
}

#[derive(Debug, Default)]
pub struct Corpus {
    pub root: PathBuf,
    pub documents: Vec<Document>,
}

/// Errors that stop the run: there is no corpus to check against.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum CorpusError {
    #[error("corpus folder `{0}` does not exist")]
    #[diagnostic(
        code(attest::corpus::missing),
        help("pass --corpus DIR, or set `corpus:` in the claim file")
    )]
    Missing(PathBuf),
    #[error("corpus folder `{0}` holds no .txt or .md source")]
    #[diagnostic(
        code(attest::corpus::empty),
        help("a corpus is a folder of UTF-8 .txt or .md files")
    )]
    Empty(PathBuf),
    #[error("cannot read `{path}`")]
    #[diagnostic(code(attest::corpus::io))]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// Load every `.txt` and `.md` file under `dir`, with the catalogue `sources.yaml` if present.
/// Files that cannot be used (not UTF-8, binary) are skipped with a warning diagnostic.
pub fn load(dir: &Path, sources: &mut SourceMap) -> Result<(Corpus, Vec<Diagnostic>), CorpusError> {
    let _ = sources;
    Err(CorpusError::Missing(dir.to_path_buf()))
}
