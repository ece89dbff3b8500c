// A typed consumer of `superfone-crm` (ESM): uses every declared function, method and type the
// way an application would, and proves with `@ts-expect-error` that misuse does not compile.
// Compile-only: `tsc -p tests/types/tsconfig.json` (never run).

import superfone, {
  SuperfoneClient,
  SuperfoneError,
  isValidE164,
  normalizePhone,
  validateCreateTask,
  validateUpsertLead,
} from 'superfone-crm';
import type {
  Address,
  AssigneeUser,
  CatalogIterationQuery,
  CatalogQuery,
  CatalogStatus,
  ClientOptions,
  CreateTaskInput,
  Label,
  Lead,
  LeadGroup,
  LeadGroupRef,
  LeadLabel,
  LeadPhone,
  LeadStage,
  LeadStageRef,
  LeadStageType,
  Page,
  PageQuery,
  Product,
  RequestOptions,
  SourceType,
  SourceTypeTitle,
  SuperfoneErrorDetails,
  SuperfoneErrorKind,
  Task,
  TaskIterationQuery,
  TaskRecordStatus,
  TaskStatus,
  TaskType,
  UpsertLeadAddingLabels,
  UpsertLeadFields,
  UpsertLeadInput,
  UpsertLeadRemovingLabels,
  ValidationIssue,
} from 'superfone-crm';

/** Compile-time equality of two types. */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(_proof?: T): void {}

declare const env: Record<string, string | undefined>; // e.g. process.env

// ── Client construction ──────────────────────────────────────────────────────────────────────

const options: ClientOptions = {
  apiKey: env.SUPERFONE_API_KEY ?? 'sf_test_key',
  baseUrl: 'http://127.0.0.1:4010/superfone',
  timeoutMs: 10_000,
  maxRetries: 1,
  fetch: (request: Request) => fetch(request),
  headers: { 'x-trace-id': 'abc' },
  userAgent: 'consumer/1.0',
  dangerouslyAllowBrowser: false,
};
const client = new SuperfoneClient(options);
new SuperfoneClient({ apiKey: 'k', fetch: globalThis.fetch }); // the global fetch fits the option
new superfone.SuperfoneClient({ apiKey: 'k' }); // the default export carries the same API
new SuperfoneClient({ apiKey: 'k', headers: new Headers({ 'x-trace-id': 'abc' }) }); // a Headers
new SuperfoneClient({ apiKey: 'k', headers: new Map([['x-trace-id', 'abc']]) }); // a Map
const shown: string = client.toString();
const json: { baseUrl: string } = client.toJSON();

// @ts-expect-error apiKey is required
new SuperfoneClient({ baseUrl: 'https://example.com' });
// @ts-expect-error misspelt option
new SuperfoneClient({ apiKey: 'k', timeout: 5 });
// @ts-expect-error fetch takes a Request and returns a Promise<Response>
new SuperfoneClient({ apiKey: 'k', fetch: (url: number) => url });

const controller = new AbortController();
const perCall: RequestOptions = { signal: controller.signal, timeoutMs: 5000, maxRetries: 0 };

// ── The lead and task workflow ────────────────────────────────────────────────────────────────

async function workflow(): Promise<void> {
  const address: Address = { text: '12 MG Road', additional: null, latitude: 12.97, longitude: 77.59 };
  const input: UpsertLeadInput = {
    customer_phone: normalizePhone('080000 00001', '91'),
    create_customer_if_customer_phone_not_found: true,
    first_name: 'Priya',
    last_name: 'Sharma',
    email: ['priya@example.com'],
    website: 'https://example.com',
    address,
    city: 'Bengaluru',
    business_name: 'Sharma Traders',
    additional_info: 'Met at the expo',
    deal_value: 25_000,
    source: 'website-form',
    source_type: 'OTHERS',
    assignee_user_phone: null,
    lead_stage_name: 'New',
    lead_group_name: null,
    add_labels: ['Hot', 'VIP'],
    add_products: ['Growth Plan'],
    add_phones: ['+918000000011'],
    customer_note: 'Interested in the Growth plan',
  };
  const upserted: Lead = await client.upsertLead(input, perCall);
  await client.upsertLead({ customer_phone: '+918000000001', remove_labels: ['Cold'] });
  await client.upsertLead({ customer_phone: '+918000000001', source_type: 'SOME_NEW_SOURCE' }); // open set

  // Built step by step: the declared union narrows to the member that adds labels.
  const stepwise: UpsertLeadInput = { customer_phone: '+918000000001' };
  stepwise.first_name = 'Asha';
  stepwise.add_labels = ['Warm'];
  const adding: UpsertLeadAddingLabels = { customer_phone: '+14155552671', add_labels: [] };
  const removing: UpsertLeadRemovingLabels = { customer_phone: '+14155552671', remove_labels: ['Cold'] };
  const fields: UpsertLeadFields = { customer_phone: '+14155552671' };
  const union: UpsertLeadInput[] = [adding, removing, fields];
  void union;

  const lead = await client.getLead(upserted.phones[0]?.phone ?? '+918000000001');
  const id: number = lead.id;
  const orgId: number = lead.org_id;
  const createdAt: string = lead.created_at;
  const firstName: string | null | undefined = lead.first_name;
  const email: string[] | null | undefined = lead.email;
  const deal: number | null | undefined = lead.deal_value;
  const addr: Address | null | undefined = lead.address;
  const lat: number | null | undefined = lead.address?.latitude;
  const phones: LeadPhone[] = lead.phones;
  const owner: number = phones[0]!.customer_id;
  const labels: LeadLabel[] = lead.labels;
  const labelStatus: CatalogStatus | (string & {}) | null | undefined = labels[0]?.status;
  const stage: LeadStageRef | null | undefined = lead.lead_stage;
  const stageType: LeadStageType | (string & {}) | null | undefined = stage?.type;
  const group: LeadGroupRef | null | undefined = lead.lead_group;
  const assignee: AssigneeUser | null | undefined = lead.assignee_user;
  const source: SourceTypeTitle | (string & {}) | null | undefined = lead.source_type;
  const ids: (number | null | undefined)[] = [lead.assignee_user_id, lead.lead_stage_id, lead.lead_group_id];
  const texts: (string | null | undefined)[] = [
    lead.last_name, lead.website, lead.business_name, lead.additional_info, lead.city,
    lead.status, lead.source, lead.updated_at, group?.title, group?.type, assignee?.first_name,
  ];
  void [id, orgId, createdAt, firstName, email, deal, addr, lat, owner, labelStatus, stageType, source, ids, texts];
  if (stage?.type === 'FINAL_POSITIVE') console.log('won', stage.title, stage.position);
  // @ts-expect-error a lead has no `phone` field (its phones are in `phones`)
  lead.phone;
  // @ts-expect-error documented-nullable fields may be null
  const city: string = lead.city;
  void city;

  const taskInput: CreateTaskInput = {
    type: 'FOLLOW_UP_CALL',
    due_date: '2026-05-20T15:00:00Z',
    notify_at: new Date('2026-05-20T14:50:00Z'),
    customer_note: 'Discuss pricing',
  };
  const task: Task = await client.createTask(lead.id, taskInput, perCall);
  await client.createTask(lead.id, { type: 'REMINDER', due_date: new Date(Date.now() + 86_400_000) });
  const completed: Task = await client.completeTask(lead.id);
  const taskType: TaskType | (string & {}) = task.type;
  const taskStatus: TaskStatus | (string & {}) = completed.task_status;
  const recordStatus: TaskRecordStatus | (string & {}) = completed.status;
  const notify: unknown = task.notify;
  const taskTexts: (string | null | undefined)[] = [task.title, task.notify_at, task.created_at, task.updated_at];
  const taskIds: (number | null | undefined)[] = [
    task.org_id, task.customer_id, task.assignee_user_id, task.created_by, task.updated_by,
  ];
  const due: string = task.due_date;
  void [taskType, taskStatus, recordStatus, notify, taskTexts, taskIds, due];

  const query: PageQuery = { page: 1, page_size: 20 };
  const tasks: Page<Task> = await client.listTasks(lead.id, query, perCall);
  const counters: number[] = [tasks.total_pages, tasks.current_page, tasks.page_size, tasks.total_items];
  const firstTask: Task | undefined = tasks.rows[0];
  void [counters, firstTask];

  const iterQuery: TaskIterationQuery = { page_size: 20, limit: 50 };
  for await (const t of client.iterateTasks(lead.id, iterQuery, perCall)) {
    if (t.task_status === 'PENDING') console.log(t.id, t.type, t.due_date);
  }
  const generator = client.iterateTasks(lead.id);
  const step = await generator.next(); // also usable without for-await
  if (!step.done) console.log(step.value.id);
  await generator.return();
  const asIterable: AsyncIterable<Task> = client.iterateTasks(lead.id); // the contract's type
  void asIterable;

  // @ts-expect-error `limit` is only for the iterate* methods
  await client.listTasks(lead.id, { limit: 5 });
  // @ts-expect-error task lists take no `text`
  await client.listTasks(lead.id, { text: 'call' });
  // @ts-expect-error the lead id is a number, not a numeric string
  await client.createTask('42', taskInput);
  // @ts-expect-error the lead id is a number
  await client.completeTask(String(lead.id));
}

// ── Catalogs ──────────────────────────────────────────────────────────────────────────────────

async function catalogs(): Promise<void> {
  const q: CatalogQuery = { text: 'plan', page: 1, page_size: 50 };
  const sourceTypes: Page<SourceType> = await client.listSourceTypes(q, perCall);
  const labels: Page<Label> = await client.listLabels();
  const stages: Page<LeadStage> = await client.listLeadStages({ text: 'qual' });
  const groups: Page<LeadGroup> = await client.listLeadGroups(undefined, perCall);
  const products: Page<Product> = await client.listProducts({ page_size: 100 });

  const sourceTitle: SourceTypeTitle | (string & {}) = sourceTypes.rows[0]!.title;
  const label = labels.rows[0]!;
  const labelFields = [label.id, label.title, label.colour, label.text_colour, label.status, label.org_id,
    label.created_by, label.updated_by, label.created_at, label.updated_at];
  const stage = stages.rows[0]!;
  const stageFields = [stage.type, stage.position, stage.is_editable, stage.identifier, stage.status, stage.org_id,
    stage.created_by, stage.updated_by, stage.created_at, stage.updated_at];
  const group = groups.rows[0]!;
  const groupFields = [group.id, group.title, group.org_id, group.status, group.type,
    group.created_by, group.updated_by, group.created_at, group.updated_at];
  const product = products.rows[0]!;
  const price: number | string | null | undefined = product.price;
  const productFields = [product.id, product.title, product.org_id, product.description, product.status,
    product.currency, product.link, product.images, product.created_by, product.updated_by,
    product.created_at, product.updated_at];
  void [sourceTitle, labelFields, stageFields, groupFields, price, productFields];

  const iq: CatalogIterationQuery = { text: 'segment', limit: 10 };
  const seen: string[] = [];
  for await (const s of client.iterateSourceTypes()) seen.push(s.title);
  for await (const l of client.iterateLabels(iq, perCall)) seen.push(l.title);
  for await (const s of client.iterateLeadStages({ limit: 3 })) seen.push(s.title);
  for await (const g of client.iterateLeadGroups()) seen.push(g.title);
  for await (const p of client.iterateProducts({ page: 2 })) seen.push(p.title);

  // @ts-expect-error a label has no `name` field (its name is `title`)
  label.name;
  // @ts-expect-error `limit` is only for the iterate* methods
  await client.listLabels({ limit: 5 });
}

// ── Errors ────────────────────────────────────────────────────────────────────────────────────

function describe(err: SuperfoneError): string {
  const kind: SuperfoneErrorKind = err.kind;
  switch (kind) {
    case 'validation':
      return `fix ${err.field ?? 'the input'}: ${err.message}`;
    case 'bad_request':
    case 'not_found':
      return `rejected (${err.status ?? '?'}): ${err.message}`;
    case 'unauthorized':
      return 'check the API key';
    case 'rate_limited':
    case 'server':
    case 'timeout':
    case 'network':
      return err.retryable ? 'try again later' : 'failed';
    case 'aborted':
      return 'cancelled';
    case 'decode':
      return `unexpected response: ${JSON.stringify(err.body)}`;
    default: {
      const unreachable: never = kind; // every kind is handled above
      return unreachable;
    }
  }
}

async function handled(): Promise<Lead | null> {
  try {
    return await client.getLead('+918000000001');
  } catch (err: unknown) {
    if (!(err instanceof SuperfoneError)) throw err;
    const name: 'SuperfoneError' = err.name;
    const status: number | undefined = err.status;
    const field: string | undefined = err.field;
    const body: unknown = err.body;
    const retryable: boolean = err.retryable;
    const asError: Error = err;
    void [name, status, field, body, retryable, asError];
    if (err.kind === 'not_found') return null;
    console.error(describe(err));
    // @ts-expect-error `code` is not a SuperfoneError field (switch on `kind`)
    err.code;
    // @ts-expect-error 'forbidden' is not one of the ten kinds
    if (err.kind === 'forbidden') return null;
    throw err;
  }
}

const details: SuperfoneErrorDetails = { kind: 'rate_limited', status: 429, retryable: true };
const made = new SuperfoneError('Too Many Requests', details);
const viaDefault = new superfone.SuperfoneError('bad phone', { kind: 'validation', field: 'phone', retryable: false });
assertType<Equal<typeof made.kind, SuperfoneErrorKind>>();
void viaDefault;
// @ts-expect-error the details need a kind and retryable
new SuperfoneError('x', { status: 500 });
// @ts-expect-error kinds are a closed set
new SuperfoneError('x', { kind: 'teapot', retryable: false });

class WrappedError extends SuperfoneError {} // subclassable like any Error
void new WrappedError('x', { kind: 'server', retryable: true });

// ── Validators ────────────────────────────────────────────────────────────────────────────────

const valid: boolean = isValidE164('+918000000001');
const normalized: string = normalizePhone('+91 80000-00001');
const upsertIssues: ValidationIssue[] = validateUpsertLead({ customer_phone: '8000000001' });
const formIssues: ValidationIssue[] = validateUpsertLead(JSON.parse('{"customer_phone":"+918000000001"}'));
const taskIssues: ValidationIssue[] = validateCreateTask({ type: 'REMINDER', due_date: 'tomorrow' }, new Date());
const taskIssuesAt: ValidationIssue[] = validateCreateTask({}, Date.UTC(2026, 4, 20));
const taskIssuesNow: ValidationIssue[] = superfone.validateCreateTask({});
for (const issue of [...upsertIssues, ...formIssues, ...taskIssues, ...taskIssuesAt, ...taskIssuesNow]) {
  console.log(`${issue.field}: ${issue.message}`);
}
void [valid, normalized, superfone.isValidE164('+1'), superfone.normalizePhone('1', '1'), superfone.validateUpsertLead({})];

// @ts-expect-error phones are strings, not numbers
isValidE164(918000000001);
// @ts-expect-error phones are strings, not numbers
normalizePhone(8000000001, '91');
// @ts-expect-error the country code is a string such as "91"
normalizePhone('8000000001', 91);

// ── Misuse of the inputs ──────────────────────────────────────────────────────────────────────

async function misuse(): Promise<void> {
  // @ts-expect-error customer_phone is required
  await client.upsertLead({ first_name: 'Priya' });
  // @ts-expect-error the phone is a string, not a number
  await client.upsertLead({ customer_phone: 918000000001 });
  // @ts-expect-error the API refuses add_labels together with remove_labels
  await client.upsertLead({ customer_phone: '+918000000001', add_labels: ['Hot'], remove_labels: ['Cold'] });
  const both = { customer_phone: '+918000000001', add_labels: ['Hot'], remove_labels: ['Cold'] };
  // @ts-expect-error ...also when the object is built first
  await client.upsertLead(both);
  // @ts-expect-error unknown fields are refused (the field is lead_stage_name)
  await client.upsertLead({ customer_phone: '+918000000001', lead_stage: 'New' });
  // @ts-expect-error email is a list of addresses
  await client.upsertLead({ customer_phone: '+918000000001', email: 'priya@example.com' });
  // @ts-expect-error only assignee_user_phone, lead_stage_name and lead_group_name may be null
  await client.upsertLead({ customer_phone: '+918000000001', city: null });
  // @ts-expect-error deal_value is a number
  await client.upsertLead({ customer_phone: '+918000000001', deal_value: '5000' });
  // @ts-expect-error getLead takes the phone as a string
  await client.getLead(918000000001);

  // @ts-expect-error not one of the six task types
  await client.createTask(1, { type: 'CALL', due_date: '2026-05-20T15:00:00Z' });
  // @ts-expect-error task types are upper case
  const lower: CreateTaskInput = { type: 'follow_up_call', due_date: '2026-05-20T15:00:00Z' };
  // @ts-expect-error due_date is required
  const undated: CreateTaskInput = { type: 'REMINDER' };
  // @ts-expect-error tasks have no assignee: they take the lead's
  await client.createTask(1, { type: 'REMINDER', due_date: '2026-05-20T15:00:00Z', assignee_user_phone: '+918000000101' });
  // @ts-expect-error a date is a string or a Date, not a timestamp
  await client.createTask(1, { type: 'REMINDER', due_date: 1_779_289_200_000 });
  void [lower, undated];
}

void [workflow, catalogs, handled, misuse, shown, json];
