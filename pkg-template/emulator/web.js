// superfone-crm/emulator for runtimes without node:http (browsers, workers, Deno): everything but
// startEmulator, all web-standard.

export { createMockFetch } from './mock-fetch.js';
export { createHandler, ConnectionDropped, DEFAULT_API_KEY } from './handler.js';
export { defaultSeed } from './seed.js';
