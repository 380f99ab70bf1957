//! Citations: the reference a passage gives is checked against what the claim cites, and a
//! reference that records the event itself (a note, a telegram, a protocol) dates the event.

use std::ops::Range;

use super::{Aspect, Context, Evidence, Hit, Relation};
use crate::corpus::Citation;
use crate::extract::name::{self, EntityId, EntityKind};
use crate::extract::term;
use crate::retrieve::SentenceId;
use crate::value::cite::{self, CiteMatch, Reference};
use crate::value::date::{self, HistDate};

/// Words a reference's document description must share with the sentence it vouches for to be
/// taken as the record of the sentence's event, when it shares none with the event itself.
const SHARED_WITH_SENTENCE: usize = 3;

/// Each reference of a citation, with where its text stands in the document.
fn references<'a>(
    ctx: &Context<'a>,
    id: SentenceId,
    c: &Citation,
) -> Vec<(Reference, Range<usize>)> {
    let text = ctx.doc(id).text.get(c.note.clone()).unwrap_or("");
    let mut out = Vec::new();
    let mut from = 0;
    for r in cite::parse_all(text) {
        let at = text[from..].find(r.raw.as_str()).map(|i| from + i);
        let range = match at {
            Some(i) => {
                from = i + r.raw.len();
                c.note.start + i..c.note.start + i + r.raw.len()
            }
            None => c.note.clone(),
        };
        out.push((r, range));
    }
    if out.is_empty() {
        out.push((c.reference.clone(), c.note.clone()));
    }
    out
}

/// Does the claim's `cites:` match the references of a sentence about the event?
pub(super) fn provenance(ctx: &Context<'_>, hit: &Hit, claimed: &Reference) -> Vec<Evidence> {
    let id = hit.sentence;
    let mut out = Vec::new();
    for c in ctx.citations_covering(id) {
        for (r, range) in references(ctx, id, c) {
            let (relation, note) = match cite::compare(claimed, &r) {
                CiteMatch::Same => (
                    Relation::Supports,
                    "the passage cites the same source".to_string(),
                ),
                CiteMatch::Differs(parts) => (
                    Relation::Conflicts,
                    format!("the passage cites {}", parts.join(", ")),
                ),
                CiteMatch::Unrelated => continue,
            };
            out.push(ctx.evidence(id, range, relation, Aspect::Cites, note, hit.coverage));
        }
    }
    out
}

/// Dates of the documents a sentence about the event cites, where the document is the event's
/// own record: its description shares words with the event (or many with the sentence), and
/// it names no person the claim does not (as a participant, the speaker or in its event).
pub(super) fn document_dates(
    ctx: &Context<'_>,
    hit: &Hit,
    claimed: &HistDate,
    own: &[EntityId],
    event_keys: &[term::TermKey],
) -> Vec<Evidence> {
    let id = hit.sentence;
    let sentence_keys = &ctx.sentences().get(id).keys;
    let mut out = Vec::new();
    for c in ctx.citations_covering(id) {
        for (r, range) in references(ctx, id, c) {
            let (Some(document), Some(written)) = (&r.document, &r.date) else {
                continue;
            };
            let Ok(found) = date::parse(written) else {
                continue;
            };
            let mut keys: Vec<term::TermKey> = term::terms(document, ctx.lexicon())
                .into_iter()
                .map(|t| t.key)
                .collect();
            keys.sort();
            keys.dedup();
            let with_sentence = keys
                .iter()
                .filter(|k| sentence_keys.binary_search(k).is_ok())
                .count();
            let with_event = keys
                .iter()
                .filter(|k| event_keys.binary_search(k).is_ok())
                .count();
            let strangers = name::find(document, ctx.gazetteer()).into_iter().any(|m| {
                ctx.gazetteer().get(m.entity).kind == EntityKind::Person && !own.contains(&m.entity)
            });
            if strangers || (with_event == 0 && with_sentence < SHARED_WITH_SENTENCE) {
                continue;
            }
            let text = ctx.doc(id).text.get(range.clone()).unwrap_or("");
            let value = text.find(written.as_str()).map_or(range.clone(), |i| {
                range.start + i..range.start + i + written.len()
            });
            let relation = super::date::compare(&found, claimed);
            let verb = if relation == Relation::Supports {
                "agrees with"
            } else {
                "is not"
            };
            let note = format!("the cited document is dated {found}, which {verb} {claimed}");
            let mut e = ctx.evidence(id, value, relation, Aspect::Date, note, hit.coverage);
            e.reading = Some(found.to_string());
            e.from_reference = true;
            out.push(e);
        }
    }
    out
}
