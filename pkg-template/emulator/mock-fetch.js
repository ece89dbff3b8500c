// The emulator as an injectable `fetch`: no sockets, no Node built-ins, real Request/Response
// objects, and fetch's failure modes (AbortError on abort, TypeError('fetch failed') on a drop).

import { abortReason, settleOrAbort } from './abort.js';
import { ConnectionDropped, controlsOf, createHandler } from './handler.js';

/**
 * An in-process emulator behind a `fetch`-compatible function. Any origin works (the SDK's
 * default base URL included): requests are routed by path alone.
 *
 * @param {import('./index.js').EmulatorOptions} [options]
 * @returns {import('./index.js').MockFetch}
 * @example
 * const fetch = createMockFetch();
 * const client = new SuperfoneClient({ apiKey: 'sf_test_key', fetch });
 * fetch.faults.next({ status: 503 }); // the client's next request gets a 503
 */
export function createMockFetch(options = {}) {
  const handler = createHandler(options);

  async function mockFetch(input, init) {
    const request = new Request(input, init);
    if (request.signal.aborted) throw abortReason(request.signal); // never sent, as with fetch
    try {
      return await settleOrAbort(handler.handle(request), request.signal);
    } catch (error) {
      // Like undici when the server closes the socket without answering.
      if (error instanceof ConnectionDropped) throw new TypeError('fetch failed', { cause: error });
      throw error;
    }
  }

  return Object.assign(mockFetch, controlsOf(handler));
}
