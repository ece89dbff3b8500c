// The emulator's default data: a small, fully deterministic Superfone account (fixed ids and
// timestamps) with the awkward cases the API documents — duplicate titles, shared phones — built in.

/** When every seeded row was created; runtime rows use the handler's clock instead. */
export const SEED_TIME = '2026-01-15T09:00:00.000Z';

const ORG_ID = 4242;
/** The team member the API key belongs to: `created_by` / `updated_by` of everything it writes. */
const API_USER_ID = 101;

const SOURCE_TYPES = [
  'CSV_UPLOAD',
  'FACEBOOK_INTEGRATION',
  'PHONE_CONTACT',
  'WHATSAPP_MESSAGE',
  'WHATSAPP_INTEGRATION',
  'PABBLY',
  'OTHERS',
];

// 12 hand-named labels, then "Segment 001".."Segment 108": 120 in all, three pages at 50.
const NAMED_LABELS = [
  'Hot', 'Warm', 'Cold', 'VIP', 'Referral', 'Newsletter',
  'Callback', 'Enterprise', 'SMB', 'Priority', 'Do Not Call', 'Archived',
];
const SEGMENT_LABELS = 108;
const COLOURS = [
  ['#F44336', '#FFFFFF'], ['#FF9800', '#000000'], ['#2196F3', '#FFFFFF'],
  ['#9C27B0', '#FFFFFF'], ['#4CAF50', '#FFFFFF'], ['#FFEB3B', '#000000'],
];

// [title, type, identifier, is_editable]; "Qualified" appears twice on purpose.
const LEAD_STAGES = [
  ['New', 'INITIAL', 'NEW', false],
  ['Contacted', 'NONE', null, true],
  ['Qualified', 'NONE', null, true],
  ['Qualified', 'NONE', null, true],
  ['Proposal Sent', 'NONE', null, true],
  ['Won', 'FINAL_POSITIVE', 'WON', false],
  ['Lost', 'FINAL_NEGATIVE', 'LOST', false],
];

// [title, type]; "Partners" appears twice on purpose.
const LEAD_GROUPS = [
  ['Inbound', 'DEFAULT'],
  ['Outbound', null],
  ['Partners', null],
  ['Partners', null],
  ['Events', null],
];

// [title, description, price, currency]
const PRODUCTS = [
  ['Starter Plan', 'One virtual number, 3 users', 999, 'INR'],
  ['Growth Plan', 'Two virtual numbers, 10 users, IVR', 2499, 'INR'],
  ['Enterprise Plan', 'Unlimited users, CRM API access', 9999, 'INR'],
  ['Setup Fee', 'One-time onboarding', 4999, 'INR'],
  ['US Virtual Number', 'A +1 number for US callers', 15, 'USD'],
];

const TEAM_MEMBERS = [
  { id: 101, first_name: 'Asha', last_name: 'Rao', phone: '+918000000101' },
  { id: 102, first_name: 'Vikram', last_name: 'Mehta', phone: '+918000000102' },
  { id: 103, first_name: 'Sara', last_name: 'Khan', phone: '+14155550103' },
];

/** Fields every catalog row shares (besides id and title). */
function audit() {
  return {
    org_id: ORG_ID,
    created_by: API_USER_ID,
    updated_by: API_USER_ID,
    created_at: SEED_TIME,
    updated_at: SEED_TIME,
  };
}

function labels() {
  const segments = Array.from(
    { length: SEGMENT_LABELS },
    (_, i) => `Segment ${String(i + 1).padStart(3, '0')}`,
  );
  return [...NAMED_LABELS, ...segments].map((title, i) => {
    const [colour, text_colour] = COLOURS[i % COLOURS.length];
    const status = title === 'Archived' ? 'DISABLED' : 'ACTIVE';
    return { id: 201 + i, title, colour, text_colour, status, ...audit() };
  });
}

function leadStages() {
  return LEAD_STAGES.map(([title, type, identifier, is_editable], i) => ({
    id: 301 + i, title, status: 'ACTIVE', type, position: i + 1, is_editable, identifier, ...audit(),
  }));
}

function leadGroups() {
  return LEAD_GROUPS.map(([title, type], i) => ({ id: 401 + i, title, status: 'ACTIVE', type, ...audit() }));
}

function products() {
  return PRODUCTS.map(([title, description, price, currency], i) => ({
    id: 501 + i,
    title,
    description,
    status: 'ACTIVE',
    price,
    currency,
    link: `https://example.com/products/${title.toLowerCase().replaceAll(' ', '-')}`,
    images: [],
    ...audit(),
  }));
}

function leads() {
  const base = {
    last_name: null, email: null, website: null, business_name: null, additional_info: null,
    city: null, status: 'ACTIVE', source: null, deal_value: null,
    address: { text: null, additional: null, initials: null, latitude: null, longitude: null },
    assignee_user_id: null, lead_stage_id: null, lead_group_id: null,
    label_ids: [], product_ids: [], created_at: SEED_TIME, updated_at: SEED_TIME,
  };
  return [
    {
      ...base,
      id: 1001,
      phones: ['+918000000001', '+918000000011'],
      first_name: 'Priya',
      last_name: 'Sharma',
      email: ['priya@example.com'],
      business_name: 'Sharma Textiles',
      city: 'Jaipur',
      source: 'website-form',
      source_type: 'WHATSAPP_MESSAGE',
      deal_value: 25000,
      address: { text: '12 MI Road', additional: 'Near GPO', initials: 'MI', latitude: 26.9157, longitude: 75.8069 },
      assignee_user_id: 101,
      lead_stage_id: 301,
      lead_group_id: 401,
      label_ids: [201, 204],
      product_ids: [502],
    },
    // Two contacts sharing one primary phone: upserting +918000000099 fails with
    // "Customer phone exists in multiple contact".
    { ...base, id: 1002, phones: ['+918000000099'], first_name: 'Rahul', source_type: 'CSV_UPLOAD' },
    { ...base, id: 1003, phones: ['+918000000099'], first_name: 'Rahul (duplicate)', source_type: 'CSV_UPLOAD' },
  ];
}

function tasks() {
  return [
    {
      id: 5001,
      org_id: ORG_ID,
      customer_id: 1001,
      title: null,
      type: 'FOLLOW_UP_CALL',
      due_date: '2026-01-20T10:00:00.000Z',
      notify_at: '2026-01-20T09:50:00.000Z',
      notify: true,
      task_status: 'PENDING',
      status: 'ACTIVE',
      assignee_user_id: 101,
      created_by: API_USER_ID,
      updated_by: API_USER_ID,
      created_at: SEED_TIME,
      updated_at: SEED_TIME,
    },
  ];
}

/**
 * A fresh copy of the default emulator data: org 4242, 7 source types, 120 labels, 7 lead stages
 * (two titled "Qualified"), 5 lead groups (two titled "Partners"), 5 products, 3 team members,
 * 3 leads (two sharing the primary phone +918000000099) and one open task.
 *
 * Use it as the base of your own seed: `{ ...defaultSeed(), leads: [...] }`.
 *
 * @returns {import('./index.js').EmulatorSeed}
 * @example
 * const seed = defaultSeed();
 * seed.labels.length; // 120
 */
export function defaultSeed() {
  return {
    org_id: ORG_ID,
    api_user_id: API_USER_ID,
    source_types: SOURCE_TYPES.map((title, i) => ({ id: 1 + i, title })),
    labels: labels(),
    lead_stages: leadStages(),
    lead_groups: leadGroups(),
    products: products(),
    team_members: TEAM_MEMBERS.map((member) => ({ ...member })),
    leads: leads(),
    tasks: tasks(),
    notes: [
      { id: 1, lead_id: 1001, task_id: null, text: 'Asked for a callback after Pongal.', created_at: SEED_TIME },
    ],
  };
}
