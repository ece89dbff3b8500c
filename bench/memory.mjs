// Memory growth over many calls, run in a fresh process with --expose-gc so nothing else the
// benchmark did is on the heap. Prints one JSON line.
// Usage: node --expose-gc memory.mjs CALLS [validate,getLead,hand,getLeadSettled,handSettled]
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

// The same calls written by hand, with the per-attempt timeout every careful client has (an
// AbortController whose signal goes into the Request): undici registers each such signal with a
// FinalizationRegistry, whose bookkeeping grows by ~40 bytes per call until it levels off after
// some 50,000 calls. The baseline shows how much of the SDK's figure is that.
const stub = async () => new Response(LEAD_BODY);
async function handLeads(n) {
  const one = async () => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 30_000);
    try {
      const response = await stub(new Request(`http://127.0.0.1:1/superfone/enterprise/api/lead?phone=${encodeURIComponent(PHONE)}`, { signal: controller.signal }));
      return JSON.parse(await response.text()).data;
    } finally {
      clearTimeout(timer);
    }
  };
  for (let done = 0; done < n; done += 100) {
    const batch = [];
    for (let j = 0; j < 100 && done + j < n; j++) batch.push(one());
    const leads = await Promise.all(batch);
    sink += leads[0].id;
  }
}

async function measure(name, run, warmup = WARMUP) {
  await run(warmup);
  const before = await snapshot();
  const t0 = performance.now();
  await run(CALLS);
  const ms = performance.now() - t0;
  const after = await snapshot();
  const growth = Object.fromEntries(Object.keys(before).map((k) => [k, after[k] - before[k]]));
  return { name, calls: CALLS, warmup, ms, before, after, growth };
}

// Each getLead figure twice: right after a short warm-up, and after a warm-up long enough for
// undici's registry to level off (the steady state a long-running process lives in). The
// registry is per process, so bench.mjs runs each scenario in a fresh one.
const SETTLED = Math.max(WARMUP, 60_000);
const SCENARIOS = {
  validate: () => measure('validate', async (n) => { for (let i = 0; i < n; i++) validateOnce(i); }),
  getLead: () => measure('getLead', getLeads),
  hand: () => measure('hand-written fetch with timeout', handLeads),
  getLeadSettled: () => measure('getLead (settled)', getLeads, SETTLED),
  handSettled: () => measure('hand-written fetch with timeout (settled)', handLeads, SETTLED),
};
const wanted = (process.argv[3] ?? Object.keys(SCENARIOS).join(',')).split(',');
const results = [];
for (const name of wanted) results.push(await SCENARIOS[name]());
process.stdout.write(`${JSON.stringify({ results, sink })}\n`);
