// Catalog lookups: source-type, label, lead-stage, lead-group, product.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fails, ISO_MS, ok } from './harness.mjs';

const AUDIT = ['id', 'org_id', 'title', 'status', 'created_by', 'updated_by', 'created_at', 'updated_at'];

/** Each catalog: its path, how many rows the default seed has, and the exact fields of a row. */
const CATALOGS = {
  'source-type': { total: 7, fields: ['id', 'title'] },
  label: { total: 120, fields: [...AUDIT, 'colour', 'text_colour'] },
  'lead-stage': { total: 7, fields: [...AUDIT, 'type', 'position', 'is_editable', 'identifier'] },
  'lead-group': { total: 5, fields: [...AUDIT, 'type'] },
  product: { total: 5, fields: [...AUDIT, 'description', 'price', 'currency', 'link', 'images'] },
};

/** @param {ReturnType<import('./harness.mjs').useTarget>} ctx */
export function catalogCases(ctx) {
  describe('catalogs', () => {
    for (const [name, { total, fields }] of Object.entries(CATALOGS)) {
      test(`${name}: a paged envelope, 50 rows a page by default, rows in the documented shape`, async () => {
        const page = ok(await ctx.api.catalog(name));
        assert.deepEqual(Object.keys(page).sort(), ['current_page', 'page_size', 'rows', 'total_items', 'total_pages']);
        assert.deepEqual(
          [page.current_page, page.page_size, page.total_items, page.total_pages],
          [1, 50, total, Math.ceil(total / 50)],
        );
        assert.equal(page.rows.length, Math.min(total, 50));
        for (const row of page.rows) {
          assert.deepEqual(Object.keys(row).sort(), [...fields].sort());
          assert.equal(typeof row.id, 'number');
          if (row.created_at) assert.match(row.created_at, ISO_MS);
        }
      });
    }

    test('source types are the Superfone-defined titles', async () => {
      const titles = ok(await ctx.api.catalog('source-type')).rows.map((r) => r.title);
      assert.deepEqual(titles, [
        'CSV_UPLOAD', 'FACEBOOK_INTEGRATION', 'PHONE_CONTACT', 'WHATSAPP_MESSAGE', 'WHATSAPP_INTEGRATION', 'PABBLY', 'OTHERS',
      ]);
    });

    test('120 labels span three pages of 50', async () => {
      const pages = [];
      for (const page of [1, 2, 3]) pages.push(ok(await ctx.api.catalog('label', { page })));
      assert.deepEqual(pages.map((p) => p.rows.length), [50, 50, 20]);
      assert.deepEqual(pages.map((p) => [p.current_page, p.total_pages, p.total_items]), [[1, 3, 120], [2, 3, 120], [3, 3, 120]]);
      const ids = pages.flatMap((p) => p.rows.map((r) => r.id));
      assert.equal(new Set(ids).size, 120);
      assert.deepEqual(ok(await ctx.api.catalog('label', { page: 4 })).rows, []);
    });

    test('page_size changes the page length', async () => {
      const page = ok(await ctx.api.catalog('label', { page: 2, page_size: 7 }));
      assert.deepEqual([page.rows.length, page.total_pages, page.page_size], [7, 18, 7]);
      assert.equal(page.rows[0].title, 'Enterprise');
    });

    test('text filters on a case-insensitive substring of the title', async () => {
      const titles = async (name, text) => ok(await ctx.api.catalog(name, { text })).rows.map((r) => r.title);
      assert.deepEqual(await titles('lead-stage', 'QUALI'), ['Qualified', 'Qualified']);
      assert.deepEqual(await titles('label', 'hot'), ['Hot']);
      assert.equal((await titles('label', 'segment 10')).length, 9); // 100..108
      assert.deepEqual(await titles('product', 'plan'), ['Starter Plan', 'Growth Plan', 'Enterprise Plan']);
      assert.deepEqual(await titles('source-type', 'whatsapp'), ['WHATSAPP_MESSAGE', 'WHATSAPP_INTEGRATION']);
      assert.deepEqual(await titles('lead-group', 'zzz'), []);
      const filtered = ok(await ctx.api.catalog('label', { text: 'segment', page_size: 50 }));
      assert.deepEqual([filtered.total_items, filtered.total_pages], [108, 3]);
    });

    test('lead stages carry every stage type, in position order', async () => {
      const rows = ok(await ctx.api.catalog('lead-stage')).rows;
      assert.deepEqual(rows.map((r) => r.position), [1, 2, 3, 4, 5, 6, 7]);
      assert.deepEqual(new Set(rows.map((r) => r.type)), new Set(['INITIAL', 'NONE', 'FINAL_POSITIVE', 'FINAL_NEGATIVE']));
    });

    test('products have a price and an ISO 4217 currency', async () => {
      const [starter] = ok(await ctx.api.catalog('product')).rows;
      assert.deepEqual([starter.title, starter.price, starter.currency], ['Starter Plan', 999, 'INR']);
    });

    test('a page or page_size that is not a positive integer is refused', async () => {
      for (const name of Object.keys(CATALOGS)) {
        fails(await ctx.api.catalog(name, { page: 0 }), 400, 'page must be a positive integer, got "0"');
        fails(await ctx.api.catalog(name, { page_size: 'ten' }), 400, 'page_size must be a positive integer, got "ten"');
        fails(await ctx.api.catalog(name, { page_size: 2.5 }), 400, 'page_size must be a positive integer, got "2.5"');
      }
    });

    test('a page or page_size past 2^53 - 1 is refused, not answered with inexact or null numbers', async () => {
      const huge = '9'.repeat(400); // Infinity as a JS number
      for (const name of Object.keys(CATALOGS)) {
        fails(await ctx.api.catalog(name, { page: '9007199254740992' }), 400, 'page must be at most 9007199254740991, got "9007199254740992"');
        fails(await ctx.api.catalog(name, { page_size: huge }), 400, `page_size must be at most 9007199254740991, got "${huge}"`);
        const last = ok(await ctx.api.catalog(name, { page: '9007199254740991', page_size: '9007199254740991' }));
        assert.deepEqual([last.rows, last.current_page, last.page_size, last.total_pages], [[], 9007199254740991, 9007199254740991, 1]);
      }
    });
  });
}
