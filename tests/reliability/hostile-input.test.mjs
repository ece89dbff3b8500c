// Hostile input from JS: values of the wrong type, absurd sizes, prototype tricks, broken
// strings, exotic objects. Every one is refused with a SuperfoneError of kind 'validation' naming
// the field (or the options field), nothing is sent, nothing panics, and the module keeps working:
// a normal call succeeds after each case.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hoursFromNow } from './helpers.mjs';

const sdk = await import('superfone-crm');
const { SuperfoneClient, SuperfoneError, validateUpsertLead, validateCreateTask, normalizePhone, isValidE164 } = sdk;
const { createMockFetch } = await import('superfone-crm/emulator');

const mock = createMockFetch();
const client = new SuperfoneClient({ apiKey: 'sf_test_key', fetch: mock, maxRetries: 0 });
const PHONE = '+918000000001';

function deepArray(depth) {
  let v = 'x';
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}
class Point {
  constructor() {
    this.x = 1;
  }
}
const throwingProxy = () =>
  new Proxy({}, {
    get() { throw new Error('getter exploded'); },
    ownKeys() { return ['first_name']; },
    getOwnPropertyDescriptor() { return { enumerable: true, configurable: true, value: 'x' }; },
  });
const ownKeysThrowingProxy = () =>
  new Proxy({}, { ownKeys() { throw new Error('ownKeys exploded'); } });
const TEN_MB = 'x'.repeat(10 * 1024 * 1024);

/** Garbage for a string field: [name, value]. */
const GARBAGE = [
  ['a number', 42],
  ['-0', -0],
  ['NaN', NaN],
  ['Infinity', Infinity],
  ['a boolean', true],
  ['an array', ['a']],
  ['an object', { a: 1 }],
  ['a 10,000-deep nested array', deepArray(10_000)],
  ['a 10 MB string', TEN_MB],
  ['a lone high surrogate', 'Asha \uD800'],
  ['a lone low surrogate', '\uDC00'],
  ['a Symbol', Symbol('s')],
  ['a BigInt', 10n],
  ['a function', () => 'x'],
  ['an invalid Date', new Date(NaN)],
  ['a Map', new Map([['a', 1]])],
  ['a Set', new Set([1])],
  ['a class instance', new Point()],
  ['a Proxy whose getters throw', throwingProxy()],
  ['a frozen object', Object.freeze({ a: 1 })],
  ['a cyclic object', (() => { const o = {}; o.self = o; return o; })()],
  ['a Uint8Array', new Uint8Array(4)],
];

let sent = 0;
/** Asserts `promise` rejects with a validation error whose field matches, and nothing was sent. */
async function refused(promise, field) {
  const before = mock.requests.length;
  let error;
  try {
    await promise;
  } catch (e) {
    error = e;
  }
  assert.ok(error instanceof SuperfoneError, `expected a SuperfoneError, got ${error?.stack ?? 'a resolved promise'}`);
  assert.equal(error.kind, 'validation', error.message);
  assert.equal(typeof error.field, 'string', 'the error names a field');
  if (field instanceof RegExp) assert.match(error.field, field);
  else assert.equal(error.field, field, error.message);
  assert.ok(error.message.length < 2000, 'the message does not echo a huge value');
  assert.equal(mock.requests.length, before, 'no request was sent');
  sent += mock.requests.length - before;
  return error;
}

/** A normal call still works (no poisoned module). */
async function stillWorks() {
  const lead = await client.getLead(PHONE);
  assert.equal(lead.id, 1001);
  assert.equal(isValidE164(PHONE), true);
  assert.deepEqual(validateUpsertLead({ customer_phone: PHONE }), []);
}

describe('the client refuses garbage in a string field (first_name), by name', () => {
  for (const [name, value] of GARBAGE) {
    test(`first_name: ${name}`, async () => {
      await refused(client.upsertLead({ customer_phone: PHONE, first_name: value }), /^first_name/);
      await stillWorks();
    });
  }
});

describe('the client refuses garbage as customer_phone, by name', () => {
  for (const [name, value] of GARBAGE) {
    test(`customer_phone: ${name}`, async () => {
      await refused(client.upsertLead({ customer_phone: value, first_name: 'Asha' }), /^customer_phone/);
      await stillWorks();
    });
  }
});

describe('the client refuses garbage as the getLead phone and as a lead id, by name', () => {
  for (const [name, value] of GARBAGE) {
    test(`getLead(${name})`, async () => {
      await refused(client.getLead(value), 'phone');
      await stillWorks();
    });
    if (name === 'a number') continue; // 42 is a well-formed lead id
    test(`createTask(${name}, …)`, async () => {
      await refused(client.createTask(value, { type: 'REMINDER', due_date: hoursFromNow(24) }), 'lead_id');
      await stillWorks();
    });
  }
});

describe('garbage in nested and list fields', () => {
  for (const [name, value] of GARBAGE) {
    test(`add_labels[0]: ${name}`, async () => {
      await refused(client.upsertLead({ customer_phone: PHONE, add_labels: [value] }), /^add_labels/);
      await stillWorks();
    });
    test(`task type: ${name}`, async () => {
      await refused(client.createTask(1001, { type: value, due_date: hoursFromNow(24) }), /^type/);
      await stillWorks();
    });
    test(`catalog query text: ${name}`, async () => {
      await refused(client.listLabels({ text: value }), /^text/);
      await stillWorks();
    });
  }
  for (const [name, value] of [['-0', -0], ['NaN', NaN], ['-1', -1], ['1.5', 1.5], ['a string', '2'], ['2**53', 2 ** 53], ['a BigInt', 1n]]) {
    test(`page: ${name}`, async () => {
      await refused(client.listTasks(1001, { page: value }), 'page');
      await stillWorks();
    });
  }
});

describe('the whole input is garbage', () => {
  for (const [name, value] of [
    ['a number', 42], ['a string', PHONE], ['an array', [{ customer_phone: PHONE }]], ['a Symbol', Symbol('s')],
    ['a BigInt', 1n], ['a function', () => {}], ['a Proxy whose getters throw', throwingProxy()],
    ['a Map', new Map([['customer_phone', PHONE]])],
  ]) {
    test(`upsertLead(${name})`, async () => {
      await refused(client.upsertLead(value), /./);
      await stillWorks();
    });
    test(`createTask(1001, ${name})`, async () => {
      await refused(client.createTask(1001, value), /./);
      await stillWorks();
    });
  }
});

describe('a Proxy whose ownKeys trap throws', () => {
  // Object.keys on it throws inside the conversion from JS: it must still end as a rejection
  // with a validation error, not a raw exception thrown synchronously out of the call.
  test('as a field value: the call rejects with a validation error naming the field', async () => {
    let promise;
    assert.doesNotThrow(() => { promise = client.upsertLead({ customer_phone: PHONE, first_name: ownKeysThrowingProxy() }); }, 'thrown synchronously');
    await refused(promise, 'first_name');
    await stillWorks();
  });
  test('as the whole input: the call rejects with a validation error', async () => {
    let promise;
    assert.doesNotThrow(() => { promise = client.createTask(1001, ownKeysThrowingProxy()); }, 'thrown synchronously');
    await refused(promise, /./);
    await stillWorks();
  });
  test('validateUpsertLead returns an issue instead of throwing', () => {
    let issues;
    assert.doesNotThrow(() => { issues = validateUpsertLead({ customer_phone: PHONE, first_name: ownKeysThrowingProxy() }); });
    assert.equal(issues?.[0]?.field, 'first_name');
  });
});

test('a Date is taken as its ISO 8601 string (documented), for a date and for a string field alike', async () => {
  const due = new Date(Date.now() + 86_400_000);
  assert.deepEqual(validateCreateTask({ type: 'REMINDER', due_date: due }), []);
  assert.deepEqual(validateUpsertLead({ customer_phone: PHONE, first_name: new Date(0) }), []);
});

describe('objects reached more than once', () => {
  // Written as a tree, an object referenced twice at every level is 2^depth paths: the
  // walk must stop with an issue, not block the process (a Node request passed by mistake is one).
  const cyclicTwice = () => {
    const lead = { customer_phone: PHONE };
    lead.self = lead;
    lead.parent = lead;
    return lead;
  };
  const sharedAtEveryLevel = () => {
    let v = { leaf: 1 };
    for (let i = 0; i < 30; i++) v = { a: v, b: v };
    return v;
  };
  test('an object that refers to itself twice: a validation issue at once, naming the fields', async () => {
    const started = performance.now();
    const issues = validateUpsertLead(cyclicTwice());
    const err = await client.upsertLead(cyclicTwice()).catch((e) => e);
    assert.ok(performance.now() - started < 2000, `took ${performance.now() - started} ms`);
    assert.ok(err instanceof SuperfoneError && err.kind === 'validation', String(err));
    assert.match(err.message, /refers to itself/);
    assert.deepEqual(issues.map((i) => i.field).filter((f) => f === 'self' || f === 'parent'), ['self', 'parent']);
  });
  test('a shared object at each of 30 levels (no cycle): refused as too large, promptly', async () => {
    const started = performance.now();
    const err = await client.upsertLead({ customer_phone: PHONE, extra: sharedAtEveryLevel() }).catch((e) => e);
    assert.ok(performance.now() - started < 10_000, `took ${performance.now() - started} ms`);
    assert.ok(err instanceof SuperfoneError && err.kind === 'validation', String(err));
    assert.match(err.message, /too large/);
  });
  test('too large: one issue where the budget ran out, not one per remaining object', async () => {
    const started = performance.now();
    const wide = Array(2000).fill(Array(2000).fill(1)); // 4,000,000 values, one shared row
    const err = await client.upsertLead({ customer_phone: PHONE, extra: wide }).catch((e) => e);
    assert.ok(performance.now() - started < 5000, `took ${performance.now() - started} ms`);
    assert.ok(err instanceof SuperfoneError && err.kind === 'validation', String(err));
    assert.match(err.message, /too large/);
    const count = Number(/^(\d+) problems/.exec(err.message)?.[1] ?? 1);
    assert.ok(count <= 3, `${count} issues: ${err.message.slice(0, 200)}`);
  });
  test('the same object twice, side by side (not a cycle), is read twice', () => {
    const labels = ['Hot'];
    const issues = validateUpsertLead({ customer_phone: PHONE, add_labels: labels, notes: [labels, labels] });
    assert.deepEqual(issues.map((i) => i.field), ['notes']); // an unknown field, not a cycle
  });
});

describe('iterate* reads its query only after the core has checked it', () => {
  const cases = [
    ['a limit getter that throws', () => ({ get limit() { throw new Error('boom-limit'); } }), 'limit'],
    ['a page getter that throws', () => ({ get page() { throw new Error('boom-page'); } }), 'page'],
    ['a revoked Proxy', () => { const { proxy, revoke } = Proxy.revocable({}, {}); revoke(); return proxy; }, undefined],
  ];
  for (const [name, query, field] of cases) {
    test(`${name}: a validation SuperfoneError${field ? ` naming ${field}` : ''}, nothing sent`, async () => {
      const before = mock.requests.length;
      const iterate = async () => { for await (const row of client.iterateLabels(query())) void row; };
      const err = await iterate().catch((e) => e);
      assert.ok(err instanceof SuperfoneError, `not a SuperfoneError: ${err}`);
      assert.equal(err.kind, 'validation');
      if (field) assert.equal(err.field, field);
      assert.equal(mock.requests.length, before);
    });
  }
});

test('validateCreateTask with a `now` that only looks like a Date throws the validation error for now', () => {
  for (const now of [Object.create(Date.prototype), (() => { const { proxy, revoke } = Proxy.revocable(new Date(), {}); revoke(); return proxy; })()]) {
    assert.throws(() => validateCreateTask({ type: 'REMINDER', due_date: hoursFromNow(1) }, now),
      (e) => e instanceof SuperfoneError && e.kind === 'validation' && e.field === 'now');
  }
});

describe('prototype tricks', () => {
  test('an own "__proto__" key (from JSON.parse) is an unknown field, and pollutes nothing', async () => {
    const input = JSON.parse(`{"customer_phone":"${PHONE}","__proto__":{"create_customer_if_customer_phone_not_found":true,"polluted":1}}`);
    await refused(client.upsertLead(input), '__proto__');
    assert.equal({}.polluted, undefined);
    assert.equal(Object.prototype.polluted, undefined);
    assert.equal(validateUpsertLead(input)[0]?.field, '__proto__');
    await stillWorks();
  });

  test('"constructor" and "prototype" own keys are unknown fields', async () => {
    await refused(client.upsertLead(JSON.parse(`{"customer_phone":"${PHONE}","constructor":{"prototype":{"x":1}}}`)), /^constructor/);
    await stillWorks();
  });

  test('inherited properties are not read as input', async () => {
    const input = Object.create({ first_name: 42 });
    input.customer_phone = PHONE;
    const lead = await client.upsertLead(input);
    assert.equal(lead.id, 1001);
    assert.notEqual(lead.first_name, 42);
  });

  test('a getter with side effects is read once per call at most and its bad value refused', async () => {
    let reads = 0;
    const input = { customer_phone: PHONE, get first_name() { reads += 1; return reads > 1 ? 'Asha' : 7; } };
    await refused(client.upsertLead(input), 'first_name');
    assert.equal(reads, 1);
  });
});

describe('the synchronous validators take any value without throwing', () => {
  const all = [...GARBAGE, ['undefined', undefined], ['null', null]];
  for (const [name, value] of all) {
    test(`validateUpsertLead / validateCreateTask / isValidE164 / normalizePhone: ${name}`, () => {
      // (undefined and null are fine for first_name: left out, and "clear it")
      const inputs = value == null ? [value, { customer_phone: value }] : [value, { customer_phone: value }, { customer_phone: PHONE, first_name: value }];
      for (const input of inputs) {
        const issues = validateUpsertLead(input);
        assert.ok(Array.isArray(issues) && issues.length > 0, `validateUpsertLead(${name}) found nothing`);
        for (const issue of issues) assert.equal(typeof issue.field, 'string');
      }
      for (const input of [value, { type: value, due_date: hoursFromNow(1) }, { type: 'REMINDER', due_date: value }]) {
        const issues = validateCreateTask(input);
        if (!(value == null && input?.type === 'REMINDER')) {
          assert.ok(Array.isArray(issues) && issues.length > 0, `validateCreateTask(${name}) found nothing`);
        }
        for (const issue of issues) assert.equal(typeof issue.field, 'string');
      }
      let result;
      try {
        result = isValidE164(value);
      } catch (e) {
        assert.ok(e instanceof SuperfoneError, `isValidE164 threw ${e?.stack}`);
      }
      if (result !== undefined) assert.equal(result, false);
      try {
        normalizePhone(value);
        assert.fail('normalizePhone accepted garbage');
      } catch (e) {
        assert.ok(e instanceof SuperfoneError, `normalizePhone threw ${e?.stack}`);
        assert.equal(e.kind, 'validation');
      }
      assert.equal(isValidE164(PHONE), true);
    });
  }
});

describe('client and request options', () => {
  const bad = [
    ['apiKey: 42', { apiKey: 42 }, 'apiKey'],
    ['apiKey: a lone surrogate', { apiKey: 'k\uD800' }, 'apiKey'],
    ['apiKey: a 10 MB string', { apiKey: TEN_MB }, 'apiKey'],
    ['timeoutMs: NaN', { apiKey: 'k', timeoutMs: NaN }, 'timeoutMs'],
    ['timeoutMs: -1', { apiKey: 'k', timeoutMs: -1 }, 'timeoutMs'],
    ['maxRetries: 1.5', { apiKey: 'k', maxRetries: 1.5 }, 'maxRetries'],
    ['maxRetries: 1e9', { apiKey: 'k', maxRetries: 1e9 }, 'maxRetries'],
    ['headers: an array', { apiKey: 'k', headers: ['a'] }, /^headers/],
    ['headers value: a number', { apiKey: 'k', headers: { 'x-a': 1 } }, /^headers/],
    ['fetch: a string', { apiKey: 'k', fetch: 'fetch' }, 'fetch'],
    ['baseUrl: a number', { apiKey: 'k', baseUrl: 42 }, 'baseUrl'],
    ['headers: transfer-encoding, which Node\'s fetch refuses', { apiKey: 'k', headers: { 'transfer-encoding': 'chunked' } }, 'headers.transfer-encoding'],
    ['headers: a value with a control character', { apiKey: 'k', headers: { 'x-a': 'a\u0001' } }, 'headers.x-a'],
    ['headers: keep-alive, which Node\'s fetch refuses', { apiKey: 'k', headers: { 'keep-alive': 'timeout=5' } }, 'headers.keep-alive'],
    ['headers: one name twice, in two cases', { apiKey: 'k', headers: { 'x-dup': 'a', 'X-DUP': 'b' } }, 'headers.X-DUP'],
    ['baseUrl: a host fetch would parse as a bad IPv4 address', { apiKey: 'k', baseUrl: 'https://999.1.1.1' }, 'baseUrl'],
    ['baseUrl: a host ending in a number', { apiKey: 'k', baseUrl: 'https://api.superfone.co.in.1' }, 'baseUrl'],
    ['an unknown option', { apiKey: 'k', apikey: 'k' }, /./],
  ];
  for (const [name, options, field] of bad) {
    test(`new SuperfoneClient(${name}) throws a validation error naming it`, () => {
      let error;
      try {
        new SuperfoneClient(options);
      } catch (e) {
        error = e;
      }
      assert.ok(error instanceof SuperfoneError, `got ${error?.stack ?? 'no error'}`);
      assert.equal(error.kind, 'validation');
      if (field instanceof RegExp) assert.match(error.field ?? '', field);
      else assert.equal(error.field, field, error.message);
    });
  }
  for (const [name, value] of [['a number', 42], ['an array', []], ['a string', 'x'], ['a BigInt', 1n]]) {
    test(`new SuperfoneClient(${name}) throws a validation error`, () => {
      assert.throws(() => new SuperfoneClient(value), (e) => e instanceof SuperfoneError && e.kind === 'validation');
    });
  }
  for (const [name, options, field] of [
    ['signal: a string', { signal: 'abort' }, 'signal'],
    ['signal: a fake signal object', { signal: { aborted: false, addEventListener() {} } }, 'signal'],
    ['timeoutMs: Infinity', { timeoutMs: Infinity }, 'timeoutMs'],
    ['maxRetries: -1', { maxRetries: -1 }, 'maxRetries'],
    ['options: a number', 5, 'options'],
  ]) {
    test(`request options ${name}: refused, nothing sent`, async () => {
      await refused(client.getLead(PHONE, options), field);
      await stillWorks();
    });
  }
});

describe('exotic objects the input walk meets', () => {
  const revoked = () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    return proxy;
  };
  const prototypeThrowing = () => new Proxy({}, { getPrototypeOf() { throw new Error('no prototype'); } });
  const hugeArray = () => new Proxy([], { get: (t, k) => (k === 'length' ? 1e9 : Reflect.get(t, k)) });

  test('a revoked Proxy as a field value is refused, naming the field', async () => {
    await refused(client.upsertLead({ customer_phone: PHONE, first_name: revoked() }), 'first_name');
    await stillWorks();
  });

  test('a Proxy whose getPrototypeOf trap throws (instanceof throws) is refused, naming the field', async () => {
    await refused(client.upsertLead({ customer_phone: PHONE, address: prototypeThrowing() }), 'address');
    await stillWorks();
  });

  test('an array claiming a billion items is refused without reading them', async () => {
    const started = performance.now();
    await refused(client.upsertLead({ customer_phone: PHONE, add_labels: hugeArray() }), 'add_labels');
    assert.ok(performance.now() - started < 1000, 'refused at once');
    await stillWorks();
  });

  test('a signal getter that throws in the request options is refused, naming signal', async () => {
    const options = { get signal() { throw new Error('signal exploded'); } };
    await refused(client.getLead(PHONE, options), 'signal');
    await stillWorks();
  });

  test('a fetch getter that throws in the client options is refused, naming fetch', () => {
    assert.throws(
      () => new SuperfoneClient({ apiKey: 'k', get fetch() { throw new Error('fetch exploded'); } }),
      (e) => e instanceof SuperfoneError && e.kind === 'validation' && e.field === 'fetch',
    );
  });

  test('an input with 100,000 unknown keys is refused with a short message that counts them', async () => {
    const input = { customer_phone: PHONE };
    for (let i = 0; i < 100_000; i++) input[`extra_${i}`] = i;
    let error;
    try {
      await client.upsertLead(input);
    } catch (e) {
      error = e;
    }
    assert.ok(error instanceof SuperfoneError && error.kind === 'validation', String(error));
    assert.equal(error.field, 'extra_0');
    assert.match(error.message, /^100000 problems: extra_0: .*; and 99980 more$/);
    assert.ok(error.message.length < 2_000, `${error.message.length} characters`);
    // The validators still list every issue, for a form.
    assert.equal(validateUpsertLead(input).length, 100_000);
    await stillWorks();
  });
});

test('after all of it, the module still works', async () => {
  await stillWorks();
  assert.equal(sent, 0);
});

test('headers Node\'s fetch sends as given are allowed: connection: close, accept-encoding: identity, te', () => {
  const client = new SuperfoneClient({ apiKey: 'k', fetch: mock, headers: { connection: 'close', 'accept-encoding': 'identity', te: 'trailers' } });
  assert.match(String(client), /SuperfoneClient/);
});
