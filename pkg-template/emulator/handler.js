// The emulator as a web-standard request handler: Request in, Response out. It and everything it
// imports use only what every JS runtime has (Request, Response, URL, Headers, JSON, setTimeout,
// structuredClone), so the same emulator runs in Node, browsers, Deno, Bun and workers.

import { settleOrAbort, sleep } from './abort.js';
import { ApiError, badRequest } from './errors.js';
import { ConnectionDropped, createFaultQueue, faultKind, faultResponse } from './faults.js';
import { findRoute } from './routes.js';
import { Store } from './store.js';

export { ConnectionDropped };

/** The API key the emulator accepts unless told otherwise. */
export const DEFAULT_API_KEY = 'sf_test_key';

const UNAUTHORIZED = 'UnAuthorized, Please Provide Valid API Key';
const CORS = { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'retry-after' };

/**
 * Creates an emulator: one in-memory Superfone account behind `handle(request)`.
 *
 * @param {import('./index.js').EmulatorOptions} [options]
 * @returns {import('./index.js').EmulatorHandler}
 * @example
 * const emulator = createHandler({ apiKey: 'k' });
 * const res = await emulator.handle(new Request('http://x/superfone/enterprise/api/label', { headers: { 'x-api-key': 'k' } }));
 * (await res.json()).data.total_items; // 120
 */
export function createHandler(options = {}) {
  const { apiKey = DEFAULT_API_KEY, seed, clock = Date.now, onRequest } = options;
  if (typeof apiKey !== 'string' || apiKey === '') throw new TypeError('apiKey must be a non-empty string');
  if (typeof clock !== 'function') throw new TypeError('clock must be a function returning Unix milliseconds');
  const store = new Store(seed, clock);
  const { controls: faults, take } = createFaultQueue();
  /** @type {import('./index.js').RequestRecord[]} */
  const requests = [];

  async function handle(request) {
    const url = new URL(request.url);
    if (request.method === 'OPTIONS') return preflight(request);
    const record = {
      method: request.method,
      path: url.pathname,
      query: url.search.slice(1),
      status: null,
      fault: null,
      outcome: 'pending',
    };
    requests.push(record);
    const fault = take(request.method, url.pathname);
    record.fault = fault && faultKind(fault);
    try {
      if (fault?.delayMs) await sleep(fault.delayMs, request.signal);
      if (fault?.reset === true) throw new ConnectionDropped();
      const response = (fault && faultResponse(fault)) ?? (await settleOrAbort(answer(request, url), request.signal));
      for (const [name, value] of Object.entries({ ...CORS, ...fault?.headers })) response.headers.set(name, value);
      record.status = response.status;
      // 'after-body': the request took effect, but its response never reaches the client.
      if (fault?.reset === 'after-body') throw new ConnectionDropped();
      record.outcome = 'answered';
      return response;
    } catch (error) {
      record.outcome = error instanceof ConnectionDropped ? 'dropped' : 'aborted';
      throw error;
    } finally {
      onRequest?.({ ...record });
    }
  }

  async function answer(request, url) {
    const found = findRoute(request.method, url.pathname);
    if (!found) return json(404, { message: `Cannot ${request.method} ${url.pathname}` });
    if ('allowed' in found) {
      const message = `Method ${request.method} is not allowed on ${url.pathname}; use ${found.allowed.join(' or ')}`;
      return json(405, { message }, { allow: found.allowed.join(', ') });
    }
    if (request.headers.get('x-api-key') !== apiKey) return json(401, { message: UNAUTHORIZED });
    try {
      const body = found.route.body ? await readJsonObject(request) : undefined;
      const data = found.route.run(store, { params: found.params, query: url.searchParams, body });
      return json(200, { data, message: 'success' });
    } catch (error) {
      if (error instanceof ApiError) return json(error.status, { message: error.message });
      return json(500, { message: `Internal Server Error: ${error?.message ?? error}` });
    }
  }

  return {
    apiKey,
    faults,
    requests,
    handle,
    reset() {
      store.reset();
      faults.clear();
      requests.length = 0;
    },
    inspect: () => structuredClone(store.state),
  };
}

/**
 * What every transport exposes to tests besides its own entry point: the handler's key, faults,
 * request log, reset() and inspect(), plus the handler itself.
 * @param {import('./index.js').EmulatorHandler} handler
 */
export function controlsOf(handler) {
  const { apiKey, faults, requests, reset, inspect } = handler;
  return { apiKey, faults, requests, reset, inspect, handler };
}

async function readJsonObject(request) {
  const text = await request.text();
  if (text.trim() === '') return {};
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    throw badRequest('Request body is not valid JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest('Request body must be a JSON object');
  return body;
}

function json(status, payload, headers = {}) {
  return new Response(JSON.stringify(payload), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}

/** Lets browser pages call a node-served emulator (the SDK sends x-api-key, a non-simple header). */
function preflight(request) {
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS,
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      'access-control-allow-headers': request.headers.get('access-control-request-headers') ?? 'x-api-key, content-type',
      'access-control-max-age': '600',
    },
  });
}
