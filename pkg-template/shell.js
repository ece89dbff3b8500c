// The JS shell over the wasm binding: the public `SuperfoneClient` and `SuperfoneError` classes,
// and the I/O of a call. Only what Rust cannot do (cheaply) lives here: a real `Error` subclass,
// async iteration, hiding the raw binding from `inspect`, and the fetch/timeout/abort/wait loop,
// which does what the core's `Call` tells it and decides nothing (every rule, every retry
// decision and every error is the Rust core's). The build appends an export statement for ESM or
// CommonJS, so this one file serves every runtime's entry.

/** @param {any} wasm the wasm-bindgen module (any target) */
function createApi(wasm) {
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
      this.#raw = new wasm.RawClient(options);
      this.#baseUrl = this.#raw.baseUrl;
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
    const limit = query?.limit;
    let page; // the query's own page first; the core validates the query, `limit` included
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
   * the outcome means: done, wait and send again, or the error to reject with.
   */
  async function perform(raw, endpoint, target, input, options, iterating = false, page = undefined) {
    const call = raw.start(endpoint, target, input, options, iterating, page);
    try {
      const { signal, timeoutMs } = call;
      const fetchFn = raw.fetch;
      const init = { method: call.method, headers: call.headers, body: call.body, signal: undefined, redirect: 'manual' };
      const url = call.url;
      for (;;) {
        const outcome = await attempt(fetchFn, url, init, signal, timeoutMs);
        let wait;
        if (outcome.failure === undefined) {
          wait = call.onResponse(outcome.status, outcome.retryAfter, outcome.bytes);
          if (wait === undefined) {
            try {
              return JSON.parse(utf8.decode(outcome.bytes)).data;
            } catch {
              throw call.unparsable();
            }
          }
        } else {
          wait = call.onFailure(outcome.failure, outcome.detail);
        }
        // The caller's signal fired during the wait: the core's answer to that is the aborted error.
        if (!(await sleep(wait, signal))) call.onFailure('aborted');
      }
    } finally {
      call.free();
    }
  }

  /**
   * Sends the request once. Settles with `{ status, retryAfter, bytes }` or `{ failure, detail }`
   * (`failure`: 'timeout', 'aborted' or 'network'); never rejects. The timeout covers reading the
   * body. The timer and the caller's signal settle the attempt themselves, so a `fetch` that
   * ignores its signal, or a body that never ends, cannot keep the call waiting.
   */
  function attempt(fetchFn, url, init, signal, timeoutMs) {
    if (signal?.aborted) return Promise.resolve(ABORTED);
    return new Promise((resolve) => {
      const controller = new AbortController();
      let settled = false;
      const settle = (outcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        resolve(outcome);
      };
      const stop = (outcome) => {
        settle(outcome);
        controller.abort();
      };
      const onAbort = () => stop(ABORTED);
      const timer = setTimeout(() => stop(TIMED_OUT), timeoutMs);
      signal?.addEventListener('abort', onAbort);
      const failed = (prefix) => (error) => settle({ failure: 'network', detail: prefix + describe(error) });
      init.signal = controller.signal;
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
        if (!(response instanceof Response)) {
          settle({ failure: 'network', detail: 'fetch did not resolve to a Response object' });
          return;
        }
        const status = response.status;
        const retryAfter = response.headers.get('retry-after') ?? undefined;
        response.arrayBuffer().then((buffer) => settle({ failure: undefined, status, retryAfter, bytes: new Uint8Array(buffer) }), failed('the response body could not be read: '));
      }, failed(''));
    });
  }

  // UTF-8, invalid sequences replaced, a leading BOM dropped: what Response.text() does.
  const utf8 = new TextDecoder();
  const ABORTED = Object.freeze({ failure: 'aborted' });
  const TIMED_OUT = Object.freeze({ failure: 'timeout' });

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

  return {
    SuperfoneClient,
    SuperfoneError,
    isValidE164,
    normalizePhone: wasm.normalizePhone,
    validateUpsertLead: wasm.validateUpsertLead,
    validateCreateTask: wasm.validateCreateTask,
  };
}
