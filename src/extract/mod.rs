//! Extraction: what the corpus says, read out of the normalised text of each document.

pub mod name;
pub mod quote;
pub mod term;
