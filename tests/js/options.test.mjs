// ClientOptions are checked when the client is constructed: a typo or an unsafe setting throws a
// SuperfoneError (kind 'validation', field named) instead of being ignored.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { rejectsWith, throwsWith } from './helpers.mjs';

const { SuperfoneClient } = await import('superfone-crm');
const { createMockFetch } = await import('superfone-crm/emulator');

const make = (options) => () => new SuperfoneClient(options);

describe('apiKey', () => {
  test('missing → validation on apiKey', () => {
    throwsWith(make({}), { kind: 'validation', field: 'apiKey' });
  });

  test('no options at all → validation', () => {
    throwsWith(make(undefined), { kind: 'validation' });
  });

  test('empty → validation on apiKey', () => {
    throwsWith(make({ apiKey: '' }), { kind: 'validation', field: 'apiKey' });
  });

  test('with a trailing \\r\\n (a bad paste) → validation on apiKey', () => {
    throwsWith(make({ apiKey: 'sf_test_key\r\n' }), { kind: 'validation', field: 'apiKey' });
  });

  test('not a string → validation on apiKey', () => {
    throwsWith(make({ apiKey: 12345 }), { kind: 'validation', field: 'apiKey' });
  });
});

describe('baseUrl', () => {
  test('http:// with a public host is refused', () => {
    throwsWith(make({ apiKey: 'k', baseUrl: 'http://prod-api.superfone.co.in/superfone' }), { kind: 'validation', field: 'baseUrl' });
  });

  for (const url of ['http://localhost:4010/superfone', 'http://127.0.0.5:8080/superfone', 'http://[::1]:4010/superfone', 'https://example.com/superfone']) {
    test(`${url} is allowed`, () => {
      assert.doesNotThrow(make({ apiKey: 'k', baseUrl: url }));
    });
  }

  for (const url of ['ftp://example.com', 'example.com/superfone', 'https://user:pw@example.com', 'https://example.com/x?y=1', '']) {
    test(`${JSON.stringify(url)} is refused`, () => {
      throwsWith(make({ apiKey: 'k', baseUrl: url }), { kind: 'validation', field: 'baseUrl' });
    });
  }

  test('the client shows its base URL, normalised', () => {
    const client = new SuperfoneClient({ apiKey: 'k', baseUrl: 'HTTP://LOCALHOST:4010/superfone/' });
    assert.equal(String(client), 'SuperfoneClient(http://localhost:4010/superfone)');
  });

  test('the default is Superfone production', () => {
    assert.deepEqual(new SuperfoneClient({ apiKey: 'k' }).toJSON(), { baseUrl: 'https://prod-api.superfone.co.in/superfone' });
  });
});

describe('other options', () => {
  test("an unknown option ('timeout') is refused, naming it and the right one", () => {
    const err = throwsWith(make({ apiKey: 'k', timeout: 5000 }), { kind: 'validation', field: 'timeout' });
    assert.match(err.message, /^timeout: is not an option; the options are apiKey, .*timeoutMs/);
  });

  test('timeoutMs 0 is refused', () => {
    throwsWith(make({ apiKey: 'k', timeoutMs: 0 }), { kind: 'validation', field: 'timeoutMs' });
  });

  test('timeoutMs negative, NaN or a string is refused', () => {
    for (const timeoutMs of [-1, NaN, '5000']) {
      throwsWith(make({ apiKey: 'k', timeoutMs }), { kind: 'validation', field: 'timeoutMs' });
    }
  });

  test('maxRetries 11 is refused; 0 and 10 are fine', () => {
    throwsWith(make({ apiKey: 'k', maxRetries: 11 }), { kind: 'validation', field: 'maxRetries' });
    throwsWith(make({ apiKey: 'k', maxRetries: 1.5 }), { kind: 'validation', field: 'maxRetries' });
    throwsWith(make({ apiKey: 'k', maxRetries: -1 }), { kind: 'validation', field: 'maxRetries' });
    assert.doesNotThrow(make({ apiKey: 'k', maxRetries: 0 }));
    assert.doesNotThrow(make({ apiKey: 'k', maxRetries: 10 }));
  });

  test('fetch that is not a function is refused', () => {
    throwsWith(make({ apiKey: 'k', fetch: 'https://example.com' }), { kind: 'validation', field: 'fetch' });
    throwsWith(make({ apiKey: 'k', fetch: {} }), { kind: 'validation', field: 'fetch' });
  });

  test('headers must be an object of strings with valid names', () => {
    throwsWith(make({ apiKey: 'k', headers: 'x-a: b' }), { kind: 'validation', field: 'headers' });
    throwsWith(make({ apiKey: 'k', headers: { 'x-n': 5 } }), { kind: 'validation', field: 'headers.x-n' });
    throwsWith(make({ apiKey: 'k', headers: { 'bad name': 'v' } }), { kind: 'validation', field: 'headers.bad name' });
    throwsWith(make({ apiKey: 'k', headers: { 'x-a': 'line\nbreak' } }), { kind: 'validation', field: 'headers.x-a' });
  });

  test('userAgent with a line break is refused', () => {
    throwsWith(make({ apiKey: 'k', userAgent: 'app/1\r\nX-Evil: 1' }), { kind: 'validation', field: 'userAgent' });
  });

  test('several problems: all in the message', () => {
    const err = throwsWith(make({ apiKey: 'k', timeoutMs: 0, maxRetries: 99, retry: true }), { kind: 'validation' });
    for (const name of ['retry', 'timeoutMs', 'maxRetries']) assert.match(err.message, new RegExp(name));
  });

  test('constructing a client sends nothing', () => {
    const mock = createMockFetch();
    new SuperfoneClient({ apiKey: 'sf_test_key', fetch: mock });
    assert.equal(mock.requests.length, 0);
  });
});

describe('request options', () => {
  const client = new SuperfoneClient({ apiKey: 'sf_test_key', fetch: createMockFetch() });

  test('an unknown request option is refused', async () => {
    const err = await rejectsWith(client.listLabels(undefined, { retries: 1 }), { kind: 'validation', field: 'retries' });
    assert.match(err.message, /^retries: is not a request option; the request options are .*maxRetries/);
  });

  test('timeoutMs 0 and maxRetries 11 are refused per call too', async () => {
    await rejectsWith(client.listLabels(undefined, { timeoutMs: 0 }), { kind: 'validation', field: 'timeoutMs' });
    await rejectsWith(client.listLabels(undefined, { maxRetries: 11 }), { kind: 'validation', field: 'maxRetries' });
  });

  test('valid overrides are accepted', async () => {
    const page = await client.listLabels(undefined, { timeoutMs: 5000, maxRetries: 0 });
    assert.equal(page.rows.length, 50);
  });
});

describe('dangerouslyAllowBrowser', () => {
  /** Runs `fn` with a fake browser page (a global `window` with a `document`). */
  function inBrowserPage(fn) {
    const had = Object.prototype.hasOwnProperty.call(globalThis, 'window');
    const previous = globalThis.window;
    globalThis.window = { document: {} };
    try {
      return fn();
    } finally {
      if (had) globalThis.window = previous;
      else delete globalThis.window;
    }
  }

  test('in a browser page, constructing a client throws', () => {
    const err = inBrowserPage(() => {
      try {
        new SuperfoneClient({ apiKey: 'k' });
      } catch (e) {
        return e;
      }
      return undefined;
    });
    assert.equal(err?.kind, 'validation');
    assert.equal(err.field, 'dangerouslyAllowBrowser');
    assert.equal(globalThis.window, undefined, 'the fake window is removed again');
  });

  test('in a browser page, dangerouslyAllowBrowser: true allows it', () => {
    inBrowserPage(() => {
      assert.doesNotThrow(make({ apiKey: 'k', dangerouslyAllowBrowser: true }));
    });
  });

  test('a window without a document (not a page) is not a browser page', () => {
    globalThis.window = {};
    try {
      assert.doesNotThrow(make({ apiKey: 'k' }));
    } finally {
      delete globalThis.window;
    }
  });

  test('in Node, no flag is needed', () => {
    assert.doesNotThrow(make({ apiKey: 'k' }));
  });

  test('must be a boolean', () => {
    throwsWith(make({ apiKey: 'k', dangerouslyAllowBrowser: 'yes' }), { kind: 'validation', field: 'dangerouslyAllowBrowser' });
  });
});
