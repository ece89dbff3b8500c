// The soak: many upserts (then many createTask calls) at high concurrency against the emulator
// over HTTP, with ~5% of requests faulted, and an account of every input afterwards:
//
// - upserts: each has its own phone; afterwards each input is either a lead in the emulator with
//   the fields sent (the call may have resolved, or rejected after the write took effect), or a
//   call that rejected with a SuperfoneError. Lost = resolved but no such lead, or neither
//   resolved nor rejected. Duplicated = two leads with one phone.
// - tasks: createTask on distinct leads; a task created twice for one input is a duplicate (the
//   SDK must never repeat a request that may have taken effect); a resolved call whose task does
//   not exist is lost.
//
// Used by soak.test.mjs (a bounded run for CI) and runnable on its own (scripts/soak.sh):
//   SOAK_UPSERTS=10000 SOAK_TASKS=2000 node tests/reliability/soak.mjs
// prints the figures as JSON and exits 1 when anything was lost or duplicated.

import { pool } from './helpers.mjs';

const { SuperfoneClient, SuperfoneError } = await import('superfone-crm');
const { startEmulator } = await import('superfone-crm/emulator');

const LEAD = '/enterprise/api/lead';
const TASKS = '/enterprise/api/lead/:lead_id/task';

const UPSERT_FAULTS = [
  { status: 429, retryAfter: 0 },
  { status: 500, retryAfter: 0 },
  { status: 502, html: true, retryAfter: 0 },
  { status: 503, retryAfter: 0 },
  { reset: true },
  { reset: 'after-body' },
  { delayMs: 1500 }, // beyond the client's timeoutMs
  { malformed: true },
];
const TASK_FAULTS = UPSERT_FAULTS;

/** A small seeded PRNG (mulberry32), so a run's fault pattern can be reproduced. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function countBy(items, key) {
  const out = {};
  for (const item of items) {
    const k = key(item);
    if (k !== undefined) out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

/**
 * Runs the soak and returns its figures. Nothing here asserts: the caller checks `lost` and
 * `duplicated` (and prints the rest).
 */
export async function runSoak({ upserts = 1500, tasks = 500, concurrency = 32, faultRate = 0.05, seed = 42, timeoutMs = 1000 } = {}) {
  const rand = random(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const emulator = await startEmulator();
  const client = new SuperfoneClient({ baseUrl: emulator.url, apiKey: emulator.apiKey, timeoutMs });
  try {
    // ── Phase 1: upserts ──
    const started = performance.now();
    const inputs = Array.from({ length: upserts }, (_, i) => ({
      customer_phone: `+9197${String(i).padStart(8, '0')}`,
      create_customer_if_customer_phone_not_found: true,
      first_name: `Soak ${i}`,
      city: `City ${i % 97}`,
      deal_value: i,
    }));
    let injected = 0;
    const results = await pool(inputs, concurrency, async (input) => {
      if (rand() < faultRate) {
        injected += 1;
        emulator.faults.next({ path: LEAD, method: 'POST', ...pick(UPSERT_FAULTS) });
      }
      try {
        return { value: await client.upsertLead(input) };
      } catch (error) {
        return { error };
      }
    });
    const upsertMs = performance.now() - started;
    emulator.faults.clear();
    const upsertRequests = emulator.requests.filter((r) => r.method === 'POST').length;
    const upsertFaulted = countBy(emulator.requests, (r) => r.fault ?? undefined);

    const state = emulator.inspect();
    const byPhone = new Map();
    for (const lead of state.leads) {
      const phone = lead.phones[0];
      byPhone.set(phone, [...(byPhone.get(phone) ?? []), lead]);
    }
    const up = { calls: upserts, resolved: 0, rejected: 0, rejectedButStored: 0, lost: [], duplicated: [], wrongFields: [], notSuperfoneError: [] };
    results.forEach((result, i) => {
      const input = inputs[i];
      const leads = byPhone.get(input.customer_phone) ?? [];
      if (leads.length > 1) up.duplicated.push(input.customer_phone);
      if (result?.value) {
        up.resolved += 1;
        if (leads.length === 0) up.lost.push(input.customer_phone);
        if (result.value.phones?.[0]?.phone !== input.customer_phone) up.wrongFields.push(input.customer_phone);
      } else if (result?.error) {
        up.rejected += 1;
        if (!(result.error instanceof SuperfoneError)) up.notSuperfoneError.push(String(result.error));
        if (leads.length > 0) up.rejectedButStored += 1;
      } else {
        up.lost.push(input.customer_phone); // neither resolved nor rejected
      }
      for (const lead of leads) {
        if (lead.first_name !== input.first_name || lead.city !== input.city || lead.deal_value !== input.deal_value) {
          up.wrongFields.push(input.customer_phone);
        }
      }
    });
    up.failedByKind = countBy(results, (r) => r?.error?.kind);
    up.faultsInjected = injected;
    up.requests = upsertRequests;
    up.retries = upsertRequests - upserts;
    up.faultedRequests = upsertFaulted;
    up.ms = Math.round(upsertMs);

    // ── Phase 2: createTask (not safe to repeat) on distinct leads ──
    const leadIds = results.filter((r) => r?.value).map((r) => r.value.id).slice(0, tasks);
    emulator.requests.length = 0; // the log is a live array; start counting afresh
    const tasksStarted = performance.now();
    const due = new Date(Date.now() + 86_400_000).toISOString();
    let taskInjected = 0;
    const taskResults = await pool(leadIds, concurrency, async (leadId) => {
      if (rand() < faultRate) {
        taskInjected += 1;
        emulator.faults.next({ path: TASKS, method: 'POST', ...pick(TASK_FAULTS) });
      }
      try {
        return { value: await client.createTask(leadId, { type: 'REMINDER', due_date: due, customer_note: `soak task ${leadId}` }) };
      } catch (error) {
        return { error };
      }
    });
    const taskMs = performance.now() - tasksStarted;
    emulator.faults.clear();
    // A delayed request may still be in the emulator when its client gave up: let it finish.
    await new Promise((r) => setTimeout(r, 2000));
    const taskState = emulator.inspect();
    const perLead = countBy(taskState.tasks, (t) => t.customer_id);
    const notesPerLead = countBy(taskState.notes.filter((n) => n.text.startsWith('soak task ')), (n) => n.lead_id);
    const tk = { calls: leadIds.length, resolved: 0, rejected: 0, rejectedButCreated: 0, lost: [], duplicated: [], notSuperfoneError: [] };
    taskResults.forEach((result, i) => {
      const leadId = leadIds[i];
      const count = perLead[leadId] ?? 0;
      if (count > 1 || (notesPerLead[leadId] ?? 0) > 1) tk.duplicated.push(leadId);
      if (result?.value) {
        tk.resolved += 1;
        if (count === 0 || result.value.customer_id !== leadId) tk.lost.push(leadId);
      } else if (result?.error) {
        tk.rejected += 1;
        if (!(result.error instanceof SuperfoneError)) tk.notSuperfoneError.push(String(result.error));
        if (count > 0) tk.rejectedButCreated += 1; // the "may have reached the server" case
      } else {
        tk.lost.push(leadId);
      }
    });
    const taskRequests = emulator.requests.length;
    tk.failedByKind = countBy(taskResults, (r) => r?.error?.kind);
    tk.faultsInjected = taskInjected;
    tk.requests = taskRequests;
    tk.retries = taskRequests - leadIds.length;
    tk.faultedRequests = countBy(emulator.requests, (r) => r.fault ?? undefined);
    tk.ms = Math.round(taskMs);
    return { concurrency, faultRate, seed, upserts: up, tasks: tk };
  } finally {
    await emulator.close();
  }
}

/** One line per phase for logs. */
export function summary({ upserts: u, tasks: t, concurrency }) {
  return [
    `upserts: ${u.calls} at concurrency ${concurrency} in ${(u.ms / 1000).toFixed(1)} s: ${u.resolved} resolved, ${u.rejected} rejected ${JSON.stringify(u.failedByKind)} ` +
      `(${u.rejectedButStored} of them stored anyway), ${u.faultsInjected} faults injected, ${u.retries} retries (${u.requests} requests), ` +
      `lost ${u.lost.length}, duplicated ${u.duplicated.length}, wrong fields ${u.wrongFields.length}`,
    `tasks: ${t.calls} createTask in ${(t.ms / 1000).toFixed(1)} s: ${t.resolved} resolved, ${t.rejected} rejected ${JSON.stringify(t.failedByKind)} ` +
      `(${t.rejectedButCreated} of them created anyway), ${t.faultsInjected} faults injected, ${t.retries} retries (${t.requests} requests), ` +
      `lost ${t.lost.length}, duplicated ${t.duplicated.length}`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const figures = await runSoak({
    upserts: Number(process.env.SOAK_UPSERTS ?? 10_000),
    tasks: Number(process.env.SOAK_TASKS ?? 2000),
    concurrency: Number(process.env.SOAK_CONCURRENCY ?? 32),
    faultRate: Number(process.env.SOAK_FAULT_RATE ?? 0.05),
    seed: Number(process.env.SOAK_SEED ?? 42),
  });
  console.log(summary(figures));
  const { upserts: u, tasks: t } = figures;
  const compact = (x) => ({ ...x, lost: x.lost.length, duplicated: x.duplicated.length, wrongFields: x.wrongFields?.length, notSuperfoneError: x.notSuperfoneError.length });
  console.log(JSON.stringify({ ...figures, upserts: compact(u), tasks: compact(t) }));
  const bad = u.lost.length + u.duplicated.length + u.wrongFields.length + u.notSuperfoneError.length + t.lost.length + t.duplicated.length + t.notSuperfoneError.length;
  process.exitCode = bad === 0 ? 0 : 1;
}
