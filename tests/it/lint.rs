//! Every malformed claim file under tests/fixtures/claims/ is explained back precisely.

use attest::report::{self, Format, Style};

fn render(path: &std::path::Path) -> (attest::Linted, String) {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let relative = path.strip_prefix(root).unwrap_or(path).to_path_buf();
    let linted = attest::lint(&[relative]);
    let mut out = Vec::new();
    report::lint(&mut out, &linted, Format::Human, Style::PLAIN).expect("writes to a Vec");
    (linted, String::from_utf8(out).expect("reports are UTF-8"))
}

#[test]
fn malformed_claim_files_are_explained() {
    insta::glob!("../fixtures/claims", "bad-*.yaml", |path| {
        let (linted, text) = render(path);
        assert!(
            linted.has_errors(),
            "{} should not lint clean",
            path.display()
        );
        // Every error points into the file, except an unreadable file, which has nowhere to point.
        for d in linted.diagnostics.iter().filter(|d| d.is_error()) {
            assert!(
                d.primary.is_some(),
                "{}: `{}` has no label",
                path.display(),
                d.code
            );
            assert!(
                d.help.is_some(),
                "{}: `{}` has no help",
                path.display(),
                d.code
            );
        }
        insta::assert_snapshot!(text);
    });
}

#[test]
fn one_run_reports_every_problem_of_a_file() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/claims/bad-several-problems.yaml");
    let (linted, _) = render(&path);
    let codes: Vec<&str> = linted.diagnostics.iter().map(|d| d.code).collect();
    assert!(codes.contains(&"attest::claims::unknown_key"), "{codes:?}");
    assert!(codes.contains(&"attest::date::invalid_day"), "{codes:?}");
    assert!(codes.contains(&"attest::date::unknown_month"), "{codes:?}");
    assert!(codes.len() >= 4, "{codes:?}");
}

#[test]
fn shipped_claim_files_lint_clean() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let linted = attest::lint(&[root.join("claims")]);
    let errors: Vec<_> = linted
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| (d.code, d.message.clone()))
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    assert!(linted.claim_count() >= 10);
}
