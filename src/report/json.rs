//! JSON output. The wire types here are the format's definition: fields are added, never
//! renamed, and `version` changes when their meaning does.

use serde::Serialize;

use crate::claims::Claim;
use crate::diagnostic::{Diagnostic, Severity};
use crate::judge::{Aspect, Evidence, Relation, Verdict};
use crate::source::SourceMap;
use crate::value::cite::Reference;
use crate::value::date::{HistDate, Precision};
use crate::value::figure::{Figure, Kind};
use crate::{Linted, Outcome};

pub const VERSION: u32 = 1;

#[derive(Serialize)]
pub struct CheckReport<'a> {
    pub version: u32,
    pub claims: Vec<ClaimOut<'a>>,
    pub summary: Summary,
    pub diagnostics: Vec<DiagnosticOut>,
}

#[derive(Serialize)]
pub struct LintReport {
    pub version: u32,
    pub files: usize,
    pub claims: usize,
    pub diagnostics: Vec<DiagnosticOut>,
}

#[derive(Serialize)]
pub struct ClaimOut<'a> {
    pub id: &'a str,
    pub file: &'a str,
    pub line: usize,
    pub verdict: Verdict,
    pub reason: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expect: Option<&'static str>,
    pub failed: bool,
    pub parsed: Parsed<'a>,
    pub evidence: Vec<EvidenceOut<'a>>,
    pub warnings: &'a [String],
}

#[derive(Serialize)]
pub struct Parsed<'a> {
    pub event: &'a str,
    pub date: Option<DateOut>,
    pub figure: Option<FigureOut>,
    pub place: Option<&'a str>,
    pub participants: Vec<&'a str>,
    pub quote: Option<&'a str>,
    pub by: Option<&'a str>,
    pub cites: Option<&'a Reference>,
}

#[derive(Serialize)]
pub struct DateOut {
    pub start: Option<String>,
    pub end: Option<String>,
    pub precision: Precision,
    pub approximate: bool,
    pub uncertain: bool,
}

impl From<&HistDate> for DateOut {
    fn from(d: &HistDate) -> DateOut {
        DateOut {
            start: d.start.map(|d| d.iso()),
            end: d.end.map(|d| d.iso()),
            precision: d.precision,
            approximate: d.approximate,
            uncertain: d.uncertain,
        }
    }
}

#[derive(Serialize)]
pub struct FigureOut {
    pub value: f64,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub unit: Option<String>,
    pub kind: Kind,
}

impl From<&Figure> for FigureOut {
    fn from(f: &Figure) -> FigureOut {
        FigureOut {
            value: f.value,
            low: f.low,
            high: f.high,
            unit: f.unit.as_ref().map(|u| u.to_string()),
            kind: f.kind(),
        }
    }
}

#[derive(Serialize)]
pub struct EvidenceOut<'a> {
    pub relation: Relation,
    pub aspect: Aspect,
    pub source: &'a str,
    pub line: usize,
    pub column: usize,
    pub excerpt: &'a str,
    pub value: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reading: Option<&'a str>,
    pub note: &'a str,
    pub citations: &'a [String],
    pub source_kind: crate::corpus::SourceKind,
    pub source_title: &'a str,
    pub strength: f32,
}

#[derive(Serialize, Default)]
pub struct Summary {
    pub total: usize,
    pub supported: usize,
    pub conflicting: usize,
    pub contested: usize,
    pub unsupported: usize,
    pub failed: usize,
}

#[derive(Serialize)]
pub struct DiagnosticOut {
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    pub file: Option<String>,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub help: Option<String>,
}

pub fn diagnostic(d: &Diagnostic, sources: &SourceMap) -> DiagnosticOut {
    let place = d.primary.as_ref().map(|l| {
        (
            sources.name(l.span.source).to_string(),
            sources.line_col(&l.span),
        )
    });
    DiagnosticOut {
        code: d.code,
        severity: d.severity,
        message: d.message.clone(),
        file: place.as_ref().map(|(f, _)| f.clone()),
        line: place.as_ref().map(|(_, (l, _))| *l),
        column: place.as_ref().map(|(_, (_, c))| *c),
        help: d.help.clone(),
    }
}

pub fn lint(linted: &Linted) -> LintReport {
    LintReport {
        version: VERSION,
        files: linted.files.len(),
        claims: linted.claim_count(),
        diagnostics: linted
            .diagnostics
            .iter()
            .map(|d| diagnostic(d, &linted.sources))
            .collect(),
    }
}

pub fn check(outcome: &Outcome) -> CheckReport<'_> {
    let mut summary = Summary::default();
    let claims = outcome
        .results
        .iter()
        .map(|r| {
            let claim = outcome.claim(r);
            summary.total += 1;
            summary.failed += usize::from(r.failed);
            match r.judgement.verdict {
                Verdict::Supported => summary.supported += 1,
                Verdict::Conflicting => summary.conflicting += 1,
                Verdict::Contested => summary.contested += 1,
                Verdict::Unsupported => summary.unsupported += 1,
            }
            ClaimOut {
                id: claim.id.value.as_str(),
                file: outcome.sources.name(claim.source),
                line: outcome.sources.line_col(&claim.id.span).0,
                verdict: r.judgement.verdict,
                reason: &r.judgement.reason,
                expect: claim.expect.as_ref().map(|e| e.value.as_str()),
                failed: r.failed,
                parsed: parsed(claim),
                evidence: r
                    .judgement
                    .evidence
                    .iter()
                    .map(|e| evidence(e, &outcome.sources))
                    .collect(),
                warnings: &r.judgement.warnings,
            }
        })
        .collect();
    CheckReport {
        version: VERSION,
        claims,
        summary,
        diagnostics: outcome
            .diagnostics
            .iter()
            .map(|d| diagnostic(d, &outcome.sources))
            .collect(),
    }
}

pub fn parsed(claim: &Claim) -> Parsed<'_> {
    Parsed {
        event: &claim.event.value,
        date: claim.date.as_ref().map(|d| DateOut::from(&d.value)),
        figure: claim.figure.as_ref().map(|f| FigureOut::from(&f.value)),
        place: claim.place.as_ref().map(|p| p.value.as_str()),
        participants: claim
            .participants
            .iter()
            .map(|p| p.value.as_str())
            .collect(),
        quote: claim.quote.as_ref().map(|q| q.value.as_str()),
        by: claim.by.as_ref().map(|b| b.value.as_str()),
        cites: claim.cites.as_ref().map(|c| &c.value),
    }
}

fn evidence<'a>(e: &'a Evidence, sources: &SourceMap) -> EvidenceOut<'a> {
    let (line, column) = sources.line_col(&e.value_span);
    EvidenceOut {
        relation: e.relation,
        aspect: e.aspect,
        source: &e.source,
        line,
        column,
        excerpt: &e.excerpt,
        value: &e.value,
        reading: e.reading.as_deref(),
        note: &e.note,
        citations: &e.citations,
        source_kind: e.source_kind,
        source_title: &e.source_title,
        strength: (e.strength * 100.0).round() / 100.0,
    }
}
