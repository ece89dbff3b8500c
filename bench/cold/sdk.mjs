// Cold start of the SDK (ESM): import the package by name and make one validation call.
const t0 = performance.now();
const { isValidE164 } = await import('superfone-crm');
if (!isValidE164('+918000000001')) process.exit(1);
process.stdout.write(String(performance.now() - t0));
