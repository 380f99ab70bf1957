use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = attest::cli::Cli::parse();
    attest::cli::run(cli)
}
