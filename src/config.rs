//! Configuration: `attest.toml`, found in the working folder or the nearest folder above it.
//! Command-line flags override it; paths in it are relative to its own folder.
//!
//! ```toml
//! [check]
//! claims = ["claims/"]                # what `attest check` and `attest lint` read by default
//! corpus = "seeds"                     # the corpus, unless a flag or a claim file names one
//! deny = ["conflicting", "contested"]  # verdicts that fail the run
//! allow = ["unsupported"]              # verdicts that do not
//! format = "human"                     # human | json | sarif | junit | github | markdown | html
//! html = "target/attest"               # also write the HTML report there
//! aliases = ["aliases.yaml"]           # files of other spellings: name -> [spellings]
//! ```
//!
//! Diagnostics emitted here: `attest::config::invalid` (TOML syntax, a wrong type, an unknown
//! key), `attest::config::unknown_value` (a verdict or format name attest does not know), and
//! `attest::config::aliases` (an alias file that cannot be read).

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::diagnostic::{Diagnostic, Label, did_you_mean};
use crate::judge::Verdict;
use crate::report::Format;
use crate::source::{SourceFile, SourceId, SourceMap, Span};

/// The file attest looks for.
pub const FILE_NAME: &str = "attest.toml";

/// `attest.toml` as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    #[serde(default)]
    check: RawCheck,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCheck {
    claims: Option<Vec<PathBuf>>,
    corpus: Option<PathBuf>,
    deny: Option<Vec<toml::Spanned<String>>>,
    allow: Option<Vec<toml::Spanned<String>>>,
    format: Option<toml::Spanned<String>>,
    html: Option<PathBuf>,
    aliases: Option<Vec<PathBuf>>,
}

/// The settings of `attest.toml`, validated, with paths resolved against its folder.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Config {
    /// Where the configuration was read from.
    pub path: Option<PathBuf>,
    pub claims: Option<Vec<PathBuf>>,
    pub corpus: Option<PathBuf>,
    pub deny: Option<Vec<Verdict>>,
    pub allow: Vec<Verdict>,
    pub format: Option<Format>,
    pub html: Option<PathBuf>,
    /// Other spellings of names, from the alias files.
    pub aliases: Vec<(String, Vec<String>)>,
}

/// The nearest `attest.toml` in `start` or a folder above it.
pub fn discover(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|dir| dir.join(FILE_NAME))
        .find(|p| p.is_file())
}

/// Read a configuration file. Problems are diagnostics; a configuration with errors is `None`.
pub fn load(path: &Path, sources: &mut SourceMap) -> (Option<Config>, Vec<Diagnostic>) {
    let name = path.to_string_lossy().replace('\\', "/");
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(err) => {
            let diag = Diagnostic::error(
                "attest::config::invalid",
                format!("cannot read `{name}`: {err}"),
            )
            .with_help("attest.toml must be a readable UTF-8 file");
            return (None, vec![diag]);
        }
    };
    let id = sources.add(SourceFile::new(name, text));
    let file = sources.get(id);
    let raw: Raw = match toml::from_str(&file.text) {
        Ok(raw) => raw,
        Err(err) => {
            let message = err.message().trim().to_string();
            let span = Span::new(id, file.clamp(err.span().unwrap_or(0..0)));
            let help = match message
                .strip_prefix("unknown field `")
                .and_then(|m| m.split('`').next())
            {
                Some(key) => match did_you_mean(key, KEYS) {
                    Some(k) => format!("did you mean `{k}`?"),
                    None => format!(
                        "[check] takes {}",
                        KEYS.map(|k| format!("`{k}`")).join(", ")
                    ),
                },
                None => "see the README's Configuration section".to_string(),
            };
            let diag = Diagnostic::error(
                "attest::config::invalid",
                format!("invalid attest.toml: {message}"),
            )
            .with_label(Label::bare(span))
            .with_help(help);
            return (None, vec![diag]);
        }
    };
    let base = path.parent().unwrap_or(Path::new("")).to_path_buf();
    let mut diags = Vec::new();
    let check = raw.check;
    let verdicts = |list: Option<Vec<toml::Spanned<String>>>, diags: &mut Vec<Diagnostic>| {
        list.map(|list| {
            list.into_iter()
                .filter_map(|v| named(id, &v, VERDICTS, "verdict", diags).map(|i| Verdict::ALL[i]))
                .collect::<Vec<_>>()
        })
    };
    let deny = verdicts(check.deny, &mut diags);
    let allow = verdicts(check.allow, &mut diags).unwrap_or_default();
    let format = check
        .format
        .and_then(|f| named(id, &f, FORMATS, "format", &mut diags).map(|i| FORMAT_VALUES[i]));
    let mut aliases = Vec::new();
    for file in check.aliases.unwrap_or_default() {
        match read_aliases(&base.join(&file)) {
            Ok(found) => aliases.extend(found),
            Err(message) => diags.push(
                Diagnostic::error(
                    "attest::config::aliases",
                    format!("cannot read alias file `{}`: {message}", file.display()),
                )
                .with_help(
                    "an alias file maps a name to its other spellings: `Angora: [Ankara, Анкара]`",
                ),
            ),
        }
    }
    let config = Config {
        path: Some(path.to_path_buf()),
        claims: check
            .claims
            .map(|c| c.into_iter().map(|p| base.join(p)).collect()),
        corpus: check.corpus.map(|p| base.join(p)),
        deny,
        allow,
        format,
        html: check.html.map(|p| base.join(p)),
        aliases,
    };
    let ok = !diags.iter().any(Diagnostic::is_error);
    (ok.then_some(config), diags)
}

const KEYS: [&str; 7] = [
    "claims", "corpus", "deny", "allow", "format", "html", "aliases",
];
const VERDICTS: &[&str] = &["supported", "conflicting", "contested", "unsupported"];
const FORMATS: &[&str] = &[
    "human", "json", "sarif", "junit", "github", "markdown", "html",
];
const FORMAT_VALUES: [Format; 7] = [
    Format::Human,
    Format::Json,
    Format::Sarif,
    Format::Junit,
    Format::Github,
    Format::Markdown,
    Format::Html,
];

/// The index of a known name, or a diagnostic on the value.
fn named(
    id: SourceId,
    value: &toml::Spanned<String>,
    known: &[&str],
    what: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<usize> {
    if let Some(i) = known.iter().position(|k| *k == value.get_ref()) {
        return Some(i);
    }
    let span: Range<usize> = value.span();
    let help = match did_you_mean(value.get_ref(), known.iter().copied()) {
        Some(k) => format!("did you mean `{k}`?"),
        None => format!(
            "a {what} is one of {}",
            known
                .iter()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    diags.push(
        Diagnostic::error(
            "attest::config::unknown_value",
            format!("`{}` is not a {what}", value.get_ref()),
        )
        .with_label(Label::bare(Span::new(id, span)))
        .with_help(help),
    );
    None
}

/// An alias file: a YAML mapping from a name to its other spellings (a list or one string).
fn read_aliases(path: &Path) -> Result<Vec<(String, Vec<String>)>, String> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Spellings {
        Many(Vec<String>),
        One(String),
    }
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let map: BTreeMap<String, Spellings> =
        marked_yaml::from_yaml(0, &text).map_err(|e| e.to_string())?;
    Ok(map
        .into_iter()
        .map(|(name, s)| {
            let spellings = match s {
                Spellings::Many(v) => v,
                Spellings::One(s) => vec![s],
            };
            (name, spellings)
        })
        .collect())
}

/// The starter configuration `attest init` writes.
pub const STARTER_CONFIG: &str = r#"# attest configuration: command-line flags override every setting here.
# Paths are relative to this file.

[check]
# Claim files, or folders of them, that `attest check` and `attest lint` read by default.
claims = ["claims/"]
# The corpus: a folder of UTF-8 .txt and .md sources, with an optional sources.yaml catalogue.
corpus = "seeds"
# Verdicts that fail the run (exit status 1) unless a claim's `expect:` names them.
deny = ["conflicting", "contested", "unsupported"]
# allow = ["unsupported"]
# Output format: human | json | sarif | junit | github | markdown | html
format = "human"
# Also write the HTML report to this folder.
# html = "target/attest"
# Files of other spellings of names (YAML: `Angora: [Ankara, Анкара]`), for every claim file.
# aliases = ["aliases.yaml"]
"#;

/// The starter claim file `attest init` writes.
pub const STARTER_CLAIMS: &str = r#"# A claim file: each claim names an event and the values an article states about it.
# Check it with `attest check`; see the README for the claim language.
article: My article
claims:
  - id: moscow-treaty-concluded
    text: The Treaty of Friendship and Brotherhood between the RSFSR and Turkey was concluded on 16 March 1921.
    event: conclusion of the Treaty of Friendship and Brotherhood between the RSFSR and Turkey
    date: 16 March 1921
    expect: supported
"#;

#[cfg(test)]
mod tests {
    use super::*;

    fn write(name: &str, text: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("attest-config-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join(FILE_NAME);
        std::fs::write(&path, text).expect("write config");
        path
    }

    #[test]
    fn the_starter_configuration_is_valid() {
        let path = write("starter", STARTER_CONFIG);
        let (config, diags) = load(&path, &mut SourceMap::default());
        assert!(diags.is_empty(), "{diags:?}");
        let config = config.expect("a configuration");
        assert_eq!(config.format, Some(Format::Human));
        assert_eq!(config.deny.map(|d| d.len()), Some(3));
        assert!(config.corpus.is_some_and(|c| c.ends_with("seeds")));
    }

    #[test]
    fn unknown_keys_and_values_point_at_the_file() {
        let path = write("bad", "[check]\ncorpse = \"seeds\"\n");
        let mut sources = SourceMap::default();
        let (config, diags) = load(&path, &mut sources);
        assert!(config.is_none());
        assert_eq!(diags[0].code, "attest::config::invalid");
        assert_eq!(diags[0].help.as_deref(), Some("did you mean `corpus`?"));
        let label = diags[0].primary.as_ref().expect("a label");
        assert_eq!(
            &sources.get(label.span.source).text[label.span.bytes.clone()],
            "corpse"
        );

        let path = write(
            "verdict",
            "[check]\ndeny = [\"conflictng\"]\nformat = \"sarif\"\n",
        );
        let mut sources = SourceMap::default();
        let (config, diags) = load(&path, &mut sources);
        assert!(config.is_none());
        assert_eq!(diags[0].code, "attest::config::unknown_value");
        assert_eq!(
            diags[0].help.as_deref(),
            Some("did you mean `conflicting`?")
        );
    }

    #[test]
    fn paths_are_relative_to_the_configuration() {
        let path = write(
            "paths",
            "[check]\nclaims = [\"c\"]\ncorpus = \"k\"\nhtml = \"h\"\n",
        );
        let (config, _) = load(&path, &mut SourceMap::default());
        let config = config.expect("a configuration");
        let dir = path.parent().expect("a folder");
        assert_eq!(config.claims, Some(vec![dir.join("c")]));
        assert_eq!(config.corpus, Some(dir.join("k")));
        assert_eq!(config.html, Some(dir.join("h")));
    }

    #[test]
    fn discovery_walks_up_from_the_working_folder() {
        let path = write("discover", "");
        let dir = path.parent().expect("a folder");
        let nested = dir.join("a/b");
        std::fs::create_dir_all(&nested).expect("nested dirs");
        assert_eq!(discover(&nested), Some(path.clone()));
    }
}
