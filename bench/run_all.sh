#!/usr/bin/env bash
# Runs every bench in turn and prints its figures (figures, not tests: see bench/README.md).
# The interpreter is .venv/bin/python (made by .ci/setup) unless PYTHON names another.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
python="${PYTHON:-$root/.venv/bin/python}"
if [[ ! -x $python ]]; then
  echo "run_all.sh: no interpreter at $python: run 'bash .ci/setup' or set PYTHON" >&2
  exit 2
fi
# The package from this checkout, and the repo root for bench._proc and the desktop helpers.
export PYTHONPATH="$root/app:$root${PYTHONPATH:+:$PYTHONPATH}"
cd "$root" || exit 2

failed=()
for bench in engine_year stats_week calendar_parse idle_cost startup; do
  script="bench/$bench.py"
  [[ -f $script ]] || continue
  echo "== $bench"
  "$python" "$script" || failed+=("$bench")
  echo
done
if ((${#failed[@]})); then
  echo "run_all.sh: failed: ${failed[*]}" >&2
  exit 1
fi
