// The package's declarations have no `any` in the public surface (JS-API.md): every input and
// output is typed, and what the API leaves open is `unknown`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';

const pkg = new URL('../../pkg/', import.meta.url);
const declarations = ['index.d.ts', 'index.d.cts', ...readdirSync(new URL('emulator/', pkg))
  .filter((f) => f.endsWith('.d.ts')).map((f) => `emulator/${f}`)];

for (const file of declarations) {
  test(`${file} declares no \`any\``, () => {
    const code = readFileSync(new URL(file, pkg), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '') // block and JSDoc comments
      .replace(/\/\/.*$/gm, '')
      .replace(/(['"`])(?:\\.|(?!\1).)*\1/g, '""'); // string literals
    const uses = code.split('\n').filter((line) => /\bany\b/.test(line));
    assert.deepEqual(uses, []);
  });
}
