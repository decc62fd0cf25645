# shellcheck shell=bash
# Shared by the scripts in .ci/: strict mode, repository root, PATH for the
# build tools, and small helpers. Sourced, never run directly.

set -euo pipefail

# The repository root, whatever directory the caller runs from.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# Versions of the build tools. wasm-bindgen's version is not listed here: it
# must equal the `wasm-bindgen` crate in Cargo.lock and is read from there.
TRUNK_VERSION="0.21.14"

# Tools installed by .ci/setup: cargo-installed binaries (trunk, wasm-bindgen)
# and wasm-opt from the npm package `binaryen` (pinned in .ci/tools).
export PATH="$ROOT/.ci/tools/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
# Trunk must never reach for the network (Trunk.toml also sets offline mode).
export TRUNK_SKIP_VERSION_CHECK=true
export DEBIAN_FRONTEND=noninteractive

CHROMIUM="/usr/bin/chromium"

step() { printf '\n==> %s\n' "$*"; }
info() { printf '    %s\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Prints the version of a package pinned in Cargo.lock (first match).
cargo_lock_version() {
  awk -v name="$1" '
    $0 == "name = \"" name "\"" { found = 1; next }
    found && /^version = / { gsub(/version = |"/, ""); print; exit }
  ' "$ROOT/Cargo.lock"
}

# Prints the wasm-opt version Trunk.toml requires, e.g. "version_132".
trunk_wasm_opt_version() {
  sed -n 's/^wasm_opt *= *"\(.*\)".*/\1/p' "$ROOT/Trunk.toml"
}

# Seconds since the epoch, for timing steps.
now() { date +%s; }

# Formats a number of seconds as "1m05s".
duration() { printf '%dm%02ds' $(($1 / 60)) $(($1 % 60)); }

# Runs a command with root rights (directly when already root).
as_root() {
  if [[ "$(id -u)" -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null; then
    sudo "$@"
  else
    die "need root rights to run: $*"
  fi
}

# Serialises the release build and the browser tests of this working tree, so
# two of them never write or read dist/ at the same time. The lock is held
# until the calling script exits; scripts it runs see EVENTLENS_DIST_LOCKED.
lock_dist() {
  [[ -z "${EVENTLENS_DIST_LOCKED:-}" ]] || return 0
  mkdir -p "$ROOT/target"
  exec 9>"$ROOT/target/.dist.lock"
  if ! flock -n 9; then
    info "waiting for another build or test run of this tree (target/.dist.lock)"
    flock 9
  fi
  export EVENTLENS_DIST_LOCKED=1
}
