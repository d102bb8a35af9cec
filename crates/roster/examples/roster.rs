//! The same commands as `cylch roster`, built from this crate alone, for
//! working on the solver (and for bench/roster when the full binary is not
//! at hand). Usage mirrors `cylch roster solve|check`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a developer tool

use std::process::ExitCode;
use std::time::Duration;

use cylch_roster::{SolveOptions, Strategy, cli};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let read = |name: &str| {
        let path = value(name).unwrap_or_else(|| panic!("{name} FILE is required"));
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("could not read {path}: {e}"))
    };
    let outcome = match args.first().map(String::as_str) {
        Some("solve") => {
            let mut opts = SolveOptions::default();
            if let Some(ms) = value("--time-limit-ms") {
                opts.time_limit = Duration::from_millis(ms.parse().unwrap());
            }
            if let Some(seed) = value("--seed") {
                opts.seed = seed.parse().unwrap();
            }
            if let Some(t) = value("--threads") {
                opts.threads = t.parse::<usize>().unwrap().max(1);
            }
            if args.iter().any(|a| a == "--greedy") {
                opts.strategy = Strategy::Greedy;
            } else if args.iter().any(|a| a == "--heuristic-only") {
                opts.strategy = Strategy::Heuristic;
            }
            cli::solve_json_with(&read("--instance"), &opts)
        }
        Some("check") => cli::check_json(&read("--instance"), &read("--solution")),
        _ => {
            eprintln!(
                "usage: roster solve --instance FILE [--time-limit-ms N] [--seed S] [--threads T] [--greedy]\n       roster check --instance FILE --solution FILE"
            );
            return ExitCode::from(2);
        }
    };
    println!("{}", outcome.output);
    ExitCode::from(outcome.exit_status)
}
