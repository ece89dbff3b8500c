// superfone-crm/emulator for Node.js: the HTTP server, plus the web-standard pieces it is built on.

export * from './web.js';
export { startEmulator } from './server.js';
