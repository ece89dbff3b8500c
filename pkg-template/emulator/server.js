// The emulator served over node:http on loopback: converts Node requests to web Requests for the
// handler, and carries out the socket side of faults (a drop destroys the connection).

import http from 'node:http';
import { ConnectionDropped, controlsOf, createHandler } from './handler.js';

/**
 * Starts an emulator HTTP server. `url` already ends in `/superfone`: give it to the client as
 * `baseUrl`.
 *
 * @param {import('./index.js').StartEmulatorOptions} [options]
 * @returns {Promise<import('./index.js').RunningEmulator>}
 * @example
 * const emulator = await startEmulator();
 * const client = new SuperfoneClient({ baseUrl: emulator.url, apiKey: emulator.apiKey });
 * await emulator.close();
 */
export async function startEmulator(options = {}) {
  const { port = 0, host = '127.0.0.1', ...handlerOptions } = options;
  const handler = createHandler(handlerOptions);
  const server = http.createServer((req, res) => {
    serve(handler, req, res);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  const hostname = urlHost(address);

  let closing;
  function close() {
    closing ??= new Promise((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      // Idle keep-alive sockets would otherwise hold the process open.
      server.closeAllConnections();
    });
    return closing;
  }

  return {
    url: `http://${hostname}:${address.port}/superfone`,
    port: address.port,
    ...controlsOf(handler),
    close,
  };
}

async function serve(handler, req, res) {
  const aborted = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) aborted.abort();
  });
  try {
    const body = await readBody(req);
    const headers = new Headers();
    for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i], req.rawHeaders[i + 1]);
    const request = new Request(`http://emulator.local${req.url}`, {
      method: req.method,
      headers,
      body: body.length > 0 && req.method !== 'GET' && req.method !== 'HEAD' ? body : undefined,
      signal: aborted.signal,
    });
    const response = await handler.handle(request);
    const payload = Buffer.from(await response.arrayBuffer());
    res.writeHead(response.status, { ...Object.fromEntries(response.headers), 'content-length': payload.length });
    res.end(payload);
  } catch (error) {
    if (error instanceof ConnectionDropped || aborted.signal.aborted) {
      req.socket.destroy();
      return;
    }
    res.writeHead(400, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify({ message: `Bad request: ${error.message}` }));
  }
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * The host to put in `url`: the bound address, except that a wildcard bind (`0.0.0.0`, `::`)
 * is reached through loopback. A wildcard is where a server listens, not an address to connect
 * to, and the client takes `http://` only for loopback hosts.
 * @param {import('node:net').AddressInfo} address
 */
function urlHost(address) {
  if (address.address === '0.0.0.0') return '127.0.0.1';
  if (address.address === '::') return '[::1]';
  return address.family === 'IPv6' ? `[${address.address}]` : address.address;
}
