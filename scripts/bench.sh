#!/usr/bin/env bash
# Performance measurements of the built package (pkg/) against hand-written baselines: prints a
# table and writes bench/results.json. Not part of the pass/fail suite (scripts/test.sh).
#   BENCH_QUICK=1 bash scripts/bench.sh    # ~30 s smoke run
#   BENCH_BUILD=1 bash scripts/bench.sh    # rebuild pkg/ first (otherwise built only when missing)
# Other knobs (BENCH_SCALE, BENCH_SECTIONS, BENCH_EMULATOR, BENCH_OUT): see bench/bench.mjs.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${BENCH_BUILD:-0}" = 1 ] || [ ! -f pkg/superfone_crm_bg.wasm ]; then
  bash scripts/build.sh
fi

# bench/ has its own dependencies (libphonenumber-js, the comparison): install them from the
# lockfile unless the locked version is already there.
want=$(node -p "require('./bench/package-lock.json').packages['node_modules/libphonenumber-js'].version")
have=$(node -p "try { require('./bench/node_modules/libphonenumber-js/package.json').version } catch { '' }")
if [ "$want" != "$have" ]; then
  npm ci --prefix bench --no-audit --no-fund
fi
# The benchmark imports the package by name, as a user would: link pkg/ in as `superfone-crm`.
ln -sfn ../../pkg bench/node_modules/superfone-crm

exec node --expose-gc bench/bench.mjs "$@"
