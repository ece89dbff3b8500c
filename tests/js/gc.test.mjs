// Exported Rust objects are freed by the garbage collector (wasm-bindgen weak refs): clients that
// are dropped give their wasm memory back, so a long-running server does not leak per client.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../../pkg/entry/node.cjs', import.meta.url));

// Each client holds ~4 KB in wasm memory (its key and an extra header). 50,000 of them, dropped
// in rounds of 5,000 with a GC after each round: freed, memory peaks near one round (~20 MB);
// leaked, it grows past 200 MB.
const program = `
const { SuperfoneClient } = require(${JSON.stringify(entry)});
const settle = () => new Promise((r) => setTimeout(r, 20));
const round = () => { for (let i = 0; i < 5000; i++) new SuperfoneClient({ apiKey: 'k'.repeat(2000), headers: { 'x-pad': 'v'.repeat(2000) } }); };
(async () => {
  round(); for (let i = 0; i < 3; i++) { gc(); await settle(); }
  const before = process.memoryUsage().external;
  for (let k = 0; k < 10; k++) { round(); gc(); await settle(); }
  for (let i = 0; i < 3; i++) { gc(); await settle(); }
  console.log(JSON.stringify({ growth: process.memoryUsage().external - before }));
})();
`;

test('dropped clients are freed by the garbage collector', () => {
  const run = spawnSync(process.execPath, ['--expose-gc', '-e', program], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const { growth } = JSON.parse(run.stdout);
  assert.ok(growth < 80e6, `wasm memory grew by ${(growth / 1e6).toFixed(1)} MB over 50,000 dropped clients (a leak would be > 200 MB)`);
});
