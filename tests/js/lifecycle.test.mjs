// A finished call leaves nothing behind that keeps the process alive: no attempt timer (the
// default timeout is 30 s), no retry-sleep timer (a Retry-After of 50 s here), no listener.
// Each scenario runs in a child process, which must exit promptly once its calls have settled.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import './helpers.mjs'; // makes 'superfone-crm' resolvable from tests/js

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * Runs `body` (module code with `SuperfoneClient`, `createMockFetch`, `startEmulator` in scope)
 * in a child process. Resolves with how long the child took to exit after printing "settled".
 */
function exitDelayAfter(body) {
  const source = `
    import { SuperfoneClient } from 'superfone-crm';
    import { createMockFetch, startEmulator } from 'superfone-crm/emulator';
    ${body}
    console.log('settled');
  `;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', source], { cwd: here, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let settledAt;
    const kill = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (settledAt === undefined && out.includes('settled')) settledAt = performance.now();
    });
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('exit', (code, signal) => {
      clearTimeout(kill);
      if (code !== 0 || settledAt === undefined) {
        reject(new Error(`child exited with ${code ?? signal}; stdout: ${out}; stderr: ${err}`));
      } else {
        resolve(performance.now() - settledAt);
      }
    });
  });
}

const PROMPT_MS = 5000; // every timer involved is 30 s or more

describe('no timer outlives its call', () => {
  test('a successful call (default 30 s timeout)', async () => {
    const delay = await exitDelayAfter(`
      const client = new SuperfoneClient({ apiKey: 'sf_test_key', fetch: createMockFetch() });
      await client.getLead('+918000000001');
      await client.listLabels();
    `);
    assert.ok(delay < PROMPT_MS, `exited ${Math.round(delay)} ms after the calls settled`);
  });

  test('HTTP errors, decode errors and network errors', async () => {
    const delay = await exitDelayAfter(`
      const fetch = createMockFetch();
      const client = new SuperfoneClient({ apiKey: 'sf_test_key', fetch, maxRetries: 0 });
      await client.getLead('+919999999999').catch(() => {});
      fetch.faults.next({ malformed: true });
      await client.listLabels().catch(() => {});
      fetch.faults.next({ reset: true });
      await client.listLabels().catch(() => {});
    `);
    assert.ok(delay < PROMPT_MS, `exited ${Math.round(delay)} ms after the calls settled`);
  });

  test('a timed-out attempt (the mock delays 40 s)', async () => {
    const delay = await exitDelayAfter(`
      const fetch = createMockFetch();
      const client = new SuperfoneClient({ apiKey: 'sf_test_key', fetch, maxRetries: 0 });
      fetch.faults.next({ delayMs: 40000 });
      const err = await client.listLabels(undefined, { timeoutMs: 100 }).catch((e) => e);
      if (err.kind !== 'timeout') throw err;
    `);
    assert.ok(delay < PROMPT_MS, `exited ${Math.round(delay)} ms after the call settled`);
  });

  test('an abort during a 50 s Retry-After wait', async () => {
    const delay = await exitDelayAfter(`
      const fetch = createMockFetch();
      const client = new SuperfoneClient({ apiKey: 'sf_test_key', fetch });
      fetch.faults.next({ status: 503, retryAfter: 50 });
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 100);
      const err = await client.listLabels(undefined, { signal: controller.signal }).catch((e) => e);
      if (err.kind !== 'aborted') throw err;
    `);
    assert.ok(delay < PROMPT_MS, `exited ${Math.round(delay)} ms after the call settled`);
  });

  test('an abort mid-request, and a call with an already-aborted signal', async () => {
    const delay = await exitDelayAfter(`
      const fetch = createMockFetch();
      const client = new SuperfoneClient({ apiKey: 'sf_test_key', fetch });
      fetch.faults.next({ delayMs: 40000 });
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 100);
      const err = await client.listLabels(undefined, { signal: controller.signal }).catch((e) => e);
      if (err.kind !== 'aborted') throw err;
      await client.listLabels(undefined, { signal: AbortSignal.abort() }).catch(() => {});
    `);
    assert.ok(delay < PROMPT_MS, `exited ${Math.round(delay)} ms after the calls settled`);
  });

  test('an iteration stopped early', async () => {
    const delay = await exitDelayAfter(`
      const client = new SuperfoneClient({ apiKey: 'sf_test_key', fetch: createMockFetch() });
      for await (const label of client.iterateLabels({ page_size: 10 })) break;
    `);
    assert.ok(delay < PROMPT_MS, `exited ${Math.round(delay)} ms after the iteration stopped`);
  });

  test('calls over HTTP with the global fetch, emulator closed afterwards', async () => {
    const delay = await exitDelayAfter(`
      const emulator = await startEmulator();
      const client = new SuperfoneClient({ baseUrl: emulator.url, apiKey: emulator.apiKey, maxRetries: 0 });
      await client.getLead('+918000000001');
      emulator.faults.next({ delayMs: 40000 });
      await client.listLabels(undefined, { timeoutMs: 100 }).catch(() => {});
      await emulator.close();
    `);
    assert.ok(delay < PROMPT_MS, `exited ${Math.round(delay)} ms after the calls settled`);
  });
});
