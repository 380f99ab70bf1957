//! Attributive dates: in "the Moscow treaty of 16 March 1921" (`Московского договора от
//! 16 марта 1921 г.`) the date belongs to the noun before it. When that noun phrase names an
//! entity the claim is not about, the date is not evidence for the claim, however close the
//! claim's words stand.

use std::ops::Range;

use super::Context;
use crate::extract::name::{self, EntityId};
use crate::retrieve::SentenceId;

/// Words that attach a date to the noun before it.
const LINKS: [&str; 6] = ["от", "of", "dated", "from", "за", "с"];
/// How many words before the link make up the noun phrase.
const PHRASE_WORDS: usize = 3;

/// Whether the value at `value` is an attributive date whose noun phrase names an entity
/// outside `own`.
pub(super) fn names_another(
    ctx: &Context<'_>,
    id: SentenceId,
    value: &Range<usize>,
    own: &[EntityId],
) -> bool {
    let text = ctx.doc(id).text.as_str();
    let sentence = ctx.sentences().get(id).bytes.clone();
    let Some(before) = text.get(sentence.start..value.start.max(sentence.start)) else {
        return false;
    };
    let mut words = before.split_whitespace().rev();
    let Some(link) = words.next() else {
        return false;
    };
    if !LINKS.contains(&link.to_lowercase().as_str()) {
        return false;
    }
    let phrase: Vec<&str> = words.take(PHRASE_WORDS).collect();
    let phrase: String = phrase.into_iter().rev().collect::<Vec<_>>().join(" ");
    name::find(&phrase, ctx.gazetteer())
        .iter()
        .any(|m| !own.contains(&m.entity))
}

#[cfg(test)]
mod tests {
    use crate::extract::name::{Gazetteer, find};

    #[test]
    fn a_treaty_named_before_an_attributive_date_is_found() {
        let gaz = Gazetteer::builtin();
        let found = find("основе Московского договора", &gaz);
        assert_eq!(
            found
                .iter()
                .map(|m| gaz.get(m.entity).canonical.as_str())
                .collect::<Vec<_>>(),
            ["Treaty of Moscow"]
        );
    }
}
