// The README's example runs as written, against the emulator instead of Superfone's servers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
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

test('the demo (examples/node/quickstart.mjs) runs every step against its own emulator and exits 0', () => {
  const dir = fileURLToPath(new URL('../../examples/node/', import.meta.url));
  linkPackage(dir);
  const run = spawnSync(process.execPath, ['quickstart.mjs'], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
  assert.equal(run.status, 0, run.stderr);
  for (const step of ['stages', 'upsert', 'getLead', 'task', 'complete', 'tasks', 'done      ok']) {
    assert.match(run.stdout, new RegExp(`^${step}`, 'm'));
  }
});

/** `dir/node_modules/superfone-crm` → pkg/, as scripts/demo.sh makes it. */
function linkPackage(dir) {
  const link = `${dir}node_modules/superfone-crm`;
  if (existsSync(`${link}/package.json`)) return;
  mkdirSync(`${dir}node_modules`, { recursive: true });
  rmSync(link, { force: true });
  symlinkSync('../../../pkg', link, 'dir');
}
