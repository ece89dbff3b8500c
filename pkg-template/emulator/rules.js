// Validation primitives the endpoints share: E.164 phones, ISO 8601 date-times, JSON field types
// and paging. Each throws a 400 ApiError whose message names the field and what was expected.

import { badRequest } from './errors.js';

const E164 = /^\+[1-9]\d{1,14}$/;
const E164_HINT = "'+', country code and number, digits only, e.g. +918000000001";

/**
 * Whether `value` is an E.164 phone number: `+`, a first digit 1–9, at most 15 digits.
 * @param {unknown} value
 * @returns {value is string}
 */
export function isE164(value) {
  return typeof value === 'string' && E164.test(value);
}

/**
 * Throws a 400 unless `value` is E.164.
 * @param {unknown} value
 * @param {string} field The field name used in the message, e.g. `add_phones[1]`.
 */
export function requireE164(value, field) {
  if (isE164(value)) return;
  // A raw "+" in a query string decodes to a space: say how to fix it.
  const hint = typeof value === 'string' && /^ \d+$/.test(value) ? "; encode '+' as %2B in the query string" : '';
  throw badRequest(`${field} must be an E.164 phone number (${E164_HINT}), got ${JSON.stringify(value)}${hint}`);
}

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(?:(Z)|([+-])(\d{2}):?(\d{2}))$/i;

/**
 * Parses an ISO 8601 date-time with a time zone (`2026-05-20T15:00:00Z`,
 * `2026-05-20T20:30:00.000+05:30`) to Unix milliseconds, or throws a 400 naming `field`.
 * @param {unknown} value
 * @param {string} field
 * @returns {number}
 */
export function parseIsoDateTime(value, field) {
  const m = typeof value === 'string' ? ISO_DATE_TIME.exec(value) : null;
  const fail = () =>
    badRequest(`${field} must be an ISO 8601 date-time with a time zone, e.g. 2026-05-20T15:00:00Z, got ${JSON.stringify(value)}`);
  if (!m) throw fail();
  const [year, month, day, hour, minute] = m.slice(1, 6).map(Number);
  const second = Number(m[6] ?? 0); // seconds may be left out: 2026-05-20T15:00Z
  const ms = Number((m[7] ?? '0').padEnd(3, '0').slice(0, 3));
  const daysInMonth = new Date(utc(year, month, 0)).getUTCDate();
  const offsetMinutes = m[8] ? 0 : (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11]));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 59) throw fail();
  // The SDK's own rule (src/time.rs): any number of fraction digits, offsets to ±23:59.
  if (m[10] !== undefined && (Number(m[10]) > 23 || Number(m[11]) > 59)) throw fail();
  return utc(year, month - 1, day, hour, minute, second, ms) - offsetMinutes * 60_000;
}

/** `Date.UTC` with the year taken as written: `Date.UTC` reads years 0-99 as 1900-1999. */
function utc(year, monthIndex, day, hour = 0, minute = 0, second = 0, ms = 0) {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  date.setUTCHours(hour, minute, second, ms);
  return date.getTime();
}

const TYPES = {
  string: [(v) => typeof v === 'string', 'a string'],
  number: [(v) => typeof v === 'number' && Number.isFinite(v), 'a number'],
  boolean: [(v) => typeof v === 'boolean', 'true or false'],
  object: [(v) => typeof v === 'object' && !Array.isArray(v), 'an object'],
  'string[]': [(v) => Array.isArray(v) && v.every((s) => typeof s === 'string'), 'an array of strings'],
};

/**
 * Checks the JSON type of each field of `schema` present in `object`. `null` passes for every
 * field: for stored fields it clears the value, for actions it means "nothing to do".
 * @param {Record<string, unknown>} object
 * @param {Record<string, keyof typeof TYPES>} schema field → expected type
 * @param {string} [prefix] prepended to field names in messages, e.g. `address.`
 */
export function checkTypes(object, schema, prefix = '') {
  for (const [field, type] of Object.entries(schema)) {
    const value = object[field];
    if (value === undefined || value === null) continue;
    const [accepts, description] = TYPES[type];
    if (!accepts(value)) throw badRequest(`${prefix}${field} must be ${description}`);
  }
}

/**
 * Reads `page` (default 1) and `page_size` from a query string; both must be positive integers.
 * @param {URLSearchParams} query
 * @param {{ defaultSize: number, maxSize?: number }} limits
 * @returns {{ page: number, pageSize: number }}
 */
export function parsePaging(query, { defaultSize, maxSize }) {
  const page = positiveInteger(query.get('page'), 'page', 1);
  const pageSize = positiveInteger(query.get('page_size'), 'page_size', defaultSize);
  if (maxSize !== undefined && pageSize > maxSize) throw badRequest(`page_size must be at most ${maxSize}`);
  return { page, pageSize };
}

function positiveInteger(raw, field, fallback) {
  if (raw === null) return fallback;
  // Past 2^53 - 1 a number is no longer exact (and past ~1e308 it is Infinity): refused, as the
  // client refuses it, rather than answered with a page whose numbers are wrong or null.
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw badRequest(`${field} must be a positive integer, got ${JSON.stringify(raw)}`);
  if (!Number.isSafeInteger(Number(raw))) throw badRequest(`${field} must be at most ${Number.MAX_SAFE_INTEGER}, got ${JSON.stringify(raw)}`);
  return Number(raw);
}

/**
 * One page of `items` in the API's paged envelope.
 * @template T
 * @param {T[]} items
 * @param {{ page: number, pageSize: number }} paging
 */
export function paginate(items, { page, pageSize }) {
  return {
    rows: items.slice((page - 1) * pageSize, page * pageSize),
    total_pages: Math.ceil(items.length / pageSize),
    current_page: page,
    page_size: pageSize,
    total_items: items.length,
  };
}
