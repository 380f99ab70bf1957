//! Weighing the evidence into a verdict.
//!
//! Per stated value (date, figure, quote, cites): supported when some evidence agrees and none
//! conflicts, conflicting when evidence only conflicts, contested when both. The claim is
//! conflicting when any value is, else contested when any value is, else supported when some
//! value is, else unsupported. A claim that states no value (only its event, participants and
//! place) is supported by a sentence that speaks of its event, names its participants and,
//! where it has one, its place.

use super::{Aspect, Context, Evidence, Hit, Judgement, Relation, Verdict};
use crate::claims::Claim;
use crate::corpus::SourceKind;

const VALUE_ASPECTS: [Aspect; 5] = [
    Aspect::Date,
    Aspect::Figure,
    Aspect::Quote,
    Aspect::Cites,
    Aspect::Place,
];
/// The strength from which a sentence is plainly about the claim's event.
pub(super) const PLAINLY: f32 = 0.8;
/// How much stronger one side's evidence must be to outweigh the other's.
const MARGIN: f32 = 0.15;
/// How many pieces of evidence a judgement keeps, per relation.
const KEEP: usize = 6;

pub(super) fn decide(
    ctx: &Context<'_>,
    claim: &Claim,
    hits: &[Hit],
    mut evidence: Vec<Evidence>,
    place: Option<Evidence>,
) -> Judgement {
    evidence.extend(place.clone());
    dedup(&mut evidence);
    let stated: Vec<Aspect> = VALUE_ASPECTS
        .into_iter()
        .filter(|a| match a {
            Aspect::Date => claim.date.is_some(),
            Aspect::Figure => claim.figure.is_some(),
            Aspect::Quote => claim.quote.is_some(),
            Aspect::Cites => claim.cites.is_some(),
            // A place decides like a value only when a source puts the event elsewhere.
            Aspect::Place => evidence
                .iter()
                .any(|e| e.aspect == Aspect::Place && e.relation == Relation::Conflicts),
            _ => false,
        })
        .collect();
    let has = |a: Aspect, r: Relation| weighed(&evidence, a, r);
    let conflicting: Vec<Aspect> = stated
        .iter()
        .copied()
        .filter(|&a| has(a, Relation::Conflicts) && !has(a, Relation::Supports))
        .collect();
    let contested: Vec<Aspect> = stated
        .iter()
        .copied()
        .filter(|&a| has(a, Relation::Conflicts) && has(a, Relation::Supports))
        .collect();
    let supported: Vec<Aspect> = stated
        .iter()
        .copied()
        .filter(|&a| has(a, Relation::Supports) && !has(a, Relation::Conflicts))
        .collect();
    let missing: Vec<Aspect> = stated
        .iter()
        .copied()
        .filter(|&a| !has(a, Relation::Supports) && !has(a, Relation::Conflicts))
        .collect();

    let (verdict, reason) = if let Some(&a) = conflicting.first() {
        let e = evidence
            .iter()
            .find(|e| e.aspect == a && e.relation == Relation::Conflicts);
        (
            Verdict::Conflicting,
            format!(
                "the sources give another {}: {}",
                name(a),
                e.map_or("", |e| e.note.as_str())
            ),
        )
    } else if let Some(&a) = contested.first() {
        (
            Verdict::Contested,
            format!("the sources disagree on the {}", name(a)),
        )
    } else if !supported.is_empty() {
        let names: Vec<&str> = supported.iter().map(|&a| name(a)).collect();
        (
            Verdict::Supported,
            format!("the sources confirm the {}", names.join(" and ")),
        )
    } else if stated.is_empty() {
        match (hits.first(), claim.place.is_some(), &place) {
            (Some(_), false, _) | (Some(_), true, Some(_)) => (
                Verdict::Supported,
                "a source states the event with its participants".to_string(),
            ),
            (Some(_), true, None) => (
                Verdict::Unsupported,
                "no source places the event there".to_string(),
            ),
            (None, _, _) => (
                Verdict::Unsupported,
                "no passage speaks of this event".to_string(),
            ),
        }
    } else if hits.is_empty() {
        (
            Verdict::Unsupported,
            "no passage speaks of this event".to_string(),
        )
    } else {
        let names: Vec<&str> = missing.iter().map(|&a| name(a)).collect();
        (
            Verdict::Unsupported,
            format!(
                "the sources speak of the event but state no {}",
                names.join(" or ")
            ),
        )
    };

    let mut warnings = Vec::new();
    if verdict == Verdict::Supported {
        for &a in &missing {
            warnings.push(format!("no source states the {}", name(a)));
        }
    }
    if stated.is_empty()
        && verdict == Verdict::Supported
        && let Some(h) = hits.first()
    {
        evidence.push(ctx.evidence(
            h.sentence,
            ctx.sentences().get(h.sentence).bytes.clone(),
            Relation::Supports,
            Aspect::Event,
            "speaks of the event".to_string(),
            h.coverage,
        ));
    }
    let supports: Vec<&Evidence> = evidence
        .iter()
        .filter(|e| e.relation == Relation::Supports)
        .collect();
    if verdict != Verdict::Unsupported
        && !supports.is_empty()
        && supports
            .iter()
            .all(|e| e.source_kind == SourceKind::ReaderComments)
    {
        warnings.push("the only support comes from reader comments, not scholarship".to_string());
    }
    Judgement {
        verdict,
        reason,
        evidence: keep(evidence),
        warnings,
    }
}

/// Whether evidence of relation `r` on aspect `a` stands after weighing: a reading counts when
/// it is plain, or when the other side's strongest reading is not clearly stronger, so a date
/// said plainly of the event outweighs one the sentence gives to a neighbouring clause.
///
/// A reference's own date, cited for a sentence plainly about the event, is a statement of
/// another kind (what the cited document says) and is not weighed against the running text:
/// it stands as it is.
fn weighed(evidence: &[Evidence], a: Aspect, r: Relation) -> bool {
    let apart = |e: &Evidence| e.from_reference && e.strength >= PLAINLY;
    if evidence
        .iter()
        .any(|e| e.aspect == a && e.relation == r && apart(e))
    {
        return true;
    }
    let strongest = |rel: Relation| {
        evidence
            .iter()
            .filter(|e| e.aspect == a && e.relation == rel && !apart(e))
            .map(|e| e.strength)
            .fold(None, |m: Option<f32>, s| Some(m.map_or(s, |m| m.max(s))))
    };
    let other = match r {
        Relation::Supports => Relation::Conflicts,
        Relation::Conflicts => Relation::Supports,
    };
    match (strongest(r), strongest(other)) {
        (None, _) => false,
        (Some(_), None) => true,
        // Two plain statements that disagree are a disagreement of the sources; a reading that
        // is not plain yields to a clearly stronger one.
        (Some(mine), Some(theirs)) => mine >= PLAINLY || mine + MARGIN >= theirs,
    }
}

/// The aspect in a reason's prose: "another citation", not "another cites".
fn name(a: Aspect) -> &'static str {
    match a {
        Aspect::Cites => "citation",
        other => other.as_str(),
    }
}

/// The same value found twice (from two windows over one sentence) is one piece of evidence.
fn dedup(evidence: &mut Vec<Evidence>) {
    let mut seen = std::collections::HashSet::new();
    evidence.retain(|e| {
        seen.insert((
            e.source.clone(),
            e.value_span.bytes.start,
            e.aspect,
            e.relation,
        ))
    });
}

/// Conflicts first, then support, a few of each, in corpus order within each.
fn keep(evidence: Vec<Evidence>) -> Vec<Evidence> {
    let mut out = Vec::new();
    for relation in [Relation::Conflicts, Relation::Supports] {
        let mut these: Vec<Evidence> = evidence
            .iter()
            .filter(|e| e.relation == relation)
            .cloned()
            .collect();
        these.sort_by(|a, b| {
            (&a.source, a.value_span.bytes.start).cmp(&(&b.source, b.value_span.bytes.start))
        });
        out.extend(these.into_iter().take(KEEP));
    }
    out
}
