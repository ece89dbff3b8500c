// A typed CommonJS consumer of `superfone-crm`: `require` resolves to `index.d.cts`, whose
// exports are the properties of `module.exports` (there is no `default`). Compile-only.

import sf = require('superfone-crm');
import type { Lead, SuperfoneErrorKind, UpsertLeadInput } from 'superfone-crm';

const client = new sf.SuperfoneClient({ apiKey: 'sf_test_key', maxRetries: 0 });

async function main(): Promise<Lead | null> {
  const input: UpsertLeadInput = {
    customer_phone: sf.normalizePhone('08000000001', '91'),
    create_customer_if_customer_phone_not_found: true,
  };
  if (sf.validateUpsertLead(input).length > 0 || !sf.isValidE164(input.customer_phone)) return null;
  try {
    const lead = await client.upsertLead(input);
    await client.createTask(lead.id, { type: 'SITE_VISIT', due_date: new Date() });
    for await (const label of client.iterateLabels({ limit: 5 })) console.log(label.title);
    return await client.getLead(input.customer_phone);
  } catch (err) {
    if (err instanceof sf.SuperfoneError) {
      const kind: SuperfoneErrorKind = err.kind;
      if (kind === 'not_found') return null;
    }
    throw err;
  }
}

const issues: sf.ValidationIssue[] = sf.validateCreateTask({ type: 'REMINDER' }, new Date());
const error: sf.SuperfoneError = new sf.SuperfoneError('x', { kind: 'validation', field: 'phone', retryable: false });

// @ts-expect-error the CommonJS entry has no default export (module.exports is the API itself)
sf.default;

void [main, issues, error];
