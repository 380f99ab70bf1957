//! Figures: compatible within the qualifier's bounds and in the same unit; a figure of the same
//! kind that falls outside them, or the same amount in another currency, conflicts.

use std::ops::Range;

use super::{Aspect, Context, Evidence, Relation};
use crate::retrieve::SentenceId;
use crate::value::figure::{Figure, FigureMention, Kind, Unit};

pub(super) fn evidence(
    ctx: &Context<'_>,
    id: SentenceId,
    claimed: &Figure,
    paired: &dyn Fn(&Range<usize>) -> Option<f32>,
) -> Option<Evidence> {
    let sentence = ctx.sentences().get(id).bytes.clone();
    let found: Vec<(&FigureMention, f32)> = ctx
        .mentions(id)
        .figures
        .iter()
        .filter(|f| sentence.start <= f.span.start && f.span.end <= sentence.end)
        .filter(|f| comparable(claimed, &f.figure))
        .filter_map(|f| paired(&f.span).map(|strength| (f, strength)))
        .collect();
    if let Some(&(f, strength)) = found.iter().find(|(f, _)| claimed.compatible(&f.figure)) {
        let note = format!("{} agrees with {claimed}", f.figure);
        return Some(ctx.evidence(
            id,
            f.span.clone(),
            Relation::Supports,
            Aspect::Figure,
            note,
            strength,
        ));
    }
    let &(f, strength) = found.iter().max_by(|a, b| a.1.total_cmp(&b.1))?;
    let note = match (&claimed.unit, &f.figure.unit) {
        (Some(Unit::Currency(a)), Some(Unit::Currency(b))) if a != b => {
            format!("{} is in another currency than {claimed}", f.figure)
        }
        _ => format!("{} is not {claimed}", f.figure),
    };
    Some(ctx.evidence(
        id,
        f.span.clone(),
        Relation::Conflicts,
        Aspect::Figure,
        note,
        strength,
    ))
}

/// Figures that speak of the same thing: the same counted noun, any currency for an amount of
/// money, and anything for a claim that names no unit.
fn comparable(claimed: &Figure, found: &Figure) -> bool {
    match (&claimed.unit, &found.unit) {
        (None, _) => true,
        (Some(Unit::Currency(_)), _) => found.kind() == Kind::Currency,
        (Some(Unit::Counted(a)), Some(Unit::Counted(b))) => a == b,
        (Some(Unit::Counted(_)), _) => false,
    }
}
