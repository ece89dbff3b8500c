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
// The target is 60 KB; the wasm is not there yet (see issue 7). Until it is, this ratchet keeps it
// from growing: lower it whenever the wasm shrinks, never raise it. The release build compiles
// std with panic=immediate-abort when it can (scripts/setup.sh records how in .tools/); a machine
// without the std sources builds with the prebuilt std, ~11 KB larger, and gets its own ratchet.
const RELEASE_STD = (() => {
  try {
    return readFileSync(new URL('../../.tools/wasm-release', import.meta.url), 'utf8').trim();
  } catch {
    return readFileSync(new URL('../../.tools/wasm-mode', import.meta.url), 'utf8').trim() === 'debian' ? 'build-std' : 'prebuilt';
  }
})();
const WASM_RATCHET = (RELEASE_STD === 'prebuilt' ? 78 : 72) * 1024;

test('the JS a Node user loads is within 15 KB gzipped', () => {
  const size = gz(['entry/node.cjs', 'shell.cjs', 'superfone_crm_node.cjs']);
  assert.ok(size <= JS_BUDGET, `Node JS is ${kb(size)} gzipped, over the ${kb(JS_BUDGET)} budget`);
});

test('the JS a browser loads is within 15 KB gzipped', () => {
  const size = gz(['entry/browser.js', 'shell.js', 'superfone_crm_web.js']);
  assert.ok(size <= JS_BUDGET, `browser JS is ${kb(size)} gzipped, over the ${kb(JS_BUDGET)} budget`);
});

test('the .wasm does not grow past its ratchet (target: 60 KB gzipped)', () => {
  const size = gz(['superfone_crm_bg.wasm']);
  assert.ok(size <= WASM_RATCHET, `the .wasm is ${kb(size)} gzipped, over the ${kb(WASM_RATCHET)} ratchet (std: ${RELEASE_STD})`);
});
