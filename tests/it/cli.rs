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

/// A fresh, empty folder under the system's temporary folder.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("attest-it-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    dir
}

#[test]
fn init_writes_starter_files_and_never_overwrites_them() {
    let dir = scratch("init");
    let run = || {
        let output = Command::new(get_cargo_bin("attest"))
            .arg("init")
            .current_dir(&dir)
            .output()
            .expect("attest runs");
        assert_eq!(output.status.code(), Some(0));
        String::from_utf8(output.stdout).expect("UTF-8")
    };
    assert_eq!(run(), "created attest.toml\ncreated claims/example.yaml\n");
    std::fs::write(dir.join("attest.toml"), "# mine\n").expect("write");
    assert_eq!(
        run(),
        "kept    attest.toml (it exists)\nkept    claims/example.yaml (it exists)\n"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("attest.toml")).expect("read"),
        "# mine\n"
    );
}

#[test]
fn the_configuration_sets_defaults_and_flags_override_it() {
    let dir = scratch("config");
    let root = env!("CARGO_MANIFEST_DIR");
    std::fs::write(
        dir.join("attest.toml"),
        format!("[check]\nclaims = [\"{root}/tests/fixtures/claims/good-no-expectations.yaml\"]\ncorpus = \"{root}/seeds\"\nallow = [\"unsupported\"]\nformat = \"json\"\n"),
    )
    .expect("write");
    let output = Command::new(get_cargo_bin("attest"))
        .arg("check")
        .current_dir(&dir)
        .output()
        .expect("attest runs");
    assert_eq!(
        output.status.code(),
        Some(0),
        "unsupported is allowed by the configuration"
    );
    let json: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("the configured format is JSON");
    assert_eq!(json["summary"]["total"], 2);
    let output = Command::new(get_cargo_bin("attest"))
        .args(["check", "--deny", "unsupported", "--format", "human"])
        .current_dir(&dir)
        .output()
        .expect("attest runs");
    assert_eq!(
        output.status.code(),
        Some(1),
        "--deny overrides the configuration"
    );
    assert!(
        String::from_utf8_lossy(&output.stdout).contains("verdict"),
        "--format overrides it too"
    );
}

#[test]
fn a_bad_configuration_is_explained_and_exits_2() {
    let dir = scratch("bad-config");
    std::fs::write(dir.join("attest.toml"), "[check]\nformat = \"sarf\"\n").expect("write");
    let output = Command::new(get_cargo_bin("attest"))
        .arg("lint")
        .current_dir(&dir)
        .output()
        .expect("attest runs");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("attest::config::unknown_value"), "{stderr}");
    assert!(stderr.contains("did you mean `sarif`?"), "{stderr}");
}

#[test]
fn watch_checks_again_when_a_claim_file_changes() {
    use std::io::{BufRead, BufReader};
    use std::time::{Duration, Instant};

    let dir = scratch("watch");
    let claims = dir.join("claims.yaml");
    let claim = |date: &str| {
        format!(
            "claims:\n  - id: moscow-treaty\n    event: conclusion of the Treaty of Friendship and Brotherhood between the RSFSR and Turkey\n    date: {date}\n"
        )
    };
    std::fs::write(&claims, claim("16 March 1921")).expect("write");
    let mut child = Command::new(get_cargo_bin("attest"))
        .args(["check", "--watch", "--corpus"])
        .arg(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds"))
        .arg(&claims)
        .env("NO_COLOR", "1")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("attest starts");
    let stdout = child.stdout.take().expect("piped stdout");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let summary = |rx: &std::sync::mpsc::Receiver<String>| -> Option<String> {
        let deadline = Instant::now() + Duration::from_secs(30);
        let mut supported = None;
        while Instant::now() < deadline {
            match rx.recv_timeout(Duration::from_millis(200)) {
                Ok(line) if line.trim_start().starts_with("supported ") => supported = Some(line),
                Ok(line) if line.contains("claim checked") => return supported,
                _ => {}
            }
        }
        None
    };
    let first = summary(&rx);
    std::fs::write(&claims, claim("16 April 1921")).expect("write");
    let second = summary(&rx);
    let _ = child.kill();
    let _ = child.wait();
    let count =
        |line: Option<String>| line.and_then(|l| l.split_whitespace().last().map(str::to_string));
    assert_eq!(
        count(first).as_deref(),
        Some("1"),
        "the first check supports the claim"
    );
    assert_eq!(
        count(second).as_deref(),
        Some("0"),
        "the second check sees the changed date"
    );
}
