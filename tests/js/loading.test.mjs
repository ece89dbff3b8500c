// Loading the package as users do: a static ESM `import` by name, `require`, and the emulator
// subpath; both module systems share one SuperfoneError class.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import './helpers.mjs'; // makes 'superfone-crm' resolvable from tests/js

const esm = await import('superfone-crm');
const require = createRequire(import.meta.url);
const here = fileURLToPath(new URL('.', import.meta.url));

const EXPORTS = ['SuperfoneClient', 'SuperfoneError', 'isValidE164', 'normalizePhone', 'validateUpsertLead', 'validateCreateTask'];

/** Runs an ES module from tests/js (so the package name resolves) and returns its stdout. */
function runModule(source) {
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', source], { cwd: here, encoding: 'utf8', timeout: 20_000 });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout.trim();
}

describe('ESM import', () => {
  test('exports the public names', () => {
    for (const name of EXPORTS) assert.equal(typeof esm[name], 'function', name);
  });

  test('a static `import { … } from "superfone-crm"` works with no init call', () => {
    const out = runModule(`
      import { SuperfoneClient, SuperfoneError, isValidE164 } from 'superfone-crm';
      import { createMockFetch } from 'superfone-crm/emulator';
      const client = new SuperfoneClient({ apiKey: 'sf_test_key', fetch: createMockFetch() });
      const lead = await client.getLead('+918000000001');
      console.log(lead.id, isValidE164('+918000000001'), typeof SuperfoneError);
    `);
    assert.equal(out, '1001 true function');
  });

  test('the default export holds the same functions', () => {
    assert.equal(esm.default.SuperfoneClient, esm.SuperfoneClient);
    assert.equal(esm.default.SuperfoneError, esm.SuperfoneError);
  });
});

describe('require', () => {
  test('require("superfone-crm") gives the same classes as import', () => {
    const cjs = require('superfone-crm');
    for (const name of EXPORTS) assert.equal(cjs[name], esm[name], name);
  });

  test('an error from an ESM-imported client is instanceof the required SuperfoneError', async () => {
    const cjs = require('superfone-crm');
    const client = new esm.SuperfoneClient({ apiKey: 'k', fetch: async () => new Response('{}') });
    const err = await client.getLead('nope').catch((e) => e);
    assert.ok(err instanceof cjs.SuperfoneError);
    assert.ok(err instanceof esm.SuperfoneError);
  });
});

describe('the emulator subpath', () => {
  test('exports startEmulator and createMockFetch', async () => {
    const emulator = await import('superfone-crm/emulator');
    assert.equal(typeof emulator.startEmulator, 'function');
    assert.equal(typeof emulator.createMockFetch, 'function');
  });
});
