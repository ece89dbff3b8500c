// A Cloudflare Worker: POST a contact form (urlencoded or JSON) to /leads and the lead is upserted
// in Superfone; GET /validate?phone=… answers whether a phone is valid and its E.164 form.
// `superfone-crm` resolves to its workerd entry (the .wasm imported as a module): no init call.
//
//   npx wrangler dev --config examples/worker/wrangler.toml    # secrets: SUPERFONE_API_KEY (and SUPERFONE_BASE_URL)
//
// The test suite runs this file in workerd through miniflare (tests/runtimes/examples.test.mjs).

import { SuperfoneClient, SuperfoneError, isValidE164, normalizePhone } from 'superfone-crm';

const json = (body, status = 200) => Response.json(body, { status });

function normalized(phone) {
  try {
    return normalizePhone(phone, '91');
  } catch (error) {
    if (error instanceof SuperfoneError) return null;
    throw error;
  }
}

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    if (request.method === 'GET' && url.pathname === '/validate') {
      const phone = url.searchParams.get('phone') ?? '';
      return json({ phone, valid: isValidE164(phone), normalized: normalized(phone) });
    }
    if (request.method === 'POST' && url.pathname === '/leads') {
      const type = request.headers.get('content-type') ?? '';
      let form;
      try {
        form = type.startsWith('application/json') ? await request.json() : Object.fromEntries(await request.formData());
      } catch {
        form = undefined;
      }
      if (typeof form !== 'object' || form === null || Array.isArray(form)) {
        return json({ message: 'the body must be form fields or a JSON object' }, 400);
      }
      let client;
      try {
        client = new SuperfoneClient({
          apiKey: env.SUPERFONE_API_KEY,
          ...(env.SUPERFONE_BASE_URL ? { baseUrl: env.SUPERFONE_BASE_URL } : {}),
        });
      } catch (error) {
        // The Worker's configuration, not the caller's input: a missing secret, a bad base URL.
        return json({ message: `not configured: ${error.message}` }, 500);
      }
      try {
        const lead = await client.upsertLead({
          customer_phone: normalizePhone(String(form.phone ?? ''), '91'),
          create_customer_if_customer_phone_not_found: true,
          ...(form.name ? { first_name: String(form.name) } : {}),
        });
        return json({ lead_id: lead.id ?? null });
      } catch (error) {
        if (!(error instanceof SuperfoneError)) throw error;
        return json({ kind: error.kind, field: error.field ?? null, message: error.message },
          error.kind === 'validation' ? 422 : 502);
      }
    }
    return json({ message: 'GET /validate?phone=… or POST /leads' }, 404);
  },
};
