// The package's own emulator (superfone-crm/emulator) in a child process, so its request handling
// runs on the other core, not on the benchmark's event loop. Prints one JSON line {url, apiKey};
// stops when stdin closes.

import { startEmulator } from 'superfone-crm/emulator';

const emulator = await startEmulator();
process.stdout.write(`${JSON.stringify({ url: emulator.url, apiKey: emulator.apiKey })}\n`);
process.stdin.resume();
const stop = () => emulator.close().finally(() => process.exit(0));
process.stdin.on('end', stop);
process.stdin.on('close', stop);
