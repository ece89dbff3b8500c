// Shared helpers for the SDK's JS tests (`node --test tests/js/`).
//
// The tests import the package by its name, as users do (`'superfone-crm'`,
// `'superfone-crm/emulator'`). For that name to resolve from this directory, loading this module
// makes sure `tests/js/node_modules/superfone-crm` is a symlink to the built `pkg/` (node_modules/
// is git-ignored, so a fresh checkout has no link). ESM resolves a file's static imports before
// running any of its code, so the test files import this module first and the package with
// `await import('superfone-crm')` after it.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const pkgDir = path.resolve(here, '../../pkg');

/** Creates `tests/js/node_modules/superfone-crm -> ../../../pkg` unless it already resolves. */
export function ensurePackageLink() {
  if (!fs.existsSync(path.join(pkgDir, 'package.json'))) {
    throw new Error(`${pkgDir} is missing: build the package first (bash scripts/build.sh)`);
  }
  const link = path.join(here, 'node_modules', 'superfone-crm');
  if (fs.existsSync(path.join(link, 'package.json'))) return;
  fs.mkdirSync(path.dirname(link), { recursive: true });
  try {
    fs.rmSync(link, { force: true }); // a dangling link from an older layout
    fs.symlinkSync('../../../pkg', link, 'dir');
  } catch (error) {
    // Another test file (a separate process) may have created it at the same moment.
    if (error.code !== 'EEXIST') throw error;
  }
}

ensurePackageLink();

const sdk = await import('superfone-crm');
const { SuperfoneError } = sdk;

/** The key the emulator accepts by default. */
export const TEST_KEY = 'sf_test_key';

/** A date-time `hours` from now, ISO 8601 (for task due dates that are always in the future). */
export function hoursFromNow(hours) {
  return new Date(Date.now() + hours * 3_600_000).toISOString();
}

/**
 * Awaits `promise`, which must reject with a SuperfoneError matching `expected` (a subset of its
 * properties: kind, status, field, message, retryable …). Returns the error for more checks.
 */
export async function rejectsWith(promise, expected) {
  let error;
  try {
    await promise;
  } catch (e) {
    error = e;
  }
  assert.ok(error !== undefined, `expected a rejection with ${JSON.stringify(expected)}, but it resolved`);
  assert.ok(error instanceof SuperfoneError, `expected a SuperfoneError, got ${error?.stack ?? error}`);
  assert.equal(error.name, 'SuperfoneError');
  for (const [key, value] of Object.entries(expected)) {
    if (value instanceof RegExp) {
      assert.match(String(error[key]), value, `err.${key}`);
    } else {
      assert.deepEqual(error[key], value, `err.${key} (message: ${error.message})`);
    }
  }
  return error;
}

/** Like `rejectsWith`, for a function that must throw synchronously. */
export function throwsWith(fn, expected) {
  let error;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  assert.ok(error !== undefined, `expected a throw with ${JSON.stringify(expected)}`);
  assert.ok(error instanceof SuperfoneError, `expected a SuperfoneError, got ${error?.stack ?? error}`);
  for (const [key, value] of Object.entries(expected)) {
    if (value instanceof RegExp) assert.match(String(error[key]), value, `err.${key}`);
    else assert.deepEqual(error[key], value, `err.${key} (message: ${error.message})`);
  }
  return error;
}

/** Collects an async iterable into an array. */
export async function collect(iterable) {
  const out = [];
  for await (const item of iterable) out.push(item);
  return out;
}

/** Milliseconds `promise` took to settle, and how (`{ ms, value }` or `{ ms, error }`). */
export async function timed(promise) {
  const start = performance.now();
  try {
    const value = await promise;
    return { ms: performance.now() - start, value };
  } catch (error) {
    return { ms: performance.now() - start, error };
  }
}

/** The requests an emulator saw for `path` (relative to the base URL), e.g. `/enterprise/api/label`. */
export function requestsTo(emulator, relativePath) {
  return emulator.requests.filter((r) => r.path === `/superfone${relativePath}`);
}

/** Asserts a value is a whole number (the API's ids are numbers, never strings). */
export function assertId(value, what = 'id') {
  assert.equal(typeof value, 'number', `${what} must be a number, got ${JSON.stringify(value)}`);
  assert.ok(Number.isInteger(value) && value > 0, `${what} must be a positive integer, got ${value}`);
}

/** Asserts `page` has the Page<T> shape of API.md. */
export function assertPage(page) {
  assert.ok(Array.isArray(page.rows), 'page.rows is an array');
  for (const key of ['total_pages', 'current_page', 'page_size', 'total_items']) {
    assert.equal(typeof page[key], 'number', `page.${key} is a number`);
  }
}

/**
 * `promise`, or a rejection saying it did not settle within `ms`. The timer also keeps the event
 * loop alive meanwhile, so a call that would hang forever fails this test instead of making the
 * runner cancel the rest of the file.
 */
export async function within(promise, ms, what = 'the call') {
  let timer;
  const guard = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not settle within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, guard]);
  } finally {
    clearTimeout(timer);
  }
}
