// Size budgets (issue 7): sizes are deterministic, so they are fair to test. Each failure names the
// measured figure. gzip level 9, as the benchmark reports them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const pkg = new URL('../../pkg/', import.meta.url);
const gz = (files) => files.reduce((sum, f) => sum + gzipSync(readFileSync(new URL(f, pkg)), { level: 9 }).length, 0);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

const JS_BUDGET = 15 * 1024;
// The .wasm budget is issue 7's 60 KB, for the build that ships: std compiled with
// panic=immediate-abort (scripts/setup.sh records in .tools/ whether this machine can). A machine
// without the std sources builds with the prebuilt std, ~9 KB larger (65.0 KB when this was
// written), and gets a ratchet of its own: lower it whenever the wasm shrinks, never raise it.
const RELEASE_STD = (() => {
  try {
    return readFileSync(new URL('../../.tools/wasm-release', import.meta.url), 'utf8').trim();
  } catch {
    return readFileSync(new URL('../../.tools/wasm-mode', import.meta.url), 'utf8').trim() === 'debian' ? 'build-std' : 'prebuilt';
  }
})();
const WASM_BUDGET = (RELEASE_STD === 'prebuilt' ? 66 : 60) * 1024;

test('the JS a Node user loads is within 15 KB gzipped', () => {
  const size = gz(['entry/node.cjs', 'shell.cjs', 'superfone_crm_node.cjs']);
  assert.ok(size <= JS_BUDGET, `Node JS is ${kb(size)} gzipped, over the ${kb(JS_BUDGET)} budget`);
});

test('the JS a browser loads is within 15 KB gzipped', () => {
  const size = gz(['entry/browser.js', 'shell.js', 'superfone_crm_web.js']);
  assert.ok(size <= JS_BUDGET, `browser JS is ${kb(size)} gzipped, over the ${kb(JS_BUDGET)} budget`);
});

test('the .wasm is within 60 KB gzipped (66 KB with the prebuilt std)', () => {
  const size = gz(['superfone_crm_bg.wasm']);
  assert.ok(size <= WASM_BUDGET, `the .wasm is ${kb(size)} gzipped, over the ${kb(WASM_BUDGET)} budget (std: ${RELEASE_STD})`);
});
