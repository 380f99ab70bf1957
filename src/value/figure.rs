//! Figures: amounts of money and counts of things, with the bounds their qualifier implies.
//!
//! STUB: the grammar is filled in by the owner of this file; the types and signatures are the
//! contract the rest of attest relies on.

use std::ops::Range;

use super::ValueError;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Currency {
    Lira,
    Ruble,
    GoldRuble,
    Pound,
    Franc,
    Dollar,
    Mark,
}

/// What a figure counts.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Unit {
    Currency(Currency),
    /// A counted noun as a lowercase singular English name where known (`rifle`,
    /// `machine gun`, `person`), else as written.
    Counted(String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Currency,
    Count,
}

/// A number with its bounds and unit. `low`/`high` are `None` where unbounded (`at least 5`
/// has no `high`); an exact figure has `low == high == value`.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub value: f64,
    pub low: Option<f64>,
    pub high: Option<f64>,
    /// `None` for a bare amount such as `25 million`.
    pub unit: Option<Unit>,
}

impl Figure {
    pub fn kind(&self) -> Kind {
        match self.unit {
            Some(Unit::Currency(_)) => Kind::Currency,
            _ => Kind::Count,
        }
    }
}

/// A figure found in running text.
#[derive(Clone, Debug, PartialEq)]
pub struct FigureMention {
    /// Byte range in the searched text.
    pub span: Range<usize>,
    pub figure: Figure,
}

/// Parse a whole claim value such as `about 80 million Turkish lira`.
pub fn parse(input: &str) -> Result<Figure, ValueError> {
    Err(ValueError::new(
        "attest::figure::invalid",
        format!("cannot read `{input}` as a figure"),
        0..input.len(),
    ))
}

/// Find every figure in running text (English and Russian), in order of position.
pub fn find(text: &str) -> Vec<FigureMention> {
    let _ = text;
    Vec::new()
}

impl std::fmt::Display for Unit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Unit::Currency(c) => write!(f, "{c:?}"),
            Unit::Counted(noun) => f.write_str(noun),
        }
    }
}
