//! The command line end to end: exit codes, and what each command prints.

use insta_cmd::{assert_cmd_snapshot, get_cargo_bin};
use std::process::Command;

fn attest() -> Command {
    let mut cmd = Command::new(get_cargo_bin("attest"));
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1");
    cmd
}

fn exit_code(cmd: &mut Command) -> i32 {
    cmd.output()
        .expect("attest runs")
        .status
        .code()
        .expect("attest exits normally")
}

#[test]
fn help_shows_examples_and_exit_codes() {
    assert_cmd_snapshot!(attest().arg("--help"));
}

#[test]
fn lint_accepts_the_shipped_claims() {
    assert_cmd_snapshot!(attest().arg("lint"));
}

#[test]
fn lint_points_at_a_misspelt_key_and_exits_2() {
    assert_cmd_snapshot!(attest().args(["lint", "tests/fixtures/claims/bad-unknown-key.yaml"]));
}

#[test]
fn lint_reports_every_bad_file_of_a_folder_in_one_run() {
    let output = attest()
        .args(["lint", "tests/fixtures/claims"])
        .output()
        .expect("attest runs");
    assert_eq!(output.status.code(), Some(2));
    let stdout = String::from_utf8_lossy(&output.stdout);
    for file in [
        "bad-invalid-day.yaml",
        "bad-unknown-month.yaml",
        "bad-not-utf8.yaml",
        "bad-duplicate-id.yaml",
    ] {
        assert!(stdout.contains(file), "{file} is not reported:\n{stdout}");
    }
}

#[test]
fn lint_of_a_missing_path_exits_2() {
    assert_cmd_snapshot!(attest().args(["lint", "no/such/claims.yaml"]));
}

#[test]
fn lint_json_lists_diagnostics_with_positions() {
    let output = attest()
        .args([
            "lint",
            "tests/fixtures/claims/bad-invalid-day.yaml",
            "--format",
            "json",
        ])
        .output()
        .expect("attest runs");
    assert_eq!(output.status.code(), Some(2));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON on stdout");
    let d = &json["diagnostics"][0];
    assert_eq!(d["code"], "attest::date::invalid_day");
    assert_eq!(d["line"], 4);
    assert_eq!(d["column"], 11);
}

#[test]
fn check_of_the_shipped_claims_passes() {
    assert_eq!(exit_code(attest().arg("check")), 0);
}

#[test]
fn unsupported_claims_fail_the_run_unless_allowed() {
    let claims = "tests/fixtures/claims/good-no-expectations.yaml";
    assert_eq!(exit_code(attest().args(["check", claims])), 1);
    assert_eq!(
        exit_code(attest().args(["check", claims, "--allow", "unsupported"])),
        0
    );
    assert_eq!(
        exit_code(attest().args(["check", claims, "--deny", "conflicting"])),
        0
    );
    assert_eq!(
        exit_code(attest().args(["check", claims, "--deny", "supported"])),
        1
    );
}

#[test]
fn check_against_a_missing_corpus_exits_2() {
    assert_cmd_snapshot!(attest().args([
        "check",
        "claims/",
        "--corpus",
        "tests/fixtures/corpus/missing"
    ]));
}

#[test]
fn check_against_an_empty_corpus_exits_2() {
    assert_cmd_snapshot!(attest().args([
        "check",
        "claims/",
        "--corpus",
        "tests/fixtures/corpus/empty"
    ]));
}

#[test]
fn unusable_corpus_files_are_skipped_with_a_warning() {
    assert_cmd_snapshot!(attest().args([
        "check",
        "tests/fixtures/claims/good-kars.yaml",
        "--corpus",
        "tests/fixtures/corpus/mixed",
    ]));
}

#[test]
fn check_json_is_valid_and_carries_every_claim() {
    let output = attest()
        .args(["check", "--format", "json"])
        .output()
        .expect("attest runs");
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON on stdout");
    let claims = json["claims"].as_array().expect("a claims array");
    assert!(claims.len() >= 10);
    for c in claims {
        for key in [
            "id", "file", "line", "verdict", "reason", "parsed", "evidence",
        ] {
            assert!(c.get(key).is_some(), "claim without {key}: {c}");
        }
    }
    assert_eq!(json["summary"]["total"].as_u64(), Some(claims.len() as u64));
}

#[test]
fn extract_of_an_unknown_source_exits_2() {
    assert_cmd_snapshot!(attest().args(["extract", "nosuch.txt"]));
}

#[test]
fn sources_lists_the_catalogue() {
    assert_cmd_snapshot!(attest().arg("sources"));
}
