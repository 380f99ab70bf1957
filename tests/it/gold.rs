//! Verdict accuracy on the gold-labelled development claims.
//!
//! This test reads `../shared/gold/dev.yaml`, which sits beside the project in CI but not in a
//! user's clone: without it, the test says so and passes without checking anything.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

const GOLD: &str = "../shared/gold/dev.yaml";
const VERDICTS: [&str; 4] = ["supported", "conflicting", "contested", "unsupported"];

/// Floors, set below the measured figures so that a real regression fails the build.
const MIN_ACCURACY: f64 = 0.85;
const MIN_ERRORS_CAUGHT: f64 = 0.85;
const MIN_EVIDENCE_LOCATED: f64 = 0.85;

#[derive(Deserialize)]
struct GoldFile {
    claims: Vec<GoldClaim>,
}

#[derive(Deserialize)]
struct GoldClaim {
    id: String,
    expect: String,
    #[serde(rename = "x-evidence", default)]
    evidence: Vec<String>,
}

#[test]
fn gold_verdicts() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let gold_path = root.join(GOLD);
    let Ok(text) = std::fs::read_to_string(&gold_path) else {
        eprintln!("skipped: {GOLD} is not beside this checkout");
        return;
    };
    let gold: GoldFile = marked_yaml::from_yaml(0, &text).expect("the gold file is valid YAML");

    // The gold file is itself a claim file: `expect` is a claim key and `x-` keys are ignored.
    let mut options = attest::Options::new(vec![gold_path.clone()]);
    options.corpus = Some(root.join("seeds"));
    let outcome = attest::check(&options).expect("the seeds load");
    let lint_errors: Vec<_> = outcome
        .diagnostics
        .iter()
        .filter(|d| d.is_error() && d.code != "attest::judge::unexpected_verdict")
        .map(|d| d.message.clone())
        .collect();
    assert!(lint_errors.is_empty(), "{lint_errors:?}");

    let got: BTreeMap<&str, &attest::ClaimResult> = outcome
        .results
        .iter()
        .map(|r| (outcome.claim(r).id.value.as_str(), r))
        .collect();
    let mut confusion: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    let mut table = String::new();
    let (mut correct, mut conflicts, mut caught, mut located, mut with_evidence) = (0, 0, 0, 0, 0);
    for claim in &gold.claims {
        let result = got
            .get(claim.id.as_str())
            .expect("every gold claim is judged");
        let verdict = result.judgement.verdict.as_str();
        *confusion
            .entry((claim.expect.as_str(), verdict))
            .or_default() += 1;
        correct += usize::from(verdict == claim.expect);
        if matches!(claim.expect.as_str(), "conflicting" | "contested") {
            conflicts += 1;
            caught += usize::from(verdict != "supported");
        }
        let mut near = false;
        if claim.expect != "unsupported" && !claim.evidence.is_empty() {
            with_evidence += 1;
            near = result.judgement.evidence.iter().any(|e| {
                let (line, _) = outcome.sources.line_col(&e.value_span);
                claim.evidence.iter().any(|g| {
                    let (file, gold_line) = g.rsplit_once(':').expect("FILE:LINE");
                    let gold_line: usize = gold_line.parse().expect("a line number");
                    file == e.source && line.abs_diff(gold_line) <= 3
                })
            });
            located += usize::from(near);
        }
        let mark = if verdict == claim.expect { " " } else { "✗" };
        let place = if near {
            ""
        } else if with_evidence > 0 && claim.expect != "unsupported" && !claim.evidence.is_empty() {
            " (evidence not located)"
        } else {
            ""
        };
        table.push_str(&format!(
            "{mark} {:<48} {:<12} {verdict}{place}\n",
            claim.id, claim.expect
        ));
    }

    let n = gold.claims.len();
    let accuracy = correct as f64 / n as f64;
    let errors_caught = if conflicts == 0 {
        1.0
    } else {
        caught as f64 / conflicts as f64
    };
    let evidence_located = if with_evidence == 0 {
        1.0
    } else {
        located as f64 / with_evidence as f64
    };
    eprintln!(
        "gold \\ got    {}",
        VERDICTS.map(|v| format!("{v:>12}")).join("")
    );
    for expect in VERDICTS {
        let row: String = VERDICTS
            .iter()
            .map(|got| format!("{:>12}", confusion.get(&(expect, *got)).unwrap_or(&0)))
            .collect();
        eprintln!("{expect:<13}{row}");
    }
    eprintln!(
        "accuracy {accuracy:.3} ({correct}/{n}), errors caught {errors_caught:.3}, evidence located {evidence_located:.3}"
    );

    insta::assert_snapshot!(table);
    assert!(
        accuracy >= MIN_ACCURACY,
        "accuracy {accuracy:.3} < {MIN_ACCURACY}"
    );
    assert!(
        errors_caught >= MIN_ERRORS_CAUGHT,
        "errors caught {errors_caught:.3} < {MIN_ERRORS_CAUGHT}"
    );
    assert!(
        evidence_located >= MIN_EVIDENCE_LOCATED,
        "evidence located {evidence_located:.3} < {MIN_EVIDENCE_LOCATED}"
    );
}
