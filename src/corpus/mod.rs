//! The corpus: source documents, their catalogue, their normalised text and its passages.
//!
//! [`load`] reads every `.txt` and `.md` file of a folder (recursively, in path order) and the
//! catalogue `sources.yaml` beside them (the `catalogue` module documents its format). Each file
//! becomes a [`Document`]:
//!
//! - its raw text (UTF-8, a leading BOM dropped), registered in the run's [`SourceMap`] so
//!   findings can point into it;
//! - its normalised text (the `normalize` module documents the rules), which every extractor
//!   reads, with an exact map back to raw offsets ([`Document::raw_offset`],
//!   [`Document::raw_span`]);
//! - its passages, one per paragraph, split into sentences (`passage`), each with the kind of
//!   the section it is in (reader comments after an article, say) and, for the text of an
//!   endnote, the note's number;
//! - its citations (`citation`): endnote markers resolved to their notes, superscript note
//!   numbers, and inline references in parentheses, each with the stretch of text it vouches
//!   for.

mod catalogue;
mod citation;
mod load;
mod normalize;
mod passage;

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diagnostic::Diagnostic;
use crate::source::{SourceFile, SourceId, SourceMap, Span};
use crate::value::cite::Reference;

use normalize::OffsetMap;

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

impl SourceMeta {
    /// What can be said of a file the catalogue does not list: its name as title, its language
    /// detected, and the default kind.
    pub fn detected(name: &str, text: &str) -> SourceMeta {
        SourceMeta {
            title: name.to_string(),
            author: None,
            year: None,
            language: detect_language(text),
            kind: catalogue::DEFAULT_KIND,
            catalogued: false,
        }
    }
}

/// A part of a document of another kind than the document, from the line that begins with
/// `starts` to the next section or the end.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    pub starts: String,
    pub kind: SourceKind,
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

impl Citation {
    /// An inline reference stays in the normalised text; a marker was removed from it, so its
    /// `at` is empty.
    pub fn is_inline(&self) -> bool {
        !self.at.is_empty()
    }
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
    /// For the text of an endnote (`[5] Letter of …`), the note's number: the passage is a
    /// reference, cited by the markers `[5]` of the text.
    pub note: Option<u32>,
}

#[derive(Clone)]
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
    /// The raw text (as registered in the source map), for mapping offsets back.
    raw: Arc<str>,
    offsets: OffsetMap,
}

impl fmt::Debug for Document {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Document")
            .field("id", &self.id)
            .field("name", &self.name)
            .field("source", &self.source)
            .field("meta", &self.meta)
            .field("passages", &self.passages.len())
            .field("citations", &self.citations.len())
            .finish_non_exhaustive()
    }
}

impl Document {
    /// Build a document from its raw text (already registered as `source`). `sections` are the
    /// catalogue's sections for it, in order.
    pub fn new(
        id: DocId,
        name: impl Into<String>,
        source: SourceId,
        raw: Arc<str>,
        meta: SourceMeta,
        sections: &[Section],
    ) -> Document {
        Document::build(id, name.into(), source, raw, meta, sections).0
    }

    /// As [`Document::new`], also returning the indices of the sections whose start line was
    /// not found.
    fn build(
        id: DocId,
        name: String,
        source: SourceId,
        raw: Arc<str>,
        meta: SourceMeta,
        sections: &[Section],
    ) -> (Document, Vec<usize>) {
        let starts: Vec<&str> = sections.iter().map(|s| s.starts.as_str()).collect();
        let norm = normalize::normalize(&raw, &starts);
        let groups: Vec<Vec<Range<usize>>> = norm
            .paragraphs
            .iter()
            .map(|p| {
                let s = norm.text.get(p.bytes.clone()).unwrap_or("");
                citation::paren_groups(s)
                    .into_iter()
                    .map(|g| g.start + p.bytes.start..g.end + p.bytes.start)
                    .collect()
            })
            .collect();
        let passages = norm
            .paragraphs
            .iter()
            .zip(&groups)
            .enumerate()
            .map(|(index, (p, g))| Passage {
                id: PassageId {
                    doc: id,
                    index: u32::try_from(index).unwrap_or(u32::MAX),
                },
                bytes: p.bytes.clone(),
                sentences: passage::sentences(
                    &norm.text,
                    p.bytes.clone(),
                    g,
                    &p.markers.iter().map(|m| m.at).collect::<Vec<_>>(),
                ),
                kind: p
                    .section
                    .and_then(|s| sections.get(s))
                    .map_or(meta.kind, |s| s.kind),
                note: p.note_label,
            })
            .collect();
        let citations = citation::collect(&norm.text, &norm.paragraphs, &groups);
        let doc = Document {
            id,
            name,
            source,
            meta,
            text: norm.text,
            passages,
            citations,
            raw,
            offsets: norm.offsets,
        };
        (doc, norm.unmatched_sections)
    }

    /// The raw-file byte offset of a normalised-text byte offset. Exact at every char boundary
    /// of the normalised text: the raw character there is the one the normalised character came
    /// from.
    pub fn raw_offset(&self, norm: usize) -> usize {
        self.offsets.raw(norm).min(self.raw.len())
    }

    /// A span in the raw file for a range of the normalised text. The end maps past the raw
    /// character the range's last character came from, so a span never takes in a removed
    /// hyphen or line break that follows.
    pub fn raw_span(&self, norm: Range<usize>) -> Span {
        let start = self.raw_offset(norm.start);
        let end = match self
            .text
            .get(..norm.end)
            .and_then(|s| s.char_indices().next_back())
        {
            Some((last, _)) if norm.end > norm.start => {
                let r = self.raw_offset(last);
                r + normalize::raw_char_len(&self.raw, r)
            }
            _ => self.raw_offset(norm.end),
        };
        Span::new(self.source, start..end.clamp(start, self.raw.len()))
    }

    /// The raw file's text.
    pub fn raw_text(&self) -> &str {
        &self.raw
    }

    /// A passage by its index in this document.
    pub fn passage(&self, index: u32) -> Option<&Passage> {
        self.passages.get(index as usize)
    }

    /// The normalised text of a range (empty when the range is not in the text).
    pub fn slice(&self, range: Range<usize>) -> &str {
        self.text.get(range).unwrap_or("")
    }

    /// The passage holding a normalised offset.
    pub fn passage_at(&self, norm: usize) -> Option<&Passage> {
        let i = self.passages.partition_point(|p| p.bytes.end < norm);
        self.passages
            .get(i)
            .filter(|p| p.bytes.contains(&norm) || p.bytes.end == norm)
    }

    /// Inline references kept in the normalised text (`(Нота НКИД … С.176-177)`), which
    /// extractors skip: their dates and numbers are the cited work's, not the claim's.
    pub fn reference_spans(&self) -> impl Iterator<Item = Range<usize>> + '_ {
        self.citations
            .iter()
            .filter(|c| c.is_inline())
            .map(|c| c.at.clone())
    }

    /// The citations standing in a range of the normalised text.
    pub fn citations_in(&self, range: Range<usize>) -> impl Iterator<Item = &Citation> + '_ {
        self.citations
            .iter()
            .filter(move |c| c.at.start >= range.start && c.at.end <= range.end)
    }

    /// The citations whose covered text overlaps a range: those that vouch for it.
    pub fn citations_covering(&self, range: Range<usize>) -> impl Iterator<Item = &Citation> + '_ {
        self.citations
            .iter()
            .filter(move |c| c.covers.start < range.end && range.start < c.covers.end)
    }
}

#[derive(Clone, Debug, Default)]
pub struct Corpus {
    pub root: PathBuf,
    pub documents: Vec<Document>,
}

impl Corpus {
    /// Register the corpus's raw files in another run's [`SourceMap`], so that a corpus loaded
    /// once serves several runs (`attest check --watch` when only claim files change).
    pub fn register(&mut self, sources: &mut SourceMap) {
        for doc in &mut self.documents {
            doc.source = sources.add(SourceFile::new(doc.name.clone(), Arc::clone(&doc.raw)));
        }
    }

    /// A corpus from texts in memory (named as if they were files), each uncatalogued.
    pub fn from_texts<'a>(
        texts: impl IntoIterator<Item = (&'a str, &'a str)>,
        sources: &mut SourceMap,
    ) -> Corpus {
        let documents = texts
            .into_iter()
            .enumerate()
            .map(|(i, (name, text))| {
                let raw: Arc<str> = Arc::from(text);
                let source = sources.add(SourceFile::new(name, raw.clone()));
                let meta = SourceMeta::detected(name, text);
                let id = DocId(u32::try_from(i).unwrap_or(u32::MAX));
                Document::new(id, name, source, raw, meta, &[])
            })
            .collect();
        Corpus {
            root: PathBuf::new(),
            documents,
        }
    }

    pub fn document(&self, id: DocId) -> Option<&Document> {
        self.documents.get(id.0 as usize).filter(|d| d.id == id)
    }

    pub fn passage(&self, id: PassageId) -> Option<(&Document, &Passage)> {
        let doc = self.document(id.doc)?;
        Some((doc, doc.passage(id.index)?))
    }

    /// Every passage of every document, in order.
    pub fn passages(&self) -> impl Iterator<Item = (&Document, &Passage)> + '_ {
        self.documents
            .iter()
            .flat_map(|d| d.passages.iter().map(move |p| (d, p)))
    }
}

/// The language of a text by its letters: Cyrillic or Latin, whichever there are more of.
pub fn detect_language(text: &str) -> Lang {
    let (mut cyrillic, mut latin) = (0usize, 0usize);
    for c in text.chars().filter(|&c| normalize::is_letter(c)) {
        match c {
            '\u{0400}'..='\u{052F}' => cyrillic += 1,
            'a'..='z' | 'A'..='Z' | '\u{00C0}'..='\u{024F}' => latin += 1,
            _ => {}
        }
    }
    match (cyrillic, latin) {
        (0, 0) => Lang::Other,
        (c, l) if c > l => Lang::Ru,
        _ => Lang::En,
    }
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
    load::load(dir, sources)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        let mut map = SourceMap::default();
        let corpus = Corpus::from_texts([("t.txt", text)], &mut map);
        corpus.documents.into_iter().next().unwrap_or_else(|| {
            Document::new(
                DocId(0),
                "t",
                SourceId(0),
                Arc::from(""),
                SourceMeta::detected("t", ""),
                &[],
            )
        })
    }

    #[test]
    fn languages_are_detected_by_letters() {
        let check = |text: &str, expect: Lang| assert_eq!(detect_language(text), expect, "{text}");
        check("Договор о дружбе (Treaty)", Lang::Ru);
        check("Treaty of Moscow, Москва", Lang::En);
        check("Kars antlaşması ğüş", Lang::En);
        check("1921 — 16.03", Lang::Other);
    }

    #[test]
    fn raw_spans_cover_the_source_characters() {
        let d = doc("Россия оказала\nпомощь около 80 мил-\nлионов лир’.");
        let check = |needle: &str, raw: &str| {
            let at = d.text.find(needle).unwrap_or(usize::MAX);
            let span = d.raw_span(at..at + needle.len());
            assert_eq!(&d.raw_text()[span.bytes], raw, "for {needle:?}");
        };
        check("оказала помощь", "оказала\nпомощь");
        check("миллионов", "мил-\nлионов");
        check("80 мил", "80 мил");
        check("лир'", "лир’");
        assert_eq!(d.raw_offset(d.text.len()), d.raw_text().len());
    }

    #[test]
    fn passages_sentences_and_reference_spans() {
        let d = doc(
            "Договор подписан 16 марта 1921 г. (Нота НКИД. 13.06.1921 // Документы. Т. IV, М., \
             1960, С.176-177). Г. В. Чичерин говорил.\n\nВторой абзац на западе1.",
        );
        assert_eq!(d.passages.len(), 2);
        let first = &d.passages[0];
        let sentences: Vec<&str> = first.sentences.iter().map(|s| d.slice(s.clone())).collect();
        assert_eq!(sentences.len(), 2, "{sentences:?}");
        assert!(sentences[1].starts_with("Г. В. Чичерин"));
        let spans: Vec<&str> = d.reference_spans().map(|r| d.slice(r)).collect();
        assert_eq!(spans.len(), 1);
        assert!(spans[0].starts_with("(Нота НКИД") && spans[0].ends_with("С.176-177)"));
        assert_eq!(
            d.slice(d.citations[0].covers.clone()),
            "Договор подписан 16 марта 1921 г. "
        );
        let marker = &d.citations[1];
        assert_eq!(marker.reference.raw, "1");
        assert_eq!(d.slice(marker.covers.clone()), "Второй абзац на западе");
        assert_eq!(
            d.passages[1].id,
            PassageId {
                doc: DocId(0),
                index: 1
            }
        );
        assert_eq!(
            d.passage_at(d.passages[1].bytes.start + 3),
            Some(&d.passages[1])
        );
        assert_eq!(d.citations_in(d.passages[1].bytes.clone()).count(), 1);
        assert_eq!(d.citations_covering(d.passages[0].bytes.clone()).count(), 1);
    }

    #[test]
    fn corpus_lookups() {
        let mut map = SourceMap::default();
        let corpus = Corpus::from_texts([("a.txt", "One.\n\nTwo."), ("b.txt", "Три.")], &mut map);
        assert_eq!(corpus.passages().count(), 3);
        let id = PassageId {
            doc: DocId(1),
            index: 0,
        };
        assert_eq!(
            corpus.passage(id).map(|(d, p)| d.slice(p.bytes.clone())),
            Some("Три.")
        );
        assert!(corpus.document(DocId(2)).is_none());
        assert_eq!(map.name(corpus.documents[1].source), "b.txt");
        assert_eq!(corpus.documents[1].meta.language, Lang::Ru);
        assert!(!corpus.documents[1].meta.catalogued);
    }
}
