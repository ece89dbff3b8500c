// Memory growth over many calls, run in a fresh process with --expose-gc so nothing else the
// benchmark did is on the heap. Prints one JSON line. Usage: node --expose-gc memory.mjs CALLS
// The wasm linear memory is an ArrayBuffer, so it shows in process.memoryUsage().external.

import { SuperfoneClient, isValidE164, validateUpsertLead } from 'superfone-crm';
import { LEAD_BODY, PHONE, UPSERT_INPUT } from './fixtures.mjs';

const CALLS = Number(process.argv[2] ?? 50_000);
const WARMUP = Math.max(1000, Math.floor(CALLS / 10));
if (typeof globalThis.gc !== 'function') throw new Error('run with --expose-gc');

async function settle() {
  // Let finalizers and pending promise jobs run, then collect twice.
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setImmediate(r));
    globalThis.gc();
  }
}

async function snapshot() {
  await settle();
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed, external: m.external, arrayBuffers: m.arrayBuffers };
}

const phones = ['+918000000001', '+14155552671', '8000000001', '+91 80000 00001', '+4420794600000', '+0123'];
let sink = 0;
function validateOnce(i) {
  if (isValidE164(phones[i % phones.length])) sink++;
  sink += validateUpsertLead(UPSERT_INPUT).length;
}

const client = new SuperfoneClient({ apiKey: 'k', baseUrl: 'http://127.0.0.1:1/superfone', fetch: async () => new Response(LEAD_BODY) });
async function getLeads(n) {
  // 100 in flight at a time: the SDK's promise/timer machinery is exercised, not just one call.
  for (let done = 0; done < n; done += 100) {
    const batch = [];
    for (let j = 0; j < 100 && done + j < n; j++) batch.push(client.getLead(PHONE));
    const leads = await Promise.all(batch);
    sink += leads[0].id;
  }
}

async function measure(name, run) {
  await run(WARMUP);
  const before = await snapshot();
  const t0 = performance.now();
  await run(CALLS);
  const ms = performance.now() - t0;
  const after = await snapshot();
  const growth = Object.fromEntries(Object.keys(before).map((k) => [k, after[k] - before[k]]));
  return { name, calls: CALLS, warmup: WARMUP, ms, before, after, growth };
}

const results = [
  await measure('validate', async (n) => { for (let i = 0; i < n; i++) validateOnce(i); }),
  await measure('getLead', getLeads),
];
process.stdout.write(`${JSON.stringify({ results, sink })}\n`);
