//! Does a sentence speak of the claim's event? A score from the event's words and names found
//! in the sentence, each weighed by how rare it is in the corpus.
//!
//! A value (a date, a figure) is paired with the event only through the words around it: the
//! event's words near the value count fully, those further away in the same sentence or in the
//! sentence before count less. So in "the delegation left on 14 December, and the note of
//! 6 December proposed a treaty" each date goes with its own clause.

use std::ops::Range;

use crate::extract::name;
use crate::extract::term::{self, TermKey};
use crate::retrieve::{Retrieve, SentenceId};

use super::Context;

/// Weight of a word that the lexicon does not know and the corpus never uses: it cannot be
/// matched in another language, so its absence says little.
const UNKNOWN_WORD_WEIGHT: f32 = 0.3;
/// How much a unit counts when it is in the sentence but not near the value.
const FAR_IN_SENTENCE: f32 = 0.6;
/// How much a unit found only in the preceding sentence counts.
const PREVIOUS_SENTENCE: f32 = 0.6;
/// The share of the event's words (its names aside) a sentence must speak of: what happened
/// matters more than who was there.
const WORDS: f32 = 0.5;
/// Content words between a value and an event word for the two to be near.
const NEAR: usize = 12;

enum Matcher {
    /// A word or lexicon concept.
    Term(TermKey),
    /// A name, matched up front into the unit's `found_in`.
    Name(name::NameQuery),
}

struct Unit {
    matcher: Matcher,
    weight: f32,
    /// Sentences where a name unit occurs (names are matched fuzzily, so once, up front).
    found_in: Vec<SentenceId>,
}

impl Unit {
    fn is_word(&self) -> bool {
        matches!(self.matcher, Matcher::Term(_))
    }
}

/// The event words of a claim, ready to be matched against sentences.
pub(super) struct EventQuery {
    units: Vec<Unit>,
    total: f32,
    /// The weight of the event's words, names aside.
    word_total: f32,
    /// Whether the event has words other than names: then one of them must be found.
    has_words: bool,
}

impl EventQuery {
    pub(super) fn new(ctx: &Context<'_>, event: &str) -> EventQuery {
        let dates: Vec<Range<usize>> = crate::value::date::find(event).into_iter().map(|d| d.span).collect();
        let mut units: Vec<Unit> = Vec::new();
        let mut pending_name: Option<Range<usize>> = None;
        let flush = |pending: &mut Option<Range<usize>>, units: &mut Vec<Unit>| {
            if let Some(r) = pending.take() {
                let query = name::query(&event[r], ctx.gazetteer());
                let found_in = ctx.naming(&query);
                let n = ctx.index().len() as f32;
                let weight = ((n + 1.0) / (found_in.len() as f32 + 1.0)).ln() + 1.0;
                units.push(Unit {
                    matcher: Matcher::Name(query),
                    weight,
                    found_in,
                });
            }
        };
        for t in term::terms(event, ctx.lexicon()) {
            if dates.iter().any(|d| d.start <= t.span.start && t.span.end <= d.end) {
                continue;
            }
            let word = &event[t.span.clone()];
            // A capitalised word names something (`Kars`, `Ukrainian`), unless it is only a
            // capitalised event word (`Treaty`, `Conference`).
            let capitalised = word.chars().next().is_some_and(char::is_uppercase);
            let is_name = capitalised && (!matches!(t.key, TermKey::Concept(_)) || ctx.gazetteer().entity(word).is_some());
            if is_name {
                pending_name = match pending_name.take() {
                    // Capitalised words separated by one space are one name: `Mustafa Kemal`.
                    Some(r) if event.get(r.end..t.span.start) == Some(" ") => Some(r.start..t.span.end),
                    other => {
                        let mut p = other;
                        flush(&mut p, &mut units);
                        Some(t.span.clone())
                    }
                };
                continue;
            }
            flush(&mut pending_name, &mut units);
            if units.iter().any(|u| matches!(&u.matcher, Matcher::Term(k) if *k == t.key)) {
                continue;
            }
            let df = ctx.index().frequency(&t.key);
            let weight = match (&t.key, df) {
                (TermKey::Stem(_), 0) => UNKNOWN_WORD_WEIGHT,
                _ => ctx.index().idf(&t.key),
            };
            units.push(Unit {
                matcher: Matcher::Term(t.key),
                weight,
                found_in: Vec::new(),
            });
        }
        flush(&mut pending_name, &mut units);
        let total = units.iter().map(|u| u.weight).sum();
        let has_words = units.iter().any(Unit::is_word);
        if std::env::var_os("ATTEST_DEBUG").is_some() {
            #[allow(clippy::print_stderr)]
            {
                eprintln!("event: {event}");
            }
            #[allow(clippy::print_stderr)]
            for u in &units {
                match &u.matcher {
                    Matcher::Term(TermKey::Concept(c)) => eprintln!("  concept {} w={:.2}", ctx.lexicon().concept(*c).map_or("?", |c| c.name.as_str()), u.weight),
                    Matcher::Term(k) => eprintln!("  unit {k:?} w={:.2}", u.weight),
                    Matcher::Name(q) => eprintln!("  name {} w={:.2} n={}", q.name, u.weight, u.found_in.len()),
                }
            }
        }
        let word_total = units.iter().filter(|u| u.is_word()).map(|u| u.weight).sum();
        EventQuery {
            units,
            total,
            word_total,
            has_words,
        }
    }

    /// The event's words (not its names), as term keys.
    pub(super) fn keys(&self) -> Vec<TermKey> {
        let mut keys: Vec<TermKey> = self
            .units
            .iter()
            .filter_map(|u| match &u.matcher {
                Matcher::Term(k) => Some(k.clone()),
                Matcher::Name(_) => None,
            })
            .collect();
        keys.sort();
        keys
    }

    /// Every name of the event is named in the sentence's neighbourhood (the sentences from
    /// `first` to `last`): a sentence about another place or another people's treaty is not
    /// about this event, however many of its words it shares.
    pub(super) fn names_within(&self, first: SentenceId, last: SentenceId) -> bool {
        self.units.iter().all(|u| match &u.matcher {
            Matcher::Term(_) => true,
            Matcher::Name(_) => {
                let from = u.found_in.partition_point(|&s| s < first);
                u.found_in.get(from).is_some_and(|&s| s <= last)
            }
        })
    }

    pub(super) fn is_empty(&self) -> bool {
        self.units.is_empty()
    }

    /// Sentences worth scoring: those sharing a word or a name with the event.
    pub(super) fn candidates(&self, ctx: &Context<'_>) -> Vec<SentenceId> {
        let mut ids: Vec<SentenceId> = ctx.index().candidates(&self.keys()).into_iter().map(|c| c.sentence).collect();
        for u in &self.units {
            ids.extend(u.found_in.iter().copied());
        }
        ids.sort();
        ids.dedup();
        ids
    }

    /// How much of the event a sentence speaks of, from 0 to 1: near `anchor` (a value's byte
    /// range) when one is given, else anywhere in the sentence. A sentence in which none of the
    /// event's words (as opposed to its names) stands near the anchor scores 0: names alone do
    /// not say what happened.
    pub(super) fn coverage(&self, ctx: &Context<'_>, id: SentenceId, anchor: Option<&Range<usize>>) -> f32 {
        if self.total <= 0.0 {
            return 0.0;
        }
        let sentence = ctx.sentences().get(id);
        let previous = ctx.sentences().previous(id);
        let mut score = 0.0;
        let mut words = 0.0;
        let mut word_near = false;
        for u in &self.units {
            let here = self.positions(ctx, u, id);
            let factor = if here.is_empty() {
                if previous.is_some_and(|p| !self.positions(ctx, u, p).is_empty()) { PREVIOUS_SENTENCE } else { 0.0 }
            } else {
                match anchor {
                    Some(a) if !here.iter().any(|r| sentence.words_between(r, a) <= NEAR) => FAR_IN_SENTENCE,
                    _ => 1.0,
                }
            };
            word_near |= factor >= 1.0 && u.is_word();
            score += u.weight * factor;
            if u.is_word() {
                words += u.weight * factor;
            }
        }
        if self.has_words && (!word_near || words < WORDS * self.word_total) {
            return 0.0;
        }
        score / self.total
    }

    fn positions(&self, ctx: &Context<'_>, unit: &Unit, id: SentenceId) -> Vec<Range<usize>> {
        match &unit.matcher {
            Matcher::Term(k) => ctx
                .sentences()
                .get(id)
                .terms
                .iter()
                .filter(|(_, key)| key == k)
                .map(|(r, _)| r.clone())
                .collect(),
            Matcher::Name(q) => {
                if unit.found_in.binary_search(&id).is_ok() {
                    ctx.occurrences(q, id)
                } else {
                    Vec::new()
                }
            }
        }
    }
}
