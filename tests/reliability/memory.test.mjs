// Memory stays flat over many calls: after warm-up, RSS, the JS heap and `external` (where the
// wasm memory shows) stop growing. Runs tests/reliability/memory.mjs in a fresh process with
// --expose-gc: 60,000 getLead calls through a canned fetch after 10,000 warm-up calls, with a
// checkpoint every 15,000 (MEMORY_CALLS overrides; scripts/soak.sh runs 100,000, over HTTP too).
// A plateau passes, a leak fails: growth between the last two checkpoints must stay under
// 1 MB per 25,000 calls (40 B/call) for the heap and `external`, and RSS under 8 MB per 25,000.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import './helpers.mjs';

const script = fileURLToPath(new URL('./memory.mjs', import.meta.url));
const CALLS = Number(process.env.MEMORY_CALLS ?? 60_000);
const CHECKPOINTS = 4;
const MB = 1024 * 1024;

const run = spawnSync(process.execPath, ['--expose-gc', script, String(CALLS), String(CHECKPOINTS), '10000'], { encoding: 'utf8', timeout: 120_000 });
const report = run.status === 0 ? JSON.parse(run.stdout) : null;
if (report) {
  console.log(`# memory over ${CALLS} getLead calls (after ${report.warmup} warm-up):`);
  for (const p of report.points) {
    console.log(`#   ${String(p.calls).padStart(7)} calls: rss ${(p.rss / MB).toFixed(1)} MB, heapUsed ${(p.heapUsed / MB).toFixed(2)} MB, external ${(p.external / MB).toFixed(2)} MB (${p.seconds} s)`);
  }
}

test('the memory program ran to the end', () => {
  assert.equal(run.status, 0, `${run.error ?? ''}\n${run.stderr}`);
});

function lastGrowthPer25k(key) {
  const [a, b] = report.points.slice(-2);
  return ((b[key] - a[key]) * 25_000) / (b.calls - a.calls);
}

for (const [key, limit] of [['heapUsed', MB], ['external', MB], ['rss', 8 * MB]]) {
  test(`${key} stops growing after warm-up (< ${limit / MB} MB per 25,000 calls between the last checkpoints)`, { skip: !report }, () => {
    const growth = lastGrowthPer25k(key);
    assert.ok(growth < limit, `${key} grew ${(growth / MB).toFixed(2)} MB per 25,000 calls: ${JSON.stringify(report.points.map((p) => p[key]))}`);
  });
}

test('the wasm memory does not grow at all after warm-up', { skip: !report }, () => {
  const first = report.points[0].external;
  const last = report.points.at(-1).external;
  assert.ok(last - first < MB, `external grew from ${first} to ${last}`);
});
