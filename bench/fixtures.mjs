// Canned, valid response bodies shaped as shared/API.md documents them: a full lead (every field
// filled, so decoding does real work) and a 50-row label page. Shared by the fixed server and
// the decode benchmark so both measure the same bytes.

const ts = (i) => `2026-04-${String(1 + (i % 28)).padStart(2, '0')}T10:${String(i % 60).padStart(2, '0')}:00.000Z`;

export const PHONE = '+918000000001';

export function fullLead(phone = PHONE) {
  return {
    id: 1001,
    org_id: 77,
    first_name: 'Asha',
    last_name: 'Rao',
    website: 'https://asha.example.in',
    business_name: 'Asha Textiles Pvt Ltd',
    additional_info: 'Met at the Bengaluru trade fair; wants a quote for 200 units by next month.',
    city: 'Bengaluru',
    status: 'ACTIVE',
    source: 'website-form',
    source_type: 'OTHERS',
    email: ['asha@asha.example.in', 'accounts@asha.example.in'],
    deal_value: 125000.5,
    address: {
      text: '42, 3rd Cross, Indiranagar',
      additional: 'Near the metro station',
      initials: 'IN',
      latitude: 12.9719,
      longitude: 77.6412,
    },
    assignee_user_id: 101,
    lead_stage_id: 11,
    lead_group_id: 21,
    created_at: ts(0),
    updated_at: ts(5),
    phones: [
      { phone, customer_id: 1001 },
      { phone: '+918000000011', customer_id: 1001 },
    ],
    labels: [
      { id: 1, title: 'Hot', colour: '#FF0000', text_colour: '#FFFFFF', status: 'ACTIVE' },
      { id: 2, title: 'VIP', colour: '#FFD700', text_colour: '#000000', status: 'ACTIVE' },
      { id: 3, title: 'Bulk order', colour: '#0000FF', text_colour: '#FFFFFF', status: 'ACTIVE' },
    ],
    lead_stage: { id: 11, title: 'New', org_id: 77, status: 'ACTIVE', type: 'INITIAL', position: 1 },
    lead_group: { id: 21, title: 'South', org_id: 77, status: 'ACTIVE', type: null },
    assignee_user: { id: 101, first_name: 'Asha', last_name: 'Rao' },
  };
}

export function labelRow(i) {
  return {
    id: 1 + i,
    org_id: 77,
    title: `Label ${String(i + 1).padStart(2, '0')}`,
    colour: `#${((i * 2654435761) >>> 8).toString(16).padStart(6, '0').slice(0, 6).toUpperCase()}`,
    text_colour: i % 2 ? '#FFFFFF' : '#000000',
    status: i % 7 === 6 ? 'DISABLED' : 'ACTIVE',
    created_by: 101,
    updated_by: 102,
    created_at: ts(i),
    updated_at: ts(i + 3),
  };
}

export function labelPage(rows = 50) {
  return {
    rows: Array.from({ length: rows }, (_, i) => labelRow(i)),
    total_pages: 3,
    current_page: 1,
    page_size: 50,
    total_items: 142,
  };
}

export const envelope = (data) => JSON.stringify({ data, message: 'success' });

export const LEAD_BODY = envelope(fullLead());
export const LABEL_PAGE_BODY = envelope(labelPage(50));
export const EMPTY_PAGE_BODY = envelope({ rows: [], total_pages: 0, current_page: 1, page_size: 50, total_items: 0 });

/** The upsert body both clients send (valid per validateUpsertLead). */
export const UPSERT_INPUT = {
  customer_phone: PHONE,
  create_customer_if_customer_phone_not_found: true,
  first_name: 'Asha',
  last_name: 'Rao',
  email: ['asha@asha.example.in'],
  city: 'Bengaluru',
  deal_value: 125000.5,
  source: 'website-form',
  add_labels: ['Hot', 'VIP'],
};
