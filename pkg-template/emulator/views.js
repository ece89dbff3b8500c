// How stored rows look on the wire: the Lead and Task shapes of API.md, joined and copied so a
// caller can never reach into the store.

/**
 * The API's Lead object for a stored lead.
 * @param {import('./index.js').EmulatorState} state
 * @param {import('./index.js').SeedLead} lead
 * @returns {import('./index.js').Lead}
 */
export function leadView(state, lead) {
  const stage = state.lead_stages.find((s) => s.id === lead.lead_stage_id);
  const group = state.lead_groups.find((g) => g.id === lead.lead_group_id);
  const assignee = state.team_members.find((m) => m.id === lead.assignee_user_id);
  const labels = lead.label_ids.map((id) => state.labels.find((l) => l.id === id)).filter(Boolean);
  return {
    id: lead.id,
    org_id: lead.org_id,
    first_name: lead.first_name,
    last_name: lead.last_name,
    website: lead.website,
    business_name: lead.business_name,
    additional_info: lead.additional_info,
    city: lead.city,
    status: lead.status,
    source: lead.source,
    source_type: lead.source_type,
    email: lead.email === null ? null : [...lead.email],
    deal_value: lead.deal_value,
    address: { ...lead.address },
    assignee_user_id: lead.assignee_user_id,
    lead_stage_id: lead.lead_stage_id,
    lead_group_id: lead.lead_group_id,
    created_at: lead.created_at,
    updated_at: lead.updated_at,
    phones: lead.phones.map((phone) => ({ phone, customer_id: lead.id })),
    labels: labels.map(({ id, title, colour, text_colour, status }) => ({ id, title, colour, text_colour, status })),
    lead_stage: stage
      ? { id: stage.id, title: stage.title, org_id: stage.org_id, status: stage.status, type: stage.type, position: stage.position }
      : null,
    lead_group: group
      ? { id: group.id, title: group.title, org_id: group.org_id, status: group.status, type: group.type }
      : null,
    assignee_user: assignee
      ? { id: assignee.id, first_name: assignee.first_name, last_name: assignee.last_name }
      : null,
  };
}

/**
 * The API's Task object for a stored task (tasks are stored in wire shape).
 * @param {import('./index.js').Task} task
 * @returns {import('./index.js').Task}
 */
export function taskView(task) {
  return { ...task };
}
