//! Reports: every output format is a renderer that reads the pipeline's results and decides
//! nothing. This is the only module that formats output; the binary hands it a writer.

mod extract;
pub mod github;
pub mod html;
pub mod human;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod sarif;

use std::io::{self, Write};

use crate::claims::Claim;
use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::judge::{Aspect, Relation, Verdict};
use crate::source::Span;
use crate::{ClaimResult, Linted, Outcome};
pub use extract::{extract, sources};
pub use human::Style;

/// The output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Format {
    /// Diagnostics drawn by miette, for a terminal.
    #[default]
    Human,
    /// The versioned JSON report.
    Json,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// JUnit XML, one test case per claim.
    Junit,
    /// GitHub Actions workflow commands (`::error file=…`).
    Github,
    /// A Markdown pull-request comment.
    Markdown,
    /// One self-contained HTML page.
    Html,
}

/// Render the result of `attest lint`.
pub fn lint(out: &mut dyn Write, linted: &Linted, format: Format, style: Style) -> io::Result<()> {
    match format {
        Format::Json => write_json(out, &json::lint(linted)),
        Format::Sarif => sarif::lint(out, linted),
        Format::Github => github::lint(out, linted),
        // The command line offers lint only the formats that carry diagnostics alone.
        Format::Junit | Format::Markdown | Format::Html | Format::Human => {
            for d in &linted.diagnostics {
                write!(out, "{}", human::render(d, &linted.sources, style))?;
            }
            let errors = linted.diagnostics.iter().filter(|d| d.is_error()).count();
            let warnings = linted.diagnostics.len() - errors;
            writeln!(
                out,
                "{} claim file{}, {} claim{}: {} error{}, {} warning{}",
                linted.files.len(),
                plural(linted.files.len()),
                linted.claim_count(),
                plural(linted.claim_count()),
                errors,
                plural(errors),
                warnings,
                plural(warnings),
            )
        }
    }
}

/// Render the result of `attest check`. `verbose` also shows supported claims.
pub fn check(
    out: &mut dyn Write,
    outcome: &Outcome,
    format: Format,
    style: Style,
    verbose: bool,
) -> io::Result<()> {
    match format {
        Format::Json => write_json(out, &json::check(outcome)),
        Format::Sarif => sarif::check(out, outcome),
        Format::Junit => junit::check(out, outcome),
        Format::Github => github::check(out, outcome),
        Format::Markdown => markdown::check(out, outcome),
        Format::Html => html::check(out, outcome),
        Format::Human => {
            for d in &outcome.diagnostics {
                write!(out, "{}", human::render(d, &outcome.sources, style))?;
            }
            for result in &outcome.results {
                if result.judgement.verdict != Verdict::Supported || verbose {
                    let diag = finding(outcome.claim(result), result);
                    write!(out, "{}", human::render(&diag, &outcome.sources, style))?;
                }
            }
            summary(out, outcome)
        }
    }
}

fn write_json(out: &mut dyn Write, value: &impl serde::Serialize) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(io::Error::other)?;
    writeln!(out)
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// The verdict on a claim as a diagnostic: a label on the claim's value, the evidence as labels
/// in the corpus files.
///
/// Codes: `attest::judge::supported`, `attest::judge::conflicting`, `attest::judge::contested`,
/// `attest::judge::unsupported`.
pub(crate) fn finding(claim: &Claim, result: &ClaimResult) -> Diagnostic {
    let j = &result.judgement;
    let (code, severity) = match j.verdict {
        Verdict::Supported => ("attest::judge::supported", Severity::Advice),
        Verdict::Conflicting => ("attest::judge::conflicting", Severity::Error),
        Verdict::Contested => ("attest::judge::contested", Severity::Warning),
        Verdict::Unsupported => ("attest::judge::unsupported", Severity::Warning),
    };
    let deciding = j
        .evidence
        .iter()
        .find(|e| e.relation == Relation::Conflicts)
        .or_else(|| j.evidence.first());
    let aspect = deciding.map_or(Aspect::Event, |e| e.aspect);
    let target = claim_span(claim, aspect);
    let label = match deciding {
        Some(e) if e.relation == Relation::Conflicts => format!(
            "the sources say {}",
            e.reading.as_deref().unwrap_or(&e.value)
        ),
        Some(e) => format!("found: {}", e.reading.as_deref().unwrap_or(&e.value)),
        None => "no passage speaks of this".to_string(),
    };
    let mut diag = Diagnostic::new(
        code,
        severity,
        format!(
            "claim `{}` is {}: {}",
            claim.id.value,
            j.verdict.as_str(),
            j.reason
        ),
    )
    .with_label(Label::new(target, label));
    for e in j.evidence.iter().take(4) {
        let verb = match e.relation {
            Relation::Supports => "supports",
            Relation::Conflicts => "conflicts",
        };
        diag = diag.with_secondary(Label::new(
            e.value_span.clone(),
            format!("{verb}: {}", e.note),
        ));
    }
    let mut help: Vec<String> = j.warnings.clone();
    for e in j.evidence.iter().take(4) {
        let mut line = format!(
            "{}: {} ({})",
            e.source,
            e.source_title,
            kind_name(e.source_kind)
        );
        if let Some(c) = e.citations.first() {
            line.push_str(&format!("; cites {c}"));
        }
        if !help.contains(&line) {
            help.push(line);
        }
    }
    if !help.is_empty() {
        diag = diag.with_help(help.join("\n"));
    }
    diag
}

fn claim_span(claim: &Claim, aspect: Aspect) -> Span {
    let span = match aspect {
        Aspect::Date => claim.date.as_ref().map(|d| d.span.clone()),
        Aspect::Figure => claim.figure.as_ref().map(|f| f.span.clone()),
        Aspect::Place => claim.place.as_ref().map(|p| p.span.clone()),
        Aspect::Participants => claim.participants.first().map(|p| p.span.clone()),
        Aspect::Quote => claim.quote.as_ref().map(|q| q.span.clone()),
        Aspect::Cites => claim.cites.as_ref().map(|c| c.span.clone()),
        Aspect::Event => None,
    };
    span.unwrap_or_else(|| claim.event.span.clone())
}

fn kind_name(kind: crate::corpus::SourceKind) -> &'static str {
    use crate::corpus::SourceKind::*;
    match kind {
        PrimaryDocument => "primary document",
        Translation => "translation of a primary document",
        Scholarship => "scholarship",
        Journalism => "journalism",
        ReaderComments => "reader comments",
    }
}

fn summary(out: &mut dyn Write, outcome: &Outcome) -> io::Result<()> {
    let count = |v: Verdict| {
        outcome
            .results
            .iter()
            .filter(|r| r.judgement.verdict == v)
            .count()
    };
    writeln!(out)?;
    writeln!(out, "  verdict       claims")?;
    for v in Verdict::ALL {
        writeln!(out, "  {:<12} {:>7}", v.as_str(), count(v))?;
    }
    let failed = outcome.results.iter().filter(|r| r.failed).count();
    writeln!(
        out,
        "{} claim{} checked, {} failed the run",
        outcome.results.len(),
        plural(outcome.results.len()),
        failed
    )
}
