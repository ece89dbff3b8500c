// The README's example runs as written, against the emulator instead of Superfone's servers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import './helpers.mjs'; // links pkg/ in as node_modules/superfone-crm

test("the README's example upserts, reads back, creates a task and lists a catalog", () => {
  const run = runExample('../../README.md', "console.log(JSON.stringify({ lead: lead.id, same: same.id, task: task.type }));");
  const lines = run.stdout.trim().split('\n');
  assert.match(run.stdout, /^validation phone /m, 'the error branch prints kind and field');
  const summary = JSON.parse(lines.at(-1));
  assert.equal(summary.lead, summary.same);
  assert.equal(summary.task, 'FOLLOW_UP_CALL');
});

test("the npm README's example (pkg-template/README.md) runs as written and does what it says", () => {
  const readme = '../../pkg-template/README.md';
  const phone = /customer_phone: '(\+\d+)'/.exec(readFileSync(new URL(readme, import.meta.url), 'utf8'))?.[1];
  assert.ok(phone, 'the example upserts a lead by customer_phone');
  // The appended check reads the lead back with a client of its own, so it depends on no
  // variable of the example.
  const run = runExample(readme, `
    const { SuperfoneClient: CheckClient } = await import('superfone-crm');
    const { defaultSeed } = await import('superfone-crm/emulator');
    const check = new CheckClient({ apiKey: emulator.apiKey, baseUrl: emulator.url });
    const seeded = emulator.requests.length;
    const stored = await check.getLead(${JSON.stringify(phone)});
    const tasks = await check.listTasks(stored.id);
    console.log('CHECK ' + JSON.stringify({ id: stored.id, seeded: defaultSeed().leads.some((l) => l.id === stored.id), first_name: stored.first_name,
      stage: stored.lead_stage?.title, labels: stored.labels.map((l) => l.title),
      tasks: tasks.rows.map((t) => [t.type, t.task_status]), requests: seeded }));`);
  const lines = run.stdout.trim().split('\n');
  const check = JSON.parse(lines.at(-1).replace(/^CHECK /, ''));
  // The upsert created the lead as asked (the phone is not in the emulator's seed), and the task
  // went on it: the example read the right lead back.
  assert.equal(check.seeded, false, `lead ${check.id} is one of the seed's, not a new one`);
  assert.equal(check.first_name, 'Asha');
  assert.equal(check.stage, 'New');
  assert.deepEqual(check.labels, ['Hot']);
  assert.deepEqual(check.tasks, [['FOLLOW_UP_CALL', 'PENDING']]);
  // What the example prints: the task line, the one label matching "vip", the refused phone.
  assert.equal(lines[0], `lead ${check.id} (Asha): FOLLOW_UP_CALL, PENDING`);
  assert.deepEqual(lines.slice(1, -3), ['VIP']);
  assert.equal(lines.at(-3), 'validation phone');
  assert.match(lines.at(-2), /^phone: must be in E\.164 format, like \+918000000001 \(got "\d+"\)/);
  // upsert, getLead, createTask and one page of labels; the refused phone was never sent.
  assert.equal(check.requests, 4);
});

/**
 * Runs the "## Example" js block of the README at `readme` (relative to this file) as a program,
 * its client pointed at an emulator instead of `process.env.SUPERFONE_API_KEY`'s account, with
 * `epilogue` appended (before the emulator closes). Returns the finished run, which exited 0.
 */
function runExample(readme, epilogue) {
  const text = readFileSync(new URL(readme, import.meta.url), 'utf8');
  const example = /## Example\n\n```js\n([\s\S]*?)```/.exec(text)?.[1];
  assert.ok(example, `${readme} has an "## Example" js block`);
  const program = example
    .replace("from 'superfone-crm';", "from 'superfone-crm';\nimport { startEmulator } from 'superfone-crm/emulator';\nconst emulator = await startEmulator();")
    .replace('{ apiKey: process.env.SUPERFONE_API_KEY }', '{ apiKey: emulator.apiKey, baseUrl: emulator.url }')
    .concat(`\n${epilogue}\nawait emulator.close();\n`);
  assert.ok(program.includes('const emulator = await startEmulator();'), 'the example imports from superfone-crm');
  assert.ok(!program.includes('process.env.SUPERFONE_API_KEY'), 'the example uses { apiKey: process.env.SUPERFONE_API_KEY }');
  const file = fileURLToPath(new URL(`./readme-example-${process.pid}.tmp.mjs`, import.meta.url));
  writeFileSync(file, program);
  try {
    const run = spawnSync(process.execPath, [file], { encoding: 'utf8', timeout: 30_000 });
    assert.equal(run.status, 0, `the example failed:\n${run.stderr}`);
    return run;
  } finally {
    rmSync(file, { force: true });
  }
}

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
