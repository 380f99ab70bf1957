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

Exit status: 0 all claims supported (or as expected), 1 a claim failed, 2 invalid input.";

/// Check the claims of a historical article against its sources.
#[derive(Debug, Parser)]
#[command(name = "attest", version, about, after_help = EXAMPLES)]
pub struct Cli {
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
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Claim files or folders of them.
    #[arg(default_value = "claims/")]
    pub paths: Vec<PathBuf>,
    /// Corpus folder; overrides `corpus:` in claim files. Default: seeds/.
    #[arg(long, value_name = "DIR")]
    pub corpus: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = CheckFormatArg::Human)]
    pub format: CheckFormatArg,
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
    /// Claim files or folders of them.
    #[arg(default_value = "claims/")]
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
    let mut stdout = std::io::stdout().lock();
    let code = match cli.command {
        Command::Lint(args) => {
            let linted = crate::lint(&args.paths);
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
        Command::Check(args) => {
            let mut options = crate::Options::new(args.paths);
            options.corpus = args.corpus;
            if !args.deny.is_empty() {
                options.deny = args
                    .deny
                    .iter()
                    .map(|&v| v.into())
                    .collect::<BTreeSet<Verdict>>();
            }
            for v in &args.allow {
                options.deny.remove(&Verdict::from(*v));
            }
            match crate::check(&options) {
                Ok(outcome) => {
                    if let Some(dir) = &args.html
                        && let Err(err) = write_html(dir, &outcome)
                    {
                        return ExitCode::from(fatal(err));
                    }
                    let written = report::check(
                        &mut stdout,
                        &outcome,
                        args.format.into(),
                        style,
                        args.verbose,
                    );
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
        }
        Command::Extract(args) => match crate::extract_source(&args.source, args.corpus.as_deref())
        {
            Ok(extracted) => finish(
                report::extract(&mut stdout, &extracted, args.format.into()),
                CLEAN,
            ),
            Err(err) => fatal(err),
        },
        Command::Sources(args) => match crate::load_corpus(args.corpus.as_deref()) {
            Ok(loaded) => finish(
                report::sources(&mut stdout, &loaded, args.format.into()),
                CLEAN,
            ),
            Err(err) => fatal(err),
        },
    };
    let _ = stdout.flush();
    ExitCode::from(code)
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
