// The iterate* methods: every row of every page in order, pages fetched lazily, `limit`, and
// errors surfacing at the first next().

import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { collect, hoursFromNow, rejectsWith, requestsTo } from './helpers.mjs';

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

const LABELS = '/enterprise/api/label';
const labelQueries = () => requestsTo(emulator, LABELS).map((r) => Object.fromEntries(new URLSearchParams(r.query)));
const allLabelIds = () => emulator.inspect().labels.map((l) => l.id);

describe('a page other than the one asked for', () => {
  test('page 3 answered with page 2 (the list shrank, or page is ignored): a decode error, no row twice', async () => {
    const pageTwo = await client.listLabels({ page: 2, page_size: 50 });
    const rows = client.iterateLabels({ page_size: 50 })[Symbol.asyncIterator]();
    const seen = [];
    for (let i = 0; i < 100; i++) seen.push((await rows.next()).value.id);
    emulator.faults.next({ status: 200, body: JSON.stringify({ data: pageTwo, message: 'success' }) });
    const err = await rows.next().catch((e) => e);
    assert.equal(err?.kind, 'decode', String(err));
    assert.match(err.message, /^page 3 was asked for and the response is page 2/);
    assert.equal(new Set(seen).size, 100);
  });

  test('an empty page the server numbers 0 ends the iteration quietly (nothing to yield twice)', async () => {
    emulator.faults.next({ status: 200, body: JSON.stringify({ data: { rows: [], total_pages: 0, current_page: 0, page_size: 50, total_items: 0 }, message: 'success' }) });
    assert.deepEqual(await collect(client.iterateLabels({ page_size: 50 })), []);
  });

  test('the query\'s own page is the one expected first', async () => {
    emulator.faults.next({ status: 200, body: JSON.stringify({ data: await client.listLabels({ page: 1, page_size: 50 }), message: 'success' }) });
    await rejectsWith(collect(client.iterateLabels({ page: 2, page_size: 50 })), { kind: 'decode' });
    const rows = await collect(client.iterateLabels({ page: 2, page_size: 50 }));
    assert.equal(rows.length, 70);
  });
});

describe('iterateLabels over 120 labels', () => {
  test('page_size 50: 120 rows in order, 3 requests', async () => {
    const rows = await collect(client.iterateLabels({ page_size: 50 }));
    assert.equal(rows.length, 120);
    assert.deepEqual(rows.map((r) => r.id), allLabelIds());
    assert.deepEqual(labelQueries(), [
      { page_size: '50' },
      { page: '2', page_size: '50' },
      { page: '3', page_size: '50' },
    ]);
  });

  test('no query: the API default page size, every row', async () => {
    const rows = await collect(client.iterateLabels());
    assert.equal(rows.length, 120);
    assert.equal(new Set(rows.map((r) => r.id)).size, 120);
    assert.equal(requestsTo(emulator, LABELS).length, 3);
  });

  test('limit 70: 70 rows, 2 requests, limit never sent', async () => {
    const rows = await collect(client.iterateLabels({ page_size: 50, limit: 70 }));
    assert.equal(rows.length, 70);
    assert.deepEqual(rows.map((r) => r.id), allLabelIds().slice(0, 70));
    assert.equal(requestsTo(emulator, LABELS).length, 2);
    for (const query of labelQueries()) assert.equal(query.limit, undefined);
  });

  test('limit 50 with page_size 50: one request', async () => {
    const rows = await collect(client.iterateLabels({ page_size: 50, limit: 50 }));
    assert.equal(rows.length, 50);
    assert.equal(requestsTo(emulator, LABELS).length, 1);
  });

  test('limit larger than the total: every row', async () => {
    const rows = await collect(client.iterateLabels({ page_size: 50, limit: 1000 }));
    assert.equal(rows.length, 120);
    assert.equal(requestsTo(emulator, LABELS).length, 3);
  });

  test('limit 0: no rows, and no request (the query is still checked)', async () => {
    const rows = await collect(client.iterateLabels({ limit: 0 }));
    assert.deepEqual(rows, []);
    assert.equal(requestsTo(emulator, LABELS).length, 0);
    await rejectsWith(collect(client.iterateLabels({ limit: 0, page_size: 0 })), { kind: 'validation', field: 'page_size' });
  });

  test('small pages: page_size 7 gives 18 requests and the same 120 rows', async () => {
    const rows = await collect(client.iterateLabels({ page_size: 7 }));
    assert.deepEqual(rows.map((r) => r.id), allLabelIds());
    assert.equal(requestsTo(emulator, LABELS).length, 18);
  });

  test('starts at the query page: page 2 of 50 → the last 70 rows', async () => {
    const rows = await collect(client.iterateLabels({ page: 2, page_size: 50 }));
    assert.deepEqual(rows.map((r) => r.id), allLabelIds().slice(50));
    assert.deepEqual(labelQueries().map((q) => q.page), ['2', '3']);
  });

  test('text filter: only matching rows, across pages', async () => {
    const rows = await collect(client.iterateLabels({ text: 'segment', page_size: 50 }));
    assert.equal(rows.length, 108);
    assert.ok(rows.every((r) => /segment/i.test(r.title)));
    assert.equal(requestsTo(emulator, LABELS).length, 3);
    for (const query of labelQueries()) assert.equal(query.text, 'segment');
  });

  test('a text filter that matches nothing: no rows, one request', async () => {
    const rows = await collect(client.iterateLabels({ text: 'no such label' }));
    assert.deepEqual(rows, []);
    assert.equal(requestsTo(emulator, LABELS).length, 1);
  });

  test('lazy: breaking out after 10 rows fetched one page only', async () => {
    let seen = 0;
    for await (const _ of client.iterateLabels({ page_size: 50 })) {
      seen += 1;
      if (seen === 10) break;
    }
    assert.equal(seen, 10);
    assert.equal(requestsTo(emulator, LABELS).length, 1);
  });

  test('lazy: nothing is fetched before the first next()', async () => {
    const iterator = client.iterateLabels()[Symbol.asyncIterator]();
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(emulator.requests.length, 0);
    const first = await iterator.next();
    assert.equal(first.done, false);
    assert.equal(emulator.requests.length, 1);
    await iterator.return();
  });
});

describe('iterateTasks', () => {
  test('every task of a lead, newest first, across pages of page_size', async () => {
    const created = [];
    for (let i = 1; i <= 5; i += 1) {
      created.push(await client.createTask(1001, { type: 'REMINDER', due_date: hoursFromNow(i) }));
    }
    const rows = await collect(client.iterateTasks(1001, { page_size: 2 }));
    assert.deepEqual(rows.map((t) => t.id), [...created.map((t) => t.id).reverse(), 5001]);
    const listing = requestsTo(emulator, '/enterprise/api/lead/1001/task').filter((r) => r.method === 'GET');
    assert.equal(listing.length, 3);
  });

  test('with limit', async () => {
    for (let i = 1; i <= 3; i += 1) await client.createTask(1001, { type: 'REMINDER', due_date: hoursFromNow(i) });
    const rows = await collect(client.iterateTasks(1001, { page_size: 2, limit: 3 }));
    assert.equal(rows.length, 3);
    const listing = requestsTo(emulator, '/enterprise/api/lead/1001/task').filter((r) => r.method === 'GET');
    assert.equal(listing.length, 2);
  });

  test('a lead with no tasks: no rows', async () => {
    const lead = await client.upsertLead({ customer_phone: '+919000000077', create_customer_if_customer_phone_not_found: true });
    assert.deepEqual(await collect(client.iterateTasks(lead.id)), []);
  });
});

describe('errors while iterating', () => {
  test('an invalid query rejects at the first next() with validation, nothing sent', async () => {
    const iterator = client.iterateLabels({ page_size: 0 })[Symbol.asyncIterator]();
    await rejectsWith(iterator.next(), { kind: 'validation', field: 'page_size' });
    assert.equal(emulator.requests.length, 0);
  });

  test('a negative limit is refused', async () => {
    await rejectsWith(collect(client.iterateLabels({ limit: -1 })), { kind: 'validation', field: 'limit' });
    assert.equal(emulator.requests.length, 0);
  });

  test('a bad lead id in iterateTasks rejects at the first next()', async () => {
    await rejectsWith(collect(client.iterateTasks('1001')), { kind: 'validation', field: 'lead_id' });
    assert.equal(emulator.requests.length, 0);
  });

  test('iterateTasks refuses page_size over 20', async () => {
    await rejectsWith(collect(client.iterateTasks(1001, { page_size: 50 })), { kind: 'validation', field: 'page_size' });
  });

  test('a failing later page rejects the iteration after the earlier rows', async () => {
    emulator.faults.next({ path: LABELS, status: 401 });
    const iterator = client.iterateLabels({ page_size: 50 })[Symbol.asyncIterator]();
    await rejectsWith(iterator.next(), { kind: 'unauthorized' });

    emulator.reset();
    const rows = [];
    let failure;
    try {
      for await (const row of client.iterateLabels({ page_size: 50 })) {
        rows.push(row);
        if (rows.length === 50) emulator.faults.next({ path: LABELS, status: 404, body: { message: 'gone' } });
      }
    } catch (error) {
      failure = error;
    }
    assert.equal(rows.length, 50);
    assert.equal(failure?.kind, 'not_found');
    assert.equal(failure.message, 'gone');
  });

  test('a later page is retried like any read', async () => {
    const rows = [];
    for await (const row of client.iterateLabels({ page_size: 50 })) {
      rows.push(row);
      if (rows.length === 1) emulator.faults.next({ path: LABELS, status: 503, retryAfter: 0 });
    }
    assert.equal(rows.length, 120);
    assert.deepEqual(requestsTo(emulator, LABELS).map((r) => r.status), [200, 503, 200, 200]);
  });

  test('request options (signal) apply to every page', async () => {
    const controller = new AbortController();
    const rows = [];
    await rejectsWith(
      (async () => {
        for await (const row of client.iterateLabels({ page_size: 50 }, { signal: controller.signal })) {
          rows.push(row);
          if (rows.length === 60) controller.abort();
        }
      })(),
      { kind: 'aborted' },
    );
    // The rows of page 2, already fetched, are still yielded; page 3 is never requested.
    assert.equal(rows.length, 100);
    assert.equal(requestsTo(emulator, LABELS).length, 2);
  });
});
