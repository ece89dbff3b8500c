// Packaging checks on the built package (pkg/): publint, @arethetypeswrong/cli, and the tarball of
// `npm pack ./pkg` installed into a fresh project in a temp directory, used there from `import`
// and `require` and type-checked under `tsc --strict` with the repository's typed consumers.
//
//   node --test tests/packaging/

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const pkgDir = path.join(root, 'pkg');
const bin = (name) => path.join(root, 'node_modules/.bin', name);

function run(command, args, { cwd = root, timeoutMs = 120_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', npm_config_update_notifier: 'false' } });
    let output = '';
    child.stdout.on('data', (chunk) => { output += chunk; });
    child.stderr.on('data', (chunk) => { output += chunk; });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => { clearTimeout(timer); resolve({ code, output }); });
  });
}

async function ok(command, args, options) {
  const result = await run(command, args, options);
  assert.equal(result.code, 0, `${path.basename(command)} ${args.join(' ')} exited ${result.code}:\n${result.output}`);
  return result.output;
}

assert.ok(fs.existsSync(path.join(pkgDir, 'package.json')), 'pkg/ is missing: build it first (bash scripts/build.sh)');

describe('packaging', { concurrency: 3 }, () => {
  // One tarball for every check (`attw --pack` would write its own into pkg/, and two of them
  // running at once remove each other's).
  let work;
  let tarball;
  before(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'superfone-pack-'));
    const packed = JSON.parse(await ok('npm', ['pack', pkgDir, '--json', '--pack-destination', work], { cwd: work }));
    tarball = path.join(work, packed[0].filename);
  });
  after(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  test("the tarball has the npm README (pkg-template/README.md) at the package root", async () => {
    const listing = (await ok('tar', ['-tzf', tarball])).split('\n');
    assert.ok(listing.includes('package/README.md'), `no package/README.md in the tarball:\n${listing.join('\n')}`);
    const readme = await ok('tar', ['-xzOf', tarball, 'package/README.md']);
    // The users' README, not the contributors' one (set-up commands, performance figures).
    assert.match(readme, /^# superfone-crm\n/);
    assert.match(readme, /superfone-crm\/emulator/);
    assert.match(readme, /^## Example$/m);
    assert.doesNotMatch(readme, /scripts\/(build|test|setup)\.sh|^## Performance$/m);
    const template = fs.readFileSync(path.join(root, 'pkg-template/README.md'), 'utf8');
    assert.equal(readme, template, 'the packed README differs from pkg-template/README.md: pkg/ is stale, rebuild it');
  });

  test('publint --strict: all good', async () => {
    const output = await ok(bin('publint'), ['--strict', pkgDir]);
    assert.match(output, /All good!/, output);
  });

  test('attw: no problems in any resolution mode for the main entry', async () => {
    // Every mode (node10, node16 CJS and ESM, bundler) for `superfone-crm` and its package.json.
    // The .wasm export is an asset for bundlers/workers, not a typed module.
    const output = await ok(bin('attw'), [tarball, '--format', 'ascii',
      '--exclude-entrypoints', './emulator', './emulator/mock-fetch', './superfone_crm_bg.wasm']);
    assert.match(output, /No problems found/, output);
  });

  test('attw: no problems for the ESM-only emulator (profile esm-only)', async () => {
    // The emulator is ES modules only (Node ≥ 20.19 can still require() it): checked in the ESM
    // resolution modes, node16 from ESM and bundler.
    const output = await ok(bin('attw'), [tarball, '--format', 'ascii', '--profile', 'esm-only',
      '--entrypoints', './emulator', './emulator/mock-fetch']);
    // attw exits non-zero on any problem that is not ignored; and each of the two entry points is
    // green in both ESM modes.
    assert.equal(output.match(/^node16 \(from ESM\): 🟢 \(ESM\)$/gm)?.length, 2, output);
    assert.equal(output.match(/^bundler: 🟢 $/gm)?.length, 2, output);
  });

  describe('npm pack ./pkg, installed in a fresh project', () => {
    let dir;
    before(async () => {
      const app = path.join(work, 'app');
      fs.mkdirSync(app);
      fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'fresh-app', private: true, version: '1.0.0' }));
      // The package has no dependencies: the install needs no registry.
      await ok('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], { cwd: app });
      dir = app;
    });
    const script = `
      const { SuperfoneClient, SuperfoneError, isValidE164, normalizePhone } = sdk;
      if (!isValidE164('+918000000001') || normalizePhone('+91 80000-00001') !== '+918000000001') throw new Error('validators');
      const em = await startEmulator();
      try {
        const client = new SuperfoneClient({ apiKey: em.apiKey, baseUrl: em.url, maxRetries: 0 });
        const lead = await client.getLead('+918000000001');
        let error;
        try { await client.getLead('+919999999999'); } catch (e) { error = e; }
        if (!(error instanceof SuperfoneError) || error.kind !== 'not_found') throw new Error('expected not_found, got ' + error);
        console.log('OK ' + lead.id);
      } finally { await em.close(); }`;

    test('import (ESM)', async () => {
      fs.writeFileSync(path.join(dir, 'esm.mjs'), `import * as sdk from 'superfone-crm';
        import { startEmulator } from 'superfone-crm/emulator';
        ${script}`);
      assert.match(await ok(process.execPath, ['esm.mjs'], { cwd: dir }), /OK 1001/);
    });

    test('require (CommonJS)', async () => {
      fs.writeFileSync(path.join(dir, 'cjs.cjs'), `const sdk = require('superfone-crm');
        (async () => { const { startEmulator } = await import('superfone-crm/emulator');
        ${script} })().catch((e) => { console.error(e); process.exit(1); });`);
      assert.match(await ok(process.execPath, ['cjs.cjs'], { cwd: dir }), /OK 1001/);
    });

    test('the typed consumers compile under tsc --strict against the installed package', async () => {
      for (const file of ['consumer.ts', 'consumer.cts']) {
        fs.copyFileSync(path.join(root, 'tests/types', file), path.join(dir, file));
      }
      const config = fs.readFileSync(path.join(root, 'tests/types/tsconfig.json'), 'utf8');
      fs.writeFileSync(path.join(dir, 'tsconfig.json'), config);
      await ok(bin('tsc'), ['-p', path.join(dir, 'tsconfig.json')], { cwd: dir });
    });
  });
});
