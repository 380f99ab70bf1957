//! Does a sentence speak of the claim's event? A score from the event's words and names found
//! in the sentence (and, more weakly, in the one before it), each weighed by how rare it is.

use crate::extract::name::{self, NameQuery};
use crate::extract::term::{self, TermKey};
use crate::retrieve::{Retrieve, SentenceId};

use super::Context;

/// Weight of a word that the lexicon does not know and the corpus never uses: it cannot be
/// matched in another language, so its absence says little.
const UNKNOWN_WORD_WEIGHT: f32 = 0.3;
/// How much a unit found only in the preceding sentence counts.
const PREVIOUS_SENTENCE: f32 = 0.6;

enum Matcher {
    Term(TermKey),
    Name(NameQuery),
}

struct Unit {
    matcher: Matcher,
    weight: f32,
    /// Sentences where a name unit occurs (names are matched fuzzily, so once, up front).
    found_in: Vec<SentenceId>,
}

/// The event words of a claim, ready to be matched against sentences.
pub(super) struct EventQuery {
    units: Vec<Unit>,
    total: f32,
}

impl EventQuery {
    pub(super) fn new(ctx: &Context<'_>, event: &str) -> EventQuery {
        let dates: Vec<std::ops::Range<usize>> = crate::value::date::find(event).into_iter().map(|d| d.span).collect();
        let terms = term::terms(event, ctx.lexicon());
        let mut units: Vec<Unit> = Vec::new();
        let mut pending_name: Option<std::ops::Range<usize>> = None;
        let flush = |pending: &mut Option<std::ops::Range<usize>>, units: &mut Vec<Unit>| {
            if let Some(r) = pending.take() {
                let query = name::query(&event[r], ctx.gazetteer());
                let found_in: Vec<SentenceId> = ctx
                    .sentences()
                    .ids()
                    .filter(|&id| !name::occurrences(&query, ctx.sentence_text(id)).is_empty())
                    .collect();
                let n = ctx.index().len() as f32;
                let weight = ((n + 1.0) / (found_in.len() as f32 + 1.0)).ln() + 1.0;
                units.push(Unit {
                    matcher: Matcher::Name(query),
                    weight,
                    found_in,
                });
            }
        };
        for t in terms {
            if dates.iter().any(|d| d.start <= t.span.start && t.span.end <= d.end) {
                continue;
            }
            let word = &event[t.span.clone()];
            let is_name = !matches!(t.key, TermKey::Concept(_)) && word.chars().next().is_some_and(char::is_uppercase);
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
        EventQuery { units, total }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.units.is_empty()
    }

    /// Sentences worth scoring: those sharing a word or a name with the event.
    pub(super) fn candidates(&self, ctx: &Context<'_>) -> Vec<SentenceId> {
        let keys: Vec<TermKey> = self
            .units
            .iter()
            .filter_map(|u| match &u.matcher {
                Matcher::Term(k) => Some(k.clone()),
                Matcher::Name(_) => None,
            })
            .collect();
        let mut ids: Vec<SentenceId> = ctx.index().candidates(&keys).into_iter().map(|c| c.sentence).collect();
        for u in &self.units {
            ids.extend(u.found_in.iter().copied());
        }
        // A unit found in the previous sentence counts too, so the next sentence is a candidate.
        let followers: Vec<SentenceId> = ids.iter().filter_map(|&id| ctx.sentences().next(id)).collect();
        ids.extend(followers);
        ids.sort();
        ids.dedup();
        ids
    }

    /// How much of the event a sentence speaks of, from 0 to 1. A sentence that shares nothing
    /// with the event itself scores 0, whatever the sentence before it says.
    pub(super) fn coverage(&self, ctx: &Context<'_>, id: SentenceId) -> f32 {
        if self.total <= 0.0 {
            return 0.0;
        }
        let previous = ctx.sentences().previous(id);
        let mut score = 0.0;
        let mut in_sentence = false;
        for u in &self.units {
            if self.found(ctx, u, id) {
                score += u.weight;
                in_sentence = true;
            } else if previous.is_some_and(|p| self.found(ctx, u, p)) {
                score += u.weight * PREVIOUS_SENTENCE;
            }
        }
        if in_sentence { score / self.total } else { 0.0 }
    }

    fn found(&self, ctx: &Context<'_>, unit: &Unit, id: SentenceId) -> bool {
        match &unit.matcher {
            Matcher::Term(k) => ctx.sentences().get(id).keys.binary_search(k).is_ok(),
            Matcher::Name(_) => unit.found_in.binary_search(&id).is_ok(),
        }
    }
}
