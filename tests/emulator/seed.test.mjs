// The default seed's contents, custom seeds, the clock option and inspect().

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createHandler, defaultSeed } from '../../pkg-template/emulator/index.js';

const E164 = /^\+[1-9]\d{1,14}$/;

async function call(handler, path) {
  const res = await handler.handle(new Request(`http://x/superfone/enterprise/api${path}`, { headers: { 'x-api-key': handler.apiKey } }));
  return { status: res.status, body: await res.json() };
}

describe('defaultSeed', () => {
  test('is deterministic and a fresh copy every time', () => {
    const a = defaultSeed();
    assert.deepEqual(a, defaultSeed());
    a.labels.pop();
    assert.equal(defaultSeed().labels.length, 120);
  });

  test('has the documented catalogs, with duplicate stage and group titles', () => {
    const seed = defaultSeed();
    assert.equal(seed.org_id, 4242);
    assert.equal(seed.labels.length, 120);
    assert.equal(new Set(seed.labels.map((l) => l.title)).size, 120);
    const count = (rows, title) => rows.filter((r) => r.title === title).length;
    assert.equal(count(seed.lead_stages, 'Qualified'), 2);
    assert.equal(count(seed.lead_groups, 'Partners'), 2);
    assert.deepEqual(new Set(seed.lead_stages.map((s) => s.type)), new Set(['INITIAL', 'NONE', 'FINAL_POSITIVE', 'FINAL_NEGATIVE']));
    assert.ok(seed.products.every((p) => typeof p.price === 'number' && /^[A-Z]{3}$/.test(p.currency)));
  });

  test('team members have names and E.164 phones; two leads share a primary phone', () => {
    const seed = defaultSeed();
    assert.deepEqual(seed.team_members.map((m) => m.phone), ['+918000000101', '+918000000102', '+14155550103']);
    assert.ok(seed.team_members.every((m) => m.first_name && m.last_name && E164.test(m.phone)));
    assert.deepEqual(seed.leads.filter((l) => l.phones[0] === '+918000000099').map((l) => l.id), [1002, 1003]);
  });

  test('every seeded timestamp is fixed', () => {
    const stamps = JSON.stringify(defaultSeed()).match(/\d{4}-\d{2}-\d{2}T[\d:.]+Z/g);
    assert.ok(stamps.every((s) => s.startsWith('2026-01-')));
  });
});

describe('custom seeds', () => {
  test('a seed replaces the default; omitted collections are empty, omitted fields defaulted', async () => {
    const handler = createHandler({
      seed: { labels: [{ title: 'Only' }], leads: [{ phones: [{ phone: '+14155552671' }], label_ids: [1] }] },
    });
    const labels = await call(handler, '/label');
    assert.deepEqual(labels.body.data.rows.map((l) => [l.id, l.title, l.status, l.org_id]), [[1, 'Only', 'ACTIVE', 1]]);
    assert.equal((await call(handler, '/product')).body.data.total_items, 0);
    const lead = (await call(handler, '/lead?phone=%2B14155552671')).body.data;
    assert.deepEqual([lead.id, lead.labels.map((l) => l.title), lead.phones], [1, ['Only'], [{ phone: '+14155552671', customer_id: 1 }]]);
  });

  test('the default seed extends with spread', async () => {
    const seed = { ...defaultSeed(), leads: [{ id: 7, phones: ['+14155552671'], lead_stage_id: 306 }] };
    const lead = (await call(createHandler({ seed }), '/lead?phone=%2B14155552671')).body.data;
    assert.equal(lead.lead_stage.title, 'Won');
  });

  test('inspect() is seed-shaped: it seeds an identical emulator', async () => {
    const first = createHandler();
    const body = JSON.stringify({ customer_phone: '+14155552671', create_customer_if_customer_phone_not_found: true, customer_note: 'hello' });
    await first.handle(new Request('http://x/superfone/enterprise/api/lead', { method: 'POST', body, headers: { 'x-api-key': first.apiKey } }));
    const second = createHandler({ seed: first.inspect() });
    assert.deepEqual(second.inspect(), first.inspect());
    assert.equal(second.inspect().notes.at(-1).text, 'hello');
  });

  test('inspect() is a copy', () => {
    const handler = createHandler();
    handler.inspect().leads.length = 0;
    assert.equal(handler.inspect().leads.length, 3);
  });

  test('an unusable seed throws a TypeError naming the row', () => {
    assert.throws(() => createHandler({ seed: [] }), /seed must be an object/);
    assert.throws(() => createHandler({ seed: { leads: [{ phones: ['8000000001'] }] } }), /seed\.leads\[0\]\.phones is missing or invalid/);
    assert.throws(() => createHandler({ seed: { labels: {} } }), /seed\.labels must be an array/);
    assert.throws(() => createHandler({ seed: { team_members: [{ first_name: 'No phone' }] } }), /seed\.team_members\[0\]\.phone/);
  });

  test('a bad apiKey or clock throws', () => {
    assert.throws(() => createHandler({ apiKey: '' }), /apiKey must be a non-empty string/);
    assert.throws(() => createHandler({ clock: 5 }), /clock must be a function/);
  });
});

describe('clock', () => {
  test('timestamps of new rows come from the clock', async () => {
    let now = Date.parse('2030-01-02T03:04:05.678Z');
    const handler = createHandler({ clock: () => now });
    const post = (path, body) =>
      handler.handle(new Request(`http://x/superfone/enterprise/api${path}`, { method: 'POST', body: JSON.stringify(body), headers: { 'x-api-key': handler.apiKey } }));
    const lead = (await (await post('/lead', { customer_phone: '+14155552671', create_customer_if_customer_phone_not_found: true })).json()).data;
    assert.equal(lead.created_at, '2030-01-02T03:04:05.678Z');
    now += 1000;
    const task = (await (await post(`/lead/${lead.id}/task`, { type: 'FIRST_CALL', due_date: '2030-01-03T00:00:00Z' })).json()).data;
    assert.deepEqual([task.created_at, task.notify_at], ['2030-01-02T03:04:06.678Z', '2030-01-02T03:04:06.678Z']);
  });
});
