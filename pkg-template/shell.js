// The JS shell over the wasm binding: the public `SuperfoneClient` and `SuperfoneError` classes,
// and the I/O of a call. Only what Rust cannot do (cheaply) lives here: a real `Error` subclass,
// async iteration, hiding the raw binding from `inspect`, and the fetch/timeout/abort/wait loop,
// which does what the core's `Call` tells it and decides nothing (every rule, every retry
// decision and every error is the Rust core's). The build appends an export statement for ESM or
// CommonJS, so this one file serves every runtime's entry.

// ------------------------------------------------------------------ inputs into wasm

// An input crosses into wasm as one string (read back by `src/json/input.rs`, which documents the
// format): JSON, plus a token for each value JSON cannot carry, which the core turns into an
// issue naming the field. Walking the value here costs a fraction of walking it from wasm, where
// every property, type test and key was a crossing of its own. This decides nothing: every
// message and rule is the core's. The limits match the core's (`MAX_DEPTH`, `MAX_ITEMS`).
const MAX_DEPTH = 32;
const MAX_ITEMS = 100_000;
// All the values of one input, an object counted each time it appears: an object referenced
// twice at each of 32 levels (or a Node request passed by mistake) is 2^32 paths to walk.
const MAX_VALUES = 200_000;
/** The values left to write of the input being written. */
let budget = 0;
/** The objects and arrays being written, outermost first: meeting one again is a cycle. */
const ancestors = [];
const getTime = Date.prototype.getTime;
const bits = new DataView(new ArrayBuffer(8));

/** The value read from `pick` at the top level (left out of the text), by the last `encodeInput`. */
let picked;

/** `value` as the core's input text; a top-level `pick` key is left out and kept in `picked`. */
function encodeInput(value, pick) {
  picked = undefined;
  budget = MAX_VALUES;
  ancestors.length = 0;
  return encodeValue(value, 0, pick);
}

function encodeValue(v, depth, pick) {
  if (--budget < 0) return '!S';
  switch (typeof v) {
    case 'undefined':
      return 'null';
    case 'boolean':
      return v ? 'true' : 'false';
    case 'number':
      if (Number.isInteger(v) && Math.abs(v) < 2 ** 53) return String(v);
      if (!Number.isFinite(v)) return '!N';
      bits.setFloat64(0, v);
      return `~${bits.getUint32(0).toString(16).padStart(8, '0')}${bits.getUint32(4).toString(16).padStart(8, '0')}`;
    case 'string':
      return JSON.stringify(v);
    case 'bigint':
      return '!B';
    case 'object':
      if (v === null) return 'null';
      break;
    default:
      return '!J'; // a function or a symbol
  }
  if (depth >= MAX_DEPTH || ancestors.includes(v)) return '!D';
  // A revoked Proxy throws from `instanceof` and `Array.isArray`; a Date-like object from getTime.
  let isDate;
  let isArray;
  try {
    isDate = v instanceof Date;
    isArray = !isDate && Array.isArray(v);
  } catch {
    return '!R';
  }
  if (isDate) {
    let ms;
    try {
      ms = getTime.call(v);
    } catch {
      return '!T';
    }
    return Number.isFinite(ms) ? `@${ms}` : '!T';
  }
  if (isArray) {
    let length;
    try {
      length = v.length;
    } catch {
      length = 0;
    }
    if (typeof length !== 'number' || !(length > 0)) return '[]';
    if (length > MAX_ITEMS) return '!M';
    let text = '[';
    ancestors.push(v);
    for (let i = 0; i < Math.trunc(length) && budget >= 0; i++) {
      if (i > 0) text += ',';
      let item;
      try {
        item = v[i];
      } catch {
        text += '!G';
        continue;
      }
      text += encodeValue(item, depth + 1);
    }
    ancestors.pop();
    return `${text}]`;
  }
  let keys;
  try {
    keys = Object.keys(v);
  } catch {
    return '!K';
  }
  let text = '{';
  ancestors.push(v);
  for (const key of keys) {
    if (budget < 0) break; // too large: one issue where it was found, the rest left out
    let child;
    try {
      child = v[key];
    } catch {
      text += `${text.length > 1 ? ',' : ''}${JSON.stringify(key)}:!G`;
      continue;
    }
    if (depth === 0 && key === pick) {
      picked = child;
      continue;
    }
    if (child === undefined) continue;
    text += `${text.length > 1 ? ',' : ''}${JSON.stringify(key)}:${encodeValue(child, depth + 1)}`;
  }
  ancestors.pop();
  return `${text}}`;
}

/**
 * `options` with a `headers` given as a `Headers` or a `Map` (any object but a plain one that has
 * `entries()`) read into the plain object the core checks: walked as an object, it has no keys,
 * and its headers would be dropped without a word. Anything else is left for the core to judge.
 */
function withPlainHeaders(options) {
  try {
    const headers = options?.headers;
    if (typeof headers !== 'object' || headers === null || typeof headers.entries !== 'function') return options;
    const proto = Object.getPrototypeOf(headers);
    if (proto === Object.prototype || proto === null || Array.isArray(headers)) return options;
    return { ...options, headers: Object.fromEntries(headers.entries()) };
  } catch {
    return options; // a hostile object (throwing getters, a revoked Proxy): the core reports it
  }
}

/**
 * @param {any} wasm the wasm-bindgen module (any target)
 * @param {{ shareTimeouts?: boolean }} [runtime] what the entry knows of its runtime:
 *   `shareTimeouts`, attempts may share a timeout's AbortController (see `joinGroup`); only
 *   where an AbortSignal is not tied to the incoming request that made it (Node, Bun, Deno;
 *   not workerd, where another request's signal fails the fetch).
 */
function createApi(wasm, runtime = {}) {
  const shareTimeouts = runtime.shareTimeouts === true;
  /** Every failure of the SDK: see `kind`. */
  class SuperfoneError extends Error {
    constructor(message, details = {}) {
      super(message);
      this.name = 'SuperfoneError';
      this.kind = details.kind ?? 'server';
      if (details.status !== undefined) this.status = details.status;
      if (details.field !== undefined) this.field = details.field;
      if (details.body !== undefined) this.body = details.body;
      this.retryable = details.retryable === true;
    }
  }
  Object.defineProperty(SuperfoneError.prototype, 'name', { value: 'SuperfoneError', writable: true, configurable: true });
  wasm.__registerErrorClass(SuperfoneError);

  const inspect = Symbol.for('nodejs.util.inspect.custom');

  /** The Superfone CRM Enterprise API client. */
  class SuperfoneClient {
    #raw;
    #baseUrl;

    constructor(options) {
      options = withPlainHeaders(options);
      const text = options === undefined ? undefined : encodeInput(options, 'fetch');
      const core = new wasm.RawClient(text, options === undefined ? undefined : picked);
      // What every call needs, read out of wasm once: the binding, the custom `fetch` and the
      // request headers (without and with a body).
      this.#raw = { core, fetch: core.fetch, headers: core.headers(false), bodyHeaders: core.headers(true) };
      this.#baseUrl = core.baseUrl;
    }

    upsertLead(input, options) { return perform(this.#raw, 'upsertLead', undefined, input, options); }
    getLead(phone, options) { return perform(this.#raw, 'getLead', phone, undefined, options); }
    createTask(leadId, input, options) { return perform(this.#raw, 'createTask', leadId, input, options); }
    completeTask(leadId, options) { return perform(this.#raw, 'completeTask', leadId, undefined, options); }
    listTasks(leadId, query, options) { return perform(this.#raw, 'listTasks', leadId, query, options); }
    listSourceTypes(query, options) { return perform(this.#raw, 'listSourceTypes', undefined, query, options); }
    listLabels(query, options) { return perform(this.#raw, 'listLabels', undefined, query, options); }
    listLeadStages(query, options) { return perform(this.#raw, 'listLeadStages', undefined, query, options); }
    listLeadGroups(query, options) { return perform(this.#raw, 'listLeadGroups', undefined, query, options); }
    listProducts(query, options) { return perform(this.#raw, 'listProducts', undefined, query, options); }

    iterateTasks(leadId, query, options) { return pages(this.#raw, 'listTasks', leadId, query, options); }
    iterateSourceTypes(query, options) { return pages(this.#raw, 'listSourceTypes', undefined, query, options); }
    iterateLabels(query, options) { return pages(this.#raw, 'listLabels', undefined, query, options); }
    iterateLeadStages(query, options) { return pages(this.#raw, 'listLeadStages', undefined, query, options); }
    iterateLeadGroups(query, options) { return pages(this.#raw, 'listLeadGroups', undefined, query, options); }
    iterateProducts(query, options) { return pages(this.#raw, 'listProducts', undefined, query, options); }

    // The key lives only inside the wasm memory: these show where the client points, nothing more.
    toString() { return `SuperfoneClient(${this.#baseUrl})`; }
    toJSON() { return { baseUrl: this.#baseUrl }; }
    [inspect]() { return `SuperfoneClient { baseUrl: '${this.#baseUrl}' }`; }
  }

  /** Every row of every page, fetched lazily, stopping after `query.limit` rows if given. */
  async function* pages(raw, endpoint, target, query, options) {
    // The core checks the query (`limit` included) before anything is read of it here: a getter
    // that throws or a revoked Proxy is its validation error, not a TypeError from this loop.
    await perform(raw, endpoint, target, query, options, true, undefined, true);
    const limit = query?.limit;
    if (limit === 0) return; // no rows asked for: nothing is sent
    let page; // the query's own page first
    let yielded = 0;
    for (;;) {
      const result = await perform(raw, endpoint, target, query, options, true, page);
      for (const row of result.rows) {
        if (limit !== undefined && yielded >= limit) return;
        yield row;
        yielded += 1;
      }
      page = (page ?? query?.page ?? 1) + 1;
      if ((limit !== undefined && yielded >= limit) || result.rows.length === 0 || page > result.total_pages) return;
    }
  }

  // ------------------------------------------------------------------ the I/O of one call

  /**
   * Runs one call: the core validates and builds the request (`start` throws the validation
   * error before anything is sent), then for every attempt this sends it, and the core says what
   * the outcome means: done, wait and send again, or the error to reject with. `checkOnly`:
   * stop after the check, sending nothing.
   */
  async function perform(raw, endpoint, target, input, options, iterating = false, page = undefined, checkOnly = false) {
    const targetText = target === undefined ? undefined : encodeInput(target);
    const inputText = input === undefined ? undefined : encodeInput(input);
    const optionsText = options === undefined ? undefined : encodeInput(options, 'signal');
    const signal = options === undefined ? undefined : picked; // checked by `start`
    const core = raw.core;
    // The call's number, the attempt timeout (whole ms), then "METHOD URL" and, if there is a
    // body, "\n" and the body: see `RawClient.start`.
    const started = core.start(endpoint, targetText, inputText, optionsText, signal, iterating, page);
    const idEnd = started.indexOf(' ');
    const id = +started.slice(0, idEnd);
    try {
      if (checkOnly) return undefined;
      const timeoutEnd = started.indexOf(' ', idEnd + 1);
      const timeoutMs = +started.slice(idEnd + 1, timeoutEnd);
      const space = started.indexOf(' ', timeoutEnd + 1);
      const newline = started.indexOf('\n', space);
      const url = newline === -1 ? started.slice(space + 1) : started.slice(space + 1, newline);
      const body = newline === -1 ? undefined : started.slice(newline + 1);
      const headers = body === undefined ? raw.headers : raw.bodyHeaders;
      const init = { method: started.slice(timeoutEnd + 1, space), headers, body, signal: undefined, redirect: 'manual' };
      const fetchFn = raw.fetch;
      for (;;) {
        const outcome = await attempt(fetchFn, url, init, signal, timeoutMs);
        let wait;
        if (outcome.failure === undefined) {
          wait = core.onResponse(id, outcome.status, outcome.headers, outcome.bytes);
          if (wait === undefined) {
            try {
              return JSON.parse(utf8.decode(outcome.bytes)).data;
            } catch {
              throw core.unparsable();
            }
          }
        } else {
          wait = core.onFailure(id, outcome.failure, outcome.detail);
        }
        // The caller's signal fired during the wait: the core's answer to that is the aborted error.
        if (!(await sleep(wait, signal))) core.onFailure(id, 'aborted');
      }
    } finally {
      core.finish(id);
    }
  }

  /**
   * Sends the request once. Settles with `{ status, headers, bytes }` or `{ failure, detail }`
   * (`failure`: 'timeout', 'aborted', 'network' or 'redirected'); never rejects. The timeout covers reading the
   * body. The timer and the caller's signal settle the attempt themselves, so a `fetch` that
   * ignores its signal, or a body that never ends, cannot keep the call waiting. The timeout is
   * the attempt's group's (see `joinGroup`).
   */
  function attempt(fetchFn, url, init, signal, timeoutMs) {
    if (signal?.aborted) return Promise.resolve(ABORTED);
    return new Promise((resolve) => {
      let settled = false;
      // Without a caller's signal (where the runtime allows) the attempt shares its timeout
      // with others started with it; with one, it has a timeout of its own, which the signal
      // can cancel alone.
      const group = signal === undefined && shareTimeouts ? joinGroup(timeoutMs) : newGroup(timeoutMs, 0);
      const settle = (outcome) => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        leaveGroup(group, settle);
        resolve(outcome);
      };
      const onAbort = () => {
        settle(ABORTED);
        group.controller.abort();
      };
      group.members.add(settle);
      signal?.addEventListener('abort', onAbort);
      init.signal = group.controller.signal;
      const failed = (prefix) => (error) => settle({ failure: 'network', detail: prefix + describe(error) });
      let sent;
      try {
        // A custom fetch takes a Request (ClientOptions.fetch); the runtime's takes the parts,
        // which spares building the Request twice.
        sent = fetchFn === undefined ? fetch(url, init) : fetchFn(new Request(url, init));
      } catch (error) {
        failed('')(error);
        return;
      }
      Promise.resolve(sent).then((response) => {
        if (settled) return;
        // What is read of a Response, not its class: a custom fetch may be npm undici's,
        // node-fetch's or another realm's, whose Response is not this global's.
        let status;
        let headers;
        let body;
        try {
          if (!(response instanceof Response || isResponseLike(response))) {
            settle({ failure: 'network', detail: 'fetch did not resolve to a Response (an object with a numeric status and arrayBuffer())' });
            return;
          }
          ({ status, headers } = response);
          if (response.redirected === true) {
            // A custom fetch that dropped `redirect: 'manual'` (a wrapper building its own init).
            settle(REDIRECTED);
            return;
          }
          if (status === 0 && response.type === 'error') {
            // Response.error(): how a fetch wrapper or a mock reports a network failure.
            settle({ failure: 'network', detail: 'fetch resolved to a network error (Response.error())' });
            return;
          }
          body = response.arrayBuffer();
        } catch (error) {
          failed('the response could not be read: ')(error);
          return;
        }
        const unreadable = failed('the response body could not be read: ');
        Promise.resolve(body).then((buffer) => {
          let bytes;
          try {
            // An ArrayBuffer (any realm's), or a typed array's bytes (a Buffer).
            bytes = ArrayBuffer.isView(buffer) ? new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength) : new Uint8Array(buffer);
          } catch (error) {
            unreadable(error);
            return;
          }
          settle({ failure: undefined, status, headers, bytes });
        }, unreadable);
      }, failed(''));
    });
  }

  // An attempt's timeout is a group's: one AbortController (whose signal goes to `fetch`, so a
  // timed-out request is cancelled) and one timer. An attempt with a caller's signal has a group
  // of its own. Where the runtime allows (`shareTimeouts`), the others share groups of up to
  // GROUP_SIZE attempts with the same timeout started within GROUP_MS of the first. The group
  // expires GROUP_MS + timeoutMs after it opened, so every member gets at least its timeoutMs
  // (and at most GROUP_MS more); members still running then time out, and the abort cancels
  // them (the others have finished: aborting a finished request does nothing). Under load this
  // spares most attempts a signal of their own, which cost about as much as the rest of the
  // SDK's per-call work together (in Node, undici raises the signal's listener limit and
  // registers a listener, a WeakRef and a FinalizationRegistry entry per signal). Ten members
  // stay within the default listener limit of an EventTarget, for a `fetch` that listens
  // itself.
  const GROUP_MS = 10;
  const GROUP_SIZE = 10;
  // The longest timer runtimes keep (a longer one fires at once, with a warning in Node): a
  // group with the longest timeoutMs waits out its extra GROUP_MS in a second timer.
  const MAX_TIMER_MS = 2 ** 31 - 1;
  /** The group new attempts join, if it is still open. */
  let openGroup;

  function joinGroup(timeoutMs) {
    const now = performance.now();
    const open = openGroup;
    if (open !== undefined && open.timeoutMs === timeoutMs && now - open.opened < GROUP_MS && open.joined < GROUP_SIZE) {
      open.joined += 1;
      // An emptied group waits for its next member without a timer (see `leaveGroup`).
      if (open.timer === undefined) open.timer = setTimeout(expireGroup, Math.min(Math.ceil(open.deadline - now), MAX_TIMER_MS), open);
      return open;
    }
    openGroup = newGroup(timeoutMs, GROUP_MS);
    return openGroup;
  }

  /** A group of its own, which times out `slackMs` + `timeoutMs` from now. */
  function newGroup(timeoutMs, slackMs) {
    const now = performance.now();
    const wait = slackMs + timeoutMs;
    const group = { controller: new AbortController(), members: new Set(), timeoutMs, opened: now, deadline: now + wait, joined: 1, timer: undefined, rearmed: false, expired: false };
    group.timer = setTimeout(expireGroup, Math.min(wait, MAX_TIMER_MS), group);
    return group;
  }

  /**
   * The group's time is up: its members still running time out, and their requests are
   * cancelled. Node counts a timer from the event loop's cached clock, which can be tens of ms
   * old after a long synchronous stretch, so a timer can fire early: then it waits the rest,
   * once (under fake timers, which rarely fake `performance`, the real clock stands still).
   */
  function expireGroup(group) {
    const early = group.deadline - performance.now();
    if (early > 0 && !group.rearmed) {
      group.rearmed = true;
      group.timer = setTimeout(expireGroup, Math.min(Math.ceil(early), MAX_TIMER_MS), group);
      return;
    }
    group.timer = undefined;
    group.expired = true;
    if (openGroup === group) openGroup = undefined;
    for (const settle of group.members) settle(TIMED_OUT);
    group.controller.abort();
  }

  /**
   * An attempt of the group settled. The last one clears the timer, so that no timer outlives
   * its requests; the group stays open for the rest of its GROUP_MS, so calls made one after
   * another share a controller too (the next member sets the timer again).
   */
  function leaveGroup(group, member) {
    const members = group.members;
    members.delete(member);
    if (members.size !== 0 || group.expired) return;
    clearTimeout(group.timer);
    group.timer = undefined;
  }

  /** A Response from another implementation: an integer status and a way to read the body. */
  function isResponseLike(value) {
    return typeof value === 'object' && value !== null && Number.isInteger(value.status) && value.status >= 0 &&
      value.status <= 999 && typeof value.arrayBuffer === 'function';
  }

  // UTF-8, invalid sequences replaced, a leading BOM dropped: what Response.text() does.
  const utf8 = new TextDecoder();
  const ABORTED = Object.freeze({ failure: 'aborted' });
  const TIMED_OUT = Object.freeze({ failure: 'timeout' });
  const REDIRECTED = Object.freeze({ failure: 'redirected' });

  /** Waits `ms`; resolves `false` at once when `signal` fires first. */
  function sleep(ms, signal) {
    if (signal?.aborted) return Promise.resolve(false);
    return new Promise((resolve) => {
      const onAbort = () => {
        clearTimeout(timer);
        resolve(false);
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve(true);
      }, ms);
      signal?.addEventListener('abort', onAbort);
    });
  }

  /** The best short description of a rejection: its message, plus undici's `cause` (ECONNRESET…). */
  function describe(error) {
    let text = 'fetch failed';
    try {
      if (typeof error?.message === 'string') text = error.message;
      const cause = error?.cause;
      const detail = typeof cause?.code === 'string' ? cause.code : typeof cause?.message === 'string' ? cause.message : undefined;
      if (detail !== undefined) text += ` (${detail})`;
    } catch {
      // a hostile error object (throwing getters, a revoked Proxy): keep what we have
    }
    return text;
  }

  // ------------------------------------------------------------------ isValidE164

  // A short string's UTF-16 code units go into a buffer in wasm memory and the core checks them
  // there: one call with one integer instead of allocating, encoding and freeing a copy. Longer
  // strings (none of them valid) take the ordinary way. The core's rule decides either way.
  let phoneBuffer = wasm.__phoneBuffer();

  function isValidE164(phone) {
    if (typeof phone !== 'string') return false;
    const length = phone.length;
    if (phoneBuffer.length === 0) phoneBuffer = wasm.__phoneBuffer(); // the wasm memory grew
    if (length > phoneBuffer.length) return wasm.isValidE164(phone);
    for (let i = 0; i < length; i++) phoneBuffer[i] = phone.charCodeAt(i);
    return wasm.__isValidE164Buffered(length);
  }

  /** `now` of validateCreateTask: a Date read here as its time (NaN if it is not a real Date). */
  function nowArgument(now) {
    try {
      return now instanceof Date ? getTime.call(now) : now;
    } catch {
      return NaN; // Object.create(Date.prototype), a revoked Proxy: the core says "now must be a valid Date"
    }
  }

  return {
    SuperfoneClient,
    SuperfoneError,
    isValidE164,
    normalizePhone: wasm.normalizePhone,
    validateUpsertLead: (input) => wasm.validateUpsertLead(encodeInput(input)),
    validateCreateTask: (input, now) => wasm.validateCreateTask(encodeInput(input), nowArgument(now)),
  };
}
