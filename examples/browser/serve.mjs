// Serves this page on http://127.0.0.1:8080 (PORT to change; 0 picks a free port), with the
// content types a browser needs for ES modules and streaming wasm instantiation.
//
//   node examples/browser/serve.mjs      (after linking the package: see the README)
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json' };

const server = http.createServer((request, response) => {
  let pathname = decodeURIComponent(new URL(request.url, 'http://x').pathname);
  if (pathname.endsWith('/')) pathname += 'index.html';
  const file = path.join(here, pathname);
  if (!file.startsWith(here + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  response.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
  fs.createReadStream(file).pipe(response);
});
server.listen(Number(process.env.PORT ?? 8080), '127.0.0.1', () => {
  console.log(`http://127.0.0.1:${server.address().port}/`);
});
process.once('SIGTERM', () => server.close());
process.once('SIGINT', () => server.close());
