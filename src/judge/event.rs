//! Does a sentence speak of the claim's event? The event's words and names are looked for in
//! the sentence, each weighed by how rare it is in the corpus (its inverse frequency).
//!
//! Three conditions, each general:
//!
//! - **What happened.** The event's words (its names aside) must be found with at least half
//!   their weight, and its most specific word (the rarest) in the sentence itself: a sentence
//!   that shares `conference` and `Kars` with "the opening of the Kars conference" but says
//!   nothing of an opening is about something else. Only words that can match the sentence's
//!   language count: a word the lexicon cannot translate says nothing of a Russian sentence.
//! - **Who and where.** The event's names (resolved through the gazetteer) must be found with
//!   at least half their weight in the sentence or the two before it: a conference in Ankara is
//!   not the conference in Kars.
//! - **Near the value.** A value (a date, a figure) goes with the event only through the words
//!   around it: event words near it count fully, those further away in the sentence or in the
//!   sentence before count less, so a date the sentence gives for another clause's event scores
//!   low.

use std::ops::Range;

use crate::extract::name::{self, EntityId, NameQuery};
use crate::extract::term::{self, Script, TermKey};
use crate::retrieve::{Retrieve, SentenceId};

use super::Context;
use super::implication::{End, implications};

/// Weight of a word that the lexicon does not know and the corpus never uses: it cannot be
/// matched at all, so its absence says little.
const UNKNOWN_WORD_WEIGHT: f32 = 0.3;
/// How much a unit counts when it is in the sentence but not near the value.
const FAR_IN_SENTENCE: f32 = 0.6;
/// How much a name found only in the sentences before counts: a paragraph names someone once
/// and goes on speaking of them.
const NAME_BEFORE: f32 = 0.6;
/// How much an event word found only in the preceding sentence counts.
const WORD_BEFORE: f32 = 0.3;
/// Content words between a value and an event word within which the two are fully paired;
/// beyond, the pairing weakens with distance down to [`FAR_IN_SENTENCE`].
const NEAR: usize = 3;
/// Weakening per content word beyond [`NEAR`].
const DECAY: f32 = 0.04;

/// How strongly an event word `distance` content words from a value pairs with it.
fn nearness(distance: usize) -> f32 {
    let beyond = distance.saturating_sub(NEAR) as f32;
    (1.0 - DECAY * beyond).max(FAR_IN_SENTENCE)
}
/// The share of the event's word weight a sentence must carry.
const WORDS: f32 = 0.5;
/// The share of the event's word weight a sentence must carry by itself when its rarest word
/// is missing.
const WORDS_HERE: f32 = 0.6;
/// The share of the event's name weight its neighbourhood must carry.
const NAMES: f32 = 0.5;
/// Sentences before a sentence in which the event's names may stand.
const NAMES_BEFORE: usize = 2;

enum Matcher {
    /// A word or lexicon concept; `script` is set for a plain stem, which only matches text
    /// in its own script. `implied_by` lists the concepts whose first or last day is this one
    /// (a visit implies an arrival).
    Term {
        key: TermKey,
        script: Option<Script>,
        implied_by: Vec<(TermKey, End)>,
    },
    /// A name; the sentences that name it are found once, up front.
    Name(NameQuery),
}

struct Unit {
    matcher: Matcher,
    weight: f32,
    /// For a name: the sentences naming it, in order.
    found_in: Vec<SentenceId>,
}

impl Unit {
    fn is_word(&self) -> bool {
        matches!(self.matcher, Matcher::Term { .. })
    }

    /// Whether the unit can be found in a sentence in `script` at all.
    fn applies_to(&self, script: Script) -> bool {
        match &self.matcher {
            Matcher::Term {
                script: Some(s), ..
            } => *s == script,
            _ => true,
        }
    }
}

/// The words and names of a claim's event, ready to be matched against sentences.
pub(super) struct EventQuery {
    units: Vec<Unit>,
}

/// How a sentence (and a value in it) relates to the event.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(super) struct Score {
    /// The share of the event's weight found, from 0 to 1.
    pub(super) coverage: f32,
    /// All three conditions of the module hold.
    pub(super) relevant: bool,
}

impl EventQuery {
    pub(super) fn new(ctx: &Context<'_>, event: &str) -> EventQuery {
        let dates: Vec<Range<usize>> = crate::value::date::find(event)
            .into_iter()
            .map(|d| d.span)
            .collect();
        let names = name::find(event, ctx.gazetteer());
        let n = ctx.index().len() as f32;
        let mut units: Vec<Unit> = Vec::new();
        let name_unit = |query: NameQuery, units: &mut Vec<Unit>| {
            let found_in = ctx.naming(&query);
            let weight = ((n + 1.0) / (found_in.len() as f32 + 1.0)).ln() + 1.0;
            units.push(Unit {
                matcher: Matcher::Name(query),
                weight,
                found_in,
            });
        };
        for m in &names {
            name_unit(
                name::query(&event[m.span.clone()], ctx.gazetteer()),
                &mut units,
            );
        }
        let mut pending: Option<Range<usize>> = None;
        for t in term::terms(event, ctx.lexicon()) {
            let inside = |r: &Range<usize>| r.start <= t.span.start && t.span.end <= r.end;
            if dates.iter().any(inside) || names.iter().any(|m| inside(&m.span)) {
                continue;
            }
            let word = &event[t.span.clone()];
            // A capitalised word the lexicon does not know is a name the gazetteer lacks;
            // capitalised words separated by one space are one name (`Halil Pasha`).
            if name::is_title(&word.to_lowercase()) {
                continue;
            }
            if !matches!(t.key, TermKey::Concept(_))
                && word.chars().next().is_some_and(char::is_uppercase)
            {
                pending = match pending.take() {
                    Some(r) if event.get(r.end..t.span.start) == Some(" ") => {
                        Some(r.start..t.span.end)
                    }
                    Some(r) => {
                        name_unit(name::query(&event[r], ctx.gazetteer()), &mut units);
                        Some(t.span.clone())
                    }
                    None => Some(t.span.clone()),
                };
                continue;
            }
            if let Some(r) = pending.take() {
                name_unit(name::query(&event[r], ctx.gazetteer()), &mut units);
            }
            if units
                .iter()
                .any(|u| matches!(&u.matcher, Matcher::Term { key, .. } if *key == t.key))
            {
                continue;
            }
            let df = ctx.index().frequency(&t.key);
            let (weight, script) = match (&t.key, df) {
                (TermKey::Stem(_), 0) => (UNKNOWN_WORD_WEIGHT, None),
                (TermKey::Stem(_), _) => (ctx.index().idf(&t.key), Some(Script::of(word))),
                (TermKey::Concept(_), _) => (ctx.index().idf(&t.key), None),
            };
            let implied_by = match &t.key {
                TermKey::Concept(c) => implications().implying(ctx.lexicon(), *c),
                TermKey::Stem(_) => Vec::new(),
            };
            units.push(Unit {
                matcher: Matcher::Term {
                    key: t.key,
                    script,
                    implied_by,
                },
                weight,
                found_in: Vec::new(),
            });
        }
        if let Some(r) = pending.take() {
            name_unit(name::query(&event[r], ctx.gazetteer()), &mut units);
        }
        EventQuery { units }
    }

    /// The gazetteer entities the event names.
    pub(super) fn entities(&self) -> Vec<EntityId> {
        self.units
            .iter()
            .filter_map(|u| match &u.matcher {
                Matcher::Name(q) => q.entity(),
                Matcher::Term { .. } => None,
            })
            .collect()
    }

    /// The event's words (not its names), as term keys, sorted.
    pub(super) fn keys(&self) -> Vec<TermKey> {
        let mut keys: Vec<TermKey> = self
            .units
            .iter()
            .filter_map(|u| match &u.matcher {
                Matcher::Term { key, .. } => Some(key.clone()),
                Matcher::Name(_) => None,
            })
            .collect();
        keys.sort();
        keys
    }

    pub(super) fn is_empty(&self) -> bool {
        self.units.is_empty()
    }

    /// Sentences worth scoring: those sharing a word or a name with the event.
    pub(super) fn candidates(&self, ctx: &Context<'_>) -> Vec<SentenceId> {
        let mut ids: Vec<SentenceId> = ctx
            .index()
            .candidates(&self.keys())
            .into_iter()
            .map(|c| c.sentence)
            .collect();
        for u in &self.units {
            ids.extend(u.found_in.iter().copied());
        }
        ids.sort();
        ids.dedup();
        ids
    }

    /// How a sentence speaks of the event: near `anchor` (a value's byte range) when one is
    /// given, else anywhere in the sentence.
    pub(super) fn score(
        &self,
        ctx: &Context<'_>,
        id: SentenceId,
        anchor: Option<&Range<usize>>,
    ) -> Score {
        let sentence = ctx.sentences().get(id);
        let previous = ctx.sentences().previous(id);
        let (first, _) = ctx.window_ids(id, NAMES_BEFORE, 0);
        let units: Vec<&Unit> = self
            .units
            .iter()
            .filter(|u| u.applies_to(sentence.script))
            .collect();
        let (mut score, mut total) = (0.0, 0.0);
        let (mut words, mut words_here, mut word_total, mut names, mut name_total) =
            (0.0, 0.0, 0.0, 0.0, 0.0);
        let core = units
            .iter()
            .filter(|u| u.is_word())
            .max_by(|a, b| a.weight.total_cmp(&b.weight))
            .map(|u| std::ptr::from_ref::<Unit>(*u));
        let mut core_here = core.is_none();
        for u in &units {
            let here = self.positions(ctx, u, id);
            let factor = if here.is_empty() {
                let before = match &u.matcher {
                    Matcher::Term { .. } => {
                        previous.is_some_and(|p| !self.positions(ctx, u, p).is_empty())
                    }
                    Matcher::Name(_) => {
                        let from = u.found_in.partition_point(|&s| s < first);
                        u.found_in.get(from).is_some_and(|&s| s < id)
                    }
                };
                match (before, u.is_word()) {
                    (false, _) => 0.0,
                    (true, true) => WORD_BEFORE,
                    (true, false) => NAME_BEFORE,
                }
            } else {
                if core == Some(std::ptr::from_ref::<Unit>(*u)) {
                    core_here = true;
                }
                match anchor {
                    Some(a) => here
                        .iter()
                        .map(|r| nearness(sentence.words_between(r, a)))
                        .fold(0.0, f32::max),
                    None => 1.0,
                }
            };
            score += u.weight * factor;
            total += u.weight;
            if u.is_word() {
                // Whether the sentence says what happened does not depend on where the value
                // stands; nearness only weighs how plainly it is paired with the value.
                words += u.weight
                    * if factor >= FAR_IN_SENTENCE {
                        1.0
                    } else {
                        factor
                    };
                if factor >= FAR_IN_SENTENCE {
                    words_here += u.weight;
                }
                word_total += u.weight;
            } else {
                // A name anywhere in the neighbourhood identifies the event as well as one near
                // the value does.
                names += u.weight * if factor > 0.0 { 1.0 } else { 0.0 };
                name_total += u.weight;
            }
        }
        if total <= 0.0 {
            return Score::default();
        }
        let said_here = core_here || words_here >= WORDS_HERE * word_total;
        let words_ok = word_total <= 0.0 || (said_here && words >= WORDS * word_total);
        let names_ok = name_total <= 0.0 || names >= NAMES * name_total;
        Score {
            coverage: score / total,
            relevant: words_ok && names_ok,
        }
    }

    /// Which end of a stretch of time the sentence gives for the event, when it names the
    /// stretch (a visit) rather than the event itself (the arrival).
    pub(super) fn implied_end(&self, ctx: &Context<'_>, id: SentenceId) -> Option<End> {
        let terms = &ctx.sentences().get(id).terms;
        self.units.iter().find_map(|u| match &u.matcher {
            Matcher::Term {
                key, implied_by, ..
            } if !terms.iter().any(|(_, k)| k == key) => implied_by
                .iter()
                .find(|(by, _)| terms.iter().any(|(_, k)| k == by))
                .map(|(_, end)| *end),
            _ => None,
        })
    }

    fn positions(&self, ctx: &Context<'_>, unit: &Unit, id: SentenceId) -> Vec<Range<usize>> {
        match &unit.matcher {
            Matcher::Term {
                key, implied_by, ..
            } => ctx
                .sentences()
                .get(id)
                .terms
                .iter()
                .filter(|(_, k)| k == key || implied_by.iter().any(|(by, _)| by == k))
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
