//! The claim language: turning the text of a claim's values into typed values. The grammars
//! themselves live in [`crate::value`], shared with extraction from the corpus; this module maps
//! their errors onto the exact place in the claim file.

use std::ops::Range;

use super::Expect;
use crate::diagnostic::{Diagnostic, Label, did_you_mean};
use crate::source::{Span, Spanned};
use crate::value::{ValueError, cite, date, figure};

/// A scalar value and where it was written.
#[derive(Clone, Debug)]
pub(super) struct ScalarText {
    pub(super) value: String,
    pub(super) span: Span,
    /// The value is written in the file byte for byte, so a range of the value is a range of
    /// the file shifted by `span.bytes.start`.
    pub(super) exact: bool,
}

impl ScalarText {
    pub(super) fn into_spanned(self) -> Spanned<String> {
        Spanned::new(self.value, self.span)
    }

    /// The file span of a byte range of the value, or of the whole value when the two do not
    /// map onto each other.
    fn sub_span(&self, range: Range<usize>) -> Span {
        if !self.exact {
            return self.span.clone();
        }
        let base = self.span.bytes.start;
        let end = (base + range.end).min(self.span.bytes.end);
        let start = (base + range.start).min(end);
        let (start, end) = if start == end {
            (start.saturating_sub(1).max(base), end)
        } else {
            (start, end)
        };
        Span::new(self.span.source, start..end.max(start))
    }

    fn error(&self, err: ValueError) -> Diagnostic {
        let mut diag = Diagnostic::error(err.code, err.message)
            .with_label(Label::bare(self.sub_span(err.span)));
        if let Some(help) = err.help {
            diag = diag.with_help(help);
        }
        diag
    }
}

pub(super) fn date(s: &ScalarText, diags: &mut Vec<Diagnostic>) -> Option<Spanned<date::HistDate>> {
    match date::parse(&s.value) {
        Ok(d) => Some(Spanned::new(d, s.span.clone())),
        Err(err) => {
            diags.push(s.error(err));
            None
        }
    }
}

pub(super) fn figure(
    s: &ScalarText,
    diags: &mut Vec<Diagnostic>,
) -> Option<Spanned<figure::Figure>> {
    match figure::parse(&s.value) {
        Ok(f) => Some(Spanned::new(f, s.span.clone())),
        Err(err) => {
            diags.push(s.error(err));
            None
        }
    }
}

pub(super) fn cites(s: &ScalarText) -> Spanned<cite::Reference> {
    Spanned::new(cite::parse(&s.value), s.span.clone())
}

pub(super) fn expect(s: &ScalarText, diags: &mut Vec<Diagnostic>) -> Option<Spanned<Expect>> {
    let word = s.value.trim();
    if let Some((_, e)) = Expect::ALL
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(word))
    {
        return Some(Spanned::new(*e, s.span.clone()));
    }
    let names = Expect::ALL.map(|(n, _)| n);
    let help = match did_you_mean(word, names) {
        Some(n) => format!("did you mean `{n}`?"),
        None => format!(
            "expect one of {}",
            names.map(|n| format!("`{n}`")).join(", ")
        ),
    };
    diags.push(
        Diagnostic::error(
            "attest::claims::invalid_expect",
            format!("`{word}` is not a verdict"),
        )
        .with_label(Label::bare(s.span.clone()))
        .with_help(help),
    );
    None
}

/// Participants written as one value: `Chicherin, Frunze and Aralov` (also `и`, `&`, `;`).
pub(super) fn participants(s: &ScalarText) -> Vec<Spanned<String>> {
    split_names(&s.value)
        .into_iter()
        .map(|r| Spanned::new(s.value[r.clone()].to_string(), s.sub_span(r)))
        .collect()
}

fn split_names(text: &str) -> Vec<Range<usize>> {
    let mut cuts: Vec<Range<usize>> = Vec::new();
    for sep in [",", ";", " and ", " и ", " & "] {
        let mut from = 0;
        while let Some(i) = text[from..].find(sep) {
            cuts.push(from + i..from + i + sep.len());
            from += i + sep.len();
        }
    }
    cuts.sort_by_key(|r| r.start);
    let mut names = Vec::new();
    let mut start = 0;
    for cut in cuts {
        if cut.start >= start {
            names.push(start..cut.start);
            start = cut.end;
        }
    }
    names.push(start..text.len());
    names
        .into_iter()
        .filter_map(|r| {
            let part = &text[r.clone()];
            let lead = part.len() - part.trim_start().len();
            let trimmed = part.trim();
            // "and" after an Oxford comma leaves a part that starts with the conjunction.
            let (lead, trimmed) = match trimmed.strip_prefix("and ") {
                Some(rest) => (lead + 4, rest.trim_start()),
                None => (lead, trimmed),
            };
            (!trimmed.is_empty()).then(|| r.start + lead..r.start + lead + trimmed.len())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expect: &[&str]) {
        let got: Vec<&str> = split_names(input).into_iter().map(|r| &input[r]).collect();
        assert_eq!(got, expect, "{input}");
    }

    #[test]
    fn participants_split_on_commas_and_conjunctions() {
        check("Chicherin", &["Chicherin"]);
        check(
            "Chicherin, Frunze and Aralov",
            &["Chicherin", "Frunze", "Aralov"],
        );
        check(
            "Chicherin, Frunze, and Aralov",
            &["Chicherin", "Frunze", "Aralov"],
        );
        check("Чичерин и Фрунзе", &["Чичерин", "Фрунзе"]);
        check(" Lenin ;Stalin ", &["Lenin", "Stalin"]);
        check(
            "Kâzım Karabekir & Ali Fuat",
            &["Kâzım Karabekir", "Ali Fuat"],
        );
    }
}
