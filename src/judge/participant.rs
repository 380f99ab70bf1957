//! Participants, place and speaker: a sentence is evidence only when its neighbourhood names
//! every participant of the claim; a place named there supports the claim's place.

use super::{Aspect, Context, Evidence, Hit, Relation};
use crate::claims::Claim;
use crate::extract::name::{self, EntityId, EntityKind, NameQuery};
use crate::retrieve::SentenceId;

/// Sentences before and after a sentence in which its participants may be named: a paragraph
/// often names a person once and then speaks of them.
pub(super) const BEFORE: usize = 2;
pub(super) const AFTER: usize = 1;

pub(super) struct People {
    /// The sentences naming each participant.
    participants: Vec<Vec<SentenceId>>,
    /// Gazetteer entities of the participants, where they resolve.
    entities: Vec<EntityId>,
    place: Option<NameQuery>,
    pub(super) speaker: Option<NameQuery>,
}

impl People {
    pub(super) fn new(ctx: &Context<'_>, claim: &Claim) -> People {
        let gaz = ctx.gazetteer();
        let participants = claim
            .participants
            .iter()
            .map(|p| ctx.naming(&name::query(&p.value, gaz)))
            .collect();
        let entities = claim
            .participants
            .iter()
            .chain(claim.by.iter())
            .filter_map(|p| gaz.entity(&p.value))
            .collect();
        People {
            participants,
            entities,
            place: claim.place.as_ref().map(|p| name::query(&p.value, gaz)),
            speaker: claim.by.as_ref().map(|b| name::query(&b.value, gaz)),
        }
    }

    /// Every participant is named in the sentence's neighbourhood.
    pub(super) fn all_named(&self, ctx: &Context<'_>, id: SentenceId) -> bool {
        if self.participants.is_empty() {
            return true;
        }
        let (first, last) = ctx.window_ids(id, BEFORE, AFTER);
        self.participants.iter().all(|naming| {
            let from = naming.partition_point(|&s| s < first);
            naming.get(from).is_some_and(|&s| s <= last)
        })
    }

    /// The gazetteer entities of the participants, the speaker and the place.
    pub(super) fn entities(&self) -> Vec<EntityId> {
        let mut out = self.entities.clone();
        out.extend(self.place.as_ref().and_then(NameQuery::entity));
        out
    }

    /// The claim's place, named near a sentence about the event.
    pub(super) fn place_evidence(&self, ctx: &Context<'_>, hits: &[Hit]) -> Option<Evidence> {
        let place = self.place.as_ref()?;
        hits.iter().find_map(|h| {
            let (first, last) = ctx.window_ids(h.sentence, 1, 1);
            (first.0..=last.0).map(SentenceId).find_map(|id| {
                let value = ctx.occurrences(place, id).into_iter().next()?;
                Some(ctx.evidence(
                    id,
                    value,
                    Relation::Supports,
                    Aspect::Place,
                    "the place is named".to_string(),
                    h.coverage,
                ))
            })
        })
    }
}

/// Prepositions that place an event: `в Анкаре`, `in Batum`.
const LOCATIVE: [&str; 5] = ["в", "во", "in", "at", "near"];

impl People {
    /// Sentences plainly about the event that place it somewhere else: the claim's place is not
    /// named nearby, and another place stands after a locative preposition.
    pub(super) fn place_conflicts(
        &self,
        ctx: &Context<'_>,
        hits: &[Hit],
        plainly: f32,
    ) -> Vec<Evidence> {
        let Some(place) = &self.place else {
            return Vec::new();
        };
        let Some(claimed) = place.entity() else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for h in hits.iter().filter(|h| h.coverage >= plainly) {
            let (first, last) = ctx.window_ids(h.sentence, 1, 1);
            if (first.0..=last.0).any(|i| !ctx.occurrences(place, SentenceId(i)).is_empty()) {
                continue;
            }
            let text = ctx.doc(h.sentence).text.as_str();
            let bytes = ctx.sentences().get(h.sentence).bytes.clone();
            let Some(sentence) = text.get(bytes.clone()) else {
                continue;
            };
            let elsewhere = name::find(sentence, ctx.gazetteer()).into_iter().find(|m| {
                let entity = ctx.gazetteer().get(m.entity);
                let before = sentence[..m.span.start]
                    .split_whitespace()
                    .next_back()
                    .unwrap_or("");
                m.entity != claimed
                    && entity.kind == EntityKind::Place
                    && LOCATIVE.contains(&before.to_lowercase().as_str())
            });
            if let Some(m) = elsewhere {
                let value = bytes.start + m.span.start..bytes.start + m.span.end;
                let note = format!(
                    "the source places it in {}",
                    ctx.gazetteer().get(m.entity).canonical
                );
                out.push(ctx.evidence(
                    h.sentence,
                    value,
                    Relation::Conflicts,
                    Aspect::Place,
                    note,
                    h.coverage,
                ));
            }
        }
        out
    }
}

/// The sentence of the passage of `near` that holds byte `at`.
pub(super) fn sentence_at(ctx: &Context<'_>, near: SentenceId, at: usize) -> SentenceId {
    let mut id = near;
    while ctx.sentences().get(id).bytes.start > at {
        match ctx.sentences().previous(id) {
            Some(p) => id = p,
            None => break,
        }
    }
    while ctx.sentences().get(id).bytes.end <= at {
        match ctx.sentences().next(id) {
            Some(n) => id = n,
            None => break,
        }
    }
    id
}
