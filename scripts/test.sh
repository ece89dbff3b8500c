#!/usr/bin/env bash
# The whole test suite: installs what it needs (idempotently), then runs every check and test.
# Each stage prints its name; the script stops at the first failing stage.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh chromium
source scripts/env.sh
stage() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

stage "rustfmt"
cargo fmt --all --check
(cd fuzz && cargo fmt --check) # its own crate, outside the workspace
stage "clippy (native and wasm32)"
cargo clippy --all-targets --all-features -- -D warnings
if [ "$WASM_MODE" = rustup ]; then
  cargo clippy --target wasm32-unknown-unknown --lib --test wasm --all-features -- -D warnings
else # Debian's compiler has no clippy: check the wasm build compiles without warnings instead.
  with_wasm_env RUSTFLAGS="-Dwarnings" cargo check --target wasm32-unknown-unknown --lib --test wasm --all-features
fi
stage "cargo test (the core, on the host)"
cargo test --all-features

stage "dependency policy (cargo deny: bans licenses sources; the npm package has no dependencies)"
bash scripts/deny.sh

stage "fuzz the core (cargo-fuzz, ${SUPERFONE_FUZZ_SECONDS:-20} s per target; longer: scripts/fuzz.sh 600)"
bash scripts/fuzz.sh "${SUPERFONE_FUZZ_SECONDS:-20}"

stage "build pkg/"
SUPERFONE_SKIP_SETUP=1 bash scripts/build.sh

stage "wasm-bindgen-test under Node (the binding)"
with_wasm_env CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --target wasm32-unknown-unknown --all-features --test wasm

stage "TypeScript: the typed consumers (Node, a Worker) compile under --strict"
mkdir -p tests/types/node_modules
ln -sfn ../../../pkg tests/types/node_modules/superfone-crm
tsc -p tests/types/tsconfig.json
tsc -p tests/types/tsconfig.worker.json

stage "runtime matrix, examples and packaging (Node ESM/CJS, Deno, Bun, workerd, Chromium; publint, attw, npm pack)"
node --test --test-concurrency=2 tests/runtimes/ tests/packaging/

stage "reliability: fault matrix, bounded soak, memory, hostile input, security (node --test; full soak: scripts/soak.sh)"
node --test --test-concurrency=2 tests/reliability/

stage "JS tests: emulator contract and the SDK against it (node --test)"
node --test --test-concurrency=2 tests/emulator/ tests/js/
