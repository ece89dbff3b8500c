#!/usr/bin/env bash
# Dependency policy (deny.toml): licenses, banned/duplicate crates and sources of the Rust
# dependency tree, with cargo-deny (installed once from crates.io). Advisories are not checked:
# the RustSec database cannot be fetched without network. Then: the npm package itself has no
# runtime dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

if ! cargo deny --version >/dev/null 2>&1; then
  echo "== cargo install cargo-deny (a few minutes, once)"
  cargo install -q cargo-deny --locked
fi

echo "== cargo deny check bans licenses sources"
cargo deny --log-level error check bans licenses sources

echo "== the npm package has no runtime dependencies"
node -e '
  const file = "pkg-template/package.json";
  const pkg = JSON.parse(require("fs").readFileSync(file, "utf8"));
  const found = ["dependencies", "peerDependencies", "optionalDependencies", "bundleDependencies", "bundledDependencies"]
    .filter((k) => pkg[k] !== undefined && (Array.isArray(pkg[k]) ? pkg[k].length : Object.keys(pkg[k]).length));
  if (found.length) {
    console.error(`${file} declares ${found.map((k) => `${k} (${Object.keys(pkg[k]).join(", ")})`).join("; ")}; the package must have none`);
    process.exit(1);
  }
  console.log(`${file}: no dependencies, peerDependencies, optionalDependencies or bundled dependencies`);
'
