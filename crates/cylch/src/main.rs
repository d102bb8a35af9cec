//! The `cylch` command: the web service and the tools around it.

mod cli;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "cylch",
    version,
    about = "Cylch: a care and support co-operative runs itself"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// UK payroll: compute a pay period, HMRC's way.
    #[command(subcommand)]
    Payroll(cli::payroll::PayrollCommand),
    /// The rota solver: share PAs fairly across people's support needs.
    #[command(subcommand)]
    Roster(cli::roster::RosterCommand),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Payroll(command) => cli::payroll::run(command),
        Command::Roster(command) => cli::roster::run(command),
    }
}
