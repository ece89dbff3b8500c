// The `fetch` option: the SDK sends a standard Request through the caller's function. A wrapper
// around the emulator's createMockFetch() records what goes on the wire (method, URL, headers,
// body), with no sockets.

import assert from 'node:assert/strict';
import http from 'node:http';
import { describe, test } from 'node:test';
import { hoursFromNow, rejectsWith, within } from './helpers.mjs';

const { SuperfoneClient } = await import('superfone-crm');
const { createMockFetch, startEmulator } = await import('superfone-crm/emulator');
const undici = await import('undici');

const BASE = 'https://prod-api.superfone.co.in/superfone';

/** A mock fetch that records every Request (and its body text) before answering. */
function recordingFetch() {
  const mock = createMockFetch();
  const sent = [];
  async function fetch(request) {
    const body = request.method === 'GET' ? null : await request.clone().text();
    sent.push({ request, body, headers: Object.fromEntries(request.headers) });
    return mock(request);
  }
  return { fetch, sent, mock };
}

function clientWith(fetch, extra = {}) {
  return new SuperfoneClient({ apiKey: 'sf_test_key', fetch, ...extra });
}

describe('what is sent through a custom fetch', () => {
  test('it receives a Request object', async () => {
    const { fetch, sent } = recordingFetch();
    await clientWith(fetch).listLabels();
    assert.equal(sent.length, 1);
    assert.ok(sent[0].request instanceof Request);
  });

  test('GET: method, URL with the phone %2B-encoded, headers', async () => {
    const { fetch, sent } = recordingFetch();
    await clientWith(fetch).getLead('+918000000001');
    const [{ request, headers }] = sent;
    assert.equal(request.method, 'GET');
    assert.equal(new URL(request.url).pathname, '/superfone/enterprise/api/lead');
    assert.match(request.url, /\?phone=%2B918000000001/);
    assert.equal(new URL(request.url).searchParams.get('phone'), '+918000000001');
    assert.equal(headers['x-api-key'], 'sf_test_key');
    assert.equal(headers.accept, 'application/json');
    assert.equal(headers['content-type'], undefined, 'a GET has no body, so no content-type');
    assert.match(headers['user-agent'], /^superfone-crm\/\d+\.\d+\.\d+/);
  });

  test('the URL sent is exactly the one the SDK built (no stray characters)', async () => {
    const { fetch, sent } = recordingFetch();
    const client = clientWith(fetch);
    await client.getLead('+918000000001');
    await client.listLabels({ text: 'seg', page: 2, page_size: 10 });
    assert.equal(sent[0].request.url, `${BASE}/enterprise/api/lead?phone=%2B918000000001`);
    assert.equal(sent[1].request.url, `${BASE}/enterprise/api/label?text=seg&page=2&page_size=10`);
  });

  test('query values are percent-encoded', async () => {
    const { fetch, sent } = recordingFetch();
    await clientWith(fetch).listLabels({ text: 'a&b=c #d' });
    assert.equal(new URL(sent[0].request.url).searchParams.get('text'), 'a&b=c #d');
    assert.deepEqual([...new URL(sent[0].request.url).searchParams.keys()], ['text']);
  });

  test('a lead id goes into the path', async () => {
    const { fetch, sent } = recordingFetch();
    await clientWith(fetch).listTasks(1001, { page_size: 5 });
    const url = new URL(sent[0].request.url);
    assert.equal(url.pathname, '/superfone/enterprise/api/lead/1001/task');
    assert.equal(url.searchParams.get('page_size'), '5');
  });

  test('POST: JSON body and content-type: application/json', async () => {
    const { fetch, sent } = recordingFetch();
    const due = hoursFromNow(24);
    await clientWith(fetch).createTask(1001, { type: 'REMINDER', due_date: due });
    const [{ request, body, headers }] = sent;
    assert.equal(request.method, 'POST');
    assert.equal(new URL(request.url).pathname, '/superfone/enterprise/api/lead/1001/task');
    assert.equal(headers['content-type'], 'application/json');
    assert.deepEqual(JSON.parse(body), { type: 'REMINDER', due_date: due });
  });

  test('upsertLead sends the fields as given (wire names, null kept)', async () => {
    const { fetch, sent } = recordingFetch();
    await clientWith(fetch).upsertLead({ customer_phone: '+918000000001', lead_stage_name: null, deal_value: 10, undefinedField: undefined });
    assert.deepEqual(JSON.parse(sent[0].body), { customer_phone: '+918000000001', lead_stage_name: null, deal_value: 10 });
  });

  test('completeTask is a POST with no body', async () => {
    const { fetch, sent } = recordingFetch();
    await clientWith(fetch).completeTask(1001);
    assert.equal(sent[0].request.method, 'POST');
    assert.equal(sent[0].body, '');
    assert.equal(new URL(sent[0].request.url).pathname, '/superfone/enterprise/api/lead/1001/task/complete');
  });

  test('userAgent is appended to the SDK user agent', async () => {
    const { fetch, sent } = recordingFetch();
    await clientWith(fetch, { userAgent: 'my-app/2.1' }).listLabels();
    assert.match(sent[0].headers['user-agent'], /^superfone-crm\/\S+ my-app\/2\.1$/);
  });

  test('extra headers are sent on every request', async () => {
    const { fetch, sent } = recordingFetch();
    const client = clientWith(fetch, { headers: { 'X-Trace-Id': 'abc123', 'x-tenant': 't1' } });
    await client.listLabels();
    await client.upsertLead({ customer_phone: '+918000000001', city: 'Goa' });
    for (const { headers } of sent) {
      assert.equal(headers['x-trace-id'], 'abc123');
      assert.equal(headers['x-tenant'], 't1');
      assert.equal(headers['x-api-key'], 'sf_test_key');
    }
  });

  test('extra headers may be given as a Headers or a Map', async () => {
    for (const headers of [new Headers({ 'X-Trace-Id': 'abc123' }), new Map([['X-Trace-Id', 'abc123']])]) {
      const { fetch, sent } = recordingFetch();
      await clientWith(fetch, { headers }).listLabels();
      assert.equal(sent[0].headers['x-trace-id'], 'abc123', headers.constructor.name);
    }
    // Their names are checked like a plain object's.
    assert.throws(
      () => clientWith(recordingFetch().fetch, { headers: new Map([['x-api-key', 'other']]) }),
      (err) => err.kind === 'validation' && err.field === 'headers.x-api-key',
    );
  });

  test('headers cannot override x-api-key, content-type, accept or user-agent', () => {
    for (const name of ['x-api-key', 'Content-Type', 'accept', 'User-Agent']) {
      assert.throws(
        () => clientWith(recordingFetch().fetch, { headers: { [name]: 'x' } }),
        (err) => err.kind === 'validation' && err.field === `headers.${name}`,
        name,
      );
    }
  });

  test('a custom baseUrl is used as given (trailing slash ignored)', async () => {
    const { fetch, sent } = recordingFetch();
    await clientWith(fetch, { baseUrl: 'https://CRM.example.com:8443/superfone/' }).listProducts();
    assert.equal(sent[0].request.url, 'https://crm.example.com:8443/superfone/enterprise/api/product');
  });

  test('the fetch result drives the outcome (the mock answers 401 for a wrong key)', async () => {
    const { fetch } = recordingFetch();
    await rejectsWith(new SuperfoneClient({ apiKey: 'nope', fetch }).listLabels(), { kind: 'unauthorized', status: 401 });
  });
});

describe('a custom fetch from another HTTP library', () => {
  // npm undici (for proxy agents, HTTP/2, …): a real fetch whose Response is not the global
  // class. Against the emulator on loopback, so the bytes come from a real socket.
  /** undici's fetch as a ClientOptions.fetch; counts the requests it sends. */
  function undiciFetch() {
    const sent = [];
    async function fetch(request) {
      sent.push(request.method);
      const body = request.method === 'GET' ? undefined : await request.text();
      return undici.fetch(request.url, { method: request.method, headers: [...request.headers], body, signal: request.signal });
    }
    return { fetch, sent };
  }

  test('its Response is read like the global one: a read and a write succeed once each', async () => {
    const emulator = await startEmulator();
    try {
      const { fetch, sent } = undiciFetch();
      const client = new SuperfoneClient({ apiKey: emulator.apiKey, baseUrl: emulator.url, fetch });
      const lead = await client.getLead('+918000000001');
      assert.ok(!(lead instanceof undici.Response));
      assert.equal(lead.id, 1001);
      const task = await client.createTask(1001, { type: 'FOLLOW_UP_CALL', due_date: hoursFromNow(2) });
      assert.equal(task.customer_id, 1001);
      assert.deepEqual(sent, ['GET', 'POST'], 'each call sent once: nothing mistaken for a failure and retried');
      // An error status and its headers are read too.
      const other = new SuperfoneClient({ apiKey: 'wrong', baseUrl: emulator.url, fetch });
      await rejectsWith(other.listLabels(), { kind: 'unauthorized', status: 401 });
    } finally {
      await emulator.close();
    }
  });

  test('a Response whose status or body cannot be read → network error, not a crash or a hang', async () => {
    const throwing = { get status() { throw new Error('no status'); }, arrayBuffer: async () => new ArrayBuffer(0) };
    let err = await within(rejectsWith(clientWith(async () => throwing, { maxRetries: 0 }).listLabels(), { kind: 'network' }), 2000, 'a call');
    assert.match(err.message, /no status/);
    const badBody = { status: 200, headers: new Headers(), arrayBuffer: async () => { throw new Error('body gone'); } };
    err = await within(rejectsWith(clientWith(async () => badBody, { maxRetries: 0 }).listLabels(), { kind: 'network' }), 2000, 'a call');
    assert.match(err.message, /body gone/);
  });
});

describe('a misbehaving custom fetch', () => {
  test('resolving to something that is not a Response → network error, not a crash', async () => {
    const client = clientWith(async () => ({ status: 200, json: async () => ({}) }), { maxRetries: 0 });
    const err = await rejectsWith(client.listLabels(), { kind: 'network' });
    assert.match(err.message, /Response/);
  });

  test('returning a non-promise non-Response → network error', async () => {
    await rejectsWith(clientWith(() => 42, { maxRetries: 0 }).listLabels(), { kind: 'network' });
  });

  test('throwing synchronously → network error', async () => {
    const client = clientWith(() => {
      throw new Error('kaboom');
    }, { maxRetries: 0 });
    const err = await rejectsWith(client.listLabels(), { kind: 'network' });
    assert.match(err.message, /kaboom/);
  });

  test('rejecting → network error, retried on reads', async () => {
    const { fetch: good } = recordingFetch();
    let calls = 0;
    const flaky = (request) => {
      calls += 1;
      return calls === 1 ? Promise.reject(new TypeError('fetch failed')) : good(request);
    };
    const page = await clientWith(flaky).listLabels();
    assert.equal(page.rows.length, 50);
    assert.equal(calls, 2);
  });

  test('the module keeps working after a bad fetch', async () => {
    await rejectsWith(clientWith(async () => 'not a response', { maxRetries: 0 }).listLabels(), { kind: 'network' });
    await rejectsWith(clientWith(async () => null, { maxRetries: 0 }).getLead('+918000000001'), { kind: 'network' });
    const { fetch } = recordingFetch();
    const lead = await clientWith(fetch).getLead('+918000000001');
    assert.equal(lead.id, 1001);
  });

  // A fetch that forwards only the URL, method and headers (a common wrapper around another HTTP
  // library) drops the Request's signal: timeoutMs and the caller's signal must still end the call.
  test('a fetch that ignores the abort signal still lets the timeout settle the call', async () => {
    const never = () => new Promise(() => {});
    const client = clientWith(never, { timeoutMs: 150, maxRetries: 0 });
    await within(rejectsWith(client.listLabels(), { kind: 'timeout' }), 2000, 'a timed-out call');
  });

  test('a Response whose body never ends still times out', async () => {
    const stalled = async () => new Response(new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode('{"data":')); } }), { status: 200 });
    const client = clientWith(stalled, { timeoutMs: 150, maxRetries: 0 });
    await within(rejectsWith(client.listLabels(), { kind: 'timeout' }), 2000, 'a call with a stalled body');
  });

  test('a fetch that ignores the abort signal still lets an abort settle the call', async () => {
    const never = () => new Promise(() => {});
    const controller = new AbortController();
    // (timeoutMs only bounds how long a hung call would keep this process alive.)
    const pending = clientWith(never, { timeoutMs: 1000 }).listLabels(undefined, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await within(rejectsWith(pending, { kind: 'aborted' }), 2000, 'an aborted call');
  });
});

describe('the default fetch', () => {
  test('is the global fetch at call time', async () => {
    const { fetch, sent } = recordingFetch();
    const original = globalThis.fetch;
    // The global fetch is called as fetch(url, init) (the spec's signature; the SDK does not build
    // a Request of its own for it), a custom one with a Request (ClientOptions.fetch).
    globalThis.fetch = (input, init) => fetch(new Request(input, init));
    try {
      const lead = await new SuperfoneClient({ apiKey: 'sf_test_key' }).getLead('+918000000001');
      assert.equal(lead.id, 1001);
      assert.equal(sent.length, 1);
    } finally {
      globalThis.fetch = original;
    }
  });
});

describe('a custom fetch that resolves to Response.error()', () => {
  test('is a network failure (retryable), not an HTTP status 0', async () => {
    let calls = 0;
    const client = clientWith(async () => { calls += 1; return Response.error(); }, { maxRetries: 1 });
    const err = await rejectsWith(client.listLabels(), { kind: 'network', retryable: true });
    assert.match(err.message, /network error/);
    assert.equal(err.status, undefined);
    assert.equal(calls, 2, 'retried once, as a dropped connection is');
  });
});

describe('a custom fetch that follows a redirect the SDK asked it not to', () => {
  test('is refused once, not retried (the key may have left): kind network, not retryable', async () => {
    const seen = { origin: 0, elsewhere: [] };
    const elsewhere = http.createServer((req, res) => {
      seen.elsewhere.push(req.headers['x-api-key']);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data: { rows: [], total_pages: 0, current_page: 1, page_size: 50, total_items: 0 }, message: 'success' }));
    });
    await new Promise((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
    const origin = http.createServer((req, res) => {
      seen.origin += 1;
      res.writeHead(302, { location: `http://127.0.0.1:${elsewhere.address().port}${req.url}` });
      res.end();
    });
    await new Promise((resolve) => origin.listen(0, '127.0.0.1', resolve));
    try {
      // A wrapper that builds its own init, and so drops redirect: 'manual'.
      const wrapper = (request) => fetch(request.url, { method: request.method, headers: request.headers });
      const client = clientWith(wrapper, { baseUrl: `http://127.0.0.1:${origin.address().port}/superfone` });
      const err = await rejectsWith(client.listLabels(), { kind: 'network', retryable: false });
      assert.match(err.message, /followed a redirect/);
      assert.doesNotMatch(err.message, /sf_test_key/);
      assert.equal(seen.origin, 1, 'not retried');
      assert.equal(seen.elsewhere.length, 1);
    } finally {
      origin.closeAllConnections();
      elsewhere.closeAllConnections();
      await Promise.all([new Promise((r) => origin.close(r)), new Promise((r) => elsewhere.close(r))]);
    }
  });
});
