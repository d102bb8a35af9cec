#!/bin/sh
# Cylch's pay benchmarks, release builds, figures in RESULTS.md:
#
#  1. the payroll engine: a whole tax year of payslips for 10,000 PAs;
#  2. the store: a co-operative of 12 PAs paid end to end (approved
#     timesheets, start, approve with postings, payments to the PAs, HMRC
#     and the pension scheme) month by month through a tax year, each
#     repetition on a fresh SQLite file; also on PostgreSQL when
#     CYLCH_TEST_POSTGRES_URL is set (each repetition in a new schema,
#     dropped afterwards).
#
# Prints the machine's load before each, since the machine may be shared.
# Run from anywhere inside the repository. REPEATS sets how many fresh
# databases the second takes its median over (default 5).
set -eu
cd "$(git rev-parse --show-toplevel)"
repeats="${REPEATS:-5}"

engine="cargo run --quiet --release -p cylch-payroll --example year_of_payslips"
store="cargo run --quiet --release -p cylch-store --example pay_run_bench -- --repeats $repeats"

# Build both first, so that compiling is not timed or loading the machine.
cargo build --quiet --release -p cylch-payroll --example year_of_payslips
cargo build --quiet --release -p cylch-store --example pay_run_bench

echo "== the engine: load $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
$engine
echo "reproduce with: $engine"

echo
echo "== the store: load $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
$store
echo "reproduce with: $store"
