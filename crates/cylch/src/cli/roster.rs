use std::path::PathBuf;
use std::process::ExitCode;

use clap::Subcommand;

#[derive(Subcommand)]
pub enum RosterCommand {
    /// Solve an instance and print the solution as JSON.
    Solve {
        #[arg(long)]
        instance: PathBuf,
        #[arg(long)]
        time_limit_ms: Option<u64>,
        #[arg(long, default_value_t = 0)]
        seed: u64,
    },
    /// Recompute a solution's score from scratch and name every broken rule.
    Check {
        #[arg(long)]
        instance: PathBuf,
        #[arg(long)]
        solution: PathBuf,
    },
}

fn read(path: &PathBuf) -> Result<String, ExitCode> {
    std::fs::read_to_string(path).map_err(|err| {
        eprintln!("cylch roster: could not read {}: {err}", path.display());
        ExitCode::from(2)
    })
}

pub fn run(command: RosterCommand) -> ExitCode {
    match command {
        RosterCommand::Solve {
            instance,
            time_limit_ms,
            seed,
        } => {
            let instance = match read(&instance) {
                Ok(text) => text,
                Err(code) => return code,
            };
            let outcome = cylch_roster::cli::solve_json(&instance, time_limit_ms, seed);
            println!("{}", outcome.output);
            ExitCode::from(outcome.exit_status)
        }
        RosterCommand::Check { instance, solution } => {
            let (instance, solution) = match (read(&instance), read(&solution)) {
                (Ok(i), Ok(s)) => (i, s),
                (Err(code), _) | (_, Err(code)) => return code,
            };
            let outcome = cylch_roster::cli::check_json(&instance, &solution);
            println!("{}", outcome.output);
            ExitCode::from(outcome.exit_status)
        }
    }
}
