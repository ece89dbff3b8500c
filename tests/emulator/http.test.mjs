// The contract over real HTTP (node:http server, global fetch), and what only a server has:
// its URL, closing with keep-alive connections open, and client-side aborts.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { describe, test } from 'node:test';
import { startEmulator } from '../../pkg-template/emulator/index.js';
import { runContract } from './contract/index.mjs';

runContract('emulator over HTTP', async ({ clock }) => {
  const emulator = await startEmulator({ clock });
  return { fetch: globalThis.fetch, url: emulator.url, emulator, close: emulator.close };
});

describe('startEmulator', () => {
  test('listens on loopback; url ends in /superfone; the default key is sf_test_key', async () => {
    const emulator = await startEmulator();
    try {
      assert.match(emulator.url, /^http:\/\/127\.0\.0\.1:\d+\/superfone$/);
      assert.equal(emulator.url, `http://127.0.0.1:${emulator.port}/superfone`);
      assert.equal(emulator.apiKey, 'sf_test_key');
    } finally {
      await emulator.close();
    }
  });

  test('accepts only the apiKey it was given', async () => {
    const emulator = await startEmulator({ apiKey: 'sf_custom' });
    try {
      const get = (key) => fetch(`${emulator.url}/enterprise/api/product`, { headers: { 'x-api-key': key } });
      assert.equal((await get('sf_custom')).status, 200);
      assert.equal((await get('sf_test_key')).status, 401);
    } finally {
      await emulator.close();
    }
  });

  test('close() ends keep-alive connections at once, and may be called twice', async () => {
    const emulator = await startEmulator();
    const res = await fetch(`${emulator.url}/enterprise/api/label`, { headers: { 'x-api-key': emulator.apiKey } });
    await res.arrayBuffer(); // the socket now idles in the keep-alive pool
    const started = Date.now();
    await emulator.close();
    await emulator.close();
    assert.ok(Date.now() - started < 1000, `close took ${Date.now() - started} ms`);
    await assert.rejects(fetch(`${emulator.url}/enterprise/api/label`), TypeError);
  });

  test('a process that closes its emulator exits promptly', async () => {
    const script = `
      import { startEmulator } from ${JSON.stringify(new URL('../../pkg-template/emulator/index.js', import.meta.url).href)};
      const emulator = await startEmulator();
      emulator.faults.next({ path: '/enterprise/api/lead-stage', delayMs: 60000 });
      const headers = { 'x-api-key': emulator.apiKey };
      await (await fetch(emulator.url + '/enterprise/api/label', { headers })).text();
      fetch(emulator.url + '/enterprise/api/lead-stage', { headers }).catch(() => {});
      await new Promise((r) => setTimeout(r, 50));
      await emulator.close();`;
    const started = Date.now();
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'inherit' });
    const code = await new Promise((resolve) => child.on('exit', resolve));
    assert.equal(code, 0);
    assert.ok(Date.now() - started < 5000, `exited after ${Date.now() - started} ms`);
  });

  test('a client abort during a delay ends the request; the log says aborted', async () => {
    const emulator = await startEmulator();
    try {
      emulator.faults.next({ delayMs: 5000 });
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 50);
      const request = fetch(`${emulator.url}/enterprise/api/label`, { headers: { 'x-api-key': emulator.apiKey }, signal: controller.signal });
      await assert.rejects(request, { name: 'AbortError' });
      for (let i = 0; i < 50 && emulator.requests[0].outcome === 'pending'; i += 1) await new Promise((r) => setTimeout(r, 10));
      assert.equal(emulator.requests[0].outcome, 'aborted');
    } finally {
      await emulator.close();
    }
  });

  test('bound to every interface (0.0.0.0), its url names loopback, which answers', async () => {
    // 0.0.0.0 is where a server listens, not where a client connects (and the SDK takes http://
    // only for loopback hosts), so a Docker or CI set-up can pass `url` straight to the client.
    const emulator = await startEmulator({ host: '0.0.0.0' });
    try {
      assert.equal(emulator.url, `http://127.0.0.1:${emulator.port}/superfone`);
      const res = await fetch(`${emulator.url}/enterprise/api/label`, { headers: { 'x-api-key': emulator.apiKey } });
      assert.equal(res.status, 200);
    } finally {
      await emulator.close();
    }
  });

  test('a port in use rejects', async () => {
    const first = await startEmulator();
    try {
      await assert.rejects(startEmulator({ port: first.port }), { code: 'EADDRINUSE' });
    } finally {
      await first.close();
    }
  });
});
