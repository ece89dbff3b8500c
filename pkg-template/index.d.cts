// Types of `superfone-crm`: the one source of the package's declarations.
//
// This file is what `require('superfone-crm')` sees (CommonJS: named exports on `module.exports`,
// no `default`). `index.d.ts`, what `import` sees, re-exports everything from here and adds the
// ESM entry's `export default`, so both module systems get the very same types.
//
// Conventions:
// - Wire field names are the API's own (`customer_phone`, `page_size`, …).
// - Response objects are decoded leniently: a field the SDK does not require when decoding is
//   declared optional (`?`), and a field that may hold `null` says so. Fields the server adds
//   beyond these are kept on the object at runtime but are not typed.
// - Enumerations the server sends (statuses, stage types, …) list the documented values for
//   autocompletion and stay open to new ones (`| (string & {})`); enumerations you send, which the
//   SDK checks before sending (`TaskType`), are closed.
// - Optional input fields accept `undefined`, which the SDK treats as absent.

// ── Client ────────────────────────────────────────────────────────────────────────────────────

/**
 * Options of {@link SuperfoneClient}. Unknown keys are refused (a `SuperfoneError` of kind
 * `'validation'`), so a misspelt option cannot be silently ignored.
 *
 * @example
 * const client = new SuperfoneClient({ apiKey: process.env.SUPERFONE_API_KEY!, timeoutMs: 10_000 });
 */
export interface ClientOptions {
  /**
   * Your Superfone API key, sent as `x-api-key`. It never appears in errors, logs, `toString()`
   * or the JSON of the client.
   */
  apiKey: string;
  /**
   * Where the API lives. Default `"https://prod-api.superfone.co.in/superfone"`; `http://` is
   * accepted only for loopback hosts (e.g. a local emulator).
   */
  baseUrl?: string | undefined;
  /** Time limit of each attempt, in milliseconds: more than 0, at most 2147483647. Default `30000`. */
  timeoutMs?: number | undefined;
  /** Retries after the first attempt of a retryable failure, 0 to 10. Default `2`; `0` disables retries. */
  maxRetries?: number | undefined;
  /**
   * The `fetch` to send requests with. Default: the runtime's global `fetch`.
   *
   * @example
   * import { createMockFetch } from 'superfone-crm/emulator';
   * const client = new SuperfoneClient({ apiKey: 'sf_test_key', fetch: createMockFetch() });
   */
  fetch?: ((request: Request) => Promise<Response>) | undefined;
  /**
   * Extra headers sent on every request: a plain object, or a `Headers` or `Map` (read once,
   * when the client is made).
   */
  headers?: Record<string, string> | Headers | ReadonlyMap<string, string> | undefined;
  /** Appended to the SDK's own `user-agent`, e.g. `"my-app/1.2"`. */
  userAgent?: string | undefined;
  /**
   * Constructing a client in a browser page throws unless this is `true`: anyone who can open
   * the page can read the API key. Prefer calling the API from your server.
   */
  dangerouslyAllowBrowser?: boolean | undefined;
}

/**
 * Per-call options, the last argument of every client method.
 *
 * @example
 * const lead = await client.getLead('+918000000001', { signal: AbortSignal.timeout(5000), maxRetries: 0 });
 */
export interface RequestOptions {
  /** Aborts the call (and any retry wait): it rejects with a `SuperfoneError` of kind `'aborted'`. */
  signal?: AbortSignal | undefined;
  /** Overrides the client's `timeoutMs` for this call (per attempt). */
  timeoutMs?: number | undefined;
  /** Overrides the client's `maxRetries` for this call. */
  maxRetries?: number | undefined;
}

/** Which page of a list to fetch (List Tasks). */
export interface PageQuery {
  /** The page, from `1`. Default `1`. */
  page?: number | undefined;
  /** Rows per page. Default `20` for tasks (at most `20`), `50` for catalogs. */
  page_size?: number | undefined;
}

/** Which page of a catalog to fetch, optionally filtered by title. */
export interface CatalogQuery extends PageQuery {
  /** Keeps the rows whose `title` contains this text (case-insensitive). */
  text?: string | undefined;
}

/** The query of {@link SuperfoneClient.iterateTasks}: where to start, and how many rows at most. */
export interface TaskIterationQuery extends PageQuery {
  /** Stop after this many rows (a whole number, `0` or more). Default: every row. */
  limit?: number | undefined;
}

/** The query of the catalog `iterate*` methods: filter, where to start, and how many rows at most. */
export interface CatalogIterationQuery extends CatalogQuery {
  /** Stop after this many rows (a whole number, `0` or more). Default: every row. */
  limit?: number | undefined;
}

/**
 * One page of a list endpoint.
 *
 * @example
 * const page = await client.listLabels({ page: 2 });
 * const hasNext = page.current_page < page.total_pages;
 */
export interface Page<T> {
  /** This page's rows, in the API's order. */
  rows: T[];
  /** How many pages there are at this `page_size`. */
  total_pages: number;
  /** This page's number, from `1`. */
  current_page: number;
  /** Rows per page (the query's, or the API's default). */
  page_size: number;
  /** Rows across all pages. */
  total_items: number;
}

/**
 * The Superfone CRM Enterprise API client. Every method validates its input first (the checks
 * of {@link validateUpsertLead}, {@link validateCreateTask}, {@link isValidE164}); a call they
 * reject is never sent. Every failure rejects with a {@link SuperfoneError}.
 *
 * @example
 * import { SuperfoneClient } from 'superfone-crm';
 *
 * const client = new SuperfoneClient({ apiKey: process.env.SUPERFONE_API_KEY! });
 * await client.upsertLead({
 *   customer_phone: '+918000000001',
 *   create_customer_if_customer_phone_not_found: true,
 *   first_name: 'Priya',
 * });
 * const lead = await client.getLead('+918000000001');
 * await client.createTask(lead.id, { type: 'FOLLOW_UP_CALL', due_date: '2026-05-20T15:00:00Z' });
 */
export declare class SuperfoneClient {
  /**
   * Checks `options` and builds a client; throws a `SuperfoneError` of kind `'validation'` when
   * they are wrong (missing `apiKey`, unknown option, a browser page without
   * `dangerouslyAllowBrowser`, …).
   */
  constructor(options: ClientOptions);

  /**
   * Creates or updates the lead whose primary phone is `input.customer_phone`
   * (`POST /enterprise/api/lead`); resolves to the response's `data`.
   *
   * Superfone does not document this response's shape: expect a lead, but the SDK cannot
   * vouch for its fields. Read a lead you rely on with {@link SuperfoneClient.getLead}.
   *
   * @example
   * await client.upsertLead({ customer_phone: '+918000000001', lead_stage_name: 'Qualified', add_labels: ['VIP'] });
   */
  upsertLead(input: UpsertLeadInput, options?: RequestOptions): Promise<Lead>;

  /**
   * The lead that has `phone` (E.164, primary or secondary) among its phones
   * (`GET /enterprise/api/lead`). Rejects with kind `'not_found'` when none has it.
   *
   * @example
   * const lead = await client.getLead(normalizePhone('080000 00001', '91'));
   */
  getLead(phone: string, options?: RequestOptions): Promise<Lead>;

  /**
   * Creates a task on lead `leadId` (the `id` of a {@link Lead}). Creating any task but a
   * `REMINDER` completes the lead's other open non-reminder tasks.
   *
   * @example
   * await client.createTask(lead.id, {
   *   type: 'CALLBACK_REQUEST',
   *   due_date: new Date(Date.now() + 3_600_000),
   *   customer_note: 'Asked for a call after lunch',
   * });
   */
  createTask(leadId: number, input: CreateTaskInput, options?: RequestOptions): Promise<Task>;

  /**
   * Completes the lead's most recently created `PENDING` task; resolves to the response's
   * `data` (a task, though Superfone does not document its shape). Rejects with kind
   * `'bad_request'` when the lead has no open task.
   */
  completeTask(leadId: number, options?: RequestOptions): Promise<Task>;

  /** One page of the lead's tasks, newest first (`page_size` at most `20`). */
  listTasks(leadId: number, query?: PageQuery, options?: RequestOptions): Promise<Page<Task>>;

  /** One page of the source types (`title`s such as `"OTHERS"`, usable as `source_type`). */
  listSourceTypes(query?: CatalogQuery, options?: RequestOptions): Promise<Page<SourceType>>;

  /** One page of the labels (their `title`s go in `add_labels` / `remove_labels`). */
  listLabels(query?: CatalogQuery, options?: RequestOptions): Promise<Page<Label>>;

  /** One page of the lead stages (their `title`s go in `lead_stage_name`). */
  listLeadStages(query?: CatalogQuery, options?: RequestOptions): Promise<Page<LeadStage>>;

  /** One page of the lead groups (their `title`s go in `lead_group_name`). */
  listLeadGroups(query?: CatalogQuery, options?: RequestOptions): Promise<Page<LeadGroup>>;

  /** One page of the products (their `title`s go in `add_products`). */
  listProducts(query?: CatalogQuery, options?: RequestOptions): Promise<Page<Product>>;

  /**
   * Every task of the lead, newest first, across pages fetched lazily (one request per page,
   * from `query.page`), stopping after `query.limit` rows if given.
   *
   * @example
   * for await (const task of client.iterateTasks(lead.id, { limit: 100 })) {
   *   if (task.task_status === 'PENDING') console.log(task.type, task.due_date);
   * }
   */
  iterateTasks(leadId: number, query?: TaskIterationQuery, options?: RequestOptions): AsyncGenerator<Task, void, undefined>;

  /** Every source type, across pages fetched lazily; see {@link SuperfoneClient.iterateLabels}. */
  iterateSourceTypes(query?: CatalogIterationQuery, options?: RequestOptions): AsyncGenerator<SourceType, void, undefined>;

  /**
   * Every label, across pages fetched lazily (one request per page), stopping after
   * `query.limit` rows if given.
   *
   * @example
   * const titles: string[] = [];
   * for await (const label of client.iterateLabels({ text: 'segment', page_size: 100 })) titles.push(label.title);
   */
  iterateLabels(query?: CatalogIterationQuery, options?: RequestOptions): AsyncGenerator<Label, void, undefined>;

  /** Every lead stage, across pages fetched lazily; see {@link SuperfoneClient.iterateLabels}. */
  iterateLeadStages(query?: CatalogIterationQuery, options?: RequestOptions): AsyncGenerator<LeadStage, void, undefined>;

  /** Every lead group, across pages fetched lazily; see {@link SuperfoneClient.iterateLabels}. */
  iterateLeadGroups(query?: CatalogIterationQuery, options?: RequestOptions): AsyncGenerator<LeadGroup, void, undefined>;

  /** Every product, across pages fetched lazily; see {@link SuperfoneClient.iterateLabels}. */
  iterateProducts(query?: CatalogIterationQuery, options?: RequestOptions): AsyncGenerator<Product, void, undefined>;

  /** `"SuperfoneClient(<baseUrl>)"`: never the API key. */
  toString(): string;

  /** `{ baseUrl }`: never the API key. */
  toJSON(): { baseUrl: string };
}

// ── Errors ────────────────────────────────────────────────────────────────────────────────────

/**
 * What went wrong, for {@link SuperfoneError.kind}:
 * - `'validation'`: refused before any request was sent (bad phone, bad lead id, missing field, …)
 * - `'bad_request'`: HTTP 400 · `'unauthorized'`: HTTP 401 · `'not_found'`: HTTP 404 ·
 *   `'rate_limited'`: HTTP 429
 * - `'server'`: HTTP 5xx, or any other unexpected status
 * - `'timeout'`: an attempt ran past `timeoutMs` · `'aborted'`: your `signal` fired ·
 *   `'network'`: no response (connection refused or reset, DNS, CORS, …)
 * - `'decode'`: a response that is not the documented envelope
 */
export type SuperfoneErrorKind =
  | 'validation'
  | 'bad_request'
  | 'unauthorized'
  | 'not_found'
  | 'rate_limited'
  | 'server'
  | 'timeout'
  | 'aborted'
  | 'network'
  | 'decode';

/** The second argument of the {@link SuperfoneError} constructor. */
export interface SuperfoneErrorDetails {
  /** Becomes {@link SuperfoneError.kind}. */
  kind: SuperfoneErrorKind;
  /** Becomes {@link SuperfoneError.status}; left out when `undefined`. */
  status?: number | undefined;
  /** Becomes {@link SuperfoneError.field}; left out when `undefined`. */
  field?: string | undefined;
  /** Becomes {@link SuperfoneError.body}; left out when `undefined`. */
  body?: unknown;
  /** Becomes {@link SuperfoneError.retryable}. */
  retryable: boolean;
}

/**
 * Every failure of the SDK — bad input caught before sending, an HTTP error, a timeout, an
 * abort, a network failure, an undecodable body — is a `SuperfoneError`; switch on `kind`.
 *
 * @example
 * try {
 *   await client.getLead('+918000000001');
 * } catch (err) {
 *   if (!(err instanceof SuperfoneError)) throw err;
 *   if (err.kind === 'not_found') return null;
 *   if (err.kind === 'validation') console.error(`${err.field}: ${err.message}`);
 *   throw err;
 * }
 */
export declare class SuperfoneError extends Error {
  /** Builds an error; the SDK builds them itself, this is for tests and wrappers. */
  constructor(message: string, details: SuperfoneErrorDetails);
  /** Always `'SuperfoneError'`. */
  name: 'SuperfoneError';
  /** What went wrong: see {@link SuperfoneErrorKind}. */
  kind: SuperfoneErrorKind;
  /** The HTTP status, when a response arrived. */
  status?: number;
  /** For HTTP errors: the server's `message`, verbatim, when it sent one. */
  message: string;
  /** For `'validation'`: the input field at fault, e.g. `"customer_phone"` or `"add_phones[1]"`. */
  field?: string;
  /** The parsed error body, when there was one (for HTTP errors, typically `{ message }`). */
  body?: unknown;
  /**
   * Whether the same call may succeed if made again later (a transient failure) and is safe to
   * repeat: `false` for a timed-out `createTask`, whose first attempt may have taken effect.
   */
  retryable: boolean;
}

// ── Validation (synchronous, no client, no network) ───────────────────────────────────────────

/** One problem with an input: the field at fault (as the API spells it) and what is wrong. */
export interface ValidationIssue {
  /** E.g. `"customer_phone"`, `"add_phones[1]"`, `"address.latitude"`, or `"input"` for the whole input. */
  field: string;
  /** A sentence naming the rule, e.g. `"must be a string in E.164 format, like +918000000001 (got 8000000001)"`. */
  message: string;
}

/**
 * Whether `phone` is in E.164: `+`, then 1–9, then only digits, 2 to 15 digits in all.
 *
 * @example
 * isValidE164('+918000000001'); // true
 * isValidE164('+91 80000 00001'); // false
 */
export declare function isValidE164(phone: string): boolean;

/**
 * What a person typed, as E.164: drops spaces, dashes, dots and brackets, reads a leading `00`
 * as `+`, and puts `defaultCountryCode` (`"91"` or `"+91"`) in front of a national number (one
 * trunk `0` dropped, except where the `0` is part of the number: Italy `39`, San Marino `378`,
 * Vatican `379`, Côte d'Ivoire `225`, Congo `242`). Throws a {@link SuperfoneError} of kind
 * `'validation'` when it cannot.
 *
 * @example
 * normalizePhone('+91 80000-00001'); // '+918000000001'
 * normalizePhone('(415) 555-2671', '1'); // '+14155552671'
 */
export declare function normalizePhone(input: string, defaultCountryCode?: string): string;

/**
 * Every problem with an upsert-lead input, `[]` when it may be sent: the checks
 * {@link SuperfoneClient.upsertLead} runs. Accepts anything (e.g. a parsed form).
 *
 * @example
 * const issues = validateUpsertLead({ customer_phone: '8000000001' });
 * // [{ field: 'customer_phone', message: 'must be in E.164 format, like +918000000001 (got "8000000001"): …' }]
 */
export declare function validateUpsertLead(input: unknown): ValidationIssue[];

/**
 * Every problem with a create-task input, `[]` when it may be sent: the checks
 * {@link SuperfoneClient.createTask} runs. `now` (a `Date`, or Unix milliseconds; default the
 * clock) is the instant `notify_at` must be after.
 *
 * @example
 * validateCreateTask({ type: 'REMINDER', due_date: '2026-05-20T15:00:00Z' }, new Date('2026-05-20T14:00:00Z')); // []
 */
export declare function validateCreateTask(input: unknown, now?: Date | number): ValidationIssue[];

// ── Inputs ────────────────────────────────────────────────────────────────────────────────────

/** The documented source-type titles (the fields also admit any other the server defines). */
export type SourceTypeTitle =
  | 'CSV_UPLOAD'
  | 'FACEBOOK_INTEGRATION'
  | 'PHONE_CONTACT'
  | 'WHATSAPP_MESSAGE'
  | 'WHATSAPP_INTEGRATION'
  | 'PABBLY'
  | 'OTHERS';

/**
 * A lead's address: sent in {@link UpsertLeadFields.address}, read in {@link Lead.address}.
 * Every part may be left out or `null`; unknown parts are refused when sending.
 *
 * @example
 * const address: Address = { text: '12 MG Road, Bengaluru', latitude: 12.97, longitude: 77.59 };
 */
export interface Address {
  /** The address itself, e.g. `"12 MG Road, Bengaluru"`. */
  text?: string | null | undefined;
  /** A second line: floor, landmark, … */
  additional?: string | null | undefined;
  /** Part of Superfone's address shape; its meaning is undocumented. */
  initials?: string | null | undefined;
  /** Degrees, from −90 to 90. */
  latitude?: number | null | undefined;
  /** Degrees, from −180 to 180. */
  longitude?: number | null | undefined;
}

/**
 * The fields of an upsert other than `add_labels` / `remove_labels` (see {@link UpsertLeadInput}).
 * Unknown keys are refused before sending.
 */
export interface UpsertLeadFields {
  /** The lead's primary phone, in E.164 (e.g. `"+918000000001"`): the lookup key. */
  customer_phone: string;
  /**
   * Create the lead when no lead has `customer_phone`. Default `false`: then the call rejects
   * with kind `'bad_request'` (`"Customer not found"`).
   */
  create_customer_if_customer_phone_not_found?: boolean | undefined;
  /** The lead's first name. */
  first_name?: string | undefined;
  /** The lead's last name. */
  last_name?: string | undefined;
  /** One or more email addresses (an empty list is refused: leave the field out instead). */
  email?: string[] | undefined;
  /** The lead's website. */
  website?: string | undefined;
  /** The lead's address. */
  address?: Address | undefined;
  /** The lead's city. */
  city?: string | undefined;
  /** The lead's company. */
  business_name?: string | undefined;
  /** Free-form notes on the lead. */
  additional_info?: string | undefined;
  /** The deal's value (a finite number). */
  deal_value?: number | undefined;
  /** Free text, e.g. `"website-form"`. */
  source?: string | undefined;
  /** One of the source-type titles (see {@link SuperfoneClient.listSourceTypes}). */
  source_type?: SourceTypeTitle | (string & {}) | undefined;
  /** E.164 phone of a team member to assign the lead to; `null` unassigns. */
  assignee_user_phone?: string | null | undefined;
  /** A lead stage's exact `title`; `null` clears the stage. An unknown title rejects with `'not_found'`. */
  lead_stage_name?: string | null | undefined;
  /** A lead group's exact `title`; `null` clears the group. An unknown title rejects with `'not_found'`. */
  lead_group_name?: string | null | undefined;
  /** Product titles to add to the lead; unknown ones are ignored by the server. */
  add_products?: string[] | undefined;
  /** Extra phones (E.164) for the lead. */
  add_phones?: string[] | undefined;
  /** A note added to the lead's timeline (once per request that carries it). */
  customer_note?: string | undefined;
}

/** An upsert that may add labels (and so removes none). */
export interface UpsertLeadAddingLabels extends UpsertLeadFields {
  /** Label titles to add; unknown ones are ignored by the server. Not with `remove_labels`. */
  add_labels?: string[] | undefined;
  /** Not with `add_labels`: send two requests, one adding and one removing labels. */
  remove_labels?: undefined;
}

/** An upsert that removes labels (and so adds none). */
export interface UpsertLeadRemovingLabels extends UpsertLeadFields {
  /** Not with `remove_labels`: send two requests, one adding and one removing labels. */
  add_labels?: undefined;
  /** Label titles to remove. Not with `add_labels`. */
  remove_labels: string[];
}

/**
 * The body of Create or Update Lead: the lead whose primary phone is `customer_phone` is
 * updated (or created, with `create_customer_if_customer_phone_not_found: true`). Left-out
 * fields are left as they are; `null` clears the three fields that allow it. The API refuses
 * `add_labels` together with `remove_labels`, and so does this type.
 *
 * @example
 * const input: UpsertLeadInput = {
 *   customer_phone: '+918000000001',
 *   create_customer_if_customer_phone_not_found: true,
 *   first_name: 'Priya',
 *   email: ['priya@example.com'],
 *   lead_stage_name: 'New',
 *   add_labels: ['Hot'],
 * };
 */
export type UpsertLeadInput = UpsertLeadAddingLabels | UpsertLeadRemovingLabels;

/**
 * The six task types of Create Task. Creating any but a `REMINDER` completes the lead's other
 * open non-reminder tasks.
 */
export type TaskType = 'FOLLOW_UP_CALL' | 'FIRST_CALL' | 'CALLBACK_REQUEST' | 'SITE_VISIT' | 'REMINDER' | 'BOOKING';

/**
 * The body of Create Task. Dates are ISO 8601 strings with a time zone
 * (`"2026-05-20T15:00:00Z"`, `"2026-05-20T20:30:00+05:30"`) or `Date`s, which the SDK sends as
 * ISO strings. There is no assignee: the task takes the lead's current assignee.
 *
 * @example
 * const input: CreateTaskInput = { type: 'SITE_VISIT', due_date: '2026-05-20T15:00:00Z', notify_at: '2026-05-20T14:00:00Z' };
 */
export interface CreateTaskInput {
  /** What kind of task: one of the six {@link TaskType}s, exactly as spelt there. */
  type: TaskType;
  /** When the task is due. */
  due_date: string | Date;
  /**
   * When to notify; must be after now and not after `due_date`. Server default: `REMINDER` →
   * `due_date`, `FIRST_CALL` → immediately, the others → 10 minutes before `due_date`.
   */
  notify_at?: string | Date | undefined;
  /** Shown on the lead's timeline. */
  customer_note?: string | undefined;
}

// ── Responses ─────────────────────────────────────────────────────────────────────────────────

/** The documented statuses of a label or lead stage (the fields also admit newer values). */
export type CatalogStatus = 'ACTIVE' | 'DISABLED';

/** The documented types of a lead stage (the fields also admit newer values). */
export type LeadStageType = 'INITIAL' | 'FINAL_POSITIVE' | 'FINAL_NEGATIVE' | 'NONE';

/** The documented values of a task's `task_status`: `PENDING` until completed. */
export type TaskStatus = 'PENDING' | 'COMPLETE';

/** The documented values of a task's `status` (the record's state). */
export type TaskRecordStatus = 'ACTIVE' | 'COMPLETE';

/** One phone of a lead. */
export interface LeadPhone {
  /** E.164. */
  phone: string;
  /** The lead's `id`. */
  customer_id: number;
}

/** A label as a lead carries it (see {@link Label} for the catalog row). */
export interface LeadLabel {
  /** The label's id. */
  id: number;
  /** The label's name: what `add_labels` / `remove_labels` take. */
  title: string;
  /** Background colour, e.g. `"#F44336"`. */
  colour?: string | null;
  /** Text colour, e.g. `"#FFFFFF"`. */
  text_colour?: string | null;
  /** `'ACTIVE'` or `'DISABLED'`. */
  status?: CatalogStatus | (string & {}) | null;
}

/** A lead's stage (see {@link LeadStage} for the catalog row). */
export interface LeadStageRef {
  /** The stage's id (a lead's `lead_stage_id`). */
  id: number;
  /** The stage's name: what `lead_stage_name` takes. */
  title: string;
  /** The account's id. */
  org_id?: number | null;
  /** `'ACTIVE'` or `'DISABLED'`. */
  status?: CatalogStatus | (string & {}) | null;
  /** Where the stage stands in the pipeline: `'INITIAL'`, `'FINAL_POSITIVE'` (won), `'FINAL_NEGATIVE'` (lost) or `'NONE'`. */
  type?: LeadStageType | (string & {}) | null;
  /** Order of the stage in the pipeline. */
  position?: number | null;
}

/** A lead's group (see {@link LeadGroup} for the catalog row). */
export interface LeadGroupRef {
  /** The group's id (a lead's `lead_group_id`). */
  id: number;
  /** The group's name: what `lead_group_name` takes. */
  title: string;
  /** The account's id. */
  org_id?: number | null;
  /** E.g. `"ACTIVE"` (values undocumented). */
  status?: string | null;
  /** Values undocumented by Superfone. */
  type?: string | null;
}

/** The team member a lead is assigned to. */
export interface AssigneeUser {
  /** The team member's id (a lead's `assignee_user_id`). */
  id: number;
  /** The team member's first name. */
  first_name?: string | null;
  /** The team member's last name. */
  last_name?: string | null;
}

/**
 * A lead, as Get Lead returns it. `id` is what the task methods take. Superfone documents every
 * field as present (`null` when unset); the SDK still accepts a response that leaves one out,
 * hence the `?` on all but `id`, `org_id`, `created_at`, `phones` and `labels`.
 *
 * @example
 * const lead = await client.getLead('+918000000001');
 * const name = [lead.first_name, lead.last_name].filter(Boolean).join(' ');
 * const stage = lead.lead_stage?.title ?? '(no stage)';
 */
export interface Lead {
  /** The lead's id (the `leadId` of the task methods). */
  id: number;
  /** The account's id. */
  org_id: number;
  /** The lead's first name. */
  first_name?: string | null;
  /** The lead's last name. */
  last_name?: string | null;
  /** The lead's website. */
  website?: string | null;
  /** The lead's company. */
  business_name?: string | null;
  /** Free-form notes on the lead. */
  additional_info?: string | null;
  /** The lead's city. */
  city?: string | null;
  /** E.g. `"ACTIVE"` (values undocumented). */
  status?: string | null;
  /** Free text, e.g. `"website-form"`. */
  source?: string | null;
  /** A source-type title, e.g. `"OTHERS"`. */
  source_type?: SourceTypeTitle | (string & {}) | null;
  /** The lead's email addresses. */
  email?: string[] | null;
  /** The deal's value. */
  deal_value?: number | null;
  /** The lead's address. */
  address?: Address | null;
  /** The assigned team member's id (see `assignee_user`). */
  assignee_user_id?: number | null;
  /** The stage's id (see `lead_stage`). */
  lead_stage_id?: number | null;
  /** The group's id (see `lead_group`). */
  lead_group_id?: number | null;
  /** ISO 8601, e.g. `"2026-04-01T10:30:00.000Z"`. */
  created_at: string;
  /** ISO 8601. */
  updated_at?: string | null;
  /** Every phone of the lead, the primary one included. */
  phones: LeadPhone[];
  /** The lead's labels. */
  labels: LeadLabel[];
  /** The lead's stage, `null` when it has none. */
  lead_stage?: LeadStageRef | null;
  /** The lead's group, `null` when it has none. */
  lead_group?: LeadGroupRef | null;
  /** The team member the lead is assigned to, `null` when unassigned. */
  assignee_user?: AssigneeUser | null;
}

/**
 * A task on a lead, as Create Task and List Tasks return it. Superfone documents the fields
 * but few of their types, so only `id`, `type`, `due_date`, `task_status` and `status` are
 * required.
 *
 * @example
 * const open = (await client.listTasks(lead.id)).rows.filter((t) => t.task_status === 'PENDING');
 */
export interface Task {
  /** The task's id. */
  id: number;
  /** The account's id. */
  org_id?: number | null;
  /** The lead's `id`. */
  customer_id?: number | null;
  /** The task's title, if Superfone gave it one. */
  title?: string | null;
  /** One of the six {@link TaskType}s (or a type newer than this SDK). */
  type: TaskType | (string & {});
  /** ISO 8601. */
  due_date: string;
  /** ISO 8601. */
  notify_at?: string | null;
  /** Undocumented by Superfone; passed through as received. */
  notify?: unknown;
  /** `'PENDING'` until completed, then `'COMPLETE'`. */
  task_status: TaskStatus | (string & {});
  /** `'ACTIVE'` or `'COMPLETE'`. */
  status: TaskRecordStatus | (string & {});
  /** The team member the task is for: the lead's assignee when it was created. */
  assignee_user_id?: number | null;
  /** The team member (API user) who created the task. */
  created_by?: number | null;
  /** The team member (API user) who last changed the task. */
  updated_by?: number | null;
  /** ISO 8601. */
  created_at?: string | null;
  /** ISO 8601. */
  updated_at?: string | null;
}

/** A source type (`GET /enterprise/api/source-type`); its `title` is what `source_type` takes. */
export interface SourceType {
  /** The source type's id. */
  id: number;
  /** Superfone-defined, e.g. `"OTHERS"`. */
  title: SourceTypeTitle | (string & {});
}

/** A label (`GET /enterprise/api/label`); its `title` is what `add_labels` / `remove_labels` take. */
export interface Label extends LeadLabel {
  /** The account's id. */
  org_id?: number | null;
  /** Who created the label. */
  created_by?: number | null;
  /** Who last changed the label. */
  updated_by?: number | null;
  /** ISO 8601. */
  created_at?: string | null;
  /** ISO 8601. */
  updated_at?: string | null;
}

/** A lead stage (`GET /enterprise/api/lead-stage`); its `title` is what `lead_stage_name` takes. */
export interface LeadStage extends LeadStageRef {
  /** Whether the stage can be edited in Superfone. */
  is_editable?: boolean | null;
  /** Undocumented by Superfone; passed through as received. */
  identifier?: unknown;
  /** Who created the stage. */
  created_by?: number | null;
  /** Who last changed the stage. */
  updated_by?: number | null;
  /** ISO 8601. */
  created_at?: string | null;
  /** ISO 8601. */
  updated_at?: string | null;
}

/** A lead group (`GET /enterprise/api/lead-group`); its `title` is what `lead_group_name` takes. */
export interface LeadGroup extends LeadGroupRef {
  /** Who created the group. */
  created_by?: number | null;
  /** Who last changed the group. */
  updated_by?: number | null;
  /** ISO 8601. */
  created_at?: string | null;
  /** ISO 8601. */
  updated_at?: string | null;
}

/** A product (`GET /enterprise/api/product`); its `title` is what `add_products` takes. */
export interface Product {
  /** The product's id. */
  id: number;
  /** The product's name: what `add_products` takes. */
  title: string;
  /** The account's id. */
  org_id?: number | null;
  /** The product's description. */
  description?: string | null;
  /** E.g. `"ACTIVE"` (values undocumented). */
  status?: string | null;
  /** The price, in `currency`. API.md does not give its type: a number, or a decimal string. */
  price?: number | string | null;
  /** ISO 4217, e.g. `"INR"`. */
  currency?: string | null;
  /** A link to the product. */
  link?: string | null;
  /** Undocumented by Superfone; passed through as received. */
  images?: unknown;
  /** Who created the product. */
  created_by?: number | null;
  /** Who last changed the product. */
  updated_by?: number | null;
  /** ISO 8601. */
  created_at?: string | null;
  /** ISO 8601. */
  updated_at?: string | null;
}
