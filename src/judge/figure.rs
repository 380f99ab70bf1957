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
    paired: &dyn Fn(&Range<usize>) -> bool,
) -> Option<Evidence> {
    let sentence = ctx.sentences().get(id).bytes.clone();
    let found: Vec<&FigureMention> = ctx
        .mentions(id)
        .figures
        .iter()
        .filter(|f| sentence.start <= f.span.start && f.span.end <= sentence.end)
        .filter(|f| comparable(claimed, &f.figure) && paired(&f.span))
        .collect();
    if let Some(f) = found.iter().find(|f| claimed.compatible(&f.figure)) {
        let note = format!("{} agrees with {claimed}", f.figure);
        return Some(ctx.evidence(id, f.span.clone(), Relation::Supports, Aspect::Figure, note));
    }
    let f = found.first()?;
    let note = match (&claimed.unit, &f.figure.unit) {
        (Some(Unit::Currency(a)), Some(Unit::Currency(b))) if a != b => {
            format!("{} is in another currency than {claimed}", f.figure)
        }
        _ => format!("{} is not {claimed}", f.figure),
    };
    Some(ctx.evidence(id, f.span.clone(), Relation::Conflicts, Aspect::Figure, note))
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
