// Fault injection, the same over every transport: both reject a dropped connection with
// TypeError('fetch failed'), as Node's fetch does when a socket closes without a response.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fails, newLead, ok } from './harness.mjs';

const NEW_PHONE = '+919800000001';

/** @param {ReturnType<import('./harness.mjs').useTarget>} ctx */
export function faultCases(ctx) {
  const faults = () => ctx.emulator.faults;
  const labels = () => ctx.api.catalog('label');
  const createLead = () => ctx.api.upsert(newLead(NEW_PHONE));
  const leadExists = async () => (await ctx.api.getLead(NEW_PHONE)).status === 200;

  describe('faults', () => {
    test('status 429 with retryAfter answers Retry-After and has no effect', async () => {
      faults().next({ status: 429, retryAfter: 3 });
      const res = await createLead();
      fails(res, 429, 'Too Many Requests');
      assert.equal(res.headers.get('retry-after'), '3');
      assert.equal(await leadExists(), false);
      assert.deepEqual(ctx.emulator.requests[0], {
        method: 'POST', path: '/superfone/enterprise/api/lead', query: '', status: 429, fault: 'status', outcome: 'answered',
      });
    });

    test('retryAfter alone means 429; it may be an HTTP-date', async () => {
      faults().next({ retryAfter: 'Fri, 01 May 2026 00:00:05 GMT' });
      const res = await labels();
      assert.equal(res.status, 429);
      assert.equal(res.headers.get('retry-after'), 'Fri, 01 May 2026 00:00:05 GMT');
    });

    test('5xx statuses answer {"message": reason}', async () => {
      faults().next({ status: 500 }).next({ status: 503 });
      fails(await labels(), 500, 'Internal Server Error');
      fails(await labels(), 503, 'Service Unavailable');
      ok(await labels());
    });

    test('html answers an HTML error page, 502 by default', async () => {
      faults().next({ html: true }).next({ html: true, status: 504 });
      const res = await labels();
      assert.equal(res.status, 502);
      assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8');
      assert.match(res.text, /^<!DOCTYPE html>[\s\S]*<h1>502 Bad Gateway<\/h1>/);
      assert.match((await labels()).text, /<h1>504 Gateway Timeout<\/h1>/);
    });

    test('malformed answers broken JSON declared as JSON, 200 by default', async () => {
      faults().next({ malformed: true }).next({ malformed: true, status: 500 });
      const res = await labels();
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type'), /^application\/json/);
      assert.throws(() => JSON.parse(res.text), SyntaxError);
      assert.equal((await labels()).status, 500);
    });

    test('body answers a custom JSON value or string', async () => {
      faults().next({ body: { data: { rows: 'not a list' }, message: 'success' } });
      faults().next({ status: 400, body: { error: 'different envelope' } });
      faults().next({ status: 502, body: 'upstream connect error' });
      assert.deepEqual((await labels()).json, { data: { rows: 'not a list' }, message: 'success' });
      const other = await labels();
      assert.deepEqual([other.status, other.json], [400, { error: 'different envelope' }]);
      const text = await labels();
      assert.deepEqual([text.status, text.text, text.headers.get('content-type')], [502, 'upstream connect error', 'text/plain; charset=utf-8']);
    });

    test('headers alone let the request through with extra headers', async () => {
      faults().next({ headers: { 'x-request-id': 'req_123', 'retry-after': '1' } });
      const res = await labels();
      assert.equal(ok(res).total_items, 120);
      assert.deepEqual([res.headers.get('x-request-id'), res.headers.get('retry-after')], ['req_123', '1']);
      assert.equal(ctx.emulator.requests[0].fault, 'headers');
    });

    test('delayMs answers normally after the delay', async () => {
      faults().next({ delayMs: 150 });
      const started = Date.now();
      ok(await labels());
      assert.ok(Date.now() - started >= 140, `answered after ${Date.now() - started} ms`);
      assert.equal(ctx.emulator.requests[0].fault, 'delay');
    });

    test('delayMs with a status answers the fault after the delay', async () => {
      faults().next({ delayMs: 100, status: 503 });
      const started = Date.now();
      fails(await labels(), 503, 'Service Unavailable');
      assert.ok(Date.now() - started >= 90);
    });

    test('count faults that many matching requests, then answers normally', async () => {
      faults().next({ status: 503, count: 3 });
      assert.equal(faults().pending, 3);
      const statuses = [];
      for (let i = 0; i < 4; i += 1) statuses.push((await labels()).status);
      assert.deepEqual(statuses, [503, 503, 503, 200]);
      assert.equal(faults().pending, 0);
    });

    test('count: Infinity faults until clear()', async () => {
      faults().next({ status: 500, count: Infinity });
      assert.equal((await labels()).status, 500);
      assert.equal((await labels()).status, 500);
      faults().clear();
      assert.equal((await labels()).status, 200);
    });

    test('path and method choose which requests a fault hits', async () => {
      faults().next({ path: '/enterprise/api/label', status: 500 });
      faults().next({ path: '/superfone/enterprise/api/lead-group', status: 502 });
      faults().next({ path: '/enterprise/api/lead/:lead_id/task', method: 'post', status: 503 });
      faults().next({ path: /\/product$/, status: 504 });
      assert.equal((await ctx.api.catalog('lead-stage')).status, 200);
      assert.equal((await ctx.api.listTasks(1001)).status, 200, 'GET does not match a POST fault');
      assert.equal((await ctx.api.completeTask(1002)).status, 400, '…/task/complete is another path');
      assert.equal((await ctx.api.createTask(1001, {})).status, 503);
      assert.equal((await ctx.api.catalog('product')).status, 504);
      assert.equal((await ctx.api.catalog('lead-group')).status, 502);
      assert.equal((await labels()).status, 500);
      assert.equal(faults().pending, 0);
    });

    test('queued faults apply in order', async () => {
      faults().next({ status: 500 }).next({ status: 429 });
      assert.deepEqual([(await labels()).status, (await labels()).status, (await labels()).status], [500, 429, 200]);
    });

    test('faults apply before authentication', async () => {
      faults().next({ status: 503 });
      assert.equal((await ctx.api.call('GET', '/enterprise/api/label', { key: null })).status, 503);
    });

    test('reset: true drops the connection before the request has any effect', async () => {
      faults().next({ reset: true });
      await assert.rejects(createLead(), (error) => error instanceof TypeError && error.message === 'fetch failed');
      assert.equal(await leadExists(), false);
      assert.deepEqual(ctx.emulator.requests[0], {
        method: 'POST', path: '/superfone/enterprise/api/lead', query: '', status: null, fault: 'reset', outcome: 'dropped',
      });
    });

    test("reset: 'after-body' applies the request, then drops the connection", async () => {
      faults().next({ reset: 'after-body', method: 'POST' });
      await assert.rejects(createLead(), TypeError);
      assert.equal(await leadExists(), true);
      assert.deepEqual(ctx.emulator.requests.map((r) => [r.method, r.status, r.fault, r.outcome]), [
        ['POST', 200, 'reset-after-body', 'dropped'],
        ['GET', 200, null, 'answered'],
      ]);
    });

    test('the request log proves how often a request was sent', async () => {
      faults().next({ status: 503 });
      await createLead();
      ok(await createLead());
      const posts = ctx.emulator.requests.filter((r) => r.method === 'POST');
      assert.deepEqual(posts.map((r) => r.status), [503, 200]);
    });

    test('a bad fault spec throws a TypeError at once', () => {
      assert.throws(() => faults().next({ retry_after: 1 }), /unknown fault option\(s\): retry_after/);
      assert.throws(() => faults().next({ reset: true, status: 500 }), /reset cannot be combined with status/);
      assert.throws(() => faults().next({ html: true, malformed: true }), /at most one of html, malformed, body/);
      assert.throws(() => faults().next({ count: 0 }), /count must be a positive integer/);
      assert.throws(() => faults().next({ status: 99 }), /status must be an integer from 200 to 599/);
      assert.throws(() => faults().next({ reset: 'later' }), /reset must be true or 'after-body'/);
      assert.equal(faults().pending, 0);
    });
  });
}
