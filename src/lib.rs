//! attest checks the claims of a historical article against a corpus of sources.
//!
//! An editor writes the claims an article makes (dates, figures, participants, places, quotes,
//! the source cited) in a YAML claim file. attest resolves each claim against the passages of a
//! local, multilingual corpus and reports, for every claim, the evidence that supports it,
//! conflicts with it, or that there is none, with diagnostics that point into both the claim file
//! and the source passage.
//!
//! The pipeline, one module per stage:
//!
//! 1. [`value`]: the value types of the claim language (dates, figures, references) and their
//!    grammars, shared by claim files and extraction.
//! 2. [`claims`]: claim files, read with spans.
//! 3. [`corpus`]: source documents, normalised, split into passages, with their citations.
//! 4. [`extract`]: names, terms and quotes read out of the text.
//! 5. [`retrieve`]: candidate passages for a claim.
//! 6. [`judge`]: the verdict on each claim and its evidence.
//! 7. [`report`]: rendering for people and machines.
//!
//! ```no_run
//! let options = attest::Options::new(vec!["claims/".into()]);
//! let outcome = attest::check(&options)?;
//! for result in &outcome.results {
//!     let claim = outcome.claim(result);
//!     println!("{}: {}", claim.id.value, result.judgement.verdict.as_str());
//! }
//! # Ok::<(), attest::corpus::CorpusError>(())
//! ```
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod claims;
pub mod cli;
pub mod config;
pub mod corpus;
pub mod diagnostic;
pub mod extract;
pub mod judge;
pub mod report;
pub mod retrieve;
pub mod source;
pub mod value;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use claims::{Claim, ClaimFile};
use corpus::{Corpus, CorpusError};
use diagnostic::{Diagnostic, Label};
use judge::{Judgement, Verdict};
use source::SourceMap;

/// The corpus used when neither the command line nor a claim file names one.
pub const DEFAULT_CORPUS: &str = "seeds";

/// What to check and what counts as a failure.
#[derive(Clone, Debug)]
pub struct Options {
    /// Claim files, or folders searched for `*.yaml` / `*.yml`.
    pub paths: Vec<PathBuf>,
    /// Overrides every claim file's `corpus:`.
    pub corpus: Option<PathBuf>,
    /// Verdicts that fail the run, unless a claim's `expect:` names its verdict.
    pub deny: BTreeSet<Verdict>,
    /// Other spellings of names, for every claim file (from the configuration).
    pub aliases: Vec<(String, Vec<String>)>,
}

impl Options {
    pub fn new(paths: Vec<PathBuf>) -> Options {
        Options {
            paths,
            corpus: None,
            deny: [
                Verdict::Conflicting,
                Verdict::Contested,
                Verdict::Unsupported,
            ]
            .into(),
            aliases: Vec::new(),
        }
    }
}

/// Claim files as read, with every problem found in them.
#[derive(Debug, Default)]
pub struct Linted {
    pub sources: SourceMap,
    pub files: Vec<ClaimFile>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Linted {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    pub fn claim_count(&self) -> usize {
        self.files.iter().map(|f| f.claims.len()).sum()
    }
}

/// The verdict on one claim.
#[derive(Clone, Debug)]
pub struct ClaimResult {
    /// Index into [`Outcome::files`].
    pub file: usize,
    /// Index into that file's claims.
    pub claim: usize,
    pub judgement: Judgement,
    /// The verdict fails the run: it is denied and the claim did not expect it.
    pub failed: bool,
}

/// Everything a check found: the claims, their verdicts, and the problems in the input.
#[derive(Debug)]
pub struct Outcome {
    pub sources: SourceMap,
    pub files: Vec<ClaimFile>,
    /// Problems in the input and verdicts that contradict an `expect:`, in file order.
    pub diagnostics: Vec<Diagnostic>,
    pub results: Vec<ClaimResult>,
    pub corpora: Vec<Corpus>,
}

impl Outcome {
    pub fn claim(&self, result: &ClaimResult) -> &Claim {
        &self.files[result.file].claims[result.claim]
    }

    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// What stops a run before any claim is judged.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum Fatal {
    #[error(transparent)]
    #[diagnostic(transparent)]
    Corpus(#[from] CorpusError),
    #[error("no source `{name}` in corpus `{corpus}`")]
    #[diagnostic(
        code(attest::corpus::no_such_source),
        help("`attest sources` lists the corpus; name a file as it lists it")
    )]
    NoSuchSource { name: String, corpus: PathBuf },
    #[error("cannot write the report")]
    #[diagnostic(code(attest::io::output))]
    Output(#[source] std::io::Error),
    #[error("cannot write `{path}`")]
    #[diagnostic(
        code(attest::io::write),
        help("check that the folder can be written to")
    )]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// A corpus with the files it was read from.
#[derive(Debug)]
pub struct Loaded {
    pub sources: SourceMap,
    pub corpus: Corpus,
    pub diagnostics: Vec<Diagnostic>,
}

/// Load a corpus folder (default [`DEFAULT_CORPUS`]).
pub fn load_corpus(dir: Option<&Path>) -> Result<Loaded, Fatal> {
    let dir = dir.map_or_else(|| PathBuf::from(DEFAULT_CORPUS), Path::to_path_buf);
    let mut sources = SourceMap::default();
    let (corpus, diagnostics) = corpus::load(&dir, &mut sources)?;
    Ok(Loaded {
        sources,
        corpus,
        diagnostics,
    })
}

/// One document of a corpus and what extraction reads out of it.
#[derive(Debug)]
pub struct Extracted {
    pub loaded: Loaded,
    /// Index into `loaded.corpus.documents`.
    pub doc: usize,
    pub mentions: extract::Mentions,
    pub names: Vec<extract::name::NameMention>,
    pub quotes: Vec<extract::quote::QuoteMention>,
    /// The gazetteer the names were resolved with.
    pub gazetteer: extract::name::Gazetteer,
}

/// Run extraction on one source, named as the corpus lists it or by a path to it.
pub fn extract_source(source: &Path, corpus: Option<&Path>) -> Result<Extracted, Fatal> {
    let loaded = load_corpus(corpus)?;
    let wanted = source.to_string_lossy().replace('\\', "/");
    let file_name = source.file_name().map(|n| n.to_string_lossy().into_owned());
    let doc = loaded
        .corpus
        .documents
        .iter()
        .position(|d| {
            d.name == wanted
                || wanted.ends_with(&format!("/{}", d.name))
                || Some(&d.name) == file_name.as_ref()
        })
        .ok_or_else(|| Fatal::NoSuchSource {
            name: wanted.clone(),
            corpus: loaded.corpus.root.clone(),
        })?;
    let document = &loaded.corpus.documents[doc];
    let gazetteer = extract::name::Gazetteer::builtin();
    let mentions = extract::mentions(document);
    let names = extract::names(document, &gazetteer);
    let quotes = extract::quotes(document);
    Ok(Extracted {
        loaded,
        doc,
        mentions,
        names,
        quotes,
        gazetteer,
    })
}

/// Read and validate claim files without consulting any corpus.
pub fn lint(paths: &[PathBuf]) -> Linted {
    let mut linted = Linted::default();
    for path in claim_files(paths, &mut linted.diagnostics) {
        let (file, mut diags) = claims::parse(&path, &mut linted.sources);
        diags.sort_by_key(|d| d.primary.as_ref().map(|l| l.span.bytes.start));
        linted.diagnostics.extend(diags);
        linted.files.extend(file);
    }
    let dups = claims::duplicate_ids(&linted.files, &linted.sources);
    linted.diagnostics.extend(dups);
    linted
}

/// Check every claim of the given files against its corpus.
pub fn check(options: &Options) -> Result<Outcome, CorpusError> {
    Session::default().check(options, &mut ())
}

/// Told how far a check has come, for a progress bar.
pub trait Progress {
    /// `done` of `total` claims are judged.
    fn judged(&mut self, done: usize, total: usize);
}

impl Progress for () {
    fn judged(&mut self, _: usize, _: usize) {}
}

/// Checks that share what they loaded: a corpus whose files have not changed since the last
/// check is not read again (`attest check --watch`).
#[derive(Debug, Default)]
pub struct Session {
    corpora: BTreeMap<PathBuf, Cached>,
}

/// A corpus as loaded, with the stamp of its files at the time.
#[derive(Debug)]
struct Cached {
    stamp: Stamp,
    corpus: Corpus,
}

/// The names, sizes and modification times of every file below a folder.
pub type Stamp = Vec<(PathBuf, u64, Option<std::time::SystemTime>)>;

/// Stamp the files below `path` (or `path` itself), to tell when any of them changes.
pub fn stamp(path: &Path) -> Stamp {
    let mut out = Vec::new();
    stamp_into(path, &mut out);
    out.sort();
    out
}

fn stamp_into(path: &Path, out: &mut Stamp) {
    if path.is_dir() {
        let Ok(entries) = std::fs::read_dir(path) else {
            return;
        };
        for entry in entries.flatten() {
            stamp_into(&entry.path(), out);
        }
    } else if let Ok(meta) = std::fs::metadata(path) {
        out.push((path.to_path_buf(), meta.len(), meta.modified().ok()));
    }
}

impl Session {
    /// Check every claim of the given files against its corpus.
    pub fn check(
        &mut self,
        options: &Options,
        progress: &mut dyn Progress,
    ) -> Result<Outcome, CorpusError> {
        let Linted {
            mut sources,
            files,
            mut diagnostics,
        } = lint(&options.paths);

        let default = PathBuf::from(DEFAULT_CORPUS);
        let corpus_of = |file: &ClaimFile| -> PathBuf {
            options
                .corpus
                .clone()
                .or_else(|| file.corpus.as_ref().map(|c| c.value.clone()))
                .unwrap_or_else(|| default.clone())
        };
        let mut corpora: Vec<Corpus> = Vec::new();
        let mut corpus_index: BTreeMap<PathBuf, usize> = BTreeMap::new();
        let wanted: BTreeSet<PathBuf> = files.iter().map(corpus_of).collect();
        for dir in wanted {
            let corpus = self.corpus(&dir, &mut sources, &mut diagnostics)?;
            corpus_index.insert(dir, corpora.len());
            corpora.push(corpus);
        }

        let prepared: Vec<judge::Prepared<'_>> = corpora.iter().map(judge::Prepared::new).collect();
        let total = files.iter().map(|f| f.claims.len()).sum();
        let mut results = Vec::new();
        for (fi, file) in files.iter().enumerate() {
            let Some(&ci) = corpus_index.get(&corpus_of(file)) else {
                continue;
            };
            let aliases: Vec<(String, Vec<String>)> = options
                .aliases
                .iter()
                .chain(&file.aliases)
                .cloned()
                .collect();
            let context = judge::Context::new(&prepared[ci], &aliases);
            for (i, claim) in file.claims.iter().enumerate() {
                let judgement = judge::claim(&context, claim);
                diagnostics.extend(unexpected(claim, &judgement));
                let failed = match &claim.expect {
                    Some(e) => e.value.as_str() != judgement.verdict.as_str(),
                    None => options.deny.contains(&judgement.verdict),
                };
                results.push(ClaimResult {
                    file: fi,
                    claim: i,
                    judgement,
                    failed,
                });
                progress.judged(results.len(), total);
            }
        }
        drop(prepared);
        Ok(Outcome {
            sources,
            files,
            diagnostics,
            results,
            corpora,
        })
    }

    /// The corpus in `dir`: the one loaded before if its files are unchanged, else read anew.
    fn corpus(
        &mut self,
        dir: &Path,
        sources: &mut SourceMap,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Result<Corpus, CorpusError> {
        let now = stamp(dir);
        if let Some(cached) = self.corpora.get(dir)
            && cached.stamp == now
        {
            let mut corpus = cached.corpus.clone();
            corpus.register(sources);
            return Ok(corpus);
        }
        let (corpus, warnings) = corpus::load(dir, sources)?;
        // A corpus with warnings is read anew each time, so its warnings are reported each time.
        if warnings.is_empty() {
            self.corpora.insert(
                dir.to_path_buf(),
                Cached {
                    stamp: now,
                    corpus: corpus.clone(),
                },
            );
        } else {
            self.corpora.remove(dir);
        }
        diagnostics.extend(warnings);
        Ok(corpus)
    }
}

/// An error when a claim's verdict is not the one its `expect:` names.
fn unexpected(claim: &Claim, judgement: &Judgement) -> Option<Diagnostic> {
    let expect = claim.expect.as_ref()?;
    let verdict = judgement.verdict.as_str();
    (expect.value.as_str() != verdict).then(|| {
        Diagnostic::error(
            "attest::judge::unexpected_verdict",
            format!(
                "claim `{}` is {verdict}, but the claim file expects {}",
                claim.id.value,
                expect.value.as_str()
            ),
        )
        .with_label(Label::new(
            expect.span.clone(),
            format!("expected {}", expect.value.as_str()),
        ))
        .with_help(format!("the verdict's reason: {}", judgement.reason))
    })
}

/// The claim files named by `paths`: files as given, folders searched for YAML files, sorted so
/// that output does not depend on directory order.
fn claim_files(paths: &[PathBuf], diagnostics: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut found = Vec::new();
            collect_yaml(path, &mut found);
            if found.is_empty() {
                diagnostics.push(
                    Diagnostic::warning(
                        "attest::claims::no_files",
                        format!("no claim files in `{}`", path.display()),
                    )
                    .with_help("claim files end in .yaml or .yml"),
                );
            }
            found.sort();
            out.extend(found);
        } else if path.exists() {
            out.push(path.clone());
        } else {
            diagnostics.push(
                Diagnostic::error(
                    "attest::claims::io",
                    format!("`{}` does not exist", path.display()),
                )
                .with_help("name claim files or folders holding them; the default is `claims/`"),
            );
        }
    }
    out
}

fn collect_yaml(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_yaml(&path, out);
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("yaml" | "yml")
        ) {
            out.push(path);
        }
    }
}
