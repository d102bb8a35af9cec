#!/usr/bin/env bash
# One command: bench/roster/run.sh [--quick]
# Builds cylch, makes the bench-only virtualenv (OR-Tools CP-SAT, HiGHS),
# generates the instances and prints the side-by-side table, which it also
# writes to bench/roster/RESULTS.md.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
if [ ! -x "$here/.venv/bin/python" ]; then
  python3 -m venv "$here/.venv"
fi
"$here/.venv/bin/pip" install -q "ortools>=9.10" "highspy>=1.7" numpy
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"
# The real binary; if the rest of the workspace does not build at this moment,
# the roster crate's own example runs the same code behind the same commands.
if (cd "$root" && cargo build --release -q -p cylch); then
  cylch=("$CARGO_TARGET_DIR/release/cylch" roster)
else
  echo "cylch did not build; using the roster crate's example binary" >&2
  (cd "$root" && cargo build --release -q -p cylch-roster --example roster)
  cylch=("$CARGO_TARGET_DIR/release/examples/roster")
fi
exec "$here/.venv/bin/python" "$here/run.py" "$@" --cylch "${cylch[@]}"
