#!/usr/bin/env bash
# Installs the built package as a user would (apt-get install ./shiftwell_*.deb, which pulls
# in its Depends), runs the installed `shiftwell --version` and `--self-check`, removes it,
# and fails if anything of it is left on disk. Needs root or sudo; CI runs it on every run.
set -euo pipefail
cd "$(dirname "$0")/.."

debs=(dist/shiftwell_*.deb)
if [[ ! -f ${debs[0]} ]]; then
  echo "check-deb.sh: no package in dist/ (run packaging/build-deb.sh first)" >&2
  exit 1
fi
deb=$(realpath "${debs[-1]}")
sudo=()
[[ $(id -u) == 0 ]] || sudo=(sudo)
export DEBIAN_FRONTEND=noninteractive

echo "== installing $(basename "$deb")"
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "$deb" >/dev/null
mapfile -t owned < <(dpkg -L shiftwell)
echo "installed: ${#owned[@]} paths; shiftwell is $(command -v shiftwell)"

echo "== the installed app"
status=0
(cd /tmp && shiftwell --version && shiftwell --self-check) || status=$?

echo "== removing it"
"${sudo[@]}" apt-get purge -y -qq shiftwell >/dev/null
left=()
for path in "${owned[@]}"; do
  # Shared folders (/usr/bin, the icon theme's) stay; everything of Shiftwell's must go.
  if [[ -e $path && ! -d $path ]] || [[ $path == /usr/lib/shiftwell* && -e $path ]] \
    || [[ $path == /usr/share/doc/shiftwell* && -e $path ]]; then
    left+=("$path")
  fi
done
if ((${#left[@]})); then
  echo "check-deb.sh: left on disk after removal: ${left[*]:0:10}" >&2
  exit 1
fi
if ((status)); then
  echo "check-deb.sh: the installed shiftwell failed (exit $status)" >&2
  exit "$status"
fi
echo "== ok: installed, self-checked and removed without a trace"
