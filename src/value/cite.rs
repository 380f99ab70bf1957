//! References: what a claim cites and what a passage cites, split into comparable parts.
//!
//! STUB: filled in by the owner of this file; the types and signatures are the contract.

/// An archival reference: fond, opis, delo, list (`f. 04, op. 39, d. 53001, l. 9`,
/// `ф. 85, оп. 13, д. 143, л. 1`).
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Archive {
    pub fond: Option<String>,
    pub opis: Option<String>,
    pub delo: Option<String>,
    pub list: Option<String>,
}

/// A reference split into the parts that can be compared. Every part is optional: a reference
/// is read leniently and never rejected.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Reference {
    /// The whole reference as written.
    pub raw: String,
    /// The cited document (`Нота НКИД РСФСР Послу Турции ...`), where the reference names one.
    pub document: Option<String>,
    /// The document's own date as written (`13.06.1921`).
    pub date: Option<String>,
    /// The collection or book (`Документы внешней политики СССР`).
    pub title: Option<String>,
    /// Volume as an arabic number where it is one (`Т. IV` is 4).
    pub volume: Option<u32>,
    /// First and last page (`С.176-177`, `p. 11`).
    pub pages: Option<(u32, u32)>,
    /// Year of publication (`М., 1960`).
    pub year: Option<i32>,
    pub archive: Option<Archive>,
}

/// Split a reference into parts, in any of the forms the corpus and claim files use.
pub fn parse(input: &str) -> Reference {
    Reference {
        raw: input.to_string(),
        ..Reference::default()
    }
}

/// How a found reference relates to the one a claim cites.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CiteMatch {
    /// The same work, and every part both give (volume, pages, archive file) agrees.
    Same,
    /// The same work, but the named parts differ (`volume: 4 vs 3`).
    Differs(Vec<String>),
    /// Another work altogether.
    Unrelated,
}

/// Compare what a claim cites with a reference found in the corpus.
pub fn compare(claimed: &Reference, found: &Reference) -> CiteMatch {
    let _ = (claimed, found);
    CiteMatch::Unrelated
}
