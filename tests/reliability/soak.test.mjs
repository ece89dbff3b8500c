// A bounded soak for CI: 1,500 upserts at concurrency 32 with ~5% of requests faulted, then 500
// createTask calls with ~5% faulted (drops after the body included). Every input is accounted
// for: zero lost, zero duplicated. The full run (10,000 upserts) is `bash scripts/soak.sh`.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import './helpers.mjs';

const { runSoak, summary } = await import('./soak.mjs');

const figures = await runSoak({
  upserts: Number(process.env.SOAK_UPSERTS ?? 1500),
  tasks: Number(process.env.SOAK_TASKS ?? 500),
  concurrency: 32,
  faultRate: 0.05,
});
console.log(summary(figures));
const { upserts: u, tasks: t } = figures;

test('every upsert is accounted for: no input silently lost', () => {
  assert.deepEqual(u.lost, []);
  assert.equal(u.resolved + u.rejected, u.calls);
});

test('no upsert creates a second lead for one phone', () => {
  assert.deepEqual(u.duplicated, []);
});

test('every stored lead has the fields that were sent', () => {
  assert.deepEqual(u.wrongFields, []);
});

test('faults were injected and retried (the soak is not a fair-weather run)', () => {
  assert.ok(u.faultsInjected > 0 && u.retries > 0, JSON.stringify(u));
});

test('every failed call rejected with a SuperfoneError', () => {
  assert.deepEqual([...u.notSuperfoneError, ...t.notSuperfoneError], []);
});

test('every createTask is accounted for: a resolved call has its task', () => {
  assert.deepEqual(t.lost, []);
  assert.equal(t.resolved + t.rejected, t.calls);
});

test('no createTask input leads to two tasks, even with connections dropped after the body', () => {
  assert.deepEqual(t.duplicated, []);
  assert.ok(t.faultedRequests['reset-after-body'] > 0 || t.faultsInjected < 10, 'the run included drops after the body');
});
