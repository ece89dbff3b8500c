// Fault injection: a queue of "the next N matching requests answer like this" rules, and the
// responses they stand in for (rate limits, 5xx, HTML error pages, broken JSON, slowness, drops).

import { fullPattern, matchPath } from './paths.js';

const FAULT_KEYS = ['path', 'method', 'status', 'body', 'headers', 'retryAfter', 'delayMs', 'reset', 'malformed', 'html', 'count'];

const REASONS = {
  200: 'OK',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  408: 'Request Timeout',
  409: 'Conflict',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** A response cut off mid-object, declared as JSON. */
const MALFORMED_JSON = '{"data": {"id": 1001, "first_name": "Pri';

/**
 * Thrown by `handle()` when a fault says the connection drops: transports turn it into a
 * destroyed socket (node:http) or `TypeError('fetch failed')` (createMockFetch).
 */
export class ConnectionDropped extends Error {
  constructor() {
    super('the emulator dropped the connection (fault injection)');
    this.name = 'ConnectionDropped';
    this.code = 'UND_ERR_SOCKET';
  }
}

/**
 * A fault queue: `controls` is the public `faults` object, `take` consumes the first fault that
 * matches a request.
 * @returns {{ controls: import('./index.js').Faults, take(method: string, pathname: string): Fault | null }}
 */
export function createFaultQueue() {
  /** @type {Fault[]} */
  const queue = [];
  const controls = {
    next(spec) {
      queue.push(normaliseFault(spec));
      return controls;
    },
    clear() {
      queue.length = 0;
    },
    get pending() {
      return queue.reduce((sum, fault) => sum + fault.remaining, 0);
    },
  };
  function take(method, pathname) {
    const index = queue.findIndex((fault) => matches(fault, method, pathname));
    if (index === -1) return null;
    const fault = queue[index];
    fault.remaining -= 1;
    if (fault.remaining <= 0) queue.splice(index, 1);
    return fault;
  }
  return { controls, take };
}

/**
 * @typedef {import('./index.js').FaultSpec & { remaining: number }} Fault
 */

/** @param {import('./index.js').FaultSpec} spec @returns {Fault} */
function normaliseFault(spec) {
  if (typeof spec !== 'object' || spec === null) throw new TypeError('faults.next() takes an object');
  const unknown = Object.keys(spec).filter((key) => !FAULT_KEYS.includes(key));
  if (unknown.length > 0) throw new TypeError(`unknown fault option(s): ${unknown.join(', ')}; known: ${FAULT_KEYS.join(', ')}`);
  const { count = 1, status, delayMs, reset, path, method, retryAfter } = spec;
  const check = (ok, message) => {
    if (!ok) throw new TypeError(`fault ${message}`);
  };
  check(count === Infinity || (Number.isInteger(count) && count >= 1), 'count must be a positive integer or Infinity');
  check(status === undefined || (Number.isInteger(status) && status >= 200 && status <= 599), 'status must be an integer from 200 to 599');
  check(delayMs === undefined || (Number.isFinite(delayMs) && delayMs >= 0), 'delayMs must be a number of milliseconds ≥ 0');
  check(reset === undefined || reset === true || reset === 'after-body', "reset must be true or 'after-body'");
  check(path === undefined || typeof path === 'string' || path instanceof RegExp, 'path must be a string or a RegExp');
  check(method === undefined || typeof method === 'string', 'method must be a string');
  check(retryAfter === undefined || typeof retryAfter === 'string' || (Number.isFinite(retryAfter) && retryAfter >= 0), 'retryAfter must be seconds ≥ 0 or an HTTP-date string');
  check(spec.headers === undefined || (typeof spec.headers === 'object' && spec.headers !== null && Object.values(spec.headers).every((v) => typeof v === 'string')), 'headers must be an object of strings');
  const shapes = ['status', 'body', 'html', 'malformed', 'retryAfter'].filter((key) => spec[key] !== undefined && spec[key] !== false);
  check(!(reset && shapes.length > 0), `reset cannot be combined with ${shapes.join(', ')}: a dropped connection has no response`);
  check([spec.html, spec.malformed, spec.body !== undefined].filter(Boolean).length <= 1, 'takes at most one of html, malformed, body');
  return { ...spec, method: method?.toUpperCase(), remaining: count };
}

function matches(fault, method, pathname) {
  if (fault.method !== undefined && fault.method !== method) return false;
  if (fault.path === undefined) return true;
  if (fault.path instanceof RegExp) return fault.path.test(pathname);
  return matchPath(fullPattern(fault.path), pathname) !== null;
}

/**
 * The response a fault puts in place of the API's, or null when the fault lets the request
 * through (only `delayMs`/`headers`, or a `reset`).
 * @param {Fault} fault
 * @returns {Response | null}
 */
export function faultResponse(fault) {
  const status = fault.status ?? defaultStatus(fault);
  if (status === undefined) return null;
  const headers = new Headers();
  if (fault.retryAfter !== undefined) headers.set('retry-after', String(fault.retryAfter));
  const reason = REASONS[status] ?? (status < 400 ? 'OK' : 'Error');
  let body;
  if (fault.html) {
    headers.set('content-type', 'text/html; charset=utf-8');
    body = `<!DOCTYPE html>\n<html><head><title>${status} ${reason}</title></head>` +
      `<body><center><h1>${status} ${reason}</h1></center><hr><center>nginx</center></body></html>\n`;
  } else if (fault.malformed) {
    headers.set('content-type', 'application/json; charset=utf-8');
    body = MALFORMED_JSON;
  } else if (typeof fault.body === 'string') {
    headers.set('content-type', 'text/plain; charset=utf-8');
    body = fault.body;
  } else {
    headers.set('content-type', 'application/json; charset=utf-8');
    body = JSON.stringify(fault.body === undefined ? { message: reason } : fault.body);
  }
  return new Response(body, { status, headers });
}

function defaultStatus(fault) {
  if (fault.html) return 502;
  if (fault.retryAfter !== undefined) return 429;
  if (fault.malformed || fault.body !== undefined) return 200;
  return undefined;
}

/** A short label for the request log: which kind of fault shaped a request. */
export function faultKind(fault) {
  if (fault.reset) return fault.reset === 'after-body' ? 'reset-after-body' : 'reset';
  if (fault.html) return 'html';
  if (fault.malformed) return 'malformed';
  if (fault.body !== undefined) return 'body';
  if (fault.status !== undefined || fault.retryAfter !== undefined) return 'status';
  return fault.delayMs !== undefined ? 'delay' : 'headers';
}
