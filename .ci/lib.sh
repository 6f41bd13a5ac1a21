# Shared by the set-up scripts: Debian packages from a list, and the locked Python environment.
# Sourced, not run. Every step only adds what is missing, so a second run is quick.

# The package names in the given lists (comments and blank lines skipped).
package_list() {
  sed -e 's/#.*//' "$@" | tr -s ' \n' '\n' | sed '/^$/d'
}

# uv uses the Python it is given, and never downloads one of its own.
export UV_PYTHON_DOWNLOADS=never

# With --dry-run the set-up scripts say what they would install and change nothing.
dry_run=0
if [[ ${1:-} == --dry-run ]]; then
  dry_run=1
fi

# Installs the named Debian packages that are not installed yet (as root, or through sudo),
# asking no questions.
install_debian_packages() {
  if ((dry_run)); then
    echo "debian: $*"
    return 0
  fi
  local missing=() package
  for package in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$package")
    fi
  done
  ((${#missing[@]})) || return 0
  local sudo=()
  if [[ $(id -u) != 0 ]]; then
    sudo=(sudo)
    echo "Installing system packages with sudo: ${missing[*]}"
  else
    echo "Installing system packages: ${missing[*]}"
  fi
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
}

# The Python to build .venv with: $PYTHON, or python3; 3.11 or newer. Sets python and
# python_packages (the Debian packages it needs to make an environment).
choose_python() {
  python=${PYTHON:-python3}
  if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "Shiftwell needs Python 3.11 or newer; set PYTHON=/path/to/python3.11" >&2
    exit 1
  fi
  # Debian's Python makes environments only with python3-venv installed.
  python_packages=()
  if ! "$python" -c 'import ensurepip, venv' 2>/dev/null; then
    python_packages=(python3-venv)
  fi
}

# uv, pinned by hash in .ci/uv-requirements.txt, in its own small environment (.tools/).
# The system's Python stays untouched (Debian's refuses pip installs anyway).
uv_tool() {
  if ((dry_run)) && command -v uv >/dev/null && [[ ! -x .tools/bin/uv ]]; then
    uv=uv
    return 0
  fi
  if [[ ! -x .tools/bin/uv ]] || [[ $(.tools/bin/uv --version | cut -d' ' -f2) != \
    "$(sed -n 's/^uv==\([0-9.]*\).*/\1/p' .ci/uv-requirements.txt)" ]]; then
    "$python" -m venv --clear .tools
    .tools/bin/python -m pip install -q --disable-pip-version-check --no-deps \
      --require-hashes -r .ci/uv-requirements.txt 2>&1 | { grep -v "^WARNING: Location" || true; }
  fi
  uv=.tools/bin/uv
}

# .venv exactly as uv.lock says (extra arguments go to `uv sync`, e.g. --no-dev).
sync_locked_environment() {
  if ((dry_run)); then
    echo "python: uv sync --frozen $*"
    echo "python packages: $("$uv" export --frozen --no-hashes --no-emit-project --quiet "$@" \
      | sed -n 's/^\([A-Za-z0-9._-]*\)==.*/\1/p' | tr '\n' ' ')"
    return 0
  fi
  "$uv" sync --frozen --python "$python" --quiet "$@"
  .venv/bin/python -c "import shiftwell, PySide6, sqlmodel" # fail here, not later
}
