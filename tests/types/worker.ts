// A Cloudflare Worker's typed consumer (tsconfig.worker.json: bundler resolution with the
// `workerd` condition, as wrangler resolves): the emulator there is web.js, without startEmulator.
import { SuperfoneClient } from 'superfone-crm';
import { createMockFetch } from 'superfone-crm/emulator';
// @ts-expect-error startEmulator needs node:http: it is not in the workers' emulator entry
import { startEmulator } from 'superfone-crm/emulator';

const client = new SuperfoneClient({ apiKey: 'sf_test_key', fetch: createMockFetch() });
export const labels: Promise<number> = client.listLabels().then((page) => page.total_items);
export const unused: unknown = startEmulator;
