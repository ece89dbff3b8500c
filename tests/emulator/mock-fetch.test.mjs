// The contract in-process through createMockFetch, and fetch's own behaviour: inputs, a real
// Response, aborts (before and during a delay) and dropped connections.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ConnectionDropped, createMockFetch } from '../../pkg-template/emulator/index.js';
import { runContract } from './contract/index.mjs';

// The production base URL: the mock routes by path, so a client needs no baseUrl override.
const BASE = 'https://prod-api.superfone.co.in/superfone';

runContract('emulator through createMockFetch', async ({ clock }) => {
  const fetch = createMockFetch({ clock });
  return { fetch, url: BASE, emulator: fetch, close: async () => {} };
});

describe('createMockFetch', () => {
  const headers = { 'x-api-key': 'sf_test_key' };
  const labelsUrl = `${BASE}/enterprise/api/label`;

  test('takes a Request, a URL or a string with init, and answers a real Response', async () => {
    const fetch = createMockFetch();
    for (const args of [[new Request(labelsUrl, { headers })], [new URL(labelsUrl), { headers }], [labelsUrl, { headers }]]) {
      const res = await fetch(...args);
      assert.ok(res instanceof Response);
      assert.equal((await res.json()).data.total_items, 120);
    }
  });

  test('init overrides a Request input, as in fetch', async () => {
    const fetch = createMockFetch({ apiKey: 'sf_other' });
    const res = await fetch(new Request(labelsUrl, { headers }), { headers: { 'x-api-key': 'sf_other' } });
    assert.equal(res.status, 200);
    assert.equal(fetch.apiKey, 'sf_other');
  });

  test('an already aborted signal rejects with an AbortError DOMException and sends nothing', async () => {
    const fetch = createMockFetch();
    const error = await fetch(labelsUrl, { headers, signal: AbortSignal.abort() }).catch((e) => e);
    assert.ok(error instanceof DOMException);
    assert.equal(error.name, 'AbortError');
    assert.equal(fetch.requests.length, 0);
  });

  test('an abort during a delay rejects at once', async () => {
    const fetch = createMockFetch();
    fetch.faults.next({ delayMs: 5000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const started = Date.now();
    await assert.rejects(fetch(labelsUrl, { headers, signal: controller.signal }), { name: 'AbortError' });
    assert.ok(Date.now() - started < 1000);
    assert.equal(fetch.requests[0].outcome, 'aborted');
  });

  test('a Request’s own signal is honoured, and a custom abort reason passes through', async () => {
    const fetch = createMockFetch();
    fetch.faults.next({ delayMs: 5000 });
    const controller = new AbortController();
    const reason = new Error('user navigated away');
    setTimeout(() => controller.abort(reason), 30);
    await assert.rejects(fetch(new Request(labelsUrl, { headers, signal: controller.signal })), (e) => e === reason);
    await assert.rejects(fetch(labelsUrl, { headers, signal: AbortSignal.abort(reason) }), (e) => e === reason);
  });

  test('a dropped connection rejects like undici: TypeError("fetch failed") caused by ConnectionDropped', async () => {
    const fetch = createMockFetch();
    fetch.faults.next({ reset: true });
    const error = await fetch(labelsUrl, { headers }).catch((e) => e);
    assert.ok(error instanceof TypeError);
    assert.equal(error.message, 'fetch failed');
    assert.ok(error.cause instanceof ConnectionDropped);
  });

  test('exposes the handler it wraps', async () => {
    const fetch = createMockFetch();
    const res = await fetch.handler.handle(new Request(labelsUrl, { headers }));
    assert.equal(res.status, 200);
    assert.equal(fetch.requests.length, 1);
  });
});
