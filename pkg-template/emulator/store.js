// The emulator's in-memory account and every business rule of API.md: upsert by customer_phone,
// names instead of ids, one open non-reminder task per lead, paged catalogs. No HTTP in here:
// each method takes parsed input and returns the response `data` or throws an ApiError.

import { badRequest, notFound } from './errors.js';
import { loadSeed } from './load-seed.js';
import { checkTypes, paginate, parseIsoDateTime, parsePaging, requireE164 } from './rules.js';
import { leadView, taskView } from './views.js';

export const TASK_TYPES = ['FOLLOW_UP_CALL', 'FIRST_CALL', 'CALLBACK_REQUEST', 'SITE_VISIT', 'REMINDER', 'BOOKING'];

/** Catalog path segment → state table. */
export const CATALOGS = {
  'source-type': 'source_types',
  label: 'labels',
  'lead-stage': 'lead_stages',
  'lead-group': 'lead_groups',
  product: 'products',
};

/** Lead fields an upsert copies as given (`null` clears them). */
const LEAD_SCALARS = {
  first_name: 'string',
  last_name: 'string',
  website: 'string',
  city: 'string',
  business_name: 'string',
  additional_info: 'string',
  source: 'string',
  deal_value: 'number',
};

const UPSERT_FIELDS = {
  ...LEAD_SCALARS,
  customer_phone: 'string',
  create_customer_if_customer_phone_not_found: 'boolean',
  email: 'string[]',
  address: 'object',
  source_type: 'string',
  assignee_user_phone: 'string',
  lead_stage_name: 'string',
  lead_group_name: 'string',
  add_labels: 'string[]',
  remove_labels: 'string[]',
  add_products: 'string[]',
  add_phones: 'string[]',
  customer_note: 'string',
};

const ADDRESS_FIELDS = { text: 'string', additional: 'string', initials: 'string', latitude: 'number', longitude: 'number' };

const TASK_FIELDS = { type: 'string', due_date: 'string', notify_at: 'string', customer_note: 'string' };

const NAMED_ROWS = {
  lead_stage_name: {
    table: 'lead_stages',
    missing: 'Lead stage not found',
    ambiguous: 'Multiple lead stages found with this name. Provide unique',
  },
  lead_group_name: {
    table: 'lead_groups',
    missing: 'Lead group not found',
    ambiguous: 'Multiple lead groups found with this name',
  },
};

const TEN_MINUTES = 10 * 60 * 1000;

/** One Superfone account in memory. */
export class Store {
  /**
   * @param {unknown} seed see `EmulatorSeed` in index.d.ts; default `defaultSeed()`
   * @param {() => number} clock current time in Unix ms
   */
  constructor(seed, clock) {
    // A private copy: reset() must restore the seed as it was given, whatever the caller does next.
    this.seed = seed === undefined ? undefined : structuredClone(seed);
    this.clock = clock;
    this.reset();
  }

  /** Back to the seed's data. */
  reset() {
    /** @type {import('./index.js').EmulatorState} */
    this.state = loadSeed(this.seed);
  }

  nowIso() {
    return new Date(this.clock()).toISOString();
  }

  nextId(table) {
    return Math.max(0, ...this.state[table].map((row) => row.id)) + 1;
  }

  /**
   * POST /enterprise/api/lead — create or update the lead whose primary phone is `customer_phone`.
   * Everything is checked before anything changes, so a rejected upsert leaves no trace.
   * @param {Record<string, unknown>} input
   */
  upsertLead(input) {
    const phone = input.customer_phone;
    if (phone === undefined || phone === null || phone === '') {
      throw badRequest('Customer phone is required to identify the record to update');
    }
    requireE164(phone, 'customer_phone');
    checkTypes(input, UPSERT_FIELDS);
    if (input.address) checkTypes(input.address, ADDRESS_FIELDS, 'address.');
    (input.add_phones ?? []).forEach((p, i) => requireE164(p, `add_phones[${i}]`));
    if (input.assignee_user_phone != null) requireE164(input.assignee_user_phone, 'assignee_user_phone');
    if (input.add_labels != null && input.remove_labels != null) {
      throw badRequest('add_labels and remove_labels cannot be used together in one request');
    }

    const matches = this.state.leads.filter((lead) => lead.phones[0] === phone);
    if (matches.length > 1) throw badRequest('Customer phone exists in multiple contact');
    if (matches.length === 0 && input.create_customer_if_customer_phone_not_found !== true) {
      throw badRequest('Customer not found');
    }
    const changes = this.resolveReferences(input);
    const now = this.nowIso();
    const lead = matches[0] ?? this.newLead(phone, now);
    this.applyChanges(lead, input, changes);
    lead.updated_at = now;
    if (typeof input.customer_note === 'string' && input.customer_note !== '') {
      this.addNote(lead.id, null, input.customer_note);
    }
    return leadView(this.state, lead);
  }

  /** Names and phones of an upsert turned into ids; throws when a required one does not resolve. */
  resolveReferences(input) {
    const changes = {};
    for (const [field, { table, missing, ambiguous }] of Object.entries(NAMED_ROWS)) {
      if (input[field] === undefined) continue;
      changes[field] = input[field] === null ? null : uniqueByTitle(this.state[table], input[field], missing, ambiguous);
    }
    if (input.assignee_user_phone !== undefined) {
      const member = this.state.team_members.find((m) => m.phone === input.assignee_user_phone);
      if (input.assignee_user_phone !== null && !member) throw notFound('Assignee user not found');
      changes.assignee_user_id = member?.id ?? null;
    }
    if (input.source_type != null && !this.state.source_types.some((t) => t.title === input.source_type)) {
      const titles = this.state.source_types.map((t) => t.title).join(', ');
      throw badRequest(`source_type must be one of ${titles}`);
    }
    // Unknown label and product names are ignored, as the API does.
    changes.add_labels = idsByTitle(this.state.labels, input.add_labels);
    changes.remove_labels = idsByTitle(this.state.labels, input.remove_labels);
    changes.add_products = idsByTitle(this.state.products, input.add_products);
    return changes;
  }

  newLead(phone, now) {
    const [lead] = loadSeed({ org_id: this.state.org_id, leads: [{ id: this.nextId('leads'), phones: [phone] }] }).leads;
    lead.created_at = now;
    this.state.leads.push(lead);
    return lead;
  }

  applyChanges(lead, input, changes) {
    for (const field of Object.keys(LEAD_SCALARS)) {
      if (input[field] !== undefined) lead[field] = input[field];
    }
    if (input.source_type !== undefined) lead.source_type = input.source_type;
    if (input.email !== undefined) lead.email = input.email === null ? null : [...input.email];
    if (input.address !== undefined) {
      lead.address = Object.fromEntries(Object.keys(ADDRESS_FIELDS).map((k) => [k, input.address?.[k] ?? null]));
    }
    if ('lead_stage_name' in changes) lead.lead_stage_id = changes.lead_stage_name;
    if ('lead_group_name' in changes) lead.lead_group_id = changes.lead_group_name;
    if ('assignee_user_id' in changes) lead.assignee_user_id = changes.assignee_user_id;
    lead.label_ids = union(lead.label_ids, changes.add_labels).filter((id) => !changes.remove_labels.includes(id));
    lead.product_ids = union(lead.product_ids, changes.add_products);
    lead.phones = union(lead.phones, input.add_phones ?? []);
  }

  addNote(leadId, taskId, text) {
    this.state.notes.push({ id: this.nextId('notes'), lead_id: leadId, task_id: taskId, text, created_at: this.nowIso() });
  }

  /**
   * GET /enterprise/api/lead?phone= — the lead owning `phone`, primary phones first.
   * @param {string | null} phone
   */
  getLead(phone) {
    if (phone === null || phone === '') throw badRequest('phone is required');
    requireE164(phone, 'phone');
    const { leads } = this.state;
    const lead = leads.find((l) => l.phones[0] === phone) ?? leads.find((l) => l.phones.includes(phone));
    if (!lead) throw notFound('Lead not found');
    return leadView(this.state, lead);
  }

  /** The lead a `:lead_id` path segment names. */
  leadById(rawId) {
    if (!/^\d+$/.test(rawId)) throw badRequest('lead_id must be a number');
    const lead = this.state.leads.find((l) => l.id === Number(rawId));
    if (!lead) throw notFound('Lead not found');
    return lead;
  }

  /**
   * POST /enterprise/api/lead/:lead_id/task
   * @param {string} rawLeadId
   * @param {Record<string, unknown>} input
   */
  createTask(rawLeadId, input) {
    const lead = this.leadById(rawLeadId);
    checkTypes(input, TASK_FIELDS);
    if (input.type == null) throw badRequest('type is required');
    if (!TASK_TYPES.includes(input.type)) throw badRequest(`type must be one of ${TASK_TYPES.join(', ')}`);
    if (input.due_date == null) throw badRequest('due_date is required');
    const due = parseIsoDateTime(input.due_date, 'due_date');
    const now = this.clock();
    let notify = defaultNotifyAt(input.type, due, now);
    if (input.notify_at != null) {
      notify = parseIsoDateTime(input.notify_at, 'notify_at');
      if (notify <= now) throw badRequest('notify_at must be in the future');
      if (notify > due) throw badRequest('notify_at must not be after due_date');
    }

    const nowIso = this.nowIso();
    if (input.type !== 'REMINDER') {
      // One open non-reminder task per lead: a new one closes the others.
      for (const task of this.openTasks(lead.id).filter((t) => t.type !== 'REMINDER')) this.complete(task);
    }
    const task = {
      id: this.nextId('tasks'),
      org_id: this.state.org_id,
      customer_id: lead.id,
      title: null,
      type: input.type,
      due_date: new Date(due).toISOString(),
      notify_at: new Date(notify).toISOString(),
      notify: true,
      task_status: 'PENDING',
      status: 'ACTIVE',
      assignee_user_id: lead.assignee_user_id,
      created_by: this.state.api_user_id,
      updated_by: this.state.api_user_id,
      created_at: nowIso,
      updated_at: nowIso,
    };
    this.state.tasks.push(task);
    if (typeof input.customer_note === 'string' && input.customer_note !== '') {
      this.addNote(lead.id, task.id, input.customer_note);
    }
    return taskView(task);
  }

  /**
   * POST /enterprise/api/lead/:lead_id/task/complete — closes the newest PENDING task.
   * @param {string} rawLeadId
   */
  completeTask(rawLeadId) {
    const lead = this.leadById(rawLeadId);
    const [task] = newestFirst(this.openTasks(lead.id));
    if (!task) throw badRequest('No open task found for this lead');
    this.complete(task);
    return taskView(task);
  }

  /**
   * GET /enterprise/api/lead/:lead_id/task — newest first, at most 20 a page.
   * @param {string} rawLeadId
   * @param {URLSearchParams} query
   */
  listTasks(rawLeadId, query) {
    const lead = this.leadById(rawLeadId);
    const paging = parsePaging(query, { defaultSize: 20, maxSize: 20 });
    const tasks = newestFirst(this.state.tasks.filter((t) => t.customer_id === lead.id));
    return paginate(tasks.map(taskView), paging);
  }

  openTasks(leadId) {
    return this.state.tasks.filter((t) => t.customer_id === leadId && t.task_status === 'PENDING');
  }

  complete(task) {
    task.task_status = 'COMPLETE';
    task.status = 'COMPLETE';
    task.updated_at = this.nowIso();
    task.updated_by = this.state.api_user_id;
  }

  /**
   * GET /enterprise/api/<catalog>?text=&page=&page_size=
   * @param {keyof typeof CATALOGS} name
   * @param {URLSearchParams} query
   */
  listCatalog(name, query) {
    const paging = parsePaging(query, { defaultSize: 50 });
    const text = (query.get('text') ?? '').toLowerCase();
    const rows = this.state[CATALOGS[name]].filter((row) => row.title.toLowerCase().includes(text));
    if (name === 'lead-stage') rows.sort((a, b) => (a.position ?? Infinity) - (b.position ?? Infinity));
    return paginate(structuredClone(rows), paging);
  }
}

function uniqueByTitle(rows, title, missing, ambiguous) {
  const found = rows.filter((row) => row.title === title);
  if (found.length === 0) throw notFound(missing);
  if (found.length > 1) throw badRequest(ambiguous);
  return found[0].id;
}

function idsByTitle(rows, titles) {
  return rows.filter((row) => (titles ?? []).includes(row.title)).map((row) => row.id);
}

function union(list, additions) {
  return [...new Set([...list, ...additions])];
}

function newestFirst(tasks) {
  return [...tasks].sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id - a.id);
}

function defaultNotifyAt(type, due, now) {
  if (type === 'REMINDER') return due;
  if (type === 'FIRST_CALL') return now;
  return due - TEN_MINUTES;
}
