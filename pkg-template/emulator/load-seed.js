// Turns a seed (the default one or the user's) into the emulator's tables: a deep copy with
// every omitted field defaulted and missing ids assigned, so the store can trust its data.

import { defaultSeed, SEED_TIME } from './seed.js';
import { isE164 } from './rules.js';

const EMPTY_ADDRESS = { text: null, additional: null, initials: null, latitude: null, longitude: null };

/** Row defaults per collection, given the seed's org and API user. */
function rowDefaults(orgId, apiUserId) {
  const audit = { org_id: orgId, created_by: apiUserId, updated_by: apiUserId, created_at: SEED_TIME, updated_at: SEED_TIME };
  return {
    source_types: {},
    labels: { colour: '#9E9E9E', text_colour: '#FFFFFF', status: 'ACTIVE', ...audit },
    lead_stages: { status: 'ACTIVE', type: 'NONE', position: null, is_editable: true, identifier: null, ...audit },
    lead_groups: { status: 'ACTIVE', type: null, ...audit },
    products: { description: null, status: 'ACTIVE', price: null, currency: null, link: null, images: [], ...audit },
    team_members: { first_name: null, last_name: null },
    leads: {
      org_id: orgId, first_name: null, last_name: null, email: null, website: null, business_name: null,
      additional_info: null, city: null, status: 'ACTIVE', source: null, source_type: null, deal_value: null,
      address: EMPTY_ADDRESS, assignee_user_id: null, lead_stage_id: null, lead_group_id: null,
      label_ids: [], product_ids: [], created_at: SEED_TIME, updated_at: SEED_TIME,
    },
    tasks: {
      title: null, notify: true, task_status: 'PENDING', status: 'ACTIVE', assignee_user_id: null, ...audit,
    },
    notes: { task_id: null, created_at: SEED_TIME },
  };
}

/** Per collection: the fields a seed row must carry, checked with a predicate. */
const REQUIRED = {
  source_types: { title: isString },
  labels: { title: isString },
  lead_stages: { title: isString },
  lead_groups: { title: isString },
  products: { title: isString },
  team_members: { phone: isE164 },
  leads: { phones: (v) => Array.isArray(v) && v.length > 0 && v.every(isE164) },
  tasks: { customer_id: Number.isInteger, type: isString, due_date: isString },
  notes: { lead_id: Number.isInteger, text: isString },
};

function isString(value) {
  return typeof value === 'string';
}

/**
 * Normalises `seed` (default: {@link defaultSeed}) into the emulator's state tables.
 * Throws a TypeError naming the first row that cannot be used.
 * @param {unknown} [seed]
 * @returns {import('./index.js').EmulatorState}
 */
export function loadSeed(seed = defaultSeed()) {
  if (typeof seed !== 'object' || seed === null || Array.isArray(seed)) {
    throw new TypeError('seed must be an object like defaultSeed() returns');
  }
  const source = structuredClone(seed);
  const org_id = source.org_id ?? 1;
  const api_user_id = source.api_user_id ?? source.team_members?.[0]?.id ?? 1;
  const defaults = rowDefaults(org_id, api_user_id);
  const state = { org_id, api_user_id };
  for (const [name, rowDefault] of Object.entries(defaults)) {
    state[name] = normaliseRows(name, source[name] ?? [], rowDefault);
  }
  for (const lead of state.leads) lead.address = { ...EMPTY_ADDRESS, ...lead.address };
  for (const task of state.tasks) task.notify_at ??= task.due_date;
  return state;
}

function normaliseRows(name, rows, rowDefault) {
  if (!Array.isArray(rows)) throw new TypeError(`seed.${name} must be an array`);
  let nextId = Math.max(0, ...rows.map((row) => (Number.isInteger(row?.id) ? row.id : 0))) + 1;
  return rows.map((row, i) => {
    if (typeof row !== 'object' || row === null) throw new TypeError(`seed.${name}[${i}] must be an object`);
    // Lead phones may also be written API-shaped: [{ phone, customer_id }].
    if (name === 'leads' && Array.isArray(row.phones)) row = { ...row, phones: row.phones.map((p) => p?.phone ?? p) };
    for (const [field, accepts] of Object.entries(REQUIRED[name])) {
      if (!accepts(row[field])) throw new TypeError(`seed.${name}[${i}].${field} is missing or invalid`);
    }
    return { ...structuredClone(rowDefault), ...row, id: Number.isInteger(row.id) ? row.id : nextId++ };
  });
}
