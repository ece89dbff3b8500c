#!/usr/bin/env bash
# Fuzzes the core on the host with cargo-fuzz (libFuzzer): phone parsing, input validation,
# response decoding and request building. Each target runs for a bounded time from the committed
# seeds (fuzz/seeds/<target>/) plus what earlier runs found (fuzz/corpus/<target>/, gitignored);
# a crash, a panic, an input slower than 10 s or an allocation beyond the limits fails the script
# and leaves the input in fuzz/artifacts/<target>/.
#
# Usage: scripts/fuzz.sh [seconds-per-target] [target…]   (default 30 s; all targets)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
# cargo-fuzz needs nightly flags (-Zsanitizer, -Cpasses=sancov-module): let the stable compiler
# take them.
export RUSTC_BOOTSTRAP=1

seconds="${1:-30}"
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(phone validate decode prepare input)

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "== cargo install cargo-fuzz"
  cargo install -q cargo-fuzz --locked
fi

start=$(date +%s)
echo "== cargo fuzz build (release, address sanitizer)"
for t in "${targets[@]}"; do cargo fuzz build -O "$t"; done
echo "   built in $(( $(date +%s) - start )) s"

status=0
summary=()
for t in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$t" "fuzz/artifacts/$t"
  log="fuzz/artifacts/$t/last-run.log"
  echo "== fuzz $t for ${seconds} s"
  t0=$(date +%s)
  # -rss_limit_mb / -malloc_limit_mb: a single input may not grow the process past 2 GiB or ask
  # for more than 512 MiB at once (unbounded allocation counts as a crash).
  if cargo fuzz run -O "$t" "fuzz/corpus/$t" "fuzz/seeds/$t" -- \
      -max_total_time="$seconds" -rss_limit_mb=2048 -malloc_limit_mb=512 -timeout=10 \
      -max_len=65536 -print_final_stats=1 -close_fd_mask=1 >"$log" 2>&1; then
    result=ok
  else
    result=FAILED
    status=1
    grep -E "panicked|ERROR: libFuzzer|SUMMARY|Test unit written|Base64|^error" "$log" | head -20 || true
  fi
  runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1 || true)
  [ -n "$runs" ] || runs=$(grep -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#' || true)
  corpus=$(find "fuzz/corpus/$t" -type f | wc -l)
  line=$(printf '%-9s %-6s %10s inputs in %3d s  (corpus %d files)' \
    "$t" "$result" "${runs:-?}" "$(( $(date +%s) - t0 ))" "$corpus")
  echo "   $line"
  summary+=("$line")
done

echo "== fuzz summary (total $(( $(date +%s) - start )) s)"
printf '   %s\n' "${summary[@]}"
[ $status -eq 0 ] || echo "   a target failed: see fuzz/artifacts/<target>/ (reproduce: RUSTC_BOOTSTRAP=1 cargo fuzz run <target> <file>)"
exit $status
