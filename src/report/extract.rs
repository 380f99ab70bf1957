//! Output of `attest extract` and `attest sources`.

use std::io::{self, Write};

use serde::Serialize;

use crate::corpus::{Document, SourceKind, SourceMeta};
use crate::source::SourceMap;
use crate::value::date::Precision;
use crate::value::figure::Kind;
use crate::{Extracted, Loaded};

#[derive(Serialize)]
struct ExtractOut<'a> {
    version: u32,
    source: &'a str,
    meta: &'a SourceMeta,
    passages: Vec<PassageOut>,
    dates: Vec<DateOut<'a>>,
    figures: Vec<FigureOut<'a>>,
    names: Vec<NameOut<'a>>,
    quotes: Vec<QuoteOut<'a>>,
    citations: Vec<CitationOut<'a>>,
}

#[derive(Serialize)]
struct NameOut<'a> {
    text: &'a str,
    line: usize,
    column: usize,
    entity: &'a str,
    kind: String,
}

#[derive(Serialize)]
struct QuoteOut<'a> {
    text: &'a str,
    line: usize,
    column: usize,
}

#[derive(Serialize)]
struct CitationOut<'a> {
    /// Where the marker or the inline reference stands.
    line: usize,
    column: usize,
    /// Where the note's text stands (the same place for an inline reference).
    note_line: usize,
    reference: &'a crate::value::cite::Reference,
}

#[derive(Serialize)]
struct PassageOut {
    index: u32,
    line: usize,
    end_line: usize,
    kind: SourceKind,
    sentences: Vec<SentenceOut>,
    citations: Vec<String>,
}

#[derive(Serialize)]
struct SentenceOut {
    line: usize,
    text: String,
}

#[derive(Serialize)]
struct DateOut<'a> {
    text: &'a str,
    line: usize,
    column: usize,
    start: Option<String>,
    end: Option<String>,
    precision: Precision,
    inferred: bool,
}

#[derive(Serialize)]
struct FigureOut<'a> {
    text: &'a str,
    line: usize,
    column: usize,
    value: f64,
    low: Option<f64>,
    high: Option<f64>,
    unit: Option<String>,
    kind: Kind,
}

fn position(doc: &Document, sources: &SourceMap, norm: usize) -> (usize, usize) {
    sources.get(doc.source).line_col(doc.raw_offset(norm))
}

fn build<'a>(x: &'a Extracted) -> ExtractOut<'a> {
    let doc = &x.loaded.corpus.documents[x.doc];
    let sources = &x.loaded.sources;
    let text = doc.text.as_str();
    let slice = |r: &std::ops::Range<usize>| text.get(r.clone()).unwrap_or("");
    ExtractOut {
        version: super::json::VERSION,
        source: &doc.name,
        meta: &doc.meta,
        passages: doc
            .passages
            .iter()
            .map(|p| PassageOut {
                index: p.id.index,
                line: position(doc, sources, p.bytes.start).0,
                end_line: position(
                    doc,
                    sources,
                    p.bytes.end.saturating_sub(1).max(p.bytes.start),
                )
                .0,
                kind: p.kind,
                sentences: p
                    .sentences
                    .iter()
                    .map(|r| SentenceOut {
                        line: position(doc, sources, r.start).0,
                        text: slice(r).to_string(),
                    })
                    .collect(),
                citations: doc
                    .citations
                    .iter()
                    .filter(|c| p.bytes.start <= c.at.start && c.at.start < p.bytes.end)
                    .map(|c| c.reference.raw.clone())
                    .collect(),
            })
            .collect(),
        dates: x
            .mentions
            .dates
            .iter()
            .map(|d| {
                let (line, column) = position(doc, sources, d.span.start);
                DateOut {
                    text: slice(&d.span),
                    line,
                    column,
                    start: d.date.start.map(|s| s.iso()),
                    end: d.date.end.map(|s| s.iso()),
                    precision: d.date.precision,
                    inferred: d.inferred_year,
                }
            })
            .collect(),
        figures: x
            .mentions
            .figures
            .iter()
            .map(|f| {
                let (line, column) = position(doc, sources, f.span.start);
                FigureOut {
                    text: slice(&f.span),
                    line,
                    column,
                    value: f.figure.value,
                    low: f.figure.low,
                    high: f.figure.high,
                    unit: f.figure.unit.as_ref().map(|u| u.to_string()),
                    kind: f.figure.kind(),
                }
            })
            .collect(),
        names: x
            .names
            .iter()
            .map(|n| {
                let (line, column) = position(doc, sources, n.span.start);
                let entity = x.gazetteer.get(n.entity);
                NameOut {
                    text: slice(&n.span),
                    line,
                    column,
                    entity: &entity.canonical,
                    kind: format!("{:?}", entity.kind).to_lowercase(),
                }
            })
            .collect(),
        quotes: x
            .quotes
            .iter()
            .map(|q| {
                let (line, column) = position(doc, sources, q.span.start);
                QuoteOut {
                    text: slice(&q.inner),
                    line,
                    column,
                }
            })
            .collect(),
        citations: doc
            .citations
            .iter()
            .map(|c| {
                let (line, column) = position(doc, sources, c.at.start);
                CitationOut {
                    line,
                    column,
                    note_line: position(doc, sources, c.note.start).0,
                    reference: &c.reference,
                }
            })
            .collect(),
    }
}

pub fn extract(out: &mut dyn Write, x: &Extracted, format: super::Format) -> io::Result<()> {
    let data = build(x);
    if format == super::Format::Json {
        return super::write_json(out, &data);
    }
    writeln!(
        out,
        "{} — {} ({:?}, {:?})",
        data.source, data.meta.title, data.meta.language, data.meta.kind
    )?;
    writeln!(out, "{} passages", data.passages.len())?;
    for p in &data.passages {
        writeln!(
            out,
            "  ¶{:<3} lines {:>3}-{:<3} {:>2} sentences {:?}{}",
            p.index,
            p.line,
            p.end_line,
            p.sentences.len(),
            p.kind,
            if p.citations.is_empty() {
                String::new()
            } else {
                format!(", {} citations", p.citations.len())
            }
        )?;
    }
    writeln!(out, "{} dates", data.dates.len())?;
    for d in &data.dates {
        writeln!(
            out,
            "  {:>3}:{:<3} {:<36} {} – {} {:?}{}",
            d.line,
            d.column,
            d.text,
            d.start.as_deref().unwrap_or("…"),
            d.end.as_deref().unwrap_or("…"),
            d.precision,
            if d.inferred { " (year inferred)" } else { "" }
        )?;
    }
    writeln!(out, "{} figures", data.figures.len())?;
    for f in &data.figures {
        writeln!(
            out,
            "  {:>3}:{:<3} {:<36} {} [{} – {}] {}",
            f.line,
            f.column,
            f.text,
            f.value,
            f.low.map_or("…".into(), |v| v.to_string()),
            f.high.map_or("…".into(), |v| v.to_string()),
            f.unit.as_deref().unwrap_or("")
        )?;
    }
    writeln!(out, "{} names", data.names.len())?;
    for n in &data.names {
        writeln!(
            out,
            "  {:>3}:{:<3} {:<36} {} ({})",
            n.line, n.column, n.text, n.entity, n.kind
        )?;
    }
    writeln!(out, "{} quotes", data.quotes.len())?;
    for q in &data.quotes {
        let text: String = q.text.chars().take(70).collect();
        writeln!(
            out,
            "  {:>3}:{:<3} «{text}{}»",
            q.line,
            q.column,
            if q.text.chars().count() > 70 {
                "…"
            } else {
                ""
            }
        )?;
    }
    writeln!(out, "{} citations", data.citations.len())?;
    for c in &data.citations {
        let raw: String = c.reference.raw.chars().take(70).collect();
        writeln!(
            out,
            "  {:>3}:{:<3} note at line {}: {raw}",
            c.line, c.column, c.note_line
        )?;
    }
    Ok(())
}

#[derive(Serialize)]
struct SourceOut<'a> {
    name: &'a str,
    #[serde(flatten)]
    meta: &'a SourceMeta,
    passages: usize,
}

pub fn sources(out: &mut dyn Write, loaded: &Loaded, format: super::Format) -> io::Result<()> {
    let list: Vec<SourceOut<'_>> = loaded
        .corpus
        .documents
        .iter()
        .map(|d| SourceOut {
            name: &d.name,
            meta: &d.meta,
            passages: d.passages.len(),
        })
        .collect();
    if format == super::Format::Json {
        return super::write_json(out, &list);
    }
    for s in &list {
        writeln!(
            out,
            "{}  {:?}  {:?}  {}{}{}",
            s.name,
            s.meta.language,
            s.meta.kind,
            s.meta.title,
            s.meta
                .author
                .as_deref()
                .map(|a| format!(" — {a}"))
                .unwrap_or_default(),
            s.meta.year.map(|y| format!(", {y}")).unwrap_or_default(),
        )?;
    }
    Ok(())
}
