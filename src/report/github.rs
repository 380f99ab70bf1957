//! GitHub Actions workflow commands: one `::error`, `::warning` or `::notice` line per finding
//! and per problem in the input, which the runner turns into annotations on the claim files.
//!
//! A finding whose verdict does not fail the run (the claim file expects it) is a notice: the
//! run passes, and an error annotation would say otherwise.

use std::io::{self, Write};

use crate::diagnostic::{Diagnostic, Severity};
use crate::judge::{Relation, Verdict};
use crate::source::Span;
use crate::{ClaimResult, Linted, Outcome};

use super::sarif::Paths;

/// Render the result of `attest check`.
pub fn check(out: &mut dyn Write, outcome: &Outcome) -> io::Result<()> {
    let paths = Paths::new(&outcome.sources, &outcome.corpora);
    for d in &outcome.diagnostics {
        writeln!(out, "{}", diagnostic(d, &paths))?;
    }
    for r in &outcome.results {
        if r.judgement.verdict != Verdict::Supported {
            writeln!(out, "{}", finding(outcome, r, &paths))?;
        }
    }
    Ok(())
}

/// Render the result of `attest lint`: the problems in the claim files.
pub fn lint(out: &mut dyn Write, linted: &Linted) -> io::Result<()> {
    let paths = Paths::new(&linted.sources, &[]);
    for d in &linted.diagnostics {
        writeln!(out, "{}", diagnostic(d, &paths))?;
    }
    Ok(())
}

fn diagnostic(d: &Diagnostic, paths: &Paths<'_>) -> String {
    let level = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Advice => "notice",
    };
    let mut message = d.message.clone();
    if let Some(help) = &d.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    command(
        level,
        d.primary.as_ref().map(|l| &l.span),
        d.code,
        &message,
        paths,
    )
}

fn finding(outcome: &Outcome, r: &ClaimResult, paths: &Paths<'_>) -> String {
    let claim = outcome.claim(r);
    let diag = super::finding(claim, r);
    let level = match (r.failed, diag.severity) {
        (false, _) => "notice",
        (true, Severity::Error) => "error",
        (true, Severity::Warning) => "warning",
        (true, Severity::Advice) => "notice",
    };
    let mut message = diag.message.clone();
    if let Some(e) = &claim.expect {
        message.push_str(&format!(" (expected {})", e.value.as_str()));
    }
    for w in &r.judgement.warnings {
        message.push_str("\nwarning: ");
        message.push_str(w);
    }
    for e in &r.judgement.evidence {
        let verb = match e.relation {
            Relation::Supports => "supports",
            Relation::Conflicts => "conflicts",
        };
        let (line, _) = paths.sources.line_col(&e.value_span);
        message.push_str(&format!(
            "\n{verb}: {}:{line}: `{}`",
            paths.path(e.value_span.source),
            e.value
        ));
        if let Some(c) = e.citations.first() {
            message.push_str(&format!(" (cites {c})"));
        }
    }
    let target = diag.primary.as_ref().map(|l| &l.span);
    command(level, target, diag.code, &message, paths)
}

/// One workflow command. Columns are counted in characters; GitHub uses them only when the
/// annotation starts and ends on one line, so they are left out otherwise.
fn command(
    level: &str,
    span: Option<&Span>,
    title: &str,
    message: &str,
    paths: &Paths<'_>,
) -> String {
    let mut properties: Vec<(&str, String)> = Vec::new();
    if let Some(span) = span {
        let file = paths.sources.get(span.source);
        let bytes = file.clamp(span.bytes.clone());
        let (line, col) = file.line_col(bytes.start);
        let (end_line, end_col) = file.line_col(bytes.end);
        properties.push(("file", paths.path(span.source)));
        properties.push(("line", line.to_string()));
        if line == end_line {
            properties.push(("col", col.to_string()));
        }
        properties.push(("endLine", end_line.to_string()));
        if line == end_line {
            properties.push(("endColumn", end_col.to_string()));
        }
    }
    properties.push(("title", title.to_string()));
    let properties: Vec<String> = properties
        .iter()
        .map(|(k, v)| format!("{k}={}", escape_property(v)))
        .collect();
    format!(
        "::{level} {}::{}",
        properties.join(","),
        escape_data(message)
    )
}

/// The escapes the runner undoes in a command's message.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// The escapes the runner undoes in a property value, where `:` and `,` are delimiters too.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, data: &str, property: &str) {
        assert_eq!(escape_data(input), data, "data {input:?}");
        assert_eq!(escape_property(input), property, "property {input:?}");
    }

    #[test]
    fn escapes_follow_the_runner() {
        check("plain", "plain", "plain");
        check("50% off", "50%25 off", "50%25 off");
        check("a\nb\r\n", "a%0Ab%0D%0A", "a%0Ab%0D%0A");
        check("a::b,c", "a::b,c", "a%3A%3Ab%2Cc");
        check("%0A", "%250A", "%250A");
    }
}
