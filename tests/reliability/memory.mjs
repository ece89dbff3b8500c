// Memory over many calls, in a fresh process with --expose-gc: getLead through a canned `fetch`
// (the whole SDK path: validation, request building, fetch, timeout timer and abort listener,
// decode, the JS value) or through the loopback emulator (MEMORY_TRANSPORT=http).
// Prints one JSON line: a checkpoint (after a full GC) every CALLS/CHECKPOINTS calls after warm-up.
//   node --expose-gc tests/reliability/memory.mjs [CALLS=100000] [CHECKPOINTS=4] [WARMUP=10000]
// The wasm linear memory shows in `external` (it only ever grows: a flat `external` means the
// wasm heap found room for every call in what it had already).

import './helpers.mjs';

const { SuperfoneClient } = await import('superfone-crm');
const { startEmulator } = await import('superfone-crm/emulator');

if (typeof globalThis.gc !== 'function') throw new Error('run with --expose-gc');
const CALLS = Number(process.argv[2] ?? 100_000);
const CHECKPOINTS = Number(process.argv[3] ?? 4);
const WARMUP = Number(process.argv[4] ?? 10_000);
const TRANSPORT = process.env.MEMORY_TRANSPORT ?? 'fetch';
const IN_FLIGHT = 50;

let client;
let emulator;
if (TRANSPORT === 'http') {
  emulator = await startEmulator();
  client = new SuperfoneClient({ baseUrl: emulator.url, apiKey: emulator.apiKey });
} else {
  const probe = await startEmulator();
  const body = await (await fetch(`${probe.url}/enterprise/api/lead?phone=%2B918000000001`, { headers: { 'x-api-key': probe.apiKey } })).text();
  await probe.close();
  client = new SuperfoneClient({ apiKey: 'sf_test_key', fetch: async () => new Response(body, { headers: { 'content-type': 'application/json' } }) });
}

let sink = 0;
async function calls(n) {
  for (let done = 0; done < n; done += IN_FLIGHT) {
    const batch = [];
    for (let j = 0; j < IN_FLIGHT && done + j < n; j++) batch.push(client.getLead('+918000000001'));
    for (const lead of await Promise.all(batch)) sink += lead.id;
    if (emulator) emulator.requests.length = 0; // the emulator's own log is not the SDK's memory
  }
}

async function settle() {
  for (let i = 0; i < 4; i++) {
    await new Promise((r) => setTimeout(r, 10));
    globalThis.gc();
  }
}

async function checkpoint(callsDone, t0) {
  await settle();
  const m = process.memoryUsage();
  return { calls: callsDone, rss: m.rss, heapUsed: m.heapUsed, external: m.external, arrayBuffers: m.arrayBuffers, seconds: +((performance.now() - t0) / 1000).toFixed(1) };
}

const t0 = performance.now();
await calls(WARMUP);
const points = [await checkpoint(0, t0)];
const step = Math.ceil(CALLS / CHECKPOINTS);
for (let done = 0; done < CALLS; ) {
  const n = Math.min(step, CALLS - done);
  await calls(n);
  done += n;
  points.push(await checkpoint(done, t0));
}
if (emulator) await emulator.close();
process.stdout.write(`${JSON.stringify({ transport: TRANSPORT, calls: CALLS, warmup: WARMUP, points, sink })}\n`);
