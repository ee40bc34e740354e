#!/usr/bin/env bash
# Installs what building and testing notice-lens needs, and skips what is already there.
# Safe to run again; `make run` and `make test` call it first.
set -euo pipefail
cd "$(dirname "$0")/.."

have() { command -v "$1" >/dev/null 2>&1; }
say() { printf 'setup: %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PATH"

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# Debian's Chromium and its driver run the browser tests. (No binaryen: see wasm-opt in Cargo.toml.)
missing_debs=()
have chromium || missing_debs+=(chromium)
have chromedriver || missing_debs+=(chromium-driver)
# Chinese glyphs for the page as headless Chromium draws it (the README's screenshot).
[ -d /usr/share/fonts/opentype/noto ] || missing_debs+=(fonts-noto-cjk)
if [ ${#missing_debs[@]} -gt 0 ]; then
  say "installing ${missing_debs[*]} from Debian"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing_debs[@]}"
fi

if ! have wasm-pack; then
  say "installing wasm-pack (about 4 minutes)"
  cargo install wasm-pack --locked
fi

# wasm-bindgen-cli must be exactly the wasm-bindgen version in Cargo.lock, or the generated JS and
# the wasm disagree; wasm-pack would otherwise try to download it, which this network does not allow.
bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if ! { have wasm-bindgen && wasm-bindgen --version | grep -qF " $bindgen_version"; }; then
  say "installing wasm-bindgen-cli $bindgen_version (about 4 minutes)"
  # Not --locked: its lock file pins webpki-roots 1.0.11, which the registry does not serve
  # ("failed to select a version"); the unlocked resolution builds and was seen to work.
  cargo install wasm-bindgen-cli --version "$bindgen_version"
fi

if ! have node || ! have npm; then
  say "installing Node.js and npm from Debian"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm
fi
# npm ci only when node_modules is missing or older than the lock file.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing the page-test dependencies (npm ci)"
  npm ci --no-audit --no-fund
fi
say "ready"
