// Authentication, envelopes and routing, the same over every transport.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fails, ok } from './harness.mjs';

const UNAUTHORIZED = 'UnAuthorized, Please Provide Valid API Key';

/** One request per endpoint, each valid but for the key. */
const ENDPOINTS = [
  ['POST', '/enterprise/api/lead', { customer_phone: '+918000000001' }],
  ['GET', '/enterprise/api/lead?phone=%2B918000000001'],
  ['POST', '/enterprise/api/lead/1001/task', { type: 'REMINDER', due_date: '2026-05-20T15:00:00Z' }],
  ['POST', '/enterprise/api/lead/1001/task/complete'],
  ['GET', '/enterprise/api/lead/1001/task'],
  ['GET', '/enterprise/api/source-type'],
  ['GET', '/enterprise/api/label'],
  ['GET', '/enterprise/api/lead-stage'],
  ['GET', '/enterprise/api/lead-group'],
  ['GET', '/enterprise/api/product'],
];

/** @param {ReturnType<import('./harness.mjs').useTarget>} ctx */
export function transportCases(ctx) {
  describe('authentication', () => {
    for (const [method, path, body] of ENDPOINTS) {
      test(`${method} ${path.split('?')[0]}: 401 without a key, with a wrong key; 200 with the key`, async () => {
        fails(await ctx.api.call(method, path, { body, key: null }), 401, UNAUTHORIZED);
        fails(await ctx.api.call(method, path, { body, key: 'sf_wrong' }), 401, UNAUTHORIZED);
        fails(await ctx.api.call(method, path, { body, key: '' }), 401, UNAUTHORIZED);
        ok(await ctx.api.call(method, path, { body }));
      });
    }

    test('a refused request changes nothing', async () => {
      const before = ctx.emulator.inspect();
      const body = { customer_phone: '+919800000001', create_customer_if_customer_phone_not_found: true };
      fails(await ctx.api.upsert(body, { key: 'sf_wrong' }), 401, UNAUTHORIZED);
      assert.deepEqual(ctx.emulator.inspect(), before);
    });
  });

  describe('routing and bodies', () => {
    test('an unknown path answers 404 with a JSON message', async () => {
      fails(await ctx.api.call('GET', '/enterprise/api/contacts'), 404, 'Cannot GET /superfone/enterprise/api/contacts');
      fails(await ctx.api.call('GET', '/enterprise/api/lead/1001'), 404, 'Cannot GET /superfone/enterprise/api/lead/1001');
    });

    test('a known path with the wrong method answers 405 with Allow', async () => {
      const res = await ctx.api.call('DELETE', '/enterprise/api/lead');
      fails(res, 405, 'Method DELETE is not allowed on /superfone/enterprise/api/lead; use POST or GET');
      assert.equal(res.headers.get('allow'), 'POST, GET');
      const complete = await ctx.api.call('GET', '/enterprise/api/lead/1001/task/complete');
      fails(complete, 405, 'Method GET is not allowed on /superfone/enterprise/api/lead/1001/task/complete; use POST');
    });

    test('a body that is not JSON answers 400', async () => {
      fails(await ctx.api.upsert('{"customer_phone": '), 400, 'Request body is not valid JSON');
      fails(await ctx.api.createTask(1001, 'type=REMINDER'), 400, 'Request body is not valid JSON');
    });

    test('a JSON body that is not an object answers 400', async () => {
      for (const body of ['[]', '"+918000000001"', 'null', '42']) {
        fails(await ctx.api.upsert(body), 400, 'Request body must be a JSON object');
      }
    });

    test('an empty body reads as {}', async () => {
      fails(await ctx.api.upsert(''), 400, 'Customer phone is required to identify the record to update');
    });

    test('a trailing slash is tolerated', async () => {
      assert.equal(ok(await ctx.api.call('GET', '/enterprise/api/lead-group/')).total_items, 5);
    });

    test('every response is JSON with CORS headers; a preflight gets 204', async () => {
      const res = await ctx.api.call('GET', '/enterprise/api/label');
      assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8');
      assert.equal(res.headers.get('access-control-allow-origin'), '*');
      const preflight = await ctx.api.call('OPTIONS', '/enterprise/api/lead', {
        key: null,
        headers: { origin: 'https://app.example.com', 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-api-key, content-type' },
      });
      assert.equal(preflight.status, 204);
      assert.equal(preflight.headers.get('access-control-allow-headers'), 'x-api-key, content-type');
      assert.deepEqual(ctx.emulator.requests.map((r) => r.method), ['GET']);
    });
  });

  describe('request log and reset', () => {
    test('every request is logged with its method, path, query, status and outcome', async () => {
      ok(await ctx.api.catalog('label', { text: 'hot' }));
      fails(await ctx.api.getLead('+14155552671'), 404, 'Lead not found');
      assert.deepEqual(ctx.emulator.requests, [
        { method: 'GET', path: '/superfone/enterprise/api/label', query: 'text=hot', status: 200, fault: null, outcome: 'answered' },
        { method: 'GET', path: '/superfone/enterprise/api/lead', query: 'phone=%2B14155552671', status: 404, fault: null, outcome: 'answered' },
      ]);
    });

    test('reset() restores the seed and empties the log and the fault queue', async () => {
      const initial = ctx.emulator.inspect();
      const log = ctx.emulator.requests;
      ok(await ctx.api.upsert({ customer_phone: '+918000000001', first_name: 'Changed' }));
      ok(await ctx.api.createTask(1001, { type: 'REMINDER', due_date: '2026-05-20T15:00:00Z' }));
      ctx.emulator.faults.next({ status: 500 });
      ctx.emulator.reset();
      assert.deepEqual(ctx.emulator.inspect(), initial);
      assert.equal(ctx.emulator.requests, log, 'the same live array');
      assert.equal(log.length, 0);
      assert.equal(ctx.emulator.faults.pending, 0);
      assert.equal(ok(await ctx.api.createTask(1001, { type: 'REMINDER', due_date: '2026-05-20T15:00:00Z' })).id, 5002);
    });
  });
}
