#!/usr/bin/env bash
# Installs everything the build and the tests need, idempotently: each step checks first and is
# skipped when what it installs is already there at the right version (see ../shared/TOOLCHAIN.md).
# Prints the wasm build mode it settled on to .tools/wasm-mode ("rustup" or "debian").
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .tools
export PATH="$HOME/.cargo/bin:$PATH"

WASM_BINDGEN_VERSION=0.2.130
step() { printf '\033[1m== %s\033[0m\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }

apt_updated=0
apt_install() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  step "apt-get install ${missing[*]}"
  if [ $apt_updated = 0 ]; then apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

# 1. A wasm-capable Rust compiler: the rustup target when it can be had, otherwise Debian's
#    rustc-web with the std sources (built with -Zbuild-std) and wasm-ld.
mode="${SUPERFONE_WASM_MODE:-}"   # "rustup" or "debian" forces a mode (to test the other path)
if [ "$mode" = debian ]; then
  apt_install rustc-web cargo-web rust-web-src lld
elif [ "$mode" = rustup ]; then
  rustup target add wasm32-unknown-unknown >/dev/null
elif have rustup && rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  mode=rustup
elif have rustup && timeout 120 rustup target add wasm32-unknown-unknown >/dev/null 2>&1 \
  && rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  mode=rustup
else
  apt_install rustc-web cargo-web rust-web-src lld
  mode=debian
fi
echo "$mode" > .tools/wasm-mode
step "wasm compiler: $mode"

# 1b. With rustup, the std sources too: the release build compiles std itself with
#     panic=immediate-abort, which leaves the panic-message machinery out of the .wasm (~10% of its
#     gzipped size). Without them the release build uses the prebuilt std (larger, same behaviour).
if [ "$mode" = rustup ]; then
  if rustup component list --installed 2>/dev/null | grep -q '^rust-src' \
    || timeout 120 rustup component add rust-src >/dev/null 2>&1; then
    echo build-std > .tools/wasm-release
  else
    echo prebuilt > .tools/wasm-release
  fi
  step "wasm release std: $(cat .tools/wasm-release)"
fi

# 2. wasm-bindgen CLI at exactly the version Cargo.lock pins (not --locked: see TOOLCHAIN.md).
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  step "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  cargo install -q wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# 3. wasm-pack.
if ! have wasm-pack; then
  step "cargo install wasm-pack"
  cargo install -q wasm-pack --locked
fi

# (cargo-fuzz and cargo-deny are installed by scripts/fuzz.sh and scripts/deny.sh when the tests
# first need them, so the demo does not wait minutes for tools it never uses.)

# 4. npm tools (wasm-opt from binaryen, typescript, packaging checks, runtimes): the lock file
#    decides; reinstall only when it changed since the last install.
lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -d node_modules ] || [ "$(cat node_modules/.lock-sum 2>/dev/null)" != "$lock_sum" ]; then
  step "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_sum" > node_modules/.lock-sum
fi

# 5. Extra Debian packages named by the caller (e.g. chromium for the browser tests).
if [ $# -gt 0 ]; then apt_install "$@"; fi
step "toolchain ready"
