//! The regression report: the shipped claims checked against the shipped corpus, as people
//! and machines read it. Every change in a verdict or its evidence shows up here for review.

use attest::report::{self, Format, Style};

fn outcome() -> attest::Outcome {
    let options = attest::Options::new(vec!["claims/".into()]);
    attest::check(&options).expect("the shipped corpus loads")
}

#[test]
fn shipped_claims_meet_their_expectations() {
    let outcome = outcome();
    let wrong: Vec<String> = outcome
        .results
        .iter()
        .filter(|r| r.failed)
        .map(|r| format!("{}: {}", outcome.claim(r).id.value, r.judgement.reason))
        .collect();
    assert!(wrong.is_empty(), "{wrong:#?}");
    let verdicts: std::collections::BTreeSet<&str> = outcome
        .results
        .iter()
        .map(|r| r.judgement.verdict.as_str())
        .collect();
    assert_eq!(
        verdicts.len(),
        4,
        "the examples exercise every verdict: {verdicts:?}"
    );
}

#[test]
fn human_report() {
    let outcome = outcome();
    let mut out = Vec::new();
    report::check(&mut out, &outcome, Format::Human, Style::PLAIN, false).expect("writes to a Vec");
    insta::assert_snapshot!(String::from_utf8(out).expect("UTF-8"));
}

#[test]
fn human_report_verbose_shows_supported_claims() {
    let outcome = outcome();
    let mut out = Vec::new();
    report::check(&mut out, &outcome, Format::Human, Style::PLAIN, true).expect("writes to a Vec");
    let text = String::from_utf8(out).expect("UTF-8");
    assert!(text.contains("attest::judge::supported"));
    assert!(text.contains("moscow-treaty-concluded"));
}

#[test]
fn json_report() {
    let outcome = outcome();
    insta::assert_json_snapshot!(report::json::check(&outcome));
}

#[test]
fn conflicting_evidence_points_into_the_corpus() {
    let outcome = outcome();
    let result = outcome
        .results
        .iter()
        .find(|r| outcome.claim(r).id.value.as_str() == "ship-crews-300-men")
        .expect("the example claim exists");
    let e = &result.judgement.evidence[0];
    assert_eq!(e.source, "004_943bfa2c0ced0905.txt");
    let (line, _) = outcome.sources.line_col(&e.value_span);
    assert_eq!(
        line, 268,
        "`около 150 человек` stands on line 268 of the raw file"
    );
    assert!(e.value.contains("150"));
}

#[test]
fn a_session_reuses_an_unchanged_corpus_and_rereads_a_changed_one() {
    let dir = std::env::temp_dir().join(format!("attest-it-{}-session", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    std::fs::write(
        dir.join("kars.txt"),
        "On 13 October 1921 the treaty was signed in Kars.\n",
    )
    .expect("write");
    let claims = dir.join("claims.yaml");
    std::fs::write(&claims, "claims:\n  - id: kars\n    event: signing of the treaty in Kars\n    date: 13 October 1921\n").expect("write");
    let mut options = attest::Options::new(vec![claims]);
    options.corpus = Some(dir.clone());
    let mut session = attest::Session::default();
    let verdict = |session: &mut attest::Session| {
        let outcome = session.check(&options, &mut ()).expect("the corpus loads");
        let e = &outcome.results[0].judgement;
        (
            e.verdict,
            e.evidence
                .first()
                .map(|e| outcome.sources.line_col(&e.value_span)),
        )
    };
    let first = verdict(&mut session);
    assert_eq!(first.0, attest::judge::Verdict::Supported);
    assert_eq!(
        verdict(&mut session),
        first,
        "a re-used corpus gives the same verdict and positions"
    );
    std::fs::write(
        dir.join("kars.txt"),
        "On 14 October 1921 the treaty was signed in Kars.\n",
    )
    .expect("write");
    assert_eq!(
        verdict(&mut session).0,
        attest::judge::Verdict::Conflicting,
        "a changed corpus is read again"
    );
}
