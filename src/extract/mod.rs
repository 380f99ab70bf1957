//! Extraction: what the corpus says, read out of the normalised text of each document.
//!
//! Dates and figures are read from the running text with the references masked out, so that
//! `М., 1960` is never a date and never lends its year to a date without one; the dates inside
//! each reference (a cited document's own date) are read from the reference alone.

pub mod name;
pub mod quote;
pub mod term;

use std::ops::Range;

use crate::corpus::Document;
use crate::value::date::{self, DateMention};
use crate::value::figure::{self, FigureMention};
use name::{Gazetteer, NameMention};
use quote::QuoteMention;

/// The dates and figures of one document, with byte ranges in its normalised text, in order.
#[derive(Clone, Debug, Default)]
pub struct Mentions {
    pub dates: Vec<DateMention>,
    pub figures: Vec<FigureMention>,
}

/// Read the dates and figures of a document. The running text is scanned at once, so that a
/// date without a year takes the nearest preceding explicit year of the same source.
pub fn mentions(doc: &Document) -> Mentions {
    let references: Vec<Range<usize>> = doc.reference_spans().collect();
    let running = mask(&doc.text, &references);
    let mut dates = date::find(&running);
    for r in &references {
        if let Some(text) = doc.text.get(r.clone()) {
            dates.extend(date::find(text).into_iter().map(|mut d| {
                d.span = r.start + d.span.start..r.start + d.span.end;
                d
            }));
        }
    }
    dates.sort_by_key(|d| d.span.start);
    // A number inside a date is not a figure.
    let figures = figure::find(&running)
        .into_iter()
        .filter(|f| {
            !dates
                .iter()
                .any(|d| d.span.start < f.span.end && f.span.start < d.span.end)
        })
        .collect();
    Mentions { dates, figures }
}

/// The gazetteer entities a document names.
pub fn names(doc: &Document, gazetteer: &Gazetteer) -> Vec<NameMention> {
    name::find(&doc.text, gazetteer)
}

/// The quotations of a document.
pub fn quotes(doc: &Document) -> Vec<QuoteMention> {
    quote::find(&doc.text)
}

/// `text` with every byte of `ranges` turned into a space, so byte offsets stay the same.
fn mask(text: &str, ranges: &[Range<usize>]) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        if ranges.iter().any(|r| r.start <= i && i < r.end) {
            out.extend(std::iter::repeat_n(' ', c.len_utf8()));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masking_keeps_byte_offsets() {
        let text = "нота (М., 1960) 13 июня";
        let start = text.find('(').unwrap_or(0);
        let end = text.find(')').map_or(0, |i| i + 1);
        let masked = mask(text, std::slice::from_ref(&(start..end)));
        assert_eq!(masked.len(), text.len());
        assert!(!masked.contains("1960"));
        assert_eq!(&masked[..start], &text[..start]);
        assert_eq!(&masked[end..], &text[end..]);
    }
}
