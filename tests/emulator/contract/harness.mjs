// Shared plumbing for the contract suite: one set of cases, run against any transport that
// offers a fetch function and a base URL (the node:http server, or createMockFetch in-process).

import assert from 'node:assert/strict';
import { after, before, beforeEach } from 'node:test';

/** The emulator's clock at the start of every test: 2026-05-01T00:00:00.000Z. */
export const START = Date.parse('2026-05-01T00:00:00.000Z');
export const START_ISO = new Date(START).toISOString();
export const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * @typedef {object} Target
 * @property {(input: string | URL | Request, init?: RequestInit) => Promise<Response>} fetch
 * @property {string} url base URL ending in /superfone
 * @property {import('../../../pkg-template/emulator/index.js').EmulatorControls} emulator
 * @property {() => Promise<void>} close
 */

/**
 * Registers before/after hooks that start a target and reset it before each test, and returns
 * the context the cases use: `ctx.api` (raw HTTP helpers), `ctx.emulator`, `ctx.now` (the clock).
 * @param {(options: { clock: () => number }) => Promise<Target>} start
 */
export function useTarget(start) {
  const ctx = { now: START };
  before(async () => {
    const target = await start({ clock: () => ctx.now });
    Object.assign(ctx, target, { api: rawApi(target) });
  });
  after(() => ctx.close());
  beforeEach(() => {
    ctx.emulator.reset();
    ctx.now = START;
  });
  return ctx;
}

/** Plain-fetch helpers: every call answers `{ status, headers, text, json }`, never throws on HTTP errors. */
function rawApi({ fetch, url, emulator }) {
  async function call(method, path, { body, query = {}, key = emulator.apiKey, headers = {} } = {}) {
    const target = new URL(url + path);
    for (const [name, value] of Object.entries(query)) target.searchParams.set(name, String(value));
    const init = { method, headers: { ...headers } };
    if (key !== null) init.headers['x-api-key'] = key;
    if (body !== undefined) {
      init.headers['content-type'] = 'application/json';
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
    }
    const response = await fetch(target, init);
    const text = await response.text();
    let json;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, text, json };
  }
  return {
    call,
    upsert: (body, options) => call('POST', '/enterprise/api/lead', { body, ...options }),
    getLead: (phone) => call('GET', '/enterprise/api/lead', { query: phone === undefined ? {} : { phone } }),
    createTask: (leadId, body) => call('POST', `/enterprise/api/lead/${leadId}/task`, { body }),
    completeTask: (leadId) => call('POST', `/enterprise/api/lead/${leadId}/task/complete`),
    listTasks: (leadId, query) => call('GET', `/enterprise/api/lead/${leadId}/task`, { query }),
    catalog: (name, query) => call('GET', `/enterprise/api/${name}`, { query }),
  };
}

/** Asserts the success envelope and returns its `data`. */
export function ok(res) {
  assert.equal(res.status, 200, `expected 200, got ${res.status}: ${res.text}`);
  assert.deepEqual(Object.keys(res.json).sort(), ['data', 'message']);
  assert.equal(res.json.message, 'success');
  return res.json.data;
}

/** Asserts an error envelope with exactly this status and message. */
export function fails(res, status, message) {
  assert.equal(res.status, status, `expected ${status}, got ${res.status}: ${res.text}`);
  assert.match(res.headers.get('content-type'), /^application\/json/);
  assert.deepEqual(res.json, { message });
}

/** A lead upsert that creates. */
export function newLead(phone, fields = {}) {
  return { customer_phone: phone, create_customer_if_customer_phone_not_found: true, ...fields };
}
