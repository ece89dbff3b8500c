// The fault matrix: every endpoint × every fault the emulator can inject. Each case asserts that
// the promise settles (well within a bound: never hangs), how (the SuperfoneError kind, status
// and `retryable`, or the value after a retry), how many requests the emulator saw (a request that
// is not safe to repeat is sent once when it may have reached the server), and, for writes, how
// many times the write took effect. The cases are generated from the two tables below; each runs
// against its own emulator over real HTTP, four at a time.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { hoursFromNow, pool, within } from './helpers.mjs';

const { SuperfoneClient, SuperfoneError } = await import('superfone-crm');
const { startEmulator } = await import('superfone-crm/emulator');

const LEAD = '/enterprise/api/lead';
const TASKS = '/enterprise/api/lead/:lead_id/task';
const FIVE_MB = 5 * 1024 * 1024;
const NOTE = 'fault-matrix note';

/** How many times a write took effect, read from the emulator's state (reads: always 0). */
const none = () => 0;
const ENDPOINTS = [
  {
    name: 'upsertLead', method: 'POST', path: LEAD, safe: true, shape: 'lead',
    call: (c, o) => c.upsertLead({ customer_phone: '+918000000001', city: 'Pune' }, o),
    check: (lead) => assert.equal(lead.id, 1001),
    effects: none, // setting the same field twice is harmless (retried)
  },
  {
    name: 'upsertLead with customer_note', method: 'POST', path: LEAD, safe: false, shape: 'lead',
    call: (c, o) => c.upsertLead({ customer_phone: '+918000000001', customer_note: NOTE }, o),
    check: (lead) => assert.equal(lead.id, 1001),
    effects: (state) => state.notes.filter((n) => n.text === NOTE).length,
  },
  {
    name: 'getLead', method: 'GET', path: LEAD, safe: true, shape: 'lead',
    call: (c, o) => c.getLead('+918000000001', o),
    check: (lead) => assert.equal(lead.id, 1001),
    effects: none,
  },
  {
    name: 'createTask', method: 'POST', path: TASKS, safe: false, shape: 'task',
    call: (c, o) => c.createTask(1001, { type: 'REMINDER', due_date: hoursFromNow(24), customer_note: NOTE }, o),
    check: (task) => assert.equal(task.customer_id, 1001),
    effects: (state) => state.tasks.filter((t) => t.customer_id === 1001 && t.id !== 5001).length,
  },
  {
    name: 'completeTask', method: 'POST', path: `${TASKS}/complete`, safe: false, shape: 'task',
    call: (c, o) => c.completeTask(1001, o),
    check: (task) => assert.equal(task.customer_id, 1001),
    effects: (state) => state.tasks.filter((t) => t.id === 5001 && t.task_status === 'COMPLETE').length,
  },
  {
    name: 'listTasks', method: 'GET', path: TASKS, safe: true, shape: 'taskPage',
    call: (c, o) => c.listTasks(1001, undefined, o),
    check: (page) => assert.ok(Array.isArray(page.rows) && page.rows.length >= 1),
    effects: none,
  },
  ...[
    ['listSourceTypes', '/enterprise/api/source-type', 7],
    ['listLabels', '/enterprise/api/label', 50],
    ['listLeadStages', '/enterprise/api/lead-stage', 7],
    ['listLeadGroups', '/enterprise/api/lead-group', 5],
    ['listProducts', '/enterprise/api/product', 5],
  ].map(([name, path, rows]) => ({
    name, method: 'GET', path, safe: true, shape: name,
    call: (c, o) => c[name](undefined, o),
    check: (page) => assert.equal(page.rows.length, rows),
    effects: none,
  })),
];

/** 5 MB bodies with a valid envelope, one per response shape (filled in `before`). */
const huge = {};
const RETRIED = { outcome: 'retried' }; // succeeds on the second request

// `safe`/`unsafe`: the expected outcome for a retry-safe request and for one that is not.
// An outcome is 'retried', 'ok' (one request), or { error, requests, effects }.
const FAULTS = [
  { name: '429 with Retry-After: 0', spec: { status: 429, retryAfter: 0 }, safe: RETRIED, unsafe: RETRIED },
  { name: '429 without Retry-After (backoff)', spec: { status: 429 }, safe: RETRIED, unsafe: RETRIED },
  {
    name: '429 on every attempt', spec: { status: 429, retryAfter: 0, count: Infinity },
    safe: { error: { kind: 'rate_limited', status: 429, retryable: true }, requests: 3 },
    unsafe: { error: { kind: 'rate_limited', status: 429, retryable: true }, requests: 3, effects: 0 },
  },
  {
    name: '500', spec: { status: 500, retryAfter: 0 }, safe: RETRIED,
    unsafe: { error: { kind: 'server', status: 500, retryable: false, message: 'Internal Server Error' }, requests: 1, effects: 0 },
  },
  {
    name: '502 HTML error page', spec: { status: 502, html: true, retryAfter: 0 }, safe: RETRIED,
    unsafe: { error: { kind: 'server', status: 502, retryable: false, message: 'HTTP 502 with a non-JSON body' }, requests: 1, effects: 0 },
  },
  {
    name: '503', spec: { status: 503, retryAfter: 0 }, safe: RETRIED,
    unsafe: { error: { kind: 'server', status: 503, retryable: false }, requests: 1, effects: 0 },
  },
  {
    name: '503 on every attempt', spec: { status: 503, retryAfter: 0, count: Infinity },
    safe: { error: { kind: 'server', status: 503, retryable: true }, requests: 3 },
    unsafe: { error: { kind: 'server', status: 503, retryable: false }, requests: 1, effects: 0 },
  },
  {
    name: 'slow response beyond timeoutMs', spec: { delayMs: 10_000 }, options: { timeoutMs: 300 }, safe: RETRIED,
    // The slow request may or may not take effect after the client gave up: effects not asserted.
    unsafe: { error: { kind: 'timeout', retryable: false }, requests: 1 },
  },
  {
    name: 'connection dropped before the request took effect', spec: { reset: true }, safe: RETRIED,
    unsafe: { error: { kind: 'network', retryable: false, message: /not retried/ }, requests: 1, effects: 0 },
  },
  {
    name: 'connection dropped after the request took effect', spec: { reset: 'after-body' }, safe: RETRIED,
    unsafe: { error: { kind: 'network', retryable: false, message: /not retried/ }, requests: 1, effects: 1 },
  },
  {
    name: 'invalid JSON on a 200', spec: { malformed: true },
    safe: { error: { kind: 'decode', retryable: false }, requests: 1 },
    unsafe: { error: { kind: 'decode', retryable: false }, requests: 1, effects: 0 },
  },
  {
    name: '200 without data', spec: { body: { message: 'success' } },
    safe: { error: { kind: 'decode', retryable: false }, requests: 1 },
    unsafe: { error: { kind: 'decode', retryable: false }, requests: 1, effects: 0 },
  },
  {
    name: 'a 5 MB body with a valid envelope', spec: (ep) => ({ body: huge[ep.shape] }),
    safe: { outcome: 'ok' }, unsafe: { outcome: 'ok' }, big: true,
  },
  {
    name: 'a 5 MB non-JSON body on a 500', spec: { status: 500, body: 'x'.repeat(FIVE_MB) }, options: { maxRetries: 0 },
    safe: { error: { kind: 'server', status: 500, message: 'HTTP 500 with a non-JSON body' }, requests: 1, cutBody: true },
    unsafe: { error: { kind: 'server', status: 500, message: 'HTTP 500 with a non-JSON body' }, requests: 1, effects: 0, cutBody: true },
  },
];

/** A 5 MB body with a valid envelope built around a real response of the emulator. */
function bigEnvelope(data, grow) {
  const out = grow(structuredClone(data));
  const body = { data: out, message: 'success' };
  assert.ok(JSON.stringify(body).length >= FIVE_MB);
  return body;
}

before(async () => {
  const emulator = await startEmulator();
  try {
    await buildHugeBodies(emulator);
  } finally {
    await emulator.close();
  }
});

async function buildHugeBodies(emulator) {
  const get = async (path) => {
    const res = await fetch(`${emulator.url}${path}`, { headers: { 'x-api-key': emulator.apiKey } });
    return (await res.json()).data;
  };
  const pad = 'x'.repeat(FIVE_MB);
  huge.lead = bigEnvelope(await get(`${LEAD}?phone=%2B918000000001`), (l) => ({ ...l, additional_info: pad }));
  const taskPage = await get(`${LEAD}/1001/task`);
  huge.task = bigEnvelope(taskPage.rows[0], (t) => ({ ...t, title: pad }));
  const manyRows = (page) => {
    const row = Math.min(...page.rows.map((r) => JSON.stringify(r).length));
    const n = Math.ceil(FIVE_MB / row) + 1;
    return { ...page, rows: Array.from({ length: n }, (_, i) => ({ ...page.rows[i % page.rows.length] })) };
  };
  huge.taskPage = bigEnvelope(taskPage, manyRows);
  for (const [name, path] of [
    ['listSourceTypes', 'source-type'], ['listLabels', 'label'], ['listLeadStages', 'lead-stage'],
    ['listLeadGroups', 'lead-group'], ['listProducts', 'product'],
  ]) {
    huge[name] = bigEnvelope(await get(`/enterprise/api/${path}`), manyRows);
  }
}

// FAULT_MATRIX_FILTER=regex narrows the matrix to matching "endpoint: fault" names (debugging).
const filter = process.env.FAULT_MATRIX_FILTER ? new RegExp(process.env.FAULT_MATRIX_FILTER) : null;
const cases = ENDPOINTS.flatMap((ep) => FAULTS.map((fault) => ({ ep, fault, expected: ep.safe ? fault.safe : fault.unsafe })))
  .filter((c) => !filter || filter.test(`${c.ep.name}: ${c.fault.name}`));
const SETTLE_BOUND_MS = 5000;
const timings = [];

async function runCase({ ep, fault, expected }) {
  const emulator = await startEmulator();
  try {
    const client = new SuperfoneClient({ baseUrl: emulator.url, apiKey: emulator.apiKey });
    const spec = typeof fault.spec === 'function' ? fault.spec(ep) : fault.spec;
    emulator.faults.next({ path: ep.path, method: ep.method, ...spec });
    const before = ep.effects(emulator.inspect());
    const start = performance.now();
    let value;
    let error;
    try {
      value = await within(ep.call(client, fault.options), 20_000, `${ep.name} with ${fault.name}`);
    } catch (e) {
      error = e;
    }
    const ms = performance.now() - start;
    timings.push(ms);
    assert.ok(ms < SETTLE_BOUND_MS, `settled after ${ms.toFixed(0)} ms (bound ${SETTLE_BOUND_MS} ms)`);
    const requests = emulator.requests.length;
    const effects = ep.effects(emulator.inspect()) - before;

    if (expected.outcome) {
      assert.equal(error, undefined, `expected success, got ${error?.kind}: ${error?.message}`);
      if (fault.big) assert.ok(JSON.stringify(value).length >= FIVE_MB, 'the whole 5 MB value arrived');
      else ep.check(value);
      assert.equal(requests, expected.outcome === 'retried' ? 2 : 1, 'requests the emulator saw');
      if (ep.effects !== none && !fault.big) assert.equal(effects, 1, 'the write took effect exactly once');
      return;
    }
    assert.ok(error instanceof SuperfoneError, `expected a SuperfoneError, got ${value !== undefined ? 'a value' : error}`);
    for (const [key, want] of Object.entries(expected.error)) {
      if (want instanceof RegExp) assert.match(String(error[key]), want, `err.${key}`);
      else assert.deepEqual(error[key], want, `err.${key} (message: ${error.message})`);
    }
    assert.equal(requests, expected.requests, 'requests the emulator saw');
    if (expected.effects !== undefined) assert.equal(effects, expected.effects, 'times the write took effect');
    if (expected.cutBody) {
      assert.ok(error.message.length < 200, 'the message is a sentence, not the body');
      assert.equal(typeof error.body, 'string');
      assert.ok(error.body.length <= 1000, `the body is cut (${error.body.length} chars)`);
    }
  } finally {
    await emulator.close();
  }
}

describe(`fault matrix: ${ENDPOINTS.length} endpoints × ${FAULTS.length} faults`, () => {
  // Four cases at a time, each on its own emulator, rather than one test per case run serially.
  const results = new Map();
  let started;
  before(async () => {
    started = performance.now();
    const outcomes = await pool(cases, 4, (c) => {
      const t0 = performance.now();
      const done = (e) => {
        if (process.env.FAULT_MATRIX_VERBOSE) console.error(`${(performance.now() - t0).toFixed(0)} ms ${c.ep.name}: ${c.fault.name}${e ? ` FAILED ${e.message}` : ''}`);
        return e;
      };
      return runCase(c).then(() => done(null), done);
    });
    cases.forEach((c, i) => results.set(c, outcomes[i]));
  });
  after(() => {
    const total = ((performance.now() - started) / 1000).toFixed(1);
    const slowest = Math.max(...timings).toFixed(0);
    console.log(`# fault matrix: ${cases.length} cases in ${total} s, slowest call settled in ${slowest} ms`);
  });
  for (const c of cases) {
    test(`${c.ep.name}: ${c.fault.name}`, () => {
      const error = results.get(c);
      if (error) throw error;
    });
  }
});
