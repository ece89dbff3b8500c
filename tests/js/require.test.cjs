// CommonJS: `require('superfone-crm')` works with no init call, and gives the same SuperfoneError
// class as `import`.
'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { describe, test } = require('node:test');

// tests/js/node_modules/superfone-crm -> ../../../pkg, as helpers.mjs does for the ESM tests.
const link = path.join(__dirname, 'node_modules', 'superfone-crm');
if (!fs.existsSync(path.join(link, 'package.json'))) {
  fs.mkdirSync(path.dirname(link), { recursive: true });
  try {
    fs.rmSync(link, { force: true });
    fs.symlinkSync('../../../pkg', link, 'dir');
  } catch (error) {
    if (error.code !== 'EEXIST') throw error;
  }
}

const sdk = require('superfone-crm');
const { SuperfoneClient, SuperfoneError, isValidE164, normalizePhone, validateUpsertLead, validateCreateTask } = sdk;

describe('require("superfone-crm")', () => {
  test('exports the public API', () => {
    for (const fn of [SuperfoneClient, SuperfoneError, isValidE164, normalizePhone, validateUpsertLead, validateCreateTask]) {
      assert.equal(typeof fn, 'function');
    }
  });

  test('the validators work synchronously', () => {
    assert.equal(isValidE164('+918000000001'), true);
    assert.equal(normalizePhone('+91 80000-00001'), '+918000000001');
    assert.deepEqual(validateUpsertLead({ customer_phone: '+918000000001' }), []);
    assert.throws(() => normalizePhone('x'), (err) => err instanceof SuperfoneError && err.kind === 'validation');
  });

  test('the same SuperfoneError class as import("superfone-crm")', async () => {
    const esm = await import('superfone-crm');
    assert.equal(esm.SuperfoneError, SuperfoneError);
    assert.equal(esm.SuperfoneClient, SuperfoneClient);
  });

  test('a client makes real requests (emulator over HTTP)', async () => {
    const { startEmulator } = await import('superfone-crm/emulator');
    const emulator = await startEmulator();
    try {
      const client = new SuperfoneClient({ baseUrl: emulator.url, apiKey: emulator.apiKey });
      const lead = await client.getLead('+918000000001');
      assert.equal(lead.id, 1001);
      const err = await client.getLead('+919999999999').catch((e) => e);
      assert.ok(err instanceof SuperfoneError);
      assert.equal(err.name, 'SuperfoneError');
      assert.equal(err.kind, 'not_found');
    } finally {
      await emulator.close();
    }
  });
});
