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
        .with_context_lines(1);
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
    code: &'static str,
    severity: Severity,
    message: String,
    help: Option<String>,
    source: Option<NamedSource<Arc<str>>>,
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
                let message = labels.iter().find_map(|l| l.message.clone()).map_or_else(
                    || sources.name(id).to_string(),
                    |m| format!("{}: {m}", sources.name(id)),
                );
                Adapter {
                    code: diag.code,
                    severity: Severity::Advice,
                    message,
                    help: None,
                    source: Some(named(sources, id)),
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
            code: diag.code,
            severity: diag.severity,
            message: diag.message.clone(),
            help: diag.help.clone(),
            source: home.map(|id| named(sources, id)),
            labels,
            related,
        }
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
        Some(Box::new(self.code))
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
