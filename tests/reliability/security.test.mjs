// Security: where the API key may go (only in `x-api-key`, only to the configured origin, redirects
// included), injection through headers, paths and queries, and the transport rules (no plain
// http:// except to loopback, no browser page without dangerouslyAllowBrowser).

import assert from 'node:assert/strict';
import http from 'node:http';
import util from 'node:util';
import { after, before, describe, test } from 'node:test';
import { hoursFromNow } from './helpers.mjs';

const { SuperfoneClient, SuperfoneError } = await import('superfone-crm');
const { startEmulator, createMockFetch } = await import('superfone-crm/emulator');

const SECRET = 'sk_live_SECRET_reliability_0123';

/** A loopback server that records every request and answers with `respond(req, url)`. */
async function recorder(respond) {
  const seen = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, headers: req.headers, body });
      respond(req, res, body);
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { seen, origin, close: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }) };
}

const PAGE = JSON.stringify({ data: { rows: [], total_pages: 0, current_page: 1, page_size: 50, total_items: 0 }, message: 'success' });
const okPage = (req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(PAGE);

function assertNoKey(value, what) {
  const texts = [String(value), JSON.stringify(value) ?? '', util.inspect(value, { showHidden: true, depth: 10 }), value?.stack ?? '',
    JSON.stringify(value, value && typeof value === 'object' ? Object.getOwnPropertyNames(value) : undefined) ?? ''];
  for (const text of texts) assert.ok(!text.includes(SECRET) && !text.includes('SECRET_reli'), `${what} shows the key: ${text.slice(0, 300)}`);
}

describe('redirects: the key never follows to another origin', () => {
  let target;
  let api;
  let redirectStatus = 307;
  let location;
  before(async () => {
    target = await recorder(okPage); // another origin: same host, another port
    api = await recorder((req, res) => (req.url.endsWith('/moved') ? okPage(req, res) : res.writeHead(redirectStatus, { location: location() }).end()));
  });
  after(async () => {
    await target.close();
    await api.close();
  });

  for (const status of [301, 302, 303, 307, 308]) {
    test(`a ${status} to another origin: the other origin never receives x-api-key`, async () => {
      redirectStatus = status;
      location = () => `${target.origin}/superfone/enterprise/api/label`;
      target.seen.length = 0;
      api.seen.length = 0;
      const client = new SuperfoneClient({ apiKey: SECRET, baseUrl: `${api.origin}/superfone`, maxRetries: 0 });
      let outcome;
      try {
        outcome = { value: await client.listLabels() };
      } catch (error) {
        outcome = { error };
        assert.ok(error instanceof SuperfoneError, String(error));
        assertNoKey(error, 'the redirect error');
      }
      assert.equal(api.seen[0]?.headers['x-api-key'], SECRET, 'the configured origin gets the key');
      const leaked = target.seen.filter((r) => JSON.stringify(r).includes(SECRET));
      console.log(`# ${status} cross-origin redirect: ${outcome.error ? `rejected (${outcome.error.kind}: ${outcome.error.message})` : 'followed'}; ` +
        `other origin received ${target.seen.length} request(s), ${leaked.length} with the key`);
      assert.equal(leaked.length, 0, `the key followed the redirect to ${target.origin}: ${JSON.stringify(target.seen[0]?.headers)}`);
    });
  }

  test('a POST (createTask) redirected with 307 to another origin: neither the key nor the body follows', async () => {
    redirectStatus = 307;
    location = () => `${target.origin}/superfone/enterprise/api/lead/1001/task`;
    target.seen.length = 0;
    const client = new SuperfoneClient({ apiKey: SECRET, baseUrl: `${api.origin}/superfone`, maxRetries: 0 });
    await client.createTask(1001, { type: 'REMINDER', due_date: hoursFromNow(24) }).catch(() => {});
    assert.equal(target.seen.filter((r) => JSON.stringify(r).includes(SECRET)).length, 0, 'the key followed the 307');
  });

  test('a same-origin redirect: reported (the key stays on the configured origin either way)', async () => {
    redirectStatus = 302;
    location = () => `${api.origin}/superfone/moved`;
    api.seen.length = 0;
    const client = new SuperfoneClient({ apiKey: SECRET, baseUrl: `${api.origin}/superfone`, maxRetries: 0 });
    const outcome = await client.listLabels().then(() => 'resolved', (e) => `rejected (${e.kind}: ${e.message})`);
    console.log(`# same-origin 302: ${outcome}; the API origin saw ${api.seen.length} request(s): ${api.seen.map((r) => r.url).join(', ')}`);
    assert.ok(api.seen.length >= 1);
  });
});

describe('the key in errors, logs and retry diagnostics', () => {
  let emulator;
  before(async () => {
    emulator = await startEmulator({ apiKey: SECRET });
  });
  after(() => emulator.close());

  for (const [name, spec, options] of [
    ['503 after every retry', { status: 503, retryAfter: 0, count: Infinity }],
    ['dropped connection after every retry', { reset: true, count: Infinity }],
    ['timeout after every retry', { delayMs: 5000, count: 3 }, { timeoutMs: 100 }],
    ['HTML error page', { status: 502, html: true, retryAfter: 0, count: Infinity }],
    ['malformed JSON', { malformed: true }],
    ['a body echoing the key', { status: 500, body: { message: 'bad key', echo: 'x' }, retryAfter: 0, count: Infinity }],
  ]) {
    test(`${name}: the error, its stack and nothing logged carry the key`, async () => {
      emulator.reset();
      emulator.faults.next({ path: '/enterprise/api/label', ...spec });
      const logged = [];
      const saved = {};
      for (const level of ['log', 'info', 'warn', 'error', 'debug', 'trace']) {
        saved[level] = console[level];
        console[level] = (...args) => logged.push(util.format(...args));
      }
      let error;
      try {
        const client = new SuperfoneClient({ apiKey: SECRET, baseUrl: emulator.url });
        await client.listLabels(undefined, options).catch((e) => { error = e; });
      } finally {
        Object.assign(console, saved);
      }
      assert.ok(error instanceof SuperfoneError);
      assertNoKey(error, name);
      assert.ok(!logged.join('\n').includes(SECRET), 'logged the key');
    });
  }

  test('a network error whose message contains the key is redacted', async () => {
    const client = new SuperfoneClient({ apiKey: SECRET, fetch: async (req) => { throw new TypeError(`failed for ${req.headers.get('x-api-key')}`); }, maxRetries: 0 });
    const error = await client.listLabels().catch((e) => e);
    assert.equal(error.kind, 'network');
    assertNoKey(error, 'network error');
  });
});

describe('header injection is impossible', () => {
  const cases = [
    ['CR/LF in apiKey', { apiKey: 'sf_test_key\r\nx-evil: 1' }, 'apiKey'],
    ['LF in apiKey', { apiKey: 'sf_test_key\nx-evil: 1' }, 'apiKey'],
    ['NUL in apiKey', { apiKey: 'sf_test_key\0' }, 'apiKey'],
    ['CR/LF in an extra header value', { apiKey: 'k', headers: { 'x-trace': 'a\r\nx-evil: 1' } }, /^headers/],
    ['CR/LF in an extra header name', { apiKey: 'k', headers: { 'x-trace\r\nx-evil': '1' } }, /^headers/],
    ['a space in an extra header name', { apiKey: 'k', headers: { 'x trace': '1' } }, /^headers/],
    ['an extra header overriding x-api-key', { apiKey: 'k', headers: { 'X-Api-Key': 'other' } }, /^headers/],
    ['CR/LF in userAgent', { apiKey: 'k', userAgent: 'app/1\r\nx-evil: 1' }, 'userAgent'],
  ];
  for (const [name, options, field] of cases) {
    test(`${name}: refused with a validation error, nothing sent`, async () => {
      const mock = createMockFetch();
      let error;
      try {
        const client = new SuperfoneClient({ fetch: mock, ...options });
        await client.listLabels();
      } catch (e) {
        error = e;
      }
      assert.ok(error instanceof SuperfoneError, `accepted: ${error ?? 'the call went through'}`);
      assert.equal(error.kind, 'validation');
      if (field instanceof RegExp) assert.match(error.field ?? '', field, error.message);
      else assert.equal(error.field, field, error.message);
      assert.equal(mock.requests.length, 0);
      assert.ok(!error.message.includes('sf_test_key'), 'the message echoes the key');
    });
  }
});

describe('path injection through lead_id is impossible', () => {
  const mock = createMockFetch();
  const client = new SuperfoneClient({ apiKey: 'sf_test_key', fetch: mock });
  for (const leadId of ['1/../../label', '1001', '1?x=1', '1#x', '%2e%2e', 1.5, -1, 0, NaN, Infinity, 2 ** 53, '1001/task/complete', [1001], { id: 1001 }]) {
    for (const method of ['createTask', 'completeTask', 'listTasks']) {
      test(`${method}(${JSON.stringify(leadId) ?? String(leadId)}): refused, nothing sent`, async () => {
        const before = mock.requests.length;
        const call = method === 'createTask' ? client.createTask(leadId, { type: 'REMINDER', due_date: hoursFromNow(24) }) : client[method](leadId);
        const error = await call.then(() => null, (e) => e);
        assert.ok(error instanceof SuperfoneError, 'accepted');
        assert.equal(error.kind, 'validation');
        assert.equal(error.field, 'lead_id');
        assert.equal(mock.requests.length, before);
      });
    }
  }
  test('a valid lead id goes exactly to /lead/<id>/task', async () => {
    mock.requests.length = 0;
    await client.listTasks(1001);
    assert.equal(mock.requests[0].path, '/superfone/enterprise/api/lead/1001/task');
  });
});

describe('query injection through text and phone is impossible', () => {
  const mock = createMockFetch();
  const client = new SuperfoneClient({ apiKey: 'sf_test_key', fetch: mock });
  for (const text of ['a&page=99#x', 'a&text=b', '#frag', '?x=1', 'a+b', '%26page%3D2', 'a b\u00e9\u{1F600}', 'a\r\nb', '=&=']) {
    test(`text ${JSON.stringify(text)}: the server sees one text param with the literal value`, async () => {
      mock.requests.length = 0;
      await client.listLabels({ text }).catch((e) => assert.equal(e.kind, 'validation', e.message));
      if (mock.requests.length === 0) return; // refused before sending: also safe
      const params = [...new URLSearchParams(mock.requests[0].query)];
      assert.deepEqual(params.filter(([k]) => k === 'text'), [['text', text]]);
      assert.deepEqual(params.map(([k]) => k).filter((k) => k !== 'text' && k !== 'page' && k !== 'page_size'), []);
      assert.ok(!params.some(([k, v]) => k === 'page' && v === '99'));
    });
  }
  for (const phone of ['+911&x=1', '+918000000001&phone=+918000000099', '+918000000001#x', '+918000000001?x', '+91 8000000001']) {
    test(`getLead(${JSON.stringify(phone)}): refused as not E.164, nothing sent`, async () => {
      mock.requests.length = 0;
      const error = await client.getLead(phone).then(() => null, (e) => e);
      assert.ok(error instanceof SuperfoneError && error.kind === 'validation' && error.field === 'phone', String(error));
      assert.equal(mock.requests.length, 0);
    });
  }
  test('a valid phone is sent as exactly one phone param, + encoded', async () => {
    mock.requests.length = 0;
    await client.getLead('+918000000001');
    assert.deepEqual([...new URLSearchParams(mock.requests[0].query)], [['phone', '+918000000001']]);
    assert.match(mock.requests[0].query, /%2B/);
  });
});

describe('transport rules', () => {
  for (const baseUrl of ['http://example.com/superfone', 'http://10.0.0.1/superfone', 'http://127.0.0.1.nip.io/superfone', 'http://localhost.evil.com/superfone', 'ftp://127.0.0.1/superfone', 'javascript:alert(1)', 'file:///etc/passwd']) {
    test(`baseUrl ${baseUrl}: refused`, () => {
      assert.throws(() => new SuperfoneClient({ apiKey: 'k', baseUrl }), (e) => e instanceof SuperfoneError && e.kind === 'validation' && e.field === 'baseUrl');
    });
  }
  for (const baseUrl of ['http://127.0.0.1:4010/superfone', 'http://localhost:4010/superfone', 'http://[::1]:4010/superfone', 'https://example.com/superfone']) {
    test(`baseUrl ${baseUrl}: accepted`, () => {
      assert.doesNotThrow(() => new SuperfoneClient({ apiKey: 'k', baseUrl }));
    });
  }
  test('https with credentials in the URL is refused (they would be sent to the server)', () => {
    assert.throws(() => new SuperfoneClient({ apiKey: 'k', baseUrl: 'https://user:pass@example.com/superfone' }), (e) => e instanceof SuperfoneError && e.field === 'baseUrl');
  });

  test('in a browser page, a client without dangerouslyAllowBrowser is refused; with it, allowed', () => {
    globalThis.window = { document: {} };
    try {
      assert.throws(() => new SuperfoneClient({ apiKey: 'k' }), (e) => e instanceof SuperfoneError && e.kind === 'validation' && e.field === 'dangerouslyAllowBrowser');
      assert.throws(() => new SuperfoneClient({ apiKey: 'k', dangerouslyAllowBrowser: 'yes' }), (e) => e instanceof SuperfoneError && e.kind === 'validation');
      assert.doesNotThrow(() => new SuperfoneClient({ apiKey: 'k', dangerouslyAllowBrowser: true }));
    } finally {
      delete globalThis.window;
    }
    assert.doesNotThrow(() => new SuperfoneClient({ apiKey: 'k' }));
  });
});
