// Quickstart: the whole lead workflow of superfone-crm in one run — discover the catalogs, upsert
// a lead by phone, read it back, give it a task, complete it, list its tasks.
//
//   node examples/node/quickstart.mjs                   # against a local emulator (offline)
//   SUPERFONE_BASE_URL=https://prod-api.superfone.co.in/superfone \
//   SUPERFONE_API_KEY=... node examples/node/quickstart.mjs   # against your account
//
// SUPERFONE_DEMO_PHONE sets the lead's phone (default +919800000001).

import { SuperfoneClient } from 'superfone-crm';
import { startEmulator } from 'superfone-crm/emulator';

const PHONE = process.env.SUPERFONE_DEMO_PHONE ?? '+919800000001';
const DAY = 24 * 60 * 60 * 1000;

/** One line of output: a short step name, then what happened. */
function say(step, text) {
  console.log(`${step.padEnd(10)}${text}`);
}

const titles = (page) => page.rows.map((row) => row.title);
const list = (items) => (items.length > 0 ? items.join(', ') : '(none)');

/** The API to talk to: the one named by the environment, or a fresh emulator. */
async function connect() {
  const { SUPERFONE_BASE_URL: baseUrl, SUPERFONE_API_KEY: apiKey } = process.env;
  if (baseUrl && apiKey) return { baseUrl, apiKey, where: baseUrl, close: async () => {} };
  const emulator = await startEmulator();
  return { baseUrl: emulator.url, apiKey: emulator.apiKey, where: `emulator at ${emulator.url}`, close: emulator.close };
}

/** A title that names exactly one row (the API refuses ambiguous stage and group names). */
function uniqueTitle(page, prefer = () => true) {
  const unique = page.rows.filter((row) => page.rows.filter((other) => other.title === row.title).length === 1);
  return (unique.find(prefer) ?? unique[0])?.title;
}

async function run(client) {
  const [stages, groups, labels, products, sources] = await Promise.all([
    client.listLeadStages(),
    client.listLeadGroups(),
    client.listLabels(),
    client.listProducts(),
    client.listSourceTypes(),
  ]);
  say('stages', list(titles(stages)));
  say('groups', list(titles(groups)));
  say('labels', `${labels.total_items} in all; first: ${list(titles(labels).slice(0, 5))}`);
  say('products', list(products.rows.map((p) => `${p.title} (${p.price} ${p.currency})`)));
  say('sources', list(titles(sources)));

  // What upsertLead resolves to is the response's `data`, whose shape Superfone does not
  // document: the lead is read back with getLead below.
  const saved = await client.upsertLead({
    customer_phone: PHONE,
    create_customer_if_customer_phone_not_found: true,
    first_name: 'Ravi',
    last_name: 'Kumar',
    email: ['ravi.kumar@example.com'],
    source: 'quickstart',
    source_type: titles(sources).includes('OTHERS') ? 'OTHERS' : undefined,
    lead_stage_name: uniqueTitle(stages, (stage) => stage.type === 'INITIAL'),
    lead_group_name: uniqueTitle(groups),
    add_labels: titles(labels).slice(0, 2),
    add_products: titles(products).slice(0, 1),
    customer_note: 'Created by the superfone-crm quickstart',
  });
  say('upsert', `saved${saved.id === undefined ? '' : ` lead #${saved.id}`}`);

  const read = await client.getLead(PHONE);
  say('getLead', `#${read.id} ${read.first_name} ${read.last_name}, ${list(read.phones.map((p) => p.phone))}`);
  say('', `stage=${read.lead_stage?.title ?? '-'} group=${read.lead_group?.title ?? '-'}`);
  say('', `labels=${list(read.labels.map((l) => l.title))} updated ${read.updated_at}`);

  const due = new Date(Math.ceil((Date.now() + DAY) / 3_600_000) * 3_600_000).toISOString();
  const task = await client.createTask(read.id, { type: 'FOLLOW_UP_CALL', due_date: due, customer_note: 'Call about pricing' });
  say('task', `#${task.id} ${task.type} due ${task.due_date}, notify ${task.notify_at}: ${task.task_status}`);

  const done = await client.completeTask(read.id);
  say('complete', `#${done.id} ${done.type}: ${done.task_status}`);

  const tasks = await client.listTasks(read.id, { page_size: 5 });
  say('tasks', `${tasks.total_items} on lead #${read.id}, newest first:`);
  for (const t of tasks.rows) say('', `#${t.id} ${t.type.padEnd(16)} ${t.task_status}`);
}

const target = await connect();
console.log(`Superfone CRM quickstart (${target.where})`);
try {
  await run(new SuperfoneClient({ baseUrl: target.baseUrl, apiKey: target.apiKey }));
  say('done', 'ok');
} catch (error) {
  say('error', `kind=${error.kind ?? '-'} status=${error.status ?? '-'} message=${error.message}`);
  process.exitCode = 1;
} finally {
  await target.close();
}
