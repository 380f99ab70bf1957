//! JUnit XML, for CI systems that show test results: one `<testsuite>` per claim file, one
//! `<testcase>` per claim. A claim that fails the run has a `<failure>` with the verdict's reason
//! and the evidence; a claim whose verdict is not `supported` but is the one its file expects
//! passes, as it passes the run.
//!
//! Problems in the input that are errors are test cases with an `<error>` in the suite of the
//! file they are in, so that a claim file attest could not read does not pass as an empty suite;
//! warnings go to the suite's `<system-out>`. A verdict that contradicts an `expect:` is already
//! the failure of its claim and is not repeated.

use std::fmt::Write as _;
use std::io::{self, Write};

use crate::diagnostic::Diagnostic;
use crate::judge::Relation;
use crate::{ClaimResult, Outcome};

use super::sarif::Paths;

/// The code of the diagnostic that restates a failed claim's verdict.
const UNEXPECTED_VERDICT: &str = "attest::judge::unexpected_verdict";

/// One `<testsuite>` as it is gathered.
struct Suite<'a> {
    name: String,
    claims: Vec<&'a ClaimResult>,
    errors: Vec<&'a Diagnostic>,
    warnings: Vec<&'a Diagnostic>,
}

impl Suite<'_> {
    fn failures(&self) -> usize {
        self.claims.iter().filter(|r| r.failed).count()
    }
}

/// Render the result of `attest check`.
pub fn check(out: &mut dyn Write, outcome: &Outcome) -> io::Result<()> {
    let paths = Paths::new(&outcome.sources, &outcome.corpora);
    let suites = suites(outcome, &paths);
    let tests: usize = suites.iter().map(|s| s.claims.len() + s.errors.len()).sum();
    let failures: usize = suites.iter().map(Suite::failures).sum();
    let errors: usize = suites.iter().map(|s| s.errors.len()).sum();
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        xml,
        "<testsuites name=\"attest\" tests=\"{tests}\" failures=\"{failures}\" errors=\"{errors}\">"
    );
    for suite in &suites {
        render_suite(&mut xml, suite, outcome, &paths);
    }
    xml.push_str("</testsuites>\n");
    out.write_all(xml.as_bytes())
}

/// The suites: every claim file in the order read, then the other files problems were found
/// in, in the order first met; problems with no file go to a suite named `attest`.
fn suites<'a>(outcome: &'a Outcome, paths: &Paths<'_>) -> Vec<Suite<'a>> {
    let mut suites: Vec<Suite<'a>> = outcome
        .files
        .iter()
        .map(|f| Suite {
            name: paths.path(f.source),
            claims: Vec::new(),
            errors: Vec::new(),
            warnings: Vec::new(),
        })
        .collect();
    for r in &outcome.results {
        if let Some(suite) = suites.get_mut(r.file) {
            suite.claims.push(r);
        }
    }
    for d in &outcome.diagnostics {
        if d.code == UNEXPECTED_VERDICT {
            continue;
        }
        let name = d
            .primary
            .as_ref()
            .map_or_else(|| "attest".to_string(), |l| paths.path(l.span.source));
        let i = match suites.iter().position(|s| s.name == name) {
            Some(i) => i,
            None => {
                suites.push(Suite {
                    name,
                    claims: Vec::new(),
                    errors: Vec::new(),
                    warnings: Vec::new(),
                });
                suites.len() - 1
            }
        };
        if let Some(suite) = suites.get_mut(i) {
            if d.is_error() {
                suite.errors.push(d);
            } else {
                suite.warnings.push(d);
            }
        }
    }
    suites
}

fn render_suite(xml: &mut String, suite: &Suite<'_>, outcome: &Outcome, paths: &Paths<'_>) {
    let name = attr(&suite.name);
    let _ = writeln!(
        xml,
        "  <testsuite name=\"{name}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"0\">",
        suite.claims.len() + suite.errors.len(),
        suite.failures(),
        suite.errors.len(),
    );
    for r in &suite.claims {
        let claim = outcome.claim(r);
        let _ = write!(
            xml,
            "    <testcase name=\"{}\" classname=\"{name}\"",
            attr(claim.id.value.as_str())
        );
        if r.failed {
            let message = format!(
                "claim is {}: {}",
                r.judgement.verdict.as_str(),
                r.judgement.reason
            );
            let _ = writeln!(
                xml,
                ">\n      <failure message=\"{}\" type=\"{}\">{}</failure>\n    </testcase>",
                attr(&message),
                attr(super::finding(claim, r).code),
                text(&failure_text(outcome, r, paths)),
            );
        } else {
            xml.push_str("/>\n");
        }
    }
    for d in &suite.errors {
        let (line, _) = d
            .primary
            .as_ref()
            .map_or((0, 0), |l| outcome.sources.line_col(&l.span));
        let _ = writeln!(
            xml,
            "    <testcase name=\"{} (line {line})\" classname=\"{name}\">\n      <error message=\"{}\" type=\"{}\">{}</error>\n    </testcase>",
            attr(d.code),
            attr(&d.message),
            attr(d.code),
            text(&diagnostic_text(d, paths)),
        );
    }
    if !suite.warnings.is_empty() {
        let lines: Vec<String> = suite
            .warnings
            .iter()
            .map(|d| diagnostic_text(d, paths))
            .collect();
        let _ = writeln!(
            xml,
            "    <system-out>{}</system-out>",
            text(&lines.join("\n"))
        );
    }
    xml.push_str("  </testsuite>\n");
}

/// The body of a failure: where the claim is, why it fails, and each piece of evidence.
fn failure_text(outcome: &Outcome, r: &ClaimResult, paths: &Paths<'_>) -> String {
    let claim = outcome.claim(r);
    let (line, col) = outcome.sources.line_col(&claim.id.span);
    let mut s = format!(
        "{}:{line}:{col}: claim `{}` is {}: {}\n",
        paths.path(claim.source),
        claim.id.value,
        r.judgement.verdict.as_str(),
        r.judgement.reason
    );
    if let Some(e) = &claim.expect {
        let _ = writeln!(s, "expected: {}", e.value.as_str());
    }
    for w in &r.judgement.warnings {
        let _ = writeln!(s, "warning: {w}");
    }
    if r.judgement.evidence.is_empty() {
        s.push_str("evidence: none\n");
    }
    for e in &r.judgement.evidence {
        let verb = match e.relation {
            Relation::Supports => "supports",
            Relation::Conflicts => "conflicts",
        };
        let (line, col) = outcome.sources.line_col(&e.value_span);
        let _ = writeln!(
            s,
            "{verb}: {}:{line}:{col}: `{}`: {}",
            paths.path(e.value_span.source),
            e.value,
            e.note
        );
        let _ = writeln!(s, "  excerpt: {}", e.excerpt);
        for c in &e.citations {
            let _ = writeln!(s, "  cites: {c}");
        }
    }
    s
}

fn diagnostic_text(d: &Diagnostic, paths: &Paths<'_>) -> String {
    let mut s = String::new();
    if let Some(l) = &d.primary {
        let (line, col) = paths.sources.line_col(&l.span);
        let _ = write!(s, "{}:{line}:{col}: ", paths.path(l.span.source));
    }
    let _ = write!(s, "{}: {}", d.code, d.message);
    if let Some(help) = &d.help {
        let _ = write!(s, "\nhelp: {help}");
    }
    s
}

/// Text content: markup characters escaped, characters XML 1.0 cannot carry replaced.
fn text(s: &str) -> String {
    escape(s, false)
}

/// An attribute value in double quotes; line breaks and tabs as character references, since a
/// parser would fold them to spaces.
fn attr(s: &str) -> String {
    escape(s, true)
}

fn escape(s: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            '\n' if attribute => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' if attribute => out.push_str("&#9;"),
            '\t' | '\n' => out.push(c),
            c if allowed_in_xml(c) => out.push(c),
            _ => out.push('\u{fffd}'),
        }
    }
    out
}

/// XML 1.0's `Char` production.
fn allowed_in_xml(c: char) -> bool {
    matches!(c, '\u{20}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, as_text: &str, as_attr: &str) {
        assert_eq!(text(input), as_text, "text {input:?}");
        assert_eq!(attr(input), as_attr, "attribute {input:?}");
    }

    #[test]
    fn escapes_keep_the_document_well_formed() {
        check("plain", "plain", "plain");
        check(
            "a < b & c > d",
            "a &lt; b &amp; c &gt; d",
            "a &lt; b &amp; c &gt; d",
        );
        check("\"q\" 'a'", "\"q\" 'a'", "&quot;q&quot; 'a'");
        check("a\nb\tc", "a\nb\tc", "a&#10;b&#9;c");
        check("a\r\n", "a&#13;\n", "a&#13;&#10;");
        check("bell\u{7}", "bell\u{fffd}", "bell\u{fffd}");
        check("\u{fffe}", "\u{fffd}", "\u{fffd}");
        check("«Саннаго» 𝄞", "«Саннаго» 𝄞", "«Саннаго» 𝄞");
    }
}
