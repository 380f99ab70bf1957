//! Extraction: what the corpus says, read out of the normalised text of each document.

pub mod name;
pub mod quote;
pub mod term;

use crate::corpus::Document;
use crate::value::date::{self, DateMention};
use crate::value::figure::{self, FigureMention};

/// Everything read out of one document, with byte ranges in its normalised text, in order.
#[derive(Clone, Debug, Default)]
pub struct Mentions {
    pub dates: Vec<DateMention>,
    pub figures: Vec<FigureMention>,
}

/// Read the dates and figures of a document. The whole text is scanned at once, so that a date
/// without a year takes the nearest preceding explicit year of the same source.
pub fn mentions(doc: &Document) -> Mentions {
    let dates = date::find(&doc.text);
    // A number inside a date is not a figure.
    let figures = figure::find(&doc.text)
        .into_iter()
        .filter(|f| {
            !dates
                .iter()
                .any(|d| d.span.start < f.span.end && f.span.start < d.span.end)
        })
        .collect();
    Mentions { dates, figures }
}
