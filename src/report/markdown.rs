//! A Markdown report, written to be posted as a pull-request comment: a summary table of the
//! verdicts, the problems in the input, then one section per claim that is not supported with
//! its reason and evidence.
//!
//! Text from claim files and sources is escaped so that it reads as written: Markdown
//! punctuation in an excerpt can neither format it nor break a list, quote or table around it.

use std::fmt::Write as _;
use std::io::{self, Write};

use crate::diagnostic::{Diagnostic, Severity};
use crate::judge::{Evidence, Relation, Verdict};
use crate::{ClaimResult, Outcome};

use super::sarif::Paths;

/// Render the result of `attest check`.
pub fn check(out: &mut dyn Write, outcome: &Outcome) -> io::Result<()> {
    let paths = Paths::new(&outcome.sources, &outcome.corpora);
    let mut md = String::new();
    summary(&mut md, outcome);
    problems(&mut md, outcome, &paths);
    let findings: Vec<&ClaimResult> = outcome
        .results
        .iter()
        .filter(|r| r.judgement.verdict != Verdict::Supported)
        .collect();
    if !findings.is_empty() {
        md.push_str("### Claims that are not supported\n\n");
    }
    for r in findings {
        claim_section(&mut md, outcome, r, &paths);
    }
    out.write_all(md.as_bytes())
}

fn summary(md: &mut String, outcome: &Outcome) {
    let total = outcome.results.len();
    let failed_total = outcome.results.iter().filter(|r| r.failed).count();
    let errors = outcome.diagnostics.iter().filter(|d| d.is_error()).count();
    let status = if failed_total == 0 && errors == 0 {
        "passed"
    } else {
        "failed"
    };
    let _ = writeln!(md, "## attest: {status}\n");
    let _ = writeln!(
        md,
        "{total} claim{} checked, {failed_total} failed the run.\n",
        super::plural(total)
    );
    md.push_str("| verdict | claims | failed the run |\n");
    md.push_str("| :-- | --: | --: |\n");
    for v in Verdict::ALL {
        let of = |r: &&ClaimResult| r.judgement.verdict == v;
        let count = outcome.results.iter().filter(of).count();
        let failed = outcome
            .results
            .iter()
            .filter(of)
            .filter(|r| r.failed)
            .count();
        let _ = writeln!(md, "| {} | {count} | {failed} |", v.as_str());
    }
    let _ = writeln!(md, "| **total** | **{total}** | **{failed_total}** |\n");
}

fn problems(md: &mut String, outcome: &Outcome, paths: &Paths<'_>) {
    if outcome.diagnostics.is_empty() {
        return;
    }
    md.push_str("### Problems in the input\n\n");
    for d in &outcome.diagnostics {
        problem(md, d, paths);
    }
    md.push('\n');
}

fn problem(md: &mut String, d: &Diagnostic, paths: &Paths<'_>) {
    let severity = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Advice => "advice",
    };
    let _ = write!(md, "- **{severity}** {}", code(d.code));
    if let Some(l) = &d.primary {
        let (line, _) = paths.sources.line_col(&l.span);
        let _ = write!(
            md,
            " at {}",
            code(&format!("{}:{line}", paths.path(l.span.source)))
        );
    }
    let _ = writeln!(md, ": {}", inline(&d.message));
    if let Some(help) = &d.help {
        let _ = writeln!(md, "  <br>help: {}", inline(help));
    }
}

fn claim_section(md: &mut String, outcome: &Outcome, r: &ClaimResult, paths: &Paths<'_>) {
    let claim = outcome.claim(r);
    let j = &r.judgement;
    let (line, _) = outcome.sources.line_col(&claim.id.span);
    let _ = writeln!(
        md,
        "#### {} is {}\n",
        code(claim.id.value.as_str()),
        j.verdict.as_str()
    );
    let _ = write!(
        md,
        "{}",
        code(&format!("{}:{line}", paths.path(claim.source)))
    );
    match (&claim.expect, r.failed) {
        (_, true) => md.push_str(" · **fails the run**"),
        (Some(e), false) => {
            let _ = write!(
                md,
                " · expected {}, does not fail the run",
                e.value.as_str()
            );
        }
        (None, false) => md.push_str(" · does not fail the run"),
    }
    md.push_str("\n\n");
    let _ = writeln!(md, "**Reason:** {}\n", inline(&j.reason));
    if let Some(text) = &claim.text {
        let _ = writeln!(md, "The article: “{}”\n", inline(&text.value));
    }
    for w in &j.warnings {
        let _ = writeln!(md, "⚠ {}\n", inline(w));
    }
    if j.evidence.is_empty() {
        md.push_str("No passage of the corpus speaks of this.\n\n");
        return;
    }
    md.push_str("Evidence:\n\n");
    for e in &j.evidence {
        evidence(md, e, paths);
    }
}

fn evidence(md: &mut String, e: &Evidence, paths: &Paths<'_>) {
    let verb = match e.relation {
        Relation::Supports => "supports",
        Relation::Conflicts => "conflicts",
    };
    let (line, _) = paths.sources.line_col(&e.value_span);
    let _ = writeln!(
        md,
        "- {verb} ({}): {} **{}**: {}",
        aspect_name(e),
        code(&format!("{}:{line}", paths.path(e.value_span.source))),
        inline(&e.value),
        inline(&e.note)
    );
    let _ = writeln!(md, "\n  > {}\n", inline(&e.excerpt));
    for c in &e.citations {
        let _ = writeln!(md, "  cites: {}\n", inline(c));
    }
}

fn aspect_name(e: &Evidence) -> &'static str {
    use crate::judge::Aspect::*;
    match e.aspect {
        Event => "event",
        Date => "date",
        Figure => "figure",
        Place => "place",
        Participants => "participants",
        Quote => "quote",
        Cites => "cited source",
    }
}

/// Text on one line of Markdown, read as written: line breaks folded to spaces, the characters
/// that format inline text or end a table cell escaped, and a start that would open a heading,
/// list, quote or rule escaped too.
fn inline(s: &str) -> String {
    let folded = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::with_capacity(folded.len());
    for c in folded.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '&' => out.push_str("&amp;"),
            _ => out.push(c),
        }
    }
    block_start_escaped(out)
}

/// `- x`, `+ x`, `= x` and `1921. x` (digits, `.` or `)`, then a space) at the start of a line open a list or underline a heading.
fn block_start_escaped(s: String) -> String {
    if s.starts_with(['-', '+', '=']) {
        return format!("\\{s}");
    }
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    let marker = matches!(s.as_bytes().get(digits), Some(b'.' | b')'));
    let then_space = matches!(s.as_bytes().get(digits + 1), None | Some(b' '));
    if digits > 0 && marker && then_space {
        // The marker is ASCII, so `digits` is a character boundary.
        format!("{}\\{}", &s[..digits], &s[digits..])
    } else {
        s
    }
}

/// A code span that holds any text: fenced with more backticks than the text's longest run,
/// padded when the text starts or ends with one. A table cell would still end at `|`, so code
/// spans are only used outside tables.
fn code(s: &str) -> String {
    let folded = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut longest = 0;
    let mut run = 0;
    for c in folded.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    let pad = if folded.starts_with('`') || folded.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{folded}{pad}{fence}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_inline(input: &str, expect: &str) {
        assert_eq!(inline(input), expect, "{input:?}");
    }

    #[test]
    fn inline_text_cannot_format_or_break_the_layout() {
        check_inline("plain text", "plain text");
        check_inline("a | b", "a \\| b");
        check_inline("*bold* _it_ `c`", "\\*bold\\* \\_it\\_ \\`c\\`");
        check_inline("[5] <b>", "\\[5\\] \\<b\\>");
        check_inline("line\nbreak", "line break");
        check_inline("- not a list", "\\- not a list");
        check_inline("1921. not a list", "1921\\. not a list");
        check_inline("16.03.1921", "16.03.1921");
        check_inline("AT&T", "AT&amp;T");
        check_inline("«Саннаго»", "«Саннаго»");
    }

    fn check_code(input: &str, expect: &str) {
        assert_eq!(code(input), expect, "{input:?}");
    }

    #[test]
    fn code_spans_hold_backticks() {
        check_code("x.yaml:3", "`x.yaml:3`");
        check_code("a`b", "``a`b``");
        check_code("`a", "`` `a ``");
    }
}
