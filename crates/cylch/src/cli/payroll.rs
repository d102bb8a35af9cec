use std::io::{Read, Write};
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
            let mut input = Vec::new();
            if let Err(err) = std::io::stdin().read_to_end(&mut input) {
                eprintln!("cylch payroll calc: could not read standard input: {err}");
                return ExitCode::from(2);
            }
            // Bytes, not text: input that is not UTF-8 gets the contract's
            // JSON error like any other bad input.
            let outcome = cylch_payroll::contract::calc_json_bytes(&input);
            let mut stdout = std::io::stdout().lock();
            match writeln!(stdout, "{}", outcome.output).and_then(|()| stdout.flush()) {
                Ok(()) => ExitCode::from(outcome.exit_status),
                // A reader that stopped reading (`| head`) is not an error
                // of ours; anything else is worth a word.
                Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => {
                    ExitCode::from(outcome.exit_status)
                }
                Err(err) => {
                    eprintln!("cylch payroll calc: could not write the result: {err}");
                    ExitCode::from(2)
                }
            }
        }
    }
}
