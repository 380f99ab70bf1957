//! Retrieval: the sentences of the corpus that may speak of a claim, found through the terms
//! they share with it.
//!
//! Retrieval sits behind the [`Retrieve`] trait so that a persistent index can replace the
//! in-memory one without touching the judge.

mod index;

use std::ops::Range;

use crate::corpus::Corpus;
use crate::extract::term::{self, Lexicon, Script, TermKey};
pub use index::MemoryIndex;

/// A sentence of the corpus, numbered across all documents in corpus order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SentenceId(pub u32);

/// One sentence with what retrieval and judgement compare: its terms.
#[derive(Clone, Debug)]
pub struct Sentence {
    /// Index into the corpus's documents.
    pub doc: usize,
    /// Index into the document's passages.
    pub passage: usize,
    /// Byte range in the document's normalised text.
    pub bytes: Range<usize>,
    /// Distinct term keys of the sentence, sorted.
    pub keys: Vec<TermKey>,
    /// The sentence's terms in order, with byte ranges in the document's normalised text.
    pub terms: Vec<(Range<usize>, TermKey)>,
    /// The script most of its letters are in.
    pub script: Script,
}

/// Every sentence of a corpus, in order.
#[derive(Clone, Debug, Default)]
pub struct Sentences {
    pub all: Vec<Sentence>,
}

impl Sentence {
    /// How many of the sentence's terms stand between two byte positions: a distance in
    /// content words.
    pub fn words_between(&self, a: &Range<usize>, b: &Range<usize>) -> usize {
        let (from, to) = if a.start <= b.start {
            (a.end, b.start)
        } else {
            (b.end, a.start)
        };
        self.terms
            .iter()
            .filter(|(r, _)| r.start >= from && r.end <= to)
            .count()
    }
}

impl Sentences {
    pub fn new(corpus: &Corpus, lexicon: &Lexicon) -> Sentences {
        let mut all = Vec::new();
        for (d, doc) in corpus.documents.iter().enumerate() {
            for (p, passage) in doc.passages.iter().enumerate() {
                for bytes in &passage.sentences {
                    let text = doc.text.get(bytes.clone()).unwrap_or("");
                    // A reference is metadata about the text, not part of what it narrates.
                    let references: Vec<Range<usize>> = doc.reference_spans().collect();
                    let terms: Vec<(Range<usize>, TermKey)> = term::terms(text, lexicon)
                        .into_iter()
                        .flat_map(|t| {
                            let span = bytes.start + t.span.start..bytes.start + t.span.end;
                            let common = common_reading(
                                text.get(t.span.clone()).unwrap_or(""),
                                &t.key,
                                lexicon,
                            );
                            std::iter::once((span.clone(), t.key)).chain(common.map(|k| (span, k)))
                        })
                        .filter(|(r, _)| {
                            !references
                                .iter()
                                .any(|x| x.start <= r.start && r.end <= x.end)
                        })
                        .collect();
                    let mut keys: Vec<TermKey> = terms.iter().map(|(_, k)| k.clone()).collect();
                    keys.sort();
                    keys.dedup();
                    all.push(Sentence {
                        doc: d,
                        passage: p,
                        bytes: bytes.clone(),
                        keys,
                        terms,
                        script: main_script(text),
                    });
                }
            }
        }
        Sentences { all }
    }

    pub fn get(&self, id: SentenceId) -> &Sentence {
        &self.all[id.0 as usize]
    }

    pub fn ids(&self) -> impl Iterator<Item = SentenceId> + '_ {
        (0..self.all.len()).map(|i| SentenceId(i as u32))
    }

    /// The sentence before `id` in the same passage.
    pub fn previous(&self, id: SentenceId) -> Option<SentenceId> {
        let i = id.0.checked_sub(1)?;
        let (a, b) = (self.all.get(i as usize)?, self.get(id));
        (a.doc == b.doc && a.passage == b.passage).then_some(SentenceId(i))
    }

    /// The sentence after `id` in the same passage.
    pub fn next(&self, id: SentenceId) -> Option<SentenceId> {
        let i = id.0 + 1;
        let (a, b) = (self.all.get(i as usize)?, self.get(id));
        (a.doc == b.doc && a.passage == b.passage).then_some(SentenceId(i))
    }
}

/// The key a capitalised word has as a common word, when it differs from the key it has as a
/// name: a capital may only open a clause (`(B.) Considered the proposal`).
fn common_reading(word: &str, key: &TermKey, lexicon: &Lexicon) -> Option<TermKey> {
    if !word.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let lower = word.to_lowercase();
    let common = term::terms(&lower, lexicon).into_iter().next()?.key;
    (common != *key).then_some(common)
}

/// The script most letters of a text are written in.
pub fn main_script(text: &str) -> Script {
    let (mut cyrillic, mut latin) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        if Script::of(c.encode_utf8(&mut [0; 4])) == Script::Cyrillic {
            cyrillic += 1;
        } else {
            latin += 1;
        }
    }
    if cyrillic > latin {
        Script::Cyrillic
    } else {
        Script::Latin
    }
}

/// A sentence that shares terms with a query.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Candidate {
    pub sentence: SentenceId,
    /// Sum of the inverse document frequencies of the shared terms.
    pub score: f32,
}

/// Finds candidate sentences for a set of query terms.
pub trait Retrieve {
    /// Sentences sharing at least one of `keys`, best first.
    fn candidates(&self, keys: &[TermKey]) -> Vec<Candidate>;
    /// In how many sentences a term occurs.
    fn frequency(&self, key: &TermKey) -> usize;
    /// How many sentences there are.
    fn len(&self) -> usize;

    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Inverse document frequency of a term (over sentences), smoothed so that a term found
    /// nowhere weighs most.
    fn idf(&self, key: &TermKey) -> f32 {
        let n = self.len() as f32;
        let df = self.frequency(key) as f32;
        ((n + 1.0) / (df + 1.0)).ln() + 1.0
    }
}
