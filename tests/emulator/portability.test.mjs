// handler.js, mock-fetch.js and web.js must run in browsers and workers: their whole import graph
// may use only web-standard APIs, so no node: imports, no bare package imports, no Node globals.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';

const EMULATOR = new URL('../../pkg-template/emulator/', import.meta.url);
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
const NODE_GLOBALS = /\b(process|Buffer|require|__dirname|__filename|global)\b\s*[.([]/;

/** Every module reachable from `entry`, with its code (comments removed). */
async function importGraph(entry) {
  const seen = new Map();
  const visit = async (url) => {
    if (seen.has(url.href)) return;
    // Comments go first: JSDoc types such as {import('./index.js').Lead} are not imports.
    const code = (await readFile(url, 'utf8')).replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '');
    seen.set(url.href, code);
    for (const [, a, b] of code.matchAll(IMPORT)) {
      const specifier = a ?? b;
      assert.ok(specifier.startsWith('./'), `${url.pathname.split('/').pop()} imports ${specifier}`);
      await visit(new URL(specifier, url));
    }
  };
  await visit(new URL(entry, EMULATOR));
  return seen;
}

for (const entry of ['handler.js', 'mock-fetch.js', 'web.js']) {
  test(`${entry} imports only relative, web-standard modules`, async () => {
    const graph = await importGraph(entry);
    assert.ok(graph.size >= 5);
    for (const [href, code] of graph) {
      assert.doesNotMatch(code, NODE_GLOBALS, `${href} uses a Node-only global`);
    }
  });
}

test('index.js exports the documented API, web.js all of it but startEmulator; the CLI has a node shebang', async () => {
  const api = await import(new URL('index.js', EMULATOR));
  for (const name of ['startEmulator', 'createMockFetch', 'createHandler', 'defaultSeed']) assert.equal(typeof api[name], 'function', name);
  assert.equal(api.DEFAULT_API_KEY, 'sf_test_key');
  const web = await import(new URL('web.js', EMULATOR));
  assert.deepEqual(Object.keys(web).sort(), Object.keys(api).filter((name) => name !== 'startEmulator').sort());
  assert.match(await readFile(new URL('cli.js', EMULATOR), 'utf8'), /^#!\/usr\/bin\/env node\n/);
});
