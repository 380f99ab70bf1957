//! The machine formats (SARIF, JUnit, GitHub workflow commands, Markdown) on the shipped claims
//! and on a malformed claim file: a snapshot of each for review, and checks that each output is
//! valid in its own format and agrees with the outcome it renders.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use attest::judge::Verdict;
use attest::report::{self, Format, Style};

const SEVERAL_PROBLEMS: &str = "tests/fixtures/claims/bad-several-problems.yaml";
const NO_EXPECTATIONS: &str = "tests/fixtures/claims/good-no-expectations.yaml";

fn outcome_of(paths: &[&str]) -> attest::Outcome {
    let options = attest::Options::new(paths.iter().map(PathBuf::from).collect());
    attest::check(&options).expect("the shipped corpus loads")
}

fn outcome() -> attest::Outcome {
    outcome_of(&["claims/"])
}

fn render(outcome: &attest::Outcome, format: Format) -> String {
    let mut out = Vec::new();
    report::check(&mut out, outcome, format, Style::PLAIN, false).expect("writes to a Vec");
    String::from_utf8(out).expect("UTF-8")
}

fn render_lint(path: &str, format: Format) -> (attest::Linted, String) {
    let linted = attest::lint(&[PathBuf::from(path)]);
    let mut out = Vec::new();
    report::lint(&mut out, &linted, format, Style::PLAIN).expect("writes to a Vec");
    (linted, String::from_utf8(out).expect("UTF-8"))
}

fn findings(outcome: &attest::Outcome) -> usize {
    outcome
        .results
        .iter()
        .filter(|r| r.judgement.verdict != Verdict::Supported)
        .count()
}

// ---------------------------------------------------------------------------------------------
// Snapshots

#[test]
fn sarif_report() {
    insta::assert_snapshot!(render(&outcome(), Format::Sarif));
}

#[test]
fn junit_report() {
    insta::assert_snapshot!(render(&outcome(), Format::Junit));
}

#[test]
fn github_report() {
    insta::assert_snapshot!(render(&outcome(), Format::Github));
}

#[test]
fn markdown_report() {
    insta::assert_snapshot!(render(&outcome(), Format::Markdown));
}

#[test]
fn sarif_lint_of_a_malformed_file() {
    let (_, out) = render_lint(SEVERAL_PROBLEMS, Format::Sarif);
    insta::assert_snapshot!(out);
}

#[test]
fn github_lint_of_a_malformed_file() {
    let (_, out) = render_lint(SEVERAL_PROBLEMS, Format::Github);
    insta::assert_snapshot!(out);
}

#[test]
fn every_format_is_deterministic() {
    let (a, b) = (outcome(), outcome());
    for format in [
        Format::Sarif,
        Format::Junit,
        Format::Github,
        Format::Markdown,
    ] {
        let first = render(&a, format);
        assert!(!first.is_empty(), "{format:?} writes something");
        assert_eq!(first, render(&a, format), "{format:?} rendered twice");
        assert_eq!(first, render(&b, format), "{format:?} of a second run");
    }
    for format in [Format::Sarif, Format::Github] {
        let (_, first) = render_lint(SEVERAL_PROBLEMS, format);
        let (_, second) = render_lint(SEVERAL_PROBLEMS, format);
        assert_eq!(first, second, "{format:?} lint");
    }
}

// ---------------------------------------------------------------------------------------------
// SARIF

/// The SARIF parsed twice: into serde-sarif's types, generated from the SARIF 2.1.0 schema
/// (required properties and enumerations are checked there), and as plain JSON for the checks
/// below.
fn parse_sarif(text: &str) -> serde_json::Value {
    let typed: serde_sarif::sarif::Sarif =
        serde_json::from_str(text).expect("the output deserialises as SARIF 2.1.0");
    assert_eq!(typed.runs.len(), 1);
    assert_eq!(typed.runs[0].tool.driver.name, "attest");
    serde_json::from_str(text).expect("JSON")
}

/// The text a SARIF region covers, with columns counted in UTF-16 code units.
fn region_text(file: &str, region: &serde_json::Value) -> String {
    let num = |key: &str| {
        region[key]
            .as_u64()
            .unwrap_or_else(|| panic!("region has {key}: {region}")) as usize
    };
    let (start_line, start_col) = (num("startLine"), num("startColumn"));
    let (end_line, end_col) = (num("endLine"), num("endColumn"));
    assert!(start_line >= 1 && start_col >= 1, "1-based: {region}");
    assert!(
        (end_line, end_col) >= (start_line, start_col),
        "ends after it starts: {region}"
    );
    let units: Vec<Vec<u16>> = file
        .split('\n')
        .map(|l| l.encode_utf16().collect())
        .collect();
    let mut out: Vec<u16> = Vec::new();
    for line in start_line..=end_line {
        let l = &units[line - 1];
        let from = if line == start_line { start_col - 1 } else { 0 };
        let to = if line == end_line {
            end_col - 1
        } else {
            l.len()
        };
        out.extend(&l[from..to]);
        if line != end_line {
            out.push(u16::from(b'\n'));
        }
    }
    String::from_utf16(&out).expect("whole characters")
}

/// Every location of a SARIF log: a relative URI to a file that exists, and a region whose
/// snippet is the text it covers.
fn check_locations(locations: &serde_json::Value) -> usize {
    let mut checked = 0;
    for loc in locations.as_array().into_iter().flatten() {
        let physical = &loc["physicalLocation"];
        let uri = physical["artifactLocation"]["uri"].as_str().expect("a URI");
        assert!(!uri.contains(':') && !uri.contains(".."), "relative: {uri}");
        let file = std::fs::read_to_string(uri).unwrap_or_else(|e| panic!("{uri}: {e}"));
        let region = &physical["region"];
        let text = region_text(&file, region);
        if let Some(snippet) = region["snippet"]["text"].as_str() {
            assert_eq!(text, snippet, "{uri}: {region}");
        }
        checked += 1;
    }
    checked
}

#[test]
fn sarif_is_valid_and_locates_every_finding() {
    let outcome = outcome();
    let sarif = parse_sarif(&render(&outcome, Format::Sarif));
    assert_eq!(sarif["version"], "2.1.0");
    let run = &sarif["runs"][0];
    assert_eq!(run["columnKind"], "utf16CodeUnits");
    let rules: Vec<&str> = run["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules")
        .iter()
        .map(|r| {
            assert!(r["shortDescription"]["text"].is_string(), "{r}");
            assert!(r["help"]["text"].is_string(), "{r}");
            r["id"].as_str().expect("rule id")
        })
        .collect();
    let results = run["results"].as_array().expect("results");
    assert_eq!(
        results.len(),
        findings(&outcome) + outcome.diagnostics.len()
    );
    let mut fingerprints = BTreeSet::new();
    let mut related = 0;
    for r in results {
        let rule = r["ruleId"].as_str().expect("ruleId");
        let index = r["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(rules.get(index), Some(&rule), "ruleIndex points at ruleId");
        assert!(r["message"]["text"].is_string());
        let level = r["level"].as_str().expect("level");
        let expected_level = match rule {
            "attest::judge::conflicting" => "error",
            "attest::judge::contested" | "attest::judge::unsupported" => "warning",
            other => panic!("no diagnostics expected here: {other}"),
        };
        assert_eq!(level, expected_level, "{rule}");
        assert_eq!(check_locations(&r["locations"]), 1, "{r}");
        assert!(
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .is_some_and(|u| u.starts_with("claims/"))
        );
        related += check_locations(&r["relatedLocations"]);
        let fingerprint = r["partialFingerprints"]["attestFinding/v1"]
            .as_str()
            .expect("a fingerprint")
            .to_string();
        assert!(fingerprints.insert(fingerprint), "fingerprints are unique");
        // Every shipped claim expects its verdict.
        assert_eq!(r["suppressions"][0]["kind"], "inSource");
    }
    let evidence: usize = outcome
        .results
        .iter()
        .filter(|r| r.judgement.verdict != Verdict::Supported)
        .map(|r| r.judgement.evidence.len())
        .sum();
    assert_eq!(
        related, evidence,
        "every piece of evidence is a related location"
    );
}

#[test]
fn sarif_fingerprints_do_not_depend_on_lines() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("formats-fingerprints");
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    let original = std::fs::read_to_string(NO_EXPECTATIONS).expect("the fixture");
    let shifted = dir.join("shifted.yaml");
    std::fs::write(&shifted, format!("# moved\n\n\n{original}")).expect("written");
    let fingerprints = |path: &str| {
        let outcome = outcome_of(&[path]);
        let sarif = parse_sarif(&render(&outcome, Format::Sarif));
        sarif["runs"][0]["results"]
            .as_array()
            .expect("results")
            .iter()
            .map(|r| {
                (
                    r["partialFingerprints"]["attestFinding/v1"].to_string(),
                    r["locations"][0]["physicalLocation"]["region"]["startLine"].to_string(),
                )
            })
            .collect::<Vec<_>>()
    };
    let before = fingerprints(NO_EXPECTATIONS);
    let after = fingerprints(shifted.to_str().expect("UTF-8 path"));
    assert_eq!(before.len(), 1, "the fixture has one finding: {before:?}");
    assert_eq!(before[0].0, after[0].0, "same claim, same fingerprint");
    assert_ne!(before[0].1, after[0].1, "on another line");
}

#[test]
fn sarif_with_every_claim_supported_has_no_results() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("formats-supported");
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    let file = dir.join("supported.yaml");
    std::fs::write(
        &file,
        "claims:\n  - id: moscow-treaty-concluded\n    event: conclusion of the Treaty of \
         Friendship and Brotherhood between the RSFSR and Turkey\n    date: 16 March 1921\n",
    )
    .expect("written");
    let outcome = outcome_of(&[file.to_str().expect("UTF-8 path")]);
    assert_eq!(outcome.results.len(), 1);
    assert_eq!(outcome.results[0].judgement.verdict, Verdict::Supported);
    let sarif = parse_sarif(&render(&outcome, Format::Sarif));
    assert_eq!(sarif["runs"][0]["results"], serde_json::json!([]));
}

#[test]
fn sarif_lint_reports_every_problem() {
    let (linted, out) = render_lint(SEVERAL_PROBLEMS, Format::Sarif);
    let sarif = parse_sarif(&out);
    let run = &sarif["runs"][0];
    let results = run["results"].as_array().expect("results");
    assert_eq!(results.len(), linted.diagnostics.len());
    assert!(results.len() >= 3, "the fixture has several problems");
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    for (r, d) in results.iter().zip(&linted.diagnostics) {
        assert_eq!(r["ruleId"], d.code);
        assert_eq!(r["level"], "error");
        assert_eq!(check_locations(&r["locations"]), 1);
        let index = r["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(rules[index]["id"], d.code);
    }
    let codes: BTreeSet<&str> = linted.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(rules.len(), codes.len(), "one rule per code");
}

// ---------------------------------------------------------------------------------------------
// JUnit

fn check_junit(outcome: &attest::Outcome) {
    let xml = render(outcome, Format::Junit);
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "testsuites");
    let cases: Vec<_> = root
        .descendants()
        .filter(|n| n.has_tag_name("testcase"))
        .collect();
    let claims: usize = outcome.files.iter().map(|f| f.claims.len()).sum();
    let input_errors = outcome
        .diagnostics
        .iter()
        .filter(|d| d.is_error() && d.code != "attest::judge::unexpected_verdict")
        .count();
    assert_eq!(cases.len(), claims + input_errors);
    let failed: BTreeSet<String> = outcome
        .results
        .iter()
        .filter(|r| r.failed)
        .map(|r| outcome.claim(r).id.value.to_string())
        .collect();
    let failures: BTreeSet<String> = cases
        .iter()
        .filter(|c| c.children().any(|n| n.has_tag_name("failure")))
        .map(|c| c.attribute("name").expect("a name").to_string())
        .collect();
    assert_eq!(failures, failed);
    let attr_sum = |name: &str| -> usize {
        root.children()
            .filter(|n| n.has_tag_name("testsuite"))
            .map(|s| {
                s.attribute(name)
                    .and_then(|v| v.parse::<usize>().ok())
                    .expect(name)
            })
            .sum()
    };
    assert_eq!(attr_sum("tests"), cases.len());
    assert_eq!(attr_sum("failures"), failed.len());
    assert_eq!(
        root.attribute("failures"),
        Some(failed.len().to_string().as_str())
    );
    for r in &outcome.results {
        let claim = outcome.claim(r);
        let file = outcome.sources.name(claim.source);
        assert!(
            cases
                .iter()
                .any(|c| c.attribute("name") == Some(claim.id.value.as_str())
                    && c.attribute("classname") == Some(file)),
            "a test case for {} in {file}",
            claim.id.value
        );
    }
}

#[test]
fn junit_has_a_test_case_per_claim() {
    check_junit(&outcome());
}

#[test]
fn junit_failures_carry_reason_and_evidence() {
    let mut outcome = outcome();
    // Deny every verdict that is not supported, whatever the claim file expects.
    for r in &mut outcome.results {
        r.failed = r.judgement.verdict != Verdict::Supported;
    }
    check_junit(&outcome);
    let xml = render(&outcome, Format::Junit);
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let failure = doc
        .descendants()
        .filter(|n| n.has_tag_name("testcase"))
        .find(|n| n.attribute("name") == Some("ship-crews-300-men"))
        .and_then(|n| n.children().find(|c| c.has_tag_name("failure")))
        .expect("the conflicting claim fails");
    assert!(
        failure
            .attribute("message")
            .is_some_and(|m| m.starts_with("claim is conflicting: "))
    );
    let text = failure.text().expect("evidence");
    assert!(
        text.contains("seeds/004_943bfa2c0ced0905.txt:268:"),
        "{text}"
    );
    assert!(text.contains("около 150 человек"), "{text}");
    assert!(text.contains("cites: note 21"), "{text}");
}

#[test]
fn junit_of_a_run_with_failures_and_bad_files() {
    let outcome = outcome_of(&[NO_EXPECTATIONS, SEVERAL_PROBLEMS]);
    assert!(outcome.results.iter().any(|r| r.failed));
    assert!(outcome.has_errors());
    check_junit(&outcome);
    let xml = render(&outcome, Format::Junit);
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let errors = doc
        .descendants()
        .filter(|n| n.has_tag_name("error"))
        .count();
    assert_eq!(
        errors,
        outcome.diagnostics.iter().filter(|d| d.is_error()).count()
    );
}

// ---------------------------------------------------------------------------------------------
// GitHub workflow commands

#[derive(Debug)]
struct Command {
    level: String,
    properties: BTreeMap<String, String>,
    message: String,
}

fn unescape(s: &str) -> String {
    s.replace("%0D", "\r")
        .replace("%0A", "\n")
        .replace("%3A", ":")
        .replace("%2C", ",")
        .replace("%25", "%")
}

/// One line as the runner reads it: `::level key=value,…::message`.
fn parse_command(line: &str) -> Command {
    let rest = line.strip_prefix("::").expect("starts with ::");
    let (level, rest) = rest.split_once(' ').expect("properties follow the level");
    assert!(
        matches!(level, "error" | "warning" | "notice"),
        "level: {line}"
    );
    let (props, message) = rest.split_once("::").expect("`::` ends the properties");
    assert!(!message.contains('\r'), "no raw carriage return: {line}");
    let mut properties = BTreeMap::new();
    for prop in props.split(',') {
        let (key, value) = prop.split_once('=').expect("key=value");
        assert!(
            matches!(
                key,
                "file" | "line" | "col" | "endLine" | "endColumn" | "title"
            ),
            "known key {key}: {line}"
        );
        assert!(!value.contains(':'), "`:` is escaped in properties: {line}");
        properties.insert(key.to_string(), unescape(value));
    }
    Command {
        level: level.to_string(),
        properties,
        message: unescape(message),
    }
}

fn check_command(c: &Command) {
    let title = c.properties.get("title").expect("a title");
    assert!(title.starts_with("attest::"), "{c:?}");
    assert!(!c.message.is_empty());
    if let Some(file) = c.properties.get("file") {
        let text = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{file}: {e}"));
        let lines = text.lines().count();
        let num = |k: &str| c.properties.get(k).map(|v| v.parse::<usize>().expect(k));
        let line = num("line").expect("a line");
        let end = num("endLine").expect("an end line");
        assert!(
            (1..=lines).contains(&line) && line <= end && end <= lines,
            "{c:?}"
        );
        if let (Some(col), Some(end_col)) = (num("col"), num("endColumn")) {
            assert_eq!(line, end, "columns only on one line: {c:?}");
            assert!(1 <= col && col <= end_col, "{c:?}");
        }
    }
}

#[test]
fn github_commands_parse_and_point_at_files() {
    let outcome = outcome();
    let out = render(&outcome, Format::Github);
    let commands: Vec<Command> = out.lines().map(parse_command).collect();
    assert_eq!(
        commands.len(),
        findings(&outcome) + outcome.diagnostics.len()
    );
    for c in &commands {
        check_command(c);
        assert!(c.properties.contains_key("file"), "{c:?}");
        // Every shipped claim expects its verdict, so none fails the run.
        assert_eq!(c.level, "notice");
    }
    let ship = commands
        .iter()
        .find(|c| c.message.contains("ship-crews-300-men"))
        .expect("the conflicting claim");
    assert_eq!(ship.properties["title"], "attest::judge::conflicting");
    assert!(
        ship.message
            .contains("\nconflicts: seeds/004_943bfa2c0ced0905.txt:268: `около 150 человек`")
    );
}

#[test]
fn github_levels_follow_failures() {
    let outcome = outcome_of(&[NO_EXPECTATIONS]);
    let out = render(&outcome, Format::Github);
    let commands: Vec<Command> = out.lines().map(parse_command).collect();
    assert_eq!(commands.len(), 1, "{out}");
    check_command(&commands[0]);
    assert_eq!(
        commands[0].level, "warning",
        "an unsupported claim that fails"
    );
}

#[test]
fn github_lint_reports_every_problem() {
    let (linted, out) = render_lint(SEVERAL_PROBLEMS, Format::Github);
    let commands: Vec<Command> = out.lines().map(parse_command).collect();
    assert_eq!(commands.len(), linted.diagnostics.len());
    for (c, d) in commands.iter().zip(&linted.diagnostics) {
        check_command(c);
        assert_eq!(c.level, "error");
        assert_eq!(c.properties["title"], d.code);
        assert_eq!(
            c.properties.get("file").map(String::as_str),
            Some(SEVERAL_PROBLEMS)
        );
        assert!(c.message.starts_with(&d.message));
    }
}

// ---------------------------------------------------------------------------------------------
// Markdown

#[test]
fn markdown_summary_counts_match_the_outcome() {
    for mut outcome in [outcome(), outcome_of(&[NO_EXPECTATIONS])] {
        if outcome.results.len() > 2 {
            outcome.results[1].failed = true;
        }
        let md = render(&outcome, Format::Markdown);
        let mut rows: BTreeMap<String, (usize, usize)> = BTreeMap::new();
        for line in md.lines().filter(|l| l.starts_with("| ")) {
            let cells: Vec<&str> = line
                .trim_matches('|')
                .split('|')
                .map(|c| c.trim().trim_matches('*'))
                .collect();
            let [name, count, failed] = cells[..] else {
                panic!("three cells: {line}");
            };
            if let (Ok(count), Ok(failed)) = (count.parse(), failed.parse()) {
                rows.insert(name.to_string(), (count, failed));
            }
        }
        for v in Verdict::ALL {
            let of: Vec<_> = outcome
                .results
                .iter()
                .filter(|r| r.judgement.verdict == v)
                .collect();
            let failed = of.iter().filter(|r| r.failed).count();
            assert_eq!(rows.get(v.as_str()), Some(&(of.len(), failed)), "{v:?}");
        }
        let failed = outcome.results.iter().filter(|r| r.failed).count();
        assert_eq!(rows.get("total"), Some(&(outcome.results.len(), failed)));
        let sections = md.lines().filter(|l| l.starts_with("#### ")).count();
        assert_eq!(sections, findings(&outcome));
    }
}
