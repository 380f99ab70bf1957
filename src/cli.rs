//! The command line: clap definitions, and the glue from arguments to library calls to a report
//! on stdout and an exit code.

use std::collections::BTreeSet;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::judge::Verdict;
use crate::report::{self, Format, Style};

const EXAMPLES: &str = "\
Examples:
  attest check                        check claims/ against seeds/
  attest check article.yaml --corpus sources/ --format json
  attest check --allow unsupported    fail only on conflicting or contested claims
  attest lint claims/                 validate claim files without a corpus
  attest extract 004_943bfa2c0ced0905.txt
  attest sources                      list the corpus catalogue
  attest check --format sarif > attest.sarif
  attest check --html target/attest   also write target/attest/report.html
  attest check --watch                check again on every change
  attest init                         write a starter attest.toml and claim file

Exit status: 0 all claims supported (or as expected), 1 a claim failed, 2 invalid input.";

/// Check the claims of a historical article against its sources.
#[derive(Debug, Parser)]
#[command(name = "attest", version, about, after_help = EXAMPLES)]
pub struct Cli {
    /// Configuration file. Default: the nearest attest.toml in this folder or above it.
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Ignore attest.toml.
    #[arg(long, global = true)]
    pub no_config: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check claims against the corpus and report the evidence for each.
    #[command(after_help = EXAMPLES)]
    Check(CheckArgs),
    /// Validate claim files without reading a corpus.
    #[command(
        after_help = "Examples:\n  attest lint\n  attest lint claims/article.yaml --format json"
    )]
    Lint(LintArgs),
    /// Show what attest reads out of one corpus source: passages, dates, figures, names, quotes.
    #[command(
        after_help = "Examples:\n  attest extract 004_943bfa2c0ced0905.txt\n  attest extract 002_9903da8acba9f9fe.txt --format json"
    )]
    Extract(ExtractArgs),
    /// List the corpus catalogue.
    Sources(SourcesArgs),
    /// Write a starter attest.toml and claim file, never overwriting a file that exists.
    Init,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Claim files or folders of them. Default: attest.toml's `claims`, else claims/.
    pub paths: Vec<PathBuf>,
    /// Corpus folder; overrides `corpus:` in claim files. Default: attest.toml's `corpus`, else seeds/.
    #[arg(long, value_name = "DIR")]
    pub corpus: Option<PathBuf>,
    /// Output format. Default: attest.toml's `format`, else human.
    #[arg(long, value_enum)]
    pub format: Option<CheckFormatArg>,
    /// Check again whenever a claim file or the corpus changes (Ctrl-C to stop).
    #[arg(long)]
    pub watch: bool,
    /// Also show supported claims and their evidence.
    #[arg(long, short)]
    pub verbose: bool,
    /// Verdicts that fail the run (default: conflicting, contested, unsupported).
    #[arg(long, value_enum, value_delimiter = ',', value_name = "VERDICT")]
    pub deny: Vec<VerdictArg>,
    /// Verdicts that do not fail the run.
    #[arg(long, value_enum, value_delimiter = ',', value_name = "VERDICT")]
    pub allow: Vec<VerdictArg>,
    /// Also write the HTML report to DIR/report.html.
    #[arg(long, value_name = "DIR")]
    pub html: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct LintArgs {
    /// Claim files or folders of them. Default: attest.toml's `claims`, else claims/.
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = LintFormatArg::Human)]
    pub format: LintFormatArg,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// A source file: its name within the corpus, or a path to it.
    pub source: PathBuf,
    #[arg(long, value_name = "DIR")]
    pub corpus: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = FormatArg::Human)]
    pub format: FormatArg,
}

#[derive(Debug, Args)]
pub struct SourcesArgs {
    #[arg(long, value_name = "DIR")]
    pub corpus: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = FormatArg::Human)]
    pub format: FormatArg,
}

/// Output formats of `attest check`.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum CheckFormatArg {
    /// Diagnostics for a terminal.
    Human,
    /// The versioned JSON report.
    Json,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// JUnit XML, one test case per claim.
    Junit,
    /// GitHub Actions annotations.
    Github,
    /// A Markdown pull-request comment.
    Markdown,
    /// One self-contained HTML page.
    Html,
}

impl From<CheckFormatArg> for Format {
    fn from(f: CheckFormatArg) -> Format {
        match f {
            CheckFormatArg::Human => Format::Human,
            CheckFormatArg::Json => Format::Json,
            CheckFormatArg::Sarif => Format::Sarif,
            CheckFormatArg::Junit => Format::Junit,
            CheckFormatArg::Github => Format::Github,
            CheckFormatArg::Markdown => Format::Markdown,
            CheckFormatArg::Html => Format::Html,
        }
    }
}

/// Output formats of `attest lint`: those that carry diagnostics alone.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum LintFormatArg {
    Human,
    Json,
    Sarif,
    Github,
}

impl From<LintFormatArg> for Format {
    fn from(f: LintFormatArg) -> Format {
        match f {
            LintFormatArg::Human => Format::Human,
            LintFormatArg::Json => Format::Json,
            LintFormatArg::Sarif => Format::Sarif,
            LintFormatArg::Github => Format::Github,
        }
    }
}

/// Output formats of `attest extract` and `attest sources`.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum FormatArg {
    Human,
    Json,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Human => Format::Human,
            FormatArg::Json => Format::Json,
        }
    }
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum VerdictArg {
    Supported,
    Conflicting,
    Contested,
    Unsupported,
}

impl From<VerdictArg> for Verdict {
    fn from(v: VerdictArg) -> Verdict {
        match v {
            VerdictArg::Supported => Verdict::Supported,
            VerdictArg::Conflicting => Verdict::Conflicting,
            VerdictArg::Contested => Verdict::Contested,
            VerdictArg::Unsupported => Verdict::Unsupported,
        }
    }
}

const CLEAN: u8 = 0;
const FINDINGS: u8 = 1;
const BAD_INPUT: u8 = 2;

/// Run a parsed command line; returns the process exit code.
pub fn run(cli: Cli) -> ExitCode {
    let style = Style {
        color: std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
        width: 100,
    };
    let config = match configuration(&cli, style) {
        Ok(config) => config,
        Err(code) => return ExitCode::from(code),
    };
    let mut stdout = std::io::stdout().lock();
    let code = match cli.command {
        Command::Lint(args) => {
            let paths = claim_paths(args.paths, &config);
            let linted = crate::lint(&paths);
            let written = report::lint(&mut stdout, &linted, args.format.into(), style);
            finish(
                written,
                if linted.has_errors() {
                    BAD_INPUT
                } else {
                    CLEAN
                },
            )
        }
        Command::Check(args) => check(args, &config, style, &mut stdout),
        Command::Extract(args) => {
            let corpus = args.corpus.or(config.corpus);
            match crate::extract_source(&args.source, corpus.as_deref()) {
                Ok(extracted) => finish(
                    report::extract(&mut stdout, &extracted, args.format.into()),
                    CLEAN,
                ),
                Err(err) => fatal(err),
            }
        }
        Command::Sources(args) => {
            let corpus = args.corpus.or(config.corpus);
            match crate::load_corpus(corpus.as_deref()) {
                Ok(loaded) => finish(
                    report::sources(&mut stdout, &loaded, args.format.into()),
                    CLEAN,
                ),
                Err(err) => fatal(err),
            }
        }
        Command::Init => init(&mut stdout),
    };
    let _ = stdout.flush();
    ExitCode::from(code)
}

/// The configuration in force: the file named with `--config`, else the nearest attest.toml,
/// else none. A configuration with errors stops the run (exit status 2).
fn configuration(cli: &Cli, style: Style) -> Result<crate::config::Config, u8> {
    if cli.no_config || matches!(cli.command, Command::Init) {
        return Ok(crate::config::Config::default());
    }
    let path = match &cli.config {
        Some(path) => path.clone(),
        None => match std::env::current_dir()
            .ok()
            .and_then(|d| crate::config::discover(&d))
        {
            Some(path) => path,
            None => return Ok(crate::config::Config::default()),
        },
    };
    let mut sources = crate::source::SourceMap::default();
    let (config, diags) = crate::config::load(&path, &mut sources);
    if !diags.is_empty() {
        let mut err = std::io::stderr().lock();
        for d in &diags {
            let _ = write!(
                err,
                "{}",
                report::human::render(
                    d,
                    &sources,
                    Style {
                        color: false,
                        ..style
                    }
                )
            );
        }
    }
    config.ok_or(BAD_INPUT)
}

fn claim_paths(paths: Vec<PathBuf>, config: &crate::config::Config) -> Vec<PathBuf> {
    if !paths.is_empty() {
        return paths;
    }
    config
        .claims
        .clone()
        .unwrap_or_else(|| vec![PathBuf::from("claims/")])
}

fn check(
    args: CheckArgs,
    config: &crate::config::Config,
    style: Style,
    stdout: &mut dyn Write,
) -> u8 {
    let mut options = crate::Options::new(claim_paths(args.paths, config));
    options.corpus = args.corpus.or_else(|| config.corpus.clone());
    options.aliases = config.aliases.clone();
    // Verdict flags replace the configuration's verdict settings as a whole.
    let (deny, allow): (Option<BTreeSet<Verdict>>, Vec<Verdict>) = if args.deny.is_empty()
        && args.allow.is_empty()
    {
        (
            config.deny.as_ref().map(|d| d.iter().copied().collect()),
            config.allow.clone(),
        )
    } else {
        let deny = (!args.deny.is_empty()).then(|| args.deny.iter().map(|&v| v.into()).collect());
        (deny, args.allow.iter().map(|&v| v.into()).collect())
    };
    if let Some(deny) = deny {
        options.deny = deny;
    }
    for v in allow {
        options.deny.remove(&v);
    }
    let format = args
        .format
        .map_or(config.format.unwrap_or_default(), Format::from);
    let html = args.html.or_else(|| config.html.clone());
    let mut session = crate::Session::default();
    let mut once = || -> u8 {
        let mut progress = ProgressBar::new();
        let outcome = session.check(&options, &mut progress);
        progress.finish();
        match outcome {
            Ok(outcome) => {
                if let Some(dir) = &html
                    && let Err(err) = write_html(dir, &outcome)
                {
                    return fatal(err);
                }
                let written = report::check(stdout, &outcome, format, style, args.verbose);
                let code = if outcome.has_errors() {
                    BAD_INPUT
                } else if outcome.results.iter().any(|r| r.failed) {
                    FINDINGS
                } else {
                    CLEAN
                };
                finish(written, code)
            }
            Err(err) => fatal(err),
        }
    };
    if !args.watch {
        return once();
    }
    // Watching polls the files' stamps: portable, and cheap for a handful of claim files and
    // a corpus of a few files.
    let watched = |options: &crate::Options| -> Vec<crate::Stamp> {
        let mut paths = options.paths.clone();
        paths.push(
            options
                .corpus
                .clone()
                .unwrap_or_else(|| PathBuf::from(crate::DEFAULT_CORPUS)),
        );
        paths.extend(config.path.clone());
        paths.iter().map(|p| crate::stamp(p)).collect()
    };
    let mut last = watched(&options);
    once();
    loop {
        std::thread::sleep(std::time::Duration::from_millis(300));
        let now = watched(&options);
        if now != last {
            last = now;
            let _ = writeln!(
                std::io::stderr().lock(),
                "\n── files changed, checking again ──\n"
            );
            once();
        }
    }
}

/// A progress bar on stderr while claims are judged, drawn only when stderr is a terminal.
struct ProgressBar(Option<indicatif::ProgressBar>);

impl ProgressBar {
    fn new() -> ProgressBar {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = indicatif::ProgressBar::new(0);
            bar.set_style(
                indicatif::ProgressStyle::with_template(
                    "{spinner} judging claims {pos}/{len} {wide_bar}",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            bar
        });
        ProgressBar(bar)
    }

    fn finish(&self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}

impl crate::Progress for ProgressBar {
    fn judged(&mut self, done: usize, total: usize) {
        if let Some(bar) = &self.0 {
            bar.set_length(total as u64);
            bar.set_position(done as u64);
        }
    }
}

/// `attest init`: a starter configuration and claim file, never overwriting anything.
fn init(out: &mut dyn Write) -> u8 {
    let files = [
        (
            PathBuf::from(crate::config::FILE_NAME),
            crate::config::STARTER_CONFIG,
        ),
        (
            PathBuf::from("claims/example.yaml"),
            crate::config::STARTER_CLAIMS,
        ),
    ];
    for (path, text) in files {
        let written = if path.exists() {
            writeln!(out, "kept    {} (it exists)", path.display())
        } else {
            let create = path
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .map_or(Ok(()), std::fs::create_dir_all)
                .and_then(|()| {
                    std::fs::OpenOptions::new()
                        .write(true)
                        .create_new(true)
                        .open(&path)
                        .and_then(|mut f| f.write_all(text.as_bytes()))
                });
            if let Err(source) = create {
                return fatal(crate::Fatal::Write { path, source });
            }
            writeln!(out, "created {}", path.display())
        };
        if let Err(err) = written {
            return finish(Err(err), CLEAN);
        }
    }
    CLEAN
}

/// Write `DIR/report.html`, creating DIR if needed.
fn write_html(dir: &std::path::Path, outcome: &crate::Outcome) -> Result<(), crate::Fatal> {
    let path = dir.join("report.html");
    let io = |source| crate::Fatal::Write {
        path: path.clone(),
        source,
    };
    std::fs::create_dir_all(dir).map_err(io)?;
    let mut file = std::io::BufWriter::new(std::fs::File::create(&path).map_err(io)?);
    report::html::check(&mut file, outcome).map_err(io)?;
    file.flush().map_err(io)
}

fn finish(written: std::io::Result<()>, code: u8) -> u8 {
    match written {
        Ok(()) => code,
        // A closed pipe (`attest check | head`) is not an error of the run.
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => code,
        Err(err) => fatal(crate::Fatal::Output(err)),
    }
}

fn fatal(err: impl miette::Diagnostic + Send + Sync + 'static) -> u8 {
    let report = miette::Report::new(err);
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{report:?}");
    BAD_INPUT
}
