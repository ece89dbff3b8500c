// A minimal fixed-response Superfone API on loopback: each of the three benchmarked endpoints
// answers with a canned, valid envelope (fixtures.mjs), so the server costs next to nothing and
// the client side's overhead is what the per-call benchmark sees. Checks the key like the real
// API. Run as a child process (prints one JSON line {url, apiKey}); stops when stdin closes.

import http from 'node:http';
import { LEAD_BODY, LABEL_PAGE_BODY } from './fixtures.mjs';

const API_KEY = 'bench_key';
const lead = Buffer.from(LEAD_BODY);
const labels = Buffer.from(LABEL_PAGE_BODY);
const unauthorized = Buffer.from(JSON.stringify({ message: 'UnAuthorized, Please Provide Valid API Key' }));
const notFound = Buffer.from(JSON.stringify({ message: 'Not found' }));

function send(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
  res.end(body);
}

const server = http.createServer((req, res) => {
  // Drain the request body (the upsert) before answering, as a real server would.
  req.on('data', () => {});
  req.on('end', () => {
    if (req.headers['x-api-key'] !== API_KEY) return send(res, 401, unauthorized);
    const q = req.url.indexOf('?');
    const path = q === -1 ? req.url : req.url.slice(0, q);
    if (path === '/superfone/enterprise/api/lead') return send(res, 200, lead); // GET and POST
    if (path === '/superfone/enterprise/api/label' && req.method === 'GET') return send(res, 200, labels);
    send(res, 404, notFound);
  });
});
server.keepAliveTimeout = 60_000;

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}/superfone`, apiKey: API_KEY })}\n`);
});
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
process.stdin.on('close', () => process.exit(0));
