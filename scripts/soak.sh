#!/usr/bin/env bash
# The long reliability runs, beyond the bounded versions in `node --test tests/reliability/`:
#   - the soak: SOAK_UPSERTS upserts (default 10,000) at concurrency 32 with ~5% faults, then
#     SOAK_TASKS createTask calls (default 2,000); fails if any input is lost or duplicated;
#   - memory: MEMORY_CALLS getLead calls (default 100,000) in a fresh process, through a canned
#     fetch and through the loopback emulator, with checkpoints after warm-up.
# Needs a built pkg/ (bash scripts/build.sh). Usage: bash scripts/soak.sh
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f pkg/package.json ] || SUPERFONE_SKIP_SETUP=1 bash scripts/build.sh

printf '\n\033[1m== soak: %s upserts, %s tasks\033[0m\n' "${SOAK_UPSERTS:=10000}" "${SOAK_TASKS:=2000}"
SOAK_UPSERTS=$SOAK_UPSERTS SOAK_TASKS=$SOAK_TASKS node tests/reliability/soak.mjs

for transport in fetch http; do
  printf '\n\033[1m== memory: %s getLead calls (%s)\033[0m\n' "${MEMORY_CALLS:=100000}" "$transport"
  MEMORY_TRANSPORT=$transport node --expose-gc tests/reliability/memory.mjs "$MEMORY_CALLS" 4 10000
done
