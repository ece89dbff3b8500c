// Types for `superfone-crm/emulator`: a stateful, in-memory Superfone CRM Enterprise API for
// offline development and tests — over HTTP (`startEmulator`), as an injectable `fetch`
// (`createMockFetch`) or as a bare web-standard handler (`createHandler`).

// ── Starting an emulator ──────────────────────────────────────────────────────────────────────

/**
 * Serves an emulator over node:http. `url` already ends in `/superfone`: pass it to the client
 * as `baseUrl`.
 *
 * @example
 * const emulator = await startEmulator();
 * const client = new SuperfoneClient({ baseUrl: emulator.url, apiKey: emulator.apiKey });
 * emulator.faults.next({ status: 429, retryAfter: 1 });
 * await emulator.close();
 */
export function startEmulator(options?: StartEmulatorOptions): Promise<RunningEmulator>;

/**
 * An in-process emulator as a `fetch`-compatible function (no sockets, no Node built-ins).
 * Requests are routed by path only, so any origin works, the SDK's default base URL included.
 * An aborted signal rejects like fetch (with the signal's reason, by default an `AbortError`
 * DOMException), also during an injected delay; a dropped connection rejects with
 * `TypeError('fetch failed')`.
 *
 * @example
 * const fetch = createMockFetch();
 * const client = new SuperfoneClient({ apiKey: 'sf_test_key', fetch });
 */
export function createMockFetch(options?: EmulatorOptions): MockFetch;

/**
 * The emulator as a web-standard handler (Request → Response), for service workers, Deno,
 * Bun or Cloudflare Workers. `handle` rejects with {@link ConnectionDropped} when a `reset`
 * fault says the connection drops.
 */
export function createHandler(options?: EmulatorOptions): EmulatorHandler;

/** A fresh copy of the default data (see {@link EmulatorSeed} for what it holds). */
export function defaultSeed(): Required<EmulatorSeed>;

/** The API key accepted when none is given: `"sf_test_key"`. */
export const DEFAULT_API_KEY: 'sf_test_key';

/** What `handle()` rejects with for a `reset` fault; transports turn it into a dropped connection. */
export class ConnectionDropped extends Error {
  name: 'ConnectionDropped';
  code: 'UND_ERR_SOCKET';
}

export interface EmulatorOptions {
  /** The only `x-api-key` accepted; anything else gets 401. Default `"sf_test_key"`. */
  apiKey?: string;
  /**
   * The initial data; default {@link defaultSeed}(). It replaces the default entirely
   * (omitted collections are empty): extend the default with `{ ...defaultSeed(), leads: [...] }`.
   * Typed `unknown` too, as in the package contract, so JSON parsed at run time passes as is;
   * a seed that is not an {@link EmulatorSeed} throws a TypeError naming the bad row.
   */
  seed?: EmulatorSeed | unknown;
  /** Current time in Unix milliseconds, for timestamps and the `notify_at` rules. Default `Date.now`. */
  clock?: () => number;
  /** Called once per request when it is answered, dropped or aborted. */
  onRequest?: (record: RequestRecord) => void;
}

export interface StartEmulatorOptions extends EmulatorOptions {
  /** Default 0: a free port. */
  port?: number;
  /** Default `"127.0.0.1"`. */
  host?: string;
}

/** What every emulator exposes to tests. */
export interface EmulatorControls {
  /** The accepted API key. */
  readonly apiKey: string;
  /** Fault injection for the next requests. */
  readonly faults: Faults;
  /**
   * Every request received, in order (CORS preflights excepted). The array is live and emptied
   * in place by `reset()`; use it to prove a request was, or was not, sent twice.
   */
  readonly requests: readonly RequestRecord[];
  /** Back to the seed: data, ids, faults and the request log. */
  reset(): void;
  /**
   * A deep copy of the internal state, seed-shaped (so it can seed another emulator), with what
   * the API does not show: lead notes (`customer_note`s), lead products, team member phones.
   */
  inspect(): EmulatorState;
}

export interface EmulatorHandler extends EmulatorControls {
  handle(request: Request): Promise<Response>;
}

export interface MockFetch extends EmulatorControls {
  (input: Request | string | URL, init?: RequestInit): Promise<Response>;
  readonly handler: EmulatorHandler;
}

export interface RunningEmulator extends EmulatorControls {
  /** `http://127.0.0.1:PORT/superfone` */
  readonly url: string;
  readonly port: number;
  readonly handler: EmulatorHandler;
  /** Stops listening and closes every connection (keep-alive ones too). Safe to call twice. */
  close(): Promise<void>;
}

// ── Faults ────────────────────────────────────────────────────────────────────────────────────

/**
 * A fault for the next `count` requests that match `path` and `method`. Faults are checked
 * before authentication and routing; the first queued fault that matches is used.
 *
 * A fault with `status`, `body`, `html`, `malformed` or `retryAfter` answers in place of the API
 * (the request has no effect). A fault with only `delayMs` and/or `headers` lets the request
 * through, late and/or with extra headers. `reset` drops the connection.
 *
 * @example
 * faults.next({ status: 429, retryAfter: 2 });                    // 429, Retry-After: 2, {"message":"Too Many Requests"}
 * faults.next({ status: 503, count: 2 });                         // the next two requests
 * faults.next({ path: '/enterprise/api/lead', method: 'POST', reset: 'after-body' });
 * faults.next({ path: '/enterprise/api/lead/:lead_id/task', delayMs: 2000 });
 */
export interface FaultSpec {
  /**
   * Which paths: relative to the base URL (`/enterprise/api/lead`) or in full
   * (`/superfone/enterprise/api/lead`); `:name` or `*` match any one segment
   * (`/enterprise/api/lead/:lead_id/task`). A RegExp is tested against the full pathname.
   * Default: every path.
   */
  path?: string | RegExp;
  /** Which method, case-insensitive. Default: every method. */
  method?: string;
  /**
   * The status to answer with (200–599). Default 502 with `html`, 429 with `retryAfter`,
   * 200 with `malformed` or `body`. With no body option the body is `{"message": "<reason phrase>"}`.
   */
  status?: number;
  /** A custom body: a string is sent as is (text/plain), anything else as JSON. */
  body?: string | JsonValue;
  /** Extra response headers (also on a response the request lets through). */
  headers?: Record<string, string>;
  /** The Retry-After header: seconds, or an HTTP-date string. */
  retryAfter?: number | string;
  /** Wait this long first (abortable), then answer normally or with the fault. */
  delayMs?: number;
  /**
   * Drop the connection without a response: node server destroys the socket, createMockFetch
   * rejects with `TypeError('fetch failed')`. `true`: before the request has any effect.
   * `'after-body'`: after the request fully took effect (response lost on the way back).
   */
  reset?: true | 'after-body';
  /** Answer with a truncated JSON body declared as application/json. */
  malformed?: true;
  /** Answer with an nginx-style HTML error page (text/html). */
  html?: true;
  /** How many matching requests the fault applies to: a positive integer or Infinity. Default 1. */
  count?: number;
}

export interface Faults {
  /** Queues a fault; throws TypeError for unknown options or impossible combinations. */
  next(spec: FaultSpec): Faults;
  /** Drops every queued fault. */
  clear(): void;
  /** Matching requests still to be faulted, summed over the queue (Infinity if any is endless). */
  readonly pending: number;
}

export type FaultKind = 'status' | 'html' | 'malformed' | 'body' | 'delay' | 'headers' | 'reset' | 'reset-after-body';

export interface RequestRecord {
  method: string;
  /** The full pathname, e.g. `/superfone/enterprise/api/lead`. */
  path: string;
  /** The raw query string without `?`. */
  query: string;
  /** The status answered (for `reset: 'after-body'`: the one that was lost); null if none. */
  status: number | null;
  /** The fault that shaped this request, if any. */
  fault: FaultKind | null;
  outcome: 'pending' | 'answered' | 'dropped' | 'aborted';
}

// ── Seed and state ────────────────────────────────────────────────────────────────────────────

/**
 * The emulator's initial data (JSON-compatible, so `--seed file.json` works). Every collection
 * is optional; rows may omit any field but the ones marked required, and missing ids are assigned.
 *
 * The default seed (`defaultSeed()`): org 4242, API user 101; source types CSV_UPLOAD,
 * FACEBOOK_INTEGRATION, PHONE_CONTACT, WHATSAPP_MESSAGE, WHATSAPP_INTEGRATION, PABBLY, OTHERS;
 * 120 labels (Hot, Warm, Cold, VIP, Referral, Newsletter, Callback, Enterprise, SMB, Priority,
 * Do Not Call, Archived (DISABLED), Segment 001–108); lead stages New (INITIAL), Contacted,
 * Qualified, Qualified (duplicate title), Proposal Sent, Won (FINAL_POSITIVE), Lost
 * (FINAL_NEGATIVE); lead groups Inbound, Outbound, Partners, Partners (duplicate title), Events;
 * products Starter Plan 999 INR, Growth Plan 2499 INR, Enterprise Plan 9999 INR, Setup Fee
 * 4999 INR, US Virtual Number 15 USD; team members 101 Asha Rao +918000000101, 102 Vikram Mehta
 * +918000000102, 103 Sara Khan +14155550103; leads 1001 Priya Sharma (+918000000001,
 * +918000000011) with open task 5001, and 1002/1003 sharing the primary phone +918000000099.
 */
export interface EmulatorSeed {
  /** Default 1. */
  org_id?: number;
  /** The team member id the API key acts as (`created_by`); default the first team member. */
  api_user_id?: number;
  source_types?: Array<Partial<SourceType> & { title: string }>;
  labels?: Array<Partial<Label> & { title: string }>;
  lead_stages?: Array<Partial<LeadStage> & { title: string }>;
  lead_groups?: Array<Partial<LeadGroup> & { title: string }>;
  products?: Array<Partial<Product> & { title: string }>;
  team_members?: Array<Partial<TeamMember> & { phone: string }>;
  leads?: Array<Partial<SeedLead> & { phones: Array<string | { phone: string }> }>;
  tasks?: Array<Partial<Task> & { customer_id: number; type: TaskType; due_date: string }>;
  notes?: Array<Partial<Note> & { lead_id: number; text: string }>;
}

/** What `inspect()` returns: every collection, every field filled in. */
export interface EmulatorState {
  org_id: number;
  api_user_id: number;
  source_types: SourceType[];
  labels: Label[];
  lead_stages: LeadStage[];
  lead_groups: LeadGroup[];
  products: Product[];
  team_members: TeamMember[];
  leads: SeedLead[];
  tasks: Task[];
  notes: Note[];
}

/** A team member; `phone` is what `assignee_user_phone` matches. */
export interface TeamMember {
  id: number;
  first_name: string | null;
  last_name: string | null;
  phone: string;
}

/** A lead as stored: references by id; `phones[0]` is the primary phone. */
export interface SeedLead extends LeadFields {
  phones: string[];
  label_ids: number[];
  product_ids: number[];
}

/** A `customer_note`, from an upsert (`task_id` null) or a task. Not visible through the API. */
export interface Note {
  id: number;
  lead_id: number;
  task_id: number | null;
  text: string;
  created_at: string;
}

// ── Wire shapes (API.md) ──────────────────────────────────────────────────────────────────────

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export interface Address {
  text: string | null;
  additional: string | null;
  initials: string | null;
  latitude: number | null;
  longitude: number | null;
}

/** The scalar fields a lead has both as stored and on the wire. */
export interface LeadFields {
  id: number;
  org_id: number;
  first_name: string | null;
  last_name: string | null;
  website: string | null;
  business_name: string | null;
  additional_info: string | null;
  city: string | null;
  status: string | null;
  source: string | null;
  source_type: string | null;
  email: string[] | null;
  deal_value: number | null;
  address: Address;
  assignee_user_id: number | null;
  lead_stage_id: number | null;
  lead_group_id: number | null;
  created_at: string;
  updated_at: string | null;
}

export interface Lead extends LeadFields {
  phones: Array<{ phone: string; customer_id: number }>;
  labels: Array<Pick<Label, 'id' | 'title' | 'colour' | 'text_colour' | 'status'>>;
  lead_stage: Pick<LeadStage, 'id' | 'title' | 'org_id' | 'status' | 'type' | 'position'> | null;
  lead_group: Pick<LeadGroup, 'id' | 'title' | 'org_id' | 'status' | 'type'> | null;
  assignee_user: { id: number; first_name: string | null; last_name: string | null } | null;
}

export type TaskType = 'FOLLOW_UP_CALL' | 'FIRST_CALL' | 'CALLBACK_REQUEST' | 'SITE_VISIT' | 'REMINDER' | 'BOOKING';

export interface Task {
  id: number;
  org_id: number;
  customer_id: number;
  title: string | null;
  type: TaskType;
  due_date: string;
  notify_at: string;
  notify: boolean;
  task_status: 'PENDING' | 'COMPLETE';
  status: 'ACTIVE' | 'COMPLETE';
  assignee_user_id: number | null;
  created_by: number;
  updated_by: number;
  created_at: string;
  updated_at: string;
}

interface Audited {
  id: number;
  org_id: number;
  title: string;
  status: string;
  created_by: number;
  updated_by: number;
  created_at: string;
  updated_at: string;
}

export interface SourceType {
  id: number;
  title: string;
}

export interface Label extends Audited {
  status: 'ACTIVE' | 'DISABLED';
  colour: string;
  text_colour: string;
}

export interface LeadStage extends Audited {
  type: 'INITIAL' | 'FINAL_POSITIVE' | 'FINAL_NEGATIVE' | 'NONE' | null;
  position: number | null;
  is_editable: boolean;
  identifier: string | null;
}

export interface LeadGroup extends Audited {
  type: string | null;
}

export interface Product extends Audited {
  description: string | null;
  price: number | null;
  /** ISO 4217 */
  currency: string | null;
  link: string | null;
  images: string[];
}

export interface Page<T> {
  rows: T[];
  total_pages: number;
  current_page: number;
  page_size: number;
  total_items: number;
}
