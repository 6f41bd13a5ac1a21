#!/usr/bin/env bash
# Builds the one-folder Shiftwell bundle into dist/shiftwell/ with PyInstaller, shows what it
# weighs, and proves it starts: `--version` and `--self-check` run from the bundle.
#
#   bash packaging/build.sh                      # uses .venv (made by .ci/setup)
#   SHIFTWELL_VENV=/path/to/venv bash packaging/build.sh
#   SHIFTWELL_ONEFILE=1 bash packaging/build.sh  # a single file, dist/onefile/shiftwell
set -euo pipefail
cd "$(dirname "$0")/.."

onefile=${SHIFTWELL_ONEFILE:-0}
if [[ $onefile == 1 ]]; then
  dist=dist/onefile app=dist/onefile/shiftwell
else
  dist=dist app=dist/shiftwell/shiftwell
fi

venv=${SHIFTWELL_VENV:-.venv}
if [[ ! -x "$venv/bin/python" ]]; then
  echo "build.sh: no virtualenv at $venv (run .ci/setup, or set SHIFTWELL_VENV)" >&2
  exit 1
fi
if ! "$venv/bin/python" -c 'import PyInstaller' 2>/dev/null; then
  # Only the locked version: .ci/setup installs it with the other development tools.
  echo "build.sh: PyInstaller is not in $venv (run bash .ci/setup)" >&2
  exit 1
fi

echo "== building ($("$venv/bin/python" -m PyInstaller --version), onefile=$onefile)"
started=$SECONDS
SHIFTWELL_ONEFILE=$onefile "$venv/bin/python" -m PyInstaller --noconfirm --clean \
  --log-level WARN --distpath "$dist" --workpath "build/pyinstaller-$onefile" \
  packaging/shiftwell.spec
echo "built in $((SECONDS - started)) s"

if [[ $onefile == 1 ]]; then
  echo "== bundle: $(du -sh "$app" | cut -f1), one file: $app"
else
  echo "== bundle: $(du -sh dist/shiftwell | cut -f1), $(find dist/shiftwell -type f | wc -l) files"
  echo "-- the 10 largest files"
  # awk reads to the end (head would close the pipe early, and pipefail would fail on it)
  find dist/shiftwell -type f -printf '%s %P\n' | sort -rn \
    | awk 'NR <= 10 { printf "%8.1f MB  %s\n", $1 / 1048576, $2 }'
fi

echo "== smoke test"
"$app" --version
# Its own Qt, offscreen, on a temporary folder: no display needed, nothing of the user's touched.
"$app" --self-check
echo "== ok: $app"
