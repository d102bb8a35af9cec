use std::io::Read;
use std::process::ExitCode;

use clap::Subcommand;

#[derive(Subcommand)]
pub enum PayrollCommand {
    /// Read one pay period (or an array of them) as JSON on standard input and
    /// print the results as JSON, per docs/payroll-contract.md.
    Calc,
}

pub fn run(command: PayrollCommand) -> ExitCode {
    match command {
        PayrollCommand::Calc => {
            let mut input = String::new();
            if let Err(err) = std::io::stdin().read_to_string(&mut input) {
                eprintln!("cylch payroll calc: could not read standard input: {err}");
                return ExitCode::from(2);
            }
            let outcome = cylch_payroll::contract::calc_json(&input);
            println!("{}", outcome.output);
            ExitCode::from(outcome.exit_status)
        }
    }
}
