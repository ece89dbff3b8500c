// The retry policy seen from outside: what is retried (and how often), what is never repeated
// because it may already have taken effect, and the maxRetries option. Faults carry
// `Retry-After: 0` where they can, so no test waits for the backoff unless it is what is tested.

import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { hoursFromNow, rejectsWith, timed } from './helpers.mjs';

const { SuperfoneClient } = await import('superfone-crm');
const { startEmulator } = await import('superfone-crm/emulator');

let emulator;
let client;

before(async () => {
  emulator = await startEmulator();
  client = new SuperfoneClient({ baseUrl: emulator.url, apiKey: emulator.apiKey });
});
beforeEach(() => emulator.reset());
after(() => emulator.close());

const TASKS = '/enterprise/api/lead/:lead_id/task';
const statuses = () => emulator.requests.map((r) => r.status);
const tasksOf = (leadId) => emulator.inspect().tasks.filter((t) => t.customer_id === leadId);
const followUp = () => ({ type: 'FOLLOW_UP_CALL', due_date: hoursFromNow(24) });

describe('reads (retry-safe)', () => {
  test('a GET with one 503 succeeds on the retry: two requests', async () => {
    emulator.faults.next({ status: 503, retryAfter: 0 });
    const lead = await client.getLead('+918000000001');
    assert.equal(lead.id, 1001);
    assert.deepEqual(statuses(), [503, 200]);
  });

  test('each retried status (408, 500, 502, 504) is retried on a GET', async () => {
    for (const status of [408, 500, 502, 504]) {
      emulator.reset();
      emulator.faults.next({ status, retryAfter: 0 });
      await client.listLeadStages();
      assert.deepEqual(statuses(), [status, 200], `status ${status}`);
    }
  });

  test('a dropped connection on a GET is retried after a backoff', async () => {
    emulator.faults.next({ reset: true });
    const { ms, value } = await timed(client.listProducts());
    assert.equal(value.rows.length, 5);
    assert.equal(emulator.requests.length, 2);
    assert.equal(emulator.requests[0].outcome, 'dropped');
    // Equal jitter over 500 ms: the first retry waits 250..500 ms (generous upper bound).
    assert.ok(ms >= 200, `retried after ${ms} ms, expected at least the 250 ms minimum backoff`);
  });

  test('a timed-out GET is retried and succeeds', async () => {
    emulator.faults.next({ delayMs: 10_000 });
    const { ms, value, error } = await timed(client.listSourceTypes(undefined, { timeoutMs: 300 }));
    assert.equal(error, undefined, String(error));
    assert.equal(value.rows.length, 7);
    assert.equal(emulator.requests.length, 2);
    assert.ok(ms < 5000, `${ms} ms`);
  });

  test('default maxRetries is 2: three attempts, then the error', async () => {
    emulator.faults.next({ status: 503, retryAfter: 0, count: Infinity });
    await rejectsWith(client.listLabels(), { kind: 'server', status: 503, message: 'Service Unavailable', retryable: true });
    assert.equal(emulator.requests.length, 3);
  });

  test('maxRetries: 0 on the client: fails after one request', async () => {
    const noRetry = new SuperfoneClient({ baseUrl: emulator.url, apiKey: emulator.apiKey, maxRetries: 0 });
    emulator.faults.next({ status: 503, retryAfter: 0 });
    await rejectsWith(noRetry.listLabels(), { kind: 'server', status: 503 });
    assert.equal(emulator.requests.length, 1);
  });

  test('per-call maxRetries: 0 overrides the client default', async () => {
    emulator.faults.next({ status: 503, retryAfter: 0 });
    await rejectsWith(client.listLabels(undefined, { maxRetries: 0 }), { kind: 'server', status: 503 });
    assert.equal(emulator.requests.length, 1);
  });

  test('per-call maxRetries: 1 overrides a client with maxRetries: 0', async () => {
    const noRetry = new SuperfoneClient({ baseUrl: emulator.url, apiKey: emulator.apiKey, maxRetries: 0 });
    emulator.faults.next({ status: 503, retryAfter: 0 });
    const page = await noRetry.listLabels(undefined, { maxRetries: 1 });
    assert.equal(page.rows.length, 50);
    assert.deepEqual(statuses(), [503, 200]);
  });

  test('per-call maxRetries: 5 allows five retries', async () => {
    emulator.faults.next({ status: 500, retryAfter: 0, count: 5 });
    await client.listLabels(undefined, { maxRetries: 5 });
    assert.equal(emulator.requests.length, 6);
  });

  test('400, 401 and 404 are never retried', async () => {
    for (const status of [400, 401, 404]) {
      emulator.reset();
      emulator.faults.next({ status, retryAfter: 0 });
      await assert.rejects(client.listLabels());
      assert.equal(emulator.requests.length, 1, `status ${status}`);
    }
  });
});

describe('createTask (never blindly repeated)', () => {
  test('a 500 is not retried: exactly one request', async () => {
    emulator.faults.next({ path: TASKS, method: 'POST', status: 500, retryAfter: 0 });
    const err = await rejectsWith(client.createTask(1001, followUp()), { kind: 'server', status: 500 });
    assert.equal(err.retryable, false, 'the caller is not told to repeat a write that may have happened');
    assert.equal(emulator.requests.length, 1);
  });

  test('a 503 is not retried either', async () => {
    emulator.faults.next({ path: TASKS, method: 'POST', status: 503, retryAfter: 0 });
    await rejectsWith(client.createTask(1001, followUp()), { kind: 'server', status: 503 });
    assert.equal(emulator.requests.length, 1);
  });

  test("a connection lost after the body ('after-body'): not retried, the task exists exactly once", async () => {
    const before = tasksOf(1001).length;
    emulator.faults.next({ path: TASKS, method: 'POST', reset: 'after-body' });
    const err = await rejectsWith(client.createTask(1001, { type: 'REMINDER', due_date: hoursFromNow(24), customer_note: 'once' }), {
      kind: 'network',
      retryable: false,
    });
    assert.match(err.message, /not retried|not safe/);
    assert.equal(emulator.requests.length, 1);
    assert.equal(tasksOf(1001).length, before + 1);
    assert.equal(emulator.inspect().notes.filter((n) => n.text === 'once').length, 1);
  });

  test('a timeout is not retried', async () => {
    emulator.faults.next({ path: TASKS, method: 'POST', delayMs: 10_000 });
    const { ms, error } = await timed(client.createTask(1001, followUp(), { timeoutMs: 200 }));
    assert.equal(error?.kind, 'timeout', String(error));
    assert.equal(error.retryable, false);
    assert.equal(emulator.requests.length, 1);
    assert.ok(ms < 3000, `${ms} ms`);
  });

  test('a 429 is retried (the server did nothing) and the task is created once', async () => {
    const before = tasksOf(1001).length;
    emulator.faults.next({ path: TASKS, method: 'POST', status: 429, retryAfter: 0 });
    const created = await client.createTask(1001, followUp());
    assert.deepEqual(statuses(), [429, 200]);
    assert.equal(tasksOf(1001).length, before + 1);
    assert.ok(tasksOf(1001).some((t) => t.id === created.id));
  });

  test('completeTask with a 503 is not retried', async () => {
    emulator.faults.next({ path: `${TASKS}/complete`, status: 503, retryAfter: 0 });
    await rejectsWith(client.completeTask(1001), { kind: 'server', status: 503, retryable: false });
    assert.equal(emulator.requests.length, 1);
  });

  test('completeTask with a 429 is retried', async () => {
    emulator.faults.next({ path: `${TASKS}/complete`, status: 429, retryAfter: 0 });
    const done = await client.completeTask(1001);
    assert.equal(done.task_status, 'COMPLETE');
    assert.deepEqual(statuses(), [429, 200]);
  });
});

describe('upsertLead (retry-safe unless it carries a customer_note)', () => {
  test('with customer_note, a 503 is not retried', async () => {
    emulator.faults.next({ path: '/enterprise/api/lead', method: 'POST', status: 503, retryAfter: 0 });
    await rejectsWith(client.upsertLead({ customer_phone: '+918000000001', customer_note: 'hello' }), {
      kind: 'server',
      status: 503,
      retryable: false,
    });
    assert.equal(emulator.requests.length, 1);
  });

  test("with customer_note, 'after-body' is not retried: the note is added once", async () => {
    emulator.faults.next({ path: '/enterprise/api/lead', method: 'POST', reset: 'after-body' });
    await rejectsWith(client.upsertLead({ customer_phone: '+918000000001', customer_note: 'just once' }), { kind: 'network' });
    assert.equal(emulator.requests.length, 1);
    assert.equal(emulator.inspect().notes.filter((n) => n.text === 'just once').length, 1);
  });

  test('without customer_note, a 503 is retried and succeeds', async () => {
    emulator.faults.next({ path: '/enterprise/api/lead', method: 'POST', status: 503, retryAfter: 0 });
    const lead = await client.upsertLead({ customer_phone: '+918000000001', city: 'Agra' });
    assert.equal(lead.id, 1001);
    assert.deepEqual(statuses(), [503, 200]);
  });

  test('with customer_note, a 429 is still retried', async () => {
    emulator.faults.next({ path: '/enterprise/api/lead', method: 'POST', status: 429, retryAfter: 0 });
    await client.upsertLead({ customer_phone: '+918000000001', customer_note: 'after 429' });
    assert.deepEqual(statuses(), [429, 200]);
    assert.equal(emulator.inspect().notes.filter((n) => n.text === 'after 429').length, 1);
  });
});

describe('Retry-After', () => {
  test('is honoured: a 1 s Retry-After delays the retry by about a second', async () => {
    emulator.faults.next({ status: 429, retryAfter: 1 });
    const { ms } = await timed(client.listSourceTypes());
    assert.equal(emulator.requests.length, 2);
    assert.ok(ms >= 900, `retried after ${ms} ms`);
  });

  test('an HTTP-date in the past means retry now', async () => {
    emulator.faults.next({ status: 503, retryAfter: new Date(Date.now() - 60_000).toUTCString() });
    const { ms } = await timed(client.listSourceTypes());
    assert.equal(emulator.requests.length, 2);
    assert.ok(ms < 3000, `${ms} ms`);
  });
});
