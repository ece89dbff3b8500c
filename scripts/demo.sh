#!/usr/bin/env bash
# The main job: build the package, then run the quickstart against the embedded emulator
# (examples/node/quickstart.mjs starts and stops it itself).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
# The example imports the package by name, as a user would: link pkg/ in as `superfone-crm`.
mkdir -p examples/node/node_modules
ln -sfn ../../../pkg examples/node/node_modules/superfone-crm
node examples/node/quickstart.mjs
