#!/bin/sh
# Times a whole tax year of payslips for 10,000 PAs with Cylch's payroll
# engine (release build) and prints the figure and the command that
# reproduces it. Run from anywhere inside the repository.
set -eu
cd "$(git rev-parse --show-toplevel)"
command="cargo run --quiet --release -p cylch-payroll --example year_of_payslips"
figure=$(${CARGO_TARGET_DIR:+env CARGO_TARGET_DIR="$CARGO_TARGET_DIR"} $command)
echo "$figure"
echo "reproduce with: $command"
