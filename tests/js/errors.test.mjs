// Every SuperfoneError kind, produced for real: bad input (refused before sending), the
// emulator's own errors, and its fault injection for 429, 5xx, delays, resets and broken bodies.

import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, beforeEach, describe, test } from 'node:test';
import { hoursFromNow, rejectsWith, timed, within } from './helpers.mjs';

const { SuperfoneClient, SuperfoneError } = await import('superfone-crm');
const { startEmulator } = await import('superfone-crm/emulator');

let emulator;
let client; // default retries
let once; // maxRetries: 0

before(async () => {
  emulator = await startEmulator();
  client = new SuperfoneClient({ baseUrl: emulator.url, apiKey: emulator.apiKey });
  once = new SuperfoneClient({ baseUrl: emulator.url, apiKey: emulator.apiKey, maxRetries: 0 });
});
beforeEach(() => emulator.reset());
after(() => emulator.close());

const task = () => ({ type: 'FOLLOW_UP_CALL', due_date: hoursFromNow(24) });

describe('validation: refused before any request is sent', () => {
  const cases = [
    ['getLead with a national number', () => client.getLead('8000000001'), 'phone'],
    ['getLead with spaces in the phone', () => client.getLead('+91 80000 00001'), 'phone'],
    ['getLead with no phone', () => client.getLead(), 'phone'],
    ['upsertLead with a bad customer_phone', () => client.upsertLead({ customer_phone: '+91-8000000001' }), 'customer_phone'],
    ['upsertLead without customer_phone', () => client.upsertLead({ first_name: 'A' }), 'customer_phone'],
    ['upsertLead with a bad add_phones item', () => client.upsertLead({ customer_phone: '+918000000001', add_phones: ['+918000000002', '123'] }), 'add_phones[1]'],
    ['upsertLead with add_labels and remove_labels', () => client.upsertLead({ customer_phone: '+918000000001', add_labels: ['Hot'], remove_labels: ['VIP'] }), 'remove_labels'],
    ['upsertLead with an unknown field', () => client.upsertLead({ customer_phone: '+918000000001', lead_stage: 'New' }), 'lead_stage'],
    ['createTask with lead id 0', () => client.createTask(0, task()), 'lead_id'],
    ['createTask with lead id -1', () => client.createTask(-1, task()), 'lead_id'],
    ['createTask with lead id 1.5', () => client.createTask(1.5, task()), 'lead_id'],
    ["createTask with lead id '12'", () => client.createTask('12', task()), 'lead_id'],
    ['createTask with lead id 2**53', () => client.createTask(2 ** 53, task()), 'lead_id'],
    ['createTask with NaN lead id', () => client.createTask(NaN, task()), 'lead_id'],
    ['createTask with an unknown type', () => client.createTask(1001, { type: 'CALL', due_date: hoursFromNow(1) }), 'type'],
    ['createTask without due_date', () => client.createTask(1001, { type: 'REMINDER' }), 'due_date'],
    ['createTask with notify_at in the past', () => client.createTask(1001, { type: 'REMINDER', due_date: hoursFromNow(1), notify_at: hoursFromNow(-1) }), 'notify_at'],
    ['createTask with an assignee field', () => client.createTask(1001, { ...task(), assignee_user_phone: '+918000000101' }), 'assignee_user_phone'],
    ['completeTask with lead id 0', () => client.completeTask(0), 'lead_id'],
    ["listTasks with lead id '1001'", () => client.listTasks('1001'), 'lead_id'],
    ['listTasks with page_size 21', () => client.listTasks(1001, { page_size: 21 }), 'page_size'],
    ['listLabels with page 0', () => client.listLabels({ page: 0 }), 'page'],
    ['listLabels with limit (an iterate* option)', () => client.listLabels({ limit: 5 }), 'limit'],
    ['listProducts with an unknown query key', () => client.listProducts({ search: 'plan' }), 'search'],
    ['a request option that does not exist', () => client.listLabels(undefined, { timeout: 5 }), 'timeout'],
    ['a signal that is not an AbortSignal', () => client.listLabels(undefined, { signal: {} }), 'signal'],
  ];
  for (const [name, call, field] of cases) {
    test(`${name} → validation, field ${field}, nothing sent`, async () => {
      const err = await rejectsWith(call(), { kind: 'validation', field, retryable: false });
      assert.equal(err.status, undefined);
      assert.ok(err.message.includes(field), `the message names ${field}: ${err.message}`);
      assert.equal(emulator.requests.length, 0);
    });
  }

  test('every problem is in the message; field is the first', async () => {
    const err = await rejectsWith(client.upsertLead({ customer_phone: 'x', email: 'a@b.com' }), { kind: 'validation', field: 'customer_phone' });
    assert.match(err.message, /customer_phone/);
    assert.match(err.message, /email/);
  });
});

describe('bad_request (HTTP 400): the server message verbatim', () => {
  test('"Customer not found" for an unknown phone without the create flag', async () => {
    const err = await rejectsWith(client.upsertLead({ customer_phone: '+919999999999', first_name: 'X' }), {
      kind: 'bad_request',
      status: 400,
      message: 'Customer not found',
      retryable: false,
    });
    assert.deepEqual(err.body, { message: 'Customer not found' });
  });

  test('a duplicate stage title', async () => {
    await rejectsWith(client.upsertLead({ customer_phone: '+918000000001', lead_stage_name: 'Qualified' }), {
      kind: 'bad_request',
      status: 400,
      message: 'Multiple lead stages found with this name. Provide unique',
    });
  });

  test('a duplicate group title', async () => {
    await rejectsWith(client.upsertLead({ customer_phone: '+918000000001', lead_group_name: 'Partners' }), {
      kind: 'bad_request',
      status: 400,
      message: 'Multiple lead groups found with this name',
    });
  });

  test('a primary phone shared by two leads', async () => {
    await rejectsWith(client.upsertLead({ customer_phone: '+918000000099', first_name: 'X' }), {
      kind: 'bad_request',
      status: 400,
      message: 'Customer phone exists in multiple contact',
    });
  });

  test('completeTask with no open task', async () => {
    await client.completeTask(1001);
    await rejectsWith(client.completeTask(1001), {
      kind: 'bad_request',
      status: 400,
      message: 'No open task found for this lead',
    });
  });
});

describe('unauthorized (HTTP 401)', () => {
  test('a wrong key: the API message, status 401, not retried', async () => {
    const wrong = new SuperfoneClient({ baseUrl: emulator.url, apiKey: 'sf_wrong_key' });
    const err = await rejectsWith(wrong.listLabels(), {
      kind: 'unauthorized',
      status: 401,
      message: 'UnAuthorized, Please Provide Valid API Key',
      retryable: false,
    });
    assert.deepEqual(err.body, { message: 'UnAuthorized, Please Provide Valid API Key' });
    assert.equal(emulator.requests.length, 1);
  });
});

describe('not_found (HTTP 404)', () => {
  test('getLead of an unknown phone: "Lead not found"', async () => {
    await rejectsWith(client.getLead('+919999999999'), {
      kind: 'not_found',
      status: 404,
      message: 'Lead not found',
      retryable: false,
    });
    assert.equal(emulator.requests.length, 1);
  });

  test('createTask for an unknown lead id', async () => {
    await rejectsWith(client.createTask(999999, task()), { kind: 'not_found', status: 404, message: 'Lead not found' });
  });

  test('an unknown stage title', async () => {
    await rejectsWith(client.upsertLead({ customer_phone: '+918000000001', lead_stage_name: 'No Such Stage' }), {
      kind: 'not_found',
      status: 404,
    });
  });
});

describe('rate_limited (HTTP 429)', () => {
  test('with maxRetries 0: rate_limited, retryable, one request', async () => {
    emulator.faults.next({ status: 429, retryAfter: 0 });
    const err = await rejectsWith(once.listLabels(), {
      kind: 'rate_limited',
      status: 429,
      message: 'Too Many Requests',
      retryable: true,
    });
    assert.deepEqual(err.body, { message: 'Too Many Requests' });
    assert.equal(emulator.requests.length, 1);
  });

  test('retried after Retry-After: 0, then success: two requests', async () => {
    emulator.faults.next({ status: 429, retryAfter: 0 });
    const page = await client.listLabels();
    assert.equal(page.rows.length, 50);
    assert.deepEqual(emulator.requests.map((r) => r.status), [429, 200]);
  });

  test('a Retry-After beyond 60 s gives up at once instead of waiting', async () => {
    emulator.faults.next({ status: 429, retryAfter: 120 });
    const { ms, error } = await timed(client.listLabels());
    assert.ok(error instanceof SuperfoneError);
    assert.equal(error.kind, 'rate_limited');
    assert.equal(emulator.requests.length, 1);
    assert.ok(ms < 3000, `settled in ${ms} ms`);
  });
});

describe('server (HTTP 5xx and other statuses)', () => {
  test('500: kind server, the server message, retryable', async () => {
    emulator.faults.next({ status: 500 });
    await rejectsWith(once.getLead('+918000000001'), {
      kind: 'server',
      status: 500,
      message: 'Internal Server Error',
      retryable: true,
    });
  });

  test('502 HTML page: the message is not the HTML, the body is the text', async () => {
    emulator.faults.next({ html: true });
    const err = await rejectsWith(once.listProducts(), { kind: 'server', status: 502, retryable: true });
    assert.doesNotMatch(err.message, /<html|<!DOCTYPE/i);
    assert.match(err.message, /502/);
    assert.equal(typeof err.body, 'string');
    assert.match(err.body, /502 Bad Gateway/);
  });

  test('a 5xx with a JSON body without message: a sentence naming the status', async () => {
    emulator.faults.next({ status: 503, body: { error: 'down' } });
    const err = await rejectsWith(once.listProducts(), { kind: 'server', status: 503 });
    assert.match(err.message, /503/);
    assert.deepEqual(err.body, { error: 'down' });
  });

  test('an unexpected 4xx (403) is kind server, not retryable', async () => {
    emulator.faults.next({ status: 403, body: { message: 'Forbidden by policy' } });
    await rejectsWith(client.listProducts(), { kind: 'server', status: 403, message: 'Forbidden by policy', retryable: false });
    assert.equal(emulator.requests.length, 1);
  });
});

describe('dates: what the validator accepts, the emulator accepts too', () => {
  for (const due_date of ['2030-05-20T15:00:00+20:00', '2030-05-20T15:00:00.1234567891Z', '2030-05-20T15:00:00-23:59']) {
    test(`createTask with due_date ${due_date}`, async () => {
      const task = await client.createTask(1001, { type: 'REMINDER', due_date });
      assert.equal(new Date(task.due_date).getTime(), new Date(due_date).getTime());
    });
  }
  test('an offset past 23:59 is refused before sending', async () => {
    await rejectsWith(client.createTask(1001, { type: 'REMINDER', due_date: '2030-05-20T15:00:00+24:00' }), { kind: 'validation', field: 'due_date' });
    assert.equal(emulator.requests.length, 0);
  });
});

describe('timeout', () => {
  test('a response slower than timeoutMs → timeout, settled promptly', async () => {
    emulator.faults.next({ delayMs: 10_000 });
    const { ms, error } = await timed(once.listLabels(undefined, { timeoutMs: 200 }));
    assert.ok(error instanceof SuperfoneError, String(error));
    assert.equal(error.kind, 'timeout');
    assert.equal(error.status, undefined);
    assert.equal(error.retryable, true);
    assert.match(error.message, /timed out/);
    assert.ok(ms < 3000, `settled in ${ms} ms, not after the 10 s delay`);
  });

  test('the client-level timeoutMs applies too', async () => {
    const quick = new SuperfoneClient({ baseUrl: emulator.url, apiKey: emulator.apiKey, timeoutMs: 200, maxRetries: 0 });
    emulator.faults.next({ delayMs: 10_000 });
    const { ms, error } = await timed(quick.getLead('+918000000001'));
    assert.equal(error?.kind, 'timeout');
    assert.ok(ms < 3000, `settled in ${ms} ms`);
  });
});

describe('timeouts of calls made together', () => {
  // Calls without a signal of their own share their timeout's timer and AbortController with
  // the calls started within a few ms of them (shell.js, joinGroup). What each call sees must not
  // change: its own outcome, at least its own timeoutMs, and a timed-out request cancelled.
  const PAGE = JSON.stringify({ data: { rows: [], total_pages: 0, current_page: 1, page_size: 50, total_items: 0 }, message: 'success' });
  let server;
  let url;
  const cancelled = []; // the page of each request the client gave up on before its response
  // The clock starts before the call does: its first `fetch` may load undici synchronously.
  const timedFromStart = async (call) => {
    const start = performance.now();
    const { error, value } = await timed(call());
    return { ms: performance.now() - start, error, value };
  };
  before(async () => {
    // page 1 answers at once; page 2 never does (until the client hangs up).
    server = http.createServer((req, res) => {
      const page = new URL(req.url, 'http://x').searchParams.get('page');
      if (page !== '2') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(PAGE);
        return;
      }
      res.on('close', () => { if (!res.writableEnded) cancelled.push(page); });
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${server.address().port}/superfone`;
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  test('fast and slow calls started together: each its own outcome, no timeout early, the slow ones cancelled', async () => {
    cancelled.length = 0;
    const together = new SuperfoneClient({ baseUrl: url, apiKey: 'k', maxRetries: 0, timeoutMs: 300 });
    const slow = () => timedFromStart(() => together.listLabels({ page: 2 }));
    const fast = () => timedFromStart(() => together.listLabels({ page: 1 }));
    const first = [slow(), fast(), fast()];
    await new Promise((resolve) => setTimeout(resolve, 5)); // later, but within the same few ms
    const second = [slow(), fast()];
    const [slow1, fast1, fast2, slow2, fast3] = await within(Promise.all([...first, ...second]), 5000, 'the calls');
    for (const done of [fast1, fast2, fast3]) {
      assert.equal(done.error, undefined, String(done.error));
      assert.deepEqual(done.value.rows, []);
    }
    for (const gaveUp of [slow1, slow2]) {
      assert.equal(gaveUp.error?.kind, 'timeout', String(gaveUp.error));
      assert.ok(gaveUp.ms >= 300, `timed out after ${gaveUp.ms} ms, before its 300 ms`);
      assert.ok(gaveUp.ms < 3000, `settled in ${gaveUp.ms} ms`);
    }
    // The requests given up on are cancelled, not left open on the connection.
    await within((async () => { while (cancelled.length < 2) await new Promise((r) => setTimeout(r, 10)); })(), 3000, 'the cancellations');
    assert.deepEqual(cancelled, ['2', '2']);
  });

  test('a call made right after another finished gets its whole timeout, and is cancelled', async () => {
    cancelled.length = 0;
    const inTurn = new SuperfoneClient({ baseUrl: url, apiKey: 'k', maxRetries: 0, timeoutMs: 300 });
    const first = await timedFromStart(() => inTurn.listLabels({ page: 1 }));
    assert.equal(first.error, undefined, String(first.error));
    const second = await within(timedFromStart(() => inTurn.listLabels({ page: 2 })), 5000, 'the second call');
    assert.equal(second.error?.kind, 'timeout', String(second.error));
    assert.ok(second.ms >= 300 && second.ms < 3000, `timed out after ${second.ms} ms`);
    await within((async () => { while (cancelled.length < 1) await new Promise((r) => setTimeout(r, 10)); })(), 3000, 'the cancellation');
  });

  test('the longest timeoutMs is kept as it is: no timer overflows', async () => {
    // A timer beyond 2^31 - 1 ms fires at once in Node (TimeoutOverflowWarning), again and again.
    const warnings = [];
    const onWarning = (warning) => warnings.push(warning.name);
    process.on('warning', onWarning);
    try {
      const patient = new SuperfoneClient({ baseUrl: url, apiKey: 'k', maxRetries: 0, timeoutMs: 2 ** 31 - 1 });
      const pages = await Promise.all([patient.listLabels({ page: 1 }), patient.listLabels({ page: 1 })]);
      assert.deepEqual(pages.map((p) => p.rows), [[], []]);
      const controller = new AbortController();
      const hung = patient.listLabels({ page: 2 }, { signal: controller.signal });
      await new Promise((resolve) => setTimeout(resolve, 50));
      controller.abort();
      await rejectsWith(hung, { kind: 'aborted' });
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
    }
    assert.deepEqual(warnings, []);
  });

  test('different timeouts started together each keep their own', async () => {
    const together = new SuperfoneClient({ baseUrl: url, apiKey: 'k', maxRetries: 0 });
    const [short, long] = await Promise.all([
      timedFromStart(() => together.listLabels({ page: 2 }, { timeoutMs: 150 })),
      timedFromStart(() => together.listLabels({ page: 2 }, { timeoutMs: 600 })),
    ]);
    assert.equal(short.error?.kind, 'timeout');
    assert.equal(long.error?.kind, 'timeout');
    assert.ok(short.ms >= 150 && short.ms < 500, `the 150 ms call took ${short.ms} ms`);
    assert.ok(long.ms >= 600, `the 600 ms call took ${long.ms} ms`);
  });
});

describe('timeouts under fake timers', () => {
  // Test suites fake setTimeout (node:test, vitest, jest) but seldom `performance`: the
  // timeout must still fire once the fake clock passes it (it re-checks the real clock once).
  const never = () => new Promise(() => {});
  for (const [name, options] of [['without a signal', {}], ['with a caller signal', { signal: new AbortController().signal }]]) {
    test(`a call ${name} times out when the fake clock passes timeoutMs`, async (t) => {
      t.mock.timers.enable({ apis: ['setTimeout'] });
      let error;
      let settled = false;
      try {
        const client = new SuperfoneClient({ apiKey: 'k', fetch: never, maxRetries: 0 });
        client.listLabels(undefined, { timeoutMs: 300, ...options }).then(() => { settled = true; }, (e) => { error = e; settled = true; });
        for (let i = 0; i < 5 && !settled; i++) {
          t.mock.timers.tick(1000);
          await new Promise((resolve) => setImmediate(resolve));
        }
      } finally {
        t.mock.timers.reset();
      }
      assert.ok(settled, 'still pending after 5 s of fake time');
      assert.equal(error?.kind, 'timeout', String(error));
    });
  }
});

describe('timeout while reading the body', () => {
  let server;
  let url;
  before(async () => {
    // Sends the status line, headers and half a JSON body, then stalls.
    server = http.createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('{"data": {"rows": [');
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${server.address().port}/superfone`;
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  test('a body that stalls after the headers → timeout (the timeout covers the body)', async () => {
    const stalled = new SuperfoneClient({ baseUrl: url, apiKey: 'k', maxRetries: 0, timeoutMs: 200 });
    const { ms, error } = await within(timed(stalled.listLabels()), 5000, 'a stalled body');
    assert.equal(error?.kind, 'timeout', String(error));
    assert.ok(ms < 3000, `settled in ${ms} ms`);
  });
});

describe('aborted', () => {
  test('abort mid-request → aborted, settled promptly', async () => {
    emulator.faults.next({ delayMs: 10_000 });
    const controller = new AbortController();
    const pending = timed(client.listLabels(undefined, { signal: controller.signal }));
    setTimeout(() => controller.abort(), 100);
    const { ms, error } = await pending;
    assert.ok(error instanceof SuperfoneError, String(error));
    assert.equal(error.kind, 'aborted');
    assert.equal(error.retryable, false);
    assert.ok(ms < 3000, `settled in ${ms} ms`);
    assert.equal(emulator.requests.length, 1, 'an abort is never retried');
  });

  test('an abort with a custom reason is still kind aborted', async () => {
    emulator.faults.next({ delayMs: 10_000 });
    const controller = new AbortController();
    const pending = client.listLabels(undefined, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('user navigated away')), 50);
    await rejectsWith(pending, { kind: 'aborted', retryable: false });
  });

  test('a signal aborted before the call → aborted, nothing sent', async () => {
    const err = await rejectsWith(client.getLead('+918000000001', { signal: AbortSignal.abort() }), {
      kind: 'aborted',
      retryable: false,
    });
    assert.equal(err.status, undefined);
    assert.equal(emulator.requests.length, 0);
  });

  test('abort during the wait before a retry → aborted, no second request', async () => {
    emulator.faults.next({ status: 503, retryAfter: 30 });
    const controller = new AbortController();
    const pending = timed(client.listLabels(undefined, { signal: controller.signal }));
    setTimeout(() => controller.abort(), 300);
    const { ms, error } = await pending;
    assert.equal(error?.kind, 'aborted', String(error));
    assert.ok(ms < 5000, `settled in ${ms} ms, not after the 30 s Retry-After`);
    assert.equal(emulator.requests.length, 1);
  });
});

describe('network', () => {
  test('a dropped connection → network, retryable', async () => {
    emulator.faults.next({ reset: true });
    const err = await rejectsWith(once.listLabels(), { kind: 'network', retryable: true });
    assert.equal(err.status, undefined);
    assert.equal(emulator.requests.length, 1);
  });

  test('a connection refused → network', async () => {
    const closed = await startEmulator();
    const url = closed.url;
    await closed.close();
    const dead = new SuperfoneClient({ baseUrl: url, apiKey: 'sf_test_key', maxRetries: 0 });
    await rejectsWith(dead.listLabels(), { kind: 'network' });
  });

  test('after retries, the message says how many attempts were made', async () => {
    emulator.faults.next({ reset: true, count: 3 });
    const err = await rejectsWith(client.listLabels(undefined, { maxRetries: 1 }), { kind: 'network' });
    assert.match(err.message, /2 attempts/);
    assert.equal(emulator.requests.length, 2);
  });
});

describe('decode: a 2xx that is not the documented envelope', () => {
  test('a truncated JSON body on a 200', async () => {
    emulator.faults.next({ malformed: true });
    const err = await rejectsWith(client.getLead('+918000000001'), { kind: 'decode', status: 200, retryable: false });
    assert.match(err.message, /not JSON/);
    assert.equal(typeof err.body, 'string');
    assert.equal(emulator.requests.length, 1, 'a decode error is never retried');
  });

  test('a 200 with {"message":"success"} and no data', async () => {
    emulator.faults.next({ status: 200, body: { message: 'success' } });
    const err = await rejectsWith(client.listLabels(), { kind: 'decode', status: 200, retryable: false });
    assert.match(err.message, /data/);
    assert.deepEqual(err.body, { message: 'success' });
  });

  test('a 200 whose data has the wrong shape', async () => {
    emulator.faults.next({ status: 200, body: { data: { rows: 'nope' }, message: 'success' } });
    await rejectsWith(client.listLabels(), { kind: 'decode', status: 200 });
  });

  test('an id beyond 2^53 - 1, which JSON.parse would round, is refused; 2^53 - 1 is kept exactly', async () => {
    const lead = await client.getLead('+918000000001');
    const withId = (id) => JSON.stringify({ data: lead, message: 'success' }).replace(`"id":${lead.id},`, `"id":${id},`);
    emulator.faults.next({ status: 200, body: withId('9007199254740993') });
    const err = await rejectsWith(client.getLead('+918000000001'), { kind: 'decode', status: 200, retryable: false });
    assert.match(err.message, /9007199254740993/);
    assert.match(err.message, /at most 2\^53 - 1 \(9007199254740991\)/);
    emulator.faults.next({ status: 200, body: withId('9007199254740991') });
    assert.equal((await client.getLead('+918000000001')).id, 9007199254740991);
  });

  test('a 200 with a JSON array instead of the envelope', async () => {
    emulator.faults.next({ status: 200, body: [1, 2, 3] });
    await rejectsWith(client.listLabels(), { kind: 'decode', status: 200 });
  });
});

describe('concurrency', () => {
  test('parallel calls on one client each get their own result or error', async () => {
    emulator.faults.next({ path: '/enterprise/api/product', status: 500, count: Infinity });
    const calls = [];
    for (let i = 0; i < 10; i += 1) {
      calls.push(client.getLead('+918000000001'), once.listProducts(), client.getLead('+919999999999'));
    }
    const results = await Promise.allSettled(calls);
    for (let i = 0; i < results.length; i += 3) {
      assert.equal(results[i].value?.id, 1001);
      assert.equal(results[i + 1].reason?.kind, 'server');
      assert.equal(results[i + 2].reason?.kind, 'not_found');
    }
  });
});

describe('SuperfoneError itself', () => {
  test('is an Error subclass with name SuperfoneError and a stack', async () => {
    const err = await rejectsWith(client.getLead('bad'), { kind: 'validation' });
    assert.ok(err instanceof Error);
    assert.ok(err instanceof SuperfoneError);
    assert.equal(err.name, 'SuperfoneError');
    assert.equal(Object.prototype.toString.call(err), '[object Error]');
    assert.match(String(err), /^SuperfoneError: /);
    assert.equal(typeof err.stack, 'string');
  });

  test('can be constructed by users (for their own mocks)', () => {
    const err = new SuperfoneError('boom', { kind: 'rate_limited', status: 429, retryable: true });
    assert.equal(err.kind, 'rate_limited');
    assert.equal(err.status, 429);
    assert.equal(err.retryable, true);
    assert.equal(err.message, 'boom');
  });
});
