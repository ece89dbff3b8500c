// The API key never shows: not in String/JSON/inspect of the client, not in any error (message,
// stack, JSON, inspect), whatever the failure.

import assert from 'node:assert/strict';
import util from 'node:util';
import { after, before, beforeEach, describe, test } from 'node:test';

import { hoursFromNow } from './helpers.mjs';

const { SuperfoneClient, SuperfoneError } = await import('superfone-crm');
const { startEmulator, createMockFetch } = await import('superfone-crm/emulator');

const SECRET = 'sk_live_SECRET_abcdef';

/** Every way a value is commonly turned into text (logs, error reporters, JSON APIs). */
function renderings(value) {
  const out = {
    String: String(value),
    JSON: JSON.stringify(value) ?? '',
    inspect: util.inspect(value),
    'inspect showHidden': util.inspect(value, { showHidden: true, depth: 10 }),
    'inspect customInspect: false': util.inspect(value, { showHidden: true, depth: 10, customInspect: false }),
    format: util.format('%o %O %j', value, value, value),
  };
  if (value instanceof Error) {
    out.message = value.message;
    out.stack = value.stack ?? '';
    out['JSON of own properties'] = JSON.stringify(value, Object.getOwnPropertyNames(value));
  }
  return out;
}

function assertNoSecret(value, what) {
  for (const [how, text] of Object.entries(renderings(value))) {
    assert.ok(!text.includes(SECRET), `${what}: the key shows in ${how}: ${text}`);
    assert.ok(!text.includes('SECRET_abc'), `${what}: part of the key shows in ${how}`);
  }
}

async function failure(promise) {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof SuperfoneError, String(error));
    return error;
  }
  assert.fail('expected a rejection');
}

let emulator; // accepts SECRET
let wrongKeyEmulator; // accepts only sf_test_key
let client;

before(async () => {
  emulator = await startEmulator({ apiKey: SECRET });
  wrongKeyEmulator = await startEmulator();
  client = new SuperfoneClient({ baseUrl: emulator.url, apiKey: SECRET, maxRetries: 0 });
});
beforeEach(() => emulator.reset());
after(async () => {
  await emulator.close();
  await wrongKeyEmulator.close();
});

describe('the client', () => {
  test('String, JSON, inspect (showHidden, depth 10) show no key', () => {
    assertNoSecret(client, 'client');
    assert.match(String(client), /SuperfoneClient/);
  });

  test('no own or inherited enumerable property holds the key', () => {
    const seen = [];
    for (const key in client) seen.push(key, String(client[key]));
    for (const key of Reflect.ownKeys(client)) seen.push(String(key), String(client[key]));
    assert.ok(!seen.join(' ').includes(SECRET));
  });

  test('a client with every option set shows no key either', () => {
    const full = new SuperfoneClient({
      apiKey: SECRET,
      baseUrl: 'https://example.com/superfone',
      timeoutMs: 1000,
      maxRetries: 1,
      headers: { 'x-tenant': 't' },
      userAgent: 'app/1',
      fetch: createMockFetch(),
    });
    assertNoSecret(full, 'client with options');
  });
});

describe('errors from failed calls', () => {
  test('validation (a bad phone)', async () => {
    assertNoSecret(await failure(client.getLead('not a phone')), 'validation');
  });

  test('validation (a bad task)', async () => {
    assertNoSecret(await failure(client.createTask(1001, { type: 'X', due_date: 'soon' })), 'task validation');
  });

  test('unauthorized (401)', async () => {
    const wrong = new SuperfoneClient({ baseUrl: wrongKeyEmulator.url, apiKey: SECRET, maxRetries: 0 });
    const err = await failure(wrong.listLabels());
    assert.equal(err.kind, 'unauthorized');
    assertNoSecret(err, 'unauthorized');
  });

  test('bad_request and not_found', async () => {
    assertNoSecret(await failure(client.upsertLead({ customer_phone: '+919999999999' })), 'bad_request');
    assertNoSecret(await failure(client.getLead('+919999999999')), 'not_found');
  });

  test('rate_limited and server (HTML page)', async () => {
    emulator.faults.next({ status: 429, retryAfter: 0 });
    assertNoSecret(await failure(client.listLabels()), 'rate_limited');
    emulator.faults.next({ html: true });
    assertNoSecret(await failure(client.listLabels()), 'server');
  });

  test('timeout', async () => {
    emulator.faults.next({ delayMs: 5000 });
    const err = await failure(client.listLabels(undefined, { timeoutMs: 100 }));
    assert.equal(err.kind, 'timeout');
    assertNoSecret(err, 'timeout');
  });

  test('timeout after retries', async () => {
    emulator.faults.next({ delayMs: 5000, count: 2 });
    const err = await failure(client.listLabels(undefined, { timeoutMs: 100, maxRetries: 1 }));
    assert.equal(err.kind, 'timeout');
    assertNoSecret(err, 'timeout after retries');
  });

  test('network (connection reset)', async () => {
    emulator.faults.next({ reset: true });
    const err = await failure(client.listLabels());
    assert.equal(err.kind, 'network');
    assertNoSecret(err, 'network');
  });

  test('network after body (createTask, not retried)', async () => {
    emulator.faults.next({ reset: 'after-body' });
    const err = await failure(client.createTask(1001, { type: 'REMINDER', due_date: hoursFromNow(2) }));
    assertNoSecret(err, 'network after body');
  });

  test('decode (malformed body; no data)', async () => {
    emulator.faults.next({ malformed: true });
    assertNoSecret(await failure(client.getLead('+918000000001')), 'decode malformed');
    emulator.faults.next({ body: { message: 'success' } });
    assertNoSecret(await failure(client.getLead('+918000000001')), 'decode no data');
  });

  test('aborted', async () => {
    assertNoSecret(await failure(client.listLabels(undefined, { signal: AbortSignal.abort() })), 'aborted');
  });

  test('a custom fetch that returns junk', async () => {
    const junk = new SuperfoneClient({ apiKey: SECRET, fetch: async () => ({}), maxRetries: 0 });
    assertNoSecret(await failure(junk.listLabels()), 'fetch junk');
  });

  // The contract is absolute ("never appears in errors"): text the SDK copies from a runtime
  // error into its own message must not carry the key, even when that runtime error quoted it.
  test('a custom fetch whose error quotes the request headers', async () => {
    const leaky = new SuperfoneClient({
      apiKey: SECRET,
      maxRetries: 0,
      fetch: async (request) => {
        throw new TypeError(`connect failed; headers were ${JSON.stringify(Object.fromEntries(request.headers))}`);
      },
    });
    const err = await failure(leaky.listLabels());
    assert.equal(err.kind, 'network');
    assertNoSecret(err, 'fetch error quoting headers');
  });
});

describe('errors from bad options', () => {
  test('an apiKey with a line break', () => {
    let err;
    try {
      new SuperfoneClient({ apiKey: `${SECRET}\r\n` });
    } catch (e) {
      err = e;
    }
    assert.equal(err?.field, 'apiKey');
    assertNoSecret(err, 'apiKey with CRLF');
  });

  test('an apiKey with surrounding spaces or a non-ASCII character', () => {
    for (const apiKey of [` ${SECRET} `, `${SECRET}é`]) {
      let err;
      try {
        new SuperfoneClient({ apiKey });
      } catch (e) {
        err = e;
      }
      assert.equal(err?.field, 'apiKey');
      assertNoSecret(err, 'bad apiKey');
    }
  });

  test('the key put in the baseUrl user info or in headers', () => {
    for (const options of [
      { apiKey: 'k', baseUrl: `https://${SECRET}@example.com/superfone` },
      { apiKey: 'k', baseUrl: `https://example.com/superfone?key=${SECRET}` },
      { apiKey: 'k', headers: { 'x-api-key': SECRET } },
      { apiKey: 'k', headers: { 'x-auth': `${SECRET}\n` } },
      { apiKey: SECRET, timeout: 5 },
    ]) {
      let err;
      try {
        new SuperfoneClient(options);
      } catch (e) {
        err = e;
      }
      assert.equal(err?.kind, 'validation', JSON.stringify(Object.keys(options)));
      assertNoSecret(err, `options ${Object.keys(options).join(',')}`);
    }
  });
});
