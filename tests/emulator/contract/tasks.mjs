// Tasks: POST /lead/:lead_id/task, POST /lead/:lead_id/task/complete, GET /lead/:lead_id/task.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fails, newLead, ok, START, START_ISO } from './harness.mjs';

const DUE = '2026-05-20T15:00:00.000Z';
const MINUTE = 60_000;
const TYPES = ['FOLLOW_UP_CALL', 'FIRST_CALL', 'CALLBACK_REQUEST', 'SITE_VISIT', 'REMINDER', 'BOOKING'];

/** @param {ReturnType<import('./harness.mjs').useTarget>} ctx */
export function taskCases(ctx) {
  /** A fresh lead (no tasks) assigned to `assignee`, answering its id. */
  async function leadWithoutTasks(assignee = '+918000000102') {
    return ok(await ctx.api.upsert(newLead('+919800000001', { assignee_user_phone: assignee }))).id;
  }

  async function statuses(leadId) {
    const page = ok(await ctx.api.listTasks(leadId));
    return page.rows.map((t) => `${t.id} ${t.type} ${t.task_status}`);
  }

  describe('create task', () => {
    test('answers the Task, assigned to the lead’s current assignee', async () => {
      const leadId = await leadWithoutTasks();
      const task = ok(await ctx.api.createTask(leadId, { type: 'SITE_VISIT', due_date: '2026-05-20T15:00:00Z' }));
      assert.deepEqual(task, {
        id: 5002,
        org_id: 4242,
        customer_id: leadId,
        title: null,
        type: 'SITE_VISIT',
        due_date: DUE,
        notify_at: '2026-05-20T14:50:00.000Z',
        notify: true,
        task_status: 'PENDING',
        status: 'ACTIVE',
        assignee_user_id: 102,
        created_by: 101,
        updated_by: 101,
        created_at: START_ISO,
        updated_at: START_ISO,
      });
    });

    test('a task on an unassigned lead has no assignee', async () => {
      const leadId = ok(await ctx.api.upsert(newLead('+919800000001'))).id;
      assert.equal(ok(await ctx.api.createTask(leadId, { type: 'BOOKING', due_date: DUE })).assignee_user_id, null);
    });

    test('notify_at defaults: REMINDER at due_date, FIRST_CALL now, others 10 minutes before', async () => {
      const expected = { REMINDER: DUE, FIRST_CALL: START_ISO, default: '2026-05-20T14:50:00.000Z' };
      for (const type of TYPES) {
        const task = ok(await ctx.api.createTask(1001, { type, due_date: DUE }));
        assert.equal(task.notify_at, expected[type] ?? expected.default, type);
      }
    });

    test('an explicit notify_at is kept, in UTC with milliseconds', async () => {
      const body = { type: 'CALLBACK_REQUEST', due_date: '2026-05-20T20:30:00+05:30', notify_at: '2026-05-20T20:00:00+05:30' };
      const task = ok(await ctx.api.createTask(1001, body));
      assert.deepEqual([task.due_date, task.notify_at], ['2026-05-20T15:00:00.000Z', '2026-05-20T14:30:00.000Z']);
      const atDue = ok(await ctx.api.createTask(1001, { type: 'REMINDER', due_date: DUE, notify_at: DUE }));
      assert.equal(atDue.notify_at, DUE);
    });

    test('notify_at must lie after now and not after due_date', async () => {
      const create = (notify_at) => ctx.api.createTask(1001, { type: 'FOLLOW_UP_CALL', due_date: DUE, notify_at });
      fails(await create(START_ISO), 400, 'notify_at must be in the future');
      fails(await create(new Date(START - MINUTE).toISOString()), 400, 'notify_at must be in the future');
      fails(await create('2026-05-20T15:00:01Z'), 400, 'notify_at must not be after due_date');
      ok(await create(new Date(START + 1).toISOString()));
    });

    test('type is required and must be one of the six task types', async () => {
      fails(await ctx.api.createTask(1001, { due_date: DUE }), 400, 'type is required');
      fails(
        await ctx.api.createTask(1001, { type: 'MEETING', due_date: DUE }),
        400,
        'type must be one of FOLLOW_UP_CALL, FIRST_CALL, CALLBACK_REQUEST, SITE_VISIT, REMINDER, BOOKING',
      );
    });

    test('due_date is required and must be an ISO 8601 date-time', async () => {
      fails(await ctx.api.createTask(1001, { type: 'REMINDER' }), 400, 'due_date is required');
      for (const due_date of ['20/05/2026', '2026-05-20', '2026-05-20T15:00:00', '2026-02-30T10:00:00Z', 'tomorrow']) {
        const res = await ctx.api.createTask(1001, { type: 'REMINDER', due_date });
        const message = `due_date must be an ISO 8601 date-time with a time zone, e.g. 2026-05-20T15:00:00Z, got ${JSON.stringify(due_date)}`;
        fails(res, 400, message);
      }
      const badNotify = await ctx.api.createTask(1001, { type: 'REMINDER', due_date: DUE, notify_at: 'soon' });
      fails(badNotify, 400, 'notify_at must be an ISO 8601 date-time with a time zone, e.g. 2026-05-20T15:00:00Z, got "soon"');
    });

    test('a date-time without seconds is read as :00 (the SDK sends what it is given)', async () => {
      const task = ok(await ctx.api.createTask(1001, { type: 'SITE_VISIT', due_date: '2026-05-20T20:30+05:30', notify_at: '2026-05-20T14:45Z' }));
      assert.deepEqual([task.due_date, task.notify_at], ['2026-05-20T15:00:00.000Z', '2026-05-20T14:45:00.000Z']);
    });

    test('a date-time’s year is read as written, years 0000-0099 included', async () => {
      // Date.UTC would read 0050 as 1950, and reject 0000-02-29 (a leap day; 1900 had none).
      for (const [due_date, stored] of [
        ['0050-03-02T00:00:00Z', '0050-03-02T00:00:00.000Z'],
        ['0000-02-29T12:00:00+05:30', '0000-02-29T06:30:00.000Z'],
      ]) {
        assert.equal(ok(await ctx.api.createTask(1001, { type: 'REMINDER', due_date })).due_date, stored);
      }
      const res = await ctx.api.createTask(1001, { type: 'REMINDER', due_date: '1900-02-29T00:00:00Z' });
      fails(res, 400, 'due_date must be an ISO 8601 date-time with a time zone, e.g. 2026-05-20T15:00:00Z, got "1900-02-29T00:00:00Z"');
    });

    test('a new non-REMINDER task completes the lead’s other open non-REMINDER tasks', async () => {
      const leadId = await leadWithoutTasks();
      ok(await ctx.api.createTask(leadId, { type: 'FIRST_CALL', due_date: DUE }));
      ok(await ctx.api.createTask(leadId, { type: 'REMINDER', due_date: DUE }));
      ctx.now += MINUTE;
      ok(await ctx.api.createTask(leadId, { type: 'SITE_VISIT', due_date: DUE }));
      assert.deepEqual(await statuses(leadId), ['5004 SITE_VISIT PENDING', '5003 REMINDER PENDING', '5002 FIRST_CALL COMPLETE']);
      const closed = ok(await ctx.api.listTasks(leadId)).rows[2];
      assert.deepEqual([closed.status, closed.updated_at], ['COMPLETE', '2026-05-01T00:01:00.000Z']);
    });

    test('a new REMINDER leaves every other task open', async () => {
      const leadId = await leadWithoutTasks();
      ok(await ctx.api.createTask(leadId, { type: 'BOOKING', due_date: DUE }));
      ok(await ctx.api.createTask(leadId, { type: 'REMINDER', due_date: DUE }));
      ok(await ctx.api.createTask(leadId, { type: 'REMINDER', due_date: DUE }));
      assert.deepEqual(await statuses(leadId), ['5004 REMINDER PENDING', '5003 REMINDER PENDING', '5002 BOOKING PENDING']);
    });

    test('another lead’s tasks are not touched', async () => {
      const leadId = await leadWithoutTasks();
      ok(await ctx.api.createTask(leadId, { type: 'FOLLOW_UP_CALL', due_date: DUE }));
      assert.deepEqual(await statuses(1001), ['5001 FOLLOW_UP_CALL PENDING']);
    });

    test('customer_note goes to the lead timeline with the task id', async () => {
      const task = ok(await ctx.api.createTask(1001, { type: 'REMINDER', due_date: DUE, customer_note: 'Bring brochure' }));
      assert.equal('customer_note' in task, false);
      const note = ctx.emulator.inspect().notes.at(-1);
      assert.deepEqual(note, { id: 2, lead_id: 1001, task_id: task.id, text: 'Bring brochure', created_at: START_ISO });
    });
  });

  describe('complete task', () => {
    test('completes the most recently created PENDING task and answers it', async () => {
      const leadId = await leadWithoutTasks();
      ok(await ctx.api.createTask(leadId, { type: 'CALLBACK_REQUEST', due_date: DUE }));
      ok(await ctx.api.createTask(leadId, { type: 'REMINDER', due_date: DUE }));
      ctx.now += MINUTE;
      const done = ok(await ctx.api.completeTask(leadId));
      assert.deepEqual(
        [done.id, done.type, done.task_status, done.status, done.updated_at],
        [5003, 'REMINDER', 'COMPLETE', 'COMPLETE', '2026-05-01T00:01:00.000Z'],
      );
      assert.equal(ok(await ctx.api.completeTask(leadId)).id, 5002);
      assert.deepEqual(await statuses(leadId), ['5003 REMINDER COMPLETE', '5002 CALLBACK_REQUEST COMPLETE']);
    });

    test('answers 400 "No open task found for this lead" when nothing is open', async () => {
      const leadId = await leadWithoutTasks();
      fails(await ctx.api.completeTask(leadId), 400, 'No open task found for this lead');
      ok(await ctx.api.completeTask(1001));
      fails(await ctx.api.completeTask(1001), 400, 'No open task found for this lead');
    });
  });

  describe('list tasks', () => {
    test('lists newest first, 20 a page by default, page from 1', async () => {
      const leadId = await leadWithoutTasks();
      for (let i = 0; i < 25; i += 1) {
        ctx.now += MINUTE;
        ok(await ctx.api.createTask(leadId, { type: 'REMINDER', due_date: DUE }));
      }
      const first = ok(await ctx.api.listTasks(leadId));
      assert.deepEqual(
        { ...first, rows: first.rows.length },
        { rows: 20, total_pages: 2, current_page: 1, page_size: 20, total_items: 25 },
      );
      assert.equal(first.rows[0].id, 5026);
      const second = ok(await ctx.api.listTasks(leadId, { page: 2 }));
      assert.deepEqual(second.rows.map((t) => t.id), [5006, 5005, 5004, 5003, 5002]);
      const small = ok(await ctx.api.listTasks(leadId, { page: 3, page_size: 10 }));
      assert.deepEqual([small.rows.length, small.total_pages, small.current_page], [5, 3, 3]);
      assert.deepEqual(ok(await ctx.api.listTasks(leadId, { page: 4, page_size: 10 })).rows, []);
    });

    test('a lead without tasks has an empty first page', async () => {
      const leadId = await leadWithoutTasks();
      const page = ok(await ctx.api.listTasks(leadId));
      assert.deepEqual(page, { rows: [], total_pages: 0, current_page: 1, page_size: 20, total_items: 0 });
    });

    test('page_size above 20, and a page or page_size that is not a positive integer, are refused', async () => {
      fails(await ctx.api.listTasks(1001, { page_size: 21 }), 400, 'page_size must be at most 20');
      fails(await ctx.api.listTasks(1001, { page: 0 }), 400, 'page must be a positive integer, got "0"');
      fails(await ctx.api.listTasks(1001, { page: 'two' }), 400, 'page must be a positive integer, got "two"');
      fails(await ctx.api.listTasks(1001, { page_size: -5 }), 400, 'page_size must be a positive integer, got "-5"');
      ok(await ctx.api.listTasks(1001, { page_size: 20 }));
    });
  });

  describe('lead_id in task paths', () => {
    const calls = {
      create: (id) => ctx.api.createTask(id, { type: 'REMINDER', due_date: DUE }),
      complete: (id) => ctx.api.completeTask(id),
      list: (id) => ctx.api.listTasks(id),
    };
    for (const [name, call] of Object.entries(calls)) {
      test(`${name}: a lead_id that is not a number answers 400, an unknown one 404`, async () => {
        for (const id of ['abc', '1.5', '-1', '1001x']) fails(await call(id), 400, 'lead_id must be a number');
        fails(await call(99999), 404, 'Lead not found');
      });
    }
  });
}
