//! SARIF 2.1.0, the format code scanning reads.
//!
//! One run, one rule per verdict that is a finding and per diagnostic code met. A claim that is
//! not supported is a result located on the claim's value in the claim file, its evidence as
//! related locations in the corpus files; problems in the input are results too. Supported claims
//! are not findings and are left out. A finding whose verdict does not fail the run (the claim
//! file expects it) carries a suppression, so that code scanning shows it as accepted.

use std::collections::{BTreeMap, HashMap};
use std::io::{self, Write};
use std::path::{Component, Path};

use serde::Serialize;

use crate::corpus::Corpus;
use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::judge::{Evidence, Relation, Verdict};
use crate::source::{SourceFile, SourceId, SourceMap, Span};
use crate::{ClaimResult, Linted, Outcome};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The key of the fingerprint in `partialFingerprints`; the suffix versions how it is computed.
const FINGERPRINT: &str = "attestFinding/v1";

/// The verdicts that are findings, in the order their rules are listed.
const FINDINGS: [Verdict; 3] = [
    Verdict::Conflicting,
    Verdict::Contested,
    Verdict::Unsupported,
];

/// Render the result of `attest check`.
pub fn check(out: &mut dyn Write, outcome: &Outcome) -> io::Result<()> {
    let paths = Paths::new(&outcome.sources, &outcome.corpora);
    let mut rules = Rules::default();
    for verdict in FINDINGS {
        rules.verdict(verdict);
    }
    let mut results = Vec::new();
    let mut seen = HashMap::new();
    for d in &outcome.diagnostics {
        results.push(diagnostic_result(d, &paths, &mut rules, &mut seen));
    }
    for r in &outcome.results {
        if r.judgement.verdict != Verdict::Supported {
            results.push(claim_result(outcome, r, &paths, &mut rules));
        }
    }
    write(out, rules, results)
}

/// Render the result of `attest lint`: the problems in the claim files.
pub fn lint(out: &mut dyn Write, linted: &Linted) -> io::Result<()> {
    let paths = Paths::new(&linted.sources, &[]);
    let mut rules = Rules::default();
    let mut seen = HashMap::new();
    let results = linted
        .diagnostics
        .iter()
        .map(|d| diagnostic_result(d, &paths, &mut rules, &mut seen))
        .collect();
    write(out, rules, results)
}

fn write(out: &mut dyn Write, rules: Rules, results: Vec<SarifResult>) -> io::Result<()> {
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: "attest",
                    version: env!("CARGO_PKG_VERSION"),
                    rules: rules.list,
                },
            },
            column_kind: "utf16CodeUnits",
            results,
        }],
    };
    serde_json::to_writer_pretty(&mut *out, &log).map_err(io::Error::other)?;
    writeln!(out)
}

// The wire types: the subset of SARIF 2.1.0 attest writes, with the schema's property names.

#[derive(Serialize)]
struct Log {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run {
    tool: Tool,
    column_kind: &'static str,
    results: Vec<SarifResult>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
struct Driver {
    name: &'static str,
    version: &'static str,
    rules: Vec<Rule>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    id: String,
    short_description: Text,
    help: Text,
    default_configuration: Configuration,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

impl Text {
    fn new(text: impl Into<String>) -> Text {
        Text { text: text.into() }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: String,
    rule_index: usize,
    level: &'static str,
    message: Text,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    locations: Vec<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location>,
    partial_fingerprints: BTreeMap<&'static str, String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    suppressions: Vec<Suppression>,
    #[serde(skip_serializing_if = "Option::is_none")]
    properties: Option<ClaimProperties>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    snippet: Option<Text>,
}

#[derive(Serialize)]
struct Suppression {
    kind: &'static str,
    justification: String,
}

#[derive(Serialize)]
struct ClaimProperties {
    claim: String,
    verdict: Verdict,
    failed: bool,
}

/// The rules met so far, each listed once, in the order first met.
#[derive(Default)]
struct Rules {
    list: Vec<Rule>,
    index: HashMap<String, usize>,
}

impl Rules {
    fn verdict(&mut self, verdict: Verdict) -> usize {
        let (short, help) = verdict_rule(verdict);
        self.get_or_add(verdict_code(verdict), level_of_verdict(verdict), || {
            (short.to_string(), help.to_string())
        })
    }

    fn code(&mut self, code: &str, severity: Severity) -> usize {
        self.get_or_add(code, level_of_severity(severity), || code_rule(code))
    }

    fn get_or_add(
        &mut self,
        id: &str,
        level: &'static str,
        describe: impl FnOnce() -> (String, String),
    ) -> usize {
        if let Some(&i) = self.index.get(id) {
            return i;
        }
        let (short, help) = describe();
        let i = self.list.len();
        self.list.push(Rule {
            id: id.to_string(),
            short_description: Text::new(short),
            help: Text::new(help),
            default_configuration: Configuration { level },
        });
        self.index.insert(id.to_string(), i);
        i
    }
}

fn verdict_code(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Supported => "attest::judge::supported",
        Verdict::Conflicting => "attest::judge::conflicting",
        Verdict::Contested => "attest::judge::contested",
        Verdict::Unsupported => "attest::judge::unsupported",
    }
}

fn level_of_verdict(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Conflicting => "error",
        Verdict::Contested | Verdict::Unsupported => "warning",
        Verdict::Supported => "note",
    }
}

fn level_of_severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Advice => "note",
    }
}

fn verdict_rule(verdict: Verdict) -> (&'static str, &'static str) {
    match verdict {
        Verdict::Supported => (
            "The sources confirm the claim",
            "A passage of the corpus states the claim's values for its event.",
        ),
        Verdict::Conflicting => (
            "A source contradicts the claim",
            "A passage states another value for the claim's event: another date, figure, place \
             or cited source, or words that differ from the quote. Read the evidence listed with \
             the result, then correct the claim or write `expect: conflicting` when the article \
             knowingly departs from the source.",
        ),
        Verdict::Contested => (
            "The sources disagree about the claim",
            "Some passages support the claim and others contradict it. Say in the article which \
             source it follows; `expect: contested` records that the disagreement is known.",
        ),
        Verdict::Unsupported => (
            "No passage of the corpus speaks to the claim",
            "No passage states the claim's values for its event. Add the source to the corpus, \
             word the event as the sources do, give other spellings of names under `aliases:`, \
             or write `expect: unsupported`.",
        ),
    }
}

/// A rule for a diagnostic code: described by the stage that reports it and the problem the
/// code's last segment names, so that every code, present or future, gets a description.
fn code_rule(code: &str) -> (String, String) {
    let mut parts = code.split("::").skip(1);
    let stage = parts.next().unwrap_or("");
    let problem = parts.last().unwrap_or(stage).replace('_', " ");
    let (what, help) = match stage {
        "claims" => (
            "claim file",
            "The claim file cannot be read as written. Fix it at the marked place; `attest lint` \
             checks claim files without reading the corpus.",
        ),
        "date" => (
            "date",
            "The date cannot be read. The result's message says what is wrong; dates are written \
             in English, such as `16 March 1921`, `March 1921` or `1921`.",
        ),
        "figure" => (
            "figure",
            "The figure cannot be read. The result's message says what is wrong; figures are \
             written such as `80 million lira`, `about 300 men` or `20,000 gold rubles`.",
        ),
        "cite" => (
            "citation",
            "The cited source cannot be read. The result's message says what is wrong.",
        ),
        "corpus" => (
            "corpus",
            "A corpus file or the corpus catalogue has a problem; attest skips the file or reads \
             what it can infer. `attest sources` lists the corpus as attest reads it.",
        ),
        "judge" => (
            "verdict",
            "The verdict on a claim differs from what the claim file expects: either the claim's \
             `expect:` or the evidence has changed.",
        ),
        _ => (
            "attest",
            "attest could not do what was asked; the result's message says why.",
        ),
    };
    (format!("{what}: {problem}"), help.to_string())
}

/// A problem in the input as a result. `seen` counts the fingerprints handed out, so that two
/// identical problems in one file still get distinct ones.
fn diagnostic_result(
    d: &Diagnostic,
    paths: &Paths<'_>,
    rules: &mut Rules,
    seen: &mut HashMap<u64, usize>,
) -> SarifResult {
    let rule_index = rules.code(d.code, d.severity);
    let file = d
        .primary
        .as_ref()
        .map(|l| paths.path(l.span.source))
        .unwrap_or_default();
    // What the problem is and where, but not its line: moving it does not make it a new one.
    let key = fnv1a64([d.code, file.as_str(), d.message.as_str()]);
    let occurrence = seen.entry(key).or_insert(0);
    *occurrence += 1;
    let mut message = d.message.clone();
    if let Some(help) = &d.help {
        message.push_str("\n\nhelp: ");
        message.push_str(help);
    }
    SarifResult {
        rule_id: d.code.to_string(),
        rule_index,
        level: level_of_severity(d.severity),
        message: Text::new(message),
        locations: d.primary.iter().map(|l| location(paths, l, None)).collect(),
        related_locations: d
            .secondary
            .iter()
            .enumerate()
            .map(|(i, l)| location(paths, l, Some(i)))
            .collect(),
        partial_fingerprints: fingerprint(key, *occurrence),
        suppressions: Vec::new(),
        properties: None,
    }
}

fn claim_result(
    outcome: &Outcome,
    r: &ClaimResult,
    paths: &Paths<'_>,
    rules: &mut Rules,
) -> SarifResult {
    let claim = outcome.claim(r);
    let verdict = r.judgement.verdict;
    let code = verdict_code(verdict);
    let rule_index = rules.verdict(verdict);
    let diag = super::finding(claim, r);
    let target = diag
        .primary
        .as_ref()
        .map_or_else(|| claim.event.span.clone(), |l| l.span.clone());
    let mut message = diag.message.clone();
    for w in &r.judgement.warnings {
        message.push_str("\nwarning: ");
        message.push_str(w);
    }
    let suppressions = if r.failed {
        Vec::new()
    } else {
        vec![match &claim.expect {
            Some(e) => Suppression {
                kind: "inSource",
                justification: format!("the claim file expects {}", e.value.as_str()),
            },
            None => Suppression {
                kind: "external",
                justification: format!("{} claims do not fail this run", verdict.as_str()),
            },
        }]
    };
    SarifResult {
        rule_id: code.to_string(),
        rule_index,
        level: level_of_verdict(verdict),
        message: Text::new(message),
        locations: vec![Location {
            id: None,
            physical_location: physical(paths, &target),
            message: None,
        }],
        related_locations: r
            .judgement
            .evidence
            .iter()
            .enumerate()
            .map(|(i, e)| evidence_location(paths, e, i))
            .collect(),
        partial_fingerprints: fingerprint(fnv1a64([code, claim.id.value.as_str()]), 1),
        suppressions,
        properties: Some(ClaimProperties {
            claim: claim.id.value.to_string(),
            verdict,
            failed: r.failed,
        }),
    }
}

fn fingerprint(key: u64, occurrence: usize) -> BTreeMap<&'static str, String> {
    let value = if occurrence <= 1 {
        format!("{key:016x}")
    } else {
        format!("{key:016x}:{occurrence}")
    };
    [(FINGERPRINT, value)].into()
}

fn evidence_location(paths: &Paths<'_>, e: &Evidence, id: usize) -> Location {
    let verb = match e.relation {
        Relation::Supports => "supports",
        Relation::Conflicts => "conflicts",
    };
    let mut text = format!("{verb}: {} (`{}`)", e.note, e.value);
    for c in &e.citations {
        text.push_str("; cites ");
        text.push_str(c);
    }
    Location {
        id: Some(id),
        physical_location: physical(paths, &e.value_span),
        message: Some(Text::new(text)),
    }
}

fn location(paths: &Paths<'_>, label: &Label, id: Option<usize>) -> Location {
    Location {
        id,
        physical_location: physical(paths, &label.span),
        message: label.message.clone().map(Text::new),
    }
}

fn physical(paths: &Paths<'_>, span: &Span) -> PhysicalLocation {
    let file = paths.sources.get(span.source);
    let bytes = file.clamp(span.bytes.clone());
    let (start_line, start_column) = utf16_position(file, bytes.start);
    let (end_line, end_column) = utf16_position(file, bytes.end);
    let text = file.text.get(bytes).unwrap_or("");
    PhysicalLocation {
        artifact_location: ArtifactLocation {
            uri: uri(&paths.path(span.source)),
        },
        region: Region {
            start_line,
            start_column,
            end_line,
            end_column,
            snippet: (!text.is_empty()).then(|| Text::new(text)),
        },
    }
}

/// 1-based line and column of a byte offset, the column counted in UTF-16 code units: SARIF's
/// default `columnKind` is `utf16CodeUnits`, so a Cyrillic letter counts one and a character
/// outside the Basic Multilingual Plane two. The count runs from the start of the line to the
/// offset (floored to a character boundary), plus one. An end offset gives the column of the
/// character after the region, as SARIF's `endColumn` wants.
fn utf16_position(file: &SourceFile, byte: usize) -> (usize, usize) {
    let mut byte = byte.min(file.text.len());
    while !file.text.is_char_boundary(byte) {
        byte -= 1;
    }
    let (line, _) = file.line_col(byte);
    let start = file.line_range(line).start.min(byte);
    let units: usize = file
        .text
        .get(start..byte)
        .unwrap_or("")
        .chars()
        .map(char::len_utf16)
        .sum();
    (line, units + 1)
}

/// Where the files of a run are, relative to where attest ran: claim files by the name they
/// were given, corpus documents under their corpus folder.
pub(crate) struct Paths<'a> {
    pub(crate) sources: &'a SourceMap,
    documents: HashMap<SourceId, String>,
    /// The only corpus folder, for files of it that are not documents (its catalogue).
    single_root: Option<&'a Path>,
}

impl<'a> Paths<'a> {
    pub(crate) fn new(sources: &'a SourceMap, corpora: &'a [Corpus]) -> Paths<'a> {
        let documents = corpora
            .iter()
            .flat_map(|c| {
                c.documents
                    .iter()
                    .map(|d| (d.source, normalize(&c.root.join(&d.name))))
            })
            .collect();
        let single_root = match corpora {
            [only] => Some(only.root.as_path()),
            _ => None,
        };
        Paths {
            sources,
            documents,
            single_root,
        }
    }

    /// The file's path, with `/` separators and no `.` or `..` that can be resolved.
    pub(crate) fn path(&self, id: SourceId) -> String {
        if let Some(path) = self.documents.get(&id) {
            return path.clone();
        }
        let name = self.sources.name(id);
        if let Some(root) = self.single_root {
            let in_corpus = root.join(name);
            if !Path::new(name).exists() && in_corpus.is_file() {
                return normalize(&in_corpus);
            }
        }
        normalize(Path::new(name))
    }
}

/// A path with `.` dropped and `name/..` resolved without touching the file system.
fn normalize(path: &Path) -> String {
    let mut root = String::new();
    let mut parts: Vec<String> = Vec::new();
    for c in path.components() {
        match c {
            Component::Prefix(p) => root.push_str(&p.as_os_str().to_string_lossy()),
            Component::RootDir => root.push('/'),
            Component::CurDir => {}
            Component::ParentDir => {
                if parts.last().is_some_and(|p| p != "..") {
                    parts.pop();
                } else if root.is_empty() {
                    parts.push("..".to_string());
                }
            }
            Component::Normal(n) => parts.push(n.to_string_lossy().replace('\\', "/")),
        }
    }
    if root.is_empty() && parts.is_empty() {
        return ".".to_string();
    }
    root + &parts.join("/")
}

/// A path as a URI reference: relative paths stay relative (code scanning resolves them against
/// the repository root), absolute ones become `file:` URIs.
fn uri(path: &str) -> String {
    let mut out = String::new();
    let absolute = Path::new(path).has_root();
    if absolute {
        out.push_str("file://");
        if !path.starts_with('/') {
            out.push('/');
        }
    }
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) || (b == b':' && absolute) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// FNV-1a, 64 bits, over the parts with a zero byte between them: small, stable across
/// platforms and releases, which is all a fingerprint needs.
fn fnv1a64<'s>(parts: impl IntoIterator<Item = &'s str>) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut hash = OFFSET;
    for (i, part) in parts.into_iter().enumerate() {
        let separator: &[u8] = if i == 0 { b"" } else { b"\0" };
        for &b in separator.iter().chain(part.as_bytes()) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(PRIME);
        }
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a64_matches_the_reference_values() {
        // Published FNV-1a 64 test vectors.
        let table: &[(&str, u64)] = &[
            ("", 0xcbf2_9ce4_8422_2325),
            ("a", 0xaf63_dc4c_8601_ec8c),
            ("foobar", 0x8594_4171_f739_67e8),
        ];
        for &(input, expect) in table {
            assert_eq!(fnv1a64([input]), expect, "{input:?}");
        }
        assert_ne!(fnv1a64(["ab", "c"]), fnv1a64(["a", "bc"]));
    }

    fn check_position(text: &str, byte: usize, expect: (usize, usize)) {
        let file = SourceFile::new("t", text);
        assert_eq!(utf16_position(&file, byte), expect, "{text:?} at {byte}");
    }

    #[test]
    fn columns_count_utf16_code_units() {
        check_position("abc", 0, (1, 1));
        check_position("abc", 3, (1, 4));
        check_position("x\nдата", "x\nда".len(), (2, 3));
        // U+1D11E takes two UTF-16 code units.
        check_position("𝄞z", "𝄞".len(), (1, 3));
        // Inside a character: floored to its start.
        check_position("дz", 1, (1, 1));
        check_position("a\r\nb", 4, (2, 2));
    }

    fn check_normalize(path: &str, expect: &str) {
        assert_eq!(normalize(Path::new(path)), expect, "{path}");
    }

    #[test]
    fn paths_are_normalised_lexically() {
        check_normalize("claims/../seeds/004.txt", "seeds/004.txt");
        check_normalize("./claims/x.yaml", "claims/x.yaml");
        check_normalize("../seeds/a.txt", "../seeds/a.txt");
        check_normalize("a/b/../../../c", "../c");
        check_normalize("/abs/./x/../y", "/abs/y");
    }

    fn check_uri(path: &str, expect: &str) {
        assert_eq!(uri(path), expect, "{path}");
    }

    #[test]
    fn uris_escape_what_is_not_a_path_character() {
        check_uri("seeds/004_a.txt", "seeds/004_a.txt");
        check_uri("my claims/x.yaml", "my%20claims/x.yaml");
        check_uri("заявки.yaml", "%D0%B7%D0%B0%D1%8F%D0%B2%D0%BA%D0%B8.yaml");
        check_uri("a:b.yaml", "a%3Ab.yaml");
        check_uri("/abs/x.yaml", "file:///abs/x.yaml");
    }

    #[test]
    fn every_code_gets_a_rule_description() {
        let table = [
            ("attest::claims::unknown_key", "claim file: unknown key"),
            ("attest::date::invalid_day", "date: invalid day"),
            ("attest::corpus::uncatalogued", "corpus: uncatalogued"),
            (
                "attest::judge::unexpected_verdict",
                "verdict: unexpected verdict",
            ),
            ("attest::io::output", "attest: output"),
        ];
        for (code, expect) in table {
            assert_eq!(code_rule(code).0, expect, "{code}");
        }
    }
}
