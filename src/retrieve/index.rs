//! The in-memory inverted index: term key → sentences.

use std::collections::HashMap;

use super::{Candidate, Retrieve, SentenceId, Sentences};
use crate::extract::term::TermKey;

#[derive(Clone, Debug, Default)]
pub struct MemoryIndex {
    postings: HashMap<TermKey, Vec<SentenceId>>,
    len: usize,
}

impl MemoryIndex {
    pub fn build(sentences: &Sentences) -> MemoryIndex {
        let mut postings: HashMap<TermKey, Vec<SentenceId>> = HashMap::new();
        for id in sentences.ids() {
            for key in &sentences.get(id).keys {
                postings.entry(key.clone()).or_default().push(id);
            }
        }
        MemoryIndex {
            postings,
            len: sentences.all.len(),
        }
    }
}

impl Retrieve for MemoryIndex {
    fn candidates(&self, keys: &[TermKey]) -> Vec<Candidate> {
        let mut scores: HashMap<SentenceId, f32> = HashMap::new();
        for key in keys {
            let idf = self.idf(key);
            for &id in self.postings.get(key).map_or(&[][..], Vec::as_slice) {
                *scores.entry(id).or_default() += idf;
            }
        }
        let mut out: Vec<Candidate> = scores
            .into_iter()
            .map(|(sentence, score)| Candidate { sentence, score })
            .collect();
        // Ties broken by position, so results never depend on hash order.
        out.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then(a.sentence.cmp(&b.sentence))
        });
        out
    }

    fn frequency(&self, key: &TermKey) -> usize {
        self.postings.get(key).map_or(0, Vec::len)
    }

    fn len(&self) -> usize {
        self.len
    }
}
