// POST /enterprise/api/lead (upsert by customer_phone) and GET /enterprise/api/lead?phone=.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fails, newLead, ok, START, START_ISO } from './harness.mjs';

const PRIYA = '+918000000001'; // lead 1001, also reachable by +918000000011
const SHARED = '+918000000099'; // primary phone of leads 1002 and 1003
const E164_RULE = "must be an E.164 phone number ('+', country code and number, digits only, e.g. +918000000001)";

/** @param {ReturnType<import('./harness.mjs').useTarget>} ctx */
export function leadCases(ctx) {
  describe('upsert lead', () => {
    test('creates a lead when asked to, answering the full Lead shape', async () => {
      const lead = ok(
        await ctx.api.upsert(
          newLead('+919800000001', {
            first_name: 'Ravi',
            last_name: 'Kumar',
            email: ['ravi@example.com', 'r.kumar@example.com'],
            website: 'https://ravi.example.com',
            address: { text: '4 Park St', latitude: 22.55 },
            city: 'Kolkata',
            business_name: 'Kumar & Sons',
            additional_info: 'Met at expo',
            deal_value: 12000.5,
            source: 'website-form',
            source_type: 'PABBLY',
            assignee_user_phone: '+918000000102',
            lead_stage_name: 'Contacted',
            lead_group_name: 'Outbound',
            add_labels: ['Hot', 'VIP'],
            add_phones: ['+919800000002'],
          }),
        ),
      );
      assert.deepEqual(lead, {
        id: 1004,
        org_id: 4242,
        first_name: 'Ravi',
        last_name: 'Kumar',
        website: 'https://ravi.example.com',
        business_name: 'Kumar & Sons',
        additional_info: 'Met at expo',
        city: 'Kolkata',
        status: 'ACTIVE',
        source: 'website-form',
        source_type: 'PABBLY',
        email: ['ravi@example.com', 'r.kumar@example.com'],
        deal_value: 12000.5,
        address: { text: '4 Park St', additional: null, initials: null, latitude: 22.55, longitude: null },
        assignee_user_id: 102,
        lead_stage_id: 302,
        lead_group_id: 402,
        created_at: START_ISO,
        updated_at: START_ISO,
        phones: [
          { phone: '+919800000001', customer_id: 1004 },
          { phone: '+919800000002', customer_id: 1004 },
        ],
        labels: [
          { id: 201, title: 'Hot', colour: '#F44336', text_colour: '#FFFFFF', status: 'ACTIVE' },
          { id: 204, title: 'VIP', colour: '#9C27B0', text_colour: '#FFFFFF', status: 'ACTIVE' },
        ],
        lead_stage: { id: 302, title: 'Contacted', org_id: 4242, status: 'ACTIVE', type: 'NONE', position: 2 },
        lead_group: { id: 402, title: 'Outbound', org_id: 4242, status: 'ACTIVE', type: null },
        assignee_user: { id: 102, first_name: 'Vikram', last_name: 'Mehta' },
      });
    });

    test('a minimal new lead has null fields, an empty address and no relations', async () => {
      const lead = ok(await ctx.api.upsert(newLead('+919800000001')));
      assert.equal(lead.first_name, null);
      assert.equal(lead.email, null);
      assert.deepEqual(lead.address, { text: null, additional: null, initials: null, latitude: null, longitude: null });
      assert.deepEqual([lead.lead_stage, lead.lead_group, lead.assignee_user, lead.labels], [null, null, null, []]);
    });

    test('answers 400 "Customer not found" for an unknown phone unless creation is asked for', async () => {
      fails(await ctx.api.upsert({ customer_phone: '+919800000001' }), 400, 'Customer not found');
      const explicit = { customer_phone: '+919800000001', create_customer_if_customer_phone_not_found: false };
      fails(await ctx.api.upsert(explicit), 400, 'Customer not found');
      fails(await ctx.api.getLead('+919800000001'), 404, 'Lead not found');
    });

    test('requires customer_phone', async () => {
      for (const customer_phone of [undefined, null, '']) {
        const res = await ctx.api.upsert({ customer_phone, first_name: 'X' });
        fails(res, 400, 'Customer phone is required to identify the record to update');
      }
    });

    test('rejects a customer_phone that is not E.164', async () => {
      for (const phone of ['8000000001', '+91 80000 00001', '+91-8000000001', '+0123456', '+1234567890123456', '+']) {
        fails(await ctx.api.upsert(newLead(phone)), 400, `customer_phone ${E164_RULE}, got ${JSON.stringify(phone)}`);
      }
      fails(await ctx.api.upsert(newLead(918000000001)), 400, `customer_phone ${E164_RULE}, got 918000000001`);
    });

    test('updates the existing lead: given fields change, the rest stay, updated_at moves', async () => {
      ctx.now = START + 60_000;
      const lead = ok(await ctx.api.upsert({ customer_phone: PRIYA, first_name: 'Priyanka', deal_value: 30000 }));
      assert.equal(lead.id, 1001);
      assert.equal(lead.first_name, 'Priyanka');
      assert.equal(lead.deal_value, 30000);
      assert.equal(lead.last_name, 'Sharma');
      assert.equal(lead.city, 'Jaipur');
      assert.equal(lead.lead_stage.title, 'New');
      assert.deepEqual(lead.labels.map((l) => l.title), ['Hot', 'VIP']);
      assert.equal(lead.created_at, '2026-01-15T09:00:00.000Z');
      assert.equal(lead.updated_at, '2026-05-01T00:01:00.000Z');
      assert.deepEqual(ok(await ctx.api.getLead(PRIYA)), lead);
    });

    test('null clears a stored field, the stage, the group and the assignee', async () => {
      const body = { customer_phone: PRIYA, city: null, lead_stage_name: null, lead_group_name: null, assignee_user_phone: null };
      const lead = ok(await ctx.api.upsert(body));
      assert.deepEqual(
        [lead.city, lead.lead_stage, lead.lead_stage_id, lead.lead_group, lead.lead_group_id, lead.assignee_user, lead.assignee_user_id],
        [null, null, null, null, null, null, null],
      );
    });

    test('sets the stage and group by exact title', async () => {
      const lead = ok(await ctx.api.upsert({ customer_phone: PRIYA, lead_stage_name: 'Won', lead_group_name: 'Events' }));
      assert.deepEqual(lead.lead_stage, { id: 306, title: 'Won', org_id: 4242, status: 'ACTIVE', type: 'FINAL_POSITIVE', position: 6 });
      assert.deepEqual(lead.lead_group, { id: 405, title: 'Events', org_id: 4242, status: 'ACTIVE', type: null });
      assert.deepEqual([lead.lead_stage_id, lead.lead_group_id], [306, 405]);
    });

    test('answers 404 for an unknown lead stage or lead group name', async () => {
      fails(await ctx.api.upsert({ customer_phone: PRIYA, lead_stage_name: 'Negotiation' }), 404, 'Lead stage not found');
      fails(await ctx.api.upsert({ customer_phone: PRIYA, lead_stage_name: 'won' }), 404, 'Lead stage not found');
      fails(await ctx.api.upsert({ customer_phone: PRIYA, lead_group_name: 'Walk-ins' }), 404, 'Lead group not found');
    });

    test('answers 400 when a stage or group title is not unique', async () => {
      const stage = await ctx.api.upsert({ customer_phone: PRIYA, lead_stage_name: 'Qualified' });
      fails(stage, 400, 'Multiple lead stages found with this name. Provide unique');
      const group = await ctx.api.upsert({ customer_phone: PRIYA, lead_group_name: 'Partners' });
      fails(group, 400, 'Multiple lead groups found with this name');
    });

    test('add_labels adds known labels and ignores unknown ones', async () => {
      const lead = ok(await ctx.api.upsert({ customer_phone: PRIYA, add_labels: ['Warm', 'No Such Label', 'Hot'] }));
      assert.deepEqual(lead.labels.map((l) => l.title), ['Hot', 'VIP', 'Warm']);
    });

    test('remove_labels removes labels and ignores unknown ones', async () => {
      const lead = ok(await ctx.api.upsert({ customer_phone: PRIYA, remove_labels: ['Hot', 'No Such Label', 'Cold'] }));
      assert.deepEqual(lead.labels.map((l) => l.title), ['VIP']);
    });

    test('add_labels and remove_labels together are refused', async () => {
      const res = await ctx.api.upsert({ customer_phone: PRIYA, add_labels: ['Warm'], remove_labels: ['Hot'] });
      fails(res, 400, 'add_labels and remove_labels cannot be used together in one request');
    });

    test('add_products attaches known products and ignores unknown ones', async () => {
      ok(await ctx.api.upsert({ customer_phone: PRIYA, add_products: ['Setup Fee', 'Gold Plan', 'Growth Plan'] }));
      const lead = ctx.emulator.inspect().leads.find((l) => l.id === 1001);
      assert.deepEqual(lead.product_ids, [502, 504]);
    });

    test('add_phones adds secondary phones, once each, that find the lead', async () => {
      const body = { customer_phone: PRIYA, add_phones: ['+14155552671', '+918000000011', '+14155552671'] };
      const lead = ok(await ctx.api.upsert(body));
      assert.deepEqual(lead.phones.map((p) => p.phone), [PRIYA, '+918000000011', '+14155552671']);
      assert.equal(ok(await ctx.api.getLead('+14155552671')).id, 1001);
    });

    test('add_phones entries must be E.164', async () => {
      const res = await ctx.api.upsert({ customer_phone: PRIYA, add_phones: ['+14155552671', '415-555-2671'] });
      fails(res, 400, `add_phones[1] ${E164_RULE}, got "415-555-2671"`);
    });

    test('assignee_user_phone assigns the team member with that phone', async () => {
      const lead = ok(await ctx.api.upsert({ customer_phone: PRIYA, assignee_user_phone: '+14155550103' }));
      assert.equal(lead.assignee_user_id, 103);
      assert.deepEqual(lead.assignee_user, { id: 103, first_name: 'Sara', last_name: 'Khan' });
    });

    test('assignee_user_phone of no team member answers 404, a malformed one 400', async () => {
      fails(await ctx.api.upsert({ customer_phone: PRIYA, assignee_user_phone: '+918000000999' }), 404, 'Assignee user not found');
      const res = await ctx.api.upsert({ customer_phone: PRIYA, assignee_user_phone: '08000000101' });
      fails(res, 400, `assignee_user_phone ${E164_RULE}, got "08000000101"`);
    });

    test('customer_note goes to the lead timeline, which the Lead object does not show', async () => {
      const lead = ok(await ctx.api.upsert({ customer_phone: PRIYA, customer_note: 'Wants a demo on Friday' }));
      assert.equal('notes' in lead, false);
      assert.equal('customer_note' in lead, false);
      const notes = ctx.emulator.inspect().notes.filter((n) => n.lead_id === 1001);
      assert.deepEqual(notes.map((n) => n.text), ['Asked for a callback after Pongal.', 'Wants a demo on Friday']);
      assert.deepEqual(notes[1], { id: 2, lead_id: 1001, task_id: null, text: 'Wants a demo on Friday', created_at: START_ISO });
    });

    test('several leads sharing the primary phone make the upsert fail', async () => {
      fails(await ctx.api.upsert({ customer_phone: SHARED, first_name: 'R' }), 400, 'Customer phone exists in multiple contact');
      fails(await ctx.api.upsert(newLead(SHARED)), 400, 'Customer phone exists in multiple contact');
    });

    test('source_type must be one of the source-type titles', async () => {
      assert.equal(ok(await ctx.api.upsert({ customer_phone: PRIYA, source_type: 'OTHERS' })).source_type, 'OTHERS');
      const res = await ctx.api.upsert({ customer_phone: PRIYA, source_type: 'TELEGRAM' });
      const titles = 'CSV_UPLOAD, FACEBOOK_INTEGRATION, PHONE_CONTACT, WHATSAPP_MESSAGE, WHATSAPP_INTEGRATION, PABBLY, OTHERS';
      fails(res, 400, `source_type must be one of ${titles}`);
    });

    test('fields of the wrong JSON type are refused, naming the field', async () => {
      const cases = [
        [{ first_name: 5 }, 'first_name must be a string'],
        [{ email: 'priya@example.com' }, 'email must be an array of strings'],
        [{ deal_value: '100' }, 'deal_value must be a number'],
        [{ address: 'MI Road' }, 'address must be an object'],
        [{ address: { latitude: '26.9' } }, 'address.latitude must be a number'],
        [{ add_labels: 'Hot' }, 'add_labels must be an array of strings'],
        [{ create_customer_if_customer_phone_not_found: 'yes' }, 'create_customer_if_customer_phone_not_found must be true or false'],
      ];
      for (const [fields, message] of cases) fails(await ctx.api.upsert({ customer_phone: PRIYA, ...fields }), 400, message);
    });

    test('a refused upsert changes nothing', async () => {
      const before = ctx.emulator.inspect();
      const update = { customer_phone: PRIYA, first_name: 'Changed', add_labels: ['Warm'], lead_group_name: 'Nope' };
      fails(await ctx.api.upsert(update), 404, 'Lead group not found');
      fails(await ctx.api.upsert(newLead('+919800000001', { lead_stage_name: 'Nope' })), 404, 'Lead stage not found');
      assert.deepEqual(ctx.emulator.inspect(), before);
    });

    test('new leads get increasing ids', async () => {
      const first = ok(await ctx.api.upsert(newLead('+919800000001')));
      const second = ok(await ctx.api.upsert(newLead('+919800000002')));
      assert.deepEqual([first.id, second.id], [1004, 1005]);
    });
  });

  describe('get lead', () => {
    test('finds a lead by its primary phone', async () => {
      const lead = ok(await ctx.api.getLead(PRIYA));
      assert.equal(lead.id, 1001);
      assert.equal(lead.first_name, 'Priya');
    });

    test('finds a lead by a secondary phone', async () => {
      assert.equal(ok(await ctx.api.getLead('+918000000011')).id, 1001);
    });

    test('answers 404 "Lead not found" for an unknown phone', async () => {
      fails(await ctx.api.getLead('+14155552671'), 404, 'Lead not found');
    });

    test('answers 400 when phone is missing', async () => {
      fails(await ctx.api.getLead(undefined), 400, 'phone is required');
      fails(await ctx.api.getLead(''), 400, 'phone is required');
    });

    test('an unencoded "+" (decoded as a space) is refused with a hint', async () => {
      const res = await ctx.api.call('GET', '/enterprise/api/lead?phone=+918000000001');
      fails(res, 400, `phone ${E164_RULE}, got " 918000000001"; encode '+' as %2B in the query string`);
    });

    test('a lead created by upsert reads back identically', async () => {
      const created = ok(await ctx.api.upsert(newLead('+919800000001', { first_name: 'Ravi', add_labels: ['Cold'] })));
      assert.deepEqual(ok(await ctx.api.getLead('+919800000001')), created);
    });
  });
}
