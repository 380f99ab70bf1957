//! Quotes: a claimed quote found word for word supports the claim; one found with words
//! changed, added or dropped conflicts, and the note shows the word diff.

use super::participant::{People, sentence_at};
use super::{Aspect, Context, Evidence, Relation};
use crate::extract::name;
use crate::extract::quote::{self, QuoteMatch, WordChange};
use crate::retrieve::SentenceId;

pub(super) fn evidence(ctx: &Context<'_>, claimed: &str, people: &People) -> Vec<Evidence> {
    let mut best: Vec<(f64, Evidence)> = Vec::new();
    let mut first_sentence = 0usize;
    for (d, doc) in ctx.corpus().documents.iter().enumerate() {
        for passage in &doc.passages {
            let id = SentenceId(first_sentence as u32);
            first_sentence += passage.sentences.len();
            if passage.sentences.is_empty() {
                continue;
            }
            let text = doc.text.get(passage.bytes.clone()).unwrap_or("");
            let Some((range, found)) = quote::locate(claimed, text) else {
                continue;
            };
            // The speaker, when the claim names one, must be named in the same paragraph.
            if let Some(speaker) = &people.speaker
                && name::occurrences(speaker, text).is_empty()
            {
                continue;
            }
            let value = passage.bytes.start + range.start..passage.bytes.start + range.end;
            let id = sentence_at(ctx, id, value.start);
            debug_assert_eq!(ctx.sentences().get(id).doc, d);
            let (score, relation, note) = match found {
                QuoteMatch::Exact => (2.0, Relation::Supports, "quoted word for word".to_string()),
                QuoteMatch::NearMiss { similarity, diff } => (
                    similarity,
                    Relation::Conflicts,
                    format!("the source reads differently: {}", render(&diff)),
                ),
                QuoteMatch::Different => continue,
            };
            let strength = score.min(1.0) as f32;
            best.push((
                score,
                ctx.evidence(id, value, relation, Aspect::Quote, note, strength),
            ));
        }
    }
    // The closest reading decides; a word-for-word match anywhere outranks every near miss.
    best.sort_by(|a, b| b.0.total_cmp(&a.0));
    let top = best.first().map_or(0.0, |b| b.0);
    best.into_iter()
        .filter(|(s, _)| *s >= top)
        .map(|(_, e)| e)
        .collect()
}

fn render(diff: &[WordChange]) -> String {
    diff.iter()
        .map(|c| match c {
            WordChange::Same(w) => w.clone(),
            WordChange::Added(w) => format!("[+{w}]"),
            WordChange::Removed(w) => format!("[-{w}]"),
        })
        .collect::<Vec<_>>()
        .join(" ")
}
