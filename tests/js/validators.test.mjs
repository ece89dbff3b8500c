// The synchronous validators (no client, no network), and that the client refuses exactly what
// they refuse: same field, nothing sent.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { rejectsWith, throwsWith } from './helpers.mjs';

const { SuperfoneClient, isValidE164, normalizePhone, validateUpsertLead, validateCreateTask } = await import('superfone-crm');
const { createMockFetch } = await import('superfone-crm/emulator');
// The Node entry's wasm-bindgen module (the same instance the package uses), for its internals.
const glue = createRequire(import.meta.url)(join(dirname(createRequire(import.meta.url).resolve('superfone-crm')), '..', 'superfone_crm_node.cjs'));

const NOW = new Date('2026-05-20T14:00:00Z');

describe('isValidE164', () => {
  test('accepts E.164 numbers', () => {
    for (const phone of ['+918000000001', '+14155552671', '+4420794609', '+123456789012345']) {
      assert.equal(isValidE164(phone), true, phone);
    }
  });

  test('refuses anything else', () => {
    for (const phone of ['8000000001', '+91 80000 00001', '+91-8000000001', '+(91)8000000001', '+0918000000001', '+1234567890123456', '+', '', ' +918000000001', '+91800000000１']) {
      assert.equal(isValidE164(phone), false, JSON.stringify(phone));
    }
  });

  test('short strings (checked in a buffer in wasm memory) and long ones get the core\'s verdict', () => {
    // Around the buffer's 32 code units, surrogates and non-ASCII included: a stale verdict from
    // an earlier, longer string would show here.
    const cases = [
      ['+14155552671', true], ['+1415555267', true], ['+141555526', true], ['+1', false],
      ['+12345678901234567890123456789012', false], ['+123456789012345678901234567890123', false],
      [`+91${'0'.repeat(29)}`, false], [`+91${'0'.repeat(40)}`, false], ['+9180000000\u{1F4DE}', false],
      ['+91800000\uD800', false], ['\u00e9', false], ['+918000000001', true],
    ];
    for (const [phone, valid] of cases) assert.equal(isValidE164(phone), valid, JSON.stringify(phone));
  });

  test('stays right after the wasm memory grows', () => {
    assert.equal(isValidE164('+918000000001'), true);
    // A large input makes the module grow its memory, which detaches every view of the old one.
    const stale = glue.__phoneBuffer();
    const big = { customer_phone: '+918000000001', additional_info: 'x'.repeat(8 * 1024 * 1024) };
    assert.ok(Array.isArray(validateUpsertLead(big)));
    assert.equal(stale.length, 0, 'the memory grew (the view taken before is detached)');
    assert.equal(isValidE164('+918000000001'), true);
    assert.equal(isValidE164('+91800000000'), true);
    assert.equal(isValidE164('918000000001'), false);
  });

  test('non-strings are false, not a throw', () => {
    for (const value of [undefined, null, 918000000001, {}, ['+918000000001']]) {
      assert.equal(isValidE164(value), false);
    }
  });
});

describe('normalizePhone', () => {
  test('strips formatting from an international number', () => {
    assert.equal(normalizePhone('+91 80000-00001'), '+918000000001');
    assert.equal(normalizePhone('+91 (800) 000.0001'), '+918000000001');
    assert.equal(normalizePhone('0091 8000000001'), '+918000000001');
  });

  test('uses the default country code for a national number', () => {
    assert.equal(normalizePhone('(415) 555-2671', '1'), '+14155552671');
    assert.equal(normalizePhone('08000000001', '+91'), '+918000000001');
  });

  test('a national number without a country code throws a validation SuperfoneError', () => {
    throwsWith(() => normalizePhone('8000000001'), { kind: 'validation', field: 'phone', name: 'SuperfoneError' });
  });

  test('garbage throws a validation SuperfoneError', () => {
    for (const input of ['abc', '', '+', '+91 8000 0000 0000 0000 1']) {
      throwsWith(() => normalizePhone(input), { kind: 'validation' });
    }
    throwsWith(() => normalizePhone(918000000001), { kind: 'validation' });
  });

  test('its output is always valid E.164', () => {
    for (const input of ['+91 80000-00001', '0044 20 7946 0958', '+44 (0)20 7946 0958']) {
      assert.equal(isValidE164(normalizePhone(input)), true, input);
    }
  });
});

describe('validateUpsertLead', () => {
  test('[] for a valid input', () => {
    assert.deepEqual(validateUpsertLead({ customer_phone: '+918000000001' }), []);
    assert.deepEqual(
      validateUpsertLead({
        customer_phone: '+918000000001',
        create_customer_if_customer_phone_not_found: true,
        email: ['a@example.com'],
        lead_stage_name: null,
        assignee_user_phone: null,
        add_labels: ['VIP'],
        deal_value: 12.5,
      }),
      [],
    );
  });

  test('a bad phone: an issue on customer_phone', () => {
    const issues = validateUpsertLead({ customer_phone: '8000000001' });
    assert.equal(issues.length, 1);
    assert.equal(issues[0].field, 'customer_phone');
    assert.equal(typeof issues[0].message, 'string');
  });

  test('add_labels with remove_labels: an issue on remove_labels', () => {
    const issues = validateUpsertLead({ customer_phone: '+918000000001', add_labels: ['A'], remove_labels: ['B'] });
    assert.deepEqual(issues.map((i) => i.field), ['remove_labels']);
  });

  test('an unknown field is named, with a hint', () => {
    const issues = validateUpsertLead({ customer_phone: '+918000000001', lead_stage: 'New' });
    assert.equal(issues[0].field, 'lead_stage');
    assert.match(issues[0].message, /lead_stage_name/);
  });

  test('every issue is listed', () => {
    const issues = validateUpsertLead({ email: 'x', deal_value: 'big' });
    const fields = issues.map((i) => i.field);
    for (const field of ['customer_phone', 'email', 'deal_value']) assert.ok(fields.includes(field), field);
  });

  test('not an object: one issue', () => {
    for (const input of [null, undefined, 'x', []]) {
      assert.equal(validateUpsertLead(input).length, 1, JSON.stringify(input));
    }
  });
});

describe('validateCreateTask', () => {
  const due = '2026-05-20T15:00:00Z';

  test('[] for a valid input', () => {
    assert.deepEqual(validateCreateTask({ type: 'FOLLOW_UP_CALL', due_date: due }, NOW), []);
    assert.deepEqual(validateCreateTask({ type: 'REMINDER', due_date: due, notify_at: '2026-05-20T14:30:00Z', customer_note: 'n' }, NOW), []);
  });

  test('now decides whether notify_at is in the future', () => {
    const input = { type: 'REMINDER', due_date: due, notify_at: '2026-05-20T14:30:00Z' };
    assert.deepEqual(validateCreateTask(input, new Date('2026-05-20T14:00:00Z')), []);
    assert.deepEqual(validateCreateTask(input, new Date('2026-05-20T14:45:00Z')).map((i) => i.field), ['notify_at']);
  });

  test('notify_at after due_date', () => {
    const issues = validateCreateTask({ type: 'REMINDER', due_date: due, notify_at: '2026-05-20T16:00:00Z' }, NOW);
    assert.deepEqual(issues.map((i) => i.field), ['notify_at']);
  });

  test('missing type and a date without a time zone', () => {
    const issues = validateCreateTask({ due_date: '2026-05-20 15:00' }, NOW);
    assert.deepEqual(issues.map((i) => i.field).sort(), ['due_date', 'type']);
  });

  test('a lowercase type gets a hint', () => {
    const [issue] = validateCreateTask({ type: 'follow up call', due_date: due }, NOW);
    assert.equal(issue.field, 'type');
    assert.match(issue.message, /FOLLOW_UP_CALL/);
  });

  test('an invalid now throws a validation SuperfoneError', () => {
    throwsWith(() => validateCreateTask({ type: 'REMINDER', due_date: due }, new Date('nope')), { kind: 'validation', field: 'now' });
  });
});

describe('the client refuses what the validators refuse', () => {
  const mock = createMockFetch();
  const client = new SuperfoneClient({ apiKey: 'sf_test_key', fetch: mock });
  const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();
  const inTwoHours = () => new Date(Date.now() + 7_200_000).toISOString();

  const upserts = [
    { customer_phone: '8000000001' },
    { customer_phone: '+918000000001', add_labels: ['A'], remove_labels: ['B'] },
    { customer_phone: '+918000000001', lead_stage: 'New' },
    { customer_phone: '+918000000001', email: [] },
    { first_name: 'no phone' },
  ];
  for (const input of upserts) {
    test(`upsertLead ${JSON.stringify(input)}`, async () => {
      const issues = validateUpsertLead(input);
      assert.ok(issues.length > 0);
      mock.reset();
      await rejectsWith(client.upsertLead(input), { kind: 'validation', field: issues[0].field });
      assert.equal(mock.requests.length, 0);
    });
  }

  test('createTask inputs', async () => {
    const inputs = [
      { type: 'CALL', due_date: inTwoHours() },
      { type: 'REMINDER', due_date: inAnHour(), notify_at: inTwoHours() },
      { type: 'REMINDER', due_date: inAnHour(), notify_at: '2000-01-01T00:00:00Z' },
      { type: 'REMINDER' },
      { type: 'REMINDER', due_date: inAnHour(), assignee: 'x' },
    ];
    for (const input of inputs) {
      const issues = validateCreateTask(input);
      assert.ok(issues.length > 0, JSON.stringify(input));
      mock.reset();
      await rejectsWith(client.createTask(1001, input), { kind: 'validation', field: issues[0].field });
      assert.equal(mock.requests.length, 0);
    }
  });

  test('an input the validators accept is sent', async () => {
    const input = { customer_phone: '+918000000001', city: 'Kota' };
    assert.deepEqual(validateUpsertLead(input), []);
    mock.reset();
    await client.upsertLead(input);
    assert.equal(mock.requests.length, 1);
  });

  test('getLead refuses exactly what isValidE164 refuses', async () => {
    for (const phone of ['+918000000001', '8000000001', '+91 80000 00001', '+0123', '+918000000011']) {
      mock.reset();
      const call = client.getLead(phone);
      if (isValidE164(phone)) {
        await call;
        assert.equal(mock.requests.length, 1, phone);
      } else {
        await rejectsWith(call, { kind: 'validation', field: 'phone' });
        assert.equal(mock.requests.length, 0, phone);
      }
    }
  });
});
