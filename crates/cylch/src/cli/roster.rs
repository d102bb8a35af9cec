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
        /// Worker threads for the local search.
        #[arg(long, default_value_t = 2)]
        threads: usize,
        /// Run only the plain greedy baseline (for benchmarks).
        #[arg(long)]
        greedy: bool,
        /// Local search only, even where the exact search would run.
        #[arg(long, conflicts_with = "greedy")]
        heuristic_only: bool,
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
            threads,
            greedy,
            heuristic_only,
        } => {
            let instance = match read(&instance) {
                Ok(text) => text,
                Err(code) => return code,
            };
            let mut opts = cylch_roster::SolveOptions {
                seed,
                threads: threads.max(1),
                ..cylch_roster::SolveOptions::default()
            };
            if let Some(ms) = time_limit_ms {
                opts.time_limit = std::time::Duration::from_millis(ms);
            }
            if greedy {
                opts.strategy = cylch_roster::Strategy::Greedy;
            } else if heuristic_only {
                opts.strategy = cylch_roster::Strategy::Heuristic;
            }
            let outcome = cylch_roster::cli::solve_json_with(&instance, &opts);
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
