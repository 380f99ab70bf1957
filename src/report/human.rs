//! Human output: diagnostics drawn by miette, with snippets of the claim file and of the corpus.
//!
//! A diagnostic whose labels sit in several files becomes a miette parent on the first file
//! with one `related` child per other file, each with its own named source, so both the claim
//! and the passage show with their own line numbers.

use std::fmt;
use std::sync::Arc;

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceSpan};

use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::source::{SourceId, SourceMap};

/// How to draw: colour for terminals, plain Unicode for files, pipes and snapshots.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Style {
    pub color: bool,
    pub width: usize,
}

impl Style {
    pub const PLAIN: Style = Style {
        color: false,
        width: 80,
    };
}

/// Draw one diagnostic as text.
pub fn render(diag: &Diagnostic, sources: &SourceMap, style: Style) -> String {
    let theme = if style.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(style.width)
        .with_links(false)
        .with_context_lines(1)
        .with_show_related_as_nested(true);
    let adapter = Adapter::new(diag, sources);
    let mut out = String::new();
    // INVARIANT: writing into a String cannot fail.
    handler
        .render_report(&mut out, &adapter)
        .expect("formatting into a String succeeds");
    out
}

/// A view of one [`Diagnostic`] (or of the labels it has in one file) as a miette diagnostic.
struct Adapter {
    code: Option<&'static str>,
    severity: Severity,
    message: String,
    help: Option<String>,
    source: Option<Snippet>,
    labels: Vec<LabeledSpan>,
    related: Vec<Adapter>,
}

impl Adapter {
    fn new(diag: &Diagnostic, sources: &SourceMap) -> Adapter {
        let all: Vec<&Label> = diag.primary.iter().chain(&diag.secondary).collect();
        let home = diag.primary.as_ref().map(|l| l.span.source);
        let mut others: Vec<SourceId> = Vec::new();
        for label in &all {
            let id = label.span.source;
            if Some(id) != home && !others.contains(&id) {
                others.push(id);
            }
        }
        let related = others
            .into_iter()
            .map(|id| {
                let labels: Vec<&Label> = all
                    .iter()
                    .copied()
                    .filter(|l| l.span.source == id)
                    .collect();
                let start = labels.iter().map(|l| l.span.bytes.start).min().unwrap_or(0);
                let end = labels.iter().map(|l| l.span.bytes.end).max().unwrap_or(0);
                Adapter {
                    code: None,
                    severity: Severity::Advice,
                    message: format!("in {}", sources.name(id)),
                    help: None,
                    source: Some(Snippet::Excerpt(Excerpt::around(sources, id, start..end))),
                    labels: labels.iter().map(|l| labeled(l, sources, false)).collect(),
                    related: Vec::new(),
                }
            })
            .collect();
        let labels = match home {
            Some(id) => all
                .iter()
                .filter(|l| l.span.source == id)
                .enumerate()
                .map(|(i, l)| labeled(l, sources, i == 0))
                .collect(),
            None => Vec::new(),
        };
        Adapter {
            code: Some(diag.code),
            severity: diag.severity,
            message: diag.message.clone(),
            help: diag.help.clone(),
            source: home.map(|id| Snippet::Whole(named(sources, id))),
            labels,
            related,
        }
    }
}

/// What a snippet is drawn from: a whole file (a claim file), or a window of one (a corpus
/// source, whose paragraphs may be single lines of thousands of characters).
#[derive(Debug)]
enum Snippet {
    Whole(NamedSource<Arc<str>>),
    Excerpt(Excerpt),
}

impl miette::SourceCode for Snippet {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn miette::SpanContents<'a> + 'a>, miette::MietteError> {
        match self {
            Snippet::Whole(s) => s.read_span(span, before, after),
            Snippet::Excerpt(e) => e.read_span(span, before, after),
        }
    }
}

/// A window of a file around some labels, reporting the file's own line numbers.
#[derive(Debug)]
struct Excerpt {
    name: String,
    text: Arc<str>,
    window: std::ops::Range<usize>,
    /// 0-based line and column (in characters) of the window's start.
    line: usize,
    column: usize,
}

impl Excerpt {
    /// Bytes of context kept on each side of the labels.
    const REACH: usize = 120;

    fn around(sources: &SourceMap, id: SourceId, labels: std::ops::Range<usize>) -> Excerpt {
        let file = sources.get(id);
        let text = &file.text;
        let start = file.clamp(labels.start..labels.start).start;
        let end = file.clamp(labels.end..labels.end).end.max(start);
        let from = floor(text, start.saturating_sub(Self::REACH));
        let from = match text[from..start].find('\n') {
            // A line start within reach: show whole lines.
            Some(i) => from + i + 1,
            // Inside a long line: start at a word.
            None if from > 0 => text[from..start].find(' ').map_or(start, |i| from + i + 1),
            None => 0,
        };
        let to = floor(text, (end + Self::REACH).min(text.len()));
        let to = match text[end..to].rfind('\n') {
            Some(i) => end + i,
            None if to < text.len() => text[end..to].rfind(' ').map_or(end, |i| end + i),
            None => text.len(),
        };
        let (line, column) = file.line_col(from);
        Excerpt {
            name: file.name.clone(),
            text: Arc::clone(&file.text),
            window: from..to.max(from),
            line: line - 1,
            column: column - 1,
        }
    }
}

fn floor(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

impl miette::SourceCode for Excerpt {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn miette::SpanContents<'a> + 'a>, miette::MietteError> {
        let slice = &self.text[self.window.clone()];
        let offset = span
            .offset()
            .saturating_sub(self.window.start)
            .min(slice.len());
        let len = span.len().min(slice.len() - offset);
        let inner = slice.read_span(&SourceSpan::from(offset..offset + len), before, after)?;
        let first = inner.line() == 0;
        Ok(Box::new(miette::MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            SourceSpan::from(
                inner.span().offset() + self.window.start
                    ..inner.span().offset() + self.window.start + inner.span().len(),
            ),
            inner.line() + self.line,
            if first {
                inner.column() + self.column
            } else {
                inner.column()
            },
            inner.line_count(),
        )))
    }
}

fn named(sources: &SourceMap, id: SourceId) -> NamedSource<Arc<str>> {
    let file = sources.get(id);
    NamedSource::new(&file.name, Arc::clone(&file.text))
}

fn labeled(label: &Label, sources: &SourceMap, primary: bool) -> LabeledSpan {
    let bytes = sources
        .get(label.span.source)
        .clamp(label.span.bytes.clone());
    let span = SourceSpan::from(bytes.start..bytes.end);
    LabeledSpan::new_with_span(label.message.clone(), span).with_primary(primary)
}

trait WithPrimary {
    fn with_primary(self, primary: bool) -> Self;
}

impl WithPrimary for LabeledSpan {
    fn with_primary(self, primary: bool) -> LabeledSpan {
        if primary {
            LabeledSpan::new_primary_with_span(self.label().map(str::to_string), *self.inner())
        } else {
            self
        }
    }
}

impl fmt::Debug for Adapter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Display for Adapter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Adapter {}

impl miette::Diagnostic for Adapter {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.code.map(|c| Box::new(c) as Box<dyn fmt::Display>)
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Advice => miette::Severity::Advice,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.source.as_ref().map(|s| s as &dyn miette::SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        (!self.labels.is_empty())
            .then(|| Box::new(self.labels.iter().cloned()) as Box<dyn Iterator<Item = LabeledSpan>>)
    }

    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn miette::Diagnostic> + 'a>> {
        (!self.related.is_empty()).then(|| {
            Box::new(self.related.iter().map(|r| r as &dyn miette::Diagnostic))
                as Box<dyn Iterator<Item = _>>
        })
    }
}
