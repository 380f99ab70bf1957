//! Dates: a sentence about the event that gives a date agrees when the two intervals overlap
//! (after widening approximate ones) and conflicts when they are disjoint.

use super::{Aspect, Context, Evidence, Relation};
use crate::retrieve::SentenceId;
use crate::value::date::{DateMention, HistDate};

pub(super) fn evidence(ctx: &Context<'_>, id: SentenceId, claimed: &HistDate) -> Option<Evidence> {
    let sentence = ctx.sentences().get(id).bytes.clone();
    let doc = ctx.doc(id);
    // Dates inside a reference are the reference's own: `cite` weighs them.
    let in_reference = |d: &DateMention| {
        doc.citations
            .iter()
            .any(|c| c.at.start <= d.span.start && d.span.end <= c.at.end)
    };
    let dates: Vec<&DateMention> = ctx
        .mentions(id)
        .dates
        .iter()
        .filter(|d| sentence.start <= d.span.start && d.span.end <= sentence.end && !in_reference(d))
        .collect();
    let claimed_wide = claimed.widened();
    if let Some(d) = dates.iter().find(|d| d.date.widened().overlaps(&claimed_wide)) {
        let note = format!("{} agrees with {claimed}{}", d.date, inferred(d));
        return Some(with_reading(ctx.evidence(id, d.span.clone(), Relation::Supports, Aspect::Date, note), d));
    }
    let d = dates.first()?;
    let note = format!("{} is not {claimed}{}", d.date, inferred(d));
    Some(with_reading(ctx.evidence(id, d.span.clone(), Relation::Conflicts, Aspect::Date, note), d))
}

fn inferred(d: &DateMention) -> &'static str {
    if d.inferred_year { " (year inferred from context)" } else { "" }
}

fn with_reading(mut e: Evidence, d: &DateMention) -> Evidence {
    e.reading = Some(d.date.to_string());
    e
}

/// Compare a date written in a reference (a document's own date) with the claim's.
pub(super) fn compare(found: &HistDate, claimed: &HistDate) -> Relation {
    if found.widened().overlaps(&claimed.widened()) {
        Relation::Supports
    } else {
        Relation::Conflicts
    }
}
