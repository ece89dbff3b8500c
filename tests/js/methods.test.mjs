// Every method of SuperfoneClient with real requests: the built package against the emulator
// over HTTP (node:http, the global fetch). Results are checked against API.md's shapes.

import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { assertId, assertPage, collect, hoursFromNow, requestsTo } from './helpers.mjs';

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

const NEW_PHONE = '+919000000001';

describe('getLead', () => {
  test('returns the lead with the API.md shape (ids are numbers)', async () => {
    const lead = await client.getLead('+918000000001');
    assert.equal(lead.id, 1001);
    assertId(lead.org_id, 'org_id');
    assert.equal(lead.first_name, 'Priya');
    assert.equal(lead.last_name, 'Sharma');
    assert.ok(Array.isArray(lead.email));
    assert.equal(typeof lead.created_at, 'string');
    assert.ok(!Number.isNaN(Date.parse(lead.created_at)));
    assert.deepEqual(
      lead.phones.map((p) => p.phone),
      ['+918000000001', '+918000000011'],
    );
    for (const p of lead.phones) assert.equal(p.customer_id, 1001);
    for (const label of lead.labels) {
      assertId(label.id, 'label id');
      assert.equal(typeof label.title, 'string');
    }
    assert.equal(typeof lead.address, 'object');
    assertId(lead.lead_stage.id, 'lead_stage.id');
    assert.equal(lead.lead_stage_id, lead.lead_stage.id);
    assertId(lead.assignee_user.id, 'assignee_user.id');
  });

  test('finds a lead by a secondary phone', async () => {
    const lead = await client.getLead('+918000000011');
    assert.equal(lead.id, 1001);
  });

  test('sends the phone URL-encoded (+ as %2B)', async () => {
    await client.getLead('+918000000001');
    const [request] = requestsTo(emulator, '/enterprise/api/lead');
    assert.equal(request.method, 'GET');
    assert.equal(new URLSearchParams(request.query).get('phone'), '+918000000001');
    assert.match(request.query, /^phone=%2B918000000001/);
  });
});

describe('lenient decoding', () => {
  test('unknown fields are kept and documented-nullable fields may be null or missing', async () => {
    const data = {
      id: 7,
      org_id: 1,
      created_at: '2026-04-01T10:30:00.000Z',
      phones: [{ phone: '+918000000001', customer_id: 7 }],
      labels: [],
      first_name: null,
      lead_stage: null,
      some_new_field: { nested: true },
    };
    emulator.faults.next({ path: '/enterprise/api/lead', method: 'GET', body: { data, message: 'success' } });
    const lead = await client.getLead('+918000000001');
    assert.deepEqual(lead, data);
  });
});

describe('upsertLead', () => {
  test('creates a lead when create_customer_if_customer_phone_not_found is true', async () => {
    const lead = await client.upsertLead({
      customer_phone: NEW_PHONE,
      create_customer_if_customer_phone_not_found: true,
      first_name: 'Asha',
      last_name: 'Verma',
      email: ['asha@example.com'],
      city: 'Pune',
      deal_value: 1500,
      source: 'website-form',
      source_type: 'PABBLY',
      lead_stage_name: 'New',
      lead_group_name: 'Inbound',
      assignee_user_phone: '+918000000102',
      add_labels: ['Hot', 'VIP'],
      add_phones: ['+919000000002'],
      address: { text: '1 MG Road', latitude: 18.52, longitude: 73.85 },
    });
    assertId(lead.id, 'lead id');
    assert.equal(lead.first_name, 'Asha');

    const fetched = await client.getLead(NEW_PHONE);
    assert.equal(fetched.id, lead.id);
    assert.equal(fetched.city, 'Pune');
    assert.equal(fetched.deal_value, 1500);
    assert.deepEqual(fetched.email, ['asha@example.com']);
    assert.equal(fetched.source_type, 'PABBLY');
    assert.equal(fetched.lead_stage.title, 'New');
    assert.equal(fetched.lead_group.title, 'Inbound');
    assert.equal(fetched.assignee_user.id, 102);
    assert.deepEqual(fetched.labels.map((l) => l.title).sort(), ['Hot', 'VIP']);
    assert.deepEqual(fetched.phones.map((p) => p.phone), [NEW_PHONE, '+919000000002']);
    assert.equal(fetched.address.text, '1 MG Road');
  });

  test('updates an existing lead by its primary phone', async () => {
    const lead = await client.upsertLead({ customer_phone: '+918000000001', city: 'Delhi' });
    assert.equal(lead.id, 1001);
    assert.equal((await client.getLead('+918000000001')).city, 'Delhi');
  });

  test('lead_stage_name: null clears the stage', async () => {
    assert.notEqual((await client.getLead('+918000000001')).lead_stage, null);
    await client.upsertLead({ customer_phone: '+918000000001', lead_stage_name: null });
    const lead = await client.getLead('+918000000001');
    assert.equal(lead.lead_stage, null);
    assert.equal(lead.lead_stage_id, null);
  });

  test('add_labels then remove_labels', async () => {
    await client.upsertLead({ customer_phone: '+918000000001', add_labels: ['Warm', 'Cold'] });
    let titles = (await client.getLead('+918000000001')).labels.map((l) => l.title).sort();
    assert.deepEqual(titles, ['Cold', 'Hot', 'VIP', 'Warm']);

    await client.upsertLead({ customer_phone: '+918000000001', remove_labels: ['Hot', 'Warm'] });
    titles = (await client.getLead('+918000000001')).labels.map((l) => l.title).sort();
    assert.deepEqual(titles, ['Cold', 'VIP']);
  });

  test('customer_note reaches the emulator once', async () => {
    await client.upsertLead({ customer_phone: '+918000000001', customer_note: 'Asked for a demo' });
    const notes = emulator.inspect().notes.filter((n) => n.text === 'Asked for a demo');
    assert.equal(notes.length, 1);
    assert.equal(notes[0].lead_id, 1001);
  });

  test('sends a JSON body with POST', async () => {
    await client.upsertLead({ customer_phone: '+918000000001', first_name: 'P' });
    const [request] = requestsTo(emulator, '/enterprise/api/lead');
    assert.equal(request.method, 'POST');
    assert.equal(request.status, 200);
  });
});

describe('tasks', () => {
  test('upsert → get → createTask → completeTask → listTasks', async () => {
    const created = await client.upsertLead({
      customer_phone: NEW_PHONE,
      create_customer_if_customer_phone_not_found: true,
      first_name: 'Flow',
      assignee_user_phone: '+918000000101',
    });
    const lead = await client.getLead(NEW_PHONE);
    assert.equal(lead.id, created.id);

    const due = hoursFromNow(48);
    const task = await client.createTask(lead.id, {
      type: 'FOLLOW_UP_CALL',
      due_date: due,
      customer_note: 'Call about pricing',
    });
    assertId(task.id, 'task id');
    assert.equal(task.customer_id, lead.id);
    assert.equal(task.type, 'FOLLOW_UP_CALL');
    assert.equal(task.task_status, 'PENDING');
    assert.equal(Date.parse(task.due_date), Date.parse(due));
    assert.equal(task.assignee_user_id, 101);

    const done = await client.completeTask(lead.id);
    assert.equal(done.id, task.id);
    assert.equal(done.task_status, 'COMPLETE');

    const page = await client.listTasks(lead.id);
    assertPage(page);
    assert.equal(page.total_items, 1);
    assert.equal(page.rows[0].id, task.id);
    assert.equal(page.rows[0].task_status, 'COMPLETE');
  });

  test('createTask accepts a Date for due_date and notify_at', async () => {
    const due = new Date(Date.now() + 86_400_000);
    const notify = new Date(due.getTime() - 3_600_000);
    const task = await client.createTask(1001, { type: 'SITE_VISIT', due_date: due, notify_at: notify });
    assert.equal(Date.parse(task.due_date), due.getTime());
    assert.equal(Date.parse(task.notify_at), notify.getTime());
  });

  test('listTasks pages newest first, with page and page_size', async () => {
    const a = await client.createTask(1001, { type: 'REMINDER', due_date: hoursFromNow(5) });
    const b = await client.createTask(1001, { type: 'REMINDER', due_date: hoursFromNow(6) });
    const first = await client.listTasks(1001, { page: 1, page_size: 2 });
    assertPage(first);
    assert.equal(first.current_page, 1);
    assert.equal(first.page_size, 2);
    assert.equal(first.total_items, 3);
    assert.equal(first.total_pages, 2);
    assert.deepEqual(first.rows.map((t) => t.id), [b.id, a.id]);
    const second = await client.listTasks(1001, { page: 2, page_size: 2 });
    assert.deepEqual(second.rows.map((t) => t.id), [5001]);
    const [request] = requestsTo(emulator, '/enterprise/api/lead/1001/task').filter((r) => r.method === 'GET');
    assert.deepEqual(Object.fromEntries(new URLSearchParams(request.query)), { page: '1', page_size: '2' });
  });
});

describe('catalogs', () => {
  test('listSourceTypes: {id, title} rows', async () => {
    const page = await client.listSourceTypes();
    assertPage(page);
    const titles = page.rows.map((r) => r.title);
    for (const t of ['CSV_UPLOAD', 'PABBLY', 'OTHERS']) assert.ok(titles.includes(t), t);
    for (const row of page.rows) assertId(row.id);
  });

  test('listLabels: first page of 50 of 120', async () => {
    const page = await client.listLabels();
    assertPage(page);
    assert.equal(page.rows.length, 50);
    assert.equal(page.total_items, 120);
    assert.equal(page.total_pages, 3);
    assert.equal(page.current_page, 1);
    assert.equal(page.page_size, 50);
    const label = page.rows[0];
    assertId(label.id);
    assertId(label.org_id, 'org_id');
    assert.equal(typeof label.colour, 'string');
    assert.equal(typeof label.text_colour, 'string');
    assert.ok(['ACTIVE', 'DISABLED'].includes(label.status));
  });

  test('listLabels: text filter and an explicit page', async () => {
    const vip = await client.listLabels({ text: 'vip' });
    assert.deepEqual(vip.rows.map((r) => r.title), ['VIP']);
    const third = await client.listLabels({ page: 3, page_size: 50 });
    assert.equal(third.current_page, 3);
    assert.equal(third.rows.length, 20);
  });

  test('listLeadStages: includes the duplicate "Qualified"', async () => {
    const page = await client.listLeadStages();
    assertPage(page);
    assert.equal(page.rows.filter((r) => r.title === 'Qualified').length, 2);
    const stage = page.rows.find((r) => r.title === 'New');
    assert.equal(stage.type, 'INITIAL');
    assert.equal(typeof stage.position, 'number');
  });

  test('listLeadGroups: includes the duplicate "Partners"', async () => {
    const page = await client.listLeadGroups();
    assertPage(page);
    assert.equal(page.rows.filter((r) => r.title === 'Partners').length, 2);
    for (const row of page.rows) assertId(row.id);
  });

  test('listProducts: price is a number, currency ISO 4217', async () => {
    const page = await client.listProducts();
    assertPage(page);
    const starter = page.rows.find((r) => r.title === 'Starter Plan');
    assert.equal(starter.price, 999);
    assert.equal(starter.currency, 'INR');
    assert.ok(Array.isArray(starter.images));
  });
});

describe('iterate*', () => {
  const cases = [
    ['iterateSourceTypes', () => client.iterateSourceTypes(), 7],
    ['iterateLabels', () => client.iterateLabels(), 120],
    ['iterateLeadStages', () => client.iterateLeadStages(), 7],
    ['iterateLeadGroups', () => client.iterateLeadGroups(), 5],
    ['iterateProducts', () => client.iterateProducts(), 5],
    ['iterateTasks', () => client.iterateTasks(1001), 1],
  ];
  for (const [name, iterate, expected] of cases) {
    test(`${name} yields every row (${expected})`, async () => {
      const rows = await collect(iterate());
      assert.equal(rows.length, expected);
      for (const row of rows) assertId(row.id, 'row id');
      assert.equal(new Set(rows.map((r) => r.id)).size, expected, 'no row twice');
    });
  }
});

describe('an emulator bound to every interface', () => {
  test('its url is one the client takes as it is', async () => {
    const wide = await startEmulator({ host: '0.0.0.0' });
    try {
      const wideClient = new SuperfoneClient({ baseUrl: wide.url, apiKey: wide.apiKey });
      const page = await wideClient.listSourceTypes();
      assert.equal(page.total_items, 7);
    } finally {
      await wide.close();
    }
  });
});
