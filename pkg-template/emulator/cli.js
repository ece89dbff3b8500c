#!/usr/bin/env node
// superfone-emulator: serve the emulator until Ctrl+C / SIGTERM.

import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { startEmulator } from './index.js';

const USAGE = `Usage: superfone-emulator [--port 4010] [--host 127.0.0.1] [--api-key KEY] [--seed seed.json] [--verbose]

Serves an in-memory Superfone CRM Enterprise API at http://HOST:PORT/superfone.
  --port      port to listen on (default 4010; 0 picks a free one)
  --host      interface to bind (default 127.0.0.1)
  --api-key   the x-api-key the emulator accepts (default sf_test_key)
  --seed      a JSON file with the initial data (shape: EmulatorSeed in index.d.ts)
  --verbose   print one line per request`;

async function main() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string', short: 'p', default: '4010' },
        host: { type: 'string', default: '127.0.0.1' },
        'api-key': { type: 'string' },
        seed: { type: 'string' },
        verbose: { type: 'boolean', short: 'v', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    return usageError(error.message);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port > 65535) return usageError(`--port must be 0..65535, got ${values.port}`);
  const seed = values.seed === undefined ? undefined : JSON.parse(await readFile(values.seed, 'utf8'));

  const onRequest = values.verbose ? logRequest : undefined;
  const emulator = await startEmulator({ port, host: values.host, apiKey: values['api-key'], seed, onRequest });
  console.log('Superfone emulator ready (Ctrl+C to stop)');
  console.log(`SUPERFONE_BASE_URL=${emulator.url}`);
  console.log(`SUPERFONE_API_KEY=${emulator.apiKey}`);

  const stop = async () => {
    await emulator.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** One line per request, once it has an outcome. */
function logRequest(record) {
  const query = record.query ? `?${record.query}` : '';
  const fault = record.fault ? ` (fault: ${record.fault})` : '';
  console.log(`${record.method} ${record.path}${query} → ${record.status ?? record.outcome}${fault}`);
}

function usageError(message) {
  console.error(`superfone-emulator: ${message}\n\n${USAGE}`);
  process.exitCode = 2;
}

main().catch((error) => {
  console.error(`superfone-emulator: ${error.message}`);
  process.exit(1);
});
