//! Judgement: for each claim, which passages speak of its event, and whether what they say
//! supports or contradicts each stated value.
//!
//! The steps, for one claim: find the sentences that speak of its event ([`event`]) and name
//! all its participants ([`participant`]); read the values they state next to the event and
//! compare them with the claim's ([`date`], [`figure`], [`quote`], [`cite`]); weigh the
//! evidence into a verdict ([`verdict`]). A value is paired with the event only within its
//! sentence, so a date the paragraph gives for another event is not evidence.

mod attributive;
mod cite;
mod date;
mod event;
mod figure;
mod implication;
mod participant;
mod quote;
mod verdict;

use std::ops::Range;
use std::sync::OnceLock;

use crate::claims::Claim;
use crate::corpus::{Citation, Corpus, Document, Passage, SourceKind};
use crate::extract::name::{self, FoldedText, Gazetteer, NameQuery};
use crate::extract::term::Lexicon;
use crate::extract::{self, Mentions};
use crate::retrieve::{MemoryIndex, SentenceId, Sentences};
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

impl Aspect {
    /// The aspect's name, as the JSON report writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Aspect::Event => "event",
            Aspect::Date => "date",
            Aspect::Figure => "figure",
            Aspect::Place => "place",
            Aspect::Participants => "participants",
            Aspect::Quote => "quote",
            Aspect::Cites => "cites",
        }
    }
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
    /// How plainly the passage states it of the claim's event, from 0 to 1: the share of the
    /// event's words and names found around the value.
    pub strength: f32,
    /// The value is a reference's own (a cited document's date), not the running text's.
    pub from_reference: bool,
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

/// Corpus-wide data the judge reuses for every claim: sentences, their terms, the index, and
/// what extraction read out of each document.
pub struct Prepared<'a> {
    pub corpus: &'a Corpus,
    pub sentences: Sentences,
    pub index: MemoryIndex,
    /// Per document, in corpus order.
    pub mentions: Vec<Mentions>,
    /// Per sentence, its words folded for name matching.
    folded: Vec<FoldedText>,
}

impl<'a> Prepared<'a> {
    pub fn new(corpus: &'a Corpus) -> Prepared<'a> {
        let sentences = Sentences::new(corpus, lexicon());
        let index = MemoryIndex::build(&sentences);
        let mentions = corpus.documents.iter().map(extract::mentions).collect();
        let folded = sentences
            .all
            .iter()
            .map(|s| {
                FoldedText::new(
                    corpus.documents[s.doc]
                        .text
                        .get(s.bytes.clone())
                        .unwrap_or(""),
                )
            })
            .collect();
        Prepared {
            corpus,
            sentences,
            index,
            mentions,
            folded,
        }
    }
}

/// What judging one claim file needs: the prepared corpus, and the names it knows, including
/// the file's own `aliases:`.
pub struct Context<'a> {
    prepared: &'a Prepared<'a>,
    gazetteer: Gazetteer,
}

impl<'a> Context<'a> {
    pub fn new(prepared: &'a Prepared<'a>, aliases: &[(String, Vec<String>)]) -> Context<'a> {
        let mut gazetteer = Gazetteer::builtin();
        for (name, spellings) in aliases {
            gazetteer.add_aliases(name, spellings);
        }
        Context {
            prepared,
            gazetteer,
        }
    }

    fn corpus(&self) -> &Corpus {
        self.prepared.corpus
    }

    fn lexicon(&self) -> &Lexicon {
        lexicon()
    }

    fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    fn sentences(&self) -> &Sentences {
        &self.prepared.sentences
    }

    fn index(&self) -> &MemoryIndex {
        &self.prepared.index
    }

    fn doc(&self, id: SentenceId) -> &Document {
        &self.corpus().documents[self.sentences().get(id).doc]
    }

    fn mentions(&self, id: SentenceId) -> &Mentions {
        &self.prepared.mentions[self.sentences().get(id).doc]
    }

    /// The sentences that name `query`, in order.
    fn naming(&self, query: &NameQuery) -> Vec<SentenceId> {
        self.sentences()
            .ids()
            .filter(|id| {
                !name::occurrences_in(query, &self.prepared.folded[id.0 as usize]).is_empty()
            })
            .collect()
    }

    /// Where a sentence names `query`, as byte ranges of its document's text.
    fn occurrences(&self, query: &NameQuery, id: SentenceId) -> Vec<Range<usize>> {
        let start = self.sentences().get(id).bytes.start;
        name::occurrences_in(query, &self.prepared.folded[id.0 as usize])
            .into_iter()
            .map(|r| start + r.start..start + r.end)
            .collect()
    }

    /// The first and last sentence of a window from `before` sentences back to `after`
    /// sentences ahead, within the same passage.
    fn window_ids(&self, id: SentenceId, before: usize, after: usize) -> (SentenceId, SentenceId) {
        let mut first = id;
        for _ in 0..before {
            match self.sentences().previous(first) {
                Some(p) => first = p,
                None => break,
            }
        }
        let mut last = id;
        for _ in 0..after {
            match self.sentences().next(last) {
                Some(n) => last = n,
                None => break,
            }
        }
        (first, last)
    }

    fn passage(&self, id: SentenceId) -> &Passage {
        let s = self.sentences().get(id);
        &self.doc(id).passages[s.passage]
    }

    /// Citations that vouch for a stretch of a document's text.
    fn citations_covering(&self, id: SentenceId) -> Vec<&Citation> {
        let s = self.sentences().get(id);
        self.doc(id)
            .citations
            .iter()
            .filter(|c| {
                c.covers.start < s.bytes.end && s.bytes.start < c.covers.end.max(c.covers.start + 1)
            })
            .collect()
    }

    /// A piece of evidence: a value found at `value` (normalised bytes of the sentence's
    /// document) in sentence `id`.
    fn evidence(
        &self,
        id: SentenceId,
        value: Range<usize>,
        relation: Relation,
        aspect: Aspect,
        note: String,
        strength: f32,
    ) -> Evidence {
        let doc = self.doc(id);
        let sentence = self.sentences().get(id).bytes.clone();
        let passage = self.passage(id);
        Evidence {
            relation,
            aspect,
            source: doc.name.clone(),
            value_span: doc.raw_span(value.clone()),
            excerpt_span: doc.raw_span(sentence.clone()),
            excerpt: excerpt(&doc.text, sentence),
            value: doc.text.get(value).unwrap_or("").to_string(),
            reading: None,
            citations: self
                .citations_covering(id)
                .iter()
                .map(|c| describe(&c.reference))
                .collect(),
            source_kind: passage.kind,
            source_title: doc.meta.title.clone(),
            note,
            strength,
            from_reference: false,
        }
    }
}

/// A reference as a reader sees it; a bare note number whose note the source does not give
/// says so.
fn describe(reference: &crate::value::cite::Reference) -> String {
    let raw = reference.raw.trim();
    if !raw.is_empty() && raw.chars().all(|c| c.is_ascii_digit()) {
        format!("note {raw} (its text is not in the source)")
    } else {
        raw.to_string()
    }
}

/// The lexicon compiled into attest, loaded once.
fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(Lexicon::builtin)
}

/// A sentence, shortened around its middle when it is very long.
fn excerpt(text: &str, range: Range<usize>) -> String {
    const MAX_CHARS: usize = 400;
    let s = text.get(range).unwrap_or("").trim();
    if s.chars().count() <= MAX_CHARS {
        return s.to_string();
    }
    let head: String = s.chars().take(MAX_CHARS).collect();
    format!("{head}…")
}

/// A sentence found to speak of the claim's event, naming all its participants.
#[derive(Clone, Copy, Debug)]
struct Hit {
    sentence: SentenceId,
    coverage: f32,
}

/// How much of the event a sentence must speak of to count as evidence.
const RELEVANT: f32 = 0.5;

/// Judge one claim.
pub fn claim(ctx: &Context<'_>, claim: &Claim) -> Judgement {
    let event = event::EventQuery::new(ctx, &claim.event.value);
    let people = participant::People::new(ctx, claim);
    let hits: Vec<Hit> = if event.is_empty() {
        Vec::new()
    } else {
        event
            .candidates(ctx)
            .into_iter()
            .filter_map(|sentence| {
                let score = event.score(ctx, sentence, None);
                (score.relevant && score.coverage >= RELEVANT && people.all_named(ctx, sentence))
                    .then_some(Hit {
                        sentence,
                        coverage: score.coverage,
                    })
            })
            .collect()
    };

    // The entities the claim is about: a value said of another one is not evidence.
    let mut own = event.entities();
    own.extend(people.entities());
    let mut evidence: Vec<Evidence> = Vec::new();
    for hit in &hits {
        // A value goes with the event only when the event's words stand near it.
        let paired = |value: &Range<usize>| {
            let score = event.score(ctx, hit.sentence, Some(value));
            (score.relevant && score.coverage >= RELEVANT).then_some(score.coverage)
        };
        let paired_date = |value: &Range<usize>| {
            if attributive::names_another(ctx, hit.sentence, value, &own) {
                return None;
            }
            paired(value)
        };
        if let Some(d) = &claim.date {
            let end = event.implied_end(ctx, hit.sentence);
            evidence.extend(date::evidence(
                ctx,
                hit.sentence,
                &d.value,
                &paired_date,
                end,
            ));
            evidence.extend(cite::document_dates(
                ctx,
                hit,
                &d.value,
                &own,
                &event.keys(),
            ));
        }
        if let Some(f) = &claim.figure {
            evidence.extend(figure::evidence(ctx, hit.sentence, &f.value, &paired));
        }
        if let Some(c) = &claim.cites {
            evidence.extend(cite::provenance(ctx, hit, &c.value));
        }
    }
    if let Some(q) = &claim.quote {
        evidence.extend(quote::evidence(ctx, &q.value, &people));
    }
    evidence.extend(people.place_conflicts(ctx, &hits, verdict::PLAINLY));
    let place = people.place_evidence(ctx, &hits);
    verdict::decide(ctx, claim, &hits, evidence, place)
}
