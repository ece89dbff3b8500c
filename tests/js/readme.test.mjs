// The README's example runs as written, against the emulator instead of Superfone's servers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import './helpers.mjs'; // links pkg/ in as node_modules/superfone-crm

test("the README's example upserts, reads back, creates a task and lists a catalog", () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const example = /## Example\n\n```js\n([\s\S]*?)```/.exec(readme)?.[1];
  assert.ok(example, 'README.md has an "## Example" js block');
  const program = example
    .replace("from 'superfone-crm';", "from 'superfone-crm';\nimport { startEmulator } from 'superfone-crm/emulator';\nconst emulator = await startEmulator();")
    .replace('{ apiKey: process.env.SUPERFONE_API_KEY }', '{ apiKey: emulator.apiKey, baseUrl: emulator.url }')
    .concat("\nconsole.log(JSON.stringify({ lead: lead.id, same: same.id, task: task.type }));\nawait emulator.close();\n");
  assert.notEqual(program, example, 'the example uses process.env.SUPERFONE_API_KEY');
  const file = fileURLToPath(new URL('./readme-example.tmp.mjs', import.meta.url));
  writeFileSync(file, program);
  try {
    const run = spawnSync(process.execPath, [file], { encoding: 'utf8', timeout: 30_000 });
    assert.equal(run.status, 0, run.stderr);
    const lines = run.stdout.trim().split('\n');
    assert.match(run.stdout, /^validation phone /m, 'the error branch prints kind and field');
    const summary = JSON.parse(lines.at(-1));
    assert.equal(summary.lead, summary.same);
    assert.equal(summary.task, 'FOLLOW_UP_CALL');
  } finally {
    rmSync(file, { force: true });
  }
});
