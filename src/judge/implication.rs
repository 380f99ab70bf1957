//! Implications between events: the first day of a visit is an arrival, its last a departure
//! (`data/implications.yaml`). A claim about an arrival finds its date in a source that dates
//! the visit.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::extract::term::{ConceptId, Lexicon, TermKey};

const BUILTIN: &str = include_str!("../../data/implications.yaml");

/// Which end of a stretch of time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum End {
    Start,
    End,
}

#[derive(Debug, Default, Deserialize)]
struct Ends {
    start: Option<String>,
    end: Option<String>,
}

/// The implications, by concept name.
#[derive(Debug, Default)]
pub(super) struct Implications(BTreeMap<String, Ends>);

/// The implications compiled into attest, loaded once.
pub(super) fn implications() -> &'static Implications {
    static LOADED: OnceLock<Implications> = OnceLock::new();
    // The shipped file is checked by the tests; no implications is the safe fallback.
    LOADED.get_or_init(|| Implications(marked_yaml::from_yaml(0, BUILTIN).unwrap_or_default()))
}

impl Implications {
    /// The concepts whose start or end implies `concept`, with which end.
    pub(super) fn implying(&self, lexicon: &Lexicon, concept: ConceptId) -> Vec<(TermKey, End)> {
        let Some(name) = lexicon.concept(concept).map(|c| c.name.as_str()) else {
            return Vec::new();
        };
        let id = |wanted: &str| {
            lexicon
                .concepts()
                .iter()
                .position(|c| c.name == wanted)
                .and_then(|i| u16::try_from(i).ok())
                .map(|i| TermKey::Concept(ConceptId(i)))
        };
        let mut out = Vec::new();
        for (stretch, ends) in &self.0 {
            if ends.start.as_deref() == Some(name) {
                out.extend(id(stretch).map(|k| (k, End::Start)));
            }
            if ends.end.as_deref() == Some(name) {
                out.extend(id(stretch).map(|k| (k, End::End)));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_implications_name_concepts_of_the_lexicon() {
        let lexicon = Lexicon::builtin();
        let raw: BTreeMap<String, Ends> =
            marked_yaml::from_yaml(0, BUILTIN).expect("data/implications.yaml is valid");
        assert!(!raw.is_empty());
        for (stretch, ends) in &raw {
            for name in std::iter::once(stretch)
                .chain(ends.start.iter())
                .chain(ends.end.iter())
            {
                assert!(
                    lexicon.concepts().iter().any(|c| &c.name == name),
                    "`{name}` is not a lexicon concept"
                );
            }
        }
    }

    #[test]
    fn a_visit_implies_an_arrival_at_its_start() {
        let lexicon = Lexicon::builtin();
        let arrive = lexicon
            .concepts()
            .iter()
            .position(|c| c.name == "arrive")
            .expect("an arrive concept");
        let implying = implications().implying(&lexicon, ConceptId(arrive as u16));
        assert!(implying.iter().any(|(_, end)| *end == End::Start));
    }
}
