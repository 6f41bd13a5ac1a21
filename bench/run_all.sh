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

# idle_cost.py's figures for the peers are printed again beside memory_day.py's.
figures="$(mktemp -d)"
trap 'rm -rf "$figures"' EXIT
peers="$figures/idle_cost.json"

failed=()
for bench in engine_year stats_week calendar_parse idle_cost startup desktops memory_day; do
  script="bench/$bench.py"
  [[ -f $script ]] || continue
  options=()
  case $bench in
    idle_cost) options=(--json "$peers") ;;
    memory_day) [[ -f $peers ]] && options=(--peers "$peers") ;;
  esac
  echo "== $bench"
  "$python" "$script" "${options[@]}" || failed+=("$bench")
  echo
done
if ((${#failed[@]})); then
  echo "run_all.sh: failed: ${failed[*]}" >&2
  exit 1
fi
