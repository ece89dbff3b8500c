// The JS shell over the wasm binding: the public `SuperfoneClient` and `SuperfoneError` classes.
// Only what Rust cannot do lives here (a real `Error` subclass, async iteration, hiding the raw
// binding from `inspect`); every rule is in the Rust core. The build appends an export statement
// for ESM or CommonJS, so this one file serves every runtime's entry.

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

    upsertLead(input, options) { return this.#raw.call('upsertLead', undefined, input, options); }
    getLead(phone, options) { return this.#raw.call('getLead', phone, undefined, options); }
    createTask(leadId, input, options) { return this.#raw.call('createTask', leadId, input, options); }
    completeTask(leadId, options) { return this.#raw.call('completeTask', leadId, undefined, options); }
    listTasks(leadId, query, options) { return this.#raw.call('listTasks', leadId, query, options); }
    listSourceTypes(query, options) { return this.#raw.call('listSourceTypes', undefined, query, options); }
    listLabels(query, options) { return this.#raw.call('listLabels', undefined, query, options); }
    listLeadStages(query, options) { return this.#raw.call('listLeadStages', undefined, query, options); }
    listLeadGroups(query, options) { return this.#raw.call('listLeadGroups', undefined, query, options); }
    listProducts(query, options) { return this.#raw.call('listProducts', undefined, query, options); }

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
      const result = await raw.call(endpoint, target, query, options, true, page);
      for (const row of result.rows) {
        if (limit !== undefined && yielded >= limit) return;
        yield row;
        yielded += 1;
      }
      page = (page ?? query?.page ?? 1) + 1;
      if ((limit !== undefined && yielded >= limit) || result.rows.length === 0 || page > result.total_pages) return;
    }
  }

  return {
    SuperfoneClient,
    SuperfoneError,
    isValidE164: (phone) => typeof phone === 'string' && wasm.isValidE164(phone),
    normalizePhone: wasm.normalizePhone,
    validateUpsertLead: wasm.validateUpsertLead,
    validateCreateTask: wasm.validateCreateTask,
  };
}
