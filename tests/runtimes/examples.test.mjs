// The examples, each run as a user would run it, against the built package (pkg/):
// examples/webhook (Node backend), examples/worker (Cloudflare Worker, in workerd through miniflare)
// and examples/browser (a static page in Debian's Chromium through playwright-core).
//
//   node --test tests/runtimes/

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { linkPackage, pkgDir, root, withChromium, withWorker } from './harness.mjs';

const example = (...parts) => path.join(root, 'examples', ...parts);
for (const dir of ['webhook', 'browser']) linkPackage(example(dir));

const { startEmulator } = await import(path.join(pkgDir, 'emulator/index.js'));

/** Starts `node file` with env and waits for the first line that matches `pattern`. */
function startProgram(file, env, pattern) {
  const child = spawn(process.execPath, [file], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${file} did not start:\n${output}`)), 15_000);
    const onData = (chunk) => {
      output += chunk;
      const match = pattern.exec(output);
      if (match) { clearTimeout(timer); resolve(match); }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => { output += chunk; });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`${file} exited ${code}:\n${output}`)); });
  });
  const stop = () => new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
  return { ready, stop };
}

describe('examples', { concurrency: 3 }, () => {
  let emulator;
  before(async () => {
    emulator = await startEmulator();
  });
  after(() => emulator?.close());

  test('webhook: a form post upserts the lead; a bad phone gets 422', async () => {
    const program = startProgram(example('webhook', 'server.mjs'),
      { PORT: '0', SUPERFONE_BASE_URL: emulator.url, SUPERFONE_API_KEY: emulator.apiKey },
      /webhook listening on (http:\/\/\S+)/);
    try {
      const [, url] = await program.ready;
      const ok = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ name: 'Ravi Kumar', phone: '098000 00042', email: 'ravi@example.com', message: 'call me' }),
      });
      const body = await ok.json();
      assert.equal(ok.status, 200, JSON.stringify(body));
      assert.equal(body.phone, '+919800000042');
      const lead = emulator.inspect().leads.find((row) => row.id === body.lead_id);
      assert.deepEqual([lead.phones[0], lead.first_name, lead.last_name, lead.email],
        ['+919800000042', 'Ravi', 'Kumar', ['ravi@example.com']]);

      const bad = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'X', phone: 'call me maybe' }) });
      const problem = await bad.json();
      assert.equal(bad.status, 422, JSON.stringify(problem));
      assert.equal(problem.field, 'phone');

      const notAnObject = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'null' });
      assert.deepEqual([notAnObject.status, await notAnObject.json()], [400, { message: 'the JSON body must be an object of form fields' }]);
    } finally {
      await program.stop();
    }
  });

  test('worker: /validate and POST /leads in workerd', async () => {
    await withWorker(example('worker', 'worker.js'),
      { SUPERFONE_BASE_URL: emulator.url, SUPERFONE_API_KEY: emulator.apiKey }, async (miniflare) => {
        const valid = await miniflare.dispatchFetch('http://worker.test/validate?phone=%2B91%2080000-00001');
        assert.deepEqual(await valid.json(), { phone: '+91 80000-00001', valid: false, normalized: '+918000000001' });
        const created = await miniflare.dispatchFetch('http://worker.test/leads', {
          method: 'POST', body: new URLSearchParams({ name: 'Meera', phone: '9800000043' }),
        });
        const body = await created.json();
        assert.equal(created.status, 200, JSON.stringify(body));
        assert.equal(emulator.inspect().leads.find((row) => row.id === body.lead_id).first_name, 'Meera');
        const refused = await miniflare.dispatchFetch('http://worker.test/leads', {
          method: 'POST', body: new URLSearchParams({ phone: 'not a phone' }),
        });
        assert.equal(refused.status, 422);
        assert.equal((await refused.json()).kind, 'validation');
        const notAnObject = await miniflare.dispatchFetch('http://worker.test/leads', {
          method: 'POST', headers: { 'content-type': 'application/json' }, body: 'null',
        });
        assert.equal(notAnObject.status, 400);
      });
  });

  test('worker: without its SUPERFONE_API_KEY secret, POST /leads answers 500 and says why', async () => {
    await withWorker(example('worker', 'worker.js'), {}, async (miniflare) => {
      const res = await miniflare.dispatchFetch('http://worker.test/leads', {
        method: 'POST', body: new URLSearchParams({ phone: '9800000044' }),
      });
      assert.deepEqual([res.status, await res.json()], [500, { message: 'not configured: apiKey: is required (your Superfone x-api-key)' }]);
    });
  });

  test('browser page: the phone field is validated live', async () => {
    const program = startProgram(example('browser', 'serve.mjs'), { PORT: '0' }, /(http:\/\/127\.0\.0\.1:\d+\/)/);
    try {
      const [, url] = await program.ready;
      await withChromium(async (browser) => {
        const page = await browser.newPage();
        const errors = [];
        page.on('pageerror', (error) => errors.push(String(error)));
        await page.goto(url);
        await page.waitForSelector('html[data-ready="true"]', { timeout: 20_000 }).catch((error) => {
          throw new Error(`the page did not load the SDK: ${errors.join('\n') || error.message}`);
        });
        await page.fill('#phone', '+91 80000-00001');
        assert.equal(await page.textContent('#status'), '✓ will be sent as +918000000001');
        assert.equal(await page.isDisabled('#submit'), false);
        await page.fill('#phone', '+918000000001');
        assert.equal(await page.textContent('#status'), '✓ +918000000001');
        await page.fill('#phone', '80000x');
        assert.equal(await page.getAttribute('#status', 'class'), 'bad');
        assert.match(await page.textContent('#status'), /'x' is not allowed/);
        assert.equal(await page.isDisabled('#submit'), true);
        assert.deepEqual(errors, []);
      });
    } finally {
      await program.stop();
    }
  });
});
