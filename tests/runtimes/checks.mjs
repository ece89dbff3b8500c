// The checks every runtime of the matrix runs against the package it imported (`sdk`): the
// validators, one client call that succeeds and calls that fail with the right SuperfoneError kind.
// Web-standard only (no Node built-ins), so the same module runs in Node, Deno, Bun, workerd and a
// browser page. Returns { name: 'ok' | 'error text' } for each check; never throws.
//
// `connection` is what the client is given: { baseUrl, apiKey } of an emulator over HTTP, or
// { apiKey, fetch } with createMockFetch where no server is reachable; plus any other option.

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

function eq(actual, expected, what) {
  assert(JSON.stringify(actual) === JSON.stringify(expected),
    `${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

async function rejection(promise) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection, but it resolved');
}

function isSuperfoneError(sdk, error, kind) {
  assert(error instanceof sdk.SuperfoneError, `expected a SuperfoneError, got ${error?.stack ?? error}`);
  assert(error instanceof Error, 'a SuperfoneError is an Error');
  eq(error.name, 'SuperfoneError', 'name');
  eq(error.kind, kind, `kind (message: ${error.message})`);
}

export async function runChecks(sdk, connection) {
  const results = {};
  const check = async (name, fn) => {
    try {
      await fn();
      results[name] = 'ok';
    } catch (error) {
      results[name] = String(error?.stack ?? error);
    }
  };

  await check('exports', () => {
    for (const name of ['SuperfoneClient', 'SuperfoneError', 'isValidE164', 'normalizePhone', 'validateUpsertLead',
      'validateCreateTask']) {
      eq(typeof sdk[name], 'function', name);
    }
  });
  await check('isValidE164', () => {
    eq(sdk.isValidE164('+918000000001'), true, "isValidE164('+918000000001')");
    eq(sdk.isValidE164('8000000001'), false, "isValidE164('8000000001')");
  });
  await check('normalizePhone', () => {
    eq(sdk.normalizePhone('+91 80000-00001'), '+918000000001', "normalizePhone('+91 80000-00001')");
    let error;
    try {
      sdk.normalizePhone('abc');
    } catch (e) {
      error = e;
    }
    isSuperfoneError(sdk, error, 'validation');
  });
  await check('validateUpsertLead', () => {
    eq(sdk.validateUpsertLead({ customer_phone: '+918000000001' }), [], 'valid input');
    const issues = sdk.validateUpsertLead({ customer_phone: '8000000001' });
    eq(issues.map((issue) => issue.field), ['customer_phone'], 'issue fields');
  });
  await check('validateCreateTask', () => {
    const due = new Date(Date.now() + 86_400_000).toISOString();
    eq(sdk.validateCreateTask({ type: 'FOLLOW_UP_CALL', due_date: due }), [], 'valid input');
    assert(sdk.validateCreateTask({ type: 'NAP', due_date: due }).length > 0, 'an unknown type is an issue');
  });

  let client;
  await check('client', () => {
    client = new sdk.SuperfoneClient({ maxRetries: 0, timeoutMs: 10_000, ...connection });
  });
  if (!client) return results;
  await check('call succeeds: getLead', async () => {
    const lead = await client.getLead('+918000000001');
    eq([lead.id, lead.first_name], [1001, 'Priya'], 'the seeded lead');
  });
  await check('call succeeds: upsertLead', async () => {
    const lead = await client.upsertLead({
      customer_phone: '+919800000077',
      create_customer_if_customer_phone_not_found: true,
      first_name: 'Matrix',
    });
    eq(lead.first_name, 'Matrix', 'first_name');
  });
  await check('call fails: not_found', async () => {
    const error = await rejection(client.getLead('+919999999999'));
    isSuperfoneError(sdk, error, 'not_found');
    eq(error.status, 404, 'status');
    eq(error.message, 'Lead not found', 'message');
  });
  await check('call fails: validation', async () => {
    const error = await rejection(client.getLead('8000000001'));
    isSuperfoneError(sdk, error, 'validation');
    eq(error.field, 'phone', 'field');
  });
  await check('call fails: unauthorized', async () => {
    const wrongKey = new sdk.SuperfoneClient({ ...connection, maxRetries: 0, apiKey: 'sf_wrong_key' });
    const error = await rejection(wrongKey.listLabels());
    isSuperfoneError(sdk, error, 'unauthorized');
    eq(error.status, 401, 'status');
  });
  return results;
}
