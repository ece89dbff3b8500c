#!/usr/bin/env bash
# Builds the npm package into pkg/: the crate to wasm (release profile tuned for size, wasm-opt
# with the feature flags of Cargo.toml) once per wasm-bindgen target through wasm-pack, then the
# package around it from pkg-template/ (scripts/assemble.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${SUPERFONE_SKIP_SETUP:-}" = 1 ] || bash scripts/setup.sh
source scripts/env.sh
for target in nodejs web; do
  echo "== wasm-pack build --target $target"
  with_wasm_release_env wasm-pack --quiet build . --release --target "$target" --weak-refs --no-typescript --no-pack \
    "${WASM_PACK_FLAGS[@]}" --out-dir "target/wasm-pack/$target" --out-name superfone_crm
done
node scripts/assemble.mjs
