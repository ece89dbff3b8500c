// A Node.js backend webhook: a website's contact form posts here (application/x-www-form-urlencoded
// or JSON), and the lead is created or updated in Superfone by phone number.
//
//   node examples/webhook/server.mjs            # against a local emulator, on http://127.0.0.1:8787
//   SUPERFONE_BASE_URL=https://prod-api.superfone.co.in/superfone SUPERFONE_API_KEY=... \
//     PORT=8787 node examples/webhook/server.mjs
//   curl -d 'name=Asha Rao&phone=080000 00001&email=asha@example.com' http://127.0.0.1:8787/webhooks/contact-form
//
// Form fields: phone (required; a national number gets DEFAULT_COUNTRY_CODE, default 91), name, email,
// message (kept as a note on the lead). Answers 200 {"lead_id":…,"phone":…}, 422 {"field","message"}
// for input the SDK refuses, 502 when Superfone fails.

import http from 'node:http';
import { SuperfoneClient, SuperfoneError, normalizePhone } from 'superfone-crm';

const MAX_BODY = 64 * 1024;

async function readForm(request) {
  let body = '';
  for await (const chunk of request) {
    body += chunk;
    if (body.length > MAX_BODY) throw Object.assign(new Error('body too large'), { status: 413 });
  }
  if (!(request.headers['content-type'] ?? '').startsWith('application/json')) return Object.fromEntries(new URLSearchParams(body));
  const form = JSON.parse(body); // a SyntaxError: 400
  if (typeof form !== 'object' || form === null || Array.isArray(form)) {
    throw Object.assign(new Error('the JSON body must be an object of form fields'), { status: 400 });
  }
  return form;
}

function send(response, status, body) {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

/**
 * The form → upsert, on its own: what the route does. Resolves to the phone as sent (E.164) and
 * the upsert's `data` (Superfone does not document its shape: expect an id, rely on no more).
 */
export async function upsertFromForm(client, form, defaultCountryCode = '91') {
  const phone = normalizePhone(String(form.phone ?? ''), defaultCountryCode); // throws kind 'validation'
  const [firstName, ...rest] = String(form.name ?? '').trim().split(/\s+/).filter(Boolean);
  const lead = await client.upsertLead({
    customer_phone: phone,
    create_customer_if_customer_phone_not_found: true,
    source_type: 'OTHERS',
    source: 'website contact form',
    ...(firstName ? { first_name: firstName } : {}),
    ...(rest.length ? { last_name: rest.join(' ') } : {}),
    ...(form.email ? { email: [String(form.email)] } : {}),
    ...(form.message ? { customer_note: String(form.message) } : {}),
  });
  return { phone, lead };
}

/** A node:http server with the webhook route. */
export function createWebhookServer({ client, defaultCountryCode = '91' }) {
  return http.createServer(async (request, response) => {
    if (request.method !== 'POST' || new URL(request.url, 'http://x').pathname !== '/webhooks/contact-form') {
      send(response, 404, { message: 'POST /webhooks/contact-form' });
      return;
    }
    try {
      const form = await readForm(request);
      const { phone, lead } = await upsertFromForm(client, form, defaultCountryCode);
      send(response, 200, { lead_id: lead.id ?? null, phone });
    } catch (error) {
      if (error instanceof SuperfoneError && error.kind === 'validation') {
        send(response, 422, { field: error.field ?? null, message: error.message });
      } else if (error instanceof SuperfoneError) {
        console.error(`superfone: ${error.kind} ${error.status ?? ''} ${error.message}`);
        send(response, 502, { message: 'could not save the lead, try again later' });
      } else {
        send(response, error.status ?? 400, { message: error.message });
      }
    }
  });
}

// Run as a program: serve until stopped.
if (import.meta.url === `file://${process.argv[1]}`) {
  let { SUPERFONE_BASE_URL: baseUrl, SUPERFONE_API_KEY: apiKey } = process.env;
  let emulator;
  if (!apiKey) {
    const { startEmulator } = await import('superfone-crm/emulator');
    emulator = await startEmulator();
    ({ url: baseUrl, apiKey } = emulator);
    console.log(`no SUPERFONE_API_KEY: using an emulator at ${baseUrl}`);
  }
  const client = new SuperfoneClient({ apiKey, ...(baseUrl ? { baseUrl } : {}) });
  const server = createWebhookServer({ client, defaultCountryCode: process.env.DEFAULT_COUNTRY_CODE ?? '91' });
  server.listen(Number(process.env.PORT ?? 8787), '127.0.0.1', () => {
    console.log(`webhook listening on http://127.0.0.1:${server.address().port}/webhooks/contact-form`);
  });
  const stop = () => server.close(() => emulator?.close());
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
