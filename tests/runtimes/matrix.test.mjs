// The runtime matrix: the built package (pkg/) imported by name, with no init call, in each runtime
// it supports — Node 20 ESM, Node 20 CommonJS, Deno, Bun, Cloudflare workerd (miniflare) and
// Chromium headless (playwright-core with Debian's /usr/bin/chromium). Each runs the same checks
// (checks.mjs): the validators, a client call that succeeds, and calls that fail with the right
// SuperfoneError kind, against an emulator this process serves on 127.0.0.1 (the browser uses
// createMockFetch: no server needed). The runtimes come from the root package.json's
// devDependencies (npm ci in scripts/setup.sh); a runtime that cannot run fails with the reason.
//
//   node --test tests/runtimes/

import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  bin, browserImportMap, linkPackage, pkgDir, run, startStaticServer, withChromium, withWorker,
} from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = (name) => path.join(here, 'fixtures', name);
linkPackage(here);

const { startEmulator } = await import(path.join(pkgDir, 'emulator/index.js'));

/** Asserts every check passed, showing all failures at once. */
function assertAllOk(results) {
  assert.ok(results && typeof results === 'object', `no results: ${results}`);
  assert.ok(Object.keys(results).length >= 11, `too few checks ran: ${Object.keys(results).join(', ')}`);
  const failed = Object.entries(results).filter(([, outcome]) => outcome !== 'ok');
  assert.deepEqual(failed, [], `failed checks:\n${failed.map(([name, why]) => `- ${name}: ${why}`).join('\n')}`);
}

/** Runs a command-line fixture and returns the results it printed on its `MATRIX {...}` line. */
async function runFixture(command, args) {
  const { code, signal, stdout, stderr } = await run(command, args, { cwd: here });
  const line = stdout.split('\n').find((l) => l.startsWith('MATRIX '));
  assert.ok(line, `${path.basename(command)} ${args.join(' ')} printed no results (exit ${code ?? signal})\n`
    + `stdout:\n${stdout}\nstderr:\n${stderr}`);
  assert.equal(code, 0, `exit code ${code ?? signal}; stderr:\n${stderr}`);
  return JSON.parse(line.slice('MATRIX '.length));
}

describe('runtime matrix', { concurrency: 3 }, () => {
  let emulator;
  before(async () => {
    emulator = await startEmulator();
  });
  after(() => emulator?.close());
  const args = () => [emulator.url, emulator.apiKey];

  test('Node ESM (import)', async () => {
    assertAllOk(await runFixture(process.execPath, [fixture('esm.mjs'), ...args()]));
  });

  test('Node CommonJS (require)', async () => {
    assertAllOk(await runFixture(process.execPath, [fixture('cjs.cjs'), ...args()]));
  });

  test('Deno', async () => {
    // Deno resolves the package through node_modules (the `deno` condition), whose entry imports
    // the .wasm as a Wasm module: importing the package needs no permission at all (no
    // --allow-read), the emulator --allow-net on loopback; nothing else is granted.
    assertAllOk(await runFixture(bin('deno'), ['run', '--no-prompt', '--allow-net=127.0.0.1',
      fixture('esm.mjs'), ...args()]));
  });

  test('Bun', async () => {
    assertAllOk(await runFixture(bin('bun'), ['run', fixture('esm.mjs'), ...args()]));
  });

  test('Cloudflare workerd (miniflare)', async () => {
    const results = await withWorker(fixture('worker.mjs'), { BASE_URL: emulator.url, API_KEY: emulator.apiKey },
      async (miniflare) => {
        const response = await miniflare.dispatchFetch('http://worker.test/');
        const text = await response.text();
        assert.equal(response.status, 200, text);
        return JSON.parse(text);
      });
    assertAllOk(results);
  });

  test('Cloudflare workerd: two incoming requests, each with a call in flight at once', async () => {
    // workerd ties an AbortSignal to the request that made it: a call must not use a signal
    // (or timer) another request's call created, or its fetch fails ("Cannot perform I/O on
    // behalf of a different request"). Its own emulator: the first call is held 300 ms.
    const own = await startEmulator();
    try {
      own.faults.next({ delayMs: 300 });
      const answers = await withWorker(fixture('worker.mjs'), { BASE_URL: own.url, API_KEY: own.apiKey },
        (miniflare) => Promise.all([1, 2].map(async () => (await miniflare.dispatchFetch('http://worker.test/one-call')).json())));
      assert.deepEqual(answers.map((a) => a.ok), [true, true], JSON.stringify(answers));
      assert.equal(own.requests.length, 2);
    } finally {
      await own.close();
    }
  });

  test('Chromium headless (playwright-core, /usr/bin/chromium)', async () => {
    const page = `<!doctype html><meta charset="utf-8"><title>matrix</title>
<script type="importmap">${browserImportMap('/pkg')}</script>
<script type="module" src="/tests/runtimes/fixtures/browser.mjs"></script>`;
    const server = await startStaticServer(['pkg', 'tests/runtimes'], { '/matrix.html': page });
    try {
      const results = await withChromium(async (browser) => {
        const tab = await browser.newPage();
        const errors = [];
        tab.on('pageerror', (error) => errors.push(String(error?.stack ?? error)));
        tab.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
        await tab.goto(`${server.origin}/matrix.html`);
        try {
          await tab.waitForFunction(() => window.matrixResults !== undefined, null, { timeout: 20_000 });
        } catch (error) {
          throw new Error(`the page published no results: ${errors.join('\n') || error.message}`);
        }
        return tab.evaluate(() => window.matrixResults);
      });
      assertAllOk(results);
    } finally {
      await server.close();
    }
  });
});
