//! Dates: a sentence about the event that gives a date agrees when the two intervals overlap
//! (after widening approximate ones) and conflicts when they are disjoint.

use std::ops::Range;

use super::implication::End;
use super::{Aspect, Context, Evidence, Relation};
use crate::retrieve::SentenceId;
use crate::value::date::{DateMention, HistDate, Precision};

pub(super) fn evidence(
    ctx: &Context<'_>,
    id: SentenceId,
    claimed: &HistDate,
    paired: &dyn Fn(&Range<usize>) -> Option<f32>,
    end: Option<End>,
) -> Option<Evidence> {
    let sentence = ctx.sentences().get(id).bytes.clone();
    let doc = ctx.doc(id);
    // Dates inside a reference are the reference's own: `cite` weighs them.
    let in_reference = |d: &DateMention| {
        doc.citations
            .iter()
            .any(|c| c.at.start <= d.span.start && d.span.end <= c.at.end)
    };
    let dates: Vec<(&DateMention, f32)> = ctx
        .mentions(id)
        .dates
        .iter()
        .filter(|d| {
            sentence.start <= d.span.start && d.span.end <= sentence.end && !in_reference(d)
        })
        .filter_map(|d| paired(&d.span).map(|strength| (d, strength)))
        .collect();
    // A sentence that dates a stretch (a visit) dates the event at its end (the arrival); its
    // other dates belong to other things.
    let dates: Vec<(DateMention, f32)> = dates
        .into_iter()
        .filter_map(|(d, s)| Some((at_end(d, end)?, s)))
        .collect();
    let dates: Vec<(&DateMention, f32)> = dates.iter().map(|(d, s)| (d, *s)).collect();
    let claimed_wide = claimed.widened();
    if let Some(&(d, strength)) = dates
        .iter()
        .find(|(d, _)| d.date.widened().overlaps(&claimed_wide))
    {
        let note = format!("{} agrees with {claimed}{}", d.date, inferred(d));
        let strength = strength * precision_factor(&d.date, claimed);
        return Some(with_reading(
            ctx.evidence(
                id,
                d.span.clone(),
                Relation::Supports,
                Aspect::Date,
                note,
                strength,
            ),
            d,
        ));
    }
    // The date most plainly said of the event is the one that conflicts.
    let &(d, strength) = dates.iter().max_by(|a, b| a.1.total_cmp(&b.1))?;
    let note = format!("{} is not {claimed}{}", d.date, inferred(d));
    Some(with_reading(
        ctx.evidence(
            id,
            d.span.clone(),
            Relation::Conflicts,
            Aspect::Date,
            note,
            strength,
        ),
        d,
    ))
}

/// The mention itself, or with `end` the first or last day of a mention that is a stretch of
/// days (`from 2 December 1921 to 14 January 1922`); `None` for a mention that is not one.
fn at_end(d: &DateMention, end: Option<End>) -> Option<DateMention> {
    let Some(end) = end else {
        return Some(d.clone());
    };
    let (Some(start), Some(last)) = (d.date.start, d.date.end) else {
        return None;
    };
    if d.date.precision != Precision::Day || start == last {
        return None;
    }
    let mut d = d.clone();
    let day = match end {
        End::Start => start,
        End::End => last,
    };
    d.date.start = Some(day);
    d.date.end = Some(day);
    Some(d)
}

/// How much a found date can confirm a claimed one: a decade agrees with any day in it, but
/// says little about that day.
fn precision_factor(found: &HistDate, claimed: &HistDate) -> f32 {
    let rank = |p: Precision| -> u8 {
        match p {
            Precision::Day => 0,
            Precision::PartOfMonth => 1,
            Precision::Month => 2,
            Precision::Season | Precision::PartOfYear => 3,
            Precision::Year => 4,
            Precision::Decade => 5,
        }
    };
    match rank(found.precision).saturating_sub(rank(claimed.precision)) {
        0..=2 => 1.0,
        3 => 0.8,
        _ => 0.6,
    }
}

fn inferred(d: &DateMention) -> &'static str {
    if d.inferred_year {
        " (year inferred from context)"
    } else {
        ""
    }
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
