// The superfone-emulator CLI: prints the base URL and key, serves, exits 0 on SIGTERM/SIGINT.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../pkg-template/emulator/cli.js', import.meta.url));

/** Starts the CLI and resolves once it has printed its base URL and key. */
async function startCli(args) {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.setEncoding('utf8');
  const printed = new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const url = /SUPERFONE_BASE_URL=(\S+)/.exec(stdout)?.[1];
      const key = /SUPERFONE_API_KEY=(\S+)/.exec(stdout)?.[1];
      if (url && key) resolve({ url, key });
    });
    child.on('exit', (code) => reject(new Error(`CLI exited early with ${code}`)));
  });
  const exited = once(child, 'exit').then(([code, signal]) => ({ code, signal }));
  return { child, exited, output: () => stdout, ...(await printed) };
}

/** Runs the CLI to completion. */
async function runCli(args) {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (c) => (out += c));
  child.stderr.on('data', (c) => (out += c));
  const [code] = await once(child, 'exit');
  return { code, out };
}

describe('superfone-emulator CLI', () => {
  test('prints the base URL and key, serves requests, and exits 0 on SIGTERM', async () => {
    const cli = await startCli(['--port', '0', '--api-key', 'sf_cli_key', '--host', '127.0.0.1']);
    assert.match(cli.url, /^http:\/\/127\.0\.0\.1:\d+\/superfone$/);
    assert.equal(cli.key, 'sf_cli_key');
    const res = await fetch(`${cli.url}/enterprise/api/lead-stage`, { headers: { 'x-api-key': 'sf_cli_key' } });
    assert.equal((await res.json()).data.total_items, 7);
    cli.child.kill('SIGTERM');
    assert.deepEqual(await cli.exited, { code: 0, signal: null });
  });

  test('exits 0 on SIGINT (Ctrl+C) too, with keep-alive connections open', async () => {
    const cli = await startCli(['--port=0']);
    assert.equal(cli.key, 'sf_test_key');
    await (await fetch(`${cli.url}/enterprise/api/label`, { headers: { 'x-api-key': cli.key } })).text();
    cli.child.kill('SIGINT');
    assert.deepEqual(await cli.exited, { code: 0, signal: null });
  });

  test('--seed loads a JSON file; --verbose logs each request', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sf-emulator-'));
    try {
      const seed = { org_id: 7, lead_stages: [{ title: 'Only Stage', type: 'INITIAL' }], leads: [{ phones: ['+14155552671'], first_name: 'Seeded' }] };
      await writeFile(join(dir, 'seed.json'), JSON.stringify(seed));
      const cli = await startCli(['--port', '0', '--seed', join(dir, 'seed.json'), '--verbose']);
      const headers = { 'x-api-key': cli.key };
      const lead = (await (await fetch(`${cli.url}/enterprise/api/lead?phone=%2B14155552671`, { headers })).json()).data;
      assert.deepEqual([lead.first_name, lead.org_id], ['Seeded', 7]);
      const stages = (await (await fetch(`${cli.url}/enterprise/api/lead-stage`, { headers })).json()).data;
      assert.deepEqual(stages.rows.map((s) => s.title), ['Only Stage']);
      cli.child.kill('SIGTERM');
      assert.equal((await cli.exited).code, 0);
      assert.match(cli.output(), /GET \/superfone\/enterprise\/api\/lead-stage → 200/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('--help prints usage and exits 0; a bad option exits 2', async () => {
    const help = await runCli(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.out, /Usage: superfone-emulator/);
    const bad = await runCli(['--port', 'eighty']);
    assert.equal(bad.code, 2);
    assert.match(bad.out, /--port must be 0\.\.65535, got eighty/);
    assert.equal((await runCli(['--frobnicate'])).code, 2);
  });

  test('a missing seed file exits 1 with the reason', async () => {
    const run = await runCli(['--port', '0', '--seed', '/nonexistent/seed.json']);
    assert.equal(run.code, 1);
    assert.match(run.out, /ENOENT/);
  });
});
